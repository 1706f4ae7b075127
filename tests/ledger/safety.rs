//! Trust in what the ledger and plan files say, from the command line:
//! control characters appended raw to the shared ledger never reach a
//! terminal, table or CSV file raw; input with them is refused; `ledger
//! check` reports what readers tolerate; odd files (only a BOM, a dangling
//! link, a duplicated column) are named clearly; `history` behaves on
//! `--limit 0` and a closed pipe; `--leader` counts 总体目标 as the UI does.

use std::fs::{self, OpenOptions};
use std::io::{Read, Write};
use std::path::Path;
use std::process::Stdio;

use crate::common::{bin, ledger_in, ledger_text, run, wp};

/// ESC [ 2 J (clear screen), OSC 52 (set the clipboard) ended by BEL, NUL,
/// C1 CSI (U+009B) and a bidi override.
const EVIL_USER: &str = "eve\u{1b}[2J";
const EVIL_NOTE: &str = "\u{1b}]52;c;aGk=\u{7}\0x\u{9b}31m\u{202e}";

fn append_raw(path: &Path, line: &str) {
    let mut f = OpenOptions::new().append(true).open(path).unwrap();
    f.write_all(line.as_bytes()).unwrap();
}

/// A ledger with one clean row (line 2) and, appended with `echo >>`,
/// raw rows: a note on 8.1 (line 3), a status of task 8 with a remark
/// (line 4), a note on task 8 (line 5).
fn evil_ledger(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let data = ledger_in(dir);
    let r = run(wp(&data, "limin").args(["set", "8.1", "512"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    append_raw(
        &data,
        &format!("2025-06-02T10:00:00+08:00,{EVIL_USER},8.1,note,\"{EVIL_NOTE}\",,\r\n"),
    );
    append_raw(
        &data,
        &format!("2025-06-02T11:00:00+08:00,{EVIL_USER},8,status,delayed,,\"{EVIL_NOTE}\"\r\n"),
    );
    append_raw(
        &data,
        &format!("2025-06-02T12:00:00+08:00,{EVIL_USER},8,note,\"{EVIL_NOTE}\",,\r\n"),
    );
    data
}

/// No raw control character (C0 but line breaks, DEL, C1) and no bidi
/// override in `bytes`.
fn assert_clean(what: &str, bytes: &str) {
    let bad: Vec<char> = bytes
        .chars()
        .filter(|&c| (c.is_control() && c != '\n') || c == '\u{202e}')
        .collect();
    assert!(bad.is_empty(), "{what}: raw {bad:?} in\n{bytes}");
}

#[test]
fn history_shows_raw_control_characters_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let data = evil_ledger(&dir);
    let escaped_note = "\\x1b]52;c;aGk=\\x07\\x00x\\u{9b}31m\\u{202e}";
    for format in ["table", "csv"] {
        let r = run(wp(&data, "u").args(["history", "--format", format]));
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
        assert_clean(format, &r.stdout);
        assert!(r.stdout.contains("eve\\x1b[2J"), "{format}: {}", r.stdout);
        assert!(r.stdout.contains(escaped_note), "{format}: {}", r.stdout);
    }
    // JSON keeps the text exact for programs, every control escaped.
    let r = run(wp(&data, "u").args(["history", "--format", "json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_clean("json", &r.stdout);
    assert!(r.stdout.contains(r"\u001b]52") && r.stdout.contains(r"\u009b"));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v[2]["user"], EVIL_USER);
    assert_eq!(v[2]["value"], EVIL_NOTE);
    assert_eq!(v[1]["note"], EVIL_NOTE);
    // undo quotes the note it reverts
    let r = run(wp(&data, "u").args(["undo", "8.1", "--field", "note"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_clean("undo", &r.stdout);
    assert!(r.stdout.contains(escaped_note), "{}", r.stdout);
}

#[test]
fn listings_show_ledger_notes_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let data = evil_ledger(&dir);
    for args in [
        &["indicators", "--task", "8", "--format", "csv"][..],
        &["indicators", "--task", "8", "--format", "json"],
        &["indicators", "--task", "8"],
        &["tasks", "--task", "8", "--format", "csv"],
        &["tasks", "--task", "8", "--format", "json"],
        &["tasks", "--task", "8"],
    ] {
        let r = run(wp(&data, "u").args(args));
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert_clean(&format!("{args:?}"), &r.stdout);
        if args.contains(&"csv") {
            assert!(r.stdout.contains("\\x1b]52"), "{args:?}: {}", r.stdout);
        }
    }
    let r = run(wp(&data, "u").args(["indicators", "--task", "8", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v[0]["note"], EVIL_NOTE);
    let r = run(wp(&data, "u").args(["tasks", "--task", "8", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v[0]["note"], EVIL_NOTE);
}

#[test]
fn ledger_check_reports_each_control_character_by_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let data = evil_ledger(&dir);
    let r = run(wp(&data, "u").args(["ledger", "check"]));
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    assert_clean("check", &r.stdout);
    assert_clean("check", &r.stderr);
    let d = data.display();
    for (line, field) in [
        (3, "user"),
        (3, "value"),
        (4, "user"),
        (4, "note"),
        (5, "user"),
        (5, "value"),
    ] {
        assert!(
            r.stdout
                .contains(&format!("{d}:{line}: field `{field}`: `")),
            "{line} {field}: {}",
            r.stdout
        );
    }
    assert!(
        r.stdout
            .contains("contains the control character U+001B (\\x1b)"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.starts_with("ok:"), "{}", r.stdout);
    assert!(r.stderr.contains("6 problems"), "{}", r.stderr);
}

#[test]
fn control_characters_in_input_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    for args in [
        &["set", "8.1", "512", "--note", "a\u{1b}[2J"][..],
        &["note", "8.1", "ring\u{7}"],
        &["note", "8.1", "\u{202e}txt.exe"],
        &["status", "8", "delayed", "--note", "\u{9b}31m"],
    ] {
        let r = run(wp(&data, "u").args(args));
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert_clean(&format!("{args:?}"), &r.stderr);
        assert!(!data.exists(), "{args:?} wrote the ledger");
    }
    // --user, WUDANG_PLAN_USER and $USER
    let r = run(wp(&data, "eve\u{1b}[2J").args(["set", "8.1", "512"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("--user (or WUDANG_PLAN_USER): the user name `eve\\x1b[2J`"),
        "{}",
        r.stderr
    );
    let r = run(bin()
        .arg("--data")
        .arg(&data)
        .env("WUDANG_PLAN_LANG", "en")
        .env("USER", "eve\u{7}")
        .args(["note", "8", "hi"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("$USER: the user name `eve\\x07`"),
        "{}",
        r.stderr
    );
    let r = run(bin()
        .arg("--data")
        .arg(&data)
        .env("WUDANG_PLAN_USER", "eve\u{1b}]0;title\u{7}")
        .args(["status", "8", "done"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_clean("env user", &r.stderr);
    assert!(!data.exists());
}

// ---- ledger check: what readers tolerate, odd files --------------------

#[test]
fn ledger_check_reports_unknown_ids_and_rows_with_too_many_fields() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let wide = format!(
        "2025-06-01T10:00:00+08:00,a,8.1,actual,5,,{}",
        ",x".repeat(9_993)
    );
    fs::write(
        &data,
        ledger_text(
            &[
                "2025-06-01T10:00:00+08:00,a,99.9,actual,1,,",
                "2025-06-01T10:00:00+08:00,a,8.1,actual,4,,",
                &wide,
                "2025-06-01T11:00:00+08:00,a,99.9,actual,2,1,",
            ],
            "\r\n",
        ),
    )
    .unwrap();
    let r = run(wp(&data, "u").args(["ledger", "check"]));
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    let d = data.display();
    assert!(
        r.stdout.contains(&format!(
            "{d}:2: field `id`: `99.9` is neither an indicator nor a task of the plan (2 rows \
             from this line on: listed by `history`, counted in no task or indicator)"
        )),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(&format!(
            "{d}:4: found 10000 fields, the header has 7 columns"
        )),
        "{}",
        r.stdout
    );
    assert!(r.stderr.contains("2 problems"), "{}", r.stderr);
    // Other readers still read them (one odd row never stops the team).
    let r = run(wp(&data, "u").args(["indicators", "--task", "8"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Another plan knows other ids: `--plan` is what check compares with.
    let mini = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-plan");
    let r = run(wp(&data, "u")
        .arg("--plan")
        .arg(&mini)
        .args(["ledger", "check"]));
    assert!(r.stdout.contains("`8.1` is neither"), "{}", r.stdout);
}

#[test]
fn a_duplicated_column_is_an_error_for_every_reader() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    fs::write(
        &data,
        "time,user,id,field,value,old,note,value\r\n\
         2025-06-01T10:00:00+08:00,a,8.1,actual,5,,,600\r\n",
    )
    .unwrap();
    for args in [
        &["ledger", "check"][..],
        &["indicators"],
        &["history"],
        &["set", "8.1", "7"],
    ] {
        let r = run(wp(&data, "u").args(args));
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains(&format!(
                "{}:1: column `value` appears 2 times in the header (columns 5 and 8)",
                data.display()
            )),
            "{args:?}: {}",
            r.stderr
        );
    }
}

#[test]
fn a_file_holding_only_a_bom_is_an_empty_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    fs::write(&data, b"\xEF\xBB\xBF").unwrap();
    let r = run(wp(&data, "u").args(["ledger", "check"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    assert_eq!(
        r.stdout,
        format!(
            "ok: {}: empty, no header yet (it is written with the first edit), UTF-8 with BOM\n",
            data.display()
        )
    );
    let r = run(wp(&data, "u").args(["set", "8.1", "5"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "", "no warning about a cut-short line");
    assert!(!dir.path().join("actuals.csv.torn").exists());
    let text = fs::read_to_string(&data).unwrap();
    assert!(
        text.starts_with("\u{feff}time,user,id,field,value,old,note,period\r\n2025-06-01"),
        "{text:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_dangling_link_is_named_with_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let target = dir.path().join("moved/actuals.csv");
    std::os::unix::fs::symlink(&target, &data).unwrap();
    for args in [
        &["ledger", "check"][..],
        &["set", "8.1", "5"],
        &["tasks"],
        &["ledger", "convert"],
    ] {
        let r = run(wp(&data, "u").args(args));
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains(&format!(
                "{}: is a symbolic link to {}, which does not exist",
                data.display(),
                target.display()
            )),
            "{args:?}: {}",
            r.stderr
        );
        assert!(!r.stderr.contains("File exists"), "{}", r.stderr);
    }
    assert!(!target.exists());
}

// ---- history: --limit 0, a closed pipe -----------------------------------

#[test]
fn history_limit_zero_says_what_is_there() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    for v in ["1", "2", "3"] {
        assert_eq!(run(wp(&data, "u").args(["set", "8.1", v])).code, 0);
    }
    let r = run(wp(&data, "u").args(["history", "--limit", "0"]));
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout,
        "--limit 0: none of the 3 recorded changes are shown\n"
    );
    let r = run(wp(&data, "u").args(["history", "8.1", "--limit", "0"]));
    assert_eq!(
        r.stdout,
        "8.1 工业总产值: --limit 0: none of the 3 recorded changes are shown\n"
    );
    let r = run(wp(&data, "u").args(["history", "--limit", "0", "--format", "csv"]));
    assert_eq!(r.stdout, "time,user,id,field,value,old,note,line,period\n");
    let r = run(wp(&data, "u").args(["history", "--limit", "0", "--format", "json"]));
    assert_eq!(r.stdout, "[]\n");
    // Nothing recorded at all is still said so.
    let r = run(wp(&data, "u").args(["history", "8.2", "--limit", "0"]));
    assert_eq!(r.stdout, "8.2 工业投资累计完成: no changes recorded\n");
}

/// `history | head`: every format exits 0, silently, when the reader
/// closes the pipe early.
#[test]
fn history_into_a_closed_pipe_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let mut text = String::from("\u{feff}time,user,id,field,value,old,note,period\r\n");
    let mut old = String::new();
    for k in 0..40_000 {
        let v = (k % 997).to_string();
        text.push_str(&format!(
            "2025-06-01T10:00:00+08:00,user{k},8.1,actual,{v},{old},二季度快报 第{k}期\r\n"
        ));
        old = v;
    }
    fs::write(&data, text).unwrap();
    for format in ["csv", "json", "table"] {
        let mut child = wp(&data, "u")
            .args(["history", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut head = [0u8; 512];
        stdout.read_exact(&mut head).unwrap();
        drop(stdout);
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(0), "{format}: {stderr}");
        assert_eq!(stderr, "", "{format}");
    }
}

// ---- one rule for --leader, CLI and UI -------------------------------------

fn json_of(args: &[&str]) -> serde_json::Value {
    let o = bin().args(args).output().unwrap();
    assert!(o.status.success(), "{args:?}");
    serde_json::from_slice(&o.stdout).unwrap()
}

/// `tasks --leader zkc` counts 总体目标 as his three headline indicators,
/// with the leaders and persons of those rows, like `indicators --leader
/// zkc --task 0` and the UI.
#[test]
fn tasks_under_a_leader_count_only_his_headline_rows() {
    let t = json_of(&[
        "tasks", "--leader", "zkc", "--task", "0", "--format", "json",
    ]);
    let i = json_of(&[
        "indicators",
        "--leader",
        "zkc",
        "--task",
        "0",
        "--format",
        "json",
    ]);
    assert_eq!(i.as_array().unwrap().len(), 3);
    assert_eq!(t[0]["indicators"]["total"], 3);
    assert_eq!(t[0]["leaders"], serde_json::json!(["李立国", "朱快春"]));
    assert_eq!(t[0]["targets"].as_array().unwrap().len(), 3);
    let o = bin()
        .args(["tasks", "--leader", "zkc", "--task", "0"])
        .output()
        .unwrap();
    let table = String::from_utf8(o.stdout).unwrap();
    let row = table.lines().nth(1).unwrap();
    assert!(
        row.contains("0/3") && row.contains("李立国、朱快春"),
        "{table}"
    );
    assert!(!row.contains("王飞"), "{table}");
    let o = bin()
        .args(["tasks", "--leader", "zkc", "--task", "0", "--format", "csv"])
        .output()
        .unwrap();
    let mut rdr = csv::Reader::from_reader(o.stdout.as_slice());
    let rec = rdr.records().next().unwrap().unwrap();
    assert_eq!((&rec[3], &rec[9]), ("李立国;朱快春", "3"));
}

/// For every leader and every task, the command line and the UI show the
/// same number of indicators.
#[test]
fn cli_and_ui_agree_for_every_leader() {
    use wudang_plan::ledger::Status;
    use wudang_plan::ui::model::filter::{Filters, Judged, compute};
    use wudang_plan::ui::model::search::Index;
    let plan = wudang_plan::plan::load_embedded().unwrap();
    let statuses = vec![Status::NoData; plan.indicators.len()];
    let judged = Judged {
        statuses: &statuses,
        paces: &[],
        today: jiff::civil::date(2025, 6, 30),
        marks: &[],
        order: None,
    };
    for leader in plan.leaders() {
        let cli = json_of(&["tasks", "--leader", &leader, "--format", "json"]);
        let f = Filters {
            leader: Some(leader.clone()),
            ..Filters::default()
        };
        let ui = compute(&plan, &judged, &f, &Index::new(&plan), None);
        let ui_counts: Vec<(String, usize)> = ui
            .tasks
            .iter()
            .map(|t| (plan.tasks[t.pos].id.clone(), t.inds.len()))
            .collect();
        let cli_counts: Vec<(String, usize)> = cli
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["id"].as_str().unwrap().to_string(),
                    t["indicators"]["total"].as_u64().unwrap() as usize,
                )
            })
            .collect();
        let mut sorted_ui = ui_counts.clone();
        sorted_ui.sort();
        let mut sorted_cli = cli_counts.clone();
        sorted_cli.sort();
        assert_eq!(sorted_cli, sorted_ui, "{leader}");
    }
}

// ---- plan files ------------------------------------------------------------

/// A copy of the mini plan with `edit` applied to `file`.
fn plan_with(file: &str, edit: impl Fn(&str) -> String) -> tempfile::TempDir {
    let mini = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-plan");
    let dir = tempfile::tempdir().unwrap();
    for f in ["groups.csv", "tasks.csv", "rows.csv", "indicators.csv"] {
        let text = fs::read_to_string(mini.join(f)).unwrap();
        let text = if f == file { edit(&text) } else { text };
        fs::write(dir.path().join(f), text).unwrap();
    }
    dir
}

#[test]
fn a_plan_file_with_control_characters_is_refused() {
    let dir = plan_with("tasks.csv", |t| t.replace("做强工业", "做强\u{1b}[2J工业"));
    let r = run(bin()
        .args(["--lang", "en", "--plan"])
        .arg(dir.path())
        .arg("check"));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_clean("plan check", &r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "{}/tasks.csv:3: field `title`: `做强\\x1b[2J工业` contains the control character U+001B",
            dir.path().display()
        )),
        "{}",
        r.stderr
    );
    // line breaks are fine in a task's text (paragraphs), also CRLF
    let dir = plan_with("tasks.csv", |t| {
        t.replace("到2025年，工业产值", "\"第一段。\r\n到2025年，工业产值")
            .replace("60亿元以上。,", "60亿元以上。\",")
    });
    let r = run(bin().arg("--plan").arg(dir.path()).arg("check"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let dir = plan_with("rows.csv", |t| t.replacen("\n", ",title\n", 1));
    let r = run(bin()
        .args(["--lang", "en", "--plan"])
        .arg(dir.path())
        .arg("check"));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("column `title` appears twice"),
        "{}",
        r.stderr
    );
}

/// Issue 8: `paths` and the `ok:` line of `ledger check` printed the
/// ledger's path raw: a directory named with ESC reached the terminal.
#[test]
fn paths_and_check_show_a_control_character_in_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("a\u{1b}[2Jb");
    std::fs::create_dir(&sub).unwrap();
    let data = sub.join("actuals.csv");
    let r = run(bin()
        .arg("paths")
        .env("WUDANG_PLAN_DATA", &data)
        .env("WUDANG_PLAN_LANG", "en"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_clean("paths", &r.stdout);
    assert!(r.stdout.contains("ledger: "), "{}", r.stdout);
    let r = run(wp(&data, "u").args(["set", "8.1", "512"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run(wp(&data, "u").args(["ledger", "check"]));
    assert_clean("check", &r.stdout);
    assert!(r.stdout.contains("ok: "), "{}", r.stdout);
}
