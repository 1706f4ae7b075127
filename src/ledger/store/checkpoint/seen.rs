//! What was last verified of the ledger against its checkpoint
//! (`actuals.csv.ckpt.seen`): the checkpoint's prefix (offset and hash)
//! and the `stat` of the ledger (device, inode, length, modification and
//! change times) when its first `offset` bytes were found to hash as the
//! checkpoint says, or when only the program appended to it since.
//!
//! The checkpoint's prefix hash makes a rewrite of the rows it describes
//! visible, whatever the rewrite kept (the length, the first and last
//! bytes, the modification time); hashing ~70 MB costs ~30 ms, so it is
//! done only when the ledger's `stat` is not the one recorded here: once
//! after a write by something other than wudang-plan (an editor, `cp`, an
//! `echo` appending a line). The program's own appends, made under the lock, carry the
//! record over to the new `stat` when it held before the append, so an
//! edit stays proportional to what is new. The change time (`ctime`)
//! cannot be set back by a user, so `touch -r` after an edit in place does
//! not hide it.
//!
//! Derived like the checkpoint: missing, unreadable or garbled, it is
//! ignored (the prefix is hashed); written atomically, best effort (a
//! read-only directory means one hash per command, nothing said).

use std::fs::{File, Metadata};
use std::path::{Path, PathBuf};

use super::super::read::read_exact_at;
use super::super::sys;
use super::super::with_suffix;
use crate::binfmt::{Digest, Sum, fnv};

const MAGIC: &[u8; 8] = b"WDPSEEN\n";

/// `actuals.csv` → `actuals.csv.ckpt.seen`.
pub fn seen_path(path: &Path) -> PathBuf {
    with_suffix(path, ".ckpt.seen")
}

/// A ledger's `stat`: which file, how long, when last modified and
/// changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::ledger::store) struct Stat([i64; 7]);

impl Stat {
    pub(in crate::ledger::store) fn of(m: &Metadata) -> Stat {
        let (dev, ino, (ms, mn)) = sys::ident(m);
        let (cs, cn) = sys::ctime(m);
        Stat([dev as i64, ino as i64, m.len() as i64, ms, mn, cs, cn])
    }
}

/// The record: the ledger with `stat` begins with the checkpoint's
/// prefix of `offset` bytes hashing to `prefix`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::ledger::store) struct Seen {
    pub offset: u64,
    pub prefix: u64,
    pub stat: Stat,
}

impl Seen {
    fn encode(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend(self.offset.to_le_bytes());
        out.extend(self.prefix.to_le_bytes());
        for v in self.stat.0 {
            out.extend(v.to_le_bytes());
        }
        let sum = fnv(&out);
        out.extend(sum.to_le_bytes());
        out
    }

    fn decode(b: &[u8]) -> Option<Seen> {
        const LEN: usize = 8 + 8 + 8 + 7 * 8 + 8;
        if b.len() != LEN || &b[..8] != MAGIC {
            return None;
        }
        let (body, sum) = b.split_at(LEN - 8);
        if fnv(body).to_le_bytes() != sum {
            return None;
        }
        let word = |i: usize| -> [u8; 8] {
            let mut w = [0u8; 8];
            w.copy_from_slice(&b[8 + 8 * i..16 + 8 * i]);
            w
        };
        let mut stat = [0i64; 7];
        for (k, v) in stat.iter_mut().enumerate() {
            *v = i64::from_le_bytes(word(2 + k));
        }
        Some(Seen {
            offset: u64::from_le_bytes(word(0)),
            prefix: u64::from_le_bytes(word(1)),
            stat: Stat(stat),
        })
    }
}

/// The record beside the ledger at `path` (`None`: none, or not one).
pub(in crate::ledger::store) fn read(path: &Path) -> Option<Seen> {
    let f = sys::open_nonblocking(&seen_path(path)).ok()?;
    let meta = f.metadata().ok()?;
    if !meta.is_file() || meta.len() > 256 {
        return None;
    }
    let mut b = vec![0u8; meta.len() as usize];
    read_exact_at(&f, &mut b, 0).ok()?;
    Seen::decode(&b)
}

/// Writes the record beside the ledger at `path`, best effort.
pub(in crate::ledger::store) fn write(path: &Path, seen: &Seen) {
    let _ = super::write_atomically(path, &seen_path(path), &seen.encode());
}

/// The hash of the first `len` bytes of `file` (as the checkpoint keeps
/// it), streamed in 64 KiB pieces, the bytes read added to `read`
/// (`None`: shorter or unreadable).
pub(in crate::ledger::store) fn prefix_hash(file: &File, len: u64, read: &mut u64) -> Option<u64> {
    let mut d = Digest::default();
    let mut buf = vec![0u8; 64 * 1024];
    let mut at = 0u64;
    while at < len {
        let n = (len - at).min(buf.len() as u64) as usize;
        read_exact_at(file, &mut buf[..n], at).ok()?;
        d.update(&buf[..n]);
        at += n as u64;
        *read += n as u64;
    }
    Some(d.finish())
}

/// Under the ledger's lock, just before the program appends to the file
/// whose `stat` is `before`: a closure that, given the file's `stat` after
/// the append, carries the record over to it — when the record held for
/// `before` (`None`: nothing to carry; the next reader hashes the prefix).
pub(in crate::ledger::store) fn carry(path: &Path, before: &Metadata) -> Option<Seen> {
    read(path).filter(|s| s.stat == Stat::of(before))
}

/// [`carry`]'s second half: the record `seen` now holds for `after`.
pub(in crate::ledger::store) fn carried(path: &Path, seen: Seen, after: &Metadata) {
    write(
        path,
        &Seen {
            stat: Stat::of(after),
            ..seen
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_reads_back_and_a_garbled_one_does_not() {
        let s = Seen {
            offset: 123,
            prefix: 0xdead_beef,
            stat: Stat([1, 2, 3, 4, 5, 6, 7]),
        };
        let b = s.encode();
        assert_eq!(Seen::decode(&b), Some(s));
        for i in 0..b.len() {
            let mut bad = b.clone();
            bad[i] ^= 1;
            assert_eq!(Seen::decode(&bad), None, "byte {i}");
        }
        assert_eq!(Seen::decode(&b[..b.len() - 1]), None);
    }

    #[test]
    fn the_prefix_hash_does_not_depend_on_how_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&p, &bytes).unwrap();
        let f = File::open(&p).unwrap();
        let mut read = 0;
        let whole = prefix_hash(&f, 150_000, &mut read).unwrap();
        assert_eq!(read, 150_000);
        let mut d = Digest::default();
        for chunk in bytes[..150_000].chunks(777) {
            d.update(chunk);
        }
        assert_eq!(whole, d.finish());
        assert_ne!(whole, prefix_hash(&f, 149_999, &mut read).unwrap());
        assert_eq!(prefix_hash(&f, 200_001, &mut read), None, "past the end");
    }
}
