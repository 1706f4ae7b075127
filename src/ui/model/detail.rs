//! The detail pane's text: for a task its title, the owners table (责任领导,
//! and 责任单位 paired with 责任人, per accountability row), the target
//! texts and the full text; for a group its tasks; for 全部 a summary.
//!
//! Laid out here, in the model, as [`doc`](super::doc) lines: `update`
//! counts them (only when the selection, the width or the data change) to
//! scroll, and the view draws them. All text is wrapped by display width
//! with [`crate::text::wrap`] (never ratatui's Paragraph wrap, which
//! breaks only at spaces).

use super::doc::{Piece, Pieces, Tone, flow, piece, plain, wrapped};
use super::filter::VisTask;
use super::state::{AppState, TreeRow};
use super::words::{filters_text, light_count, light_mark, note_text, state_word};
use crate::pace::{Light, LightCounts};
use crate::plan::{Row, Task};
use crate::text;
use crate::ui::data::{Class, Counts};
use crate::ui::strings::{S, fill};

fn heading(out: &mut Vec<Pieces>, state: &AppState, s: S) {
    out.push(Vec::new());
    out.push(vec![piece(state.tr(s), Tone::Heading)]);
}

/// `✔ 达标 3`, `► 推进中 2`, `✖ 未达 1`, `? 无数据 5`
pub fn counts_items(state: &AppState, counts: &Counts) -> Vec<Piece> {
    if state.loading {
        return vec![piece(state.tr(state.waiting()), Tone::Dim)];
    }
    let th = state.theme();
    [Class::Met, Class::InProgress, Class::Missed, Class::NoData]
        .into_iter()
        .map(|c| {
            let t = format!(
                "{} {} {}",
                th.class_mark(c),
                state.word(c.status()),
                counts.get(c)
            );
            piece(t, Tone::Class(c))
        })
        .collect()
}

/// `亮灯：红 1  黄 2  绿 0  灰 9  逾期未报 1`, wrapped to `width`.
fn lights_line(
    out: &mut Vec<Pieces>,
    state: &AppState,
    c: &LightCounts,
    stale: usize,
    width: usize,
) {
    if state.loading {
        let items = vec![piece(state.tr(state.waiting()), Tone::Dim)];
        flow(out, piece(state.label(S::ByLight), Tone::Dim), items, width);
        return;
    }
    let mut items: Vec<Piece> = Light::ALL
        .into_iter()
        .map(|l| piece(light_count(state, l, c.get(l)), Tone::Light(l)))
        .collect();
    let stale_tone = if stale > 0 {
        Tone::Highlight
    } else {
        Tone::Dim
    };
    let stale_text = fill(state.lang(), S::CountStale, &[&stale.to_string()]);
    items.push(piece(stale_text, stale_tone));
    flow(out, piece(state.label(S::ByLight), Tone::Dim), items, width);
}

/// A task's status mark and light (`✖ 红`, `!` after it when one of its
/// indicators is 逾期未报), the light padded so that what follows lines up.
pub fn task_marks(
    state: &AppState,
    counts: &Counts,
    lights: &LightCounts,
    stale: usize,
) -> Vec<Piece> {
    let th = state.theme();
    let wide = Light::ALL
        .iter()
        .map(|&l| text::width(light_mark(state, l)))
        .max();
    let room = wide.unwrap_or(1) + text::width(th.stale_mark());
    if state.loading {
        // The ledger is being read: the same cells, a loading mark in each.
        let mark = state.tr(S::MarkLoading);
        return vec![
            piece(mark, Tone::Dim),
            plain(" "),
            piece(text::pad(mark, room), Tone::Dim),
        ];
    }
    let c = counts.summary();
    let l = lights.worst();
    let mut light = light_mark(state, l).to_string();
    if stale > 0 {
        light.push_str(th.stale_mark());
    }
    let light = text::pad(&light, room);
    vec![
        piece(th.class_mark(c), Tone::Class(c)),
        plain(" "),
        piece(light, Tone::Light(l)),
    ]
}

