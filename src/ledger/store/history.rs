//! Rows read back from the file by position: history newest first, in
//! batches of adjacent rows, and the one streamed pass of `ledger check`.

use crate::vocab::{M, Msg};

use super::progress::{Progress, Reporting};
use super::read::{AtReader, Stop, parse};
use super::{Ledger, io_err};
use crate::ledger::entry::Entry;
use crate::ledger::error::LedgerError;

/// At most this many adjacent rows are read back at once.
pub(super) const BATCH: usize = 1024;

/// Which rows a history lists, as row indexes (file order).
enum Order<'a> {
    /// Every row: `0..n`.
    All(usize),
    /// The rows of one id.
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

/// The next rows to read when `done` rows are listed: `(lo, hi, done
/// after)`, rows `lo..=hi` being the newest not yet listed that are
/// adjacent in the file (at most [`BATCH`]).
fn next_batch(order: &Order, done: usize) -> (usize, usize, usize) {
    let total = order.len();
    let hi = order.at(done);
    let mut lo = hi;
    let mut k = done + 1;
    while k < total && hi - lo + 1 < BATCH && lo > 0 && order.at(k) == lo - 1 {
        lo -= 1;
        k += 1;
    }
    (lo, hi, k)
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
        if !self.ledger.has_positions() && self.done != usize::MAX {
            self.done = usize::MAX;
            return Some(Err(self.ledger.no_positions()));
        }
        if let Some(e) = self.buf.pop() {
            return Some(Ok(e));
        }
        if self.done >= self.order.len() {
            return None;
        }
        let (lo, hi, done) = next_batch(&self.order, self.done);
        self.done = done;
        match self.ledger.read_rows(lo, hi) {
            Ok(rows) => {
                self.buf = rows;
                self.buf.pop().map(Ok)
            }
            Err(e) => {
                self.done = self.order.len();
                Some(Err(e))
            }
        }
    }
}

