//! The report's content, computed once from the plan, the ledger (as
//! [`Facts`]: the statuses and paces the commands show) and today, for the
//! indicators in scope: tallies per group, leader and unit, and the lists
//! of indicators to look at. The renderers only lay it out.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::ledger::{Actual, Field, Stamp, Status};
use crate::pace::{Light, LightCounts};
use crate::plan::filter::Filter;
use crate::plan::{Indicator, Owner, Period, Plan, group_label};
use crate::report::{self, Counts, Facts, NoteKind, Pace};
use crate::vocab::{Lang, Wording};

/// What the report covers: `--leader` (a name the plan knows) and
/// `--group` (0 is 总体目标). Both shrink the whole report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    pub leader: Option<String>,
    pub group: Option<u32>,
}

impl Scope {
    /// The plan filter that selects the indicators in scope (the rule of
    /// `indicators --leader`: the indicators on the annex rows naming him).
    pub fn filter(&self) -> Filter {
        Filter {
            leader: self.leader.clone(),
            group: self.group,
            ..Filter::default()
        }
    }
}

/// Indicators per light and per status, and how many are 逾期未报.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub lights: LightCounts,
    pub counts: Counts,
    pub stale: usize,
}

impl Tally {
    fn add(&mut self, j: &Judged<'_>) {
        self.lights.add(j.pace.light());
        self.counts.add(j.status);
        self.stale += usize::from(j.stale);
    }

    pub fn total(&self) -> usize {
        self.counts.total()
    }
}

/// One row of a tally table: a group, a leader or a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub label: String,
    pub tally: Tally,
}

/// The lists of indicators to look at, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Red,
    Yellow,
    Missed,
    Stale,
    NoData,
    Stretch,
}

impl ListKind {
    pub const ALL: [ListKind; 6] = [
        ListKind::Red,
        ListKind::Yellow,
        ListKind::Missed,
        ListKind::Stale,
        ListKind::NoData,
        ListKind::Stretch,
    ];

    /// Whether an indicator belongs on this list (it may be on several:
    /// a missed indicator is red too).
    fn holds(self, j: &Judged<'_>) -> bool {
        match self {
            ListKind::Red => j.pace.light() == Light::Red,
            ListKind::Yellow => j.pace.light() == Light::Yellow,
            ListKind::Missed => j.status == Status::Missed,
            ListKind::Stale => j.stale,
            ListKind::NoData => j.status == Status::NoData,
            ListKind::Stretch => j.status == Status::StretchMet,
        }
    }
}

/// Who last recorded an indicator's current actual, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    pub time: Stamp,
    pub user: String,
}

/// An indicator on a list, with everything the report says of it. Texts
/// are as the ledger and plan give them (not escaped: the renderers do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub name: String,
    pub task: String,
    pub task_title: String,
    /// `>= 500 亿元 (力争 550)`, 完成.
    pub target: String,
    /// `440 亿元`, 已完成; `None` when nothing is recorded.
    pub actual: Option<String>,
    pub period: Option<Period>,
    /// The expected value (序时进度) at the end of `period`, with the unit,
    /// to two decimals.
    pub expected: Option<String>,
    pub light: Light,
    pub status: Status,
    pub stale: bool,
    pub leaders: Vec<String>,
    pub owners: Vec<Owner>,
    pub updated: Option<Update>,
    pub note: Option<Note>,
}

/// The note shown with an indicator: its standing note, else the remark
/// recorded with its current value (as the UI shows them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub text: String,
    /// A remark recorded with the value (说明), not a standing note (备注).
    pub remark: bool,
}

/// One list: indices into [`Bulletin::items`], plan order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    pub kind: ListKind,
    pub items: Vec<usize>,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bulletin {
    pub lang: Lang,
    pub today: Date,
    pub scope: Scope,
    pub total: Tally,
    /// 总体目标 first, then the groups; only those with indicators in scope.
    pub groups: Vec<Line>,
    /// Plan order; only those with indicators in scope (under `--leader`,
    /// that leader only).
    pub leaders: Vec<Line>,
    /// Annex order; only those with indicators in scope.
    pub units: Vec<Line>,
    pub items: Vec<Item>,
    pub lists: Vec<List>,
}

/// An indicator in scope as of today: judged once, used everywhere.
struct Judged<'p> {
    ind: &'p Indicator,
    status: Status,
    pace: Pace,
    stale: bool,
}

/// Builds the report of the indicators in `scope`, in `lang`.
pub fn build(plan: &Plan, facts: &Facts<'_>, scope: &Scope, lang: Lang) -> Bulletin {
    let judged: Vec<Judged<'_>> = scope
        .filter()
        .indicators(plan)
        .into_iter()
        .map(|ind| {
            let pace = facts.pace(ind);
            Judged {
                ind,
                status: facts.status(ind),
                stale: pace.stale(facts.today),
                pace,
            }
        })
        .collect();
    let mut total = Tally::default();
    judged.iter().for_each(|j| total.add(j));
    let (items, lists) = lists(plan, facts, &judged, lang);
    Bulletin {
        lang,
        today: facts.today,
        scope: scope.clone(),
        total,
        groups: by_group(plan, &judged),
        leaders: by_leader(plan, &judged, scope.leader.as_deref()),
        units: by_unit(plan, &judged),
        items,
        lists,
    }
}

