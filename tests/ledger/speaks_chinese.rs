//! Issue 13's bar: with no options, every line the command line prints to a
//! person is Chinese. Every command (in its table form) and the errors a
//! person meets are run with no `--lang`; every line of what they print
//! must be Chinese or data (ids, numbers, dates, paths, the commands and
//! flags a message tells one to type, names from the ledger). A line with
//! an English word in it fails, and the test names it.

use std::fs;
use std::path::Path;

use crate::common::{run, wp_zh};

/// ASCII words a Chinese line may hold: what one types (commands, flags'
/// names, format and value words), file names, the program's name, and
/// the data of this test (its user, units).
const TYPED: &[&str] = &[
    "wudang",
    "plan",
    "ledger",
    "check",
    "convert",
    "set",
    "status",
    "note",
    "undo",
    "series",
    "history",
    "tasks",
    "indicators",
    "report",
    "export",
    "import",
    "paths",
    "help",
    "expect",
    "period",
    "field",
    "format",
    "csv",
    "json",
    "table",
    "html",
    "md",
    "data",
    "user",
    "today",
    "lang",
    "zh",
    "en",
    "actual",
    "value",
    "old",
    "time",
    "id",
    "not_started",
    "in_progress",
    "delayed",
    "done",
    "not_done",
    "green",
    "yellow",
    "red",
    "gray",
    "actuals",
    "ckpt",
    "seen",
    "lock",
    "torn",
    "snap",
    "bak",
    "tmp",
    "utf",
    "bom",
    "gb18030",
    "excel",
    "wps",
    "lf",
    "crlf",
    "alice",
    "bob",
    "WUDANG_PLAN_DATA",
    "WUDANG_PLAN_LANG",
    "WUDANG_PLAN_USER",
    "WUDANG_PLAN_PLAN",
    "groups",
    "rows",
    "leader",
    "unit",
    "limit",
    "task",
    "light",
    "stale",
    "force",
    "out",
    "file",
    "dir",
    "ascii",
    "usage",
    "git",
    "home",
    "publish",
    "pull",
    "clone",
    "workspace",
];

/// The English words of `line` (ASCII runs of 3+ letters that are not
/// something one types, a path or a flag).
fn english_words(line: &str) -> Vec<String> {
    // What is quoted is what was typed or found: “abc”, `set 8.1`.
    let mut unquoted = String::new();
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match (quote, c) {
            (None, '“') => quote = Some('”'),
            (None, '`') => quote = Some('`'),
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, c) => unquoted.push(c),
        }
    }
    let line = unquoted.as_str();
    let mut words = Vec::new();
    for token in
        line.split(|c: char| c.is_whitespace() || "“”「」（）()：:，,。；;、`'\"=[]".contains(c))
    {
        // Paths, flags and file names are data.
        if token.contains('/')
            || token.starts_with('-')
            || token.contains('.') && !token.ends_with('.')
        {
            continue;
        }
        for w in token.split(|c: char| !c.is_ascii_alphabetic() && c != '_') {
            if w.len() >= 3 && !TYPED.iter().any(|t| t.eq_ignore_ascii_case(w)) {
                words.push(w.to_string());
            }
        }
    }
    words
}

#[test]
fn the_word_finder_finds_english_and_leaves_data() {
    assert_eq!(
        english_words("wudang-plan: cannot read /tmp/x.csv: no such file"),
        ["cannot", "read", "such"]
    );
    assert!(english_words("已记录：8.1 工业总产值 2025 年 500 亿元（李明，2025-06-01T00:00:00+08:00，actuals.csv:3）").is_empty());
    assert!(english_words("请运行 `wudang-plan ledger check` 或加 --expect 500").is_empty());
    assert!(english_words("“abc”不是数字，`Some typed text`").is_empty());
    assert_eq!(english_words("“abc” is not"), ["not"]);
}

/// Every line of `out` that has an English word, with the command.
fn english_lines(what: &str, out: &str) -> Vec<String> {
    out.lines()
        .filter(|l| !english_words(l).is_empty())
        .map(|l| format!("{what}: {l}   <- {:?}", english_words(l)))
        .collect()
}

fn mini() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-plan")
}

