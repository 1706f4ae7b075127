//! `wudang-plan ledger convert`: a GB18030 (Excel/WPS) or BOM-less UTF-8
//! ledger, or one of the first release (no `period` column), rewritten as
//! UTF-8 with a BOM and the `period` column, atomically, after a backup
//! copy.
//!
//! The file is read once; the backup, the rows, the cut-short tail and the
//! converted text all come from that one buffer (Excel/WPS do not take our
//! lock and may write the file at any moment). If the file changed while it
//! was read or converted, nothing is replaced and the command says so.

use crate::vocab::{M, Msg};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use super::open::open_error;
use super::progress::{NoProgress, Progress};
use super::write::{open_lock, save_torn};
use super::{BOM, Encoding, Ledger, io_err, sys, torn_path};
use crate::ledger::columns::Columns;
use crate::ledger::entry::{self, Stamp};
use crate::ledger::error::{LedgerError, LineProblem, Warning};

/// What [`convert`] did.
#[derive(Debug)]
pub enum Converted {
    /// The file already is UTF-8 with a BOM and has the `period` column;
    /// nothing was written.
    AlreadyUtf8,
    Done {
        from: Encoding,
        /// The `period` column was added (a first-release ledger): each
        /// actual's cell is the year of its time stamp, the period it
        /// belonged to before.
        period_added: bool,
        rows: usize,
        backup: PathBuf,
        warnings: Vec<Warning>,
    },
}

/// Rewrites a GB18030 (or BOM-less UTF-8) ledger as UTF-8 with a BOM,
/// atomically: under the lock, a backup copy of the original bytes first,
/// then a temporary file with the same permissions, synced, renamed over
/// the ledger, and the directory synced. Rows that don't parse stop it
/// with the file untouched.
pub fn convert(path: &Path, now: Stamp) -> Result<Converted, LedgerError> {
    convert_with(path, now, &mut NoProgress)
}

/// [`convert`], telling `progress` how far the read of the rows is.
pub fn convert_with(
    path: &Path,
    now: Stamp,
    progress: &mut dyn Progress,
) -> Result<Converted, LedgerError> {
    let lock = open_lock(path)?;
    lock.lock().map_err(io_err(path, M::DoLockLedger))?;
    let res = convert_locked(path, now, &mut || {}, progress);
    let _ = lock.unlock();
    res
}

/// What identifies the file's content for "did it change?": size and
/// modification time.
fn stamp_of(m: &fs::Metadata) -> (u64, Option<std::time::SystemTime>) {
    (m.len(), m.modified().ok())
}

fn changed(path: &Path) -> LedgerError {
    LedgerError::Failed {
        path: path.to_path_buf(),
        action: M::DoConvertLedger,
        why: Msg::new(M::LedgerChangedWhileConverting),
    }
}

/// [`convert`] under the lock. `after_read` runs once the bytes are read
/// (tests use it to change the file at the worst moment).
fn convert_locked(
    path: &Path,
    now: Stamp,
    after_read: &mut dyn FnMut(),
    progress: &mut dyn Progress,
) -> Result<Converted, LedgerError> {
    let mut file = File::open(path).map_err(|e| open_error(path, e))?;
    let meta = file.metadata().map_err(io_err(path, M::DoReadLedger))?;
    let mut original = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut original)
        .map_err(io_err(path, M::DoReadLedger))?;
    after_read();
    let read_meta = file.metadata().map_err(io_err(path, M::DoReadLedger))?;
    if stamp_of(&read_meta) != stamp_of(&meta) || read_meta.len() != original.len() as u64 {
        return Err(changed(path));
    }
    // Everything below comes from `original`, never from the file again.
    let ledger =
        Ledger::read_from_with(path, original.as_slice(), original.len() as u64, progress)?;
    let from = ledger.encoding;
    let old_columns = ledger.columns.as_ref().filter(|c| !c.has_period());
    if from == (Encoding::Utf8 { bom: true }) && old_columns.is_none() {
        return Ok(Converted::AlreadyUtf8);
    }
    let complete = &original[..ledger.offset as usize];
    let mut converted = utf8_text(path, from, complete, ledger.columns.is_none())?;
    if let Some(columns) = old_columns {
        converted = with_period_column(path, &converted, columns)?;
    }

    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "actuals.csv".into());

    // 1. The backup: the original bytes, exactly.
    let backup = write_backup(path, &dir, &name, &original, &meta, now)?;

    // 2. A cut-short last line goes to the .torn file too.
    let mut warnings = Vec::new();
    let tail = &original[ledger.offset as usize..];
    if !tail.is_empty() {
        save_torn(path, tail, ledger.next_line)?;
        warnings.push(Warning::MovedAside {
            path: path.to_path_buf(),
            line: ledger.next_line,
            bytes: tail.len() as u64,
            to: torn_path(path),
        });
    }

    // 3. The new file beside it, then rename over the ledger, unless the
    //    ledger changed meanwhile.
    let tmp = dir.join(format!(".{name}.convert.tmp"));
    let mut guard = TempGuard(Some(tmp.clone()));
    write_synced(&tmp, &converted, &meta)?;
    match fs::metadata(path) {
        Ok(m) if stamp_of(&m) == stamp_of(&meta) => {}
        _ => return Err(changed(path)),
    }
    fs::rename(&tmp, path).map_err(io_err(path, M::DoReplaceLedger))?;
    guard.0 = None;
    sys::sync_dir(&dir).map_err(io_err(&dir, M::DoSyncDir))?;
    Ok(Converted::Done {
        from,
        period_added: old_columns.is_some(),
        rows: ledger.len(),
        backup,
        warnings,
    })
}

