//! The overview (`o`): met / in progress / missed / no data per group and
//! per leader, as counts and stacked bars, over all indicators (filters do
//! not apply). The rows are the model's ([`crate::ui::model::overview`]).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::paint;
use super::theme::Styles;
use crate::text;
use crate::ui::data::{Class, Counts};
use crate::ui::model::overview::{OvKind, OvRow};
use crate::ui::model::{AppState, Cursor};
use crate::ui::strings::S;

const CLASSES: [Class; 4] = [Class::Met, Class::InProgress, Class::Missed, Class::NoData];

/// Splits `width` cells among the classes in proportion to `counts`
/// (met, in progress, missed, no data), by cumulative rounding.
pub fn stack(counts: &Counts, width: usize) -> Vec<(Class, usize)> {
    let total = counts.total();
    if total == 0 {
        return vec![(Class::NoData, 0)];
    }
    let mut out = Vec::new();
    let mut cum = 0;
    let mut drawn = 0;
    for c in CLASSES {
        cum += counts.get(c);
        let edge = (cum * width + total / 2) / total;
        out.push((c, edge - drawn));
        drawn = edge;
    }
    out
}

/// `✔ #  达标   ► >  推进中 …`: what the bar's cells mean.
fn legend(state: &AppState) -> Line<'static> {
    let th = state.theme();
    let mut legend = Vec::new();
    for c in CLASSES {
        legend.push(Span::styled(
            format!("{} {} ", th.class_mark(c), th.stack_char(c)),
            th.class(c),
        ));
        legend.push(Span::raw(format!("{}   ", state.word(c.status()))));
    }
    Line::from(legend)
}

/// The widths of a row's label and bar at `w` cells.
fn widths(rows: &[OvRow], w: usize) -> (usize, usize) {
    let label_cap = (w * 2 / 5).max(10);
    let label_w = rows
        .iter()
        .map(|r| text::width(&r.label))
        .max()
        .unwrap_or(0)
        .min(label_cap);
    let counts_w = 4 * 6;
    let bar_w = w.saturating_sub(2 + label_w + 2 + counts_w + 2 + 2);
    (label_w, bar_w)
}

/// One group's or leader's line: marker, label, the four counts, the bar.
fn row_line(state: &AppState, r: &OvRow, sel: bool, label_w: usize, bar_w: usize) -> Line<'static> {
    let th = state.theme();
    let mut spans = vec![
        Span::raw(if sel {
            format!("{} ", th.sel_marker())
        } else {
            "  ".into()
        }),
        Span::styled(text::pad(&r.label, label_w), th.title()),
        Span::raw("  "),
    ];
    for c in CLASSES {
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
    let line = Line::from(spans);
    if sel {
        line.style(th.selected(true))
    } else {
        line
    }
}

pub fn draw(frame: &mut Frame, main: Rect, state: &AppState, c: Cursor) {
    let th = state.theme();
    let buf = frame.buffer_mut();
    let title = format!(" {} ", state.tr(S::Overview));
    let inner = paint::frame_block(buf, main, paint::block(state, title, true));
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let w = inner.width;
    let note = state.tr(S::OverviewNote);
    paint::put(buf, inner.x, inner.y, w, note, th.dim());
    if inner.height > 1 {
        paint::put_line(buf, inner.x, inner.y + 1, w, &legend(state));
    }
    let rows = &state.overview;
    let (label_w, bar_w) = widths(rows, w as usize);
    let list_y = inner.y + 2;
    let height = inner.height.saturating_sub(2) as usize;
    for (i, r) in rows.iter().enumerate().skip(c.offset).take(height) {
        let y = list_y + (i - c.offset) as u16;
        if let OvKind::Heading(h) = r.kind {
            paint::put(buf, inner.x, y, w, state.tr(h), th.heading());
            continue;
        }
        let sel = i == c.sel;
        if sel {
            let line = Rect {
                y,
                height: 1,
                ..inner
            };
            buf.set_style(line, th.selected(true));
        }
        paint::put_line(buf, inner.x, y, w, &row_line(state, r, sel, label_w, bar_w));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Status;

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
}
