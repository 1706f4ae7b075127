//! The actual-value editor (in the footer) and its conflict prompt (a
//! popup). State and keys live in [`crate::ui::model::Editor`] and
//! [`crate::ui::update()`]; this only draws.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::paint;
use super::theme::Styles;
use crate::ledger::Status;
use crate::text;
use crate::ui::model::words::shown;
use crate::ui::model::{AppState, Clash, Editor};
use crate::ui::strings::{S, fill};

/// `8.1 工业总产值 实际值（亿元） : 512|  ✖ 无效` and the caret position.
pub fn draw_bar(frame: &mut Frame, line: Rect, state: &AppState, e: &Editor) -> Position {
    let th = state.theme();
    let prompt = if e.target == crate::ledger::Field::Note {
        fill(state.lang(), S::NotePrompt, &[&e.id])
    } else {
        let mut name = e.id.clone();
        if let Some(ind) = state.plan.indicator(&e.id) {
            name = format!("{} {}", ind.id, text::truncate(&ind.name, 16));
            if let Some(u) = &ind.unit {
                name = format!("{name}（{u}）");
            }
        }
        fill(state.lang(), S::EditPrompt, &[&name])
    };
    let mut tail = Vec::new();
    if e.error.is_some() {
        tail.push(Span::raw("  "));
        tail.push(Span::styled(
            format!("{} {}", th.mark(Status::Missed), state.tr(S::Invalid)),
            th.status(Status::Missed),
        ));
    }
    paint::prompt_bar(frame, line, state, format!("{prompt} : "), &e.field, tail)
}

/// The reason an edit was refused, for the footer's lines below the
/// editor: `无效：` in red, then the reason.
pub fn error_lines(state: &AppState, e: &Editor, width: u16) -> Vec<Line<'static>> {
    let th = state.theme();
    let label = format!("{}{}", state.tr(S::Invalid), state.tr(S::Colon));
    let label = label.trim_end();
    e.error_text(state.lang(), width as usize)
        .into_iter()
        .enumerate()
        .map(|(k, l)| match l.strip_prefix(label) {
            Some(rest) if k == 0 => Line::from(vec![
                Span::styled(label.to_string(), th.status(Status::Missed)),
                Span::raw(rest.to_string()),
            ]),
            _ => Line::from(l),
        })
        .collect()
}

/// The conflict prompt: who changed the value, when, to what; y / n.
pub fn conflict_text(state: &AppState, e: &Editor, c: &Clash) -> String {
    let who = c.who.clone().unwrap_or_else(|| "?".into());
    let when = c.when.map(|t| t.to_string()).unwrap_or_else(|| "?".into());
    fill(
        state.lang(),
        S::ConflictPrompt,
        &[
            &e.id,
            &who,
            &when,
            &shown(state, &e.id, e.target, c.theirs.as_deref()),
            &shown(state, &e.id, e.target, e.seen.as_deref()),
            &shown(
                state,
                &e.id,
                e.target,
                Some(c.ours.as_str()).filter(|o| !o.is_empty()),
            ),
        ],
    )
}

pub fn draw_conflict(frame: &mut Frame, main: Rect, state: &AppState, e: &Editor, c: &Clash) {
    let th = state.theme();
    let w = main.width.saturating_sub(4).clamp(10, 70);
    let inner = w.saturating_sub(4) as usize;
    let lines = text::wrap(&conflict_text(state, e, c), inner.max(1));
    let area = paint::centered(main, w, lines.len() as u16 + 2);
    let buf = frame.buffer_mut();
    paint::clear_popup(buf, area);
    let block = paint::block(state, state.tr(S::SectionConflict).to_string(), true);
    let inside = paint::frame_block(buf, area, block);
    for (k, l) in lines.iter().enumerate().take(inside.height as usize) {
        paint::put(
            buf,
            inside.x + 1,
            inside.y + k as u16,
            inside.width.saturating_sub(1),
            l,
            th.status(Status::Missed),
        );
    }
}
