//! Expected values (序时进度) and the progress ratio r. See docs/data.md ("Pace"),
//! "Expected value" and "Progress ratio".
//!
//! Everything is exact decimal arithmetic with checked operations: a value
//! too large to compute with gives no expectation or ratio (`None`), never
//! a panic. Whether a light is green or yellow is decided by comparing
//! products (`made ≥ needed`, `made ≥ 0.9 × needed`), not the rounded
//! ratio, so boundary values land exactly.

use rust_decimal::Decimal;

use super::light::Light;
use crate::plan::Elapsed;
use crate::plan::Kind;
use crate::plan::{Better, Comparison, Indicator};

/// How far from the target a `~` (左右) target still counts: 95 % of the
/// target in the better direction. The same share as the status rules
/// (`met` from 95 %); see docs/data.md, "Status rules".
pub const ABOUT_SHARE: Decimal = Decimal::from_parts(95, 0, 0, false, 2);

/// From this ratio on a value is `yellow` rather than `red`.
pub const YELLOW_FROM: Decimal = Decimal::from_parts(9, 0, 0, false, 1);

/// The value expected at the end of a period on the straight line to the
/// target (序时进度), with f = `at.months / at.total`:
///
/// - `cumulative`: target × f;
/// - `level`: b + (target − b) × f with the baseline b; `None` without one;
/// - `rate`: the target itself;
/// - `annual`: the target for a whole year, and its share of the year for a
///   quarter or month (target × months into the year / 12: 2500 of 5000 at
///   2024Q2);
/// - `milestone`: `None`.
///
/// Exact and normalized (no trailing zeros: 78.8, not the 78.80 that
/// 74 + 6 × 48 / 60 computes to), so every output prints it the same.
pub fn expected(
    kind: Kind,
    target: Decimal,
    baseline: Option<Decimal>,
    at: Elapsed,
) -> Option<Decimal> {
    line(kind, target, baseline, at).map(|d| d.normalize())
}

/// [`expected`] as computed, before it is normalized.
fn line(kind: Kind, target: Decimal, baseline: Option<Decimal>, at: Elapsed) -> Option<Decimal> {
    match kind {
        Kind::Cumulative => share(target, at.months, at.total),
        Kind::Level => {
            let b = baseline?;
            b.checked_add(share(target.checked_sub(b)?, at.months, at.total)?)
        }
        Kind::Rate => Some(target),
        Kind::Annual => share(target, at.into_year, 12),
        Kind::Milestone => None,
    }
}

/// `x × num / den`, multiplying first so the only rounding is the last
/// division's (at 28 significant digits).
fn share(x: Decimal, num: i64, den: i64) -> Option<Decimal> {
    x.checked_mul(Decimal::from(num))?
        .checked_div(Decimal::from(den))
}

/// A quantitative target with what the light needs to know about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Goal {
    pub kind: Kind,
    pub comparison: Comparison,
    pub better: Better,
    pub target: Decimal,
    /// The value for the year before the plan (基期值), when entered.
    pub baseline: Option<Decimal>,
}

/// Progress made against progress needed, both scaled so that the ratio
/// r = `made / needed`. `needed > 0`, except `needed == 0` (with
/// `made > 0`) for an infinite ratio: a lower-is-better value at or below
/// 0 under a positive expectation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub made: Decimal,
    pub needed: Decimal,
}

impl Progress {
    /// r, rounded at the 28th significant digit; `None` if it is infinite
    /// or overflows.
    pub fn ratio(self) -> Option<Decimal> {
        if self.needed.is_zero() {
            return None;
        }
        self.made.checked_div(self.needed)
    }

    /// `green` for r ≥ 1, `yellow` for 0.9 ≤ r < 1, `red` below.
    pub fn light(self) -> Light {
        if self.made >= self.needed {
            return Light::Green;
        }
        let yellow = match self.needed.checked_mul(YELLOW_FROM) {
            Some(bar) => self.made >= bar,
            None => self.ratio().is_some_and(|r| r >= YELLOW_FROM),
        };
        if yellow { Light::Yellow } else { Light::Red }
    }
}

impl Goal {
    /// The goal of a quantitative indicator of `kind`; `None` for a
    /// milestone (by comparison or kind) or an indicator without a target.
    pub fn of(ind: &Indicator, kind: Kind, baseline: Option<Decimal>) -> Option<Goal> {
        if kind == Kind::Milestone || ind.is_milestone() {
            return None;
        }
        Some(Goal {
            kind,
            comparison: ind.comparison,
            better: ind.better,
            target: ind.target?,
            baseline,
        })
    }

    /// The expected value (序时进度) at `at`; see [`expected`].
    pub fn expected(&self, at: Elapsed) -> Option<Decimal> {
        expected(self.kind, self.target, self.baseline, at)
    }

    /// The value at which r = 1 at `at`: the expected value, or for a `~`
    /// target the line to 95 % of it (higher-is-better) or to target / 0.95
    /// (lower-is-better). `None` when [`Goal::expected`] is.
    pub fn on_pace(&self, at: Elapsed) -> Option<Decimal> {
        if self.comparison != Comparison::About {
            return self.expected(at);
        }
        let (t, _, b) = self.bar(Decimal::ZERO)?;
        let line = expected(self.kind, t, b, at)?;
        if self.higher() {
            Some(line)
        } else {
            line.checked_div(ABOUT_SHARE)
        }
    }