/// Groups in plan order (总体目标 first), with indicators in scope.
fn by_group(plan: &Plan, judged: &[Judged<'_>]) -> Vec<Line> {
    let mut lines: Vec<(u32, Line)> = std::iter::once(0)
        .chain(plan.groups.iter().map(|g| g.id))
        .map(|g| {
            let title = plan.group(g).map_or("", |x| x.title.as_str());
            let label = format!("{}{title}", group_label(g));
            (g, line(label))
        })
        .collect();
    let slot: HashMap<u32, usize> = lines
        .iter()
        .enumerate()
        .map(|(i, (g, _))| (*g, i))
        .collect();
    for j in judged {
        if let Some(&i) = plan.task(&j.ind.task).and_then(|t| slot.get(&t.group)) {
            lines[i].1.tally.add(j);
        }
    }
    shown(lines.into_iter().map(|(_, l)| l))
}

/// Leaders in plan order: each counts the indicators on the annex rows
/// naming him; under `--leader`, only that leader.
fn by_leader(plan: &Plan, judged: &[Judged<'_>], only: Option<&str>) -> Vec<Line> {
    let names: Vec<String> = plan
        .leaders()
        .into_iter()
        .filter(|l| only.is_none_or(|o| o == l))
        .collect();
    by_name(names, judged, |j| {
        plan.row(&j.ind.row)
            .map(|r| r.leaders.clone())
            .unwrap_or_default()
    })
}

/// Units in annex order: each counts the indicators on the annex rows
/// naming it.
fn by_unit(plan: &Plan, judged: &[Judged<'_>]) -> Vec<Line> {
    by_name(plan.units(), judged, |j| {
        let mut units: Vec<String> = plan
            .row(&j.ind.row)
            .map(|r| r.owners.iter().map(|o| o.unit.clone()).collect())
            .unwrap_or_default();
        units.dedup();
        units
    })
}

/// A line per name, each tallying the indicators `of` names it for, in
/// one pass; the names with none left out.
fn by_name(
    names: Vec<String>,
    judged: &[Judged<'_>],
    of: impl Fn(&Judged<'_>) -> Vec<String>,
) -> Vec<Line> {
    let slot: HashMap<String, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.clone(), i))
        .collect();
    let mut lines: Vec<Line> = names.into_iter().map(line).collect();
    for j in judged {
        let mut seen = Vec::new();
        for n in of(j) {
            if let Some(&i) = slot.get(&n)
                && !seen.contains(&i)
            {
                seen.push(i);
                lines[i].tally.add(j);
            }
        }
    }
    shown(lines.into_iter())
}

fn line(label: String) -> Line {
    Line {
        label,
        tally: Tally::default(),
    }
}

fn shown(lines: impl Iterator<Item = Line>) -> Vec<Line> {
    lines.filter(|l| l.tally.total() > 0).collect()
}

/// The items on any list, and the lists, in one pass (plan order).
fn lists(
    plan: &Plan,
    facts: &Facts<'_>,
    judged: &[Judged<'_>],
    lang: Lang,
) -> (Vec<Item>, Vec<List>) {
    let mut lists: Vec<List> = ListKind::ALL
        .into_iter()
        .map(|kind| List {
            kind,
            items: Vec::new(),
        })
        .collect();
    let mut items = Vec::new();
    for j in judged {
        let on: Vec<usize> = (0..lists.len())
            .filter(|&k| lists[k].kind.holds(j))
            .collect();
        if on.is_empty() {
            continue;
        }
        for k in on {
            lists[k].items.push(items.len());
        }
        items.push(item(plan, facts, j, lang));
    }
    (items, lists)
}

/// What the report says of one indicator.
fn item(plan: &Plan, facts: &Facts<'_>, j: &Judged<'_>, lang: Lang) -> Item {
    let ind = j.ind;
    let w = Wording::Lang(lang);
    let row = plan.row(&ind.row);
    let last = facts.ledger.current(ind.id(), Field::Actual);
    Item {
        id: ind.id().to_string(),
        name: ind.name().to_string(),
        task: ind.task.to_string(),
        task_title: plan
            .task(&ind.task)
            .map(|t| t.title.clone())
            .unwrap_or_default(),
        target: report::target_text(ind, true, w),
        actual: facts.actual(ind).map(|a| report::actual_text(ind, &a, w)),
        period: j.pace.period,
        expected: j.pace.expected().map(|d| {
            let d = Actual::Number(d.round_dp(2).normalize());
            report::actual_text(ind, &d, w)
        }),
        light: j.pace.light(),
        status: j.status,
        stale: j.stale,
        leaders: row.map(|r| r.leaders.clone()).unwrap_or_default(),
        owners: row.map(|r| r.owners.clone()).unwrap_or_default(),
        updated: last.map(|e| Update {
            time: e.time,
            user: e.user.clone(),
        }),
        note: facts.note_of(ind.id()).map(|(n, kind)| Note {
            text: n.text,
            remark: kind == NoteKind::Remark,
        }),
    }
}
