//! Imports refused as a whole, every reason listed by file:line and
//! column, the ledger left byte for byte as it was: a conflict (exit 3;
//! `--force` records over it and says so) and invalid cells (exit 2).
//! The fixtures: `tests/fixtures/sheet/ledger.csv`, exported at line 6
//! into `conflict.csv` (GB18030, as Excel saves "CSV") before wangfang
//! changed 8.1 and 8.3; exported at line 8 into `invalid.csv` (UTF-8, LF).

use std::fs;
use std::path::Path;

use crate::common::{Cells, fixture, ledger, ok, rows_after, run, wp};

fn copy_ledger(dir: &Path) -> std::path::PathBuf {
    let data = dir.join("ledger.csv");
    fs::copy(fixture("ledger.csv"), &data).unwrap();
    data
}

#[test]
fn a_conflict_refuses_the_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = copy_ledger(dir.path());
    let sheet = fixture("conflict.csv");
    let r = run(wp(&data, "bob", "2025-07-03").arg("import").arg(&sheet));
    assert_eq!(r.code, 3, "{}", r.stderr);
    let s = sheet.display();
    assert_eq!(
        r.stderr,
        format!(
            "wudang-plan: {s}:2: column `actual`: 8.1 工业总产值 (2025): the sheet changes 512 亿元 \
             to 540 亿元, but the ledger has wangfang's 530 亿元 recorded at \
             2025-07-02T00:00:00+08:00 ({d}:7), after this sheet was exported\n\
             {s}: nothing was recorded (1 conflict): the ledger changed after this sheet was \
             exported; export again and redo these cells, or import with --force to record the \
             sheet's values over them\n",
            d = data.display()
        )
    );
    assert_eq!(
        fs::read(&data).unwrap(),
        fs::read(fixture("ledger.csv")).unwrap()
    );
    // A dry run lists the changes, then refuses the same way.
    let r = run(wp(&data, "bob", "2025-07-03")
        .args(["import", "--dry-run"])
        .arg(&sheet));
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with(&format!("{s}: 5 rows (GB18030); 3 changes (dry run")),
        "{}",
        r.stdout
    );
    assert_eq!(
        fs::read(&data).unwrap(),
        fs::read(fixture("ledger.csv")).unwrap()
    );
}

#[test]
fn force_records_over_the_conflict_and_says_whose() {
    let dir = tempfile::tempdir().unwrap();
    let data = copy_ledger(dir.path());
    let sheet = fixture("conflict.csv");
    let r = ok(wp(&data, "bob", "2025-07-03")
        .args(["import", "--force"])
        .arg(&sheet));
    let s = sheet.display();
    let d = data.display();
    assert_eq!(
        r.stdout,
        format!(
            "{s}: 5 rows (GB18030); recorded 3 changes:\n  \
             {s}:2: 8.1 工业总产值 (2025): 530 亿元 → 540 亿元, over wangfang's 530 亿元 recorded \
             at 2025-07-02T00:00:00+08:00 ({d}:7)\n  \
             {s}:3: 8.2 工业投资累计完成 (2025): 300 亿元 → 310 亿元\n  \
             {s}:5: 8.4 工业战略性新兴产业总值占工业总产值比重 note: 待统计局核实 → =核实后更新\n\
             recorded by bob at 2025-07-03T00:00:00+08:00 ({d}:9–11)\n"
        )
    );
    let t = "2025-07-03T00:00:00+08:00,bob";
    assert_eq!(
        rows_after(&data, 8),
        [
            format!("{t},8.1,actual,540,530,imported from conflict.csv,2025"),
            format!("{t},8.2,actual,310,300,imported from conflict.csv,2025"),
            format!("{t},8.4,note,'=核实后更新,待统计局核实,imported from conflict.csv,"),
        ]
    );
}

