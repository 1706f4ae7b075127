//! The checkpoint beside the ledger (`actuals.csv.ckpt`): the index's
//! state (each id's last entry per field and per period, the chain breaks)
//! up to a byte offset, with what identifies the file and that prefix. A
//! command reads it and then only the rows after the offset; it is derived,
//! never the source of truth: missing, stale, unreadable, of another
//! version or another file, it is ignored and the ledger read in full. See
//! docs/data.md, "The checkpoint".
//!
//! - Written atomically (a temporary file in the same directory, then a
//!   rename): a reader sees a whole file or none; two writers each rename
//!   a whole file and the last one stays (both describe a prefix of the
//!   ledger, so either is right). A writer killed before its rename
//!   leaves its temporary file: the next write removes it once it is
//!   stale (`stale`: its PID gone and a minute old, or an hour old).
//! - Written when a read parsed at least [`CHECKPOINT_ROWS`] rows of the
//!   ledger itself (a first read of a big ledger, or that many rows
//!   appended since the checkpoint): below that, reading the rows costs
//!   less than writing the file again.
//! - Valid when the ledger is the same file (device and inode), at least
//!   as long as the offset, and its first [`HEAD`] bytes, the 64 bytes
//!   before the offset and all the bytes before the offset (a hash of
//!   them) are as they were. The last is checked only when the ledger's
//!   `stat` is not one already verified ([`seen`]): once after a write by
//!   anything but wudang-plan, whose own appends carry the record over.
//! - Holds no plan data: a checkpoint made while reading with one plan is
//!   right for any other.
//! - Row positions (for history) are not in it: a ledger read from a
//!   checkpoint has them only for the rows after it, and
//!   [`Ledger::load_positions`] reads the file again for the others. An
//!   edit then reads nothing proportional to the ledger's length.

mod format;
pub(super) mod seen;
mod stale;

use crate::vocab::M;
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use super::index::{ChainBreak, Index, Restoring};
use super::progress::Progress;
use super::read::{read_exact_at, read_tail_check};
use super::sys::{self, Snap};
use super::{Encoding, Ledger, with_suffix};
use crate::ledger::columns::Columns;
use crate::ledger::entry::{Entry, Field};
use crate::ledger::error::{LedgerError, Warning};
use format::{Entries, In, MAGIC, Out, VERSION, entry_into, fnv, skip_entry};

/// A read that parsed at least this many rows of the ledger writes a new
/// checkpoint (4,096 rows: about 300 KB of CSV, a few milliseconds to
/// parse; writing the checkpoint costs about as much as its ids).
pub const CHECKPOINT_ROWS: usize = 4096;

/// The first bytes of the ledger whose hash the checkpoint keeps.
const HEAD: u64 = 4096;

/// `actuals.csv` → `actuals.csv.ckpt`.
pub fn checkpoint_path(path: &Path) -> PathBuf {
    with_suffix(path, ".ckpt")
}

pub use seen::seen_path;

/// What identifies the ledger and the prefix a checkpoint describes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Ident {
    dev: u64,
    ino: u64,
    /// The end of the last complete line described.
    offset: u64,
    next_line: u64,
    rows: u64,
    encoding: Encoding,
    /// How many of the first bytes are hashed (`min(offset, HEAD)`).
    head_len: u64,
    head_hash: u64,
    /// The bytes just before `offset` (at most 64).
    tail: Vec<u8>,
    /// The hash of the first `offset` bytes ([`seen::prefix_hash`]):
    /// checked when the ledger's `stat` is not one already verified
    /// ([`seen`]).
    prefix_hash: u64,
}

fn encoding_code(e: Encoding) -> u8 {
    match e {
        Encoding::Utf8 { bom: true } => 0,
        Encoding::Utf8 { bom: false } => 1,
        Encoding::Gb18030 => 2,
    }
}

fn encoding_of(code: u8) -> Option<Encoding> {
    match code {
        0 => Some(Encoding::Utf8 { bom: true }),
        1 => Some(Encoding::Utf8 { bom: false }),
        2 => Some(Encoding::Gb18030),
        _ => None,
    }
}

