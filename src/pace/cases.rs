//! The hand-computed cases of docs/data.md ("Pace"), on the plan's own indicators,
//! and the properties of the expectation line.

use std::str::FromStr;

use jiff::civil::{Date, date};
use rust_decimal::Decimal;

use super::*;
use crate::ledger::Actual;
use crate::plan::{Better, Comparison, Indicator};

const PLAN: PlanPeriod = PlanPeriod {
    start: 2021,
    end: 2025,
};
/// "Today" for the cases before a 2025 deadline.
const TODAY: Date = date(2025, 3, 1);
/// "Today" once 2025 has ended.
const AFTER: Date = date(2026, 1, 15);

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn seed(id: &str) -> Indicator {
    let plan = crate::plan::load_embedded().unwrap();
    plan.indicator(id).unwrap().clone()
}

fn p(s: &str) -> Period {
    Period::parse(s).unwrap()
}

/// Expected value, r rounded to 4 places, and light of `value` for
/// `period`.
fn judge(
    ind: &Indicator,
    kind: Kind,
    baseline: Option<&str>,
    period: &str,
    value: &str,
    as_of: Date,
) -> (Option<Decimal>, Option<Decimal>, Light) {
    let actual = Actual::Number(d(value));
    let a = assess(
        ind,
        kind,
        PLAN,
        baseline.map(d),
        Some((p(period), &actual)),
        as_of,
    );
    (
        a.expected.map(|e| e.round_dp(4).normalize()),
        a.ratio.map(|r| r.round_dp(4)),
        a.light,
    )
}

fn some(s: &str) -> Option<Decimal> {
    Some(d(s))
}

#[test]
fn cumulative_8_2() {
    let i = seed("8.2");
    let j = |period, value, as_of| judge(&i, Kind::Cumulative, None, period, value, as_of);
    assert_eq!(
        j("2024", "300", TODAY),
        (some("336"), some("0.8929"), Light::Red)
    );
    assert_eq!(
        j("2024", "302.4", TODAY),
        (some("336"), some("0.9"), Light::Yellow)
    );
    assert_eq!(
        j("2024", "310", TODAY),
        (some("336"), some("0.9226"), Light::Yellow)
    );
    assert_eq!(
        j("2024", "340", TODAY),
        (some("336"), some("1.0119"), Light::Green)
    );
    assert_eq!(
        j("2024Q2", "250", TODAY),
        (some("294"), some("0.8503"), Light::Red)
    );
    assert_eq!(
        j("2025", "420", AFTER),
        (some("420"), some("1"), Light::Green)
    );
    // 0.952 of the way, but the deadline has passed and 420 is not reached.
    assert_eq!(
        j("2025", "400", AFTER),
        (some("420"), some("0.9524"), Light::Red)
    );
    // The baseline year: nothing expected of a sum yet.
    assert_eq!(j("2020", "10", TODAY), (some("0"), None, Light::Gray));
}

#[test]
fn level_8_1_with_a_baseline() {
    let i = seed("8.1");
    let b = Some("300");
    let j = |period, value, as_of| judge(&i, Kind::Level, b, period, value, as_of);
    assert_eq!(
        j("2023", "410", TODAY),
        (some("420"), some("0.9167"), Light::Yellow)
    );
    assert_eq!(
        j("2023", "400", TODAY),
        (some("420"), some("0.8333"), Light::Red)
    );
    assert_eq!(
        j("2024", "470", TODAY),
        (some("460"), some("1.0625"), Light::Green)
    );
    assert_eq!(
        j("2024", "450", TODAY),
        (some("460"), some("0.9375"), Light::Yellow)
    );
    assert_eq!(
        j("2024", "510", TODAY),
        (some("460"), some("1.3125"), Light::Green)
    );
    assert_eq!(j("2020", "300", TODAY), (some("300"), None, Light::Gray));
    assert_eq!(
        j("2025", "490", AFTER),
        (some("500"), some("0.95"), Light::Red)
    );
}

