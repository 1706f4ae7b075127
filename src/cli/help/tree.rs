//! The command tree in Chinese: `Cli::command()` (the clap derive, the one
//! definition of the command line) built, then every command's about, every
//! argument's help, value names and possible values, the `-h`/`-V` lines and
//! the headings set from [`crate::vocab::cli_help`].

use clap::{Arg, Command, CommandFactory};

use crate::cli::Cli;
use crate::vocab::cli_help::{self, clap_zh};

/// The path of a subcommand under `path` (`` is the program).
pub fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path} {name}")
    }
}

/// The table's key for `item` of the command at `path`: its own, else `*`.
pub fn key(path: &str, item: &str) -> Option<String> {
    let own = format!("{path}:{item}");
    if cli_help::zh(&own).is_some() {
        return Some(own);
    }
    let any = format!("*:{item}");
    cli_help::zh(&any).is_some().then_some(any)
}

/// The Chinese of `item` at `path`.
fn zh(path: &str, item: &str) -> Option<&'static str> {
    key(path, item).and_then(|k| cli_help::zh(&k))
}

/// The path an argument's text is looked up under: a global option's is
/// the program's, wherever it was propagated to.
fn arg_path<'a>(a: &Arg, path: &'a str) -> &'a str {
    if a.is_global_set() { "" } else { path }
}

/// The item of an argument's help: `help#long` for the long text of `-h`.
fn help_item(a: &Arg, long: bool) -> String {
    if long {
        format!("{}#long", a.get_id())
    } else {
        a.get_id().to_string()
    }
}

/// The key path of the command at `path`, and the path its subcommands
/// hang under: clap's `help` subcommand (`help`, `ledger help`) has the one
/// text under `help`, and mirrors its parent's subcommands (`help ledger`
/// is keyed as `ledger`).
pub fn key_paths(cmd: &Command, path: &str) -> (String, String) {
    if cmd.get_name() == "help" && !path.is_empty() {
        let parent = path.rsplit_once(' ').map_or("", |(p, _)| p);
        ("help".to_string(), parent.to_string())
    } else {
        (path.to_string(), path.to_string())
    }
}

/// The full program in Chinese, ready to parse with.
pub fn chinese() -> Command {
    let mut cmd = Cli::command();
    cmd.build();
    zh_command(cmd, "")
}

fn zh_command(mut cmd: Command, path: &str) -> Command {
    let (path, base) = key_paths(&cmd, path);
    let path = path.as_str();
    if let Some(t) = zh(path, "about") {
        cmd = cmd.about(t);
    }
    if cmd.get_long_about().is_some()
        && let Some(t) = zh(path, "long_about")
    {
        cmd = cmd.long_about(t);
    }
    let ids: Vec<clap::Id> = cmd.get_arguments().map(|a| a.get_id().clone()).collect();
    for id in ids {
        cmd = cmd.mut_arg(id, |a| zh_arg(a, path));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub = join(&base, &name);
        cmd = cmd.mut_subcommand(name, |s| zh_command(s, &sub));
    }
    let template = template(&cmd);
    cmd.help_template(template).term_width(0)
}

/// The help page's layout with Chinese headings (clap's default layout:
/// about, usage, commands, arguments, options).
fn template(cmd: &Command) -> String {
    let header = cmd.get_styles().get_header();
    let usage = cmd.get_styles().get_usage();
    let mut t = format!(
        "{{before-help}}{{about-with-newline}}\n{usage}{}{usage:#}{{usage}}",
        clap_zh::USAGE
    );
    let mut section = |heading: &str, tag: &str| {
        t.push_str(&format!("\n\n{header}{heading}{header:#}\n{{{tag}}}"));
    };
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        section(clap_zh::COMMANDS, "subcommands");
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        section(clap_zh::ARGUMENTS, "positionals");
    }
    if cmd
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set())
    {
        section(clap_zh::OPTIONS, "options");
    }
    t.push_str("{after-help}");
    t
}

/// What clap would put after an option's help, in Chinese: its default and
/// its variable (the possible values are listed by [`zh_arg`]).
fn specs(a: &Arg) -> Vec<String> {
    let mut out = Vec::new();
    if a.get_action().takes_values() && !a.is_hide_default_value_set() {
        let d: Vec<String> = a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !d.is_empty() {
            out.push(clap_zh::default_value(&d.join("、")));
        }
    }
    if let Some(name) = a.get_env()
        && !a.is_hide_env_set()
    {
        let value = (!a.is_hide_env_values_set())
            .then(|| std::env::var_os(name))
            .flatten()
            .map(|v| v.to_string_lossy().into_owned());
        out.push(clap_zh::env_var(&name.to_string_lossy(), value.as_deref()));
    }
    out
}