impl Ledger {
    /// Opens the ledger at `path` as [`Ledger::open`] does, reading the
    /// checkpoint beside it and only the rows after it when it is valid,
    /// and writing a new one when this read parsed many rows
    /// ([`CHECKPOINT_ROWS`]); a checkpoint that cannot be written (a
    /// read-only directory) is not mentioned. `progress` hears how far a
    /// full read is.
    pub fn open_with_checkpoint(
        path: &Path,
        progress: &mut dyn Progress,
    ) -> Result<Ledger, LedgerError> {
        Ledger::open_keeping(path, Keep::All, progress)
    }

    /// Opens the ledger at `path` for an edit of `id` (`set`, `status`,
    /// `note`, `undo` of one id) as [`Ledger::open_with_checkpoint`] does,
    /// keeping only `id`'s state: of a valid checkpoint every other id's
    /// rows are decoded and checked (the whole checkpoint's hash and what
    /// identifies the ledger too, as always) and dropped, nothing kept or
    /// allocated for them; of the rows after it every row is read and
    /// checked, `id`'s state kept. The ledger answers for `id` alone and
    /// writes no checkpoint. When the checkpoint does not apply the ledger
    /// is read in full (the checkpoint written), as without one; when many
    /// rows ([`CHECKPOINT_ROWS`]) follow it, it is read as
    /// [`Ledger::open_with_checkpoint`] reads it, writing a new one.
    pub fn open_for_id(
        path: &Path,
        id: &str,
        progress: &mut dyn Progress,
    ) -> Result<Ledger, LedgerError> {
        Ledger::open_keeping(path, Keep::One(id), progress)
    }

    /// [`Ledger::open_with_checkpoint`] keeping what `keep` says of a
    /// valid checkpoint.
    fn open_keeping(
        path: &Path,
        keep: Keep<'_>,
        progress: &mut dyn Progress,
    ) -> Result<Ledger, LedgerError> {
        let l = match Ledger::restore_keeping(path, keep) {
            Some(mut l) => {
                l.refresh()?;
                if l.torn_bytes() > 0 {
                    l.warnings.push(Warning::TornTail {
                        path: path.to_path_buf(),
                        line: l.next_line,
                        bytes: l.torn_bytes(),
                    });
                }
                l
            }
            None => Ledger::open_unlocked_with(path, progress)?,
        }
        .settle_torn()?;
        if l.index.len() >= CHECKPOINT_ROWS {
            if !l.index.keeps_all() {
                // Of one id: the new checkpoint needs every id's state.
                return Ledger::open_with_checkpoint(path, progress);
            }
            let _ = l.save_checkpoint();
        }
        Ok(l)
    }

    /// True when every row's position is known (history, `count`): always
    /// after [`Ledger::open`], after [`Ledger::open_with_checkpoint`] only
    /// once [`Ledger::load_positions`] ran.
    pub fn has_positions(&self) -> bool {
        self.unindexed == 0
    }

    /// The error of a history asked of a ledger without row positions (a
    /// caller forgot [`Ledger::load_positions`]).
    pub(super) fn no_positions(&self) -> LedgerError {
        LedgerError::Io {
            path: self.path.clone(),
            action: M::DoReadHistory,
            source: io::Error::other(
                "the rows before the checkpoint were not read (load_positions first)",
            ),
        }
    }

    /// Opens and reads the ledger at `path` in full, as [`Ledger::open`]
    /// does, telling `progress` how far the read is.
    pub fn open_with_progress(
        path: &Path,
        progress: &mut dyn Progress,
    ) -> Result<Ledger, LedgerError> {
        Ledger::open_unlocked_with(path, progress)?.settle_torn()
    }

    /// Finds the position of every row before the checkpoint this ledger
    /// was read from (history needs them): the file is read again up to
    /// the same offset, so the rows are the same ones; a file rewritten
    /// meanwhile is read again in full. Nothing to do after a full read.
    pub fn load_positions(&mut self, progress: &mut dyn Progress) -> Result<(), LedgerError> {
        if self.has_positions() {
            return Ok(());
        }
        if let Some(file) = self.file.take() {
            let mut fresh =
                Ledger::read_from_kind(&self.path, &file, self.offset, progress, self.lean)?;
            let tail = read_tail_check(&file, self.offset, &mut fresh.bytes_read);
            if fresh.len() == self.len()
                && fresh.next_line == self.next_line
                && fresh.encoding == self.encoding
                && tail == self.tail_check
            {
                fresh.file = Some(file);
                fresh.snap = self.snap;
                fresh.tail_check = tail;
                fresh.warnings = std::mem::take(&mut self.warnings);
                fresh.bytes_read += self.bytes_read;
                self.replace(fresh);
                return Ok(());
            }
        }
        let read_before = self.bytes_read;
        let again = Ledger::open_with_progress(&self.path.clone(), progress)?;
        self.replace(again);
        self.bytes_read += read_before;
        Ok(())
    }

