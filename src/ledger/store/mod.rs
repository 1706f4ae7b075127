//! The ledger file: reading (with encoding detection and torn-line
//! handling), the in-memory index of current values, appending under a
//! lock with optimistic concurrency, cheap refresh, history and conversion
//! to UTF-8. See docs/data.md, "Ledger".
//!
//! Scale: opening streams the file once; the index keeps the current entry
//! per (id, field) and, per row, only its byte position. History reads rows
//! back from the file by position. Appending reads only the bytes added
//! since the last read.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use super::change::{self, Appended};
use super::entry::{
    self, Columns, Entry, Field, Stamp, check_id, check_text, check_value, same_value,
};
use super::error::{LedgerError, LineProblem, Warning};
use super::status::{Actual, TaskState};

/// The UTF-8 byte order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How many bad lines an error lists before "… and N more".
const MAX_PROBLEMS: usize = 20;

/// Bytes compared before the read offset to notice a file rewritten in
/// place (same inode, different content).
const TAIL_CHECK: u64 = 64;

/// The text encoding of a ledger file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8 {
        bom: bool,
    },
    /// Saved by Excel/WPS on Chinese Windows. Read, never appended to.
    Gb18030,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 { bom: true } => "UTF-8 with BOM",
            Encoding::Utf8 { bom: false } => "UTF-8 without BOM",
            Encoding::Gb18030 => "GB18030",
        }
    }
}

/// What an editor saw before its change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// Record unconditionally (`set` without `--expect`).
    Any,
    /// Record only if the current value is this (`None`: nothing recorded).
    Value(Option<String>),
}

/// A change to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub id: String,
    pub field: Field,
    /// The new value in ledger form (see [`Actual::to_ledger`]); `None`
    /// clears it.
    pub value: Option<String>,
    pub note: Option<String>,
    pub user: String,
    pub time: Stamp,
    pub expect: Expect,
}

/// What [`Ledger::refresh`] found.
#[derive(Debug, Default)]
pub struct Refreshed {
    /// Rows appended by others since the last read, file order.
    pub new: Vec<Entry>,
    /// The file was replaced or rewritten and read again from the start:
    /// everything may have changed.
    pub reloaded: bool,
}

/// What [`Ledger::undo`] did.
#[derive(Debug, Clone)]
pub struct Undone {
    /// The row appended.
    pub entry: Entry,
    /// The row whose change it reverts.
    pub reverted: Entry,
}

/// What [`super::convert::convert`] did.
#[derive(Debug)]
pub enum Converted {
    /// The file already is UTF-8 with a BOM; nothing was written.
    AlreadyUtf8,
    Done {
        from: Encoding,
        rows: usize,
        backup: PathBuf,
        warnings: Vec<Warning>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Snap {
    dev: u64,
    ino: u64,
    len: u64,
    mtime: (i64, i64),
}

/// Where a row is: its first byte and its line.
#[derive(Debug, Clone, Copy)]
struct RowPos {
    start: u64,
    line: u64,
}

#[derive(Debug, Default)]
struct IdState {
    /// The last entry per field, indexed by [`Field::index`].
    current: [Option<Entry>; 3],
    /// Indexes into [`Index::rows`], file order.
    rows: Vec<u32>,
}

#[derive(Debug, Default)]
struct Index {
    rows: Vec<RowPos>,
    ids: HashMap<String, IdState>,
    /// Rows whose `old` is not the value before them (first few).
    breaks: Vec<ChainBreak>,
    /// How many breaks in all.
    break_count: usize,
}

/// A row whose `old` (the value its author saw) is not the value the row
/// before it for the same id and field recorded. wudang-plan never writes
/// such a row; it means rows were edited, deleted or reordered by another
/// program (a spreadsheet turning id `0.10` into `0.1`, say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainBreak {
    pub line: u64,
    pub id: String,
    pub field: Field,
    /// The row's `old`.
    pub old: Option<String>,
    /// The row before for the same id and field (line, value), if any.
    pub before: Option<(u64, Option<String>)>,
}

impl std::fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = |v: &Option<String>| match v {
            Some(v) => format!("`{}`", crate::text::visible(v)),
            None => "empty".to_string(),
        };
        match &self.before {
            Some((line, value)) => write!(
                f,
                "{} {}: old is {} but line {line} recorded {}",
                self.id,
                self.field,
                shown(&self.old),
                shown(value)
            ),
            None => write!(
                f,
                "{} {}: old is {} but no earlier row records a value",
                self.id,
                self.field,
                shown(&self.old)
            ),
        }
    }
}

impl Index {
    fn apply(&mut self, pos: RowPos, e: Entry) {
        let idx = u32::try_from(self.rows.len()).unwrap_or(u32::MAX);
        self.rows.push(pos);
        let fi = e.field.index();
        let before = self.ids.get(&e.id).and_then(|st| st.current[fi].as_ref());
        let prev = before.and_then(|b| b.value.as_deref());
        if !same_value(e.field, e.old.as_deref(), prev) {
            self.break_count += 1;
            if self.breaks.len() < MAX_PROBLEMS {
                self.breaks.push(ChainBreak {
                    line: e.line,
                    id: e.id.clone(),
                    field: e.field,
                    old: e.old.clone(),
                    before: before.map(|b| (b.line, b.value.clone())),
                });
            }
        }
        if let Some(st) = self.ids.get_mut(&e.id) {
            st.rows.push(idx);
            st.current[fi] = Some(e);
        } else {
            let mut st = IdState::default();
            st.rows.push(idx);
            let id = e.id.clone();
            st.current[fi] = Some(e);
            self.ids.insert(id, st);
        }
    }
}