#[test]
fn invalid_cells_refuse_the_whole_file_each_named() {
    let dir = tempfile::tempdir().unwrap();
    let data = copy_ledger(dir.path());
    let sheet = fixture("invalid.csv");
    let r = run(wp(&data, "bob", "2025-07-03").arg("import").arg(&sheet));
    assert_eq!(r.code, 2, "{}", r.stderr);
    let s = sheet.display();
    assert_eq!(
        r.stderr,
        format!(
            "wudang-plan: {s}:2: column `actual`: 8.1 工业总产值: `5,12`: digits must be grouped in \
             threes (1,234 or 1,234,567); expected a number in 亿元 such as 512, 512.5 or 1,234.5 \
             (the suffix 亿元 is optional)\n\
             {s}:2–3,5,7: column `task_status`: task 8: its rows give different statuses: \
             `in_progress` (lines 2, 3, 5), `delayed` (line 7); a task has one status: give all \
             its rows the same one\n\
             {s}:3: column `period`: 8.2 工业投资累计完成: `2024Q5`: quarter 5 does not exist; a \
             quarter is 1 to 4 (2024Q2)\n\
             {s}:4: column `key`: `#99.9`: the plan has no indicator `99.9`; expected the key as \
             exported\n\
             {s}:5: column `note`: 8.4 工业战略性新兴产业总值占工业总产值比重: the note contains a \
             line break; expected one line of text without control characters\n\
             {s}: nothing was recorded (5 problems); fix them and import again\n"
        )
    );
    // 8.5's 30 was valid: nothing is recorded all the same.
    assert_eq!(
        fs::read(&data).unwrap(),
        fs::read(fixture("ledger.csv")).unwrap()
    );
}

/// 8.1 2025 = 512 at line 2; the sheet is exported at line 2; then a
/// colleague records 8.1 for 2024 and 8.2 for 2025.
fn colleague(dir: &Path) -> (std::path::PathBuf, Cells) {
    let data = ledger(
        dir,
        &["2025-06-30T00:00:00+08:00,limin,8.1,actual,512,,,2025"],
    );
    let r = ok(wp(&data, "limin", "2025-07-01").args(["export", "--task", "8"]));
    ok(wp(&data, "wangfang", "2025-07-02").args(["set", "8.1", "470", "--period", "2024"]));
    ok(wp(&data, "wangfang", "2025-07-02").args(["set", "8.2", "100"]));
    (data, Cells::parse(&r.stdout))
}

#[test]
fn a_changed_period_conflicts_only_with_changes_to_that_period() {
    let dir = tempfile::tempdir().unwrap();
    let (data, mut cells) = colleague(dir.path());
    let sheet = dir.path().join("s.csv");
    // 8.1's row now says 480 for 2024, which wangfang changed since; 8.2's
    // row is left alone (wangfang's 100 is no conflict); 8.3 is new.
    cells.set("8.1", "period", "2024");
    cells.set("8.1", "actual", "480");
    cells.set("8.3", "actual", "150");
    fs::write(&sheet, cells.to_csv("\r\n")).unwrap();
    let before = fs::read(&data).unwrap();
    let r = run(wp(&data, "bob", "2025-07-03").arg("import").arg(&sheet));
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(
        r.stderr.contains(":2: column `actual`: 8.1 工业总产值 (2024): the sheet changes - to 480 亿元, but the ledger has wangfang's 470 亿元"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.lines().count(), 2, "one conflict:\n{}", r.stderr);
    assert_eq!(fs::read(&data).unwrap(), before);
    // For 2023, which nobody changed: recorded, beside wangfang's rows.
    cells.set("8.1", "period", "2023");
    fs::write(&sheet, cells.to_csv("\r\n")).unwrap();
    ok(wp(&data, "bob", "2025-07-03").arg("import").arg(&sheet));
    let t = "2025-07-03T00:00:00+08:00,bob";
    assert_eq!(
        rows_after(&data, 4),
        [
            format!("{t},8.1,actual,480,,imported from s.csv,2023"),
            format!("{t},8.3,actual,150,,imported from s.csv,2025"),
        ]
    );
}

#[test]
fn without_the_ledger_line_column_only_force_imports() {
    let dir = tempfile::tempdir().unwrap();
    let (data, mut cells) = colleague(dir.path());
    cells.drop_col("ledger_line");
    cells.set("8.3", "actual", "150");
    let sheet = dir.path().join("s.csv");
    fs::write(&sheet, cells.to_csv("\n")).unwrap();
    let r = run(wp(&data, "bob", "2025-07-03").arg("import").arg(&sheet));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains(":1: no column `ledger_line`"),
        "{}",
        r.stderr
    );
    // Forced, every cell that differs from the ledger as it is now is
    // recorded: 8.2's 90 over wangfang's 100 (no conflict can be told).
    cells.set("8.2", "period", "2025");
    cells.set("8.2", "actual", "90");
    fs::write(&sheet, cells.to_csv("\n")).unwrap();
    ok(wp(&data, "bob", "2025-07-03")
        .args(["import", "--force"])
        .arg(&sheet));
    let t = "2025-07-03T00:00:00+08:00,bob";
    assert_eq!(
        rows_after(&data, 4),
        [
            format!("{t},8.2,actual,90,100,imported from s.csv,2025"),
            format!("{t},8.3,actual,150,,imported from s.csv,2025"),
        ]
    );
}

