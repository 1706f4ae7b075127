//! The full-screen UI (`wudang-plan` with no subcommand, on a terminal).
//!
//! Data flow: terminal event → [`keymap::action_for`] → [`Action`] →
//! [`update::update`] (pure, changes [`AppState`]) → [`draw`] (a function
//! of the state only). See docs/architecture.md.
//!
//! The run loop redraws only after events or ledger changes (poll with a
//! timeout, no tick), acts on key presses only, enables bracketed paste,
//! uses neither the mouse nor the kitty keyboard protocol, and restores the
//! terminal on every exit path: quit, error, panic,
//! SIGTERM/SIGHUP/SIGINT/SIGQUIT, and a terminal that went away.
//!
//! The write path: `update` never touches a file; it leaves a
//! [`state::Request`] in `state.request`, which the loop records through
//! the [`Session`]'s ledger (optimistic concurrency with `Expect::Value`)
//! and feeds back as an action. Every poll timeout (≤ 1 s) asks the ledger
//! to [`Ledger::refresh`] (a `stat`, then only the new tail) and feeds
//! others' rows back as [`Action::Changed`].

pub mod action;
pub mod confirm;
pub use crate::report as data; // Progress, Class, Counts: below the UI and the CLI
pub mod detail;
pub mod editor;
pub mod field;
pub mod filter;
pub mod footer;
pub mod help;
pub mod history;
pub mod indicators;
pub mod jump;
pub mod keymap;
pub mod layout;
pub mod overview;
pub mod paint;
pub mod picker;
pub mod search;
pub mod state;
pub use crate::vocab::strings; // the string table, below the UI and the CLI
pub mod theme;
pub mod tree;
pub mod update;
pub mod writes;

use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    BeginSynchronizedUpdate, Clear, ClearType, EndSynchronizedUpdate, EnterAlternateScreen,
    enable_raw_mode,
};
use ratatui::layout::Rect;
use ratatui::{DefaultTerminal, Frame};

pub use action::Action;
pub use data::Progress;
pub use state::{AppState, Config, Mode, Pane};
pub use strings::{Lang, S};
pub use theme::Theme;
pub use update::update;

use crate::ledger::{Appended, Edit, Ledger, LedgerError, Stamp, draft};
use crate::plan::Plan;
use crate::text;

/// Draws the whole screen: a function of the state only. In ASCII mode the
/// finished frame goes through [`paint::ascii_only`].
pub fn draw(frame: &mut Frame, state: &AppState) {
    draw_screen(frame, state);
    if state.theme().ascii {
        paint::ascii_only(frame.buffer_mut());
    }
}

fn draw_screen(frame: &mut Frame, state: &AppState) {
    let area = frame.area();
    let a = layout::areas(area, state);
    if a.too_small {
        too_small(frame, area, state);
        return;
    }
    if let Mode::Overview { sel, offset } = &state.mode {
        overview::draw(frame, a.main, state, *sel, *offset);
    } else {
        if let Some(r) = a.tree {
            tree::draw(frame, r, state);
        }
        if let Some(r) = a.detail {
            detail::draw(frame, r, state, a.indicators.is_none());
        }
        if let Some(r) = a.indicators {
            indicators::draw(frame, r, state, a.detail.is_none());
        }
    }
    let mut cursor = footer::draw(frame, a.footer, state);
    if let Mode::Picker(p) = &state.mode {
        cursor = picker::draw(frame, a.main, state, p);
    }
    if let Mode::Edit(e) = &state.mode
        && let Some(c) = &e.clash
    {
        editor::draw_conflict(frame, a.main, state, e, c);
        cursor = None;
    }
    if let Mode::Confirm(c) = &state.mode {
        confirm::draw(frame, a.main, state, c);
        cursor = None;
    }
    if let Some(h) = &state.history {
        history::draw(frame, a.main, state, h);
        cursor = None;
    }
    if let Some(scroll) = state.help {
        help::draw(frame, a.main, state, scroll);
        cursor = None;
    }
    if let Some(c) = cursor {
        frame.set_cursor_position(c);
    }
}

fn too_small(frame: &mut Frame, area: Rect, state: &AppState) {
    let msg = strings::fill(
        state.lang(),
        S::TooSmall,
        &[
            &layout::MIN_W.to_string(),
            &layout::MIN_H.to_string(),
            &area.width.to_string(),
            &area.height.to_string(),
        ],
    );
    let lines = text::wrap(&msg, area.width.max(2) as usize);
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let buf = frame.buffer_mut();
    for (k, l) in lines.iter().enumerate().take(area.height as usize) {
        let y = area.y + top + k as u16;
        if y >= area.y + area.height {
            break;
        }
        paint::put(buf, area.x, y, area.width, l, state.theme().message());
    }
}

