//! The chart's numbers and geometry, pure: where a period sits on the
//! time axis (at its END, in fractional years: the end of 2024 is 2025.0,
//! of 2024Q2 or 2024-06 2024.5), the year ticks, a "nice" value scale,
//! and which cell a value falls in — the same rounding ratatui's canvas
//! uses for a one-cell marker, so labels sit exactly beside the points.

use crate::pace::{Period, PlanPeriod};
use crate::ui::model::layout::Area;

/// A labelled position on an axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub at: f64,
    pub label: String,
}

/// Where the end of `p` lies on the time axis, in years.
pub fn x_of(p: Period) -> f64 {
    (p.end_month() + 1) as f64 / 12.0
}

/// The end of year `y` on the time axis.
pub fn year_end(y: i32) -> f64 {
    f64::from(y) + 1.0
}

/// The time axis: from the end of the base year (the year before the plan)
/// to the end of the plan or the deadline, widened to whole years to take
/// in every point in `xs`.
pub fn x_bounds(plan: PlanPeriod, deadline: i32, xs: &[f64]) -> [f64; 2] {
    let mut lo = year_end(plan.start.saturating_sub(1));
    let mut hi = year_end(plan.end.max(deadline));
    for &x in xs {
        lo = lo.min(x.floor());
        hi = hi.max(x.ceil());
    }
    [lo, hi]
}

/// One tick at the end of every year in `bounds`, labelled with the year
/// it ends (`2020` at 2021.0).
pub fn year_ticks(bounds: [f64; 2]) -> Vec<Tick> {
    let first = bounds[0].ceil() as i64;
    let last = bounds[1].floor() as i64;
    (first..=last)
        .map(|x| Tick {
            at: x as f64,
            label: (x - 1).to_string(),
        })
        .collect()
}

/// The cell (0-based, of `cells`) a value at `v` on an axis `bounds` falls
/// in: `round((v − lo) / (hi − lo) × (cells − 1))`, as ratatui's canvas
/// places a one-cell marker.
pub fn cell(v: f64, bounds: [f64; 2], cells: u16) -> u16 {
    let span = bounds[1] - bounds[0];
    if cells == 0 || span <= 0.0 {
        return 0;
    }
    let f = ((v - bounds[0]) / span).clamp(0.0, 1.0);
    (f * f64::from(cells - 1)).round() as u16
}

/// The row (0 at the top) of a value on a value axis of `rows` rows.
pub fn row(v: f64, bounds: [f64; 2], rows: u16) -> u16 {
    rows.saturating_sub(1) - cell(v, bounds, rows).min(rows.saturating_sub(1))
}

/// 1, 2 or 5 times a power of ten, the smallest at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if raw.is_nan() || raw <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|s| *s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * p)
}

/// A value scale for `rows` rows taking in `lo..=hi`: round bounds and
/// ticks every 1, 2 or 5 × 10ⁿ, about one tick per three rows (at least
/// two), labelled with as many decimals as the step needs.
pub fn value_scale(lo: f64, hi: f64, rows: u16) -> ([f64; 2], Vec<Tick>) {
    let (lo, hi) = if hi > lo {
        (lo, hi)
    } else if lo == 0.0 {
        (0.0, 1.0)
    } else {
        let d = lo.abs() / 10.0;
        (lo - d, hi + d)
    };
    let want = (f64::from(rows) / 3.0).floor().clamp(1.0, 5.0);
    let step = nice_step((hi - lo) / want);
    // a little slack, so that 1.8 / 0.2 = 8.999… still starts at 9
    let first = (lo / step + 1e-9).floor();
    let last = (hi / step - 1e-9).ceil();
    let bounds = [first * step, last * step];
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10().floor()) as usize
    };
    let ticks = (0..=(last - first) as i64)
        .map(|k| {
            let v = (first + k as f64) * step;
            let v = if v.abs() < step / 2.0 { 0.0 } else { v };
            Tick {
                at: v,
                label: format!("{v:.decimals$}"),
            }
        })
        .collect();
    (bounds, ticks)
}

/// Where the parts of a chart go inside its area: the value labels on
/// the left, the axes, the graph, the year labels underneath.
#[derive(Debug, Clone, PartialEq)]
pub struct Axes {
    pub y: [f64; 2],
    /// Value ticks whose rows do not collide, with their graph row.
    pub y_ticks: Vec<(u16, String)>,
    /// The plotting area (right of the value axis, above the time axis).
    pub graph: Area,
    /// Year labels kept (not colliding), with the column of their tick
    /// inside the graph.
    pub x_ticks: Vec<(u16, String)>,
}

impl Axes {
    /// The axes of a chart of `years` over `x` and values `lo..=hi` in
    /// `area`; `None` when the area is too small for a readable graph.
    pub fn lay_out(area: Area, x: [f64; 2], years: &[Tick], lo: f64, hi: f64) -> Option<Axes> {
        let rows = area.height.checked_sub(2)?;
        if rows < 3 {
            return None;
        }
        let (y, ticks) = value_scale(lo, hi, rows);
        let mut y_ticks: Vec<(u16, String)> = Vec::new();
        for t in ticks.iter().rev() {
            let r = row(t.at, y, rows);
            if y_ticks.last().is_none_or(|(prev, _)| r > *prev) {
                y_ticks.push((r, t.label.clone()));
            }
        }
        let label_w = y_ticks.iter().map(|(_, l)| l.len()).max().unwrap_or(0) as u16;
        let graph_x = area.x + label_w + 1;
        let width = (area.x + area.width).checked_sub(graph_x)?;
        if width < 8 {
            return None;
        }
        let graph = Area {
            x: graph_x,
            y: area.y,
            width,
            height: rows,
        };
        let x_ticks = spaced(years, x, width);
        Some(Axes {
            y,
            y_ticks,
            graph,
            x_ticks,
        })
    }
}

