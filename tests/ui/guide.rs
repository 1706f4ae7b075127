//! The user guide's captures (docs/用户手册.md): every screen and every
//! command output it shows is made here from the real program — screens by
//! the library's own `draw` on a TestBackend at 80×24 (the keys typed
//! through the keymap, the ledger's answers carried out by the run loop's
//! own `perform` on a real ledger in a temp dir), command output by the
//! real binary. The test fails when the committed guide differs from what
//! this writes between its `<!-- capture:NAME -->` … `<!-- /capture -->`
//! markers. Regenerate with `cargo run --example captures` (or
//! `UPDATE_DOCS=1 cargo test --test ui guide`).
//!
//! Fixed: today 2025-08-15, users 张三 (the reader of the guide) and 李四 (a
//! colleague), TZ Asia/Shanghai for the commands, the temp dir shown as
//! [`SHOWN_DIR`].

use std::path::{Path, PathBuf};

use jiff::civil::{Date, date};
use wudang_plan::ledger::{Ledger, Stamp};
use wudang_plan::ui::app::{Session, perform};
use wudang_plan::ui::{Action, AppState, Config, Lang, Progress, Theme, update};

use crate::common::{keys, plan, render};

/// The day every capture is taken on.
const TODAY: Date = date(2025, 8, 15);
/// Where the guide says the ledger is (the temp dir's path is replaced by it).
const SHOWN_DIR: &str = "/srv/wudang-plan";
const GUIDE: &str = "docs/用户手册.md";

/// The ledger the guide starts from: what colleagues recorded before.
/// (id, period, value, user).
const BEFORE: &[(&str, &str, &str, &str)] = &[
    ("8.1", "2020", "300", "李四"),
    ("8.1", "2023", "410", "李四"),
    ("8.1", "2024", "450", "李四"),
    ("8.2", "2024", "300", "李四"),
    ("8.3", "2024", "172", "李四"),
    ("8.5", "2024", "28", "李四"),
    ("0.6", "2024", "1.2", "李四"),
];

/// Runs the real binary in `dir` as `user` on `dir`'s ledger, today
/// [`TODAY`], in a fixed time zone.
fn run(dir: &Path, user: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_wudang-plan"))
        .args(args)
        .arg("--today")
        .arg(TODAY.to_string())
        .env("WUDANG_PLAN_DATA", dir.join("actuals.csv"))
        .env("WUDANG_PLAN_USER", user)
        .env("TZ", "Asia/Shanghai")
        .env_remove("WUDANG_PLAN_LANG")
        .env_remove("WUDANG_PLAN_PLAN")
        .current_dir(dir)
        .output()
        .unwrap()
}

/// `user` records `value` for `id`'s `period` (another session).
fn put(dir: &Path, id: &str, period: &str, value: &str, user: &str) {
    let out = run(dir, user, &["set", id, value, "--period", period]);
    assert!(out.status.success(), "{out:?}");
}

/// A ledger in `dir` with [`BEFORE`] recorded.
fn ledger_in(dir: &Path) -> PathBuf {
    for (id, period, value, user) in BEFORE {
        put(dir, id, period, value, user);
    }
    dir.join("actuals.csv")
}

/// 张三's session on that ledger at 80×24, as the run loop starts it.
fn session(path: &Path) -> (AppState, Session) {
    let ledger = Ledger::open(path).unwrap();
    let theme = Theme {
        color: true,
        ascii: false,
    };
    let mut config = Config::new(Lang::Zh, theme);
    config.ledger = Some(format!("{SHOWN_DIR}/actuals.csv"));
    config.writable = true;
    config.user = Some("张三".into());
    let progress = Progress::from_ledger(&ledger, TODAY);
    let mut s = AppState::new(plan(), progress, config);
    update(&mut s, Action::Resize(80, 24));
    let sess = Session {
        city: Vec::new(),
        ledger,
        user: Some("张三".into()),
        at: Some(Stamp::start_of(TODAY)),
    };
    (s, sess)
}

/// The screen as a terminal shows it, trailing blanks cut.
fn shot(s: &AppState) -> String {
    render(s)
        .lines()
        .map(|l| l.trim_matches('"').trim_end().to_string() + "\n")
        .collect()
}

/// The screens the guide walks through, in its order.
fn screens(dir: &Path) -> Vec<(&'static str, String)> {
    let path = ledger_in(dir);
    let (mut s, mut sess) = session(&path);
    let mut out = Vec::new();
    let mut take = |name, s: &AppState| out.push((name, shot(s)));
    take("ui-start", &s);
    keys(&mut s, "Lzkc");
    take("ui-leader-picker", &s);
    keys(&mut s, "\n");
    take("ui-leader", &s);
    keys(&mut s, ":8\n");
    take("ui-task", &s);
    keys(&mut s, ":8.1\n");
    take("ui-indicator", &s);
    // e, the period 2025年二季度, the value in full-width digits
    keys(&mut s, "e\t2025年二季度\t４７５");
    take("ui-edit", &s);
    keys(&mut s, "\n");
    perform(&mut s, &mut sess);
    take("ui-recorded", &s);
    keys(&mut s, "c");
    take("ui-chart", &s);
    keys(&mut s, "c");
    keys(&mut s, "H");
    perform(&mut s, &mut sess);
    take("ui-history", &s);
    keys(&mut s, "H");
    keys(&mut s, "u");
    perform(&mut s, &mut sess);
    take("ui-undo", &s);
    // 李四 records 8.3 while 张三 types over the value he saw
    keys(&mut s, ":8.3\ne176");
    put(dir, "8.3", "2025", "175", "李四");
    keys(&mut s, "\n");
    perform(&mut s, &mut sess);
    take("ui-conflict", &s);
    out
}

