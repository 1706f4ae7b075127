//! The period field of the value editor: the reporting period an actual is
//! recorded for. Typed as `wudang-plan set --period` takes it (`2024`,
//! `2024Q2`, `2024-06`, `2024年`, `2024年二季度`, `2024年6月`, full-width
//! digits from a Chinese IME), read by the same parser
//! ([`Period::parse`]) and the same plan rule ([`PlanPeriod::check`]), or
//! stepped a period back or forward. Default: the year of today, as the
//! command line's.

use jiff::civil::Date;

use super::field::TextField;
use crate::plan::{Period, PeriodError, PlanPeriod};
use crate::ui::strings::{Lang, S, fill};

/// The period field of an actual's editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodField {
    /// What is typed (the default period's text until it is changed).
    pub field: TextField,
    /// The period the editor's value and expectation are for: the one the
    /// field names, or the last one it named while it names none.
    pub at: Period,
    /// The default period (the year of today), for the refusal's wording.
    pub default: Period,
    /// The caret is in the period field (Tab switches).
    pub active: bool,
    /// Entered with Tab and not edited yet: the text is as if selected,
    /// the first character typed replaces it.
    pub fresh: bool,
}

/// The default period: the year of `today` (as `wudang-plan set`).
pub fn default_period(today: Date) -> Period {
    Period::Year(i32::from(today.year()))
}

impl PeriodField {
    /// A field holding `period`, the caret in the value field.
    pub fn new(period: Period, default: Period) -> Self {
        PeriodField {
            field: TextField::with(&period.to_string()),
            at: period,
            default,
            active: false,
            fresh: false,
        }
    }

    /// A field holding `text` as typed (a restored draft); it is for the
    /// period `text` names, else for `default`.
    pub fn typed(text: &str, default: Period) -> Self {
        PeriodField {
            field: TextField::with(text),
            at: Period::parse(text).unwrap_or(default),
            default,
            active: false,
            fresh: false,
        }
    }

    /// The period typed, if it reads, lies in `plan`'s years widened by
    /// one each side (the baseline year before them) and has started by
    /// `today` — the command line's parser and check
    /// ([`PlanPeriod::check`]).
    pub fn read(&self, plan: PlanPeriod, today: Date) -> Result<Period, PeriodError> {
        let p = Period::parse(&self.field.text())?;
        plan.check(p, today)?;
        Ok(p)
    }

    /// Still the default period's text.
    pub fn is_default(&self) -> bool {
        self.field.text() == self.default.to_string()
    }

    /// Why the period is refused, worded as the command line words it
    /// (`--period: …`, or the default period's hint) in `lang`.
    pub fn refusal(&self, e: &PeriodError, lang: Lang) -> String {
        if self.is_default() {
            fill(lang, S::DefaultPeriodRefused, &[&e.reason(lang)])
        } else {
            typed_refusal(e, lang)
        }
    }
}

/// Why a period typed (or stepped to) is refused: `期间：` / `period: `
/// and the reason, as the command line's `--period: …`.
pub fn typed_refusal(e: &PeriodError, lang: Lang) -> String {
    format!(
        "{}{}{}",
        S::PeriodLabel.get(lang),
        S::Colon.get(lang),
        e.reason(lang)
    )
}

/// `p` moved `by` periods of its own length: years, quarters or months
/// (2024Q1 − 1 = 2023Q4).
pub fn step(p: Period, by: i32) -> Period {
    let (y, per_year, k) = match p {
        Period::Year(y) => return Period::Year(y.saturating_add(by)),
        Period::Quarter(y, q) => (y, 4, i32::from(q)),
        Period::Month(y, m) => (y, 12, i32::from(m)),
    };
    let n = y
        .saturating_mul(per_year)
        .saturating_add(k - 1)
        .saturating_add(by);
    let (year, part) = (n.div_euclid(per_year), n.rem_euclid(per_year) + 1);
    let part = u8::try_from(part).unwrap_or(1);
    match p {
        Period::Quarter(..) => Period::Quarter(year, part),
        _ => Period::Month(year, part),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_keep_the_periods_length() {
        assert_eq!(step(Period::Year(2024), -1), Period::Year(2023));
        assert_eq!(step(Period::Quarter(2024, 1), -1), Period::Quarter(2023, 4));
        assert_eq!(step(Period::Quarter(2023, 4), 1), Period::Quarter(2024, 1));
        assert_eq!(step(Period::Month(2024, 1), -1), Period::Month(2023, 12));
        assert_eq!(step(Period::Month(2024, 12), 1), Period::Month(2025, 1));
        assert_eq!(step(Period::Month(2024, 6), 1), Period::Month(2024, 7));
    }

    #[test]
    fn a_refusal_is_worded_as_the_command_lines() {
        let plan = PlanPeriod::new(2021, 2025).unwrap();
        let default = Period::Year(2027);
        let f = PeriodField::new(default, default);
        let today = jiff::civil::date(2027, 3, 1);
        let e = f.read(plan, today).unwrap_err();
        assert_eq!(
            f.refusal(&e, Lang::En),
            "Tab: type another period; the default one, the year of today, is refused: 2027 is \
             outside this plan: its periods lie in 2020–2026 (the plan's years, the year before \
             for the baseline and the year after)"
        );
        assert_eq!(
            f.refusal(&e, Lang::Zh),
            "2027 不在本方案期内：期间应在 2020–2026 年（方案各年、前一年为基期、后一年）\
             （默认期间为今天所在的年份；按 Tab 另填期间）"
        );
        let f = PeriodField::typed("2024Q5", default);
        let e = f.read(plan, today).unwrap_err();
        assert_eq!(
            f.refusal(&e, Lang::En),
            "period: `2024Q5`: quarter 5 does not exist; a quarter is 1 to 4 (2024Q2)"
        );
        assert_eq!(
            f.refusal(&e, Lang::Zh),
            "期间：“2024Q5”：没有第5季度；季度为 1 至 4（2024Q2）"
        );
        let f = PeriodField::typed("２０２３年", default);
        assert_eq!(f.read(plan, today), Ok(Period::Year(2023)));
        assert_eq!(f.at, Period::Year(2023));
    }
}