    /// True when a higher value is better: `>=` yes, `<=` no, `~` as
    /// `better` says (the direction the status rules use).
    pub fn higher(&self) -> bool {
        match self.comparison {
            Comparison::AtLeast => true,
            Comparison::AtMost => false,
            Comparison::About | Comparison::Done => self.better == Better::Higher,
        }
    }

    /// The target, value and baseline the ratio is computed with. A `~`
    /// target counts from 95 % in the better direction: higher-is-better,
    /// the line runs to 95 % of the target; lower-is-better, the value and
    /// baseline are taken at 95 % (the same as a line to target / 0.95,
    /// without dividing).
    fn bar(&self, value: Decimal) -> Option<(Decimal, Decimal, Option<Decimal>)> {
        if self.comparison != Comparison::About {
            return Some((self.target, value, self.baseline));
        }
        if self.higher() {
            Some((self.target.checked_mul(ABOUT_SHARE)?, value, self.baseline))
        } else {
            let b = match self.baseline {
                Some(b) => Some(b.checked_mul(ABOUT_SHARE)?),
                None => None,
            };
            Some((self.target, value.checked_mul(ABOUT_SHARE)?, b))
        }
    }

    /// Whether meeting the comparison at `at` settles the target. A sum or
    /// a year's amount only grows, so reaching a higher-is-better target
    /// early is final; under a lower-is-better ceiling it is not until
    /// the sum is complete: a `cumulative` value for a period ending at the
    /// deadline, an `annual` value for a whole year, judged once that period
    /// is over (`at` as [`crate::plan::PlanPeriod::elapsed_on`] gives it).
    /// Before that the ratio decides.
    pub fn met_is_final(&self, at: Elapsed) -> bool {
        match self.kind {
            Kind::Cumulative if !self.higher() => at.months >= at.total,
            Kind::Annual if !self.higher() => at.into_year >= 12,
            _ => true,
        }
    }

    /// True for a `level` whose baseline already meets the target (so
    /// there is no way to go but back).
    pub fn baseline_met(&self) -> bool {
        if self.kind != Kind::Level {
            return false;
        }
        let Some((t, _, Some(b))) = self.bar(Decimal::ZERO) else {
            return false;
        };
        if self.higher() { b >= t } else { b <= t }
    }

    /// Progress of `value` (reported for the period `at` describes) against
    /// the expectation; `None` when nothing is expected yet or it cannot be
    /// computed (no baseline for a level, f = 0, a baseline already at or
    /// beyond the target, a target at or below 0, overflow).
    ///
    /// With the scaled target t, value v, baseline b and f = m / n:
    ///
    /// | kind | higher is better | lower is better |
    /// | --- | --- | --- |
    /// | cumulative | v / (t f) | (t f) / v |
    /// | level | (v − b) / ((t − b) f) | the same (both moves are negative) |
    /// | rate | v / t | t / v |
    /// | annual | v / (t k / 12) | (t k / 12) / v |
    pub fn progress(&self, value: Decimal, at: Elapsed) -> Option<Progress> {
        if nothing_expected_yet(self.kind, at) {
            return None;
        }
        let (t, v, b) = self.bar(value)?;
        let m = Decimal::from(at.months);
        let n = Decimal::from(at.total);
        let (made, needed) = match self.kind {
            Kind::Cumulative => (v.checked_mul(n)?, t.checked_mul(m)?),
            Kind::Level => {
                let b = b?;
                (
                    v.checked_sub(b)?.checked_mul(n)?,
                    t.checked_sub(b)?.checked_mul(m)?,
                )
            }
            Kind::Rate => (v, t),
            Kind::Annual => (
                v.checked_mul(Decimal::from(12))?,
                t.checked_mul(Decimal::from(at.into_year))?,
            ),
            Kind::Milestone => return None,
        };
        let (made, needed) = match (self.higher(), self.kind) {
            (true, _) => (made, needed),
            (false, Kind::Level) => (-made, -needed),
            (false, _) => (needed, made),
        };
        if needed > Decimal::ZERO {
            Some(Progress { made, needed })
        } else if !self.higher() && self.kind != Kind::Level && made > Decimal::ZERO {
            // A lower-is-better value at or below 0 under a positive
            // expectation: infinitely ahead.
            Some(Progress {
                made,
                needed: Decimal::ZERO,
            })
        } else {
            None
        }
    }
}

/// True when nothing of the line has elapsed at `at`: the start of the
/// plan (the baseline year) for a sum or a level, the start of the year
/// (a value typed on January 10 for the new year) for a year's amount. No
/// ratio then, in either direction (a lower-is-better ceiling of 0 would
/// otherwise make every value red).
fn nothing_expected_yet(kind: Kind, at: Elapsed) -> bool {
    match kind {
        Kind::Cumulative | Kind::Level => at.months == 0,
        Kind::Annual => at.into_year == 0,
        Kind::Rate | Kind::Milestone => false,
    }
}

/// The progress ratio r of `value` for `goal` at `at`; see
/// [`Goal::progress`].
pub fn ratio(goal: &Goal, value: Decimal, at: Elapsed) -> Option<Decimal> {
    goal.progress(value, at)?.ratio()
}
