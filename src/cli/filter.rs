//! Filters for `tasks` and `indicators`, resolved against the plan so that
//! an unknown or ambiguous name is reported (exit 2) instead of matching
//! nothing.

use std::collections::HashSet;

use super::CliError;
use super::args::FilterArgs;
use crate::ledger::{Status, TaskState};
use crate::pace::Light;
use crate::plan::Plan;
use crate::plan::names::{self, Query, Resolved};
use crate::vocab::{Lang, M, Msg, Term};

pub use crate::plan::filter::Filter;

fn name_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("  {n} ({})", names::initials(n)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn resolve_name(kind: M, flag: &str, query: &str, all: &[String]) -> Result<String, CliError> {
    match names::resolve(query, all) {
        Resolved::One(n) => Ok(n),
        Resolved::Unknown => Err(CliError::Usage(
            Msg::new(M::NoNameMatch)
                .arg("flag", flag)
                .arg("query", query)
                .sub("kind", kind.into())
                .arg("names", name_list(all)),
        )),
        Resolved::Ambiguous(hits) => Err(CliError::Usage(
            Msg::new(M::AmbiguousName)
                .arg("flag", flag)
                .arg("query", query)
                .arg("names", name_list(&hits)),
        )),
    }
}

impl FilterArgs {
    pub fn resolve(&self, plan: &Plan) -> Result<Filter, CliError> {
        let leader = match &self.leader {
            Some(q) => Some(resolve_name(M::KindLeader, "--leader", q, &plan.leaders())?),
            None => None,
        };
        let person = match &self.person {
            Some(q) => Some(resolve_name(M::KindPerson, "--person", q, &plan.persons())?),
            None => None,
        };
        let units = match &self.unit {
            Some(q) => {
                let query = Query::new(q);
                let mut all = plan.units();
                let mut seen: HashSet<String> = all.iter().cloned().collect();
                for t in &plan.tasks {
                    for u in &t.units {
                        if seen.insert(u.clone()) {
                            all.push(u.clone());
                        }
                    }
                }
                let matcher = query.compile();
                let hits: HashSet<String> =
                    all.iter().filter(|u| matcher.matches(u)).cloned().collect();
                if hits.is_empty() || query.is_empty() {
                    let units: Vec<String> = all.iter().map(|u| format!("  {u}")).collect();
                    return Err(CliError::Usage(
                        Msg::new(M::NoUnitMatch)
                            .arg("query", q)
                            .arg("units", units.join("\n")),
                    ));
                }
                Some(hits)
            }
            None => None,
        };
        if let Some(g) = self.group
            && g != 0
            && plan.group(g).is_none()
        {
            let ids: Vec<String> = plan.groups.iter().map(|g| g.id.to_string()).collect();
            return Err(CliError::Usage(
                Msg::new(M::NoGroup)
                    .arg("group", g)
                    .arg("ids", ids.join(", ")),
            ));
        }
        if let Some(t) = &self.task
            && plan.task(t.trim()).is_none()
        {
            let first = plan.tasks.first().map(|t| t.id.as_str()).unwrap_or("?");
            let last = plan.tasks.last().map(|t| t.id.as_str()).unwrap_or("?");
            return Err(CliError::Usage(
                Msg::new(M::NoTaskFlag)
                    .arg("id", t)
                    .arg("first", first)
                    .arg("last", last),
            ));
        }
        Ok(Filter {
            leader,
            units,
            person,
            group: self.group,
            task: self.task.as_ref().map(|t| t.trim().to_string()),
        })
    }
}

/// A `--status` or `--light` list (`flag`): words separated by commas
/// (`，` and `、` too) or spaces; a word the UI shows may itself hold a
/// space (`in progress`).
fn parse_list<T: Term>(list: &str, flag: &str, what: M) -> Result<Vec<T>, CliError> {
    let bad = |w: &str| {
        CliError::Usage(
            Msg::new(M::NotInList)
                .arg("flag", flag)
                .arg("found", w)
                .sub("what", what.into())
                .arg("machine", T::machine_list())
                .arg("words", T::word_list(Lang::Zh)),
        )
    };
    let mut out = Vec::new();
    for piece in list.split([',', '，', '、']).map(str::trim) {
        if piece.is_empty() {
            continue;
        }
        if let Some(v) = T::parse(piece) {
            out.push(v);
            continue;
        }
        for w in piece.split_whitespace() {
            out.push(T::parse(w).ok_or_else(|| bad(w))?);
        }
    }
    if out.is_empty() {
        return Err(CliError::Usage(
            Msg::new(M::ListEmpty)
                .arg("flag", flag)
                .arg("machine", T::machine_list()),
        ));
    }
    Ok(out)
}

/// `indicators --status`: indicator statuses (`met`, 达标, `stretch met` …).
pub fn statuses(list: Option<&str>) -> Result<Option<Vec<Status>>, CliError> {
    list.map(|l| parse_list(l, "--status", M::AnIndicatorStatus))
        .transpose()
}

/// `tasks --status`: task states as people set them with `status`
/// (`delayed`, 已延误, 滞后 …).
pub fn task_states(list: Option<&str>) -> Result<Option<Vec<TaskState>>, CliError> {
    list.map(|l| parse_list(l, "--status", M::ATaskState))
        .transpose()
}

/// `indicators --light`, `tasks --light`: lights (`red`, 红, 红灯 …).
pub fn lights(list: Option<&str>) -> Result<Option<Vec<Light>>, CliError> {
    list.map(|l| parse_list(l, "--light", M::ALight))
        .transpose()
}
