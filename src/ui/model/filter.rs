//! Filters and the visible part of the plan they leave.
//!
//! Leader and unit filtering reuse the command line's
//! [`crate::plan::filter::Filter`], so `L 朱快春` shows exactly what
//! `wudang-plan tasks --leader zkc` lists. The visible set is recomputed
//! only when a filter changes (one pass over tasks and indicators), never
//! while drawing.

use std::collections::HashMap;
use std::ops::Range;

use crate::ledger::Status;
use crate::plan::filter::Filter;
use crate::plan::names::{CompiledQuery, Query};
use crate::plan::{Plan, Task};
use crate::ui::data::{Class, Counts};

/// The active filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub leader: Option<String>,
    pub unit: Option<String>,
    pub class: Option<Class>,
    /// A search kept with Enter (or being typed).
    pub search: Option<String>,
}

impl Filters {
    pub fn any(&self) -> bool {
        self.leader.is_some()
            || self.unit.is_some()
            || self.class.is_some()
            || self.search.is_some()
    }

    fn people(&self) -> Filter {
        Filter {
            leader: self.leader.clone(),
            units: self
                .unit
                .clone()
                .map(|u| std::collections::HashSet::from([u])),
            ..Filter::default()
        }
    }
}

/// A visible task and its visible indicators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisTask {
    /// Position in [`Plan::tasks`].
    pub pos: usize,
    /// Range into [`Visible::inds`].
    pub inds: Range<usize>,
    pub counts: Counts,
}

/// What the filters leave, in tree order: task 0 first, then the groups in
/// plan order, tasks in file order within each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Visible {
    pub tasks: Vec<VisTask>,
    /// Positions in [`Plan::indicators`], grouped by task, tree order.
    pub inds: Vec<usize>,
    /// Group id and the range of its tasks in `tasks`.
    pub groups: Vec<(u32, Range<usize>)>,
    pub counts: Counts,
}

impl Visible {
    /// Index in `tasks` of the task at plan position `pos`.
    pub fn task_index(&self, pos: usize) -> Option<usize> {
        self.tasks.iter().position(|t| t.pos == pos)
    }

    pub fn group_range(&self, group: u32) -> Option<Range<usize>> {
        self.groups
            .iter()
            .find(|(g, _)| *g == group)
            .map(|(_, r)| r.clone())
    }
}

/// Task positions in tree order: group 0 (task 0), then each group.
pub fn tree_order(plan: &Plan) -> Vec<(u32, Vec<usize>)> {
    let mut by_group: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, t) in plan.tasks.iter().enumerate() {
        by_group.entry(t.group).or_default().push(i);
    }
    let mut out = Vec::with_capacity(plan.groups.len() + 1);
    if let Some(ts) = by_group.remove(&0) {
        out.push((0, ts));
    }
    for g in &plan.groups {
        if let Some(ts) = by_group.remove(&g.id) {
            out.push((g.id, ts));
        }
    }
    out
}

/// True when a search hits the task itself: its title, text, target texts,
/// body units, or a leader, unit or person of its rows. Pinyin (full or
/// initials) is matched on titles and names; the long paragraphs are
/// matched as written (pinyin initials of a 500-character paragraph would
/// match almost any short query).
fn task_hit(plan: &Plan, task: &Task, q: &CompiledQuery<'_>, raw: &str) -> bool {
    if task.id == raw || q.matches(&task.title) || task.text.contains(raw) {
        return true;
    }
    if task.units.iter().any(|u| q.matches(u)) {
        return true;
    }
    plan.rows_of(&task.id).any(|r| {
        r.target.contains(raw)
            || r.leaders.iter().any(|l| q.matches(l))
            || r.owners
                .iter()
                .any(|o| q.matches(&o.unit) || q.matches(&o.person))
    })
}

