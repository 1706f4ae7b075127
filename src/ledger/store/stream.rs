//! History straight from the file, without the index of current values
//! (`wudang-plan history`): one pass that checks every row and notes where
//! each run of [`BATCH`] rows starts, then the rows read back newest first
//! one run at a time. Memory does not grow with the ledger: at most one
//! run of rows is held, and one small mark per run.

use crate::vocab::{M, Msg};
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use super::history::BATCH;
use super::index::RowPos;
use super::open::{dangling, not_decodable};
use super::read::{AtReader, Stop, complete_end, parse, read_exact_at};
use super::{BOM, Encoding, io_err, lock_path};
use crate::ledger::columns::Columns;
use crate::ledger::entry::Entry;
use crate::ledger::error::{LedgerError, Warning};

/// A run of at most [`BATCH`] adjacent rows of the file holding at least
/// one selected row.
#[derive(Debug, Clone, Copy)]
struct Run {
    /// Where its first row starts.
    start: RowPos,
    /// The end of its last row (the start of the next run, or the end of
    /// the last complete line).
    end: u64,
    /// Rows in it, selected or not.
    rows: u32,
    /// Selected rows in it.
    selected: u32,
}

/// A ledger file read for its history: the rows of one id, or all of them,
/// newest first ([`HistoryFile::newest_first`]).
#[derive(Debug)]
pub struct HistoryFile {
    path: PathBuf,
    file: Option<File>,
    encoding: Encoding,
    columns: Option<Columns>,
    id: Option<String>,
    runs: Vec<Run>,
    total: usize,
    selected: usize,
    warnings: Vec<Warning>,
}

/// What the first pass builds, before the file handle is kept.
struct Pass {
    runs: Vec<Run>,
    total: usize,
    selected: usize,
    columns: Option<Columns>,
    /// Line breaks read.
    newlines: u64,
}

