//! The indicator table's column widths, worked out over the whole list
//! the pane shows (every indicator of the selected task, group or root
//! under the filters), not the page: the columns stay put while the list
//! scrolls (a move that scrolls writes the row that came in, not every
//! row laid out again).
//!
//! The id leaves room for the note mark (notes are not looked up); the
//! actuals are looked up and their widths counted (not formatted) until
//! one reaches [`ACTUAL_CAP`]; a list longer than [`LOOKUP_ROWS`] (the
//! root of a province's plan) takes the cap without looking them up, so
//! a move onto it costs milliseconds, not 100 ms (its status and light
//! columns are as wide as the widest of all); while the ledger loads,
//! the status, light and actual columns are the loading mark's width. The
//! status and light columns are as wide as the widest word of the statuses
//! and lights in the list (closed sets, read by plan position). What the
//! plan fixes is measured: each indicator's id and target once per plan
//! ([`Cells`]), then, when the list or the data change (another tree row,
//! other filters, [`AppState::revision`], the language, `--ascii`), the
//! widest of the list's and the deadline most of it shares: one pass over
//! small numbers, no text formatted.
//! `update` keeps both in [`super::state::Measured`]; the view formats
//! only the rows it shows.

use super::state::AppState;
use super::widths::NO_TARGET;
pub use super::widths::{ACTUAL_CAP, Cells, Key, TARGET_CAP, Widths};
use super::words::light_mark;
use rust_decimal::Decimal;

use crate::ledger::{Actual, Status};
use crate::pace::Light;
use crate::report;
use crate::text;
use crate::ui::strings::S;
use crate::vocab::Wording;

/// What the widths are worked out for in `s` now.
pub fn key(s: &AppState) -> Key {
    let inds = s.selected_inds();
    let hash = inds.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &i| {
        (h ^ i as u64).wrapping_mul(0x0100_0000_01b3)
    });
    let r = s.revision;
    (
        s.selected_row(),
        inds.len(),
        hash,
        r,
        s.lang(),
        s.theme().ascii,
    )
}

/// The widths of the list `s` shows, worked out again when the list
/// changed since the last time (`update`, after every action).
pub fn measure(s: &mut AppState) {
    let key = key(s);
    if s.measured.table.as_ref().is_some_and(|(k, _)| *k == key) {
        return;
    }
    let cells = s
        .measured
        .cells
        .take()
        .unwrap_or_else(|| Cells::of(&s.plan));
    let w = widths(s, &cells, s.selected_inds());
    s.measured.cells = Some(cells);
    s.measured.table = Some((key, w));
}

/// The widths for the list shown: the ones `update` kept when they are
/// for it, else worked out now (a state drawn without an `update`).
pub fn current(s: &AppState) -> std::borrow::Cow<'_, Widths> {
    match &s.measured.table {
        Some((k, w)) if *k == key(s) => std::borrow::Cow::Borrowed(w),
        _ => {
            let cells = match &s.measured.cells {
                Some(c) => std::borrow::Cow::Borrowed(c),
                None => std::borrow::Cow::Owned(Cells::of(&s.plan)),
            };
            std::borrow::Cow::Owned(widths(s, &cells, s.selected_inds()))
        }
    }
}

/// Lists longer than this take the actual column's cap instead of
/// measuring every actual.
pub const LOOKUP_ROWS: usize = 2_000;

