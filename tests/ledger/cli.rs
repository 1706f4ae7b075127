//! The ledger from the command line: set/status/note/history/undo/paths,
//! ledger check/convert, exit codes, and what tasks/indicators show.

use std::fs;

use crate::common::{bin, files, ledger_in, ledger_text, run, wp, wp_on, wp_zh};

#[test]
fn set_prints_old_new_and_status() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let r = run(wp(&data, "李明").args(["set", "8.1", "512亿元", "--note", "二季度报表"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let file = data.display();
    assert_eq!(
        r.stdout,
        format!(
            "8.1 工业总产值: - → 512 亿元\n\
             status: met (target >= 500 亿元, due 2025)\n\
             note: 二季度报表\n\
             recorded by 李明 at 2025-06-01T00:00:00+08:00 ({file}:2)\n"
        )
    );
    let r = run(wp(&data, "王芳").args(["set", "8.1", "４９９．５"]));
    assert_eq!(
        r.stdout,
        format!(
            "8.1 工业总产值: 512 亿元 → 499.5 亿元\n\
             status: in_progress (target >= 500 亿元, due 2025)\n\
             recorded by 王芳 at 2025-06-01T00:00:00+08:00 ({file}:3)\n"
        )
    );
    let r = run(wp_on(&data, "王芳", "2026-01-02").args(["set", "0.12", "-1.5"]));
    assert!(
        r.stdout
            .starts_with("0.12 城乡收入比重: - → -1.5\nstatus: met"),
        "{}",
        r.stdout
    );
    let r = run(wp(&data, "王芳").args(["set", "3.1", "未完成"]));
    assert!(
        r.stdout.contains("- → not_done\nstatus: in_progress"),
        "{}",
        r.stdout
    );
    let text = fs::read_to_string(&data).unwrap();
    assert_eq!(
        text,
        "\u{FEFF}time,user,id,field,value,old,note,period\r\n\
         2025-06-01T00:00:00+08:00,李明,8.1,actual,512,,二季度报表,2025\r\n\
         2025-06-01T00:00:00+08:00,王芳,8.1,actual,499.5,512,,2025\r\n\
         2026-01-02T00:00:00+08:00,王芳,0.12,actual,-1.5,,,2026\r\n\
         2025-06-01T00:00:00+08:00,王芳,3.1,actual,not_done,,,2025\r\n"
    );
}

#[test]
fn refused_values_exit_2_and_leave_the_ledger_alone() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    for (id, value, says) in [
        ("8.1", "nan", "`nan` is not a number"),
        ("8.1", "inf", "`inf` is not a number"),
        ("8.1", "1e400", "exponents are not accepted"),
        ("8.1", "1,23", "grouped in threes"),
        ("8.1", "", "nothing typed"),
        ("8.1", "about 500", "is not a number"),
        (
            "8.1",
            "512万元",
            "the unit `万元` is not this indicator's unit `亿元`",
        ),
        (
            "0.4",
            "80亿元",
            "the unit `亿元` is not this indicator's unit `%`",
        ),
        ("3.1", "1", "is not done or not_done"),
        ("8", "5", "`8` is a task, not an indicator"),
        ("99.9", "5", "no indicator `99.9`"),
    ] {
        let r = run(wp(&data, "u").args(["set", id, value]));
        assert_eq!(r.code, 2, "{id} {value}: {}", r.stderr);
        assert!(r.stderr.contains(says), "{id} {value}: {}", r.stderr);
        assert!(r.stdout.is_empty());
    }
    let r = run(wp(&data, "u").args(["set", "8.1", "abc"]));
    assert_eq!(
        r.stderr,
        "wudang-plan: 8.1 工业总产值: `abc` is not a number; expected a number in 亿元 such as \
         512, 512.5 or 1,234.5 (the suffix 亿元 is optional)\n"
    );
    // with no --lang, in Chinese
    let r = run(wp_zh(&data, "u", "2025-06-01").args(["set", "8.1", "abc"]));
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "错误：8.1 工业总产值：“abc”不是数字；应填以亿元为单位的数，如 512、512.5 或 \
         1,234.5（可带单位“亿元”）\n"
    );
    let r = run(wp(&data, "u").args(["status", "8", "finished"]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("expected one of not_started, in_progress, delayed, done")
    );
    let r = run(wp(&data, "u").args(["note", "8.1", "two\nlines"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("contains a line break"), "{}", r.stderr);
    assert!(!data.exists());
}

#[test]
fn expect_refuses_with_exit_3_and_appends_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    assert_eq!(
        run(wp(&data, "a").args(["set", "8.1", "512", "--expect", ""])).code,
        0
    );
    assert_eq!(
        run(wp(&data, "b").args(["set", "8.1", "600", "--expect", "512亿元"])).code,
        0
    );
    let before = fs::read(&data).unwrap();
    let r = run(wp(&data, "c").args(["set", "8.1", "700", "--expect", "512"]));
    assert_eq!(r.code, 3);
    assert!(r.stdout.is_empty());
    assert_eq!(
        r.stderr,
        "wudang-plan: 8.1 工业总产值: nothing recorded: the actual for 2025 is 600 亿元 \
         (recorded by b at 2025-06-01T00:00:00+08:00), not 512 亿元 as --expect says; check it \
         and run again with --expect set to 2025's value, or without --expect\n"
    );
    let r = run(wp(&data, "c").args(["set", "8.1", "700", "--expect", ""]));
    assert_eq!(r.code, 3);
    assert!(r.stderr.contains("not - as --expect says"), "{}", r.stderr);
    assert_eq!(fs::read(&data).unwrap(), before);
    // Equal by value, not by text.
    assert_eq!(
        run(wp(&data, "c").args(["set", "8.1", "700", "--expect", "600.00"])).code,
        0
    );
    // Task status too.
    assert_eq!(
        run(wp(&data, "c").args(["status", "8", "in_progress"])).code,
        0
    );
    let r = run(wp(&data, "c").args(["status", "8", "done", "--expect", "not_started"]));
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert_eq!(
        run(wp(&data, "c").args(["status", "8", "done", "--expect", "进行中"])).code,
        0
    );
}

/// Issue 8: `５１２` over 512 recorded `512 → 512`. The same value records
/// nothing (exit 0, "unchanged"), for set, status and note; a new remark
/// (`--note`) on the same value is recorded.
#[test]
fn an_unchanged_value_records_nothing_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let file = data.display().to_string();
    let ok = |args: &[&str], user: &str| {
        let r = run(wp(&data, user).args(args));
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        r.stdout
    };
    ok(&["set", "8.1", "512"], "a");
    ok(&["status", "8", "delayed", "--note", "用地未批"], "a");
    ok(&["note", "8.1", "待核实"], "a");
    let before = fs::read(&data).unwrap();
    assert_eq!(
        ok(&["set", "8.1", "５１２"], "b"),
        format!(
            "8.1 工业总产值: unchanged: the actual for 2025 already is 512 亿元; nothing recorded\n\
             as recorded by a at 2025-06-01T00:00:00+08:00 ({file}:2)\n"
        )
    );
    // the value is there, whatever --expect saw
    assert!(ok(&["set", "8.1", "512.0", "--expect", "400"], "b").contains("unchanged"));
    assert!(ok(&["status", "8", "滞后", "--note", "用地未批"], "b").contains("unchanged"));
    assert!(ok(&["note", "8.1", " 待核实 "], "b").contains("note already is 待核实"));
    assert!(ok(&["note", "9.1", ""], "b").contains("no note is recorded"));
    assert_eq!(fs::read(&data).unwrap(), before, "nothing appended");
    // a remark the current row does not have is recorded, value unchanged
    let out = ok(&["status", "8", "delayed", "--note", "已报区政府"], "b");
    assert!(out.contains("delayed → delayed"), "{out}");
    let text = fs::read_to_string(&data).unwrap();
    assert!(
        text.ends_with(",b,8,status,delayed,delayed,已报区政府,\r\n"),
        "{text}"
    );
}

/// Issue 8: `undo ID --expect OLD` carries what the user saw; exit 3 and
/// nothing recorded when someone changed it since, like `set --expect`.
#[test]
fn undo_expect_refuses_with_exit_3() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    assert_eq!(run(wp(&data, "alice").args(["set", "8.1", "10"])).code, 0);
    assert_eq!(run(wp(&data, "bob").args(["set", "8.1", "20"])).code, 0);
    let before = fs::read(&data).unwrap();
    let r = run(wp(&data, "alice").args(["undo", "8.1", "--expect", "10"]));
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    assert_eq!(
        r.stderr,
        "wudang-plan: 8.1 工业总产值: nothing recorded: the actual for 2025 is 20 亿元 \
         (recorded by bob at 2025-06-01T00:00:00+08:00), not 10 亿元 as --expect says; check it \
         and run again with --expect set to 2025's value, or without --expect\n"
    );
    assert_eq!(fs::read(&data).unwrap(), before);
    // OLD is parsed as `set` parses it
    let r = run(wp(&data, "alice").args(["undo", "8.1", "--expect", "abc"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("`abc`"), "{}", r.stderr);
    let r = run(wp(&data, "alice").args(["undo", "8.1", "--expect", "２０亿元"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("undo 8.1 工业总产值 actual: 20 亿元 → 10 亿元\n"),
        "{}",
        r.stdout
    );
    // a task's status, parsed as `status` parses it
    assert_eq!(run(wp(&data, "a").args(["status", "8", "delayed"])).code, 0);
    let r = run(wp(&data, "a").args(["undo", "8", "--expect", "进行中"]));
    assert_eq!(r.code, 3, "{}", r.stderr);
    let r = run(wp(&data, "a").args(["undo", "8", "--expect", "finished"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = run(wp(&data, "a").args(["undo", "8", "--field", "status", "--expect", "滞后"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn status_note_undo_history() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let file = data.display().to_string();
    let ok = |args: &[&str], user: &str| {
        let r = run(wp(&data, user).args(args));
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        r.stdout
    };
    ok(&["set", "8.1", "512"], "李明");
    ok(&["set", "8.1", "600"], "王芳");
    assert_eq!(
        ok(&["status", "8", "delayed", "--note", "用地未批"], "王芳"),
        format!(
            "task 8 加快新型工业化: - → delayed\nnote: 用地未批\n\
             recorded by 王芳 at 2025-06-01T00:00:00+08:00 ({file}:4)\n"
        )
    );
    assert_eq!(
        ok(&["note", "8.1", "待统计局核实"], "李明"),
        format!(
            "8.1 工业总产值: note: 待统计局核实\n\
             recorded by 李明 at 2025-06-01T00:00:00+08:00 ({file}:5)\n"
        )
    );
    assert_eq!(
        ok(&["undo", "8.1", "--field", "actual"], "李明"),
        format!(
            "undo 8.1 工业总产值 actual: 600 亿元 → 512 亿元\n\
             reverts the change by 王芳 at 2025-06-01T00:00:00+08:00 (line 3)\n\
             status: met (target >= 500 亿元, due 2025)\n\
             recorded by 李明 at 2025-06-01T00:00:00+08:00 ({file}:6)\n"
        )
    );
    assert_eq!(
        ok(&["history"], "x"),
        "time                       user  id   field   period  old       new           note\n\
         2025-06-01T00:00:00+08:00  李明  8.1  actual  2025    600 亿元  512 亿元      undo of the change at 2025-06-01T00:00:00+08:00 by 王芳\n\
         2025-06-01T00:00:00+08:00  李明  8.1  note            -         待统计局核实\n\
         2025-06-01T00:00:00+08:00  王芳  8    status          -         delayed       用地未批\n\
         2025-06-01T00:00:00+08:00  王芳  8.1  actual  2025    512 亿元  600 亿元\n\
         2025-06-01T00:00:00+08:00  李明  8.1  actual  2025    -         512 亿元\n"
    );
    assert_eq!(
        ok(&["history", "8", "--format", "csv"], "x"),
        "time,user,id,field,value,old,note,line,period\n\
         2025-06-01T00:00:00+08:00,王芳,8,status,delayed,,用地未批,4,\n"
    );
    let json = ok(&["history", "8.1", "--limit", "2", "--format", "json"], "x");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(v[0]["line"], 6);
    assert_eq!(v[0]["value"], "512");
    assert_eq!(v[0]["old"], "600");
    assert_eq!(v[1]["field"], "note");
    assert_eq!(v[1]["old"], serde_json::Value::Null);
    assert_eq!(v[0]["period"], "2025");
    assert_eq!(
        v[1]["period"],
        serde_json::Value::Null,
        "a note has no period"
    );
    assert_eq!(
        ok(&["history", "1.1"], "x"),
        "1.1 新建国家级重点实验室、国家、省级和市级研发平台: no changes recorded\n"
    );
    assert_eq!(ok(&["history", "1.1", "--format", "json"], "x"), "[]\n");
    let r = run(wp(&data, "x").args(["history", "77"]));
    assert_eq!(r.code, 2);
    let r = run(wp(&data, "x").args(["undo", "1.1"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("1.1: nothing to undo"), "{}", r.stderr);
}

#[test]
fn tasks_and_indicators_show_actual_and_status() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    for args in [
        &["set", "8.1", "512.50"][..],
        &["set", "8.2", "100"],
        &["set", "0.1", "360"],
        &["set", "3.1", "完成"],
        &["status", "8", "in_progress"],
        &["note", "8", "=1+1 不是公式"],
    ] {
        assert_eq!(run(wp(&data, "u").args(args)).code, 0, "{args:?}");
    }
    // 8.2's 2025 (so far, on 2025-06-01) expects 420 × 53 / 60 = 371:
    // the line at the end of May, the last complete month.
    let r = run(wp(&data, "u").args(["--lang", "en", "indicators", "--task", "8"]));
    assert_eq!(
        r.stdout,
        "id   name                            target       deadline  actual       status       period  baseline  expected  light\n\
         8.1  工业总产值                      >= 500 亿元  2025      512.50 亿元  met          2025    -         -         green\n\
         8.2  工业投资累计完成                >= 420 亿元  2025      100 亿元     in_progress  2025    -         371       red\n\
         8.3  规模以上工业企业                >= 180 家    2025      -            no_data      -       -         -         gray\n\
         8.4  工业战略性新兴产业总值占工业~   >= 22%       2025      -            no_data      -       -         -         gray\n\
         8.5  制造业增加值占地区生产总值比重  >= 30%       2025      -            no_data      -       -         -         gray\n"
    );
    // After the deadline year, what is not met is missed.
    let r = run(wp_on(&data, "u", "2026-01-01").args(["indicators", "--status", "missed"]));
    assert_eq!(r.stdout.lines().count(), 2, "{}", r.stdout);
    assert!(r.stdout.contains("8.2 "));
    let r = run(wp(&data, "u").args([
        "indicators",
        "--status",
        "stretch_met,met",
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["0.1", "3.1", "8.1"]);
    assert_eq!(v[0]["status"], "stretch_met");
    assert_eq!(v[1]["actual"], serde_json::Value::Null);
    assert_eq!(v[1]["done"], true);
    assert_eq!(v[2]["done"], serde_json::Value::Null);
    assert_eq!(v[2]["by"], "u");
    assert_eq!(v[2]["updated"], "2025-06-01T00:00:00+08:00");
    assert!(
        r.stdout.contains("\"actual\": 512.50,"),
        "exact decimal: {}",
        r.stdout
    );
    let r = run(wp(&data, "u").args(["indicators", "--status", "done"]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("expected one of met, stretch_met, in_progress, missed, no_data")
    );

    let r = run(wp(&data, "u").args(["--lang", "en", "tasks", "--group", "2"]));
    let line8 = r.stdout.lines().find(|l| l.starts_with("8 ")).unwrap();
    assert!(
        line8.contains("in_progress") && line8.contains("1/5"),
        "{line8}"
    );
    let r = run(wp(&data, "u").args(["tasks", "--status", "in_progress", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["state"], "in_progress");
    assert_eq!(v[0]["indicators"]["met"], 1);
    assert_eq!(v[0]["indicators"]["in_progress"], 1);
    assert_eq!(v[0]["indicators"]["no_data"], 3);
    assert_eq!(v[0]["note"], "=1+1 不是公式");
    let r = run(wp(&data, "u").args(["tasks", "--status", "not_started"]));
    assert_eq!(r.stdout.lines().count(), 1 + 28, "28 of 29 tasks never set");
    let r = run(wp(&data, "u").args(["tasks", "--task", "8", "--format", "csv"]));
    assert!(
        r.stdout.ends_with(",in_progress,1,5,'=1+1 不是公式,red\n"),
        "{}",
        r.stdout
    );
    let r = run(wp(&data, "u").args(["tasks", "--status", "later"]));
    assert_eq!(r.code, 2);
}

#[test]
fn text_cells_are_protected_numbers_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let r =
        run(wp(&data, "=HYPERLINK(\"x\")").args(["set", "0.12", "-2", "--note", "@SUM(A1:A9)"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(run(wp(&data, "+u").args(["note", "8", "-减少"])).code, 0);
    let text = fs::read_to_string(&data).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[1],
        "2025-06-01T00:00:00+08:00,\"'=HYPERLINK(\"\"x\"\")\",0.12,actual,-2,,'@SUM(A1:A9),2025"
    );
    assert_eq!(lines[2], "2025-06-01T00:00:00+08:00,'+u,8,note,'-减少,,,");
    let r = run(wp(&data, "u").args(["history", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v[0]["user"], "+u");
    assert_eq!(v[0]["value"], "-减少");
    assert_eq!(v[1]["user"], "=HYPERLINK(\"x\")");
    assert_eq!(v[1]["value"], "-2");
    assert_eq!(v[1]["note"], "@SUM(A1:A9)");
}

#[test]
fn a_malformed_row_names_file_and_line_and_the_file_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let text = ledger_text(
        &[
            "2025-06-01T10:00:00+08:00,李明,8.1,actual,512,,",
            "2025-06-01T10:00:00+08:00,李明,8.1,actual,五百,,",
        ],
        "\r\n",
    );
    fs::write(&data, &text).unwrap();
    for args in [
        &["set", "8.1", "600"][..],
        &["indicators"],
        &["history"],
        &["ledger", "check"],
    ] {
        let r = run(wp(&data, "u").args(args));
        assert_eq!(r.code, 1, "{args:?}");
        assert!(
            r.stderr.contains(&format!(
                "{}:3: field `value`: `五百` is not an actual",
                data.display()
            )),
            "{args:?}: {}",
            r.stderr
        );
        assert_eq!(fs::read_to_string(&data).unwrap(), text);
    }
    assert_eq!(files(dir.path()), ["actuals.csv"]);
}

#[test]
fn torn_line_warning_then_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    assert_eq!(run(wp(&data, "u").args(["set", "8.1", "512"])).code, 0);
    let mut bytes = fs::read(&data).unwrap();
    bytes.extend_from_slice("2025-06-01T10:00:00+08:00,李明,8.1,act".as_bytes());
    fs::write(&data, &bytes).unwrap();
    let r = run(wp(&data, "u").args(["indicators", "--task", "8"]));
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("512 亿元"));
    assert!(
        r.stderr.starts_with(&format!(
            "wudang-plan: warning: {}:3: the last line (40 bytes) has no line break",
            data.display()
        )),
        "{}",
        r.stderr
    );
    let r = run(wp(&data, "u").args(["set", "8.1", "600"]));
    assert_eq!(r.code, 0);
    assert!(
        r.stderr.contains(&format!(
            "warning: {}:3: the cut-short last line (40 bytes) was moved to {}.torn",
            data.display(),
            data.display()
        )),
        "{}",
        r.stderr
    );
    assert!(
        r.stdout.contains(":3)\n"),
        "the new row takes line 3: {}",
        r.stdout
    );
    let aside = fs::read_to_string(dir.path().join("actuals.csv.torn")).unwrap();
    assert!(
        aside.contains("\n2025-06-01T10:00:00+08:00,李明,8.1,act\n"),
        "{aside}"
    );
    let r = run(wp(&data, "u").args(["ledger", "check"]));
    assert_eq!(r.stderr, "");
    assert_eq!(
        r.stdout,
        format!(
            "ok: {}: 2 rows for 1 ids, UTF-8 with BOM, with the period column\n",
            data.display()
        )
    );
}

#[test]
fn ledger_check_reports_rows_edited_outside() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let r = run(wp(&data, "u").args(["ledger", "check"]));
    assert_eq!(
        r.stdout,
        format!(
            "{}: no ledger yet; it is created on the first edit\n",
            data.display()
        )
    );
    fs::write(
        &data,
        ledger_text(
            &[
                "2025-06-01T10:00:00+08:00,a,0.1,actual,320,,",
                "2025-06-01T10:02:00+08:00,a,0.1,actual,59,58,",
            ],
            "\n",
        ),
    )
    .unwrap();
    let r = run(wp(&data, "u").args(["ledger", "check"]));
    assert_eq!(r.code, 0);
    let d = data.display();
    assert_eq!(
        r.stdout,
        format!(
            "ok: {d}: 2 rows for 1 ids, UTF-8 without BOM, first-release format (no period column: \
             each row belongs to the year of its time stamp; `wudang-plan ledger convert` adds it)\n\
             warning: {d}:3: 0.1 actual: old is `58` but line 2 recorded `320`\n\
             1 row whose `old` is not the value recorded before: rows were edited, deleted or \
             reordered outside wudang-plan (a spreadsheet turns id 0.10 into 0.1); check them \
             against the backup copies\n"
        )
    );
}

#[test]
fn ledger_convert_round_trip_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let text = ledger_text(
        &[
            "2025-06-01T10:00:00+08:00,李明,8.1,actual,512,,二季度报表",
            "2025-06-02T10:00:00+08:00,王芳,8,status,delayed,,用地",
        ],
        "\r\n",
    );
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    fs::write(&data, &gb).unwrap();
    let r = run(wp(&data, "u").args(["history", "--format", "csv"]));
    assert_eq!(r.code, 0);
    assert!(
        r.stdout.contains("李明,8.1,actual,512,,二季度报表"),
        "{}",
        r.stdout
    );
    let r = run(wp(&data, "u").args(["ledger", "check"]));
    assert!(
        r.stdout.contains("2 rows for 2 ids, GB18030"),
        "{}",
        r.stdout
    );
    let r = run(wp(&data, "u").args(["set", "8.1", "600"]));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("GB18030-encoded"), "{}", r.stderr);
    assert!(
        r.stderr.contains("`wudang-plan ledger convert`"),
        "{}",
        r.stderr
    );
    assert_eq!(fs::read(&data).unwrap(), gb.as_ref());

    let r = run(wp(&data, "u").args(["ledger", "convert"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let backup = dir.path().join("actuals.csv.bak-20250601T000000");
    assert_eq!(
        r.stdout,
        format!(
            "converted {} from GB18030 to UTF-8 with BOM (2 rows); added the period column (each \
             actual's period is the year of its time stamp, as before)\nbackup of the original: {}\n",
            data.display(),
            backup.display()
        )
    );
    assert_eq!(fs::read(&backup).unwrap(), gb.as_ref());
    assert_eq!(
        fs::read_to_string(&data).unwrap(),
        "\u{FEFF}time,user,id,field,value,old,note,period\r\n\
         2025-06-01T10:00:00+08:00,李明,8.1,actual,512,,二季度报表,2025\r\n\
         2025-06-02T10:00:00+08:00,王芳,8,status,delayed,,用地,\r\n"
    );
    assert_eq!(
        files(dir.path()),
        [
            "actuals.csv",
            "actuals.csv.bak-20250601T000000",
            "actuals.csv.lock"
        ]
    );
    let r = run(wp(&data, "u").args(["set", "8.1", "600"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("8.1 工业总产值: 512 亿元 → 600 亿元"));
    let r = run(wp(&data, "u").args(["ledger", "convert"]));
    assert!(r.stdout.contains("already UTF-8 with BOM; nothing to do"));
}

#[test]
fn paths_today_user_and_data_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let r = run(bin()
        .arg("paths")
        .env("WUDANG_PLAN_DATA", &data)
        .env("WUDANG_PLAN_LANG", "en"));
    let d = data.display();
    assert_eq!(
        r.stdout,
        format!(
            "plan: embedded (seeds/ compiled into the binary)\nplan snapshot: none (the embedded \
             plan has none)\nledger: {d}\nlock: {d}.lock\ntorn: {d}.torn\ncheckpoint: {d}.ckpt\ncheckpoint's verified state: {d}.ckpt.seen\n"
        )
    );
    let r = run(bin()
        .arg("paths")
        .env("HOME", dir.path())
        .env("WUDANG_PLAN_LANG", "en")
        .env_remove("XDG_DATA_HOME"));
    assert!(
        r.stdout.contains(&format!(
            "ledger: {}/.local/share/wudang-plan/actuals.csv",
            dir.path().display()
        )),
        "{}",
        r.stdout
    );
    let r = run(bin()
        .args(["set", "8.1", "1", "--today", "2025-02-30"])
        .env("WUDANG_PLAN_DATA", &data)
        .env("WUDANG_PLAN_USER", "环境"));
    assert_eq!(r.code, 2);
    // clap's errors speak the command line's language: Chinese by default
    assert!(
        r.stderr.contains("“2025-02-30”不是日期；应为 YYYY-MM-DD"),
        "{}",
        r.stderr
    );
    let r = run(bin()
        .args(["--lang", "en", "set", "8.1", "1", "--today", "2025-02-28"])
        .env("WUDANG_PLAN_DATA", &data)
        .env("WUDANG_PLAN_USER", "环境"));
    assert!(
        r.stdout
            .contains("recorded by 环境 at 2025-02-28T00:00:00+08:00"),
        "{}",
        r.stdout
    );
    let r = run(bin()
        .args(["--data"])
        .arg(&data)
        .args(["set", "8.1", "2"])
        .env("WUDANG_PLAN_LANG", "en")
        .env("USER", "login")
        .env_remove("WUDANG_PLAN_USER"));
    assert!(r.stdout.contains("recorded by login at"), "{}", r.stdout);
    let r = run(bin()
        .args(["--data"])
        .arg(&data)
        .args(["set", "8.1", "2"])
        .env("WUDANG_PLAN_LANG", "en")
        .env_remove("USER"));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no user name"), "{}", r.stderr);
}

/// A `--data` (or `WUDANG_PLAN_DATA`) whose directory does not exist is a
/// typo or a ledger moved away: refused (exit 2) naming the directory,
/// never a directory and a fresh ledger made beside everyone's rows.
#[test]
fn a_ledger_in_a_directory_that_does_not_exist_is_refused_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-dir");
    let data = missing.join("actuals.csv");
    for args in [
        vec!["set", "8.1", "5"],
        vec!["status", "8", "done"],
        vec!["note", "8.1", "x"],
        vec!["tasks"],
        vec!["indicators"],
    ] {
        let r = run(wp(&data, "u").args(&args));
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains(&missing.display().to_string())
                && r.stderr.contains("does not exist"),
            "{args:?}: {}",
            r.stderr
        );
        assert!(r.stdout.is_empty(), "{args:?}: {}", r.stdout);
        assert!(!missing.exists(), "{args:?} made the directory");
    }
    let r = run(bin()
        .env("WUDANG_PLAN_DATA", &data)
        .args(["--user", "u", "set", "8.1", "5"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("WUDANG_PLAN_DATA"), "{}", r.stderr);
    assert!(!missing.exists());
    // A new ledger in a directory that exists is still made on the first edit.
    let fresh = dir.path().join("actuals.csv");
    let r = run(wp(&fresh, "u").args(["set", "8.1", "5"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(fresh.exists());
}
