//! The rest of the command line's output for people in its language:
//! `series` and `history` tables and `check`'s summary in Chinese by
//! default, today's English with `--lang en`; their CSV and JSON the same
//! bytes in both; every period, value, field and state a Chinese table
//! prints taken back by the commands that read them.

use std::path::Path;

use crate::common::{ledger_in, run, wp_zh};

const TODAY: &str = "2025-06-01";

/// A ledger with periods of every length, a baseline, a milestone, a task
/// state, a note and an undo.
fn fixture(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let data = ledger_in(dir);
    for args in [
        &["set", "8.1", "300", "--period", "2020"][..],
        &["set", "8.1", "410", "--period", "2023"],
        &["set", "8.1", "450", "--period", "2024"],
        &["set", "8.1", "475", "--period", "2025Q1"],
        &["set", "8.2", "300", "--period", "2024"],
        &["set", "8.2", "320", "--period", "2025-04"],
        &["set", "8.2", "330", "--period", "2025-04"],
        &["undo", "8.2"],
        &["set", "3.1", "完成"],
        &["status", "8", "delayed"],
        &["status", "1", "in_progress"],
        &["note", "8.1", "待统计局核实"],
    ] {
        let r = run(wp_zh(&data, "李四", TODAY).args(args));
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    }
    data
}

fn ok(data: &Path, args: &[&str]) -> String {
    let r = run(wp_zh(data, "张三", TODAY).args(args));
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    r.stdout
}

fn rows(data: &Path) -> usize {
    std::fs::read_to_string(data).unwrap().lines().count()
}

/// The cells of a table's line, split on runs of two or more spaces (a
/// cell such as `300 亿元` holds one space).
fn cells(line: &str) -> Vec<String> {
    line.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn series_history_and_check_speak_chinese_by_default_and_english_with_lang_en() {
    let dir = tempfile::tempdir().unwrap();
    let data = fixture(&dir);
    for (name, args) in [
        ("series_8_1", &["series", "8.1"][..]),
        ("series_8_2", &["series", "8.2"]),
        ("series_milestone", &["series", "3.1"]),
        ("series_empty", &["series", "8.3"]),
        ("history", &["history"]),
        ("history_task", &["history", "8"]),
        ("history_none", &["history", "8.3"]),
        ("history_limit_0", &["history", "8.1", "--limit", "0"]),
        ("check", &["check"]),
    ] {
        let zh = ok(&data, args);
        let en = ok(&data, &[&["--lang", "en"][..], args].concat());
        insta::assert_snapshot!(format!("{name}_en"), en);
        insta::assert_snapshot!(format!("{name}_zh"), zh);
        assert_ne!(zh, en, "{args:?}");
    }
    // the headers, in Chinese
    let series = ok(&data, &["series", "8.1"]);
    assert_eq!(
        cells(series.lines().nth(1).unwrap()),
        ["期别", "实际完成值", "序时进度", "亮灯"]
    );
    let history = ok(&data, &["history"]);
    assert_eq!(
        cells(history.lines().next().unwrap()),
        [
            "时间",
            "填报人",
            "编号",
            "字段",
            "期别",
            "原值",
            "新值",
            "备注"
        ]
    );
    assert!(ok(&data, &["check"]).starts_with("方案无误："));
}

#[test]
fn csv_and_json_of_series_and_history_are_the_same_bytes_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let data = fixture(&dir);
    for cmd in [
        &["series", "8.1"][..],
        &["series", "8.2"],
        &["series", "3.1"],
        &["history"],
        &["history", "8"],
    ] {
        for format in ["csv", "json"] {
            let args = [cmd, &["--format", format]].concat();
            let en = ok(&data, &[&["--lang", "en"][..], &args].concat());
            assert_eq!(ok(&data, &args), en, "{args:?}");
            assert!(en.lines().count() > 1, "{args:?}: {en}");
        }
    }
}

