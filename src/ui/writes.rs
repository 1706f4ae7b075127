//! The write path of [`super::update`]: opening the value and note
//! editors, submitting (as a [`Request`] the run loop carries out through
//! the ledger), the conflict prompt, the history popup's keys, and applying
//! what the ledger answered or what other sessions recorded. Pure: no
//! terminal or file I/O here.

use super::action::Action;
use super::field::TextField;
use super::state::{AppState, Clash, Editor, Mode, Pane, Request};
use super::strings::{S, fill};
use super::update::set_focus;
use crate::ledger::{Actual, Entry, Expect, Field, TaskState, display_actual, parse_actual};
use crate::vocab::{Milestone, Term};

/// A stored value of `field` for people, in the UI's language, never the
/// machine word: `512 亿元`, 已完成, 已延误, a note as written, `（无）`.
pub fn shown(s: &AppState, id: &str, field: Field, v: Option<&str>) -> String {
    let Some(v) = v else {
        return s.tr(S::Nothing).to_string();
    };
    match field {
        Field::Actual => match (s.plan.indicator(id), Actual::from_ledger(v)) {
            (_, Some(Actual::Done(d))) => s.word(Milestone::of(d)).to_string(),
            (Some(ind), Some(a)) => display_actual(ind, &a),
            _ => v.to_string(),
        },
        Field::Status => match TaskState::from_machine(v) {
            Some(t) => s.word(t).to_string(),
            None => v.to_string(),
        },
        Field::Note => v.to_string(),
    }
}

pub(super) fn history_key(s: &mut AppState, a: Action) {
    let Some(h) = &mut s.history else {
        return;
    };
    match a {
        Action::Down => h.scroll = (h.scroll + 1).min(h.rows.len().saturating_sub(1)),
        Action::Up => h.scroll = h.scroll.saturating_sub(1),
        Action::Cancel | Action::ShowHistory => s.history = None,
        _ => {}
    }
}

/// The selected indicator's id for `u` / `H` (the indicator pane focused),
/// else a message saying what to do.
pub(super) fn indicator_for(s: &mut AppState, write: bool) -> Option<String> {
    if write && !s.config.writable {
        s.message = Some(s.tr(S::ReadOnly).to_string());
        return None;
    }
    match s.selected_ind() {
        Some(p) if s.focus == Pane::Indicators => Some(s.plan.indicators[p].id.clone()),
        _ => {
            if !s.selected_inds().is_empty() {
                set_focus(s, Pane::Indicators);
            }
            s.message = Some(s.tr(S::PickIndicator).to_string());
            None
        }
    }
}

/// `n`: a note on the selected indicator (indicator pane focused) or on
/// the selected task.
pub(super) fn start_note(s: &mut AppState) {
    if !s.config.writable {
        s.message = Some(s.tr(S::ReadOnly).to_string());
        return;
    }
    let id = match (s.focus, s.selected_ind(), s.selected_task_pos()) {
        (Pane::Indicators, Some(p), _) => s.plan.indicators[p].id.clone(),
        (_, _, Some(t)) => s.plan.tasks[t].id.clone(),
        _ => {
            s.message = Some(s.tr(S::PickTask).to_string());
            return;
        }
    };
    s.mode = Mode::Edit(Editor {
        id,
        target: Field::Note,
        field: TextField::default(),
        seen: None,
        error: None,
        clash: None,
        sending: None,
    });
}

/// `e` / Enter in browse: opens the editor on the selected indicator, or
/// toggles a milestone.
pub(super) fn start_edit(s: &mut AppState) {
    if !s.config.writable {
        s.message = Some(s.tr(S::ReadOnly).to_string());
        return;
    }
    let pos = match s.selected_ind() {
        Some(p) if s.focus == Pane::Indicators => p,
        _ => {
            let msg = if s.selected_inds().is_empty() {
                S::PickIndicator
            } else {
                set_focus(s, Pane::Indicators);
                S::MovedToIndicators
            };
            s.message = Some(s.tr(msg).to_string());
            return;
        }
    };
    let ind = &s.plan.indicators[pos];
    let current = s.progress.actual.get(&ind.id);
    let seen = current.map(Actual::to_ledger);
    let mut e = Editor {
        id: ind.id.clone(),
        target: Field::Actual,
        field: TextField::with(seen.as_deref().unwrap_or("")),
        seen,
        error: None,
        clash: None,
        sending: None,
    };
    if ind.is_milestone() {
        let done = matches!(current, Some(Actual::Done(true)));
        let new = Actual::Done(!done).to_ledger();
        e.field = TextField::with(s.word(Milestone::of(!done)));
        send(s, &mut e, new);
    }
    s.mode = Mode::Edit(e);
}

