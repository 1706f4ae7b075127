//! The checkpoint's bytes (version 1): a magic line, the version, the
//! body, and an FNV-1a hash of everything before it. Integers are LEB128
//! varints (signed ones zigzagged), strings a length and UTF-8; an entry
//! names its user by an index into the file's table of users. Anything
//! that does not decode exactly is no checkpoint (`None`), never an error:
//! the ledger is then read in full.

use jiff::Timestamp;
use jiff::tz::Offset;

use crate::ledger::entry::{Entry, Field, Stamp};
use crate::plan::Period;

/// The file's first bytes.
pub(super) const MAGIC: &[u8; 8] = b"WDPCKPT\n";
/// Bumped whenever the layout changes: another version is rebuilt.
pub(super) const VERSION: u32 = 1;

/// FNV-1a, 64 bits: cheap, stable across builds and platforms.
pub(super) fn fnv(bytes: &[u8]) -> u64 {
    fnv_more(FNV_START, bytes)
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// The FNV-1a hash `h` of some bytes continued over `bytes`.
fn fnv_more(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Bytes being written.
#[derive(Default)]
pub(super) struct Out {
    pub(super) buf: Vec<u8>,
    users: std::collections::HashMap<String, u64>,
    /// Users in order of their index.
    pub(super) user_list: Vec<String>,
}

impl Out {
    pub(super) fn u8(&mut self, b: u8) {
        self.buf.push(b);
    }

    pub(super) fn uint(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.buf.push(b);
                return;
            }
            self.buf.push(b | 0x80);
        }
    }

    pub(super) fn int(&mut self, v: i64) {
        self.uint(((v << 1) ^ (v >> 63)) as u64);
    }

    pub(super) fn bytes(&mut self, b: &[u8]) {
        self.uint(b.len() as u64);
        self.buf.extend_from_slice(b);
    }

    pub(super) fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.uint(0),
            Some(s) => {
                self.uint(s.len() as u64 + 1);
                self.buf.extend_from_slice(s.as_bytes());
            }
        }
    }

    fn user(&mut self, u: &str) -> u64 {
        if let Some(&i) = self.users.get(u) {
            return i;
        }
        let i = self.user_list.len() as u64;
        self.users.insert(u.to_string(), i);
        self.user_list.push(u.to_string());
        i
    }

    /// An entry whose id the reader knows from where it is.
    pub(super) fn entry(&mut self, e: &Entry) {
        self.uint(e.line);
        self.int(e.time.timestamp.as_second());
        self.int(i64::from(e.time.timestamp.subsec_nanosecond()));
        self.int(i64::from(e.time.offset.seconds()));
        let u = self.user(&e.user);
        self.uint(u);
        self.u8(e.field.index() as u8);
        self.opt_str(e.value.as_deref());
        self.opt_str(e.old.as_deref());
        self.opt_str(e.note.as_deref());
        match e.period {
            None => self.u8(0),
            Some(Period::Year(y)) => {
                self.u8(1);
                self.int(i64::from(y));
            }
            Some(Period::Quarter(y, q)) => {
                self.u8(2);
                self.int(i64::from(y));
                self.u8(q);
            }
            Some(Period::Month(y, m)) => {
                self.u8(3);
                self.int(i64::from(y));
                self.u8(m);
            }
        }
    }
}

/// The bytes a reader holds at once (more only for a longer string).
const WINDOW: usize = 64 * 1024;

/// Bytes being read, streamed from `src` through a small window (a
/// checkpoint of 25 MB is never held whole), the FNV hash of every byte
/// taken from the body kept as it goes; every getter is `None` past the
/// end of the body or on a value out of range.
pub(super) struct In<R> {
    src: R,
    buf: Vec<u8>,
    /// The window: `buf[at..end]` is read and not yet taken.
    at: usize,
    end: usize,
    /// Bytes of the body not yet read from `src`.
    left: u64,
    hash: u64,
    pub(super) users: Vec<String>,
    /// The largest window held (tests: bytes held while restoring).
    pub(super) peak: usize,
}

