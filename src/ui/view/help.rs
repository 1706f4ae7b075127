//! The help overlay (`?`): the lines [`crate::ui::model::help`] lays out
//! (a legend of the status marks and bars, then every key from the
//! keymap), scrolled.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::paint;
use crate::ui::model::{AppState, Cursor, help};
use crate::ui::strings::S;

pub fn draw(frame: &mut Frame, main: Rect, state: &AppState, c: Cursor) {
    let a: Rect = help::area(main.into()).into();
    if a.width < 4 || a.height < 3 {
        return;
    }
    let buf = frame.buffer_mut();
    paint::clear_popup(buf, a);
    let title = format!(" {} ", state.tr(S::HelpTitle));
    let inner = paint::frame_block(buf, a, paint::block(state, title, true));
    let ls: Vec<_> = help::lines(state, inner.width as usize)
        .iter()
        .map(|l| paint::pieces(state, l))
        .collect();
    paint::put_lines(buf, inner, &ls, c.sel);
}
