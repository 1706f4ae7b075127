//! What a new-user test found an import could do to the whole team: a
//! file too big (or endless) filling the memory, a note of 150 MB making
//! every later command slow, a million problems listed, and a plain "CSV"
//! save (GBK) turning a note nobody edited into an edit (`CO₂` → `CO?`).

use std::fs;

use crate::common::{Cells, ledger, ok, run, wp};

const ROWS: &[&str] = &[
    "2025-06-30T00:00:00+08:00,limin,8.1,actual,512,,,2025",
    "2025-06-30T00:00:00+08:00,limin,16.5,note,CO₂ 排放达标 😀 ①,,,",
];

/// A file over the limit (16 MiB for the embedded plan) is refused before
/// it is read whole; so is an endless one.
#[test]
fn a_file_too_big_is_refused_and_nothing_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger(dir.path(), ROWS);
    let before = fs::read(&data).unwrap();
    let big = dir.path().join("big.csv");
    fs::write(&big, vec![b'x'; (16 << 20) + 1]).unwrap();
    let r = run(wp(&data, "chenli", "2025-07-01").arg("import").arg(&big));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("more than 16 MiB"), "{}", r.stderr);
    #[cfg(unix)]
    {
        let r = run(wp(&data, "chenli", "2025-07-01").args(["import", "/dev/zero"]));
        assert_eq!(r.code, 2, "{}", r.stderr);
    }
    assert_eq!(fs::read(&data).unwrap(), before);
}

/// A note longer than 2000 characters is an invalid cell; the reasons
/// listed stop at 100 and count the rest.
#[test]
fn long_notes_are_refused_and_problems_are_counted_past_a_hundred() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger(dir.path(), ROWS);
    let export = ok(wp(&data, "limin", "2025-07-01").arg("export")).stdout;
    let mut s = Cells::parse(&export);
    s.set("8.2", "note", &"长".repeat(2001));
    let sheet = dir.path().join("long.csv");
    fs::write(&sheet, s.to_csv("\r\n")).unwrap();
    let r = run(wp(&data, "chenli", "2025-07-01").arg("import").arg(&sheet));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("2001 characters long; expected at most 2000"),
        "{}",
        r.stderr
    );

    let mut s = Cells::parse(&export);
    let ids: Vec<String> = s.rows.iter().map(|r| r[s.col("id")].clone()).collect();
    for id in &ids {
        s.set(id, "actual", "abc");
        s.set(id, "note", &"长".repeat(2001));
    }
    fs::write(&sheet, s.to_csv("\r\n")).unwrap();
    let r = run(wp(&data, "chenli", "2025-07-01").arg("import").arg(&sheet));
    assert_eq!(r.code, 2, "{}", r.stderr);
    let listed = r
        .stderr
        .lines()
        .filter(|l| l.contains(": column `"))
        .count();
    assert_eq!(listed, 100, "{}", r.stderr);
    let all = 2 * ids.len();
    assert!(
        r.stderr.contains(&format!("… and {} more", all - 100)),
        "{}",
        r.stderr
    );
}

/// Excel/WPS's plain "CSV" on Chinese Windows is GBK: characters it cannot
/// hold are saved as `?`. A note that differs only so was not edited; a
/// note really edited in the same file is.
#[test]
fn a_gbk_save_is_not_an_edit_of_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger(dir.path(), ROWS);
    let export = ok(wp(&data, "limin", "2025-07-01").arg("export")).stdout;
    let mut s = Cells::parse(&export);
    s.set("8.2", "note", "已核实");
    let csv = s.to_csv("\r\n");
    assert!(
        encoding_rs::GBK.encode(&csv).2,
        "the fixture must hold characters GBK cannot"
    );
    // What Excel/WPS write for them: `?`.
    let saved = encoding_rs::GBK
        .encode(&csv.replace(['₂', '😀'], "?"))
        .0
        .into_owned();
    let sheet = dir.path().join("gbk.csv");
    fs::write(&sheet, saved).unwrap();
    let r = ok(wp(&data, "chenli", "2025-07-01").arg("import").arg(&sheet));
    assert!(r.stdout.contains("recorded 1 change"), "{}", r.stdout);
    assert!(r.stdout.contains("8.2"), "{}", r.stdout);
    assert!(!r.stdout.contains("16.5"), "{}", r.stdout);
}
