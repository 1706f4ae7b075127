//! The command line's own help and parse errors, from the real binary at 80
//! columns: Chinese by default, clap's own English with `--lang en` or
//! `WUDANG_PLAN_LANG=en`; `LANG` does not choose. Exit codes: 0 for help, 2
//! for a parse error, in both languages.

use clap::CommandFactory;
use insta::assert_snapshot;
use wudang_plan::cli::Cli;
use wudang_plan::cli::help::tree;

use crate::common::bin;

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str], env: &[(&str, &str)]) -> Out {
    let mut c = bin();
    c.env("COLUMNS", "80")
        .env_remove("NO_COLOR")
        .env_remove("LANG")
        .env_remove("LC_ALL");
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.args(args).output().unwrap();
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// `--help` of the program and of every subcommand (and `help`), one after
/// the other.
fn every_page(lang: &[&str]) -> String {
    let mut all = String::new();
    for path in tree::paths() {
        let mut args: Vec<&str> = lang.to_vec();
        args.extend(path.split_whitespace());
        if path != "help" {
            args.push("--help");
        }
        let r = run(&args, &[]);
        assert_eq!((r.code, r.stderr.as_str()), (0, ""), "{args:?}");
        for line in r.stdout.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= 80,
                "{args:?}: wider than 80 columns: {line:?}"
            );
        }
        all.push_str(&format!(
            "==== wudang-plan {} ====\n{}\n",
            args.join(" "),
            r.stdout
        ));
    }
    all
}

#[test]
fn help_of_every_command_in_chinese() {
    assert_snapshot!(every_page(&[]));
}

#[test]
fn help_of_every_command_in_english() {
    assert_snapshot!(every_page(&["--lang", "en"]));
}

/// `-h`: the summary, one line an option, wrapped under its help column.
#[test]
fn short_help_in_both_languages() {
    let zh = run(&["tasks", "-h"], &[]);
    let en = run(&["tasks", "-h", "--lang=en"], &[]);
    assert_eq!((zh.code, en.code), (0, 0));
    assert_snapshot!(format!("{}\n====\n{}", zh.stdout, en.stdout));
}

/// The parse errors people meet, each with its exit code.
fn errors(lang: &[&str]) -> String {
    let cases: &[&[&str]] = &[
        &["tasks", "--leadr", "zkc"],
        &["taks"],
        &["tasks", "--format", "xml"],
        &["set", "8.1"],
        &["note", "8", "text", "extra"],
        &["history", "--limit"],
        &["--today", "2025-13-01", "tasks"],
        &["undo", "8.1", "--field", "size"],
        &["tasks", "--stale", "--stale"],
        &["ledger"],
    ];
    let mut all = String::new();
    for case in cases {
        let mut args: Vec<&str> = lang.to_vec();
        args.extend_from_slice(case);
        let r = run(&args, &[]);
        assert_eq!(
            (r.code, r.stdout.as_str()),
            (2, ""),
            "{args:?}: {}",
            r.stderr
        );
        all.push_str(&format!(
            "==== wudang-plan {} (exit 2) ====\n{}\n",
            args.join(" "),
            r.stderr
        ));
    }
    all
}

#[test]
fn parse_errors_in_chinese() {
    assert_snapshot!(errors(&[]));
}

#[test]
fn parse_errors_in_english() {
    assert_snapshot!(errors(&["--lang", "en"]));
}

/// `--lang en` is clap's own English, byte for byte: the help as clap
/// renders the derive at 80 columns, and its errors.
#[test]
fn english_is_clap_own_output() {
    let r = run(&["--lang", "en", "set", "--help"], &[]);
    let mut cmd = Cli::command().term_width(80);
    cmd.build();
    let set = cmd.find_subcommand_mut("set").unwrap();
    assert_eq!(r.stdout, set.render_long_help().to_string());
    for args in [
        &["--lang", "en", "tasks", "--leadr"][..],
        &["--lang", "en", "set", "8.1"],
    ] {
        let r = run(args, &[]);
        let e = Cli::command()
            .term_width(80)
            .try_get_matches_from(std::iter::once("wudang-plan").chain(args.iter().copied()));
        assert_eq!(r.stderr, e.unwrap_err().render().to_string(), "{args:?}");
        assert_eq!(r.code, 2);
    }
}

/// The rule: `--lang` > `WUDANG_PLAN_LANG` > Chinese; `LANG` is not read.
#[test]
fn which_language_the_help_speaks() {
    let zh = |r: &Out| r.stdout.contains("用法：wudang-plan [选项] [命令]");
    let en = |r: &Out| r.stdout.contains("Usage: wudang-plan [OPTIONS] [COMMAND]");
    let r = run(&["--help"], &[]);
    assert!(zh(&r) && r.code == 0, "{}", r.stdout);
    let r = run(
        &["--help"],
        &[("LANG", "en_US.UTF-8"), ("LC_ALL", "en_US.UTF-8")],
    );
    assert!(zh(&r), "LANG chose: {}", r.stdout);
    let r = run(&["--help", "--lang", "en"], &[]);
    assert!(en(&r) && r.code == 0, "{}", r.stdout);
    let r = run(&["--help"], &[("WUDANG_PLAN_LANG", "en")]);
    assert!(en(&r), "{}", r.stdout);
    let r = run(&["--lang=zh", "--help"], &[("WUDANG_PLAN_LANG", "en")]);
    assert!(zh(&r), "{}", r.stdout);
    let r = run(&["help"], &[]);
    assert!(zh(&r), "{}", r.stdout);
}

/// A language that is neither: exit 2, said in Chinese (and English),
/// naming where it came from and what it was.
#[test]
fn a_bad_language_is_reported() {
    let r = run(&["tasks"], &[("WUDANG_PLAN_LANG", "english")]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "错误：WUDANG_PLAN_LANG 的值“english”不是可用的语言；应为 zh（中文）或 en（英文）\n\
         error: WUDANG_PLAN_LANG is `english`; expected zh or en\n"
    );
    let r = run(&["--lang", "fr", "--help"], &[]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with("错误：--lang 的值“fr”"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stdout, "");
}

/// README's example of Chinese help is what the program prints (up to its
/// `…`).
#[test]
fn the_readme_example_is_true() {
    let readme = include_str!("../../README.md");
    let start = readme.find("$ wudang-plan status -h\n").unwrap();
    let block = &readme[start..];
    let shown = &block["$ wudang-plan status -h\n".len()..block.find("…\n").unwrap()];
    let r = run(&["status", "-h"], &[]);
    assert!(
        r.stdout.starts_with(shown),
        "README shows:\n{shown}\nthe program prints:\n{}",
        r.stdout
    );
}
