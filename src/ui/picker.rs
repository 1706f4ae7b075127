//! The leader (`L`), unit (`U`) and status (`S`) pickers: a list with
//! counts, narrowed as you type Chinese or pinyin (`zkc` → 朱快春).

use std::collections::{HashMap, HashSet};

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::cursor::Cursor;
use super::data::Class;
use super::field::TextField;
use super::filter;
use super::paint;
use super::state::AppState;
use super::strings::{S, fill};
use crate::plan::Plan;
use crate::plan::names::{Query, initials};
use crate::text;
use crate::vocab::Term;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickKind {
    Leader,
    Unit,
    Status,
    /// `t`: the selected task's status (not_started … done).
    TaskState,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickValue {
    Name(String),
    Class(Class),
    State(crate::ledger::TaskState),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickItem {
    pub value: PickValue,
    pub label: String,
    /// Pinyin initials (names) or the other language's word (statuses).
    pub alt: String,
    /// Texts the typed query is matched against.
    pub keys: Vec<String>,
    pub count: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub kind: PickKind,
    pub field: TextField,
    pub items: Vec<PickItem>,
    /// Indexes into `items` that match the field.
    pub shown: Vec<usize>,
    /// The selected row of `shown` and the first on screen.
    pub cursor: Cursor,
    /// The task whose status a [`PickKind::TaskState`] picker sets.
    pub task: Option<String>,
}

/// Tasks (other than task 0) and headline rows of each leader, one pass.
fn leader_counts(plan: &Plan) -> HashMap<String, (usize, usize)> {
    let mut tasks: HashMap<&str, HashSet<&str>> = HashMap::new();
    let mut headline: HashMap<&str, usize> = HashMap::new();
    for r in &plan.rows {
        for l in &r.leaders {
            if r.task == "0" {
                *headline.entry(l).or_default() += 1;
            } else {
                tasks.entry(l).or_default().insert(&r.task);
            }
        }
    }
    let mut out: HashMap<String, (usize, usize)> = HashMap::new();
    for (l, set) in tasks {
        out.entry(l.to_string()).or_default().0 = set.len();
    }
    for (l, h) in headline {
        out.entry(l.to_string()).or_default().1 = h;
    }
    out
}

/// Every unit (annex rows, then the body's lists) with its task count.
fn unit_counts(plan: &Plan) -> Vec<(String, usize)> {
    let mut order: Vec<String> = plan.units();
    let mut seen: HashSet<String> = order.iter().cloned().collect();
    let mut count: HashMap<String, usize> = HashMap::new();
    for t in &plan.tasks {
        let mut mine: HashSet<&str> = t.units.iter().map(String::as_str).collect();
        for r in plan.rows_of(&t.id) {
            mine.extend(r.owners.iter().map(|o| o.unit.as_str()));
        }
        for u in &t.units {
            if seen.insert(u.clone()) {
                order.push(u.clone());
            }
        }
        for u in mine {
            *count.entry(u.to_string()).or_default() += 1;
        }
    }
    order
        .into_iter()
        .map(|u| {
            let n = count.get(&u).copied().unwrap_or(0);
            (u, n)
        })
        .collect()
}

impl Picker {
    pub fn open(kind: PickKind, state: &AppState) -> Picker {
        let lang = state.lang();
        let plan = &state.plan;
        let items: Vec<PickItem> = match kind {
            PickKind::Leader => {
                let counts = leader_counts(plan);
                plan.leaders()
                    .into_iter()
                    .map(|l| {
                        let (t, h) = counts.get(&l).copied().unwrap_or((0, 0));
                        let mut count = fill(lang, S::NTasks, &[&t.to_string()]);
                        if h > 0 {
                            count.push_str(" + ");
                            count.push_str(&fill(lang, S::NHeadline, &[&h.to_string()]));
                        }
                        PickItem {
                            value: PickValue::Name(l.clone()),
                            alt: initials(&l),
                            keys: vec![l.clone()],
                            label: l,
                            count,
                        }
                    })
                    .collect()
            }
            PickKind::Unit => unit_counts(plan)
                .into_iter()
                .map(|(u, n)| PickItem {
                    value: PickValue::Name(u.clone()),
                    alt: String::new(),
                    keys: vec![u.clone()],
                    label: u,
                    count: fill(lang, S::NTasks, &[&n.to_string()]),
                })
                .collect(),
            PickKind::Status => {
                let counts = filter::class_counts(plan, &state.statuses, &state.filters);
                Class::ALL
                    .into_iter()
                    .map(|c| {
                        let w = c.status().words();
                        PickItem {
                            value: PickValue::Class(c),
                            label: format!("{} {}", state.theme().class_mark(c), w.get(lang)),
                            alt: w.get(lang.other()).to_string(),
                            keys: w.accepted().map(String::from).collect(),
                            count: fill(lang, S::NIndicators, &[&counts.get(c).to_string()]),
                        }
                    })
                    .collect()
            }
            PickKind::TaskState => {
                let current = state
                    .selected_task_pos()
                    .and_then(|p| state.progress.task_state.get(&plan.tasks[p].id));
                crate::ledger::TaskState::ALL
                    .into_iter()
                    .map(|t| {
                        let w = t.words();
                        PickItem {
                            value: PickValue::State(t),
                            label: w.get(lang).to_string(),
                            alt: w.get(lang.other()).to_string(),
                            keys: w.accepted().map(String::from).collect(),
                            count: if current == Some(&t) {
                                state.tr(S::Current).to_string()
                            } else {
                                String::new()
                            },
                        }
                    })
                    .collect()
            }
        };
        let task = (kind == PickKind::TaskState)
            .then(|| state.selected_task_pos().map(|p| plan.tasks[p].id.clone()))
            .flatten();
        let mut p = Picker {
            kind,
            field: TextField::default(),
            shown: Vec::new(),
            items,
            cursor: Cursor::default(),
            task,
        };
        p.narrow();
        p
    }

    /// Re-applies the typed text to the list; the selection goes to the
    /// first match.
    pub fn narrow(&mut self) {
        let query = Query::new(&self.field.text());
        let q = query.compile();
        let lower = self.field.text().trim().to_lowercase();
        self.shown = self
            .items
            .iter()
            .enumerate()
            .filter(|(_, it)| {
                query.is_empty()
                    || it.keys.iter().any(|k| q.matches(k))
                    || (!it.alt.is_empty() && it.alt.to_lowercase().contains(&lower))
            })
            .map(|(i, _)| i)
            .collect();
        self.cursor = Cursor::default();
    }

    pub fn selected(&self) -> Option<&PickItem> {
        self.shown
            .get(self.cursor.sel)
            .and_then(|&i| self.items.get(i))
    }

    pub fn title(&self) -> S {
        match self.kind {
            PickKind::Leader => S::PickLeader,
            PickKind::Unit => S::PickUnit,
            PickKind::Status => S::PickStatus,
            PickKind::TaskState => S::PickTaskState,
        }
    }
}

/// The widest of one column of the items, in display cells.
fn widest(items: &[PickItem], col: impl Fn(&PickItem) -> &String) -> usize {
    items.iter().map(|i| text::width(col(i))).max().unwrap_or(0)
}

/// The popup's rectangle inside the main area.
pub fn popup(main: Rect, p: &Picker) -> Rect {
    let label_w = widest(&p.items, |i| &i.label);
    let count_w = widest(&p.items, |i| &i.count);
    let want_w = (label_w + count_w + 16).max(44) as u16;
    let want_h = (p.items.len() as u16).saturating_add(4);
    paint::centered(main, want_w.min(main.width.saturating_sub(2)), want_h)
}

/// Rows of the list inside the popup.
pub fn list_height(popup: Rect) -> usize {
    popup.height.saturating_sub(4) as usize
}

pub fn draw(frame: &mut Frame, main: Rect, state: &AppState, p: &Picker) -> Option<Position> {
    let th = state.theme();
    let area = popup(main, p);
    if area.width < 4 || area.height < 3 {
        return None;
    }
    let buf = frame.buffer_mut();
    paint::clear_popup(buf, area);
    let title = format!(" {} ", state.tr(p.title()));
    let inner = paint::frame_block(buf, area, paint::block(state, title, true));
    let w = inner.width;
    // the input line: "> 朱k" with the hardware cursor at the caret
    let prompt = "> ";
    paint::put(buf, inner.x, inner.y, w, prompt, th.key());
    let field_x = inner.x + prompt.len() as u16;
    let text = p.field.text();
    if text.is_empty() {
        paint::put(
            buf,
            field_x,
            inner.y,
            w.saturating_sub(2),
            state.tr(S::PickerPrompt),
            th.dim(),
        );
    } else {
        paint::put(
            buf,
            field_x,
            inner.y,
            w.saturating_sub(2),
            &text,
            th.title(),
        );
    }
    let list = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2),
        ..inner
    };
    if p.shown.is_empty() {
        if list.height > 0 {
            paint::put(buf, list.x, list.y, w, state.tr(S::NoChoice), th.message());
        }
    } else {
        let label_w = widest(&p.items, |i| &i.label);
        let alt_w = widest(&p.items, |i| &i.alt);
        for (row, &i) in p
            .shown
            .iter()
            .enumerate()
            .skip(p.cursor.offset)
            .take(list.height as usize)
        {
            let it = &p.items[i];
            let y = list.y + (row - p.cursor.offset) as u16;
            let sel = row == p.cursor.sel;
            let line = Line::from(vec![
                Span::raw(if sel {
                    format!("{} ", th.sel_marker())
                } else {
                    "  ".into()
                }),
                Span::styled(text::pad(&it.label, label_w), th.title()),
                Span::raw("  "),
                Span::styled(text::pad(&it.alt, alt_w), th.dim()),
                Span::raw("  "),
                Span::raw(it.count.clone()),
            ]);
            let line = if sel {
                line.style(th.selected(true))
            } else {
                line
            };
            if sel {
                buf.set_style(
                    Rect {
                        y,
                        height: 1,
                        ..list
                    },
                    th.selected(true),
                );
            }
            paint::put_line(buf, list.x, y, w, &line);
        }
    }
    let col = field_x as usize + p.field.caret_col();
    let max_x = (inner.x + w).saturating_sub(1) as usize;
    Some(Position::new(col.min(max_x) as u16, inner.y))
}
