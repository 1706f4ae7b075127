//! Issue 10: every actual belongs to a period. A first-release ledger (no
//! `period` column) reads and is appended to unchanged; another period is
//! refused until `ledger convert` upgrades it (keeping a backup); the
//! current actual is the latest period's; expectations, the no-op rule
//! and `old` are per period.

use std::fs;
use std::path::{Path, PathBuf};

use wudang_plan::ledger::{
    self, Appended, Converted, Edit, Entry, Expect, Field, Ledger, LedgerError, Stamp,
};
use wudang_plan::plan::Period;
use wudang_plan::report::Progress;

fn at(s: &str) -> Stamp {
    Stamp::parse(s).unwrap()
}

fn edit(id: &str, value: &str, period: Option<&str>, time: &str, expect: Expect) -> Edit {
    Edit {
        id: id.into(),
        field: Field::Actual,
        value: Some(value.into()),
        note: None,
        user: "李明".into(),
        time: at(time),
        expect,
        period: period.map(|p| Period::parse(p).unwrap()),
    }
}

fn recorded(r: Result<Appended, LedgerError>) -> Entry {
    match r.unwrap() {
        Appended::Recorded(e) => e,
        Appended::Unchanged(cur) => panic!("nothing recorded; current {cur:?}"),
    }
}

/// The first-release fixture (UTF-8 with BOM, CRLF) copied into a temp dir.
fn first_release(dir: &tempfile::TempDir) -> (PathBuf, Vec<u8>) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ledger-bom-crlf.csv");
    let bytes = fs::read(fixture).unwrap();
    let path = dir.path().join("actuals.csv");
    fs::write(&path, &bytes).unwrap();
    (path, bytes)
}

const T: &str = "2025-06-03T09:00:00+08:00";

#[test]
fn a_first_release_ledger_reads_and_appends_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let (path, original) = first_release(&dir);
    let mut l = Ledger::open(&path).unwrap();
    assert_eq!(l.has_period_column(), Some(false));
    let cur = l.current("8.1", Field::Actual).unwrap();
    assert_eq!(cur.value.as_deref(), Some("600.50"));
    assert_eq!((cur.period, cur.in_period()), (None, Period::Year(2025)));
    // The default period (the year of the row's time) writes the old row.
    let e = recorded(l.append(edit("8.1", "620", None, T, Expect::Any)));
    assert_eq!(e.period, None, "read back as the default");
    let e2 = recorded(l.append(edit("8.2", "90", Some("2025"), T, Expect::Any)));
    assert_eq!(e2.period, None);
    let mut want = original.clone();
    want.extend_from_slice("2025-06-03T09:00:00+08:00,李明,8.1,actual,620,600.50,\r\n".as_bytes());
    want.extend_from_slice("2025-06-03T09:00:00+08:00,李明,8.2,actual,90,,\r\n".as_bytes());
    assert_eq!(
        fs::read(&path).unwrap(),
        want,
        "seven columns, byte for byte"
    );
    // Another period is refused, nothing written.
    let err = l
        .append(edit("8.1", "450", Some("2024"), T, Expect::Any))
        .unwrap_err();
    assert!(matches!(err, LedgerError::NeedsUpgrade { .. }), "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains("no period column") && msg.contains("2024"),
        "{msg}"
    );
    assert!(msg.contains("`wudang-plan ledger convert`"), "{msg}");
    assert_eq!(fs::read(&path).unwrap(), want, "nothing written");
    // Reopened: the same.
    let l = Ledger::open(&path).unwrap();
    assert_eq!(l.value("8.1", Field::Actual), Some("620"));
    assert_eq!(l.chain_breaks().1, 0);
}

#[test]
fn convert_upgrades_a_first_release_ledger_keeping_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let (path, original) = first_release(&dir);
    let done = ledger::convert(&path, at("2025-06-03T08:00:00+08:00")).unwrap();
    let Converted::Done {
        from,
        period_added,
        rows,
        backup,
        ..
    } = done
    else {
        panic!("not converted: {done:?}")
    };
    assert_eq!(
        (from, period_added, rows),
        (ledger::Encoding::Utf8 { bom: true }, true, 3)
    );
    assert_eq!(
        fs::read(&backup).unwrap(),
        original,
        "the backup is the original"
    );
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(
        text,
        "\u{feff}time,user,id,field,value,old,note,period\r\n\
         2025-06-01T10:00:00+08:00,李明,8.1,actual,512,,二季度报表,2025\r\n\
         2025-06-02T09:30:00+08:00,王芳,8.1,actual,600.50,512,\"核实后, 更正\",2025\r\n\
         2025-06-02T09:31:00+08:00,王芳,8,status,in_progress,,,\r\n"
    );
    let mut l = Ledger::open(&path).unwrap();
    assert_eq!(l.has_period_column(), Some(true));
    assert_eq!(l.value("8.1", Field::Actual), Some("600.50"));
    // Now another period is recorded.
    let e = recorded(l.append(edit("8.1", "450", Some("2024年"), T, Expect::Any)));
    assert_eq!(e.period, Some(Period::Year(2024)));
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .ends_with(",8.1,actual,450,,,2024\r\n")
    );
    // Converting again does nothing.
    assert!(matches!(
        ledger::convert(&path, at("2025-06-04T08:00:00+08:00")).unwrap(),
        Converted::AlreadyUtf8
    ));
}