#[test]
fn level_8_1_without_a_baseline() {
    let i = seed("8.1");
    let j = |value, as_of| judge(&i, Kind::Level, None, "2024", value, as_of);
    assert_eq!(j("470", TODAY), (None, None, Light::Gray));
    // Met needs no expectation; a missed deadline neither.
    assert_eq!(j("510", TODAY), (None, None, Light::Green));
    assert_eq!(j("470", AFTER), (None, None, Light::Red));
}

#[test]
fn rate_19_3() {
    let i = seed("19.3");
    assert_eq!(i.target, some("10"));
    let j = |value| judge(&i, Kind::Rate, None, "2024", value, TODAY);
    assert_eq!(j("9.5"), (some("10"), some("0.95"), Light::Yellow));
    assert_eq!(j("8.9"), (some("10"), some("0.89"), Light::Red));
    assert_eq!(j("10"), (some("10"), some("1"), Light::Green));
    assert_eq!(j("-2"), (some("10"), some("-0.2"), Light::Red));
}

#[test]
fn annual_24_1_about() {
    let i = seed("24.1");
    assert_eq!(i.comparison, Comparison::About);
    let j = |period, value| judge(&i, Kind::Annual, None, period, value, TODAY);
    assert_eq!(
        j("2024", "5200"),
        (some("5000"), some("1.0947"), Light::Green)
    );
    // 左右: met from 4750 (95 %), so 4800 is green below 5000.
    assert_eq!(
        j("2024", "4800"),
        (some("5000"), some("1.0105"), Light::Green)
    );
    assert_eq!(
        j("2024", "4500"),
        (some("5000"), some("0.9474"), Light::Yellow)
    );
    assert_eq!(
        j("2024", "4200"),
        (some("5000"), some("0.8842"), Light::Red)
    );
    // Part of a year: its share of the year's amount.
    assert_eq!(
        j("2024Q2", "2300"),
        (some("2500"), some("0.9684"), Light::Yellow)
    );
    assert_eq!(
        j("2024Q2", "2400"),
        (some("2500"), some("1.0105"), Light::Green)
    );
    assert_eq!(
        j("2024-03", "1000"),
        (some("1250"), some("0.8421"), Light::Red)
    );
    let a = assess(
        &i,
        Kind::Annual,
        PLAN,
        None,
        Some((p("2024Q2"), &Actual::Number(d("2400")))),
        TODAY,
    );
    assert_eq!(a.on_pace, some("2375"));
}

#[test]
fn about_level_0_4() {
    let i = seed("0.4");
    assert_eq!((i.comparison, i.target), (Comparison::About, some("80")));
    let j = |value| judge(&i, Kind::Level, Some("74"), "2024", value, TODAY);
    // Expected 74 + 6 × 0.8 = 78.8; green from the line to 76: 75.6.
    assert_eq!(j("75.6"), (some("78.8"), some("1"), Light::Green));
    assert_eq!(j("75.5"), (some("78.8"), some("0.9375"), Light::Yellow));
    assert_eq!(j("75"), (some("78.8"), some("0.625"), Light::Red));
    assert_eq!(j("76"), (some("78.8"), some("1.25"), Light::Green));
}

/// Expected values are exact and normalized: 74 + 6 × 48 / 60 is 78.8
/// in every output, not 78.80 (the scale the sum carries).
#[test]
fn expected_values_carry_no_trailing_zeros() {
    let at = PLAN.elapsed(p("2024"), 2025);
    let e = expected(Kind::Level, d("80"), some("74"), at).unwrap();
    assert_eq!(e.to_string(), "78.8");
    let e = expected(Kind::Cumulative, d("420.00"), None, at).unwrap();
    assert_eq!(e.to_string(), "336");
    let e = expected(Kind::Rate, d("10.0"), None, at).unwrap();
    assert_eq!(e.to_string(), "10");
}

