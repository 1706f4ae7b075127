//! The chart popup (`c`): the selected indicator's values by period
//! (`*`) against the expectation line (序时进度: Braille, `.` in ASCII
//! mode) and the target (`-`, the stretch target `=`), a ratatui
//! [`Chart`] with the value labels and year labels placed by
//! [`Axes`] (every label by display width, beside the cells the canvas
//! uses); a legend under it and the table of periods beside or below.
//! The data and geometry are the model's ([`Sheet`], [`ChartLayout`]).

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Widget};

use super::paint;
use super::theme::Styles;
use crate::pace::Light;
use crate::text;
use crate::ui::data::Class;
use crate::ui::model::chart::axes::Axes;
use crate::ui::model::chart::{ChartLayout, ChartView, Part, Plot, Sheet, legend_lines};
use crate::ui::model::layout::Area;
use crate::ui::model::{AppState, Theme};
use crate::ui::strings::{S, fill};

pub fn draw(frame: &mut Frame, main: Rect, state: &AppState, v: &ChartView) {
    let Some(sheet) = Sheet::of(state, &v.id) else {
        return;
    };
    let lay = ChartLayout::of(state, main.into(), &sheet);
    let th = state.theme();
    let buf = frame.buffer_mut();
    let popup: Rect = lay.popup.into();
    paint::clear_popup(buf, popup);
    let title = text::truncate(&sheet.title, popup.width.saturating_sub(4) as usize);
    paint::frame_block(buf, popup, paint::block(state, title, true));
    let f = lay.facts;
    paint::put(buf, f.x, f.y, f.width, &sheet.facts, th.title());
    if let (Some(plot), Some(area)) = (&sheet.plot, lay.chart) {
        draw_plot(buf, area, plot, state);
    }
    draw_legend(buf, lay.legend, &sheet, th);
    draw_table(buf, &lay, &sheet, state, v.back);
}

/// The value labels, both axes with a tick at every year end shown, the
/// year labels, and the datasets in the graph.
fn draw_plot(buf: &mut Buffer, area: Area, plot: &Plot, state: &AppState) {
    let th = state.theme();
    let Some(ax) = Axes::lay_out(area, plot.x, &plot.years, plot.lo, plot.hi) else {
        let s = state.tr(S::ChartTooSmall);
        paint::put(buf, area.x, area.y, area.width, s, th.dim());
        return;
    };
    let g = ax.graph;
    let axis_x = g.x - 1;
    let axis_y = g.y + g.height;
    let (vert, horiz, corner, tick) = if th.ascii {
        ("|", "-", "+", "+")
    } else {
        ("│", "─", "└", "┴")
    };
    for (r, label) in &ax.y_ticks {
        let w = label.len() as u16;
        paint::put(buf, axis_x - w, g.y + r, w, label, th.dim());
    }
    for y in g.y..axis_y {
        buf[(axis_x, y)].set_symbol(vert).set_style(th.dim());
    }
    buf[(axis_x, axis_y)].set_symbol(corner).set_style(th.dim());
    for x in g.x..g.x + g.width {
        buf[(x, axis_y)].set_symbol(horiz).set_style(th.dim());
    }
    let right = area.x + area.width;
    for (c, label) in &ax.x_ticks {
        let at = g.x + c;
        buf[(at, axis_y)].set_symbol(tick).set_style(th.dim());
        let w = text::width(label) as u16;
        // centred on its tick, inside the chart (never `clamp`: a label
        // wider than the area must not panic)
        let x = at
            .saturating_sub(w / 2)
            .min(right.saturating_sub(w))
            .max(area.x);
        paint::put(buf, x, axis_y + 1, w, label, th.dim());
    }
    draw_datasets(buf, g.into(), plot, ax.y, th);
}

