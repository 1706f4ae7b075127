//! Each seed file's records read into the model — groups, tasks, rows,
//! indicators, in that order, each checked against the ids read before it.
//! Every problem is pushed to `errs` (file, line, field, found, expected)
//! and the record skipped, so that one run lists them all.

use std::io::BufRead;
use std::sync::Arc;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use rust_decimal::Decimal;

use super::cells::{Rec, Unreadable, each_record, split_list};
use super::error::PlanError;
use super::kind::Kind;
use super::model::{
    Better, Comparison, Group, HEADLINE_GROUP, Indicator, NewIndicator, Owner, Row, Task,
};
use super::plan_period::PlanPeriod;
use super::seed_period::PERIOD;
use crate::vocab::{M, Msg};

/// The seed file names, in load order.
pub const GROUPS: &str = "groups.csv";
pub const TASKS: &str = "tasks.csv";
pub const ROWS: &str = "rows.csv";
pub const INDICATORS: &str = "indicators.csv";

/// `groups.csv`: the groups and their ids.
pub(super) fn groups(
    file: &str,
    input: impl BufRead,
    errs: &mut Vec<PlanError>,
) -> Result<(Vec<Group>, HashSet<u32>), Unreadable> {
    let mut groups = Vec::new();
    let mut ids = HashSet::new();
    each_record(file, input, &["id", "title"], errs, |rec, errs| {
        let Some(id) = group_id(rec, errs) else {
            return;
        };
        if !ids.insert(id) {
            rec.err(errs, "id", Msg::new(M::PlanDuplicateGroup).arg("id", id));
            return;
        }
        let title = rec.required(errs, "title");
        groups.push(Group { id, title });
    })?;
    Ok((groups, ids))
}

/// A group's number: not 0 (总体目标 is implicit).
fn group_id(rec: &Rec<'_>, errs: &mut Vec<PlanError>) -> Option<u32> {
    match rec.get("id").parse::<u32>() {
        Ok(0) => {
            rec.err(errs, "id", Msg::new(M::PlanGroupZero));
            None
        }
        Ok(n) => Some(n),
        Err(_) => {
            rec.err(
                errs,
                "id",
                Msg::new(M::PlanNotGroupNumberLike).arg("found", rec.get("id")),
            );
            None
        }
    }
}

/// `tasks.csv`: the tasks, and every task id read (also of a task refused
/// for its group, so that its rows are not reported again).
pub(super) fn tasks(
    file: &str,
    input: impl BufRead,
    group_ids: &HashSet<u32>,
    errs: &mut Vec<PlanError>,
) -> Result<(Vec<Task>, HashSet<String>), Unreadable> {
    let mut tasks = Vec::new();
    let mut ids = HashSet::new();
    let cols = ["id", "group", "title", "text", "units"];
    each_record(file, input, &cols, errs, |rec, errs| {
        let Some(id) = task_id(rec, &mut ids, errs) else {
            return;
        };
        let Some(group) = task_group(rec, group_ids, errs) else {
            return;
        };
        let title = rec.required(errs, "title");
        tasks.push(Task {
            id,
            group,
            title,
            text: rec.get("text").replace("\r\n", "\n"),
            units: split_list(rec.get("units"), false),
        });
    })?;
    tasks.shrink_to_fit();
    Ok((tasks, ids))
}

/// A new task id without `.` or spaces, added to `ids`.
fn task_id(rec: &Rec<'_>, ids: &mut HashSet<String>, errs: &mut Vec<PlanError>) -> Option<String> {
    let id = rec.get("id").to_string();
    if id.is_empty() {
        rec.err(errs, "id", Msg::new(M::PlanEmptyTaskId));
        return None;
    }
    if id.contains('.') || id.contains(char::is_whitespace) {
        rec.err(errs, "id", Msg::new(M::PlanBadTaskId).arg("found", &id));
        return None;
    }
    if !ids.insert(id.clone()) {
        rec.err(errs, "id", Msg::new(M::PlanDuplicateTask).arg("id", &id));
        return None;
    }
    Some(id)
}

/// A task's group: one of `groups.csv`, or 0 (总体目标).
fn task_group(rec: &Rec<'_>, group_ids: &HashSet<u32>, errs: &mut Vec<PlanError>) -> Option<u32> {
    match rec.get("group").parse::<u32>() {
        Ok(g) if g == HEADLINE_GROUP || group_ids.contains(&g) => Some(g),
        Ok(g) => {
            rec.err(
                errs,
                "group",
                Msg::new(M::PlanUnknownGroup)
                    .arg("group", g)
                    .arg("ids", list(group_ids.iter()))
                    .arg("file", GROUPS),
            );
            None
        }
        Err(_) => {
            rec.err(
                errs,
                "group",
                Msg::new(M::PlanNotGroupNumber).arg("found", rec.get("group")),
            );
            None
        }
    }
}

