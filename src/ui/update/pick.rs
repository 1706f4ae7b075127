//! Opening a picker (`L`, `U`, `S`, `t`): its items with their counts,
//! from the plan and the state.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::ledger::{Field, TaskState};
use crate::pace::Light;
use crate::plan::Plan;
use crate::plan::names::initials;
use crate::ui::data::Class;
use crate::ui::model::AppState;
use crate::ui::model::filter::{self, LightFilter};
use crate::ui::model::picker::{PickItem, PickKind, PickValue, Picker};
use crate::ui::strings::{Lang, S, fill};
use crate::vocab::Term;

/// The picker of `kind`, nothing typed yet.
pub(super) fn open(kind: PickKind, state: &AppState) -> Picker {
    let items = match kind {
        PickKind::Leader => leaders(state),
        PickKind::Unit => units(state),
        PickKind::Status => status_items(state),
        PickKind::TaskState => task_state_items(state),
    };
    let task = (kind == PickKind::TaskState)
        .then(|| {
            state
                .selected_task_pos()
                .map(|p| state.plan.tasks[p].id.clone())
        })
        .flatten();
    let seen = task
        .as_ref()
        .and_then(|id| state.progress.task_state_of(id))
        .map(|t| t.as_str().to_string());
    let seen_row = task
        .as_ref()
        .map_or(0, |id| state.progress.row_of(id, Field::Status));
    let mut p = Picker::new(kind, items, task);
    p.seen = seen;
    p.seen_row = seen_row;
    p
}

/// The leader picker's items, worked out on first use (a pass over the
/// plan's rows: 20,000 at the province's size) in the UI's language.
fn leaders(state: &AppState) -> Vec<PickItem> {
    cached(state, &state.picks.leaders, leader_items)
}

/// The unit picker's items, worked out on first use.
fn units(state: &AppState) -> Vec<PickItem> {
    cached(state, &state.picks.units, unit_items)
}

/// `make(state)`, kept in `cell` the first time (their counts are worded
/// in the UI's language: in another, they are worked out again).
fn cached(
    state: &AppState,
    cell: &OnceLock<(Lang, Vec<PickItem>)>,
    make: fn(&AppState) -> Vec<PickItem>,
) -> Vec<PickItem> {
    let (lang, items) = cell.get_or_init(|| (state.lang(), make(state)));
    if *lang == state.lang() {
        items.clone()
    } else {
        make(state)
    }
}

/// What the first search and the first `L` or `U` would otherwise work
/// out: the search's index, the two pickers' items and the tasks each
/// leader and unit filter can show. The run loop calls it once the first
/// frame is on screen.
pub fn warm(state: &AppState) {
    state.search.warm(&state.plan);
    state.order.warm(&state.plan);
    state
        .picks
        .leaders
        .get_or_init(|| (state.lang(), leader_items(state)));
    state
        .picks
        .units
        .get_or_init(|| (state.lang(), unit_items(state)));
}

/// Every leader with the tasks and headline rows they lead.
fn leader_items(state: &AppState) -> Vec<PickItem> {
    let lang = state.lang();
    let counts = leader_counts(&state.plan);
    state
        .plan
        .leaders()
        .into_iter()
        .map(|l| {
            let (t, h) = counts.get(&l).copied().unwrap_or((0, 0));
            let count = task_count(lang, t, h);
            PickItem {
                value: PickValue::Name(l.clone()),
                alt: initials(&l),
                keys: vec![l.clone()],
                label: l,
                count,
            }
        })
        .collect()
}

/// Every unit with its tasks and headline rows, counted as the leader
/// picker counts them (the tree's `全部（N 项任务）` leaves 总体目标 out too).
fn unit_items(state: &AppState) -> Vec<PickItem> {
    let lang = state.lang();
    unit_counts(&state.plan)
        .into_iter()
        .map(|(u, (t, h))| PickItem {
            value: PickValue::Name(u.clone()),
            alt: String::new(),
            keys: vec![u.clone()],
            label: u,
            count: task_count(lang, t, h),
        })
        .collect()
}

/// `5 项任务`, or `5 项任务 + 2 项总体目标`.
fn task_count(lang: Lang, tasks: usize, headline: usize) -> String {
    let mut count = fill(lang, S::NTasks, &[&tasks.to_string()]);
    if headline > 0 {
        count.push_str(" + ");
        count.push_str(&fill(lang, S::NHeadline, &[&headline.to_string()]));
    }
    count
}

