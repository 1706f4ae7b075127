//! Typed plan model: groups, tasks, accountability rows and indicators.

use std::fmt;
use std::sync::Arc;

use foldhash::{HashMap, HashMapExt};
use rust_decimal::Decimal;

use super::kind::Kind;
use super::plan_period::PlanPeriod;

mod join;

/// Id of the implicit group that holds task `0` (总体目标).
pub const HEADLINE_GROUP: u32 = 0;

const NUMERALS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// The group label as the document writes it: （一）…; group 0 is 总体目标.
pub fn group_label(id: u32) -> String {
    match id {
        0 => "总体目标".into(),
        1..=9 => format!("（{}）", NUMERALS[id as usize]),
        10 => "（十）".into(),
        n => format!("（{n}）"),
    }
}

/// A task group such as （一）以大数据引领创新发展….
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub id: u32,
    pub title: String,
}

/// A task as the body states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    pub id: String,
    pub group: u32,
    pub title: String,
    pub text: String,
    /// The body's 责任单位 list.
    pub units: Vec<String>,
}

/// One 责任单位 with its 责任人.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    pub unit: String,
    pub person: String,
}

/// One row of the annex (主要目标分解表).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub task: String,
    pub title: String,
    pub target: String,
    pub leaders: Vec<String>,
    pub owners: Vec<Owner>,
}

/// How an actual is compared with the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Comparison {
    /// 以上, 达到, 突破, 超过.
    AtLeast,
    /// 以内, 控制在…以内.
    AtMost,
    /// 左右.
    About,
    /// A qualitative milestone: done or not.
    Done,
}

impl Comparison {
    pub fn as_str(self) -> &'static str {
        match self {
            Comparison::AtLeast => ">=",
            Comparison::AtMost => "<=",
            Comparison::About => "~",
            Comparison::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            ">=" => Some(Comparison::AtLeast),
            "<=" => Some(Comparison::AtMost),
            "~" => Some(Comparison::About),
            "done" => Some(Comparison::Done),
            _ => None,
        }
    }
}

impl Kind {
    /// The kind of an indicator whose plan file gives none (a plan from
    /// the first release): `milestone` for `done`, else `level`.
    pub fn from_comparison(c: Comparison) -> Kind {
        if c == Comparison::Done {
            Kind::Milestone
        } else {
            Kind::Level
        }
    }
}

impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which direction of the actual is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Better {
    Higher,
    Lower,
}

impl Better {
    pub fn as_str(self) -> &'static str {
        match self {
            Better::Higher => "higher",
            Better::Lower => "lower",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "higher" => Some(Better::Higher),
            "lower" => Some(Better::Lower),
            _ => None,
        }
    }
}

/// A target to follow: a number with a unit, or a milestone.
///
/// `task`, `row` and `unit` repeat across indicators (ten indicators a
/// task, a few units in all): the loader shares one `Arc<str>` per distinct
/// text of a plan instead of a `String` per indicator (issue 12, plan
/// memory). They read as `&str` (`&ind.task`, `ind.unit.as_deref()`).
/// The id, name and source are one text each indicator keeps in one
/// allocation, read with [`Indicator::id`], [`Indicator::name`],
/// [`Indicator::source`]; an indicator is made with [`Indicator::from`] a
/// [`NewIndicator`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indicator {
    /// `id`, `name` and `source` one after the other.
    texts: Box<str>,
    /// Where `name` and `source` start in `texts`.
    name_at: u32,
    source_at: u32,
    pub task: Arc<str>,
    pub row: Arc<str>,
    pub unit: Option<Arc<str>>,
    pub comparison: Comparison,
    pub target: Option<Decimal>,
    pub stretch: Option<Decimal>,
    pub better: Better,
    pub deadline: i32,
    /// How its values are read over time (`level`, `cumulative`, `rate`,
    /// `annual`, `milestone`): the `kind` column, or from the comparison
    /// when it is not given (see docs/data.md).
    pub kind: Kind,
}