/// Correcting 2022 after 2024 leaves 2024 current; expectations, the no-op
/// rule and `old` are about the edit's own period.
#[test]
fn correcting_an_earlier_period_leaves_the_latest_current() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actuals.csv");
    let mut l = Ledger::open(&path).unwrap();
    recorded(l.append(edit("8.1", "450", Some("2024"), T, Expect::Any)));
    recorded(l.append(edit("8.1", "300", Some("2022"), T, Expect::Any)));
    let cur = l.current("8.1", Field::Actual).unwrap();
    assert_eq!(
        (cur.value.as_deref(), cur.in_period()),
        (Some("450"), Period::Year(2024))
    );
    // A correction of 2022: old is 2022's value, expecting it is no conflict.
    let fixed = recorded(l.append(edit(
        "8.1",
        "310",
        Some("2022"),
        T,
        Expect::Value(Some("300".into())),
    )));
    assert_eq!(fixed.old.as_deref(), Some("300"));
    assert_eq!(
        l.value("8.1", Field::Actual),
        Some("450"),
        "2024 stays current"
    );
    // Expecting 2024's value for 2022 is a conflict naming 2022's value.
    let err = l
        .append(edit(
            "8.1",
            "320",
            Some("2022"),
            T,
            Expect::Value(Some("450".into())),
        ))
        .unwrap_err();
    let LedgerError::Conflict(c) = err else {
        panic!("{err}")
    };
    assert_eq!(c.found.as_deref(), Some("310"));
    // 310 again for 2022 is a no-op, though 2024 holds 450.
    assert!(matches!(
        l.append(edit("8.1", "310", Some("2022"), T, Expect::Any))
            .unwrap(),
        Appended::Unchanged(Some(_))
    ));
    // A quarter of 2024 ends before the year: the year's figure stays current.
    recorded(l.append(edit("8.1", "200", Some("2024Q2"), T, Expect::Any)));
    let periods: Vec<String> = l
        .periods("8.1")
        .iter()
        .map(|e| e.in_period().to_string())
        .collect();
    assert_eq!(periods, ["2022", "2024Q2", "2024"]);
    assert_eq!(l.value("8.1", Field::Actual), Some("450"));
    // Read again from the file: the same, no chain break.
    let again = Ledger::open(&path).unwrap();
    assert_eq!(again.value("8.1", Field::Actual), Some("450"));
    assert_eq!(
        again
            .current_in("8.1", Field::Actual, Some(Period::Year(2022)))
            .and_then(|e| e.value),
        Some("310".to_string())
    );
    assert_eq!(again.chain_breaks().1, 0);
    // The UI's copy follows the same rule, row by row.
    let mut p = Progress::empty(jiff::civil::date(2025, 6, 3));
    for e in l
        .history(Some("8.1"))
        .collect::<Result<Vec<_>, _>>()
        .unwrap()
        .iter()
        .rev()
    {
        p.apply(e);
    }
    assert_eq!(
        p.actual_of("8.1").map(|a| a.to_ledger()),
        Some("450".into())
    );
    assert_eq!(p.period_of("8.1").as_ref(), Some(&Period::Year(2024)));
    assert_eq!(
        Progress::from_ledger(&again, jiff::civil::date(2025, 6, 3)),
        p
    );
}

/// A first-release ledger's rows chain across years (`old` was the last
/// value whatever the year): not a chain break.
#[test]
fn first_release_rows_across_years_are_not_chain_breaks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actuals.csv");
    fs::write(
        &path,
        "time,user,id,field,value,old,note\r\n\
         2024-12-20T10:00:00+08:00,a,8.1,actual,400,,\r\n\
         2025-01-20T10:00:00+08:00,a,8.1,actual,420,400,\r\n",
    )
    .unwrap();
    let l = Ledger::open(&path).unwrap();
    assert_eq!(l.chain_breaks().1, 0);
    assert_eq!(l.periods("8.1").len(), 2);
    assert_eq!(l.value("8.1", Field::Actual), Some("420"));
}