/// `rows.csv`: the accountability rows, and the task of each row id.
pub(super) fn rows(
    file: &str,
    input: impl BufRead,
    task_ids: &HashSet<String>,
    errs: &mut Vec<PlanError>,
) -> Result<(Vec<Row>, HashMap<String, String>), Unreadable> {
    let mut rows: Vec<Row> = Vec::new();
    let mut row_task: HashMap<String, String> = HashMap::new();
    let cols = [
        "id", "task", "title", "target", "leaders", "units", "persons",
    ];
    each_record(file, input, &cols, errs, |rec, errs| {
        let id = rec.get("id").to_string();
        if id.is_empty() {
            rec.err(errs, "id", Msg::new(M::PlanEmptyRowId));
            return;
        }
        if row_task.contains_key(&id) {
            rec.err(errs, "id", Msg::new(M::PlanDuplicateRow).arg("id", &id));
            return;
        }
        let task = rec.get("task").to_string();
        if !task_ids.contains(&task) {
            rec.err(
                errs,
                "task",
                Msg::new(M::PlanUnknownTask)
                    .arg("task", &task)
                    .arg("file", TASKS),
            );
            return;
        }
        let leaders = split_list(rec.get("leaders"), true);
        if leaders.is_empty() {
            rec.err(errs, "leaders", Msg::new(M::PlanNoLeader));
        }
        let Some(owners) = owners(rec, errs) else {
            return;
        };
        row_task.insert(id.clone(), task.clone());
        rows.push(Row {
            id,
            task,
            title: rec.get("title").to_string(),
            target: rec.get("target").to_string(),
            leaders,
            owners,
        });
    })?;
    rows.shrink_to_fit();
    Ok((rows, row_task))
}

/// A row's units and persons, paired in order; as many of each.
fn owners(rec: &Rec<'_>, errs: &mut Vec<PlanError>) -> Option<Vec<Owner>> {
    let units = split_list(rec.get("units"), false);
    let persons = split_list(rec.get("persons"), true);
    if units.len() != persons.len() {
        let msg = if units.len() > persons.len() {
            Msg::new(M::PlanUnitWithoutPerson)
                .arg("unit", &units[persons.len()])
                .arg("units", units.len())
                .arg("persons", persons.len())
        } else {
            Msg::new(M::PlanPersonWithoutUnit)
                .arg("person", &persons[units.len()])
                .arg("units", units.len())
                .arg("persons", persons.len())
        };
        rec.err(errs, "persons", msg);
        return None;
    }
    Some(
        units
            .into_iter()
            .zip(persons)
            .map(|(unit, person)| Owner { unit, person })
            .collect(),
    )
}

/// `indicators.csv`: the indicators whose every field is right, and how
/// many had no `kind` (given theirs from the comparison). With the plan
/// period of `period.csv`, every deadline must lie inside it. `lines` (the
/// file's line count, an upper bound of its records) sizes the list once.
pub(super) fn indicators(
    file: &str,
    (input, lines): (impl BufRead, usize),
    (task_ids, row_task): (&HashSet<String>, &HashMap<String, String>),
    period: Option<PlanPeriod>,
    errs: &mut Vec<PlanError>,
) -> Result<(Vec<Indicator>, usize), Unreadable> {
    let mut indicators = Vec::with_capacity(lines.saturating_sub(1));
    let mut defaulted = 0;
    let mut seen = SeenIds::default();
    let mut shared = Interner::default();
    let cols = [
        "id",
        "task",
        "row",
        "name",
        "unit",
        "comparison",
        "target",
        "stretch",
        "better",
        "deadline",
        "source",
    ];
    each_record(file, input, &cols, errs, |rec, errs| {
        let id = rec.get("id");
        let new = !seen.contains(id, &indicators);
        match indicator(rec, new, (task_ids, row_task), period, &mut shared, errs) {
            Some((ind, given)) => {
                defaulted += usize::from(!given);
                if new {
                    seen.kept(id, indicators.len());
                }
                indicators.push(ind);
            }
            None if new => seen.refused(id),
            None => {}
        }
    })?;
    indicators.shrink_to_fit();
    Ok((indicators, defaulted))
}

