//! Keys of what lies over the panes: the help overlay, the overview and
//! the history popup.

use super::settle::help_room;
use crate::ui::action::Action;
use crate::ui::model::overview::OvKind;
use crate::ui::model::{AppState, Cursor, Mode, Move, Pane, TreeRow};
use crate::ui::strings::S;

pub(super) fn help_key(s: &mut AppState, a: Action) {
    let (max, page) = help_room(s);
    let mut c = s.help.unwrap_or_default();
    match Move::of(&a) {
        Some(m) => c.go(m, max + 1, page.max(1)),
        None if matches!(a, Action::Cancel | Action::ToggleHelp) => {
            s.help = None;
            return;
        }
        None => {}
    }
    s.help = Some(c);
}

pub(super) fn overview_key(s: &mut AppState, a: Action) {
    let Mode::Overview(mut c) = s.mode else {
        return;
    };
    let rows = &s.overview;
    let page = s.panes.overview_rows().max(1);
    if let Some(m) = Move::of(&a) {
        c.sel = c.target_where(m, rows.len(), page, |i| rows[i].selectable());
    }
    match a {
        Action::ToggleHelp => s.help = Some(Cursor::default()),
        Action::Cancel | Action::ToggleOverview => {
            s.mode = Mode::Browse;
            return;
        }
        Action::Confirm => {
            let kind = rows.get(c.sel).map(|r| r.kind.clone());
            s.mode = Mode::Browse;
            if let Some(kind) = kind {
                overview_enter(s, kind);
            }
            return;
        }
        _ => {}
    }
    s.mode = Mode::Overview(c);
}

/// Enter on an overview row: a leader filters by the leader, a group is
/// opened and selected in the tree.
fn overview_enter(s: &mut AppState, kind: OvKind) {
    match kind {
        OvKind::Leader(l) => {
            s.filters.leader = Some(l);
            s.refilter();
            s.select_row(0);
            s.focus = Pane::Tree;
        }
        OvKind::Group(g) => {
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
                TreeRow::All | TreeRow::District(_) => false,
            });
            if let Some(r) = row {
                s.select_row(r);
            } else {
                s.message = Some(s.tr(S::NoTasks).to_string());
            }
            s.focus = Pane::Tree;
        }
        OvKind::District(d) => {
            s.folded.remove(&d);
            s.rebuild_rows();
            match s.rows.iter().position(|r| *r == TreeRow::District(d)) {
                Some(r) => s.select_row(r),
                None => s.message = Some(s.tr(S::NoTasks).to_string()),
            }
            s.focus = Pane::Tree;
        }
        OvKind::Heading(_) => {}
    }
}

pub(super) fn history_key(s: &mut AppState, a: Action) {
    let Some(h) = &mut s.history else {
        return;
    };
    match a {
        Action::Cancel | Action::ShowHistory => s.history = None,
        a => {
            if let Some(m) = Move::of(&a) {
                h.cursor.go(m, h.rows.len(), 1);
            }
        }
    }
}
