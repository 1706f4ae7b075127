//! Reporting periods: a year `2024`, a quarter `2024Q2` or a month
//! `2024-06`, and what people type for them. See docs/data.md, "Pace".
//!
//! Accepted (after full-width digits and letters are mapped to ASCII and
//! surrounding spaces, the ideographic space included, are trimmed):
//!
//! | form | examples |
//! | --- | --- |
//! | year | `2024`, `2024年`, `2024年度` |
//! | quarter | `2024Q2`, `2024q2`, `2024年二季度`, `2024年第二季度`, `2024年2季度`, `2024年第2季度` |
//! | month | `2024-06`, `2024-6`, `2024年6月`, `2024年06月`, `2024年六月`, `2024年十二月` |
//!
//! The year has exactly four digits and does not start with 0. Quarters are
//! 1–4, months 1–12; anything else is refused with a [`PeriodError`] that
//! quotes the input and says what was expected.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;

use crate::text::halfwidth;
use crate::vocab::Lang;

/// A reporting period. Ordered by the month it ends, then by length
/// (a month before the quarter before the year ending with it), so the
/// greatest of a set is the latest, and among periods ending together the
/// longest (the whole year's figure beats its December).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// A calendar year.
    Year(i32),
    /// A quarter `1..=4` of a year.
    Quarter(i32, u8),
    /// A month `1..=12` of a year.
    Month(i32, u8),
}

impl Period {
    /// Parses what someone typed; see the module documentation for the
    /// forms accepted.
    pub fn parse(input: &str) -> Result<Period, PeriodError> {
        parse(input)
    }

    /// The calendar year the period lies in.
    pub fn year(self) -> i32 {
        match self {
            Period::Year(y) | Period::Quarter(y, _) | Period::Month(y, _) => y,
        }
    }

    /// Its length in months: 12, 3 or 1.
    pub fn months(self) -> i64 {
        match self {
            Period::Year(_) => 12,
            Period::Quarter(..) => 3,
            Period::Month(..) => 1,
        }
    }

    /// The last month of the period counted in months since January of
    /// year 0 (`year × 12 + month − 1`): 2024 and 2024Q4 end in month
    /// 24299, 2024-06 is month 24293.
    pub fn end_month(self) -> i64 {
        let y = i64::from(self.year()) * 12;
        match self {
            Period::Year(_) => y + 11,
            Period::Quarter(_, q) => y + i64::from(q) * 3 - 1,
            Period::Month(_, m) => y + i64::from(m) - 1,
        }
    }

    /// The first month of the period, counted like [`Period::end_month`].
    pub fn start_month(self) -> i64 {
        self.end_month() - self.months() + 1
    }

    /// The months of the period's year up to its end: 12 for a year, 6
    /// for 2024Q2 or 2024-06.
    pub fn months_into_year(self) -> i64 {
        self.end_month() - i64::from(self.year()) * 12 + 1
    }

    /// True when every month of `other` lies in this period (a period
    /// contains itself; 2024 contains 2024Q2 and 2024-06).
    pub fn contains(self, other: Period) -> bool {
        self.start_month() <= other.start_month() && other.end_month() <= self.end_month()
    }

    /// The quarter `date` lies in (2025-08-15: 2025Q3).
    pub fn quarter_of(date: Date) -> Period {
        let q = u8::try_from((date.month() - 1) / 3 + 1).unwrap_or(1);
        Period::Quarter(i32::from(date.year()), q)
    }

    /// The month `date` lies in (2025-08-15: 2025-08).
    pub fn month_of(date: Date) -> Period {
        let m = u8::try_from(date.month()).unwrap_or(1);
        Period::Month(i32::from(date.year()), m)
    }

    /// True when the period's first month is `today`'s month or earlier:
    /// a value can be reported for it (the current year, quarter and month
    /// have started).
    pub fn has_started(self, today: Date) -> bool {
        self.start_month() <= month_of(today)
    }

