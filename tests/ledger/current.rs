//! An indicator's current value from the command line: the value of its
//! latest period WITH a value. A cleared latest period (what `undo` writes
//! when it reverts the first value typed for a new period) gives the
//! current value back to the period before.

use crate::common::{ledger_in, run, wp_on};

const TODAY: &str = "2025-08-15";

fn ok(data: &std::path::Path, args: &[&str]) -> String {
    let r = run(wp_on(data, "李明", TODAY).args(args));
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    r.stdout
}

/// `set 8.3 155` (the default period, 2025) after 150 for 2024Q4, then
/// `undo 8.3 --field actual`: 8.3 is back to 150 for 2024Q4 everywhere —
/// undo's own status line, `indicators` (value, status, period, who,
/// 逾期未报) and `series` (2025 is left out, as before the `set`).
#[test]
fn undoing_a_new_periods_first_value_gives_the_current_back() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    ok(&data, &["set", "8.3", "150", "--period", "2024Q4"]);
    let before_set = ok(&data, &["indicators", "--task", "8", "--format", "json"]);
    let series_before = ok(&data, &["series", "8.3"]);
    let out = ok(&data, &["set", "8.3", "155"]);
    assert!(
        out.starts_with("8.3 规模以上工业企业: - → 155 家\n"),
        "{out}"
    );
    let out = ok(&data, &["undo", "8.3", "--field", "actual"]);
    assert!(
        out.starts_with(
            "undo 8.3 规模以上工业企业 actual: 155 家 → -\n\
             reverts the change by 李明 at 2025-08-15T00:00:00+08:00 (line 3)\n\
             current: 150 家 (2024Q4, the latest period)\n\
             status: in_progress (target >= 180 家, due 2025)\n"
        ),
        "{out}"
    );
    let json = ok(&data, &["indicators", "--task", "8", "--format", "json"]);
    assert_eq!(json, before_set, "8.3 is as it was before the set");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let i = &v[2];
    assert_eq!(i["id"], "8.3");
    assert_eq!(
        (
            i["actual"].clone(),
            i["status"].clone(),
            i["period"].clone()
        ),
        (150.into(), "in_progress".into(), "2024Q4".into())
    );
    // 2024Q4 ended more than a quarter before 2025-08-15.
    let stale = ok(&data, &["indicators", "--stale", "--task", "8"]);
    assert!(stale.contains("\n8.3 "), "{stale}");
    assert_eq!(ok(&data, &["series", "8.3"]), series_before);
    assert_eq!(
        ok(&data, &["series", "8.3", "--format", "csv"]),
        "period,value,expected,light\n2024Q4,150,,gray\n"
    );
}

/// With every period cleared there is no current value: `-`, `no_data`,
/// no period, and `series` lists nothing.
#[test]
fn with_every_period_cleared_nothing_is_current() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    ok(&data, &["set", "8.3", "155"]);
    let out = ok(&data, &["undo", "8.3"]);
    assert!(
        out.contains("\nstatus: no_data (target >= 180 家, due 2025)\n"),
        "{out}"
    );
    let json = ok(&data, &["indicators", "--task", "8", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[2]["status"], "no_data");
    assert_eq!(v[2]["period"], serde_json::Value::Null);
    assert_eq!(v[2]["updated"], serde_json::Value::Null);
    assert_eq!(ok(&data, &["series", "8.3", "--format", "json"]), "[]\n");
}

/// Messages name the period they are about: `--expect` compares with the
/// value of the period recorded (2025 by default), so a refusal names it
/// and, when the current value is another period's (8.2's 320 for
/// 2025Q2), that value and its period; "unchanged" names the period too.
#[test]
fn messages_name_the_period_compared() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    ok(&data, &["set", "8.2", "320", "--period", "2025Q2"]);
    let r = run(wp_on(&data, "李明", TODAY).args(["set", "8.2", "330", "--expect", "320"]));
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "8.2 工业投资累计完成: nothing recorded: the actual for 2025 is -, not 320 亿元 as \
             --expect says (the current actual is 320 亿元, for 2025Q2); check it and run again \
             with --expect set to 2025's value, or without --expect"
        ),
        "{}",
        r.stderr
    );
    ok(&data, &["set", "8.3", "100", "--period", "2024Q2"]);
    let out = ok(&data, &["set", "8.3", "100", "--period", "2024年第二季度"]);
    assert!(
        out.starts_with(
            "8.3 规模以上工业企业: unchanged: the actual for 2024Q2 already is 100 家; nothing recorded\n"
        ),
        "{out}"
    );
    // undo names the undone row's period; a task's status has none.
    let r = run(wp_on(&data, "李明", TODAY).args(["undo", "8.3", "--expect", "5"]));
    assert_eq!(r.code, 3);
    assert!(
        r.stderr
            .contains("nothing recorded: the actual for 2024Q2 is 100 家 (recorded by 李明"),
        "{}",
        r.stderr
    );
    ok(&data, &["status", "8", "delayed"]);
    let r = run(wp_on(&data, "李明", TODAY).args(["status", "8", "done", "--expect", "进行中"]));
    assert_eq!(r.code, 3);
    assert!(
        r.stderr
            .contains(": nothing recorded: the current status is delayed"),
        "{}",
        r.stderr
    );
}
