//! README's walk through the city's view over git ("Step by step: two
//! hosts' districts followed from a third"), run as README shows it, so
//! that README cannot drift from the program.
//!
//! The block is the fenced block right after the line
//! `<!-- walkthrough -->`. Its lines are:
//! - a command: any line not starting with `#` and not blank; it runs in
//!   one bash shell with the others, in order (so `cd`, `export` and
//!   functions carry over), stdout and stderr together;
//! - what the command prints: the lines right under it starting with `#   `
//!   (`#` and three spaces, taken off; a `#` alone among them is an empty
//!   line). `…` alone stands for any lines, a line ending in `…` for any
//!   rest of that line; a last line `(exit N)` is the exit code (else 0).
//!   A command with no such lines must print nothing. Trailing blanks are
//!   not compared, and the temp directory standing for the hosts is
//!   written `$ROOT`;
//! - a comment (`#` and text, not right under a command), or blank: not run.
//!
//! The shell gets `ROOT` (a temp dir), `SRC` (this source tree), `PATH`
//! with the built binary first, `TZ=Asia/Shanghai`, no `WUDANG_PLAN_*`,
//! `LANG` or `LC_ALL` (the default language, Chinese), `HOME` in the temp
//! dir and no git configuration of the user or the system; commit dates
//! and `--today` come from the block itself.

use std::path::Path;
use std::process::Command;

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
const MARKER: &str = "<!-- walkthrough -->";

/// One command of the block and what README shows it printing.
#[derive(Debug)]
struct Step {
    /// README's line number (1-based) of the command.
    line: usize,
    command: String,
    shown: Vec<String>,
    exit: i32,
}

/// The block after [`MARKER`], as steps; a line it cannot read is a
/// failure naming it.
fn steps(readme: &str) -> Vec<Step> {
    let lines: Vec<&str> = readme.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.trim() == MARKER)
        .unwrap_or_else(|| panic!("README has no {MARKER} line"));
    assert_eq!(
        lines.get(at + 1).map(|l| l.trim()),
        Some("```sh"),
        "README line {}: a ```sh block must follow {MARKER}",
        at + 2
    );
    let mut out: Vec<Step> = Vec::new();
    // Whether the line before was a command or its shown output.
    let mut under_command = false;
    for (i, l) in lines.iter().enumerate().skip(at + 2) {
        if l.trim_end() == "```" {
            return out;
        }
        let shown = l
            .strip_prefix("#   ")
            .or((l.trim_end() == "#").then_some(""));
        match shown {
            Some(s) if under_command => {
                let step = out.last_mut().expect("a command above");
                step.shown.push(s.trim_end().to_string());
            }
            Some(s) if !s.is_empty() => {
                panic!("README line {}: output under no command: {l}", i + 1)
            }
            _ if l.trim().is_empty() || l.starts_with('#') => under_command = false,
            _ => {
                out.push(Step {
                    line: i + 1,
                    command: l.to_string(),
                    shown: Vec::new(),
                    exit: 0,
                });
                under_command = true;
                continue;
            }
        }
    }
    panic!("README: the block after {MARKER} is not closed")
}

/// Takes a last `(exit N)` off each step's shown lines into `exit`.
fn exits(steps: &mut [Step]) {
    for s in steps {
        if let Some(code) = s
            .shown
            .last()
            .and_then(|l| l.strip_prefix("(exit "))
            .and_then(|l| l.strip_suffix(')'))
        {
            s.exit = code
                .parse()
                .unwrap_or_else(|_| panic!("README line {}: (exit {code})", s.line));
            s.shown.pop();
        }
    }
}

const BEGIN: &str = "\u{1e}begin";
const END: &str = "\u{1e}end";

/// The bash script running `steps` in one shell, each one's output between
/// markers, its exit code after the end marker.
fn script(steps: &[Step]) -> String {
    let mut s = String::new();
    for step in steps {
        s.push_str(&format!(
            "printf '{BEGIN}\\n'\n{{ {}\n}} 2>&1\nprintf '\\n{END} %d\\n' $?\n",
            step.command
        ));
    }
    s
}