/// The ledger: an append-only CSV of changes and the current state built
/// from it (the last row per id and field).
#[derive(Debug)]
pub struct Ledger {
    path: PathBuf,
    /// A read handle on the file the index describes (`None`: no file).
    file: Option<File>,
    snap: Option<Snap>,
    pub(super) encoding: Encoding,
    pub(super) columns: Option<Columns>,
    /// End of the last complete line read.
    pub(super) offset: u64,
    /// The line number of the line starting at `offset`.
    pub(super) next_line: u64,
    index: Index,
    warnings: Vec<Warning>,
    /// The bytes just before `offset`, to notice a rewrite in place.
    tail_check: Vec<u8>,
    bytes_read: u64,
}

/// `actuals.csv` → `actuals.csv.lock`, the file locked while appending.
pub fn lock_path(path: &Path) -> PathBuf {
    with_suffix(path, ".lock")
}

/// `actuals.csv` → `actuals.csv.torn`, where cut-short lines are moved.
pub fn torn_path(path: &Path) -> PathBuf {
    with_suffix(path, ".torn")
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

pub(super) fn io_err<'p>(
    path: &'p Path,
    action: &'static str,
) -> impl FnOnce(io::Error) -> LedgerError + 'p {
    move |source| LedgerError::Io {
        path: path.to_path_buf(),
        action,
        source,
    }
}

// ---- platform shims -------------------------------------------------------

#[cfg(unix)]
pub(super) mod sys {
    use std::fs::{File, Metadata, Permissions};
    use std::io;
    use std::os::unix::fs::{FileExt, MetadataExt, PermissionsExt};

    pub fn read_at(f: &File, buf: &mut [u8], at: u64) -> io::Result<usize> {
        f.read_at(buf, at)
    }
    pub fn ident(m: &Metadata) -> (u64, u64, (i64, i64)) {
        (m.dev(), m.ino(), (m.mtime(), m.mtime_nsec()))
    }
    pub fn mode(m: &Metadata) -> u32 {
        m.mode() & 0o7777
    }
    pub fn set_mode(f: &File, mode: u32) -> io::Result<()> {
        f.set_permissions(Permissions::from_mode(mode))
    }
    /// Best effort: keep the group so colleagues keep access.
    pub fn set_group(f: &File, m: &Metadata) {
        let _ = std::os::unix::fs::fchown(f, None, Some(m.gid()));
    }
    /// Makes a new directory entry durable.
    pub fn sync_dir(dir: &std::path::Path) -> io::Result<()> {
        File::open(dir)?.sync_all()
    }
}

#[cfg(not(unix))]
pub(super) mod sys {
    use std::fs::{File, Metadata};
    use std::io::{self, Read, Seek, SeekFrom};

    pub fn read_at(f: &File, buf: &mut [u8], at: u64) -> io::Result<usize> {
        let mut f = f;
        f.seek(SeekFrom::Start(at))?;
        f.read(buf)
    }
    pub fn ident(m: &Metadata) -> (u64, u64, (i64, i64)) {
        let t = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| (d.as_secs() as i64, i64::from(d.subsec_nanos())))
            .unwrap_or((0, 0));
        (0, 0, t)
    }
    pub fn mode(_: &Metadata) -> u32 {
        0o644
    }
    pub fn set_mode(_: &File, _: u32) -> io::Result<()> {
        Ok(())
    }
    pub fn set_group(_: &File, _: &Metadata) {}
    pub fn sync_dir(_: &std::path::Path) -> io::Result<()> {
        Ok(())
    }
}

/// Where a ledger's bytes are read from: the file itself, or (for
/// `convert`) the bytes already read from it, so that everything is
/// derived from one read.
pub(super) trait Source {
    fn read_at(&self, buf: &mut [u8], at: u64) -> io::Result<usize>;
}

impl Source for File {
    fn read_at(&self, buf: &mut [u8], at: u64) -> io::Result<usize> {
        sys::read_at(self, buf, at)
    }
}

impl Source for [u8] {
    fn read_at(&self, buf: &mut [u8], at: u64) -> io::Result<usize> {
        let at = usize::try_from(at).unwrap_or(usize::MAX).min(self.len());
        let n = buf.len().min(self.len() - at);
        buf[..n].copy_from_slice(&self[at..at + n]);
        Ok(n)
    }
}

fn snap_of(m: &fs::Metadata) -> Snap {
    let (dev, ino, mtime) = sys::ident(m);
    Snap {
        dev,
        ino,
        len: m.len(),
        mtime,
    }
}

fn read_exact_at<S: Source + ?Sized>(f: &S, buf: &mut [u8], mut at: u64) -> io::Result<()> {
    let mut done = 0;
    while done < buf.len() {
        match f.read_at(&mut buf[done..], at) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                done += n;
                at += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Reads `[start, end)` of a file through positioned reads, counting line
/// breaks and bytes.
struct AtReader<'a, S: ?Sized> {
    file: &'a S,
    pos: u64,
    end: u64,
    newlines: u64,
    bytes: u64,
}

impl<S: Source + ?Sized> Read for AtReader<'_, S> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let want = (self.end - self.pos).min(buf.len() as u64) as usize;
        if want == 0 {
            return Ok(0);
        }
        let n = self.file.read_at(&mut buf[..want], self.pos)?;
        self.pos += n as u64;
        self.bytes += n as u64;
        self.newlines += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
        Ok(n)
    }
}

