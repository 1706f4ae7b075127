//! What is wrong with a seed file: file, line, field, what was found and
//! what was expected.

use std::fmt;

use crate::vocab::{Lang, M, Msg};

/// One problem in a seed file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("{file}: cannot read: {message}")]
    Io { file: String, message: Msg },
    #[error("{file}:{line}: missing column `{column}` (expected columns: {expected})")]
    MissingColumn {
        file: String,
        line: u64,
        column: String,
        expected: String,
    },
    #[error("{file}:{line}: {message}")]
    Syntax {
        file: String,
        line: u64,
        message: Msg,
    },
    #[error("{file}:{line}: field `{field}`: {message}")]
    Field {
        file: String,
        line: u64,
        /// The column's name, or `column N` when it has none.
        field: String,
        message: Msg,
    },
}

/// All problems found while loading a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanErrors(pub Vec<PlanError>);

impl fmt::Display for PlanErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for PlanErrors {}

impl PlanErrors {
    /// The problems in `lang`, one per line (`Display` is the English),
    /// worded from the message table ([`crate::vocab::messages`]).
    pub fn text(&self, lang: Lang) -> String {
        let lines: Vec<String> = self.0.iter().map(|e| e.text(lang)).collect();
        lines.join("\n")
    }
}

impl PlanError {
    /// The problem in `lang` (`Display` is the English).
    pub fn text(&self, lang: Lang) -> String {
        self.msg().text(lang)
    }

    /// The problem as a message of the table.
    pub fn msg(&self) -> Msg {
        match self {
            PlanError::Io { file, message } => Msg::new(M::PlanCannotRead)
                .arg("file", file)
                .sub("why", message.clone()),
            PlanError::MissingColumn {
                file,
                line,
                column,
                expected,
            } => Msg::new(M::PlanMissingColumn)
                .arg("file", file)
                .arg("line", line)
                .arg("column", column)
                .arg("expected", expected),
            PlanError::Syntax {
                file,
                line,
                message,
            } => Msg::new(M::PlanAtLine)
                .arg("file", file)
                .arg("line", line)
                .sub("problem", message.clone()),
            PlanError::Field {
                file,
                line,
                field,
                message,
            } => Msg::new(M::PlanInField)
                .arg("file", file)
                .arg("line", line)
                .sub("field", field_name(field))
                .sub("problem", message.clone()),
        }
    }
}

/// The `field` of a [`PlanError::Field`] in either language: a column's
/// name as it is, `column N` (a column with no name) worded.
fn field_name(field: &str) -> Msg {
    match field
        .strip_prefix("column ")
        .and_then(|n| n.parse::<usize>().ok())
    {
        Some(n) => Msg::new(M::PlanColumnN).arg("n", n),
        None => Msg::new(M::PlanFieldName).arg("name", field),
    }
}

/// The first control or invisible format character of `s`, named
/// ([`crate::text::first_unsafe`] in either language): `the control
/// character U+001B (\x1b)`.
pub fn unsafe_char(s: &str) -> Option<crate::vocab::Msg> {
    use crate::vocab::{M, Msg};
    let c = s.chars().find(|&c| crate::text::is_unsafe(c))?;
    let key = if c.is_control() {
        M::UnsafeControl
    } else {
        M::UnsafeFormat
    };
    Some(
        Msg::new(key)
            .arg("code", format!("{:04X}", u32::from(c)))
            .arg("escape", crate::text::escape_of(c).unwrap_or_default()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_plan_error_in_both_languages() {
        let errs = PlanErrors(vec![
            PlanError::Io {
                file: "p/tasks.csv".into(),
                message: Msg::new(M::OsOther).arg("os", "No such file or directory (os error 2)"),
            },
            PlanError::MissingColumn {
                file: "p/rows.csv".into(),
                line: 1,
                column: "task".into(),
                expected: "id,task".into(),
            },
            PlanError::Syntax {
                file: "p/rows.csv".into(),
                line: 4,
                message: Msg::new(M::PlanQuoteNeverClosed),
            },
            PlanError::Field {
                file: "p/indicators.csv".into(),
                line: 3,
                field: "target".into(),
                message: Msg::new(M::PlanNotDecimal).arg("found", "sixty"),
            },
            PlanError::Field {
                file: "p/tasks.csv".into(),
                line: 2,
                field: "column 5".into(),
                message: Msg::new(M::PlanEmptyText),
            },
        ]);
        let en = "p/tasks.csv: cannot read: No such file or directory (os error 2)\n\
                  p/rows.csv:1: missing column `task` (expected columns: id,task)\n\
                  p/rows.csv:4: a quoted field starting here is never closed (expected a closing `\"`)\n\
                  p/indicators.csv:3: field `target`: found `sixty`, expected a plain decimal number such as `325` or `1.5`\n\
                  p/tasks.csv:2: field `column 5`: empty, expected text";
        assert_eq!(errs.to_string(), en);
        assert_eq!(errs.text(Lang::En), en);
        assert_eq!(
            errs.text(Lang::Zh),
            "p/tasks.csv：无法读取：No such file or directory (os error 2)（操作系统的报告）\n\
             p/rows.csv:1：缺少“task”列（应有的列：id,task）\n\
             p/rows.csv:4：从这里开始的带引号字段一直没有闭合（应有一个闭合的 `\"`）\n\
             p/indicators.csv:3：“target”字段：找到“sixty”，应为普通小数，如 `325` 或 `1.5`\n\
             p/tasks.csv:2：第 5 列：为空，应填文字"
        );
    }

    #[test]
    fn unsafe_characters_are_named_in_both_languages() {
        let m = unsafe_char("a\u{1b}b").unwrap();
        assert_eq!(
            m.text(Lang::En),
            crate::text::first_unsafe("a\u{1b}b").unwrap()
        );
        assert_eq!(m.text(Lang::Zh), "控制字符 U+001B（\\x1b）");
        let m = unsafe_char("a\u{202e}b").unwrap();
        assert_eq!(
            m.text(Lang::En),
            crate::text::first_unsafe("a\u{202e}b").unwrap()
        );
        assert!(m.text(Lang::Zh).starts_with("不可见格式字符 U+202E"));
        assert!(unsafe_char("一行").is_none());
    }
}
