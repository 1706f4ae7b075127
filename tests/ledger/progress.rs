//! Progress on long work: drawn on stderr when it is a terminal (here a
//! pseudo-terminal, with the one-second delay forced to 0), nothing at all
//! when it is not.

use std::fs;
use std::io::Read;
use std::path::Path;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use crate::common::{run, wp};

/// A ledger of `n` valid rows of the embedded plan's 8.1.
fn big_ledger(path: &Path, n: usize) {
    let mut s = String::from("\u{feff}time,user,id,field,value,old,note,period\r\n");
    let mut old = String::new();
    for i in 0..n {
        let v = (i % 900 + 1).to_string();
        s.push_str(&format!(
            "2025-03-01T10:00:00+08:00,李明,8.1,actual,{v},{old},,2025\r\n"
        ));
        old = v;
    }
    fs::write(path, s).unwrap();
}

const DELAY: &str = "WUDANG_PLAN_PROGRESS_DELAY_MS";

#[test]
fn not_a_terminal_gets_no_progress() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actuals.csv");
    big_ledger(&path, 5000);
    for args in [
        &["ledger", "check"][..],
        &["indicators", "--format", "json"],
        &["history", "8.1", "--limit", "1"],
        &["ledger", "convert"],
    ] {
        let r = run(wp(&path, "李明").env(DELAY, "0").args(args));
        assert_eq!((r.code, r.stderr.as_str()), (0, ""), "{args:?}");
    }
}

/// The binary started in a pseudo-terminal 24 rows by `cols`: the child
/// and the terminal's side.
fn spawn(
    args: &[&str],
    env: &[(&str, &str)],
    cols: u16,
) -> (
    Box<dyn portable_pty::Child + Send + Sync>,
    Box<dyn portable_pty::MasterPty + Send>,
) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_wudang-plan"));
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    cmd.env("TZ", "CST-8");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    (child, pty.master)
}

/// Runs the binary in a pseudo-terminal to the end; everything it wrote.
fn in_a_terminal(args: &[&str], env: &[(&str, &str)], cols: u16) -> (u32, String) {
    let (mut child, master) = spawn(args, env, cols);
    let mut reader = master.try_clone_reader().unwrap();
    let out = std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0u8; 8192];
        // EOF or EIO once the program has exited and its side closed.
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            all.extend_from_slice(&buf[..n]);
        }
        all
    });
    let status = child.wait().unwrap();
    drop(master);
    let bytes = out.join().unwrap();
    (
        status.exit_code(),
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

#[test]
fn a_terminal_sees_progress_of_long_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actuals.csv");
    big_ledger(&path, 5000);
    let data = path.to_str().unwrap();
    let base = ["--data", data, "--today", "2025-06-01", "--lang", "en"];
    let check: Vec<&str> = base.iter().copied().chain(["ledger", "check"]).collect();
    let (code, out) = in_a_terminal(&check, &[(DELAY, "0")], 100);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("reading actuals.csv ["), "{out}");
    assert!(out.contains("checking actuals.csv ["), "{out}");
    assert!(out.contains("ok: "), "{out}");
    // in the command line's language: Chinese with no options
    let zh: Vec<&str> = check
        .iter()
        .copied()
        .filter(|a| *a != "--lang" && *a != "en")
        .collect();
    let (code, out) = in_a_terminal(&zh, &[(DELAY, "0")], 100);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("读取 actuals.csv ["), "{out}");
    assert!(out.contains("检查 actuals.csv ["), "{out}");
    assert!(out.contains("正常："), "{out}");
    // Under the delay (the default second) a short read shows none.
    let (code, out) = in_a_terminal(&check, &[(DELAY, "60000")], 100);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("reading actuals.csv"), "{out}");
}

/// Every line the bar draws, without its escape sequences.
fn bar_lines(out: &str) -> Vec<String> {
    let plain = strip_ansi(out);
    plain
        .split(['\r', '\n'])
        .filter(|l| l.contains('[') && l.contains(']'))
        .map(str::to_string)
        .collect()
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // CSI: ESC [ parameters final-byte.
            if chars.next() == Some('[') {
                for f in chars.by_ref() {
                    if ('@'..='~').contains(&f) {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn the_bar_fits_a_narrow_terminal() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "actuals.csv",
        "乌当区强省会五年行动台账_督查室_2025年第四季度_actuals.csv",
    ] {
        let path = dir.path().join(name);
        big_ledger(&path, 5000);
        let data = path.to_str().unwrap();
        let check = ["--data", data, "ledger", "check"];
        for cols in [40u16, 60, 100] {
            let (code, out) = in_a_terminal(&check, &[(DELAY, "0")], cols);
            assert_eq!(code, 0, "{out}");
            let lines = bar_lines(&out);
            assert!(!lines.is_empty(), "{cols} columns: no bar drawn: {out:?}");
            for l in &lines {
                let w = unicode_width::UnicodeWidthStr::width(l.trim_end());
                assert!(
                    w <= usize::from(cols),
                    "{cols} columns: the bar is {w} wide: {l:?}"
                );
            }
        }
    }
}

/// The full-screen UI loads the ledger on a second thread while the plan
/// loads; the first read of a ledger draws its progress bar from that
/// thread. It deadlocked when the main thread held the stderr lock: the UI
/// never drew and did not read keys.
#[test]
fn the_ui_opens_while_a_progress_bar_is_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actuals.csv");
    big_ledger(&path, 5000);
    let data = path.to_str().unwrap();
    let args = ["--data", data, "--user", "李明", "--today", "2025-06-01"];
    let (mut child, master) = spawn(&args, &[(DELAY, "0")], 80);
    let mut reader = master.try_clone_reader().unwrap();
    let mut writer = master.take_writer().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let n = |v| std::num::NonZeroU16::new(v).unwrap();
    let mut parser = vt100::Parser::new(n(24), n(80), 0);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let drawn = loop {
        if parser.screen().contents().contains("总体目标") {
            break true;
        }
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match rx.recv_timeout(left) {
            Ok(bytes) => parser.process(&bytes),
            Err(_) => break false,
        }
    };
    if !drawn {
        let _ = child.kill();
    }
    assert!(drawn, "no first frame: {}", parser.screen().contents());
    std::io::Write::write_all(&mut writer, b"q").unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.exit_code(), 0);
}
