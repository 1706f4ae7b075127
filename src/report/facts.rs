//! What the ledger says about each indicator and task as of a day — the
//! actual, the status, the task state, the pace (period, baseline,
//! expected value, light) — read from a [`Ledger`] for the commands that
//! list or report on many of them (`indicators`, `tasks`, `report`).

use jiff::civil::Date;

use crate::ledger::{self, Actual, Ledger, Status, TaskState};
use crate::pace::{Light, PlanPeriod};
use crate::plan::Indicator;
use crate::vocab::Wording;

use super::{Counts, NoteKind, Noted, Pace, Progress};

/// What the ledger says, as of a day: actuals, statuses, task states.
pub struct Facts<'a> {
    pub ledger: &'a Ledger,
    pub today: Date,
    /// The plan period, for expected values and lights.
    pub plan: PlanPeriod,
}

impl Facts<'_> {
    pub fn actual(&self, ind: &Indicator) -> Option<Actual> {
        self.ledger.actual(ind.id())
    }

    pub fn status(&self, ind: &Indicator) -> Status {
        ledger::status(ind, self.actual(ind).as_ref(), self.today)
    }

    /// A task's state as recorded; `not_started` when never set.
    pub fn state(&self, task: &str) -> TaskState {
        self.ledger
            .task_state(task)
            .unwrap_or(TaskState::NotStarted)
    }

    /// The actual for people: `512 亿元`, `80%`, `done`, `-`.
    pub fn actual_text(&self, ind: &Indicator) -> String {
        match self.actual(ind) {
            Some(a) => super::actual_text(ind, &a, Wording::Machine),
            None => super::nothing(Wording::Machine).into(),
        }
    }

    /// The period of the current actual, the baseline, the expected value
    /// and the light as of today.
    pub fn pace(&self, ind: &Indicator) -> Pace {
        Pace::of(self.plan, ind, &self.ledger.periods(ind.id()), self.today)
    }

    /// A task's light: the worst of `inds` (its indicators shown), gray
    /// only when all are gray or there are none ([`crate::pace::worst`]).
    pub fn task_light(&self, inds: &[&Indicator]) -> Light {
        crate::pace::worst(inds.iter().map(|i| self.pace(i).light()))
    }

    /// True when any of `inds` (a task's indicators shown) is 逾期未报
    /// ([`Pace::stale`]).
    pub fn task_stale(&self, inds: &[&Indicator]) -> bool {
        inds.iter().any(|i| self.pace(i).stale(self.today))
    }

    /// Counts of `inds` (a task's indicators shown) per status.
    pub fn counts(&self, inds: &[&Indicator]) -> Counts {
        inds.iter().map(|i| self.status(i)).collect()
    }

    /// The note shown for `id`, as the UI shows it ([`Progress::note_of`]):
    /// its standing note, else the remark recorded with its current value
    /// or status.
    pub fn note_of(&self, id: &str) -> Option<(Noted, NoteKind)> {
        let mut p = Progress::empty(self.today);
        p.set_from(self.ledger, id);
        p.note_of(id)
    }
}
