//! End to end: the real binary in a pseudo-terminal at 100×30, its screen
//! read back with the vt100 crate. Every wait polls the screen until the
//! expected text appears (or a timeout fails the test); no fixed sleeps.

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 100;
const TIMEOUT: Duration = Duration::from_secs(20);

struct Tui {
    parser: vt100::Parser,
    rx: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
}

impl Tui {
    fn start(args: &[&str], env: &[(&str, &str)]) -> Tui {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_wudang-plan"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("WUDANG_PLAN_LANG");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if tx.send(buf[..n].to_vec()).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Tui {
            parser: vt100::Parser::new(
                std::num::NonZeroU16::new(ROWS).unwrap(),
                std::num::NonZeroU16::new(COLS).unwrap(),
                0,
            ),
            rx,
            writer,
            child,
            master: pty.master,
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Feeds output to the parser until `ok(screen)` holds.
    fn wait_for(&mut self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            // take in everything already written before looking
            while let Ok(bytes) = self.rx.try_recv() {
                self.parser.process(&bytes);
            }
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            if let Ok(bytes) = self.rx.recv_timeout(left.min(Duration::from_millis(200))) {
                self.parser.process(&bytes);
            }
        }
    }

    fn wait_text(&mut self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    /// Waits until every one of `texts` is on the screen (a frame can be
    /// read half-written: wait for all of what it must show).
    fn wait_all(&mut self, texts: &[&str]) -> String {
        self.wait_for(&texts.join(" + "), |s| texts.iter().all(|t| s.contains(t)))
    }

    /// Resizes the terminal (the program gets SIGWINCH).
    fn resize(&mut self, rows: u16, cols: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let nz = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        self.parser.screen_mut().set_size(nz(rows), nz(cols));
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }
}

/// The task numbers shown in the tree (the left pane).
fn tree_ids(screen: &str) -> Vec<String> {
    screen
        .lines()
        .filter_map(|l| {
            let left: String = l.chars().take(30).collect();
            let mut words = left
                .trim_start_matches(|c| "│|>* ".contains(c))
                .split_whitespace();
            let mark = words.next()?;
            if !["✔", "►", "✖", "?"].contains(&mark) {
                return None;
            }
            let id = words.next()?;
            id.chars()
                .all(|c| c.is_ascii_digit())
                .then(|| id.to_string())
        })
        .collect()
}

#[test]
fn leader_filter_jump_and_quit() {
    let mut t = Tui::start(&["--today", "2026-01-10"], &[]);
    t.wait_all(&["全部（28 项任务）", "加快新型工业化", "台账"]);

    // L zkc Enter: only 朱快春's 13 tasks (and 总体目标, where he owns
    // three headline targets)
    t.send("L");
    t.wait_text("选择责任领导");
    t.send("zkc");
    t.wait_text("13 项任务 + 3 项总体目标");
    t.send("\r");
    let zhu = [
        "0", "1", "2", "3", "4", "5", "6", "8", "15", "16", "17", "19", "21", "23",
    ];
    // the footer is drawn last: wait for it, then for the whole tree
    t.wait_text("筛选：领导 朱快春");
    let s = t.wait_for("朱快春's tasks only", |s| tree_ids(s) == zhu);
    assert!(s.contains("全部（13 项任务）"), "{s}");

    // :8 Enter shows 8.1 工业总产值 in the indicator pane
    t.send(":8\r");
    t.wait_all(&["8 加快新型工业化", "8.1   工业总产值", "8.5"]);

    // S Enter: status filter; nothing is recorded yet, so nothing is missed
    t.send("S\r");
    t.wait_text("状态 未达");
    t.send("x");
    t.wait_text("已清除全部筛选");

    t.send("q");
    let status = t.child.wait().unwrap();
    assert!(status.success(), "exit status {status:?}");
}

#[test]
fn english_ime_aliases_resize_and_ctrl_c() {
    let mut t = Tui::start(
        &["--lang", "en", "--today", "2025-06-30"],
        &[("NO_COLOR", "1")],
    );
    t.wait_all(&["All (28 tasks)", "Ledger"]);
    // `：` is what a Chinese IME sends for `:`
    t.send("：0.3\r");
    t.wait_all(&["0.3 城区常住人口", "Source"]);
    // `?` opens help generated from the keymap
    t.send("?");
    t.wait_text("Help (? or Esc closes)");
    t.send("\x1b");
    t.wait_for("help closed", |s| !s.contains("Help (? or Esc closes)"));
    // at 80×24 the right side shows one pane with a Tab hint
    t.resize(24, 80);
    t.wait_text("[Tab: Detail]");
    t.resize(8, 30);
    t.wait_text("Window too small");
    t.resize(30, 100);
    t.wait_for("the wide layout again", |s| {
        s.contains("Detail") && s.contains("Indicators") && !s.contains("[Tab:")
    });
    t.send("\x03");
    let status = t.child.wait().unwrap();
    assert!(status.success(), "exit status {status:?}");
}

#[test]
fn piped_output_prints_the_tree() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wudang-plan"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(" 8. 加快新型工业化"), "{text}");
}
