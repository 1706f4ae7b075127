//! The checkpoint beside the ledger (`actuals.csv.ckpt`): a read through
//! it gives exactly what a full read gives, whatever happened to the
//! ledger or the checkpoint (replaced, converted, rewritten, truncated, a
//! torn last line; a checkpoint corrupt, cut short, of another version or
//! of another ledger, written by two processes at once, impossible to
//! write), and an edit's work does not grow with the ledger.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::Path;

use wudang_plan::ledger::{
    CHECKPOINT_ROWS, Edit, Expect, Field, Ledger, NoProgress, Stamp, checkpoint_path,
};

use crate::common::{run, wp};

const BOM: &str = "\u{feff}";
const HEADER: &str = "time,user,id,field,value,old,note,period";
const IDS: [&str; 3] = ["8.1", "8.2", "8.3"];

/// Row `i` of a generated ledger: actuals of three indicators over five
/// years (each row's `old` the value before it for its period), every
/// seventh a note, and one chain break (row 5).
pub(crate) fn row(i: usize, prev: &mut std::collections::HashMap<String, String>) -> String {
    let id = IDS[i % 3];
    let (field, period, value) = if i % 7 == 6 {
        ("note", String::new(), format!("快报 {i}"))
    } else {
        (
            "actual",
            format!("{}", 2021 + (i / 3) % 5),
            format!("{}", i % 997),
        )
    };
    let key = format!("{id}/{field}/{period}");
    let old = if i == 5 {
        "999999".to_string()
    } else {
        prev.get(&key).cloned().unwrap_or_default()
    };
    prev.insert(key, value.clone());
    let (h, m, s) = (8 + i / 3600 % 10, i / 60 % 60, i % 60);
    let user = ["李明", "王芳", "zhang"][i % 3];
    format!("2025-03-01T{h:02}:{m:02}:{s:02}+08:00,{user},{id},{field},{value},{old},,{period}\r\n")
}

/// A ledger of `n` rows (UTF-8 with BOM, CRLF), and the rows' generator
/// state to append more.
pub(crate) fn ledger_text(n: usize) -> (String, std::collections::HashMap<String, String>) {
    let mut prev = std::collections::HashMap::new();
    let mut s = format!("{BOM}{HEADER}\r\n");
    for i in 0..n {
        s.push_str(&row(i, &mut prev));
    }
    (s, prev)
}

pub(crate) fn append(path: &Path, text: &str) {
    let mut f = OpenOptions::new().append(true).open(path).unwrap();
    f.write_all(text.as_bytes()).unwrap();
}

pub(crate) fn quick(path: &Path) -> Ledger {
    Ledger::open_with_checkpoint(path, &mut NoProgress).unwrap()
}

/// What `a` and `b` read of the file is the same: rows, lines, encoding,
/// columns, warnings, a torn last line.
pub(crate) fn same_read(a: &Ledger, b: &Ledger) {
    assert_eq!(a.len(), b.len(), "rows");
    assert_eq!(a.last_line(), b.last_line());
    assert_eq!(a.encoding(), b.encoding());
    assert_eq!(a.has_period_column(), b.has_period_column());
    assert_eq!(a.warnings(), b.warnings());
    assert_eq!(a.torn_bytes(), b.torn_bytes());
}

/// Everything a command asks of a ledger is the same in `a` and `b`.
pub(crate) fn same(a: &Ledger, b: &Ledger) {
    same_read(a, b);
    assert_eq!(a.chain_breaks(), b.chain_breaks());
    let mut ids: Vec<&str> = a.ids().collect();
    let mut ids_b: Vec<&str> = b.ids().collect();
    ids.sort_unstable();
    ids_b.sort_unstable();
    assert_eq!(ids, ids_b);
    for id in ids {
        for f in Field::ALL {
            assert_eq!(a.current(id, f), b.current(id, f), "{id} {f}");
            assert_eq!(a.last_row(id, f), b.last_row(id, f), "{id} {f}");
        }
        assert_eq!(a.periods(id), b.periods(id), "{id}");
        assert_eq!(a.latest(id), b.latest(id), "{id}");
    }
}

/// A directory with a ledger of `n` rows and its checkpoint.
pub(crate) fn with_checkpoint(n: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actuals.csv");
    fs::write(&path, ledger_text(n).0).unwrap();
    let first = quick(&path);
    assert!(checkpoint_path(&path).is_file(), "a big read writes one");
    same(&first, &Ledger::open(&path).unwrap());
    (dir, path)
}

