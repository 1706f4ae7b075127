//! The city's plan: every district's plan of a workspace in one, each id
//! qualified by its district (`乌当区:8.1`), and their ledgers' progress in
//! one ([`crate::report::Progress::absorb`]). The UI and the reading
//! commands over a workspace work on it as on one district's plan; the
//! tree shows a district level above the groups ([`Plan::districts`]).
//!
//! Group ids are numbered afresh (1, 2, … across the city, so that no
//! district's group is taken for another's); each group keeps the number
//! its district's plan gave it for its label (（一）, 总体目标). A
//! district's headline tasks (task `0`, 总体目标) become a group of their
//! own, first in the district.

use jiff::civil::Date;

use super::workspace::District as Clone;
use crate::ledger::{LedgerError, NoProgress};
use crate::plan::{self, Plan, PlanErrors};
use crate::report::Progress;

/// One district's plan, by its name.
pub struct Part {
    pub name: String,
    pub plan: Plan,
}

/// Why a workspace's plans could not be read: the district and its plan's
/// errors.
#[derive(Debug)]
pub struct PlanOf {
    pub district: String,
    pub errors: PlanErrors,
}

/// Each district's plan (its `plan/`, else the embedded plan), in the
/// workspace's order.
pub fn load_plans(districts: &[Clone]) -> Result<Vec<Part>, PlanOf> {
    districts.iter().map(load_one).collect()
}

fn load_one(d: &Clone) -> Result<Part, PlanOf> {
    let plan = match d.plan_dir() {
        Some(dir) => plan::load_dir_with_snapshot(&dir),
        None => plan::load_embedded(),
    };
    plan.map(|plan| Part {
        name: d.name.clone(),
        plan,
    })
    .map_err(|errors| PlanOf {
        district: d.name.clone(),
        errors,
    })
}

/// The city's plan of the districts of a workspace: each district's plan
/// loaded on one of a few threads (one per core), then joined
/// ([`Plan::joined`]). The first district whose plan cannot be read
/// stops it.
pub fn load(districts: &[Clone]) -> Result<Plan, PlanOf> {
    let parts = crate::par::map(districts.iter().collect(), load_one)
        .into_iter()
        // A thread that panicked has nothing to give: no plan.
        .map(|p| {
            p.unwrap_or_else(|| {
                Err(PlanOf {
                    district: String::new(),
                    errors: PlanErrors(Vec::new()),
                })
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(plans(parts))
}

/// The city's plan of `parts` (see the module).
pub fn plans(parts: Vec<Part>) -> Plan {
    Plan::joined(parts.into_iter().map(|p| (p.name, p.plan)).collect())
}

/// Every district's ledger read (through its checkpoint) as of `today`,
/// in one progress with qualified ids, and the districts whose ledger
/// could not be read, with why: they show no values, the others do (one
/// district's broken ledger does not hide the city's).
pub fn progress(districts: &[Clone], today: Date) -> (Progress, Vec<(String, LedgerError)>) {
    let mut city = Progress::empty(today);
    let mut unread = Vec::new();
    for d in districts {
        match Progress::read_lean(&d.ledger(), today, &mut NoProgress) {
            Ok((_, p)) => city.absorb(&d.name, p),
            Err(e) => unread.push((d.name.clone(), e)),
        }
    }
    (city, unread)
}

#[cfg(test)]
mod tests;
