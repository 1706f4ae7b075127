//! Keys while a text field has the keyboard: the search (`/`, filtering
//! live), the jump (`:`), a picker, and the value or note editor.

use super::jump::jump_to;
use super::period::period_key;
use super::writes::submit;
use crate::ledger::{Expect, Field};
use crate::ui::action::Action;
use crate::ui::model::field::TextField;
use crate::ui::model::picker::{self, PickKind, PickValue, Picker};
use crate::ui::model::{AppState, Editor, Mode, Move, Pane, Request, TreeRow};
use crate::ui::strings::{S, fill};

pub(super) fn key(s: &mut AppState, a: Action) {
    let mode = std::mem::replace(&mut s.mode, Mode::Browse);
    match mode {
        Mode::Search(f) => search_key(s, f, a),
        Mode::Jump(mut f) => match a {
            Action::Confirm => jump_to(s, &f.text()),
            Action::Cancel => {}
            a => {
                edit(&mut f, &a);
                s.mode = Mode::Jump(f);
            }
        },
        Mode::Picker(p) => picker_key(s, p, a),
        Mode::Edit(e) => editor_key(s, e, a),
        other => s.mode = other,
    }
}

/// Edits a text field; true when the text changed.
fn edit(f: &mut TextField, a: &Action) -> bool {
    match a {
        Action::Input(c) => {
            f.insert(*c);
            true
        }
        Action::Paste(t) => {
            f.insert_str(t);
            true
        }
        Action::Backspace => {
            let before = f.caret();
            f.backspace();
            before > 0
        }
        Action::CaretLeft => {
            f.left();
            false
        }
        Action::CaretRight => {
            f.right();
            false
        }
        Action::CaretHome => {
            f.home();
            false
        }
        Action::CaretEnd => {
            f.end();
            false
        }
        Action::ClearField => {
            let was = !f.is_empty();
            f.clear();
            was
        }
        _ => false,
    }
}

/// `/`: the tree filters as you type; Enter keeps the search as a filter,
/// Esc clears it.
fn search_key(s: &mut AppState, mut f: TextField, a: Action) {
    match a {
        Action::Confirm => {
            let text = f.text().trim().to_string();
            let search = (!text.is_empty()).then(|| text.clone());
            if s.filters.search != search {
                s.filters.search = search;
                s.refilter();
            }
            if !text.is_empty() {
                let m = if s.visible.tasks.is_empty() {
                    S::NoMatches
                } else {
                    S::SearchKept
                };
                s.message = Some(fill(s.lang(), m, &[&text]));
            }
        }
        Action::Cancel => {
            s.filters.search = None;
            s.refilter();
        }
        a => {
            if edit(&mut f, &a) {
                let text = f.text().trim().to_string();
                s.filters.search = (!text.is_empty()).then_some(text);
                // Refiltered once the queued keys are applied (`flush`).
                s.refilter_due = true;
            }
            s.mode = Mode::Search(f);
        }
    }
}

/// The refilter a typed search letter left: the tree filtered, its first
/// task selected.
pub(super) fn refilter_now(s: &mut AppState) {
    s.refilter_due = false;
    s.refilter();
    if let Some(r) = s.rows.iter().position(|r| matches!(r, TreeRow::Task(_))) {
        s.select_row(r);
    }
}

/// True for the keys that edit the search being typed (their refilter can
/// wait for the rest of the queued keys).
pub(super) fn typing(s: &AppState, a: &Action) -> bool {
    matches!(s.mode, Mode::Search(_))
        && s.help.is_none()
        && s.history.is_none()
        && s.chart.is_none()
        && matches!(
            a,
            Action::Input(_)
                | Action::Paste(_)
                | Action::Backspace
                | Action::CaretLeft
                | Action::CaretRight
                | Action::CaretHome
                | Action::CaretEnd
                | Action::ClearField
        )
}

fn picker_key(s: &mut AppState, mut p: Picker, a: Action) {
    match a {
        Action::Confirm => apply_pick(s, &p),
        Action::Cancel => {}
        a => {
            let page = picker::list_height(p.popup(s.panes.main)).max(1);
            match Move::of(&a) {
                Some(m) => p.cursor.go(m, p.shown.len(), page),
                None => {
                    if edit(&mut p.field, &a) {
                        p.narrow();
                    }
                }
            }
            s.mode = Mode::Picker(p);
        }
    }
}

fn editor_key(s: &mut AppState, mut e: Editor, a: Action) {
    if e.sending.is_some() {
        // waiting for the ledger's answer
        s.mode = Mode::Edit(e);
        return;
    }
    match a {
        Action::Confirm => submit(s, e),
        Action::Cancel => {}
        a => {
            if period_key(s, &mut e, &a, edit) {
                // The value field shows the period's value, filled in by
                // the editor (or still the one it opened with): selected,
                // what is typed next replaces it.
                if !e.edited {
                    e.field.select();
                }
            } else if edit(&mut e.field, &a) {
                e.error = None;
                e.edited = true;
            }
            s.mode = Mode::Edit(e);
        }
    }
}

/// Enter in a picker: a leader, unit, status or light filters; a task state is
/// asked of the ledger.
fn apply_pick(s: &mut AppState, p: &Picker) {
    let Some(item) = p.selected() else {
        s.message = Some(s.tr(S::NoChoice).to_string());
        return;
    };
    match (&item.value, p.kind) {
        (PickValue::Name(n), PickKind::Leader) => s.filters.leader = Some(n.clone()),
        (PickValue::Name(n), PickKind::Unit) => s.filters.unit = Some(n.clone()),
        (PickValue::State(t), _) => {
            if let Some(id) = &p.task {
                // What the picker showed, not what a refresh brought since.
                s.request = Some(Request {
                    id: id.clone(),
                    field: Field::Status,
                    value: Some(t.as_str().to_string()),
                    expect: Expect::Row {
                        value: p.seen.clone(),
                        line: p.seen_row,
                    },
                    note: None,
                    undo: false,
                    period: None,
                });
            }
            return;
        }
        (PickValue::Class(c), _) => {
            s.filters.class = Some(*c);
            s.right = Pane::Indicators;
        }
        (PickValue::Light(l), _) => {
            s.filters.light = Some(*l);
            s.right = Pane::Indicators;
        }
        _ => return,
    }
    s.refilter();
    s.select_row(0);
    s.focus = Pane::Tree;
}
