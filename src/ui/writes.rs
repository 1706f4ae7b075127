//! The write path of [`super::update`]: opening the value and note
//! editors (and reopening a draft), submitting (as a [`Request`] the run
//! loop carries out through the ledger), undo with the value shown, the
//! conflict prompt, the history popup's keys, and applying what the ledger
//! answered (recorded, unchanged, conflict) or what other sessions
//! recorded. Pure: no terminal or file I/O here.

use super::action::Action;
use super::field::TextField;
use super::state::{AppState, Clash, Confirm, Editor, HistoryView, Mode, Pane, Request};
use super::strings::{S, fill};
use super::update::{jump_to, set_focus};
use crate::ledger::draft::Draft;
use crate::ledger::{Actual, Conflict, Entry, Expect, Field, TaskState, parse_actual};
use crate::vocab::{Milestone, Term, Wording};

/// A stored value of `field` for people, in the UI's language, never the
/// machine word: `512 亿元`, 已完成, 已延误, a note as written, `（无）`.
pub fn shown(s: &AppState, id: &str, field: Field, v: Option<&str>) -> String {
    crate::report::value_text(&s.plan, id, field, v, Wording::Lang(s.lang()))
}

/// Applies what the run loop feeds back — the ledger's answers, rows other
/// sessions recorded, a draft to reopen, the history it read; gives any
/// other action back.
pub(super) fn answer(s: &mut AppState, a: Action) -> Option<Action> {
    match a {
        Action::Recorded(e) => recorded(s, e),
        Action::Rejected(why) => rejected(s, why),
        Action::Conflicted(c) => conflicted(s, c),
        Action::UndoConflicted(c) => undo_conflicted(s, c),
        Action::Unchanged(id, cur) => unchanged(s, id, cur),
        Action::Changed(rows) => changed(s, rows),
        Action::RestoreDraft(d) => restore(s, d),
        Action::History(id, rows, total) => {
            s.history = Some(HistoryView {
                id,
                rows,
                total,
                scroll: 0,
            });
        }
        Action::Reloaded(p) => {
            s.progress = p;
            s.progress_changed();
            s.message = Some(s.tr(S::LedgerReloaded).to_string());
        }
        other => return Some(other),
    }
    None
}

/// Says why nothing can be recorded (the reason the UI was started
/// read-only).
pub(super) fn say_read_only(s: &mut AppState) {
    let why = s.config.read_only.unwrap_or(S::ReadOnly);
    s.message = Some(s.tr(why).to_string());
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
        say_read_only(s);
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
        say_read_only(s);
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
    if ind.is_milestone() {
        // One key must not record: ask first.
        let done = matches!(current, Some(Actual::Done(true)));
        s.mode = Mode::Confirm(Confirm::Toggle {
            id: ind.id.clone(),
            seen,
            new: Actual::Done(!done).to_ledger(),
        });
        return;
    }
    s.mode = Mode::Edit(Editor {
        id: ind.id.clone(),
        target: Field::Actual,
        field: TextField::with(seen.as_deref().unwrap_or("")),
        seen,
        error: None,
        clash: None,
        sending: None,
    });
}

/// `y` on a milestone: records `new`, expecting `seen` (a conflict then
/// asks in the editor's prompt, as for a typed value).
pub(super) fn toggle(s: &mut AppState, id: String, seen: Option<String>, new: String) {
    let shown_new = match Actual::from_ledger(&new) {
        Some(Actual::Done(d)) => s.word(Milestone::of(d)).to_string(),
        _ => new.clone(),
    };
    let mut e = Editor {
        id,
        target: Field::Actual,
        field: TextField::with(&shown_new),
        seen,
        error: None,
        clash: None,
        sending: None,
    };
    send(s, &mut e, new);
    s.mode = Mode::Edit(e);
}

/// `u`: undo the selected indicator's last change, if its value is still
/// the one on the screen.
pub(super) fn start_undo(s: &mut AppState) {
    if let Some(id) = indicator_for(s, true) {
        let seen = s.progress.actual.get(&id).map(Actual::to_ledger);
        s.request = Some(undo_request(id, Field::Actual, seen));
    }
}

/// Undo the last change of `id`'s `field`, expecting `seen`.
pub(super) fn undo_request(id: String, field: Field, seen: Option<String>) -> Request {
    Request {
        id,
        field,
        value: None,
        expect: Expect::Value(seen),
        note: None,
        undo: true,
    }
}

/// A draft from the last session: its editor again, on its indicator or
/// task, with the text typed and the value it was opened with (so a
/// colleague's change since is a conflict, not silently overwritten).
fn restore(s: &mut AppState, d: Draft) {
    let target = match Field::from_machine(&d.field) {
        Some(Field::Actual) if s.plan.indicator(&d.id).is_some() => Field::Actual,
        Some(Field::Note) if s.plan.indicator(&d.id).is_some() || s.plan.task(&d.id).is_some() => {
            Field::Note
        }
        _ => return,
    };
    if !s.config.writable {
        return;
    }
    jump_to(s, &d.id);
    s.mode = Mode::Edit(Editor {
        id: d.id.clone(),
        target,
        field: TextField::with(&d.text),
        seen: if target == Field::Note { None } else { d.seen },
        error: None,
        clash: None,
        sending: None,
    });
    s.message = Some(fill(s.lang(), S::DraftBack, &[&d.id]));
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

fn recorded(s: &mut AppState, e: Entry) {
    s.progress.apply(&e);
    s.progress_changed();
    if matches!(&s.mode, Mode::Edit(ed) if ed.id == e.id) {
        s.mode = Mode::Browse;
    }
    let old = shown(s, &e.id, e.field, e.old.as_deref());
    let new = shown(s, &e.id, e.field, e.value.as_deref());
    s.message = Some(fill(s.lang(), S::Recorded, &[&e.id, &old, &new]));
}

/// The value already was ours: the editor closes, nothing was recorded.
fn unchanged(s: &mut AppState, id: String, cur: Option<Entry>) {
    if let Some(e) = &cur {
        s.progress.apply(e);
        s.progress_changed();
    }
    if matches!(&s.mode, Mode::Edit(ed) if ed.id == id) {
        s.mode = Mode::Browse;
    }
    let field = cur.as_ref().map_or(Field::Actual, |e| e.field);
    let now = shown(s, &id, field, cur.as_ref().and_then(|e| e.value.as_deref()));
    s.message = Some(fill(s.lang(), S::Unchanged, &[&id, &now]));
}

fn rejected(s: &mut AppState, why: String) {
    match &mut s.mode {
        Mode::Edit(e) if e.sending.is_some() => {
            e.sending = None;
            e.error = Some(why);
        }
        _ => s.message = Some(fill(s.lang(), S::NotRecorded, &[&why])),
    }
}

/// Shows the value someone else recorded at once.
fn show_theirs(s: &mut AppState, c: &Conflict) {
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
}

/// `u` found a value the screen did not show: ask whether to undo anyway
/// (that reverts their change).
fn undo_conflicted(s: &mut AppState, c: Conflict) {
    show_theirs(s, &c);
    s.mode = Mode::Confirm(Confirm::UndoOver {
        id: c.id,
        field: c.field,
        seen: c.expected,
        clash: Clash {
            who: c.who,
            when: c.when,
            theirs: c.found,
            ours: String::new(),
        },
    });
}

fn conflicted(s: &mut AppState, c: Conflict) {
    show_theirs(s, &c);
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
fn changed(s: &mut AppState, rows: Vec<Entry>) {
    let Some(last) = rows.last() else {
        return;
    };
    for e in &rows {
        s.progress.apply(e);
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