    /// Writes the checkpoint of what was read so far (atomically: a
    /// temporary file in the ledger's directory, then a rename).
    pub fn save_checkpoint(&self) -> io::Result<()> {
        let (Some(file), Some(snap), Some(columns)) = (&self.file, self.snap, &self.columns) else {
            return Ok(());
        };
        if !self.index.keeps_all() {
            // A lean index holds no state to save (the UI's progress
            // does); an index of one id holds too little.
            return Ok(());
        }
        // The prefix hashed must be the bytes the index was read from:
        // the file as last read (its stat then), or no checkpoint.
        let before = file.metadata()?;
        if Some(Snap::of(&before)) != self.snap {
            return Ok(());
        }
        let mut read = 0;
        let prefix_hash = seen::prefix_hash(file, self.offset, &mut read)
            .ok_or_else(|| io::Error::from(io::ErrorKind::UnexpectedEof))?;
        let head_len = self.offset.min(HEAD);
        let mut head = vec![0u8; head_len as usize];
        read_exact_at(file, &mut head, 0)?;
        let ident = Ident {
            dev: snap.dev,
            ino: snap.ino,
            offset: self.offset,
            next_line: self.next_line,
            rows: self.len() as u64,
            encoding: self.encoding,
            head_len,
            head_hash: fnv(&head),
            tail: self.tail_check.clone(),
            prefix_hash,
        };
        let bytes = encode(&ident, columns, &self.index);
        write_atomically(&self.path, &checkpoint_path(&self.path), &bytes)?;
        seen::write(
            &self.path,
            &seen::Seen {
                offset: self.offset,
                prefix: prefix_hash,
                stat: seen::Stat::of(&before),
            },
        );
        Ok(())
    }

    /// The ledger as the checkpoint beside `path` describes it, with a
    /// handle on the file, when the checkpoint is valid for it (`None`:
    /// read the ledger in full), the kept rows given to `sink` (a lean
    /// ledger's; the index lean). On `None` the sink may have been given
    /// rows already (a checkpoint found cut short or stale after them):
    /// the caller forgets them.
    pub(super) fn restore_into(path: &Path, sink: Sink<'_>) -> Option<Ledger> {
        let keep = match sink {
            Some(f) => Keep::Sink(f),
            None => Keep::All,
        };
        Ledger::restore_keeping(path, keep)
    }

    /// The ledger as the checkpoint beside `path` describes it (see
    /// [`Ledger::restore_into`]), keeping what `keep` says of it.
    fn restore_keeping(path: &Path, keep: Keep<'_>) -> Option<Ledger> {
        let file = File::open(path).ok()?;
        let meta = file.metadata().ok()?;
        let (ident, columns, index, _) = read_checkpoint_of(path, meta.len(), keep)?;
        let now = Snap::of(&meta);
        let mut read = 0;
        let valid = now.dev == ident.dev
            && now.ino == ident.ino
            && meta.is_file()
            && now.len >= ident.offset
            && head_hash(&file, ident.head_len, &mut read) == Some(ident.head_hash)
            && read_tail_check(&file, ident.offset, &mut read) == ident.tail
            && prefix_verified(path, &file, &meta, &ident, &mut read);
        if !valid {
            return None;
        }
        let mut l = Ledger::empty(path);
        l.index = index;
        l.unindexed = ident.rows;
        l.encoding = ident.encoding;
        l.columns = Some(columns);
        l.offset = ident.offset;
        l.next_line = ident.next_line;
        l.tail_check = ident.tail;
        l.bytes_read = read;
        // As long as the offset: `refresh` reads what follows it.
        l.snap = Some(Snap {
            len: ident.offset,
            mtime: (0, 0),
            ..now
        });
        l.file = Some(file);
        Some(l)
    }
}

