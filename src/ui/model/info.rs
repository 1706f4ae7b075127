//! The selected indicator's box below the indicator table: its name
//! (wrapped after the id), the target line, its note with who and when
//! (wrapped after `备注：`), then the clause it came from.
//!
//! The box is [`BOX`] lines; a note that needs more takes the lines after
//! the target line and grows the box by up to [`GROW`] lines while the
//! list keeps [`MIN_LIST`] rows. The line counts are computed here, by
//! display width, so `update` knows the list's height without drawing.

use super::doc::{Pieces, Tone, wrapped};
use super::layout::{self, Area};
use super::state::AppState;
use super::words::note_text;
use crate::plan::Indicator;
use crate::text;

pub use super::layout::{BOX, GROW, MIN_LIST};

/// The indicator's name wrapped after its id (`8.1 ` on the first line,
/// as many spaces on the others).
pub fn name_lines(ind: &Indicator, width: usize) -> Vec<String> {
    text::wrap(&ind.name, width.saturating_sub(text::width(&ind.id) + 1))
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

/// Lines the box wants for the indicator at plan position `ip`, `width`
/// cells wide: [`BOX`], or more when the name, the target line and the
/// whole note take more.
pub fn wanted(state: &AppState, ip: usize, width: usize) -> usize {
    let Some(ind) = state.plan.indicators.get(ip) else {
        return BOX;
    };
    let note = note_lines(state, &ind.id, width).len();
    if note == 0 {
        return BOX;
    }
    BOX.max(name_lines(ind, width).len() + 1 + note)
}

/// The indicator pane at `area` for the selected indicator: its inside,
/// the rows of its list and the lines of the box.
pub fn parts(state: &AppState, area: Area) -> (Area, usize, usize) {
    let width = layout::inner(area).width as usize;
    let want = state
        .selected_ind()
        .map_or(BOX, |ip| wanted(state, ip, width));
    layout::indicator_parts(area, want)
}

/// Rows of the indicator list shown (for paging and scrolling).
pub fn list_rows(state: &AppState) -> usize {
    state.panes.indicators.map_or(0, |a| parts(state, a).1)
}
