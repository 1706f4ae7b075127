//! The one adapter through which actual values, statuses and notes enter
//! the UI (`ui::data` re-exports it).
//!
//! The UI state never reads the ledger itself: the run loop fills a
//! [`Progress`] from the ledger ([`Progress::from_ledger`]) and keeps it up
//! to date row by row ([`Progress::apply`]); the UI computes every status
//! with the pure [`crate::ledger::status`].

use std::collections::HashMap;

use jiff::civil::Date;

use crate::ledger::{self, Actual, Entry, Field, Stamp, Status, TaskState};
use crate::plan::Plan;

/// A note and who wrote it, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Noted {
    pub text: String,
    pub who: String,
    pub when: Stamp,
}

impl Noted {
    /// The remark (`--note`) of a row, if it has one.
    pub fn remark_of(e: &Entry) -> Option<Noted> {
        Some(Noted {
            text: e.note.clone()?,
            who: e.user.clone(),
            when: e.time,
        })
    }
}

/// Which note [`Progress::note_of`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// The standing note of the id (the `note` field: `n`, `wudang-plan note`).
    Standing,
    /// The remark recorded with the current value (`set … --note`,
    /// `status … --note`).
    Remark,
}

/// Recorded actuals, task states and notes, keyed by indicator id and task
/// id, and the date statuses are computed for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub actual: HashMap<String, Actual>,
    pub task_state: HashMap<String, TaskState>,
    /// The standing note of an indicator or task (the `note` field).
    pub notes: HashMap<String, Noted>,
    /// The remark on the row that set an indicator's current actual or a
    /// task's current status.
    pub remarks: HashMap<String, Noted>,
    /// The line of the current row of each id and field: the row an edit
    /// made on this screen expects ([`crate::ledger::Expect::Row`]).
    pub rows: HashMap<(String, Field), u64>,
    pub today: Date,
}

impl Progress {
    /// No actuals, no task states, no notes.
    pub fn empty(today: Date) -> Self {
        Progress {
            actual: HashMap::new(),
            task_state: HashMap::new(),
            notes: HashMap::new(),
            remarks: HashMap::new(),
            rows: HashMap::new(),
            today,
        }
    }

    /// What the UI shows as the note of `id`: its standing note, else the
    /// remark recorded with its current value.
    pub fn note_of(&self, id: &str) -> Option<(&Noted, NoteKind)> {
        match self.notes.get(id) {
            Some(n) => Some((n, NoteKind::Standing)),
            None => self.remarks.get(id).map(|n| (n, NoteKind::Remark)),
        }
    }

    /// The line of the current row of `id`'s `field`; `0` when there is
    /// none.
    pub fn row_of(&self, id: &str, field: Field) -> u64 {
        self.rows
            .get(&(id.to_string(), field))
            .copied()
            .unwrap_or(0)
    }

    /// Takes one row (recorded here or by another session) in.
    pub fn apply(&mut self, e: &Entry) {
        let id = e.id.clone();
        self.rows.insert((id.clone(), e.field), e.line);
        match e.field {
            Field::Actual => {
                match e.actual() {
                    Some(a) => self.actual.insert(id.clone(), a),
                    None => self.actual.remove(&id),
                };
            }
            Field::Status => {
                match e.task_state() {
                    Some(t) => self.task_state.insert(id.clone(), t),
                    None => self.task_state.remove(&id),
                };
            }
            Field::Note => {
                let note = e.value.clone().map(|text| Noted {
                    text,
                    who: e.user.clone(),
                    when: e.time,
                });
                match note {
                    Some(n) => self.notes.insert(id, n),
                    None => self.notes.remove(&id),
                };
                return;
            }
        }
        // The remark goes with the value it was recorded with.
        match Noted::remark_of(e) {
            Some(n) => self.remarks.insert(id, n),
            None => self.remarks.remove(&id),
        };
    }

    /// The current actuals, task states and notes of `ledger` (one pass
    /// over its ids).
    pub fn from_ledger(ledger: &ledger::Ledger, today: Date) -> Self {
        let mut p = Progress::empty(today);
        for id in ledger.ids() {
            p.set_from(ledger, id);
        }
        p
    }

    /// Takes the current actual, task state and notes of `id` from
    /// `ledger` (a few lookups: the ledger keeps the last row per field).
    pub fn set_from(&mut self, ledger: &ledger::Ledger, id: &str) {
        for f in Field::ALL {
            match ledger.current(id, f) {
                Some(e) => self.rows.insert((id.to_string(), f), e.line),
                None => self.rows.remove(&(id.to_string(), f)),
            };
        }
        match ledger.actual(id) {
            Some(a) => self.actual.insert(id.to_string(), a),
            None => self.actual.remove(id),
        };
        match ledger.task_state(id) {
            Some(t) => self.task_state.insert(id.to_string(), t),
            None => self.task_state.remove(id),
        };
        match ledger.current(id, Field::Note) {
            Some(e) if e.value.is_some() => self.notes.insert(
                id.to_string(),
                Noted {
                    text: e.value.clone().unwrap_or_default(),
                    who: e.user.clone(),
                    when: e.time,
                },
            ),
            _ => self.notes.remove(id),
        };
        let valued = [Field::Actual, Field::Status]
            .into_iter()
            .filter_map(|f| ledger.current(id, f))
            .max_by_key(|e| e.line);
        match valued.and_then(Noted::remark_of) {
            Some(n) => self.remarks.insert(id.to_string(), n),
            None => self.remarks.remove(id),
        };
    }

    /// The status of every indicator of `plan`, in [`Plan::indicators`] order.
    pub fn statuses(&self, plan: &Plan) -> Vec<Status> {
        plan.indicators
            .iter()
            .map(|i| ledger::status(i, self.actual.get(&i.id), self.today))
            .collect()
    }
}