/// The end of the last complete line in the first `len` bytes (0 if none).
/// Reads backwards, 4 KiB first, then larger chunks.
fn complete_end<S: Source + ?Sized>(f: &S, len: u64, read: &mut u64) -> io::Result<u64> {
    let mut chunk: u64 = 4 * 1024;
    let mut end = len;
    let mut buf = Vec::new();
    while end > 0 {
        let start = end.saturating_sub(chunk);
        buf.resize((end - start) as usize, 0);
        read_exact_at(f, &mut buf, start)?;
        *read += buf.len() as u64;
        if let Some(i) = buf.iter().rposition(|&b| b == b'\n') {
            return Ok(start + i as u64 + 1);
        }
        end = start;
        chunk = (chunk * 4).min(1024 * 1024);
    }
    Ok(0)
}

/// Why parsing stopped.
enum Stop {
    /// A field is not valid in the encoding tried.
    Encoding {
        line: u64,
    },
    Problems(Vec<LineProblem>, usize),
    Io(io::Error),
}

/// Decodes a record's fields. Records end at LF only (so that positions
/// and line numbers are exact); the CR of a CRLF is removed from the last
/// field here.
fn decode(rec: &csv::ByteRecord, enc: Encoding) -> Option<Vec<Cow<'_, str>>> {
    let last = rec.len().saturating_sub(1);
    rec.iter()
        .enumerate()
        .map(|(i, f)| {
            if i == last {
                f.strip_suffix(b"\r").unwrap_or(f)
            } else {
                f
            }
        })
        .map(|f| match enc {
            Encoding::Utf8 { .. } => std::str::from_utf8(f).ok().map(Cow::Borrowed),
            Encoding::Gb18030 => {
                encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(f)
            }
        })
        .collect()
}

/// Parses CSV from `reader` (bytes starting at file offset `base`, line
/// `base_line`). The first non-blank record is the header when `columns`
/// is `None`. `out` gets each row, its position and how many fields it has.
fn parse<R: Read>(
    reader: R,
    base: u64,
    base_line: u64,
    enc: Encoding,
    columns: &mut Option<Columns>,
    out: &mut dyn FnMut(RowPos, Entry, usize),
) -> Result<(), Stop> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .buffer_capacity(64 * 1024)
        .from_reader(reader);
    let mut rec = csv::ByteRecord::new();
    let mut problems = Vec::new();
    let mut more = 0;
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e
                    .position()
                    .map(|p| base_line + p.line() - 1)
                    .unwrap_or(base_line);
                return match e.into_kind() {
                    csv::ErrorKind::Io(e) => Err(Stop::Io(e)),
                    other => Err(Stop::Problems(
                        vec![LineProblem {
                            line,
                            message: format!("{other:?}"),
                        }],
                        0,
                    )),
                };
            }
        }
        // The record's own position may point at blank lines before it;
        // its line is counted back from where it ended (just past its LF).
        let byte = rec.position().map_or(0, |p| p.byte());
        let inside: u64 = rec
            .iter()
            .map(|f| f.iter().filter(|&&b| b == b'\n').count() as u64)
            .sum();
        let line = (base_line + rdr.position().line())
            .saturating_sub(2 + inside)
            .max(base_line);
        let fields = decode(&rec, enc).ok_or(Stop::Encoding { line })?;
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let Some(cols) = columns.as_ref() else {
            match Columns::from_header(&fields) {
                Ok(c) => *columns = Some(c),
                Err(message) => {
                    return Err(Stop::Problems(vec![LineProblem { line, message }], 0));
                }
            }
            continue;
        };
        match cols.entry(&fields, line) {
            Ok(e) => out(
                RowPos {
                    start: base + byte,
                    line,
                },
                e,
                fields.len(),
            ),
            Err(message) => {
                if problems.len() < MAX_PROBLEMS {
                    problems.push(LineProblem { line, message });
                } else {
                    more += 1;
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Stop::Problems(problems, more))
    }
}

impl Ledger {
    fn empty(path: &Path) -> Ledger {
        Ledger {
            path: path.to_path_buf(),
            file: None,
            snap: None,
            encoding: Encoding::Utf8 { bom: true },
            columns: None,
            offset: 0,
            next_line: 1,
            index: Index::default(),
            warnings: Vec::new(),
            tail_check: Vec::new(),
            bytes_read: 0,
        }
    }

    /// Opens and reads the ledger at `path`. A missing file is an empty
    /// ledger (created on the first edit). Rows that don't parse are
    /// reported with file:line; a cut-short last line is ignored with a
    /// warning ([`Ledger::warnings`]).
    pub fn open(path: &Path) -> Result<Ledger, LedgerError> {
        let mut l = Ledger::open_unlocked(path)?;
        if l.torn_bytes() > 0 {
            // A last line without a line break is either being written
            // right now or was cut short. Writers hold the lock while they
            // write: look again holding it (shared) if we can.
            if let Ok(lock) = File::open(lock_path(path))
                && lock.lock_shared().is_ok()
            {
                let res = l.refresh();
                let _ = lock.unlock();
                res?;
                l.warnings.clear();
                if l.torn_bytes() > 0 {
                    l.warnings.push(Warning::TornTail {
                        path: path.to_path_buf(),
                        line: l.next_line,
                        bytes: l.torn_bytes(),
                    });
                }
            }
        }
        Ok(l)
    }

