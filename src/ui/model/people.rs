//! Which tasks a leader or unit filter can show, worked out once per plan:
//! applying `L 朱快春` looks at the tasks the leader's rows are on, not at
//! every task of the plan (10,000 tasks and 20,000 rows at the province's
//! size, for the 50–100 a leader has).
//!
//! The lists give *candidates*: the tasks with a row naming the leader or
//! unit, or (for a unit) a body naming it. Whether a candidate is shown,
//! and which of its rows and indicators, is still the rule of
//! [`crate::plan::filter`], applied to the candidate alone; a task that is
//! not a candidate cannot match (no row names the leader, nor the unit,
//! nor does its body), so the visible set is the plain scan's.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::plan::Plan;

/// Per leader and per unit, the tree ranks (ascending) of the tasks a
/// filter on them can show; and each rank's group and plan position.
#[derive(Debug, Clone, Default)]
pub struct People {
    leaders: HashMap<String, Vec<u32>>,
    units: HashMap<String, Vec<u32>>,
    /// Per tree rank: the task's group and its position in `Plan::tasks`.
    tree: Vec<(u32, u32)>,
}

/// Appends `rank` to `name`'s list (ranks come in ascending order; a
/// name on several rows of one task is listed once).
fn add(map: &mut HashMap<String, Vec<u32>>, name: &str, rank: u32) {
    match map.get_mut(name) {
        Some(list) => {
            if list.last() != Some(&rank) {
                list.push(rank);
            }
        }
        None => {
            map.insert(name.to_string(), vec![rank]);
        }
    }
}

/// The ranks in both ascending lists, ascending.
fn both(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut k, mut out) = (0, 0, Vec::new());
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(k)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => k += 1,
            std::cmp::Ordering::Equal => {
                out.push(x);
                i += 1;
                k += 1;
            }
        }
    }
    out
}

impl People {
    /// The lists of `plan`, its tasks ranked in `tree` order (the visible
    /// set's: group by group, see `filter::tree_order`). One pass over
    /// the tasks and their rows.
    pub fn new(plan: &Plan, tree: &[(u32, Vec<usize>)]) -> Self {
        let mut p = People {
            tree: Vec::with_capacity(plan.tasks.len()),
            ..People::default()
        };
        for (group, tasks) in tree {
            for &pos in tasks {
                // u32: four billion tasks is far past any plan.
                let rank = p.tree.len() as u32;
                p.tree.push((*group, pos as u32));
                let task = &plan.tasks[pos];
                for r in plan.rows_of(&task.id) {
                    for l in &r.leaders {
                        add(&mut p.leaders, l, rank);
                    }
                    for o in &r.owners {
                        add(&mut p.units, &o.unit, rank);
                    }
                }
                for u in &task.units {
                    add(&mut p.units, u, rank);
                }
            }
        }
        p
    }

