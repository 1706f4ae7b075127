//! The full-screen UI (`wudang-plan` with no subcommand, on a terminal).
//!
//! Data flow: terminal event → [`keymap::action_for`] → [`Action`] →
//! [`update::update`] (pure, changes [`AppState`]) → [`draw`] (a function
//! of the state only). See docs/architecture.md.
//!
//! The run loop redraws only after events or ledger changes (poll with a
//! timeout, no tick), acts on key presses only, enables bracketed paste,
//! uses neither the mouse nor the kitty keyboard protocol, and restores the
//! terminal on every exit path: quit, error, panic,
//! SIGTERM/SIGHUP/SIGINT/SIGQUIT, and a terminal that went away.
//!
//! The write path: `update` never touches a file; it leaves a
//! [`state::Request`] in `state.request`, which the loop records through
//! the [`Session`]'s ledger (optimistic concurrency with `Expect::Value`)
//! and feeds back as an action. Every poll timeout (≤ 1 s) asks the ledger
//! to [`crate::ledger::Ledger::refresh`] (a `stat`, then only the new tail) and feeds
//! others' rows back as [`Action::Changed`].

pub mod action;
pub mod app;
pub mod confirm;
pub mod cursor;
pub mod data;
pub mod detail;
pub mod editor;
pub mod field;
pub mod filter;
pub mod footer;
pub mod help;
pub mod history;
pub mod indicators;
pub mod jump;
pub mod keymap;
pub mod layout;
pub mod overview;
pub mod paint;
pub mod picker;
pub mod search;
pub mod state;
pub mod strings;
pub mod theme;
pub mod tree;
pub mod update;
pub mod writes;

use ratatui::Frame;
use ratatui::layout::Rect;

pub use action::Action;
pub use app::{Options, Session, actions, run};
pub use data::Progress;
pub use state::{AppState, Config, Mode, Pane};
pub use strings::{Lang, S};
pub use theme::Theme;
pub use update::update;

use crate::text;

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
    let a = layout::areas(area, state);
    if a.too_small {
        too_small(frame, area, state);
        return;
    }
    if let Mode::Overview(c) = &state.mode {
        overview::draw(frame, a.main, state, *c);
    } else {
        if let Some(r) = a.tree {
            tree::draw(frame, r, state);
        }
        if let Some(r) = a.detail {
            detail::draw(frame, r, state, a.indicators.is_none());
        }
        if let Some(r) = a.indicators {
            indicators::draw(frame, r, state, a.detail.is_none());
        }
    }
    let mut cursor = footer::draw(frame, a.footer, state);
    if let Mode::Picker(p) = &state.mode {
        cursor = picker::draw(frame, a.main, state, p);
    }
    if let Mode::Edit(e) = &state.mode
        && let Some(c) = &e.clash
    {
        editor::draw_conflict(frame, a.main, state, e, c);
        cursor = None;
    }
    if let Mode::Confirm(c) = &state.mode {
        confirm::draw(frame, a.main, state, c);
        cursor = None;
    }
    if let Some(h) = &state.history {
        history::draw(frame, a.main, state, h);
        cursor = None;
    }
    if let Some(c) = state.help {
        help::draw(frame, a.main, state, c);
        cursor = None;
    }
    if let Some(c) = cursor {
        frame.set_cursor_position(c);
    }
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
