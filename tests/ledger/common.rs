//! Helpers shared by the ledger tests.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The real binary, with a fixed time zone and none of the user's
/// wudang-plan variables.
pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_wudang-plan"));
    c.env("TZ", "CST-8")
        .env_remove("WUDANG_PLAN_DATA")
        .env_remove("WUDANG_PLAN_USER")
        .env_remove("WUDANG_PLAN_PLAN")
        .env_remove("WUDANG_PLAN_LANG");
    c
}

/// `bin()` on the ledger `data`, as `user`, on 2025-06-01.
pub fn wp(data: &Path, user: &str) -> Command {
    wp_on(data, user, "2025-06-01")
}

/// `bin()` on the ledger `data`, as `user`, on `today`.
/// The command line's English (`WUDANG_PLAN_LANG=en`, so that a test's
/// own `--lang` still wins), what most tests assert; [`wp_zh`] runs it in
/// its default language, Chinese.
pub fn wp_on(data: &Path, user: &str, today: &str) -> Command {
    let mut c = wp_zh(data, user, today);
    c.env("WUDANG_PLAN_LANG", "en");
    c
}

/// `bin()` on the ledger `data`, as `user`, on `today`, with no `--lang`:
/// the command line's default language, Chinese.
pub fn wp_zh(data: &Path, user: &str, today: &str) -> Command {
    let mut c = bin();
    c.arg("--data")
        .arg(data)
        .args(["--user", user, "--today", today]);
    c
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(c: &mut Command) -> Run {
    let o = c.output().expect("run wudang-plan");
    Run {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// A ledger path in a fresh temporary directory.
pub fn ledger_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("actuals.csv")
}

pub const HEADER: &str = "time,user,id,field,value,old,note";

/// Ledger text from rows (without header), joined by `eol`.
pub fn ledger_text(rows: &[&str], eol: &str) -> String {
    let mut s = String::from(HEADER);
    s.push_str(eol);
    for r in rows {
        s.push_str(r);
        s.push_str(eol);
    }
    s
}

/// The names of the files in `dir`, sorted.
pub fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}
