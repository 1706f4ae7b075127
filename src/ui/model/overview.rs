//! The overview's rows (`o`): met / in progress / missed / no data, red /
//! yellow / green / gray lights and the values 逾期未报 (stale), per group
//! and per leader, over all indicators (filters do not apply).
//! Enter on a leader filters by that leader.

use super::filter::Judged;
use crate::ledger::Status;
use crate::pace::{Light, LightCounts};
use crate::plan::Plan;
use crate::ui::data::Counts;
use crate::ui::strings::S;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OvKind {
    Heading(S),
    Group(u32),
    /// A district of a city's plan (position in its districts).
    District(usize),
    Leader(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OvRow {
    pub kind: OvKind,
    pub label: String,
    pub counts: Counts,
    pub lights: LightCounts,
    /// Values 逾期未报 (their period ended more than a quarter ago).
    pub stale: usize,
}

impl OvRow {
    pub fn selectable(&self) -> bool {
        !matches!(self.kind, OvKind::Heading(_))
    }
}

/// The overview's rows: a heading, the groups (总体目标 first), a heading,
/// the leaders (plan order). One pass over the indicators, each as
/// `judged` has it (gray where its light is missing). A city's plan has
/// its districts instead of the groups (its leaders across them).
pub fn rows(plan: &Plan, judged: &Judged) -> Vec<OvRow> {
    if !plan.districts.is_empty() {
        return city_rows(plan, judged);
    }
    let mut groups: Vec<(u32, Both)> = std::iter::once(0)
        .chain(plan.groups.iter().map(|g| g.id))
        .map(|g| (g, Both::default()))
        .collect();
    let leaders = plan.leaders();
    let mut by_leader = vec![Both::default(); leaders.len()];
    let leader_index: std::collections::HashMap<&str, usize> = leaders
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    for (i, ind) in plan.indicators.iter().enumerate() {
        let (status, light, stale) = (judged.status(i), judged.light(i), judged.stale(i));
        if let Some(t) = plan.task(&ind.task)
            && let Some(g) = groups.iter_mut().find(|(g, _)| *g == t.group)
        {
            g.1.add(status, light, stale);
        }
        if let Some(r) = plan.row(&ind.row) {
            for l in &r.leaders {
                if let Some(&li) = leader_index.get(l.as_str()) {
                    by_leader[li].add(status, light, stale);
                }
            }
        }
    }
    let mut out = vec![heading(S::ByGroup)];
    for (g, both) in groups {
        let title = plan.group(g).map(|x| x.title.as_str()).unwrap_or("");
        out.push(both.row(
            OvKind::Group(g),
            format!("{}{}", plan.group_label(g), title),
        ));
    }
    leader_rows(&mut out, leaders, by_leader);
    out
}

fn leader_rows(out: &mut Vec<OvRow>, leaders: Vec<String>, by_leader: Vec<Both>) {
    out.push(heading(S::ByLeader));
    for (l, both) in leaders.into_iter().zip(by_leader) {
        out.push(both.row(OvKind::Leader(l.clone()), l));
    }
}

/// A city's overview: each district rolled up, then the leaders across
/// the districts. One pass over the indicators (each district's are one
/// run of them).
fn city_rows(plan: &Plan, judged: &Judged) -> Vec<OvRow> {
    let leaders = plan.leaders();
    let index: std::collections::HashMap<&str, usize> = leaders
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    let mut by_leader = vec![Both::default(); leaders.len()];
    let mut out = vec![heading(S::ByDistrict)];
    for (k, d) in plan.districts.iter().enumerate() {
        let mut both = Both::default();
        for i in d.indicators.clone() {
            let (status, light, stale) = (judged.status(i), judged.light(i), judged.stale(i));
            both.add(status, light, stale);
            let leaders = plan.row(&plan.indicators[i].row).map(|r| &r.leaders[..]);
            for l in leaders.unwrap_or_default() {
                if let Some(&li) = index.get(l.as_str()) {
                    by_leader[li].add(status, light, stale);
                }
            }
        }
        out.push(both.row(OvKind::District(k), d.name.clone()));
    }
    leader_rows(&mut out, leaders, by_leader);
    out
}

/// Status, light and stale counts of one group or leader.
#[derive(Debug, Clone, Copy, Default)]
struct Both {
    counts: Counts,
    lights: LightCounts,
    stale: usize,
}

impl Both {
    fn add(&mut self, s: Status, l: Light, stale: bool) {
        self.counts.add(s);
        self.lights.add(l);
        self.stale += usize::from(stale);
    }

    fn row(self, kind: OvKind, label: String) -> OvRow {
        OvRow {
            kind,
            label,
            counts: self.counts,
            lights: self.lights,
            stale: self.stale,
        }
    }
}

fn heading(s: S) -> OvRow {
    OvRow {
        kind: OvKind::Heading(s),
        label: String::new(),
        counts: Counts::default(),
        lights: LightCounts::default(),
        stale: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::model::{Cursor, Move};

    #[test]
    fn rows_cover_groups_and_leaders() {
        let plan = crate::plan::load_embedded().unwrap();
        let st = vec![Status::NoData; plan.indicators.len()];
        let j = Judged {
            statuses: &st,
            paces: &[],
            today: jiff::civil::date(2025, 6, 30),
            marks: &[],
            order: None,
        };
        let r = rows(&plan, &j);
        assert_eq!(
            r.iter()
                .filter(|x| matches!(x.kind, OvKind::Group(_)))
                .count(),
            6
        );
        let zkc = r
            .iter()
            .find(|x| x.kind == OvKind::Leader("朱快春".into()))
            .unwrap();
        assert!(zkc.counts.total() > 20);
        assert_eq!(zkc.lights.gray, zkc.counts.total(), "no paces: all gray");
        let step = |from: usize| {
            let c = Cursor {
                sel: from,
                offset: 0,
            };
            c.target_where(Move::Down, r.len(), 1, |i| r[i].selectable())
        };
        assert_eq!(step(0), 1);
        assert_eq!(step(6), 8, "skips the leader heading");
    }
}
