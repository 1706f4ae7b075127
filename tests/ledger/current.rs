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
