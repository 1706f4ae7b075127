//! Which tasks and indicators a set of people and place filters selects.
//! Shared by the command line (`--leader`, `--unit`, …) and the UI's
//! pickers, so both show exactly the same things. Names here are already
//! resolved to ones the plan knows (see `cli::filter` for resolving typed
//! names).
//!
//! The rule, one for both: a people filter (leader, unit, person) shows the
//! tasks with an accountability row it matches, each narrowed to the rows
//! it matches and their indicators — so 总体目标 shows only the headline
//! rows the leader owns (朱快春: H6, H8, H9, so 0.6, 0.8, 0.9), and its
//! counts, leaders and persons are those rows'. A task that `--unit`
//! matches only through its body's 责任单位 list is shown whole.

use std::collections::{HashMap, HashSet};

use super::{Indicator, Plan, Row, Task};

#[cfg(test)]
thread_local! {
    /// Rows matched against a people filter on this thread (tests: the
    /// work of a filter counted).
    pub(crate) static ROWS_MATCHED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Resolved filters: every name is one the plan knows; `None` matches all.
#[derive(Debug, Default)]
pub struct Filter {
    pub leader: Option<String>,
    /// The units the `--unit` text matched.
    pub units: Option<HashSet<String>>,
    pub person: Option<String>,
    pub group: Option<u32>,
    pub task: Option<String>,
}

/// What a filter shows of one task: its rows and indicators under the
/// rule above (everything without a people filter).
#[derive(Debug, Clone)]
pub struct TaskView<'p> {
    pub rows: Vec<&'p Row>,
    pub indicators: Vec<&'p Indicator>,
}

fn dedup<'a>(items: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut seen = HashSet::new();
    items.filter(|s| seen.insert(s.as_str())).cloned().collect()
}

impl TaskView<'_> {
    /// Leaders of the rows shown, annex order, de-duplicated.
    pub fn leaders(&self) -> Vec<String> {
        dedup(self.rows.iter().flat_map(|r| r.leaders.iter()))
    }

    /// Units of the rows shown, annex order, de-duplicated.
    pub fn units(&self) -> Vec<String> {
        dedup(
            self.rows
                .iter()
                .flat_map(|r| r.owners.iter().map(|o| &o.unit)),
        )
    }

    /// Persons of the rows shown, annex order, de-duplicated.
    pub fn persons(&self) -> Vec<String> {
        dedup(
            self.rows
                .iter()
                .flat_map(|r| r.owners.iter().map(|o| &o.person)),
        )
    }
}

impl Filter {
    fn people_on(&self) -> bool {
        self.leader.is_some() || self.person.is_some() || self.units.is_some()
    }

    fn row_matches(&self, row: &Row) -> bool {
        #[cfg(test)]
        ROWS_MATCHED.with(|n| n.set(n.get() + 1));
        if let Some(l) = &self.leader
            && !row.leaders.contains(l)
        {
            return false;
        }
        if let Some(p) = &self.person
            && !row.owners.iter().any(|o| &o.person == p)
        {
            return false;
        }
        if let Some(us) = &self.units
            && !row.owners.iter().any(|o| us.contains(&o.unit))
        {
            return false;
        }
        true
    }

    fn task_place_matches(&self, task: &Task) -> bool {
        if let Some(g) = self.group
            && task.group != g
        {
            return false;
        }
        if let Some(t) = &self.task
            && &task.id != t
        {
            return false;
        }
        true
    }

    /// A task matches when its group/id match and one of its accountability
    /// rows matches the people filters. `--unit` also matches the body's
    /// 责任单位 list (the body names units the annex leaves out).
    pub fn task_matches(&self, plan: &Plan, task: &Task) -> bool {
        if !self.task_place_matches(task) {
            return false;
        }
        if self.leader.is_none() && self.person.is_none() && self.units.is_none() {
            return true;
        }
        let by_rows = plan.rows_of(&task.id).any(|r| self.row_matches(r));
        by_rows || self.matches_by_body(task)
    }

    /// Only `--unit` matches through the body's 责任单位 list: a unit
    /// filter alone, naming one of the task's body units.
    fn matches_by_body(&self, task: &Task) -> bool {
        self.leader.is_none()
            && self.person.is_none()
            && self
                .units
                .as_ref()
                .is_some_and(|us| task.units.iter().any(|u| us.contains(u)))
    }

    /// The accountability rows of `task` shown (see the module's rule):
    /// all without a people filter; else those the filter matches, or all
    /// when the task matches only through its body's units; none when the
    /// task does not match.
    pub fn rows_shown<'p>(&self, plan: &'p Plan, task: &Task) -> Vec<&'p Row> {
        self.shown(plan, task).unwrap_or_default()
    }

    /// [`Filter::task_matches`] and [`Filter::rows_shown`] in one pass
    /// over the task's rows: `None` when the task does not match, else the
    /// rows shown. (The UI's visible set and [`Filter::view`] call it once
    /// per task; the two calls would look the task's rows up and match
    /// them again.)
    pub fn shown<'p>(&self, plan: &'p Plan, task: &Task) -> Option<Vec<&'p Row>> {
        if !self.task_place_matches(task) {
            return None;
        }
        let rows = plan.rows_of(&task.id);
        if !self.people_on() {
            return Some(rows.collect());
        }
        let hit: Vec<&Row> = rows.filter(|r| self.row_matches(r)).collect();
        if !hit.is_empty() {
            return Some(hit);
        }
        self.matches_by_body(task)
            .then(|| plan.rows_of(&task.id).collect())
    }

    /// What is shown of `task`: its rows and the indicators on them.
    pub fn view<'p>(&self, plan: &'p Plan, task: &Task) -> TaskView<'p> {
        let Some(rows) = self.shown(plan, task) else {
            return TaskView {
                rows: Vec::new(),
                indicators: Vec::new(),
            };
        };
        let indicators = if self.people_on() {
            plan.indicators_of(&task.id)
                .filter(|i| rows.iter().any(|r| *r.id == *i.row))
                .collect()
        } else {
            plan.indicators_of(&task.id).collect()
        };
        TaskView { rows, indicators }
    }

    /// An indicator is shown when its task is and it stands on one of the
    /// rows shown of that task. (For many indicators use
    /// [`Filter::indicators`], which works the rows out once per task.)
    pub fn indicator_matches(&self, plan: &Plan, ind: &Indicator) -> bool {
        let Some(task) = plan.task(&ind.task) else {
            return false;
        };
        if !self.people_on() {
            return self.task_place_matches(task);
        }
        self.rows_shown(plan, task)
            .iter()
            .any(|r| *r.id == *ind.row)
    }

    pub fn tasks<'p>(&self, plan: &'p Plan) -> Vec<&'p Task> {
        plan.tasks
            .iter()
            .filter(|t| self.task_matches(plan, t))
            .collect()
    }

    /// Every indicator shown, plan order.
    pub fn indicators<'p>(&self, plan: &'p Plan) -> Vec<&'p Indicator> {
        let mut rows: HashMap<&str, Vec<&str>> = HashMap::new();
        plan.indicators
            .iter()
            .filter(|i| {
                let Some(task) = plan.task(&i.task) else {
                    return false;
                };
                if !self.people_on() {
                    return self.task_place_matches(task);
                }
                rows.entry(task.id.as_str())
                    .or_insert_with(|| {
                        self.rows_shown(plan, task)
                            .iter()
                            .map(|r| r.id.as_str())
                            .collect()
                    })
                    .contains(&&*i.row)
            })
            .collect()
    }
}
