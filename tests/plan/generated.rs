//! The dev-only generator (`examples/genplan`, docs/performance.md) writes
//! a plan the library loads and a ledger `ledger check` finds nothing
//! wrong with (not even a broken chain of `old` values), the same bytes
//! for the same seed.

use std::path::Path;

use wudang_plan::plan::{self, Kind};

use crate::genplan::{self, Sizes};

const SMALL: Sizes = Sizes {
    tasks: 40,
    indicators: 300,
    leaders: 25,
    rows: 5_000,
};

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    ["groups", "tasks", "rows", "indicators", "period"]
        .iter()
        .map(|f| format!("plan/{f}.csv"))
        .chain(["actuals.csv".to_string()])
        .map(|f| {
            let bytes = std::fs::read(dir.join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}

#[test]
fn a_generated_plan_loads_with_every_kind_and_multi_leader_rows() {
    let dir = tempfile::tempdir().unwrap();
    genplan::generate(dir.path(), SMALL, 7).unwrap();
    let plan = plan::load_dir(&dir.path().join("plan")).unwrap();
    assert_eq!(plan.tasks.len(), SMALL.tasks + 1);
    assert_eq!(plan.indicators.len(), SMALL.indicators);
    assert_eq!(plan.period.start, genplan::seeds::START);
    for k in Kind::ALL {
        assert!(
            plan.indicators.iter().any(|i| i.kind == k),
            "no {k} indicator"
        );
    }
    assert!(plan.rows.iter().any(|r| r.leaders.len() > 1));
    let mut leaders: Vec<&String> = plan.rows.iter().flat_map(|r| &r.leaders).collect();
    leaders.sort();
    leaders.dedup();
    assert!(
        leaders.len() > SMALL.leaders / 2,
        "{} leaders",
        leaders.len()
    );
    assert!(
        leaders.iter().all(|l| l.chars().count() == 3),
        "{leaders:?}"
    );
}

#[test]
fn a_generated_ledger_passes_ledger_check_and_mixes_fields_periods_and_users() {
    let dir = tempfile::tempdir().unwrap();
    genplan::generate(dir.path(), SMALL, 7).unwrap();
    let out = assert_cmd::Command::cargo_bin("wudang-plan")
        .unwrap()
        .arg("--plan")
        .arg(dir.path().join("plan"))
        .arg("--data")
        .arg(dir.path().join("actuals.csv"))
        .args(["--lang", "en", "ledger", "check"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.starts_with("ok: "), "{stdout}");
    assert!(stdout.contains("5000 rows"), "{stdout}");
    // No broken chain, no other warning: one line.
    assert_eq!(stdout.lines().count(), 1, "{stdout}");

    let text = std::fs::read_to_string(dir.path().join("actuals.csv")).unwrap();
    let mut rdr = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut fields = std::collections::HashSet::new();
    let mut users = std::collections::HashSet::new();
    let (mut quarters, mut months, mut done, mut undos, mut chinese) = (0, 0, 0, 0, 0);
    for rec in rdr.records() {
        let rec = rec.unwrap();
        fields.insert(rec[3].to_string());
        users.insert(rec[1].to_string());
        quarters += usize::from(rec[7].contains('Q'));
        months += usize::from(rec[7].contains('-'));
        done += usize::from(&rec[4] == "done");
        undos += usize::from(rec[6].starts_with("undo of the change at "));
        chinese += usize::from(rec[3] == *"note" && rec[4].chars().any(|c| c > '\u{3000}'));
        let year: i32 = rec[0][..4].parse().unwrap();
        assert!((2021..=2025).contains(&year), "{:?}", rec);
    }
    assert_eq!(fields.len(), 3, "{fields:?}");
    assert!(users.len() >= 3, "{users:?}");
    for (what, n) in [
        ("quarters", quarters),
        ("months", months),
        ("done", done),
        ("undos", undos),
        ("chinese notes", chinese),
    ] {
        assert!(n > 10, "{what}: {n}");
    }
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_other_bytes() {
    let (a, b, c) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    genplan::generate(a.path(), SMALL, 7).unwrap();
    genplan::generate(b.path(), SMALL, 7).unwrap();
    genplan::generate(c.path(), SMALL, 8).unwrap();
    assert!(files(a.path()) == files(b.path()));
    let (fa, fc) = (files(a.path()), files(c.path()));
    assert!(
        fa[3].1 != fc[3].1,
        "indicators.csv is the same for seeds 7 and 8"
    );
    assert!(
        fa[5].1 != fc[5].1,
        "actuals.csv is the same for seeds 7 and 8"
    );
}