    /// The last day of the period; `None` for a year jiff cannot represent
    /// (outside -9999..=9999).
    pub fn last_day(self) -> Option<Date> {
        let year = i16::try_from(self.year()).ok()?;
        let month = i8::try_from(self.months_into_year()).ok()?;
        Date::new(year, month, 1).ok().map(|d| d.last_of_month())
    }
}

/// Months since January of year 0 of a date, like [`Period::end_month`].
pub fn month_of(date: Date) -> i64 {
    i64::from(date.year()) * 12 + i64::from(date.month()) - 1
}

/// The last month complete by the end of the day `date`, counted like
/// [`Period::end_month`]: `date`'s own month on its last day, else the
/// month before (on 2025-08-15, July; on 2025-08-31, August).
pub fn last_complete_month(date: Date) -> i64 {
    let month = month_of(date);
    if date == date.last_of_month() {
        month
    } else {
        month - 1
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        // The year last only keeps the order consistent with `Eq` for an
        // out-of-range quarter or month built by hand (2024Q5 ends with
        // 2025Q1); parsed periods never tie on the first two.
        let key = |p: &Period| (p.end_month(), p.months(), p.year());
        key(self).cmp(&key(other))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The canonical text: `2024`, `2024Q2`, `2024-06`.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Quarter(y, q) => write!(f, "{y}Q{q}"),
            Period::Month(y, m) => write!(f, "{y}-{m:02}"),
        }
    }
}

impl Period {
    /// The Chinese text, as [`Period::parse`] reads it back: 2024年,
    /// 2024年二季度, 2024年6月 (the command line's Chinese messages).
    pub fn zh(self) -> String {
        const QUARTERS: [&str; 4] = ["一", "二", "三", "四"];
        match self {
            Period::Year(y) => format!("{y}年"),
            Period::Quarter(y, q) => match QUARTERS.get(usize::from(q).wrapping_sub(1)) {
                Some(n) => format!("{y}年{n}季度"),
                None => self.to_string(),
            },
            Period::Month(y, m) => format!("{y}年{m}月"),
        }
    }
}

impl FromStr for Period {
    type Err = PeriodError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse(s)
    }
}

/// A refused period. `Display` is the English the command line prints;
/// [`PeriodError::reason`] words it in either language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    /// Nothing was typed.
    #[error("empty period; {}", EXPECTED_EN)]
    Empty,
    /// Not one of the accepted forms.
    #[error("`{input}` is not a period; {}", EXPECTED_EN)]
    NotAPeriod { input: String },
    /// A quarter outside 1–4.
    #[error("`{input}`: quarter {quarter} does not exist; a quarter is 1 to 4 (2024Q2)")]
    Quarter { input: String, quarter: u32 },
    /// A month outside 1–12.
    #[error("`{input}`: month {month} does not exist; a month is 1 to 12 (2024-06)")]
    Month { input: String, month: u32 },
    /// A period whose year the plan does not accept.
    #[error(
        "{period} is outside this plan: its periods lie in {first}–{last} (the plan's years, the year before for the baseline and the year after)"
    )]
    OutsidePlan {
        period: Period,
        first: i32,
        last: i32,
    },
    /// A period that has not started by `today` (a value cannot be
    /// reported for it yet).
    #[error(
        "{period} has not started yet (today is {today}); expected the current year {}, \
         quarter {} or month {}, or an earlier period",
        Period::Year(i32::from(today.year())),
        Period::quarter_of(*today),
        Period::month_of(*today)
    )]
    NotStarted { period: Period, today: Date },
}

const EXPECTED_EN: &str =
    "expected a year (2024), a quarter (2024Q2, 2024年二季度) or a month (2024-06, 2024年6月)";
const EXPECTED_ZH: &str =
    "应填年份（2024）、季度（2024Q2、2024年二季度）或月份（2024-06、2024年6月）";

