//! The plan snapshot's bytes (version 1): a magic line, the format
//! version, the program's version, the hash of the seed files it was made
//! from, the plan, and a hash of everything before it. Integers are LEB128
//! varints (signed ones zigzagged), strings a length and UTF-8, decimals
//! their 16 bytes (`rust_decimal`'s own, scale kept). The texts that
//! indicators share (task, row, unit) are one table, referred to by
//! position, so they are shared again when read back. Anything that does
//! not decode exactly is no snapshot (`None`), never an error: the seeds
//! are then parsed.

use std::hash::Hasher;
use std::io::Read;
use std::sync::Arc;

use foldhash::{HashMap, HashMapExt};
use rust_decimal::Decimal;

use crate::plan::model::{
    Better, ByTask, Comparison, Defaults, Group, Indicator, NewIndicator, Owner, Parts, Plan, Row,
    Task,
};
use crate::plan::{Kind, PlanPeriod};

/// The file's first bytes.
pub(super) const MAGIC: &[u8; 8] = b"WDPSNAP\n";
/// Bumped whenever the layout changes: another version is rebuilt.
pub(super) const VERSION: u32 = 1;
/// The program that wrote it: a snapshot of another build is rebuilt
/// (what a plan means may change with the program, e.g. a default).
pub(super) const PROGRAM: &str = env!("CARGO_PKG_VERSION");

/// A hash of a stream of bytes that does not depend on how the stream is
/// cut into pieces (a file read in buffers of any size hashes the same):
/// the bytes go through a block of fixed size into foldhash's hasher
/// (several GB/s; 19 MB of seeds in a few milliseconds).
pub(super) struct Digest {
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

impl Digest {
    pub(super) fn update(&mut self, mut bytes: &[u8]) {
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

    pub(super) fn finish(mut self) -> u64 {
        self.hasher.write(&self.block[..self.at]);
        self.hasher.write_u64(self.len);
        self.hasher.finish()
    }
}

/// Bytes being written.
#[derive(Default)]
pub(super) struct Out {
    pub(super) buf: Vec<u8>,
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

    fn int(&mut self, v: i64) {
        self.uint(((v << 1) ^ (v >> 63)) as u64);
    }

    pub(super) fn str(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }

    fn decimal(&mut self, d: Option<Decimal>) {
        match d {
            None => self.u8(0),
            Some(d) => {
                self.u8(1);
                self.buf.extend_from_slice(&d.serialize());
            }
        }
    }

    fn strs<S: AsRef<str>>(&mut self, list: &[S]) {
        self.uint(list.len() as u64);
        for s in list {
            self.str(s.as_ref());
        }
    }
}

/// The bytes a reader holds at once (more only for a longer string).
const WINDOW: usize = 64 * 1024;

/// Bytes being read, streamed from `src` through a small window (the
/// snapshot is never held whole: what a command holds at its peak is the
/// plan, not the plan and its file), the [`Digest`] of every byte taken
/// kept as it goes; every getter is `None` past the end of the body or on
/// a value out of range.
pub(super) struct In<R> {
    src: R,
    buf: Vec<u8>,
    at: usize,
    end: usize,
    /// Bytes of the body not yet read from `src`.
    left: u64,
    digest: Digest,
}

impl<R: Read> In<R> {
    /// Reads a body of `len` bytes from `src` (its hash follows it).
    pub(super) fn new(src: R, len: u64) -> Self {
        In {
            src,
            buf: Vec::new(),
            at: 0,
            end: 0,
            left: len,
            digest: Digest::default(),
        }
    }

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
        }
        let room =
            (self.buf.len() - self.end).min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let fresh = &mut self.buf[self.end..self.end + room];
        self.src.read_exact(fresh).ok()?;
        self.digest.update(fresh);
        self.end += room;
        self.left -= room as u64;
        Some(())
    }