    fn open_unlocked(path: &Path) -> Result<Ledger, LedgerError> {
        match File::open(path) {
            Ok(f) => Ledger::load(path, f),
            Err(e) if e.kind() == io::ErrorKind::NotFound => match dangling(path) {
                Some(err) => Err(err),
                None => Ok(Ledger::empty(path)),
            },
            Err(e) => Err(io_err(path, "open the ledger")(e)),
        }
    }

    /// Reads the whole file from `file` (a handle on `path`).
    fn load(path: &Path, file: File) -> Result<Ledger, LedgerError> {
        let meta = file.metadata().map_err(io_err(path, "read the ledger"))?;
        if meta.is_dir() {
            return Err(LedgerError::Io {
                path: path.to_path_buf(),
                action: "read the ledger",
                source: io::Error::other("it is a directory; expected a CSV file"),
            });
        }
        let mut l = Ledger::read_from(path, &file, meta.len())?;
        l.tail_check = read_tail_check(&file, l.offset, &mut l.bytes_read);
        l.snap = Some(snap_of(&meta));
        l.file = Some(file);
        Ok(l)
    }

    /// Reads the first `len` bytes of `file` (the ledger at `path`): the
    /// index, encoding, columns, read offset and warnings; no file handle.
    pub(super) fn read_from<S: Source + ?Sized>(
        path: &Path,
        file: &S,
        len: u64,
    ) -> Result<Ledger, LedgerError> {
        let mut l = Ledger::empty(path);
        let mut head = [0u8; 3];
        let bom = len >= 3 && read_exact_at(file, &mut head, 0).is_ok() && head == BOM;
        let base = if bom { 3 } else { 0 };
        // A file holding only a BOM (an editor's "empty" UTF-8 file) has
        // no line yet, and nothing cut short.
        let complete = complete_end(file, len, &mut l.bytes_read)
            .map_err(io_err(path, "read the ledger"))?
            .max(base);
        let tries: &[Encoding] = if bom {
            &[Encoding::Utf8 { bom: true }]
        } else {
            &[Encoding::Utf8 { bom: false }, Encoding::Gb18030]
        };
        let mut utf8_line = None;
        for &enc in tries {
            l.index = Index::default();
            l.columns = None;
            let mut reader = AtReader {
                file,
                pos: base,
                end: complete,
                newlines: 0,
                bytes: 0,
            };
            let mut index = Index::default();
            let res = parse(&mut reader, base, 1, enc, &mut l.columns, &mut |p, e, _| {
                index.apply(p, e)
            });
            l.bytes_read += reader.bytes;
            match res {
                Ok(()) => {
                    l.index = index;
                    l.encoding = enc;
                    l.offset = complete;
                    l.next_line = 1 + reader.newlines;
                    break;
                }
                Err(Stop::Encoding { line }) => {
                    if enc == (Encoding::Utf8 { bom: false }) {
                        utf8_line = Some(line);
                        continue;
                    }
                    let message = match utf8_line {
                        Some(u) => format!(
                            "neither UTF-8 (invalid from line {u}) nor GB18030 (invalid here); \
                             expected a CSV file saved as UTF-8 or by Excel/WPS as GB18030"
                        ),
                        None => "not valid UTF-8 although the file starts with a UTF-8 BOM; \
                                 expected UTF-8 text"
                            .into(),
                    };
                    return Err(LedgerError::Malformed {
                        path: path.to_path_buf(),
                        problems: vec![LineProblem { line, message }],
                        more: 0,
                    });
                }
                Err(Stop::Problems(problems, more)) => {
                    return Err(LedgerError::Malformed {
                        path: path.to_path_buf(),
                        problems,
                        more,
                    });
                }
                Err(Stop::Io(e)) => return Err(io_err(path, "read the ledger")(e)),
            }
        }
        if len > l.offset {
            l.warnings.push(Warning::TornTail {
                path: path.to_path_buf(),
                line: l.next_line,
                bytes: len - l.offset,
            });
        }
        Ok(l)
    }

    // ---- queries ----------------------------------------------------------

    /// The ledger file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when the file exists (it is created on the first edit).
    pub fn exists(&self) -> bool {
        self.file.is_some()
    }

    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// Warnings from the last read (a cut-short last line) or append (a
    /// line moved aside).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// Number of rows (changes) read.
    pub fn len(&self) -> usize {
        self.index.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.rows.is_empty()
    }

    /// Bytes read from the file since it was opened: lets tests check
    /// that an append reads only what is new.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// Size of a cut-short last line not read (0 if none).
    pub fn torn_bytes(&self) -> u64 {
        match self.snap {
            Some(s) if s.len > self.offset => s.len - self.offset,
            _ => 0,
        }
    }

    /// Rows whose `old` is not the value recorded before them (at most
    /// 20), and how many there are in all: signs of edits made outside
    /// wudang-plan. `ledger check` reports them.
    pub fn chain_breaks(&self) -> (&[ChainBreak], usize) {
        (&self.index.breaks, self.index.break_count)
    }

    /// False while the file has no header yet (missing, empty, or only a
    /// BOM): the header is written with the first edit.
    pub fn has_header(&self) -> bool {
        self.columns.is_some()
    }

    /// How many columns the header has (0 without a header).
    pub(super) fn header_width(&self) -> usize {
        self.columns.as_ref().map_or(0, Columns::width)
    }