/// The complete lines as UTF-8 with a BOM (and a header when there is
/// none).
fn utf8_text(
    path: &Path,
    from: Encoding,
    complete: &[u8],
    no_header: bool,
) -> Result<Vec<u8>, LedgerError> {
    let text: String = match from {
        Encoding::Gb18030 => encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(complete)
            .map(|c| c.into_owned())
            .ok_or_else(|| LedgerError::Malformed {
                path: path.to_path_buf(),
                problems: vec![LineProblem {
                    line: 1,
                    message: Msg::new(M::LedgerNotGb18030),
                }],
                more: 0,
            })?,
        Encoding::Utf8 { .. } => String::from_utf8(complete.to_vec()).map_err(|e| {
            let upto = &complete[..e.utf8_error().valid_up_to()];
            LedgerError::Malformed {
                path: path.to_path_buf(),
                problems: vec![LineProblem {
                    line: 1 + upto.iter().filter(|&&b| b == b'\n').count() as u64,
                    message: Msg::new(M::LedgerNotUtf8),
                }],
                more: 0,
            }
        })?,
    };
    let mut converted = Vec::with_capacity(BOM.len() + text.len());
    converted.extend_from_slice(BOM);
    converted.extend_from_slice(text.as_bytes());
    if no_header {
        converted.extend_from_slice(&entry::header_line());
    }
    Ok(converted)
}

/// The UTF-8 text of a first-release ledger (BOM first) with the `period`
/// column added after the header's last column: `period` in the header,
/// the year of the row's time stamp for an actual, empty for a status or
/// a note (which have no period). Every row was read before, so each
/// record parses.
fn with_period_column(path: &Path, text: &[u8], columns: &Columns) -> Result<Vec<u8>, LedgerError> {
    let body = text.strip_prefix(BOM).unwrap_or(text);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body);
    let mut out = Vec::with_capacity(text.len() + text.len() / 8);
    out.extend_from_slice(BOM);
    let width = columns.width();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| LedgerError::Malformed {
            path: path.to_path_buf(),
            problems: vec![LineProblem {
                line: e.position().map_or(1, |p| p.line()),
                message: Msg::new(M::LedgerNoPeriodColumnAdded).arg("detail", e),
            }],
            more: 0,
        })?;
        let fields: Vec<String> = rec.iter().map(str::to_string).collect();
        let cell = if i == 0 {
            "period".to_string()
        } else {
            columns.default_period_cell(&fields)
        };
        out.extend_from_slice(&entry::with_period_cell(fields, width, &cell));
    }
    Ok(out)
}

/// Writes `bytes` to a new `tmp` with the ledger's permission bits and
/// group, synced.
fn write_synced(tmp: &Path, bytes: &[u8], meta: &fs::Metadata) -> Result<(), LedgerError> {
    let mut t = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(tmp)
        .map_err(io_err(tmp, M::DoCreateConverted))?;
    t.write_all(bytes)
        .and_then(|()| sys::set_mode(&t, sys::mode(meta)))
        .and_then(|()| {
            sys::set_group(&t, meta);
            t.sync_all()
        })
        .map_err(io_err(tmp, M::DoWriteConverted))
}

/// Removes a temporary file unless it was renamed into place.
struct TempGuard(Option<PathBuf>);

impl Drop for TempGuard {
    fn drop(&mut self) {
        if let Some(p) = self.0.take() {
            let _ = fs::remove_file(p);
        }
    }
}