#[test]
fn milestone_7_4_before_near_after() {
    let i = seed("7.4");
    assert_eq!(i.deadline, 2023);
    let light = |done: Option<bool>, as_of| {
        let actual = done.map(Actual::Done);
        let latest = actual.as_ref().map(|a| (p("2023"), a));
        assess(&i, Kind::Milestone, PLAN, None, latest, as_of).light
    };
    let not_done = Some(false);
    assert_eq!(light(not_done, date(2023, 6, 30)), Light::Gray);
    assert_eq!(light(not_done, date(2023, 7, 1)), Light::Yellow);
    assert_eq!(light(not_done, date(2023, 12, 31)), Light::Yellow);
    assert_eq!(light(not_done, date(2024, 1, 1)), Light::Red);
    assert_eq!(light(Some(true), date(2024, 1, 1)), Light::Green);
    assert_eq!(light(Some(true), date(2022, 1, 1)), Light::Green);
    // Nothing recorded is not done.
    assert_eq!(light(None, date(2023, 3, 1)), Light::Gray);
    assert_eq!(light(None, date(2023, 8, 1)), Light::Yellow);
    assert_eq!(light(None, date(2024, 1, 1)), Light::Red);
}

#[test]
fn lower_is_better_0_12() {
    let i = seed("0.12");
    assert_eq!(
        (i.comparison, i.better),
        (Comparison::AtMost, Better::Lower)
    );
    let j = |value, as_of| judge(&i, Kind::Rate, None, "2024", value, as_of);
    assert_eq!(j("2.1", TODAY), (some("2"), some("0.9524"), Light::Yellow));
    assert_eq!(j("2.25", TODAY), (some("2"), some("0.8889"), Light::Red));
    assert_eq!(j("2", TODAY), (some("2"), some("1"), Light::Green));
    assert_eq!(j("1.9", TODAY), (some("2"), some("1.0526"), Light::Green));
    assert_eq!(j("2.1", AFTER), (some("2"), some("0.9524"), Light::Red));
}

#[test]
fn lower_is_better_level() {
    // 0.12 read as a level from 2.5 in 2020: 2024 expects 2.5 − 0.5 × 0.8.
    let i = seed("0.12");
    let j = |b, value| judge(&i, Kind::Level, Some(b), "2024", value, TODAY);
    assert_eq!(j("2.5", "2.15"), (some("2.1"), some("0.875"), Light::Red));
    assert_eq!(
        j("2.5", "2.13"),
        (some("2.1"), some("0.925"), Light::Yellow)
    );
    assert_eq!(j("2.5", "2.1"), (some("2.1"), some("1"), Light::Green));
    assert_eq!(j("2.5", "2.05"), (some("2.1"), some("1.125"), Light::Green));
    // A baseline already within the target: green while met, red once not.
    assert_eq!(j("1.8", "1.95").2, Light::Green);
    assert_eq!(j("1.8", "2.1"), (some("1.96"), None, Light::Red));
}

#[test]
fn lower_is_better_about_and_cumulative() {
    let mut i = seed("0.12");
    i.comparison = Comparison::About;
    // ~2, lower: met up to 2 / 0.95 = 2.105…; r = 2 / (0.95 v).
    let j = |value| judge(&i, Kind::Rate, None, "2024", value, TODAY);
    assert_eq!(j("2.1"), (some("2"), some("1.0025"), Light::Green));
    assert_eq!(j("2.3"), (some("2"), some("0.9153"), Light::Yellow));
    let i = seed("0.12");
    // A ceiling on a sum: 2 × 0.8 = 1.6 allowed by 2024.
    let j = |value| judge(&i, Kind::Cumulative, None, "2024", value, TODAY);
    assert_eq!(j("1.7"), (some("1.6"), some("0.9412"), Light::Yellow));
    assert_eq!(j("1.5"), (some("1.6"), some("1.0667"), Light::Green));
    assert_eq!(j("0"), (some("1.6"), None, Light::Green));
    // Under the ceiling is final only for the whole sum.
    let k = |period, value, as_of| judge(&i, Kind::Cumulative, None, period, value, as_of);
    assert_eq!(
        k("2025", "1.9", AFTER),
        (some("2"), some("1.0526"), Light::Green)
    );
    assert_eq!(k("2025", "2.1", AFTER).2, Light::Red);
    // A ceiling on each year's amount: a quarter is judged on its share.
    let y = |period, value| judge(&i, Kind::Annual, None, period, value, TODAY);
    assert_eq!(
        y("2024Q2", "1.1"),
        (some("1"), some("0.9091"), Light::Yellow)
    );
    assert_eq!(y("2024", "1.9"), (some("2"), some("1.0526"), Light::Green));
}