#[test]
fn a_sheet_from_a_longer_ledger_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut cells) = colleague(dir.path());
    let sheet = dir.path().join("s.csv");
    cells.set("8.3", "actual", "150");
    fs::write(&sheet, cells.to_csv("\r\n")).unwrap();
    fs::create_dir(dir.path().join("x")).unwrap();
    let other = ledger(&dir.path().join("x"), &[]);
    let r = run(wp(&other, "bob", "2025-07-03").arg("import").arg(&sheet));
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            ":2–6: column `ledger_line`: exported when the ledger had 2 lines; it has 1 now"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn files_that_are_not_an_export_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger(dir.path(), &[]);
    let before = fs::read(&data).unwrap();
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "a.json",
            b"[{\"key\": \"#8.1\"}]",
            "a.json:1: this file is JSON",
        ),
        (
            "b.csv",
            b"key;actual\n#8.1;1\n",
            "b.csv:1: the columns are separated by semicolons",
        ),
        (
            "c.csv",
            b"name,target\n\xe5\xb7\xa5,1\n",
            "c.csv:1: no column `key` or `id`",
        ),
        (
            "d.csv",
            b"key,actual,\xe5\xae\x9e\xe9\x99\x85\xe5\x80\xbc\n#8.1,1,2\n",
            "d.csv:1: column `actual` appears twice",
        ),
        (
            "e.csv",
            b"key,ledger_line,actual,period\n#8.1,1,1,\xff\xfe\n",
            "e.csv:2: neither UTF-8",
        ),
    ];
    for (name, bytes, says) in cases {
        let f = dir.path().join(name);
        fs::write(&f, bytes).unwrap();
        let r = run(wp(&data, "bob", "2025-07-03").arg("import").arg(&f));
        assert_eq!(r.code, 2, "{name}: {}", r.stderr);
        assert!(r.stderr.contains(says), "{name}: {}", r.stderr);
    }
    assert_eq!(fs::read(&data).unwrap(), before);
}

#[test]
fn text_from_the_file_is_shown_made_visible() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger(dir.path(), &[]);
    let f = dir.path().join("esc.csv");
    fs::write(
        &f,
        "key,actual,period,ledger_line\n#8.1\u{1b}[2J,1,2025,1\n#8.2,\u{9b}5,2025,1\n",
    )
    .unwrap();
    let r = run(wp(&data, "bob", "2025-07-03").arg("import").arg(&f));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        !r.stderr.contains('\u{1b}') && !r.stderr.contains('\u{9b}'),
        "{:?}",
        r.stderr
    );
    assert!(
        r.stderr.contains(":2: column `key`: `#8.1\\x1b[2J`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains(":3: column `actual`: 8.2 工业投资累计完成: `\\u{9b}5`"),
        "{}",
        r.stderr
    );
}
