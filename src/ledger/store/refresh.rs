//! Catching up with the file: what others appended is read from the read
//! offset on (a `stat`, then only the new complete lines); a file replaced
//! or rewritten in place (noticed by the bytes just before the offset) is
//! read again from the start. A file that had rows and is now missing or
//! empty is said [`Gone`] and not taken in (what was read is kept).

use crate::vocab::{M, Msg};
use std::fs::{self, File};
use std::io;
use std::path::Path;

use super::index::RowPos;
use super::read::{parse, read_exact_at, read_tail_check};
use super::sys::Snap;
use super::{Encoding, Ledger, TAIL_CHECK, io_err};
use crate::ledger::entry::Entry;
use crate::ledger::error::LedgerError;

/// What [`Ledger::refresh`] found.
#[derive(Debug, Default)]
pub struct Refreshed {
    /// Rows appended by others since the last read, file order.
    pub new: Vec<Entry>,
    /// The file was replaced or rewritten and read again from the start:
    /// everything may have changed.
    pub reloaded: bool,
    /// The file that had rows is missing or empty now: nothing was taken
    /// in, what was read is kept (see [`Gone`]).
    pub gone: Option<Gone>,
}

/// A ledger that had rows when read, not there any more: not silently
/// restarted as a new, empty ledger (an edit would create a second file
/// at the old path while everyone's rows sit in the moved one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gone {
    /// No file at the path (moved away or deleted).
    Missing,
    /// The file is there with no rows (cut to nothing, or a header only).
    Emptied,
}

impl Refreshed {
    fn gone(gone: Gone) -> Refreshed {
        Refreshed {
            gone: Some(gone),
            ..Refreshed::default()
        }
    }

    fn reloaded() -> Refreshed {
        Refreshed {
            new: Vec::new(),
            reloaded: true,
            gone: None,
        }
    }
}

