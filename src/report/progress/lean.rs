//! The full-screen UI's one copy of the ledger's current rows: its
//! [`Progress`] read while a lean ledger ([`Ledger::open_lean`]) is opened,
//! and the lines that ledger decides an edit or undo on ([`Seen`]).

use std::path::Path;

use jiff::civil::Date;

use super::{Point, Progress};
use crate::ledger::{self, Entry, Field, Ledger, LedgerError};
use crate::plan::Period;

impl Progress {
    /// The ledger at `path` opened lean for the full-screen UI, and the
    /// progress read from it on the way: the ledger's kept rows are not
    /// held twice. `bar` hears how far a full read is (no checkpoint).
    pub fn read_lean(
        path: &Path,
        today: Date,
        bar: &mut dyn ledger::Progress,
    ) -> Result<(Ledger, Progress), LedgerError> {
        let mut b = Build::new(today);
        let (l, tail) = Ledger::open_lean(path, bar, &mut |e| match e {
            Some(e) => b.take(e),
            None => b = Build::new(today),
        })?;
        let mut p = b.finish();
        for e in &tail {
            p.apply(e);
        }
        Ok((l, p))
    }

    /// The line of `id`'s last actual row, whatever its period (`0`: none).
    pub fn last_line(&self, id: &str) -> u64 {
        self.slot(id)
            .and_then(|s| s.last.as_ref())
            .map_or(0, |l| l.line)
    }
}

/// A progress being read from a ledger's kept rows (the last row of each
/// period of an actual, the last status and note row), id by id: each
/// id's values by period in one exact allocation.
struct Build {
    p: Progress,
    /// The id being read, its slot, its values by period so far and the
    /// line of its last actual row.
    id: String,
    pos: Option<u32>,
    series: Vec<Point>,
    last: u64,
}

impl Build {
    fn new(today: Date) -> Build {
        Build {
            p: Progress::empty(today),
            id: String::new(),
            pos: None,
            series: Vec::new(),
            last: 0,
        }
    }

    fn take(&mut self, e: &Entry) {
        if self.pos.is_none() || self.id != e.id {
            self.flush();
            self.id.clear();
            self.id.push_str(&e.id);
            let pos = self.p.pos_mut(&e.id);
            self.last = self.p.last_line(&e.id);
            self.pos = Some(pos);
        }
        let Some(pos) = self.pos else { return };
        let last = e.field == Field::Actual && e.line >= self.last;
        if last {
            self.last = e.line;
        }
        self.p.take_kept(pos, e, last, &mut self.series);
    }

    /// Keeps the values by period read for the id being read.
    fn flush(&mut self) {
        let Some(pos) = self.pos.take() else { return };
        let slot = &mut self.p.slots[pos as usize];
        if slot.series.is_empty() {
            slot.series = self.series.as_slice().into();
        } else {
            // The id came again (not from a checkpoint or a ledger's kept
            // rows, which give each id once): merged.
            for q in self.series.drain(..) {
                super::put_boxed(&mut slot.series, q);
            }
        }
        self.series.clear();
    }

    fn finish(mut self) -> Progress {
        self.flush();
        self.p.slots.shrink_to_fit();
        self.p
    }
}

/// The lines a lean ledger decides an edit or an undo on: the progress the
/// UI shows, and the rows others appended, read under the lock just
/// before (`taken`: to be shown as others' changes).
#[derive(Debug)]
pub struct Seen<'a> {
    pub progress: &'a Progress,
    pub taken: Vec<Entry>,
}

impl<'a> Seen<'a> {
    pub fn new(progress: &'a Progress) -> Self {
        Seen {
            progress,
            taken: Vec::new(),
        }
    }

    /// The line of the last row taken of `id`'s `field` (and `period`).
    fn taken_line(&self, id: &str, field: Field, period: Option<Period>) -> Option<u64> {
        self.taken
            .iter()
            .rev()
            .find(|e| {
                e.id == id
                    && e.field == field
                    && period.is_none_or(|p| e.field != Field::Actual || e.in_period() == p)
            })
            .map(|e| e.line)
    }
}

impl ledger::Rows for Seen<'_> {
    fn take(&mut self, e: &Entry) {
        self.taken.push(e.clone());
    }

    fn line_in(&self, id: &str, field: Field, period: Option<Period>) -> u64 {
        if let Some(line) = self.taken_line(id, field, period) {
            return line;
        }
        match (field, period) {
            (Field::Actual, Some(p)) => self.progress.row_in(id, p),
            _ => self.progress.row_of(id, field),
        }
    }

    fn last_line(&self, id: &str, field: Field) -> u64 {
        if let Some(line) = self.taken_line(id, field, None) {
            return line;
        }
        match field {
            Field::Actual => self.progress.last_line(id),
            _ => self.progress.row_of(id, field),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{NoProgress, entry};

    /// What the lean read gives is what applying every row gives — values
    /// by period (a cleared one too), the last row, statuses, notes and
    /// remarks — whether the ledger has no checkpoint (read in full, its
    /// kept rows given, then dropped) or one with rows after it (its kept
    /// rows given as read, the rest applied after); the ledger keeps no
    /// state of its own.
    #[test]
    fn the_lean_read_is_the_rows_applied_one_by_one() {
        // The checkpoint is written after line 9.
        let mut rows = super::super::fixture::rows();
        let r = super::super::fixture::row;
        rows.push(r(14, "8.1", Field::Actual, Some("310"), None, Some("2022")));
        let today = jiff::civil::date(2025, 6, 30);
        let mut applied = Progress::empty(today);
        for r in &rows {
            applied.apply(r);
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        let write = |rows: &[Entry]| {
            let mut bytes = entry::header_line();
            for r in rows {
                bytes.extend(entry::entry_line(r));
            }
            std::fs::write(&path, bytes).unwrap();
        };
        write(&rows);
        let (l, read) = Progress::read_lean(&path, today, &mut NoProgress).unwrap();
        assert!(l.is_lean() && !l.lean_pending());
        assert_eq!(
            l.current("8.1", Field::Actual),
            None,
            "no state in the ledger"
        );
        assert_eq!(read, applied, "no checkpoint");
        write(&rows[..8]);
        Ledger::open(&path).unwrap().save_checkpoint().unwrap();
        write(&rows);
        let (l, read) = Progress::read_lean(&path, today, &mut NoProgress).unwrap();
        assert_eq!(l.len(), rows.len());
        assert_eq!(read, applied, "a checkpoint and rows after it");
        assert_eq!(read.last_line("8.1"), 14);
        assert_eq!(read.row_in("8.1", Period::Year(2025)), 7, "cleared, kept");
    }
}
