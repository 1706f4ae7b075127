//! Values judged as of today: a value for a period still running (the
//! default period is the current year, "the value so far this year") is
//! compared with the line at the end of the last complete month, not at
//! the period's end (docs/data.md, "Pace").

use crate::common::{ledger_in, run, wp_on};

const MID: &str = "2025-08-15";

fn ok(data: &std::path::Path, today: &str, args: &[&str]) -> String {
    let r = run(wp_on(data, "李明", today).args(args));
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    r.stdout
}

/// `indicators --format json` of one indicator: (expected, light).
fn pace(data: &std::path::Path, task: &str, id: &str) -> (String, String) {
    let out = ok(
        data,
        MID,
        &["indicators", "--task", task, "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let i = v
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap();
    (i["expected"].to_string(), i["light"].to_string())
}

/// The tester's case: `set 24.1 3400` on 2025-08-15 (每年 ~5000, the
/// default period 2025) is judged through July, 5000 × 7 / 12 = 2916.67,
/// green — as the same 3400 for 2025-07 is; it was red against the whole
/// year's 5000. `series` judges the running period the same way.
#[test]
fn a_value_so_far_this_year_is_judged_so_far() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    ok(&data, MID, &["set", "24.1", "3400"]);
    let year = pace(&data, "24", "24.1");
    assert_eq!(
        year,
        ("2916.6666666666666666666666667".into(), "\"green\"".into())
    );
    let other = tempfile::tempdir().unwrap();
    let data7 = ledger_in(&other);
    ok(&data7, MID, &["set", "24.1", "3400", "--period", "2025-07"]);
    assert_eq!(pace(&data7, "24", "24.1"), year);
    assert!(
        ok(&data, MID, &["series", "24.1"]).ends_with("\n2025    3400 人次  2916.67   green\n"),
        "{}",
        ok(&data, MID, &["series", "24.1"])
    );
    // A sum: 8.2 累计 ≥ 420, 390 so far in 2025 against 420 × 55 / 60 = 385.
    ok(&data, MID, &["set", "8.2", "390"]);
    assert_eq!(pace(&data, "8", "8.2"), ("385".into(), "\"green\"".into()));
    // Once 2025 is over, the whole: 390 of 420 is yellow as the year
    // ended (series), red now that the deadline has passed (indicators).
    let after = ok(&data, "2026-01-15", &["series", "8.2", "--format", "csv"]);
    assert_eq!(after, "period,value,expected,light\n2025,390,420,yellow\n");
    let now = ok(
        &data,
        "2026-01-15",
        &["indicators", "--task", "8", "--format", "csv"],
    );
    assert!(now.contains(",2025,,420,red\n"), "{now}");
}

/// A period that has not started by today is refused (exit 2, nothing
/// written, the message naming the period, today and what is expected);
/// the current year, quarter and month are fine.
#[test]
fn a_period_not_started_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    for (value, period) in [("900", "2025Q4"), ("350", "2026"), ("80", "2025年9月")] {
        let r = run(wp_on(&data, "李明", MID).args(["set", "8.1", value, "--period", period]));
        assert_eq!(r.code, 2, "{period}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{period}: {}", r.stdout);
        assert!(!data.exists(), "{period}: nothing written");
        let p = wudang_plan::plan::Period::parse(period).unwrap();
        assert!(
            r.stderr.contains(&format!(
                "--period: {p} has not started yet (today is 2025-08-15); expected the current \
                 year 2025, quarter 2025Q3 or month 2025-08, or an earlier period"
            )),
            "{period}: {}",
            r.stderr
        );
    }
    for period in ["2025Q3", "2025-08", "2025年", "2024Q4"] {
        ok(&data, MID, &["set", "8.1", "300", "--period", period]);
    }
    ok(&data, MID, &["set", "8.1", "310"]);
    let out = ok(&data, MID, &["history", "8.1", "--format", "csv"]);
    assert_eq!(out.lines().count(), 6, "{out}");
    assert!(!out.contains("2026") && !out.contains("2025Q4"), "{out}");
}
