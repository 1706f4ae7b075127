//! The ledger file: reading (with encoding detection and torn-line
//! handling), the in-memory index of current values, appending under a
//! lock with optimistic concurrency, cheap refresh, history and conversion
//! to UTF-8. See docs/data.md, "Ledger".
//!
//! Scale: opening streams the file once; the index keeps the last entry
//! per (id, field) and per (indicator, period) and, per row, only its byte position. History reads rows
//! back from the file by position. Appending reads only the bytes added
//! since the last read.
//!
//! [`Ledger`] and its queries are here; its other methods are in the
//! files of their step, which see its fields (children of this module):
//!
//! - `sys`: platform shims (positioned reads, file identity, permissions);
//! - `read`: bytes to rows: positioned reads, the end of the last complete
//!   line, decoding, the CSV parser;
//! - `index`: the current entry per (id, field), row positions, chain
//!   breaks;
//! - `open`: the first full read (encoding, header, torn last line);
//! - `refresh`: reading what others appended, or everything again;
//! - `write`: append and undo under the lock, torn lines moved aside;
//! - `batch`: several edits at once, all or none (`import`);
//! - `history`: rows read back newest first, and the full scan;
//! - `stream`: history straight from the file, without the index
//!   (`wudang-plan history`);
//! - [`convert`]: conversion to UTF-8 with a BOM.

mod batch;
mod checkpoint;
pub mod convert;
mod history;
mod index;
mod lean;
mod open;
mod progress;
mod read;
mod refresh;
mod stream;
mod sys;
mod write;

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

pub use batch::Batch;
pub use checkpoint::{CHECKPOINT_ROWS, checkpoint_path, seen_path};
pub use convert::Converted;
pub use history::History;
pub use index::{ChainBreak, Kept};
pub use lean::Rows;
pub use progress::{NoProgress, Progress};
pub use refresh::{Gone, Refreshed};
pub use stream::{HistoryFile, NewestFirst};
pub use write::Undone;

use crate::ledger::columns::Columns;
use crate::ledger::entry::{Entry, Field};
use crate::ledger::error::{LedgerError, Warning};
use crate::ledger::status::{Actual, TaskState};
use crate::plan::Period;
use crate::vocab::M;
use index::Index;
use sys::Snap;

/// Which file is at a path and whether it changed since (identity,
/// length, modification time): one `stat`, compared for equality. For a
/// caller that waits for a file to change (the UI's retry of a broken
/// ledger); [`file_state`] makes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileState(Snap);

/// The [`FileState`] of `path`; `None` when there is no file to `stat`.
pub fn file_state(path: &Path) -> Option<FileState> {
    std::fs::metadata(path)
        .ok()
        .map(|m| FileState(Snap::of(&m)))
}

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

    /// [`Encoding::name`] in Chinese.
    pub fn name_zh(self) -> &'static str {
        match self {
            Encoding::Utf8 { bom: true } => "带 BOM 的 UTF-8",
            Encoding::Utf8 { bom: false } => "不带 BOM 的 UTF-8",
            Encoding::Gb18030 => "GB18030",
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
    encoding: Encoding,
    columns: Option<Columns>,
    /// End of the last complete line read.
    offset: u64,
    /// The line number of the line starting at `offset`.
    next_line: u64,
    index: Index,
    warnings: Vec<Warning>,
    /// The bytes just before `offset`, to notice a rewrite in place.
    tail_check: Vec<u8>,
    bytes_read: u64,
    /// Rows before the checkpoint this ledger was read from: counted, in
    /// the index's state, but without row positions (0 after a full read;
    /// see [`Ledger::load_positions`]).
    unindexed: u64,
    /// Kept lean ([`Ledger::open_lean`]): the index keeps no rows' state,
    /// whoever took the rows in does; read again in full (a file
    /// replaced), it keeps them until [`Ledger::make_lean`].
    lean: bool,
    /// Where every 4,096th line starts, found on the way to a row read
    /// back by its line (a lean ledger's rows before its checkpoint).
    marks: std::sync::Mutex<Vec<(u64, u64)>>,
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

fn io_err<'p>(path: &'p Path, action: M) -> impl FnOnce(io::Error) -> LedgerError + 'p {
    move |source| LedgerError::Io {
        path: path.to_path_buf(),
        action,
        source,
    }
}

impl Ledger {
    /// A ledger of no rows that reads no file: the city's view records
    /// nothing, and reads each district's ledger on its own. `path` is
    /// only named, never opened here.
    pub fn none(path: &Path) -> Ledger {
        Ledger::empty(path)
    }

    /// A ledger with no file yet.
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
            unindexed: 0,
            lean: false,
            marks: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// Becomes `new` (the file read again), staying lean if it was.
    fn replace(&mut self, new: Ledger) {
        let lean = self.lean;
        *self = new;
        self.lean = lean;
    }

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
        self.index.len() + usize::try_from(self.unindexed).unwrap_or(usize::MAX)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The number of the last complete line read (the header counts; 0
    /// without a file): every row appended later has a greater line. An
    /// export records it, so that an import can tell the rows appended
    /// since.
    pub fn last_line(&self) -> u64 {
        self.next_line.saturating_sub(1)
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
        self.index.breaks()
    }

    /// False while the file has no header yet (missing, empty, or only a
    /// BOM): the header is written with the first edit.
    pub fn has_header(&self) -> bool {
        self.columns.is_some()
    }

    /// How many columns the header has (0 without a header).
    pub(in crate::ledger) fn header_width(&self) -> usize {
        self.columns.as_ref().map_or(0, Columns::width)
    }

    /// Every id with at least one row.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.index.ids()
    }