/// True when the ledger `file` (whose metadata, taken before the
/// checkpoint was read, is `meta`) begins with the prefix `ident`
/// describes: its `stat` is one already verified ([`seen`]), or its first
/// `ident.offset` bytes hash as the checkpoint says (the bytes read added
/// to `read`; the record then written for the next command).
fn prefix_verified(
    path: &Path,
    file: &File,
    meta: &fs::Metadata,
    ident: &Ident,
    read: &mut u64,
) -> bool {
    let stat = seen::Stat::of(meta);
    let record = seen::Seen {
        offset: ident.offset,
        prefix: ident.prefix_hash,
        stat,
    };
    if seen::read(path) == Some(record) {
        return true;
    }
    if seen::prefix_hash(file, ident.offset, read) != Some(ident.prefix_hash) {
        return false;
    }
    seen::write(path, &record);
    true
}

/// The FNV hash of the first `len` bytes of `file` (`None`: unreadable).
fn head_hash(file: &File, len: u64, read: &mut u64) -> Option<u64> {
    let mut head = vec![0u8; usize::try_from(len).ok()?];
    read_exact_at(file, &mut head, 0).ok()?;
    *read += len;
    Some(fnv(&head))
}

/// The checkpoint's bytes.
fn encode(ident: &Ident, columns: &Columns, index: &Index) -> Vec<u8> {
    let mut body = Out::default();
    body.uint(ident.dev);
    body.uint(ident.ino);
    body.uint(ident.offset);
    body.uint(ident.next_line);
    body.uint(ident.rows);
    body.u8(encoding_code(ident.encoding));
    body.uint(ident.head_len);
    body.buf.extend_from_slice(&ident.head_hash.to_le_bytes());
    body.bytes(&ident.tail);
    body.buf.extend_from_slice(&ident.prefix_hash.to_le_bytes());
    let names = columns.names();
    body.uint(names.len() as u64);
    for n in names {
        body.str(n);
    }
    let (breaks, count) = index.breaks();
    body.uint(count as u64);
    body.uint(breaks.len() as u64);
    for b in breaks {
        encode_break(&mut body, b);
    }
    let mut ids = 0u64;
    let mut states = Entries::default();
    for (id, last, periods) in index.export() {
        ids += 1;
        states.out.str(id);
        states.out.uint(periods.len() as u64);
        for e in &periods {
            states.entry(e);
        }
        for e in &last {
            // 0: none; 1: an entry follows; 2 + k: the k-th period's.
            match e.as_ref().and_then(|e| periods.iter().position(|p| p == e)) {
                Some(k) => states.out.uint(2 + k as u64),
                None => match e {
                    Some(e) => {
                        states.out.uint(1);
                        states.entry(e);
                    }
                    None => states.out.uint(0),
                },
            }
        }
    }
    // The users met in the entries come before them.
    body.uint(states.user_list.len() as u64);
    for u in &states.user_list {
        body.str(u);
    }
    body.uint(ids);
    let mut out = MAGIC.to_vec();
    out.extend(VERSION.to_le_bytes());
    out.extend(body.buf);
    out.extend(states.out.buf);
    let sum = fnv(&out);
    out.extend(sum.to_le_bytes());
    out
}

fn encode_break(out: &mut Out, b: &ChainBreak) {
    out.uint(b.line);
    out.str(&b.id);
    out.u8(b.field.index() as u8);
    match &b.old {
        None => out.u8(0),
        Some(v) => {
            out.u8(1);
            out.str(v);
        }
    }
    match &b.before {
        None => out.u8(0),
        Some((line, v)) => {
            out.u8(1);
            out.uint(*line);
            match v {
                None => out.u8(0),
                Some(v) => {
                    out.u8(1);
                    out.str(v);
                }
            }
        }
    }
}

/// Reads a checkpoint of `len` bytes back from `src`, streaming (`None`:
/// not a whole checkpoint of this version); also the most bytes of it
/// held at once.
#[cfg(test)]
fn decode(src: impl Read, len: u64) -> Option<(Ident, Columns, Index, usize)> {
    decode_into(src, len, Keep::All)
}

