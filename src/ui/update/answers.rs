//! What the run loop feeds back, applied to the state: the ledger's
//! answers (recorded, unchanged, refused, a conflict), rows other sessions
//! recorded, the ledger read again, a draft to reopen, the history read,
//! and at start the ledger read on another thread.

use super::jump::jump_to;
use super::period::default_of;
use crate::ledger::draft::Draft;
use crate::ledger::{Conflict, Entry, Field, Stamp, TaskState};
use crate::ui::action::Action;
use crate::ui::model::field::TextField;
use crate::ui::model::period::PeriodField;
use crate::ui::model::words::{id_in, id_of_row, shown, when};
use crate::ui::model::{AppState, Clash, Confirm, Cursor, Editor, HistoryView, Mode};
use crate::ui::strings::{S, fill};
use crate::vocab::Term;

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
                cursor: Cursor::default(),
            });
        }
        Action::LedgerLoaded(l) => {
            let warnings = l.warnings;
            s.ledger_loaded(*l);
            // read again after a failure: readable now, the reason gone
            if s.broken.take().is_some() && s.message.is_some() {
                s.message = None;
            }
            // "still reading" is no longer true
            if s.message.as_deref() == Some(s.tr(S::LedgerStillLoading)) {
                s.message = None;
            }
            if warnings > 0 {
                let n = warnings.to_string();
                s.message = Some(fill(s.lang(), S::LedgerWarned, &[&n]));
            }
            super::held::land(s);
        }
        Action::LedgerFailed(why) => super::held::failed(s, &why),
        Action::Reloaded(p) => {
            s.progress = *p;
            s.progress_changed();
            s.message = Some(s.tr(S::LedgerReloaded).to_string());
        }
        other => return Some(other),
    }
    None
}

/// A draft from the last session: its editor again, on its indicator or
/// task, with the text typed and the value it was opened with (so a
/// colleague's change since is a conflict, not silently overwritten).
fn restore(s: &mut AppState, d: Draft) {
    let target = match d.field {
        Field::Actual if s.plan.indicator(&d.id).is_some() => Field::Actual,
        Field::Note if s.plan.indicator(&d.id).is_some() || s.plan.task(&d.id).is_some() => {
            Field::Note
        }
        _ => return,
    };
    if !s.config.writable {
        return;
    }
    jump_to(s, &d.id);
    let default = default_of(s);
    // An actual's draft records for the period typed then (an older draft
    // without one: the default period).
    let period = (target == Field::Actual).then(|| match &d.period {
        Some(text) => PeriodField::typed(text, default),
        None => PeriodField::new(default, default),
    });
    s.mode = Mode::Edit(Editor {
        id: d.id.clone(),
        target,
        field: TextField::with(&d.text),
        seen: d.seen,
        seen_row: d.seen_line,
        error: None,
        clash: None,
        sending: None,
        period,
        edited: true,
    });
    s.message = Some(fill(s.lang(), S::DraftBack, &[&d.id]));
}

/// The period of an actual's row (`None`: a status or a note).
fn period_of(e: &Entry) -> Option<crate::plan::Period> {
    (e.field == Field::Actual).then(|| e.in_period())
}

fn recorded(s: &mut AppState, e: Entry) {
    s.progress.apply(&e);
    s.progress_changed();
    if matches!(&s.mode, Mode::Edit(ed) if ed.id == e.id) {
        s.mode = Mode::Browse;
    }
    let old = shown(s, &e.id, e.field, e.old.as_deref());
    let new = shown(s, &e.id, e.field, e.value.as_deref());
    let id = id_of_row(s, &e.id, period_of(&e));
    s.message = Some(fill(s.lang(), S::Recorded, &[&id, &old, &new]));
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
    let id = id_in(s, &id, cur.as_ref().and_then(period_of));
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

/// Shows the value someone else recorded at once (an actual: in its
/// period, which is the current value only if it is the latest period).
fn show_theirs(s: &mut AppState, c: &Conflict) {
    match c.field {
        Field::Actual => {
            // The row found is known only in part (not the value before
            // it): the last row stays the one known, so a `u` expecting it
            // meets their row and asks (UndoOver).
            let known = s.progress.last_of(&c.id);
            s.progress.apply(&Entry {
                line: c.line,
                time: c.when.unwrap_or_else(|| Stamp::start_of(s.progress.today)),
                user: c.who.clone().unwrap_or_default(),
                id: c.id.clone(),
                field: Field::Actual,
                value: c.found.clone(),
                old: None,
                note: None,
                period: c.period,
            });
            if let Some(k) = known {
                s.progress.set_last(&c.id, &k);
            }
            s.progress_changed();
        }
        Field::Status => {
            let state = c.found.as_deref().and_then(TaskState::from_machine);
            s.progress.set_task_state(&c.id, state, c.line);
            s.touch();
        }
        Field::Note => {
            s.progress.set_row(&c.id, c.field, c.line);
        }
    }
}

/// `u` found a value the screen did not show: ask whether to undo anyway
/// (that reverts their change).
fn undo_conflicted(s: &mut AppState, c: Conflict) {
    show_theirs(s, &c);
    s.mode = Mode::Confirm(Confirm::UndoOver {
        id: c.id,
        field: c.field,
        period: c.period,
        seen: c.expected,
        clash: Clash {
            who: c.who,
            when: c.when,
            theirs: c.found,
            ours: String::new(),
            row: c.line,
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
                row: c.line,
            });
        }
        _ => {
            // A task status from the picker: nothing recorded; say who
            // changed it, when, to what, and what the screen showed.
            let theirs = shown(s, &c.id, c.field, c.found.as_deref());
            let seen = shown(s, &c.id, c.field, c.expected.as_deref());
            let who = c.who.unwrap_or_else(|| "?".into());
            let at = c.when.map(when).unwrap_or_else(|| "?".into());
            s.message = Some(fill(
                s.lang(),
                S::KeptTheirsBy,
                &[&c.id, &who, &at, &theirs, &seen],
            ));
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
    let id = id_in(s, &last.id, period_of(last));
    let mut m = fill(s.lang(), S::ChangedBy, &[&last.user, &id, &what]);
    if rows.len() > 1 {
        m.push_str(&fill(
            s.lang(),
            S::ChangedMore,
            &[&(rows.len() - 1).to_string()],
        ));
    }
    s.message = Some(m);
}
