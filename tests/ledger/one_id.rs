//! A ledger opened for one id (`set`, `status`, `note`, `undo`, `series`:
//! [`Ledger::open_for_id`]) keeps that id's state alone, read from the
//! checkpoint and the rows after it, and answers for it exactly as a full
//! read does; whatever happened to the checkpoint or the ledger (missing,
//! stale, another file's, cut short, flipped bytes, a directory that
//! cannot take it, a ledger truncated or replaced) it falls back to the
//! full read, as [`Ledger::open_with_checkpoint`] does.

use std::fs;
use std::path::Path;

use wudang_plan::ledger::{
    Appended, CHECKPOINT_ROWS, Edit, Expect, Field, Ledger, NoProgress, Stamp, checkpoint_path,
};

use crate::checkpoint::{
    KNOW, N, append, fnv, ledger_text, quick, replace_by_rename, rewrite_in_place, row, same,
    same_read, with_checkpoint,
};

fn one(path: &Path, id: &str) -> Ledger {
    Ledger::open_for_id(path, id, &mut NoProgress).unwrap()
}

/// What a command on `id` asks of a ledger is the same in `a` and `b`.
fn same_for(a: &Ledger, b: &Ledger, id: &str) {
    same_read(a, b);
    for f in Field::ALL {
        assert_eq!(a.current(id, f), b.current(id, f), "{id} {f}");
        assert_eq!(a.last_row(id, f), b.last_row(id, f), "{id} {f}");
        assert_eq!(a.value(id, f), b.value(id, f), "{id} {f}");
    }
    assert_eq!(a.periods(id), b.periods(id), "{id}");
    assert_eq!(a.latest(id), b.latest(id), "{id}");
    assert_eq!(a.actual(id), b.actual(id), "{id}");
}

fn ids(l: &Ledger) -> Vec<&str> {
    let mut ids: Vec<&str> = l.ids().collect();
    ids.sort_unstable();
    ids
}

/// An actual for 2025 of `id`.
fn edit(id: &str, value: &str, expect: Expect) -> Edit {
    let time = Stamp::parse("2025-06-01T10:00:00+08:00").unwrap();
    let period = Some(wudang_plan::plan::Period::Year(2025));
    let (user, value) = ("李明".to_string(), Some(value.to_string()));
    let (id, field, note) = (id.to_string(), Field::Actual, None);
    Edit {
        id,
        field,
        value,
        note,
        user,
        time,
        expect,
        period,
    }
}

#[test]
fn one_id_is_kept_from_the_checkpoint_and_the_rows_after_it() {
    let (_dir, path) = with_checkpoint(N);
    let len = fs::metadata(&path).unwrap().len();
    let mut prev = ledger_text(N).1;
    let new: String = (N..N + 10).map(|i| row(i, &mut prev)).collect();
    append(&path, &new);
    let full = Ledger::open(&path).unwrap();
    // Appended by something else: the first read hashes the rows the
    // checkpoint describes, once.
    assert_eq!(
        one(&path, "8.1").bytes_read(),
        KNOW + len + new.len() as u64
    );
    for id in ["8.1", "8.2", "8.3", "9.9"] {
        let l = one(&path, id);
        same_for(&l, &full, id);
        // Only that id's state (none for an id without rows).
        let want: &[&str] = if id == "9.9" { &[] } else { &[id] };
        assert_eq!(ids(&l), want);
        // What a read through the checkpoint reads, no more.
        assert_eq!(l.bytes_read(), KNOW + new.len() as u64, "{id}");
        assert!(!l.has_positions());
    }
    // The checkpoint is left as it was: an index of one id is not saved.
    let before = fs::read(checkpoint_path(&path)).unwrap();
    let l = one(&path, "8.1");
    l.save_checkpoint().unwrap();
    assert_eq!(fs::read(checkpoint_path(&path)).unwrap(), before);
}

/// An edit decided on a ledger of one id is the one a full read decides:
/// the no-op, the conflict (with who and when), the row recorded.
#[test]
fn an_edit_on_one_id_decides_as_on_the_whole_ledger() {
    let (_dir, path) = with_checkpoint(N);
    let full = Ledger::open(&path).unwrap();
    let cur = full
        .current_in(
            "8.2",
            Field::Actual,
            Some(wudang_plan::plan::Period::Year(2025)),
        )
        .unwrap();
    let v = cur.value.clone().unwrap();
    let mut l = one(&path, "8.2");
    match l.append(edit("8.2", &v, Expect::Any)).unwrap() {
        Appended::Unchanged(Some(e)) => assert_eq!(e, cur),
        other => panic!("{other:?}"),
    }
    let err = l
        .append(edit("8.2", "1", Expect::Value(Some("123456".into()))))
        .unwrap_err();
    let wudang_plan::ledger::LedgerError::Conflict(c) = err else {
        panic!("{err:?}")
    };
    assert_eq!((c.found, c.who), (Some(v), Some(cur.user.clone())));
    let Appended::Recorded(e) = l.append(edit("8.2", "7", Expect::Any)).unwrap() else {
        panic!("not recorded")
    };
    assert_eq!(e.old, cur.value);
    let after = Ledger::open(&path).unwrap();
    same_for(&l, &after, "8.2");
    assert_eq!(after.latest("8.2"), Some(e));
}