    /// Reads every row again, in file order, with its number of fields
    /// (`ledger check`). One pass, streamed: memory does not grow with the
    /// file.
    pub(super) fn scan(&self, f: &mut dyn FnMut(Entry, usize)) -> Result<(), LedgerError> {
        let (Some(file), Some(first)) = (&self.file, self.index.rows.first()) else {
            return Ok(());
        };
        let mut reader = AtReader {
            file,
            pos: first.start,
            end: self.offset,
            newlines: 0,
            bytes: 0,
        };
        let mut cols = self.columns.clone();
        let res = parse(
            &mut reader,
            first.start,
            first.line,
            self.encoding,
            &mut cols,
            &mut |_, e, n| f(e, n),
        );
        match res {
            Ok(()) => Ok(()),
            Err(Stop::Io(e)) => Err(io_err(&self.path, "read the ledger")(e)),
            Err(_) => Err(LedgerError::Io {
                path: self.path.clone(),
                action: "check the ledger",
                source: io::Error::other("the file changed while reading; run the command again"),
            }),
        }
    }

    /// Every id with at least one row.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.index.ids.keys().map(String::as_str)
    }

    /// The last row recorded for `id` and `field`.
    pub fn current(&self, id: &str, field: Field) -> Option<&Entry> {
        self.index.ids.get(id)?.current[field.index()].as_ref()
    }

    /// The current value of `id` and `field` (`None`: nothing or cleared).
    pub fn value(&self, id: &str, field: Field) -> Option<&str> {
        self.current(id, field)?.value.as_deref()
    }

    /// The current actual of an indicator.
    pub fn actual(&self, id: &str) -> Option<Actual> {
        self.current(id, Field::Actual)?.actual()
    }

    /// The current status of a task as recorded (`None`: never set).
    pub fn task_state(&self, id: &str) -> Option<TaskState> {
        self.current(id, Field::Status)?.task_state()
    }

    /// The current note of an indicator or task.
    pub fn note(&self, id: &str) -> Option<&str> {
        self.value(id, Field::Note)
    }

    /// The most recent row for `id`, any field.
    pub fn latest(&self, id: &str) -> Option<&Entry> {
        self.index
            .ids
            .get(id)?
            .current
            .iter()
            .flatten()
            .max_by_key(|e| e.line)
    }

    /// Number of rows recorded for `id`.
    pub fn count(&self, id: &str) -> usize {
        self.index.ids.get(id).map_or(0, |s| s.rows.len())
    }

    /// The changes, newest first: of `id`, or of everything. Rows are read
    /// back from the file in batches; take what you need
    /// (`.take(limit)`).
    pub fn history(&self, id: Option<&str>) -> History<'_> {
        let order = match id {
            None => Order::All(self.index.rows.len()),
            Some(id) => Order::Of(
                self.index
                    .ids
                    .get(id)
                    .map(|s| s.rows.as_slice())
                    .unwrap_or(&[]),
            ),
        };
        History {
            ledger: self,
            order,
            done: 0,
            buf: Vec::new(),
        }
    }

    /// The end of row `i`: the start of the next row, or the read offset.
    fn row_end(&self, i: usize) -> u64 {
        self.index.rows.get(i + 1).map_or(self.offset, |p| p.start)
    }

    /// Reads rows `lo..=hi` back from the file.
    fn read_rows(&self, lo: usize, hi: usize) -> Result<Vec<Entry>, LedgerError> {
        let changed = || LedgerError::Io {
            path: self.path.clone(),
            action: "read the ledger's history",
            source: io::Error::other("the file changed while reading; run the command again"),
        };
        let Some(file) = &self.file else {
            return Err(changed());
        };
        let start = self.index.rows[lo].start;
        let end = self.row_end(hi);
        let mut reader = AtReader {
            file,
            pos: start,
            end,
            newlines: 0,
            bytes: 0,
        };
        let mut cols = self.columns.clone();
        let mut out = Vec::with_capacity(hi - lo + 1);
        let res = parse(
            &mut reader,
            start,
            self.index.rows[lo].line,
            self.encoding,
            &mut cols,
            &mut |_, e, _| out.push(e),
        );
        match res {
            Ok(()) if out.len() == hi - lo + 1 => Ok(out),
            Err(Stop::Io(e)) => Err(io_err(&self.path, "read the ledger's history")(e)),
            _ => Err(changed()),
        }
    }

    // ---- writing ----------------------------------------------------------

    /// Records `edit`: under the lock, reads what others appended since
    /// the last read, decides ([`change::decide`]: nothing when the value
    /// is already the edit's, a conflict when it is not the value the
    /// editor expected), appends one line with one write and `sync_data`.
    /// A recorded entry is durable.
    pub fn append(&mut self, edit: Edit) -> Result<Appended, LedgerError> {
        let edit = checked(edit)?;
        let row = self.write_locked(|l| change::decide(&edit, l.current(&edit.id, edit.field)))?;
        Ok(match row {
            Some(e) => Appended::Recorded(e),
            None => Appended::Unchanged(self.current(&edit.id, edit.field).cloned()),
        })
    }

    /// Reverts the latest change of `id` (of `field`, or of any field) by
    /// appending a row that restores the value before it, if the value is
    /// still the one `expect` says the undoer saw (checked under the lock;
    /// a [`LedgerError::Conflict`] otherwise). Running it again reverts the
    /// revert. History is never rewritten.
    pub fn undo(
        &mut self,
        id: &str,
        field: Option<Field>,
        expect: &Expect,
        user: &str,
        time: Stamp,
        note: Option<String>,
    ) -> Result<Undone, LedgerError> {
        check_id(id).map_err(LedgerError::InvalidEdit)?;
        let user = checked_user(user)?;
        let note = checked_note(note)?;
        let mut reverted = None;
        let entry = self.write_locked(|l| {
            let last = match field {
                Some(f) => l.current(id, f),
                None => l.latest(id),
            }
            .ok_or_else(|| LedgerError::NothingToUndo {
                id: id.to_string(),
                what: field,
            })?;
            reverted = Some(last.clone());
            change::decide_undo(last, expect, &user, time, note).map(Some)
        })?;
        match (entry, reverted) {
            (Some(entry), Some(reverted)) => Ok(Undone { entry, reverted }),
            _ => Err(LedgerError::NothingToUndo {
                id: id.to_string(),
                what: field,
            }),
        }
    }

    /// The read-check-append step, under the lock.
    fn write_locked<F>(&mut self, decide: F) -> Result<Option<Entry>, LedgerError>
    where
        F: FnOnce(&Ledger) -> Result<Option<Entry>, LedgerError>,
    {
        let path = self.path.clone();
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            fs::create_dir_all(dir).map_err(io_err(dir, "create the ledger's directory"))?;
        }
        let lock = open_lock(&path)?;
        lock.lock().map_err(io_err(&path, "lock the ledger"))?;
        let res = self.write_under_lock(&path, decide);
        let _ = lock.unlock();
        res
    }

    fn write_under_lock<F>(&mut self, path: &Path, decide: F) -> Result<Option<Entry>, LedgerError>
    where
        F: FnOnce(&Ledger) -> Result<Option<Entry>, LedgerError>,
    {
        let file = match OpenOptions::new().read(true).append(true).open(path) {
            Ok(f) => Some(f),
            Err(e) if e.kind() == io::ErrorKind::NotFound => match dangling(path) {
                Some(err) => return Err(err),
                None => None,
            },
            Err(e) => return Err(io_err(path, "open the ledger for writing")(e)),
        };
        let mut len = 0;
        match &file {
            Some(f) => {
                let meta = f.metadata().map_err(io_err(path, "read the ledger"))?;
                self.catch_up(path, f, &meta)?;
                len = meta.len();
            }
            None => {
                if self.file.is_some() || !self.is_empty() {
                    // Someone removed the ledger since we read it.
                    *self = Ledger::empty(path);
                }
            }
        }
        if self.encoding == Encoding::Gb18030 {
            return Err(LedgerError::NeedsConversion {
                path: path.to_path_buf(),
            });
        }
        self.warnings.clear();
        if let Some(f) = &file
            && len > self.offset
        {
            // Under the lock nobody is writing: this line was cut short.
            let w = move_aside(path, f, self.offset, len, self.next_line)?;
            self.warnings.push(w);
            len = self.offset;
        }
        let Some(mut entry) = decide(self)? else {
            return Ok(None);
        };
        let mut buf = Vec::with_capacity(256);
        let mut header_lines = 0;
        if self.columns.is_none() {
            if len == 0 {
                buf.extend_from_slice(BOM);
                self.encoding = Encoding::Utf8 { bom: true };
            }
            buf.extend_from_slice(&entry::header_line());
            header_lines = 1;
        }
        entry.line = self.next_line + header_lines;
        let existed = file.is_some();
        let file = match file {
            Some(f) => f,
            None => OpenOptions::new()
                .read(true)
                .append(true)
                .create_new(true)
                .open(path)
                .map_err(io_err(path, "create the ledger"))?,
        };
        let row_start = len + buf.len() as u64;
        buf.extend_from_slice(&entry::entry_line(&entry));
        let written = (&file).write_all(&buf).and_then(|()| file.sync_data());
        if let Err(e) = written {
            // Not acknowledged: take back whatever part was written.
            let _ = file.set_len(len);
            let _ = file.sync_data();
            return Err(io_err(path, "write to the ledger")(e));
        }
        if !existed && let Some(dir) = path.parent() {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            let _ = sys::sync_dir(dir);
        }
        if header_lines > 0 {
            self.columns = Some(Columns::standard());
        }
        self.index.apply(
            RowPos {
                start: row_start,
                line: entry.line,
            },
            entry.clone(),
        );
        self.offset = len + buf.len() as u64;
        self.next_line += buf.iter().filter(|&&b| b == b'\n').count() as u64;
        self.push_tail_check(&buf);
        if let Ok(m) = file.metadata() {
            self.snap = Some(snap_of(&m));
        }
        self.file = Some(file);
        Ok(Some(entry))
    }

    /// Brings the index up to date with `file` (held under the lock):
    /// reads only the new tail, or everything again when the file was
    /// replaced or rewritten.
    fn catch_up(
        &mut self,
        path: &Path,
        file: &File,
        meta: &fs::Metadata,
    ) -> Result<(), LedgerError> {
        let now = snap_of(meta);
        let same_file = self
            .snap
            .is_some_and(|s| s.dev == now.dev && s.ino == now.ino);
        let intact = same_file
            && now.len >= self.offset
            && self.columns.is_some()
            && read_tail_check(file, self.offset, &mut self.bytes_read) == self.tail_check;
        if intact {
            self.read_tail(file, now.len)?;
            self.snap = Some(now);
            return Ok(());
        }
        if now.len == 0 && self.is_empty() {
            self.snap = Some(now);
            self.offset = 0;
            self.next_line = 1;
            self.columns = None;
            self.tail_check.clear();
            return Ok(());
        }
        let handle = file.try_clone().map_err(io_err(path, "read the ledger"))?;
        let read_before = self.bytes_read;
        let fresh = Ledger::load(path, handle)?;
        *self = fresh;
        self.bytes_read += read_before;
        Ok(())
    }

    /// Reads the complete lines appended after `offset`, up to `len`.
    fn read_tail(&mut self, file: &File, len: u64) -> Result<Vec<Entry>, LedgerError> {
        if len <= self.offset {
            return Ok(Vec::new());
        }
        let mut buf = vec![0u8; (len - self.offset) as usize];
        read_exact_at(file, &mut buf, self.offset)
            .map_err(io_err(&self.path, "read the ledger"))?;
        self.bytes_read += buf.len() as u64;
        let complete = match buf.iter().rposition(|&b| b == b'\n') {
            Some(i) => i + 1,
            None => return Ok(Vec::new()),
        };
        let part = &buf[..complete];
        let mut rows = Vec::new();
        let mut cols = self.columns.clone();
        let res = parse(
            part,
            self.offset,
            self.next_line,
            self.encoding,
            &mut cols,
            &mut |p, e, _| rows.push((p, e)),
        );
        match res {
            Ok(()) => {}
            Err(Stop::Encoding { line }) => {
                return Err(LedgerError::Malformed {
                    path: self.path.clone(),
                    problems: vec![LineProblem {
                        line,
                        message: format!(
                            "not valid {} like the rest of the file; expected rows written by \
                             wudang-plan (another program appended in another encoding?)",
                            if self.encoding == Encoding::Gb18030 {
                                "GB18030"
                            } else {
                                "UTF-8"
                            }
                        ),
                    }],
                    more: 0,
                });
            }
            Err(Stop::Problems(problems, more)) => {
                return Err(LedgerError::Malformed {
                    path: self.path.clone(),
                    problems,
                    more,
                });
            }
            Err(Stop::Io(e)) => return Err(io_err(&self.path, "read the ledger")(e)),
        }
        let mut new = Vec::with_capacity(rows.len());
        for (p, e) in rows {
            new.push(e.clone());
            self.index.apply(p, e);
        }
        self.offset += complete as u64;
        self.next_line += part.iter().filter(|&&b| b == b'\n').count() as u64;
        self.push_tail_check(part);
        Ok(new)
    }

    /// Remembers the last bytes read or written.
    fn push_tail_check(&mut self, bytes: &[u8]) {
        let keep = TAIL_CHECK as usize;
        if bytes.len() >= keep {
            self.tail_check = bytes[bytes.len() - keep..].to_vec();
        } else {
            self.tail_check.extend_from_slice(bytes);
            let cut = self.tail_check.len().saturating_sub(keep);
            self.tail_check.drain(..cut);
        }
    }

    /// Picks up what others appended: a `stat`, and if the file grew, a
    /// read of the new complete lines only. A replaced or rewritten file is
    /// read again from the start (`reloaded`). Takes no lock.
    pub fn refresh(&mut self) -> Result<Refreshed, LedgerError> {
        let path = self.path.clone();
        let meta = match fs::metadata(&path) {
            Ok(m) => Some(m),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(io_err(&path, "read the ledger")(e)),
        };
        let Some(meta) = meta else {
            if self.file.is_none() {
                return Ok(Refreshed::default());
            }
            *self = Ledger::empty(&path);
            return Ok(Refreshed {
                new: Vec::new(),
                reloaded: true,
            });
        };
        let now = snap_of(&meta);
        if self.snap == Some(now) {
            return Ok(Refreshed::default());
        }
        if let (Some(s), Some(file)) = (self.snap, self.file.as_ref())
            && s.dev == now.dev
            && s.ino == now.ino
            && now.len >= self.offset
            && self.columns.is_some()
        {
            let mut read = 0;
            let check = read_tail_check(file, self.offset, &mut read);
            self.bytes_read += read;
            if check == self.tail_check {
                let file = file.try_clone().map_err(io_err(&path, "read the ledger"))?;
                let new = self.read_tail(&file, now.len)?;
                self.snap = Some(now);
                return Ok(Refreshed {
                    new,
                    reloaded: false,
                });
            }
        }
        let read_before = self.bytes_read;
        let fresh = Ledger::open_unlocked(&path)?;
        *self = fresh;
        self.bytes_read += read_before;
        Ok(Refreshed {
            new: Vec::new(),
            reloaded: true,
        })
    }
}

