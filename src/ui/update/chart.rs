//! The chart popup (`c`): opening it on the selected indicator, scrolling
//! its table of periods, closing it. What it shows is computed from the
//! state when drawn ([`crate::ui::model::chart::Sheet`]), so nothing here
//! needs refreshing when others' rows arrive.

use super::writes::indicator_for;
use crate::ui::action::Action;
use crate::ui::model::chart::{ChartLayout, ChartView, Sheet};
use crate::ui::model::{AppState, Pane};

/// `c` in browse: the chart of the indicator selected in the indicator
/// pane; from the tree or the detail pane, of the task's only indicator
/// when it has just one; otherwise the focus moves to the indicator pane
/// with a message saying to pick one (as `H` does).
pub(super) fn open(s: &mut AppState) {
    let only = match s.selected_inds() {
        [one] if s.focus != Pane::Indicators => Some(*one),
        _ => None,
    };
    let id = match only {
        Some(p) => Some(s.plan.indicators[p].id().to_string()),
        None => indicator_for(s, false),
    };
    if let Some(id) = id {
        s.chart = Some(ChartView { id, back: 0 });
    }
}

/// Keys while the chart is open: `j`/`k` scroll the table (`k` back to
/// earlier periods), `c`, `q` or Esc close it.
pub(super) fn key(s: &mut AppState, a: Action) {
    let Some(view) = &s.chart else {
        return;
    };
    let max = most_back(s, &view.id);
    let Some(view) = &mut s.chart else {
        return;
    };
    match a {
        Action::Cancel | Action::ShowChart => s.chart = None,
        Action::Up => view.back = (view.back + 1).min(max),
        Action::Down => view.back = view.back.saturating_sub(1).min(max),
        _ => {}
    }
}

/// How far the table can scroll back: the periods that do not fit.
fn most_back(s: &AppState, id: &str) -> usize {
    let Some(sheet) = Sheet::of(s, id) else {
        return 0;
    };
    ChartLayout::of(s, s.panes.main, &sheet).most_back(sheet.rows.len())
}
