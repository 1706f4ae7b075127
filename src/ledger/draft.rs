//! Drafts: a value being typed when the session ended (SSH dropped, SIGTERM)
//! is saved beside the ledger and offered back at the next start.
//!
//! One draft per ledger and user: `.<ledger file name>.draft-<user>.csv`
//! in the ledger's directory. Written atomically (temp file in the same
//! directory, fsync, rename), so a crash leaves the old draft or the new one.
//!
//! A CSV file with a header, read by column name:
//! `id,field,text,saved,seen,seen_line`. `seen` is the value (ledger form)
//! the editor opened with and `seen_line` the line of the ledger row that
//! held it (`0`: none); the restored editor expects that row, so a
//! colleague's change since — even one back to the same value — is a
//! conflict. An empty `seen` means nothing was recorded then. A draft
//! without `seen_line` (or with an empty one) expects the value alone.
//! A draft written before `seen` existed has no such column: it is read as "nothing was recorded"
//! too, which is safe — over any recorded value the edit then asks y/n,
//! naming who recorded it, and never overwrites silently.
//!
//! `period` is the period field of an actual's editor as typed (`2023`,
//! `２０２３年`, even half typed): the restored editor records for it and
//! `seen` is that period's value. Empty for a note, and missing in a draft
//! written before the column existed: the editor then opens on the default
//! period (the year of today).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::vocab::{Field, Term};

/// A half-typed edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The indicator or task id being edited.
    pub id: String,
    /// The ledger field (written as its machine word: `actual`, `note`).
    pub field: Field,
    /// What was typed, as typed.
    pub text: String,
    /// When it was saved (RFC 3339).
    pub saved: String,
    /// The value (ledger form) the editor opened with; `None`: nothing was
    /// recorded (or a draft from before this column existed).
    pub seen: Option<String>,
    /// The line of the ledger row that held `seen` (`0`: none); `None`: not
    /// known (a draft from before the `seen_line` column), the value alone
    /// is then expected.
    pub seen_line: Option<u64>,
    /// The period field as typed (an actual's); `None`: a note, or a
    /// draft from before the `period` column (the default period).
    pub period: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    #[error("{path}: {message}")]
    Io { path: String, message: String },
    #[error("{path}:{line}: {message}")]
    Bad {
        path: String,
        line: u64,
        message: String,
    },
}

fn io_err(path: &Path, e: impl std::fmt::Display) -> DraftError {
    DraftError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

/// Where the draft of `user` for `ledger` lives.
pub fn draft_path(ledger: &Path, user: &str) -> PathBuf {
    let safe: String = user
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let name = ledger
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "ledger".into());
    ledger
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(format!(".{name}.draft-{safe}.csv"))
}

const HEADER: [&str; 7] = [
    "id",
    "field",
    "text",
    "saved",
    "seen",
    "seen_line",
    "period",
];

/// Saves `draft` at `path`, replacing any earlier draft atomically.
pub fn save(path: &Path, draft: &Draft) -> Result<(), DraftError> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    fs::create_dir_all(dir).map_err(|e| io_err(dir, e))?;
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER).map_err(|e| io_err(path, e))?;
    let seen = draft.seen.as_deref().unwrap_or("");
    let field = draft.field.as_str();
    let line = draft.seen_line.map(|l| l.to_string()).unwrap_or_default();
    let period = draft.period.as_deref().unwrap_or("");
    w.write_record([
        &draft.id,
        field,
        &draft.text,
        &draft.saved,
        seen,
        &line,
        period,
    ])
    .map_err(|e| io_err(path, e))?;
    let bytes = w.into_inner().map_err(|e| io_err(path, e))?;
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(&bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok::<(), std::io::Error>(())
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(io_err(path, e));
    }
    Ok(())
}