/// Where the kept rows of a checkpoint go: into the index, or (a lean
/// ledger's) to a function, id by id, the index left lean.
type Sink<'a> = Option<&'a mut dyn FnMut(&Entry)>;

/// What a read of the checkpoint keeps of its rows.
enum Keep<'a> {
    /// Every id's, in the index.
    All,
    /// Every id's, given to a function id by id (a lean ledger's), the
    /// index left lean.
    Sink(&'a mut dyn FnMut(&Entry)),
    /// One id's, in an index of that id ([`Index::one`]); every other
    /// id's rows are read past, checked as the others are, nothing copied
    /// (`format::skip_entry`).
    One(&'a str),
}

/// [`decode`], keeping what `keep` says.
fn decode_into(
    src: impl Read,
    len: u64,
    mut keep: Keep<'_>,
) -> Option<(Ident, Columns, Index, usize)> {
    let mut r = In::new(src, len.checked_sub(8)?);
    if r.take(MAGIC.len())? != MAGIC.as_slice()
        || u32::from_le_bytes(r.take(4)?.try_into().ok()?) != VERSION
    {
        return None;
    }
    let ident = decode_ident(&mut r)?;
    let names: Vec<String> = (0..r.count()?).map(|_| r.str()).collect::<Option<_>>()?;
    let columns = Columns::from_header(&names).ok()?;
    let mut index = match keep {
        Keep::All => Index::default(),
        Keep::Sink(_) => Index::lean(),
        Keep::One(id) => Index::one(id),
    };
    let count = usize::try_from(r.uint()?).ok()?;
    let breaks = (0..r.count()?)
        .map(|_| decode_break(&mut r))
        .collect::<Option<Vec<_>>>()?;
    index.restore_breaks(breaks, count);
    let users: Vec<String> = (0..r.count()?).map(|_| r.str()).collect::<Option<_>>()?;
    let ids = r.count()?;
    // Bounded: a count is never trusted for a huge allocation.
    if let Keep::All = keep {
        index.reserve(ids.min(1 << 20));
    }
    // One entry and one id read into, their buffers reused: nothing is
    // allocated per entry.
    let mut e = Entry {
        line: 0,
        time: crate::ledger::entry::Stamp {
            timestamp: jiff::Timestamp::UNIX_EPOCH,
            offset: jiff::tz::Offset::UTC,
        },
        user: String::new(),
        id: String::new(),
        field: Field::Actual,
        value: None,
        old: None,
        note: None,
        period: None,
    };
    let mut id = String::new();
    for _ in 0..ids {
        decode_id(&mut r, &users, &mut index, (&mut id, &mut e), &mut keep)?;
    }
    let peak = r.peak;
    // The texts' buffer grew by doubling: give back the room it did not use.
    index.shrink();
    r.at_end().then_some((ident, columns, index, peak))
}

fn decode_ident(r: &mut In<impl Read>) -> Option<Ident> {
    Some(Ident {
        dev: r.uint()?,
        ino: r.uint()?,
        offset: r.uint()?,
        next_line: r.uint()?,
        rows: r.uint()?,
        encoding: encoding_of(r.u8()?)?,
        head_len: r.uint()?,
        head_hash: u64::from_le_bytes(r.take(8)?.try_into().ok()?),
        tail: r.bytes()?.to_vec(),
        prefix_hash: u64::from_le_bytes(r.take(8)?.try_into().ok()?),
    })
}

/// One id's rows, read into `id` and `e` (buffers reused) and put into
/// the index, given to the sink, or (another id than the one kept)
/// dropped.
fn decode_id(
    r: &mut In<impl Read>,
    users: &[String],
    index: &mut Index,
    (id, e): (&mut String, &mut Entry),
    keep: &mut Keep<'_>,
) -> Option<()> {
    id.clear();
    id.push_str(r.text()?);
    let n = r.count()?;
    let to_sink = matches!(keep, Keep::Sink(_));
    let to_index = !to_sink && index.keeps(id);
    let mut st = Restoring::with_periods(if to_index { n } else { 0 });
    if to_sink {
        e.id.clear();
        e.id.push_str(id);
    }
    // The next entry read into `e` (true), or another id's checked and
    // skipped, nothing copied (false).
    let next = |r: &mut In<_>, e: &mut Entry| {
        if to_sink || to_index {
            entry_into(r, users, e).map(|()| true)
        } else {
            skip_entry(r, users).map(|()| false)
        }
    };
    let mut put = |e: &Entry, index: &mut Index, st: &mut Restoring| match keep {
        Keep::Sink(f) => f(e),
        _ => index.restore_put(st, e),
    };
    for _ in 0..n {
        if next(r, e)? {
            put(e, index, &mut st);
        }
    }
    // The other fields' last rows (the last actual is the period row
    // with the greatest line): 0 none, 1 an entry, 2 + k the k-th
    // period's.
    for _ in Field::ALL {
        match r.uint()? {
            0 => {}
            1 => {
                if next(r, e)? && e.field != Field::Actual {
                    put(e, index, &mut st);
                }
            }
            k => {
                (usize::try_from(k - 2).ok()? < n).then_some(())?;
            }
        }
    }
    if to_index {
        index.restore_end(id, st);
    }
    Some(())
}

fn decode_break(r: &mut In<impl Read>) -> Option<ChainBreak> {
    let line = r.uint()?;
    let id = r.str()?;
    let field = *Field::ALL.get(usize::from(r.u8()?))?;
    let old = match r.u8()? {
        0 => None,
        _ => Some(r.str()?),
    };
    let before = match r.u8()? {
        0 => None,
        _ => {
            let line = r.uint()?;
            let v = match r.u8()? {
                0 => None,
                _ => Some(r.str()?),
            };
            Some((line, v))
        }
    };
    Some(ChainBreak {
        line,
        id,
        field,
        old,
        before,
    })
}

/// Writes `bytes` to `dest` through a temporary file in its directory and
/// a rename, with the ledger's permission bits and group (colleagues
/// reading the ledger can read its checkpoint).
pub(super) fn write_atomically(ledger: &Path, dest: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match dest.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = dest.file_name().unwrap_or_default().to_string_lossy();
    stale::remove_stale(dir, &name);
    // Unique per process and call: two writers never share a file.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let tmp = dir.join(format!(".{name}.{}.{nanos}.tmp", std::process::id()));
    let res = write_new(ledger, &tmp, bytes).and_then(|()| fs::rename(&tmp, dest));
    if res.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    res
}

fn write_new(ledger: &Path, tmp: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(tmp)?;
    if let Ok(meta) = fs::metadata(ledger) {
        let _ = sys::set_mode(&f, sys::mode(&meta));
        sys::set_group(&f, &meta);
    }
    // Not synced: see docs/data.md, "The checkpoint" (a checkpoint a
    // crash cut short fails its hash and is rebuilt).
    f.write_all(bytes)
}

/// The most bytes a checkpoint of a ledger of `ledger_len` bytes can
/// hold: its entries come from the ledger's rows and take fewer bytes
/// than they do as CSV (4× and 1 MiB of room for the tables).
fn max_len(ledger_len: u64) -> u64 {
    ledger_len.saturating_mul(4).saturating_add(1 << 20)
}

/// What the checkpoint beside `path` (a ledger of `ledger_len` bytes)
/// holds, streamed from it, and the most bytes of it held at once, when it
/// is a regular file of at most [`max_len`] bytes and a whole checkpoint.
/// Opened without blocking, so a FIFO or a device someone put in its place
/// is skipped, never waited on or read without end.
fn read_checkpoint_of(
    path: &Path,
    ledger_len: u64,
    keep: Keep<'_>,
) -> Option<(Ident, Columns, Index, usize)> {
    let f = sys::open_nonblocking(&checkpoint_path(path)).ok()?;
    let meta = f.metadata().ok()?;
    if !meta.is_file() || meta.len() > max_len(ledger_len) {
        return None;
    }
    decode_into(f, meta.len(), keep)
}

/// Reads the checkpoint beside `path` without a ledger (tests: what it
/// holds).
#[cfg(test)]
fn read_checkpoint(path: &Path) -> Option<(Ident, Columns, Index)> {
    let raw = fs::read(checkpoint_path(path)).ok()?;
    decode(&raw[..], raw.len() as u64).map(|(i, c, x, _)| (i, c, x))
}

#[cfg(test)]
mod tests;
