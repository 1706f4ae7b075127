//! `update(state, action)`: every change of the UI state, pure (no
//! terminal I/O), so each action is tested without a terminal.

use super::action::Action;
use super::cursor::{Cursor, Move};
use super::field::TextField;
use super::filter::Filters;
use super::jump::{self, Target};
use super::keymap::Ctx;
use super::layout;
use super::overview::{self, OvKind};
use super::picker::{self, PickKind, PickValue, Picker};
use super::state::{AppState, Mode, Pane, Request, TreeRow};
use super::strings::{S, fill};
use super::writes::{
    answer, conflict_key, history_key, indicator_for, say_read_only, start_edit, start_note,
    start_undo, submit,
};
use super::{confirm, detail, help, indicators, tree};
use crate::ledger::{Expect, Field};

/// Applies `action` to `s`.
pub fn update(s: &mut AppState, action: Action) {
    // What the run loop feeds back (the ledger's answers, others' rows, a
    // draft) is not a key: it leaves the message it sets.
    let Some(action) = answer(s, action) else {
        fix(s);
        return;
    };
    match action {
        Action::Resize(w, h) => {
            s.size = (w, h);
            fix(s);
            return;
        }
        Action::Quit => {
            s.quit = true;
            return;
        }
        Action::Suspend => {
            s.suspend = true;
            return;
        }
        _ => {}
    }
    // A message stays until the next key.
    s.message = None;
    match s.ctx() {
        Ctx::Help => help_key(s, action),
        Ctx::Overview => overview_key(s, action),
        Ctx::Input => input_key(s, action),
        Ctx::Browse => browse_key(s, action),
        Ctx::Conflict => conflict_key(s, action),
        Ctx::Confirm => confirm::key(s, action),
        Ctx::History => history_key(s, action),
    }
    fix(s);
}

fn main_rect(s: &AppState) -> ratatui::layout::Rect {
    layout::areas(layout::size_rect(s), s).main
}

fn help_key(s: &mut AppState, a: Action) {
    let main = main_rect(s);
    let max = help::max_scroll(s, main);
    let page = help::height(main).max(1);
    let mut c = s.help.unwrap_or_default();
    match Move::of(&a) {
        Some(m) => c.go(m, max + 1, page),
        None if matches!(a, Action::Cancel | Action::ToggleHelp) => {
            s.help = None;
            return;
        }
        None => {}
    }
    s.help = Some(c);
}

fn overview_key(s: &mut AppState, a: Action) {
    let Mode::Overview(mut c) = s.mode else {
        return;
    };
    let rows = &s.overview;
    let page = overview::list_height(main_rect(s)).max(1);
    if let Some(m) = Move::of(&a) {
        c.sel = c.target_where(m, rows.len(), page, |i| rows[i].selectable());
    }
    let sel = c.sel;
    match a {
        Action::ToggleHelp => s.help = Some(Cursor::default()),
        Action::Cancel | Action::ToggleOverview => {
            s.mode = Mode::Browse;
            return;
        }
        Action::Confirm => {
            let kind = rows.get(sel).map(|r| r.kind.clone());
            s.mode = Mode::Browse;
            match kind {
                Some(OvKind::Leader(l)) => {
                    s.filters.leader = Some(l);
                    s.refilter();
                    s.select_row(0);
                    s.focus = Pane::Tree;
                }
                Some(OvKind::Group(g)) => {
                    s.collapsed.remove(&g);
                    s.rebuild_rows();
                    let row = s.rows.iter().position(|r| match r {
                        TreeRow::Group(x) => *x == g,
                        TreeRow::Task(i) => {
                            g == 0
                                && s.visible
                                    .tasks
                                    .get(*i)
                                    .is_some_and(|t| s.plan.tasks[t.pos].group == 0)
                        }
                        TreeRow::All => false,
                    });
                    if let Some(r) = row {
                        s.select_row(r);
                    } else {
                        s.message = Some(s.tr(S::NoTasks).to_string());
                    }
                    s.focus = Pane::Tree;
                }
                _ => {}
            }
            return;
        }
        _ => {}
    }
    s.mode = Mode::Overview(c);
}