#[test]
fn cumulative_with_an_earlier_deadline_7_2() {
    let i = seed("7.2");
    let j = |period, value, as_of| judge(&i, Kind::Cumulative, None, period, value, as_of);
    // 6100 × 24 / 36.
    assert_eq!(
        j("2022", "4000", date(2023, 1, 10)),
        (some("4066.6667"), some("0.9836"), Light::Yellow)
    );
    assert_eq!(j("2023", "6000", date(2024, 2, 1)).2, Light::Red);
    assert_eq!(j("2024", "6100", date(2024, 2, 1)).2, Light::Green);
}

/// A value for a period still running (the default period, the current
/// year: "the value so far this year") is judged against the line at the
/// end of the last complete month, not at the period's end. On 2025-08-15
/// that is July: 55 of 60 months, 7 months into 2025.
#[test]
fn a_period_still_running_is_judged_so_far() {
    let mid = date(2025, 8, 15);
    // 24.1 每年 ~5000: 3400 so far in 2025 expects 5000 × 7 / 12; green
    // from 4750 × 7 / 12 = 2770.83 (it was red against the whole year).
    let i = seed("24.1");
    let j = |period, value, as_of| judge(&i, Kind::Annual, None, period, value, as_of);
    assert_eq!(
        j("2025", "3400", mid),
        (some("2916.6667"), some("1.2271"), Light::Green)
    );
    assert_eq!(j("2025", "3400", mid), j("2025-07", "3400", mid));
    // On the last day of August, August is complete: 8 months.
    assert_eq!(
        j("2025", "2500", date(2025, 8, 31)),
        (some("3333.3333"), some("0.7895"), Light::Red)
    );
    // January 10: nothing of the new year is expected yet.
    assert_eq!(
        j("2025", "300", date(2025, 1, 10)),
        (some("0"), None, Light::Gray)
    );
    // Once the year is over: the whole year's amount.
    assert_eq!(j("2024", "3400", mid).0, some("5000"));
    // 8.2 累计 ≥ 420: 2025 so far expects 420 × 55 / 60 = 385.
    let i = seed("8.2");
    let j = |value| judge(&i, Kind::Cumulative, None, "2025", value, mid);
    assert_eq!(j("390"), (some("385"), some("1.013"), Light::Green));
    assert_eq!(j("370"), (some("385"), some("0.961"), Light::Yellow));
    // 8.1 达到 500 from 300: 300 + 200 × 55 / 60 = 483.33.
    let i = seed("8.1");
    let j = |value| judge(&i, Kind::Level, Some("300"), "2025", value, mid);
    assert_eq!(j("485"), (some("483.3333"), some("1.0091"), Light::Green));
    // A ceiling on a sum is not settled while its last year runs: 1.9 of
    // ≤ 2 so far against 2 × 55 / 60 = 1.8333 is yellow, not met.
    let i = seed("0.12");
    let j = |value, as_of| judge(&i, Kind::Cumulative, None, "2025", value, as_of);
    assert_eq!(
        j("1.9", mid),
        (some("1.8333"), some("0.9649"), Light::Yellow)
    );
    assert_eq!(j("1.9", AFTER).2, Light::Green);
    // A rate is compared with its target whatever the date.
    let i = seed("19.3");
    assert_eq!(
        judge(&i, Kind::Rate, None, "2025", "9.5", mid),
        (some("10"), some("0.95"), Light::Yellow)
    );
}

