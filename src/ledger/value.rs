//! Values people type for an indicator's actual, and the text the ledger
//! stores for them. See docs/data.md, "Values people type".
//!
//! Accepted: `512`, `512.5`, `-3.5`, `1,234.5` (grouped in threes only),
//! full-width digits and signs (`５１２`, `８０％`, `－３`, U+2212 minus),
//! surrounding spaces including the ideographic space U+3000, `%` on a
//! percent indicator and the indicator's own unit as a suffix (`512亿元`,
//! `512 亿元`). Numbers are exact decimals with at most 28 significant
//! digits and at most 28 after the point ([`within_digit_limit`]); `nan`,
//! `inf`, exponents, bad grouping, empty input, text and a foreign unit are
//! refused. Milestones take any word of [`crate::vocab::Milestone`]
//! (`done` / `not_done`, 已完成 / 完成 / 未完成, `not done`). Why a value is
//! refused is worded in [`crate::vocab::problem`], in either language.

use std::fmt;

use rust_decimal::Decimal;

use super::status::Actual;
use crate::plan::Indicator;
use crate::vocab::{Expected, Lang, MAX_DIGITS, ValueProblem, parse_done};

/// A typed value that was refused, with everything needed to say why, in
/// either language ([`ValueError::reason`]); `Display` is the English the
/// command line prints.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{id} {name}: {}", self.reason(Lang::En))]
pub struct ValueError {
    /// The indicator or task id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// What was typed, verbatim.
    pub input: String,
    /// What is wrong.
    pub problem: ValueProblem,
    /// What would have been accepted.
    pub expected: Expected,
}

impl ValueError {
    /// What is wrong, quoting the input: `` `abc` is not a number``.
    pub fn problem_text(&self, lang: Lang) -> String {
        self.problem.text(&self.input, &self.expected, lang)
    }

    /// What is wrong and what is expected, without the indicator:
    /// `“abc”不是数字；应填以亿元为单位的数…`.
    pub fn reason(&self, lang: Lang) -> String {
        self.expected.after(&self.problem_text(lang), lang)
    }
}

pub use crate::text::halfwidth;

/// What an indicator expects, for messages.
pub fn expected_for(ind: &Indicator) -> Expected {
    if ind.is_milestone() {
        return Expected::Milestone;
    }
    match ind.unit.as_deref() {
        Some("%") => Expected::Percent,
        Some(u) => Expected::Unit(u.to_string()),
        None => Expected::Plain,
    }
}

/// Parses what someone typed as the actual of `ind`.
pub fn parse_actual(ind: &Indicator, input: &str) -> Result<Actual, ValueError> {
    let err = |problem: ValueProblem| ValueError {
        id: ind.id().to_string(),
        name: ind.name().to_string(),
        input: input.to_string(),
        problem,
        expected: expected_for(ind),
    };
    let text = halfwidth(input);
    let text = text.trim();
    if text.is_empty() {
        return Err(err(ValueProblem::Empty));
    }
    if ind.is_milestone() {
        return parse_done(text)
            .map(Actual::Done)
            .ok_or_else(|| err(ValueProblem::NotDone));
    }
    if parse_done(text).is_some() {
        return Err(err(ValueProblem::DoneOnNumber));
    }
    let (number, rest) = split_number(text);
    let rest = rest.trim();
    if number.is_empty() || number == "-" || number == "+" {
        return Err(err(ValueProblem::NotANumber));
    }
    if !rest.is_empty() {
        let mut cs = rest.chars();
        let first = cs.next();
        if matches!(first, Some('e' | 'E'))
            && cs
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c == '+' || c == '-')
        {
            return Err(err(ValueProblem::Exponent));
        }
        let own = match ind.unit.as_deref() {
            Some(u) => rest == u,
            None => false,
        };
        if !own {
            if rest.chars().any(|c| c.is_ascii_digit()) || rest.contains(['.', ',']) {
                return Err(err(ValueProblem::NotANumber));
            }
            return Err(err(ValueProblem::Unit {
                unit: rest.to_string(),
            }));
        }
    }
    let plain = check_grouping(number).map_err(err)?;
    if !within_digit_limit(&plain) {
        return Err(err(ValueProblem::TooManyDigits));
    }
    let d = Decimal::from_str_exact(&plain).map_err(|_| err(ValueProblem::TooManyDigits))?;
    Ok(Actual::Number(d))
}

