//! Where the chart popup's parts go: the facts line, the chart with its
//! legend, and the table of periods beside it (or under it when the
//! popup is narrow); a milestone's table with its notes under it.

use super::super::layout::{Area, centered, inner};
use super::{Part, Sheet};
use crate::text;
use crate::ui::model::AppState;

/// Where the popup's parts go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartLayout {
    pub popup: Area,
    pub facts: Area,
    /// The axes and graph; `None` for a milestone or when it would not be
    /// readable.
    pub chart: Option<Area>,
    pub legend: Area,
    pub table: Area,
}

/// Fewest cells the chart (value labels, axis and graph) takes beside the
/// table.
const CHART_MIN_W: u16 = 36;
/// Fewest rows the chart takes above the table when it cannot sit beside.
const CHART_MIN_H: u16 = 7;

impl ChartLayout {
    /// The popup over `main` (all of it, up to 120×36; a milestone's only
    /// as tall as its table and notes) for `sheet`: the chart beside the
    /// table when both fit, else above it.
    pub fn of(s: &AppState, main: Area, sheet: &Sheet) -> Self {
        let w = main.width.min(120);
        // the body's width: inside the border and a column each side
        let legend_h = |w: u16| legend_lines(&sheet.legend, w).len() as u16;
        let lh = legend_h(w.saturating_sub(4));
        let h = match sheet.plot {
            Some(_) => main.height.min(36),
            None => main.height.min(sheet.rows.len() as u16 + lh + 4),
        };
        let popup = centered(main, w, h);
        let b = inner(popup);
        let body = Area {
            x: b.x + 1,
            width: b.width.saturating_sub(2),
            ..b
        };
        let facts = Area { height: 1, ..body };
        let rest = Area {
            y: body.y + 1,
            height: body.height.saturating_sub(1),
            ..body
        };
        if sheet.plot.is_none() {
            // the table, then the legend's notes right under it
            let lh = lh.min(rest.height);
            let th = (sheet.rows.len() as u16 + 1).min(rest.height - lh);
            let legend = Area {
                y: rest.y + th,
                height: lh,
                ..rest
            };
            let table = Area { height: th, ..rest };
            return ChartLayout {
                popup,
                facts,
                chart: None,
                legend,
                table,
            };
        }
        let (left, table) = split(rest, sheet.table_width(s), sheet.rows.len());
        let lh = legend_h(left.width).min(left.height);
        let chart = Area {
            height: left.height - lh,
            ..left
        };
        let legend = Area {
            y: left.y + chart.height,
            height: lh,
            ..left
        };
        ChartLayout {
            popup,
            facts,
            chart: (chart.height >= 5).then_some(chart),
            legend,
            table,
        }
    }

    /// The table rows there is room for below its header.
    pub fn table_rows(&self) -> usize {
        self.table.height.saturating_sub(1) as usize
    }

    /// The rows of a table of `total` shown `back` rows from the latest:
    /// the first and how many, and whether a last line says which are
    /// shown (when not all fit).
    pub fn window(&self, total: usize, back: usize) -> (usize, usize, bool) {
        let room = self.table_rows();
        if total <= room {
            return (0, total, false);
        }
        let n = room.saturating_sub(1);
        let back = back.min(self.most_back(total));
        (total - n - back, n, true)
    }

    /// How far a table of `total` rows can scroll back from the latest.
    pub fn most_back(&self, total: usize) -> usize {
        let room = self.table_rows();
        if total <= room {
            0
        } else {
            total - room.saturating_sub(1)
        }
    }
}

/// Lines the legend takes at `width` cells, items never split: each item
/// is its mark, a space and its text; two spaces between items.
pub fn legend_lines(items: &[(Part, String)], width: u16) -> Vec<Vec<usize>> {
    let width = usize::from(width);
    let mut lines: Vec<Vec<usize>> = Vec::new();
    let mut used = 0;
    for (k, (part, t)) in items.iter().enumerate() {
        let w = text::width(t) + if *part == Part::Note { 0 } else { 2 };
        match lines.last_mut() {
            Some(line) if used + 2 + w <= width => {
                line.push(k);
                used += 2 + w;
            }
            _ => {
                lines.push(vec![k]);
                used = w;
            }
        }
    }
    lines
}

/// The chart's side (with its legend) and the table of `rows` periods
/// `table_w` wide: side by side when the chart keeps [`CHART_MIN_W`]
/// cells, else the chart above and the table (as much as it needs, the
/// chart keeping [`CHART_MIN_H`] rows and its legend) below.
fn split(rest: Area, table_w: u16, rows: usize) -> (Area, Area) {
    let table_w = table_w.min(rest.width);
    if rest.width >= table_w + 2 + CHART_MIN_W {
        let left = Area {
            width: rest.width - table_w - 2,
            ..rest
        };
        let table = Area {
            x: rest.x + rest.width - table_w,
            width: table_w,
            ..rest
        };
        return (left, table);
    }
    let want = rows as u16 + 1;
    let th = want
        .min(rest.height.saturating_sub(CHART_MIN_H + 2))
        .max(2)
        .min(rest.height);
    let left = Area {
        height: rest.height - th,
        ..rest
    };
    let table = Area {
        y: rest.y + rest.height - th,
        height: th,
        ..rest
    };
    (left, table)
}
