//! A lean ledger: the full-screen UI's. Its progress (`report::Progress`)
//! keeps every id's current rows (values by period, the last actual row,
//! statuses, notes); the ledger keeps no second copy. Its index holds the
//! rows' positions only (history), and an edit or undo is decided on the
//! row its keeper names by line ([`Rows`]), read back from the file.
//!
//! - Opening ([`Ledger::open_lean`]) gives the checkpoint's kept rows to
//!   the caller as they are read, never holding them; without a valid
//!   checkpoint the ledger is read in full (the checkpoint written), its
//!   kept rows given, and then dropped.
//! - A file replaced or rewritten is read again in full: the ledger keeps
//!   that state ([`Ledger::lean_pending`]) until its keeper has read it
//!   again ([`Ledger::make_lean`]).
//! - A row is found by its line: among the rows with a position (those
//!   read after the checkpoint) by a binary search, else by counting line
//!   breaks from the nearest mark (every 4,096th line, found on the way),
//!   then parsed from there.

use crate::vocab::{Lang, M, Msg, Term};
use std::fs::File;
use std::io;

use super::index::Index;
use super::progress::Progress;
use super::read::{parse, read_exact_at};
use super::sys::Snap;
use super::{Ledger, io_err};
use crate::ledger::entry::{Entry, Field};
use crate::ledger::error::{LedgerError, Warning};
use crate::plan::Period;

/// Lines between two marks of where a line starts.
const MARK_EVERY: u64 = 4096;

/// The line a keeper names an actual's row by when it keeps the line in
/// 32 bits and the row is at or past it ([`Rows::line_in`]).
const PAST_KEPT: u64 = u32::MAX as u64;

/// What a lean ledger asks of whoever keeps its current rows (the UI's
/// progress): the lines of the rows an edit or an undo is decided on, and
/// the rows others appended, read under the lock just before.
pub trait Rows {
    /// A row appended by another session, read under the lock before the
    /// decision (file order): the lines asked next count it.
    fn take(&mut self, e: &Entry);
    /// The line of the row `id`'s `field` stands on: an actual's for
    /// `period` (that period's last row, a cleared one too), a status's or
    /// a note's last row; `0`: none. An actual's line may be kept in 32
    /// bits (the UI's `report::Point`): one at or past `u32::MAX` is then
    /// named by `u32::MAX`, not known exactly, and the ledger refuses to
    /// decide on it (`PAST_KEPT`).
    fn line_in(&self, id: &str, field: Field, period: Option<Period>) -> u64;
    /// The line of the last row of `id`'s `field` (an actual's whatever
    /// its period); `0`: none.
    fn last_line(&self, id: &str, field: Field) -> u64;
}

/// How many times a ledger is read when the file changes under each read.
const READS: usize = 3;

/// Bytes of the file's start compared before and after a read.
const HEAD: u64 = 64 * 1024;

/// Which file is at a path and how it starts: compared before and after a
/// read to tell a ledger replaced while it was read.
#[derive(Debug, PartialEq, Eq)]
struct Look {
    snap: Snap,
    head: Vec<u8>,
}

impl Look {
    /// `None`: no file to read (or not readable).
    fn of(path: &std::path::Path) -> Option<Look> {
        let file = File::open(path).ok()?;
        let meta = file.metadata().ok()?;
        let mut head = vec![0u8; usize::try_from(meta.len().min(HEAD)).ok()?];
        read_exact_at(&file, &mut head, 0).ok()?;
        Some(Look {
            snap: Snap::of(&meta),
            head,
        })
    }

    /// True when `now` is not this file grown (rows appended): another
    /// file, another start, or shorter than the `read` bytes read of it.
    fn replaced_by(&self, now: Option<&Look>, read: u64) -> bool {
        now.is_none_or(|n| {
            !n.snap.same_file(self.snap)
                || n.snap.len < read
                || n.head[..n.head.len().min(self.head.len())]
                    != self.head[..n.head.len().min(self.head.len())]
        })
    }
}

