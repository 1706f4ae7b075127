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

/// A PID that was a process of this machine and is no more.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[test]
#[cfg(unix)]
fn writing_removes_the_stale_temporary_files_of_that_checkpoint_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger(dir.path(), 10);
    let now = std::time::SystemTime::now();
    let ago = |s: u64| now - std::time::Duration::from_secs(s);
    let dead = dead_pid();
    // (name, age in seconds, removed?)
    let files = [
        (format!(".actuals.csv.ckpt.{dead}.1.tmp"), 120, true),
        (format!(".actuals.csv.ckpt.{dead}.2.tmp"), 5, false),
        // PID 1 is alive (init), as is any writer of another user.
        (".actuals.csv.ckpt.1.3.tmp".to_string(), 120, false),
        (".actuals.csv.ckpt.1.4.tmp".to_string(), 2 * 3600, true),
        (format!(".other.csv.ckpt.{dead}.5.tmp"), 2 * 3600, false),
        (format!("actuals.csv.ckpt.{dead}.6.tmp"), 2 * 3600, false),
    ];
    for (name, age, _) in &files {
        let f = File::create(dir.path().join(name)).unwrap();
        f.set_modified(ago(*age)).unwrap();
    }
    Ledger::open(&path).unwrap().save_checkpoint().unwrap();
    for (name, _, removed) in &files {
        assert_eq!(!dir.path().join(name).exists(), *removed, "{name}");
    }
    assert!(checkpoint_path(&path).exists());
    // The write's own temporary file is gone (renamed).
    let left = fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(
        left,
        3 + 4,
        "ledger, checkpoint, the record of its verified prefix and the four kept"
    );
}

/// A checkpoint is streamed back through a small window, never held
/// whole (it used to be read into memory at once: 24 MB at province
/// size): a checkpoint of over 512 KiB is restored holding at most 64 KiB
/// of it, and reads back as the index it was written from.
#[test]
fn a_big_checkpoint_is_restored_through_a_small_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actuals.csv");
    let mut bytes = BOM.to_vec();
    bytes.extend(entry::header_line());
    for i in 0..24_000u64 {
        bytes.extend(row(i, &format!("{}.{}", i % 12_000, i % 7), None));
    }
    fs::write(&path, bytes).unwrap();
    let full = Ledger::open(&path).unwrap();
    full.save_checkpoint().unwrap();
    let size = fs::metadata(checkpoint_path(&path)).unwrap().len();
    assert!(size > 512 * 1024, "{size} bytes");
    let ledger_len = fs::metadata(&path).unwrap().len();
    let (_, _, index, held) = read_checkpoint_of(&path, ledger_len, Keep::All).unwrap();
    assert!(held <= 64 * 1024, "{held} bytes held of {size}");
    let mut got: Vec<_> = index.export().collect();
    let mut want: Vec<_> = full.index.export().collect();
    got.sort_by_key(|x| x.0);
    want.sort_by_key(|x| x.0);
    assert_eq!(got.len(), 24_000);
    assert_eq!(got, want);
}