/// The commands the guide shows, each run by the real binary as 张三 on
/// a ledger of its own (the same [`BEFORE`]).
const COMMANDS: &[(&str, &[&str])] = &[
    ("cli-tasks", &["tasks", "--leader", "zkc"]),
    ("cli-indicators", &["indicators", "--task", "8"]),
    (
        "cli-set",
        &["set", "8.1", "４７５", "--period", "2025年二季度"],
    ),
    (
        "cli-set-year",
        &["set", "8.2", "360", "--note", "区统计局 7 月快报"],
    ),
    ("cli-status", &["status", "8", "推进中"]),
    ("cli-note", &["note", "8.3", "规上企业名单待统计局确认"]),
    ("cli-history", &["history", "8.1"]),
    ("cli-series", &["series", "8.1"]),
    ("cli-undo", &["undo", "8.1"]),
    ("cli-conflict", &["set", "8.2", "365", "--expect", "360"]),
];

/// `$ wudang-plan ARGS` and what it printed (stdout, then stderr), the exit
/// code when not 0, the temp dir as [`SHOWN_DIR`].
fn command(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, "张三", args);
    let shown =
        |b: &[u8]| String::from_utf8_lossy(b).replace(&dir.display().to_string(), SHOWN_DIR);
    let mut text = format!("$ wudang-plan {}\n", quoted(args));
    text.push_str(&shown(&out.stdout));
    text.push_str(&shown(&out.stderr));
    if !text.ends_with('\n') {
        text.push('\n');
    }
    match out.status.code() {
        Some(0) => {}
        Some(code) => text.push_str(&format!("$ echo $?\n{code}\n")),
        None => panic!("wudang-plan {args:?} was killed"),
    }
    text
}

/// Arguments as a shell line: one with a space quoted.
fn quoted(args: &[&str]) -> String {
    args.iter()
        .map(|a| {
            if a.contains(' ') {
                format!("\"{a}\"")
            } else {
                (*a).to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every capture, by name.
pub fn captures() -> Vec<(&'static str, String)> {
    let ui = tempfile::tempdir().unwrap();
    let mut all = screens(ui.path());
    let cli = tempfile::tempdir().unwrap();
    ledger_in(cli.path());
    // 李四's 8.2 after 张三 saw 300: the conflict's other side
    let conflict_at = COMMANDS.len() - 1;
    for (k, (name, args)) in COMMANDS.iter().enumerate() {
        if k == conflict_at {
            put(cli.path(), "8.2", "2025", "362", "李四");
        }
        all.push((name, command(cli.path(), args)));
    }
    all
}

/// `doc` with each marked block replaced by its capture, in a `text` fence.
/// Every marker must name a capture, and every capture be used.
pub fn rewrite(doc: &str, captures: &[(&str, String)]) -> Result<String, String> {
    const END: &str = "<!-- /capture -->";
    let mut out = String::new();
    let mut rest = doc;
    let mut used = Vec::new();
    while let Some(at) = rest.find("<!-- capture:") {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let close = from.find("-->").ok_or("a capture marker is not closed")?;
        let name = from["<!-- capture:".len()..close].trim();
        let text = captures
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t)
            .ok_or_else(|| format!("no capture named {name:?}"))?;
        let end = from
            .find(END)
            .ok_or_else(|| format!("capture {name:?} has no {END}"))?;
        out.push_str(&format!(
            "<!-- capture:{name} -->\n```text\n{text}```\n{END}"
        ));
        used.push(name.to_string());
        rest = &from[end + END.len()..];
    }
    out.push_str(rest);
    for (name, _) in captures {
        if !used.iter().any(|u| u == name) {
            return Err(format!("capture {name:?} is not in the guide"));
        }
    }
    Ok(out)
}

#[test]
fn the_guides_captures_are_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(GUIDE);
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    let want = rewrite(&have, &captures()).unwrap_or_else(|e| panic!("{GUIDE}: {e}"));
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    if have != want {
        let first = have
            .lines()
            .zip(want.lines())
            .position(|(h, w)| h != w)
            .unwrap_or(have.lines().count().min(want.lines().count()));
        let line = |t: &str| t.lines().nth(first).unwrap_or("(end)").to_string();
        panic!(
            "{GUIDE} does not show what the program does now (a screen or an output changed); \
             regenerate its captures with `cargo run --example captures` (or `UPDATE_DOCS=1 \
             cargo test --test ui guide`) and read the diff.\nline {}:\n  guide:   {}\n  program: {}",
            first + 1,
            line(&have),
            line(&want)
        );
    }
}

/// The rewrite replaces what is between the markers and nothing else, and
/// refuses a marker without a capture or a capture left out.
#[test]
fn the_rewrite_replaces_only_marked_blocks() {
    let caps = [("a", "new\n".to_string())];
    let doc = "x\n<!-- capture:a -->\n```text\nold\n```\n<!-- /capture -->\ny\n";
    assert_eq!(
        rewrite(doc, &caps).unwrap(),
        "x\n<!-- capture:a -->\n```text\nnew\n```\n<!-- /capture -->\ny\n"
    );
    assert!(rewrite("<!-- capture:b -->\n<!-- /capture -->", &caps).is_err());
    assert!(rewrite("no markers", &caps).is_err());
}
