//! export → edit a few cells as people do in Excel/WPS (full-width digits,
//! a note starting with `=`, a task's status in Chinese, a value for
//! another period, an id a spreadsheet shortened) → sort the rows, reorder
//! and delete columns → GB18030 → import: the ledger has exactly those
//! changes, by the importing user; a second import records nothing; a dry
//! run records nothing and says old → new.

use std::fs;
use std::path::Path;

use crate::common::{Cells, ledger, ok, rows_after, wp};

const ROWS: &[&str] = &[
    "2025-06-30T00:00:00+08:00,limin,8.1,actual,512,,,2025",
    "2025-06-30T00:00:00+08:00,limin,0.10,actual,57,,,2024",
    "2025-06-30T00:00:00+08:00,limin,0.1,actual,300,,,2024",
    "2025-06-30T00:00:00+08:00,zhukc,8,status,in_progress,,,",
    "2025-06-30T00:00:00+08:00,limin,0.2,note,待核实,,,",
];

/// The exported sheet with the cells edited, rows sorted by name, columns
/// reversed and four read-only columns deleted, as GB18030 with CRLF.
fn edited(export: &str) -> Vec<u8> {
    let mut s = Cells::parse(export);
    assert_eq!(s.rows.len(), 95);
    s.set("8.2", "actual", "１，２３４．５");
    s.set("0.3", "note", "=SUM(A1)");
    s.set("0.2", "note", "'-待统计局核实");
    for id in ["8.1", "8.2", "8.3", "8.4", "8.5"] {
        s.set(id, "task_status", "已延误");
    }
    s.set("0.10", "actual", "58");
    s.set("0.10", "id", "0.1");
    s.set("8.1", "period", "2024");
    s.set("8.1", "actual", "480");
    let name = s.col("name");
    s.rows.sort_by(|a, b| a[name].cmp(&b[name]));
    // Headers read by name, the 中文 names too.
    for (en, zh) in [
        ("actual", "实际值"),
        ("task_status", "任务状态"),
        ("key", "编号键"),
    ] {
        let c = s.col(en);
        s.header[c] = zh.to_string();
    }
    for c in ["name", "target", "expected", "light"] {
        s.drop_col(c);
    }
    s.header.reverse();
    for r in &mut s.rows {
        r.reverse();
    }
    let text = s.to_csv("\r\n");
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    gb.into_owned()
}

fn setup(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let data = ledger(dir, ROWS);
    let r = ok(wp(&data, "limin", "2025-07-01").arg("export"));
    let sheet = dir.join("sheet.csv");
    fs::write(&sheet, edited(&r.stdout)).unwrap();
    (data, sheet)
}

#[test]
fn the_ledger_gets_exactly_the_cells_edited() {
    let dir = tempfile::tempdir().unwrap();
    let (data, sheet) = setup(dir.path());
    let r = ok(wp(&data, "bob", "2025-07-02").arg("import").arg(&sheet));
    let mut rows = rows_after(&data, 6);
    rows.sort();
    let t = "2025-07-02T00:00:00+08:00,bob";
    let from = "imported from sheet.csv";
    let mut want = vec![
        format!("{t},8.2,actual,1234.5,,{from},2025"),
        format!("{t},0.3,note,'=SUM(A1),,{from},"),
        format!("{t},0.2,note,'-待统计局核实,待核实,{from},"),
        format!("{t},8,status,delayed,in_progress,{from},"),
        format!("{t},0.10,actual,58,57,{from},2024"),
        format!("{t},8.1,actual,480,,{from},2024"),
    ];
    want.sort();
    assert_eq!(rows, want, "{}", r.stdout);
    let s = sheet.display();
    assert!(
        r.stdout
            .starts_with(&format!("{s}: 95 rows (GB18030); recorded 6 changes:\n")),
        "{}",
        r.stdout
    );
    for line in [
        "8.2 工业投资累计完成 (2025): - → 1234.5 亿元",
        "0.10 森林覆盖率 (2024): 57% → 58%",
        "8.1 工业总产值 (2024): - → 480 亿元",
        "0.2 地区常住人口 note: 待核实 → -待统计局核实",
        "task 8 加快新型工业化 status: in_progress → delayed",
    ] {
        assert!(r.stdout.contains(line), "{line} in\n{}", r.stdout);
    }
    assert!(
        r.stdout.ends_with(&format!(
            "recorded by bob at 2025-07-02T00:00:00+08:00 ({}:7–12)\n",
            data.display()
        )),
        "{}",
        r.stdout
    );
    // 2025 stays 512: a value for another period is another value.
    let h = ok(wp(&data, "x", "2025-07-02").args(["series", "8.1", "--format", "csv"]));
    assert!(
        h.stdout.contains("2024,480,") && h.stdout.contains("2025,512,"),
        "{}",
        h.stdout
    );

    // The same sheet again: its cells are in the ledger now; nothing twice.
    let before = fs::read(&data).unwrap();
    let r = ok(wp(&data, "bob", "2025-07-03").arg("import").arg(&sheet));
    assert_eq!(
        r.stdout,
        format!(
            "{s}: 95 rows (GB18030); nothing to record\n6 values already as the sheet has them \
             (recorded since the export, by someone or by an earlier import of this sheet): \
             nothing to record for them\n"
        )
    );
    assert_eq!(fs::read(&data).unwrap(), before);
}

#[test]
fn a_dry_run_says_old_to_new_and_records_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (data, sheet) = setup(dir.path());
    let before = fs::read(&data).unwrap();
    // No user needed: nothing is recorded.
    let mut c = wp(&data, "bob", "2025-07-02");
    c.env_remove("USER")
        .args(["import", "--dry-run"])
        .arg(&sheet);
    let r = ok(&mut c);
    assert_eq!(fs::read(&data).unwrap(), before, "nothing appended");
    let s = sheet.display();
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        lines[0],
        format!("{s}: 95 rows (GB18030); 6 changes (dry run: nothing recorded)")
    );
    assert_eq!(lines.len(), 7, "{}", r.stdout);
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with(": 0.3 城区常住人口 note: - → =SUM(A1)")),
        "{}",
        r.stdout
    );
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with(": 8.2 工业投资累计完成 (2025): - → 1234.5 亿元")),
        "{}",
        r.stdout
    );
}

#[test]
fn an_unedited_export_imports_as_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger(dir.path(), ROWS);
    let sheet = dir.path().join("as-is.csv");
    ok(wp(&data, "limin", "2025-07-01")
        .args(["export", "--out"])
        .arg(&sheet));
    let before = fs::read(&data).unwrap();
    let r = ok(wp(&data, "bob", "2025-07-02").arg("import").arg(&sheet));
    assert!(
        r.stdout
            .ends_with("nothing to record: every cell is as exported\n"),
        "{}",
        r.stdout
    );
    assert_eq!(fs::read(&data).unwrap(), before);
}