/// An indicator's fields, to make one ([`Indicator::from`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewIndicator<'a> {
    pub id: &'a str,
    pub task: Arc<str>,
    pub row: Arc<str>,
    pub name: &'a str,
    pub unit: Option<Arc<str>>,
    pub comparison: Comparison,
    pub target: Option<Decimal>,
    pub stretch: Option<Decimal>,
    pub better: Better,
    pub deadline: i32,
    pub source: &'a str,
    pub kind: Kind,
}

impl From<NewIndicator<'_>> for Indicator {
    fn from(n: NewIndicator<'_>) -> Self {
        let mut texts = String::with_capacity(n.id.len() + n.name.len() + n.source.len());
        texts.push_str(n.id);
        texts.push_str(n.name);
        texts.push_str(n.source);
        // Texts of more than 4 GB are not plan texts; cut there.
        let at = |l: usize| u32::try_from(l).unwrap_or(u32::MAX);
        Indicator {
            name_at: at(n.id.len()),
            source_at: at(n.id.len() + n.name.len()),
            texts: texts.into_boxed_str(),
            task: n.task,
            row: n.row,
            unit: n.unit,
            comparison: n.comparison,
            target: n.target,
            stretch: n.stretch,
            better: n.better,
            deadline: n.deadline,
            kind: n.kind,
        }
    }
}

impl Indicator {
    /// The id: `TASK.N`.
    pub fn id(&self) -> &str {
        self.texts.get(..self.name_at as usize).unwrap_or("")
    }

    /// The name people read (生态环境建设项目).
    pub fn name(&self) -> &str {
        let (a, b) = (self.name_at as usize, self.source_at as usize);
        self.texts.get(a..b).unwrap_or("")
    }

    /// The words of the document it was read from.
    pub fn source(&self) -> &str {
        self.texts.get(self.source_at as usize..).unwrap_or("")
    }

    /// Its id, name and source as one text, and where the name and the
    /// source start in it (the snapshot keeps them so).
    pub(super) fn joined(&self) -> (&str, [u32; 2]) {
        (&self.texts, [self.name_at, self.source_at])
    }

    /// An indicator of `fields` whose id, name and source are `texts` cut
    /// at `at` (the fields' own are not used); `None` when `at` does not
    /// cut `texts` at two character boundaries in order.
    pub(super) fn from_joined(
        texts: Box<str>,
        at: [u32; 2],
        fields: NewIndicator<'_>,
    ) -> Option<Indicator> {
        let [a, b] = at.map(|x| x as usize);
        let cuts = a <= b && texts.is_char_boundary(a) && texts.is_char_boundary(b);
        cuts.then(|| Indicator {
            texts,
            name_at: at[0],
            source_at: at[1],
            ..Indicator::from(fields)
        })
    }

    /// Its fields, as it was made from.
    pub fn fields(&self) -> NewIndicator<'_> {
        NewIndicator {
            id: self.id(),
            task: Arc::clone(&self.task),
            row: Arc::clone(&self.row),
            name: self.name(),
            unit: self.unit.clone(),
            comparison: self.comparison,
            target: self.target,
            stretch: self.stretch,
            better: self.better,
            deadline: self.deadline,
            source: self.source(),
            kind: self.kind,
        }
    }
}

impl Indicator {
    pub fn is_milestone(&self) -> bool {
        self.comparison == Comparison::Done
    }

    /// True when the indicator's unit is a percentage.
    pub fn is_percent(&self) -> bool {
        self.unit.as_deref() == Some("%")
    }

    /// The comparison, number and unit as people read them: `>= 500 亿元`,
    /// `~ 80%`, `<= 2`. `None` for a milestone, which has no number.
    pub fn target_text(&self) -> Option<String> {
        let target = self.target?;
        let mut s = format!("{} {}", self.comparison, target.normalize());
        if let Some(u) = self.unit.as_deref() {
            if u != "%" {
                s.push(' ');
            }
            s.push_str(u);
        }
        Some(s)
    }
}