pub(crate) const N: usize = CHECKPOINT_ROWS + 500;

/// What a read through a valid checkpoint reads of the ledger before the
/// rows after it: the first 4 KiB, and twice the 64 bytes before the
/// offset.
pub(crate) const KNOW: u64 = 4096 + 2 * 64;

#[test]
fn a_read_through_the_checkpoint_reads_only_the_new_rows() {
    let (_dir, path) = with_checkpoint(N);
    let len = fs::metadata(&path).unwrap().len();
    let mut prev = ledger_text(N).1;
    let new: String = (N..N + 10).map(|i| row(i, &mut prev)).collect();
    append(&path, &new);
    // Appended by something else (`echo >>`): the rows the checkpoint
    // describes are hashed once to be sure they are the same.
    assert_eq!(quick(&path).bytes_read(), KNOW + len + new.len() as u64);
    let l = quick(&path);
    let full = Ledger::open(&path).unwrap();
    same(&l, &full);
    // Then: the first 4 KiB and the 64 bytes before the offset (to know
    // the file, and again before reading on), then the new rows.
    assert_eq!(l.bytes_read(), KNOW + new.len() as u64);
    assert!(full.bytes_read() > len);
    // History needs the positions: read once, then the same as a full read.
    assert!(!l.has_positions());
    assert!(l.history(Some("8.1")).next().unwrap().is_err());
    let mut l = l;
    l.load_positions(&mut NoProgress).unwrap();
    assert!(l.has_positions());
    same(&l, &full);
    let h: Vec<_> = l.history(None).map(Result::unwrap).collect();
    let hf: Vec<_> = full.history(None).map(Result::unwrap).collect();
    assert_eq!(h, hf);
    assert_eq!(l.count("8.2"), full.count("8.2"));
}

#[test]
fn a_small_ledger_gets_no_checkpoint_and_many_new_rows_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actuals.csv");
    let (text, mut prev) = ledger_text(CHECKPOINT_ROWS - 1);
    fs::write(&path, &text).unwrap();
    quick(&path);
    assert!(!checkpoint_path(&path).exists());
    // One more row: a read of CHECKPOINT_ROWS rows writes it.
    append(&path, &row(CHECKPOINT_ROWS - 1, &mut prev));
    quick(&path);
    let first = fs::read(checkpoint_path(&path)).unwrap();
    // A few new rows: read, the checkpoint left as it is.
    let few: String = (CHECKPOINT_ROWS..CHECKPOINT_ROWS + 10)
        .map(|i| row(i, &mut prev))
        .collect();
    append(&path, &few);
    quick(&path);
    assert_eq!(fs::read(checkpoint_path(&path)).unwrap(), first);
    // Many: a new checkpoint, and the next read reads nothing new.
    let many: String = (CHECKPOINT_ROWS + 10..2 * CHECKPOINT_ROWS + 10)
        .map(|i| row(i, &mut prev))
        .collect();
    append(&path, &many);
    quick(&path);
    assert_ne!(fs::read(checkpoint_path(&path)).unwrap(), first);
    let l = quick(&path);
    assert_eq!(l.bytes_read(), KNOW);
    same(&l, &Ledger::open(&path).unwrap());
}

/// Reads through the checkpoint give what a full read gives, and read
/// the file in full (the checkpoint did not apply).
fn read_in_full(path: &Path) {
    let len = fs::metadata(path).unwrap().len();
    let l = quick(path);
    same(&l, &Ledger::open(path).unwrap());
    assert!(l.bytes_read() >= len, "{} < {len}", l.bytes_read());
    assert!(l.has_positions());
}

/// Another file renamed over the ledger of `N` rows at `path` (an
/// editor's save): a new inode, even with a longer copy of the same rows
/// plus others.
pub(crate) fn replace_by_rename(path: &Path) {
    let other = path.with_file_name("new.csv");
    let (mut text, mut prev) = ledger_text(N);
    text.push_str(&row(N, &mut prev));
    fs::write(&other, &text).unwrap();
    fs::rename(&other, path).unwrap();
}

#[test]
fn a_replaced_ledger_is_read_in_full() {
    let (_dir, path) = with_checkpoint(N);
    replace_by_rename(&path);
    read_in_full(&path);
    // ... and the checkpoint was written again for the new file.
    let l = quick(&path);
    assert_eq!(l.bytes_read(), KNOW);
}