impl HistoryFile {
    /// Reads the ledger at `path` once, checking every row as opening a
    /// [`Ledger`](super::Ledger) does (the same errors, the same warning
    /// for a cut-short last line), and selects the rows of `id` (all rows
    /// for `None`). `each` sees every selected row, oldest first, and
    /// `None` when the rows seen so far were read in an encoding that
    /// turned out wrong (forget them; they come again). A missing file has
    /// no rows.
    pub fn open(
        path: &Path,
        id: Option<&str>,
        each: &mut dyn FnMut(Option<&Entry>),
    ) -> Result<HistoryFile, LedgerError> {
        let mut h = HistoryFile {
            path: path.to_path_buf(),
            file: None,
            encoding: Encoding::Utf8 { bom: true },
            columns: None,
            id: id.map(str::to_string),
            runs: Vec::new(),
            total: 0,
            selected: 0,
            warnings: Vec::new(),
        };
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return match dangling(path) {
                    Some(err) => Err(err),
                    None => Ok(h),
                };
            }
            Err(e) => return Err(io_err(path, M::DoOpenLedger)(e)),
        };
        let meta = file.metadata().map_err(io_err(path, M::DoReadLedger))?;
        if meta.is_dir() {
            return Err(LedgerError::Failed {
                path: path.to_path_buf(),
                action: M::DoReadLedger,
                why: Msg::new(M::LedgerIsDirectory),
            });
        }
        let mut head = [0u8; 3];
        let bom = meta.len() >= 3 && read_exact_at(&file, &mut head, 0).is_ok() && head == BOM;
        let base = if bom { 3 } else { 0 };
        let (complete, len) = h.complete(&file, meta.len())?;
        // A file holding only a BOM has no line yet, and nothing cut short.
        let complete = complete.max(base);
        let next_line = h.first_pass(&file, bom, complete, each)?;
        if len > complete {
            h.warnings.push(Warning::TornTail {
                path: path.to_path_buf(),
                line: next_line,
                bytes: len - complete,
            });
        }
        h.file = Some(file);
        Ok(h)
    }

    /// The end of the last complete line and the file's length. A last
    /// line without a line break may be being written: look again holding
    /// the lock (shared), as [`Ledger::open`](super::Ledger::open) does.
    fn complete(&self, file: &File, len: u64) -> Result<(u64, u64), LedgerError> {
        let mut read = 0;
        let err = || io_err(&self.path, M::DoReadLedger);
        let complete = complete_end(file, len, &mut read).map_err(err())?;
        if complete == len {
            return Ok((complete, len));
        }
        let Ok(lock) = File::open(lock_path(&self.path)) else {
            return Ok((complete, len));
        };
        if lock.lock_shared().is_err() {
            return Ok((complete, len));
        }
        let again = file.metadata().map_err(err()).and_then(|m| {
            Ok((
                complete_end(file, m.len(), &mut read).map_err(err())?,
                m.len(),
            ))
        });
        let _ = lock.unlock();
        again
    }

    /// Parses the complete lines `[base, complete)`: the encoding (a BOM,
    /// else UTF-8, else GB18030), the header, every row checked, the runs
    /// noted. Returns the line after the last.
    fn first_pass(
        &mut self,
        file: &File,
        bom: bool,
        complete: u64,
        each: &mut dyn FnMut(Option<&Entry>),
    ) -> Result<u64, LedgerError> {
        let base = if bom { 3 } else { 0 };
        let tries: &[Encoding] = if bom {
            &[Encoding::Utf8 { bom: true }]
        } else {
            &[Encoding::Utf8 { bom: false }, Encoding::Gb18030]
        };
        let mut utf8_line = None;
        for &enc in tries {
            match self.pass(file, base, complete, enc, each) {
                Ok(p) => {
                    self.encoding = enc;
                    self.columns = p.columns;
                    self.runs = p.runs;
                    self.total = p.total;
                    self.selected = p.selected;
                    return Ok(1 + p.newlines);
                }
                Err(Stop::Encoding { line }) if enc == (Encoding::Utf8 { bom: false }) => {
                    utf8_line = Some(line);
                    each(None);
                }
                Err(stop) => {
                    return Err(stop.into_error(&self.path, |_| not_decodable(utf8_line)));
                }
            }
        }
        Ok(1)
    }

    /// One parse of `[base, complete)` as `enc`.
    fn pass(
        &self,
        file: &File,
        base: u64,
        complete: u64,
        enc: Encoding,
        each: &mut dyn FnMut(Option<&Entry>),
    ) -> Result<Pass, Stop> {
        let mut p = Pass {
            runs: Vec::new(),
            total: 0,
            selected: 0,
            columns: None,
            newlines: 0,
        };
        // The run being read (noted when it holds a selected row).
        let mut run: Option<Run> = None;
        let mut reader = AtReader::new(file, base, complete);
        parse(
            &mut reader,
            base,
            1,
            enc,
            &mut p.columns,
            &mut |pos, e, _| {
                if p.total.is_multiple_of(BATCH) {
                    if let Some(r) = run.take().filter(|r| r.selected > 0) {
                        p.runs.push(Run {
                            end: pos.start,
                            ..r
                        });
                    }
                    run = Some(Run {
                        start: pos,
                        end: complete,
                        rows: 0,
                        selected: 0,
                    });
                }
                p.total += 1;
                if let Some(r) = run.as_mut() {
                    r.rows += 1;
                    if self.id.as_deref().is_none_or(|id| e.id == id) {
                        r.selected += 1;
                        p.selected += 1;
                        each(Some(&e));
                    }
                }
            },
        )?;
        if let Some(r) = run.filter(|r| r.selected > 0) {
            p.runs.push(r);
        }
        p.newlines = reader.newlines();
        Ok(p)
    }

    /// The ledger file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many rows are selected: the id's, or all.
    pub fn len(&self) -> usize {
        self.selected
    }

    pub fn is_empty(&self) -> bool {
        self.selected == 0
    }

    /// Rows in the file, selected or not.
    pub fn total(&self) -> usize {
        self.total
    }

    /// A cut-short last line, as [`Ledger::warnings`](super::Ledger::warnings).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The selected rows, newest first, read back from the file one run at
    /// a time; take what you need (`.take(limit)`). Can be called again
    /// (a table measures its columns, then prints).
    pub fn newest_first(&self) -> NewestFirst<'_> {
        NewestFirst {
            h: self,
            next_run: self.runs.len(),
            buf: Vec::new(),
            most_held: 0,
            rows_parsed: 0,
        }
    }

    /// Reads one run back: its selected rows, oldest first.
    fn read_run(&self, r: &Run, parsed: &mut usize) -> Result<Vec<Entry>, LedgerError> {
        let changed = || LedgerError::Failed {
            path: self.path.clone(),
            action: M::DoReadHistory,
            why: Msg::new(M::LedgerChangedWhileReading),
        };
        let Some(file) = &self.file else {
            return Err(changed());
        };
        let mut cols = self.columns.clone();
        let mut out = Vec::with_capacity(r.selected as usize);
        let mut rows = 0u32;
        let reader = AtReader::new(file, r.start.start, r.end);
        let id = self.id.as_deref();
        let res = parse(
            reader,
            r.start.start,
            r.start.line,
            self.encoding,
            &mut cols,
            &mut |_, e, _| {
                rows += 1;
                if id.is_none_or(|id| e.id == id) {
                    out.push(e);
                }
            },
        );
        *parsed += rows as usize;
        match res {
            Ok(()) if rows == r.rows && out.len() == r.selected as usize => Ok(out),
            Err(Stop::Io(e)) => Err(io_err(&self.path, M::DoReadHistory)(e)),
            _ => Err(changed()),
        }
    }
}