/// Loads the draft at `path`, if there is one.
pub fn load(path: &Path) -> Result<Option<Draft>, DraftError> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_err(path, e)),
    };
    let mut rdr = csv::Reader::from_reader(bytes.as_slice());
    let headers = rdr.headers().map_err(|e| io_err(path, e))?.clone();
    let col = |name: &str| headers.iter().position(|h| h.trim() == name);
    let (Some(id), Some(field), Some(text)) = (col("id"), col("field"), col("text")) else {
        return Err(DraftError::Bad {
            path: path.display().to_string(),
            line: 1,
            message: format!(
                "expected the columns id, field and text (and saved, seen); found {}",
                headers.iter().collect::<Vec<_>>().join(",")
            ),
        });
    };
    let saved = col("saved");
    let seen = col("seen");
    let seen_line = col("seen_line");
    let period = col("period");
    match rdr.records().next() {
        None => Ok(None),
        Some(Err(e)) => Err(DraftError::Bad {
            path: path.display().to_string(),
            line: e.position().map(|p| p.line()).unwrap_or(2),
            message: e.to_string(),
        }),
        Some(Ok(rec)) => {
            let get = |i: Option<usize>| i.and_then(|i| rec.get(i)).unwrap_or("").to_string();
            let word = get(Some(field));
            let Some(field) = Field::from_machine(&word) else {
                return Err(DraftError::Bad {
                    path: path.display().to_string(),
                    line: rec.position().map(|p| p.line()).unwrap_or(2),
                    message: format!(
                        "field: found {word:?}, expected one of {}",
                        Field::machine_list()
                    ),
                });
            };
            Ok(Some(Draft {
                id: get(Some(id)),
                field,
                text: get(Some(text)),
                saved: get(saved),
                seen: Some(get(seen)).filter(|s| !s.is_empty()),
                // not a number (edited by hand): unknown, the value alone
                // is expected
                seen_line: get(seen_line).trim().parse().ok(),
                period: Some(get(period)).filter(|p| !p.trim().is_empty()),
            }))
        }
    }
}

/// Removes the draft at `path` (no error when there is none).
pub fn clear(path: &Path) -> Result<(), DraftError> {
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io_err(path, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_is_beside_the_ledger_per_user() {
        let p = draft_path(Path::new("/srv/plan/actuals.csv"), "li si/x");
        assert_eq!(p, Path::new("/srv/plan/.actuals.csv.draft-li_si_x.csv"));
    }

    #[test]
    fn save_load_clear_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = draft_path(&dir.path().join("actuals.csv"), "zhang");
        assert_eq!(load(&path).unwrap(), None);
        let d = Draft {
            id: "8.1".into(),
            field: Field::Actual,
            text: "５１２,\"亿元\"\n".into(),
            saved: "2026-11-27T10:00:00+08:00".into(),
            seen: Some("500".into()),
            seen_line: Some(41),
            period: Some("２０２３年".into()),
        };
        save(&path, &d).unwrap();
        assert_eq!(load(&path).unwrap(), Some(d.clone()));
        let d2 = Draft {
            text: "600".into(),
            ..d
        };
        save(&path, &d2).unwrap();
        assert_eq!(load(&path).unwrap(), Some(d2));
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "no temp files left: {names:?}");
        clear(&path).unwrap();
        assert_eq!(load(&path).unwrap(), None);
        clear(&path).unwrap();
    }

    #[test]
    fn a_broken_draft_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.csv");
        fs::write(&path, "nothing,here\n1,2\n").unwrap();
        let e = load(&path).unwrap_err().to_string();
        assert!(
            e.contains("d.csv:1: expected the columns id, field and text"),
            "{e}"
        );
    }

    #[test]
    fn a_draft_of_an_unknown_field_names_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.csv");
        fs::write(&path, "id,field,text,saved,seen\n8.3,target,177,t,\n").unwrap();
        let e = load(&path).unwrap_err().to_string();
        assert!(
            e.contains("d.csv:2: field: found \"target\", expected one of actual, status, note"),
            "{e}"
        );
    }

    #[test]
    fn seen_is_kept_and_an_old_draft_without_it_still_loads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.csv");
        // the value the editor opened with, nothing, and a draft written
        // before the column existed (columns in another order, too)
        for (text, seen) in [
            (
                "id,field,text,saved,seen\n8.3,actual,177,t,100\n",
                Some("100"),
            ),
            ("id,field,text,saved,seen\n8.3,actual,177,t,\n", None),
            ("saved,text,field,id\nt,177,actual,8.3\n", None),
        ] {
            fs::write(&path, text).unwrap();
            let d = load(&path).unwrap().unwrap();
            assert_eq!((d.id.as_str(), d.text.as_str()), ("8.3", "177"), "{text}");
            assert_eq!(d.seen.as_deref(), seen, "{text}");
            assert_eq!(d.seen_line, None, "no seen_line: the value alone");
            assert_eq!(d.period, None, "no period: the default one");
        }
    }
}
