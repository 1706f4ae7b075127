//! An indicator's pace (序时进度) as people see it: the period of its
//! current actual, its baseline (基期值), the expected value and the light,
//! judged with [`crate::pace::assess`]. Shared by the command line
//! (`indicators`, `tasks`, `series`) and the full-screen UI.
//!
//! Both keep an indicator's values by period, oldest first: the command
//! line as ledger rows ([`Entry`]), the UI as compact [`Point`]s kept by
//! [`super::Progress`]. [`Pace::judge`] takes what both have in common.

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::ledger::{Actual, Entry};
use crate::pace::{Assessment, Light, Period, PlanPeriod, assess, overdue};
use crate::plan::Indicator;

/// One period's value of an indicator: the last row recorded for it.
///
/// Packed to 4-byte alignment, its line in 32 bits (32 bytes, not 40: the
/// UI keeps one per period recorded, 613,285 at province size); `line` is
/// read by value. A line at or past `u32::MAX` (a ledger of hundreds of
/// GB) is kept as [`Point::LINE_PAST`]: an edit of that period from the
/// full-screen UI is refused, saying so ([`Point::line_of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C, packed(4))]
pub struct Point {
    pub period: Period,
    /// `None` when the period's value was cleared.
    pub actual: Option<Actual>,
    /// The ledger line of the row (what an edit of this period expects).
    pub line: u32,
}

impl Point {
    /// The line kept for a row at or past line `u32::MAX`: not known
    /// exactly ([`Point::line_of`]).
    pub const LINE_PAST: u32 = u32::MAX;

    /// The point an actual row stands for.
    pub fn of(e: &Entry) -> Point {
        Point {
            period: e.in_period(),
            actual: e.actual(),
            line: Point::line_of(e.line),
        }
    }

    /// A ledger line as a point keeps it: exactly below `u32::MAX`, else
    /// [`Point::LINE_PAST`] (a ledger of hundreds of GB). The lean ledger
    /// refuses to decide an edit of that period on the row at that line
    /// (`ledger::Rows::line_in`): the user is told to record it from the
    /// command line, whose ledger keeps lines in 64 bits.
    pub fn line_of(line: u64) -> u32 {
        u32::try_from(line).unwrap_or(Point::LINE_PAST)
    }
}

/// The base year of `plan`: the year before it starts (2020 for 2021–2025).
pub fn base_year(plan: PlanPeriod) -> Period {
    Period::Year(plan.start.saturating_sub(1))
}

/// The baseline (基期值): the number recorded for the year before the plan
/// (`rows`: an indicator's last row of each period, by period).
pub fn baseline(plan: PlanPeriod, rows: &[Entry]) -> Option<Decimal> {
    let year = base_year(plan);
    let row = rows.iter().find(|e| e.in_period() == year)?;
    number(row.actual())
}

/// [`baseline`] of an indicator's points.
pub fn baseline_of(plan: PlanPeriod, points: &[Point]) -> Option<Decimal> {
    let year = base_year(plan);
    number(points.iter().find(|p| p.period == year)?.actual)
}

fn number(a: Option<Actual>) -> Option<Decimal> {
    match a {
        Some(Actual::Number(d)) => Some(d),
        _ => None,
    }
}

/// Where an indicator stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pace {
    /// The period of the current actual (the latest period with a value);
    /// `None` when no period has one.
    pub period: Option<Period>,
    /// The number recorded for the year before the plan, whatever the kind
    /// (only a level is measured from it).
    pub baseline: Option<Decimal>,
    /// The expected value at the end of `period`, the light as of today.
    pub assessment: Assessment,
    /// The indicator's deadline year and whether it is a milestone, for
    /// [`Pace::stale`].
    deadline: i32,
    milestone: bool,
}

impl Pace {
    /// `ind` with `rows` (its last row of each period, by period), judged
    /// as of `today`: the value of the latest period with a value (a
    /// cleared period does not count), as the current actual.
    pub fn of(plan: PlanPeriod, ind: &Indicator, rows: &[Entry], today: Date) -> Pace {
        let latest = rows
            .iter()
            .rev()
            .find_map(|e| Some((e.in_period(), e.actual()?)));
        Pace::judge(plan, ind, baseline(plan, rows), latest, today)
    }

    /// [`Pace::of`] an indicator's points (oldest period first).
    pub fn of_points(plan: PlanPeriod, ind: &Indicator, points: &[Point], today: Date) -> Pace {
        let latest = points
            .iter()
            .rev()
            .find_map(|p| Some((p.period, p.actual?)));
        Pace::judge(plan, ind, baseline_of(plan, points), latest, today)
    }

