//! Three-colour lights (红黄绿灯), their roll-up, and 逾期未报 (stale
//! reports). See docs/data.md ("Pace"), "Lights".

use std::fmt;

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::expect::Goal;
use crate::ledger::{Actual, status};
use crate::plan::Indicator;
use crate::plan::period::month_of;
use crate::plan::{Kind, Period, PlanPeriod};
use crate::vocab::{LIGHT_WORDS, Term, Words};

/// An indicator's light. Ordered from least to most alarming, so the
/// greatest of a set is the worst and `gray` (nothing to judge) counts only
/// when nothing else is there: `gray < green < yellow < red`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Light {
    /// No value, or nothing expected yet.
    Gray,
    /// On or ahead of pace (r ≥ 1), or the target is met.
    Green,
    /// Lagging (0.9 ≤ r < 1), or a milestone in the last six months of its
    /// deadline year.
    Yellow,
    /// Behind (r < 0.9), or past the deadline and not met.
    Red,
}

impl Light {
    /// Worst first, the order of counts and filters.
    pub const ALL: [Light; 4] = [Light::Red, Light::Yellow, Light::Green, Light::Gray];

    /// The machine word: `green`, `yellow`, `red`, `gray`.
    pub fn as_str(self) -> &'static str {
        match self {
            Light::Gray => "gray",
            Light::Green => "green",
            Light::Yellow => "yellow",
            Light::Red => "red",
        }
    }

    /// Parses a machine word (surrounding spaces ignored).
    pub fn parse(s: &str) -> Option<Light> {
        let s = s.trim();
        Light::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// The words people see and type for a light (绿灯, 绿, `green`), from
/// [`crate::vocab::LIGHT_WORDS`]: `--light` parses with [`Term::parse`].
impl Term for Light {
    const KIND: &'static str = "light";

    fn all() -> &'static [Self] {
        &Light::ALL
    }

    fn words(self) -> &'static Words {
        let i = match self {
            Light::Gray => 0,
            Light::Green => 1,
            Light::Yellow => 2,
            Light::Red => 3,
        };
        &LIGHT_WORDS[i]
    }
}

impl fmt::Display for Light {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The roll-up of a task: its worst light, gray only when all are gray
/// (or there are none).
pub fn worst(lights: impl IntoIterator<Item = Light>) -> Light {
    lights.into_iter().max().unwrap_or(Light::Gray)
}

/// How many of each light (groups and leaders show these).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LightCounts {
    pub red: usize,
    pub yellow: usize,
    pub green: usize,
    pub gray: usize,
}

impl LightCounts {
    pub fn add(&mut self, light: Light) {
        *self.slot(light) += 1;
    }

    pub fn get(&self, light: Light) -> usize {
        match light {
            Light::Red => self.red,
            Light::Yellow => self.yellow,
            Light::Green => self.green,
            Light::Gray => self.gray,
        }
    }

    fn slot(&mut self, light: Light) -> &mut usize {
        match light {
            Light::Red => &mut self.red,
            Light::Yellow => &mut self.yellow,
            Light::Green => &mut self.green,
            Light::Gray => &mut self.gray,
        }
    }

    pub fn total(&self) -> usize {
        self.red + self.yellow + self.green + self.gray
    }

    /// The worst light counted, as [`worst`] would give.
    pub fn worst(&self) -> Light {
        worst(Light::ALL.into_iter().filter(|&l| self.get(l) > 0))
    }
}

impl Extend<Light> for LightCounts {
    fn extend<I: IntoIterator<Item = Light>>(&mut self, iter: I) {
        for light in iter {
            self.add(light);
        }
    }
}

impl FromIterator<Light> for LightCounts {
    fn from_iter<I: IntoIterator<Item = Light>>(iter: I) -> Self {
        let mut counts = LightCounts::default();
        counts.extend(iter);
        counts
    }
}

/// Where an indicator stands: the expected value for its latest period as
/// of the date judged, the progress ratio, whether the target is met, the
/// light.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assessment {
    /// The expected value (序时进度) for the value's period, to the target
    /// as stated: at the end of the period, or for a period still running
    /// at the end of the last complete month
    /// ([`crate::plan::PlanPeriod::elapsed_on`]); `None` for a milestone,
    /// without a value, or a level without a baseline.
    pub expected: Option<Decimal>,
    /// The value from which (lower-is-better: up to which) the light is
    /// green at that point: the expected value, or for a `~` target the
    /// line to 95 % of it in the better direction.
    pub on_pace: Option<Decimal>,
    /// The progress ratio r; `None` when nothing is expected yet.
    pub ratio: Option<Decimal>,
    /// The value meets the target as the status rules say (`met` or
    /// `stretch_met`) and that settles it ([`Goal::met_is_final`]); a
    /// milestone is met when done.
    pub met: bool,
    pub light: Light,
}

