//! The plan period (this plan: 2021–2025) and how much of it has elapsed
//! at the end of a reporting period. See docs/data.md, "Pace".

use std::ops::RangeInclusive;

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::period::{Period, PeriodError, last_complete_month};

/// The years a plan runs, both included: 2021–2025 for 五年行动 to 2025.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PlanPeriod {
    /// The first year (the plan starts on January 1 of it).
    pub start: i32,
    /// The last year (the plan ends on December 31 of it).
    pub end: i32,
}

/// How far along the straight line to a deadline the end of a period is,
/// as whole months, so expectations can be computed and compared exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Elapsed {
    /// Months from January 1 of the plan's start to the end of the period,
    /// clamped to `0..=total`.
    pub months: i64,
    /// Months from January 1 of the plan's start to December 31 of the
    /// deadline year (at least 1).
    pub total: i64,
    /// Months of the period's own year up to its end: 12 for a year, 6 for
    /// 2024Q2 or 2024-06 (for `annual` targets, judged within the year).
    pub into_year: i64,
}

impl Elapsed {
    /// `months / total`, the fraction f of the line elapsed, in `[0, 1]`.
    pub fn fraction(self) -> Decimal {
        Decimal::from(self.months)
            .checked_div(Decimal::from(self.total))
            .unwrap_or(Decimal::ONE)
    }
}

impl PlanPeriod {
    /// A plan from `start` to `end`; `None` when `end` is before `start`.
    pub fn new(start: i32, end: i32) -> Option<PlanPeriod> {
        (start <= end).then_some(PlanPeriod { start, end })
    }

    /// The period of a plan that does not give one (a plan directory from
    /// the first release): it ends with the latest deadline and starts five
    /// years before that end (a five-year plan), or with the earliest
    /// deadline if that is earlier, so every deadline lies inside. Without
    /// deadlines: this plan's 2021–2025.
    pub fn from_deadlines(deadlines: impl IntoIterator<Item = i32>) -> PlanPeriod {
        let mut range: Option<(i32, i32)> = None;
        for d in deadlines {
            range = Some(match range {
                None => (d, d),
                Some((lo, hi)) => (lo.min(d), hi.max(d)),
            });
        }
        match range {
            Some((lo, hi)) => PlanPeriod {
                start: lo.min(hi.saturating_sub(4)),
                end: hi,
            },
            None => PlanPeriod {
                start: 2021,
                end: 2025,
            },
        }
    }

    /// Whether a year lies inside the plan.
    pub fn contains(self, year: i32) -> bool {
        (self.start..=self.end).contains(&year)
    }

    /// Months in the plan: 60 for 2021–2025.
    pub fn months(self) -> i64 {
        (i64::from(self.end) - i64::from(self.start) + 1) * 12
    }

    /// The years a period may lie in: from the year before the plan (the
    /// baseline, 基期) to the year after it.
    pub fn accepted_years(self) -> RangeInclusive<i32> {
        self.start.saturating_sub(1)..=self.end.saturating_add(1)
    }

    /// Whether a value can be recorded for `period` on `today`: the one
    /// check of `wudang-plan set --period` and the full-screen UI's editor.
    /// Refuses a period whose year is outside [`PlanPeriod::accepted_years`]
    /// (naming the range), then one that has not started by `today`
    /// ([`Period::has_started`]: 2025Q4 or 2026 on 2025-08-15; the current
    /// year, quarter and month are fine), naming the period, today and the
    /// latest periods accepted.
    pub fn check(self, period: Period, today: Date) -> Result<(), PeriodError> {
        let years = self.accepted_years();
        if !years.contains(&period.year()) {
            return Err(PeriodError::OutsidePlan {
                period,
                first: *years.start(),
                last: *years.end(),
            });
        }
        if !period.has_started(today) {
            return Err(PeriodError::NotStarted { period, today });
        }
        Ok(())
    }

    /// How far along the line from the plan start to the end of `deadline`
    /// (a year) the end of `period` is. Before the plan starts it is 0 (the
    /// baseline year 2020 for 2021–2025); from the deadline on it stays at
    /// the whole line (`months == total`). A deadline before the plan
    /// starts counts as already due (1 of 1).
    pub fn elapsed(self, period: Period, deadline: i32) -> Elapsed {
        self.elapsed_to(period.end_month(), period.year(), deadline)
    }