/// One record of `indicators.csv` read and checked (`new`: its id was not
/// seen before), with whether its `kind` was given; `None` with its errors
/// pushed when any field is wrong.
fn indicator(
    rec: &Rec<'_>,
    new: bool,
    (task_ids, row_task): (&HashSet<String>, &HashMap<String, String>),
    period: Option<PlanPeriod>,
    shared: &mut Interner,
    errs: &mut Vec<PlanError>,
) -> Option<(Indicator, bool)> {
    let before = errs.len();
    let id = rec.get("id");
    let task = shared.get(rec.get("task"));
    let row = shared.get(rec.get("row"));
    check_task_and_id(rec, id, &task, task_ids, errs);
    if !new {
        rec.err(
            errs,
            "id",
            Msg::new(M::PlanDuplicateIndicator).arg("id", id),
        );
    }
    check_row(rec, &row, &task, row_task, errs);
    let name = rec.required_str(errs, "name");
    let comparison = comparison(rec, errs);
    let target = rec.decimal(errs, "target");
    let stretch = rec.decimal(errs, "stretch");
    check_target(rec, comparison, &target, errs);
    let better = better(rec, comparison, errs);
    let deadline = deadline(rec, period, errs);
    let kind = kind(rec, comparison, errs);
    let unit = Some(rec.get("unit"))
        .filter(|u| !u.is_empty())
        .map(|u| shared.get(u));
    if errs.len() != before {
        return None;
    }
    let (comparison, better, deadline, (kind, given)) = (comparison?, better?, deadline?, kind?);
    let ind = Indicator::from(NewIndicator {
        id,
        task,
        row,
        name,
        unit,
        comparison,
        target,
        stretch,
        better,
        deadline,
        source: rec.get("source"),
        kind,
    });
    Some((ind, given))
}

/// The indicator ids read so far, for the duplicate check, without a copy
/// of each: a 64-bit hash of each id with where the first id of that hash
/// is (an indicator kept, or one of the few refused ones, whose ids are
/// copied). Another id with the same hash (not expected at any plan size)
/// is told apart by comparing the texts.
#[derive(Default)]
struct SeenIds {
    first: HashMap<u64, Seen>,
    refused_ids: Vec<Box<str>>,
}

#[derive(Clone, Copy)]
enum Seen {
    Kept(usize),
    Refused(usize),
}

impl SeenIds {
    fn hash(id: &str) -> u64 {
        use std::hash::BuildHasher;
        foldhash::quality::FixedState::with_seed(0x5eed).hash_one(id)
    }

    /// True when `id` was read before (`kept`: the indicators kept so far).
    fn contains(&self, id: &str, kept: &[Indicator]) -> bool {
        let text = |s: Seen| match s {
            Seen::Kept(i) => kept.get(i).map(Indicator::id),
            Seen::Refused(i) => self.refused_ids.get(i).map(|r| &**r),
        };
        match self.first.get(&Self::hash(id)) {
            None => false,
            Some(&s) if text(s) == Some(id) => true,
            // Another id with the same hash: compare with every one.
            Some(_) => {
                kept.iter().any(|k| k.id() == id) || self.refused_ids.iter().any(|r| &**r == id)
            }
        }
    }

    /// A new id, kept at position `at`.
    fn kept(&mut self, id: &str, at: usize) {
        self.first.entry(Self::hash(id)).or_insert(Seen::Kept(at));
    }

    /// A new id whose record was refused.
    fn refused(&mut self, id: &str) {
        let at = self.refused_ids.len();
        self.refused_ids.push(id.into());
        self.first
            .entry(Self::hash(id))
            .or_insert(Seen::Refused(at));
    }
}

/// One `Arc<str>` per distinct text: the indicators' task, row and unit
/// repeat, and share it instead of a `String` each.
#[derive(Default)]
pub(super) struct Interner(HashSet<Arc<str>>);

impl Interner {
    pub(super) fn get(&mut self, s: &str) -> Arc<str> {
        if let Some(a) = self.0.get(s) {
            return Arc::clone(a);
        }
        let a: Arc<str> = Arc::from(s);
        self.0.insert(Arc::clone(&a));
        a
    }
}