    /// True when the whole body was taken and its hash, read after it, is
    /// the hash of what was taken.
    pub(super) fn at_end(mut self) -> bool {
        let mut sum = [0u8; 8];
        self.at == self.end
            && self.left == 0
            && self.src.read_exact(&mut sum).is_ok()
            && u64::from_le_bytes(sum) == self.digest.finish()
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

    fn int(&mut self) -> Option<i64> {
        let v = self.uint()?;
        Some(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    fn small(&mut self) -> Option<i32> {
        i32::try_from(self.int()?).ok()
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.uint()?).ok()
    }

    /// A count of items that each take at least one byte: never more than
    /// the bytes left (a corrupt count allocates nothing huge).
    pub(super) fn count(&mut self) -> Option<usize> {
        let n = usize::try_from(self.uint()?).ok()?;
        let left = (self.end - self.at) as u64 + self.left;
        (n as u64 <= left).then_some(n)
    }

    pub(super) fn take(&mut self, n: usize) -> Option<&[u8]> {
        self.want(n)?;
        let b = &self.buf[self.at..self.at + n];
        self.at += n;
        Some(b)
    }

    pub(super) fn text(&mut self) -> Option<&str> {
        let n = self.count()?;
        std::str::from_utf8(self.take(n)?).ok()
    }

    pub(super) fn str(&mut self) -> Option<String> {
        self.text().map(String::from)
    }

    fn decimal(&mut self) -> Option<Option<Decimal>> {
        match self.u8()? {
            0 => Some(None),
            1 => {
                let b: [u8; 16] = self.take(16)?.try_into().ok()?;
                // `deserialize` takes any bytes; a scale past 28 is not a
                // decimal this program wrote.
                let d = Decimal::deserialize(b);
                (d.scale() <= 28 && b[0] == 0 && b[1] == 0 && b[3] & 0x7f == 0).then_some(Some(d))
            }
            _ => None,
        }
    }

    fn strs(&mut self) -> Option<Vec<String>> {
        let n = self.count()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(self.str()?);
        }
        Some(v)
    }
}

/// The plan's bytes after the header: period, defaults, groups, tasks,
/// rows, the shared texts, indicators.
pub(super) fn encode_plan(out: &mut Out, plan: &Plan) {
    out.int(i64::from(plan.period.start));
    out.int(i64::from(plan.period.end));
    out.u8(u8::from(plan.defaults.period));
    out.uint(plan.defaults.kinds as u64);
    out.uint(plan.groups.len() as u64);
    for g in &plan.groups {
        out.uint(u64::from(g.id));
        out.str(&g.title);
    }
    out.uint(plan.tasks.len() as u64);
    for t in &plan.tasks {
        out.str(&t.id);
        out.uint(u64::from(t.group));
        out.str(&t.title);
        out.str(&t.text);
        out.strs(&t.units);
    }
    out.uint(plan.rows.len() as u64);
    for r in &plan.rows {
        encode_row(out, r);
    }
    // The texts indicators share, each once, by first use.
    let mut shared: HashMap<&str, u64> = HashMap::new();
    let mut table: Vec<&str> = Vec::new();
    let mut refs = Vec::with_capacity(plan.indicators.len() * 3);
    for i in &plan.indicators {
        for s in [Some(&*i.task), Some(&*i.row), i.unit.as_deref()] {
            refs.push(s.map_or(0, |s| {
                1 + *shared.entry(s).or_insert_with(|| {
                    table.push(s);
                    table.len() as u64 - 1
                })
            }));
        }
    }
    out.strs(&table);
    out.uint(plan.indicators.len() as u64);
    for (i, r) in plan.indicators.iter().zip(refs.chunks_exact(3)) {
        let (texts, [name_at, source_at]) = i.joined();
        out.str(texts);
        out.uint(u64::from(name_at));
        out.uint(u64::from(source_at));
        for &k in r {
            out.uint(k);
        }
        out.u8(comparison_code(i.comparison));
        out.decimal(i.target);
        out.decimal(i.stretch);
        out.u8(u8::from(i.better == Better::Lower));
        out.int(i64::from(i.deadline));
        out.u8(kind_code(i.kind));
    }
    let (by_id, by_task) = plan.kept_indexes();
    out.uint(by_id.len() as u64);
    for &p in by_id {
        out.uint(u64::from(p));
    }
    for b in by_task {
        // Each task's count, then the items.
        out.uint(b.starts.len() as u64);
        for w in b.starts.windows(2) {
            out.uint((w[1] - w[0]) as u64);
        }
        out.uint(b.items.len() as u64);
        for &i in &b.items {
            out.uint(i as u64);
        }
    }
}

/// A task's runs of items (see [`encode_plan`]).
fn decode_by_task(r: &mut In<impl Read>) -> Option<ByTask> {
    let n = r.count()?;
    let mut starts = Vec::with_capacity(n);
    let mut at = 0usize;
    if n > 0 {
        starts.push(0);
    }
    for _ in 1..n {
        at = at.checked_add(usize::try_from(r.uint()?).ok()?)?;
        starts.push(at);
    }
    let n = r.count()?;
    let mut items = Vec::with_capacity(n);
    for _ in 0..n {
        items.push(usize::try_from(r.uint()?).ok()?);
    }
    Some(ByTask { starts, items })
}

fn encode_row(out: &mut Out, r: &Row) {
    out.str(&r.id);
    out.str(&r.task);
    out.str(&r.title);
    out.str(&r.target);
    out.strs(&r.leaders);
    out.uint(r.owners.len() as u64);
    for o in &r.owners {
        out.str(&o.unit);
        out.str(&o.person);
    }
}

/// The plan read back (see [`encode_plan`]), with the indexes it kept.
pub(super) fn decode_plan(r: &mut In<impl Read>) -> Option<Plan> {
    let period = PlanPeriod::new(r.small()?, r.small()?)?;
    let defaults = Defaults {
        period: bool_of(r.u8()?)?,
        kinds: usize::try_from(r.uint()?).ok()?,
    };
    let n = r.count()?;
    let mut groups = Vec::with_capacity(n);
    for _ in 0..n {
        groups.push(Group {
            id: r.u32()?,
            title: r.str()?,
        });
    }
    let n = r.count()?;
    let mut tasks = Vec::with_capacity(n);
    for _ in 0..n {
        tasks.push(Task {
            id: r.str()?,
            group: r.u32()?,
            title: r.str()?,
            text: r.str()?,
            units: r.strs()?,
        });
    }
    let n = r.count()?;
    let mut rows = Vec::with_capacity(n);
    for _ in 0..n {
        rows.push(decode_row(r)?);
    }
    let table: Vec<Arc<str>> = (0..r.count()?)
        .map(|_| r.text().map(Arc::from))
        .collect::<Option<_>>()?;
    let n = r.count()?;
    let mut indicators = Vec::with_capacity(n);
    for _ in 0..n {
        indicators.push(decode_indicator(r, &table)?);
    }
    let n = r.count()?;
    let mut by_id = Vec::with_capacity(n);
    for _ in 0..n {
        by_id.push(r.u32()?);
    }
    let by_task = [decode_by_task(r)?, decode_by_task(r)?];
    let parts = Parts {
        groups,
        tasks,
        rows,
        indicators,
    };
    let mut plan = Plan::from_kept(parts, by_id, by_task)?;
    plan.period = period;
    plan.defaults = defaults;
    Some(plan)
}

fn decode_row(r: &mut In<impl Read>) -> Option<Row> {
    let (id, task, title, target) = (r.str()?, r.str()?, r.str()?, r.str()?);
    let leaders = r.strs()?;
    let n = r.count()?;
    let mut owners = Vec::with_capacity(n);
    for _ in 0..n {
        owners.push(Owner {
            unit: r.str()?,
            person: r.str()?,
        });
    }
    Some(Row {
        id,
        task,
        title,
        target,
        leaders,
        owners,
    })
}

fn decode_indicator(r: &mut In<impl Read>, table: &[Arc<str>]) -> Option<Indicator> {
    let texts: Box<str> = r.text()?.into();
    let at = [r.u32()?, r.u32()?];
    let shared = |r: &mut In<_>| -> Option<Option<Arc<str>>> {
        match usize::try_from(r.uint()?).ok()? {
            0 => Some(None),
            k => table.get(k - 1).cloned().map(Some),
        }
    };
    let task = shared(r)??;
    let row = shared(r)??;
    let unit = shared(r)?;
    let fields = NewIndicator {
        id: "",
        task,
        row,
        unit,
        name: "",
        comparison: comparison_of(r.u8()?)?,
        target: r.decimal()?,
        stretch: r.decimal()?,
        better: if bool_of(r.u8()?)? {
            Better::Lower
        } else {
            Better::Higher
        },
        deadline: r.small()?,
        source: "",
        kind: *Kind::ALL.get(usize::from(r.u8()?))?,
    };
    Indicator::from_joined(texts, at, fields)
}

fn bool_of(b: u8) -> Option<bool> {
    match b {
        0 => Some(false),
        1 => Some(true),
        _ => None,
    }
}

const COMPARISONS: [Comparison; 4] = [
    Comparison::AtLeast,
    Comparison::AtMost,
    Comparison::About,
    Comparison::Done,
];

fn comparison_code(c: Comparison) -> u8 {
    COMPARISONS.iter().position(|&x| x == c).unwrap_or(0) as u8
}

fn comparison_of(b: u8) -> Option<Comparison> {
    COMPARISONS.get(usize::from(b)).copied()
}

fn kind_code(k: Kind) -> u8 {
    Kind::ALL.iter().position(|&x| x == k).unwrap_or(0) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn decimals_read_back_with_their_scale_and_garbage_does_not() {
        let mut out = Out::default();
        let ds = [None, Some(Decimal::new(1550, 2)), Some(Decimal::new(-3, 0))];
        for d in ds {
            out.decimal(d);
        }
        out.u8(1);
        out.buf.extend_from_slice(&[0xff; 16]);
        let mut r = In::new(&out.buf[..], out.buf.len() as u64);
        for d in ds {
            let got = r.decimal().unwrap();
            assert_eq!(got, d);
            assert_eq!(got.map(|d| d.to_string()), d.map(|d| d.to_string()));
        }
        assert_eq!(r.decimal(), None);
    }
}
