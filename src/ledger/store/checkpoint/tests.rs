//! The checkpoint's own tests: what it holds and that it reads back; the
//! fault cases through the public API are in tests/ledger/checkpoint.rs.

use super::*;
use crate::ledger::entry::{self, Stamp};
use crate::ledger::store::BOM;
use crate::plan::Period;

fn row(i: u64, id: &str, old: Option<&str>) -> Vec<u8> {
    entry::entry_line(&Entry {
        line: 0,
        time: Stamp::parse("2025-06-01T10:00:00+08:00").unwrap(),
        user: if i.is_multiple_of(2) {
            "李明"
        } else {
            "王芳"
        }
        .into(),
        id: id.into(),
        field: if i % 5 == 4 {
            Field::Note
        } else {
            Field::Actual
        },
        value: Some(i.to_string()),
        old: old.map(String::from),
        note: i.is_multiple_of(3).then(|| "快报".to_string()),
        period: (i % 5 != 4).then(|| Period::Quarter(2025, 1 + (i % 4) as u8)),
    })
}

/// A ledger of `n` rows over a few ids, every row's `old` wrong after
/// the first (chain breaks beyond the twenty kept).
fn ledger(dir: &Path, n: u64) -> PathBuf {
    let path = dir.join("actuals.csv");
    let mut bytes = BOM.to_vec();
    bytes.extend(entry::header_line());
    for i in 0..n {
        let id = ["8.1", "8.2", "9", "99.9"][(i % 4) as usize];
        bytes.extend(row(i, id, (i > 0).then_some("-1")));
    }
    fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn what_it_holds_reads_back_as_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger(dir.path(), 60);
    let full = Ledger::open(&path).unwrap();
    full.save_checkpoint().unwrap();
    let (ident, columns, index) = read_checkpoint(&path).unwrap();
    assert_eq!(ident.offset, fs::metadata(&path).unwrap().len());
    assert_eq!((ident.rows, ident.next_line), (60, 62));
    assert_eq!(ident.encoding, Encoding::Utf8 { bom: true });
    assert_eq!(ident.head_len, HEAD.min(ident.offset));
    assert_eq!(ident.tail, full.tail_check);
    assert_eq!(Some(columns), full.columns);
    assert_eq!(index.breaks(), full.index.breaks());
    assert!(index.breaks().1 > 20);
    let mut got: Vec<_> = index.export().collect();
    let mut want: Vec<_> = full.index.export().collect();
    got.sort_by_key(|x| x.0);
    want.sort_by_key(|x| x.0);
    assert_eq!(got, want);
    // No row positions: nothing per row.
    assert_eq!(index.len(), 0);
}

#[test]
fn a_ledger_without_a_header_or_file_writes_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actuals.csv");
    Ledger::open(&path).unwrap().save_checkpoint().unwrap();
    fs::write(&path, BOM).unwrap();
    Ledger::open(&path).unwrap().save_checkpoint().unwrap();
    assert!(!checkpoint_path(&path).exists());
}

#[test]
fn the_checkpoint_is_beside_the_ledger_with_its_permissions() {
    assert_eq!(
        checkpoint_path(Path::new("d/actuals.csv")),
        Path::new("d/actuals.csv.ckpt")
    );
    let dir = tempfile::tempdir().unwrap();
    let path = ledger(dir.path(), 3);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    }
    Ledger::open(&path).unwrap().save_checkpoint().unwrap();
    let ck = fs::metadata(checkpoint_path(&path)).unwrap();
    assert_eq!(sys::mode(&ck), sys::mode(&fs::metadata(&path).unwrap()));
}