impl Ledger {
    /// Picks up what others appended: a `stat`, and if the file grew, a
    /// read of the new complete lines only. A replaced or rewritten file is
    /// read again from the start (`reloaded`). Takes no lock.
    pub fn refresh(&mut self) -> Result<Refreshed, LedgerError> {
        let path = self.path.clone();
        let meta = match fs::metadata(&path) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if self.had_rows() {
                    return Ok(Refreshed::gone(Gone::Missing));
                }
                if self.file.is_none() {
                    return Ok(Refreshed::default());
                }
                self.replace(Ledger::empty(&path));
                return Ok(Refreshed::reloaded());
            }
            Err(e) => return Err(io_err(&path, M::DoReadLedger)(e)),
        };
        let now = Snap::of(&meta);
        if self.snap == Some(now) {
            return Ok(Refreshed::default());
        }
        if let Some(file) = self.appended_to(now)? {
            let new = self.read_tail(&file, now.len)?;
            self.snap = Some(now);
            return Ok(Refreshed {
                new,
                ..Refreshed::default()
            });
        }
        if now.len == 0 && self.had_rows() {
            return Ok(Refreshed::gone(Gone::Emptied));
        }
        let read_before = self.bytes_read;
        let again = Ledger::open_unlocked(&path)?;
        if again.last_line() <= 1 && self.had_rows() {
            // a header alone: emptied as well (its few bytes read)
            self.bytes_read += again.bytes_read;
            return Ok(Refreshed::gone(Gone::Emptied));
        }
        self.replace(again);
        self.bytes_read += read_before;
        Ok(Refreshed::reloaded())
    }

    /// True when rows were read (a line after the header).
    fn had_rows(&self) -> bool {
        self.last_line() > 1
    }

    /// A handle on the file when `now` is the file read so far with only
    /// bytes added after the read offset (`None`: read it again).
    fn appended_to(&mut self, now: Snap) -> Result<Option<File>, LedgerError> {
        let (Some(s), Some(file)) = (self.snap, self.file.as_ref()) else {
            return Ok(None);
        };
        if !(s.same_file(now) && now.len >= self.offset && self.columns.is_some()) {
            return Ok(None);
        }
        let mut read = 0;
        let check = read_tail_check(file, self.offset, &mut read);
        self.bytes_read += read;
        if check != self.tail_check {
            return Ok(None);
        }
        let file = file
            .try_clone()
            .map_err(io_err(&self.path, M::DoReadLedger))?;
        Ok(Some(file))
    }

    /// Brings the index up to date with `file` (held under the lock):
    /// reads only the new tail (its rows given back), or everything again
    /// when the file was replaced or rewritten (none given back).
    pub(super) fn catch_up(
        &mut self,
        path: &Path,
        file: &File,
        meta: &fs::Metadata,
    ) -> Result<Vec<Entry>, LedgerError> {
        let now = Snap::of(meta);
        let same_file = self.snap.is_some_and(|s| s.same_file(now));
        let intact = same_file
            && now.len >= self.offset
            && self.columns.is_some()
            && read_tail_check(file, self.offset, &mut self.bytes_read) == self.tail_check;
        if intact {
            let new = self.read_tail(file, now.len)?;
            self.snap = Some(now);
            return Ok(new);
        }
        if now.len == 0 && self.is_empty() {
            self.snap = Some(now);
            self.offset = 0;
            self.next_line = 1;
            self.columns = None;
            self.tail_check.clear();
            return Ok(Vec::new());
        }
        let handle = file.try_clone().map_err(io_err(path, M::DoReadLedger))?;
        let read_before = self.bytes_read;
        self.replace(Ledger::load(path, handle)?);
        self.bytes_read += read_before;
        Ok(Vec::new())
    }

    /// Reads the complete lines appended after `offset`, up to `len`.
    fn read_tail(&mut self, file: &File, len: u64) -> Result<Vec<Entry>, LedgerError> {
        if len <= self.offset {
            return Ok(Vec::new());
        }
        let mut buf = vec![0u8; (len - self.offset) as usize];
        read_exact_at(file, &mut buf, self.offset).map_err(io_err(&self.path, M::DoReadLedger))?;
        self.bytes_read += buf.len() as u64;
        let Some(last) = buf.iter().rposition(|&b| b == b'\n') else {
            return Ok(Vec::new());
        };
        let part = &buf[..=last];
        let rows = self.parse_tail(part)?;
        let mut new = Vec::with_capacity(rows.len());
        for (p, e) in rows {
            new.push(e.clone());
            self.index.apply(p, e);
        }
        self.offset += part.len() as u64;
        self.next_line += part.iter().filter(|&&b| b == b'\n').count() as u64;
        self.push_tail_check(part);
        Ok(new)
    }

    /// Parses complete lines read at the read offset.
    fn parse_tail(&self, part: &[u8]) -> Result<Vec<(RowPos, Entry)>, LedgerError> {
        let mut rows = Vec::new();
        let mut cols = self.columns.clone();
        let enc = self.encoding;
        parse(
            part,
            self.offset,
            self.next_line,
            enc,
            &mut cols,
            &mut |p, e, _| rows.push((p, e)),
        )
        .map_err(|stop| {
            stop.into_error(&self.path, |_| {
                Msg::new(M::LedgerAppendedOther).arg(
                    "encoding",
                    if enc == Encoding::Gb18030 {
                        "GB18030"
                    } else {
                        "UTF-8"
                    },
                )
            })
        })?;
        Ok(rows)
    }

    /// Remembers the last bytes read or written.
    pub(super) fn push_tail_check(&mut self, bytes: &[u8]) {
        let keep = TAIL_CHECK as usize;
        if bytes.len() >= keep {
            self.tail_check = bytes[bytes.len() - keep..].to_vec();
        } else {
            self.tail_check.extend_from_slice(bytes);
            let cut = self.tail_check.len().saturating_sub(keep);
            self.tail_check.drain(..cut);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fs::OpenOptions;
    use std::io::Write;
    use std::path::PathBuf;

    use super::*;
    use crate::ledger::entry::{self, Field, Stamp};
    use crate::ledger::store::BOM;

    fn row_line(value: &str, old: Option<&str>) -> Vec<u8> {
        entry::entry_line(&Entry {
            line: 0,
            time: Stamp::parse("2025-06-01T10:00:00+08:00").unwrap(),
            user: "王芳".into(),
            id: "8.1".into(),
            field: Field::Actual,
            value: Some(value.into()),
            old: old.map(String::from),
            note: None,
            period: None,
        })
    }

    /// A ledger file with a header and one row, opened.
    fn opened() -> (tempfile::TempDir, PathBuf, Ledger) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        let mut bytes = BOM.to_vec();
        bytes.extend(entry::header_line());
        bytes.extend(row_line("1", None));
        fs::write(&path, &bytes).unwrap();
        let l = Ledger::open(&path).unwrap();
        (dir, path, l)
    }

    fn add(path: &Path, bytes: &[u8]) {
        let mut f = OpenOptions::new().append(true).open(path).unwrap();
        f.write_all(bytes).unwrap();
    }

    #[test]
    fn a_grown_file_is_read_from_the_offset_only() {
        let (_dir, path, mut l) = opened();
        let before = l.bytes_read();
        let offset = l.offset;
        assert!(offset > TAIL_CHECK);
        let row = row_line("2", Some("1"));
        add(&path, &row);
        let r = l.refresh().unwrap();
        assert!(!r.reloaded);
        let got: Vec<(u64, Option<&str>)> =
            r.new.iter().map(|e| (e.line, e.value.as_deref())).collect();
        assert_eq!(got, [(3, Some("2"))]);
        // The bytes before the offset that tell a rewrite, then the row.
        assert_eq!(l.bytes_read() - before, TAIL_CHECK + row.len() as u64);
        assert_eq!(l.offset, offset + row.len() as u64);
        assert_eq!(l.next_line, 4);
        assert_eq!(l.value("8.1", Field::Actual), Some("2"));
        let file = fs::read(&path).unwrap();
        assert_eq!(l.tail_check, file[file.len() - 64..]);
    }

    #[test]
    fn an_unchanged_file_is_not_read() {
        let (_dir, _path, mut l) = opened();
        let before = l.bytes_read();
        let r = l.refresh().unwrap();
        assert!(r.new.is_empty() && !r.reloaded);
        assert_eq!(l.bytes_read(), before);
    }

    #[test]
    fn a_line_being_written_is_read_once_complete() {
        let (_dir, path, mut l) = opened();
        let offset = l.offset;
        let row = row_line("2", Some("1"));
        let (head, rest) = row.split_at(10);
        add(&path, head);
        let before = l.bytes_read();
        let r = l.refresh().unwrap();
        assert!(r.new.is_empty() && !r.reloaded);
        assert_eq!(l.offset, offset);
        assert_eq!(l.bytes_read() - before, TAIL_CHECK + 10);
        add(&path, rest);
        let r = l.refresh().unwrap();
        assert_eq!(r.new.len(), 1);
        assert_eq!(l.offset, offset + row.len() as u64);
    }

    #[test]
    fn a_file_rewritten_in_place_is_read_again() {
        let (_dir, path, mut l) = opened();
        let mut bytes = BOM.to_vec();
        bytes.extend(entry::header_line());
        bytes.extend(row_line("7", None));
        bytes.extend(row_line("8", Some("7")));
        fs::write(&path, &bytes).unwrap();
        let r = l.refresh().unwrap();
        assert!(r.reloaded && r.new.is_empty());
        assert_eq!((l.len(), l.value("8.1", Field::Actual)), (2, Some("8")));
    }

    /// A file that had rows, moved away (or removed), is not taken for a
    /// new empty ledger (an edit would start one at the old path, the
    /// rows left in the moved file): said gone, what was read kept, until
    /// it is back.
    #[test]
    fn a_moved_away_file_is_said_gone_and_kept_until_back() {
        let (dir, path, mut l) = opened();
        let away = dir.path().join("elsewhere.csv");
        fs::rename(&path, &away).unwrap();
        for _ in 0..2 {
            let r = l.refresh().unwrap();
            assert_eq!(r.gone, Some(Gone::Missing));
            assert!(!r.reloaded && r.new.is_empty());
            assert_eq!((l.len(), l.value("8.1", Field::Actual)), (1, Some("1")));
        }
        fs::rename(&away, &path).unwrap();
        let r = l.refresh().unwrap();
        assert_eq!(r.gone, None);
        assert_eq!(l.value("8.1", Field::Actual), Some("1"));
    }

    /// A file that had rows cut to nothing (`: > ledger.csv`), or to its
    /// header alone, is said emptied, not read as a new ledger; rows
    /// written back are taken in.
    #[test]
    fn an_emptied_file_is_said_emptied_and_kept_until_rows_come_back() {
        let (_dir, path, mut l) = opened();
        let full = fs::read(&path).unwrap();
        let mut header = BOM.to_vec();
        header.extend(entry::header_line());
        for cut in [Vec::new(), header] {
            fs::write(&path, &cut).unwrap();
            let r = l.refresh().unwrap();
            assert_eq!(r.gone, Some(Gone::Emptied));
            assert_eq!((l.len(), l.value("8.1", Field::Actual)), (1, Some("1")));
        }
        let mut back = full.clone();
        back.extend(row_line("2", Some("1")));
        fs::write(&path, &back).unwrap();
        // the same bytes back, and a row more: read as appended
        let r = l.refresh().unwrap();
        assert!(r.gone.is_none() && r.new.len() == 1);
        assert_eq!(l.value("8.1", Field::Actual), Some("2"));
    }

    /// A ledger that never had rows may still be removed and created
    /// again: nothing to lose.
    #[test]
    fn a_removed_empty_ledger_is_an_empty_ledger() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        let mut bytes = BOM.to_vec();
        bytes.extend(entry::header_line());
        fs::write(&path, &bytes).unwrap();
        let mut l = Ledger::open(&path).unwrap();
        fs::remove_file(&path).unwrap();
        let r = l.refresh().unwrap();
        assert!(r.reloaded && r.gone.is_none());
        assert!(!l.exists() && l.is_empty());
        let r = l.refresh().unwrap();
        assert!(!r.reloaded && r.new.is_empty());
    }

    #[test]
    fn rows_in_another_encoding_are_refused() {
        let (_dir, path, mut l) = opened();
        let (gb, _, _) =
            encoding_rs::GB18030.encode("2025-06-02T10:00:00+08:00,王芳,8.1,actual,2,1,\r\n");
        add(&path, &gb);
        let err = l.refresh().unwrap_err();
        let LedgerError::Malformed { problems, .. } = err else {
            panic!("{err}");
        };
        assert_eq!(problems[0].line, 3);
        assert_eq!(
            problems[0].message.to_string(),
            "not valid UTF-8 like the rest of the file; expected rows written by wudang-plan \
             (another program appended in another encoding?)"
        );
    }

    #[test]
    fn the_tail_check_keeps_the_last_64_bytes() {
        let (_dir, _path, mut l) = opened();
        l.tail_check.clear();
        l.push_tail_check(&[1; 10]);
        assert_eq!(l.tail_check, [1; 10]);
        l.push_tail_check(&[2; 60]);
        let mut want = vec![1u8; 4];
        want.extend([2; 60]);
        assert_eq!(l.tail_check, want);
        let long: Vec<u8> = (0..100).collect();
        l.push_tail_check(&long);
        assert_eq!(l.tail_check, long[36..]);
    }
}