/// Edits a text field; true when the text changed.
pub(super) fn edit(f: &mut TextField, a: &Action) -> bool {
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

fn input_key(s: &mut AppState, a: Action) {
    let mode = std::mem::replace(&mut s.mode, Mode::Browse);
    match mode {
        Mode::Search(mut f) => match a {
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
                    s.refilter();
                    if let Some(r) = s.rows.iter().position(|r| matches!(r, TreeRow::Task(_))) {
                        s.select_row(r);
                    }
                }
                s.mode = Mode::Search(f);
            }
        },
        Mode::Jump(mut f) => match a {
            Action::Confirm => jump_to(s, &f.text()),
            Action::Cancel => {}
            a => {
                edit(&mut f, &a);
                s.mode = Mode::Jump(f);
            }
        },
        Mode::Picker(mut p) => match a {
            Action::Confirm => apply_pick(s, &p),
            Action::Cancel => {}
            a => {
                let page = picker::list_height(picker::popup(main_rect(s), &p)).max(1);
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
        },
        Mode::Edit(mut e) => {
            if e.sending.is_some() {
                // waiting for the ledger's answer
                s.mode = Mode::Edit(e);
                return;
            }
            match a {
                Action::Confirm => {
                    submit(s, &mut e);
                    s.mode = Mode::Edit(e);
                }
                Action::Cancel => {}
                a => {
                    if edit(&mut e.field, &a) {
                        e.error = None;
                    }
                    s.mode = Mode::Edit(e);
                }
            }
        }
        other => s.mode = other,
    }
}

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
                let seen = s
                    .progress
                    .task_state
                    .get(id)
                    .map(|x| x.as_str().to_string());
                s.request = Some(Request {
                    id: id.clone(),
                    field: Field::Status,
                    value: Some(t.as_str().to_string()),
                    expect: Expect::Value(seen),
                    note: None,
                    undo: false,
                });
            }
            return;
        }
        (PickValue::Class(c), _) => {
            s.filters.class = Some(*c);
            s.right = Pane::Indicators;
        }
        _ => return,
    }
    s.refilter();
    s.select_row(0);
    s.focus = Pane::Tree;
}

/// Selects the task or indicator `typed` names (`:` Enter), clearing
/// filters that hide it.
pub(super) fn jump_to(s: &mut AppState, typed: &str) {
    let id = jump::normalize(typed);
    if id.is_empty() {
        return;
    }
    let Some(target) = jump::parse(&s.plan, &id) else {
        s.message = Some(fill(s.lang(), S::NoSuchId, &[&id]));
        return;
    };
    let (task, ind) = match target {
        Target::Task(t) => (t, None),
        Target::Indicator(t, i) => (t, Some(i)),
    };
    let shown = s.visible.task_index(task).is_some_and(|vi| {
        ind.is_none_or(|i| s.visible.inds[s.visible.tasks[vi].inds.clone()].contains(&i))
    });
    if !shown {
        s.filters = Filters::default();
        s.refilter();
        s.message = Some(fill(s.lang(), S::JumpClearedFilters, &[&id]));
    }
    s.collapsed.remove(&s.plan.tasks[task].group);
    s.rebuild_rows();
    if let Some(r) = s.row_of_task(task) {
        s.select_row(r);
    }
    match ind {
        Some(i) => {
            s.inds.sel = s.selected_inds().iter().position(|&x| x == i).unwrap_or(0);
            s.focus = Pane::Indicators;
            s.right = Pane::Indicators;
        }
        None => s.focus = Pane::Tree,
    }
}

pub(super) fn set_focus(s: &mut AppState, p: Pane) {
    s.focus = p;
    if p != Pane::Tree {
        s.right = p;
    }
}

/// Moves the focused pane's selection (or scroll).
fn move_in_pane(s: &mut AppState, m: Move) {
    match s.focus {
        Pane::Tree => {
            let page = tree::height(s).max(1);
            let new = s.tree.target(m, s.rows.len(), page);
            if new != s.tree.sel {
                s.select_row(new);
            }
        }
        Pane::Detail => {
            let (max, page) = detail::scroll_room(s);
            s.detail.go(m, max + 1, page.max(1));
        }
        Pane::Indicators => {
            let page = indicators::list_height(s).max(1);
            let len = s.selected_inds().len();
            s.inds.go(m, len, page);
        }
    }
}

fn tree_left(s: &mut AppState) {
    match s.selected_row() {
        TreeRow::Task(i) => {
            let group = s.visible.tasks.get(i).map(|t| s.plan.tasks[t.pos].group);
            if let Some(g) = group.filter(|g| *g != 0)
                && let Some(r) = s.rows.iter().position(|r| *r == TreeRow::Group(g))
            {
                s.select_row(r);
            }
        }
        TreeRow::Group(g) => {
            if s.collapsed.insert(g) {
                s.rebuild_rows();
            }
        }
        TreeRow::All => {}
    }
}