/// The last bytes before `offset`.
fn read_tail_check<S: Source + ?Sized>(f: &S, offset: u64, read: &mut u64) -> Vec<u8> {
    let n = offset.min(TAIL_CHECK);
    let mut buf = vec![0u8; n as usize];
    if read_exact_at(f, &mut buf, offset - n).is_err() {
        return Vec::new();
    }
    *read += n;
    buf
}

/// `path` is a symbolic link whose target does not exist: the error that
/// names both (creating the ledger through it would fail with "File
/// exists", and reading it as "no ledger yet" would hide the team's data).
fn dangling(path: &Path) -> Option<LedgerError> {
    let meta = fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_symlink() {
        return None;
    }
    let target = fs::read_link(path).unwrap_or_default();
    Some(LedgerError::DanglingLink {
        path: path.to_path_buf(),
        target,
    })
}

/// The error for a ledger that cannot be opened: a dangling link is named
/// as such.
pub(super) fn open_error(path: &Path, e: io::Error) -> LedgerError {
    match dangling(path) {
        Some(err) if e.kind() == io::ErrorKind::NotFound => err,
        _ => io_err(path, "open the ledger")(e),
    }
}

/// Opens (creating it if needed) the lock file beside the ledger. A lock
/// file we may not write to can still be locked.
pub(super) fn open_lock(path: &Path) -> Result<File, LedgerError> {
    let lp = lock_path(path);
    let existed = lp.exists();
    match OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lp)
    {
        Ok(f) => {
            if !existed {
                same_mode_as_ledger(path, &f);
            }
            Ok(f)
        }
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied && existed => {
            File::open(&lp).map_err(io_err(&lp, "open the lock file"))
        }
        Err(e) => Err(io_err(&lp, "create the lock file")(e)),
    }
}

