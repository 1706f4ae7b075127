//! Filters and the visible part of the plan they leave.
//!
//! Leader and unit filtering reuse the command line's
//! [`crate::plan::filter::Filter`], so `L 朱快春` shows exactly what
//! `wudang-plan tasks --leader zkc` lists. The visible set is recomputed
//! only when a filter changes (one pass over tasks and indicators), never
//! while drawing, and when the data change (statuses and paces first).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use jiff::civil::Date;

use super::people::People;
use super::search::{Hits, Index};
use crate::ledger::Status;
use crate::pace::{Light, LightCounts};
use crate::plan::filter::Filter;
use crate::plan::{Plan, Row};
use crate::ui::data::{Class, Counts, Pace};

/// The `S` picker's second kind of filter: a light, or 逾期未报.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LightFilter {
    Light(Light),
    /// The current actual's period ended more than a quarter ago
    /// ([`Pace::stale`]).
    Stale,
}

/// What the filters judge indicators by, in [`Plan::indicators`] order:
/// statuses, paces, and the date a value turns stale; and the three in one
/// byte per indicator ([`marks`], empty: worked out from the others).
#[derive(Debug, Clone, Copy)]
pub struct Judged<'a> {
    pub statuses: &'a [Status],
    pub paces: &'a [Pace],
    pub today: Date,
    pub marks: &'a [Mark],
    /// The plan's tree order worked out once ([`Order`]); `None`: worked
    /// out on each [`compute`].
    pub order: Option<&'a Order>,
}

/// The plan in tree order, worked out once per plan: the tasks of each
/// group, and each task's indicator positions in one flat list. The
/// visible set walks these two arrays instead of looking each task's
/// indicators up by id (a hash and a pointer chase per task, which cost
/// most of a pass at 10,000 tasks).
#[derive(Debug, Clone, Default)]
pub struct Order {
    groups: Vec<(u32, Vec<usize>)>,
    /// Indicator positions, task after task.
    flat: Vec<usize>,
    /// Per task (plan position): its range in `flat`.
    spans: Vec<Range<usize>>,
    /// The tasks each leader and unit filter can show, worked out on the
    /// first such filter (or by [`Order::warm`] after the first frame).
    people: OnceLock<People>,
}

impl Order {
    pub fn new(plan: &Plan) -> Self {
        let mut flat = Vec::with_capacity(plan.indicators.len());
        let spans = plan
            .tasks
            .iter()
            .map(|t| {
                let start = flat.len();
                flat.extend_from_slice(plan.indicator_positions_of(&t.id));
                start..flat.len()
            })
            .collect();
        Order {
            groups: tree_order(plan),
            flat,
            spans,
            people: OnceLock::new(),
        }
    }

    /// The leader and unit lists of `plan` (the plan this order is of),
    /// worked out now if they are not yet.
    pub fn people(&self, plan: &Plan) -> &People {
        self.people.get_or_init(|| People::new(plan, &self.groups))
    }

    /// Works out what the first leader or unit filter would (the run loop
    /// calls it once the first frame is on screen).
    pub fn warm(&self, plan: &Plan) {
        self.people(plan);
    }

    /// The indicator positions of the task at plan position `pos`.
    fn inds(&self, pos: usize) -> &[usize] {
        self.spans.get(pos).map_or(&[], |r| &self.flat[r.clone()])
    }
}

/// An indicator's status, light and 逾期未报 in one byte: the visible set
/// reads 100 KB for 100,000 indicators instead of every [`Pace`] (a few
/// hundred bytes each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark(u8);

impl Mark {
    pub(crate) fn of(status: Status, light: Light, stale: bool) -> Self {
        let s = Status::ALL.iter().position(|&x| x == status).unwrap_or(0);
        let l = Light::ALL.iter().position(|&x| x == light).unwrap_or(0);
        Mark(s as u8 | (l as u8) << 3 | u8::from(stale) << 5)
    }

    pub(crate) fn status(self) -> Status {
        Status::ALL[usize::from(self.0 & 7) % Status::ALL.len()]
    }

    pub(crate) fn light(self) -> Light {
        Light::ALL[usize::from(self.0 >> 3 & 3)]
    }

    pub(crate) fn stale(self) -> bool {
        self.0 & 32 != 0
    }
}

/// The [`Mark`] of every indicator (when statuses or paces change).
pub fn marks(statuses: &[Status], paces: &[Pace], today: Date) -> Vec<Mark> {
    let slow = Judged {
        statuses,
        paces,
        today,
        marks: &[],
        order: None,
    };
    (0..statuses.len().max(paces.len()))
        .map(|ip| Mark::of(slow.status(ip), slow.light(ip), slow.stale(ip)))
        .collect()
}

