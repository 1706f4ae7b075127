//! Ledger errors and warnings. Every message names the file (and line)
//! and says what was found and what to do.

use std::fmt;
use std::path::PathBuf;

use super::entry::{Field, Stamp};

/// A problem with one line of the ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    pub line: u64,
    pub message: String,
}

/// Why a ledger could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    /// The operating system refused something.
    #[error("{}: cannot {action}: {source}", path.display())]
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
    /// Rows that do not parse. Nothing is written while they exist.
    #[error("{}", malformed(path, problems, *more))]
    Malformed {
        path: PathBuf,
        problems: Vec<LineProblem>,
        /// Problems found beyond those listed.
        more: usize,
    },
    /// The ledger is GB18030 (saved by Excel/WPS); appending is refused.
    #[error(
        "{}: this ledger is GB18030-encoded (saved by Excel/WPS as “CSV（逗号分隔）”); \
         wudang-plan appends only to UTF-8 ledgers so that one file never mixes two encodings. \
         Nothing was recorded. Convert it with `wudang-plan ledger convert` \
         (it keeps a backup copy) and try again",
        path.display()
    )]
    NeedsConversion { path: PathBuf },
    /// A value for a period other than the default one (the year of the
    /// row's time) on a ledger of the first release, which has no
    /// `period` column.
    #[error(
        "{}: this ledger has no period column (a ledger of the first release), so its rows \
         belong to the year of their time stamp; a value for {period} cannot be recorded in it. \
         Nothing was recorded. Upgrade it with `wudang-plan ledger convert` (it adds the \
         column and keeps a backup copy) and try again",
        path.display()
    )]
    NeedsUpgrade {
        path: PathBuf,
        period: crate::plan::Period,
    },
    /// Someone else changed the value since the editor saw it.
    #[error("{0}")]
    Conflict(Box<Conflict>),
    /// `undo` with nothing recorded.
    #[error("{id}: nothing to undo; no {} recorded", what.map(|f| f.as_str()).unwrap_or("change"))]
    NothingToUndo { id: String, what: Option<Field> },
    /// An edit that cannot be written (bad id, value, user or note).
    #[error("{0}")]
    InvalidEdit(String),
    /// The ledger path is a symbolic link to a file that does not exist.
    #[error(
        "{}: is a symbolic link to {}, which does not exist; expected the ledger file there \
         (was it moved, or is its disk not mounted?); fix the link, or point --data / \
         WUDANG_PLAN_DATA at the ledger",
        path.display(),
        target.display()
    )]
    DanglingLink { path: PathBuf, target: PathBuf },
}

impl LedgerError {
    /// The message in `lang` (`Display` is the English), worded from the
    /// message table ([`crate::vocab::messages`]).
    pub fn text(&self, lang: crate::vocab::Lang) -> String {
        let _ = lang;
        self.to_string()
    }
}

fn malformed(path: &std::path::Path, problems: &[LineProblem], more: usize) -> String {
    let mut s = String::new();
    for p in problems {
        s.push_str(&format!("{}:{}: {}\n", path.display(), p.line, p.message));
    }
    if more > 0 {
        s.push_str(&format!("… and {more} more problem lines\n"));
    }
    s.push_str(&format!(
        "{}: the ledger was left as it is; nothing is recorded until these lines are fixed",
        path.display()
    ));
    s
}

/// The value changed between the moment an editor saw it and the append.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub id: String,
    pub field: Field,
    /// The value the editor saw (`None`: nothing recorded).
    pub expected: Option<String>,
    /// The value now (`None`: nothing recorded).
    pub found: Option<String>,
    /// Who recorded the value now, and when.
    pub who: Option<String>,
    pub when: Option<Stamp>,
    /// The line of the row holding the value now (`0`: none): what an
    /// overwrite then expects.
    pub line: u64,
    /// The period of the actual in conflict (the edit's, or the undone
    /// row's); `None` for a status or a note.
    pub period: Option<crate::plan::Period>,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&conflict(
            &self.id,
            self.field,
            &self.expected,
            &self.found,
            &self.who,
            &self.when,
        ))
    }
}

fn shown(v: &Option<String>) -> String {
    match v {
        Some(v) => format!("`{}`", crate::text::visible(v)),
        None => "nothing".into(),
    }
}

fn conflict(
    id: &str,
    field: Field,
    expected: &Option<String>,
    found: &Option<String>,
    who: &Option<String>,
    when: &Option<Stamp>,
) -> String {
    let by = match (who, when) {
        (Some(w), Some(t)) => format!("changed by {} at {t}", crate::text::visible(w)),
        _ => "changed".into(),
    };
    format!(
        "{id} {field}: {by} to {} (you saw {}); nothing was recorded. \
         Check the new value and set it again if yours should replace it",
        shown(found),
        shown(expected)
    )
}

/// Something a reader should know that did not stop it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The last line has no line break: cut short by a crash. It is
    /// ignored and will be moved aside before the next edit.
    TornTail {
        path: PathBuf,
        line: u64,
        bytes: u64,
    },
    /// A cut-short last line was moved to `to` before appending.
    MovedAside {
        path: PathBuf,
        line: u64,
        bytes: u64,
        to: PathBuf,
    },
}

impl Warning {
    /// The warning in `lang` (`Display` is the English).
    pub fn text(&self, lang: crate::vocab::Lang) -> String {
        let _ = lang;
        self.to_string()
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::TornTail { path, line, bytes } => write!(
                f,
                "{}:{line}: the last line ({bytes} bytes) has no line break: it was cut short \
                 (a crash or a lost connection while writing) and is ignored; \
                 it will be moved aside before the next edit",
                path.display()
            ),
            Warning::MovedAside {
                path,
                line,
                bytes,
                to,
            } => write!(
                f,
                "{}:{line}: the cut-short last line ({bytes} bytes) was moved to {}",
                path.display(),
                to.display()
            ),
        }
    }
}