    /// The tree ranks (ascending) of the tasks a filter on `leader` and
    /// `unit` can show: those of both lists when both are set. `None`
    /// when neither is (every task can show).
    pub fn candidates(&self, leader: Option<&str>, unit: Option<&str>) -> Option<Cow<'_, [u32]>> {
        fn list<'m>(map: &'m HashMap<String, Vec<u32>>, name: &str) -> &'m [u32] {
            map.get(name).map_or(&[], Vec::as_slice)
        }
        match (leader, unit) {
            (None, None) => None,
            (Some(l), None) => Some(Cow::Borrowed(list(&self.leaders, l))),
            (None, Some(u)) => Some(Cow::Borrowed(list(&self.units, u))),
            (Some(l), Some(u)) => Some(Cow::Owned(both(
                list(&self.leaders, l),
                list(&self.units, u),
            ))),
        }
    }

    /// The group and plan position of the task of tree rank `rank`.
    pub fn task(&self, rank: u32) -> (u32, usize) {
        let (group, pos) = self.tree[rank as usize];
        (group, pos as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Status;
    use crate::plan::Row;
    use crate::plan::filter::ROWS_MATCHED;
    use crate::ui::data::Class;
    use crate::ui::model::filter::{Filters, Judged, Order, Searched, Visible, tree_order, walk};
    use crate::ui::model::search::{Hits, Index};

    fn plan() -> Plan {
        crate::plan::load_embedded().unwrap()
    }

    /// Every status in turn, so that status filters leave some of each.
    fn statuses(plan: &Plan) -> Vec<Status> {
        (0..plan.indicators.len())
            .map(|i| Status::ALL[i % Status::ALL.len()])
            .collect()
    }

    fn judged<'a>(st: &'a [Status], order: &'a Order) -> Judged<'a> {
        Judged {
            statuses: st,
            paces: &[],
            today: jiff::civil::date(2025, 6, 30),
            marks: &[],
            order: Some(order),
        }
    }

    /// A search answered from the index (as `filter::compute` does).
    struct Found<'a>(&'a Index, &'a Hits);

    impl Searched for Found<'_> {
        fn task(&self, plan: &Plan, pos: usize) -> bool {
            self.1.task(plan, pos)
        }

        fn indicator(&self, plan: &Plan, ip: usize) -> bool {
            self.1.indicator(self.0, plan, ip)
        }
    }

    /// The visible set by the lists and by the plain scan, which must be
    /// the same.
    fn both_ways(
        plan: &Plan,
        j: &Judged,
        f: &Filters,
        found: Option<&Found>,
    ) -> (Visible, Visible) {
        let found = found.map(|f| f as &dyn Searched);
        (
            walk(plan, j, f, found, true),
            walk(plan, j, f, found, false),
        )
    }

    #[test]
    fn both_keeps_the_ranks_of_the_two_lists() {
        assert_eq!(both(&[1, 3, 5, 9], &[0, 3, 4, 9, 10]), [3, 9]);
        assert!(both(&[], &[1]).is_empty());
    }

    /// Every leader's list holds the tasks with a row they lead, in tree
    /// order, each once.
    #[test]
    fn a_leaders_list_is_the_tasks_of_their_rows() {
        let plan = plan();
        let tree = tree_order(&plan);
        let p = People::new(&plan, &tree);
        let ranked: Vec<usize> = tree.iter().flat_map(|(_, t)| t.iter().copied()).collect();
        for l in plan.leaders() {
            let got: Vec<usize> = p
                .candidates(Some(&l), None)
                .unwrap()
                .iter()
                .map(|&r| p.task(r).1)
                .collect();
            let want: Vec<usize> = ranked
                .iter()
                .copied()
                .filter(|&pos| {
                    plan.rows_of(&plan.tasks[pos].id)
                        .any(|r| r.leaders.contains(&l))
                })
                .collect();
            assert_eq!(got, want, "{l}");
        }
        assert!(p.candidates(Some("无此人"), None).unwrap().is_empty());
        assert!(p.candidates(None, None).is_none());
    }

    /// Every leader, every unit, every leader with each unit of their
    /// rows, alone and with each status class and with searches (a name,
    /// pinyin initials, an id): the lists show the same tasks, indicators
    /// and groups in the same order as the plain scan, counts included.
    #[test]
    fn the_lists_show_what_the_scan_shows() {
        let plan = plan();
        let st = statuses(&plan);
        let index = Index::new(&plan);
        assert!(
            plan.rows.iter().any(|r| r.leaders.len() > 1),
            "the embedded plan has rows with several leaders"
        );
        let mut people: Vec<(Option<String>, Option<String>)> = Vec::new();
        for l in plan.leaders() {
            let units = plan
                .rows
                .iter()
                .filter(|r| r.leaders.contains(&l))
                .flat_map(|r| r.owners.iter().map(|o| o.unit.clone()));
            people.extend(units.map(|u| (Some(l.clone()), Some(u))));
            people.push((Some(l), None));
        }
        people.extend(plan.units().into_iter().map(|u| (None, Some(u))));
        people.push((Some("无此人".into()), None));
        people.sort();
        people.dedup();
        let classes = [
            None,
            Some(Class::NoData),
            Some(Class::Met),
            Some(Class::Missed),
        ];
        let order = Order::new(&plan);
        let j = judged(&st, &order);
        let searches = [None, Some("zkc"), Some("工业"), Some("8.1"), Some("gy")];
        let hits: Vec<Option<Hits>> = searches
            .iter()
            .map(|s| s.map(|s| index.search(&plan, s, None)))
            .collect();
        let mut shown = 0;
        for (leader, unit) in &people {
            for class in classes {
                for (search, hits) in searches.iter().zip(&hits) {
                    let f = Filters {
                        leader: leader.clone(),
                        unit: unit.clone(),
                        class,
                        search: search.map(str::to_string),
                        ..Filters::default()
                    };
                    let found = hits.as_ref().map(|h| Found(&index, h));
                    let (by_lists, by_scan) = both_ways(&plan, &j, &f, found.as_ref());
                    assert_eq!(by_lists, by_scan, "{f:?}");
                    shown += usize::from(!by_lists.tasks.is_empty());
                }
            }
        }
        assert!(shown > 200, "{shown} filters showed something");
    }

    /// Every leader's and unit's visible set is the module rule's (rows a
    /// person matches, else all rows when only the body's 责任单位 list
    /// names the unit), and applying the filter matches the rows of the
    /// tasks it shows only, each once: the plain scan matched every row of
    /// the plan (the cost of a leader filter at 100k indicators).
    #[test]
    fn a_people_filter_matches_only_the_rows_of_what_it_shows() {
        let p = plan();
        let st = vec![Status::NoData; p.indicators.len()];
        let order = Order::new(&p);
        let people = p
            .leaders()
            .into_iter()
            .map(|l| (Some(l), None))
            .chain(p.units().into_iter().map(|u| (None, Some(u))));
        let mut checked = 0;
        for (leader, unit) in people {
            let f = Filters {
                leader: leader.clone(),
                unit: unit.clone(),
                ..Filters::default()
            };
            let j = judged(&st, &order);
            let rows_matched = |by_lists| {
                ROWS_MATCHED.with(|n| n.set(0));
                let v = walk(&p, &j, &f, None, by_lists);
                (v, ROWS_MATCHED.with(std::cell::Cell::get))
            };
            let (v, matched) = rows_matched(true);
            let rows_shown: usize = v
                .tasks
                .iter()
                .map(|t| p.rows_of(&p.tasks[t.pos].id).count())
                .sum();
            assert_eq!(matched, rows_shown, "{leader:?} {unit:?}");
            // The plain scan matches every row of the plan.
            assert_eq!(rows_matched(false).1, p.rows.len());
            if rows_shown < p.rows.len() / 2 {
                checked += 1;
            }
            let by = |r: &Row| {
                leader.as_ref().is_some_and(|l| r.leaders.contains(l))
                    || unit
                        .as_ref()
                        .is_some_and(|u| r.owners.iter().any(|o| &o.unit == u))
            };
            let mut want: Vec<usize> = Vec::new();
            for (_, tasks) in tree_order(&p) {
                for pos in tasks {
                    let t = &p.tasks[pos];
                    let all: Vec<&Row> = p.rows_of(&t.id).collect();
                    let mut rows: Vec<&Row> = all.iter().copied().filter(|r| by(r)).collect();
                    if rows.is_empty() && unit.as_ref().is_some_and(|u| t.units.contains(u)) {
                        rows = all;
                    }
                    want.extend(
                        p.indicator_positions_of(&t.id)
                            .iter()
                            .filter(|&&i| rows.iter().any(|r| *r.id == *p.indicators[i].row)),
                    );
                }
            }
            assert_eq!(v.inds, want, "{leader:?} {unit:?}");
        }
        assert!(checked > 20, "{checked}");
    }
}