impl<R: std::io::Read> In<R> {
    /// Reads a body of `len` bytes from `src` (its sum follows it).
    pub(super) fn new(src: R, len: u64) -> Self {
        In {
            src,
            buf: Vec::new(),
            at: 0,
            end: 0,
            left: len,
            hash: FNV_START,
            users: Vec::new(),
            peak: 0,
        }
    }

    /// Makes `n` bytes available in the window (`None`: the body is
    /// shorter, or `src` is).
    fn want(&mut self, n: usize) -> Option<()> {
        if self.end - self.at >= n {
            return Some(());
        }
        if (n - (self.end - self.at)) as u64 > self.left {
            return None;
        }
        self.buf.copy_within(self.at..self.end, 0);
        self.end -= self.at;
        self.at = 0;
        let size = n.max(WINDOW);
        if self.buf.len() < size {
            self.buf.resize(size, 0);
            self.peak = self.peak.max(size);
        }
        let room =
            (self.buf.len() - self.end).min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let fresh = &mut self.buf[self.end..self.end + room];
        self.src.read_exact(fresh).ok()?;
        self.hash = fnv_more(self.hash, fresh);
        self.end += room;
        self.left -= room as u64;
        Some(())
    }

    /// True when the whole body was taken and its sum, read after it, is
    /// the hash of what was taken.
    pub(super) fn at_end(&mut self) -> bool {
        let mut sum = [0u8; 8];
        self.at == self.end
            && self.left == 0
            && self.src.read_exact(&mut sum).is_ok()
            && u64::from_le_bytes(sum) == self.hash
    }

    pub(super) fn u8(&mut self) -> Option<u8> {
        self.want(1)?;
        let b = self.buf[self.at];
        self.at += 1;
        Some(b)
    }