fn tree_right(s: &mut AppState) {
    match s.selected_row() {
        TreeRow::Group(g) => {
            if s.collapsed.remove(&g) {
                s.rebuild_rows();
            } else if matches!(s.rows.get(s.tree.sel + 1), Some(TreeRow::Task(_))) {
                s.select_row(s.tree.sel + 1);
            }
        }
        _ => set_focus(s, s.right),
    }
}

fn browse_key(s: &mut AppState, a: Action) {
    if let Some(m) = Move::of(&a) {
        move_in_pane(s, m);
        return;
    }
    match a {
        Action::Left => match s.focus {
            Pane::Tree => tree_left(s),
            Pane::Detail => set_focus(s, Pane::Tree),
            Pane::Indicators => {
                let side_by_side = layout::areas(layout::size_rect(s), s).detail.is_some();
                set_focus(
                    s,
                    if side_by_side {
                        Pane::Detail
                    } else {
                        Pane::Tree
                    },
                );
            }
        },
        Action::Right => match s.focus {
            Pane::Tree => tree_right(s),
            Pane::Detail => set_focus(s, Pane::Indicators),
            Pane::Indicators => {}
        },
        Action::NextPane => set_focus(
            s,
            match s.focus {
                Pane::Tree => Pane::Detail,
                Pane::Detail => Pane::Indicators,
                Pane::Indicators => Pane::Tree,
            },
        ),
        Action::PrevPane => set_focus(
            s,
            match s.focus {
                Pane::Tree => Pane::Indicators,
                Pane::Detail => Pane::Tree,
                Pane::Indicators => Pane::Detail,
            },
        ),
        Action::StartSearch => {
            let mut f = TextField::default();
            f.insert_str(s.filters.search.as_deref().unwrap_or(""));
            s.mode = Mode::Search(f);
        }
        Action::StartJump => s.mode = Mode::Jump(TextField::default()),
        Action::PickLeader => s.mode = Mode::Picker(Picker::open(PickKind::Leader, s)),
        Action::PickUnit => s.mode = Mode::Picker(Picker::open(PickKind::Unit, s)),
        Action::PickStatus => s.mode = Mode::Picker(Picker::open(PickKind::Status, s)),
        Action::ClearFilters if s.filters.any() => {
            s.filters = Filters::default();
            s.refilter();
            s.message = Some(s.tr(S::FiltersCleared).to_string());
        }
        Action::ToggleOverview => {
            let rows = &s.overview;
            let top =
                Cursor::default().target_where(Move::Top, rows.len(), 1, |i| rows[i].selectable());
            s.mode = Mode::Overview(Cursor {
                sel: top,
                offset: 0,
            });
        }
        Action::ToggleHelp => s.help = Some(Cursor::default()),
        Action::Edit => start_edit(s),
        Action::Undo => start_undo(s),
        Action::PickTaskState => {
            if !s.config.writable {
                say_read_only(s);
            } else if s.selected_task_pos().is_some() {
                s.mode = Mode::Picker(Picker::open(PickKind::TaskState, s));
            } else {
                s.message = Some(s.tr(S::PickTask).to_string());
            }
        }
        Action::Note => start_note(s),
        Action::ShowHistory => {
            if let Some(id) = indicator_for(s, false) {
                s.history_request = Some(id);
            }
        }
        _ => {}
    }
}

/// Keeps every selection in range and visible for the current size.
fn fix(s: &mut AppState) {
    let th = tree::height(s);
    s.tree.keep(s.rows.len(), th);
    let n = s.selected_inds().len();
    let ih = indicators::list_height(s);
    s.inds.keep(n, ih);
    let (max, _) = detail::scroll_room(s);
    s.detail.clamp(max + 1);
    let main = main_rect(s);
    if let Some(mut h) = s.help {
        h.clamp(help::max_scroll(s, main) + 1);
        s.help = Some(h);
    }
    match &mut s.mode {
        Mode::Overview(c) => c.keep(s.overview.len(), overview::list_height(main)),
        Mode::Picker(p) => {
            let h = picker::list_height(picker::popup(main, p));
            p.cursor.keep(p.shown.len(), h);
        }
        _ => {}
    }
}