#[test]
fn with_no_options_every_line_printed_to_a_person_is_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("actuals.csv");
    let mut bad = Vec::new();
    let mut go = |args: &[&str], user: &str| {
        let r = run(wp_zh(&data, user, "2025-06-01").args(args));
        let what = args.join(" ");
        bad.extend(english_lines(&what, &r.stdout));
        bad.extend(english_lines(&what, &r.stderr));
        r.code
    };
    // Confirmations and the lists.
    assert_eq!(go(&["set", "8.1", "500"], "alice"), 0);
    assert_eq!(go(&["set", "8.1", "500"], "alice"), 0, "unchanged");
    assert_eq!(go(&["set", "8.2", "300", "--period", "2024"], "bob"), 0);
    assert_eq!(go(&["status", "8", "in_progress"], "alice"), 0);
    assert_eq!(go(&["note", "8", "快报"], "alice"), 0);
    assert_eq!(go(&["undo", "8.2"], "alice"), 0);
    for args in [
        &["check"][..],
        &["tasks"],
        &["indicators", "--task", "8"],
        &["history"],
        &["history", "8.1"],
        &["series", "8.1"],
        &["paths"],
        &["ledger", "check"],
    ] {
        assert_eq!(go(args, "alice"), 0, "{args:?}");
    }
    // Errors a person meets.
    for (args, code) in [
        (&["set", "8.1", "abc"][..], 2),
        (&["set", "99.9", "5"], 2),
        (&["set", "8", "5"], 2),
        (&["status", "8", "finished"], 2),
        (&["set", "8.1", "600", "--expect", "1"], 3),
        (&["undo", "3.1"], 2),
        (&["series", "8"], 2),
        (&["history", "99.9"], 2),
        (&["import", "/nonexistent/sheet.csv"], 2),
    ] {
        assert_eq!(go(args, "alice"), code, "{args:?}");
    }
    // The city's view: a ledger outside git.
    for (args, code) in [(&["home"][..], 0), (&["publish"], 2)] {
        assert_eq!(go(args, "alice"), code, "{args:?}");
    }
    // A ledger with a bad line: commands refuse, `ledger check` lists it.
    let broken = dir.path().join("broken.csv");
    fs::write(
        &broken,
        "time,user,id,field,value,old,note,period\n2025-06-01T00:00:00+08:00,u,8.1,actual,abc,,,2025\n",
    )
    .unwrap();
    for args in [&["set", "8.1", "5"][..], &["ledger", "check"], &["tasks"]] {
        let r = run(wp_zh(&broken, "u", "2025-06-01").args(args));
        assert_ne!(r.code, 0, "{args:?}");
        bad.extend(english_lines(
            &format!("broken: {}", args.join(" ")),
            &r.stdout,
        ));
        bad.extend(english_lines(
            &format!("broken: {}", args.join(" ")),
            &r.stderr,
        ));
    }
    // A plan directory with a bad file.
    let plan = dir.path().join("plan");
    fs::create_dir(&plan).unwrap();
    for f in ["groups.csv", "tasks.csv", "rows.csv", "indicators.csv"] {
        fs::copy(mini().join(f), plan.join(f)).unwrap();
    }
    fs::write(plan.join("groups.csv"), "id,title\n1\n").unwrap();
    let r = run(wp_zh(&data, "u", "2025-06-01")
        .arg("--plan")
        .arg(&plan)
        .arg("check"));
    assert_ne!(r.code, 0);
    bad.extend(english_lines("bad plan check", &r.stderr));
    // A workspace with no clone.
    let ws = dir.path().join("ws");
    fs::create_dir(&ws).unwrap();
    let r = run(wp_zh(&data, "u", "2025-06-01")
        .args(["pull", "--workspace"])
        .arg(&ws));
    assert_eq!(r.code, 2);
    bad.extend(english_lines("pull", &r.stderr));
    // A directory that does not exist.
    let r = run(wp_zh(&dir.path().join("no/such/dir/a.csv"), "u", "2025-06-01").arg("tasks"));
    assert_eq!(r.code, 2);
    bad.extend(english_lines("missing dir", &r.stderr));
    assert!(
        bad.is_empty(),
        "{} English lines:\n{}",
        bad.len(),
        bad.join("\n")
    );
}
