//! What reaches the terminal from outside text: control characters from a
//! ledger row are drawn escaped (`\x1b`), never raw; in ASCII mode no East
//! Asian Ambiguous character is drawn, so no line is wider than the window
//! on a terminal that draws them two cells wide.

use crate::common::*;
use insta::assert_snapshot;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;
use wudang_plan::ui::{Action, AppState, Lang, Pane, update};

/// Width of each drawn row on a terminal that draws East Asian Ambiguous
/// characters two cells wide (`width_cjk`), skipping the cells hidden
/// under a wide character as a terminal does.
fn cjk_row_widths(buf: &Buffer) -> Vec<usize> {
    row_widths(buf, true)
}

/// Width of each drawn row, ambiguous characters two cells wide when `cjk`.
fn row_widths(buf: &Buffer, cjk: bool) -> Vec<usize> {
    (0..buf.area.height)
        .map(|y| {
            let mut w = 0;
            let mut x = 0;
            while x < buf.area.width {
                let sym = buf[(x, y)].symbol();
                w += if cjk { sym.width_cjk() } else { sym.width() };
                x += sym.width().max(1) as u16;
            }
            w
        })
        .collect()
}

/// Draws `s` and checks every row: no wider than the window with
/// ambiguous characters two cells wide, and no ambiguous character at all.
/// Returns the screen.
fn check_ascii(s: &AppState, what: &str, screens: &mut usize) -> String {
    let t = terminal(s);
    let buf = t.backend().buffer();
    for (y, w) in cjk_row_widths(buf).into_iter().enumerate() {
        assert!(
            w <= buf.area.width as usize,
            "{what} at {}x{}: row {y} is {w} cells wide with ambiguous characters \
             two cells wide\n{}",
            buf.area.width,
            buf.area.height,
            screen(buf)
        );
    }
    for c in buf.content.iter() {
        assert!(
            !c.symbol().chars().any(wudang_plan::text::is_ambiguous),
            "{what}: ambiguous {:?} drawn in ASCII mode\n{}",
            c.symbol(),
            screen(buf)
        );
    }
    *screens += 1;
    screen(buf)
}

/// Pages `s` down until the screen stops changing (at most `max` pages),
/// checking every page.
fn page_through(s: &mut AppState, what: &str, max: usize, screens: &mut usize) {
    let mut last = String::new();
    for _ in 0..max {
        let now = check_ascii(s, what, screens);
        if now == last {
            break;
        }
        last = now;
        update(s, Action::PageDown);
    }
}

/// The whole embedded plan in ASCII mode at 80×24 and 100×30: the
/// overview and the help in both languages, every task with its detail
/// paged through (title, owners, targets, text with its “quotes”, ·, —),
/// every indicator.
#[test]
fn ascii_mode_never_draws_ambiguous_characters() {
    let plan = plan();
    let mut screens = 0;
    for (w, h) in [(80, 24), (100, 30)] {
        for lang in [Lang::Zh, Lang::En] {
            let mut s = state_with(lang, MID_2025, true, w, h);
            check_ascii(&s, "start", &mut screens);
            keys(&mut s, "o");
            page_through(&mut s, "overview", 10, &mut screens);
            keys(&mut s, "o?");
            page_through(&mut s, "help", 20, &mut screens);
        }
        // Plan text is the same in both languages.
        let mut s = state_with(Lang::Zh, MID_2025, true, w, h);
        for t in &plan.tasks {
            s.focus = Pane::Tree;
            keys(&mut s, &format!(":{}\n", t.id));
            check_ascii(&s, &format!("task {}", t.id), &mut screens);
            // the detail pane focused, paged to its end
            keys(&mut s, "\t");
            assert_eq!(s.focus, Pane::Detail, "task {}", t.id);
            page_through(&mut s, &format!("task {} detail", t.id), 40, &mut screens);
        }
        for ind in &plan.indicators {
            keys(&mut s, &format!(":{}\n", ind.id()));
            check_ascii(&s, &format!("indicator {}", ind.id()), &mut screens);
        }
    }
    assert!(screens > 400, "only {screens} screens checked");
}

/// The plan's own text in ASCII mode: the quotes of 乌当区实施“强省会”… are
/// drawn as ASCII quotes, in the same columns.
#[test]
fn ascii_mode_maps_plan_quotes() {
    let s = state_with(Lang::Zh, MID_2025, true, 100, 30);
    let out = render(&s);
    assert!(
        out.contains("乌当区实施\"强省会\"五年行动工作方案"),
        "{out}"
    );
    let s = state_with(Lang::Zh, MID_2025, false, 100, 30);
    assert!(render(&s).contains("乌当区实施“强省会”五年行动工作方案"));
}

fn raw_row(user: &str, note: Option<&str>) -> wudang_plan::ledger::Entry {
    let mut e = row("8.1", "530", Some("512"), user);
    e.note = note.map(String::from);
    e
}