/// What each step printed and its exit code, from the script's output.
fn results(out: &str, n: usize) -> Vec<(Vec<String>, i32)> {
    let mut v = Vec::new();
    for part in out.split(BEGIN).skip(1) {
        let (text, code) = part
            .rsplit_once(END)
            .unwrap_or_else(|| panic!("no end marker in {part}"));
        let code = code.trim().parse().unwrap_or(-1);
        // The text between the begin marker's newline and the end marker's
        // own newline.
        let text = text.strip_prefix('\n').unwrap_or(text);
        let text = text.strip_suffix('\n').unwrap_or(text);
        let lines = text.lines().map(|l| l.trim_end().to_string()).collect();
        v.push((lines, code));
    }
    assert_eq!(v.len(), n, "every command ran:\n{out}");
    v
}

/// Whether `actual` is `shown`, `…` alone standing for any lines and a
/// line ending in `…` for any rest of the line.
fn matches(shown: &[String], actual: &[String]) -> bool {
    match shown.split_first() {
        None => actual.is_empty(),
        Some((s, rest)) if s == "…" => (0..=actual.len()).any(|n| matches(rest, &actual[n..])),
        Some((s, rest)) => {
            let same = match s.strip_suffix('…') {
                Some(prefix) => actual.first().is_some_and(|a| a.starts_with(prefix)),
                None => actual.first() == Some(s),
            };
            same && matches(rest, &actual[1..])
        }
    }
}

/// Runs the block's `script` in `root`, as the module says.
fn run(script: &str, root: &Path) -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_wudang-plan"));
    let dir = bin.parent().expect("the binary's directory");
    let path = format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .arg("-c")
        .arg(script)
        .current_dir(root)
        .env_clear()
        .env("PATH", path)
        .env("ROOT", root)
        .env("SRC", env!("CARGO_MANIFEST_DIR"))
        .env("HOME", root)
        .env("TZ", "Asia/Shanghai")
        .env("COLUMNS", "80")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("bash runs");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// What went wrong with `step`, if anything: README's lines and the
/// program's, in README's form.
fn differs(step: &Step, actual: &[String], code: i32) -> Option<String> {
    if code == step.exit && matches(&step.shown, actual) {
        return None;
    }
    let mut got: Vec<String> = actual
        .iter()
        .map(|l| {
            if l.is_empty() {
                "#".into()
            } else {
                format!("#   {l}")
            }
        })
        .collect();
    if code != 0 {
        got.push(format!("#   (exit {code})"));
    }
    Some(format!(
        "README line {}: {}\nREADME shows (exit {}):\n{}\nthe program printed:\n{}\n",
        step.line,
        step.command,
        step.exit,
        step.shown.join("\n"),
        got.join("\n"),
    ))
}

#[test]
fn readme_walkthrough_runs_as_shown() {
    let readme = std::fs::read_to_string(README).unwrap();
    let mut steps = steps(&readme);
    exits(&mut steps);
    assert!(steps.len() > 20, "the walk has its commands: {steps:?}");
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let out = run(&script(&steps), &root);
    let out = out.replace(root.to_str().unwrap(), "$ROOT");
    let wrong: Vec<String> = steps
        .iter()
        .zip(results(&out, steps.len()))
        .filter_map(|(s, (actual, code))| differs(s, &actual, code))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The block's reading: output under its command, `#` alone an empty
/// line, comments and `(exit N)`; a shown line under no command refused.
#[test]
fn the_walkthrough_block_is_read_as_documented() {
    let text = "x\n<!-- walkthrough -->\n```sh\n# comment\ncd a\necho hi\n#   hi\n#\n#   …\n\
                # said\nfalse\n#   (exit 1)\n```\n";
    let mut s = steps(text);
    exits(&mut s);
    let got: Vec<(&str, Vec<&str>, i32)> = s
        .iter()
        .map(|s| {
            let shown = s.shown.iter().map(String::as_str).collect();
            (s.command.as_str(), shown, s.exit)
        })
        .collect();
    assert_eq!(
        got,
        [
            ("cd a", vec![], 0),
            ("echo hi", vec!["hi", "", "…"], 0),
            ("false", vec![], 1),
        ]
    );
    assert_eq!(s[1].line, 6);
    let bad = "<!-- walkthrough -->\n```sh\n# comment\n#   out\n```\n";
    assert!(std::panic::catch_unwind(|| steps(bad)).is_err());
    let lines = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert!(matches(&lines(&["a…", "…"]), &lines(&["abc", "d", "e"])));
    assert!(!matches(&lines(&["a…"]), &lines(&["abc", "d"])));
    assert!(!matches(&lines(&["ab"]), &lines(&["abc"])));
    assert!(matches(&lines(&[]), &lines(&[])));
    assert!(!matches(&lines(&[]), &lines(&["x"])));
}
