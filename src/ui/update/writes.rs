//! The write path of [`super::update`]: opening the value and note
//! editors, submitting (as a [`Request`] the run loop carries out through
//! the ledger), undo with the value shown, the y/n questions before a
//! write and the conflict prompt. Pure: no terminal or file I/O here.

use super::ask::{ask_large, far_above};
use super::period::{default_of, editor_for, period_to_record, seen_in};
use crate::ledger::{Actual, Expect, Field, parse_actual};
use crate::ui::action::Action;
use crate::ui::model::field::TextField;
use crate::ui::model::words::{id_in, shown};
use crate::ui::model::{AppState, Confirm, Editor, Mode, Pane, Request};
use crate::ui::strings::{S, fill};
use crate::vocab::Milestone;

/// Says why nothing can be recorded (the reason the UI was started
/// read-only).
pub(super) fn say_read_only(s: &mut AppState) {
    let why = s.config.read_only.unwrap_or(S::ReadOnly);
    s.message = Some(s.tr(why).to_string());
}

/// The selected indicator's id for `u` / `H` (the indicator pane focused),
/// else a message saying what to do.
pub(super) fn indicator_for(s: &mut AppState, write: bool) -> Option<String> {
    if write && !s.config.writable {
        say_read_only(s);
        return None;
    }
    match s.selected_ind() {
        Some(p) if s.focus == Pane::Indicators => Some(s.plan.indicators[p].id().to_string()),
        _ => {
            if !s.selected_inds().is_empty() {
                s.set_focus(Pane::Indicators);
            }
            s.message = Some(s.tr(S::PickIndicator).to_string());
            None
        }
    }
}

/// `n`: a note on the selected indicator (indicator pane focused) or on
/// the selected task; the editor opens on its standing note, which the
/// edit then expects (a colleague's note since is a conflict).
pub(super) fn start_note(s: &mut AppState) {
    if !s.config.writable {
        say_read_only(s);
        return;
    }
    let id = match (s.focus, s.selected_ind(), s.selected_task_pos()) {
        (Pane::Indicators, Some(p), _) => s.plan.indicators[p].id().to_string(),
        (_, _, Some(t)) => s.plan.tasks[t].id.clone(),
        _ => {
            s.message = Some(s.tr(S::PickTask).to_string());
            return;
        }
    };
    let seen = s.progress.standing_note(&id).map(|n| n.text);
    let seen_row = Some(s.progress.row_of(&id, Field::Note));
    s.mode = Mode::Edit(Editor {
        id,
        target: Field::Note,
        field: TextField::with(seen.as_deref().unwrap_or("")),
        seen,
        seen_row,
        error: None,
        clash: None,
        sending: None,
        period: None,
        edited: false,
    });
}

/// `e` / Enter in browse: opens the editor on the selected indicator, or
/// asks whether to toggle a milestone.
pub(super) fn start_edit(s: &mut AppState) {
    if !s.config.writable {
        say_read_only(s);
        return;
    }
    let pos = match s.selected_ind() {
        Some(p) if s.focus == Pane::Indicators => p,
        _ => {
            let msg = if s.selected_inds().is_empty() {
                S::PickIndicator
            } else {
                s.set_focus(Pane::Indicators);
                S::MovedToIndicators
            };
            s.message = Some(s.tr(msg).to_string());
            return;
        }
    };
    let ind = &s.plan.indicators[pos];
    let default = default_of(s);
    if ind.is_milestone() {
        // One key must not record: ask first (for the default period).
        if let Err(why) = s.plan.period.check(default, s.progress.today) {
            let why = why.reason(s.lang());
            s.message = Some(fill(s.lang(), S::DefaultPeriodToggle, &[&why]));
            return;
        }
        let done = matches!(s.progress.actual_of(ind.id()), Some(Actual::Done(true)));
        let (seen, row) = seen_in(s, ind.id(), default);
        s.mode = Mode::Confirm(Confirm::Toggle {
            id: ind.id().to_string(),
            period: default,
            seen,
            seen_row: Some(row),
            new: Actual::Done(!done).to_ledger(),
        });
        return;
    }
    let mut e = editor_for(s, ind.id(), default);
    // The value shown is selected: typing replaces it, Backspace or the
    // caret keys edit it.
    e.field.select();
    // The default period past the plan's years: say so at once, the caret
    // in the period field.
    let _ = period_to_record(s, &mut e);
    s.mode = Mode::Edit(e);
}

/// `y` on a milestone: records `new`, expecting `seen` (a conflict then
/// asks in the editor's prompt, as for a typed value).
fn toggle(s: &mut AppState, id: String, seen: (Option<String>, Option<u64>), new: String) {
    let shown_new = match Actual::from_ledger(&new) {
        Some(Actual::Done(d)) => s.word(Milestone::of(d)).to_string(),
        _ => new.clone(),
    };
    let mut e = editor_for(s, &id, default_of(s));
    e.field = TextField::with(&shown_new);
    e.seen = seen.0;
    e.seen_row = seen.1;
    send(s, &mut e, new);
    s.mode = Mode::Edit(e);
}