/// The widths of the owners table's columns, headings included.
struct OwnerCols {
    id: usize,
    lead: usize,
    person: usize,
    /// The widest unit (the column may get less).
    unit: usize,
}

fn owner_cols(state: &AppState, rows: &[&Row]) -> OwnerCols {
    let widest = |it: &mut dyn Iterator<Item = usize>, head: S| {
        it.max().unwrap_or(0).max(text::width(state.tr(head)))
    };
    OwnerCols {
        id: widest(&mut rows.iter().map(|r| text::width(&r.id)), S::Row),
        lead: widest(
            &mut rows
                .iter()
                .flat_map(|r| r.leaders.iter().map(|l| text::width(l))),
            S::Leaders,
        ),
        person: widest(
            &mut rows
                .iter()
                .flat_map(|r| r.owners.iter().map(|o| text::width(&o.person))),
            S::Persons,
        ),
        unit: widest(
            &mut rows
                .iter()
                .flat_map(|r| r.owners.iter().map(|o| text::width(&o.unit))),
            S::Units,
        ),
    }
}

/// The filter's name in highlight, anything else plain.
fn hit_tone(hit: bool) -> Tone {
    if hit { Tone::Highlight } else { Tone::Plain }
}

/// The owners table: one block per accountability row; leaders one per
/// line in their column, each unit on its own line beside its person.
fn owners(out: &mut Vec<Pieces>, state: &AppState, rows: &[&Row], width: usize) {
    let c = owner_cols(state, rows);
    let fixed = c.id + c.lead + c.person + 6;
    if width >= fixed + c.unit {
        owners_table(out, state, rows, &c, c.unit.min(width - fixed));
    } else {
        owners_stacked(out, state, rows, &c, width);
    }
}

/// The owners in columns, the units `unit_w` wide.
fn owners_table(
    out: &mut Vec<Pieces>,
    state: &AppState,
    rows: &[&Row],
    c: &OwnerCols,
    unit_w: usize,
) {
    let head = format!(
        "{}  {}  {}  {}",
        text::pad(state.tr(S::Row), c.id),
        text::pad(state.tr(S::Leaders), c.lead),
        text::pad(state.tr(S::Units), unit_w),
        state.tr(S::Persons)
    );
    out.push(vec![piece(head, Tone::Dim)]);
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
            out.push(vec![
                piece(text::pad(id, c.id), Tone::Dim),
                plain("  "),
                piece(text::pad(lead, c.lead), hit_tone(lead_hit)),
                plain("  "),
                piece(text::pad(unit, unit_w), hit_tone(unit_hit)),
                plain("  "),
                piece(person, hit_tone(unit_hit)),
            ]);
        }
    }
}

/// Too narrow for columns: the row and its leaders, then each unit with
/// its person, indented.
fn owners_stacked(
    out: &mut Vec<Pieces>,
    state: &AppState,
    rows: &[&Row],
    c: &OwnerCols,
    width: usize,
) {
    let indent = " ".repeat(c.id + 2);
    for r in rows {
        let items = r
            .leaders
            .iter()
            .map(|l| {
                let hit = state.filters.leader.as_deref() == Some(l.as_str());
                piece(l.clone(), if hit { Tone::Highlight } else { Tone::Title })
            })
            .collect();
        flow(
            out,
            piece(text::pad(&r.id, c.id + 2), Tone::Dim),
            items,
            width,
        );
        for o in &r.owners {
            let hit = state.filters.unit.as_deref() == Some(o.unit.as_str());
            let line = format!("{}  {}", o.unit, o.person);
            wrapped(out, &indent, &line, width, Tone::Plain, hit_tone(hit));
        }
    }
}

