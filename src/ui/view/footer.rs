//! The footer: line 1 the keys that matter now (from the keymap) or the
//! search / jump field; line 2 messages, active filters and the ledger (in
//! the editor: the error, wrapped onto line 3 when long).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::theme::Styles;
use super::{editor, paint};
use crate::text;
use crate::ui::action::Action;
use crate::ui::keymap::{self, Binding, Ctx};
use crate::ui::model::field::TextField;
use crate::ui::model::words::filters_text;
use crate::ui::model::{AppState, Editor, Mode, Pane, refusal};
use crate::ui::strings::{S, fill};

/// `j/k`, `h/l`: a movement key with its partner, else the first key.
fn key_label(ctx: Ctx, b: &Binding) -> String {
    let first = |a: Action| {
        keymap::bindings(ctx)
            .find(|x| x.action == a)
            .and_then(|x| x.keys.first())
            .map(|k| k.label())
    };
    let own = b.keys.first().map(|k| k.label()).unwrap_or_default();
    match b.action {
        Action::Down => first(Action::Up).map_or(own.clone(), |u| format!("{own}/{u}")),
        Action::PrevPeriod => {
            first(Action::NextPeriod).map_or(own.clone(), |n| format!("{own}/{n}"))
        }
        Action::Right => first(Action::Left).map_or(own.clone(), |l| format!("{l}/{own}")),
        _ => own,
    }
}

/// The footer hints for the current context, keymap order (keys that
/// record something are left out while the UI is read-only).
pub fn hints(state: &AppState) -> Vec<(Action, String, &'static str)> {
    let ctx = state.ctx();
    keymap::bindings(ctx)
        .filter_map(|b| b.hint.map(|h| (b, h)))
        .filter(|(b, _)| state.config.writable || !keymap::is_write(&b.action))
        .filter(|(b, _)| !state.loading || !keymap::needs_ledger(&b.action))
        .filter(|(b, _)| match b.action {
            Action::ClearFilters => state.filters.any(),
            Action::Down => !matches!(state.mode, Mode::Search(_) | Mode::Jump(_) | Mode::Edit(_)),
            _ => true,
        })
        .map(|(b, h)| (b.action.clone(), key_label(ctx, b), state.tr(h)))
        .collect()
}

/// Keys that matter more with the indicator pane focused, in this order
/// right after Edit: they act on the indicator selected there (the chart
/// gave way at 80×24; the search and jump keys give way instead).
const INDICATOR_PANE: &[Action] = &[Action::Undo, Action::ShowHistory, Action::ShowChart];

/// An action's place in [`keymap::HINT_ORDER`]; `first` ones come right after
/// Edit, in their order.
fn rank(a: &Action, first: &[Action]) -> usize {
    let at = |x: &Action| keymap::HINT_ORDER.iter().position(|p| p == x);
    let edit = at(&Action::Edit).unwrap_or(0);
    let step = first.len() + 1;
    match (first.iter().position(|f| f == a), at(a)) {
        (Some(k), _) => edit * step + 1 + k,
        (None, Some(i)) => i * step,
        (None, None) => keymap::HINT_ORDER.len() * step,
    }
}

/// The hints that fit in `width` cells, whole: chosen by `keymap::HINT_ORDER`
/// (`first` ranked right after Edit), shown in keymap order.
pub fn fit_hints(
    all: Vec<(Action, String, &'static str)>,
    width: usize,
    first: &[Action],
) -> Vec<(String, &'static str)> {
    let cost = |k: &str, h: &str| text::width(k) + 1 + text::width(h) + 2;
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by_key(|&i| rank(&all[i].0, first));
    // the last hint needs no trailing gap
    let mut room = width + 2;
    let mut chosen = vec![false; all.len()];
    for i in order {
        let c = cost(&all[i].1, all[i].2);
        if c <= room {
            room -= c;
            chosen[i] = true;
        }
    }
    all.into_iter()
        .zip(chosen)
        .filter(|(_, c)| *c)
        .map(|((_, k, h), _)| (k, h))
        .collect()
}

/// Draws `搜索 / 工业|   12 项任务` and returns the caret position.
/// Matching lives in [`crate::ui::model::filter`]; while typing, the tree
/// filters live, Enter keeps the search as a filter, Esc clears it.
fn search_bar(frame: &mut Frame, line: Rect, state: &AppState, f: &TextField) -> Position {
    let prompt = format!("{} / ", state.tr(S::SearchPrompt));
    let n = state.task_count().to_string();
    let found = fill(state.lang(), S::NTasks, &[&n]);
    let tail = vec![Span::styled(format!("   {found}"), state.theme().dim())];
    paint::prompt_bar(frame, line, state, prompt, f, tail)
}

/// Draws `跳转到（如 8、8.1、0.3）: 8|` and returns the caret position.
fn jump_bar(frame: &mut Frame, line: Rect, state: &AppState, f: &TextField) -> Position {
    let prompt = format!("{} : ", state.tr(S::JumpPrompt));
    paint::prompt_bar(frame, line, state, prompt, f, Vec::new())
}

/// The hints that fit in `width` cells, as `key hint` spans two cells
/// apart, after `spans`.
fn hint_spans(spans: &mut Vec<Span<'static>>, state: &AppState, width: usize) {
    let start = spans.len();
    let first = match state.focus {
        Pane::Indicators if state.ctx() == Ctx::Browse => INDICATOR_PANE,
        _ => &[],
    };
    for (k, h) in fit_hints(hints(state), width, first) {
        if spans.len() > start {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(k, state.theme().key()));
        spans.push(Span::raw(format!(" {h}")));
    }
}

/// Line 2 in the value editor: what the period holds (or a message),
/// then the editor's keys.
fn editor_line(state: &AppState, e: &Editor, width: u16) -> Vec<Span<'static>> {
    let th = state.theme();
    let (lead, style) = match &state.message {
        Some(m) => (Some(m.clone()), th.message()),
        None => (editor::period_info(state, e), th.dim()),
    };
    let mut spans = Vec::new();
    let mut room = width as usize;
    if let Some(l) = lead {
        room = room.saturating_sub(text::width(&l) + 2);
        spans.push(Span::styled(format!("{l}  "), style));
    }
    hint_spans(&mut spans, state, room);
    spans
}