/// Every row of the Chinese `series` table fed back to `set ID VALUE
/// --period PERIOD` is the value already recorded: nothing is appended.
#[test]
fn the_periods_and_values_of_a_chinese_series_are_taken_back_by_set() {
    let dir = tempfile::tempdir().unwrap();
    let data = fixture(&dir);
    for id in ["8.1", "8.2", "3.1"] {
        let table = ok(&data, &["series", id]);
        let body: Vec<Vec<String>> = table.lines().skip(2).map(cells).collect();
        assert!(!body.is_empty(), "{table}");
        for row in body {
            let (period, value) = (&row[0], &row[1]);
            assert!(period.contains('年'), "{id}: {period:?} is not Chinese");
            let before = rows(&data);
            let out = ok(&data, &["set", id, value, "--period", period]);
            assert_eq!(rows(&data), before, "{id} {value} {period}: {out}");
        }
    }
}

/// The rows of an aligned table as (header word, cell) maps: each cell
/// lies between its header word's display column and the next one's.
fn records(table: &str) -> Vec<std::collections::HashMap<String, String>> {
    use unicode_width::UnicodeWidthStr;
    let mut lines = table.lines();
    let head = lines.next().unwrap();
    let words: Vec<&str> = head.split_whitespace().collect();
    let at: Vec<usize> = words
        .iter()
        .map(|w| UnicodeWidthStr::width(&head[..head.find(w).unwrap()]))
        .collect();
    lines
        .map(|l| {
            let mut cols = vec![String::new(); words.len()];
            let mut x = 0;
            for c in l.chars() {
                let k = at.iter().rposition(|&a| a <= x).unwrap();
                cols[k].push(c);
                x += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            }
            words
                .iter()
                .zip(cols)
                .map(|(w, c)| (w.to_string(), c.trim().to_string()))
                .collect()
        })
        .collect()
}

/// The Chinese `history` table's fields are taken back by `undo --field`,
/// its periods and values by `set --period`, its task states by `status`
/// and its done word by `set`.
#[test]
fn the_words_of_a_chinese_history_are_taken_back() {
    let dir = tempfile::tempdir().unwrap();
    let data = fixture(&dir);
    let table = ok(&data, &["history"]);
    let body = records(&table);
    let mut fields: Vec<&str> = body.iter().map(|r| r["字段"].as_str()).collect();
    fields.sort_unstable();
    fields.dedup();
    assert_eq!(fields, ["任务状态", "备注", "实际值"], "{table}");
    let before = rows(&data);
    // the latest row of each indicator: the same value for the same
    // period records nothing
    for id in ["8.1", "8.2", "3.1"] {
        let r = body
            .iter()
            .find(|r| r["编号"] == id && r["字段"] == "实际值")
            .unwrap();
        assert!(r["期别"].contains('年'), "{r:?}");
        ok(&data, &["set", id, &r["新值"], "--period", &r["期别"]]);
    }
    let done = body.iter().find(|r| r["编号"] == "3.1").unwrap();
    assert_eq!(done["新值"], "已完成");
    // task 8's state
    let state = body.iter().find(|r| r["编号"] == "8").unwrap();
    assert_eq!(state["新值"], "已延误", "{state:?}");
    ok(&data, &["status", "8", &state["新值"]]);
    assert_eq!(rows(&data), before, "{table}");
    // an undo's remark in Chinese
    let undo = body.iter().find(|r| r["备注"].starts_with("撤销")).unwrap();
    assert_eq!(
        undo["备注"],
        "撤销 李四 于 2025-06-01T00:00:00+08:00 的修改"
    );
    // every field word is taken back by undo --field
    for (id, field) in [("8.1", "实际值"), ("8", "任务状态"), ("8.1", "备注")] {
        let r =
            run(wp_zh(&data, "张三", TODAY).args(["--lang", "en", "undo", id, "--field", field]));
        assert_eq!(r.code, 0, "{id} {field}: {}", r.stderr);
    }
}
