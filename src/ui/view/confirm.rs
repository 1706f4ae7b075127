//! The popup of a y/n question before a write ([`Confirm`]): a milestone
//! toggle (one key must not record), a value far above the target or the
//! value before, and an undo over a value someone else recorded after the
//! screen showed another. `y` does what the question says, `n` / Esc
//! records nothing (the keys: `Ctx::Confirm` in the keymap, handled by
//! `update`).

use ratatui::Frame;
use ratatui::layout::Rect;
use rust_decimal::Decimal;

use super::indicators::actual_text;
use super::paint;
use super::theme::Styles;
use crate::ledger::{Actual, Field, Status};
use crate::plan::Period;
use crate::report::LastRow;
use crate::text;
use crate::ui::model::mode::LARGE;
use crate::ui::model::words::{period_words, shown, when};
use crate::ui::model::{AppState, Confirm, Editor, Far};
use crate::ui::strings::{S, fill};

/// The question, in the UI's language.
pub fn text(state: &AppState, c: &Confirm) -> String {
    match c {
        Confirm::Toggle {
            id, period, new, ..
        } => toggle_text(state, id, *period, new),
        Confirm::Large { editor, value, far } => large_text(state, editor, value, far),
        Confirm::Undo { id, last } => undo_text(state, id, last),
        Confirm::UndoOver { .. } => undo_over_text(state, c),
    }
}

/// `8.1（2024）`: an id with the period of its row.
fn with_period(state: &AppState, id: &str, period: Option<Period>) -> String {
    match period {
        Some(p) => fill(state.lang(), S::InPeriod, &[id, &p.to_string()]),
        None => id.to_string(),
    }
}

/// `撤销 赵六 于 2025-08-15 09:00 对 8.1（2024） 的修改：450 亿元 -> 452 亿元；
/// 改回 450 亿元？（屏幕上显示的是 2025 年的值）`.
fn undo_text(state: &AppState, id: &str, last: &LastRow) -> String {
    let lang = state.lang();
    let value = |v: &Option<String>| shown(state, id, Field::Actual, v.as_deref());
    let (old, new) = (value(&last.old), value(&last.value));
    let shown_period = state.progress.period_of(id);
    let note = match shown_period {
        Some(p) if p != last.period => fill(lang, S::UndoShownIs, &[&period_words(state, p)]),
        _ => String::new(),
    };
    let args: [&str; 7] = [
        &last.user,
        &when(last.time),
        &with_period(state, id, Some(last.period)),
        &old,
        &new,
        &old,
        &note,
    ];
    fill(lang, S::UndoAsk, &args)
}

/// The undo met a value the screen did not show: who changed it, when, to
/// what; undo anyway?
fn undo_over_text(state: &AppState, c: &Confirm) -> String {
    let Confirm::UndoOver {
        id,
        field,
        seen,
        clash,
        period,
    } = c
    else {
        return String::new();
    };
    let who = clash.who.clone().unwrap_or_else(|| "?".into());
    let at = clash.when.map(when).unwrap_or_else(|| "?".into());
    let theirs = shown(state, id, *field, clash.theirs.as_deref());
    let saw = shown(state, id, *field, seen.as_deref());
    let id = with_period(state, id, *period);
    let args: [&str; 7] = [&id, &who, &at, &theirs, &saw, &who, &theirs];
    fill(state.lang(), S::UndoOverPrompt, &args)
}

/// `将 7.4 … 记为 2025 年未完成？（当前：2023 年已完成）`: the period the
/// toggle records for, and the current value with its period (a milestone
/// done in an earlier year is recorded not done for this one).
fn toggle_text(state: &AppState, id: &str, period: Period, new: &str) -> String {
    let name = state
        .plan
        .indicator(id)
        .map(|i| text::truncate(i.name(), 30))
        .unwrap_or_default();
    let word = actual_text(state, Actual::from_ledger(new).as_ref());
    let at = period_words(state, period);
    let now = state.progress.actual_of(id);
    match (now, state.progress.period_of(id).as_ref()) {
        (Some(a), Some(p)) => {
            let was = actual_text(state, Some(a));
            let then = period_words(state, *p);
            let args: [&str; 6] = [id, &name, &at, &word, &then, &was];
            fill(state.lang(), S::ConfirmToggleNow, &args)
        }
        _ => fill(state.lang(), S::ConfirmToggle, &[id, &name, &at, &word]),
    }
}

/// `将 8.1（2023）记为 400410 亿元？这是此前的值 400 亿元（2023）的 10 倍以上`.
fn large_text(state: &AppState, e: &Editor, value: &str, far: &Far) -> String {
    let lang = state.lang();
    let at = e
        .period
        .as_ref()
        .map(|p| p.at.to_string())
        .unwrap_or_default();
    let id = fill(lang, S::InPeriod, &[&e.id, &at]);
    let number = |d: &Decimal| {
        shown(
            state,
            &e.id,
            Field::Actual,
            Some(&d.normalize().to_string()),
        )
    };
    let what = match far {
        Far::Target(t) => fill(lang, S::LargeTarget, &[&number(t)]),
        Far::Before(b, p) => fill(lang, S::LargeBefore, &[&number(b), &p.to_string()]),
    };
    let value = shown(state, &e.id, Field::Actual, Some(value));
    fill(
        lang,
        S::ConfirmLarge,
        &[&id, &value, &what, &LARGE.to_string()],
    )
}

/// The question in a popup over the main area.
pub fn draw(frame: &mut Frame, main: Rect, state: &AppState, c: &Confirm) {
    let th = state.theme();
    let w = main.width.saturating_sub(4).clamp(10, 70);
    let inner = w.saturating_sub(4) as usize;
    let lines = text::wrap(&text(state, c), inner.max(1));
    let area = paint::centered(main, w, lines.len() as u16 + 2);
    let buf = frame.buffer_mut();
    paint::clear_popup(buf, area);
    let title = match c {
        Confirm::Toggle { .. } | Confirm::Large { .. } => state.tr(S::ConfirmTitle),
        Confirm::Undo { .. } => state.tr(S::UndoTitle),
        Confirm::UndoOver { .. } => state.tr(S::ConflictTitle),
    };
    let block = paint::block(state, title.to_string(), true);
    let inside = paint::frame_block(buf, area, block);
    let style = match c {
        Confirm::Toggle { .. } | Confirm::Large { .. } | Confirm::Undo { .. } => th.title(),
        Confirm::UndoOver { .. } => th.status(Status::Missed),
    };
    for (k, l) in lines.iter().enumerate().take(inside.height as usize) {
        paint::put(
            buf,
            inside.x + 1,
            inside.y + k as u16,
            inside.width.saturating_sub(1),
            l,
            style,
        );
    }
}
