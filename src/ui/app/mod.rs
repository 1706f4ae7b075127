//! The run loop: waits for an event (a poll with a timeout, no tick),
//! turns it into actions, applies them with `update`, carries out what
//! `update` asked of the ledger through the [`Session`], and redraws once
//! the queued events are handled. The terminal itself is in `terminal`,
//! the ledger and drafts in `session`, the watchdog in `watchdog`.

mod session;
mod terminal;
mod watchdog;
pub mod wire;

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

pub use session::Session;
use terminal::Term;
pub use terminal::key_of;

use super::action::Action;
use super::data::Progress;
use super::keymap;
use super::model::{AppState, Config, Theme};
use super::strings::{Lang, S};
use super::update::{self, update};
use crate::ledger::draft;
use crate::plan::Plan;
use watchdog::Guard;
use wire::Moves;

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

/// The state the UI starts with: the configuration the options and the
/// environment give, and the draft of the last session reopened.
fn start(plan: Plan, progress: Progress, opts: Options, session: Option<&Session>) -> AppState {
    let theme = Theme::from_env(opts.ascii);
    let mut config = Config::new(opts.lang, theme);
    config.ledger = opts.ledger;
    config.writable = session.is_some_and(|s| s.user.is_some());
    config.user = session.and_then(|s| s.user.clone());
    if !config.writable {
        config.read_only = Some(opts.read_only.unwrap_or(S::ReadOnly));
    }
    if std::env::var("TERM").is_ok_and(|t| t == "linux") {
        config.note = Some(S::LinuxConsole);
    }
    let mut state = AppState::new(plan, progress, config);
    if let Some(path) = session.and_then(Session::draft_path)
        && let Ok(Some(d)) = draft::load(&path)
    {
        update(&mut state, Action::RestoreDraft(d));
    }
    state
}

/// Runs the UI on the terminal until the user quits. Without a session
/// (no ledger) or a session without a user name, the UI is read-only; a
/// session without a user still shows the history and others' changes.
pub fn run(
    plan: Plan,
    progress: Progress,
    opts: Options,
    mut session: Option<Session>,
) -> io::Result<()> {
    let mut state = start(plan, progress, opts, session.as_ref());
    let stop = terminal::signals()?;
    // ASCII mode is for terminals that draw widths wrongly: the cursor is
    // placed again after every wide character there.
    let moves = if state.theme().ascii {
        Moves::EveryWide
    } else {
        Moves::Needed
    };
    let mut term = terminal::init(moves)?;
    let guard = Arc::new(Guard::default());
    let done = Arc::new(AtomicBool::new(false));
    watchdog::watchdog(
        Arc::clone(&stop),
        Arc::clone(&done),
        Arc::clone(&guard),
        session.as_ref().and_then(Session::draft_path),
    );
    let result = terminal::enable_paste()
        .and_then(|()| event_loop(&mut term, &mut state, &stop, session.as_mut(), &guard));
    // The loop has ended: the watchdog must not exit under our feet while
    // the draft is written (it takes the same lock).
    let _writing = guard.writing.lock();
    done.store(true, Ordering::Relaxed);
    // Whatever ended the session (quit, signal, hang-up, error), a value
    // being typed is kept as a draft.
    if let Some(sess) = &session {
        session::save_draft(&state, sess);
    }
    terminal::restore();
    match result {
        // A terminal that hung up mid-draw: nobody to tell.
        Err(_) if crate::tty::input_hung_up() => Ok(()),
        r => r,
    }
}

/// The actions one terminal event means now.
pub fn actions(ev: &Event, state: &AppState) -> Vec<Action> {
    match ev {
        Event::Key(k) => key_of(k)
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
    terminal: &mut Term,
    state: &mut AppState,
    stop: &AtomicBool,
    mut session: Option<&mut Session>,
    guard: &Guard,
) -> io::Result<()> {
    let size = terminal.size()?;
    update(state, Action::Resize(size.width, size.height));
    terminal::draw_frame(terminal, state)?;
    // The search's index and the pickers' items, once the first frame is
    // on screen, unless a key is already waiting (then the first search
    // or picker works its own out).
    if crate::tty::wait_input(Duration::ZERO) == crate::tty::Input::Timeout {
        update::warm(state);
    }
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
        let mut dirty = resized(terminal, state);
        match handle_queued(state, session.as_deref_mut(), guard) {
            Some(d) => dirty |= d,
            None => return Ok(()),
        }
        if input == crate::tty::Input::Timeout
            && let Some(sess) = session.as_deref_mut()
            && session::refresh(state, sess)
        {
            dirty = true;
        }
        guard.keep(state);
        if state.quit {
            return Ok(());
        }
        if state.suspend {
            state.suspend = false;
            terminal::suspend(terminal)?;
            dirty = true;
        }
        if dirty {
            terminal::draw_frame(terminal, state)?;
        }
    }
}

/// A resize may come before crossterm listens for SIGWINCH, or its event
/// be lost: the size is compared on every wake-up. True when it changed.
fn resized(terminal: &Term, state: &mut AppState) -> bool {
    match terminal.size() {
        Ok(now) if (now.width, now.height) != state.size => {
            update(state, Action::Resize(now.width, now.height));
            true
        }
        _ => false,
    }
}

/// Handles everything already queued before drawing (bursts of resizes,
/// pasted text, fast typing over a slow link), recording what `update`
/// asks for as it goes. True when something was handled; `None` when a
/// poll or read failed: the terminal is gone, stop quietly.
fn handle_queued(
    state: &mut AppState,
    mut session: Option<&mut Session>,
    guard: &Guard,
) -> Option<bool> {
    let mut dirty = false;
    while !state.quit && !state.suspend {
        match event::poll(Duration::ZERO) {
            Ok(true) => {}
            Ok(false) => break,
            Err(_) => return None,
        }
        let Ok(ev) = event::read() else {
            return None;
        };
        for a in actions(&ev, state) {
            update::queue(state, a);
            dirty = true;
            if let Some(sess) = session.as_deref_mut() {
                let _writing = guard.writing.lock();
                session::perform(state, sess);
            }
        }
    }
    // One refilter for the letters of the batch, before the one frame.
    update::flush(state);
    Some(dirty)
}