/// Gives a file we just created the ledger's permissions (read/write bits)
/// and group, so colleagues who share the ledger share it too.
fn same_mode_as_ledger(path: &Path, f: &File) {
    if let Ok(m) = fs::metadata(path) {
        let _ = sys::set_mode(f, sys::mode(&m) & 0o666);
        sys::set_group(f, &m);
    }
}

/// Moves the cut-short bytes `[from, len)` to the `.torn` file beside the
/// ledger (appended, synced) and only then cuts them off the ledger.
fn move_aside(
    path: &Path,
    file: &File,
    from: u64,
    len: u64,
    line: u64,
) -> Result<Warning, LedgerError> {
    let mut bytes = vec![0u8; (len - from) as usize];
    read_exact_at(file, &mut bytes, from).map_err(io_err(path, "read the ledger"))?;
    save_torn(path, &bytes, line)?;
    file.set_len(from)
        .and_then(|()| file.sync_data())
        .map_err(io_err(path, "cut the torn last line off the ledger"))?;
    Ok(Warning::MovedAside {
        path: path.to_path_buf(),
        line,
        bytes: len - from,
        to: torn_path(path),
    })
}

/// Appends a cut-short line to the `.torn` file: a `#` line saying where
/// it came from, the bytes as they were, a line break.
pub(super) fn save_torn(path: &Path, bytes: &[u8], line: u64) -> Result<(), LedgerError> {
    let tp = torn_path(path);
    let existed = tp.exists();
    let mut f = OpenOptions::new()
        .append(true)
        .create(true)
        .open(&tp)
        .map_err(io_err(&tp, "save the torn last line"))?;
    if !existed {
        same_mode_as_ledger(path, &f);
    }
    let mut rec = format!(
        "# {} {}:{line}: {} bytes cut short, moved here before the next append\n",
        Stamp::now(),
        path.display(),
        bytes.len()
    )
    .into_bytes();
    rec.extend_from_slice(bytes);
    rec.push(b'\n');
    f.write_all(&rec)
        .and_then(|()| f.sync_data())
        .map_err(io_err(&tp, "save the torn last line"))?;
    if !existed && let Some(dir) = tp.parent() {
        let _ = sys::sync_dir(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        });
    }
    Ok(())
}

