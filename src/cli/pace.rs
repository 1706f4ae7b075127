//! An indicator's pace (序时进度) as the listings show it: the period of
//! its current actual, its baseline (基期值), the expected value and the
//! light, judged with [`crate::pace::assess`]. Shared by `indicators`,
//! `tasks` and `series`.

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::ledger::{Actual, Entry};
use crate::pace::{Assessment, Light, Period, PlanPeriod, assess, stale};
use crate::plan::Indicator;

/// The baseline (基期值): the number recorded for the year before the plan
/// (`rows`: an indicator's last row of each period, by period).
pub fn baseline(plan: PlanPeriod, rows: &[Entry]) -> Option<Decimal> {
    let year = Period::Year(plan.start.saturating_sub(1));
    let row = rows.iter().find(|e| e.in_period() == year)?;
    match row.actual() {
        Some(Actual::Number(d)) => Some(d),
        _ => None,
    }
}

/// Where an indicator stands today.
#[derive(Debug, Clone, Copy)]
pub struct Pace {
    /// The period of the current actual (the latest period recorded);
    /// `None` when nothing is recorded or the latest value was cleared.
    pub period: Option<Period>,
    /// The number recorded for the year before the plan, whatever the kind
    /// (only a level is measured from it).
    pub baseline: Option<Decimal>,
    /// The expected value at the end of `period`, the light as of today.
    pub assessment: Assessment,
}

impl Pace {
    /// `ind` with `rows` (its last row of each period, by period), judged
    /// as of `today`: the latest period's value, as the current actual.
    pub fn of(plan: PlanPeriod, ind: &Indicator, rows: &[Entry], today: Date) -> Pace {
        let base = baseline(plan, rows);
        let latest = rows
            .last()
            .and_then(|e| e.actual().map(|a| (e.in_period(), a)));
        let assessment = assess(
            ind,
            ind.kind,
            plan,
            base,
            latest.as_ref().map(|(p, a)| (*p, a)),
            today,
        );
        Pace {
            period: latest.map(|(p, _)| p),
            baseline: base,
            assessment,
        }
    }

    pub fn light(&self) -> Light {
        self.assessment.light
    }

    pub fn expected(&self) -> Option<Decimal> {
        self.assessment.expected
    }

    /// 逾期未报: the current actual's period ended more than a quarter
    /// before `today` ([`stale`]); never for an indicator with no value.
    pub fn stale(&self, today: Date) -> bool {
        self.period.is_some_and(|p| stale(p, today))
    }
}
