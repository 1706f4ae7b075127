//! The actual-value editor (in the footer) and its conflict prompt (a
//! popup). State and keys live in [`super::state::Editor`] and
//! [`super::update`]; this only draws.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::paint;
use super::state::{AppState, Clash, Editor};
use super::strings::{S, fill};
use super::writes::shown;
use crate::ledger::Status;
use crate::text;

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

/// The reason an edit was refused, for the footer's second line.
pub fn error_line(state: &AppState, e: &Editor) -> Option<Line<'static>> {
    let why = e.error.as_ref()?;
    let th = state.theme();
    Some(Line::from(vec![
        Span::styled(
            format!("{}{}", state.tr(S::Invalid), state.tr(S::Colon)),
            th.status(Status::Missed),
        ),
        Span::raw(why.clone()),
    ]))
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
            &shown(state, &e.id, c.theirs.as_deref()),
            &shown(state, &e.id, e.seen.as_deref()),
            &shown(state, &e.id, Some(&c.ours)),
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
