//! The detail pane: for a task its title, the owners table (责任领导, and
//! 责任单位 paired with 责任人, per accountability row), the target texts
//! and the full text; for a group its tasks; for 全部 a summary.
//!
//! All text is wrapped by display width with [`crate::text::wrap`] (never
//! ratatui's Paragraph wrap, which breaks only at spaces).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::data::{Class, Counts, NoteKind};
use super::layout;
use super::paint;
use super::state::{AppState, Pane, TreeRow};
use super::strings::{S, fill};
use crate::ledger::TaskState;
use crate::plan::group_label;
use crate::plan::{Row, Task};
use crate::text;

/// Wraps `s` to `width` with a styled first-line prefix (`label：`) and a
/// hanging indent of the prefix's width on the following lines.
fn wrapped(
    out: &mut Vec<Line<'static>>,
    prefix: &str,
    s: &str,
    width: usize,
    ps: Style,
    st: Style,
) {
    let pw = text::width(prefix);
    let room = width.saturating_sub(pw).max(2);
    for (i, l) in text::wrap(s, room).into_iter().enumerate() {
        let p = if i == 0 {
            prefix.to_string()
        } else {
            " ".repeat(pw)
        };
        out.push(Line::from(vec![Span::styled(p, ps), Span::styled(l, st)]));
    }
}

fn heading(out: &mut Vec<Line<'static>>, state: &AppState, s: S) {
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        state.tr(s),
        state.theme().heading(),
    )));
}

/// Lays out `items` (each kept whole) after a styled `prefix`, two cells
/// apart, starting a new line (indented by the prefix) when one does not fit.
pub fn flow(
    out: &mut Vec<Line<'static>>,
    prefix: Span<'static>,
    items: Vec<Span<'static>>,
    width: usize,
) {
    let pw = text::width(&prefix.content);
    let mut line = vec![prefix];
    let mut used = pw;
    let mut first = true;
    for it in items {
        let w = text::width(&it.content);
        let gap = if first { 0 } else { 2 };
        if !first && used + gap + w > width {
            out.push(Line::from(std::mem::take(&mut line)));
            line.push(Span::raw(" ".repeat(pw)));
            used = pw;
        } else if !first {
            line.push(Span::raw("  "));
            used += 2;
        }
        used += w;
        line.push(it);
        first = false;
    }
    out.push(Line::from(line));
}

/// `✔ 达标 3`, `► 推进中 2`, `✖ 未达 1`, `? 无数据 5`
pub fn counts_items(state: &AppState, counts: &Counts) -> Vec<Span<'static>> {
    let th = state.theme();
    let mut spans = Vec::new();
    for c in [Class::Met, Class::InProgress, Class::Missed, Class::NoData] {
        spans.push(Span::styled(
            format!(
                "{} {} {}",
                th.class_mark(c),
                state.word(c.status()),
                counts.get(c)
            ),
            th.class(c),
        ));
    }
    spans
}

