//! Pieces of the command line's messages that differ by language: an id's
//! label, a value, a period, a field — each in both languages, as the
//! message table fills them ([`crate::vocab::Msg::words`]). The Chinese
//! words are those the command line accepts back as input (2024年二季度,
//! 实际值, 已延误).

use crate::ledger::Field;
use crate::plan::Period;
use crate::vocab::{Lang, M, Msg, Term};

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Both {
    pub zh: String,
    pub en: String,
}

impl Both {
    /// The same text in both languages (an id, a name from the plan).
    pub fn same(s: impl Into<String>) -> Both {
        let s = s.into();
        Both {
            zh: s.clone(),
            en: s,
        }
    }

    /// A message worded in each language.
    pub fn of(m: Msg) -> Both {
        Both {
            zh: m.text(Lang::Zh),
            en: m.text(Lang::En),
        }
    }

    /// A period: `2024Q2` in English, 2024年二季度 in Chinese.
    pub fn period(p: Period) -> Both {
        Both {
            zh: period_zh(p),
            en: p.to_string(),
        }
    }

    /// A ledger field: `actual` in English, 实际值 in Chinese.
    pub fn field(f: Field) -> Both {
        Both {
            zh: f.word(Lang::Zh).to_string(),
            en: f.as_str().to_string(),
        }
    }

    /// A value of the vocabulary: the machine word in English (what the
    /// command line always printed), the UI's word in Chinese.
    pub fn term<T: Term>(v: T) -> Both {
        Both {
            zh: v.word(Lang::Zh).to_string(),
            en: v.machine().to_string(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// Why a file could not be read or written: the system's own text in
/// English (`No such file or directory (os error 2)`), the kind of error
/// in Chinese (文件或目录不存在（系统错误 2）).
pub fn io_reason(e: &std::io::Error) -> Both {
    use std::io::ErrorKind;
    let what = match e.kind() {
        ErrorKind::NotFound => M::IoNotFound,
        ErrorKind::PermissionDenied => M::IoPermission,
        ErrorKind::IsADirectory => M::IoIsADirectory,
        ErrorKind::StorageFull => M::IoFull,
        _ => M::IoOther,
    };
    let zh = match e.raw_os_error() {
        Some(code) => Msg::new(M::IoCode)
            .sub("what", what.into())
            .arg("code", code)
            .text(Lang::Zh),
        None => what.get(Lang::Zh).to_string(),
    };
    Both {
        zh,
        en: e.to_string(),
    }
}

/// A command line error as the full-screen UI shows it (its `Display`):
/// worded in the command line's language.
#[derive(Debug)]
pub struct Worded {
    pub error: Box<super::CliError>,
    pub lang: Lang,
}

impl Worded {
    pub fn new(error: super::CliError, lang: Lang) -> Worded {
        Worded {
            error: Box::new(error),
            lang,
        }
    }
}

/// The full-screen UI words it in its own language (the same as the
/// command line's).
impl crate::ui::app::Worded for Worded {
    fn worded(&self, lang: Lang) -> String {
        self.error.text(lang)
    }
}

impl std::fmt::Display for Worded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.error.text(self.lang))
    }
}

/// [`Msg::words`] from a [`Both`].
pub trait WithBoth {
    fn both(self, name: &'static str, b: Both) -> Msg;
}

impl WithBoth for Msg {
    fn both(self, name: &'static str, b: Both) -> Msg {
        self.words(name, b.zh, b.en)
    }
}

/// A period in Chinese, as `--period` reads it back: 2024年, 2024年二季度,
/// 2024年6月 ([`Period::zh`]).
pub fn period_zh(p: Period) -> String {
    p.zh()
}

/// An I/O error's text in `lang`: the message it carries when it is one
/// of ours ([`io_error`]), else [`io_reason`].
pub(super) fn io_text(e: &std::io::Error, lang: Lang) -> String {
    match e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<MsgError>())
    {
        Some(MsgError(m)) => m.text(lang),
        None => io_reason(e).get(lang).to_string(),
    }
}

/// A message carried inside an [`std::io::Error`] (a named `--out` file
/// that cannot be written, a reader thread that stopped): `Display` is
/// the English.
#[derive(Debug)]
pub struct MsgError(pub Msg);

impl std::fmt::Display for MsgError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for MsgError {}

/// An I/O error of `kind` saying `m` (worded in the command line's
/// language when printed).
pub fn io_error(kind: std::io::ErrorKind, m: Msg) -> std::io::Error {
    std::io::Error::new(kind, MsgError(m))
}

/// The first control or invisible format character of `s`, named as
/// [`crate::text::first_unsafe`] names it: `the control character U+001B
/// (\x1b)`.
pub(super) fn unsafe_char(s: &str) -> Option<Msg> {
    let c = s
        .chars()
        .find(|c| crate::text::first_unsafe(c.encode_utf8(&mut [0; 4])).is_some())?;
    let key = if c.is_control() {
        M::ControlChar
    } else {
        M::FormatChar
    };
    Some(
        Msg::new(key)
            .arg("code", format!("{:04X}", u32::from(c)))
            .arg("shown", crate::text::visible(c.encode_utf8(&mut [0; 4]))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_periods_read_back() {
        for p in [
            Period::Year(2024),
            Period::Quarter(2024, 1),
            Period::Quarter(2024, 4),
            Period::Month(2024, 6),
            Period::Month(2024, 12),
        ] {
            assert_eq!(Period::parse(&period_zh(p)), Ok(p), "{p}");
        }
        assert_eq!(period_zh(Period::Quarter(2024, 2)), "2024年二季度");
        assert_eq!(period_zh(Period::Month(2024, 6)), "2024年6月");
        assert_eq!(period_zh(Period::Year(2025)), "2025年");
    }

    #[test]
    fn the_ui_shows_a_command_line_error_in_its_language() {
        let w = |lang| Worded::new(super::super::CliError::Usage(M::DataEmpty.into()), lang);
        assert_eq!(
            w(Lang::Zh).to_string(),
            "--data 为空；应为台账 CSV 文件的路径"
        );
        assert_eq!(
            w(Lang::En).to_string(),
            "--data is empty; expected the path of the ledger CSV file"
        );
    }

    #[test]
    fn io_errors_are_worded_in_chinese_the_system_text_in_english() {
        let e = std::io::Error::from_raw_os_error(2);
        let b = io_reason(&e);
        assert_eq!(b.zh, "文件或目录不存在（系统错误 2）");
        assert_eq!(b.en, e.to_string());
        let wrapped = io_error(std::io::ErrorKind::Other, M::PlanNotLoaded.into());
        assert_eq!(wrapped.to_string(), "the plan was not loaded");
        assert_eq!(io_text(&wrapped, Lang::Zh), "方案未能载入");
    }

    #[test]
    fn fields_and_terms_read_back() {
        for f in Field::ALL {
            assert_eq!(crate::vocab::parse_field(&Both::field(f).zh), Some(f));
        }
        let b = Both::term(crate::ledger::TaskState::Delayed);
        assert_eq!((b.zh.as_str(), b.en.as_str()), ("已延误", "delayed"));
    }
}
