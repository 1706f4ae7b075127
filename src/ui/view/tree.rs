//! The task tree: 全部 (everything the filters leave), 总体目标 (task 0),
//! then the five groups with their tasks. Each task line has a status mark
//! and a light (the worst of its indicators', `!` after it when one is
//! 逾期未报) that read without colour, its number and its title cut by
//! display width.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::paint;
use super::theme::Styles;
use crate::pace::LightCounts;
use crate::ui::data::Counts;
use crate::ui::model::doc::Tone;
use crate::ui::model::{AppState, Pane, TreeRow, detail};
use crate::ui::strings::{S, fill};

/// `✖ 红`: the status mark and the light of some indicators, in the
/// theme's styles ([`detail::task_marks`]).
fn marks(state: &AppState, c: &Counts, l: &LightCounts, stale: usize) -> Vec<Span<'static>> {
    let th = state.theme();
    detail::task_marks(state, c, l, stale)
        .into_iter()
        .map(|p| Span::styled(p.text, th.tone(p.tone)))
        .collect()
}

/// The text of a tree row (without selection marker).
pub fn row_line(state: &AppState, row: TreeRow) -> Line<'static> {
    let th = state.theme();
    match row {
        TreeRow::All => {
            let v = &state.visible;
            let mut spans = marks(state, &v.counts, &v.lights, v.stale);
            spans.extend([
                Span::raw(" "),
                Span::styled(
                    fill(state.lang(), S::All, &[&state.task_count().to_string()]),
                    th.title(),
                ),
            ]);
            Line::from(spans)
        }
        TreeRow::District(d) => district_line(state, d),
        TreeRow::Group(g) => {
            let fold = if state.collapsed.contains(&g) {
                "+"
            } else {
                "-"
            };
            let title = state
                .plan
                .group(g)
                .map(|x| x.title.clone())
                .unwrap_or_default();
            // Under its district in a city's plan.
            let indent = if state.plan.districts.is_empty() {
                ""
            } else {
                " "
            };
            Line::from(vec![
                Span::raw(indent),
                Span::styled(fold, th.dim()),
                Span::raw(" "),
                Span::styled(
                    format!("{}{}", state.plan.group_label(g), title),
                    th.heading(),
                ),
            ])
        }
        TreeRow::Task(i) => {
            let Some(vt) = state.visible.tasks.get(i) else {
                return Line::default();
            };
            let t = &state.plan.tasks[vt.pos];
            let headline = state.plan.is_headline(t.group);
            let indent = match (headline, state.plan.districts.is_empty()) {
                (true, true) => "",
                (true, false) | (false, true) => "  ",
                (false, false) => "   ",
            };
            let mut spans = vec![Span::raw(indent)];
            spans.extend(marks(state, &vt.counts, &vt.lights, vt.stale));
            spans.push(Span::raw(format!(" {:>2} ", state.plan.local_id(&t.id))));
            spans.push(Span::raw(t.title.clone()));
            Line::from(spans)
        }
    }
}

/// A district's row (a city's plan): fold mark, its marks and lights
/// rolled up, its name, and whether it has not published within a week or
/// never (as the city report says).
fn district_line(state: &AppState, d: usize) -> Line<'static> {
    let th = state.theme();
    let fold = if state.folded.contains(&d) { "+" } else { "-" };
    let (c, l, stale) = state.visible.district_counts(&state.plan, d);
    let name = state.plan.districts.get(d).map(|x| x.name.clone());
    let mut spans = vec![Span::styled(fold, th.dim()), Span::raw(" ")];
    spans.extend(marks(state, &c, &l, stale));
    spans.push(Span::raw(" "));
    spans.push(Span::styled(name.unwrap_or_default(), th.title()));
    let mark = match state.publish_of(d) {
        Some((None, _)) => Some(S::NeverPublished),
        Some((Some(_), true)) => Some(S::PublishOverdue),
        _ => None,
    };
    if let Some(mark) = mark {
        let tone = Tone::Light(crate::pace::Light::Yellow);
        spans.push(Span::raw(" "));
        spans.push(Span::styled(state.tr(mark).to_string(), th.tone(tone)));
    }
    Line::from(spans)
}

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    let th = state.theme();
    let focused = state.focus == Pane::Tree;
    let total = state.task_total();
    let mut title = format!(" {} {}/{} ", state.tr(S::Tasks), state.task_count(), total);
    if state.zoom {
        title.push_str(&format!(" [{}] ", state.tr(S::Zoomed)));
    }
    let buf = frame.buffer_mut();
    let inner = paint::frame_block(buf, area, paint::block(state, title, focused));
    let h = inner.height as usize;
    if h == 0 || inner.width < 2 {
        return;
    }
    let off = state.tree.first_shown(h, state.rows.len());
    for (i, row) in state.rows.iter().enumerate().skip(off).take(h) {
        let y = inner.y + (i - off) as u16;
        let line = row_line(state, *row);
        if i == state.tree.sel {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                th.selected(focused),
            );
            paint::put(buf, inner.x, y, 1, th.sel_marker(), th.selected(focused));
        }
        paint::put_line(buf, inner.x + 1, y, inner.width - 1, &line);
    }
    if state.visible.tasks.is_empty() && h > 1 {
        let lines = crate::text::wrap(state.tr(S::NoTasks), inner.width.saturating_sub(1) as usize);
        for (k, l) in lines.iter().enumerate().take(h - 1) {
            paint::put(
                buf,
                inner.x + 1,
                inner.y + 1 + k as u16,
                inner.width - 1,
                l,
                th.message(),
            );
        }
    }
}
