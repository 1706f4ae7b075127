//! Selecting what `:` names (or a restored draft's id): the task, or the
//! indicator in its task, clearing filters that hide it.

use crate::ui::model::filter::Filters;
use crate::ui::model::jump::{self, Target};
use crate::ui::model::{AppState, Pane};
use crate::ui::strings::{S, fill};

/// Selects the task or indicator `typed` names (`:` Enter), clearing
/// filters that hide it.
pub(super) fn jump_to(s: &mut AppState, typed: &str) {
    let id = jump::normalize(typed);
    if id.is_empty() {
        return;
    }
    let Some(target) = jump::parse_near(&s.plan, &id, s.selected_district()) else {
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
    if let Some(d) = s.plan.district_of_task(task) {
        s.folded.remove(&d);
    }
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