    pub(super) fn uint(&mut self) -> Option<u64> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    pub(super) fn int(&mut self) -> Option<i64> {
        let v = self.uint()?;
        Some(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    /// A count of items that each take at least one byte: never more than
    /// the bytes left (a corrupt count allocates nothing huge).
    pub(super) fn count(&mut self) -> Option<usize> {
        let n = usize::try_from(self.uint()?).ok()?;
        let left = (self.end - self.at) as u64 + self.left;
        (n as u64 <= left).then_some(n)
    }

    /// The next `n` bytes (checked against what is left first).
    pub(super) fn take(&mut self, n: usize) -> Option<&[u8]> {
        self.want(n)?;
        let b = &self.buf[self.at..self.at + n];
        self.at += n;
        Some(b)
    }

    pub(super) fn bytes(&mut self) -> Option<&[u8]> {
        let n = self.count()?;
        self.take(n)
    }

    /// A string, borrowed from the window.
    pub(super) fn text(&mut self) -> Option<&str> {
        std::str::from_utf8(self.bytes()?).ok()
    }

    pub(super) fn str(&mut self) -> Option<String> {
        self.text().map(String::from)
    }

    /// An optional string into `dst` (its buffer reused).
    fn opt_str_into(&mut self, dst: &mut Option<String>) -> Option<()> {
        let n = usize::try_from(self.uint()?).ok()?;
        if n == 0 {
            *dst = None;
            return Some(());
        }
        let b = std::str::from_utf8(self.take(n - 1)?).ok()?;
        match dst {
            Some(d) => {
                d.clear();
                d.push_str(b);
            }
            None => *dst = Some(b.to_string()),
        }
        Some(())
    }

    fn small(&mut self) -> Option<i32> {
        i32::try_from(self.int()?).ok()
    }

    /// Reads an entry (see [`Out::entry`]) into `e`, reusing its strings'
    /// buffers; its id is left as it is (the reader knows it from where
    /// the entry is).
    pub(super) fn entry_into(&mut self, e: &mut Entry) -> Option<()> {
        e.line = self.uint()?;
        let secs = self.int()?;
        let nanos = self.small()?;
        let offset = Offset::from_seconds(self.small()?).ok()?;
        let timestamp = Timestamp::new(secs, nanos).ok()?;
        e.time = Stamp { timestamp, offset };
        let u = usize::try_from(self.uint()?).ok()?;
        let user = self.users.get(u)?;
        e.user.clear();
        e.user.push_str(user);
        e.field = *Field::ALL.get(usize::from(self.u8()?))?;
        self.opt_str_into(&mut e.value)?;
        self.opt_str_into(&mut e.old)?;
        self.opt_str_into(&mut e.note)?;
        e.period = match self.u8()? {
            0 => None,
            1 => Some(Period::Year(self.small()?)),
            2 => Some(Period::Quarter(self.small()?, self.u8()?)),
            3 => Some(Period::Month(self.small()?, self.u8()?)),
            _ => return None,
        };
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(period: Option<Period>, note: Option<&str>) -> Entry {
        Entry {
            line: 123_456,
            time: Stamp::parse("2025-06-01T10:15:00.25+08:00").unwrap(),
            user: "李明".into(),
            id: "8.1".into(),
            field: Field::Actual,
            value: Some("512".into()),
            old: Some(String::new()),
            note: note.map(String::from),
            period,
        }
    }

    #[test]
    fn entries_read_back_equal() {
        let es = [
            entry(None, None),
            entry(Some(Period::Year(2025)), Some("快报")),
            entry(Some(Period::Quarter(2024, 4)), None),
            entry(Some(Period::Month(-3, 12)), None),
            Entry {
                field: Field::Note,
                user: "王芳".into(),
                value: None,
                time: Stamp::parse("1999-01-01T00:00:00Z").unwrap(),
                ..entry(None, None)
            },
        ];
        let mut out = Out::default();
        for e in &es {
            out.entry(e);
        }
        let mut sum = out.buf.clone();
        sum.extend(fnv(&out.buf).to_le_bytes());
        let mut r = In::new(&sum[..], out.buf.len() as u64);
        r.users = out.user_list.clone();
        // One entry read into, its buffers reused.
        let mut got = entry(None, Some("旧的"));
        for e in &es {
            assert_eq!(r.entry_into(&mut got), Some(()));
            assert_eq!(&got, e);
        }
        assert!(r.at_end());
        assert_eq!(out.user_list, ["李明", "王芳"]);
    }

    #[test]
    fn integers_read_back_and_garbage_does_not_decode() {
        let mut out = Out::default();
        for v in [0, 1, 127, 128, u64::MAX] {
            out.uint(v);
        }
        for v in [0, -1, 1, i64::MIN, i64::MAX] {
            out.int(v);
        }
        let mut r = In::new(&out.buf[..], out.buf.len() as u64);
        for v in [0, 1, 127, 128, u64::MAX] {
            assert_eq!(r.uint(), Some(v));
        }
        for v in [0, -1, 1, i64::MIN, i64::MAX] {
            assert_eq!(r.int(), Some(v));
        }
        assert_eq!(r.uint(), None);
        // A varint that never ends, a length past the end.
        let r = |b: &'static [u8]| In::new(b, b.len() as u64);
        assert_eq!(r(&[0xff; 11]).uint(), None);
        assert_eq!(r(&[5, b'a']).str(), None);
        assert_eq!(r(&[0x80, 0x80, 0x80, 0x80, 1]).count(), None);
        // A body with a wrong sum after it is not at its end.
        let mut sum = vec![7];
        sum.extend((fnv(&[7]) ^ 1).to_le_bytes());
        let mut wrong = In::new(&sum[..], 1);
        assert_eq!(wrong.u8(), Some(7));
        assert!(!wrong.at_end());
        assert_eq!(fnv(b""), 0xcbf2_9ce4_8422_2325);
        assert_ne!(fnv(b"a"), fnv(b"b"));
    }
}