/// Reads through a ledger of one id that did not use the checkpoint: the
/// same as a full read, the file read in full, every id kept (the full
/// read's); then the checkpoint is written again where it can be.
fn one_reads_in_full(path: &Path, written_again: bool) {
    let len = fs::metadata(path).unwrap().len();
    let full = Ledger::open(path).unwrap();
    let l = one(path, "8.3");
    same_for(&l, &full, "8.3");
    assert!(l.bytes_read() >= len, "{} < {len}", l.bytes_read());
    assert_eq!(ids(&l), ids(&full));
    assert!(l.warnings().is_empty());
    let next = one(path, "8.1");
    same_for(&next, &full, "8.1");
    if written_again {
        assert_eq!(next.bytes_read(), KNOW);
    } else {
        assert!(next.bytes_read() >= len);
    }
}

#[test]
fn a_missing_or_stale_checkpoint_is_a_full_read_for_one_id_too() {
    // Missing.
    let (_dir, path) = with_checkpoint(N);
    fs::remove_file(checkpoint_path(&path)).unwrap();
    one_reads_in_full(&path, true);
    // Stale: the ledger replaced by a rename (another inode).
    let (_dir, path) = with_checkpoint(N);
    replace_by_rename(&path);
    one_reads_in_full(&path, true);
    // Stale: the ledger truncated in place.
    let (_dir, path) = with_checkpoint(N);
    let text = fs::read(&path).unwrap();
    let cut = text[..text.len() - 500]
        .iter()
        .rposition(|&b| b == b'\n')
        .unwrap()
        + 1;
    rewrite_in_place(&path, |b| b.truncate(cut));
    one_reads_in_full(&path, true);
}

#[test]
fn another_files_checkpoint_is_a_full_read_for_one_id_too() {
    let (_dir_a, a) = with_checkpoint(N);
    let (_dir_b, b) = with_checkpoint(N + 3);
    fs::copy(checkpoint_path(&b), checkpoint_path(&a)).unwrap();
    one_reads_in_full(&a, true);
}

#[test]
fn a_bad_checkpoint_is_a_full_read_for_one_id_too() {
    let (_dir, path) = with_checkpoint(N);
    let ck = checkpoint_path(&path);
    let good = fs::read(&ck).unwrap();
    // A byte flipped in the last id's rows (an id a one-id read skips),
    // in the middle, in the header; the file cut short; another version
    // with a right hash.
    let mut v2 = good[..good.len() - 8].to_vec();
    v2[8] = 99;
    let sum = fnv(&v2);
    v2.extend(sum.to_le_bytes());
    let flip = |at: usize| {
        let mut b = good.clone();
        b[at] ^= 0x40;
        b
    };
    let bads: [(&str, Vec<u8>); 6] = [
        ("flipped near the end", flip(good.len() - 20)),
        ("flipped in the middle", flip(good.len() / 2)),
        ("flipped in the header", flip(20)),
        ("flipped in the sum", flip(good.len() - 1)),
        ("cut short", good[..good.len() - 100].to_vec()),
        ("another version", v2),
    ];
    for (what, bad) in bads {
        fs::write(&ck, &bad).unwrap();
        let len = fs::metadata(&path).unwrap().len();
        let l = one(&path, "8.2");
        assert!(l.bytes_read() >= len, "{what}");
        same_for(&l, &Ledger::open(&path).unwrap(), "8.2");
        // Written again: the next read uses it.
        assert_eq!(one(&path, "8.2").bytes_read(), KNOW, "{what}");
    }
}

#[test]
fn a_checkpoint_that_cannot_be_written_is_a_full_read_for_one_id_too() {
    // A directory where the checkpoint would go (as a read-only directory
    // does, even for root): never read nor written, nothing said.
    let (dir, path) = with_checkpoint(N);
    let ck = checkpoint_path(&path);
    fs::remove_file(&ck).unwrap();
    fs::create_dir(&ck).unwrap();
    one_reads_in_full(&path, false);
    assert!(ck.is_dir());
    // The ledger, the directory and the record of the verified prefix
    // (written with the first checkpoint).
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 3);
}

/// Many rows after the checkpoint: read once as a whole-ledger command
/// reads them, the checkpoint written again, so that the next edit reads
/// only what follows it.
#[test]
fn many_rows_after_the_checkpoint_write_it_again_for_one_id_too() {
    let (_dir, path) = with_checkpoint(N);
    let before = fs::read(checkpoint_path(&path)).unwrap();
    let mut prev = ledger_text(N).1;
    let many: String = (N..N + CHECKPOINT_ROWS)
        .map(|i| row(i, &mut prev))
        .collect();
    append(&path, &many);
    let l = one(&path, "8.1");
    let full = Ledger::open(&path).unwrap();
    same_for(&l, &full, "8.1");
    assert_ne!(fs::read(checkpoint_path(&path)).unwrap(), before);
    let again = one(&path, "8.1");
    assert_eq!(again.bytes_read(), KNOW);
    same_for(&again, &full, "8.1");
    same(&quick(&path), &full);
}

#[test]
fn a_torn_last_line_is_left_unread_for_one_id_as_in_a_full_read() {
    let (_dir, path) = with_checkpoint(N);
    append(&path, "2025-03-02T10:00:00+08:00,x,8.1,no");
    let l = one(&path, "8.1");
    same_for(&l, &Ledger::open(&path).unwrap(), "8.1");
    assert_eq!(l.warnings().len(), 1);
    assert_eq!(l.torn_bytes(), 34);
    append(&path, "te,n,,,\r\n");
    let l = one(&path, "8.1");
    same_for(&l, &Ledger::open(&path).unwrap(), "8.1");
    assert_eq!(l.value("8.1", Field::Note), Some("n"));
}
