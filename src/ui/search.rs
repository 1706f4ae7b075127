//! `/` incremental search: the field in the footer. Matching lives in
//! [`super::filter`] (titles, task text, target texts, indicator names and
//! owners; Chinese substrings, and pinyin full or initials on titles and
//! names). While typing, the tree filters live; Enter keeps the search as a
//! filter, Esc clears it.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Span;

use super::field::TextField;
use super::paint;
use super::state::AppState;
use super::strings::{S, fill};

/// Draws `搜索 / 工业|   12 项任务` and returns the caret position.
pub fn draw_bar(frame: &mut Frame, line: Rect, state: &AppState, f: &TextField) -> Position {
    let prompt = format!("{} / ", state.tr(S::SearchPrompt));
    let found = fill(
        state.lang(),
        S::NTasks,
        &[&super::tree::task_count(state).to_string()],
    );
    let tail = vec![Span::styled(format!("   {found}"), state.theme().dim())];
    paint::prompt_bar(frame, line, state, prompt, f, tail)
}
