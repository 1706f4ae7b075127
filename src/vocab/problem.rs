//! Why a typed actual was refused, and what would have been accepted, in
//! both languages. `ledger::value` decides; this only words it. The
//! English is what the command line prints (its wording is relied on by
//! scripts and tests: change it only on purpose).

use super::Lang;

/// The most digits a number may have, in all and after the decimal point.
pub const MAX_DIGITS: usize = 28;

/// What is wrong with a typed actual. The text typed is not part of it:
/// [`ValueProblem::text`] quotes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueProblem {
    /// Nothing but spaces.
    Empty,
    /// Not a done / not done word, on a milestone.
    NotDone,
    /// A done / not done word on a quantitative indicator.
    DoneOnNumber,
    /// Text that is not a number (`abc`, `nan`, `512.`).
    NotANumber,
    /// `1e3`.
    Exponent,
    /// A unit that is not the indicator's own (`512万元` on 亿元; the own
    /// unit is the [`Expected`] one), or any unit on an indicator that has
    /// none (`2倍`).
    Unit { unit: String },
    /// `1,23`: groups must have three digits.
    Grouping,
    /// `512.`: nothing after the decimal point.
    NoDigitAfterPoint,
    /// `.5`: nothing before the decimal point.
    NoDigitBeforePoint,
    /// More than [`MAX_DIGITS`] significant digits, or more than
    /// [`MAX_DIGITS`] after the decimal point.
    TooManyDigits,
}

impl ValueProblem {
    /// The problem, quoting `input` as typed, for an indicator that
    /// expects `expected`.
    pub fn text(&self, input: &str, expected: &Expected, lang: Lang) -> String {
        use ValueProblem as P;
        let x = input;
        let own = expected.unit();
        match lang {
            Lang::En => match self {
                P::Empty => "nothing typed".into(),
                P::NotDone => format!("`{x}` is not done or not_done (this is a milestone)"),
                P::DoneOnNumber => {
                    format!("`{x}`: this indicator takes a number, not done/not_done")
                }
                P::NotANumber => format!("`{x}` is not a number"),
                P::Exponent => {
                    format!("`{x}`: exponents are not accepted; write the number out")
                }
                P::Unit { unit } if own.is_empty() => {
                    format!("`{x}`: this indicator has no unit, `{unit}` is not accepted")
                }
                P::Unit { unit } => {
                    format!("`{x}`: the unit `{unit}` is not this indicator's unit `{own}`")
                }
                P::Grouping => {
                    format!("`{x}`: digits must be grouped in threes (1,234 or 1,234,567)")
                }
                P::NoDigitAfterPoint => {
                    format!("`{x}`: digits must follow the decimal point (512.5)")
                }
                P::NoDigitBeforePoint => {
                    format!("`{x}`: a digit must come before the decimal point (0.5)")
                }
                P::TooManyDigits => format!(
                    "`{x}` has too many digits (at most {MAX_DIGITS} significant digits, \
                     and at most {MAX_DIGITS} after the decimal point)"
                ),
            },
            Lang::Zh => match self {
                P::Empty => "没有输入内容".into(),
                P::NotDone => format!("“{x}”不是“已完成”或“未完成”（这是里程碑指标）"),
                P::DoneOnNumber => format!("“{x}”：此指标应填数字，不能填已完成 / 未完成"),
                P::NotANumber => format!("“{x}”不是数字"),
                P::Exponent => format!("“{x}”：不接受科学计数法，请写出完整的数"),
                P::Unit { unit } if own.is_empty() => {
                    format!("“{x}”：此指标没有单位，不能带“{unit}”")
                }
                P::Unit { unit } => format!("“{x}”：单位“{unit}”不是此指标的单位“{own}”"),
                P::Grouping => format!("“{x}”：千分位须每三位一组（1,234 或 1,234,567）"),
                P::NoDigitAfterPoint => format!("“{x}”：小数点后须有数字（512.5）"),
                P::NoDigitBeforePoint => format!("“{x}”：小数点前须有数字（0.5）"),
                P::TooManyDigits => format!(
                    "“{x}”位数太多（有效数字最多 {MAX_DIGITS} 位，小数点后最多 {MAX_DIGITS} 位）"
                ),
            },
        }
    }
}

