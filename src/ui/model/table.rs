//! The indicator table's column widths, worked out over the whole list
//! the pane shows (every indicator of the selected task, group or root
//! under the filters), not the page: the columns stay put while the list
//! scrolls (a move that scrolls writes the row that came in, not every
//! row laid out again).
//!
//! `update` works them out when the list or what it shows changes (another
//! tree row, [`AppState::revision`], the language or `--ascii`) and keeps
//! them in [`super::state::Measured::table`]; the view reads them and
//! formats only the rows it shows. What has no bound is measured
//! (ids, the due years); what the view caps is measured only up to its cap
//! ([`TARGET_CAP`], [`ACTUAL_CAP`]), so a pass over 100,000 indicators
//! formats targets and actuals only until one reaches it; the status and
//! light words are closed sets, measured once for each one in the list.

use std::collections::HashMap;

use super::state::{AppState, TreeRow};
use super::words::light_mark;
use crate::ledger::Status;
use crate::pace::Light;
use crate::text;
use crate::ui::strings::Lang;
use crate::vocab::Wording;

/// The widest the target column gets (the view narrows it to 30 % of the
/// pane's width, at least 10).
pub const TARGET_CAP: usize = 20;
/// The widest the actual column gets.
pub const ACTUAL_CAP: usize = 10;

/// What the widths were worked out for: the tree row (its list), the
/// state's revision (data, filters), the language and `--ascii`.
pub type Key = (TreeRow, u64, Lang, bool);

/// The widest cell of each column over the whole list, headings left out
/// (the view adds them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Widths {
    /// The id with its note mark.
    pub id: usize,
    /// The target (`>= 500 亿元`), at most [`TARGET_CAP`].
    pub target: usize,
    /// The target when the year column is left out: ` (2027)` after the
    /// targets not due in [`Widths::common`]; at most [`TARGET_CAP`].
    pub dated: usize,
    /// The actual, at most [`ACTUAL_CAP`].
    pub actual: usize,
    /// The status's mark and word (`✖ 未达标`).
    pub word: usize,
    /// The light's mark, `!` after it when 逾期未报.
    pub lit: usize,
    /// The deadline most of the list shares (the latest of the most
    /// shared on a tie); the title shows it when the year column is left
    /// out. None for an empty list.
    pub common: Option<i32>,
}

/// What the widths are worked out for in `s` now.
pub fn key(s: &AppState) -> Key {
    (s.selected_row(), s.revision, s.lang(), s.theme().ascii)
}

/// The widths of the list `s` shows, worked out again when it changed
/// since the last time (`update`, after every action).
pub fn measure(s: &mut AppState) {
    let key = key(s);
    if s.measured.table.as_ref().is_some_and(|(k, _)| *k == key) {
        return;
    }
    let w = widths(s, s.selected_inds());
    s.measured.table = Some((key, w));
}

/// The widths for the list shown: the ones `update` kept when they are
/// for it, else worked out now (a state drawn without an `update`).
pub fn current(s: &AppState) -> std::borrow::Cow<'_, Widths> {
    match &s.measured.table {
        Some((k, w)) if *k == key(s) => std::borrow::Cow::Borrowed(w),
        _ => std::borrow::Cow::Owned(widths(s, s.selected_inds())),
    }
}

thread_local! {
    static MEASURED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Rows [`widths`] has gone over on this thread so far: tests count a
/// move's or a draw's work with it.
#[doc(hidden)]
pub fn rows_measured() -> usize {
    MEASURED.with(std::cell::Cell::get)
}

/// The widths of the rows `inds` (plan positions), by display width.
pub fn widths(s: &AppState, inds: &[usize]) -> Widths {
    MEASURED.with(|n| n.set(n.get() + inds.len()));
    let mut w = Widths::default();
    let note = text::width(if s.theme().ascii { "*" } else { "✎" });
    let mut years: HashMap<i32, usize> = HashMap::new();
    // (status, light, stale) seen: each one's words are measured once
    let mut statuses = [false; Status::ALL.len()];
    let mut lits = [[false; 2]; Light::ALL.len()];
    let today = s.progress.today;
    for &ip in inds {
        let Some(ind) = s.plan.indicators.get(ip) else {
            continue;
        };
        let mark = if s.progress.has_note(ind.id()) {
            note
        } else {
            0
        };
        w.id = w.id.max(text::width(ind.id()) + mark);
        *years.entry(ind.deadline).or_default() += 1;
        if let Some(k) = Status::ALL.iter().position(|&x| x == s.status_of(ip)) {
            statuses[k] = true;
        }
        let stale = s.pace_of(ip).is_some_and(|p| p.stale(today));
        if let Some(k) = Light::ALL.iter().position(|&x| x == s.light_of(ip)) {
            lits[k][usize::from(stale)] = true;
        }
        if w.actual < ACTUAL_CAP {
            let a =
                crate::report::actual_cell(s.progress.actual_of(ind.id()), Wording::Lang(s.lang()));
            w.actual = w.actual.max(text::width(&a)).min(ACTUAL_CAP);
        }
    }
    w.common = years
        .iter()
        .max_by_key(|(y, n)| (**n, **y))
        .map(|(y, _)| *y);
    for (_, st) in Status::ALL.iter().enumerate().filter(|(k, _)| statuses[*k]) {
        let word = format!("{} {}", s.theme().mark(*st), s.word(*st));
        w.word = w.word.max(text::width(&word));
    }
    for (k, l) in Light::ALL.iter().enumerate() {
        for stale in [false, true]
            .into_iter()
            .filter(|x| lits[k][usize::from(*x)])
        {
            let extra = if stale { s.theme().stale_mark() } else { "" };
            w.lit = w
                .lit
                .max(text::width(light_mark(s, *l)) + text::width(extra));
        }
    }
    targets(s, inds, &mut w);
    w
}

/// [`Widths::target`] and [`Widths::dated`]: the targets formatted until
/// one reaches [`TARGET_CAP`] (a dated one is never narrower).
fn targets(s: &AppState, inds: &[usize], w: &mut Widths) {
    for &ip in inds {
        if w.target >= TARGET_CAP {
            break;
        }
        let Some(ind) = s.plan.indicators.get(ip) else {
            continue;
        };
        let t = text::width(&crate::report::target_text(
            ind,
            false,
            Wording::Lang(s.lang()),
        ));
        w.target = w.target.max(t).min(TARGET_CAP);
        let dated = if Some(ind.deadline) == w.common {
            t
        } else {
            t + 3 + text::width(&ind.deadline.to_string())
        };
        w.dated = w.dated.max(dated).min(TARGET_CAP);
    }
    if w.target >= TARGET_CAP {
        w.dated = TARGET_CAP;
    }
}