/// The year ticks' columns in a graph `width` cells wide, every k-th kept
/// (from the first) so that labels centred on them keep a space between.
fn spaced(years: &[Tick], x: [f64; 2], width: u16) -> Vec<(u16, String)> {
    let cols: Vec<(u16, &str)> = years
        .iter()
        .map(|t| (cell(t.at, x, width), t.label.as_str()))
        .collect();
    let label_w = cols.iter().map(|(_, l)| l.len()).max().unwrap_or(1) as u16;
    let gap = cols
        .windows(2)
        .map(|w| w[1].0.saturating_sub(w[0].0))
        .min()
        .unwrap_or(u16::MAX)
        .max(1);
    let every = usize::from((label_w + 1).div_ceil(gap)).max(1);
    cols.into_iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(_, (c, l))| (c, l.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A year, a quarter and a month are placed at their ends.
    #[test]
    fn periods_sit_at_their_ends() {
        assert_eq!(x_of(Period::Year(2024)), 2025.0);
        assert_eq!(x_of(Period::Quarter(2024, 2)), 2024.5);
        assert_eq!(x_of(Period::Month(2024, 6)), 2024.5);
        assert_eq!(x_of(Period::Month(2024, 1)), 2024.0 + 1.0 / 12.0);
        assert_eq!(x_of(Period::Year(2020)), year_end(2020));
    }

    /// The axis runs from the end of the base year to the end of the plan,
    /// labelled 2020 … 2025 at the year ends; a point outside widens it.
    #[test]
    fn the_time_axis_shows_the_base_year() {
        let plan = PlanPeriod::new(2021, 2025).unwrap();
        let x = x_bounds(plan, 2025, &[2025.0]);
        assert_eq!(x, [2021.0, 2026.0]);
        let labels: Vec<String> = year_ticks(x).into_iter().map(|t| t.label).collect();
        assert_eq!(labels, ["2020", "2021", "2022", "2023", "2024", "2025"]);
        assert_eq!(x_bounds(plan, 2025, &[2020.5, 2027.0]), [2020.0, 2027.0]);
        assert_eq!(x_bounds(plan, 2023, &[]), [2021.0, 2026.0]);
    }

    #[test]
    fn cells_round_like_the_canvas() {
        let b = [2021.0, 2026.0];
        assert_eq!(cell(2021.0, b, 41), 0);
        assert_eq!(cell(2026.0, b, 41), 40);
        assert_eq!(cell(2025.0, b, 41), 32);
        assert_eq!(cell(2024.5, b, 41), 28);
        assert_eq!(row(500.0, [0.0, 500.0], 10), 0);
        assert_eq!(row(0.0, [0.0, 500.0], 10), 9);
    }

    /// Round bounds around the data, ticks at 1, 2 or 5 × 10ⁿ.
    #[test]
    fn value_scales_are_round() {
        let (b, t) = value_scale(0.0, 420.0, 15);
        assert_eq!(b, [0.0, 500.0]);
        let labels: Vec<&str> = t.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["0", "100", "200", "300", "400", "500"]);
        let (b, t) = value_scale(1.8, 2.3, 9);
        assert!(
            (b[0] - 1.8).abs() < 1e-9 && (b[1] - 2.4).abs() < 1e-9,
            "{b:?}"
        );
        assert_eq!(t[0].label, "1.8");
        assert_eq!(t.last().map(|t| t.label.as_str()), Some("2.4"));
        // one value only: a scale around it
        let (b, _) = value_scale(300.0, 300.0, 9);
        assert!(b[0] < 300.0 && b[1] > 300.0, "{b:?}");
        let (b, _) = value_scale(0.0, 0.0, 9);
        assert_eq!(b, [0.0, 1.0]);
    }

    /// Labels that would touch are thinned; value labels never share a row.
    #[test]
    fn axes_keep_labels_apart() {
        let x = [2021.0, 2026.0];
        let years = year_ticks(x);
        let area = Area {
            x: 0,
            y: 0,
            width: 20,
            height: 8,
        };
        let a = Axes::lay_out(area, x, &years, 0.0, 500.0).unwrap();
        let cols: Vec<u16> = a.x_ticks.iter().map(|(c, _)| *c).collect();
        assert!(cols.windows(2).all(|w| w[1] - w[0] >= 5), "{cols:?}");
        assert_eq!(a.x_ticks[0].1, "2020");
        let rows: Vec<u16> = a.y_ticks.iter().map(|(r, _)| *r).collect();
        assert!(rows.windows(2).all(|w| w[1] > w[0]), "{rows:?}");
        assert_eq!(a.graph.height, 6);
        assert_eq!(a.graph.x, 4, "after `500` and the axis");
        let wide = Area { width: 60, ..area };
        let a = Axes::lay_out(wide, x, &years, 0.0, 500.0).unwrap();
        assert_eq!(a.x_ticks.len(), 6);
        assert!(Axes::lay_out(Area { height: 4, ..area }, x, &years, 0.0, 1.0).is_none());
    }
}