/// The expectation line, the target lines and the values, in that order
/// (a later one is drawn over an earlier one where they meet).
fn draw_datasets(buf: &mut Buffer, graph: Rect, plot: &Plot, y: [f64; 2], th: &Theme) {
    let across = |v: f64| [(plot.x[0], v), (plot.x[1], v)];
    let target = plot.target.map(across);
    let stretch = plot.stretch.map(across);
    let custom = |p: Part| Marker::Custom(p.mark(th.ascii));
    let line = |data, p: Part, marker| {
        Dataset::default()
            .data(data)
            .graph_type(GraphType::Line)
            .marker(marker)
            .style(th.chart(p))
    };
    let mut sets = Vec::new();
    if !plot.expected.is_empty() {
        let m = if th.ascii {
            custom(Part::Expected)
        } else {
            Marker::Braille
        };
        sets.push(line(&plot.expected, Part::Expected, m));
    }
    if let Some(t) = &target {
        sets.push(line(t, Part::Target, custom(Part::Target)));
    }
    if let Some(t) = &stretch {
        sets.push(line(t, Part::Stretch, custom(Part::Stretch)));
    }
    sets.push(
        Dataset::default()
            .data(&plot.values)
            .graph_type(GraphType::Scatter)
            .marker(custom(Part::Value))
            .style(th.chart(Part::Value)),
    );
    Chart::new(sets)
        .x_axis(Axis::default().bounds(plot.x))
        .y_axis(Axis::default().bounds(y))
        .render(graph, buf);
}

/// The legend's items, each a mark and its words, wrapped whole.
fn draw_legend(buf: &mut Buffer, area: Area, sheet: &Sheet, th: &Theme) {
    let lines = legend_lines(&sheet.legend, area.width);
    for (k, items) in lines.iter().enumerate().take(area.height as usize) {
        let mut spans = Vec::new();
        for &i in items {
            let (part, words) = &sheet.legend[i];
            if !spans.is_empty() {
                spans.push(Span::raw("  "));
            }
            if *part == Part::Note {
                spans.push(Span::styled(words.clone(), th.chart(Part::Note)));
            } else {
                let mark = part.mark(th.ascii).to_string();
                spans.push(Span::styled(mark, th.chart(*part)));
                spans.push(Span::raw(format!(" {words}")));
            }
        }
        let y = area.y + k as u16;
        paint::put_line(buf, area.x, y, area.width, &Line::from(spans));
    }
}

/// The light's style: the colour of the status class it goes with.
fn light_style(th: &Theme, l: Light) -> Style {
    th.class(match l {
        Light::Green => Class::Met,
        Light::Yellow => Class::InProgress,
        Light::Red => Class::Missed,
        Light::Gray => Class::NoData,
    })
}

/// The table of periods: a header, the rows that fit (the latest, or
/// `back` rows earlier), and which are shown when not all fit. Numbers
/// are right-aligned.
fn draw_table(buf: &mut Buffer, lay: &ChartLayout, sheet: &Sheet, state: &AppState, back: usize) {
    let th = state.theme();
    let t = lay.table;
    if t.height == 0 {
        return;
    }
    let widths = sheet.col_widths(state);
    let cells = |cells: Vec<(String, Style)>| {
        let mut spans = Vec::new();
        for (k, (c, st)) in cells.into_iter().enumerate() {
            let pad = widths[k].saturating_sub(text::width(&c));
            let numeric = k > 0 && k + 1 < widths.len();
            let gap = if k == 0 { "" } else { "  " };
            let (l, r) = if numeric { (pad, 0) } else { (0, pad) };
            spans.push(Span::raw(format!("{gap}{}", " ".repeat(l))));
            spans.push(Span::styled(c, st));
            spans.push(Span::raw(" ".repeat(r)));
        }
        Line::from(spans)
    };
    let head = sheet
        .head
        .iter()
        .map(|h| (h.clone(), th.heading()))
        .collect();
    paint::put_line(buf, t.x, t.y, t.width, &cells(head));
    let (first, n, says) = lay.window(sheet.rows.len(), back);
    let mut y = t.y + 1;
    for r in sheet.rows.iter().skip(first).take(n) {
        let mut row: Vec<(String, Style)> =
            r.cells.iter().map(|c| (c.clone(), Style::new())).collect();
        row.push((state.word(r.light).to_string(), light_style(th, r.light)));
        paint::put_line(buf, t.x, y, t.width, &cells(row));
        y += 1;
    }
    if says {
        let total = sheet.rows.len().to_string();
        let (a, b) = ((first + 1).to_string(), (first + n).to_string());
        let s = fill(state.lang(), S::ChartRange, &[&a, &b, &total]);
        paint::put(buf, t.x, y, t.width, &s, th.dim());
    }
}