#[test]
fn a_converted_ledger_is_read_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actuals.csv");
    // A first-release GB18030 ledger (no period column).
    let (text, _) = ledger_text(N);
    let old: String = text
        .trim_start_matches(BOM)
        .lines()
        .map(|l| format!("{}\r\n", l.rsplit_once(',').unwrap().0))
        .collect();
    let (gb, _, _) = encoding_rs::GB18030.encode(&old);
    fs::write(&path, &gb).unwrap();
    let before = quick(&path);
    assert!(checkpoint_path(&path).is_file());
    same(&before, &Ledger::open(&path).unwrap());
    wudang_plan::ledger::convert(&path, Stamp::parse("2025-06-01T10:00:00+08:00").unwrap())
        .unwrap();
    read_in_full(&path);
    assert_eq!(quick(&path).has_period_column(), Some(true));
}

/// Rewrites the file in place (same inode): `f` maps its bytes.
pub(crate) fn rewrite_in_place(path: &Path, f: impl FnOnce(&mut Vec<u8>)) {
    let ino = inode(path);
    let mut bytes = fs::read(path).unwrap();
    f(&mut bytes);
    let mut file = OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(path)
        .unwrap();
    file.write_all(&bytes).unwrap();
    drop(file);
    assert_eq!(inode(path), ino);
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    std::os::unix::fs::MetadataExt::ino(&fs::metadata(path).unwrap())
}

#[cfg(not(unix))]
fn inode(_: &Path) -> u64 {
    0
}

#[test]
fn a_ledger_rewritten_in_place_is_read_in_full() {
    // A value in the first rows changed (the same length).
    let (_dir, path) = with_checkpoint(N);
    rewrite_in_place(&path, |b| {
        let at = b.windows(6).position(|w| w == b",8.1,a").unwrap();
        b[at + 1] = b'9';
    });
    read_in_full(&path);
    // The last rows changed, then as many bytes added as were cut.
    let (_dir, path) = with_checkpoint(N);
    rewrite_in_place(&path, |b| {
        let n = b.len();
        b[n - 30] = if b[n - 30] == b'1' { b'2' } else { b'1' };
        b.extend(b"2025-03-02T10:00:00+08:00,x,8.1,note,n,,,\r\n");
    });
    read_in_full(&path);
}

#[test]
fn a_truncated_ledger_is_read_in_full() {
    let (_dir, path) = with_checkpoint(N);
    let text = fs::read(&path).unwrap();
    let half = text[..text.len() / 2]
        .iter()
        .rposition(|&b| b == b'\n')
        .unwrap()
        + 1;
    rewrite_in_place(&path, |b| b.truncate(half));
    read_in_full(&path);
    // Emptied.
    let (_dir, path) = with_checkpoint(N);
    rewrite_in_place(&path, Vec::clear);
    let l = quick(&path);
    same(&l, &Ledger::open(&path).unwrap());
    assert!(l.is_empty());
}

/// FNV-1a, as the checkpoint's trailer.
pub(crate) fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[test]
fn a_bad_checkpoint_is_ignored_and_written_again() {
    let (_dir, path) = with_checkpoint(N);
    let ck = checkpoint_path(&path);
    let good = fs::read(&ck).unwrap();
    let mut flipped = good.clone();
    flipped[good.len() / 2] ^= 0x40;
    // Another version, with a right trailer.
    let mut v2 = good[..good.len() - 8].to_vec();
    v2[8] = 99;
    let sum = fnv(&v2);
    v2.extend(sum.to_le_bytes());
    let bads: [(&str, Vec<u8>); 6] = [
        ("a flipped bit", flipped),
        ("cut short", good[..good.len() - 100].to_vec()),
        ("another version", v2),
        ("empty", Vec::new()),
        ("only the magic", good[..8].to_vec()),
        ("text", b"time,user,id\r\n".to_vec()),
    ];
    let len = fs::metadata(&path).unwrap().len();
    for (what, bad) in bads {
        fs::write(&ck, &bad).unwrap();
        let l = quick(&path);
        assert!(l.warnings().is_empty(), "{what}");
        assert!(l.bytes_read() >= len, "{what}");
        same(&l, &Ledger::open(&path).unwrap());
        // Written again: the next read uses it.
        assert_eq!(quick(&path).bytes_read(), KNOW, "{what}");
    }
}

