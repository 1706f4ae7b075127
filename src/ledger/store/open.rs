//! Opening a ledger: the first full read, which finds the encoding (a
//! BOM, else UTF-8, else GB18030), the header, every row and a cut-short
//! last line; and the errors for a file that is missing behind a link.

use crate::vocab::{M, Msg};
use std::fs::{self, File};
use std::io;
use std::path::Path;

use super::index::Index;
use super::progress::{NoProgress, Progress, Reporting};
use super::read::{AtReader, Source, Stop, complete_end, parse, read_exact_at, read_tail_check};
use super::sys::Snap;
use super::{BOM, Encoding, Ledger, io_err, lock_path};
use crate::ledger::columns::Columns;
use crate::ledger::error::{LedgerError, Warning};

/// What one parse of the complete lines found.
struct Parsed {
    index: Index,
    columns: Option<Columns>,
    /// Line breaks read: the line after the last is `1 + newlines`.
    newlines: u64,
}

impl Ledger {
    /// Opens and reads the ledger at `path`. A missing file is an empty
    /// ledger (created on the first edit). Rows that don't parse are
    /// reported with file:line; a cut-short last line is ignored with a
    /// warning ([`Ledger::warnings`]).
    pub fn open(path: &Path) -> Result<Ledger, LedgerError> {
        Ledger::open_unlocked(path)?.settle_torn()
    }

    /// A last line without a line break: looked at again under the lock.
    pub(super) fn settle_torn(mut self) -> Result<Ledger, LedgerError> {
        let path = self.path.clone();
        let (l, path) = (&mut self, path.as_path());
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
        Ok(self)
    }

    /// Reads the ledger at `path` without the lock (a missing file is an
    /// empty ledger).
    pub(super) fn open_unlocked(path: &Path) -> Result<Ledger, LedgerError> {
        Ledger::open_unlocked_with(path, &mut NoProgress)
    }

    /// [`Ledger::open_unlocked`], telling `progress` how far the read is.
    pub(super) fn open_unlocked_with(
        path: &Path,
        progress: &mut dyn Progress,
    ) -> Result<Ledger, LedgerError> {
        match File::open(path) {
            Ok(f) => Ledger::load_with(path, f, progress),
            Err(e) if e.kind() == io::ErrorKind::NotFound => match dangling(path) {
                Some(err) => Err(err),
                None => Ok(Ledger::empty(path)),
            },
            Err(e) => Err(io_err(path, M::DoOpenLedger)(e)),
        }
    }

    /// Reads the whole file from `file` (a handle on `path`).
    pub(super) fn load(path: &Path, file: File) -> Result<Ledger, LedgerError> {
        Ledger::load_with(path, file, &mut NoProgress)
    }

    fn load_with(
        path: &Path,
        file: File,
        progress: &mut dyn Progress,
    ) -> Result<Ledger, LedgerError> {
        let meta = file.metadata().map_err(io_err(path, M::DoReadLedger))?;
        if meta.is_dir() {
            return Err(LedgerError::Failed {
                path: path.to_path_buf(),
                action: M::DoReadLedger,
                why: Msg::new(M::LedgerIsDirectory),
            });
        }
        let mut l = Ledger::read_from_with(path, &file, meta.len(), progress)?;
        l.tail_check = read_tail_check(&file, l.offset, &mut l.bytes_read);
        l.snap = Some(Snap::of(&meta));
        l.file = Some(file);
        Ok(l)
    }

    /// Reads the first `len` bytes of `file` (the ledger at `path`): the
    /// index, encoding, columns, read offset and warnings; no file handle.
    #[cfg(test)]
    pub(super) fn read_from<S: Source + ?Sized>(
        path: &Path,
        file: &S,
        len: u64,
    ) -> Result<Ledger, LedgerError> {
        Ledger::read_from_with(path, file, len, &mut NoProgress)
    }

    /// [`Ledger::read_from`], telling `progress` how far the read is.
    pub(super) fn read_from_with<S: Source + ?Sized>(
        path: &Path,
        file: &S,
        len: u64,
        progress: &mut dyn Progress,
    ) -> Result<Ledger, LedgerError> {
        Ledger::read_from_kind(path, file, len, progress, false)
    }

