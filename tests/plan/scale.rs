//! A province-sized plan (100,000 indicators) loads and filters in linear
//! time. Quadratic work anywhere in the path would take minutes here.

use std::time::{Duration, Instant};

use wudang_plan::plan::filter::Filter;
use wudang_plan::plan::{self, Plan};

use crate::genplan::{self, Sizes};

/// The province size of issue 12 (docs/performance.md), plan only.
const BIG: Sizes = Sizes {
    tasks: 10_000,
    indicators: 100_000,
    leaders: 200,
    rows: 0,
};

#[test]
fn hundred_thousand_indicators_load_and_filter_quickly() {
    let tmp = tempfile::tempdir().unwrap();
    genplan::generate(tmp.path(), BIG, 1).unwrap();
    let dir = tmp.path().join("plan");

    let start = Instant::now();
    let plan: Plan = plan::load_dir(&dir).unwrap();
    assert_eq!(plan.indicators.len(), BIG.indicators);
    assert!(plan.indicator("10000.9").is_some());
    let loaded = start.elapsed();
    // 朱快春 is one of the generated plan's leaders (as in the district's).
    let zkc = Filter {
        leader: Some("朱快春".into()),
        ..Filter::default()
    };
    let expected = zkc.indicators(&plan).len();
    assert!(expected > 100, "{expected}");

    let start = Instant::now();
    let out = assert_cmd::Command::cargo_bin("wudang-plan")
        .unwrap()
        // Never the user's own ledger.
        .env("WUDANG_PLAN_DATA", tmp.path().join("actuals.csv"))
        .args([
            "indicators",
            "--leader",
            "zkc",
            "--format",
            "json",
            "--plan",
        ])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let items: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(items.len(), expected);
    let filtered = start.elapsed();

    eprintln!("load {loaded:?}, filter via binary {filtered:?}");
    // Generous bounds for an unoptimized build on a slow shared machine
    // (the generated plan's 18 MB of text load in about 12 s there, 35 s
    // with four builds beside it); quadratic work on 100,000 indicators
    // (10^10 steps) would take far longer.
    assert!(loaded < Duration::from_secs(90), "load took {loaded:?}");
    assert!(
        filtered < Duration::from_secs(90),
        "filter took {filtered:?}"
    );
}
