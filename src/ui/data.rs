//! The one adapter through which actual values, statuses and notes enter
//! the UI.
//!
//! The UI state never reads the ledger itself: the run loop fills a
//! [`Progress`] from the ledger ([`Progress::from_ledger`]) and keeps it up
//! to date; the UI computes every status with the pure
//! [`crate::ledger::status()`].

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

    /// Takes one row (recorded here or by another session) in.
    pub fn apply(&mut self, e: &Entry) {
        let id = e.id.clone();
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

/// The four classes the UI shows and filters by (`stretch_met` counts as
/// met; its word says "超额达标").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    Missed,
    InProgress,
    Met,
    NoData,
}

impl Class {
    /// Picker order: what people look for first.
    pub const ALL: [Class; 4] = [Class::Missed, Class::InProgress, Class::Met, Class::NoData];

    pub fn of(s: Status) -> Class {
        match s {
            Status::Met | Status::StretchMet => Class::Met,
            Status::InProgress => Class::InProgress,
            Status::Missed => Class::Missed,
            Status::NoData => Class::NoData,
        }
    }

    /// A representative status (for marks and words).
    pub fn status(self) -> Status {
        match self {
            Class::Missed => Status::Missed,
            Class::InProgress => Status::InProgress,
            Class::Met => Status::Met,
            Class::NoData => Status::NoData,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Counts per class, indexed by [`Class::index`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts(pub [usize; 4]);

impl Counts {
    pub fn add(&mut self, c: Class) {
        self.0[c.index()] += 1;
    }

    pub fn get(&self, c: Class) -> usize {
        self.0[c.index()]
    }

    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }

    /// The class a group of indicators shows as one mark: missed if any is
    /// missed; else in progress if any is in progress or only some are met;
    /// met when all are met; no data when nothing is recorded (or empty).
    pub fn summary(&self) -> Class {
        let met = self.get(Class::Met);
        if self.get(Class::Missed) > 0 {
            Class::Missed
        } else if self.get(Class::InProgress) > 0 {
            Class::InProgress
        } else if met > 0 && met == self.total() {
            Class::Met
        } else if met > 0 {
            Class::InProgress
        } else {
            Class::NoData
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(missed: usize, prog: usize, met: usize, none: usize) -> Counts {
        Counts([missed, prog, met, none])
    }

    #[test]
    fn summary_rules() {
        assert_eq!(counts(1, 1, 1, 1).summary(), Class::Missed);
        assert_eq!(counts(0, 1, 3, 0).summary(), Class::InProgress);
        assert_eq!(counts(0, 0, 3, 0).summary(), Class::Met);
        assert_eq!(counts(0, 0, 2, 1).summary(), Class::InProgress);
        assert_eq!(counts(0, 0, 0, 4).summary(), Class::NoData);
        assert_eq!(counts(0, 0, 0, 0).summary(), Class::NoData);
    }

    #[test]
    fn classes_cover_statuses() {
        for s in Status::ALL {
            assert_eq!(Class::of(Class::of(s).status()), Class::of(s));
        }
    }
}