#[test]
fn another_ledgers_checkpoint_is_ignored() {
    let (dir_a, a) = with_checkpoint(N);
    let (_dir_b, b) = with_checkpoint(N + 3);
    // b's checkpoint beside a (a copy of the team's files, say).
    fs::copy(checkpoint_path(&b), checkpoint_path(&a)).unwrap();
    read_in_full(&a);
    // The same rows copied elsewhere with their checkpoint: another file.
    let c = dir_a.path().join("copy.csv");
    fs::copy(&a, &c).unwrap();
    fs::copy(checkpoint_path(&a), checkpoint_path(&c)).unwrap();
    read_in_full(&c);
}

#[test]
fn two_writers_at_once_leave_a_whole_checkpoint() {
    let (dir, path) = with_checkpoint(N);
    let mut prev = ledger_text(N).1;
    let threads: Vec<_> = (0..4)
        .map(|k| {
            let path = path.clone();
            let rows: String = (N + 100 * k..N + 100 * k + 100)
                .map(|i| row(i, &mut prev))
                .collect();
            (path, rows)
        })
        .map(|(path, rows)| {
            std::thread::spawn(move || {
                for _ in 0..10 {
                    let l = Ledger::open(&path).unwrap();
                    l.save_checkpoint().unwrap();
                }
                rows
            })
        })
        .collect();
    for t in threads {
        append(&path, &t.join().unwrap());
    }
    let l = quick(&path);
    same(&l, &Ledger::open(&path).unwrap());
    // No temporary file left behind.
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["actuals.csv", "actuals.csv.ckpt", "actuals.csv.ckpt.seen"]
    );
}

#[test]
fn a_checkpoint_that_cannot_be_written_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actuals.csv");
    fs::write(&path, ledger_text(N).0).unwrap();
    // A directory where the checkpoint would go: neither read nor written
    // (what a read-only directory does, even for root).
    fs::create_dir(checkpoint_path(&path)).unwrap();
    let l = quick(&path);
    assert!(l.warnings().is_empty());
    read_in_full(&path);
    assert!(l.save_checkpoint().is_err());
    assert!(checkpoint_path(&path).is_dir());
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn a_torn_last_line_is_left_unread_as_in_a_full_read() {
    let (_dir, path) = with_checkpoint(N);
    append(&path, "2025-03-02T10:00:00+08:00,x,8.1,no");
    let l = quick(&path);
    let full = Ledger::open(&path).unwrap();
    same(&l, &full);
    assert_eq!(l.warnings().len(), 1);
    assert_eq!(l.torn_bytes(), 34);
    // Completed: read.
    append(&path, "te,n,,,\r\n");
    let l = quick(&path);
    same(&l, &Ledger::open(&path).unwrap());
    assert_eq!(l.value("8.1", Field::Note), Some("n"));
}

/// What `set` reads once the checkpoint exists: the work of an open and
/// one append on a ledger of `n` rows; the checkpoint's size; what the
/// first (full) read read.
fn edit_work(n: usize) -> (u64, u64, u64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actuals.csv");
    fs::write(&path, ledger_text(n).0).unwrap();
    let first = quick(&path).bytes_read();
    let mut l = quick(&path);
    let ckpt = fs::metadata(checkpoint_path(&path)).unwrap().len();
    l.append(Edit {
        id: "8.1".into(),
        field: Field::Actual,
        value: Some("512".into()),
        note: None,
        user: "李明".into(),
        time: Stamp::parse("2025-06-01T10:00:00+08:00").unwrap(),
        expect: Expect::Any,
        period: None,
    })
    .unwrap();
    assert!(!l.has_positions(), "no row position loaded");
    (l.bytes_read(), ckpt, first)
}

/// An edit's cost does not grow with the ledger: the same bytes read on
/// 10,000 rows and on 100,000 (a full read reads all of them), and a
/// checkpoint of the same size (it grows with ids, not rows).
#[test]
fn an_edit_reads_the_same_on_ten_times_the_rows() {
    let (small, ck_small, _) = edit_work(10_000);
    let (big, ck_big, full) = edit_work(100_000);
    assert_eq!(small, big);
    assert!(small < 16 * 1024, "{small}");
    assert!(ck_big < ck_small + 64, "{ck_small} {ck_big}");
    // What a full read costs, for scale: the measure would catch one.
    assert!(full > 100 * small, "{full} {small}");
}