/// Every status class, then every light and 逾期未报, with how many
/// indicators each would list under the other filters.
fn status_items(state: &AppState) -> Vec<PickItem> {
    let lang = state.lang();
    let index = state.search.index_for(&state.plan, &state.filters);
    let hits = state.search.hits.as_ref();
    let (classes, lights, stale) = filter::pick_counts(
        &state.plan,
        &state.judged(),
        &state.filters,
        index,
        hits,
        &state.visible,
    );
    let n = |k: usize| fill(lang, S::NIndicators, &[&k.to_string()]);
    let mut items: Vec<PickItem> = Class::ALL
        .into_iter()
        .map(|c| {
            let w = c.status().words();
            PickItem {
                value: PickValue::Class(c),
                label: format!("{} {}", state.theme().class_mark(c), w.get(lang)),
                alt: w.get(lang.other()).to_string(),
                keys: w.accepted().map(String::from).collect(),
                count: n(classes.get(c)),
            }
        })
        .collect();
    items.extend(Light::ALL.into_iter().map(|l| {
        let w = l.words();
        PickItem {
            value: PickValue::Light(LightFilter::Light(l)),
            label: w.get(lang).to_string(),
            alt: w.get(lang.other()).to_string(),
            keys: w.accepted().map(String::from).collect(),
            count: n(lights.get(l)),
        }
    }));
    items.push(PickItem {
        value: PickValue::Light(LightFilter::Stale),
        label: state.tr(S::Stale).to_string(),
        alt: S::Stale.get(lang.other()).to_string(),
        keys: Lang::ALL
            .iter()
            .map(|&l| S::Stale.get(l).to_string())
            .collect(),
        count: n(stale),
    });
    items
}

/// Every task state, the selected task's current one marked.
fn task_state_items(state: &AppState) -> Vec<PickItem> {
    let lang = state.lang();
    let current = state
        .selected_task_pos()
        .and_then(|p| state.progress.task_state_of(&state.plan.tasks[p].id));
    TaskState::ALL
        .into_iter()
        .map(|t| {
            let w = t.words();
            PickItem {
                value: PickValue::State(t),
                label: w.get(lang).to_string(),
                alt: w.get(lang.other()).to_string(),
                keys: w.accepted().map(String::from).collect(),
                count: if current == Some(&t) {
                    state.tr(S::Current).to_string()
                } else {
                    String::new()
                },
            }
        })
        .collect()
}

/// Tasks (other than task 0) and headline rows of each leader, one pass.
fn leader_counts(plan: &Plan) -> HashMap<String, (usize, usize)> {
    let mut tasks: HashMap<&str, HashSet<&str>> = HashMap::new();
    let mut headline: HashMap<&str, usize> = HashMap::new();
    for r in &plan.rows {
        for l in &r.leaders {
            if r.task == "0" {
                *headline.entry(l).or_default() += 1;
            } else {
                tasks.entry(l).or_default().insert(&r.task);
            }
        }
    }
    let mut out: HashMap<String, (usize, usize)> = HashMap::new();
    for (l, set) in tasks {
        out.entry(l.to_string()).or_default().0 = set.len();
    }
    for (l, h) in headline {
        out.entry(l.to_string()).or_default().1 = h;
    }
    out
}

/// Every unit (annex rows, then the body's lists) with its task count
/// and its headline rows (总体目标 is not counted as a task).
fn unit_counts(plan: &Plan) -> Vec<(String, (usize, usize))> {
    let mut order: Vec<String> = plan.units();
    let mut seen: HashSet<String> = order.iter().cloned().collect();
    let mut count: HashMap<String, (usize, usize)> = HashMap::new();
    for t in &plan.tasks {
        let headline = t.id == "0";
        let mut mine: HashSet<&str> = t.units.iter().map(String::as_str).collect();
        for r in plan.rows_of(&t.id) {
            let units: HashSet<&str> = r.owners.iter().map(|o| o.unit.as_str()).collect();
            if headline {
                for u in units {
                    count.entry(u.to_string()).or_default().1 += 1;
                }
            } else {
                mine.extend(units);
            }
        }
        for u in &t.units {
            if seen.insert(u.clone()) {
                order.push(u.clone());
            }
        }
        if !headline {
            for u in mine {
                count.entry(u.to_string()).or_default().0 += 1;
            }
        }
    }
    order
        .into_iter()
        .map(|u| {
            let n = count.get(&u).copied().unwrap_or((0, 0));
            (u, n)
        })
        .collect()
}