    /// `ind` with its baseline and current actual (and its period), judged
    /// as of `today`.
    pub fn judge(
        plan: PlanPeriod,
        ind: &Indicator,
        baseline: Option<Decimal>,
        latest: Option<(Period, Actual)>,
        today: Date,
    ) -> Pace {
        let assessment = assess(
            ind,
            ind.kind,
            plan,
            baseline,
            latest.as_ref().map(|(p, a)| (*p, a)),
            today,
        );
        Pace {
            period: latest.map(|(p, _)| p),
            baseline,
            assessment,
            deadline: ind.deadline,
            milestone: ind.is_milestone(),
        }
    }

    pub fn light(&self) -> Light {
        self.assessment.light
    }

    pub fn expected(&self) -> Option<Decimal> {
        self.assessment.expected
    }

    /// 逾期未报: the current actual's period ended more than a quarter
    /// before `today` and the indicator is not settled (a milestone done,
    /// a target met once its deadline year has ended: [`overdue`]); never
    /// for an indicator with no value. The one rule of the command line
    /// (`--stale`) and the full-screen UI (`!`, the 逾期未报 filter).
    pub fn stale(&self, today: Date) -> bool {
        self.period
            .is_some_and(|p| overdue(p, &self.assessment, self.milestone, self.deadline, today))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{Field, Stamp};

    fn row(line: u64, value: Option<&str>, period: &str) -> Entry {
        Entry {
            line,
            time: Stamp::parse("2025-08-15T10:00:00+08:00").unwrap(),
            user: "u".into(),
            id: "8.3".into(),
            field: Field::Actual,
            value: value.map(String::from),
            old: None,
            note: None,
            period: Some(Period::parse(period).unwrap()),
        }
    }

    /// A cleared latest period (2025, an undo of its first value) leaves
    /// the latest period with a value (2024Q4's 150) current, in the rows
    /// of the command line and the points of the UI alike.
    #[test]
    fn a_cleared_latest_period_is_not_current() {
        let plan = crate::plan::load_embedded().unwrap();
        let ind = plan.indicator("8.3").unwrap();
        let today = jiff::civil::date(2025, 8, 15);
        let rows = [row(2, Some("150"), "2024Q4"), row(4, None, "2025")];
        let points: Vec<Point> = rows.iter().map(Point::of).collect();
        let from_rows = Pace::of(plan.period, ind, &rows, today);
        assert_eq!(from_rows.period, Some(Period::Quarter(2024, 4)));
        assert_eq!(from_rows, Pace::of_points(plan.period, ind, &points, today));
        let none = Pace::of(plan.period, ind, &rows[1..], today);
        assert_eq!((none.period, none.light()), (None, Light::Gray));
    }

    /// A point keeps its line in 32 bits: every line up to u32::MAX - 1
    /// exactly, and any line at or past u32::MAX (a ledger of hundreds of
    /// GB) as [`Point::LINE_PAST`], which the lean ledger refuses to decide
    /// an edit on, saying why (`ledger::store::lean`'s tests), rather than
    /// read another row at that line.
    #[test]
    fn a_line_past_what_32_bits_hold_is_kept_as_line_past() {
        let max = u64::from(u32::MAX);
        for (line, want) in [(0, 0), (2, 2), (max - 1, u32::MAX - 1)] {
            assert_eq!(Point::line_of(line), want, "{line}");
            assert_ne!(Point::line_of(line), Point::LINE_PAST);
        }
        for line in [max, max + 1, 5_000_000_000, u64::MAX] {
            assert_eq!(Point::line_of(line), Point::LINE_PAST, "{line}");
        }
        let p = Point::of(&row(5_000_000_000, Some("150"), "2024Q4"));
        let line = p.line;
        assert_eq!(
            (line, p.actual),
            (Point::LINE_PAST, Some(Actual::Number(150.into())))
        );
    }

    /// Whether `id` with `value` for `period` is 逾期未报 on `today`.
    fn stale_on(id: &str, value: &str, period: &str, today: Date) -> bool {
        let plan = crate::plan::load_embedded().unwrap();
        let ind = plan.indicator(id).unwrap();
        let rows = [Entry {
            id: id.into(),
            ..row(2, Some(value), period)
        }];
        Pace::of(plan.period, ind, &rows, today).stale(today)
    }

    /// A done milestone is never 逾期未报; a quantitative target met once
    /// its deadline year has ended is not either. A milestone not done, a
    /// target missed, or one met before its deadline still is, once its
    /// period ended more than a quarter ago.
    #[test]
    fn a_settled_indicator_is_never_stale() {
        let (on, after) = (jiff::civil::date(2025, 3, 1), jiff::civil::date(2026, 5, 1));
        // 7.4, a milestone due 2023.
        assert!(!stale_on("7.4", "done", "2023", on));
        assert!(stale_on("7.4", "not_done", "2023", on));
        // 8.2, 累计 ≥ 420 by 2025.
        assert!(!stale_on("8.2", "430", "2024", after));
        assert!(stale_on("8.2", "300", "2024", after));
        // 8.1, 达到 500 by 2025: met in 2023, before the deadline.
        assert!(stale_on("8.1", "510", "2023", on));
        assert!(!stale_on("8.1", "510", "2023", after));
    }
}
