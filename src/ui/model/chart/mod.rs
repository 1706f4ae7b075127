//! The chart popup (`c`) as data: an indicator's values by period against
//! the expectation line (序时进度) and the target, and beside it the table
//! `wudang-plan series ID` prints (the same numbers:
//! [`crate::report::series::judge`]). Computed from the state when drawn,
//! so live refresh keeps it current. The geometry of the popup is
//! [`ChartLayout`], of the axes [`axes`]. A milestone gets the table alone
//! (done / not done by period).

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

pub mod axes;
mod layout;
#[cfg(test)]
mod tests;

pub use super::mode::ChartView;
use super::state::AppState;
use crate::pace::{Kind, Light, Period, expected};
use crate::plan::Indicator;
use crate::report::pace::base_year;
use crate::report::{actual_cell, series, target_text};
use crate::text;
use crate::ui::strings::{S, fill};
use crate::vocab::Wording;
use axes::{Tick, x_bounds, x_of, year_end, year_ticks};
pub use layout::{ChartLayout, legend_lines};

/// A part of the chart: its mark in the legend and the plot, its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Value,
    Expected,
    Target,
    Stretch,
    /// Text without a mark (a note in the legend).
    Note,
}

impl Part {
    /// The one-cell mark, never East Asian Ambiguous: `*` a value, Braille
    /// (ASCII: `.`) the expectation line, `-` the target, `=` the stretch
    /// target.
    pub fn mark(self, ascii: bool) -> char {
        match self {
            Part::Value => '*',
            Part::Expected if ascii => '.',
            Part::Expected => '⠤',
            Part::Target => '-',
            Part::Stretch => '=',
            Part::Note => ' ',
        }
    }
}

/// What the graph shows, in axis units (years, the indicator's unit).
#[derive(Debug, Clone, PartialEq)]
pub struct Plot {
    pub x: [f64; 2],
    pub years: Vec<Tick>,
    /// The range the value axis takes in: the values, the lines, the
    /// targets, and 0 for a cumulative or annual amount.
    pub lo: f64,
    pub hi: f64,
    pub values: Vec<(f64, f64)>,
    /// The expectation line, at every year end; empty when none is drawn
    /// (a level without a baseline; a rate or annual target, where it is
    /// the target line).
    pub expected: Vec<(f64, f64)>,
    pub target: Option<f64>,
    pub stretch: Option<f64>,
}

/// One period of the table: period, value, expected (not for a
/// milestone), and the light.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub cells: Vec<String>,
    pub light: Light,
}

/// The popup's content.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub title: String,
    /// Target, deadline, kind and (a level) baseline, on one line.
    pub facts: String,
    /// `None` for a milestone.
    pub plot: Option<Plot>,
    pub legend: Vec<(Part, String)>,
    pub head: Vec<String>,
    pub rows: Vec<Row>,
}

