//! A real spreadsheet in the loop: LibreOffice Calc (Debian's
//! `libreoffice-calc-nogui`), headless, opens an edited export and saves
//! it back as CSV in UTF-8 and in GBK, as people save from Excel/WPS. It
//! turns the id `0.10` into `0.1`, a 19-digit value into 15 digits, drops
//! the BOM and CRLF; the import then sees exactly the cells edited, and
//! nothing for 0.10/0.1. Without the `key` column the same save is refused
//! for the ids it made ambiguous. Skipped with a note when `soffice` is not
//! installed, except under CI (`CI` set), where it must be.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{Cells, ledger, ok, rows_after, run, wp};

/// `program` on the PATH; `None` (skip) when it is missing, unless `CI`
/// is set.
fn tool(program: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(program))
            .find(|p| p.is_file())
    });
    match (found, std::env::var_os("CI")) {
        (Some(p), _) => Some(p),
        (None, Some(_)) => panic!("{program} is not installed, and CI must install it (.ci/run)"),
        (None, None) => {
            eprintln!("note: {program} is not installed; skipping the LibreOffice round trip");
            None
        }
    }
}

/// Opens `files` in LibreOffice Calc and saves them as CSV in `charset`
/// (76 UTF-8, 85 GBK) into `out`, with a private profile in `dir`.
fn calc(soffice: &Path, dir: &Path, charset: u32, files: &[&Path], out: &Path) {
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("lo-profile").display()
    );
    let o = Command::new(soffice)
        .arg(profile)
        .args(["--headless", "--infilter=CSV:44,34,76,1", "--convert-to"])
        .arg(format!("csv:Text - txt - csv (StarCalc):44,34,{charset}"))
        .arg("--outdir")
        .arg(out)
        .args(files)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for f in files {
        assert!(
            out.join(f.file_name().unwrap()).is_file(),
            "{f:?} not converted"
        );
    }
}

const ROWS: &[&str] = &[
    "2025-06-30T00:00:00+08:00,limin,0.10,actual,57,,,2024",
    "2025-06-30T00:00:00+08:00,limin,0.1,actual,300,,,2024",
    "2025-06-30T00:00:00+08:00,limin,8.1,actual,1234567890.123456789,,,2025",
    "2025-06-30T00:00:00+08:00,limin,8.2,actual,300,,,2025-06",
    "2025-06-30T00:00:00+08:00,limin,0.3,note,1/2,,,",
    "2025-06-30T00:00:00+08:00,limin,0.4,note,'=1+1,,,",
    "2025-06-30T00:00:00+08:00,zhukc,8,status,in_progress,,,",
];

/// The export with five edits, as someone makes them in the spreadsheet.
fn edit(export: &str) -> Cells {
    let mut s = Cells::parse(export);
    s.set("0.10", "actual", "58");
    s.set("8.2", "note", "'=SUM(A1)");
    for id in ["8.1", "8.2", "8.3", "8.4", "8.5"] {
        s.set(id, "task_status", "delayed");
    }
    s.set("8.3", "actual", "１５０");
    s.set("8.4", "period", "2024Q4");
    s.set("8.4", "actual", "20");
    s
}