thread_local! {
    static MEASURED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Rows [`widths`] has gone over on this thread so far: tests count a
/// move's or a draw's work with it.
#[doc(hidden)]
pub fn rows_measured() -> usize {
    MEASURED.with(std::cell::Cell::get)
}

/// The widths of the rows `inds` (plan positions) from the plan's
/// [`Cells`] and the vocabulary.
pub fn widths(s: &AppState, cells: &Cells, inds: &[usize]) -> Widths {
    MEASURED.with(|n| n.set(n.get() + inds.len()));
    let th = s.theme();
    let mut w = Widths::default();
    // The deadlines of a list are a few years: counted in a short list
    // (a hash per row cost more than the rest of the pass at 100,000).
    let mut years: Vec<(i32, usize)> = Vec::new();
    for &ip in inds {
        w.id =
            w.id.max(usize::from(cells.id.get(ip).copied().unwrap_or(0)));
        if let Some(ind) = s.plan.indicators.get(ip) {
            match years.iter_mut().find(|(y, _)| *y == ind.deadline) {
                Some((_, n)) => *n += 1,
                None => years.push((ind.deadline, 1)),
            }
        }
    }
    w.id += text::width(if th.ascii { "*" } else { "✎" });
    w.common = years.iter().max_by_key(|(y, n)| (*n, *y)).map(|(y, _)| *y);
    let done = text::width(s.tr(S::TargetDone));
    for &ip in inds {
        let (Some(ind), Some(&t)) = (s.plan.indicators.get(ip), cells.target.get(ip)) else {
            continue;
        };
        let t = if t == NO_TARGET { done } else { usize::from(t) };
        let dated = if Some(ind.deadline) == w.common {
            t
        } else {
            t + 3 + year_width(ind.deadline)
        };
        w.target = w.target.max(t.min(TARGET_CAP));
        w.dated = w.dated.max(dated.min(TARGET_CAP));
    }
    if s.loading {
        // No status, light or actual yet: each column shows the loading mark.
        let m = text::width(s.tr(S::MarkLoading));
        (w.word, w.lit, w.actual) = (m, m, m);
        return w;
    }
    status_words(s, inds, &mut w);
    if inds.len() > LOOKUP_ROWS {
        // A long list (the root of a province's plan): its actuals are
        // not looked up one by one (100 ms at 100,000), the column takes
        // its cap; a move onto the root stays a few milliseconds.
        w.actual = ACTUAL_CAP;
        return w;
    }
    let none = text::width(&report::actual_cell(None, Wording::Lang(s.lang())));
    for &ip in inds {
        if w.actual >= ACTUAL_CAP {
            break;
        }
        let a = s
            .plan
            .indicators
            .get(ip)
            .and_then(|i| s.progress.actual_of(i.id()));
        let aw = match a {
            None => none,
            Some(Actual::Number(n)) => number_width(*n),
            Some(done) => text::width(&report::actual_cell(Some(done), Wording::Lang(s.lang()))),
        };
        w.actual = w.actual.max(aw).min(ACTUAL_CAP);
    }
    w
}

/// The cells `y` takes written out (`2025`: 4, `-5`: 2), without
/// formatting it: the pass runs over every row of a list (100,000 at the
/// root of a province's plan).
fn year_width(y: i32) -> usize {
    let digits = y
        .unsigned_abs()
        .checked_ilog10()
        .map_or(1, |d| d as usize + 1);
    digits + usize::from(y < 0)
}

/// [`Widths::word`] and [`Widths::lit`]: the widest words of the statuses
/// and lights in the list (closed sets, each measured once), read by plan
/// position (no lookup by id).
fn status_words(s: &AppState, inds: &[usize], w: &mut Widths) {
    let th = s.theme();
    // A long list is taken to hold every status and light (closed sets):
    // not read row by row.
    let long = inds.len() > LOOKUP_ROWS;
    let mut statuses = [long; Status::ALL.len()];
    let mut lights = [[long; 2]; Light::ALL.len()];
    for &ip in inds.iter().take(if long { 0 } else { inds.len() }) {
        if let Some(k) = Status::ALL.iter().position(|&x| x == s.status_of(ip)) {
            statuses[k] = true;
        }
        let stale = s.stale_of(ip);
        if let Some(k) = Light::ALL.iter().position(|&x| x == s.light_of(ip)) {
            lights[k][usize::from(stale)] = true;
        }
    }
    for (k, st) in Status::ALL.iter().enumerate() {
        if statuses[k] {
            let word = format!("{} {}", th.mark(*st), s.word(*st));
            w.word = w.word.max(text::width(&word));
        }
    }
    for (k, l) in Light::ALL.iter().enumerate() {
        for (stale, seen) in lights[k].iter().enumerate() {
            if *seen {
                let mark = if stale == 1 { th.stale_mark() } else { "" };
                w.lit = w
                    .lit
                    .max(text::width(light_mark(s, *l)) + text::width(mark));
            }
        }
    }
}

/// The display width of `n` as [`report::actual_cell`] writes it
/// (normalized: `-1.25`, `0.05`, `360`), counted, not formatted.
fn number_width(n: Decimal) -> usize {
    let n = n.normalize();
    let mut m = n.mantissa().unsigned_abs();
    let mut digits = 1;
    while m >= 10 {
        m /= 10;
        digits += 1;
    }
    let scale = n.scale() as usize;
    let w = match scale {
        0 => digits,
        s if s >= digits => s + 2,
        _ => digits + 1,
    };
    w + usize::from(n.is_sign_negative() && !n.is_zero())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn a_years_width_is_its_written_length() {
        for y in [
            0,
            7,
            9,
            10,
            99,
            100,
            2025,
            10000,
            -1,
            -2025,
            i32::MAX,
            i32::MIN,
        ] {
            assert_eq!(year_width(y), y.to_string().len(), "{y}");
        }
    }

    #[test]
    fn a_number_is_as_wide_as_written() {
        for t in [
            "360", "1.2", "0.05", "-1.25", "-7", "0", "1000000", "12.50", "-0.5",
        ] {
            let n = Decimal::from_str(t).unwrap_or_default();
            let cell = report::actual_cell(Some(&Actual::Number(n)), Wording::Machine);
            assert_eq!(number_width(n), cell.len(), "{t}: {cell}");
        }
    }
}
