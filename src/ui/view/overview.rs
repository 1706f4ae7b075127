//! The overview (`o`): met / in progress / missed / no data, the red /
//! yellow / green / gray lights and the values 逾期未报 (`!`, as the tree
//! marks them) per group and per leader, as counts, and a stacked bar of
//! the statuses when there is room, over all indicators (filters do not
//! apply). The rows are the model's
//! ([`crate::ui::model::overview`]).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::paint;
use super::theme::Styles;
use crate::pace::Light;
use crate::text;
use crate::ui::data::{Class, Counts};
use crate::ui::model::overview::{OvKind, OvRow};
use crate::ui::model::words::light_mark;
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

/// `✔ #  达标   ► >  推进中 …`: what the marks and the bar's cells mean
/// (one character where they are the same: `>` in ASCII).
fn legend(state: &AppState) -> Line<'static> {
    let th = state.theme();
    let mut legend = Vec::new();
    for c in CLASSES {
        let (mark, cell) = (th.class_mark(c), th.stack_char(c).to_string());
        let shown = if mark == cell {
            format!("{mark} ")
        } else {
            format!("{mark} {cell} ")
        };
        legend.push(Span::styled(shown, th.class(c)));
        legend.push(Span::raw(format!("{}   ", state.word(c.status()))));
    }
    Line::from(legend)
}

/// `灯：红 落后或逾期  黄 稍慢 …`: what the lights mean.
fn lights_legend(state: &AppState) -> Line<'static> {
    Line::from(Span::styled(state.tr(S::LightsLegend), state.theme().dim()))
}

/// The widths of the rows' parts at `w` cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Widths {
    label: usize,
    /// Digits of the largest count.
    digits: usize,
    /// The widest light mark (红: 2, `R`: 1).
    mark: usize,
    /// The bar between its brackets; 0: no bar.
    bar: usize,
}

/// The label gets up to 3/10 of the width, the counts what they need, the
/// bar the rest if that is 10 cells or more, else the label takes it.
fn widths(state: &AppState, rows: &[OvRow], w: usize) -> Widths {
    let widest = rows
        .iter()
        .map(|r| text::width(&r.label))
        .max()
        .unwrap_or(0);
    let most = rows.iter().map(|r| r.counts.total()).max().unwrap_or(0);
    let digits = most.to_string().len();
    let mark = Light::ALL
        .iter()
        .map(|&l| text::width(light_mark(state, l)))
        .max()
        .unwrap_or(1);
    // 2 marker, 2 gap, status counts `✔ 12 `, 1 gap, light counts `红 12 `,
    // 1 gap, the stale count `! 12 `
    let counts = 4 * (1 + 1 + digits + 1) + 1 + 4 * (mark + 1 + digits + 1) + 1 + (digits + 3);
    let fixed = 2 + 2 + counts;
    let label = widest.min((w * 3 / 10).max(16));
    let bar = w.saturating_sub(fixed + label + 3);
    if bar >= 10 {
        return Widths {
            label,
            digits,
            mark,
            bar,
        };
    }
    let label = widest.min(w.saturating_sub(fixed));
    Widths {
        label,
        digits,
        mark,
        bar: 0,
    }
}

/// The counts of a row: statuses, lights, then the stale (dim when 0).
fn count_spans(state: &AppState, r: &OvRow, wd: Widths) -> Vec<Span<'static>> {
    let th = state.theme();
    let mut spans = Vec::new();
    for c in CLASSES {
        let n = r.counts.get(c);
        let style = if n > 0 { th.class(c) } else { th.dim() };
        let count = text::pad_left(&n.to_string(), wd.digits);
        spans.push(Span::styled(
            format!("{} {count} ", th.class_mark(c)),
            style,
        ));
    }
    spans.push(Span::raw(" "));
    for l in Light::ALL {
        let n = r.lights.get(l);
        let style = if n > 0 { th.light(l) } else { th.dim() };
        let mark = text::pad(light_mark(state, l), wd.mark);
        let count = text::pad_left(&n.to_string(), wd.digits);
        spans.push(Span::styled(format!("{mark} {count} "), style));
    }
    let style = if r.stale > 0 {
        th.light(Light::Red)
    } else {
        th.dim()
    };
    let count = text::pad_left(&r.stale.to_string(), wd.digits);
    spans.push(Span::raw(" "));
    spans.push(Span::styled(format!("{} {count} ", th.stale_mark()), style));
    spans
}

/// One group's or leader's line: marker, label, the counts, the bar.
fn row_line(state: &AppState, r: &OvRow, sel: bool, wd: Widths) -> Line<'static> {
    let th = state.theme();
    let mut spans = vec![
        Span::raw(if sel {
            format!("{} ", th.sel_marker())
        } else {
            "  ".into()
        }),
        Span::styled(text::pad(&r.label, wd.label), th.title()),
        Span::raw("  "),
    ];
    spans.extend(count_spans(state, r, wd));
    if wd.bar > 0 {
        spans.push(Span::raw("["));
        for (c, n) in stack(&r.counts, wd.bar) {
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
    if inner.height > 2 {
        paint::put_line(buf, inner.x, inner.y + 2, w, &lights_legend(state));
    }
    let rows = &state.overview;
    let wd = widths(state, rows, w as usize);
    let list_y = inner.y + 3;
    let height = inner.height.saturating_sub(3) as usize;
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
        paint::put_line(buf, inner.x, y, w, &row_line(state, r, sel, wd));
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
