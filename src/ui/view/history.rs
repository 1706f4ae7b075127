//! The history popup (`H`): who changed the selected indicator, when, old →
//! new and the note, newest first, a long row wrapped by display width
//! under its text; a sparkline of the numeric values once
//! there are two or more. The run loop reads the rows from the ledger
//! ([`crate::ui::Action::History`]); this only draws.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::symbols::bar;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Sparkline, Widget};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::paint;
use super::theme::Styles;
use crate::ledger::{Actual, Entry, Field};
use crate::text;
use crate::ui::model::words::{shown, when};
use crate::ui::model::{AppState, HistoryView};
use crate::ui::strings::{S, fill};

/// Braille cells: narrow everywhere (not East Asian Ambiguous, unlike the
/// block elements ▁▂▃).
const BRAILLE: bar::Set<'static> = bar::Set {
    full: "⣿",
    seven_eighths: "⣿",
    three_quarters: "⣶",
    five_eighths: "⣶",
    half: "⣤",
    three_eighths: "⣤",
    one_quarter: "⣀",
    one_eighth: "⣀",
    empty: " ",
};

const ASCII: bar::Set<'static> = bar::Set {
    full: "#",
    seven_eighths: "#",
    three_quarters: "=",
    five_eighths: "=",
    half: "-",
    three_eighths: "-",
    one_quarter: ".",
    one_eighth: ".",
    empty: " ",
};

/// The numeric values of `rows` (newest first), oldest first, scaled to
/// 1..=8 for the sparkline; `None` with fewer than two.
pub fn trend(rows: &[Entry]) -> Option<Vec<u64>> {
    let vals: Vec<Decimal> = rows
        .iter()
        .rev()
        .filter_map(|e| match e.value.as_deref().and_then(Actual::from_ledger) {
            Some(Actual::Number(d)) => Some(d),
            _ => None,
        })
        .collect();
    if vals.len() < 2 {
        return None;
    }
    let min = vals.iter().copied().min()?;
    let max = vals.iter().copied().max()?;
    let span = max - min;
    Some(
        vals.iter()
            .map(|v| {
                if span.is_zero() {
                    4
                } else {
                    let f = ((*v - min) / span * Decimal::from(7)).round();
                    1 + f.to_u64().unwrap_or(0)
                }
            })
            .collect(),
    )
}

/// The popup's title: the id and how many changes it has, and how many
/// of them are listed when not all are.
pub fn title(state: &AppState, h: &HistoryView) -> String {
    let shown = h.rows.len();
    let total = h.total.max(shown);
    if total > shown {
        fill(
            state.lang(),
            S::HistoryTitleSome,
            &[&h.id, &total.to_string(), &shown.to_string()],
        )
    } else {
        fill(state.lang(), S::HistoryTitle, &[&h.id, &total.to_string()])
    }
}

/// Fewest cells the text of a change keeps beside when and who before
/// it is shown on one line, cut, instead of wrapped.
const MIN_BODY: usize = 12;

/// One change: when, who, and old -> new with its remark, or for a note
/// row the note, labelled as one; wrapped by display width to `width`,
/// the lines after the first indented under the text.
fn row_lines(state: &AppState, e: &Entry, width: usize) -> Vec<Line<'static>> {
    let th = state.theme();
    let head = vec![
        Span::styled(when(e.time), th.dim()),
        Span::raw("  "),
        Span::styled(e.user.clone(), th.key()),
        Span::raw("  "),
    ];
    let mut body = Vec::new();
    if e.field == Field::Note {
        match &e.value {
            Some(v) => {
                body.push(Span::styled(state.label(S::NoteLabel), th.dim()));
                body.push(Span::styled(v.clone(), th.title()));
            }
            None => body.push(Span::styled(state.tr(S::NoteCleared), th.dim())),
        }
    } else {
        let old = shown(state, &e.id, e.field, e.old.as_deref());
        let new = shown(state, &e.id, e.field, e.value.as_deref());
        body.push(Span::raw(format!("{old} -> ")));
        body.push(Span::styled(new, th.title()));
    }
    if let Some(n) = &e.note {
        body.push(Span::styled(format!("  {n}"), th.dim()));
    }
    let hw: usize = head.iter().map(|s| text::width(&s.content)).sum();
    if width < hw + MIN_BODY {
        return vec![Line::from([head, body].concat())];
    }
    paint::wrap_spans(&body, width - hw)
        .into_iter()
        .enumerate()
        .map(|(k, l)| {
            let first = if k == 0 {
                head.clone()
            } else {
                vec![Span::raw(" ".repeat(hw))]
            };
            Line::from([first, l].concat())
        })
        .collect()
}

pub fn draw(frame: &mut Frame, main: Rect, state: &AppState, h: &HistoryView) {
    let th = state.theme();
    let w = main.width.saturating_sub(4).clamp(10, 90);
    let hgt = main.height.saturating_sub(2).max(3);
    let area = paint::centered(main, w, hgt);
    let buf = frame.buffer_mut();
    paint::clear_popup(buf, area);
    let title = title(state, h);
    let inside = paint::frame_block(buf, area, paint::block(state, title, true));
    let x = inside.x + 1;
    let width = inside.width.saturating_sub(2);
    let mut y = inside.y;
    let bottom = inside.y + inside.height;
    if h.rows.is_empty() {
        paint::put(buf, x, y, width, state.tr(S::HistoryEmpty), th.dim());
        return;
    }
    if let Some(data) = trend(&h.rows)
        && y + 2 < bottom
    {
        let label = format!("{} ", state.label(S::Trend));
        paint::put(buf, x, y, width, &label, th.dim());
        let lw = text::width(&label) as u16;
        let spark = Rect {
            x: x + lw,
            y,
            width: width.saturating_sub(lw).min(data.len() as u16),
            height: 2,
        };
        let set = if th.ascii { ASCII } else { BRAILLE };
        Sparkline::default()
            .data(&data)
            .max(8)
            .bar_set(set)
            .style(th.highlight())
            .render(spark, buf);
        y += 3;
    }
    // rows from the first shown (the cursor counts rows), each on as many
    // lines as it wraps to; a row cut at the bottom ends with `~`
    'rows: for e in h.rows.iter().skip(h.cursor.sel) {
        let lines = row_lines(state, e, width as usize);
        let n = lines.len();
        for (k, l) in lines.into_iter().enumerate() {
            if y >= bottom {
                break 'rows;
            }
            let l = if y + 1 == bottom && k + 1 < n {
                paint::mark_cut(&l, width as usize)
            } else {
                l
            };
            paint::put_line(buf, x, y, width, &l);
            y += 1;
        }
    }
}