impl Ledger {
    /// The changes, newest first: of `id`, or of everything. Rows are read
    /// back from the file in batches; take what you need
    /// (`.take(limit)`).
    pub fn history(&self, id: Option<&str>) -> History<'_> {
        let order = match id {
            None => Order::All(self.index.len()),
            Some(id) => Order::Of(self.index.rows_of(id)),
        };
        History {
            ledger: self,
            order,
            done: 0,
            buf: Vec::new(),
        }
    }

    /// Reads rows `lo..=hi` back from the file.
    fn read_rows(&self, lo: usize, hi: usize) -> Result<Vec<Entry>, LedgerError> {
        let changed = || LedgerError::Failed {
            path: self.path.clone(),
            action: M::DoReadHistory,
            why: Msg::new(M::LedgerChangedWhileReading),
        };
        let (Some(file), Some(first)) = (&self.file, self.index.row(lo)) else {
            return Err(changed());
        };
        // The end of row `hi`: the start of the next row, or the read offset.
        let end = self.index.row(hi + 1).map_or(self.offset, |p| p.start);
        let mut reader = AtReader::new(file, first.start, end);
        let mut cols = self.columns.clone();
        let mut out = Vec::with_capacity(hi - lo + 1);
        let res = parse(
            &mut reader,
            first.start,
            first.line,
            self.encoding,
            &mut cols,
            &mut |_, e, _| out.push(e),
        );
        match res {
            Ok(()) if out.len() == hi - lo + 1 => Ok(out),
            Err(Stop::Io(e)) => Err(io_err(&self.path, M::DoReadHistory)(e)),
            _ => Err(changed()),
        }
    }

    /// Reads every row again, in file order, with its number of fields
    /// (`ledger check`). One pass, streamed: memory does not grow with the
    /// file.
    #[cfg(test)]
    pub(in crate::ledger) fn scan(
        &self,
        f: &mut dyn FnMut(Entry, usize),
    ) -> Result<(), LedgerError> {
        self.scan_with(f, &mut super::NoProgress)
    }

    /// [`Ledger::scan`], telling `progress` how far it is.
    pub(in crate::ledger) fn scan_with(
        &self,
        f: &mut dyn FnMut(Entry, usize),
        progress: &mut dyn Progress,
    ) -> Result<(), LedgerError> {
        if !self.has_positions() {
            return Err(self.no_positions());
        }
        let (Some(file), Some(first)) = (&self.file, self.index.row(0)) else {
            return Ok(());
        };
        let mut reader = AtReader::new(file, first.start, self.offset);
        let mut cols = self.columns.clone();
        let reporting = Reporting::new(&mut reader, self.offset - first.start, progress);
        let res = parse(
            reporting,
            first.start,
            first.line,
            self.encoding,
            &mut cols,
            &mut |_, e, n| f(e, n),
        );
        match res {
            Ok(()) => Ok(()),
            Err(Stop::Io(e)) => Err(io_err(&self.path, M::DoReadLedger)(e)),
            Err(_) => Err(LedgerError::Failed {
                path: self.path.clone(),
                action: M::DoCheckLedger,
                why: Msg::new(M::LedgerChangedWhileReading),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::ledger::entry::{self, Field, Stamp};

    fn row_line(id: &str, value: &str) -> Vec<u8> {
        entry::entry_line(&Entry {
            line: 0,
            time: Stamp::parse("2025-06-01T10:00:00+08:00").unwrap(),
            user: "u".into(),
            id: id.into(),
            field: Field::Actual,
            value: Some(value.into()),
            old: None,
            note: None,
            period: None,
        })
    }

    /// A ledger of rows `(id, value)` (their `old` left empty).
    fn ledger(rows: &[(&str, &str)]) -> (tempfile::TempDir, Ledger) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        let mut bytes = entry::header_line();
        for (id, v) in rows {
            bytes.extend(row_line(id, v));
        }
        fs::write(&path, bytes).unwrap();
        let l = Ledger::open(&path).unwrap();
        (dir, l)
    }

    fn values(h: impl Iterator<Item = Result<Entry, LedgerError>>) -> Vec<(u64, String)> {
        h.map(|e| {
            let e = e.unwrap();
            (e.line, e.value.unwrap_or_default())
        })
        .collect()
    }

    fn want(rows: &[(u64, &str)]) -> Vec<(u64, String)> {
        rows.iter().map(|(n, v)| (*n, v.to_string())).collect()
    }

    #[test]
    fn history_is_newest_first() {
        let (_dir, l) = ledger(&[("a", "1"), ("b", "5"), ("a", "2"), ("a", "3")]);
        assert_eq!(
            values(l.history(Some("a"))),
            want(&[(5, "3"), (4, "2"), (2, "1")])
        );
        assert_eq!(values(l.history(None).take(2)), want(&[(5, "3"), (4, "2")]));
        assert_eq!(values(l.history(Some("zz"))), want(&[]));
        assert_eq!((l.count("a"), l.count("b"), l.count("zz")), (3, 1, 0));
    }

    #[test]
    fn scan_reads_every_row_with_its_field_count() {
        let (dir, _) = ledger(&[("a", "1")]);
        let path = dir.path().join("actuals.csv");
        let mut bytes = fs::read(&path).unwrap();
        bytes.extend(b"2025-06-01T10:00:00+08:00,u,b,actual,2,,,2025,extra\r\n");
        fs::write(&path, bytes).unwrap();
        let l = Ledger::open(&path).unwrap();
        let mut seen = Vec::new();
        l.scan(&mut |e, n| seen.push((e.line, e.id, n))).unwrap();
        assert_eq!(seen, [(2, "a".to_string(), 8), (3, "b".to_string(), 9)]);
    }

    #[test]
    fn a_file_cut_shorter_since_the_read_is_an_error_once() {
        let (dir, l) = ledger(&[("a", "1"), ("a", "2")]);
        fs::write(dir.path().join("actuals.csv"), entry::header_line()).unwrap();
        let mut h = l.history(Some("a"));
        let err = h.next().unwrap().unwrap_err();
        assert!(
            err.to_string()
                .ends_with("cannot read the ledger's history: the file changed while reading; run the command again"),
            "{err}"
        );
        assert!(h.next().is_none());
    }

    fn batches(order: &Order) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut done = 0;
        while done < order.len() {
            let (lo, hi, next) = next_batch(order, done);
            assert_eq!(next - done, hi - lo + 1, "one row per index");
            out.push((lo, hi));
            done = next;
        }
        out
    }

    #[test]
    fn all_rows_come_newest_first_in_batches_of_1024() {
        assert_eq!(batches(&Order::All(5)), [(0, 4)]);
        assert_eq!(
            batches(&Order::All(3000)),
            [(1976, 2999), (952, 1975), (0, 951)]
        );
        assert_eq!(batches(&Order::All(0)), []);
    }

    #[test]
    fn an_ids_rows_are_batched_where_adjacent() {
        let rows = [0, 2, 3, 7];
        assert_eq!(batches(&Order::Of(&rows)), [(7, 7), (2, 3), (0, 0)]);
        let rows: Vec<u32> = (10..2060).collect();
        assert_eq!(
            batches(&Order::Of(&rows)),
            [(1036, 2059), (12, 1035), (10, 11)]
        );
    }

    #[test]
    fn the_kth_newest_row() {
        let rows = [1, 4, 9];
        let of = Order::Of(&rows);
        assert_eq!((of.at(0), of.at(2), of.len()), (9, 1, 3));
        let all = Order::All(10);
        assert_eq!((all.at(0), all.at(9), all.len()), (9, 0, 10));
    }
}