/// A task's title, group, state, note and indicator counts.
fn task_head(out: &mut Vec<Pieces>, state: &AppState, t: &Task, vt: &VisTask, width: usize) {
    let id = format!("{} ", t.id);
    wrapped(out, &id, &t.title, width, Tone::Title, Tone::Title);
    if t.group != 0 {
        let g = state
            .plan
            .group(t.group)
            .map(|g| g.title.as_str())
            .unwrap_or("");
        let group = format!("{}{}", state.plan.group_label(t.group), g);
        wrapped(
            out,
            &state.label(S::Group),
            &group,
            width,
            Tone::Dim,
            Tone::Plain,
        );
    }
    let st = match state.loading {
        true => state.tr(state.waiting()),
        false => state_word(state, state.progress.task_state_of(&t.id)),
    };
    out.push(vec![piece(state.label(S::TaskState), Tone::Dim), plain(st)]);
    if let Some((label, note)) = note_text(state, &t.id) {
        wrapped(out, &label, &note, width, Tone::Dim, Tone::Highlight);
    }
    let label = piece(state.label(S::Indicators), Tone::Dim);
    flow(out, label, counts_items(state, &vt.counts), width);
    lights_line(out, state, &vt.lights, vt.stale, width);
}

fn task_lines(out: &mut Vec<Pieces>, state: &AppState, t: &Task, vt: &VisTask, width: usize) {
    task_head(out, state, t, vt, width);
    let rows: Vec<&Row> = state.plan.rows_of(&t.id).collect();
    if !rows.is_empty() {
        heading(out, state, S::Owners);
        owners(out, state, &rows, width);
        heading(out, state, S::Targets);
        for r in &rows {
            let id = format!("{} ", r.id);
            wrapped(out, &id, &r.target, width, Tone::Dim, Tone::Plain);
        }
    }
    heading(out, state, S::Text);
    wrapped(out, "", &t.text, width, Tone::Plain, Tone::Plain);
    if !t.units.is_empty() {
        out.push(Vec::new());
        let units = t.units.join("、");
        let label = state.label(S::BodyUnits);
        wrapped(out, &label, &units, width, Tone::Dim, Tone::Plain);
    }
}

fn all_lines(out: &mut Vec<Pieces>, state: &AppState, width: usize) {
    let title = match state.plan.districts.len() {
        0 => state.tr(S::PlanTitle).to_string(),
        n => fill(state.lang(), S::CityTitle, &[&n.to_string()]),
    };
    wrapped(out, "", &title, width, Tone::Title, Tone::Title);
    out.push(vec![
        piece(state.label(S::TodayIs), Tone::Dim),
        plain(state.progress.today.to_string()),
    ]);
    out.push(vec![plain(fill(
        state.lang(),
        S::Summary,
        &[
            &state.task_count().to_string(),
            &state.visible.inds.len().to_string(),
        ],
    ))]);
    let label = piece(state.label(S::ByStatus), Tone::Dim);
    flow(
        out,
        label,
        counts_items(state, &state.visible.counts),
        width,
    );
    let v = &state.visible;
    lights_line(out, state, &v.lights, v.stale, width);
    if let Some(f) = filters_text(state) {
        let label = state.label(S::ActiveFilters);
        wrapped(out, &label, &f, width, Tone::Dim, Tone::Highlight);
    }
    out.push(Vec::new());
    let hint = state.tr(S::StartHint);
    wrapped(out, "", hint, width, Tone::Dim, Tone::Dim);
}

fn group_lines(out: &mut Vec<Pieces>, state: &AppState, g: u32, width: usize) {
    let tasks = group_head(out, state, g, width);
    out.extend(tasks.map(|vt| group_task_line(state, vt)));
}

/// A group's lines before its list of tasks (one line each, see
/// [`group_task_line`]), and the range of that list in the visible tasks.
fn group_head<'s>(
    out: &mut Vec<Pieces>,
    state: &'s AppState,
    g: u32,
    width: usize,
) -> std::slice::Iter<'s, VisTask> {
    let title = state.plan.group(g).map(|x| x.title.as_str()).unwrap_or("");
    wrapped(
        out,
        &state.plan.group_label(g),
        title,
        width,
        Tone::Title,
        Tone::Title,
    );
    let Some(range) = state.visible.group_range(g) else {
        return [].iter();
    };
    let (counts, lights, stale) = state.visible.group_counts(g);
    let label = piece(state.label(S::Indicators), Tone::Dim);
    flow(out, label, counts_items(state, &counts), width);
    lights_line(out, state, &lights, stale, width);
    heading(out, state, S::GroupTasks);
    state.visible.tasks[range].iter()
}