/// Nothing expected yet (the baseline year, January 1–30 for a year's
/// amount) gives no ratio in either direction: a lower-is-better value is
/// not red against a ceiling of 0.
#[test]
fn nothing_expected_yet_is_gray_in_either_direction() {
    let i = seed("0.12");
    let j = |kind, period, as_of| judge(&i, kind, None, period, "1.5", as_of);
    assert_eq!(
        j(Kind::Cumulative, "2020", TODAY),
        (some("0"), None, Light::Gray)
    );
    assert_eq!(
        j(Kind::Annual, "2025", date(2025, 1, 10)),
        (some("0"), None, Light::Gray)
    );
}

#[test]
fn no_value_is_gray() {
    let i = seed("8.2");
    let a = assess(&i, Kind::Cumulative, PLAN, None, None, AFTER);
    assert_eq!(
        (a.expected, a.ratio, a.met, a.light),
        (None, None, false, Light::Gray)
    );
    let done = Actual::Done(true);
    let a = assess(
        &i,
        Kind::Cumulative,
        PLAN,
        None,
        Some((p("2024"), &done)),
        TODAY,
    );
    assert_eq!(a.light, Light::Gray);
}

#[test]
fn huge_values_do_not_panic() {
    let i = seed("8.1");
    let big = "9999999999999999999999999999";
    for kind in [Kind::Level, Kind::Cumulative, Kind::Rate, Kind::Annual] {
        let _ = judge(&i, kind, Some(big), "2024", big, TODAY);
        let _ = judge(
            &i,
            kind,
            Some("-".to_owned() + big).as_deref(),
            "2024Q1",
            big,
            TODAY,
        );
    }
}

#[test]
fn roll_up() {
    use Light::*;
    assert_eq!(worst([Green, Gray, Yellow]), Yellow);
    assert_eq!(worst([Green, Red, Yellow, Gray]), Red);
    assert_eq!(worst([Gray, Gray]), Gray);
    assert_eq!(worst([Gray, Green]), Green);
    assert_eq!(worst([]), Gray);
    let counts: LightCounts = [Green, Gray, Red, Green].into_iter().collect();
    assert_eq!(
        (counts.red, counts.yellow, counts.green, counts.gray),
        (1, 0, 2, 1)
    );
    assert_eq!(counts.total(), 4);
    assert_eq!(counts.worst(), Red);
    assert_eq!(LightCounts::default().worst(), Gray);
    for l in Light::ALL {
        assert_eq!(Light::parse(l.as_str()), Some(l));
    }
    assert_eq!(Light::parse("grey"), None);
}