    /// [`PlanPeriod::elapsed`] as of the end of the day `as_of`: a period
    /// not over by then is judged at the end of the last month complete by
    /// then ([`last_complete_month`]: the month before `as_of`'s, or its
    /// own on its last day), not at its own end. 2025 on 2025-08-15 is
    /// through July: 55 of 60 months, 7 into the year; on 2025-01-10, 48
    /// months and 0 into the year (nothing of 2025 expected yet). A period
    /// over by `as_of` is judged at its end, as [`PlanPeriod::elapsed`].
    pub fn elapsed_on(self, period: Period, deadline: i32, as_of: Date) -> Elapsed {
        let end = period.end_month().min(last_complete_month(as_of));
        self.elapsed_to(end, period.year(), deadline)
    }

    /// How far along the line to `deadline` the end of the month `end`
    /// (counted like [`Period::end_month`]) is, and how many months of
    /// `year` it completes (0 to 12).
    fn elapsed_to(self, end: i64, year: i32, deadline: i32) -> Elapsed {
        let start = i64::from(self.start) * 12;
        let total = (i64::from(deadline) + 1) * 12 - start;
        let into_year = (end - i64::from(year) * 12 + 1).clamp(0, 12);
        if total <= 0 {
            return Elapsed {
                months: 1,
                total: 1,
                into_year,
            };
        }
        let months = (end + 1 - start).clamp(0, total);
        Elapsed {
            months,
            total,
            into_year,
        }
    }