/// `u`: undo the selected indicator's last change (whatever its period,
/// as `wudang-plan undo`), expecting exactly its last row as the screen
/// has it; when that row is someone else's, or of a period other than the
/// one whose value is shown, ask first ([`Confirm::Undo`]).
pub(super) fn start_undo(s: &mut AppState) {
    let Some(id) = indicator_for(s, true) else {
        return;
    };
    let Some(last) = s.progress.last_of(&id) else {
        // no row known (a progress built by hand): the value shown
        let seen = s.progress.actual_of(&id).map(Actual::to_ledger);
        let row = s.progress.row_of(&id, Field::Actual);
        s.request = Some(undo_request(id, Field::Actual, seen, row));
        return;
    };
    let theirs = s.config.user.as_deref() != Some(last.user.as_str());
    let elsewhere = s.progress.period_of(&id) != Some(last.period);
    if theirs || elsewhere {
        s.mode = Mode::Confirm(Confirm::Undo { id, last });
    } else {
        s.request = Some(undo_request(id, Field::Actual, last.value, last.line));
    }
}

/// What an edit expects: the row the screen showed (`row`, its line) when
/// known, else the value alone.
fn expect(seen: Option<String>, row: Option<u64>) -> Expect {
    match row {
        Some(line) => Expect::Row { value: seen, line },
        None => Expect::Value(seen),
    }
}

/// Undo the last change of `id`'s `field`, expecting the row at `row`
/// holding `seen`.
fn undo_request(id: String, field: Field, seen: Option<String>, row: u64) -> Request {
    Request {
        id,
        field,
        value: None,
        expect: expect(seen, Some(row)),
        note: None,
        undo: true,
        period: None,
    }
}

/// Asks the run loop to record `value` (ledger form; empty clears a note)
/// for the editor's indicator or task, if its current value is still the
/// one the editor saw.
fn send(s: &mut AppState, e: &mut Editor, value: String) {
    s.request = Some(Request {
        id: e.id.clone(),
        field: e.target,
        value: Some(value.clone()).filter(|v| !v.is_empty()),
        expect: expect(e.seen.clone(), e.seen_row),
        note: None,
        undo: false,
        period: e.period.as_ref().map(|p| p.at),
    });
    e.sending = Some(value);
}

/// Enter in the editor: the same parsing and checks as `wudang-plan set`;
/// a value far above the target or the value before asks first.
pub(super) fn submit(s: &mut AppState, mut e: Editor) {
    if e.target == Field::Note {
        let text = e.field.text().trim().to_string();
        if text.is_empty() && e.seen.is_none() {
            e.error = Some(s.tr(S::NothingTyped).to_string());
        } else {
            e.error = None;
            send(s, &mut e, text);
        }
        s.mode = Mode::Edit(e);
        return;
    }
    let parsed = match (period_to_record(s, &mut e), s.plan.indicator(&e.id)) {
        (Ok(_), Some(ind)) => parse_actual(ind, &e.field.text()),
        _ => {
            s.mode = Mode::Edit(e);
            return;
        }
    };
    match parsed {
        Ok(a) => {
            e.error = None;
            if let Some(far) = far_above(s, &e, &a) {
                return ask_large(s, e, a.to_ledger(), far);
            }
            send(s, &mut e, a.to_ledger());
        }
        Err(v) => e.error = Some(v.reason(s.lang())),
    }
    s.mode = Mode::Edit(e);
}

pub(super) fn conflict_key(s: &mut AppState, a: Action) {
    let Mode::Edit(mut e) = std::mem::replace(&mut s.mode, Mode::Browse) else {
        return;
    };
    let Some(c) = e.clash.take() else {
        s.mode = Mode::Edit(e);
        return;
    };
    match a {
        Action::Overwrite => {
            // Overwrite exactly the value the prompt showed.
            e.seen = c.theirs.clone();
            e.seen_row = Some(c.row);
            send(s, &mut e, c.ours.clone());
            s.mode = Mode::Edit(e);
        }
        Action::Cancel => {
            let theirs = shown(s, &e.id, e.target, c.theirs.as_deref());
            let id = id_in(s, &e.id, e.period.as_ref().map(|p| p.at));
            s.message = Some(fill(s.lang(), S::KeptTheirs, &[&id, &theirs]));
        }
        _ => {
            e.clash = Some(c);
            s.mode = Mode::Edit(e);
        }
    }
}

/// `y` / `n` / Esc in a confirmation.
pub(super) fn confirm_key(s: &mut AppState, a: Action) {
    let Mode::Confirm(c) = std::mem::replace(&mut s.mode, Mode::Browse) else {
        return;
    };
    match (a, c) {
        (
            Action::Yes,
            Confirm::Toggle {
                id,
                seen,
                seen_row,
                new,
                ..
            },
        ) => toggle(s, id, (seen, seen_row), new),
        (Action::Yes, Confirm::Undo { id, last }) => {
            s.request = Some(undo_request(id, Field::Actual, last.value, last.line));
        }
        (
            Action::Yes,
            Confirm::UndoOver {
                id, field, clash, ..
            },
        ) => {
            // Undo exactly the value the question showed.
            s.request = Some(undo_request(id, field, clash.theirs, clash.row));
        }
        // a large value: y records it, n / Esc goes back to it
        (Action::Yes, Confirm::Large { editor, value, .. }) => {
            let mut e = *editor;
            send(s, &mut e, value);
            s.mode = Mode::Edit(e);
        }
        (Action::Cancel, Confirm::Large { editor, .. }) => s.mode = Mode::Edit(*editor),
        (Action::Cancel, _) => s.message = Some(s.tr(S::ConfirmCancelled).to_string()),
        (_, c) => s.mode = Mode::Confirm(c),
    }
}