impl PeriodError {
    /// What is wrong and what is expected, in `lang`.
    pub fn reason(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Zh => match self {
                PeriodError::Empty => format!("未填期间；{EXPECTED_ZH}"),
                PeriodError::NotAPeriod { input } => {
                    format!("“{input}”不是期间；{EXPECTED_ZH}")
                }
                PeriodError::Quarter { input, quarter } => {
                    format!("“{input}”：没有第{quarter}季度；季度为 1 至 4（2024Q2）")
                }
                PeriodError::Month { input, month } => {
                    format!("“{input}”：没有{month}月；月份为 1 至 12（2024-06）")
                }
                PeriodError::OutsidePlan {
                    period,
                    first,
                    last,
                } => format!(
                    "{period} 不在本方案期内：期间应在 {first}–{last} 年（方案各年、前一年为基期、后一年）"
                ),
                PeriodError::NotStarted { period, today } => format!(
                    "{period} 尚未开始（今天是 {today}）；应填今年 {}、本季度 {}、本月 {} 或更早的期间",
                    today.year(),
                    Period::quarter_of(*today),
                    Period::month_of(*today)
                ),
            },
        }
    }
}

/// Full-width digits and signs as [`halfwidth`] maps them, plus the
/// full-width letters Ｑ ｑ.
fn normalize(input: &str) -> String {
    halfwidth(input)
        .chars()
        .map(|c| match c {
            'Ｑ' | 'ｑ' => 'Q',
            'q' => 'Q',
            other => other,
        })
        .collect()
}

fn parse(input: &str) -> Result<Period, PeriodError> {
    let normalized = normalize(input);
    let text = normalized.trim();
    if text.is_empty() {
        return Err(PeriodError::Empty);
    }
    let not_a_period = || PeriodError::NotAPeriod {
        input: input.to_string(),
    };
    let (year, rest) = split_year(text).ok_or_else(not_a_period)?;
    let part = if rest.is_empty() || rest == "年" || rest == "年度" {
        return Ok(Period::Year(year));
    } else if let Some(q) = rest.strip_prefix('Q') {
        Part::Quarter(ascii_number(q).ok_or_else(not_a_period)?)
    } else if let Some(m) = rest.strip_prefix('-') {
        Part::Month(ascii_number(m).ok_or_else(not_a_period)?)
    } else if let Some(chinese) = rest.strip_prefix('年') {
        chinese_part(chinese).ok_or_else(not_a_period)?
    } else {
        return Err(not_a_period());
    };
    match part {
        Part::Quarter(q @ 1..=4) => Ok(Period::Quarter(year, q as u8)),
        Part::Quarter(quarter) => Err(PeriodError::Quarter {
            input: input.to_string(),
            quarter,
        }),
        Part::Month(m @ 1..=12) => Ok(Period::Month(year, m as u8)),
        Part::Month(month) => Err(PeriodError::Month {
            input: input.to_string(),
            month,
        }),
    }
}

/// A quarter or month number as typed, before its range is checked.
enum Part {
    Quarter(u32),
    Month(u32),
}

/// Four ASCII digits not starting with 0, and the rest.
fn split_year(text: &str) -> Option<(i32, &str)> {
    let digits = text.get(..4)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) || digits.starts_with('0') {
        return None;
    }
    let rest = text.get(4..)?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((digits.parse().ok()?, rest))
}