/// Applies `f` to the plan. `statuses` is [`crate::ui::data::Progress::statuses`].
pub fn compute(plan: &Plan, statuses: &[Status], f: &Filters) -> Visible {
    let people = f.people();
    let people_on = f.leader.is_some() || f.unit.is_some();
    let search = f.search.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let query = search.map(Query::new);
    let compiled = query.as_ref().map(Query::compile);
    let mut v = Visible::default();
    for (group, tasks) in tree_order(plan) {
        let first = v.tasks.len();
        for pos in tasks {
            let task = &plan.tasks[pos];
            if people_on && !people.task_matches(plan, task) {
                continue;
            }
            let start = v.inds.len();
            // The rule of `plan::filter`: the rows the people filter shows.
            let rows: Option<Vec<&str>> = people_on.then(|| {
                people
                    .rows_shown(plan, task)
                    .iter()
                    .map(|r| r.id.as_str())
                    .collect()
            });
            for ind in plan.indicators_of(&task.id) {
                let Some(ip) = plan.indicator_pos(&ind.id) else {
                    continue;
                };
                if let Some(rows) = &rows
                    && !rows.contains(&ind.row.as_str())
                {
                    continue;
                }
                let class = Class::of(statuses.get(ip).copied().unwrap_or(Status::NoData));
                if f.class.is_some_and(|c| c != class) {
                    continue;
                }
                v.inds.push(ip);
            }
            if f.class.is_some() && v.inds.len() == start {
                continue;
            }
            if let (Some(q), Some(raw)) = (&compiled, search)
                && !task_hit(plan, task, q, raw)
            {
                // Only the indicators that match the search stay.
                let mut keep = start;
                for k in start..v.inds.len() {
                    let ind = &plan.indicators[v.inds[k]];
                    if ind.id == raw || q.matches(&ind.name) {
                        v.inds[keep] = v.inds[k];
                        keep += 1;
                    }
                }
                v.inds.truncate(keep);
                if keep == start {
                    continue;
                }
            }
            let mut counts = Counts::default();
            for &ip in &v.inds[start..] {
                counts.add(statuses[ip]);
            }
            v.counts += counts;
            v.tasks.push(VisTask {
                pos,
                inds: start..v.inds.len(),
                counts,
            });
        }
        if v.tasks.len() > first {
            v.groups.push((group, first..v.tasks.len()));
        }
    }
    v
}

/// Indicator counts per class under `f` with its status filter ignored
/// (for the status picker).
pub fn class_counts(plan: &Plan, statuses: &[Status], f: &Filters) -> Counts {
    let mut g = f.clone();
    g.class = None;
    compute(plan, statuses, &g).counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        crate::plan::load_embedded().unwrap()
    }

    fn ids(plan: &Plan, v: &Visible) -> Vec<String> {
        v.tasks
            .iter()
            .map(|t| plan.tasks[t.pos].id.clone())
            .collect()
    }

    #[test]
    fn no_filter_shows_everything_in_tree_order() {
        let p = plan();
        let st = vec![Status::NoData; p.indicators.len()];
        let v = compute(&p, &st, &Filters::default());
        assert_eq!(v.tasks.len(), p.tasks.len());
        assert_eq!(v.inds.len(), p.indicators.len());
        assert_eq!(ids(&p, &v)[0], "0");
        assert_eq!(v.groups.len(), 6);
        assert_eq!(v.counts.get(Class::NoData), p.indicators.len());
    }

    #[test]
    fn leader_filter_matches_the_cli() {
        let p = plan();
        let st = vec![Status::NoData; p.indicators.len()];
        let f = Filters {
            leader: Some("朱快春".into()),
            ..Filters::default()
        };
        let v = compute(&p, &st, &f);
        assert_eq!(
            ids(&p, &v),
            [
                "0", "1", "2", "3", "4", "5", "6", "8", "15", "16", "17", "19", "21", "23"
            ]
        );
        // task 0: only his headline rows H6, H8, H9
        let t0: Vec<&str> = v.inds[v.tasks[0].inds.clone()]
            .iter()
            .map(|&i| p.indicators[i].id.as_str())
            .collect();
        assert_eq!(t0, ["0.6", "0.8", "0.9"]);
    }

    #[test]
    fn search_by_pinyin_and_substring() {
        let p = plan();
        let st = vec![Status::NoData; p.indicators.len()];
        let f = Filters {
            search: Some("工业总产值".into()),
            ..Filters::default()
        };
        let v = compute(&p, &st, &f);
        assert!(ids(&p, &v).contains(&"8".to_string()));
        let f = Filters {
            search: Some("gyzcz".into()),
            ..Filters::default()
        };
        let v = compute(&p, &st, &f);
        let names: Vec<&str> = v
            .inds
            .iter()
            .map(|&i| p.indicators[i].name.as_str())
            .collect();
        assert!(names.contains(&"工业总产值"), "{names:?}");
        let f = Filters {
            search: Some("zqzzzzz".into()),
            ..Filters::default()
        };
        assert!(compute(&p, &st, &f).tasks.is_empty());
    }
}