/// The digit rule for a plain `[-]digits[.digits]`: at most
/// [`MAX_DIGITS`] significant digits (from the first non-zero digit to the
/// last digit written, trailing zeros included: they are kept) and at most
/// [`MAX_DIGITS`] digits after the decimal point. Every such number is an
/// exact `Decimal` (below 10^28 < 2^96, scale at most 28).
pub fn within_digit_limit(plain: &str) -> bool {
    let body = plain.trim_start_matches(['-', '+']);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let significant = int.trim_start_matches('0').len()
        + if int.trim_start_matches('0').is_empty() {
            frac.trim_start_matches('0').len()
        } else {
            frac.len()
        };
    significant <= MAX_DIGITS && frac.len() <= MAX_DIGITS
}

/// Splits `text` into its leading number-like part (`[+-]?[0-9.,]*`) and
/// the rest.
fn split_number(text: &str) -> (&str, &str) {
    let mut end = 0;
    for (i, c) in text.char_indices() {
        let ok = c.is_ascii_digit() || c == '.' || c == ',' || (i == 0 && (c == '-' || c == '+'));
        if !ok {
            break;
        }
        end = i + c.len_utf8();
    }
    text.split_at(end)
}

/// Checks sign, digits, grouping and decimal point; returns the number
/// without sign `+` and group separators.
fn check_grouping(number: &str) -> Result<String, ValueProblem> {
    let (sign, body) = match number.as_bytes().first() {
        Some(b'-') => ("-", &number[1..]),
        Some(b'+') => ("", &number[1..]),
        _ => ("", number),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if let Some(f) = frac
        && (f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(ValueProblem::NoDigitAfterPoint);
    }
    if int.is_empty() {
        return Err(ValueProblem::NoDigitBeforePoint);
    }
    let digits = if int.contains(',') {
        let groups: Vec<&str> = int.split(',').collect();
        let first_ok = (1..=3).contains(&groups[0].len());
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        let all_digits = groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
        if !(first_ok && rest_ok && all_digits) {
            return Err(ValueProblem::Grouping);
        }
        groups.concat()
    } else {
        int.to_string()
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ValueProblem::NotANumber);
    }
    Ok(match frac {
        Some(f) => format!("{sign}{digits}.{f}"),
        None => format!("{sign}{digits}"),
    })
}

impl Actual {
    /// The text the ledger stores: the decimal as typed (scale kept,
    /// grouping and unit removed), or `done` / `not_done`.
    pub fn to_ledger(&self) -> String {
        match self {
            Actual::Number(d) => d.to_string(),
            Actual::Done(true) => "done".into(),
            Actual::Done(false) => "not_done".into(),
        }
    }

    /// Reads the ledger's text back: `done`, `not_done` or a plain decimal
    /// (`-12.50`; no grouping, unit or exponent).
    pub fn from_ledger(text: &str) -> Option<Actual> {
        match text {
            "done" => return Some(Actual::Done(true)),
            "not_done" => return Some(Actual::Done(false)),
            _ => {}
        }
        let body = text.strip_prefix('-').unwrap_or(text);
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (body, None),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(int) || frac.is_some_and(|f| !digits(f)) {
            return None;
        }
        Decimal::from_str_exact(text).ok().map(Actual::Number)
    }
}