/// The owners table: one block per accountability row; leaders one per
/// line in their column, each unit on its own line beside its person.
fn owners(out: &mut Vec<Line<'static>>, state: &AppState, rows: &[&Row], width: usize) {
    let th = state.theme();
    let hl = |hit: bool| if hit { th.highlight() } else { Style::new() };
    let id_w = rows
        .iter()
        .map(|r| text::width(&r.id))
        .max()
        .unwrap_or(0)
        .max(text::width(state.tr(S::Row)));
    let lead_w = rows
        .iter()
        .flat_map(|r| r.leaders.iter().map(|l| text::width(l)))
        .max()
        .unwrap_or(0)
        .max(text::width(state.tr(S::Leaders)));
    let person_w = rows
        .iter()
        .flat_map(|r| r.owners.iter().map(|o| text::width(&o.person)))
        .max()
        .unwrap_or(0)
        .max(text::width(state.tr(S::Persons)));
    let unit_max = rows
        .iter()
        .flat_map(|r| r.owners.iter().map(|o| text::width(&o.unit)))
        .max()
        .unwrap_or(0)
        .max(text::width(state.tr(S::Units)));
    let fixed = id_w + lead_w + person_w + 6;
    if width >= fixed + unit_max {
        let unit_w = unit_max.min(width - fixed);
        out.push(Line::from(Span::styled(
            format!(
                "{}  {}  {}  {}",
                text::pad(state.tr(S::Row), id_w),
                text::pad(state.tr(S::Leaders), lead_w),
                text::pad(state.tr(S::Units), unit_w),
                state.tr(S::Persons)
            ),
            th.dim(),
        )));
        for r in rows {
            let n = r.leaders.len().max(r.owners.len()).max(1);
            for k in 0..n {
                let id = if k == 0 { r.id.as_str() } else { "" };
                let lead = r.leaders.get(k).map(String::as_str).unwrap_or("");
                let (unit, person) = r
                    .owners
                    .get(k)
                    .map(|o| (o.unit.as_str(), o.person.as_str()))
                    .unwrap_or(("", ""));
                let lead_hit = state.filters.leader.as_deref() == Some(lead);
                let unit_hit = state.filters.unit.as_deref() == Some(unit);
                out.push(Line::from(vec![
                    Span::styled(text::pad(id, id_w), th.dim()),
                    Span::raw("  "),
                    Span::styled(text::pad(lead, lead_w), hl(lead_hit)),
                    Span::raw("  "),
                    Span::styled(text::pad(unit, unit_w), hl(unit_hit)),
                    Span::raw("  "),
                    Span::styled(person.to_string(), hl(unit_hit)),
                ]));
            }
        }
    } else {
        // Too narrow for columns: the row and its leaders, then each unit
        // with its person, indented.
        let indent = " ".repeat(id_w + 2);
        for r in rows {
            let mut items = Vec::new();
            for l in &r.leaders {
                let hit = state.filters.leader.as_deref() == Some(l.as_str());
                items.push(Span::styled(
                    l.clone(),
                    if hit { th.highlight() } else { th.title() },
                ));
            }
            flow(
                out,
                Span::styled(text::pad(&r.id, id_w + 2), th.dim()),
                items,
                width,
            );
            for o in &r.owners {
                let hit = state.filters.unit.as_deref() == Some(o.unit.as_str());
                wrapped(
                    out,
                    &indent,
                    &format!("{}  {}", o.unit, o.person),
                    width,
                    Style::new(),
                    hl(hit),
                );
            }
        }
    }
}

/// The note the UI shows for `id` — its standing note (`n`, `wudang-plan
/// note`), else the remark recorded with its current value (`status …
/// --note`) — as `备注：` / `说明：` and `text（who，when）`.
pub fn note_text(state: &AppState, id: &str) -> Option<(String, String)> {
    let (n, kind) = state.progress.note_of(id)?;
    let label = match kind {
        NoteKind::Standing => S::NoteLabel,
        NoteKind::Remark => S::RemarkLabel,
    };
    let text = fill(
        state.lang(),
        S::NoteBy,
        &[&n.text, &n.who, &super::history::when(n.when)],
    );
    Some((state.label(label), text))
}

/// A task's state in the UI's language; 未填报 when never set.
pub fn state_word(state: &AppState, s: Option<&TaskState>) -> &'static str {
    match s {
        None => state.tr(S::StateUnset),
        Some(t) => state.word(*t),
    }
}

fn task_lines(
    out: &mut Vec<Line<'static>>,
    state: &AppState,
    t: &Task,
    counts: &Counts,
    width: usize,
) {
    let th = state.theme();
    wrapped(
        out,
        &format!("{} ", t.id),
        &t.title,
        width,
        th.title(),
        th.title(),
    );
    if t.group != 0 {
        let g = state
            .plan
            .group(t.group)
            .map(|g| g.title.as_str())
            .unwrap_or("");
        wrapped(
            out,
            &state.label(S::Group),
            &format!("{}{}", group_label(t.group), g),
            width,
            th.dim(),
            Style::new(),
        );
    }
    let st = state_word(state, state.progress.task_state.get(&t.id));
    out.push(Line::from(vec![
        Span::styled(state.label(S::TaskState), th.dim()),
        Span::raw(st),
    ]));
    if let Some((label, note)) = note_text(state, &t.id) {
        wrapped(out, &label, &note, width, th.dim(), th.highlight());
    }
    let label = Span::styled(state.label(S::Indicators), th.dim());
    flow(out, label, counts_items(state, counts), width);
    let rows: Vec<&Row> = state.plan.rows_of(&t.id).collect();
    if !rows.is_empty() {
        heading(out, state, S::Owners);
        owners(out, state, &rows, width);
        heading(out, state, S::Targets);
        for r in &rows {
            wrapped(
                out,
                &format!("{} ", r.id),
                &r.target,
                width,
                th.dim(),
                Style::new(),
            );
        }
    }
    heading(out, state, S::Text);
    wrapped(out, "", &t.text, width, Style::new(), Style::new());
    if !t.units.is_empty() {
        out.push(Line::default());
        wrapped(
            out,
            &state.label(S::BodyUnits),
            &t.units.join("、"),
            width,
            th.dim(),
            Style::new(),
        );
    }
}