    /// The fraction f of the plan elapsed at the end of `period`: months
    /// from January 1 of the start year to the end of the period divided by
    /// the months in the plan, clamped to `[0, 1]` (2024 in 2021–2025:
    /// 48 / 60 = 0.8; 2020: 0; 2026: 1).
    pub fn fraction_at_end(self, period: Period) -> Decimal {
        self.elapsed(period, self.end).fraction()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    const PLAN: PlanPeriod = PlanPeriod {
        start: 2021,
        end: 2025,
    };

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn fractions() {
        assert_eq!(PLAN.months(), 60);
        assert_eq!(PLAN.fraction_at_end(Period::Year(2024)), d("0.8"));
        assert_eq!(PLAN.fraction_at_end(Period::Year(2023)), d("0.6"));
        assert_eq!(PLAN.fraction_at_end(Period::Year(2020)), Decimal::ZERO);
        assert_eq!(
            PLAN.fraction_at_end(Period::Quarter(2020, 4)),
            Decimal::ZERO
        );
        assert_eq!(
            PLAN.fraction_at_end(Period::Quarter(2020, 2)),
            Decimal::ZERO
        );
        assert_eq!(PLAN.fraction_at_end(Period::Quarter(2024, 2)), d("0.7"));
        assert_eq!(PLAN.fraction_at_end(Period::Month(2021, 3)), d("0.05"));
        assert_eq!(PLAN.fraction_at_end(Period::Year(2025)), Decimal::ONE);
        assert_eq!(PLAN.fraction_at_end(Period::Year(2026)), Decimal::ONE);
        assert_eq!(PLAN.fraction_at_end(Period::Month(2026, 1)), Decimal::ONE);
    }

    #[test]
    fn an_earlier_deadline_shortens_the_line() {
        // 7.2 改造棚户区, due 2023: 2022 is 24 of 36 months along.
        let e = PLAN.elapsed(Period::Year(2022), 2023);
        assert_eq!((e.months, e.total, e.into_year), (24, 36, 12));
        assert_eq!(PLAN.elapsed(Period::Year(2024), 2023).months, 36);
        let q = PLAN.elapsed(Period::Quarter(2024, 2), 2025);
        assert_eq!((q.months, q.total, q.into_year), (42, 60, 6));
        // A deadline before the plan: already due.
        assert_eq!(
            PLAN.elapsed(Period::Year(2022), 2019).fraction(),
            Decimal::ONE
        );
    }

    /// A period still running is judged at the end of the last complete
    /// month: through July on 2025-08-15, through August on its last day;
    /// a period over is judged at its end; one not started has nothing of
    /// its year elapsed.
    #[test]
    fn a_running_period_is_judged_at_the_last_complete_month() {
        let on = |p: &str, y, m, d| {
            let e = PLAN.elapsed_on(Period::parse(p).unwrap(), 2025, jiff::civil::date(y, m, d));
            (e.months, e.total, e.into_year)
        };
        assert_eq!(on("2025", 2025, 8, 15), (55, 60, 7));
        assert_eq!(on("2025-07", 2025, 8, 15), (55, 60, 7));
        assert_eq!(on("2025Q3", 2025, 8, 15), (55, 60, 7));
        assert_eq!(on("2025", 2025, 8, 31), (56, 60, 8));
        assert_eq!(on("2025", 2025, 1, 10), (48, 60, 0));
        assert_eq!(on("2025", 2025, 12, 31), (60, 60, 12));
        assert_eq!(on("2024", 2025, 1, 10), (48, 60, 12));
        assert_eq!(on("2024Q2", 2025, 8, 15), (42, 60, 6));
        assert_eq!(on("2026", 2025, 8, 15), (55, 60, 0));
        let early = PLAN.elapsed_on(Period::Year(2022), 2023, jiff::civil::date(2022, 4, 2));
        assert_eq!((early.months, early.total, early.into_year), (15, 36, 3));
    }

    #[test]
    fn check_names_the_range() {
        let today = jiff::civil::date(2026, 12, 31);
        for y in 2020..=2026 {
            assert_eq!(PLAN.check(Period::Year(y), today), Ok(()), "{y}");
        }
        assert_eq!(PLAN.check(Period::Month(2020, 1), today), Ok(()));
        let e = PLAN.check(Period::Quarter(2019, 4), today).unwrap_err();
        assert_eq!(
            e,
            PeriodError::OutsidePlan {
                period: Period::Quarter(2019, 4),
                first: 2020,
                last: 2026
            }
        );
        assert!(e.to_string().contains("2019Q4"), "{e}");
        assert!(e.to_string().contains("2020–2026"), "{e}");
        assert!(PLAN.check(Period::Year(2027), today).is_err());
    }

    /// On 2025-08-15 the current year, quarter and month and every earlier
    /// period are accepted; 2025Q4, 2025-09 and 2026 have not started and
    /// are refused naming the period, today and what is expected.
    #[test]
    fn a_period_not_started_is_refused() {
        let today = jiff::civil::date(2025, 8, 15);
        for ok in ["2025", "2025Q3", "2025-08", "2025-07", "2024Q4", "2020"] {
            assert_eq!(
                PLAN.check(Period::parse(ok).unwrap(), today),
                Ok(()),
                "{ok}"
            );
        }
        for p in ["2025Q4", "2025-09", "2026", "2026-01"] {
            let period = Period::parse(p).unwrap();
            assert_eq!(
                PLAN.check(period, today),
                Err(PeriodError::NotStarted { period, today }),
                "{p}"
            );
        }
        let e = PLAN.check(Period::Quarter(2025, 4), today).unwrap_err();
        assert_eq!(
            e.to_string(),
            "2025Q4 has not started yet (today is 2025-08-15); expected the current year 2025, \
             quarter 2025Q3 or month 2025-08, or an earlier period"
        );
        assert_eq!(
            e.reason(crate::vocab::Lang::Zh),
            "2025Q4 尚未开始（今天是 2025-08-15）；应填今年 2025、本季度 2025Q3、本月 2025-08 \
             或更早的期间"
        );
        // Outside the plan is said first.
        let e = PLAN.check(Period::Year(2027), today).unwrap_err();
        assert!(matches!(e, PeriodError::OutsidePlan { .. }), "{e}");
    }

    #[test]
    fn the_default_period_is_five_years_to_the_latest_deadline() {
        assert_eq!(PlanPeriod::from_deadlines([2023, 2025, 2024]), PLAN);
        assert_eq!(
            PlanPeriod::from_deadlines([2025, 2018]),
            PlanPeriod {
                start: 2018,
                end: 2025
            }
        );
        assert_eq!(
            PlanPeriod::from_deadlines([2030]),
            PlanPeriod {
                start: 2026,
                end: 2030
            }
        );
        assert_eq!(PlanPeriod::from_deadlines([]), PLAN);
        assert!(PLAN.contains(2021) && PLAN.contains(2025));
        assert!(!PLAN.contains(2020) && !PLAN.contains(2026));
    }

    #[test]
    fn new_refuses_a_backwards_plan() {
        assert_eq!(PlanPeriod::new(2021, 2025), Some(PLAN));
        assert_eq!(PlanPeriod::new(2026, 2025), None);
    }
}