fn num(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

fn kind_word(k: Kind) -> S {
    match k {
        Kind::Level => S::KindLevel,
        Kind::Cumulative => S::KindCumulative,
        Kind::Rate => S::KindRate,
        Kind::Annual => S::KindAnnual,
        Kind::Milestone => S::KindMilestone,
    }
}

impl Sheet {
    /// The chart of indicator `id` as the state stands; `None` for an id
    /// the plan does not have.
    pub fn of(s: &AppState, id: &str) -> Option<Sheet> {
        let ind = s.plan.indicator(id)?;
        let lang = s.lang();
        let plan = s.plan.period;
        let points = s.progress.series_of(id);
        let judged = series::judge(plan, ind, points, s.progress.today);
        let baseline = crate::report::pace::baseline_of(plan, points);
        let milestone = ind.is_milestone();
        let wording = Wording::Lang(lang);
        let rows = judged
            .iter()
            .map(|j| {
                let mut cells = vec![
                    j.period.to_string(),
                    actual_cell(j.actual.as_ref(), wording),
                ];
                if !milestone {
                    cells.push(
                        j.expected
                            .map_or("-".into(), |e| e.round_dp(2).normalize().to_string()),
                    );
                }
                Row {
                    cells,
                    light: j.light,
                }
            })
            .collect();
        let mut head = vec![s.tr(S::ChartPeriod).to_string(), s.tr(S::ChartValue).into()];
        if !milestone {
            head.push(s.tr(S::ChartExpected).into());
        }
        head.push(s.tr(S::ChartLight).into());
        let values: Vec<(f64, f64)> = judged
            .iter()
            .filter_map(|j| Some((x_of(j.period), num(series::number(j.actual)?))))
            .collect();
        let plot = (!milestone).then(|| plot(s, ind, baseline, values));
        Some(Sheet {
            title: fill(lang, S::ChartTitle, &[ind.id(), ind.name()]),
            facts: facts(s, ind, baseline),
            legend: legend(s, ind, plot.as_ref(), baseline, judged.is_empty()),
            plot,
            head,
            rows,
        })
    }

    /// Cells each column of the table takes: the header or the widest
    /// cell (the light's: its word in the UI's language).
    pub fn col_widths(&self, s: &AppState) -> Vec<usize> {
        let mut w: Vec<usize> = self.head.iter().map(|h| text::width(h)).collect();
        let last = w.len() - 1;
        for r in &self.rows {
            for (k, c) in r.cells.iter().enumerate() {
                w[k] = w[k].max(text::width(c));
            }
            w[last] = w[last].max(text::width(s.word(r.light)));
        }
        w
    }

    /// Cells the table takes: its columns two apart.
    pub fn table_width(&self, s: &AppState) -> u16 {
        let w = self.col_widths(s);
        (w.iter().sum::<usize>() + 2 * (w.len() - 1)) as u16
    }
}

/// `目标 >= 500 亿元  期限 2025  水平值  基期 2020：300`.
fn facts(s: &AppState, ind: &Indicator, baseline: Option<Decimal>) -> String {
    let lang = s.lang();
    let mut parts = vec![
        format!(
            "{} {}",
            s.tr(S::ColTarget),
            target_text(ind, true, Wording::Lang(lang))
        ),
        fill(lang, S::DueIn, &[&ind.deadline.to_string()]),
        s.tr(kind_word(ind.kind)).to_string(),
    ];
    if let (Kind::Level, Some(b)) = (ind.kind, baseline) {
        let year = base_year(s.plan.period).to_string();
        parts.push(fill(
            lang,
            S::ChartBaseline,
            &[&year, &b.normalize().to_string()],
        ));
    }
    parts.join("  ")
}

/// The graph of `values` with the expectation line and the targets.
fn plot(s: &AppState, ind: &Indicator, baseline: Option<Decimal>, values: Vec<(f64, f64)>) -> Plot {
    let xs: Vec<f64> = values.iter().map(|v| v.0).collect();
    let x = x_bounds(s.plan.period, ind.deadline, &xs);
    let expected = expectation(s, ind, baseline, x);
    let target = ind.target.map(num);
    let stretch = ind.stretch.map(num);
    let mut ys: Vec<f64> = values.iter().chain(&expected).map(|v| v.1).collect();
    ys.extend(target);
    ys.extend(stretch);
    // amounts count from 0; a level from its baseline (among its values),
    // a rate or share around its target
    if matches!(ind.kind, Kind::Cumulative | Kind::Annual) {
        ys.push(0.0);
    }
    let lo = ys.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = ys.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = if lo.is_finite() { (lo, hi) } else { (0.0, 1.0) };
    Plot {
        years: year_ticks(x),
        x,
        lo,
        hi,
        values,
        expected,
        target,
        stretch,
    }
}

/// The expected value (序时进度, [`expected`]) at every year end on the
/// axis: cumulative from 0 at the plan's start, a level from its baseline,
/// both to the target at the deadline and level after it. Empty for a
/// level without a baseline, and for a rate or annual target (there the
/// expectation is the target line itself: for an annual amount, a whole
/// year's; a quarter's or month's share is in the table).
fn expectation(
    s: &AppState,
    ind: &Indicator,
    baseline: Option<Decimal>,
    x: [f64; 2],
) -> Vec<(f64, f64)> {
    let Some(target) = ind.target else {
        return Vec::new();
    };
    if !matches!(ind.kind, Kind::Cumulative | Kind::Level) {
        return Vec::new();
    }
    let plan = s.plan.period;
    let first = x[0].ceil() as i32;
    let last = x[1].floor() as i32;
    (first..=last)
        .filter_map(|end| {
            let year = Period::Year(end - 1);
            let at = plan.elapsed(year, ind.deadline);
            let e = expected(ind.kind, target, baseline, at)?;
            Some((year_end(end - 1), num(e)))
        })
        .collect()
}

/// The legend: the value mark, the expectation line (or why there is
/// none), the target and stretch target with their values; a note when
/// nothing is recorded, and a milestone's rule.
fn legend(
    s: &AppState,
    ind: &Indicator,
    plot: Option<&Plot>,
    baseline: Option<Decimal>,
    empty: bool,
) -> Vec<(Part, String)> {
    let lang = s.lang();
    let mut out = Vec::new();
    if let Some(p) = plot {
        // the value axis is in the indicator's unit
        let value = match ind.unit.as_deref().filter(|u| !u.is_empty()) {
            Some(u) => fill(lang, S::ChartValueIn, &[u]),
            None => s.tr(S::ChartValue).to_string(),
        };
        out.push((Part::Value, value));
        if !p.expected.is_empty() {
            out.push((Part::Expected, s.tr(S::ChartExpected).to_string()));
        }
        if let Some(t) = ind.target {
            let t = t.normalize().to_string();
            let which = match ind.kind {
                Kind::Rate => S::ChartTargetIsPace,
                Kind::Annual => S::ChartTargetYear,
                _ => S::ChartTarget,
            };
            out.push((Part::Target, fill(lang, which, &[&t])));
        }
        if let Some(st) = ind.stretch {
            let st = st.normalize().to_string();
            out.push((Part::Stretch, format!("{} {st}", s.tr(S::Stretch))));
        }
        if ind.kind == Kind::Level && baseline.is_none() {
            let year = base_year(s.plan.period).to_string();
            out.push((Part::Note, fill(lang, S::ChartNoBaseline, &[&year])));
        }
    } else {
        let d = ind.deadline.to_string();
        let after = ind.deadline.saturating_add(1).to_string();
        out.push((Part::Note, fill(lang, S::ChartMilestone, &[&d, &after])));
    }
    if empty {
        out.push((Part::Note, s.tr(S::ChartNoValues).to_string()));
    }
    out
}