#[test]
fn libreoffice_saves_import_as_exactly_the_cells_edited() {
    let Some(soffice) = tool("soffice") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let data = ledger(d, ROWS);
    let export = ok(wp(&data, "limin", "2025-07-01").arg("export")).stdout;
    let edited = edit(&export);
    let (sheet, nokey) = (d.join("sheet.csv"), d.join("nokey.csv"));
    fs::write(&sheet, format!("\u{FEFF}{}", edited.to_csv("\r\n"))).unwrap();
    let mut without = edited.clone();
    without.drop_col("key");
    fs::write(&nokey, format!("\u{FEFF}{}", without.to_csv("\r\n"))).unwrap();
    let (utf8, gbk) = (d.join("utf8"), d.join("gbk"));
    calc(&soffice, d, 76, &[&sheet, &nokey], &utf8);
    calc(&soffice, d, 85, &[&sheet], &gbk);

    // What the spreadsheet did to the file.
    let saved = fs::read(utf8.join("sheet.csv")).unwrap();
    let text = String::from_utf8(saved.clone()).unwrap();
    assert!(
        !saved.starts_with(b"\xEF\xBB\xBF") && !text.contains('\r'),
        "no BOM, LF"
    );
    assert!(
        text.contains("\n#0.10,0.1,0,0,"),
        "the id shortened, the key kept"
    );
    assert!(text.contains(",1234567890.12346,"), "15 significant digits");
    assert!(text.contains(",'1/2,") && text.contains(",'=1+1,") && text.contains(",'2025-06,"));
    let gb = fs::read(gbk.join("sheet.csv")).unwrap();
    assert!(std::str::from_utf8(&gb).is_err(), "GBK, not UTF-8");

    // Both saves read as exactly the five edits.
    let before = fs::read(&data).unwrap();
    let mut seen = Vec::new();
    for f in [utf8.join("sheet.csv"), gbk.join("sheet.csv")] {
        let r = ok(wp(&data, "office", "2025-07-02")
            .args(["import", "--dry-run"])
            .arg(&f));
        let mut lines: Vec<String> = r
            .stdout
            .lines()
            .skip(1)
            .map(|l| l.split_once(": ").unwrap().1.to_string())
            .collect();
        lines.sort();
        seen.push(lines);
        assert!(
            r.stdout
                .lines()
                .next()
                .unwrap()
                .ends_with("; 5 changes (dry run: nothing recorded)"),
            "{}",
            r.stdout
        );
    }
    assert_eq!(seen[0], seen[1]);
    assert_eq!(
        seen[0],
        [
            "0.10 森林覆盖率 (2024): 57% → 58%",
            "8.2 工业投资累计完成 note: - → =SUM(A1)",
            "8.3 规模以上工业企业 (2025): - → 150 家",
            "8.4 工业战略性新兴产业总值占工业总产值比重 (2024Q4): - → 20%",
            "task 8 加快新型工业化 status: in_progress → delayed",
        ]
    );
    assert_eq!(fs::read(&data).unwrap(), before, "dry runs record nothing");

    // Recorded from the GBK save, by the importing user; the UTF-8 save
    // then has nothing left to record.
    ok(wp(&data, "office", "2025-07-02")
        .arg("import")
        .arg(gbk.join("sheet.csv")));
    let mut rows = rows_after(&data, 8);
    rows.sort();
    let t = "2025-07-02T00:00:00+08:00,office";
    assert_eq!(
        rows,
        [
            format!("{t},0.10,actual,58,57,imported from sheet.csv,2024"),
            format!("{t},8,status,delayed,in_progress,imported from sheet.csv,"),
            format!("{t},8.2,note,'=SUM(A1),,imported from sheet.csv,"),
            format!("{t},8.3,actual,150,,imported from sheet.csv,2025"),
            format!("{t},8.4,actual,20,,imported from sheet.csv,2024Q4"),
        ]
    );
    let after = fs::read(&data).unwrap();
    let r = ok(wp(&data, "office", "2025-07-03")
        .arg("import")
        .arg(utf8.join("sheet.csv")));
    assert!(
        r.stdout.contains("5 values already as the sheet has them"),
        "{}",
        r.stdout
    );
    assert_eq!(fs::read(&data).unwrap(), after);

    // Without the key the spreadsheet's 0.1 could be 0.1 or 0.10: refused.
    let f = utf8.join("nokey.csv");
    let r = run(wp(&data, "office", "2025-07-03").arg("import").arg(&f));
    assert_eq!(r.code, 2, "{}", r.stderr);
    let problems: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(problems.len(), 3, "{}", r.stderr);
    for (p, line) in problems.iter().zip([2, 11]) {
        let want = format!(
            "{}:{line}: column `id`: `0.1` is ambiguous: it may be 0.1 or 0.10",
            f.display()
        );
        assert!(
            p.trim_start_matches("wudang-plan: ").starts_with(&want),
            "{p}"
        );
    }
    assert_eq!(fs::read(&data).unwrap(), after);
}