/// One or two ASCII digits and nothing else.
fn ascii_number(s: &str) -> Option<u32> {
    if (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// What follows `年`: `[第]N季度` or `N月`, N in digits or Chinese
/// numerals (一 … 十二).
fn chinese_part(s: &str) -> Option<Part> {
    if let Some(q) = s.strip_suffix("季度") {
        let q = q.strip_prefix('第').unwrap_or(q);
        return number(q).map(Part::Quarter);
    }
    let m = s.strip_suffix('月')?;
    number(m).map(Part::Month)
}

fn number(s: &str) -> Option<u32> {
    ascii_number(s).or_else(|| chinese_number(s))
}

const NUMERALS: [char; 9] = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

fn digit(c: char) -> Option<u32> {
    NUMERALS
        .iter()
        .position(|&n| n == c)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// 一 … 九, 十, 十一 … 十九 (the months' and quarters' names; larger
/// numbers are refused as not a period, out-of-range ones as a month or
/// quarter that does not exist).
fn chinese_number(s: &str) -> Option<u32> {
    let mut chars = s.chars();
    match (chars.next()?, chars.next(), chars.next()) {
        ('十', None, _) => Some(10),
        ('十', Some(c), None) => digit(c).map(|d| 10 + d),
        (c, None, _) => digit(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        Period::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn every_listed_form() {
        for s in [
            "2024",
            "2024年",
            "2024年度",
            " 2024 ",
            "\u{3000}２０２４\u{3000}",
        ] {
            assert_eq!(p(s), Period::Year(2024), "{s}");
        }
        for s in [
            "2024Q2",
            "2024q2",
            "2024Ｑ２",
            "2024ｑ2",
            "2024年二季度",
            "2024年第二季度",
            "2024年2季度",
            "2024年第2季度",
            "２０２４年第二季度",
        ] {
            assert_eq!(p(s), Period::Quarter(2024, 2), "{s}");
        }
        for s in [
            "2024-06",
            "2024-6",
            "2024－06",
            "2024年6月",
            "2024年06月",
            "2024年六月",
            "２０２４年６月",
        ] {
            assert_eq!(p(s), Period::Month(2024, 6), "{s}");
        }
        assert_eq!(p("2024年十二月"), Period::Month(2024, 12));
        assert_eq!(p("2024年十月"), Period::Month(2024, 10));
        assert_eq!(p("2024年四季度"), Period::Quarter(2024, 4));
    }

    #[test]
    fn refused_with_what_was_found() {
        let e = Period::parse("2024Q5").unwrap_err();
        assert_eq!(
            e,
            PeriodError::Quarter {
                input: "2024Q5".into(),
                quarter: 5
            }
        );
        assert!(e.to_string().contains("`2024Q5`"), "{e}");
        assert!(e.to_string().contains("1 to 4"), "{e}");
        assert!(e.reason(Lang::Zh).contains("第5季度"));
        assert!(matches!(
            Period::parse("2024-13"),
            Err(PeriodError::Month { month: 13, .. })
        ));
        assert!(matches!(
            Period::parse("2024-00"),
            Err(PeriodError::Month { month: 0, .. })
        ));
        assert!(matches!(
            Period::parse("2024年13月"),
            Err(PeriodError::Month { month: 13, .. })
        ));
        assert!(matches!(
            Period::parse("2024年五季度"),
            Err(PeriodError::Quarter { quarter: 5, .. })
        ));
        assert!(matches!(
            Period::parse("2024Q0"),
            Err(PeriodError::Quarter { quarter: 0, .. })
        ));
        assert_eq!(Period::parse("  "), Err(PeriodError::Empty));
        for s in [
            "0",
            "24",
            "0024",
            "20245",
            "2024Q",
            "2024-",
            "2024-006",
            "2024Q22x",
            "abc",
            "二〇二四年",
            "2024年上半年",
            "2024年二十五月",
            "2024年月",
            "2024/06",
            "2024 Q2",
            "2024年第二季",
            "Q2 2024",
            "2024Q2年",
        ] {
            let e = Period::parse(s).unwrap_err();
            assert_eq!(
                e,
                PeriodError::NotAPeriod { input: s.into() },
                "{s} should not be a period"
            );
            assert!(e.to_string().contains("expected a year (2024)"), "{e}");
        }
    }

    #[test]
    fn canonical_display() {
        assert_eq!(Period::Year(2024).to_string(), "2024");
        assert_eq!(Period::Quarter(2024, 2).to_string(), "2024Q2");
        assert_eq!(Period::Month(2024, 6).to_string(), "2024-06");
        assert_eq!(Period::Month(2024, 12).to_string(), "2024-12");
    }

    #[test]
    fn months_and_order() {
        assert_eq!(Period::Year(2024).end_month(), 2024 * 12 + 11);
        assert_eq!(Period::Quarter(2024, 4).end_month(), 2024 * 12 + 11);
        assert_eq!(Period::Quarter(2024, 2).end_month(), 2024 * 12 + 5);
        assert_eq!(Period::Month(2024, 6).end_month(), 2024 * 12 + 5);
        assert_eq!(Period::Quarter(2024, 2).start_month(), 2024 * 12 + 3);
        assert_eq!(Period::Quarter(2024, 2).months_into_year(), 6);
        assert_eq!(Period::Year(2024).months_into_year(), 12);
        let mut v = vec![
            Period::Year(2024),
            Period::Month(2024, 12),
            Period::Quarter(2024, 4),
            Period::Month(2025, 1),
            Period::Quarter(2024, 2),
            Period::Month(2024, 6),
            Period::Year(2023),
        ];
        v.sort();
        assert_eq!(
            v,
            vec![
                Period::Year(2023),
                Period::Month(2024, 6),
                Period::Quarter(2024, 2),
                Period::Month(2024, 12),
                Period::Quarter(2024, 4),
                Period::Year(2024),
                Period::Month(2025, 1),
            ]
        );
    }

    #[test]
    fn order_agrees_with_equality_even_out_of_range() {
        let (a, b) = (Period::Quarter(2024, 5), Period::Quarter(2025, 1));
        assert_eq!(a.end_month(), b.end_month());
        assert_ne!(a.cmp(&b), Ordering::Equal);
    }

    #[test]
    fn contains() {
        let y = Period::Year(2024);
        assert!(y.contains(y));
        assert!(y.contains(Period::Quarter(2024, 2)));
        assert!(y.contains(Period::Month(2024, 12)));
        assert!(Period::Quarter(2024, 2).contains(Period::Month(2024, 4)));
        assert!(!Period::Quarter(2024, 2).contains(Period::Month(2024, 7)));
        assert!(!Period::Quarter(2024, 2).contains(y));
        assert!(!y.contains(Period::Month(2025, 1)));
    }

    #[test]
    fn last_day() {
        assert_eq!(
            Period::Year(2024).last_day(),
            Some(jiff::civil::date(2024, 12, 31))
        );
        assert_eq!(
            Period::Quarter(2024, 1).last_day(),
            Some(jiff::civil::date(2024, 3, 31))
        );
        assert_eq!(
            Period::Month(2024, 2).last_day(),
            Some(jiff::civil::date(2024, 2, 29))
        );
        assert_eq!(Period::Year(100_000).last_day(), None);
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        fn valid() -> impl Strategy<Value = Period> {
            prop_oneof![
                (2019..=2027i32).prop_map(Period::Year),
                (2019..=2027i32, 1..=4u8).prop_map(|(y, q)| Period::Quarter(y, q)),
                (2019..=2027i32, 1..=12u8).prop_map(|(y, m)| Period::Month(y, m)),
            ]
        }

        proptest! {
            #[test]
            fn display_parses_back(period in valid()) {
                prop_assert_eq!(Period::parse(&period.to_string()), Ok(period));
            }

            #[test]
            fn parse_never_panics(s in "\\PC{0,12}") {
                let _ = Period::parse(&s);
            }

            #[test]
            fn parse_never_panics_near_periods(s in "[0-9０-９]{0,5}[年Qq\\-－第一二三四五六七八九十季度月 ]{0,5}[0-9]{0,3}") {
                if let Ok(p) = Period::parse(&s) {
                    // Whatever parses displays as a canonical form that
                    // parses to the same period.
                    prop_assert_eq!(Period::parse(&p.to_string()), Ok(p));
                }
            }
        }
    }
}