mod cli {
    use std::fs;

    use crate::common::{ledger_in, run, wp, wp_on};

    /// `set --period` in every form `Period` reads; the baseline is the year
    /// before the plan; the current value stays the latest period's; history
    /// shows the period in every format.
    #[test]
    fn set_records_the_period_and_history_shows_it() {
        let dir = tempfile::tempdir().unwrap();
        let data = ledger_in(&dir);
        let ok = |args: &[&str]| {
            let r = run(wp(&data, "李明").args(args));
            assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
            r.stdout
        };
        assert!(
            ok(&["set", "8.1", "450", "--period", "2024"])
                .starts_with("8.1 工业总产值 (2024): - → 450 亿元\n")
        );
        let out = ok(&["set", "8.1", "300", "--period", "2020"]);
        assert!(
            out.starts_with(
                "8.1 工业总产值 (2020): - → 300 亿元\ncurrent: 450 亿元 (2024, the latest period)\nstatus: in_progress"
            ),
            "{out}"
        );
        ok(&["set", "8.1", "200", "--period", "2024年二季度"]);
        ok(&["set", "8.1", "210", "--period", "２０２４年６月"]);
        ok(&["set", "8.1", "220", "--period", "2024q3"]);
        // Without --period: the year of --today (2025-06-01).
        let out = ok(&["set", "8.1", "480"]);
        assert!(
            out.starts_with("8.1 工业总产值: - → 480 亿元\nstatus:"),
            "{out}"
        );
        let text = fs::read_to_string(&data).unwrap();
        let periods: Vec<&str> = text
            .lines()
            .skip(1)
            .map(|l| l.rsplit(',').next().unwrap())
            .collect();
        assert_eq!(
            periods,
            ["2024", "2020", "2024Q2", "2024-06", "2024Q3", "2025"]
        );
        let table = ok(&["history", "8.1", "--limit", "2"]);
        assert!(
            table.starts_with("time                       user  id   field   period  old  new"),
            "{table}"
        );
        assert!(table.contains("  actual  2025    -    480 亿元"), "{table}");
        assert!(table.contains("  actual  2024Q3  -    220 亿元"), "{table}");
        let csv = ok(&["history", "8.1", "--limit", "1", "--format", "csv"]);
        assert!(csv.ends_with(",7,2025\n"), "{csv}");
        let json = ok(&["history", "8.1", "--format", "json"]);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let got: Vec<&str> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["period"].as_str().unwrap())
            .collect();
        assert_eq!(got, ["2025", "2024Q3", "2024-06", "2024Q2", "2020", "2024"]);
        // Correcting 2024 after 2025: 2025 stays current (indicators shows it).
        ok(&["set", "8.1", "455", "--period", "2024", "--expect", "450"]);
        let out = ok(&["indicators", "--task", "8", "--format", "json"]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v[0]["actual"], 480, "{out}");
    }

    /// A period that does not parse or lies outside 2020–2026 is refused
    /// with exit 2 and nothing written (no file created either).
    #[test]
    fn a_bad_period_is_refused_and_nothing_written() {
        let dir = tempfile::tempdir().unwrap();
        let data = ledger_in(&dir);
        for (p, says) in [
            ("2024Q5", "2024Q5"),
            ("2024-13", "2024-13"),
            ("2019", "2020–2026"),
            ("2027年3月", "2020–2026"),
            ("24", "24"),
            ("2024/06", "2024/06"),
        ] {
            let r = run(wp(&data, "李明").args(["set", "8.1", "450", "--period", p]));
            assert_eq!(r.code, 2, "{p}: {}", r.stderr);
            assert!(
                r.stderr.contains("--period") && r.stderr.contains(says),
                "{p}: {}",
                r.stderr
            );
            assert!(r.stdout.is_empty());
            assert!(!data.exists(), "{p}: nothing written");
        }
        // The default period outside the plan (today in 2027) is refused too.
        let r = run(wp_on(&data, "李明", "2027-02-01").args(["set", "8.1", "450"]));
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stderr.contains("give --period"), "{}", r.stderr);
        assert!(!data.exists());
        let r =
            run(wp_on(&data, "李明", "2027-02-01").args(["set", "8.1", "450", "--period", "2025"]));
        assert_eq!(r.code, 0, "{}", r.stderr);
    }

    /// The first-release fixture: a default-period `set` leaves the file as
    /// it was plus one seven-column row; another period is refused (exit 2,
    /// nothing written, says to convert); `ledger check` names the format;
    /// after `ledger convert` (backup kept) the period is recorded.
    #[test]
    fn a_first_release_ledger_from_the_command_line() {
        let dir = tempfile::tempdir().unwrap();
        let data = ledger_in(&dir);
        let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/ledger-bom-crlf.csv");
        let original = fs::read(fixture).unwrap();
        fs::write(&data, &original).unwrap();
        let r = run(wp(&data, "李明").args(["set", "8.1", "620"]));
        assert_eq!(r.code, 0, "{}", r.stderr);
        let mut want = original.clone();
        want.extend_from_slice(
            "2025-06-01T00:00:00+08:00,李明,8.1,actual,620,600.50,\r\n".as_bytes(),
        );
        assert_eq!(
            fs::read(&data).unwrap(),
            want,
            "byte for byte, one old-format row more"
        );
        let r = run(wp(&data, "李明").args(["set", "8.1", "300", "--period", "2020"]));
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(
            r.stderr.contains("wudang-plan ledger convert"),
            "{}",
            r.stderr
        );
        assert_eq!(fs::read(&data).unwrap(), want, "nothing written");
        let r = run(wp(&data, "李明").args(["ledger", "check"]));
        assert!(r.stdout.contains("first-release format"), "{}", r.stdout);
        let r = run(wp(&data, "李明").args(["ledger", "convert"]));
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(r.stdout.contains("added the period column"), "{}", r.stdout);
        let backup = dir.path().join("actuals.csv.bak-20250601T000000");
        assert_eq!(
            fs::read(&backup).unwrap(),
            want,
            "the backup is the file as it was"
        );
        let r = run(wp(&data, "李明").args(["set", "8.1", "300", "--period", "2020"]));
        assert_eq!(r.code, 0, "{}", r.stderr);
        let r = run(wp(&data, "李明").args(["ledger", "check"]));
        assert!(r.stdout.contains("with the period column"), "{}", r.stdout);
        assert!(
            fs::read_to_string(&data)
                .unwrap()
                .ends_with(",8.1,actual,300,,,2020\r\n")
        );
    }
}