    /// `Some(true)` when the header has the `period` column, `Some(false)`
    /// for a ledger of the first release (its rows belong to the year of
    /// their time stamp), `None` without a header.
    pub fn has_period_column(&self) -> Option<bool> {
        self.columns.as_ref().map(Columns::has_period)
    }

    /// The current row of `id` and `field`: for an actual, the last row of
    /// its latest period with a value (correcting 2022 after 2024 leaves
    /// 2024 current; a cleared 2025 leaves the latest earlier value
    /// current); for a status or note, the last row.
    pub fn current(&self, id: &str, field: Field) -> Option<Entry> {
        self.index.current(id, field)
    }

    /// The last row of `id` and `field` for `period` (actuals; other
    /// fields have no period and give their last row).
    pub fn current_in(&self, id: &str, field: Field, period: Option<Period>) -> Option<Entry> {
        self.index.current_in(id, field, period)
    }

    /// The last row typed for `id` and `field`, whatever its period.
    pub fn last_row(&self, id: &str, field: Field) -> Option<Entry> {
        self.index.last(id, field)
    }

    /// An indicator's actuals: the last row of each period, by period.
    pub fn periods(&self, id: &str) -> Vec<Entry> {
        self.index.periods(id)
    }

    /// Calls `f` with each of an indicator's actuals (the last row of each
    /// period, by period), without copying them all: what
    /// [`Ledger::periods`] returns, for a pass over every id.
    pub fn each_period(&self, id: &str, f: impl FnMut(&Entry)) {
        self.index.each_period(id, f);
    }

    /// Calls `f` with every id's kept rows, id by id ([`Kept`]: an id's
    /// first row, its last actual row typed): the last actual row of each
    /// period, by period, then the status and note rows; in one reused
    /// [`Entry`]. A pass over every id without a lookup or an allocation
    /// per row.
    pub fn each_kept(&self, f: impl FnMut(&Entry, Kept)) {
        self.index.each_kept(f);
    }

    /// The current value of `id` and `field` (`None`: nothing or cleared).
    pub fn value(&self, id: &str, field: Field) -> Option<&str> {
        self.index.value(id, field)
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
    pub fn latest(&self, id: &str) -> Option<Entry> {
        self.index.latest(id)
    }

    /// Number of rows recorded for `id`. Needs the row positions: on a
    /// ledger read from a checkpoint, call [`Ledger::load_positions`] first.
    pub fn count(&self, id: &str) -> usize {
        debug_assert!(self.has_positions(), "count without row positions");
        self.index.rows_of(id).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::entry::{self, Stamp};

    #[test]
    fn files_beside_the_ledger() {
        let p = Path::new("data/actuals.csv");
        assert_eq!(lock_path(p), Path::new("data/actuals.csv.lock"));
        assert_eq!(torn_path(p), Path::new("data/actuals.csv.torn"));
    }

    #[test]
    fn encoding_names() {
        assert_eq!(Encoding::Utf8 { bom: true }.name(), "UTF-8 with BOM");
        assert_eq!(Encoding::Utf8 { bom: false }.name(), "UTF-8 without BOM");
        assert_eq!(Encoding::Gb18030.name(), "GB18030");
    }

    #[test]
    fn queries_answer_from_the_index() {
        let row = |line, id: &str, field, value: &str, old: Option<&str>| {
            entry::entry_line(&Entry {
                line,
                time: Stamp::parse("2025-06-01T10:00:00+08:00").unwrap(),
                user: "u".into(),
                id: id.into(),
                field,
                value: Some(value.into()),
                old: old.map(String::from),
                note: None,
                period: None,
            })
        };
        let mut bytes = entry::header_line();
        bytes.extend(row(2, "8.1", Field::Actual, "512", None));
        bytes.extend(row(3, "8.1", Field::Note, "快报", None));
        bytes.extend(row(4, "8", Field::Status, "done", None));
        bytes.extend(row(5, "8.1", Field::Actual, "600", Some("500")));
        let path = Path::new("actuals.csv");
        let l = Ledger::read_from(path, bytes.as_slice(), bytes.len() as u64).unwrap();
        assert_eq!((l.len(), l.is_empty(), l.header_width()), (4, false, 8));
        assert_eq!(l.value("8.1", Field::Actual), Some("600"));
        assert_eq!(l.actual("8.1").map(|a| a.to_ledger()), Some("600".into()));
        assert_eq!(l.note("8.1"), Some("快报"));
        assert_eq!(l.task_state("8"), Some(TaskState::Done));
        assert_eq!(l.task_state("8.1"), None);
        assert_eq!(l.latest("8.1").map(|e| e.line), Some(5));
        assert_eq!((l.count("8.1"), l.count("8"), l.count("9")), (3, 1, 0));
        let mut ids: Vec<&str> = l.ids().collect();
        ids.sort_unstable();
        assert_eq!(ids, ["8", "8.1"]);
        let (breaks, n) = l.chain_breaks();
        assert_eq!((breaks.len(), n, breaks[0].line), (1, 1, 5));
        // Read from bytes: no file, nothing cut short.
        assert!(!l.exists());
        assert_eq!(l.torn_bytes(), 0);
        assert_eq!(l.path(), path);
    }
}
