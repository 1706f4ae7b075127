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
    /// Green per thousand of the indicators with a light (`None`: none
    /// has one yet).
    pub fn green_permille(&self) -> Option<usize> {
        let lit = self.green + self.yellow + self.red;
        (lit > 0).then(|| self.green * 1000 / lit)
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
    let share = |l: &Lights| l.green_permille().unwrap_or(0);
    share(b)
        .cmp(&share(a))
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
