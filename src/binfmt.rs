//! The bytes of the program's derived binary files (the plan snapshot,
//! the ledger's checkpoint): LEB128 varints (signed ones zigzagged),
//! strings as a length and UTF-8, optional strings as 0 or the length + 1;
//! a writer ([`Out`]) and a reader ([`In`]) that streams the file through a
//! small window and hashes every byte it takes ([`Sum`]: [`Fnv`] or
//! [`Digest`]). Every getter is `None` past the end of the body or on a
//! value out of range: a file that does not decode exactly is no file.
//! Imports nothing of the program's layers (plan, ledger, UI, CLI).

use std::hash::Hasher;
use std::io::Read;

/// A hash of a stream of bytes, taken as the reader reads them.
pub trait Sum: Default {
    fn update(&mut self, bytes: &[u8]);
    fn finish(self) -> u64;
}

/// FNV-1a, 64 bits: cheap, stable across builds and platforms (the
/// checkpoint's).
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Sum for Fnv {
    fn update(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(self) -> u64 {
        self.0
    }
}

/// The FNV-1a hash of `bytes`.
pub fn fnv(bytes: &[u8]) -> u64 {
    let mut h = Fnv::default();
    h.update(bytes);
    h.finish()
}

/// A hash of a stream of bytes that does not depend on how the stream is
/// cut into pieces (a file read in buffers of any size hashes the same):
/// the bytes go through a block of fixed size into foldhash's hasher
/// (several GB/s; 19 MB of seeds in a few milliseconds). The plan
/// snapshot's.
pub struct Digest {
    block: Box<[u8; BLOCK]>,
    at: usize,
    len: u64,
    hasher: foldhash::quality::FoldHasher<'static>,
}

const BLOCK: usize = 8192;

impl Default for Digest {
    fn default() -> Self {
        use std::hash::BuildHasher;
        Digest {
            block: Box::new([0; BLOCK]),
            at: 0,
            len: 0,
            hasher: foldhash::quality::FixedState::with_seed(0x9e37_79b9_7f4a_7c15).build_hasher(),
        }
    }
}

impl Sum for Digest {
    fn update(&mut self, mut bytes: &[u8]) {
        self.len += bytes.len() as u64;
        while !bytes.is_empty() {
            let n = (BLOCK - self.at).min(bytes.len());
            self.block[self.at..self.at + n].copy_from_slice(&bytes[..n]);
            self.at += n;
            bytes = &bytes[n..];
            if self.at == BLOCK {
                self.hasher.write(&self.block[..]);
                self.at = 0;
            }
        }
    }

    fn finish(mut self) -> u64 {
        self.hasher.write(&self.block[..self.at]);
        self.hasher.write_u64(self.len);
        self.hasher.finish()
    }
}

/// Bytes being written.
#[derive(Debug, Default)]
pub struct Out {
    pub buf: Vec<u8>,
}

impl Out {
    pub fn u8(&mut self, b: u8) {
        self.buf.push(b);
    }

    pub fn uint(&mut self, mut v: u64) {
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

    pub fn int(&mut self, v: i64) {
        self.uint(((v << 1) ^ (v >> 63)) as u64);
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.uint(b.len() as u64);
        self.buf.extend_from_slice(b);
    }

    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    /// 0 for none, else the length + 1 and the bytes.
    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.uint(0),
            Some(s) => {
                self.uint(s.len() as u64 + 1);
                self.buf.extend_from_slice(s.as_bytes());
            }
        }
    }

    /// A count, then each string.
    pub fn strs<S: AsRef<str>>(&mut self, list: &[S]) {
        self.uint(list.len() as u64);
        for s in list {
            self.str(s.as_ref());
        }
    }
}

/// The bytes a reader holds at once (more only for a longer string).
const WINDOW: usize = 64 * 1024;

/// Bytes being read, streamed from `src` through a small window (a file of
/// tens of MB is never held whole), the [`Sum`] of every byte taken from
/// the body kept as it goes.
pub struct In<R, S> {
    src: R,
    buf: Vec<u8>,
    /// The window: `buf[at..end]` is read and not yet taken.
    at: usize,
    end: usize,
    /// Bytes of the body not yet read from `src`.
    left: u64,
    sum: S,
    /// The largest window held (tests: bytes held while reading).
    pub peak: usize,
}

impl<R: Read, S: Sum> In<R, S> {
    /// Reads a body of `len` bytes from `src` (its sum, 8 bytes, follows it).
    pub fn new(src: R, len: u64) -> Self {
        In {
            src,
            buf: Vec::new(),
            at: 0,
            end: 0,
            left: len,
            sum: S::default(),
            peak: 0,
        }
    }