/// The `kind` column (optional): a machine word, `milestone` exactly for a
/// `done` comparison; empty or absent, the kind follows from the comparison
/// ([`Kind::from_comparison`]). The flag says whether it was given.
fn kind(
    rec: &Rec<'_>,
    comparison: Option<Comparison>,
    errs: &mut Vec<PlanError>,
) -> Option<(Kind, bool)> {
    let word = rec.get("kind");
    let comparison = comparison?;
    if word.is_empty() {
        return Some((Kind::from_comparison(comparison), false));
    }
    let Some(kind) = Kind::parse(word) else {
        let words: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        rec.err(
            errs,
            "kind",
            Msg::new(M::PlanBadKind)
                .arg("found", word)
                .arg("words", format!("`{}`", words.join("`, `"))),
        );
        return None;
    };
    let done = comparison == Comparison::Done;
    if done != (kind == Kind::Milestone) {
        let problem = if done {
            Msg::new(M::PlanKindMilestone).arg("found", kind)
        } else {
            Msg::new(M::PlanKindNotMilestone)
                .arg("found", kind)
                .arg("comparison", comparison)
        };
        rec.err(errs, "kind", problem);
        return None;
    }
    Some((kind, true))
}

/// An indicator's task is known and its id is `TASK.N`.
fn check_task_and_id(
    rec: &Rec<'_>,
    id: &str,
    task: &str,
    task_ids: &HashSet<String>,
    errs: &mut Vec<PlanError>,
) {
    if !task_ids.contains(task) {
        rec.err(
            errs,
            "task",
            Msg::new(M::PlanUnknownTask)
                .arg("task", task)
                .arg("file", TASKS),
        );
    }
    match id.split_once('.') {
        Some((t, n)) if t == task && !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => {}
        _ => rec.err(
            errs,
            "id",
            Msg::new(M::PlanBadIndicatorId)
                .arg("found", id)
                .arg("task", task),
        ),
    }
}

/// An indicator's row is known and belongs to its task.
fn check_row(
    rec: &Rec<'_>,
    row: &str,
    task: &str,
    row_task: &HashMap<String, String>,
    errs: &mut Vec<PlanError>,
) {
    match row_task.get(row) {
        None => rec.err(
            errs,
            "row",
            Msg::new(M::PlanUnknownRow)
                .arg("row", row)
                .arg("file", ROWS),
        ),
        Some(t) if t != task => rec.err(
            errs,
            "row",
            Msg::new(M::PlanRowOfOtherTask)
                .arg("row", row)
                .arg("owner", t)
                .arg("task", task),
        ),
        Some(_) => {}
    }
}

fn comparison(rec: &Rec<'_>, errs: &mut Vec<PlanError>) -> Option<Comparison> {
    let c = Comparison::parse(rec.get("comparison"));
    if c.is_none() {
        rec.err(
            errs,
            "comparison",
            Msg::new(M::PlanBadComparison).arg("found", rec.get("comparison")),
        );
    }
    c
}

/// A milestone has no target; every other comparison has one.
fn check_target(
    rec: &Rec<'_>,
    comparison: Option<Comparison>,
    target: &Option<Decimal>,
    errs: &mut Vec<PlanError>,
) {
    match (comparison, target) {
        (Some(Comparison::Done), Some(t)) => rec.err(
            errs,
            "target",
            Msg::new(M::PlanTargetOnMilestone).arg("found", t),
        ),
        (Some(c), None) if c != Comparison::Done && rec.get("target").is_empty() => rec.err(
            errs,
            "target",
            Msg::new(M::PlanNoTarget).arg("comparison", c),
        ),
        _ => {}
    }
}

/// `higher` or `lower`; empty: lower for `<=`, else higher.
fn better(
    rec: &Rec<'_>,
    comparison: Option<Comparison>,
    errs: &mut Vec<PlanError>,
) -> Option<Better> {
    match rec.get("better") {
        "" => comparison.map(|c| {
            if c == Comparison::AtMost {
                Better::Lower
            } else {
                Better::Higher
            }
        }),
        s => {
            let b = Better::parse(s);
            if b.is_none() {
                rec.err(errs, "better", Msg::new(M::PlanBadBetter).arg("found", s));
            }
            b
        }
    }
}

/// A year from 1900 to 2200, inside the plan period when one is given.
fn deadline(rec: &Rec<'_>, period: Option<PlanPeriod>, errs: &mut Vec<PlanError>) -> Option<i32> {
    let found = rec.get("deadline");
    let Some(y) = found
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=2200).contains(y))
    else {
        rec.err(
            errs,
            "deadline",
            Msg::new(M::PlanBadDeadline).arg("found", found),
        );
        return None;
    };
    if let Some(p) = period.filter(|p| !p.contains(y)) {
        rec.err(
            errs,
            "deadline",
            Msg::new(M::PlanDeadlineOutside)
                .arg("found", y)
                .arg("start", p.start)
                .arg("end", p.end)
                .arg("file", PERIOD),
        );
        return None;
    }
    Some(y)
}

fn list<'a>(ids: impl Iterator<Item = &'a u32>) -> String {
    let mut v: Vec<_> = ids.collect();
    v.sort();
    v.iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
