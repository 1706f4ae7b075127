//! The listing tables in the command line's language: Chinese headers and
//! words by default, today's English with `--lang en`; CSV and JSON the
//! same bytes in both; every word a Chinese table prints in its state,
//! status and light columns taken back by `--status` / `--light`.

use std::path::Path;

use crate::common::{ledger_in, run, wp_zh};

/// A ledger with every task state, several statuses and lights, on
/// 2025-06-01.
fn fixture(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let data = ledger_in(dir);
    for args in [
        &["set", "8.1", "512.50"][..],
        &["set", "8.2", "100"],
        &["set", "8.3", "170"],
        &["set", "0.1", "360"],
        &["set", "3.1", "完成"],
        &["status", "8", "in_progress"],
        &["status", "1", "delayed"],
        &["status", "2", "done"],
    ] {
        assert_eq!(
            run(wp_zh(&data, "u", "2025-06-01").args(args)).code,
            0,
            "{args:?}"
        );
    }
    data
}

fn ok(data: &Path, args: &[&str]) -> String {
    let r = run(wp_zh(data, "u", "2025-06-01").args(args));
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    r.stdout
}

/// The cell of `line` between display columns `from` and `to` (`None`: to
/// the end), trimmed: tables are aligned by display width.
fn cell(line: &str, from: usize, to: Option<usize>) -> String {
    let mut col = 0;
    let mut s = String::new();
    for c in line.chars() {
        if col >= from && to.is_none_or(|t| col < t) {
            s.push(c);
        }
        col += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    }
    s.trim().to_string()
}

/// The cells of column `name` of a table (the header's words are single).
fn column(table: &str, name: &str) -> Vec<String> {
    let mut lines = table.lines();
    let head = lines.next().unwrap();
    let words: Vec<&str> = head.split_whitespace().collect();
    let at = |w: &str| {
        let i = head.find(w).unwrap();
        unicode_width::UnicodeWidthStr::width(&head[..i])
    };
    let k = words.iter().position(|w| *w == name).expect(name);
    let from = at(words[k]);
    let to = words.get(k + 1).map(|w| at(w));
    lines.map(|l| cell(l, from, to)).collect()
}

fn distinct(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v.dedup();
    v
}

#[test]
fn tables_speak_chinese_by_default_and_english_with_lang_en() {
    let dir = tempfile::tempdir().unwrap();
    let data = fixture(&dir);
    let tasks = |lang: &[&str]| ok(&data, &[lang, &["tasks", "--group", "2"]].concat());
    let inds = |lang: &[&str]| ok(&data, &[lang, &["indicators", "--task", "8"]].concat());
    insta::assert_snapshot!("tasks_zh", tasks(&[]));
    insta::assert_snapshot!("tasks_en", tasks(&["--lang", "en"]));
    insta::assert_snapshot!("indicators_zh", inds(&[]));
    insta::assert_snapshot!("indicators_en", inds(&["--lang", "en"]));
    insta::assert_snapshot!(
        "indicators_zh_headline",
        ok(&data, &["indicators", "--task", "0"])
    );
    // WUDANG_PLAN_LANG chooses too; --lang wins over it
    let r = run(wp_zh(&data, "u", "2025-06-01")
        .env("WUDANG_PLAN_LANG", "en")
        .args(["tasks", "--group", "2"]));
    assert_eq!(r.stdout, tasks(&["--lang", "en"]));
    let r = run(wp_zh(&data, "u", "2025-06-01")
        .env("WUDANG_PLAN_LANG", "en")
        .args(["--lang", "zh", "tasks", "--group", "2"]));
    assert_eq!(r.stdout, tasks(&[]));
}

#[test]
fn csv_and_json_are_the_same_bytes_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let data = fixture(&dir);
    for cmd in [
        &["tasks"][..],
        &["indicators"],
        &["series", "8.1"],
        &["history"],
    ] {
        for format in ["csv", "json"] {
            let args = [cmd, &["--format", format]].concat();
            let zh = ok(&data, &[&["--lang", "zh"][..], &args].concat());
            let en = ok(&data, &[&["--lang", "en"][..], &args].concat());
            let default = ok(&data, &args);
            assert!(zh.lines().count() > 1, "{args:?}: {zh}");
            assert_eq!(zh, en, "{args:?}");
            assert_eq!(zh, default, "{args:?}");
        }
    }
}

/// Every word of `col` in `table`, fed back to `cmd FLAG WORD`, keeps
/// exactly the rows showing that word.
fn fed_back(data: &Path, cmd: &str, col: &str, flag: &str, at_least: usize) {
    let all = ok(data, &[cmd]);
    let words = distinct(column(&all, col));
    assert!(words.len() >= at_least, "{cmd} {col}: {words:?}\n{all}");
    for w in &words {
        assert!(!w.is_ascii(), "{cmd} {col}: {w:?} is not Chinese");
        let kept = ok(data, &[cmd, flag, w]);
        let cells = column(&kept, col);
        let expected = column(&all, col).iter().filter(|c| *c == w).count();
        assert_eq!(cells.len(), expected, "{cmd} {flag} {w}:\n{kept}");
        assert!(cells.iter().all(|c| c == w), "{cmd} {flag} {w}:\n{kept}");
    }
}

#[test]
fn every_word_a_chinese_table_prints_is_taken_back_by_the_filters() {
    let dir = tempfile::tempdir().unwrap();
    let data = fixture(&dir);
    fed_back(&data, "tasks", "状态", "--status", 4);
    fed_back(&data, "tasks", "亮灯", "--light", 3);
    fed_back(&data, "indicators", "状态", "--status", 3);
    fed_back(&data, "indicators", "亮灯", "--light", 3);
}

/// A milestone's done word in the Chinese table's 实际完成值 column is
/// taken back by `set`.
#[test]
fn a_milestones_done_word_is_taken_back_by_set() {
    let dir = tempfile::tempdir().unwrap();
    let data = fixture(&dir);
    let table = ok(&data, &["indicators", "--task", "3"]);
    let word = column(&table, "实际完成值")[0].clone();
    assert_eq!(word, "已完成", "{table}");
    ok(&data, &["set", "10.1", &word]);
    let json = ok(&data, &["indicators", "--task", "10", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[0]["id"], "10.1");
    assert_eq!(v[0]["done"], true, "{json}");
}