/// Judges `ind` of `kind` on `latest`, its value for its latest period,
/// as of `as_of` (today for the current light; for one row of a series,
/// the end of that row's period if earlier, so history is judged as it
/// stood). The expectation is at the end of the period, or, for a period
/// not over by `as_of`, at the end of the last month complete by then: a
/// value "so far this year" is compared with the line so far, not with
/// the whole year's. In order:
///
/// - milestone: see [`milestone_light`] (nothing recorded is not done);
/// - no value (or a done-flag on a number): `gray`;
/// - the value meets the target: `green` (under a lower-is-better
///   ceiling on a sum only once the sum is complete: [`Goal::met_is_final`]);
/// - the deadline year has ended: `red`;
/// - a level whose baseline already met the target, not met now: `red`;
/// - nothing expected (no baseline, f = 0, …): `gray`;
/// - else by the ratio: `green` r ≥ 1, `yellow` 0.9 ≤ r < 1, `red`.
pub fn assess(
    ind: &Indicator,
    kind: Kind,
    plan: PlanPeriod,
    baseline: Option<Decimal>,
    latest: Option<(Period, &Actual)>,
    as_of: Date,
) -> Assessment {
    if ind.is_milestone() {
        let done = matches!(latest, Some((_, Actual::Done(true))));
        return Assessment {
            expected: None,
            on_pace: None,
            ratio: None,
            met: done,
            light: milestone_light(done, ind.deadline, as_of),
        };
    }
    let nothing = Assessment {
        expected: None,
        on_pace: None,
        ratio: None,
        met: false,
        light: Light::Gray,
    };
    let Some((period, actual @ Actual::Number(value))) = latest else {
        return nothing;
    };
    let goal = Goal::of(ind, kind, baseline);
    let at = plan.elapsed_on(period, ind.deadline, as_of);
    let progress = goal.and_then(|g| g.progress(*value, at));
    let met = status(ind, Some(actual), as_of).is_met() && goal.is_none_or(|g| g.met_is_final(at));
    let light = if met {
        Light::Green
    } else if past(ind.deadline, as_of) || goal.is_some_and(|g| g.baseline_met()) {
        Light::Red
    } else {
        progress.map_or(Light::Gray, |p| p.light())
    };
    Assessment {
        expected: goal.and_then(|g| g.expected(at)),
        on_pace: goal.and_then(|g| g.on_pace(at)),
        ratio: progress.and_then(|p| p.ratio()),
        met,
        light,
    }
}

/// True when the deadline year has ended by `as_of`.
fn past(deadline: i32, as_of: Date) -> bool {
    i32::from(as_of.year()) > deadline
}

/// A milestone's light: `green` when done; not done (or not recorded),
/// `gray` before July 1 of the deadline year, `yellow` from July 1 to
/// December 31 of it, `red` after.
pub fn milestone_light(done: bool, deadline: i32, as_of: Date) -> Light {
    if done {
        Light::Green
    } else if past(deadline, as_of) {
        Light::Red
    } else if i32::from(as_of.year()) == deadline && as_of.month() >= 7 {
        Light::Yellow
    } else {
        Light::Gray
    }
}

/// 逾期未报: the latest period ended more than one quarter before `today`,
/// counted in whole months: stale from the first day of the fourth month
/// after the period's last month (2024: from 2025-04-01; 2024Q3: from
/// 2025-01-01).
pub fn stale(latest: Period, today: Date) -> bool {
    month_of(today) > latest.end_month() + 3
}

/// 逾期未报 of an indicator judged `a` on its value for `latest`: the
/// period is [`stale`] and the indicator is not settled. Settled means
/// nothing more is to be reported: a milestone done, or a target met
/// ([`Assessment::met`]) once its deadline year has ended. A target met
/// before its deadline still awaits reports (a level can fall back, and
/// the office follows the figure to the deadline); one missed after it
/// stays 逾期未报 until the final figure is in.
pub fn overdue(
    latest: Period,
    a: &Assessment,
    milestone: bool,
    deadline: i32,
    today: Date,
) -> bool {
    let settled = a.met && (milestone || past(deadline, today));
    !settled && stale(latest, today)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `--light` words: machine, 绿灯 / 绿, English, `grey`; nothing else.
    #[test]
    fn light_words_parse() {
        for (typed, light) in [
            ("red", Light::Red),
            ("红", Light::Red),
            ("红灯", Light::Red),
            ("黄", Light::Yellow),
            ("黄灯", Light::Yellow),
            (" 绿 ", Light::Green),
            ("绿灯", Light::Green),
            ("GREEN", Light::Green),
            ("灰", Light::Gray),
            ("灰灯", Light::Gray),
            ("grey", Light::Gray),
        ] {
            assert_eq!(<Light as Term>::parse(typed), Some(light), "{typed}");
        }
        assert_eq!(<Light as Term>::parse("紫"), None);
        assert_eq!(Light::Red.word(crate::vocab::Lang::Zh), "红灯");
    }
}