/// The whole plan with lookup indexes. Built only by [`crate::plan::load`]
/// or [`Plan::new`], which check references.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The years the plan runs (this plan: 2021–2025).
    pub period: PlanPeriod,
    /// What the plan's files left out and the loader filled in.
    pub defaults: Defaults,
    pub groups: Vec<Group>,
    pub tasks: Vec<Task>,
    pub rows: Vec<Row>,
    pub indicators: Vec<Indicator>,
    task_index: HashMap<String, usize>,
    row_index: HashMap<String, usize>,
    /// Positions of the indicators sorted by id, the first of equal ids
    /// only: found by binary search, without a copy of each id (a hashed
    /// index cloned 100,000 ids at province size).
    indicator_index: Vec<u32>,
    /// By task position: the positions of its rows, of its indicators.
    rows_by_task: ByTask,
    indicators_by_task: ByTask,
    /// The districts of a city's plan, in order ([`crate::city::merge`]);
    /// empty for one district's plan.
    pub districts: Vec<District>,
}

/// One district of a city's plan (several districts' plans in one, ids
/// qualified by the district: `乌当区:8.1`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct District {
    pub name: String,
    /// Its groups (positions in [`Plan::groups`]; the headline group
    /// 总体目标 first when it has tasks).
    pub groups: std::ops::Range<usize>,
    /// The number the district's own plan gives each of those groups
    /// (`0`: 总体目标), for [`Plan::group_label`].
    pub numbers: Vec<u32>,
    /// Its tasks and indicators (positions in [`Plan::tasks`],
    /// [`Plan::indicators`]).
    pub tasks: std::ops::Range<usize>,
    pub indicators: std::ops::Range<usize>,
}

/// `district:id`, an id where two districts' plans meet.
pub fn qualified(district: &str, id: &str) -> String {
    format!("{district}:{id}")
}

/// The district and the district's own id of a qualified id.
pub fn split_qualified(id: &str) -> Option<(&str, &str)> {
    id.split_once(':')
}

/// Plans are equal when what they hold is (the lookup indexes follow
/// from it).
impl PartialEq for Plan {
    fn eq(&self, other: &Self) -> bool {
        self.period == other.period
            && self.defaults == other.defaults
            && self.groups == other.groups
            && self.tasks == other.tasks
            && self.rows == other.rows
            && self.indicators == other.indicators
            && self.districts == other.districts
    }
}

impl Eq for Plan {}

/// What the loader filled in because the plan's files did not say it
/// (a plan directory from the first release): `check` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Defaults {
    /// No `period.csv`: the period was derived from the deadlines
    /// ([`PlanPeriod::from_deadlines`]).
    pub period: bool,
    /// Indicators without a `kind` (no column, or an empty cell): their kind
    /// came from the comparison ([`Kind::from_comparison`]).
    pub kinds: usize,
}

impl Plan {
    /// Builds the indexes. Callers are expected to have validated ids
    /// (the loader does); duplicates keep the first occurrence. The period
    /// is derived from the deadlines and marked as defaulted; the loader
    /// sets the one the plan's files give.
    pub fn new(
        groups: Vec<Group>,
        tasks: Vec<Task>,
        rows: Vec<Row>,
        indicators: Vec<Indicator>,
    ) -> Self {
        let task_index = first_positions(tasks.iter().map(|t| &t.id));
        let indicator_index = sorted_by_id(&indicators);
        let task_of = |id: &str| task_index.get(id).copied();
        let indicators_by_task =
            ByTask::new(tasks.len(), indicators.iter().map(|i| task_of(&i.task)));
        let rows_by_task = ByTask::new(tasks.len(), rows.iter().map(|r| task_of(&r.task)));
        let parts = Parts {
            groups,
            tasks,
            rows,
            indicators,
        };
        Plan::with_indexes(
            parts,
            task_index,
            indicator_index,
            [rows_by_task, indicators_by_task],
        )
    }

