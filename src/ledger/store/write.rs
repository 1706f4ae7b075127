//! Appending under the lock: read what others appended, decide
//! ([`change`]), append one line with one write and `sync_data`. A line
//! cut short by a crash is moved to the `.torn` file first. Files created
//! beside the ledger (lock, `.torn`) get its permissions and group.

use crate::vocab::M;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use super::index::RowPos;
use super::open::dangling;
use super::read::read_exact_at;
use super::sys::{self, Snap};
use super::{BOM, Encoding, Ledger, Rows, io_err, lock_path, torn_path};
use crate::ledger::change::{self, Appended, Edit, Expect};
use crate::ledger::columns::Columns;
use crate::ledger::entry::{self, Entry, Field, Stamp, check_id, checked_note, checked_user};
use crate::ledger::error::{LedgerError, Warning};

/// What [`Ledger::undo`] did.
#[derive(Debug, Clone)]
pub struct Undone {
    /// The row appended.
    pub entry: Entry,
    /// The row whose change it reverts.
    pub reverted: Entry,
}

/// The bytes one append writes.
struct Lines {
    bytes: Vec<u8>,
    /// They start with the header (the file had none).
    header: bool,
    /// Where each row starts in `bytes`.
    row_at: Vec<usize>,
}

impl Ledger {
    /// Records `edit`: under the lock, reads what others appended since
    /// the last read, decides (`change::decide`: nothing when the value
    /// is already the edit's, a conflict when it is not the value the
    /// editor expected), appends one line with one write and `sync_data`.
    /// A recorded entry is durable.
    pub fn append(&mut self, edit: Edit) -> Result<Appended, LedgerError> {
        self.append_seen(edit, None)
    }

    /// [`Ledger::append`] deciding on the rows `rows` keeps (a lean
    /// ledger's, [`Ledger::open_lean`]): the rows others appended are
    /// given to it first.
    pub fn append_with(
        &mut self,
        edit: Edit,
        rows: &mut dyn Rows,
    ) -> Result<Appended, LedgerError> {
        self.append_seen(edit, Some(rows))
    }