/// The command line: a checkpoint made while reading with one plan is
/// right with another; a directory that cannot take it prints nothing.
#[test]
fn commands_read_through_the_checkpoint_and_say_nothing_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actuals.csv");
    fs::write(&path, ledger_text(N).0).unwrap();
    let mini = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-plan");
    let show = |plan: Option<&Path>| {
        let mut c = wp(&path, "李明");
        if let Some(p) = plan {
            c.arg("--plan").arg(p);
        }
        let r = run(c.args(["indicators", "--format", "json"]));
        assert_eq!((r.code, r.stderr.as_str()), (0, ""));
        r.stdout
    };
    let embedded = show(None);
    assert!(checkpoint_path(&path).is_file());
    let with_mini = show(Some(&mini));
    fs::remove_file(checkpoint_path(&path)).unwrap();
    assert_eq!(show(Some(&mini)), with_mini);
    assert_eq!(show(None), embedded);
    // `set` through the checkpoint, then the same as without it.
    let r = run(wp(&path, "李明").args(["set", "8.1", "600", "--period", "2025"]));
    assert_eq!((r.code, r.stderr.as_str()), (0, ""), "{}", r.stdout);
    let after = show(None);
    fs::remove_file(checkpoint_path(&path)).unwrap();
    fs::create_dir(checkpoint_path(&path)).unwrap();
    assert_eq!(show(None), after);
}

/// Row 2500 (8.2, 2023: 506) changed to 406 in place: the same length,
/// neither in the first 4 KiB nor in the last 64 bytes (what the
/// checkpoint checks cheaply), the same inode.
fn change_row_2500(b: &mut [u8]) {
    let at = b
        .windows(16)
        .position(|w| w == b",8.2,actual,506,")
        .unwrap();
    assert!(at > 4096 && at < b.len() - 64);
    b[at + 12] = b'4';
}

/// A read after a same-length rewrite of the rows the checkpoint
/// describes gives what a full read gives, and the checkpoint is written
/// again for the new bytes.
fn noticed(path: &Path) {
    let len = fs::metadata(path).unwrap().len();
    let l = quick(path);
    let full = Ledger::open(path).unwrap();
    same(&l, &full);
    assert!(
        l.bytes_read() >= len,
        "read in full: {} < {len}",
        l.bytes_read()
    );
    // The next 8.2/2023 row's `old` (506) no longer follows the changed
    // row (406): a chain break the old checkpoint did not have.
    let (breaks, _) = l.chain_breaks();
    assert!(
        breaks
            .iter()
            .any(|b| b.id == "8.2" && b.old.as_deref() == Some("506")),
        "{breaks:?}"
    );
    // The next read is through the new checkpoint again.
    assert_eq!(quick(path).bytes_read(), KNOW);
}

#[test]
fn a_same_length_rewrite_in_place_is_noticed() {
    // Truncated and written again (what `cp fixed.csv actuals.csv` and
    // most editors' "save in place" do).
    let (_dir, path) = with_checkpoint(N);
    rewrite_in_place(&path, |b| change_row_2500(b));
    noticed(&path);
    // `cp` of a corrected copy over it.
    let (dir, path) = with_checkpoint(N);
    let fixed = dir.path().join("fixed.csv");
    let mut b = fs::read(&path).unwrap();
    change_row_2500(&mut b);
    fs::write(&fixed, &b).unwrap();
    fs::copy(&fixed, &path).unwrap();
    noticed(&path);
}

#[cfg(unix)]
#[test]
fn a_byte_overwritten_with_its_time_put_back_is_noticed() {
    // `dd conv=notrunc` of one byte, then `touch -r` with the old time:
    // the same length, inode and modification time. The change time,
    // which no user can set back, tells.
    let (_dir, path) = with_checkpoint(N);
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    let b = fs::read(&path).unwrap();
    let at = b
        .windows(16)
        .position(|w| w == b",8.2,actual,506,")
        .unwrap();
    let f = OpenOptions::new().write(true).open(&path).unwrap();
    std::os::unix::fs::FileExt::write_at(&f, b"4", (at + 12) as u64).unwrap();
    f.set_modified(mtime).unwrap();
    drop(f);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), mtime);
    noticed(&path);
}