    /// A plan of `parts` with its indexes given (the snapshot keeps what
    /// costs most to build: the indicators sorted by id, each task's rows
    /// and indicators); the id maps of tasks and rows are built.
    fn with_indexes(
        parts: Parts,
        task_index: HashMap<String, usize>,
        indicator_index: Vec<u32>,
        [rows_by_task, indicators_by_task]: [ByTask; 2],
    ) -> Plan {
        let Parts {
            groups,
            tasks,
            rows,
            indicators,
        } = parts;
        let row_index = first_positions(rows.iter().map(|r| &r.id));
        let period = PlanPeriod::from_deadlines(indicators.iter().map(|i| i.deadline));
        Plan {
            period,
            defaults: Defaults {
                period: true,
                kinds: 0,
            },
            groups,
            tasks,
            rows,
            indicators,
            task_index,
            row_index,
            indicator_index,
            rows_by_task,
            indicators_by_task,
            districts: Vec::new(),
        }
    }

    /// The indexes the snapshot keeps: the indicators' positions by id,
    /// each task's rows and indicators.
    pub(super) fn kept_indexes(&self) -> (&[u32], [&ByTask; 2]) {
        (
            &self.indicator_index,
            [&self.rows_by_task, &self.indicators_by_task],
        )
    }

    /// A plan of `parts` with the indexes the snapshot kept, when they fit
    /// it (every position in range, each task's runs in order): never a
    /// plan whose lookups would index out of its lists.
    pub(super) fn from_kept(
        parts: Parts,
        indicator_index: Vec<u32>,
        by_task: [ByTask; 2],
    ) -> Option<Plan> {
        let n = parts.indicators.len();
        let tasks = parts.tasks.len();
        let fits = indicator_index.iter().all(|&p| (p as usize) < n)
            && by_task[0].fits(tasks, parts.rows.len())
            && by_task[1].fits(tasks, n);
        if !fits {
            return None;
        }
        let task_index = first_positions(parts.tasks.iter().map(|t| &t.id));
        Some(Plan::with_indexes(
            parts,
            task_index,
            indicator_index,
            by_task,
        ))
    }

    pub fn task(&self, id: &str) -> Option<&Task> {
        self.task_index.get(id).map(|&i| &self.tasks[i])
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicator_pos(id).map(|i| &self.indicators[i])
    }

    /// Position of an indicator in [`Plan::indicators`].
    pub fn indicator_pos(&self, id: &str) -> Option<usize> {
        let ids = &self.indicator_index;
        let found = ids.binary_search_by(|&p| self.indicators[p as usize].id().cmp(id));
        found.ok().map(|k| ids[k] as usize)
    }

    /// Position of a task in [`Plan::tasks`].
    pub fn task_pos(&self, id: &str) -> Option<usize> {
        self.task_index.get(id).copied()
    }

    pub fn group(&self, id: u32) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// A group's label as its plan writes it (（一）…, 总体目标): in a
    /// city's plan, by the number its district's plan gave it.
    pub fn group_label(&self, id: u32) -> String {
        if self.districts.is_empty() {
            return group_label(id);
        }
        let number = self.district_of_group(id).and_then(|k| {
            let d = &self.districts[k];
            let p = self
                .groups
                .iter()
                .skip(d.groups.start)
                .position(|g| g.id == id)?;
            d.numbers.get(p).copied()
        });
        number.map_or_else(|| group_label(id), group_label)
    }

    /// Whether group `id` is a 总体目标 (task `0`'s): group 0, or in a
    /// city's plan a district's group its plan numbered 0.
    pub fn is_headline(&self, id: u32) -> bool {
        if self.districts.is_empty() {
            return id == HEADLINE_GROUP;
        }
        self.district_of_group(id).is_some_and(|k| {
            let d = &self.districts[k];
            self.groups.get(d.groups.start).is_some_and(|g| g.id == id)
                && d.numbers.first() == Some(&0)
        })
    }