/// A row appended raw to the shared ledger (ESC [ 2 J in the user name,
/// OSC 52 and BEL in the note, C1 CSI, NUL): the footer message and the
/// history popup show it escaped; no control character is drawn.
#[test]
fn ledger_text_is_drawn_escaped() {
    let evil_user = "eve\u{1b}[2J\u{9b}31m";
    let evil_note = "\u{1b}]52;c;aGk=\u{7}\0ok";
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\n");
    update(
        &mut s,
        Action::Changed(vec![raw_row(evil_user, Some(evil_note))]),
    );
    let out = render(&s);
    assert!(out.contains("eve\\x1b[2J\\u{9b}31m"), "{out}");
    keys(&mut s, "H");
    update(
        &mut s,
        Action::History("8.1".into(), vec![raw_row(evil_user, Some(evil_note))], 1),
    );
    let t = terminal(&s);
    let buf = t.backend().buffer();
    let out = screen(buf);
    // (the row wraps after the period column: the note may go on two lines)
    assert!(out.contains("\\x1b]52;c;aGk=\\x07"), "{out}");
    assert!(out.contains("\\x00ok"), "{out}");
    for c in buf.content.iter() {
        assert!(
            !c.symbol().chars().any(wudang_plan::text::is_unsafe),
            "{:?} drawn raw",
            c.symbol()
        );
    }
    assert_snapshot!(out);
}

/// Rows whose escapes are long still fit the window: the width is that of
/// the escaped text.
#[test]
fn escaped_text_is_cut_by_its_shown_width() {
    let mut s = writable(Lang::En, 80, 24);
    let long = "\u{1b}".repeat(40);
    update(&mut s, Action::Changed(vec![raw_row(&long, Some(&long))]));
    let t = terminal(&s);
    let buf = t.backend().buffer();
    for (y, w) in row_widths(buf, false).into_iter().enumerate() {
        assert!(w <= 80, "row {y}: {w}\n{}", screen(buf));
    }
    assert!(screen(buf).contains("\\x1b\\x1b"), "{}", screen(buf));
}

/// The full-screen UI refuses a user name with control characters before
/// the screen is taken, as `set` does (exit 2, the name shown escaped).
#[test]
fn ui_refuses_a_user_name_with_control_characters() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("actuals.csv");
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_wudang-plan"));
    cmd.args(["--data", data.to_str().unwrap(), "--user", "eve\u{1b}[2J"]);
    cmd.env("TERM", "xterm-256color");
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut out = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
            let _ = tx.send(out.clone());
        }
    });
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if started.elapsed() > std::time::Duration::from_secs(10) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the UI started with a user name holding ESC");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let mut out = Vec::new();
    while let Ok(o) = rx.recv_timeout(std::time::Duration::from_secs(2)) {
        out = o;
    }
    drop(pty.master);
    let text = String::from_utf8_lossy(&out);
    assert_eq!(status.exit_code(), 2, "{text}");
    // in the command line's language: Chinese with no options
    assert!(text.contains("用户名“eve\\x1b[2J”"), "{text:?}");
    assert!(!text.contains("\u{1b}[2J"), "raw escape: {text:?}");
    assert!(
        !text.contains("\u{1b}[?1049h"),
        "the screen was taken: {text:?}"
    );
    assert!(!data.exists());
}

/// Every East Asian Ambiguous character the embedded plan or the UI
/// strings table contains (found with unicode-width: `width_cjk` 2,
/// `width` 1) has an ASCII look-alike in `--ascii`, not the `?` of last
/// resort; today they are “ ” · — ×.
#[test]
fn every_ambiguous_character_of_the_plan_and_strings_has_a_look_alike() {
    use wudang_plan::text::{is_ambiguous, to_ascii};
    use wudang_plan::ui::S;
    let plan = plan();
    let mut texts: Vec<String> = Vec::new();
    for g in &plan.groups {
        texts.push(g.title.clone());
    }
    for t in &plan.tasks {
        texts.extend([t.title.clone(), t.text.clone(), t.units.join(";")]);
    }
    for r in &plan.rows {
        texts.extend([r.title.clone(), r.target.clone(), r.leaders.join(";")]);
        for o in &r.owners {
            texts.extend([o.unit.clone(), o.person.clone()]);
        }
    }
    for i in &plan.indicators {
        texts.extend([i.name().to_string(), i.source().to_string()]);
        texts.extend(i.unit.as_deref().map(str::to_string));
    }
    for s in S::ALL {
        texts.extend([s.get(Lang::Zh).to_string(), s.get(Lang::En).to_string()]);
    }
    let mut found: Vec<char> = texts
        .iter()
        .flat_map(|t| t.chars())
        .filter(|&c| is_ambiguous(c))
        .collect();
    found.sort();
    found.dedup();
    assert!(found.contains(&'“') && found.contains(&'·'), "{found:?}");
    for c in &found {
        let a = to_ascii(*c);
        assert!(
            a.is_some_and(|a| a != '?' && a.is_ascii_graphic()),
            "{c:?} -> {a:?}"
        );
    }
}