/// How the binary starts the UI.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    /// `--ascii`; TERM=linux turns it on as well.
    pub ascii: bool,
    /// The ledger file to show in the footer, once there is one.
    pub ledger: Option<String>,
    /// Why there is no session to record with (said in the UI).
    pub read_only: Option<S>,
}

/// The ledger the UI records to, and as whom.
#[derive(Debug)]
pub struct Session {
    pub ledger: Ledger,
    pub user: String,
    /// `--today`: every edit is stamped 00:00 of that day; else now.
    pub at: Option<Stamp>,
}

impl Session {
    fn draft_path(&self) -> std::path::PathBuf {
        draft::draft_path(self.ledger.path(), &self.user)
    }
}

/// Runs the UI on the terminal until the user quits. Without a session
/// the UI is read-only.
pub fn run(
    plan: Plan,
    progress: Progress,
    opts: Options,
    mut session: Option<Session>,
) -> io::Result<()> {
    let theme = Theme::from_env(opts.ascii);
    let mut config = Config::new(opts.lang, theme);
    config.ledger = opts.ledger;
    config.writable = session.is_some();
    if !config.writable {
        config.read_only = Some(opts.read_only.unwrap_or(S::ReadOnly));
    }
    if std::env::var("TERM").is_ok_and(|t| t == "linux") {
        config.note = Some(S::LinuxConsole);
    }
    let mut state = AppState::new(plan, progress, config);
    if let Some(sess) = &session
        && let Ok(Some(d)) = draft::load(&sess.draft_path())
    {
        update(&mut state, Action::RestoreDraft(d));
    }
    // A resize wakes the loop (the wait on the terminal is interrupted),
    // which then compares the size: none is lost, even one that comes
    // before crossterm listens for them.
    signal_hook::flag::register(
        signal_hook::consts::SIGWINCH,
        Arc::new(AtomicBool::new(false)),
    )?;

    let stop = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGQUIT,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }

    // try_init: raw mode, alternate screen, and a panic hook that restores.
    let mut terminal = ratatui::try_init()?;
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableBracketedPaste);
        ratatui_hook(info);
    }));
    let guard = Arc::new(Guard::default());
    let done = Arc::new(AtomicBool::new(false));
    watchdog(
        Arc::clone(&stop),
        Arc::clone(&done),
        Arc::clone(&guard),
        session.as_ref().map(Session::draft_path),
    );
    let result = execute!(stdout(), EnableBracketedPaste)
        .and_then(|()| event_loop(&mut terminal, &mut state, &stop, session.as_mut(), &guard));
    // The loop has ended: the watchdog must not exit under our feet while
    // the draft is written (it takes the same lock).
    let _writing = guard.writing.lock();
    done.store(true, Ordering::Relaxed);
    // Whatever ended the session (quit, signal, hang-up, error), a value
    // being typed is kept as a draft.
    if let Some(sess) = &session {
        save_draft(&state, sess);
    }
    restore();
    match result {
        // A terminal that hung up mid-draw: nobody to tell.
        Err(_) if crate::tty::input_hung_up() => Ok(()),
        r => r,
    }
}

/// A half-typed value, if the editor is open and holds one that is not
/// on its way to the ledger, with the value the editor opened with.
fn typed(state: &AppState) -> Option<draft::Draft> {
    match &state.mode {
        Mode::Edit(e) if e.sending.is_none() && !e.field.is_empty() => {
            let text = e.field.text();
            (e.seen.as_deref() != Some(text.as_str())).then(|| draft::Draft {
                id: e.id.clone(),
                field: e.target.as_str().to_string(),
                text,
                saved: String::new(),
                seen: e.seen.clone(),
            })
        }
        _ => None,
    }
}

/// Saves the value being typed (or removes an old draft). Errors are
/// ignored: there may be no terminal left to tell.
fn save_draft(state: &AppState, sess: &Session) {
    let path = sess.draft_path();
    match typed(state) {
        Some(mut d) => {
            d.saved = Stamp::now().to_string();
            let _ = draft::save(&path, &d);
        }
        None => {
            let _ = draft::clear(&path);
        }
    }
}