    /// The district (position in [`Plan::districts`]) of a group of a
    /// city's plan.
    pub fn district_of_group(&self, id: u32) -> Option<usize> {
        if self.districts.is_empty() {
            return None;
        }
        // A city's groups are numbered 1, 2, … in order: found at once.
        let p = (id as usize)
            .checked_sub(1)
            .filter(|&p| self.groups.get(p).is_some_and(|g| g.id == id))
            .or_else(|| self.groups.iter().position(|g| g.id == id))?;
        self.district_at(p, |d| &d.groups)
    }

    /// The district of a task (by plan position) of a city's plan.
    pub fn district_of_task(&self, pos: usize) -> Option<usize> {
        self.district_at(pos, |d| &d.tasks)
    }

    /// The district of an indicator (by plan position) of a city's plan.
    pub fn district_of_indicator(&self, pos: usize) -> Option<usize> {
        self.district_at(pos, |d| &d.indicators)
    }

    /// The district whose range (`of`) holds `pos`: the ranges follow one
    /// another, so by binary search.
    fn district_at(
        &self,
        pos: usize,
        of: impl Fn(&District) -> &std::ops::Range<usize>,
    ) -> Option<usize> {
        let k = self.districts.partition_point(|d| of(d).end <= pos);
        self.districts
            .get(k)
            .filter(|d| of(d).contains(&pos))
            .map(|_| k)
    }

    /// An id as shown under its district: without the district (a city's
    /// plan), else as it is.
    pub fn local_id<'a>(&self, id: &'a str) -> &'a str {
        if self.districts.is_empty() {
            return id;
        }
        split_qualified(id).map_or(id, |(_, local)| local)
    }

    /// The accountability rows of a task, annex order.
    pub fn rows_of(&self, task: &str) -> impl Iterator<Item = &Row> {
        self.by_task(&self.rows_by_task, task)
            .iter()
            .map(|&i| &self.rows[i])
    }

    fn by_task<'a>(&self, lists: &'a ByTask, task: &str) -> &'a [usize] {
        let pos = self.task_index.get(task);
        pos.map_or(&[], |&t| lists.of(t))
    }

    /// Positions in [`Plan::indicators`] of a task's indicators, id order.
    pub fn indicator_positions_of(&self, task: &str) -> &[usize] {
        self.by_task(&self.indicators_by_task, task)
    }

    /// The indicators of a task, id order.
    pub fn indicators_of(&self, task: &str) -> impl Iterator<Item = &Indicator> {
        self.indicator_positions_of(task)
            .iter()
            .map(|&i| &self.indicators[i])
    }

    /// The tasks of a group, file order.
    pub fn tasks_in(&self, group: u32) -> impl Iterator<Item = &Task> {
        self.tasks.iter().filter(move |t| t.group == group)
    }

    /// Leaders of a task across its rows, annex order, de-duplicated.
    pub fn task_leaders(&self, task: &str) -> Vec<String> {
        dedup(self.rows_of(task).flat_map(|r| r.leaders.iter().cloned()))
    }

    /// Units of a task across its annex rows, annex order, de-duplicated.
    pub fn task_units(&self, task: &str) -> Vec<String> {
        dedup(
            self.rows_of(task)
                .flat_map(|r| r.owners.iter().map(|o| o.unit.clone())),
        )
    }

    /// Persons of a task across its annex rows, annex order, de-duplicated.
    pub fn task_persons(&self, task: &str) -> Vec<String> {
        dedup(
            self.rows_of(task)
                .flat_map(|r| r.owners.iter().map(|o| o.person.clone())),
        )
    }

    /// Every leader of the plan, first-appearance order.
    pub fn leaders(&self) -> Vec<String> {
        dedup(self.rows.iter().flat_map(|r| r.leaders.iter().cloned()))
    }

    /// Every unit named in the annex, first-appearance order.
    pub fn units(&self) -> Vec<String> {
        dedup(
            self.rows
                .iter()
                .flat_map(|r| r.owners.iter().map(|o| o.unit.clone())),
        )
    }

    /// Every person named in the annex, first-appearance order.
    pub fn persons(&self) -> Vec<String> {
        dedup(
            self.rows
                .iter()
                .flat_map(|r| r.owners.iter().map(|o| o.person.clone())),
        )
    }

    /// The row an indicator belongs to.
    pub fn row(&self, id: &str) -> Option<&Row> {
        self.row_index.get(id).map(|&i| &self.rows[i])
    }
}

