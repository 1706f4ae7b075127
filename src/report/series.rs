//! An indicator's values by period, each judged as it stood: the value
//! expected (序时进度) and the light as of the end of the period (or today,
//! if that is earlier). One computation for `wudang-plan series` and the
//! UI's chart, so both show the same numbers. A period whose value was
//! cleared is left out, as if it had never been recorded.

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::pace::{Point, baseline_of};
use crate::ledger::Actual;
use crate::pace::{Light, Period, PlanPeriod, assess};
use crate::plan::Indicator;

/// One period of an indicator's series, judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Judged {
    pub period: Period,
    /// The value recorded for the period (always one: a cleared period is
    /// left out).
    pub actual: Option<Actual>,
    /// The expected value at the end of the period (or of the last month
    /// complete today, while it runs), exact; `None` when nothing is
    /// expected (a milestone, a level without a baseline).
    pub expected: Option<Decimal>,
    /// The light as of the end of the period, or `today` if earlier.
    pub light: Light,
}

/// Every point of `points` (an indicator's values by period, oldest first)
/// that has a value, judged with [`assess`] against the baseline the points
/// hold, as of the end of its period or `today` if earlier. A cleared
/// period is left out: undoing the first value of a period leaves the
/// series as it was before.
pub fn judge(plan: PlanPeriod, ind: &Indicator, points: &[Point], today: Date) -> Vec<Judged> {
    let base = baseline_of(plan, points);
    points
        .iter()
        .filter(|p| p.actual.is_some())
        .map(|p| {
            let as_of = p.period.last_day().map_or(today, |d| d.min(today));
            let a = assess(
                ind,
                ind.kind,
                plan,
                base,
                p.actual.as_ref().map(|a| (p.period, a)),
                as_of,
            );
            Judged {
                period: p.period,
                actual: p.actual,
                expected: a.expected,
                light: a.light,
            }
        })
        .collect()
}

/// The number of a value, if it is one (not a milestone's done / not done).
pub fn number(a: Option<Actual>) -> Option<Decimal> {
    match a {
        Some(Actual::Number(d)) => Some(d),
        _ => None,
    }
}
