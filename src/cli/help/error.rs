//! clap's parse errors in Chinese, with what clap's English says: the
//! argument, what was found, what is expected, the similar words, the usage
//! line and where more help is.

use std::fmt::Write as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Command, Error};

use crate::vocab::cli_help::clap_zh as zh;

/// clap's placeholders of a usage line (`[OPTIONS]`) in Chinese.
pub fn placeholders(usage: &str) -> String {
    let mut line = usage.to_string();
    for (en, cn) in zh::PLACEHOLDERS {
        line = line.replace(en, cn);
    }
    line
}

/// `Usage: …` of clap (English title, our placeholders) as `用法：…`.
pub fn usage_line(usage: &str) -> String {
    let body = usage.strip_prefix("Usage:").unwrap_or(usage).trim_start();
    placeholders(&format!("{}{body}", zh::USAGE))
}

fn string(e: &Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        _ => None,
    }
}

fn strings(e: &Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

fn number(e: &Error, kind: ContextKind) -> isize {
    match e.get(kind) {
        Some(ContextValue::Number(n)) => *n,
        _ => 0,
    }
}

/// The first line's text (after `错误：`).
fn headline(e: &Error) -> String {
    let arg = string(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = string(e, ContextKind::InvalidValue).unwrap_or_default();
    match e.kind() {
        ErrorKind::UnknownArgument => zh::unknown_argument(&arg),
        ErrorKind::InvalidSubcommand => {
            zh::unknown_subcommand(&string(e, ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::InvalidValue if value.is_empty() => zh::value_missing(&arg),
        ErrorKind::InvalidValue => {
            let mut s = zh::invalid_value(&value, &arg);
            let valid = strings(e, ContextKind::ValidValue);
            if !valid.is_empty() {
                let _ = write!(s, "\n  {}", zh::one_of(zh::VALUES, &valid));
            }
            s
        }
        ErrorKind::ValueValidation => {
            let mut s = zh::invalid_value(&value, &arg);
            if let Some(why) = std::error::Error::source(e) {
                let why = why
                    .downcast_ref::<crate::cli::args::ArgError>()
                    .map_or_else(|| why.to_string(), |a| a.zh.clone());
                let _ = write!(s, "：{why}");
            }
            s
        }
        ErrorKind::MissingRequiredArgument => {
            let mut s = zh::MISSING_ARGUMENTS.to_string();
            for a in strings(e, ContextKind::InvalidArg) {
                let _ = write!(s, "\n  {a}");
            }
            s
        }
        ErrorKind::MissingSubcommand => {
            let cmd = string(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            let mut s = zh::needs_subcommand(&cmd);
            let valid = strings(e, ContextKind::ValidSubcommand);
            if !valid.is_empty() {
                let _ = write!(s, "\n  {}", zh::one_of(zh::SUBCOMMANDS, &valid));
            }
            s
        }
        ErrorKind::ArgumentConflict => conflict(e, &arg),
        ErrorKind::TooManyValues => zh::extra_value(&value, &arg),
        ErrorKind::TooFewValues => zh::value_count(
            &arg,
            number(e, ContextKind::MinValues),
            number(e, ContextKind::ActualNumValues),
        ),
        ErrorKind::WrongNumberOfValues => zh::value_count(
            &arg,
            number(e, ContextKind::ExpectedNumValues),
            number(e, ContextKind::ActualNumValues),
        ),
        ErrorKind::NoEquals => zh::needs_equals(&arg),
        ErrorKind::InvalidUtf8 => zh::NOT_UTF8.to_string(),
        // help, version and I/O are not errors of what was typed: as clap
        // says them (never reached for help and version)
        _ => crate::cli::help::wrap::strip_ansi(&e.render().ansi().to_string())
            .trim_start_matches("error: ")
            .trim_end()
            .to_string(),
    }
}

fn conflict(e: &Error, arg: &str) -> String {
    match e.get(ContextKind::PriorArg) {
        Some(ContextValue::String(p)) if p == arg => zh::used_twice(arg),
        Some(ContextValue::String(p)) => zh::conflicts(arg, &format!("“{p}”")),
        Some(ContextValue::Strings(v)) => {
            let q: Vec<String> = v.iter().map(|p| format!("“{p}”")).collect();
            zh::conflicts(arg, &q.join("、"))
        }
        _ => zh::conflicts(arg, zh::OTHER_ARGUMENTS),
    }
}

/// clap's English tips (`to pass '-x' as a value, use '-- -x'` …) in
/// Chinese; one it does not know is kept as clap wrote it.
fn tip(text: &str) -> String {
    let quoted: Vec<&str> = text.split('\'').skip(1).step_by(2).collect();
    match quoted.as_slice() {
        [arg, how] if text.starts_with("to pass ") => zh::pass_as_value(arg, how),
        [what] if text.ends_with("' exists") => zh::exists_in_subcommand(what),
        [sub, _] if text.starts_with("subcommand ") => zh::remove_double_dash(sub),
        _ => text.to_string(),
    }
}

/// The whole message, styled as clap styles its own (plain text when the
/// caller strips the escapes).
pub fn message(e: &Error, cmd: &Command) -> String {
    let styles = cmd.get_styles();
    let (error, valid) = (styles.get_error(), styles.get_valid());
    let mut s = format!("{error}{}{error:#}{}", zh::ERROR, headline(e));
    let mut first_tip = true;
    let mut tip_line = |s: &mut String, text: String| {
        if first_tip {
            s.push('\n');
            first_tip = false;
        }
        let _ = write!(s, "\n  {valid}{}{valid:#}{text}", zh::TIP);
    };
    for (kind, word) in [
        (ContextKind::SuggestedSubcommand, zh::SUBCOMMAND),
        (ContextKind::SuggestedArg, zh::ARGUMENT),
        (ContextKind::SuggestedValue, zh::VALUE),
    ] {
        let found = strings(e, kind);
        if !found.is_empty() {
            tip_line(&mut s, zh::similar(word, &found));
        }
    }
    if let Some(ContextValue::StyledStrs(tips)) = e.get(ContextKind::Suggested) {
        for t in tips {
            tip_line(&mut s, tip(&t.to_string()));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let _ = write!(s, "\n\n{}", usage_line(&usage.to_string()));
    }
    let literal = styles.get_literal();
    let _ = writeln!(
        s,
        "\n\n{}",
        zh::more_with(&format!("{literal}--help{literal:#}"))
    );
    s
}
