//! The view: `draw(frame, state)`, a function of the state only. The
//! widgets draw what the model holds and change nothing; they depend on
//! the model (and the keymap, for help and the footer), never on
//! `update`. Styles come from [`theme::Styles`] only; every string goes
//! through [`paint`], which makes it visible and cuts it by display width.

pub mod chart;
pub mod confirm;
pub mod detail;
pub mod editor;
pub mod footer;
pub mod help;
pub mod history;
pub mod indicators;
pub mod overview;
pub mod paint;
pub mod picker;
pub mod theme;
pub mod tree;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::model::layout::{self, Panes};
use super::model::{AppState, Mode};
use super::strings::{self, S};
use crate::text;
use theme::Styles;

/// Draws the whole screen: a function of the state only. In ASCII mode the
/// finished frame goes through [`paint::ascii_only`].
pub fn draw(frame: &mut Frame, state: &AppState) {
    draw_screen(frame, state);
    if state.theme().ascii {
        paint::ascii_only(frame.buffer_mut());
    }
}

fn draw_screen(frame: &mut Frame, state: &AppState) {
    let area = frame.area();
    let a = state.layout_for(area.into());
    if a.too_small {
        too_small(frame, area, state);
        return;
    }
    draw_panes(frame, &a, state);
    let cursor = footer::draw(frame, a.footer.into(), state);
    if let Some(c) = draw_popups(frame, a.main.into(), state, cursor) {
        frame.set_cursor_position(c);
    }
}

/// The overview, or the tree, detail and indicator panes that fit.
fn draw_panes(frame: &mut Frame, a: &Panes, state: &AppState) {
    if let Mode::Overview(c) = &state.mode {
        overview::draw(frame, a.main.into(), state, *c);
        return;
    }
    if let Some(r) = a.tree {
        tree::draw(frame, r.into(), state);
    }
    if let Some(r) = a.detail {
        detail::draw(frame, r.into(), state, a.indicators.is_none());
    }
    if let Some(r) = a.indicators {
        indicators::draw(frame, r.into(), state, a.detail.is_none());
    }
}

/// What lies over the panes, each above the one before: a picker, the
/// conflict prompt, a y/n question, the history, the chart, help. Returns where the
/// hardware cursor goes (a text field's caret), if anywhere.
fn draw_popups(
    frame: &mut Frame,
    main: Rect,
    state: &AppState,
    mut cursor: Option<Position>,
) -> Option<Position> {
    if let Mode::Picker(p) = &state.mode {
        cursor = picker::draw(frame, main, state, p);
    }
    if let Mode::Edit(e) = &state.mode
        && let Some(c) = &e.clash
    {
        editor::draw_conflict(frame, main, state, e, c);
        cursor = None;
    }
    if let Mode::Confirm(c) = &state.mode {
        confirm::draw(frame, main, state, c);
        cursor = None;
    }
    if let Some(h) = &state.history {
        history::draw(frame, main, state, h);
        cursor = None;
    }
    if let Some(v) = &state.chart {
        chart::draw(frame, main, state, v);
        cursor = None;
    }
    if let Some(c) = state.help {
        help::draw(frame, main, state, c);
        cursor = None;
    }
    cursor
}

fn too_small(frame: &mut Frame, area: Rect, state: &AppState) {
    let msg = strings::fill(
        state.lang(),
        S::TooSmall,
        &[
            &layout::MIN_W.to_string(),
            &layout::MIN_H.to_string(),
            &area.width.to_string(),
            &area.height.to_string(),
        ],
    );
    let lines = text::wrap(&msg, area.width.max(2) as usize);
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let buf = frame.buffer_mut();
    for (k, l) in lines.iter().enumerate().take(area.height as usize) {
        let y = area.y + top + k as u16;
        if y >= area.y + area.height {
            break;
        }
        paint::put(buf, area.x, y, area.width, l, state.theme().message());
    }
}