/// What an indicator accepts, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// A milestone: done or not done.
    Milestone,
    /// A percentage indicator (unit `%`).
    Percent,
    /// A number in this unit (亿元).
    Unit(String),
    /// A number without a unit.
    Plain,
}

impl Expected {
    /// The indicator's unit (`亿元`, `%`), empty when it has none.
    pub fn unit(&self) -> &str {
        match self {
            Expected::Unit(u) => u,
            Expected::Percent => "%",
            Expected::Milestone | Expected::Plain => "",
        }
    }

    /// `a number in 亿元 such as 512, 512.5 or 1,234.5 (…)`.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Expected::Milestone, Lang::En) => "`done` or `not_done` (完成 / 未完成)".into(),
            (Expected::Percent, Lang::En) => "a percentage such as 80, 80% or 80.5%".into(),
            (Expected::Unit(u), Lang::En) => {
                format!(
                    "a number in {u} such as 512, 512.5 or 1,234.5 (the suffix {u} is optional)"
                )
            }
            (Expected::Plain, Lang::En) => {
                "a plain number such as 2, 2.5 or 1,234.5 (this indicator has no unit)".into()
            }
            (Expected::Milestone, Lang::Zh) => "已完成 或 未完成（也可填 done / not_done）".into(),
            (Expected::Percent, Lang::Zh) => "百分数，如 80、80% 或 80.5%".into(),
            (Expected::Unit(u), Lang::Zh) => {
                format!("以{u}为单位的数，如 512、512.5 或 1,234.5（可带单位“{u}”）")
            }
            (Expected::Plain, Lang::Zh) => {
                "不带单位的数，如 2、2.5 或 1,234.5（此指标没有单位）".into()
            }
        }
    }

    /// `…; expected …` (en) / `…；应填…` (zh): the problem and what is
    /// expected, as one reason.
    pub fn after(&self, problem: &str, lang: Lang) -> String {
        match lang {
            Lang::En => format!("{problem}; expected {}", self.text(lang)),
            Lang::Zh => format!("{problem}；应填{}", self.text(lang)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_the_command_line_wording() {
        let e = Expected::Unit("亿元".into());
        assert_eq!(
            e.after(&ValueProblem::Grouping.text("5,12", &e, Lang::En), Lang::En),
            "`5,12`: digits must be grouped in threes (1,234 or 1,234,567); expected a number \
             in 亿元 such as 512, 512.5 or 1,234.5 (the suffix 亿元 is optional)"
        );
    }

    #[test]
    fn chinese_has_no_english_words() {
        let problems = [
            ValueProblem::Empty,
            ValueProblem::NotDone,
            ValueProblem::DoneOnNumber,
            ValueProblem::NotANumber,
            ValueProblem::Exponent,
            ValueProblem::Unit {
                unit: "万元".into(),
            },
            ValueProblem::Grouping,
            ValueProblem::NoDigitAfterPoint,
            ValueProblem::NoDigitBeforePoint,
            ValueProblem::TooManyDigits,
        ];
        let expected = [
            Expected::Percent,
            Expected::Unit("亿元".into()),
            Expected::Plain,
        ];
        for p in &problems {
            for e in &expected {
                let t = e.after(&p.text("12", e, Lang::Zh), Lang::Zh);
                let latin = t.chars().filter(char::is_ascii_alphabetic).count();
                assert_eq!(latin, 0, "{t}");
            }
        }
        // a milestone names its machine words as an aid, nothing else
        let t = Expected::Milestone.text(Lang::Zh);
        assert!(t.starts_with("已完成 或 未完成"), "{t}");
    }
}
