//! `Browse` keys: moving in the tree and the panes, folding groups,
//! moving the focus, and starting everything else (search, jump, pickers,
//! the overview, help, edits, notes, undo, history, the chart).

use super::settle::detail_room;
use super::writes::{indicator_for, say_read_only, start_edit, start_note, start_undo};
use super::{chart, pick};
use crate::ui::action::Action;
use crate::ui::model::field::TextField;
use crate::ui::model::filter::Filters;
use crate::ui::model::picker::PickKind;
use crate::ui::model::{AppState, Cursor, Mode, Move, Pane, TreeRow, info};
use crate::ui::strings::S;

pub(super) fn key(s: &mut AppState, a: Action) {
    if let Some(m) = Move::of(&a) {
        move_in_pane(s, m);
        return;
    }
    match a {
        Action::Left => left(s),
        Action::Right => right(s),
        Action::NextPane => s.set_focus(match s.focus {
            Pane::Tree => Pane::Detail,
            Pane::Detail => Pane::Indicators,
            Pane::Indicators => Pane::Tree,
        }),
        Action::PrevPane => s.set_focus(match s.focus {
            Pane::Tree => Pane::Indicators,
            Pane::Detail => Pane::Tree,
            Pane::Indicators => Pane::Detail,
        }),
        Action::ToggleZoom => s.zoom = !s.zoom,
        Action::Unzoom => s.zoom = false,
        a => start(s, a),
    }
}

/// Keys that open something or start a write.
fn start(s: &mut AppState, a: Action) {
    match a {
        Action::StartSearch => {
            let mut f = TextField::default();
            f.insert_str(s.filters.search.as_deref().unwrap_or(""));
            s.mode = Mode::Search(f);
        }
        Action::StartJump => s.mode = Mode::Jump(TextField::default()),
        Action::PickLeader => s.mode = Mode::Picker(pick::open(PickKind::Leader, s)),
        Action::PickUnit => s.mode = Mode::Picker(pick::open(PickKind::Unit, s)),
        Action::PickStatus => s.mode = Mode::Picker(pick::open(PickKind::Status, s)),
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
        Action::PickTaskState => pick_task_state(s),
        Action::Note => start_note(s),
        Action::ShowHistory => {
            if let Some(id) = indicator_for(s, false) {
                s.history_request = Some(id);
            }
        }
        Action::ShowChart => chart::open(s),
        _ => {}
    }
}

/// `t`: the selected task's status picker.
fn pick_task_state(s: &mut AppState) {
    if !s.config.writable {
        say_read_only(s);
    } else if s.selected_task_pos().is_some() {
        s.mode = Mode::Picker(pick::open(PickKind::TaskState, s));
    } else {
        s.message = Some(s.tr(S::PickTask).to_string());
    }
}

/// Moves the focused pane's selection (or scroll).
fn move_in_pane(s: &mut AppState, m: Move) {
    match s.focus {
        Pane::Tree => {
            let page = s.panes.tree_rows().max(1);
            let new = s.tree.target(m, s.rows.len(), page);
            if new != s.tree.sel {
                s.select_row(new);
            }
        }
        Pane::Detail => {
            let (max, page) = detail_room(s);
            s.detail.go(m, max + 1, page.max(1));
        }
        Pane::Indicators => {
            let page = info::list_rows(s).max(1);
            let len = s.selected_inds().len();
            s.inds.go(m, len, page);
        }
    }
}

fn left(s: &mut AppState) {
    match s.focus {
        Pane::Tree => tree_left(s),
        Pane::Detail => s.set_focus(Pane::Tree),
        Pane::Indicators => {
            let side_by_side = s.panes.detail.is_some();
            s.set_focus(if side_by_side {
                Pane::Detail
            } else {
                Pane::Tree
            });
        }
    }
}

fn right(s: &mut AppState) {
    match s.focus {
        Pane::Tree => tree_right(s),
        Pane::Detail => s.set_focus(Pane::Indicators),
        Pane::Indicators => {}
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
            } else if let Some(d) = group.and_then(|g| s.plan.district_of_group(g))
                && let Some(r) = s.rows.iter().position(|r| *r == TreeRow::District(d))
            {
                // A city's 总体目标 task (no group row): up to its district.
                s.select_row(r);
            }
        }
        TreeRow::Group(g) => {
            if s.collapsed.insert(g) {
                s.rebuild_rows();
            } else if let Some(d) = s.plan.district_of_group(g)
                && let Some(r) = s.rows.iter().position(|r| *r == TreeRow::District(d))
            {
                // Folded already: up to its district (a city's plan).
                s.select_row(r);
            }
        }
        TreeRow::District(d) => {
            if s.folded.insert(d) {
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
        TreeRow::District(d) => {
            if s.folded.remove(&d) {
                s.rebuild_rows();
            } else if matches!(s.rows.get(s.tree.sel + 1), Some(TreeRow::Group(_))) {
                s.select_row(s.tree.sel + 1);
            }
        }
        _ => s.set_focus(s.right),
    }
}