/// The selected rows newest first ([`HistoryFile::newest_first`]).
pub struct NewestFirst<'a> {
    h: &'a HistoryFile,
    /// Runs not yet read: `runs[..next_run]`.
    next_run: usize,
    /// Read but not yet returned, oldest first (popped from the end).
    buf: Vec<Entry>,
    most_held: usize,
    rows_parsed: usize,
}

impl NewestFirst<'_> {
    /// The most rows held at once so far (at most [`BATCH`]): what lets a
    /// test see that history streams.
    pub fn most_held(&self) -> usize {
        self.most_held
    }

    /// Rows parsed so far, selected or not (work counted).
    pub fn rows_parsed(&self) -> usize {
        self.rows_parsed
    }
}

impl Iterator for NewestFirst<'_> {
    type Item = Result<Entry, LedgerError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.buf.pop() {
            return Some(Ok(e));
        }
        if self.next_run == 0 {
            return None;
        }
        self.next_run -= 1;
        let run = self.h.runs[self.next_run];
        match self.h.read_run(&run, &mut self.rows_parsed) {
            Ok(rows) => {
                self.buf = rows;
                self.most_held = self.most_held.max(self.buf.len());
                self.buf.pop().map(Ok)
            }
            Err(e) => {
                self.next_run = 0;
                Some(Err(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::ledger::Ledger;
    use crate::ledger::entry::{self, Field, Stamp};

    fn row_line(id: &str, value: &str) -> Vec<u8> {
        entry::entry_line(&Entry {
            line: 0,
            time: Stamp::parse("2025-06-01T10:00:00+08:00").unwrap(),
            user: "李明".into(),
            id: id.into(),
            field: Field::Actual,
            value: Some(value.into()),
            old: None,
            note: Some("快报".into()),
            period: None,
        })
    }

    /// `rows` rows: ids `a`, `b`, `c` in turn, value = row number; `rare`
    /// at rows 5 and 2,500.
    fn write(path: &Path, rows: usize, bom: bool) {
        let mut bytes = if bom { BOM.to_vec() } else { Vec::new() };
        bytes.extend(entry::header_line());
        for k in 0..rows {
            let id = match k {
                5 | 2_500 => "rare",
                _ => ["a", "b", "c"][k % 3],
            };
            bytes.extend(row_line(id, &k.to_string()));
        }
        fs::write(path, bytes).unwrap();
    }

    fn open(path: &Path, id: Option<&str>) -> HistoryFile {
        HistoryFile::open(path, id, &mut |_| {}).unwrap()
    }

    fn lines(rows: impl Iterator<Item = Result<Entry, LedgerError>>) -> Vec<(u64, String)> {
        rows.map(|e| {
            let e = e.unwrap();
            (e.line, e.value.unwrap_or_default())
        })
        .collect()
    }

    #[test]
    fn the_same_rows_as_the_ledgers_history() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        write(&path, 3_000, true);
        let l = Ledger::open(&path).unwrap();
        for id in [None, Some("a"), Some("rare"), Some("zz")] {
            let h = open(&path, id);
            assert_eq!(lines(h.newest_first()), lines(l.history(id)), "{id:?}");
            assert_eq!(h.len(), id.map_or(l.len(), |i| l.count(i)));
            assert_eq!(h.total(), 3_000);
            assert_eq!(h.is_empty(), id == Some("zz"));
        }
        // Twice: a table measures, then prints.
        let h = open(&path, Some("b"));
        assert_eq!(lines(h.newest_first()), lines(h.newest_first()));
    }

    #[test]
    fn at_most_one_run_is_held_and_a_limit_reads_only_the_last_runs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        write(&path, 5_000, true);
        let h = open(&path, None);
        // A mark per 1,024 rows.
        assert_eq!(h.runs.len(), 5);
        let mut all = h.newest_first();
        assert_eq!(all.by_ref().count(), 5_000);
        assert_eq!((all.most_held(), all.rows_parsed()), (BATCH, 5_000));
        let mut ten = h.newest_first();
        assert_eq!(ten.by_ref().take(10).count(), 10);
        // The newest run only: 5,000 - 4 × 1,024.
        assert_eq!((ten.most_held(), ten.rows_parsed()), (904, 904));
        // The rows of an id that is in two runs: only those two are read.
        let h = open(&path, Some("rare"));
        assert_eq!(h.runs.len(), 2);
        let mut rare = h.newest_first();
        assert_eq!(
            lines(rare.by_ref()),
            [(2_502, "2500".into()), (7, "5".into())]
        );
        assert_eq!((rare.most_held(), rare.rows_parsed()), (1, 2 * BATCH));
    }

    #[test]
    fn the_first_pass_shows_every_selected_row_oldest_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        write(&path, 10, false);
        let mut seen = Vec::new();
        HistoryFile::open(&path, Some("a"), &mut |e| {
            seen.push(e.map(|e| e.line));
        })
        .unwrap();
        assert_eq!(seen, [Some(2), Some(5), Some(8), Some(11)]);
    }

    #[test]
    fn gb18030_rows_seen_as_utf8_are_taken_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        // Row 1 is ASCII (valid UTF-8), row 2 has 李明 in GB18030.
        let mut text = String::from_utf8(entry::header_line()).unwrap();
        text.push_str("2025-06-01T10:00:00+08:00,u,a,actual,1,,,\r\n");
        text.push_str(&String::from_utf8(row_line("a", "2")).unwrap());
        let (gb, _, _) = encoding_rs::GB18030.encode(&text);
        fs::write(&path, &gb).unwrap();
        let mut seen = Vec::new();
        let h =
            HistoryFile::open(&path, None, &mut |e| seen.push(e.map(|e| e.user.clone()))).unwrap();
        assert_eq!(
            seen,
            [
                Some("u".into()),
                None,
                Some("u".into()),
                Some("李明".into())
            ]
        );
        assert_eq!(h.encoding, Encoding::Gb18030);
        let users: Vec<String> = h.newest_first().map(|e| e.unwrap().user).collect();
        assert_eq!(users, ["李明", "u"]);
    }

    #[test]
    fn missing_bom_only_and_cut_short_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        let h = open(&path, None);
        assert!(h.is_empty() && h.warnings().is_empty() && h.file.is_none());
        assert_eq!(h.newest_first().count(), 0);
        fs::write(&path, BOM).unwrap();
        let h = open(&path, None);
        assert!(h.is_empty() && h.warnings().is_empty());
        // A cut-short last line: the warning the ledger gives.
        write(&path, 3, true);
        let mut bytes = fs::read(&path).unwrap();
        bytes.extend(b"2025-06-0");
        fs::write(&path, bytes).unwrap();
        let h = open(&path, Some("b"));
        assert_eq!(h.warnings(), Ledger::open(&path).unwrap().warnings());
        assert_eq!(
            h.warnings(),
            [Warning::TornTail {
                path: path.clone(),
                line: 5,
                bytes: 9
            }]
        );
        assert_eq!(lines(h.newest_first()), [(3, "1".into())]);
    }

    #[test]
    fn bad_rows_are_refused_as_the_ledger_refuses_them() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        write(&path, 2, true);
        let mut bytes = fs::read(&path).unwrap();
        bytes.extend(b"not a row\r\n");
        fs::write(&path, bytes).unwrap();
        let err = HistoryFile::open(&path, None, &mut |_| {}).unwrap_err();
        assert_eq!(
            err.to_string(),
            Ledger::open(&path).unwrap_err().to_string()
        );
        let err = HistoryFile::open(dir.path(), None, &mut |_| {}).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("it is a directory; expected a CSV file")
        );
    }

    #[test]
    fn a_file_cut_shorter_since_the_first_pass_is_an_error_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        write(&path, 3, true);
        let h = open(&path, None);
        fs::write(&path, entry::header_line()).unwrap();
        let mut rows = h.newest_first();
        let err = rows.next().unwrap().unwrap_err();
        assert!(
            err.to_string().ends_with(
                "cannot read the ledger's history: the file changed while reading; \
                 run the command again"
            ),
            "{err}"
        );
        assert!(rows.next().is_none());
    }
}