#[test]
fn stale_after_one_quarter() {
    assert!(!stale(p("2024"), date(2025, 3, 31)));
    assert!(stale(p("2024"), date(2025, 4, 1)));
    assert!(!stale(p("2024Q3"), date(2024, 12, 31)));
    assert!(stale(p("2024Q3"), date(2025, 1, 1)));
    assert!(!stale(p("2024-11"), date(2025, 2, 28)));
    assert!(stale(p("2024-11"), date(2025, 3, 1)));
    assert!(!stale(p("2025"), date(2025, 6, 1)));
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn amount() -> impl Strategy<Value = Decimal> {
        (-100_000_000_i64..100_000_000).prop_map(|n| Decimal::new(n, 2))
    }

    proptest! {
        /// As f grows the expected value moves from the start (the
        /// baseline, or 0 for a sum) toward the target and never past it,
        /// whichever side the target is on.
        #[test]
        fn expected_moves_toward_the_target(
            target in amount(),
            baseline in amount(),
            m1 in 0i64..=60,
            m2 in 0i64..=60,
            cumulative in any::<bool>(),
        ) {
            let (m1, m2) = (m1.min(m2), m1.max(m2));
            let at = |months| Elapsed { months, total: 60, into_year: 12 };
            let (kind, start) = if cumulative {
                (Kind::Cumulative, Decimal::ZERO)
            } else {
                (Kind::Level, baseline)
            };
            let e1 = expected(kind, target, Some(baseline), at(m1)).unwrap();
            let e2 = expected(kind, target, Some(baseline), at(m2)).unwrap();
            prop_assert!((target - e2).abs() <= (target - e1).abs());
            prop_assert!((e2 - start).abs() >= (e1 - start).abs());
            prop_assert_eq!(expected(kind, target, Some(baseline), at(0)), Some(start));
            prop_assert_eq!(expected(kind, target, Some(baseline), at(60)), Some(target));
        }

        /// For a period still running, the expected value as of a day moves
        /// toward the period's end value as the days pass, never past it:
        /// from the start (the baseline, 0 for a sum or a year's amount)
        /// toward the target, whatever the kind, the length of the period
        /// or the deadline.
        #[test]
        fn expected_so_far_moves_toward_the_target_as_days_pass(
            target in amount(),
            baseline in amount(),
            day1 in 0i64..2557,
            day2 in 0i64..2557,
            kind in prop_oneof![Just(Kind::Cumulative), Just(Kind::Level), Just(Kind::Annual)],
            period in prop_oneof![
                (2020i32..=2026).prop_map(Period::Year),
                (2020i32..=2026, 1u8..=4).prop_map(|(y, q)| Period::Quarter(y, q)),
                (2020i32..=2026, 1u8..=12).prop_map(|(y, m)| Period::Month(y, m)),
            ],
            deadline in 2021i32..=2025,
        ) {
            let (day1, day2) = (day1.min(day2), day1.max(day2));
            let day = |n: i64| date(2020, 1, 1).checked_add(jiff::Span::new().days(n)).unwrap();
            let on = |d| {
                let at = PLAN.elapsed_on(period, deadline, d);
                expected(kind, target, Some(baseline), at).unwrap()
            };
            let end = expected(kind, target, Some(baseline), PLAN.elapsed(period, deadline)).unwrap();
            let (e1, e2) = (on(day(day1)), on(day(day2)));
            prop_assert!((end - e2).abs() <= (end - e1).abs(), "{} then {}", e1, e2);
            prop_assert!((target - e2).abs() <= (target - e1).abs());
            prop_assert_eq!(on(date(2027, 1, 1)), end);
        }

        /// For a fixed value, the light of a higher-is-better level or sum,
        /// or a lower-is-better level, never gets better as time passes.
        #[test]
        fn a_fixed_value_does_not_improve_with_time(
            target in amount(),
            baseline in amount(),
            value in amount(),
            m1 in 1i64..=60,
            m2 in 1i64..=60,
            cumulative in any::<bool>(),
            lower in any::<bool>(),
        ) {
            let (m1, m2) = (m1.min(m2), m1.max(m2));
            let kind = if cumulative && !lower { Kind::Cumulative } else { Kind::Level };
            let goal = Goal {
                kind,
                comparison: if lower { Comparison::AtMost } else { Comparison::AtLeast },
                better: if lower { Better::Lower } else { Better::Higher },
                target,
                baseline: Some(baseline),
            };
            let at = |months| Elapsed { months, total: 60, into_year: 12 };
            let r1 = goal.progress(value, at(m1)).map(|p| p.light());
            let r2 = goal.progress(value, at(m2)).map(|p| p.light());
            if let (Some(l1), Some(l2)) = (r1, r2) {
                prop_assert!(l2 >= l1, "{:?} then {:?}", l1, l2);
            }
            prop_assert_eq!(r1.is_some(), r2.is_some());
        }
    }
}
