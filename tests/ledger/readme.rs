//! README's examples, run: every `$ wudang-plan …` line README shows in a
//! code block is run by the real binary, in order, on the ledgers README
//! describes (temp dirs, `WUDANG_PLAN_DATA=actuals.csv`,
//! `TZ=Asia/Shanghai`, the `--today` and `--user` each line gives), and
//! what README shows under it must be what the program prints (stdout,
//! then stderr), in the language README shows it in: Chinese with no
//! option, English with `--lang en`. A shown line `…` or `...` (or one
//! starting with `…（`) stands for any lines. `(exit N)` is the exit code.
//!
//! The same commands in the other language (`--lang en` added or taken
//! away, run on a copy of the ledger as it stood) are an insta snapshot,
//! as are README's own commands in full (`readme_as_shown`).
//!
//! `UPDATE_README=1 cargo test --test ledger readme` rewrites the shown
//! output of every example without `…` from the program (read `git diff
//! README.md` afterwards).

use std::path::{Path, PathBuf};

use crate::common::bin;

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");

/// One `$ wudang-plan …` line of README and what README shows under it.
#[derive(Debug)]
struct Example {
    /// The command as README writes it, without `$ `.
    command: String,
    /// The shown lines (the block's indentation taken off), `(exit N)`
    /// taken off.
    shown: Vec<String>,
    exit: i32,
    /// README's lines (0-based) holding `shown`, and the indentation.
    lines: std::ops::Range<usize>,
    indent: usize,
}

/// Every example of README, in order: in each fenced block whose first
/// line starts with `$ wudang-plan`, each such line and the lines after it
/// up to the next one or the block's end.
fn examples(readme: &str) -> Vec<Example> {
    let lines: Vec<&str> = readme.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        let indent = l.len() - l.trim_start().len();
        if !l.trim_start().starts_with("```") {
            i += 1;
            continue;
        }
        let end = (i + 1..lines.len())
            .find(|&j| lines[j].trim() == "```")
            .expect("an open code block");
        let body = i + 1..end;
        if lines[i + 1].trim_start().starts_with("$ wudang-plan") {
            let mut k = body.start;
            while k < body.end {
                let command = lines[k].trim_start()["$ ".len()..].to_string();
                let stop = (k + 1..body.end)
                    .find(|&j| lines[j].trim_start().starts_with("$ "))
                    .unwrap_or(body.end);
                let mut shown: Vec<String> = lines[k + 1..stop]
                    .iter()
                    .map(|s| s.get(indent..).unwrap_or("").to_string())
                    .collect();
                let mut exit = 0;
                if let Some(code) = shown
                    .last()
                    .and_then(|s| s.strip_prefix("(exit "))
                    .and_then(|s| s.strip_suffix(')'))
                {
                    exit = code.parse().unwrap();
                    shown.pop();
                }
                out.push(Example {
                    command,
                    lines: k + 1..k + 1 + shown.len(),
                    shown,
                    exit,
                    indent,
                });
                k = stop;
            }
        }
        i = end + 1;
    }
    out
}

/// A shown line standing for any lines.
fn elided(s: &str) -> bool {
    let t = s.trim();
    t == "…" || t == "..." || t.starts_with("…（")
}

/// Whether `actual` is `shown` with each elision standing for any lines.
fn matches(shown: &[String], actual: &[&str]) -> bool {
    match shown.split_first() {
        None => actual.is_empty(),
        Some((s, rest)) if elided(s) => (0..=actual.len()).any(|n| matches(rest, &actual[n..])),
        Some((s, rest)) => actual.first() == Some(&s.as_str()) && matches(rest, &actual[1..]),
    }
}

/// A command line split into arguments (`"a b"` quoted), the program
/// name dropped.
fn args(command: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in command.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    assert_eq!(out.first().map(String::as_str), Some("wudang-plan"));
    out.remove(0);
    out
}

/// The same command in the other language: `--lang en` taken away, or
/// added.
fn other_language(args: &[String]) -> Vec<String> {
    match args.iter().position(|a| a == "--lang") {
        Some(i) => [&args[..i], &args[i + 2..]].concat(),
        None => [&["--lang".to_string(), "en".to_string()][..], args].concat(),
    }
}

struct Ran {
    code: i32,
    text: String,
}

