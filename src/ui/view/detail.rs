//! The detail pane: the lines [`crate::ui::model::detail`] lays out for
//! the selected row, scrolled, with where we are in the bottom border.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::paint;
use super::theme::Styles;
use crate::text;
use crate::ui::model::{AppState, Pane, detail};
use crate::ui::strings::{S, fill};

pub fn title(state: &AppState, narrow: bool) -> String {
    if state.zoom {
        format!(" {}  [{}] ", state.tr(S::Detail), state.tr(S::Zoomed))
    } else if narrow {
        format!(
            " {}  [{}] ",
            state.tr(S::Detail),
            fill(state.lang(), S::TabFor, &[state.tr(S::Indicators)])
        )
    } else {
        format!(" {} ", state.tr(S::Detail))
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, narrow: bool) {
    let focused = state.focus == Pane::Detail;
    let buf = frame.buffer_mut();
    let inner = paint::frame_block(
        buf,
        area,
        paint::block(state, title(state, narrow), focused),
    );
    if inner.width < 2 || inner.height == 0 {
        return;
    }
    let h = inner.height as usize;
    let w = inner.width as usize;
    // Only the lines on screen are laid out.
    let total = detail::window(state, w, 0, 0).1;
    let scroll = state.detail.sel.min(total.saturating_sub(h));
    let (shown, total) = detail::window(state, w, scroll, h);
    let ls: Vec<_> = shown.iter().map(|l| paint::pieces(state, l)).collect();
    paint::put_lines(buf, inner, &ls, 0);
    if total > h {
        // where we are: "12/40" in the bottom border
        let pos = format!(" {}/{} ", (scroll + h).min(total), total);
        let w = text::width(&pos) as u16;
        if area.width > w + 2 {
            paint::put(
                buf,
                area.x + area.width - w - 1,
                area.y + area.height - 1,
                w,
                &pos,
                state.theme().dim(),
            );
        }
    }
}
