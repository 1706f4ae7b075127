//! The actual-value editor (in the footer) and its conflict prompt (a
//! popup). State and keys live in [`crate::ui::model::Editor`] and
//! [`crate::ui::update()`]; this only draws.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::paint;
use super::theme::Styles;
use crate::ledger::{Field, Status};
use crate::text;
use crate::ui::model::words::{id_in, shown, when};
use crate::ui::model::{AppState, Clash, Editor};
use crate::ui::strings::{S, fill};

/// `8.1 工业总产值（亿元） 期间 [2025] 实际值 : 512|  ✖ 无效` (a note:
/// `8.1 备注 : …`) and the caret position, in the value or the period.
pub fn draw_bar(frame: &mut Frame, line: Rect, state: &AppState, e: &Editor) -> Position {
    let th = state.theme();
    let mut tail = Vec::new();
    if e.error.is_some() {
        tail.push(Span::raw("  "));
        tail.push(Span::styled(
            format!("{} {}", th.mark(Status::Missed), state.tr(S::Invalid)),
            th.status(Status::Missed),
        ));
    }
    let Some(pf) = &e.period else {
        let prompt = fill(state.lang(), S::NotePrompt, &[&e.id]);
        return paint::prompt_bar(frame, line, state, format!("{prompt} : "), &e.field, tail);
    };
    let mut name = e.id.clone();
    if let Some(ind) = state.plan.indicator(&e.id) {
        name = format!("{} {}", ind.id(), text::truncate(ind.name(), 16));
        if let Some(u) = &ind.unit {
            name = format!("{name}（{u}）");
        }
    }
    let label = format!(" {} [", state.tr(S::PeriodLabel));
    let right = format!("]{} : ", fill(state.lang(), S::EditPrompt, &[""]));
    // the period: whole up to PERIOD_ROOM cells, scrolled to its caret
    // while typed in
    let (period, period_col) = if pf.active {
        let room = (text::width(&pf.field.text()) + 1).min(PERIOD_ROOM);
        let (win, col) = pf.field.window(room);
        let cut = if win.cut { text::ELLIPSIS } else { "" };
        let shown = format!("{cut}{}", pf.field.text_from(win.from));
        (text::truncate(&shown, room), col)
    } else {
        (text::truncate(&pf.field.text(), PERIOD_ROOM), 0)
    };
    // a narrow bar cuts the name, keeping VALUE_ROOM cells for the value
    let fixed = text::width(&label) + text::width(&period) + text::width(&right);
    let name_room = (line.width as usize).saturating_sub(fixed + VALUE_ROOM);
    let name = if name_room >= text::width(&e.id) + 3 {
        text::truncate(&name, name_room)
    } else {
        e.id.clone()
    };
    let left = format!("{name}{label}");
    let before_value = text::width(&left) + text::width(&period) + text::width(&right);
    let room = (line.width as usize).saturating_sub(before_value);
    let (win, value_col) = e.field.window(room);
    let (period_style, value_style) = match (pf.active, pf.fresh) {
        // entered with Tab: shown selected (typing replaces it)
        (true, true) => (th.selected(true), th.highlight()),
        (true, false) => (th.title(), th.highlight()),
        // the value filled in by the editor, selected likewise
        (false, _) if e.field.is_selected() => (th.highlight(), th.selected(true)),
        (false, _) => (th.highlight(), th.title()),
    };
    let mut spans = vec![
        Span::styled(left.clone(), th.key()),
        Span::styled(period, period_style),
        Span::styled(right, th.key()),
    ];
    if win.cut {
        spans.push(Span::styled(text::ELLIPSIS, th.dim()));
    }
    spans.push(Span::styled(e.field.text_from(win.from), value_style));
    spans.extend(tail);
    paint::put_line(
        frame.buffer_mut(),
        line.x,
        line.y,
        line.width,
        &Line::from(spans),
    );
    match pf.active {
        true => paint::caret(line, text::width(&left) + period_col),
        false => paint::caret(line, before_value + value_col),
    }
}

/// What the period chosen holds, for the footer: `2023 已填报：420 亿元`,
/// `2024 尚未填报` (the value the edit expects to replace); nothing while
/// the period typed names none.
pub fn period_info(state: &AppState, e: &Editor) -> Option<String> {
    let pf = e.period.as_ref()?;
    let p = pf
        .read(state.plan.period, state.progress.today)
        .ok()?
        .to_string();
    Some(match &e.seen {
        Some(v) => {
            let v = shown(state, &e.id, Field::Actual, Some(v));
            fill(state.lang(), S::PeriodHas, &[&p, &v])
        }
        None => fill(state.lang(), S::PeriodEmpty, &[&p]),
    })
}

/// The cells kept for the value in a narrow bar (the name is cut first).
const VALUE_ROOM: usize = 12;

/// The most cells the period field takes in the bar (`2024年第二季度` is
/// 14; full-width digits take more and scroll).
const PERIOD_ROOM: usize = 16;

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
    let when = c.when.map(when).unwrap_or_else(|| "?".into());
    fill(
        state.lang(),
        S::ConflictPrompt,
        &[
            &id_in(state, &e.id, e.period.as_ref().map(|p| p.at)),
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
    let block = paint::block(state, state.tr(S::ConflictTitle).to_string(), true);
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