fn write_backup(
    path: &Path,
    dir: &Path,
    name: &str,
    bytes: &[u8],
    meta: &fs::Metadata,
    now: Stamp,
) -> Result<PathBuf, LedgerError> {
    let stamp = now
        .offset
        .to_datetime(now.timestamp)
        .strftime("%Y%m%dT%H%M%S")
        .to_string();
    for n in 1..=100 {
        let candidate = if n == 1 {
            dir.join(format!("{name}.bak-{stamp}"))
        } else {
            dir.join(format!("{name}.bak-{stamp}-{n}"))
        };
        let mut f = match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io_err(path, M::DoCreateBackup)(e)),
        };
        let res = f
            .write_all(bytes)
            .and_then(|()| sys::set_mode(&f, sys::mode(meta)))
            .and_then(|()| {
                sys::set_group(&f, meta);
                f.sync_all()
            });
        if let Err(e) = res {
            drop(f);
            let _ = fs::remove_file(&candidate);
            return Err(io_err(path, M::DoWriteBackup)(e));
        }
        return Ok(candidate);
    }
    Err(LedgerError::Failed {
        path: path.to_path_buf(),
        action: M::DoCreateBackup,
        why: Msg::new(M::LedgerTooManyBackups),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A GB18030 ledger: header and one row, as Excel/WPS save it.
    fn gb18030_ledger(dir: &Path) -> PathBuf {
        let path = dir.join("actuals.csv");
        let text = "time,user,id,field,value,old,note\r\n\
                    2025-06-01T10:00:00+08:00,李明,8.1,actual,512,,快报\r\n";
        let (bytes, _, _) = encoding_rs::GB18030.encode(text);
        fs::write(&path, &bytes).unwrap();
        path
    }

    fn now() -> Stamp {
        Stamp::parse("2025-06-03T08:00:00+08:00").unwrap()
    }

    #[test]
    fn the_text_is_utf8_with_a_bom_and_a_header() {
        let p = Path::new("actuals.csv");
        let (gb, _, _) = encoding_rs::GB18030.encode("李明\r\n");
        let got = utf8_text(p, Encoding::Gb18030, &gb, false).unwrap();
        assert_eq!(got, "\u{feff}李明\r\n".as_bytes());
        let got = utf8_text(p, Encoding::Utf8 { bom: false }, b"", true).unwrap();
        let mut want = BOM.to_vec();
        want.extend(entry::header_line());
        assert_eq!(got, want);
        let err = utf8_text(p, Encoding::Utf8 { bom: false }, b"a\nb\xff\n", false).unwrap_err();
        let LedgerError::Malformed { problems, .. } = err else {
            panic!("{err}")
        };
        assert_eq!(
            (problems[0].line, problems[0].message.to_string().as_str()),
            (2, "not valid UTF-8; expected UTF-8 text")
        );
    }

    /// Excel/WPS grow the file just after it was read: the conversion used
    /// to size the copy from one metadata read and slice it by an offset
    /// from another (a panic); now it stops, changing nothing.
    #[test]
    fn a_file_grown_while_converting_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = gb18030_ledger(dir.path());
        let row = "2025-06-02T10:00:00+08:00,王芳,8.1,actual,530,512,\r\n";
        let (more, _, _) = encoding_rs::GB18030.encode(row);
        let mut grow = || {
            let mut f = OpenOptions::new().append(true).open(&path).unwrap();
            f.write_all(&more).unwrap();
        };
        let before_grow = fs::read(&path).unwrap();
        let err = convert_locked(&path, now(), &mut grow, &mut NoProgress).unwrap_err();
        assert!(err.to_string().contains("changed while"), "{err}");
        let mut expect = before_grow;
        expect.extend_from_slice(&more);
        assert_eq!(fs::read(&path).unwrap(), expect, "the ledger was changed");
        assert!(!dir.path().join(".actuals.csv.convert.tmp").exists());
        // Run again: both rows converted.
        match convert_locked(&path, now(), &mut || {}, &mut NoProgress).unwrap() {
            Converted::Done { rows, .. } => assert_eq!(rows, 2),
            other => panic!("{other:?}"),
        }
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("\u{feff}time,") && text.contains("王芳"),
            "{text}"
        );
    }

    /// The rows, the tail and the backup all come from the one read.
    #[test]
    fn everything_comes_from_one_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = gb18030_ledger(dir.path());
        let mut original = fs::read(&path).unwrap();
        original.extend_from_slice(b"2025-06-02T1"); // cut short
        fs::write(&path, &original).unwrap();
        let Converted::Done {
            rows,
            backup,
            warnings,
            ..
        } = convert_locked(&path, now(), &mut || {}, &mut NoProgress).unwrap()
        else {
            panic!("not converted")
        };
        assert_eq!(rows, 1);
        assert_eq!(fs::read(&backup).unwrap(), original);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        let torn = fs::read_to_string(torn_path(&path)).unwrap();
        assert!(torn.ends_with("2025-06-02T1\n"), "{torn}");
    }
}
