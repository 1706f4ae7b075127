//! The last row of each indicator's actual, whatever its period: the
//! change `u` reverts (as `wudang-plan undo ID --field actual`), which the
//! UI names — who, when, which period, old and new — and asks about when it
//! is someone else's or of a period other than the one shown.

use crate::ledger::{Entry, Stamp};
use crate::plan::Period;

/// An indicator's last actual row ([`super::Progress::last`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastRow {
    /// Its ledger line: what the undo expects.
    pub line: u64,
    pub user: String,
    pub time: Stamp,
    /// Its period (a first-release row's: the year of its time stamp).
    pub period: Period,
    /// The value it recorded and the one before it (ledger form).
    pub value: Option<String>,
    pub old: Option<String>,
}

impl LastRow {
    pub fn of(e: &Entry) -> Self {
        LastRow {
            line: e.line,
            user: e.user.clone(),
            time: e.time,
            period: e.in_period(),
            value: e.value.clone(),
            old: e.old.clone(),
        }
    }
}
