//! Several districts' plans in one (a city's plan, `crate::city::merge`):
//! each plan's ids qualified by its district (`乌当区:8.1`), its groups
//! numbered after the districts' before it, and the indexes each plan
//! already has moved along instead of built again (at 100,000 indicators,
//! sorting the ids again took most of the join).

use std::ops::Range;
use std::sync::Arc;

use foldhash::{HashMap, HashMapExt};

use super::{ByTask, District, Group, HEADLINE_GROUP, Indicator, NewIndicator, Plan, Row, Task};
use super::{Parts, first_positions, qualified};

/// One district's plan made over for the city, its indexes kept (its
/// lists are in the same order, and one prefix keeps its ids' order).
struct Own {
    name: String,
    numbers: Vec<u32>,
    parts: Parts,
    indicator_index: Vec<u32>,
    by_task: [ByTask; 2],
}

impl Plan {
    /// District `name`'s plan made over for a city's plan: every id
    /// qualified, its groups numbered 1, 2, … in tree order (总体目标
    /// first, when it has tasks), each group's own number kept.
    fn made_over(self, name: String) -> Own {
        let d = name.as_str();
        let mut ids: HashMap<u32, u32> = HashMap::new();
        let mut groups = Vec::new();
        let mut numbers = Vec::new();
        let headline = self.tasks.iter().any(|t| t.group == HEADLINE_GROUP);
        let own = headline
            .then(|| (HEADLINE_GROUP, String::new()))
            .into_iter()
            .chain(self.groups.into_iter().map(|g| (g.id, g.title)));
        for (id, title) in own {
            let fresh = groups.len() as u32 + 1;
            ids.insert(id, fresh);
            groups.push(Group { id: fresh, title });
            numbers.push(id);
        }
        let tasks = self
            .tasks
            .into_iter()
            .map(|t| Task {
                id: qualified(d, &t.id),
                group: ids.get(&t.group).copied().unwrap_or(0),
                ..t
            })
            .collect();
        let rows = self
            .rows
            .into_iter()
            .map(|r| Row {
                id: qualified(d, &r.id),
                task: qualified(d, &r.task),
                ..r
            })
            .collect();
        // One qualified text per shared task or row text (found by the
        // shared text's address, not hashed by its characters).
        let mut shared: HashMap<usize, Arc<str>> = HashMap::new();
        let mut q = |text: &Arc<str>| -> Arc<str> {
            let key = Arc::as_ptr(text) as *const u8 as usize;
            Arc::clone(
                shared
                    .entry(key)
                    .or_insert_with(|| qualified(d, text).into()),
            )
        };
        let mut id = String::new();
        let indicators = self
            .indicators
            .iter()
            .map(|ind| {
                let f = ind.fields();
                id.clear();
                id.push_str(d);
                id.push(':');
                id.push_str(f.id);
                Indicator::from(NewIndicator {
                    id: &id,
                    task: q(&f.task),
                    row: q(&f.row),
                    ..f
                })
            })
            .collect();
        Own {
            name,
            numbers,
            parts: Parts {
                groups,
                tasks,
                rows,
                indicators,
            },
            indicator_index: self.indicator_index,
            by_task: [self.rows_by_task, self.indicators_by_task],
        }
    }

    /// The districts' plans (name, plan) one after the other in one plan,
    /// ids qualified ([`qualified`]), [`Plan::districts`] saying whose is
    /// what. Its period: the districts' if they agree, else the years of
    /// every deadline.
    pub fn joined(plans: Vec<(String, Plan)>) -> Plan {
        let periods: Vec<_> = plans.iter().map(|(_, p)| p.period).collect();
        let owns = made_over_in_parallel(plans);
        let mut city = join(owns);
        if let Some(&first) = periods.first()
            && periods.iter().all(|p| *p == first)
        {
            city.period = first;
            city.defaults.period = false;
        }
        city
    }
}

/// Each plan made over, on a few threads (one per core; each district's
/// texts are its own), in the plans' order.
fn made_over_in_parallel(plans: Vec<(String, Plan)>) -> Vec<Own> {
    // made_over does not panic (no index out of its own lists); a thread
    // that did would leave its districts out.
    crate::par::map(plans, |(n, p)| p.made_over(n))
        .into_iter()
        .flatten()
        .collect()
}

/// The made-over plans one after the other: lists appended, group ids,
/// positions and indexes moved by what comes before; the indicators' id
/// index merged from each plan's sorted run (a stable sort that finds
/// the runs: a few passes, not a full sort), equal ids after the first
/// dropped (two clones named alike).
fn join(owns: Vec<Own>) -> Plan {
    let total = |f: fn(&Own) -> usize| owns.iter().map(f).sum::<usize>();
    let mut parts = Parts {
        groups: Vec::with_capacity(total(|o| o.parts.groups.len())),
        tasks: Vec::with_capacity(total(|o| o.parts.tasks.len())),
        rows: Vec::with_capacity(total(|o| o.parts.rows.len())),
        indicators: Vec::with_capacity(total(|o| o.parts.indicators.len())),
    };
    let mut index: Vec<u32> = Vec::with_capacity(total(|o| o.indicator_index.len()));
    let mut by_task = [ByTask::default(), ByTask::default()];
    let mut districts = Vec::with_capacity(owns.len());
    for own in owns {
        let at = |v: usize| v..v;
        let mut span: [Range<usize>; 3] = [
            at(parts.groups.len()),
            at(parts.tasks.len()),
            at(parts.indicators.len()),
        ];
        let shift = parts.groups.len() as u32;
        let base = (parts.rows.len(), parts.indicators.len());
        index.extend(own.indicator_index.iter().map(|&p| p + base.1 as u32));
        append(&mut by_task[0], &own.by_task[0], base.0);
        append(&mut by_task[1], &own.by_task[1], base.1);
        let Parts {
            groups,
            tasks,
            rows,
            indicators,
        } = own.parts;
        parts.groups.extend(groups.into_iter().map(|g| Group {
            id: g.id + shift,
            ..g
        }));
        parts.tasks.extend(tasks.into_iter().map(|t| Task {
            group: t.group + shift,
            ..t
        }));
        parts.rows.extend(rows);
        parts.indicators.extend(indicators);
        span[0].end = parts.groups.len();
        span[1].end = parts.tasks.len();
        span[2].end = parts.indicators.len();
        let [groups, tasks, indicators] = span;
        districts.push(District {
            name: own.name,
            groups,
            numbers: own.numbers,
            tasks,
            indicators,
        });
    }
    for b in &mut by_task {
        b.starts.push(b.items.len());
    }
    let inds = &parts.indicators;
    let id = |p: &u32| inds[*p as usize].id();
    index.sort_by(|a, b| id(a).cmp(id(b)));
    index.dedup_by(|later, first| id(later) == id(first));
    let task_index = first_positions(parts.tasks.iter().map(|t| &t.id));
    let mut city = Plan::with_indexes(parts, task_index, index, by_task);
    city.districts = districts;
    city
}

/// `from`'s runs after `to`'s, its items moved by `offset` (the final
/// start is pushed once all are appended).
fn append(to: &mut ByTask, from: &ByTask, offset: usize) {
    let base = to.items.len();
    let runs = from.starts.len().saturating_sub(1);
    to.starts
        .extend(from.starts[..runs].iter().map(|s| s + base));
    to.items.extend(from.items.iter().map(|i| i + offset));
}