impl fmt::Display for Actual {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_ledger())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Better, Comparison, NewIndicator};

    fn ind(unit: Option<&str>, cmp: Comparison) -> Indicator {
        Indicator::from(NewIndicator {
            id: "8.1",
            task: "8".into(),
            row: "T8".into(),
            name: "工业总产值",
            unit: unit.map(Into::into),
            comparison: cmp,
            target: if cmp == Comparison::Done {
                None
            } else {
                Some(Decimal::from(500))
            },
            stretch: None,
            better: Better::Higher,
            deadline: 2025,
            source: "",
            kind: crate::plan::Kind::from_comparison(cmp),
        })
    }

    fn yuan() -> Indicator {
        ind(Some("亿元"), Comparison::AtLeast)
    }
    fn pct() -> Indicator {
        ind(Some("%"), Comparison::About)
    }
    fn bare() -> Indicator {
        ind(None, Comparison::AtMost)
    }
    fn milestone() -> Indicator {
        ind(None, Comparison::Done)
    }

    fn num(i: &Indicator, s: &str) -> String {
        match parse_actual(i, s) {
            Ok(Actual::Number(d)) => d.to_string(),
            other => panic!("{s:?}: {other:?}"),
        }
    }

    fn refused(i: &Indicator, s: &str) -> ValueError {
        match parse_actual(i, s) {
            Err(e) => e,
            Ok(a) => panic!("{s:?} accepted as {a:?}"),
        }
    }

    // One test per row of the table in docs/data.md.

    #[test]
    fn integer() {
        assert_eq!(num(&yuan(), "512"), "512");
    }

    #[test]
    fn decimal_keeps_its_digits() {
        assert_eq!(num(&yuan(), "512.5"), "512.5");
        assert_eq!(num(&yuan(), "512.50"), "512.50");
        assert_eq!(num(&yuan(), "0.1"), "0.1");
    }

    #[test]
    fn grouped_in_threes() {
        assert_eq!(num(&yuan(), "1,234.5"), "1234.5");
        assert_eq!(num(&yuan(), "1,234,567"), "1234567");
    }

    #[test]
    fn full_width_digits_and_signs() {
        assert_eq!(num(&yuan(), "５１２"), "512");
        assert_eq!(num(&yuan(), "５１２．５"), "512.5");
        assert_eq!(num(&yuan(), "１，２３４"), "1234");
        assert_eq!(num(&pct(), "８０％"), "80");
        assert_eq!(num(&bare(), "－３"), "-3");
        assert_eq!(num(&bare(), "\u{2212}3"), "-3");
        assert_eq!(num(&bare(), "＋3"), "3");
    }

    #[test]
    fn surrounding_spaces_including_ideographic() {
        assert_eq!(num(&yuan(), "  512\t"), "512");
        assert_eq!(num(&yuan(), "\u{3000}512\u{3000}"), "512");
    }

    #[test]
    fn percent_on_percent_indicators() {
        assert_eq!(num(&pct(), "80%"), "80");
        assert_eq!(num(&pct(), "80.5 %"), "80.5");
        assert_eq!(num(&pct(), "80"), "80");
    }

    #[test]
    fn own_unit_as_suffix() {
        assert_eq!(num(&yuan(), "512亿元"), "512");
        assert_eq!(num(&yuan(), "512 亿元"), "512");
        assert_eq!(num(&yuan(), "1,234.5亿元"), "1234.5");
    }

    #[test]
    fn negative_numbers() {
        assert_eq!(num(&bare(), "-3.5"), "-3.5");
    }

    #[test]
    fn exact_beyond_f64() {
        // 0.1 + 0.2 style errors cannot happen; 20 significant digits survive.
        assert_eq!(
            num(&yuan(), "12345678901234567.891"),
            "12345678901234567.891"
        );
    }

    #[test]
    fn refuses_nan_and_inf() {
        for s in ["nan", "NaN", "inf", "-inf", "infinity"] {
            let e = refused(&yuan(), s);
            assert!(
                e.problem_text(Lang::En).contains("is not a number"),
                "{s}: {e}"
            );
        }
    }

    #[test]
    fn refuses_exponents() {
        for s in ["1e400", "1E3", "5e-2"] {
            let e = refused(&yuan(), s);
            assert!(e.problem_text(Lang::En).contains("exponents"), "{s}: {e}");
        }
    }

    #[test]
    fn refuses_bad_grouping() {
        for s in ["1,23", "12,3456", ",123", "1,,234", "1234,567"] {
            let e = refused(&yuan(), s);
            assert!(
                e.problem_text(Lang::En).contains("grouped in threes"),
                "{s}: {e}"
            );
        }
        refused(&yuan(), "1.234,5");
    }

    #[test]
    fn refuses_empty() {
        for s in ["", "   ", "\u{3000}"] {
            let e = refused(&yuan(), s);
            assert!(
                e.problem_text(Lang::En).contains("nothing typed"),
                "{s:?}: {e}"
            );
        }
    }

    #[test]
    fn refuses_text() {
        for s in ["abc", "五百", "about 500", "500abc1", "."] {
            let e = refused(&yuan(), s);
            assert!(e.to_string().starts_with("8.1 工业总产值: `"), "{s}: {e}");
        }
    }

    #[test]
    fn refuses_bad_decimal_points() {
        for s in ["512.", ".5", "1.2.3"] {
            refused(&yuan(), s);
        }
    }

    #[test]
    fn refuses_a_foreign_unit() {
        let e = refused(&yuan(), "512万元");
        assert_eq!(
            e.to_string(),
            "8.1 工业总产值: `512万元`: the unit `万元` is not this indicator's unit `亿元`; \
             expected a number in 亿元 such as 512, 512.5 or 1,234.5 (the suffix 亿元 is optional)"
        );
        let e = refused(&yuan(), "80%");
        assert!(e.problem_text(Lang::En).contains("the unit `%`"), "{e}");
        let e = refused(&bare(), "2倍");
        assert!(e.problem_text(Lang::En).contains("has no unit"), "{e}");
    }

    #[test]
    fn refuses_too_many_digits() {
        let e = refused(&yuan(), "123456789012345678901234567890");
        assert!(e.problem_text(Lang::En).contains("too many digits"), "{e}");
    }

    /// The rule: at most 28 significant digits and at most 28 after the
    /// decimal point; the message says both.
    #[test]
    fn digit_limit_at_its_edges() {
        let nines = "9".repeat(28);
        for ok in [
            nines.clone(),
            format!("-{nines}"),
            format!("0000{nines}"),
            format!("0.{}", "1".repeat(28)),
            format!("0.{}1", "0".repeat(27)),
            format!("1.{}", "0".repeat(27)),
        ] {
            assert_eq!(
                num(&yuan(), &ok),
                Decimal::from_str_exact(&ok).unwrap().to_string()
            );
        }
        for bad in [
            // 29 significant digits: a Decimal could hold it, the rule says no
            "12345678901234567890123456789".to_string(),
            format!("1.{}", "0".repeat(28)),
            // one significant digit, 29 after the point
            format!("0.{}1", "0".repeat(28)),
        ] {
            let e = refused(&yuan(), &bad);
            assert_eq!(e.problem, ValueProblem::TooManyDigits, "{bad}");
            let m = e.problem_text(Lang::En);
            assert!(
                m.contains("at most 28 significant digits")
                    && m.contains("at most 28 after the decimal point"),
                "{m}"
            );
        }
    }

    /// The digit rule stated independently: the digits from the first
    /// non-zero one to the last, and the digits after the point.
    fn rule_allows(int: &str, frac: &str) -> bool {
        let all = format!("{int}{frac}");
        let significant = all.find(|c| c != '0').map_or(0, |i| all.len() - i);
        significant <= 28 && frac.len() <= 28
    }

    proptest::proptest! {
        /// Generated numbers are accepted iff they satisfy the rule, and
        /// accepted ones are exact and round-trip through the ledger form.
        #[test]
        fn digit_rule_matches_behaviour(
            sign in "[-+]?",
            zeros in "0{0,4}",
            int in "[0-9]{1,32}",
            frac in proptest::option::of("[0-9]{1,32}"),
        ) {
            let int = format!("{zeros}{int}");
            let frac_digits = frac.clone().unwrap_or_default();
            let typed = match &frac {
                Some(f) => format!("{sign}{int}.{f}"),
                None => format!("{sign}{int}"),
            };
            let got = parse_actual(&yuan(), &typed);
            proptest::prop_assert_eq!(got.is_ok(), rule_allows(&int, &frac_digits), "{}: {:?}", typed, got);
            match got {
                Ok(Actual::Number(d)) => {
                    // exact: the digits typed, the scale typed
                    let digits: u128 = format!("{int}{frac_digits}").parse().unwrap();
                    proptest::prop_assert_eq!(d.mantissa().unsigned_abs(), digits);
                    proptest::prop_assert_eq!(d.scale() as usize, frac_digits.len());
                    if digits != 0 {
                        proptest::prop_assert_eq!(d.is_sign_negative(), sign == "-");
                    }
                    let a = Actual::Number(d);
                    let stored = a.to_ledger();
                    let back = Actual::from_ledger(&stored);
                    proptest::prop_assert_eq!(back.as_ref(), Some(&a));
                    proptest::prop_assert_eq!(back.unwrap().to_ledger(), stored);
                }
                Ok(other) => proptest::prop_assert!(false, "{:?}", other),
                Err(e) => proptest::prop_assert_eq!(e.problem, ValueProblem::TooManyDigits),
            }
        }
    }

    #[test]
    fn milestones() {
        let m = milestone();
        for (s, v) in [
            ("done", true),
            ("DONE", true),
            ("完成", true),
            ("已完成", true),
            ("not_done", false),
            ("未完成", false),
            ("\u{3000}完成 ", true),
        ] {
            assert_eq!(parse_actual(&m, s), Ok(Actual::Done(v)), "{s}");
        }
        let e = refused(&m, "1");
        assert!(e.expected.text(Lang::En).contains("done"), "{e}");
        let e = refused(&yuan(), "done");
        assert!(e.problem_text(Lang::En).contains("takes a number"), "{e}");
    }

    #[test]
    fn ledger_text_round_trips() {
        for s in ["512", "512.50", "-3.5", "0", "done", "not_done"] {
            assert_eq!(Actual::from_ledger(s).unwrap().to_ledger(), s);
        }
        for s in ["", "1,234", "1e3", "nan", "+5", "5.", ".5", "512亿元"] {
            assert_eq!(Actual::from_ledger(s), None, "{s}");
        }
    }
}