/// Line 2 elsewhere: the message, the active filters and the ledger, in
/// `width` cells. After a message (cut by display width if it is wider
/// than the line) the rest comes only where it fits whole: it gives way
/// to the message, never cuts it.
fn status_line(state: &AppState, width: usize) -> Vec<Span<'static>> {
    let rest = status_rest(state);
    let Some(m) = &state.message else {
        return rest.into_iter().flatten().collect();
    };
    let mut spans = vec![Span::styled(format!("{m}  "), state.theme().message())];
    let mut room = width.saturating_sub(text::width(m) + 2);
    for seg in rest {
        let w: usize = seg.iter().map(|s| text::width(&s.content)).sum();
        if w <= room {
            room -= w;
            spans.extend(seg);
        }
    }
    spans
}

/// The status line after the message, segment by segment: the ledger
/// unreadable (unless a message is said) or being read, the active
/// filters, the ledger's path.
fn status_rest(state: &AppState) -> Vec<Vec<Span<'static>>> {
    let th = state.theme();
    let mut segs = Vec::new();
    // the ledger file gone: said while the screen shows what was read
    if let Some(g) = state.gone_text()
        && state.message.as_deref() != Some(g)
    {
        segs.push(vec![Span::styled(format!("{g}  "), th.message())]);
    }
    match &state.broken {
        // a message comes first: a refused key's says why
        Some(_) if state.message.is_some() => {}
        Some(why) => {
            let said = refusal::unreadable(state.lang(), S::LedgerBroken, why);
            segs.push(vec![Span::styled(format!("{said}  "), th.message())]);
        }
        None if state.loading => {
            let reading = state.tr(S::LedgerLoading);
            segs.push(vec![Span::styled(format!("{reading}  "), th.highlight())]);
        }
        None => {}
    }
    let filters = match filters_text(state) {
        Some(f) => Span::styled(f, th.highlight()),
        None => Span::raw(state.tr(S::FilterNone)),
    };
    segs.push(vec![
        Span::styled(state.label(S::Filter), th.dim()),
        filters,
    ]);
    let ledger = state
        .config
        .ledger
        .clone()
        .unwrap_or_else(|| state.tr(S::LedgerNone).to_string());
    segs.push(vec![
        Span::styled(format!("   {}", state.label(S::Ledger)), th.dim()),
        Span::raw(ledger),
    ]);
    segs
}

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) -> Option<Position> {
    let line1 = Rect { height: 1, ..area };
    let cursor = match &state.mode {
        Mode::Search(f) => Some(search_bar(frame, line1, state, f)),
        Mode::Jump(f) => Some(jump_bar(frame, line1, state, f)),
        Mode::Edit(e) if e.clash.is_none() => Some(editor::draw_bar(frame, line1, state, e)),
        _ => {
            let mut spans = Vec::new();
            hint_spans(&mut spans, state, line1.width as usize);
            paint::put_line(
                frame.buffer_mut(),
                line1.x,
                line1.y,
                line1.width,
                &Line::from(spans),
            );
            None
        }
    };
    if area.height > 1
        && let Mode::Edit(e) = &state.mode
        && e.error.is_some()
    {
        let lines = editor::error_lines(state, e, area.width);
        for (k, l) in lines.iter().enumerate().take(area.height as usize - 1) {
            let y = area.y + 1 + k as u16;
            paint::put_line(frame.buffer_mut(), area.x, y, area.width, l);
        }
        return cursor;
    }
    if area.height > 1 {
        let spans = match &state.mode {
            Mode::Edit(e) if state.ctx() == Ctx::Edit => editor_line(state, e, area.width),
            _ => status_line(state, area.width as usize),
        };
        paint::put_line(
            frame.buffer_mut(),
            area.x,
            area.y + 1,
            area.width,
            &Line::from(spans),
        );
    }
    cursor
}