/// One task of a group's list: marks, id, title, leaders.
fn group_task_line(state: &AppState, vt: &VisTask) -> Pieces {
    let t = &state.plan.tasks[vt.pos];
    let leaders = state.plan.task_leaders(&t.id).join("、");
    let mut line = task_marks(state, &vt.counts, &vt.lights, vt.stale);
    line.extend([
        plain(format!(" {:>2} ", state.plan.local_id(&t.id))),
        plain(t.title.clone()),
        piece(format!("  {leaders}"), Tone::Dim),
    ]);
    line
}

/// A district of a city's plan: its name, its counts and lights, and one
/// line for each of its groups (marks, label, title).
fn district_lines(out: &mut Vec<Pieces>, state: &AppState, d: usize, width: usize) {
    let Some(district) = state.plan.districts.get(d) else {
        return;
    };
    wrapped(out, "", &district.name, width, Tone::Title, Tone::Title);
    if let Some((day, overdue)) = state.publish_of(d) {
        let mut line = vec![piece(state.label(S::LastPublished), Tone::Dim)];
        line.push(match day {
            Some(day) => plain(day.to_string()),
            None => piece(
                state.tr(S::NeverPublished).to_string(),
                Tone::Light(Light::Yellow),
            ),
        });
        if overdue && day.is_some() {
            line.push(piece(
                format!("  {}", state.tr(S::PublishOverdue)),
                Tone::Light(Light::Yellow),
            ));
        }
        out.push(line);
    }
    let (counts, lights, stale) = state.visible.district_counts(&state.plan, d);
    let label = piece(state.label(S::Indicators), Tone::Dim);
    flow(out, label, counts_items(state, &counts), width);
    lights_line(out, state, &lights, stale, width);
    heading(out, state, S::DistrictGroups);
    for (g, _) in &state.visible.groups {
        if state.plan.district_of_group(*g) != Some(d) {
            continue;
        }
        let (c, l, s) = state.visible.group_counts(*g);
        let title = state.plan.group(*g).map(|x| x.title.as_str()).unwrap_or("");
        let mut line = task_marks(state, &c, &l, s);
        line.push(plain(format!(" {}{title}", state.plan.group_label(*g))));
        out.push(line);
    }
}

/// `n` of the detail pane's lines from line `from` on, and how many lines
/// it has in all: [`lines`] without laying out what is not shown (a
/// group's list of tasks is one line per task: a group of 500 tasks lays
/// out the few on screen).
pub fn window(state: &AppState, width: usize, from: usize, n: usize) -> (Vec<Pieces>, usize) {
    let TreeRow::Group(g) = state.selected_row() else {
        let all = lines(state, width);
        let total = all.len();
        return (all.into_iter().skip(from).take(n).collect(), total);
    };
    let mut out = Vec::new();
    let tasks = group_head(&mut out, state, g, width);
    let total = out.len() + tasks.len();
    let head = out.len();
    let mut shown: Vec<Pieces> = out.into_iter().skip(from).take(n).collect();
    let skip = from.saturating_sub(head);
    let more = n - shown.len();
    shown.extend(
        tasks
            .skip(skip)
            .take(more)
            .map(|vt| group_task_line(state, vt)),
    );
    (shown, total)
}

/// The detail pane's lines for the selected tree row at `width` cells.
pub fn lines(state: &AppState, width: usize) -> Vec<Pieces> {
    let mut out = Vec::new();
    match state.selected_row() {
        TreeRow::All => all_lines(&mut out, state, width),
        TreeRow::Group(g) => group_lines(&mut out, state, g, width),
        TreeRow::District(d) => district_lines(&mut out, state, d, width),
        TreeRow::Task(i) => {
            if let Some(vt) = state.visible.tasks.get(i) {
                let t = &state.plan.tasks[vt.pos];
                task_lines(&mut out, state, t, vt, width);
            }
        }
    }
    out
}
