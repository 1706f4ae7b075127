//! `wudang-plan ledger check`: what a full read finds beyond rows that
//! don't parse (those stop every command, see [`LedgerError::Malformed`]).
//! These rows are still read and used, so that one odd row never stops
//! the team, but they were not written by wudang-plan and someone should
//! look at them:
//!
//! - a text field (`user`, `note`, a note's `value` / `old`) holding a
//!   control or invisible format character (ESC, OSC, BEL, NUL, C1, a
//!   bidi override): shown escaped everywhere (`\x1b`), never raw;
//! - an id the plan does not know (`99.9`): nothing shows its rows;
//! - a row with more fields than the header has columns (an unquoted
//!   comma, a row pasted from elsewhere): the extra fields are ignored.
//!
//! [`LedgerError::Malformed`]: super::LedgerError::Malformed

use std::collections::HashMap;

use super::entry::{Entry, Field};
use super::error::LedgerError;
use super::store::{Ledger, NoProgress, Progress};
use crate::text;
use crate::vocab::{M, Msg};

/// How many findings are listed before "… and N more".
const MAX_FINDINGS: usize = 20;

/// One finding: the line and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub line: u64,
    pub message: Msg,
}

/// What [`Ledger::audit`] found: the first findings in file order, and how
/// many there are in all.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Audit {
    pub findings: Vec<Finding>,
    pub total: usize,
}

/// The text fields of a row, by column name.
fn text_fields(e: &Entry) -> Vec<(&'static str, &str)> {
    let mut out = vec![("user", e.user.as_str())];
    if e.field == Field::Note {
        out.extend(e.value.as_deref().map(|v| ("value", v)));
        out.extend(e.old.as_deref().map(|v| ("old", v)));
    }
    out.extend(e.note.as_deref().map(|v| ("note", v)));
    out
}

impl Ledger {
    /// Reads every row again (one streamed pass) and reports, in file
    /// order: text fields with control or invisible format characters,
    /// rows with more fields than the header, and ids `known` does not
    /// know (once per id, at its first row, with how many rows it has).
    pub fn audit(&self, known: &dyn Fn(&str) -> bool) -> Result<Audit, LedgerError> {
        self.audit_with(known, &mut NoProgress)
    }

    /// [`Ledger::audit`], telling `progress` how far the pass is.
    pub fn audit_with(
        &self,
        known: &dyn Fn(&str) -> bool,
        progress: &mut dyn Progress,
    ) -> Result<Audit, LedgerError> {
        let width = self.header_width();
        // Row findings beyond the first few are only counted.
        let mut found = Vec::new();
        let mut row_total = 0;
        let mut push = |found: &mut Vec<Finding>, f: Finding| {
            row_total += 1;
            if found.len() < MAX_FINDINGS {
                found.push(f);
            }
        };
        let mut unknown: HashMap<String, (u64, usize)> = HashMap::new();
        self.scan_with(
            &mut |e, n| {
                if !known(&e.id) {
                    unknown.entry(e.id.clone()).or_insert((e.line, 0)).1 += 1;
                }
                for (name, v) in text_fields(&e) {
                    if let Some(what) = crate::plan::unsafe_char(v) {
                        let unsafe_text = Msg::new(M::AuditUnsafe)
                            .arg("value", text::visible(v))
                            .sub("what", what);
                        push(
                            &mut found,
                            Finding {
                                line: e.line,
                                message: Msg::new(M::LedgerInField)
                                    .arg("field", name)
                                    .sub("problem", unsafe_text),
                            },
                        );
                    }
                }
                if n > width {
                    push(
                        &mut found,
                        Finding {
                            line: e.line,
                            message: Msg::new(M::AuditWideRow).arg("n", n).arg("width", width),
                        },
                    );
                }
            },
            progress,
        )?;
        let total = row_total + unknown.len();
        let mut ids: Vec<(String, (u64, usize))> = unknown.into_iter().collect();
        ids.sort_by_key(|(_, (line, _))| *line);
        for (id, (line, rows)) in ids {
            found.push(Finding {
                line,
                message: Msg::new(M::LedgerInField).arg("field", "id").sub(
                    "problem",
                    Msg::new(M::AuditUnknownId)
                        .arg("id", text::visible(&id))
                        .arg("rows", rows)
                        .sub(
                            "unit",
                            Msg::new(if rows == 1 { M::AuditRow } else { M::AuditRows }),
                        ),
                ),
            });
        }
        // Stable: several findings on one line keep their order.
        found.sort_by_key(|f| f.line);
        found.truncate(MAX_FINDINGS);
        Ok(Audit {
            findings: found,
            total,
        })
    }
}