impl Ledger {
    /// Opens the ledger at `path` lean (see the module): the rows it keeps
    /// go to `take` (`Some`) as they are read, id by id, with `None` first
    /// when the rows given so far are to be forgotten (a checkpoint found
    /// stale after them); also the rows after the checkpoint, file order,
    /// to be applied after the kept ones. `progress` hears how far a full
    /// read is.
    pub fn open_lean(
        path: &std::path::Path,
        progress: &mut dyn Progress,
        take: &mut dyn FnMut(Option<&Entry>),
    ) -> Result<(Ledger, Vec<Entry>), LedgerError> {
        let mut tries = 1;
        loop {
            let before = Look::of(path);
            let res = Ledger::open_lean_once(path, progress, take, before.as_ref());
            if tries >= READS {
                return res;
            }
            let now = Look::of(path);
            // The file copied over (`cp`, same inode) or renamed over while
            // it was read: the rows read are a mix of two files, and an
            // error found in them is not the ledger's. Read it again.
            let again = match &res {
                Err(_) => now != before,
                Ok((l, _)) => before
                    .as_ref()
                    .is_some_and(|b| b.replaced_by(now.as_ref(), l.offset)),
            };
            if !again {
                return res;
            }
            take(None);
            tries += 1;
        }
    }

    /// [`Ledger::open_lean`], one read; `before`: the file as it was just
    /// before (a checkpoint is written only if it is still that file).
    fn open_lean_once(
        path: &std::path::Path,
        progress: &mut dyn Progress,
        take: &mut dyn FnMut(Option<&Entry>),
        before: Option<&Look>,
    ) -> Result<(Ledger, Vec<Entry>), LedgerError> {
        let mut sink = |e: &Entry| take(Some(e));
        let restored = Ledger::restore_into(path, Some(&mut sink));
        let (mut l, mut tail) = match restored {
            Some(mut l) => {
                l.lean = true;
                let tail = l.refresh()?.new;
                if l.torn_bytes() > 0 {
                    l.warnings.push(Warning::TornTail {
                        path: path.to_path_buf(),
                        line: l.next_line,
                        bytes: l.torn_bytes(),
                    });
                }
                (l, tail)
            }
            None => {
                take(None);
                let l = Ledger::open_unlocked_with(path, progress)?;
                let steady =
                    before.is_some_and(|b| !b.replaced_by(Look::of(path).as_ref(), l.offset));
                if l.index.len() >= super::CHECKPOINT_ROWS && steady {
                    let _ = l.save_checkpoint();
                }
                let mut l = l;
                l.lean = true;
                (l, Vec::new())
            }
        };
        l.settle_torn_lean(&mut tail)?;
        if l.lean_pending() {
            take(None);
            tail.clear();
            l.each_kept(|e, _| take(Some(e)));
            l.make_lean();
        }
        Ok((l, tail))
    }

    /// [`Ledger::settle_torn`], the rows it reads added to `new`.
    fn settle_torn_lean(&mut self, new: &mut Vec<Entry>) -> Result<(), LedgerError> {
        if self.torn_bytes() == 0 {
            return Ok(());
        }
        let path = self.path.clone();
        if let Ok(lock) = File::open(super::lock_path(&path))
            && lock.lock_shared().is_ok()
        {
            let res = self.refresh();
            let _ = lock.unlock();
            new.extend(res?.new);
            self.warnings.clear();
            if self.torn_bytes() > 0 {
                self.warnings.push(Warning::TornTail {
                    path,
                    line: self.next_line,
                    bytes: self.torn_bytes(),
                });
            }
        }
        Ok(())
    }

    /// True for a ledger opened lean ([`Ledger::open_lean`]).
    pub fn is_lean(&self) -> bool {
        self.lean
    }

    /// True when a lean ledger was read again in full (its file replaced
    /// or rewritten): its keeper reads its state again
    /// ([`Ledger::each_kept`]), then calls [`Ledger::make_lean`].
    pub fn lean_pending(&self) -> bool {
        self.lean && !self.index.is_lean()
    }

    /// Drops the rows' state (and their positions: history finds them
    /// again, [`Ledger::load_positions`]); the ledger stays lean.
    pub fn make_lean(&mut self) {
        self.unindexed += self.index.len() as u64;
        self.index = Index::lean();
        self.lean = true;
    }

    /// The current row of `id`'s `field` (an actual's for `period`): from
    /// the index, or on a lean ledger the row `rows` names, read back.
    pub(super) fn current_for(
        &self,
        rows: Option<&dyn Rows>,
        id: &str,
        field: Field,
        period: Option<Period>,
    ) -> Result<Option<Entry>, LedgerError> {
        if !self.index.is_lean() {
            return Ok(self.current_in(id, field, period));
        }
        let line = rows.map_or(0, |r| r.line_in(id, field, period));
        if field == Field::Actual && line == PAST_KEPT {
            return Err(self.past_kept(id, field, period));
        }
        self.row_of(line, id, field)
    }

