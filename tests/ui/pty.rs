//! End to end: the real binary in a pseudo-terminal at 100×30, its screen
//! read back with the vt100 crate. Every wait polls the screen until the
//! expected text appears (or a timeout fails the test); no fixed sleeps.

use std::io::{Read, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 100;
const TIMEOUT: Duration = Duration::from_secs(20);

pub(super) struct Tui {
    parser: vt100::Parser,
    rx: Receiver<Vec<u8>>,
    /// `None` once the test hung up the terminal.
    writer: Option<Box<dyn Write + Send>>,
    pub(super) child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    stop: Arc<AtomicBool>,
    reader_thread: Option<std::thread::JoinHandle<()>>,
}

/// A test that fails (or finishes) never leaves a UI process behind.
impl Drop for Tui {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

impl Tui {
    pub(super) fn start(args: &[&str], env: &[(&str, &str)]) -> Tui {
        Tui::start_program(env!("CARGO_BIN_EXE_wudang-plan"), args, env)
    }

    fn start_program(program: &str, args: &[&str], env: &[(&str, &str)]) -> Tui {
        Tui::start_with(program, args, env, &[])
    }

    /// Starts `program` with `env` set and the variables `remove` unset.
    fn start_with(program: &str, args: &[&str], env: &[(&str, &str)], remove: &[&str]) -> Tui {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("WUDANG_PLAN_LANG");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        for k in remove {
            cmd.env_remove(k);
        }
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        // The reader owns a copy of the master's descriptor and polls with
        // a timeout, so `hang_up` can make it let go: the terminal closes
        // for real only when every copy of the master is closed.
        let fd = {
            use std::os::fd::BorrowedFd;
            let raw = pty.master.as_raw_fd().unwrap();
            let borrowed = unsafe { BorrowedFd::borrow_raw(raw) };
            rustix::io::dup(borrowed).unwrap()
        };
        let writer = pty.master.take_writer().unwrap();
        let (tx, rx) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stop2 = Arc::clone(&stop);
        let reader_thread = std::thread::spawn(move || {
            use rustix::event::{PollFd, PollFlags, Timespec, poll};
            let mut file = std::fs::File::from(fd);
            let mut buf = [0u8; 8192];
            let tick = Timespec {
                tv_sec: 0,
                tv_nsec: 50_000_000,
            };
            while !stop2.load(Ordering::Relaxed) {
                let mut fds = [PollFd::new(&file, PollFlags::IN)];
                match poll(&mut fds, Some(&tick)) {
                    Ok(0) => continue,
                    Ok(_) => {}
                    Err(_) => break,
                }
                match file.read(&mut buf) {
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
            writer: Some(writer),
            child,
            master: Some(pty.master),
            stop,
            reader_thread: Some(reader_thread),
        }
    }

    pub(super) fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Feeds output to the parser until `ok(screen)` holds.
    pub(super) fn wait_for(&mut self, what: &str, ok: impl Fn(&str) -> bool) -> String {
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

    /// Like [`Tui::wait_for`], but fails after `limit`.
    fn wait_within(&mut self, limit: Duration, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + limit;
        loop {
            while let Ok(bytes) = self.rx.try_recv() {
                self.parser.process(&bytes);
            }
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                panic!("no {what} within {limit:?}; screen:\n{s}");
            }
            if let Ok(bytes) = self.rx.recv_timeout(left.min(Duration::from_millis(50))) {
                self.parser.process(&bytes);
            }
        }
    }

    /// Sends `sig` to the UI process.
    fn signal(&mut self, sig: rustix::process::Signal) {
        let pid = self.child.process_id().unwrap();
        let pid = rustix::process::Pid::from_raw(pid as i32).unwrap();
        rustix::process::kill_process(pid, sig).unwrap();
    }

    pub(super) fn wait_text(&mut self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    /// Waits until every one of `texts` is on the screen (a frame can be
    /// read half-written: wait for all of what it must show).
    pub(super) fn wait_all(&mut self, texts: &[&str]) -> String {
        self.wait_for(&texts.join(" + "), |s| texts.iter().all(|t| s.contains(t)))
    }

    /// Resizes the terminal (the program gets SIGWINCH).
    fn resize(&mut self, rows: u16, cols: u16) {
        self.master
            .as_ref()
            .unwrap()
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

    pub(super) fn send(&mut self, keys: &str) {
        let w = self.writer.as_mut().unwrap();
        w.write_all(keys.as_bytes()).unwrap();
        w.flush().unwrap();
    }

    /// Closes the terminal's master side, like a dropped SSH connection.
    fn hang_up(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(h) = self.reader_thread.take() {
            h.join().unwrap();
        }
        self.writer = None;
        self.master = None;
    }

    /// Waits for the process to end; `None` if it is still running after
    /// `limit`.
    pub(super) fn exited_within(&mut self, limit: Duration) -> Option<portable_pty::ExitStatus> {
        let deadline = Instant::now() + limit;
        loop {
            if let Ok(Some(st)) = self.child.try_wait() {
                return Some(st);
            }
            if Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
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
            // then the light (红, `R!`…), then the id
            let _light = words.next()?;
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
    // the footer is drawn last (no --user: its second line says read-only)
    t.wait_all(&["全部（28 项任务）", "加快新型工业化", "q 退出"]);

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
    t.wait_all(&["All (28 tasks)", "q quit"]);
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

/// A temp dir with a ledger path; every test passes --data, --user and
/// --today.
pub(super) fn ledger_dir() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actuals.csv").display().to_string();
    (dir, path)
}

fn ui_args<'a>(data: &'a str, user: &'a str) -> Vec<&'a str> {
    vec!["--data", data, "--user", user, "--today", "2026-01-10"]
}

pub(super) fn cli(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_wudang-plan"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn edit_an_actual_records_it_in_the_ledger() {
    let (_dir, data) = ledger_dir();
    let mut t = Tui::start(&ui_args(&data, "alice"), &[]);
    t.wait_all(&["全部（28 项任务）", "台账"]);
    t.send(":8.1\r");
    t.wait_text("8.1   工业总产值");
    t.send("e");
    t.wait_text("实际值");
    t.send("512\r");
    t.wait_text("已记录 8.1");
    t.send("q");
    assert!(t.child.wait().unwrap().success());

    let csv = std::fs::read_to_string(&data).unwrap();
    assert!(csv.contains("alice") && csv.contains(",8.1,"), "{csv}");
    let out = cli(&[
        "--data",
        &data,
        "--today",
        "2026-01-10",
        "indicators",
        "--task",
        "8",
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = json.to_string();
    let i81 = json
        .as_array()
        .and_then(|a| a.iter().find(|i| i["id"] == "8.1"))
        .unwrap_or_else(|| panic!("no 8.1 in {text}"));
    assert!(i81.to_string().contains("512"), "{i81}");
}

#[test]
fn an_invalid_value_shows_the_reason_and_records_nothing() {
    let (_dir, data) = ledger_dir();
    let mut t = Tui::start(&ui_args(&data, "alice"), &[]);
    t.wait_text("全部（28 项任务）");
    t.send(":8.1\r");
    t.wait_text("8.1   工业总产值");
    t.send("eabc\r");
    t.wait_all(&["无效", "abc"]);
    // still editing: Esc cancels, q quits
    t.send("\x1b");
    t.wait_for("the editor closed", |s| !s.contains("无效"));
    t.send("q");
    assert!(t.child.wait().unwrap().success());
    let rows = std::fs::read_to_string(&data).unwrap_or_default();
    assert!(!rows.contains("8.1"), "{rows}");
}

#[test]
fn an_edit_in_one_session_appears_in_another() {
    let (_dir, data) = ledger_dir();
    let mut a = Tui::start(&ui_args(&data, "alice"), &[]);
    let mut b = Tui::start(&ui_args(&data, "bob"), &[]);
    a.wait_text("全部（28 项任务）");
    b.wait_text("全部（28 项任务）");
    a.send(":8.1\r");
    a.wait_text("8.1   工业总产值");
    a.send("e600\r");
    a.wait_text("已记录 8.1");
    let recorded = Instant::now();
    // no key pressed in b: the poll timeout picks the row up
    b.wait_text("alice 更新了 8.1");
    assert!(
        recorded.elapsed() < Duration::from_secs(2),
        "took {:?}",
        recorded.elapsed()
    );
    a.send("q");
    b.send("q");
    assert!(a.child.wait().unwrap().success());
    assert!(b.child.wait().unwrap().success());
}

#[test]
fn hang_up_while_typing_keeps_a_draft_and_exits() {
    let (dir, data) = ledger_dir();
    let mut t = Tui::start(&ui_args(&data, "alice"), &[]);
    t.wait_text("全部（28 项任务）");
    t.send(":8.1\r");
    t.wait_text("8.1   工业总产值");
    t.send("e51");
    t.wait_for("the typed value", |s| {
        s.contains("实际值") && s.contains(": 51")
    });
    t.hang_up();
    assert!(
        t.exited_within(Duration::from_secs(2)).is_some(),
        "still running 2 s after the terminal closed"
    );
    let draft = dir.path().join(".actuals.csv.draft-alice.csv");
    let text = std::fs::read_to_string(&draft)
        .unwrap_or_else(|e| panic!("no draft at {}: {e}", draft.display()));
    assert!(text.contains("8.1") && text.contains("51"), "{text}");
    // the ledger still loads (nothing was recorded)
    let out = cli(&["--data", &data, "ledger", "check"]);
    assert!(out.status.success(), "{out:?}");

    // the next start offers the draft back in the editor
    let mut t = Tui::start(&ui_args(&data, "alice"), &[]);
    t.wait_all(&["恢复了 8.1 上次未提交的输入", ": 51"]);
    t.send("\r");
    t.wait_text("已记录 8.1");
    t.send("q");
    assert!(t.child.wait().unwrap().success());
    assert!(!draft.exists());
}

#[test]
fn sigterm_while_typing_keeps_a_draft_and_exits() {
    let (dir, data) = ledger_dir();
    let mut t = Tui::start(&ui_args(&data, "bob"), &[]);
    t.wait_text("全部（28 项任务）");
    t.send(":8.2\r");
    t.wait_text("8.2   工业投资");
    t.send("e77");
    t.wait_for("the typed value", |s| s.contains(": 77"));
    let pid = t.child.process_id().unwrap();
    let pid = rustix::process::Pid::from_raw(pid as i32).unwrap();
    rustix::process::kill_process(pid, rustix::process::Signal::TERM).unwrap();
    assert!(
        t.exited_within(Duration::from_secs(2)).is_some(),
        "still running 2 s after SIGTERM"
    );
    let draft = dir.path().join(".actuals.csv.draft-bob.csv");
    let text = std::fs::read_to_string(&draft).unwrap();
    assert!(text.contains("8.2") && text.contains("77"), "{text}");
}

/// Issue 10: the editor records for a period typed with a Chinese IME
/// (`２０２３年`), in the real binary; the ledger row has that period and
/// this year's value is left alone.
#[test]
fn a_value_for_an_earlier_year_is_recorded_with_its_period() {
    let (_dir, data) = ledger_dir();
    let mut t = Tui::start(&ui_args(&data, "alice"), &[]);
    t.wait_text("全部（28 项任务）");
    t.send(":8.1\r");
    t.wait_text("8.1   工业总产值");
    t.send("e");
    t.wait_all(&["期间 [2026] 实际值", "2026 尚未填报"]);
    t.send("\t２０２３年");
    t.wait_text("期间 [２０２３年] 实际值");
    t.send("\t430\r");
    t.wait_text("已记录 8.1（2023）：（无） -> 430 亿元");
    // `[` steps back a year from this one
    t.send("e[");
    t.wait_all(&["期间 [2025] 实际值", "2025 尚未填报"]);
    t.send("440\r");
    t.wait_text("已记录 8.1（2025）");
    t.send("q");
    assert!(t.child.wait().unwrap().success());
    let out = cli(&["--data", &data, "history", "8.1", "--format", "csv"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(
        rows[0].contains(",alice,8.1,actual,440,") && rows[0].ends_with(",2025"),
        "{text}"
    );
    assert!(
        rows[1].contains(",alice,8.1,actual,430,") && rows[1].ends_with(",2023"),
        "{text}"
    );
}

#[test]
fn undo_and_history_from_the_keyboard() {
    let (_dir, data) = ledger_dir();
    let mut t = Tui::start(&ui_args(&data, "alice"), &[]);
    t.wait_text("全部（28 项任务）");
    t.send(":8.1\r");
    t.wait_text("8.1   工业总产值");
    t.send("e480\r");
    t.wait_text("已记录 8.1：（无） -> 480 亿元");
    t.send("e\x15512\r");
    t.wait_text("已记录 8.1：480 亿元 -> 512 亿元");
    t.send("H");
    t.wait_all(&["8.1 修改记录（2 条）", "2026  480 亿元 -> 512 亿元"]);
    // Esc and u sent together read as Alt-u: wait for the popup to close
    t.send("\x1b");
    t.wait_for("the history closed", |s| !s.contains("修改记录"));
    t.send("u");
    t.wait_text("已记录 8.1：512 亿元 -> 480 亿元");
    t.send("q");
    assert!(t.child.wait().unwrap().success());
    let out = cli(&["--lang", "en", "--data", &data, "history", "8.1"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(text.contains("undo of the change"), "{text}");
}

#[test]
fn a_malformed_ledger_stops_before_the_screen_with_file_and_line() {
    let (_dir, data) = ledger_dir();
    std::fs::write(&data, "time,user,id,field,value\nbad,row\n").unwrap();
    let mut t = Tui::start(&ui_args(&data, "alice"), &[]);
    let s = t.wait_text("actuals.csv:2");
    assert!(s.contains("应至少 5 个"), "{s}");
    let status = t.child.wait().unwrap();
    // the same exit code as `wudang-plan tasks` on this ledger
    let tasks = cli(&["--data", &data, "tasks"]);
    assert_eq!(status.exit_code() as i32, tasks.status.code().unwrap());
    assert!(!status.success());
}

/// Ctrl-Z in a shell with job control stops the UI and gives the shell
/// back; `fg` brings the UI back, redrawn, and it still quits cleanly.
#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_restores() {
    let (dir, data) = ledger_dir();
    let bash = "/bin/bash";
    if !std::path::Path::new(bash).exists() {
        eprintln!("no {bash}: skipped");
        return;
    }
    let mut t = Tui::start_program(
        bash,
        &["--norc", "--noprofile", "-i"],
        &[("PS1", "sh$ "), ("HISTFILE", "/dev/null")],
    );
    t.wait_text("sh$");
    let line = format!(
        "{} --data {data} --user u --today 2026-01-10\r",
        env!("CARGO_BIN_EXE_wudang-plan")
    );
    t.send(&line);
    t.wait_text("全部（28 项任务）");
    t.send("\x1a");
    t.wait_for("the shell after Ctrl-Z", |s| {
        s.contains("Stopped") && !s.contains("全部（28 项任务）")
    });
    // The shell gets its cursor back (the UI had hidden it).
    assert!(
        !t.parser.screen().hide_cursor(),
        "the cursor is still hidden at the shell's prompt"
    );
    t.send("fg\r");
    t.wait_for("the UI after fg", |s| {
        s.contains("全部（28 项任务）") && !s.contains("Stopped")
    });
    t.send(":8\r");
    t.wait_text("工业总产值");
    assert!(
        t.parser.screen().hide_cursor(),
        "the UI hides the cursor again"
    );
    t.send("q");
    t.wait_text("sh$");
    t.send("echo rc=$?\r");
    t.wait_text("rc=0");
    t.send("exit\r");
    assert!(
        t.exited_within(Duration::from_secs(5)).is_some(),
        "the shell exits"
    );
    drop(dir);
}

/// Issue 8, the exact steps: alice records 100; the UI (as tester) opens
/// the editor on 8.3, 177 is typed, SIGHUP; bob records 120; the next
/// start offers the draft, and Enter must ask y/n naming bob and his value
/// — not append `tester,8.3,actual,177,120`.
#[test]
fn a_restored_draft_asks_before_overwriting_a_newer_value() {
    let (dir, data) = ledger_dir();
    let set = |user: &str, v: &str| {
        let out = cli(&[
            "--data",
            &data,
            "--user",
            user,
            "--today",
            "2026-01-10",
            "set",
            "8.3",
            v,
        ]);
        assert!(out.status.success(), "{out:?}");
    };
    set("alice", "100");
    let mut t = Tui::start(&ui_args(&data, "tester"), &[]);
    t.wait_text("全部（28 项任务）");
    t.send(":8.3\r");
    t.wait_text("8.3 规模以上工业企业");
    t.send("e");
    t.wait_all(&["实际值", ": 100"]);
    t.send("\x15177");
    t.wait_text(": 177");
    t.signal(rustix::process::Signal::HUP);
    assert!(
        t.exited_within(Duration::from_secs(2)).is_some(),
        "still running 2 s after SIGHUP"
    );
    let draft = dir.path().join(".actuals.csv.draft-tester.csv");
    let text = std::fs::read_to_string(&draft).unwrap();
    assert!(text.contains("seen") && text.contains(",100"), "{text}");
    set("bob", "120");

    let mut t = Tui::start(&ui_args(&data, "tester"), &[]);
    t.wait_all(&["恢复了 8.3 上次未提交的输入", ": 177"]);
    t.send("\r");
    let s = t.wait_all(&["冲突", "bob", "120 家"]);
    assert!(
        s.contains("你打开时为 100"),
        "the value the editor opened with: {s}"
    );
    t.send("n");
    t.wait_text("保留 8.3 的当前值 120 家");
    t.send("q");
    assert!(t.child.wait().unwrap().success());
    let rows = std::fs::read_to_string(&data).unwrap();
    assert!(!rows.contains("tester"), "{rows}");
    assert!(rows.contains(",bob,8.3,actual,120,100,"), "{rows}");
}

/// Issue 8: without `--user`, `WUDANG_PLAN_USER` or `$USER` the UI is
/// read-only because there is no user name: it says so and how to set it,
/// and the footer shows no key that records.
#[test]
fn read_only_for_want_of_a_user_name_says_so() {
    let (_dir, data) = ledger_dir();
    let mut t = Tui::start_with(
        env!("CARGO_BIN_EXE_wudang-plan"),
        &["--data", &data, "--today", "2026-01-10"],
        &[],
        &["USER", "WUDANG_PLAN_USER", "LOGNAME"],
    );
    let s = t.wait_all(&["全部（28 项任务）", "只读：没有用户名", "退出"]);
    assert!(!s.contains("e 填报") && !s.contains("u 撤销"), "{s}");
    t.send(":8.1\re");
    t.wait_text("只读：没有用户名");
    t.send("q");
    assert!(t.child.wait().unwrap().success());
    assert!(!std::path::Path::new(&data).exists());
}

/// A clone of a district's ledger (the city's view over git) opens
/// read-only with a user name, says why, and writes nothing.
#[test]
fn a_clone_of_a_districts_ledger_is_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let data = home.join("actuals.csv");
    let data_s = data.to_str().unwrap();
    assert!(cli(&["--data", data_s, "home", "乌当区"]).status.success());
    assert!(
        cli(&["--data", data_s, "--user", "a", "set", "8.1", "500"])
            .status
            .success()
    );
    let git = |args: &[&str]| {
        let o = std::process::Command::new("git")
            .args(args)
            .output()
            .unwrap();
        assert!(o.status.success(), "{o:?}");
    };
    git(&["-C", home.to_str().unwrap(), "add", "actuals.csv"]);
    git(&[
        "-C",
        home.to_str().unwrap(),
        "-c",
        "user.name=x",
        "-c",
        "user.email=x@x",
        "commit",
        "-qm",
        "rows",
    ]);
    let copy = dir.path().join("copy");
    git(&[
        "clone",
        "-q",
        home.to_str().unwrap(),
        copy.to_str().unwrap(),
    ]);
    let copy_data = copy.join("actuals.csv");
    let before = std::fs::read(&copy_data).unwrap();
    let mut t = Tui::start(&ui_args(copy_data.to_str().unwrap(), "alice"), &[]);
    let s = t.wait_all(&["全部（28 项任务）", "只读：这是区县台账的克隆"]);
    assert!(!s.contains("e 填报"), "{s}");
    t.send(":8.1\r");
    t.wait_text("8.1   工业总产值");
    t.send("e");
    t.wait_text("只读：这是区县台账的克隆");
    t.send("q");
    let s = t.screen();
    assert!(
        t.exited_within(Duration::from_secs(5)).is_some(),
        "still running after q; screen:\n{s}"
    );
    assert_eq!(std::fs::read(&copy_data).unwrap(), before);
}

/// Read-only (no user name) still reads: `H` shows an indicator's history
/// and another session's change appears without a key.
#[test]
fn read_only_still_shows_history_and_others_changes() {
    let (_dir, data) = ledger_dir();
    let set = |value: &str, user: &str| {
        let out = cli(&[
            "--data",
            &data,
            "--user",
            user,
            "--today",
            "2026-01-10",
            "set",
            "8.1",
            value,
        ]);
        assert!(out.status.success(), "{out:?}");
    };
    set("480", "alice");
    let mut t = Tui::start_with(
        env!("CARGO_BIN_EXE_wudang-plan"),
        &["--data", &data, "--today", "2026-01-10"],
        &[],
        &["USER", "WUDANG_PLAN_USER", "LOGNAME"],
    );
    t.wait_all(&["全部（28 项任务）", "只读：没有用户名"]);
    t.send(":8.1\r");
    t.wait_text("8.1   工业总产值");
    t.send("H");
    t.wait_all(&["修改记录", "alice", "480 亿元"]);
    t.send("\x1b");
    set("530", "bob");
    t.wait_text("bob 更新了 8.1");
    t.send("q");
    assert!(t.child.wait().unwrap().success());
}

/// Issue 8: on the Linux console (no Chinese glyphs) the warning is ASCII
/// English.
#[test]
fn the_linux_console_warning_is_ascii() {
    let mut t = Tui::start(&["--today", "2026-01-10"], &[("TERM", "linux")]);
    t.wait_text("TERM=linux: this console cannot show Chinese");
    t.send("q");
    assert!(t.child.wait().unwrap().success());
}

/// Issue 8: `H` on an indicator with 250 changes lists the latest 200 and
/// says there are 250.
#[test]
fn history_title_counts_every_change() {
    let (_dir, data) = ledger_dir();
    let mut text = String::from("time,user,id,field,value,old,note\n");
    let mut old = String::new();
    for i in 1..=250 {
        text.push_str(&format!(
            "2025-06-01T10:00:00+08:00,u,8.1,actual,{i},{old},\n"
        ));
        old = i.to_string();
    }
    std::fs::write(&data, text).unwrap();
    let mut t = Tui::start(&ui_args(&data, "alice"), &[]);
    t.wait_text("全部（28 项任务）");
    t.send(":8.1\r");
    t.wait_text("8.1   工业总产值");
    t.send("H");
    t.wait_text("8.1 修改记录（共 250 条，显示最近 200 条）");
    t.send("q");
    assert!(t.child.wait().unwrap().success());
}

/// Issue 8: a resize 0.05–0.4 s after start left the first layout in a
/// bigger window until a key was pressed. No key is pressed here.
fn resize_after(delay: Duration) {
    let mut t = Tui::start(&["--today", "2026-01-10"], &[]);
    std::thread::sleep(delay);
    t.resize(24, 80);
    let resized = Instant::now();
    // the 80x24 layout: one right pane with a Tab hint, the footer on row 24
    t.wait_within(Duration::from_millis(1500), "80x24 layout", |s| {
        s.contains("[Tab 切换：指标]") && s.lines().nth(22).is_some_and(|l| l.contains("退出"))
    });
    assert!(resized.elapsed() < Duration::from_millis(1500));
    t.send("q");
    assert!(t.child.wait().unwrap().success());
}

#[test]
fn a_resize_100ms_after_start_is_redrawn_without_a_key() {
    resize_after(Duration::from_millis(100));
}

#[test]
fn a_resize_300ms_after_start_is_redrawn_without_a_key() {
    resize_after(Duration::from_millis(300));
}

/// Issue 8: `e` on a milestone recorded at once. It asks first; `n`
/// records nothing, `y` records.
#[test]
fn a_milestone_asks_before_recording() {
    let (_dir, data) = ledger_dir();
    let mut t = Tui::start(&ui_args(&data, "alice"), &[]);
    t.wait_text("全部（28 项任务）");
    t.send(":10.1\r");
    t.wait_text("10.1 编制完成");
    t.send("e");
    t.wait_all(&["记为 2026 年已完成？", "y 是  n 否"]);
    assert!(
        !std::path::Path::new(&data).exists(),
        "nothing recorded yet"
    );
    t.send("n");
    t.wait_text("已取消，未记录");
    t.send("e");
    t.wait_text("记为 2026 年已完成？");
    t.send("y");
    t.wait_text("已记录 10.1：（无） -> ");
    t.send("q");
    assert!(t.child.wait().unwrap().success());
    let rows = std::fs::read_to_string(&data).unwrap();
    assert_eq!(rows.matches(",10.1,actual,done,").count(), 1, "{rows}");
}

/// Issue 8: notes were invisible once the footer message went. A task's
/// note (here the remark of `status --note`) is in the detail pane, an
/// indicator's in its box, with who and when, and the table marks it.
#[test]
fn notes_recorded_elsewhere_are_shown() {
    let (_dir, data) = ledger_dir();
    for args in [
        &[
            "--user",
            "zhukc",
            "status",
            "8",
            "delayed",
            "--note",
            "用地指标未落实",
        ][..],
        &["--user", "limin", "note", "8.1", "待统计局核实"][..],
    ] {
        let mut all = vec!["--data", data.as_str(), "--today", "2026-01-10"];
        all.extend_from_slice(args);
        assert!(cli(&all).status.success());
    }
    let mut t = Tui::start(&ui_args(&data, "alice"), &[]);
    t.wait_text("全部（28 项任务）");
    t.send(":8.1\r");
    t.wait_all(&[
        "说明：用地指标未落实（zhukc，2026-01-10 00:00）",
        "备注：待统计局核实（limin，2026-01-10 00:00）",
        "8.1✎",
    ]);
    t.send("q");
    assert!(t.child.wait().unwrap().success());
}

/// `c` on 8.1 in the real binary: the chart (Braille through the real
/// terminal) with the table `series 8.1` prints; a value recorded by
/// another command while it is open appears in it (live refresh); `c`
/// closes it.
#[test]
fn the_chart_opens_and_follows_the_ledger() {
    let (_dir, data) = ledger_dir();
    let set = |v: &str, p: &str| {
        let args = ["--data", &data, "--user", "bob", "--today", "2026-01-10"];
        let out = cli(&[&args[..], &["set", "8.1", v, "--period", p]].concat());
        assert!(out.status.success(), "{out:?}");
    };
    set("300", "2020");
    set("440", "2024");
    let mut t = Tui::start(&ui_args(&data, "alice"), &[]);
    t.wait_text("全部（28 项任务）");
    t.send(":8.1\r");
    t.wait_text("8.1   工业总产值");
    t.send("c");
    // a frame can be read half-written: wait for all it must show
    t.wait_all(&[
        "8.1 工业总产值：按期完成情况",
        "基期 2020：300",
        "2024     440       460  红灯",
        "⠤ 序时进度",
    ]);
    t.wait_for("Braille in the graph", |s| {
        // the legend's sample is ⠤; the line's slope needs others
        let braille = |c: char| ('\u{2801}'..='\u{28ff}').contains(&c) && c != '⠤';
        s.chars().any(braille)
    });
    set("480", "2025");
    t.wait_text("2025     480       500");
    t.send("c");
    t.wait_for("the chart closed", |s| !s.contains("按期完成情况"));
    t.send("q");
    assert!(t.child.wait().unwrap().success());
}
