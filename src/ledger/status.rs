//! Status of an indicator: a pure function of the indicator, its actual
//! value and today's date. See docs/data.md, "Status rules".

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::plan::{Better, Comparison, Indicator};

/// A recorded actual value (实际完成值).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actual {
    /// A number in the indicator's own unit (`512` for 512 亿元).
    Number(Decimal),
    /// A milestone: done or not done.
    Done(bool),
}

pub use crate::vocab::{Status, TaskState};

impl Status {
    /// True for `met` and `stretch_met`.
    pub fn is_met(self) -> bool {
        matches!(self, Status::Met | Status::StretchMet)
    }
}

/// How far from the target a `~` (左右) target still counts as met: 95 %
/// of the target in the better direction.
const ABOUT_SHARE: Decimal = Decimal::from_parts(95, 0, 0, false, 2);

/// True when `actual` satisfies `target` under `comparison`, `better`.
fn reaches(actual: Decimal, target: Decimal, comparison: Comparison, better: Better) -> bool {
    match comparison {
        Comparison::AtLeast => actual >= target,
        Comparison::AtMost => actual <= target,
        Comparison::About => match better {
            Better::Higher => actual >= target * ABOUT_SHARE,
            // 95 % in the better (lower) direction: up to target / 0.95.
            Better::Lower => actual * ABOUT_SHARE <= target,
        },
        Comparison::Done => false,
    }
}