    /// An actual's row at or past line `u32::MAX`, which the keeper does
    /// not know exactly: the command line decides such an edit (its
    /// ledger keeps lines in 64 bits).
    fn past_kept(&self, id: &str, field: Field, period: Option<Period>) -> LedgerError {
        let of = crate::ledger::error::maybe_words(
            period.map(|p| Msg::new(M::LedgerForPeriod).arg("period", p)),
        );
        LedgerError::Failed {
            path: self.path.clone(),
            action: M::DoDecideChange,
            why: Msg::new(M::LedgerPastKept)
                .arg("id", id)
                .words("field", field.word(Lang::Zh), field.as_str())
                .words("of", of.0, of.1)
                .arg("max", PAST_KEPT),
        }
    }

    /// The last row of `id`'s `field`: from the index, or on a lean ledger
    /// the row `rows` names, read back.
    pub(super) fn last_for(
        &self,
        rows: Option<&dyn Rows>,
        id: &str,
        field: Field,
    ) -> Result<Option<Entry>, LedgerError> {
        if !self.index.is_lean() {
            return Ok(self.last_row(id, field));
        }
        let line = rows.map_or(0, |r| r.last_line(id, field));
        self.row_of(line, id, field)
    }

    /// The row at `line` (`0`: none), which must be `id`'s `field`.
    fn row_of(&self, line: u64, id: &str, field: Field) -> Result<Option<Entry>, LedgerError> {
        if line == 0 {
            return Ok(None);
        }
        match self.row_at(line)? {
            Some(e) if e.id == id && e.field == field => Ok(Some(e)),
            found => Err(LedgerError::Failed {
                path: self.path.clone(),
                action: M::DoReadRowBack,
                why: Msg::new(M::LedgerNotRowOf)
                    .arg("line", line)
                    .arg("id", id)
                    .words("field", field.word(Lang::Zh), field.as_str())
                    .words(
                        "found",
                        found
                            .as_ref()
                            .map_or(M::Nothing.get(Lang::Zh).to_string(), |e| {
                                format!("{} {}", e.id, e.field.word(Lang::Zh))
                            }),
                        found.map_or("none".to_string(), |e| format!("{} {}", e.id, e.field)),
                    ),
            }),
        }
    }

    /// The row starting at `line`, read back from the file (`None`: no row
    /// starts there).
    pub(super) fn row_at(&self, line: u64) -> Result<Option<Entry>, LedgerError> {
        let Some(file) = &self.file else {
            return Ok(None);
        };
        if line == 0 || line >= self.next_line {
            return Ok(None);
        }
        let start = match self.index.row_at_line(line) {
            Some(p) => Some(p.start),
            None => self
                .line_start(file, line)
                .map_err(io_err(&self.path, M::DoReadLedger))?,
        };
        match start {
            Some(start) => self.parse_row_at(file, start, line),
            None => Ok(None),
        }
    }

    /// Where `line` starts: line breaks counted from the nearest mark.
    fn line_start(&self, file: &File, line: u64) -> io::Result<Option<u64>> {
        let mut marks = self.marks.lock().unwrap_or_else(|p| p.into_inner());
        let at = marks.partition_point(|&(l, _)| l <= line);
        let (mut cur, mut byte) = if at == 0 { (1, 0) } else { marks[at - 1] };
        let mut buf = vec![0u8; 1 << 18];
        while cur < line && byte < self.offset {
            let n = (self.offset - byte).min(buf.len() as u64) as usize;
            read_exact_at(file, &mut buf[..n], byte)?;
            for i in memchr::memchr_iter(b'\n', &buf[..n]) {
                cur += 1;
                let start = byte + i as u64 + 1;
                if cur.is_multiple_of(MARK_EVERY) && marks.last().is_none_or(|&(l, _)| l < cur) {
                    marks.push((cur, start));
                }
                if cur == line {
                    return Ok(Some(start));
                }
            }
            byte += n as u64;
        }
        Ok((cur == line).then_some(byte))
    }