    fn append_seen(
        &mut self,
        edit: Edit,
        rows: Option<&mut dyn Rows>,
    ) -> Result<Appended, LedgerError> {
        let edit = change::checked(edit)?;
        let period = edit.in_period();
        let mut cur = None;
        let row = self.write_locked_with(rows, |l, rows| {
            let c = l.current_for(rows, &edit.id, edit.field, period)?;
            let out = change::decide(&edit, c.as_ref()).map(|row| row.into_iter().collect());
            cur = c;
            out
        })?;
        Ok(match row.into_iter().next() {
            Some(e) => Appended::Recorded(e),
            None => Appended::Unchanged(cur),
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
        self.undo_seen(id, field, (expect, user, time, note), None)
    }

    /// [`Ledger::undo`] of `id`'s `field` deciding on the rows `rows` keeps
    /// (a lean ledger's): the rows others appended are given to it first.
    pub fn undo_with(
        &mut self,
        (id, field): (&str, Field),
        (expect, user, time, note): (&Expect, &str, Stamp, Option<String>),
        rows: &mut dyn Rows,
    ) -> Result<Undone, LedgerError> {
        self.undo_seen(id, Some(field), (expect, user, time, note), Some(rows))
    }

    fn undo_seen(
        &mut self,
        id: &str,
        field: Option<Field>,
        (expect, user, time, note): (&Expect, &str, Stamp, Option<String>),
        rows: Option<&mut dyn Rows>,
    ) -> Result<Undone, LedgerError> {
        check_id(id).map_err(LedgerError::InvalidEdit)?;
        let user = checked_user(user).map_err(LedgerError::InvalidEdit)?;
        let note = checked_note(note).map_err(LedgerError::InvalidEdit)?;
        let mut reverted = None;
        let entry = self.write_locked_with(rows, |l, rows| {
            let last = match field {
                Some(f) => l.last_for(rows, id, f)?,
                None => l.latest(id),
            }
            .ok_or_else(|| LedgerError::NothingToUndo {
                id: id.to_string(),
                what: field,
            })?;
            reverted = Some(last.clone());
            change::decide_undo(&last, expect, &user, time, note).map(|e| vec![e])
        })?;
        match (entry.into_iter().next(), reverted) {
            (Some(entry), Some(reverted)) => Ok(Undone { entry, reverted }),
            _ => Err(LedgerError::NothingToUndo {
                id: id.to_string(),
                what: field,
            }),
        }
    }

    /// The read-check-append step, under the lock: `decide` gives the rows
    /// to append (none: nothing to write), written with one write and one
    /// sync.
    pub(super) fn write_locked<F>(&mut self, decide: F) -> Result<Vec<Entry>, LedgerError>
    where
        F: FnOnce(&Ledger) -> Result<Vec<Entry>, LedgerError>,
    {
        self.write_locked_with(None, |l, _| decide(l))
    }

    /// [`Ledger::write_locked`]; the rows read under the lock are given to
    /// `rows` before `decide`, which sees it.
    fn write_locked_with<F>(
        &mut self,
        rows: Option<&mut dyn Rows>,
        decide: F,
    ) -> Result<Vec<Entry>, LedgerError>
    where
        F: FnOnce(&Ledger, Option<&dyn Rows>) -> Result<Vec<Entry>, LedgerError>,
    {
        let path = self.path.clone();
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            fs::create_dir_all(dir).map_err(io_err(dir, M::DoCreateLedgerDir))?;
        }
        let lock = open_lock(&path)?;
        lock.lock().map_err(io_err(&path, M::DoLockLedger))?;
        let res = self.write_under_lock(&path, rows, decide);
        let _ = lock.unlock();
        res
    }

    fn write_under_lock<F>(
        &mut self,
        path: &Path,
        mut rows: Option<&mut dyn Rows>,
        decide: F,
    ) -> Result<Vec<Entry>, LedgerError>
    where
        F: FnOnce(&Ledger, Option<&dyn Rows>) -> Result<Vec<Entry>, LedgerError>,
    {
        let file = open_for_append(path)?;
        let (len, new) = self.catch_up_locked(path, file.as_ref())?;
        if let Some(r) = rows.as_deref_mut() {
            for e in &new {
                r.take(e);
            }
        }
        if self.encoding == Encoding::Gb18030 {
            return Err(LedgerError::NeedsConversion {
                path: path.to_path_buf(),
            });
        }
        self.warnings.clear();
        let len = self.cut_torn_tail(path, file.as_ref(), len)?;
        let mut entries = decide(self, rows.as_deref().map(|r| r as &dyn Rows))?;
        if entries.is_empty() {
            return Ok(entries);
        }
        let lines = self.lines_for(&mut entries, len)?;
        let existed = file.is_some();
        let file = match file {
            Some(f) => f,
            None => create_new(path)?,
        };
        // The prefix verified against the checkpoint stays verified
        // through our own append (see checkpoint::seen).
        let carry = file
            .metadata()
            .ok()
            .and_then(|m| super::checkpoint::seen::carry(path, &m));
        append_synced(path, &file, &lines.bytes, len)?;
        if let (Some(seen), Ok(after)) = (carry, file.metadata()) {
            super::checkpoint::seen::carried(path, seen, &after);
        }
        if !existed {
            sync_parent(path);
        }
        self.take_written(file, &lines, len, &entries);
        Ok(entries)
    }

    /// Brings the index up to date with the file opened under the lock
    /// (`None`: there is no file); its length and the rows read.
    fn catch_up_locked(
        &mut self,
        path: &Path,
        file: Option<&File>,
    ) -> Result<(u64, Vec<Entry>), LedgerError> {
        let Some(f) = file else {
            if self.file.is_some() || !self.is_empty() {
                // Someone removed the ledger since we read it.
                self.replace(Ledger::empty(path));
            }
            return Ok((0, Vec::new()));
        };
        let meta = f.metadata().map_err(io_err(path, M::DoReadLedger))?;
        let new = self.catch_up(path, f, &meta)?;
        Ok((meta.len(), new))
    }

    /// Moves a cut-short last line (bytes past the read offset: under the
    /// lock nobody is writing) to the `.torn` file; the length after.
    fn cut_torn_tail(
        &mut self,
        path: &Path,
        file: Option<&File>,
        len: u64,
    ) -> Result<u64, LedgerError> {
        match file {
            Some(f) if len > self.offset => {
                let w = move_aside(path, f, self.offset, len, self.next_line)?;
                self.warnings.push(w);
                Ok(self.offset)
            }
            _ => Ok(len),
        }
    }

    /// The bytes to append at `len` for `entries`: a BOM (in an empty
    /// file) and the header first when the file has none. Numbers the
    /// entries' lines. A first-release ledger (no `period` column) gets the
    /// old seven-column rows when the period is the default one (the year
    /// of the row's time) and refuses any other (nothing written): it must
    /// be upgraded first.
    fn lines_for(&mut self, entries: &mut [Entry], len: u64) -> Result<Lines, LedgerError> {
        let old_format = self.columns.as_ref().is_some_and(|c| !c.has_period());
        if old_format {
            for entry in entries.iter_mut() {
                let default = entry.period.is_none_or(|p| {
                    p == crate::plan::Period::Year(i32::from(entry.time.date().year()))
                });
                match entry.period {
                    Some(period) if !default => {
                        return Err(LedgerError::NeedsUpgrade {
                            path: self.path.clone(),
                            period,
                        });
                    }
                    // Written without the cell, read back as the default.
                    _ => entry.period = None,
                }
            }
        }
        let mut bytes = Vec::with_capacity(256 * entries.len());
        let header = self.columns.is_none();
        if header {
            if len == 0 {
                bytes.extend_from_slice(BOM);
                self.encoding = Encoding::Utf8 { bom: true };
            }
            bytes.extend_from_slice(&entry::header_line());
        }
        let mut row_at = Vec::with_capacity(entries.len());
        let mut line = self.next_line + u64::from(header);
        for entry in entries.iter_mut() {
            entry.line = line;
            row_at.push(bytes.len());
            let row = if old_format {
                entry::old_entry_line(entry)
            } else {
                entry::entry_line(entry)
            };
            // Our rows are one line each (text is checked), but count to be sure.
            line += row.iter().filter(|&&b| b == b'\n').count() as u64;
            bytes.extend_from_slice(&row);
        }
        Ok(Lines {
            bytes,
            header,
            row_at,
        })
    }

    /// Takes what was just appended at `len` into the index and the read
    /// position.
    fn take_written(&mut self, file: File, lines: &Lines, len: u64, entries: &[Entry]) {
        if lines.header {
            self.columns = Some(Columns::standard());
        }
        for (entry, &at) in entries.iter().zip(&lines.row_at) {
            self.index.apply(
                RowPos {
                    start: len + at as u64,
                    line: entry.line,
                },
                entry.clone(),
            );
        }
        self.offset = len + lines.bytes.len() as u64;
        self.next_line += lines.bytes.iter().filter(|&&b| b == b'\n').count() as u64;
        self.push_tail_check(&lines.bytes);
        if let Ok(m) = file.metadata() {
            self.snap = Some(Snap::of(&m));
        }
        self.file = Some(file);
    }
}

/// Opens the ledger to append to it (`None`: there is none yet).
fn open_for_append(path: &Path) -> Result<Option<File>, LedgerError> {
    match OpenOptions::new().read(true).append(true).open(path) {
        Ok(f) => Ok(Some(f)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => match dangling(path) {
            Some(err) => Err(err),
            None => Ok(None),
        },
        Err(e) => Err(io_err(path, M::DoOpenForWriting)(e)),
    }
}

/// Creates the ledger (it must not exist).
fn create_new(path: &Path) -> Result<File, LedgerError> {
    OpenOptions::new()
        .read(true)
        .append(true)
        .create_new(true)
        .open(path)
        .map_err(io_err(path, M::DoCreateLedger))
}

/// Appends `bytes` to `file` (of length `len`) with one write and
/// `sync_data`. Not acknowledged: whatever part was written is taken back.
fn append_synced(path: &Path, file: &File, bytes: &[u8], len: u64) -> Result<(), LedgerError> {
    let mut w = file;
    if let Err(e) = w.write_all(bytes).and_then(|()| file.sync_data()) {
        let _ = file.set_len(len);
        let _ = file.sync_data();
        return Err(io_err(path, M::DoWriteLedger)(e));
    }
    Ok(())
}

/// Makes a file just created at `path` durable (best effort).
fn sync_parent(path: &Path) {
    if let Some(dir) = path.parent() {
        let _ = sys::sync_dir(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        });
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
            File::open(&lp).map_err(io_err(&lp, M::DoOpenLock))
        }
        Err(e) => Err(io_err(&lp, M::DoCreateLock)(e)),
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
    read_exact_at(file, &mut bytes, from).map_err(io_err(path, M::DoReadLedger))?;
    save_torn(path, &bytes, line)?;
    file.set_len(from)
        .and_then(|()| file.sync_data())
        .map_err(io_err(path, M::DoCutTorn))?;
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
        .map_err(io_err(&tp, M::DoSaveTorn))?;
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
        .map_err(io_err(&tp, M::DoSaveTorn))?;
    if !existed {
        sync_parent(&tp);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn edit(value: &str, n: u32) -> Edit {
        Edit {
            id: "8.1".into(),
            field: Field::Actual,
            value: Some(value.into()),
            note: None,
            user: "李明".into(),
            time: Stamp::parse(&format!("2025-06-01T10:00:{n:02}+08:00")).unwrap(),
            expect: Expect::Any,
            period: None,
        }
    }

    /// The line an append of `edit` writes, at `line` over `old`.
    fn line_of(e: &Edit, line: u64, old: Option<&str>) -> Vec<u8> {
        entry::entry_line(&Entry {
            line,
            time: e.time,
            user: e.user.clone(),
            id: e.id.clone(),
            field: e.field,
            value: e.value.clone(),
            old: old.map(String::from),
            note: None,
            period: e.in_period(),
        })
    }

    fn recorded(r: Result<Appended, LedgerError>) -> Entry {
        match r.unwrap() {
            Appended::Recorded(e) => e,
            Appended::Unchanged(cur) => panic!("nothing recorded; current {cur:?}"),
        }
    }

    fn ledger_at(dir: &Path, bytes: Option<&[u8]>) -> (PathBuf, Ledger) {
        let path = dir.join("team").join("actuals.csv");
        if let Some(b) = bytes {
            fs::create_dir_all(dir.join("team")).unwrap();
            fs::write(&path, b).unwrap();
        }
        let l = Ledger::open(&path).unwrap();
        (path, l)
    }

    fn header(bom: bool) -> Vec<u8> {
        let mut b = if bom { BOM.to_vec() } else { Vec::new() };
        b.extend(entry::header_line());
        b
    }

    #[test]
    fn the_first_append_writes_a_bom_the_header_and_the_row() {
        let dir = tempfile::tempdir().unwrap();
        let (path, mut l) = ledger_at(dir.path(), None);
        let e = edit("512", 1);
        let row = recorded(l.append(e.clone()));
        assert_eq!(row.line, 2);
        let mut want = header(true);
        want.extend(line_of(&e, 2, None));
        let on_disk = fs::read(&path).unwrap();
        assert_eq!(on_disk, want);
        assert_eq!((l.offset, l.next_line), (want.len() as u64, 3));
        assert!(l.exists() && l.has_header());
        assert_eq!(l.current("8.1", Field::Actual), Some(row));
        assert_eq!(l.encoding(), Encoding::Utf8 { bom: true });
        assert_eq!(l.tail_check, want[want.len() - 64..]);
    }

    #[test]
    fn a_bom_only_file_gets_the_header_but_no_second_bom() {
        let dir = tempfile::tempdir().unwrap();
        let (path, mut l) = ledger_at(dir.path(), Some(BOM));
        let e = edit("1", 1);
        recorded(l.append(e.clone()));
        let mut want = header(true);
        want.extend(line_of(&e, 2, None));
        assert_eq!(fs::read(&path).unwrap(), want);
    }

    #[test]
    fn an_empty_file_gets_a_bom_and_the_header() {
        let dir = tempfile::tempdir().unwrap();
        let (path, mut l) = ledger_at(dir.path(), Some(b""));
        let e = edit("1", 1);
        recorded(l.append(e.clone()));
        let mut want = header(true);
        want.extend(line_of(&e, 2, None));
        assert_eq!(fs::read(&path).unwrap(), want);
    }

    #[test]
    fn the_next_row_follows_and_records_what_it_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let (path, mut l) = ledger_at(dir.path(), None);
        let (a, b) = (edit("1", 1), edit("2", 2));
        recorded(l.append(a.clone()));
        let before = fs::read(&path).unwrap();
        let row = recorded(l.append(b.clone()));
        assert_eq!((row.line, row.old.as_deref()), (3, Some("1")));
        let mut want = before.clone();
        want.extend(line_of(&b, 3, Some("1")));
        assert_eq!(fs::read(&path).unwrap(), want);
        // The same value again: nothing written.
        let same = l.append(edit("2.0", 3)).unwrap();
        assert_eq!(same, Appended::Unchanged(Some(row)));
        assert_eq!(fs::read(&path).unwrap(), want);
    }

    #[test]
    fn a_cut_short_line_is_moved_aside_before_the_append() {
        let dir = tempfile::tempdir().unwrap();
        let first = edit("1", 1);
        let mut bytes = header(true);
        bytes.extend(line_of(&first, 2, None));
        let complete = bytes.clone();
        bytes.extend(b"2025-06-0");
        let (path, mut l) = ledger_at(dir.path(), Some(&bytes));
        let e = edit("2", 2);
        let row = recorded(l.append(e.clone()));
        assert_eq!(row.line, 3);
        let mut want = complete;
        want.extend(line_of(&e, 3, Some("1")));
        assert_eq!(fs::read(&path).unwrap(), want);
        assert_eq!(
            l.warnings(),
            [Warning::MovedAside {
                path: path.clone(),
                line: 3,
                bytes: 9,
                to: torn_path(&path),
            }]
        );
        let torn = fs::read_to_string(torn_path(&path)).unwrap();
        assert!(torn.starts_with("# "), "{torn}");
        assert!(
            torn.ends_with(":3: 9 bytes cut short, moved here before the next append\n2025-06-0\n"),
            "{torn}"
        );
    }

    #[test]
    fn a_gb18030_ledger_is_not_appended_to() {
        let dir = tempfile::tempdir().unwrap();
        let text = "time,user,id,field,value,old,note\r\n\
                    2025-06-01T10:00:00+08:00,李明,8.1,actual,512,,\r\n";
        let (gb, _, _) = encoding_rs::GB18030.encode(text);
        let (path, mut l) = ledger_at(dir.path(), Some(&gb));
        let err = l.append(edit("1", 1)).unwrap_err();
        assert!(matches!(err, LedgerError::NeedsConversion { .. }), "{err}");
        assert_eq!(fs::read(&path).unwrap(), gb.as_ref());
    }

    #[test]
    fn a_removed_ledger_starts_again() {
        let dir = tempfile::tempdir().unwrap();
        let (path, mut l) = ledger_at(dir.path(), None);
        recorded(l.append(edit("1", 1)));
        fs::remove_file(&path).unwrap();
        let e = edit("2", 2);
        let row = recorded(l.append(e.clone()));
        assert_eq!((row.line, row.old.as_deref(), l.len()), (2, None, 1));
        let mut want = header(true);
        want.extend(line_of(&e, 2, None));
        assert_eq!(fs::read(&path).unwrap(), want);
    }

    #[test]
    fn an_invalid_edit_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (path, mut l) = ledger_at(dir.path(), None);
        let mut e = edit("1", 1);
        e.user = "  ".into();
        let err = l.append(e).unwrap_err();
        assert!(matches!(err, LedgerError::InvalidEdit(_)), "{err}");
        assert!(!path.exists());
        let err = l
            .undo("8.1", None, &Expect::Any, "u", Stamp::now(), None)
            .unwrap_err();
        assert!(matches!(err, LedgerError::NothingToUndo { .. }), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn the_lock_file_gets_the_ledgers_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        fs::write(&path, b"").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o660)).unwrap();
        open_lock(&path).unwrap();
        let mode = fs::metadata(lock_path(&path)).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o660);
        save_torn(&path, b"x", 2).unwrap();
        let mode = fs::metadata(torn_path(&path)).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o660);
    }
}