/// The status of `ind` with `actual` recorded, as of `today`.
///
/// - `no_data`: nothing recorded;
/// - `met`: the actual satisfies the comparison (`~` from 95 % of the
///   target in the better direction); a milestone recorded done;
/// - `stretch_met`: met, and the stretch target (力争) is reached too;
/// - `missed`: not met and the deadline year has ended (`today` is in a
///   later year);
/// - `in_progress`: otherwise.
pub fn status(ind: &Indicator, actual: Option<&Actual>, today: Date) -> Status {
    let Some(actual) = actual else {
        return Status::NoData;
    };
    let met = match (actual, ind.comparison, ind.target) {
        (Actual::Done(done), Comparison::Done, _) => *done,
        (Actual::Number(a), c, Some(t)) if c != Comparison::Done => {
            if reaches(*a, t, c, ind.better) {
                let stretch = ind.stretch.is_some_and(|s| match ind.better {
                    Better::Higher => *a >= s,
                    Better::Lower => *a <= s,
                });
                return if stretch {
                    Status::StretchMet
                } else {
                    Status::Met
                };
            }
            false
        }
        // A number for a milestone or a done-flag for a number: not met.
        _ => false,
    };
    if met {
        Status::Met
    } else if i32::from(today.year()) > ind.deadline {
        Status::Missed
    } else {
        Status::InProgress
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::NewIndicator;
    use std::str::FromStr;

    fn ind(
        cmp: Comparison,
        target: Option<&str>,
        stretch: Option<&str>,
        better: Better,
    ) -> Indicator {
        Indicator::from(NewIndicator {
            id: "9.1",
            task: "9".into(),
            row: "T9".into(),
            name: "x",
            unit: None,
            comparison: cmp,
            target: target.map(|t| Decimal::from_str(t).unwrap()),
            stretch: stretch.map(|t| Decimal::from_str(t).unwrap()),
            better,
            deadline: 2025,
            source: "",
            kind: crate::plan::Kind::from_comparison(cmp),
        })
    }

    fn n(s: &str) -> Actual {
        Actual::Number(Decimal::from_str(s).unwrap())
    }

    const IN_2025: Date = jiff::civil::date(2025, 6, 1);
    const LAST_DAY: Date = jiff::civil::date(2025, 12, 31);
    const IN_2026: Date = jiff::civil::date(2026, 1, 1);

    #[test]
    fn no_actual_is_no_data() {
        let i = ind(Comparison::AtLeast, Some("500"), None, Better::Higher);
        assert_eq!(status(&i, None, IN_2026), Status::NoData);
    }

    #[test]
    fn at_least() {
        let i = ind(Comparison::AtLeast, Some("500"), None, Better::Higher);
        assert_eq!(status(&i, Some(&n("500")), IN_2025), Status::Met);
        assert_eq!(status(&i, Some(&n("499.99")), IN_2025), Status::InProgress);
        assert_eq!(status(&i, Some(&n("499.99")), LAST_DAY), Status::InProgress);
        assert_eq!(status(&i, Some(&n("499.99")), IN_2026), Status::Missed);
        assert_eq!(status(&i, Some(&n("600")), IN_2026), Status::Met);
    }

    #[test]
    fn at_most() {
        let i = ind(Comparison::AtMost, Some("2"), None, Better::Lower);
        assert_eq!(status(&i, Some(&n("2")), IN_2025), Status::Met);
        assert_eq!(status(&i, Some(&n("1.8")), IN_2025), Status::Met);
        assert_eq!(status(&i, Some(&n("2.1")), IN_2025), Status::InProgress);
        assert_eq!(status(&i, Some(&n("2.1")), IN_2026), Status::Missed);
    }

    #[test]
    fn about_higher_from_95_percent() {
        let i = ind(Comparison::About, Some("80"), None, Better::Higher);
        assert_eq!(status(&i, Some(&n("76")), IN_2025), Status::Met);
        assert_eq!(status(&i, Some(&n("75.99")), IN_2025), Status::InProgress);
        assert_eq!(status(&i, Some(&n("90")), IN_2025), Status::Met);
        assert_eq!(status(&i, Some(&n("75.99")), IN_2026), Status::Missed);
    }

    #[test]
    fn about_lower_from_95_percent() {
        let i = ind(Comparison::About, Some("95"), None, Better::Lower);
        assert_eq!(status(&i, Some(&n("100")), IN_2025), Status::Met);
        assert_eq!(status(&i, Some(&n("100.1")), IN_2025), Status::InProgress);
        assert_eq!(status(&i, Some(&n("50")), IN_2025), Status::Met);
    }

    #[test]
    fn stretch() {
        let i = ind(
            Comparison::AtLeast,
            Some("325"),
            Some("350"),
            Better::Higher,
        );
        assert_eq!(status(&i, Some(&n("330")), IN_2025), Status::Met);
        assert_eq!(status(&i, Some(&n("350")), IN_2025), Status::StretchMet);
        assert_eq!(status(&i, Some(&n("300")), IN_2026), Status::Missed);
    }

    #[test]
    fn stretch_when_lower_is_better() {
        let i = ind(Comparison::AtMost, Some("2"), Some("1.8"), Better::Lower);
        assert_eq!(status(&i, Some(&n("1.9")), IN_2025), Status::Met);
        assert_eq!(status(&i, Some(&n("1.8")), IN_2025), Status::StretchMet);
        assert_eq!(status(&i, Some(&n("2.5")), IN_2026), Status::Missed);
    }

    #[test]
    fn about_with_stretch() {
        let i = ind(Comparison::About, Some("80"), Some("85"), Better::Higher);
        assert_eq!(status(&i, Some(&n("76")), IN_2025), Status::Met);
        assert_eq!(status(&i, Some(&n("85")), IN_2025), Status::StretchMet);
    }

    #[test]
    fn number_without_target_is_never_met() {
        let i = ind(Comparison::AtLeast, None, None, Better::Higher);
        assert_eq!(status(&i, Some(&n("1000")), IN_2025), Status::InProgress);
        assert_eq!(status(&i, Some(&n("1000")), IN_2026), Status::Missed);
    }

    #[test]
    fn milestones() {
        let i = ind(Comparison::Done, None, None, Better::Higher);
        assert_eq!(status(&i, Some(&Actual::Done(true)), IN_2026), Status::Met);
        assert_eq!(
            status(&i, Some(&Actual::Done(false)), IN_2025),
            Status::InProgress
        );
        assert_eq!(
            status(&i, Some(&Actual::Done(false)), IN_2026),
            Status::Missed
        );
    }

    #[test]
    fn mismatched_kinds_are_not_met() {
        let m = ind(Comparison::Done, None, None, Better::Higher);
        assert_eq!(status(&m, Some(&n("1")), IN_2025), Status::InProgress);
        let q = ind(Comparison::AtLeast, Some("1"), None, Better::Higher);
        assert_eq!(
            status(&q, Some(&Actual::Done(true)), IN_2026),
            Status::Missed
        );
    }
}
