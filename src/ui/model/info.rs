//! The selected indicator's box below the indicator table: its name
//! (wrapped after the id), the target line, its pace (the current value's
//! period, the baseline of a level or that it is missing, the expected
//! value 序时进度, the light, 逾期未报), its note with who and when
//! (wrapped after `备注：`), then the clause it came from.
//!
//! The box is [`BOX`] lines; a pace that wraps or a note that needs more
//! takes the lines after the target line and grows the box by up to
//! [`GROW`] lines (keeping a line for the source) while the list keeps
//! [`MIN_LIST`] rows. It is as tall as the page needs ([`parts`]), so a
//! move between neighbouring rows does not move the list or the box. The line counts are computed here, by
//! display width, so `update` knows the list's height without drawing.

use rust_decimal::Decimal;

use super::cursor::Cursor;
use super::doc::{Piece, Pieces, Tone, flow_runs, piece, plain, wrapped};
use super::layout::{self, Area};
use super::state::AppState;
use super::words::note_text;
use crate::plan::{Indicator, Kind};
use crate::report::pace::base_year;
use crate::text;
use crate::ui::strings::{S, fill};

pub use super::layout::{BOX, GROW, MIN_LIST};

/// The indicator's name wrapped after its id (`8.1 ` on the first line,
/// as many spaces on the others).
pub fn name_lines(ind: &Indicator, width: usize) -> Vec<String> {
    text::wrap(ind.name(), width.saturating_sub(text::width(ind.id()) + 1))
}

/// The note the UI shows for `id` (`备注：text（who，when）`), wrapped by
/// display width to `width` with a hanging indent; empty without one.
pub fn note_lines(state: &AppState, id: &str, width: usize) -> Vec<Pieces> {
    let mut out = Vec::new();
    if let Some((label, note)) = note_text(state, id) {
        wrapped(&mut out, &label, &note, width, Tone::Dim, Tone::Highlight);
    }
    out
}

/// A number as the box shows it: at most 2 decimals, no trailing zeros.
fn num(d: Decimal) -> String {
    d.round_dp(2).normalize().to_string()
}

/// `label：value`, the label dim.
fn labelled(state: &AppState, label: S, value: String) -> Vec<Piece> {
    vec![piece(state.label(label), Tone::Dim), plain(value)]
}

/// The pace of the indicator at plan position `ip`, wrapped to `width`:
/// `报告期：2024  逾期未报  基期值：300  序时进度：460  红灯`. The baseline
/// only for a level (a missing one says which year to record); the
/// expected value when there is one.
pub fn pace_lines(state: &AppState, ip: usize, width: usize) -> Vec<Pieces> {
    if state.loading {
        return vec![vec![piece(state.tr(state.waiting()), Tone::Dim)]];
    }
    let (Some(ind), Some(pace)) = (state.plan.indicators.get(ip), state.pace_of(ip)) else {
        return Vec::new();
    };
    let mut items: Vec<Pieces> = Vec::new();
    let period = pace
        .period
        .map_or_else(|| "-".to_string(), |p| p.to_string());
    items.push(labelled(state, S::Period, period));
    if pace.stale(state.progress.today) {
        items.push(vec![piece(state.tr(S::Stale), Tone::Highlight)]);
    }
    if ind.kind == Kind::Level {
        items.push(match pace.baseline {
            Some(b) => labelled(state, S::Baseline, num(b)),
            None => {
                let year = base_year(state.plan.period).to_string();
                let missing = fill(state.lang(), S::NoBaseline, &[&year]);
                vec![piece(missing, Tone::Highlight)]
            }
        });
    }
    if let Some(e) = pace.expected() {
        items.push(labelled(state, S::Expected, num(e)));
    }
    let l = pace.light();
    items.push(vec![piece(
        fill(state.lang(), S::LightIs, &[state.word(l)]),
        Tone::Light(l),
    )]);
    let mut out = Vec::new();
    flow_runs(&mut out, plain(""), items, width);
    out
}

/// Lines the box wants for the indicator at plan position `ip`, `width`
/// cells wide: [`BOX`], or more when the name, the target line, the pace,
/// the whole note and the source's first line take more.
pub fn wanted(state: &AppState, ip: usize, width: usize) -> usize {
    let Some(ind) = state.plan.indicators.get(ip) else {
        return BOX;
    };
    let note = note_lines(state, ind.id(), width).len();
    let pace = pace_lines(state, ip, width).len();
    BOX.max(name_lines(ind, width).len() + 1 + pace + note + 1)
}

/// The indicator pane at `area` for the selected indicator: its inside,
/// the rows of its list and the lines of the box.
///
/// The box is as tall as the tallest box of the page (the rows a list
/// under the smallest box would show around the selection), not of the
/// selected indicator alone: a move to a neighbouring row keeps the list
/// and the box where they are, and redraws only what differs (a box that
/// grew for one long note would move the rule and every row below it).
pub fn parts(state: &AppState, area: Area) -> (Area, usize, usize) {
    let width = layout::inner(area).width as usize;
    let inds = state.selected_inds();
    if inds.is_empty() {
        return layout::indicator_parts(area, BOX);
    }
    let (_, most, _) = layout::indicator_parts(area, BOX);
    let sel = state.inds.sel.min(inds.len() - 1);
    let off = Cursor { sel, ..state.inds }.first_shown(most, inds.len());
    let page = &inds[off..(off + most.max(1)).min(inds.len())];
    let want = page
        .iter()
        .chain(std::iter::once(&inds[sel]))
        .map(|&ip| wanted(state, ip, width))
        .max()
        .unwrap_or(BOX);
    layout::indicator_parts(area, want)
}

/// Rows of the indicator list shown (for paging and scrolling).
pub fn list_rows(state: &AppState) -> usize {
    state.panes.indicators.map_or(0, |a| parts(state, a).1)
}