/// Records what `update` asked for (or reads the history it asked for)
/// and feeds the ledger's answer back.
fn perform(state: &mut AppState, sess: &mut Session) {
    if let Some(id) = state.history_request.take() {
        refresh(state, sess);
        let rows: Vec<_> = sess
            .ledger
            .history(Some(&id))
            .take(HISTORY_ROWS)
            .filter_map(Result::ok)
            .collect();
        let total = sess.ledger.count(&id);
        update(state, Action::History(id, rows, total));
    }
    let Some(req) = state.request.take() else {
        return;
    };
    // Take in others' rows first, so they are shown (append would read
    // them silently).
    refresh(state, sess);
    let before = sess.ledger.len();
    let time = sess.at.unwrap_or_else(Stamp::now);
    let undo = req.undo;
    let res = if undo {
        sess.ledger
            .undo(
                &req.id,
                Some(req.field),
                &req.expect,
                &sess.user,
                time,
                req.note,
            )
            .map(|u| Action::Recorded(u.entry))
    } else {
        let id = req.id.clone();
        sess.ledger
            .append(Edit {
                id: req.id,
                field: req.field,
                value: req.value,
                note: req.note,
                user: sess.user.clone(),
                time,
                expect: req.expect,
            })
            .map(|a| match a {
                Appended::Recorded(e) => Action::Recorded(e),
                Appended::Unchanged(cur) => Action::Unchanged(id, cur),
            })
    };
    if sess.ledger.len() > before + 1 {
        // Rows slipped in between the refresh and the lock.
        update(
            state,
            Action::Reloaded(Progress::from_ledger(&sess.ledger, state.progress.today)),
        );
    }
    let answer = match res {
        Ok(a) => a,
        Err(LedgerError::Conflict(c)) if undo => Action::UndoConflicted(*c),
        Err(LedgerError::Conflict(c)) => Action::Conflicted(*c),
        Err(e) => Action::Rejected(e.to_string()),
    };
    update(state, answer);
}

/// How many of the latest changes the history popup shows.
const HISTORY_ROWS: usize = 200;

/// Picks up other sessions' rows; true when something changed.
fn refresh(state: &mut AppState, sess: &mut Session) -> bool {
    let was_empty = sess.ledger.is_empty();
    match sess.ledger.refresh() {
        // The first rows of a new ledger (another session created the
        // file): report them as changes, not as a replaced file.
        Ok(r) if r.reloaded && was_empty && sess.ledger.len() <= 1000 => {
            let mut rows: Vec<_> = sess.ledger.history(None).filter_map(Result::ok).collect();
            rows.reverse();
            update(state, Action::Changed(rows));
            true
        }
        Ok(r) if r.reloaded => {
            let p = Progress::from_ledger(&sess.ledger, state.progress.today);
            update(state, Action::Reloaded(p));
            true
        }
        Ok(r) if !r.new.is_empty() => {
            update(state, Action::Changed(r.new));
            true
        }
        Ok(_) => false,
        Err(e) => {
            let m = strings::fill(state.lang(), S::LedgerProblem, &[&e.to_string()]);
            let changed = state.message.as_deref() != Some(m.as_str());
            state.message = Some(m);
            changed
        }
    }
}

/// Leaves raw mode, the alternate screen and bracketed paste. Errors are
/// ignored: after a hang-up there is no terminal to restore.
fn restore() {
    let _ = execute!(stdout(), DisableBracketedPaste);
    let _ = ratatui::try_restore();
}

fn draw_frame(terminal: &mut DefaultTerminal, state: &AppState) -> io::Result<()> {
    execute!(stdout(), BeginSynchronizedUpdate)?;
    terminal.draw(|f| draw(f, state))?;
    execute!(stdout(), EndSynchronizedUpdate)
}

/// The actions one terminal event means now.
pub fn actions(ev: &Event, state: &AppState) -> Vec<Action> {
    match ev {
        Event::Key(k) => keymap::Key::from_event(k)
            .and_then(|key| keymap::action_for(state.ctx(), key))
            .into_iter()
            .collect(),
        Event::Paste(s) => vec![Action::Paste(s.clone())],
        Event::Resize(w, h) => vec![Action::Resize(*w, *h)],
        _ => Vec::new(),
    }
}

/// The poll timeout: how often the loop looks at the ledger, at resizes
/// and at the signal flags when no key comes.
const POLL: Duration = Duration::from_millis(500);

