//! Which tasks and indicators a set of people and place filters selects.
//! Shared by the command line (`--leader`, `--unit`, …) and the UI's
//! pickers, so both show exactly the same things. Names here are already
//! resolved to ones the plan knows (see `cli::filter` for resolving typed
//! names).

use std::collections::HashSet;

use super::{Indicator, Plan, Row, Task};

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

impl Filter {
    fn row_matches(&self, row: &Row) -> bool {
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
        let by_body = self.leader.is_none()
            && self.person.is_none()
            && self
                .units
                .as_ref()
                .is_some_and(|us| task.units.iter().any(|u| us.contains(u)));
        by_rows || by_body
    }

    /// An indicator matches when its task's place matches and its own
    /// accountability row matches the people filters.
    pub fn indicator_matches(&self, plan: &Plan, ind: &Indicator) -> bool {
        let Some(task) = plan.task(&ind.task) else {
            return false;
        };
        if !self.task_place_matches(task) {
            return false;
        }
        match plan.row(&ind.row) {
            Some(row) => self.row_matches(row),
            None => false,
        }
    }

    pub fn tasks<'p>(&self, plan: &'p Plan) -> Vec<&'p Task> {
        plan.tasks
            .iter()
            .filter(|t| self.task_matches(plan, t))
            .collect()
    }

    pub fn indicators<'p>(&self, plan: &'p Plan) -> Vec<&'p Indicator> {
        plan.indicators
            .iter()
            .filter(|i| self.indicator_matches(plan, i))
            .collect()
    }
}