/// A plan's lists, before its indexes are built.
pub(super) struct Parts {
    pub(super) groups: Vec<Group>,
    pub(super) tasks: Vec<Task>,
    pub(super) rows: Vec<Row>,
    pub(super) indicators: Vec<Indicator>,
}

/// Each id's first position.
fn first_positions<'a>(ids: impl ExactSizeIterator<Item = &'a String>) -> HashMap<String, usize> {
    let mut index = HashMap::with_capacity(ids.len());
    for (i, id) in ids.enumerate() {
        index.entry(id.clone()).or_insert(i);
    }
    index
}

/// By task position, the positions of its items (rows, indicators) in
/// order: one flat list and where each task's run starts, instead of a
/// list per task (20,000 allocations at province size).
#[derive(Debug, Clone, Default)]
pub(super) struct ByTask {
    pub(super) starts: Vec<usize>,
    pub(super) items: Vec<usize>,
}

impl ByTask {
    /// From the task position of each item (`None`: no task).
    fn new(tasks: usize, task_of: impl Iterator<Item = Option<usize>> + Clone) -> Self {
        let mut starts = vec![0; tasks + 1];
        for t in task_of.clone().flatten() {
            if let Some(s) = starts.get_mut(t + 1) {
                *s += 1;
            }
        }
        for t in 1..starts.len() {
            starts[t] += starts[t - 1];
        }
        let mut next = starts.clone();
        let mut items = vec![0; starts.last().copied().unwrap_or(0)];
        for (i, t) in task_of.enumerate() {
            if let Some(at) = t.and_then(|t| next.get_mut(t)) {
                items[*at] = i;
                *at += 1;
            }
        }
        ByTask { starts, items }
    }

    /// True when it has a run for each of `tasks` tasks, the runs in
    /// order and every item a position below `items`.
    fn fits(&self, tasks: usize, items: usize) -> bool {
        self.starts.len() == tasks + 1
            && self.starts.first() == Some(&0)
            && self.starts.windows(2).all(|w| w[0] <= w[1])
            && self.starts.last() == Some(&self.items.len())
            && self.items.iter().all(|&i| i < items)
    }

    fn of(&self, task: usize) -> &[usize] {
        match (self.starts.get(task), self.starts.get(task + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// Positions sorted by id (stable: the first of equal ids first), equal
/// ids after the first dropped.
fn sorted_by_id(indicators: &[Indicator]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..indicators.len() as u32).collect();
    let id = |p: &u32| indicators[*p as usize].id();
    order.sort_unstable_by(|a, b| id(a).cmp(id(b)).then(a.cmp(b)));
    order.dedup_by(|later, first| id(later) == id(first));
    order
}

fn dedup(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    items.filter(|s| seen.insert(s.clone())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_by_task_keep_their_order() {
        let tasks = [Some(2), None, Some(0), Some(2), Some(0), Some(9)];
        let by = ByTask::new(3, tasks.iter().copied());
        assert_eq!(by.of(0), [2, 4]);
        assert_eq!(by.of(1), [] as [usize; 0]);
        assert_eq!(by.of(2), [0, 3]);
        assert_eq!(by.of(3), [] as [usize; 0]);
    }

    #[test]
    fn a_kind_from_the_comparison() {
        assert_eq!(Kind::from_comparison(Comparison::Done), Kind::Milestone);
        for c in [Comparison::AtLeast, Comparison::AtMost, Comparison::About] {
            assert_eq!(Kind::from_comparison(c), Kind::Level);
        }
    }
}