fn event_loop(
    terminal: &mut DefaultTerminal,
    state: &mut AppState,
    stop: &AtomicBool,
    mut session: Option<&mut Session>,
    guard: &Guard,
) -> io::Result<()> {
    let size = terminal.size()?;
    update(state, Action::Resize(size.width, size.height));
    draw_frame(terminal, state)?;
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        // Wait on the terminal ourselves: crossterm must never see a
        // hung-up input (it spins inside its poll).
        let input = crate::tty::wait_input(POLL);
        if input == crate::tty::Input::HungUp || stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        let mut dirty = false;
        // A resize may come before crossterm listens for SIGWINCH, or its
        // event be lost: compare the size on every wake-up.
        if let Ok(now) = terminal.size()
            && (now.width, now.height) != state.size
        {
            update(state, Action::Resize(now.width, now.height));
            dirty = true;
        }
        // Handle everything already queued before drawing (bursts of
        // resizes, pasted text, fast typing over a slow link). A failing
        // poll or read means the terminal is gone: stop quietly.
        while !state.quit && !state.suspend {
            match event::poll(Duration::ZERO) {
                Ok(true) => {}
                Ok(false) => break,
                Err(_) => return Ok(()),
            }
            let Ok(ev) = event::read() else {
                return Ok(());
            };
            for a in actions(&ev, state) {
                update(state, a);
                dirty = true;
                if let Some(sess) = session.as_deref_mut() {
                    let _writing = guard.writing.lock();
                    perform(state, sess);
                }
            }
        }
        if input == crate::tty::Input::Timeout
            && let Some(sess) = session.as_deref_mut()
            && refresh(state, sess)
        {
            dirty = true;
        }
        guard.keep(state);
        if state.quit {
            return Ok(());
        }
        if state.suspend {
            state.suspend = false;
            suspend(terminal)?;
            dirty = true;
        }
        if dirty {
            draw_frame(terminal, state)?;
        }
    }
}

/// What the watchdog needs if the loop is ever stuck: the draft to save
/// and a lock held while a row is being written.
#[derive(Default)]
struct Guard {
    draft: std::sync::Mutex<Option<draft::Draft>>,
    writing: std::sync::Mutex<()>,
}

impl Guard {
    /// Remembers the value being typed, for the watchdog.
    fn keep(&self, state: &AppState) {
        let now = typed(state);
        if let Ok(mut d) = self.draft.lock()
            && *d != now
        {
            *d = now;
        }
    }
}

/// How long the loop gets to stop by itself after a signal or a hang-up
/// before the watchdog ends the process.
const GRACE: Duration = Duration::from_millis(1200);

/// Watches for a signal or a hung-up terminal from a thread of its own. If
/// the loop has not ended [`GRACE`] later (stuck in a terminal call), it
/// waits for any row being written, saves the draft and exits, printing
/// nothing.
fn watchdog(
    stop: Arc<AtomicBool>,
    done: Arc<AtomicBool>,
    guard: Arc<Guard>,
    draft_path: Option<std::path::PathBuf>,
) {
    std::thread::spawn(move || {
        let mut since: Option<Instant> = None;
        loop {
            std::thread::sleep(Duration::from_millis(100));
            if done.load(Ordering::Relaxed) {
                return;
            }
            if since.is_none() && (stop.load(Ordering::Relaxed) || crate::tty::input_hung_up()) {
                since = Some(Instant::now());
            }
            if since.is_some_and(|t| t.elapsed() >= GRACE) {
                let _writing = guard.writing.lock();
                if done.load(Ordering::Relaxed) {
                    return;
                }
                if let (Some(path), Ok(d)) = (&draft_path, guard.draft.lock())
                    && let Some(d) = d.as_ref()
                {
                    let mut d = d.clone();
                    d.saved = Stamp::now().to_string();
                    let _ = draft::save(path, &d);
                }
                std::process::exit(1);
            }
        }
    });
}

/// Ctrl-Z: restore the terminal, stop (SIGTSTP), and take it back on `fg`.
fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enable_raw_mode()?;
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        Clear(ClearType::All)
    )?;
    // Force a full redraw without `Terminal::clear`, which asks the
    // terminal for the cursor position and fails when the answer is slow
    // (a laggy SSH link) or never comes: reset both of ratatui's buffers.
    terminal.swap_buffers();
    terminal.swap_buffers();
    Ok(())
}