    /// Makes `n` bytes available in the window (`None`: the body is
    /// shorter, or `src` is).
    #[inline]
    fn want(&mut self, n: usize) -> Option<()> {
        if self.end - self.at >= n {
            return Some(());
        }
        self.refill(n)
    }

    /// [`In::want`] when the window holds fewer than `n` bytes.
    #[inline(never)]
    fn refill(&mut self, n: usize) -> Option<()> {
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
        self.sum.update(fresh);
        self.end += room;
        self.left -= room as u64;
        Some(())
    }

    /// True when the whole body was taken and its sum, read after it, is
    /// the hash of what was taken (asked once: the sum is used up).
    pub fn at_end(&mut self) -> bool {
        let mut sum = [0u8; 8];
        self.at == self.end
            && self.left == 0
            && self.src.read_exact(&mut sum).is_ok()
            && u64::from_le_bytes(sum) == std::mem::take(&mut self.sum).finish()
    }

    pub fn u8(&mut self) -> Option<u8> {
        self.want(1)?;
        let b = self.buf[self.at];
        self.at += 1;
        Some(b)
    }

    #[inline]
    pub fn uint(&mut self) -> Option<u64> {
        // Most varints are whole in the window: read there, no byte by
        // byte refill check (the same value as the loop below).
        let mut v: u64 = 0;
        for (i, &b) in self.buf[self.at..self.end].iter().take(10).enumerate() {
            v |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                self.at += i + 1;
                return Some(v);
            }
        }
        if self.end - self.at >= 10 {
            // Ten bytes and no end: no varint of 64 bits.
            return None;
        }
        self.uint_across()
    }

    /// [`In::uint`] of a varint that crosses the window's end.
    fn uint_across(&mut self) -> Option<u64> {
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

    pub fn int(&mut self) -> Option<i64> {
        let v = self.uint()?;
        Some(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    /// A signed integer that fits 32 bits.
    pub fn small(&mut self) -> Option<i32> {
        i32::try_from(self.int()?).ok()
    }

    /// An unsigned integer that fits 32 bits.
    pub fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.uint()?).ok()
    }

    /// A count of items that each take at least one byte: never more than
    /// the bytes left (a corrupt count allocates nothing huge).
    pub fn count(&mut self) -> Option<usize> {
        let n = usize::try_from(self.uint()?).ok()?;
        let left = (self.end - self.at) as u64 + self.left;
        (n as u64 <= left).then_some(n)
    }

    /// The next `n` bytes (checked against what is left first).
    pub fn take(&mut self, n: usize) -> Option<&[u8]> {
        self.want(n)?;
        let b = &self.buf[self.at..self.at + n];
        self.at += n;
        Some(b)
    }

    pub fn bytes(&mut self) -> Option<&[u8]> {
        let n = self.count()?;
        self.take(n)
    }

    /// A string, borrowed from the window.
    pub fn text(&mut self) -> Option<&str> {
        std::str::from_utf8(self.bytes()?).ok()
    }

    pub fn str(&mut self) -> Option<String> {
        self.text().map(String::from)
    }

    /// A list of strings (see [`Out::strs`]).
    pub fn strs(&mut self) -> Option<Vec<String>> {
        let n = self.count()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(self.str()?);
        }
        Some(v)
    }

    /// An optional string (see [`Out::opt_str`]), borrowed from the window.
    pub fn opt_text(&mut self) -> Option<Option<&str>> {
        let n = usize::try_from(self.uint()?).ok()?;
        if n == 0 {
            return Some(None);
        }
        std::str::from_utf8(self.take(n - 1)?).ok().map(Some)
    }

    /// Reads past an optional string, checking it as [`In::opt_text`]
    /// does.
    pub fn skip_opt_str(&mut self) -> Option<()> {
        let n = usize::try_from(self.uint()?).ok()?;
        if n == 0 {
            return Some(());
        }
        let b = self.take(n - 1)?;
        (b.is_ascii() || std::str::from_utf8(b).is_ok()).then_some(())
    }

    /// An optional string into `dst` (its buffer reused).
    pub fn opt_str_into(&mut self, dst: &mut Option<String>) -> Option<()> {
        match (self.opt_text()?, dst.as_mut()) {
            (None, _) => *dst = None,
            (Some(b), Some(d)) => {
                d.clear();
                d.push_str(b);
            }
            (Some(b), None) => *dst = Some(b.to_string()),
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_read_back_and_garbage_does_not_decode() {
        let mut out = Out::default();
        for v in [0, 1, 127, 128, u64::MAX] {
            out.uint(v);
        }
        for v in [0, -1, 1, i64::MIN, i64::MAX] {
            out.int(v);
        }
        let mut r = In::<_, Fnv>::new(&out.buf[..], out.buf.len() as u64);
        for v in [0, 1, 127, 128, u64::MAX] {
            assert_eq!(r.uint(), Some(v));
        }
        for v in [0, -1, 1, i64::MIN, i64::MAX] {
            assert_eq!(r.int(), Some(v));
        }
        assert_eq!(r.uint(), None);
        // A varint that never ends, a length past the end.
        let r = |b: &'static [u8]| In::<_, Fnv>::new(b, b.len() as u64);
        assert_eq!(r(&[0xff; 11]).uint(), None);
        assert_eq!(r(&[5, b'a']).str(), None);
        assert_eq!(r(&[0x80, 0x80, 0x80, 0x80, 1]).count(), None);
        // A body with a wrong sum after it is not at its end.
        let mut sum = vec![7];
        sum.extend((fnv(&[7]) ^ 1).to_le_bytes());
        let mut wrong = In::<_, Fnv>::new(&sum[..], 1);
        assert_eq!(wrong.u8(), Some(7));
        assert!(!wrong.at_end());
        assert_eq!(fnv(b""), 0xcbf2_9ce4_8422_2325);
        assert_ne!(fnv(b"a"), fnv(b"b"));
    }

    /// Varints read in the window and across its end (a body of several
    /// windows) give the values written; ten bytes without an end are no
    /// varint wherever they are.
    #[test]
    fn varints_read_back_across_the_windows_end() {
        let values: Vec<u64> = (0..60_000u64)
            .map(|i| match i % 4 {
                0 => i,
                1 => i << 20,
                2 => u64::MAX - i,
                _ => 1 << (i % 64),
            })
            .collect();
        let mut out = Out::default();
        for &v in &values {
            out.uint(v);
            out.opt_str(Some("快报"));
        }
        assert!(out.buf.len() > 4 * WINDOW);
        let mut r = In::<_, Fnv>::new(&out.buf[..], out.buf.len() as u64);
        for &v in &values {
            assert_eq!(r.uint(), Some(v));
            assert_eq!(r.skip_opt_str(), Some(()));
        }
        let endless = [0x80u8; 12];
        let mut r = In::<_, Fnv>::new(&endless[..], 12);
        assert_eq!(r.uint(), None);
        let mut r = In::<_, Fnv>::new(&endless[..9], 9);
        assert_eq!(r.uint(), None);
        // Invalid UTF-8 is no string, skipped or read.
        let bad = [3u8, 0xff, 0xfe];
        assert_eq!(In::<_, Fnv>::new(&bad[..], 3).skip_opt_str(), None);
        assert_eq!(In::<_, Fnv>::new(&bad[..], 3).opt_text(), None);
    }

    #[test]
    fn strings_read_back_with_either_sum() {
        fn round<S: Sum>() {
            let mut out = Out::default();
            out.str("李明");
            out.opt_str(None);
            out.opt_str(Some(""));
            out.opt_str(Some("快报"));
            out.strs(&["a", "乙"]);
            let mut h = S::default();
            h.update(&out.buf);
            let mut file = out.buf.clone();
            file.extend(h.finish().to_le_bytes());
            let mut r = In::<_, S>::new(&file[..], out.buf.len() as u64);
            assert_eq!(r.str().as_deref(), Some("李明"));
            let mut reused = Some("旧的".to_string());
            r.opt_str_into(&mut reused).unwrap();
            assert_eq!(reused, None);
            assert_eq!(r.opt_text(), Some(Some("")));
            r.opt_str_into(&mut reused).unwrap();
            assert_eq!(reused.as_deref(), Some("快报"));
            assert_eq!(r.strs(), Some(vec!["a".to_string(), "乙".to_string()]));
            assert!(r.at_end());
        }
        round::<Fnv>();
        round::<Digest>();
    }

    #[test]
    fn a_digest_does_not_depend_on_how_the_bytes_are_cut() {
        let bytes: Vec<u8> = (0..50_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let whole = {
            let mut d = Digest::default();
            d.update(&bytes);
            d.finish()
        };
        for cut in [1, 7, 8192, 8193, 40_000] {
            let mut d = Digest::default();
            for piece in bytes.chunks(cut) {
                d.update(piece);
            }
            assert_eq!(d.finish(), whole, "pieces of {cut}");
        }
        let mut other = bytes.clone();
        other[49_999] ^= 1;
        let mut d = Digest::default();
        d.update(&other);
        assert_ne!(d.finish(), whole);
        // The length counts: a block of zeros and a shorter one differ.
        let (mut a, mut b) = (Digest::default(), Digest::default());
        a.update(&[0; 10]);
        b.update(&[0; 11]);
        assert_ne!(a.finish(), b.finish());
    }
}