/// Runs `args` in `dir` as README's sessions do.
fn run_in(dir: &Path, args: &[String]) -> Ran {
    let out = bin()
        .args(args)
        .current_dir(dir)
        .env("WUDANG_PLAN_DATA", "actuals.csv")
        .env("TZ", "Asia/Shanghai")
        .env("COLUMNS", "80")
        .env("USER", "readme")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .unwrap();
    let mut text = String::from_utf8(out.stdout).unwrap();
    text.push_str(&String::from_utf8(out.stderr).unwrap());
    Ran {
        code: out.status.code().unwrap_or(-1),
        text,
    }
}

/// A copy of the files of `dir` in a new temp dir.
fn copy_of(dir: &Path) -> tempfile::TempDir {
    let copy = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_file() {
            std::fs::copy(e.path(), copy.path().join(e.file_name())).unwrap();
        }
    }
    copy
}

/// What the test does between README's examples.
enum Step {
    /// Go on in the temp dir of this name (made empty the first time).
    In(&'static str),
    /// Run README's next example, which must be this command.
    Example(&'static str),
    /// Run a command README describes but does not show the output of
    /// (it must be in README, as written here without `wudang-plan`).
    Quiet(&'static str),
    /// Change the files of the current dir as README says a person did;
    /// what README shows of them that is not so.
    Edit(fn(&Path) -> Vec<String>),
}

use Step::*;

/// README's sessions, in README's order.
const STEPS: &[Step] = &[
    In("examples"),
    Example("wudang-plan status -h"),
    Example("wudang-plan check"),
    Example("wudang-plan indicators --leader zkc --task 8"),
    Example("wudang-plan --today 2025-03-01 tasks --group 3"),
    Example("wudang-plan indicators --task 0 --format json"),
    Example("wudang-plan --lang en tasks --leader zzz"),
    // "A session"
    In("session"),
    Example(
        "wudang-plan --lang en --user limin --today 2025-06-30 set 8.1 512亿元 --note 二季度统计快报",
    ),
    Example("wudang-plan --lang en --user wangfang --today 2025-07-02 set 8.1 ５３０"),
    Example("wudang-plan --lang en --user limin --today 2025-07-03 set 8.1 540 --expect 512"),
    Example("wudang-plan --lang en --user limin --today 2025-07-03 set 8.1 5,12"),
    Example("wudang-plan --lang en --user limin --today 2025-07-03 set 8.1 512万元"),
    Example("wudang-plan --lang en --user limin --today 2025-07-03 set 0.4 78.5%"),
    Example("wudang-plan --lang en --user limin --today 2025-07-03 set 8.2 300"),
    Example("wudang-plan --lang en --user limin --today 2025-07-03 set 10.1 完成"),
    Example(
        "wudang-plan --lang en --user zhukc --today 2025-07-03 status 8 delayed --note 用地指标未落实",
    ),
    Example("wudang-plan --lang en --user limin --today 2025-07-04 note 8.1 待统计局核实"),
    Example("wudang-plan --lang en --user limin --today 2025-07-05 undo 8.1 --field actual"),
    Example("wudang-plan --today 2025-07-05 history 8.1"),
    Example("wudang-plan --today 2025-07-05 history --limit 2 --format csv"),
    Example("wudang-plan --today 2025-07-05 indicators --task 8"),
    Example("wudang-plan --today 2026-01-05 indicators --task 8"),
    Example("wudang-plan --today 2025-07-05 indicators --task 10 --status met --format json"),
    Example("wudang-plan --today 2025-07-05 tasks --group 2 --status delayed"),
    Example("wudang-plan --lang en paths"),
    Example("wudang-plan --lang en ledger check"),
    Example(
        "wudang-plan --lang en --user limin --today 2025-07-05 set 8.1 300 --period 2020 --note 2020年统计公报",
    ),
    // "Lights": a fresh ledger
    In("lights"),
    Quiet("set 8.1 300 --period 2020"),
    Quiet("set 8.1 440 --period 2024"),
    Quiet("set 8.2 300 --period 2024"),
    Example("wudang-plan --today 2025-03-01 indicators --task 8"),
    // "The supervision report"
    In("report"),
    Quiet("--user limin --today 2024-02-01 set 7.2 5800 --period 2023"),
    Quiet("--user limin --today 2025-03-10 set 0.1 250 --period 2020"),
    Quiet("--user limin --today 2025-03-10 set 0.1 360 --period 2024 --note 2024年统计公报"),
    Quiet("--user limin --today 2025-03-10 set 8.1 300 --period 2020"),
    Quiet("--user limin --today 2025-03-10 set 8.1 440 --period 2024"),
    Quiet("--user wangfang --today 2025-03-12 set 8.2 300 --period 2024 --note 含续建项目"),
    Quiet("--user wangfang --today 2025-07-15 set 8.3 100 --period 2020"),
    Quiet("--user wangfang --today 2025-07-15 set 8.3 165 --period 2025Q2"),
    Quiet("--user limin --today 2025-07-20 set 10.1 完成"),
    Quiet("--user limin --today 2025-07-20 set 0.4 78.5 --period 2025Q2"),
    Example("wudang-plan --today 2025-09-30 report --group 2"),
    // "Excel/WPS": the session's ledger
    In("session"),
    Example("wudang-plan --lang en --today 2025-07-06 export --leader zkc --out 台账.csv"),
    Edit(limin_edits_the_sheet),
    Example("wudang-plan --lang en --today 2025-07-07 import 台账.csv --dry-run"),
    Example("wudang-plan --lang en --user limin --today 2025-07-07 import 台账.csv"),
    Example("wudang-plan --lang en --user limin --today 2025-07-07 import 台账.csv"),
    Example("wudang-plan --lang en --user wangfang --today 2025-07-07 import 台账-王芳.csv"),
    Quiet("--today 2025-07-07 export --task 8 --out 台账2.csv"),
    Edit(wangfang_breaks_a_sheet),
    Example("wudang-plan --lang en --user wangfang --today 2025-07-07 import 台账2.csv"),
];

/// A sheet's records, by header name.
struct Sheet {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Sheet {
    fn read(path: &Path) -> Sheet {
        let bytes = std::fs::read(path).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let text = text.trim_start_matches('\u{feff}');
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let header = r.headers().unwrap().iter().map(String::from).collect();
        let rows = r
            .records()
            .map(|x| x.unwrap().iter().map(String::from).collect())
            .collect();
        Sheet { header, rows }
    }

    fn set(&mut self, id: &str, column: &str, value: &str) {
        let c = self.header.iter().position(|h| h == column).unwrap();
        let i = self.header.iter().position(|h| h == "id").unwrap();
        let row = self.rows.iter_mut().find(|r| r[i] == id).unwrap();
        row[c] = value.to_string();
    }

    fn text(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(&self.header).unwrap();
        for r in &self.rows {
            w.write_record(r).unwrap();
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }
}

/// README, "Excel/WPS": the two rows it shows are the export's; limin
/// types ３５０ as 8.2's actual, 150 as 8.3's, a new note on 8.1 and 推进中
/// as task 8's status in its five rows, and saves as GB18030; wangfang,
/// from the same export, types 340 as 8.2's actual.
fn limin_edits_the_sheet(dir: &Path) -> Vec<String> {
    let readme = std::fs::read_to_string(README).unwrap();
    let export = std::fs::read_to_string(dir.join("台账.csv")).unwrap();
    let mut wrong = Vec::new();
    for shown in ["#8.1,8.1,2,8,", "#8.2,8.2,2,8,"] {
        let line = readme
            .lines()
            .map(str::trim)
            .find(|l| l.starts_with(shown))
            .unwrap();
        if !export.lines().any(|l| l == line) {
            wrong.push(format!(
                "README's sheet row is not the export's:\n{line}\n{}",
                export.lines().find(|l| l.starts_with(shown)).unwrap_or("")
            ));
        }
    }
    let mut wang = Sheet::read(&dir.join("台账.csv"));
    wang.set("8.2", "actual", "340");
    std::fs::write(dir.join("台账-王芳.csv"), wang.text()).unwrap();
    let mut s = Sheet::read(&dir.join("台账.csv"));
    s.set("8.2", "actual", "３５０");
    s.set("8.3", "actual", "150");
    s.set("8.1", "note", "已与统计局核对");
    for id in ["8.1", "8.2", "8.3", "8.4", "8.5"] {
        s.set(id, "task_status", "推进中");
    }
    let text = s.text();
    let (gb, _, bad) = encoding_rs::GB18030.encode(&text);
    assert!(!bad);
    std::fs::write(dir.join("台账.csv"), gb).unwrap();
    wrong
}

/// README, "Invalid cells": task 8's last row says done, 8.2's actual is
/// `3,40`, 8.4's period `2024Q5`.
fn wangfang_breaks_a_sheet(dir: &Path) -> Vec<String> {
    let mut s = Sheet::read(&dir.join("台账2.csv"));
    s.set("8.5", "task_status", "done");
    s.set("8.2", "actual", "3,40");
    s.set("8.4", "period", "2024Q5");
    std::fs::write(dir.join("台账2.csv"), s.text()).unwrap();
    Vec::new()
}

#[test]
fn readmes_examples_print_what_readme_shows() {
    let readme = std::fs::read_to_string(README).unwrap();
    let shown = examples(&readme);
    let listed: Vec<&str> = STEPS
        .iter()
        .filter_map(|s| match s {
            Example(c) => Some(*c),
            _ => None,
        })
        .collect();
    let in_readme: Vec<&str> = shown.iter().map(|e| e.command.as_str()).collect();
    assert_eq!(
        in_readme, listed,
        "README's examples are not the ones this test runs: update STEPS"
    );
    let mut dirs: Vec<(&str, tempfile::TempDir)> = Vec::new();
    let mut here: PathBuf = PathBuf::new();
    let mut next = shown.iter();
    let (mut as_shown, mut other) = (String::new(), String::new());
    let mut wrong = Vec::new();
    let mut rewrites: Vec<(&Example, String)> = Vec::new();
    for step in STEPS {
        match step {
            In(name) => {
                if !dirs.iter().any(|(n, _)| n == name) {
                    dirs.push((name, tempfile::tempdir().unwrap()));
                }
                here = dirs
                    .iter()
                    .find(|(n, _)| n == name)
                    .unwrap()
                    .1
                    .path()
                    .into();
            }
            Quiet(c) => {
                assert!(readme.contains(c), "README does not say `{c}`");
                let r = run_in(&here, &args(&format!("wudang-plan {c}")));
                assert_eq!(r.code, 0, "{c}: {}", r.text);
            }
            Edit(f) => wrong.extend(f(&here)),
            Example(c) => {
                let ex = next.next().unwrap();
                let a = args(c);
                let copy = copy_of(&here);
                let o = run_in(copy.path(), &other_language(&a));
                other.push_str(&format!(
                    "$ wudang-plan {}\n{}",
                    other_language(&a).join(" "),
                    o.text
                ));
                other.push_str(&format!("(exit {})\n\n", o.code));
                let r = run_in(&here, &a);
                assert_eq!(
                    o.code, r.code,
                    "`{c}`: the exit code changed with the language"
                );
                as_shown.push_str(&format!("$ {c}\n{}(exit {})\n\n", r.text, r.code));
                let lines: Vec<&str> = r.text.lines().collect();
                if r.code != ex.exit || !matches(&ex.shown, &lines) {
                    wrong.push(format!(
                        "README.md:{}: `{c}`\n--- README shows (exit {}):\n{}\n--- the program prints (exit {}):\n{}",
                        ex.lines.start,
                        ex.exit,
                        ex.shown.join("\n"),
                        r.code,
                        r.text
                    ));
                    if !ex.shown.iter().any(|s| elided(s)) {
                        rewrites.push((ex, r.text.clone()));
                    }
                }
            }
        }
    }
    if std::env::var_os("UPDATE_README").is_some() && !rewrites.is_empty() {
        rewrite(&readme, &rewrites);
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
    insta::assert_snapshot!("readme_as_shown", as_shown);
    insta::assert_snapshot!("readme_in_the_other_language", other);
}

/// README with the shown output of `rewrites` replaced by what the program
/// printed (the exit code kept as `(exit N)`).
fn rewrite(readme: &str, rewrites: &[(&Example, String)]) {
    let mut lines: Vec<String> = readme.lines().map(String::from).collect();
    let mut sorted: Vec<&(&Example, String)> = rewrites.iter().collect();
    sorted.sort_by_key(|(e, _)| std::cmp::Reverse(e.lines.start));
    for (ex, text) in sorted {
        let pad = " ".repeat(ex.indent);
        let new: Vec<String> = text
            .lines()
            .map(|l| {
                if l.is_empty() {
                    String::new()
                } else {
                    format!("{pad}{l}")
                }
            })
            .collect();
        lines.splice(ex.lines.clone(), new);
    }
    let mut out = lines.join("\n");
    out.push('\n');
    std::fs::write(README, out).unwrap();
}