    /// Parses the row starting at byte `start` (line `line`): a few KB
    /// read, more when the row is longer (a row is whole once another
    /// starts after it or the read reaches the end of the lines read).
    fn parse_row_at(
        &self,
        file: &File,
        start: u64,
        line: u64,
    ) -> Result<Option<Entry>, LedgerError> {
        let mut want = 4096u64;
        loop {
            let end = start.saturating_add(want).min(self.offset);
            let mut buf = vec![0u8; (end - start) as usize];
            read_exact_at(file, &mut buf, start).map_err(io_err(&self.path, M::DoReadLedger))?;
            let cut = if end == self.offset {
                buf.len()
            } else {
                buf.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)
            };
            let mut rows: Vec<Entry> = Vec::with_capacity(2);
            let mut cols = self.columns.clone();
            let _ = parse(
                &buf[..cut],
                start,
                line,
                self.encoding,
                &mut cols,
                &mut |_, e, _| {
                    if rows.len() < 2 {
                        rows.push(e);
                    }
                },
            );
            if rows.len() >= 2 || end == self.offset {
                return Ok(rows.into_iter().next().filter(|e| e.line == line));
            }
            want = want.saturating_mul(4);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::entry::{Stamp, entry_line, header_line};
    use crate::ledger::store::NoProgress;

    fn row(line: u64, k: u64) -> Entry {
        Entry {
            line,
            time: Stamp::parse("2025-06-01T10:00:00+08:00").unwrap(),
            user: format!("用户{}", k % 7),
            id: format!("9.{}", k % 500),
            field: if k.is_multiple_of(5) {
                Field::Note
            } else {
                Field::Actual
            },
            value: Some(format!("{k}")),
            old: None,
            note: k.is_multiple_of(3).then(|| "快报".to_string()),
            period: (!k.is_multiple_of(5)).then_some(Period::Year(2020 + (k % 6) as i32)),
        }
    }

    /// A lean ledger keeps no rows; any row comes back by its line, equal
    /// to what a full read has: before the checkpoint (line breaks counted
    /// from marks, every 4,096th line marked on the way) and after it (a
    /// binary search among the rows with positions).
    #[test]
    fn a_lean_ledger_reads_any_row_back_by_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        let mut bytes = header_line();
        for k in 0..10_000u64 {
            bytes.extend(entry_line(&row(k + 2, k)));
        }
        std::fs::write(&path, &bytes).unwrap();
        drop(Ledger::open_with_checkpoint(&path, &mut NoProgress).unwrap());
        for k in 10_000..10_100u64 {
            bytes.extend(entry_line(&row(k + 2, k)));
        }
        std::fs::write(&path, &bytes).unwrap();
        let mut kept = 0;
        let (l, tail) = Ledger::open_lean(&path, &mut NoProgress, &mut |e| {
            kept += usize::from(e.is_some());
        })
        .unwrap();
        assert!(l.is_lean() && !l.lean_pending() && !l.has_positions());
        assert_eq!((tail.len(), l.len()), (100, 10_100));
        // 500 ids: each its note and its actual's periods, nothing else.
        assert!(kept <= 500 * 7, "{kept} kept rows given");
        assert_eq!(l.current("9.7", Field::Actual), None, "no index state");
        for k in [
            0u64, 1, 4094, 4095, 4096, 8191, 8192, 9_999, 10_000, 10_099, 5_000, 3,
        ] {
            let line = k + 2;
            assert_eq!(l.row_at(line).unwrap(), Some(row(line, k)), "line {line}");
        }
        let marks = l.marks.lock().unwrap().clone();
        assert_eq!(
            marks.iter().map(|m| m.0).collect::<Vec<_>>(),
            [4096, 8192],
            "marks up to the checkpoint's rows"
        );
        assert_eq!(l.row_at(10_102).unwrap(), None, "past the last line");
        assert_eq!(l.row_at(0).unwrap(), None);
    }

    /// A keeper naming rows by fixed lines.
    struct Lines(u64);

    impl Rows for Lines {
        fn take(&mut self, _: &Entry) {}
        fn line_in(&self, _: &str, _: Field, _: Option<Period>) -> u64 {
            self.0
        }
        fn last_line(&self, _: &str, _: Field) -> u64 {
            self.0
        }
    }

    /// An actual's row the keeper names by `u32::MAX` (the UI's `Point`
    /// holds any line at or past it so, not exactly): the edit is refused
    /// saying so and what to do, not read at that line (another row, or
    /// none: "was the file changed by another program?", which it was not).
    /// A status's or note's line, and an actual's last row (an undo's),
    /// are exact: read at that line as any other.
    #[test]
    fn an_actual_line_past_what_the_ui_keeps_is_refused_saying_why() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        let mut bytes = header_line();
        for k in 1..=3u64 {
            bytes.extend(entry_line(&row(k + 1, k)));
        }
        std::fs::write(&path, &bytes).unwrap();
        let (l, _) = Ledger::open_lean(&path, &mut NoProgress, &mut |_| {}).unwrap();
        let past = Lines(u64::from(u32::MAX));
        let year = Some(Period::Year(2021));
        let err = l
            .current_for(Some(&past), "9.1", Field::Actual, year)
            .unwrap_err();
        let text = err.to_string();
        assert!(text.contains("9.1 actual for 2021"), "{text}");
        assert!(text.contains("at or past line 4294967295"), "{text}");
        assert!(text.contains("wudang-plan set"), "{text}");
        assert!(!text.contains("another program"), "{text}");
        // Exact lines are looked up as any other (none there: past the
        // end).
        let exact = [
            l.current_for(Some(&past), "9.1", Field::Note, None),
            l.last_for(Some(&past), "9.1", Field::Actual),
        ];
        for res in exact {
            let text = res.unwrap_err().to_string();
            assert!(
                text.contains("line 4294967295 is not a row of 9.1"),
                "{text}"
            );
        }
        // Below it, as before.
        let at = Lines(2);
        let e = l
            .current_for(Some(&at), "9.1", Field::Actual, year)
            .unwrap();
        assert_eq!(e, Some(row(2, 1)));
    }
}

