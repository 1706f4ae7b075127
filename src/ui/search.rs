//! `/` incremental search: the field in the footer. Matching lives in
//! [`super::filter`] (titles, task text, target texts, indicator names and
//! owners; Chinese substrings, and pinyin full or initials on titles and
//! names). While typing, the tree filters live; Enter keeps the search as a
//! filter, Esc clears it.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::field::TextField;
use super::paint;
use super::state::AppState;
use super::strings::{S, fill};
use crate::text;

/// Draws `搜索 / 工业|   12 项任务` and returns the caret position.
pub fn draw_bar(frame: &mut Frame, line: Rect, state: &AppState, f: &TextField) -> Position {
    let th = state.theme();
    let prompt = format!("{} / ", state.tr(S::SearchPrompt));
    let pw = text::width(&prompt);
    let found = fill(
        state.lang(),
        S::NTasks,
        &[&super::tree::task_count(state).to_string()],
    );
    let spans = vec![
        Span::styled(prompt, th.key()),
        Span::styled(f.text(), th.title()),
        Span::styled(format!("   {found}"), th.dim()),
    ];
    paint::put_line(
        frame.buffer_mut(),
        line.x,
        line.y,
        line.width,
        &Line::from(spans),
    );
    caret(line, pw + f.caret_col())
}

/// The cursor at `col` cells into `line`, kept inside it.
pub fn caret(line: Rect, col: usize) -> Position {
    let max = line.width.saturating_sub(1) as usize;
    Position::new(line.x + col.min(max) as u16, line.y)
}
