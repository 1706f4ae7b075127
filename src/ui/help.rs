//! The help overlay (`?`): a text legend of the status marks and bars, then
//! every key, generated from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::cursor::Cursor;
use super::keymap::{self, Ctx};
use super::paint;
use super::state::AppState;
use super::strings::S;
use crate::ledger::Status;
use crate::text;

/// The help text at `width` cells: the legend first (what the marks mean
/// is what a newcomer needs), then the keys of every context.
pub fn lines(state: &AppState, width: usize) -> Vec<Line<'static>> {
    let th = state.theme();
    let mut out = Vec::new();
    out.push(Line::from(Span::styled(
        state.tr(S::MarksLegend),
        th.heading(),
    )));
    let mut marks = vec![Span::raw("  ")];
    for s in [
        Status::Met,
        Status::StretchMet,
        Status::InProgress,
        Status::Missed,
        Status::NoData,
    ] {
        let word = state.word(s);
        marks.push(Span::styled(
            format!("{} {}", th.mark(s), word),
            th.status(s),
        ));
        marks.push(Span::raw("   "));
    }
    out.push(Line::from(marks));
    out.push(Line::from(Span::styled(
        state.tr(S::BarsLegend),
        th.heading(),
    )));
    for l in text::wrap(state.tr(S::BarLegendText), width.saturating_sub(2)) {
        out.push(Line::from(format!("  {l}")));
    }
    let key_w = keymap::KEYMAP
        .iter()
        .map(|b| text::width(&keymap::keys_label(b)))
        .max()
        .unwrap_or(0);
    for ctx in Ctx::ALL {
        out.push(Line::default());
        out.push(Line::from(Span::styled(
            state.tr(ctx.title()),
            th.heading(),
        )));
        for b in keymap::bindings(ctx) {
            out.push(Line::from(vec![
                Span::styled(
                    format!("  {}  ", text::pad(&keymap::keys_label(b), key_w)),
                    th.key(),
                ),
                Span::raw(state.tr(b.desc)),
            ]));
        }
    }
    out
}

/// The overlay's rectangle inside `main`.
pub fn area(main: Rect) -> Rect {
    paint::centered(
        main,
        76.min(main.width.saturating_sub(2)),
        main.height.saturating_sub(1),
    )
}

/// Lines visible inside the overlay.
pub fn height(main: Rect) -> usize {
    area(main).height.saturating_sub(2) as usize
}

/// How far help can scroll at this size.
pub fn max_scroll(state: &AppState, main: Rect) -> usize {
    let a = area(main);
    lines(state, a.width.saturating_sub(2) as usize)
        .len()
        .saturating_sub(a.height.saturating_sub(2) as usize)
}

pub fn draw(frame: &mut Frame, main: Rect, state: &AppState, c: Cursor) {
    let a = area(main);
    if a.width < 4 || a.height < 3 {
        return;
    }
    let buf = frame.buffer_mut();
    paint::clear_popup(buf, a);
    let title = format!(" {} ", state.tr(S::HelpTitle));
    let inner = paint::frame_block(buf, a, paint::block(state, title, true));
    let ls = lines(state, inner.width as usize);
    paint::put_lines(buf, inner, &ls, c.sel);
}