#[cfg(test)]
mod replaced {
    use super::*;
    use crate::ledger::entry::{Stamp, entry_line, header_line};
    use crate::ledger::store::{NoProgress, Progress};

    /// A ledger of `n` rows, `tag` in every note (two ledgers of different
    /// tags have lines of different lengths).
    fn ledger(n: u64, tag: &str) -> Vec<u8> {
        let mut bytes = header_line();
        for k in 0..n {
            bytes.extend(entry_line(&Entry {
                line: k + 2,
                time: Stamp::parse("2025-06-01T10:00:00+08:00").unwrap(),
                user: format!("用户{}", k % 7),
                id: format!("9.{}", k % 500),
                field: Field::Actual,
                value: Some(format!("{k}")),
                old: None,
                note: Some(tag.to_string()),
                period: Some(Period::Year(2020 + (k % 6) as i32)),
            }));
        }
        bytes
    }

    /// The hook: the first report of a read past its start copies `new`
    /// over the file (same inode, as `cp` does), as if a colleague did it
    /// while the UI was reading.
    struct CopyOver<'a> {
        path: &'a std::path::Path,
        new: Option<Vec<u8>>,
    }

    impl Progress for CopyOver<'_> {
        fn update(&mut self, done: u64, total: u64) {
            if done > 0
                && done < total
                && let Some(new) = self.new.take()
            {
                std::fs::write(self.path, new).unwrap();
            }
        }
    }

    /// Issue 12 (fifth round): `cp other.csv actuals.csv` while the UI is
    /// reading the ledger made the read fail ("line …: found 1 field": the
    /// start of one file, the rest of the other) and closed the UI. A read
    /// that fails while the file changed under it is the ledger replaced:
    /// it is read again, and what comes is the new file's.
    #[test]
    fn a_ledger_copied_over_mid_read_is_read_again() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        std::fs::write(&path, ledger(30_000, "快报口径")).unwrap();
        let ino = std::fs::metadata(&path).unwrap().ino();
        let new = ledger(20_000, "x");
        let mut hook = CopyOver {
            path: &path,
            new: Some(new.clone()),
        };
        let mut kept = 0usize;
        let res = Ledger::open_lean(&path, &mut hook, &mut |e| match e {
            Some(_) => kept += 1,
            None => kept = 0,
        });
        assert!(hook.new.is_none(), "the file was copied over mid-read");
        assert_eq!(std::fs::metadata(&path).unwrap().ino(), ino, "same inode");
        let (l, tail) = res.expect("read again, not an error");
        assert_eq!(l.len(), 20_000, "the new file's rows");
        assert!(tail.is_empty());
        // What a read of the new file alone gives.
        let alone = dir.path().join("alone.csv");
        std::fs::write(&alone, &new).unwrap();
        let mut want = 0usize;
        Ledger::open_lean(&alone, &mut NoProgress, &mut |e| {
            want += usize::from(e.is_some())
        })
        .unwrap();
        assert_eq!(kept, want);
        assert_eq!(
            l.row_at(20_001).unwrap().unwrap().note.as_deref(),
            Some("x")
        );
    }
}

#[cfg(test)]
mod malformed {
    use super::*;
    use crate::ledger::entry::header_line;
    use crate::ledger::store::Progress;

    struct Starts(usize);

    impl Progress for Starts {
        fn update(&mut self, done: u64, _total: u64) {
            self.0 += usize::from(done == 0);
        }
    }

    /// A ledger malformed while nothing changes it is read once and its
    /// error said (not read again as if replaced).
    #[test]
    fn a_malformed_ledger_left_alone_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        let mut bytes = header_line();
        bytes.extend(b"2025-06-01T10:00:00+08:00\n");
        std::fs::write(&path, bytes).unwrap();
        let mut starts = Starts(0);
        let res = Ledger::open_lean(&path, &mut starts, &mut |_| {});
        assert!(matches!(res, Err(LedgerError::Malformed { .. })), "{res:?}");
        assert_eq!(starts.0, 1);
    }
}
