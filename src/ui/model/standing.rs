//! Where every indicator stands by the ledger: its status, and its
//! status, light and 逾期未报 in one byte ([`Mark`]) for the filters and
//! the lists, and the overview's counts. Its full [`Pace`] (period,
//! baseline, expected value: about 100 bytes) is not kept for each of
//! them: the detail pane works out the selected one's
//! ([`crate::ui::AppState::pace_of`]); 10 MB at 100,000 indicators. Worked out from the plan and a [`Progress`] in one pure
//! function, [`Standing::of`]: at start on the thread that read the ledger
//! (it costs a good part of a second at 100,000 indicators, which the
//! first frame must not wait for and the keys must not feel), after an
//! edit or others' rows on the UI's.

use super::filter::{Judged, Mark};
use super::overview::{self, OvRow};
use crate::ledger::Status;
use crate::plan::Plan;
#[cfg(doc)]
use crate::ui::data::Pace;
use crate::ui::data::Progress;

/// Statuses, marks and the overview's rows, [`Plan::indicators`] order
/// (empty: not known yet, the ledger is being read).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Standing {
    pub statuses: Vec<Status>,
    pub marks: Vec<Mark>,
    pub overview: Vec<OvRow>,
}

#[cfg(test)]
thread_local! {
    /// Indicators judged on this thread (tests: the work of a start
    /// counted, not timed).
    pub(crate) static JUDGED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

impl Standing {
    /// Every indicator of `plan` judged by `progress` as of its day: each
    /// pace worked out, kept as its light and 逾期未报, and dropped (no
    /// `Vec` of paces, not even for a moment).
    pub fn of(plan: &Plan, progress: &Progress) -> Standing {
        #[cfg(test)]
        JUDGED.with(|n| n.set(n.get() + plan.indicators.len()));
        let statuses = progress.statuses(plan);
        let today = progress.today;
        let marks: Vec<Mark> = plan
            .indicators
            .iter()
            .zip(&statuses)
            .map(|(ind, &status)| {
                let pace = progress.pace(plan, ind);
                Mark::of(status, pace.light(), pace.stale(today))
            })
            .collect();
        let judged = Judged {
            statuses: &statuses,
            paces: &[],
            today,
            marks: &marks,
            order: None,
        };
        let overview = overview::rows(plan, &judged);
        Standing {
            statuses,
            marks,
            overview,
        }
    }
}

/// What the thread reading the ledger at start hands the UI: the ledger's
/// progress, where every indicator stands by it, and how many warnings
/// the ledger had (printed once the screen is closed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub progress: Progress,
    pub standing: Standing,
    pub warnings: usize,
    /// A city's view: each district's last publish (the day of its
    /// clone's newest commit; `None`: never), [`Plan::districts`] order;
    /// empty otherwise.
    ///
    /// [`Plan::districts`]: crate::plan::Plan::districts
    pub published: Vec<Option<jiff::civil::Date>>,
}
