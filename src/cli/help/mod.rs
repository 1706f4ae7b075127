//! The command line's own help and parse errors, in its language (Chinese
//! unless `--lang en` or `WUDANG_PLAN_LANG=en`, found by [`lang::resolve`]
//! before clap reads anything). English is clap's own output, unchanged;
//! Chinese is the same command tree with the texts of
//! [`crate::vocab::cli_help`] ([`tree`]), laid out by clap and wrapped by
//! display width ([`wrap`]), and clap's errors said again in Chinese
//! ([`error`]). Exit codes are clap's: 0 for help and version, 2 for an
//! error.

pub mod error;
pub mod lang;
pub mod tree;
pub mod wrap;

use std::ffi::{OsStr, OsString};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser};

pub use lang::{BadLang, LANG_VAR, resolve};

use crate::cli::Cli;
use crate::vocab::Lang;
use crate::vocab::cli_help::clap_zh;

/// What reading the command line came to.
#[derive(Debug)]
pub enum Parsed {
    /// Run this.
    Run(Box<Cli>),
    /// English help, version or error: clap prints it itself
    /// (`clap::Error::exit`), exactly as before.
    Clap(clap::Error),
    /// Chinese help, version or error (or a bad language): print it.
    Print(Page),
}

/// A text to print before exiting: a help page is wrapped to the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The text with clap's style escapes (stripped when not wanted).
    pub text: String,
    /// Standard error (errors) or standard output (help, version).
    pub stderr: bool,
    /// The exit code.
    pub code: u8,
    /// A help page (wrapped by display width), not an error.
    pub help: bool,
}

impl Page {
    /// The text for a terminal `cols` wide, with or without its styles.
    pub fn render(&self, cols: usize, color: bool) -> String {
        let text = if self.help {
            wrap::wrap_page(&self.text, cols)
        } else {
            self.text.clone()
        };
        if color { text } else { wrap::strip_ansi(&text) }
    }

    /// Prints the page to its stream (styled on a terminal that takes
    /// colour) and gives its exit code.
    pub fn print(&self) -> ExitCode {
        let terminal = if self.stderr {
            std::io::stderr().is_terminal()
        } else {
            std::io::stdout().is_terminal()
        };
        let text = self.render(columns(), color(terminal));
        let written = if self.stderr {
            std::io::stderr().lock().write_all(text.as_bytes())
        } else {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes()).and_then(|()| out.flush())
        };
        match written {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => ExitCode::from(1),
            _ => ExitCode::from(self.code),
        }
    }
}

/// The terminal's width as clap finds it: the terminal's when standard
/// output, error or input is one (`wudang-plan --help | less` too), else
/// `COLUMNS`, else 100.
pub fn columns() -> usize {
    let terminal = std::io::stdout().is_terminal()
        || std::io::stderr().is_terminal()
        || std::io::stdin().is_terminal();
    let term = terminal
        .then(|| ratatui::crossterm::terminal::size().ok())
        .flatten()
        .map(|(c, _)| usize::from(c))
        .filter(|&c| c > 0);
    term.or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
        .unwrap_or(100)
}

/// Styles on a terminal, unless `NO_COLOR` is set or `TERM=dumb`.
fn color(terminal: bool) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    terminal && !no_color && !dumb
}

/// Reads the command line `args` (the program name first) in its language;
/// `env` is the value of `WUDANG_PLAN_LANG`.
pub fn parse(args: &[OsString], env: Option<&OsStr>) -> Parsed {
    match resolve(args, env) {
        Err(bad) => Parsed::Print(Page {
            text: format!("{}\n", bad.message()),
            stderr: true,
            code: 2,
            help: false,
        }),
        Ok(Lang::En) => match Cli::try_parse_from(args) {
            Ok(cli) => Parsed::Run(Box::new(cli)),
            Err(e) => Parsed::Clap(e),
        },
        Ok(Lang::Zh) => chinese(args),
    }
}

/// Chinese: a command line that parses runs as it is (the Chinese tree
/// parses the same: same ids and parsers); only help, version and errors
/// pay for building the Chinese tree and parsing again with it.
fn chinese(args: &[OsString]) -> Parsed {
    if let Ok(cli) = Cli::try_parse_from(args) {
        return Parsed::Run(Box::new(cli));
    }
    let mut cmd = tree::chinese();
    let parsed = cmd
        .try_get_matches_from_mut(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => Parsed::Run(Box::new(cli)),
        Err(e) => Parsed::Print(page_of(&e, &cmd)),
    }
}

/// A help page's usage line with our placeholders (`[选项]`).
fn chinese_usage(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    for (i, line) in page.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if wrap::strip_ansi(line).starts_with(clap_zh::USAGE) {
            out.push_str(&error::placeholders(line));
        } else {
            out.push_str(line);
        }
    }
    out
}

fn page_of(e: &clap::Error, cmd: &clap::Command) -> Page {
    let code = u8::try_from(e.exit_code()).unwrap_or(2);
    let stderr = e.use_stderr();
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let mut text = chinese_usage(&e.render().ansi().to_string());
            if !text.ends_with('\n') {
                text.push('\n');
            }
            Page {
                text,
                stderr,
                code,
                help: true,
            }
        }
        ErrorKind::DisplayVersion => Page {
            text: e.render().ansi().to_string(),
            stderr,
            code,
            help: false,
        },
        _ => Page {
            text: error::message(e, cmd),
            stderr,
            code,
            help: false,
        },
    }
}

/// The English command tree (for tests: the same as clap's).
pub fn english() -> clap::Command {
    Cli::command()
}

/// The command line's definition in `cli`'s language (help texts
/// translated for Chinese), named as the binary is installed.
fn definition(cli: &super::Cli) -> clap::Command {
    match crate::vocab::Lang::from(cli.lang) {
        crate::vocab::Lang::Zh => tree::chinese(),
        crate::vocab::Lang::En => english(),
    }
    .name("wudang-plan")
    .bin_name("wudang-plan")
}

/// `completions SHELL`: the completion script clap_complete makes from the
/// command line's definition (descriptions in its language).
pub fn completions(
    shell: clap_complete::Shell,
    cli: &super::Cli,
    out: &mut dyn std::io::Write,
) -> Result<(), super::CliError> {
    let mut cmd = definition(cli);
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "wudang-plan", &mut buf);
    out.write_all(&buf)?;
    Ok(())
}

/// `man`: the manual page clap_mangen makes from the command line's
/// definition, in its language.
pub fn man(cli: &super::Cli, out: &mut dyn std::io::Write) -> Result<(), super::CliError> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(definition(cli)).render(&mut buf)?;
    out.write_all(&buf)?;
    Ok(())
}