fn checked_user(user: &str) -> Result<String, LedgerError> {
    let u = user.trim();
    if u.is_empty() {
        return Err(LedgerError::InvalidEdit(
            "no user name; expected who makes the change (--user NAME or WUDANG_PLAN_USER)".into(),
        ));
    }
    check_text("the user name", u).map_err(LedgerError::InvalidEdit)?;
    Ok(u.to_string())
}

fn checked_note(note: Option<String>) -> Result<Option<String>, LedgerError> {
    match note {
        Some(n) if !n.trim().is_empty() => {
            check_text("the note", &n).map_err(LedgerError::InvalidEdit)?;
            Ok(Some(n))
        }
        _ => Ok(None),
    }
}

fn checked(mut edit: Edit) -> Result<Edit, LedgerError> {
    check_id(&edit.id).map_err(LedgerError::InvalidEdit)?;
    edit.user = checked_user(&edit.user)?;
    edit.note = checked_note(edit.note)?;
    edit.value = match edit.value {
        Some(v) if v.is_empty() => None,
        Some(v) => {
            check_value(edit.field, &v).map_err(|m| {
                LedgerError::InvalidEdit(format!("{} {}: {m}", edit.id, edit.field))
            })?;
            Some(v)
        }
        None => None,
    };
    Ok(edit)
}

enum Order<'a> {
    All(usize),
    Of(&'a [u32]),
}

impl Order<'_> {
    fn len(&self) -> usize {
        match self {
            Order::All(n) => *n,
            Order::Of(v) => v.len(),
        }
    }
    /// The row index of the `k`-th newest row.
    fn at(&self, k: usize) -> usize {
        match self {
            Order::All(n) => n - 1 - k,
            Order::Of(v) => v[v.len() - 1 - k] as usize,
        }
    }
}

/// Rows newest first, read back from the file in batches of adjacent rows.
pub struct History<'a> {
    ledger: &'a Ledger,
    order: Order<'a>,
    done: usize,
    /// Read but not yet returned, oldest first (popped from the end).
    buf: Vec<Entry>,
}

impl Iterator for History<'_> {
    type Item = Result<Entry, LedgerError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.buf.pop() {
            return Some(Ok(e));
        }
        let total = self.order.len();
        if self.done >= total {
            return None;
        }
        const BATCH: usize = 1024;
        let hi = self.order.at(self.done);
        let mut lo = hi;
        let mut k = self.done + 1;
        while k < total && hi - lo + 1 < BATCH && lo > 0 && self.order.at(k) == lo - 1 {
            lo -= 1;
            k += 1;
        }
        self.done = k;
        match self.ledger.read_rows(lo, hi) {
            Ok(rows) => {
                self.buf = rows;
                self.buf.pop().map(Ok)
            }
            Err(e) => {
                self.done = total;
                Some(Err(e))
            }
        }
    }
}