mod series {
    use crate::common::{ledger_in, run, wp_on};

    /// `series 8.1`: every period with its expected value and light, the
    /// baseline being the value recorded for 2020 (docs/data.md's cases).
    /// 2025Q1, still running on 2025-03-01, is judged at the end of
    /// February: 300 + 200 × 50 / 60 = 466.67.
    #[test]
    fn series_lists_each_period_with_expected_and_light() {
        let dir = tempfile::tempdir().unwrap();
        let data = ledger_in(&dir);
        let on = |args: &[&str]| {
            let r = run(wp_on(&data, "李明", "2025-03-01").args(args));
            assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
            r.stdout
        };
        for (v, p) in [
            ("300", "2020"),
            ("470", "2024"),
            ("410", "2023"),
            ("200", "2025Q1"),
        ] {
            on(&["set", "8.1", v, "--period", p]);
        }
        assert_eq!(
            on(&["series", "8.1"]),
            "8.1 工业总产值: >= 500 亿元, level, plan 2021–2025, baseline 300 (2020)\n\
             period  value     expected  light\n\
             2020    300 亿元  300       gray\n\
             2023    410 亿元  420       yellow\n\
             2024    470 亿元  460       green\n\
             2025Q1  200 亿元  466.67    red\n"
        );
        assert_eq!(
            on(&["series", "8.1", "--format", "csv"]),
            "period,value,expected,light\n2020,300,300,gray\n2023,410,420,yellow\n\
             2024,470,460,green\n2025Q1,200,466.66666666666666666666666667,red\n"
        );
        let json = on(&["series", "8.1", "--format", "json"]);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v[1]["period"], "2023");
        assert_eq!(v[1]["value"], 410);
        assert_eq!(v[1]["expected"], 420);
        assert_eq!(v[1]["light"], "yellow");
        // 8.2 (cumulative, no baseline needed): 2024: 300 against 336 is red.
        on(&["set", "8.2", "300", "--period", "2024"]);
        let json = on(&["series", "8.2", "--format", "json"]);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            (v[0]["expected"].clone(), v[0]["light"].clone()),
            (336.into(), "red".into())
        );
        // Nothing recorded; not an indicator.
        assert_eq!(on(&["series", "7.2", "--format", "json"]), "[]\n");
        let r = run(wp_on(&data, "李明", "2025-03-01").args(["series", "8"]));
        assert_eq!(r.code, 2);
        assert!(r.stderr.contains("not an indicator id"), "{}", r.stderr);
    }
}