fn filters_text(state: &AppState) -> Option<String> {
    super::footer::filters_text(state)
}

fn all_lines(out: &mut Vec<Line<'static>>, state: &AppState, width: usize) {
    let th = state.theme();
    wrapped(
        out,
        "",
        state.tr(S::PlanTitle),
        width,
        th.title(),
        th.title(),
    );
    out.push(Line::from(vec![
        Span::styled(state.label(S::TodayIs), th.dim()),
        Span::raw(state.progress.today.to_string()),
    ]));
    out.push(Line::from(fill(
        state.lang(),
        S::Summary,
        &[
            &super::tree::task_count(state).to_string(),
            &state.visible.inds.len().to_string(),
        ],
    )));
    let label = Span::styled(state.label(S::ByStatus), th.dim());
    flow(
        out,
        label,
        counts_items(state, &state.visible.counts),
        width,
    );
    if let Some(f) = filters_text(state) {
        wrapped(
            out,
            &state.label(S::ActiveFilters),
            &f,
            width,
            th.dim(),
            th.highlight(),
        );
    }
    out.push(Line::default());
    wrapped(out, "", state.tr(S::StartHint), width, th.dim(), th.dim());
}

fn group_lines(out: &mut Vec<Line<'static>>, state: &AppState, g: u32, width: usize) {
    let th = state.theme();
    let title = state.plan.group(g).map(|x| x.title.as_str()).unwrap_or("");
    wrapped(out, &group_label(g), title, width, th.title(), th.title());
    let Some(range) = state.visible.group_range(g) else {
        return;
    };
    let mut counts = Counts::default();
    for t in &state.visible.tasks[range.clone()] {
        counts += t.counts;
    }
    let label = Span::styled(state.label(S::Indicators), th.dim());
    flow(out, label, counts_items(state, &counts), width);
    heading(out, state, S::GroupTasks);
    for vt in &state.visible.tasks[range] {
        let t = &state.plan.tasks[vt.pos];
        let c = vt.counts.summary();
        let leaders = state.plan.task_leaders(&t.id).join("、");
        out.push(Line::from(vec![
            Span::styled(th.class_mark(c), th.class(c)),
            Span::raw(format!(" {:>2} ", t.id)),
            Span::raw(t.title.clone()),
            Span::styled(format!("  {leaders}"), th.dim()),
        ]));
    }
}

/// The detail pane's lines for the selected tree row at `width` cells.
pub fn lines(state: &AppState, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    match state.selected_row() {
        TreeRow::All => all_lines(&mut out, state, width),
        TreeRow::Group(g) => group_lines(&mut out, state, g, width),
        TreeRow::Task(i) => {
            if let Some(vt) = state.visible.tasks.get(i) {
                let t = &state.plan.tasks[vt.pos];
                task_lines(&mut out, state, t, &vt.counts, width);
            }
        }
    }
    out
}

pub fn title(state: &AppState, narrow: bool) -> String {
    if narrow {
        format!(
            " {}  [{}] ",
            state.tr(S::Detail),
            fill(state.lang(), S::TabFor, &[state.tr(S::Indicators)])
        )
    } else {
        format!(" {} ", state.tr(S::Detail))
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, narrow: bool) {
    let focused = state.focus == Pane::Detail;
    let buf = frame.buffer_mut();
    let inner = paint::frame_block(
        buf,
        area,
        paint::block(state, title(state, narrow), focused),
    );
    if inner.width < 2 || inner.height == 0 {
        return;
    }
    let ls = lines(state, inner.width as usize);
    let max = ls.len().saturating_sub(inner.height as usize);
    let scroll = paint::put_lines(buf, inner, &ls, state.detail_scroll);
    if max > 0 {
        // where we are: "12/40" in the bottom border
        let pos = format!(
            " {}/{} ",
            (scroll + inner.height as usize).min(ls.len()),
            ls.len()
        );
        let w = text::width(&pos) as u16;
        if area.width > w + 2 {
            paint::put(
                buf,
                area.x + area.width - w - 1,
                area.y + area.height - 1,
                w,
                &pos,
                state.theme().dim(),
            );
        }
    }
}

/// How far the detail pane can scroll, and its height, for the current
/// size (used by `update`).
pub fn scroll_room(state: &AppState) -> (usize, usize) {
    let a = layout::areas(layout::size_rect(state), state);
    match a.detail {
        Some(r) => {
            let inner = layout::inner(r);
            let n = lines(state, inner.width as usize).len();
            (
                n.saturating_sub(inner.height as usize),
                inner.height as usize,
            )
        }
        None => (0, 0),
    }
}