impl Judged<'_> {
    pub(crate) fn status(&self, ip: usize) -> Status {
        match self.marks.get(ip) {
            Some(m) => m.status(),
            None => self.statuses.get(ip).copied().unwrap_or(Status::NoData),
        }
    }

    pub(crate) fn light(&self, ip: usize) -> Light {
        match self.marks.get(ip) {
            Some(m) => m.light(),
            None => self.paces.get(ip).map_or(Light::Gray, Pace::light),
        }
    }

    pub(crate) fn stale(&self, ip: usize) -> bool {
        match self.marks.get(ip) {
            Some(m) => m.stale(),
            None => self.paces.get(ip).is_some_and(|p| p.stale(self.today)),
        }
    }

    /// True when indicator `ip` passes the light filter `f`.
    fn lit(&self, ip: usize, f: LightFilter) -> bool {
        match f {
            LightFilter::Light(l) => self.light(ip) == l,
            LightFilter::Stale => self.stale(ip),
        }
    }
}

/// The active filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub leader: Option<String>,
    pub unit: Option<String>,
    pub class: Option<Class>,
    /// A light or 逾期未报 (with a status filter, both must hold).
    pub light: Option<LightFilter>,
    /// A search kept with Enter (or being typed).
    pub search: Option<String>,
}