fn zh_arg(mut a: Arg, path: &str) -> Arg {
    let path = arg_path(&a, path);
    let id = a.get_id().to_string();
    if let Some(names) = a
        .get_value_names()
        .filter(|_| a.get_action().takes_values())
    {
        let own = zh(path, &format!("{id}@"));
        let names: Vec<clap::builder::Str> = names
            .iter()
            .map(|n| match own.or_else(|| cli_help::value_name(n.as_str())) {
                Some(zh) => zh.into(),
                None => n.clone(),
            })
            .collect();
        a = a.value_names(names);
    }
    let help = zh(path, &help_item(&a, false)).unwrap_or_default();
    let long = a
        .get_long_help()
        .and_then(|_| zh(path, &help_item(&a, true)));
    let values: Vec<(String, &str)> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| {
            let item = format!("{id}={}", v.get_name());
            (
                v.get_name().to_string(),
                zh(path, &item).unwrap_or_default(),
            )
        })
        .collect();
    let specs = specs(&a);
    let mut short: Vec<String> = specs.clone();
    if !values.is_empty() && !a.is_hide_possible_values_set() {
        let names: Vec<&str> = values.iter().map(|v| v.0.as_str()).collect();
        short.insert(
            0,
            format!("{}{}", clap_zh::POSSIBLE_VALUES, names.join("、")),
        );
    }
    let with = |text: &str, extra: &[String]| {
        if extra.is_empty() {
            text.to_string()
        } else {
            format!("{text}（{}）", extra.join("；"))
        }
    };
    let mut long_text = long.unwrap_or(help).to_string();
    let described = values.iter().any(|v| !v.1.is_empty());
    if described {
        long_text.push_str("\n\n");
        long_text.push_str(clap_zh::POSSIBLE_VALUES);
        for (name, text) in &values {
            long_text.push_str(&format!("\n- {name}：{text}"));
        }
    }
    if !specs.is_empty() && (described || long.is_some()) {
        long_text.push_str(&format!("\n\n{}", specs.join("；")));
    }
    a = a
        .help(with(help, &short))
        .hide_default_value(true)
        .hide_env(true)
        .hide_possible_values(true);
    if described || long.is_some() {
        a = a.long_help(long_text);
    }
    a
}

/// What the table lacks, has too much of, or has out of date against the
/// derive (its English): the test below fails on any.
pub fn table_problems() -> Vec<String> {
    problems_of(Cli::command())
}

/// [`table_problems`] of a command tree.
fn problems_of(mut cmd: Command) -> Vec<String> {
    cmd.build();
    let mut check = Check::default();
    check.command(&cmd, "");
    for (k, en, zh) in cli_help::HELP {
        if !check.used.contains(k) {
            check
                .out
                .push(format!("{k}: names nothing in the command tree ({en:?})"));
        }
        if zh.trim().is_empty() {
            check.out.push(format!("{k}: no Chinese"));
        }
        if cli_help::HELP.iter().filter(|e| e.0 == *k).count() > 1 {
            check.out.push(format!("{k}: in the table twice"));
        }
    }
    check.out
}

/// Value names shown as they are in Chinese too.
const KEPT_VALUE_NAMES: &[&str] = &["N", "YYYY-MM-DD"];

#[derive(Default)]
struct Check {
    used: std::collections::HashSet<&'static str>,
    out: Vec<String>,
}

impl Check {
    /// `item` at `path` has Chinese, and the table's English is `en`.
    fn need(&mut self, path: &str, item: &str, en: Option<String>) {
        let en = en.unwrap_or_default();
        let Some(k) = key(path, item) else {
            self.out
                .push(format!("{path}:{item}: no Chinese for {en:?}"));
            return;
        };
        if let Some(e) = cli_help::HELP.iter().find(|e| e.0 == k) {
            self.used.insert(e.0);
            if e.1 != en {
                self.out.push(format!(
                    "{k} (for {path}:{item}): the derive now says {en:?}, the table {:?}: update both",
                    e.1
                ));
            }
        }
    }