    /// [`Ledger::read_from_with`]; `lean`: into a lean index (positions
    /// and id membership only, [`Index::lean`]).
    pub(super) fn read_from_kind<S: Source + ?Sized>(
        path: &Path,
        file: &S,
        len: u64,
        progress: &mut dyn Progress,
        lean: bool,
    ) -> Result<Ledger, LedgerError> {
        let mut l = Ledger::empty(path);
        let mut head = [0u8; 3];
        let bom = len >= 3 && read_exact_at(file, &mut head, 0).is_ok() && head == BOM;
        let base = if bom { 3 } else { 0 };
        // A file holding only a BOM (an editor's "empty" UTF-8 file) has
        // no line yet, and nothing cut short.
        let complete = complete_end(file, len, &mut l.bytes_read)
            .map_err(io_err(path, M::DoReadLedger))?
            .max(base);
        let tries: &[Encoding] = if bom {
            &[Encoding::Utf8 { bom: true }]
        } else {
            &[Encoding::Utf8 { bom: false }, Encoding::Gb18030]
        };
        let mut utf8_line = None;
        for &enc in tries {
            let range = (base, complete);
            match parse_complete(file, range, enc, (&mut l.bytes_read, lean), progress) {
                Ok(p) => {
                    l.index = p.index;
                    l.columns = p.columns;
                    l.encoding = enc;
                    l.offset = complete;
                    l.next_line = 1 + p.newlines;
                    break;
                }
                Err(Stop::Encoding { line }) if enc == (Encoding::Utf8 { bom: false }) => {
                    utf8_line = Some(line);
                }
                Err(stop) => return Err(stop.into_error(path, |_| not_decodable(utf8_line))),
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
}

/// Parses the complete lines `[base, complete)` of `file` as `enc`
/// (adding the bytes read to `read`).
fn parse_complete<S: Source + ?Sized>(
    file: &S,
    (base, complete): (u64, u64),
    enc: Encoding,
    (read, lean): (&mut u64, bool),
    progress: &mut dyn Progress,
) -> Result<Parsed, Stop> {
    let mut reader = AtReader::new(file, base, complete);
    let mut index = if lean {
        Index::lean()
    } else {
        Index::default()
    };
    let mut columns = None;
    let reporting = Reporting::new(&mut reader, complete - base, progress);
    let res = parse(reporting, base, 1, enc, &mut columns, &mut |p, e, _| {
        index.apply(p, e)
    });
    *read += reader.bytes_read();
    index.shrink();
    res.map(|()| Parsed {
        index,
        columns,
        newlines: reader.newlines(),
    })
}

/// What is wrong with a file neither encoding reads: `utf8_line` is where
/// UTF-8 failed (`None`: the file has a BOM, only UTF-8 was tried).
pub(super) fn not_decodable(utf8_line: Option<u64>) -> Msg {
    match utf8_line {
        Some(u) => Msg::new(M::LedgerNeitherEncoding).arg("line", u),
        None => Msg::new(M::LedgerBomNotUtf8),
    }
}

/// `path` is a symbolic link whose target does not exist: the error that
/// names both (creating the ledger through it would fail with "File
/// exists", and reading it as "no ledger yet" would hide the team's data).
pub(super) fn dangling(path: &Path) -> Option<LedgerError> {
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
        _ => io_err(path, M::DoOpenLedger)(e),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::ledger::entry::{self, Entry, Field, Stamp};

    fn row_line(value: &str) -> Vec<u8> {
        entry::entry_line(&Entry {
            line: 0,
            time: Stamp::parse("2025-06-01T10:00:00+08:00").unwrap(),
            user: "李明".into(),
            id: "8.1".into(),
            field: Field::Actual,
            value: Some(value.into()),
            old: None,
            note: Some("快报".into()),
            period: None,
        })
    }

    fn path() -> PathBuf {
        PathBuf::from("d/actuals.csv")
    }

    fn read(bytes: &[u8]) -> Result<Ledger, LedgerError> {
        Ledger::read_from(&path(), bytes, bytes.len() as u64)
    }

    fn utf8(bom: bool) -> Vec<u8> {
        let mut b = if bom { BOM.to_vec() } else { Vec::new() };
        b.extend(entry::header_line());
        b.extend(row_line("512"));
        b
    }

    #[test]
    fn a_bom_only_file_has_no_line_yet() {
        let l = read(BOM).unwrap();
        assert_eq!(l.encoding, Encoding::Utf8 { bom: true });
        assert_eq!((l.offset, l.next_line, l.len()), (3, 1, 0));
        assert!(!l.has_header());
        assert!(l.warnings().is_empty());
    }

    #[test]
    fn the_encoding_is_found() {
        let l = read(&utf8(true)).unwrap();
        assert_eq!(l.encoding, Encoding::Utf8 { bom: true });
        let l = read(&utf8(false)).unwrap();
        assert_eq!(l.encoding, Encoding::Utf8 { bom: false });
        assert_eq!(l.value("8.1", Field::Actual), Some("512"));
        let text = String::from_utf8(utf8(false)).unwrap();
        let (gb, _, _) = encoding_rs::GB18030.encode(&text);
        let l = read(&gb).unwrap();
        assert_eq!(l.encoding, Encoding::Gb18030);
        assert_eq!(l.current("8.1", Field::Actual).unwrap().user, "李明");
        assert_eq!((l.offset, l.next_line), (gb.len() as u64, 3));
    }

    #[test]
    fn a_file_neither_encoding_reads_names_both() {
        let mut bytes = utf8(false);
        bytes.extend(b"2025-06-02T10:00:00+08:00,\xff,8.1,actual,1,512,\r\n");
        let err = read(&bytes).unwrap_err();
        let LedgerError::Malformed { problems, .. } = err else {
            panic!("{err}");
        };
        assert_eq!(problems[0].line, 3);
        assert_eq!(
            problems[0].message.to_string(),
            "neither UTF-8 (invalid from line 3) nor GB18030 (invalid here); expected a CSV \
             file saved as UTF-8 or by Excel/WPS as GB18030"
        );
        let mut bytes = utf8(true);
        bytes.extend(b"2025-06-02T10:00:00+08:00,\xff,8.1,actual,1,512,\r\n");
        let LedgerError::Malformed { problems, .. } = read(&bytes).unwrap_err() else {
            panic!("not malformed");
        };
        assert_eq!(
            problems[0].message.to_string(),
            "not valid UTF-8 although the file starts with a UTF-8 BOM; expected UTF-8 text"
        );
    }

    #[test]
    fn a_cut_short_last_line_is_left_unread_with_a_warning() {
        let mut bytes = utf8(true);
        let complete = bytes.len() as u64;
        bytes.extend(b"2025-06-0");
        let l = read(&bytes).unwrap();
        assert_eq!((l.offset, l.next_line, l.len()), (complete, 3, 1));
        assert_eq!(
            l.warnings(),
            [Warning::TornTail {
                path: path(),
                line: 3,
                bytes: 9,
            }]
        );
    }

    #[test]
    fn the_first_read_reads_each_byte_about_twice() {
        // Back from the end for the last line break (the whole small
        // file), then forward from after the BOM.
        let bytes = utf8(true);
        let l = read(&bytes).unwrap();
        let n = bytes.len() as u64;
        assert_eq!(l.bytes_read(), n + (n - 3));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_nothing_is_named_not_taken_for_a_new_ledger() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("actuals.csv");
        std::os::unix::fs::symlink(dir.path().join("gone.csv"), &p).unwrap();
        let err = Ledger::open(&p).unwrap_err();
        assert!(
            matches!(&err, LedgerError::DanglingLink { target, .. } if target.ends_with("gone.csv")),
            "{err}"
        );
        let err = open_error(&p, io::ErrorKind::NotFound.into());
        assert!(matches!(err, LedgerError::DanglingLink { .. }), "{err}");
        // Not a link: the plain error.
        let plain = dir.path().join("other.csv");
        assert!(dangling(&plain).is_none());
        let err = open_error(&plain, io::ErrorKind::NotFound.into());
        assert!(matches!(err, LedgerError::Io { .. }), "{err}");
    }

    #[test]
    fn a_directory_is_not_a_ledger() {
        let dir = tempfile::tempdir().unwrap();
        let err = Ledger::open(dir.path()).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("it is a directory; expected a CSV file"),
            "{err}"
        );
    }
}