/// Asks the run loop to record `value` (ledger form) for the editor's
/// indicator, if its current value is still the one the editor saw (a note
/// is recorded whatever the last note was).
fn send(s: &mut AppState, e: &mut Editor, value: String) {
    s.request = Some(Request {
        id: e.id.clone(),
        field: e.target,
        value: Some(value.clone()),
        expect: if e.target == Field::Note {
            Expect::Any
        } else {
            Expect::Value(e.seen.clone())
        },
        note: None,
        undo: false,
    });
    e.sending = Some(value);
}

/// Enter in the editor: the same parsing and checks as `wudang-plan set`.
pub(super) fn submit(s: &mut AppState, e: &mut Editor) {
    if e.target == Field::Note {
        let text = e.field.text().trim().to_string();
        if text.is_empty() {
            e.error = Some(s.tr(S::NothingTyped).to_string());
        } else {
            e.error = None;
            send(s, e, text);
        }
        return;
    }
    let Some(ind) = s.plan.indicator(&e.id) else {
        return;
    };
    match parse_actual(ind, &e.field.text()) {
        Ok(a) => {
            e.error = None;
            send(s, e, a.to_ledger());
        }
        Err(v) => e.error = Some(v.reason(s.lang())),
    }
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
            send(s, &mut e, c.ours.clone());
            s.mode = Mode::Edit(e);
        }
        Action::Cancel => {
            let theirs = shown(s, &e.id, e.target, c.theirs.as_deref());
            s.message = Some(fill(s.lang(), S::KeptTheirs, &[&e.id, &theirs]));
        }
        _ => {
            e.clash = Some(c);
            s.mode = Mode::Edit(e);
        }
    }
}

/// Takes a recorded row into the progress (no recomputation).
fn apply_entry(s: &mut AppState, e: &Entry) {
    match e.field {
        Field::Actual => match e.actual() {
            Some(a) => {
                s.progress.actual.insert(e.id.clone(), a);
            }
            None => {
                s.progress.actual.remove(&e.id);
            }
        },
        Field::Status => match e.task_state() {
            Some(t) => {
                s.progress.task_state.insert(e.id.clone(), t);
            }
            None => {
                s.progress.task_state.remove(&e.id);
            }
        },
        Field::Note => {}
    }
}

pub(super) fn recorded(s: &mut AppState, e: Entry) {
    apply_entry(s, &e);
    s.progress_changed();
    if matches!(&s.mode, Mode::Edit(ed) if ed.id == e.id) {
        s.mode = Mode::Browse;
    }
    let old = shown(s, &e.id, e.field, e.old.as_deref());
    let new = shown(s, &e.id, e.field, e.value.as_deref());
    s.message = Some(fill(s.lang(), S::Recorded, &[&e.id, &old, &new]));
}

pub(super) fn rejected(s: &mut AppState, why: String) {
    match &mut s.mode {
        Mode::Edit(e) if e.sending.is_some() => {
            e.sending = None;
            e.error = Some(why);
        }
        _ => s.message = Some(fill(s.lang(), S::NotRecorded, &[&why])),
    }
}

pub(super) fn conflicted(s: &mut AppState, c: crate::ledger::Conflict) {
    // Show their value at once.
    match c.field {
        Field::Actual => {
            match c.found.as_deref().and_then(Actual::from_ledger) {
                Some(a) => s.progress.actual.insert(c.id.clone(), a),
                None => s.progress.actual.remove(&c.id),
            };
            s.progress_changed();
        }
        Field::Status => {
            match c.found.as_deref().and_then(TaskState::from_machine) {
                Some(t) => s.progress.task_state.insert(c.id.clone(), t),
                None => s.progress.task_state.remove(&c.id),
            };
        }
        Field::Note => {}
    }
    match &mut s.mode {
        Mode::Edit(e) if e.id == c.id && e.sending.is_some() => {
            let ours = e.sending.take().unwrap_or_default();
            e.clash = Some(Clash {
                who: c.who,
                when: c.when,
                theirs: c.found,
                ours,
            });
        }
        _ => {
            let theirs = shown(s, &c.id, c.field, c.found.as_deref());
            s.message = Some(fill(s.lang(), S::KeptTheirs, &[&c.id, &theirs]));
        }
    }
}

/// Rows other sessions appended: take them in and say who changed what.
pub(super) fn changed(s: &mut AppState, rows: Vec<Entry>) {
    let Some(last) = rows.last() else {
        return;
    };
    for e in &rows {
        apply_entry(s, e);
    }
    s.progress_changed();
    let what = match last.field {
        Field::Note => last.value.clone().unwrap_or_default(),
        f => shown(s, &last.id, f, last.value.as_deref()),
    };
    let mut m = fill(s.lang(), S::ChangedBy, &[&last.user, &last.id, &what]);
    if rows.len() > 1 {
        m.push_str(&fill(
            s.lang(),
            S::ChangedMore,
            &[&(rows.len() - 1).to_string()],
        ));
    }
    s.message = Some(m);
}