    fn arg(&mut self, a: &Arg, path: &str) {
        let path = arg_path(a, path);
        let id = a.get_id().as_str();
        let text = |s: Option<&clap::builder::StyledStr>| s.map(|s| s.to_string());
        self.need(path, id, text(a.get_help()));
        if a.get_long_help().is_some() {
            self.need(path, &format!("{id}#long"), text(a.get_long_help()));
        }
        for v in a.get_possible_values().iter().filter(|v| !v.is_hide_set()) {
            self.need(path, &format!("{id}={}", v.get_name()), text(v.get_help()));
        }
        if !a.get_action().takes_values() {
            return;
        }
        let own_name = format!("{id}@");
        if key(path, &own_name).is_some() {
            self.need(path, &own_name, None);
            return;
        }
        for n in a.get_value_names().unwrap_or_default() {
            let n = n.as_str();
            if cli_help::value_name(n).is_none() && !KEPT_VALUE_NAMES.contains(&n) {
                self.out
                    .push(format!("{path}:{id}: value name {n} has no Chinese"));
            }
        }
    }

    fn command(&mut self, cmd: &Command, path: &str) {
        let (kp, base) = key_paths(cmd, path);
        let text = |s: Option<&clap::builder::StyledStr>| s.map(|s| s.to_string());
        self.need(&kp, "about", text(cmd.get_about()));
        if cmd.get_long_about().is_some() {
            self.need(&kp, "long_about", text(cmd.get_long_about()));
        }
        for a in cmd.get_arguments() {
            if a.is_global_set() && !path.is_empty() {
                continue; // the program's, checked there
            }
            self.arg(a, &kp);
        }
        for s in cmd.get_subcommands() {
            self.command(s, &join(&base, s.get_name()));
        }
    }
}

/// Every command's path (`` for the program, `ledger check`), clap's `help`
/// mirrors left out.
pub fn paths() -> Vec<String> {
    fn walk(cmd: &Command, path: &str, out: &mut Vec<String>) {
        out.push(path.to_string());
        for s in cmd.get_subcommands() {
            if s.get_name() != "help" {
                walk(s, &join(path, s.get_name()), out);
            }
        }
    }
    let mut out = Vec::new();
    walk(&Cli::command(), "", &mut out);
    out.push("help".to_string());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_and_argument_has_chinese_and_every_key_names_one() {
        let problems = table_problems();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// The check fails on a flag the table does not know, on English the
    /// derive no longer says, and on a key that names nothing.
    #[test]
    fn the_check_finds_a_new_flag_changed_english_and_a_stale_key() {
        let fresh = Cli::command().arg(Arg::new("fresh").long("fresh").help("Something new"));
        let p = problems_of(fresh);
        assert!(
            p.iter().any(|p| p.starts_with(":fresh: no Chinese")),
            "{p:?}"
        );
        let changed = Cli::command().mut_arg("plan", |a| a.help("Load another plan"));
        let p = problems_of(changed);
        assert!(
            p.iter()
                .any(|p| p.starts_with(":plan (for :plan): the derive now says")),
            "{p:?}"
        );
        let renamed = Cli::command().mut_subcommand("paths", |s| s.name("files"));
        let p = problems_of(renamed);
        assert!(
            p.iter().any(|p| p.starts_with("files:about: no Chinese")),
            "{p:?}"
        );
        assert!(
            p.iter()
                .any(|p| p.starts_with("paths:about: names nothing")),
            "{p:?}"
        );
    }

    /// No English of clap's is left on any Chinese help page, short or
    /// long (as the binary prints them).
    #[test]
    fn chinese_pages_have_no_english_of_clap() {
        for path in paths() {
            for flag in ["-h", "--help"] {
                let mut args: Vec<std::ffi::OsString> = vec!["wudang-plan".into()];
                args.extend(path.split_whitespace().map(Into::into));
                if path == "help" {
                    args.push("help".into());
                } else {
                    args.push(flag.into());
                }
                let crate::cli::help::Parsed::Print(page) = crate::cli::help::parse(&args, None)
                else {
                    panic!("{args:?} is not a page");
                };
                let page = page.render(80, false);
                for en in [
                    "Usage",
                    "Options",
                    "Arguments",
                    "Commands",
                    "Print ",
                    "[default",
                    "[env",
                    "[possible",
                    "Possible values",
                    "OPTIONS",
                    "COMMAND",
                ] {
                    assert!(!page.contains(en), "{args:?} says {en:?}:\n{page}");
                }
            }
        }
    }
}
