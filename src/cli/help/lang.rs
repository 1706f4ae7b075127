//! The language of the command line, found before clap reads anything (so
//! that clap's help and errors can be in it): `--lang zh|en` (or
//! `--lang=en`, anywhere before a `--`) > `WUDANG_PLAN_LANG` > Chinese.
//! `LANG` and `LC_ALL` are not read: SSH clients and servers commonly send
//! or default to `en_US.UTF-8` or `C.UTF-8` whatever the person reads.

use std::ffi::{OsStr, OsString};

use crate::vocab::Lang;
use crate::vocab::cli_help::clap_zh;

/// The variable that chooses the language when `--lang` is not given.
pub const LANG_VAR: &str = "WUDANG_PLAN_LANG";

/// A `--lang` or `WUDANG_PLAN_LANG` that is not `zh` or `en`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLang {
    /// `--lang` or `WUDANG_PLAN_LANG`.
    pub source: &'static str,
    /// What it held (lossily decoded).
    pub found: String,
}

impl BadLang {
    /// The message: Chinese, then the same in English (the language the
    /// person wanted is not known).
    pub fn message(&self) -> String {
        format!(
            "{}{}\nerror: {} is `{}`; expected zh or en",
            clap_zh::ERROR,
            clap_zh::bad_lang(self.source, &crate::text::visible(&self.found)),
            self.source,
            crate::text::visible(&self.found),
        )
    }
}

/// A language word exactly as clap's `--lang` takes it: `zh` or `en`.
fn word(s: &OsStr) -> Option<Lang> {
    match s.to_str() {
        Some("zh") => Some(Lang::Zh),
        Some("en") => Some(Lang::En),
        _ => None,
    }
}

/// The language of the command line `args` (the program name first) with
/// `env` the value of `WUDANG_PLAN_LANG`: the last `--lang` given wins; a
/// `--lang` with no value after it counts as not given (clap then says that
/// the value is missing); an empty variable is refused, as clap refuses
/// it.
pub fn resolve(args: &[OsString], env: Option<&OsStr>) -> Result<Lang, BadLang> {
    let mut given: Option<&OsStr> = None;
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        let bytes = a.as_encoded_bytes();
        if bytes == b"--" {
            break;
        }
        if bytes == b"--lang" {
            match it.next() {
                Some(v) if !v.as_encoded_bytes().starts_with(b"-") => given = Some(v),
                _ => break,
            }
        } else if let Some(v) = bytes.strip_prefix(b"--lang=") {
            // not UTF-8: never a language word, reported as such
            given = Some(OsStr::new(std::str::from_utf8(v).unwrap_or("\u{fffd}")));
        }
    }
    if let Some(v) = given {
        return word(v).ok_or_else(|| BadLang {
            source: "--lang",
            found: v.to_string_lossy().into_owned(),
        });
    }
    match env {
        None => Ok(Lang::Zh),
        Some(v) => word(v).ok_or_else(|| BadLang {
            source: LANG_VAR,
            found: v.to_string_lossy().into_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str], env: Option<&str>) -> Result<Lang, BadLang> {
        let args: Vec<OsString> = std::iter::once("wudang-plan")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect();
        resolve(&args, env.map(OsStr::new))
    }

    #[test]
    fn chinese_unless_told() {
        assert_eq!(run(&[], None), Ok(Lang::Zh));
        assert_eq!(run(&["tasks", "--help"], None), Ok(Lang::Zh));
        assert_eq!(run(&[], Some("zh")), Ok(Lang::Zh));
    }

    #[test]
    fn the_flag_anywhere_beats_the_variable() {
        assert_eq!(run(&[], Some("en")), Ok(Lang::En));
        assert_eq!(run(&["--lang", "en"], None), Ok(Lang::En));
        assert_eq!(run(&["--lang=en", "tasks"], Some("zh")), Ok(Lang::En));
        assert_eq!(
            run(&["set", "8.1", "5", "--lang", "en"], None),
            Ok(Lang::En)
        );
        assert_eq!(run(&["--lang", "zh"], Some("en")), Ok(Lang::Zh));
        assert_eq!(
            run(&["ledger", "check", "--lang=zh"], Some("en")),
            Ok(Lang::Zh)
        );
        // the last one wins (clap then refuses the second)
        assert_eq!(run(&["--lang", "en", "--lang", "zh"], None), Ok(Lang::Zh));
        // a good flag hides a bad variable, as clap does
        assert_eq!(run(&["--lang", "en"], Some("fr")), Ok(Lang::En));
    }

    #[test]
    fn after_a_double_dash_or_without_a_value_it_is_not_the_flag() {
        assert_eq!(
            run(&["note", "8", "--", "--lang", "en"], None),
            Ok(Lang::Zh)
        );
        assert_eq!(run(&["--lang"], Some("en")), Ok(Lang::En));
        assert_eq!(run(&["--lang", "--help"], None), Ok(Lang::Zh));
        assert_eq!(run(&["--language", "en"], None), Ok(Lang::Zh));
    }

    #[test]
    fn a_bad_value_is_reported_with_where_it_came_from() {
        let e = run(&["--lang", "fr"], Some("en")).unwrap_err();
        assert_eq!((e.source, e.found.as_str()), ("--lang", "fr"));
        let e = run(&["--lang="], None).unwrap_err();
        assert_eq!((e.source, e.found.as_str()), ("--lang", ""));
        let e = run(&[], Some("")).unwrap_err();
        assert_eq!((e.source, e.found.as_str()), (LANG_VAR, ""));
        let e = run(&["tasks"], Some("en_US.UTF-8")).unwrap_err();
        assert_eq!((e.source, e.found.as_str()), (LANG_VAR, "en_US.UTF-8"));
        // exactly clap's words: no case folding, no 中文
        assert!(run(&["--lang", "EN"], None).is_err());
        assert!(run(&["--lang", "中文"], None).is_err());
        assert_eq!(
            e.message(),
            "错误：WUDANG_PLAN_LANG 的值“en_US.UTF-8”不是可用的语言；应为 zh（中文）或 en（英文）\n\
             error: WUDANG_PLAN_LANG is `en_US.UTF-8`; expected zh or en"
        );
    }
}