impl Filters {
    pub fn any(&self) -> bool {
        self.leader.is_some()
            || self.unit.is_some()
            || self.class.is_some()
            || self.light.is_some()
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
    /// Lights of its visible indicators: the task's light is their worst.
    pub lights: LightCounts,
    /// Of its visible indicators, how many are 逾期未报.
    pub stale: usize,
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
    pub lights: LightCounts,
    pub stale: usize,
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

    /// The range in `tasks` of district `d`'s visible tasks (a city's
    /// plan): its groups are one run of [`Visible::groups`].
    pub fn district_range(&self, plan: &Plan, d: usize) -> Option<Range<usize>> {
        let of = |(g, _): &(u32, Range<usize>)| plan.district_of_group(*g) == Some(d);
        let first = self.groups.iter().position(of)?;
        let last = self.groups.iter().rposition(of)?;
        Some(self.groups[first].1.start..self.groups[last].1.end)
    }

    /// Status counts, light counts and stale count of district `d`'s
    /// visible tasks.
    pub fn district_counts(&self, plan: &Plan, d: usize) -> (Counts, LightCounts, usize) {
        self.counts_of(self.district_range(plan, d))
    }

    /// Status counts, light counts and stale count of group `group`'s
    /// visible tasks.
    pub fn group_counts(&self, group: u32) -> (Counts, LightCounts, usize) {
        self.counts_of(self.group_range(group))
    }

    fn counts_of(&self, range: Option<Range<usize>>) -> (Counts, LightCounts, usize) {
        let mut out = (Counts::default(), LightCounts::default(), 0);
        for t in range.map_or(&[][..], |r| &self.tasks[r]) {
            out.0 += t.counts;
            add_lights(&mut out.1, &t.lights);
            out.2 += t.stale;
        }
        out
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

/// What a search hits: tasks by plan position, indicators by plan
/// position (the rule is in `search`).
pub(crate) trait Searched {
    fn task(&self, plan: &Plan, pos: usize) -> bool;
    fn indicator(&self, plan: &Plan, ip: usize) -> bool;
}

/// A search answered from the index.
struct Found<'a> {
    index: &'a Index,
    hits: &'a Hits,
}

impl Searched for Found<'_> {
    fn task(&self, plan: &Plan, pos: usize) -> bool {
        self.hits.task(plan, pos)
    }

    fn indicator(&self, plan: &Plan, ip: usize) -> bool {
        self.hits.indicator(self.index, plan, ip)
    }
}

/// The indicators of a task (`inds`) the people, status and light filters
/// leave (plan positions), pushed onto `out`. `rows`: the task's rows the
/// people filter shows (`None` without one). `keep`: the search, when it
/// does not hit the task itself (only the indicators it hits stay).
fn task_inds(
    plan: &Plan,
    inds: &[usize],
    rows: Option<&[&Row]>,
    (j, f): (&Judged, &Filters),
    keep: Option<&dyn Searched>,
    out: &mut Vec<usize>,
) {
    if rows.is_none() && f.class.is_none() && f.light.is_none() && keep.is_none() {
        out.extend_from_slice(inds);
        return;
    }
    for &ip in inds {
        if let Some(rows) = rows
            && !rows.iter().any(|r| *r.id == *plan.indicators[ip].row)
        {
            continue;
        }
        if f.class.is_some_and(|c| c != Class::of(j.status(ip))) {
            continue;
        }
        if f.light.is_some_and(|l| !j.lit(ip, l)) {
            continue;
        }
        if keep.is_some_and(|k| !k.indicator(plan, ip)) {
            continue;
        }
        out.push(ip);
    }
}

/// A visible task: its indicators `start..` of `v.inds`, counted.
fn vis_task(pos: usize, v: &Visible, start: usize, j: &Judged) -> VisTask {
    let mut t = VisTask {
        pos,
        inds: start..v.inds.len(),
        counts: Counts::default(),
        lights: LightCounts::default(),
        stale: 0,
    };
    for &ip in &v.inds[start..] {
        t.counts.add(j.status(ip));
        t.lights.add(j.light(ip));
        t.stale += usize::from(j.stale(ip));
    }
    t
}

/// `a += b` for light counts.
pub fn add_lights(a: &mut LightCounts, b: &LightCounts) {
    a.red += b.red;
    a.yellow += b.yellow;
    a.green += b.green;
    a.gray += b.gray;
}

/// Applies `f` to the plan, judging indicators by `j` (one pass over tasks
/// and indicators). The search is answered from `index`, by `hits` when
/// they are the hits of `f`'s search (else it is searched now).
pub fn compute(
    plan: &Plan,
    j: &Judged,
    f: &Filters,
    index: &Index,
    hits: Option<&Hits>,
) -> Visible {
    let fresh;
    let hits = match search_of(f) {
        None => None,
        Some(s) => match hits.filter(|h| h.search() == s) {
            Some(h) => Some(h),
            None => {
                fresh = index.search(plan, s, None);
                Some(&fresh)
            }
        },
    };
    let found = hits.map(|hits| Found { index, hits });
    visible(plan, j, f, found.as_ref().map(|f| f as &dyn Searched))
}

/// The search of `f` as it is matched: trimmed, `None` when empty.
pub fn search_of(f: &Filters) -> Option<&str> {
    f.search.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// [`compute`] with the search's hits given by `found`.
pub(crate) fn visible(
    plan: &Plan,
    j: &Judged,
    f: &Filters,
    found: Option<&dyn Searched>,
) -> Visible {
    walk(plan, j, f, found, true)
}

/// The visible set: with a leader or unit filter and `by_lists`, over the
/// tasks the filter can show ([`People::candidates`]); else over every
/// task (the plain scan the lists must agree with).
pub(super) fn walk(
    plan: &Plan,
    j: &Judged,
    f: &Filters,
    found: Option<&dyn Searched>,
    by_lists: bool,
) -> Visible {
    let own;
    let order = match j.order {
        Some(o) => o,
        None => {
            own = Order::new(plan);
            &own
        }
    };
    let mut w = Walk {
        plan,
        j,
        f,
        found,
        order,
        people: (f.leader.is_some() || f.unit.is_some()).then(|| f.people()),
        v: Visible::default(),
        group: None,
    };
    // The lists are worked out on the first people filter, not before.
    let lists = (by_lists && w.people.is_some()).then(|| order.people(plan));
    match lists.and_then(|p| Some((p, p.candidates(f.leader.as_deref(), f.unit.as_deref())?))) {
        Some((people, ranks)) => {
            for &rank in ranks.iter() {
                let (group, pos) = people.task(rank);
                w.task(group, pos);
            }
        }
        None => {
            for (group, tasks) in &order.groups {
                for &pos in tasks {
                    w.task(*group, pos);
                }
            }
        }
    }
    w.close_group();
    w.v
}

/// The visible set being built, task by task in tree order.
struct Walk<'a, 'p> {
    plan: &'p Plan,
    j: &'a Judged<'a>,
    f: &'a Filters,
    found: Option<&'a dyn Searched>,
    order: &'a Order,
    /// The people filter (`None` without a leader or unit filter).
    people: Option<Filter>,
    v: Visible,
    /// The group of the tasks walked since the last group closed, and
    /// where its tasks start in `v.tasks`.
    group: Option<(u32, usize)>,
}

impl Walk<'_, '_> {
    /// Ends the current group's range (when it has visible tasks).
    fn close_group(&mut self) {
        if let Some((group, first)) = self.group.take()
            && self.v.tasks.len() > first
        {
            self.v.groups.push((group, first..self.v.tasks.len()));
        }
    }

    /// Task `pos` of `group`, shown when the filters leave it.
    fn task(&mut self, group: u32, pos: usize) {
        if self.group.is_none_or(|(g, _)| g != group) {
            self.close_group();
            self.group = Some((group, self.v.tasks.len()));
        }
        let (plan, j, f) = (self.plan, self.j, self.f);
        let task = &plan.tasks[pos];
        // The rule of `plan::filter`: the rows the people filter shows
        // (one lookup and one pass over the task's rows).
        let rows = match &self.people {
            Some(people) => {
                let Some(rows) = people.shown(plan, task) else {
                    return;
                };
                Some(rows)
            }
            None => None,
        };
        let v = &mut self.v;
        let start = v.inds.len();
        let inds = self.order.inds(pos);
        // A search that does not hit the task keeps the indicators it hits.
        let keep = self.found.filter(|found| !found.task(plan, pos));
        task_inds(plan, inds, rows.as_deref(), (j, f), keep, &mut v.inds);
        // Left with no indicator by a status, light or search filter: not
        // shown (a task a people filter shows without indicators is).
        let narrowing = f.class.is_some() || f.light.is_some() || keep.is_some();
        if narrowing && v.inds.len() == start {
            return;
        }
        let t = vis_task(pos, v, start, j);
        v.counts += t.counts;
        add_lights(&mut v.lights, &t.lights);
        v.stale += t.stale;
        v.tasks.push(t);
    }
}

/// Indicator counts per class under `f` with its status filter ignored,
/// and per light and stale with its light filter ignored (for the `S`
/// picker: how many each choice would list). `shown` is the visible set
/// under `f`: a filter `f` does not set ignores nothing, so its counts are
/// `shown`'s (no pass over the plan).
pub fn pick_counts(
    plan: &Plan,
    j: &Judged,
    f: &Filters,
    index: &Index,
    hits: Option<&Hits>,
    shown: &Visible,
) -> (Counts, LightCounts, usize) {
    let without = |g: Filters| compute(plan, j, &g, index, hits);
    let classes = match f.class {
        None => shown.counts,
        Some(_) => {
            without(Filters {
                class: None,
                ..f.clone()
            })
            .counts
        }
    };
    let (lights, stale) = match f.light {
        None => (shown.lights, shown.stale),
        Some(_) => {
            let v = without(Filters {
                light: None,
                ..f.clone()
            });
            (v.lights, v.stale)
        }
    };
    (classes, lights, stale)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        crate::plan::load_embedded().unwrap()
    }

    /// `compute` with statuses only (no paces: every light gray).
    fn run(plan: &Plan, st: &[Status], f: &Filters) -> Visible {
        let j = Judged {
            statuses: st,
            paces: &[],
            today: jiff::civil::date(2025, 6, 30),
            marks: &[],
            order: None,
        };
        compute(plan, &j, f, &Index::new(plan), None)
    }

    fn ids(plan: &Plan, v: &Visible) -> Vec<String> {
        v.tasks
            .iter()
            .map(|t| plan.tasks[t.pos].id.clone())
            .collect()
    }

    /// Every status, light and 逾期未报 comes back out of its byte.
    #[test]
    fn a_mark_keeps_status_light_and_stale() {
        for st in Status::ALL {
            for l in Light::ALL {
                for stale in [false, true] {
                    let m = Mark::of(st, l, stale);
                    assert_eq!((m.status(), m.light(), m.stale()), (st, l, stale));
                }
            }
        }
    }

    #[test]
    fn no_filter_shows_everything_in_tree_order() {
        let p = plan();
        let st = vec![Status::NoData; p.indicators.len()];
        let v = run(&p, &st, &Filters::default());
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
        let v = run(&p, &st, &f);
        assert_eq!(
            ids(&p, &v),
            [
                "0", "1", "2", "3", "4", "5", "6", "8", "15", "16", "17", "19", "21", "23"
            ]
        );
        // task 0: only his headline rows H6, H8, H9
        let t0: Vec<&str> = v.inds[v.tasks[0].inds.clone()]
            .iter()
            .map(|&i| p.indicators[i].id())
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
        let v = run(&p, &st, &f);
        assert!(ids(&p, &v).contains(&"8".to_string()));
        let f = Filters {
            search: Some("gyzcz".into()),
            ..Filters::default()
        };
        let v = run(&p, &st, &f);
        let names: Vec<&str> = v.inds.iter().map(|&i| p.indicators[i].name()).collect();
        assert!(names.contains(&"工业总产值"), "{names:?}");
        let f = Filters {
            search: Some("zqzzzzz".into()),
            ..Filters::default()
        };
        assert!(run(&p, &st, &f).tasks.is_empty());
    }
}