/// What a read through the checkpoint reads: after the program's own
/// append, as little as ever (the record of the verified prefix follows
/// its appends); after a write by something else (`echo >>`), the prefix
/// is hashed once, and the next read is as little again.
#[test]
fn only_a_write_by_something_else_costs_a_hash_of_the_prefix() {
    let (_dir, path) = with_checkpoint(N);
    let offset = fs::metadata(&path).unwrap().len();
    // Ours: an edit, then reads, none hashing.
    let mut l = quick(&path);
    assert_eq!(l.bytes_read(), KNOW);
    let before = l.bytes_read();
    l.append(edit("8.1", "512")).unwrap();
    assert!(l.bytes_read() - before < 1024, "{}", l.bytes_read());
    let row = fs::metadata(&path).unwrap().len() - offset;
    assert_eq!(quick(&path).bytes_read(), KNOW + row);
    assert_eq!(quick(&path).bytes_read(), KNOW + row);
    // Someone else's append: one hash of the prefix, then none.
    let mut prev = ledger_text(N).1;
    let new = row_text(N, &mut prev);
    append(&path, &new);
    let l = quick(&path);
    assert_eq!(l.bytes_read(), KNOW + offset + row + new.len() as u64);
    same(&l, &Ledger::open(&path).unwrap());
    assert_eq!(quick(&path).bytes_read(), KNOW + row + new.len() as u64);
    // A record garbled or removed: one hash again, nothing else.
    fs::write(wudang_plan::ledger::seen_path(&path), b"junk").unwrap();
    assert_eq!(
        quick(&path).bytes_read(),
        KNOW + offset + row + new.len() as u64
    );
    fs::remove_file(wudang_plan::ledger::seen_path(&path)).unwrap();
    assert_eq!(
        quick(&path).bytes_read(),
        KNOW + offset + row + new.len() as u64
    );
    assert_eq!(quick(&path).bytes_read(), KNOW + row + new.len() as u64);
}

fn row_text(i: usize, prev: &mut std::collections::HashMap<String, String>) -> String {
    row(i, prev)
}

fn edit(id: &str, value: &str) -> Edit {
    Edit {
        id: id.into(),
        field: Field::Actual,
        value: Some(value.into()),
        note: None,
        user: "李明".into(),
        time: Stamp::parse("2025-06-01T10:00:00+08:00").unwrap(),
        expect: Expect::Any,
        period: None,
    }
}

#[test]
fn ledger_check_reads_everything_and_writes_the_checkpoint_again() {
    let (_dir, path) = with_checkpoint(N);
    rewrite_in_place(&path, |b| change_row_2500(b));
    let full = Ledger::open(&path).unwrap();
    let r = run(wp(&path, "李明").args(["ledger", "check"]));
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let l = quick(&path);
    assert_eq!(l.bytes_read(), KNOW);
    same(&l, &full);
}

/// `quick(path)` on another thread, `None` when it takes over 20 s.
#[cfg(unix)]
fn quick_within(path: &Path) -> Option<Ledger> {
    let (tx, rx) = std::sync::mpsc::channel();
    let p = path.to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(quick(&p));
    });
    rx.recv_timeout(std::time::Duration::from_secs(20)).ok()
}

#[test]
#[cfg(unix)]
fn a_fifo_or_a_device_as_checkpoint_is_skipped_not_waited_on() {
    let (_dir, path) = with_checkpoint(N);
    let ck = checkpoint_path(&path);
    fs::remove_file(&ck).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&ck)
        .status()
        .unwrap();
    assert!(made.success());
    let l = quick_within(&path).expect("a FIFO checkpoint blocked the read");
    same(&l, &Ledger::open(&path).unwrap());
    fs::remove_file(&ck).unwrap();
    // An endless file: skipped, not read into memory.
    std::os::unix::fs::symlink("/dev/zero", &ck).unwrap();
    let l = quick_within(&path).expect("/dev/zero as checkpoint was read");
    same(&l, &Ledger::open(&path).unwrap());
}

/// The tester's case: a corrected copy of the same length `cp`'d over the
/// ledger, changing a current value (8.2's 2023: 594 → 595). `set
/// --expect` compares with the value now in the file, and the new row
/// records it as `old`.
#[test]
fn set_expect_sees_a_value_corrected_by_a_same_length_copy() {
    let (dir, path) = with_checkpoint(N);
    let fixed = dir.path().join("fixed.csv");
    let mut b = fs::read(&path).unwrap();
    let at = b
        .windows(25)
        .position(|w| w == b",8.2,actual,594,579,,2023")
        .unwrap();
    assert!(at > 4096 && at < b.len() - 64);
    b[at + 14] = b'5';
    fs::write(&fixed, &b).unwrap();
    fs::copy(&fixed, &path).unwrap();
    let set = |expect: &str| {
        run(wp(&path, "李明").args(["set", "8.2", "600", "--period", "2023", "--expect", expect]))
    };
    let r = set("594");
    assert_eq!(r.code, 3, "{}{}", r.stdout, r.stderr);
    let r = set("595");
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let text = fs::read_to_string(&path).unwrap();
    let last = text.lines().last().unwrap();
    assert!(last.contains(",8.2,actual,600,595,"), "{last}");
}
