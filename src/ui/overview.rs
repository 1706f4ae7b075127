//! The overview (`o`): met / in progress / missed / no data per group and
//! per leader, as counts and stacked bars, over all indicators (filters do
//! not apply). Enter on a leader filters by that leader.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::data::{Class, Counts};
use super::paint;
use super::state::AppState;
use super::strings::S;
use crate::ledger::Status;
use crate::plan::Plan;
use crate::plan::group_label;
use crate::text;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OvKind {
    Heading(S),
    Group(u32),
    Leader(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OvRow {
    pub kind: OvKind,
    pub label: String,
    pub counts: Counts,
}

impl OvRow {
    pub fn selectable(&self) -> bool {
        !matches!(self.kind, OvKind::Heading(_))
    }
}

/// The overview's rows: a heading, the groups (总体目标 first), a heading,
/// the leaders (plan order). One pass over the indicators.
pub fn rows(plan: &Plan, statuses: &[Status]) -> Vec<OvRow> {
    let mut groups: Vec<(u32, Counts)> = std::iter::once(0)
        .chain(plan.groups.iter().map(|g| g.id))
        .map(|g| (g, Counts::default()))
        .collect();
    let leaders = plan.leaders();
    let mut by_leader = vec![Counts::default(); leaders.len()];
    let leader_index: std::collections::HashMap<&str, usize> = leaders
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    for (i, ind) in plan.indicators.iter().enumerate() {
        let status = statuses.get(i).copied().unwrap_or(Status::NoData);
        if let Some(t) = plan.task(&ind.task)
            && let Some(g) = groups.iter_mut().find(|(g, _)| *g == t.group)
        {
            g.1.add(status);
        }
        if let Some(r) = plan.row(&ind.row) {
            for l in &r.leaders {
                if let Some(&li) = leader_index.get(l.as_str()) {
                    by_leader[li].add(status);
                }
            }
        }
    }
    let mut out = vec![OvRow {
        kind: OvKind::Heading(S::ByGroup),
        label: String::new(),
        counts: Counts::default(),
    }];
    for (g, counts) in groups {
        let title = plan.group(g).map(|x| x.title.as_str()).unwrap_or("");
        out.push(OvRow {
            kind: OvKind::Group(g),
            label: format!("{}{}", group_label(g), title),
            counts,
        });
    }
    out.push(OvRow {
        kind: OvKind::Heading(S::ByLeader),
        label: String::new(),
        counts: Counts::default(),
    });
    for (l, counts) in leaders.into_iter().zip(by_leader) {
        out.push(OvRow {
            kind: OvKind::Leader(l.clone()),
            label: l,
            counts,
        });
    }
    out
}

/// The nearest selectable row from `from` in direction `dir` (±1), or
/// `from` itself when there is none.
pub fn step(rows: &[OvRow], from: usize, dir: isize) -> usize {
    let mut i = from as isize;
    loop {
        i += dir;
        if i < 0 || i as usize >= rows.len() {
            return from;
        }
        if rows[i as usize].selectable() {
            return i as usize;
        }
    }
}

pub fn first(rows: &[OvRow]) -> usize {
    rows.iter().position(OvRow::selectable).unwrap_or(0)
}

pub fn last(rows: &[OvRow]) -> usize {
    rows.iter().rposition(OvRow::selectable).unwrap_or(0)
}

/// Lines of the list inside the overview (for paging and scrolling).
pub fn list_height(main: Rect) -> usize {
    main.height.saturating_sub(4) as usize
}

/// Splits `width` cells among the classes in proportion to `counts`
/// (met, in progress, missed, no data), by cumulative rounding.
pub fn stack(counts: &Counts, width: usize) -> Vec<(Class, usize)> {
    let total = counts.total();
    let order = [Class::Met, Class::InProgress, Class::Missed, Class::NoData];
    if total == 0 {
        return vec![(Class::NoData, 0)];
    }
    let mut out = Vec::new();
    let mut cum = 0;
    let mut drawn = 0;
    for c in order {
        cum += counts.get(c);
        let edge = (cum * width + total / 2) / total;
        out.push((c, edge - drawn));
        drawn = edge;
    }
    out
}

pub fn draw(frame: &mut Frame, main: Rect, state: &AppState, sel: usize, offset: usize) {
    let th = state.theme();
    let buf = frame.buffer_mut();
    let title = format!(" {} ", state.tr(S::Overview));
    let inner = paint::frame_block(buf, main, paint::block(state, title, true));
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let w = inner.width;
    paint::put(
        buf,
        inner.x,
        inner.y,
        w,
        state.tr(S::OverviewNote),
        th.dim(),
    );
    let mut legend = Vec::new();
    for c in [Class::Met, Class::InProgress, Class::Missed, Class::NoData] {
        legend.push(Span::styled(
            format!("{} {} ", th.class_mark(c), th.stack_char(c)),
            th.class(c),
        ));
        legend.push(Span::raw(format!("{}   ", state.word(c.status()))));
    }
    if inner.height > 1 {
        paint::put_line(buf, inner.x, inner.y + 1, w, &Line::from(legend));
    }
    let rows = &state.overview;
    let label_cap = (w as usize * 2 / 5).max(10);
    let label_w = rows
        .iter()
        .map(|r| text::width(&r.label))
        .max()
        .unwrap_or(0)
        .min(label_cap);
    let counts_w = 4 * 6;
    let bar_w = (w as usize).saturating_sub(2 + label_w + 2 + counts_w + 2 + 2);
    let list_y = inner.y + 2;
    let height = inner.height.saturating_sub(2) as usize;
    for (i, r) in rows.iter().enumerate().skip(offset).take(height) {
        let y = list_y + (i - offset) as u16;
        if let OvKind::Heading(h) = r.kind {
            paint::put(buf, inner.x, y, w, state.tr(h), th.heading());
            continue;
        }
        let mut spans = vec![
            Span::raw(if i == sel {
                format!("{} ", th.sel_marker())
            } else {
                "  ".into()
            }),
            Span::styled(text::pad(&r.label, label_w), th.title()),
            Span::raw("  "),
        ];
        for c in [Class::Met, Class::InProgress, Class::Missed, Class::NoData] {
            let n = r.counts.get(c);
            let style = if n > 0 { th.class(c) } else { th.dim() };
            spans.push(Span::styled(
                format!("{}{} ", th.class_mark(c), text::pad_left(&n.to_string(), 4)),
                style,
            ));
        }
        if bar_w >= 10 {
            spans.push(Span::raw(" ["));
            for (c, n) in stack(&r.counts, bar_w) {
                if n > 0 {
                    let ch = th.stack_char(c).to_string().repeat(n);
                    spans.push(Span::styled(ch, th.class(c)));
                }
            }
            spans.push(Span::raw("]"));
        }
        let mut line = Line::from(spans);
        if i == sel {
            line = line.style(th.selected(true));
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                th.selected(true),
            );
        }
        paint::put_line(buf, inner.x, y, w, &line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stack_fills_the_width_in_proportion() {
        let c = Counts::from([
            (Status::Missed, 1),
            (Status::InProgress, 1),
            (Status::Met, 2),
        ]);
        let s = stack(&c, 8);
        assert_eq!(
            s,
            vec![
                (Class::Met, 4),
                (Class::InProgress, 2),
                (Class::Missed, 2),
                (Class::NoData, 0)
            ]
        );
        let total: usize = stack(
            &Counts::from([(Status::Missed, 3), (Status::Met, 7), (Status::NoData, 1)]),
            17,
        )
        .iter()
        .map(|x| x.1)
        .sum();
        assert_eq!(total, 17);
    }

    #[test]
    fn rows_cover_groups_and_leaders() {
        let plan = crate::plan::load_embedded().unwrap();
        let st = vec![Status::NoData; plan.indicators.len()];
        let r = rows(&plan, &st);
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
        assert_eq!(step(&r, 0, 1), 1);
        assert_eq!(step(&r, 6, 1), 8, "skips the leader heading");
    }
}
