//! Lights rolled up per district, and the city's ranking of districts (a
//! city 通报): each district's plan (its `plan/`, else the embedded one)
//! judged against its ledger as of a day, every indicator's light counted.
//!
//! Ranking (worked out here; the plan does not say): best first, by the
//! share of green among the indicators that have a light (gray: nothing
//! expected yet, or no value, is left out of the share), then fewer red,
//! then fewer yellow, then the district's name. A district whose plan or
//! ledger cannot be read is listed after the ranked ones, with why.

use std::cmp::Ordering;

use jiff::civil::Date;

use super::git::Git;
use super::workspace::District;
use crate::ledger::{Ledger, LedgerError, NoProgress};
use crate::pace::{Light, LightCounts};
use crate::plan::{self, Plan, PlanErrors};
use crate::report::Facts;
use crate::vocab::Lang;

/// One district's lights.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lights {
    pub district: District,
    pub indicators: usize,
    pub green: usize,
    pub yellow: usize,
    pub red: usize,
    pub gray: usize,
}

impl Lights {
    /// Green per thousand of the indicators with a light, rounded half
    /// up (1 of 21: 48, shown 4.8%) (`None`: none has one yet).
    pub fn green_permille(&self) -> Option<usize> {
        let lit = self.lit();
        (lit > 0).then(|| (self.green * 1000 + lit / 2) / lit)
    }

    /// The indicators with a light (green, yellow or red).
    fn lit(&self) -> usize {
        self.green + self.yellow + self.red
    }

    /// The share of green, compared exactly (no rounding: 1 of 21 is less
    /// than 2 of 41); none lit counts as no green.
    fn share_cmp(&self, other: &Lights) -> Ordering {
        let (a, b) = (self.lit().max(1), other.lit().max(1));
        (self.green * b).cmp(&(other.green * a))
    }

    /// Lights from the counts of a district's indicators by light.
    pub fn of_counts(district: &District, c: &LightCounts) -> Lights {
        Lights {
            district: district.clone(),
            indicators: c.red + c.yellow + c.green + c.gray,
            green: c.green,
            yellow: c.yellow,
            red: c.red,
            gray: c.gray,
        }
    }
}

/// Why a district could not be judged.
#[derive(Debug)]
pub enum RollupError {
    Plan(PlanErrors),
    Ledger(LedgerError),
}

impl RollupError {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            RollupError::Plan(e) => e.text(lang),
            RollupError::Ledger(e) => e.text(lang),
        }
    }
}

/// Counts `plan`'s indicators by light as `ledger` says on `today`.
pub fn count(district: &District, plan: &Plan, ledger: &Ledger, today: Date) -> Lights {
    let facts = Facts {
        ledger,
        today,
        plan: plan.period,
    };
    let mut l = Lights {
        district: district.clone(),
        indicators: plan.indicators.len(),
        green: 0,
        yellow: 0,
        red: 0,
        gray: 0,
    };
    for ind in &plan.indicators {
        match facts.pace(ind).light() {
            Light::Green => l.green += 1,
            Light::Yellow => l.yellow += 1,
            Light::Red => l.red += 1,
            Light::Gray => l.gray += 1,
        }
    }
    l
}

/// A district's plan (its `plan/`, else the embedded one) and its ledger
/// (through its checkpoint).
pub fn load(d: &District) -> Result<(Plan, Ledger), RollupError> {
    let plan = match d.plan_dir() {
        Some(dir) => plan::load_dir(&dir),
        None => plan::load_embedded(),
    }
    .map_err(RollupError::Plan)?;
    // A district that has published no ledger yet reads as an empty one.
    let ledger =
        Ledger::open_with_checkpoint(&d.ledger(), &mut NoProgress).map_err(RollupError::Ledger)?;
    Ok((plan, ledger))
}

/// Judges one district: its plan, its ledger (through its checkpoint).
pub fn judge(d: &District, today: Date) -> Result<Lights, RollupError> {
    let (plan, ledger) = load(d)?;
    Ok(count(d, &plan, &ledger, today))
}

/// The ranking's order (see the module): best first.
pub fn better(a: &Lights, b: &Lights) -> Ordering {
    b.share_cmp(a)
        .then(a.red.cmp(&b.red))
        .then(a.yellow.cmp(&b.yellow))
        .then(a.district.name.cmp(&b.district.name))
}

/// Every district judged, the judged ones ranked (see the module), then
/// those that could not be.
pub fn rank(districts: &[District], today: Date) -> (Vec<Lights>, Vec<(District, RollupError)>) {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    for d in districts {
        match judge(d, today) {
            Ok(l) => ok.push(l),
            Err(e) => bad.push((d.clone(), e)),
        }
    }
    ok.sort_by(better);
    (ok, bad)
}

/// A district whose last publish is more than this many days before the
/// report's day is marked 逾期未发布 in the city report (`pull`'s default
/// `--stale-days`; `crate::bulletin::city`).
pub const STALE_DAYS: i64 = 7;

/// The day (in this host's time zone) of the district's newest commit,
/// its last publish, from git; `None` when it has none or git cannot say.
pub fn last_publish(d: &District) -> Option<Date> {
    let t: i64 = Git::new(&d.repo)
        .run(&["log", "-1", "--format=%ct", "HEAD"])
        .ok()?
        .trim()
        .parse()
        .ok()?;
    let ts = jiff::Timestamp::from_second(t).ok()?;
    Some(ts.to_zoned_datetime(jiff::tz::TimeZone::system()).date())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lights(name: &str, green: usize, yellow: usize, red: usize) -> Lights {
        Lights {
            district: District {
                name: name.into(),
                repo: std::path::PathBuf::new(),
            },
            indicators: 95,
            green,
            yellow,
            red,
            gray: 0,
        }
    }

    #[test]
    fn the_share_is_rounded_for_people_and_compared_exactly_for_the_rank() {
        assert_eq!(
            lights("a", 1, 18, 2).green_permille(),
            Some(48),
            "1/21 = 4.76%"
        );
        assert_eq!(lights("a", 1, 0, 1).green_permille(), Some(500));
        assert_eq!(lights("a", 0, 0, 0).green_permille(), None);
        // 2/41 (4.878%) and 1/20 (5%) round apart; 1/21 (4.762%) and
        // 2/42 tie exactly, then fewer red first.
        let mut v = [
            lights("甲", 2, 37, 2),
            lights("乙", 1, 19, 0),
            lights("丙", 1, 18, 2),
            lights("丁", 2, 36, 4),
        ];
        v.sort_by(better);
        let names: Vec<_> = v.iter().map(|l| l.district.name.as_str()).collect();
        assert_eq!(names, ["乙", "甲", "丙", "丁"]);
        // Exact where rounding ties: 1/1000 against 1/1001.
        let (a, b) = (lights("a", 1, 999, 0), lights("b", 1, 1000, 0));
        assert_eq!(a.green_permille(), b.green_permille());
        assert_eq!(better(&a, &b), Ordering::Less);
    }
}
