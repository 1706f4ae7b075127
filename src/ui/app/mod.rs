//! The run loop: waits for an event (a poll with a timeout, no tick),
//! turns it into actions, applies them with `update`, carries out what
//! `update` asked of the ledger through the [`Session`], and redraws once
//! the queued events are handled. The terminal itself is in `terminal`,
//! the ledger and drafts in `session`, the watchdog in `watchdog`.

mod arrival;
mod gone;
mod held;
mod retry;
mod session;
mod terminal;
mod watchdog;
pub mod wire;

use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use jiff::civil::Date;
use ratatui::crossterm::event::{self, Event};

pub use arrival::{Arrival, Deliver, Taken, channel};
pub use retry::{ReadAgain, Retry};
pub use session::{Session, perform};
use terminal::Term;
pub use terminal::key_of;

use super::action::Action;
use super::keymap::{self, Ctx};
use super::model::standing::Loaded;
use super::model::{AppState, Config, Theme};
use super::strings::{Lang, S};
use super::update::{self, update};
use crate::ledger::{Ledger, Stamp, draft};
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

/// The ledger's side of the start, read on another thread while the
/// first frames are drawn (`cli::full_screen`): the ledger to record to,
/// what the state needs of it (every indicator judged there), and its
/// warnings as text, printed once the screen is closed.
#[derive(Debug)]
pub struct Ready {
    pub ledger: Ledger,
    /// A city's view: each district's name and ledger, where its history
    /// is read (by qualified id); empty otherwise.
    pub city: Vec<(String, PathBuf)>,
    pub loaded: Loaded,
    pub warnings: Vec<u8>,
}

/// How the binary starts the UI besides the plan and the options: who
/// records, the clock, and the ledger still on its way.
#[derive(Debug)]
pub struct Start<E> {
    /// Who records; `None`: read-only (no user name was given).
    pub user: Option<String>,
    /// `--today`: every edit is stamped 00:00 of that day; else now.
    pub at: Option<Stamp>,
    pub today: Date,
    /// Where this user's draft lives (the watchdog saves there).
    pub draft: Option<PathBuf>,
    /// The ledger being read, or why it cannot be.
    pub ledger: Arrival<Result<Ready, E>>,
    /// How to read it again if it cannot be read (once its file changes).
    pub retry: Option<Retry<E>>,
}

/// Why the UI ended other than by the user's leaving it; the terminal is
/// restored in every case.
#[derive(Debug)]
pub enum Ended<E> {
    /// The terminal failed.
    Terminal(io::Error),
    /// The ledger could not be read (after the first frame): the UI stayed
    /// up, browsing only, until the user left; the error is for the exit.
    Ledger(E),
    /// The thread reading the ledger stopped without an answer.
    LedgerGone,
}

/// The state of the first frame: the configuration the options and the
/// environment give, the plan, no ledger yet.
fn first_state(plan: Arc<Plan>, today: Date, opts: Options, user: Option<String>) -> AppState {
    let theme = Theme::from_env(opts.ascii);
    let mut config = Config::new(opts.lang, theme);
    config.ledger = opts.ledger;
    // Read-only for want of a user name, or by the caller (a clone of a
    // district's ledger).
    config.writable = user.is_some() && opts.read_only.is_none();
    config.user = user;
    if !config.writable {
        config.read_only = Some(opts.read_only.unwrap_or(S::ReadOnly));
    }
    if std::env::var("TERM").is_ok_and(|t| t == "linux") {
        config.note = Some(S::LinuxConsole);
    }
    AppState::loading(plan, today, config)
}

/// Why the ledger could not be read, worded in the screen's language (the
/// command line's error; `Display` is its English).
pub trait Worded: std::fmt::Display {
    fn worded(&self, lang: crate::vocab::Lang) -> String {
        let _ = lang;
        self.to_string()
    }
}

impl Worded for String {}

impl Worded for &str {}

/// Runs the UI on the terminal until the user quits: the first frame at
/// once, from the plan; the ledger when it arrives (statuses, lights and
/// counts, then the draft of the last session and the live refresh).
/// Returns the ledger's warnings, to print once the screen is closed. A
/// session without a user name only reads (history, others' changes).
pub fn run<E: Worded + Send + 'static>(
    plan: Arc<Plan>,
    opts: Options,
    start: Start<E>,
) -> Result<Vec<u8>, Ended<E>> {
    let Start {
        user,
        at,
        today,
        draft,
        ledger,
        retry,
    } = start;
    let mut state = first_state(plan, today, opts, user.clone());
    let stop = terminal::signals().map_err(Ended::Terminal)?;
    // ASCII mode is for terminals that draw widths wrongly: the cursor is
    // placed again after every wide character there.
    let moves = if state.theme().ascii {
        Moves::EveryWide
    } else {
        Moves::Needed
    };
    let mut term = terminal::init(moves).map_err(Ended::Terminal)?;
    let guard = Arc::new(Guard::default());
    let done = Arc::new(AtomicBool::new(false));
    let draft_path = draft.clone();
    watchdog::watchdog(
        Arc::clone(&stop),
        Arc::clone(&done),
        Arc::clone(&guard),
        draft,
    );
    let mut side = Side {
        coming: Some(ledger),
        session: None,
        user,
        at,
        draft_due: false,
        warnings: Vec::new(),
        failed: None,
        retry,
        looked: None,
    };
    let result = terminal::enable_paste()
        .map_err(Ended::Terminal)
        .and_then(|()| event_loop(&mut term, &mut state, &stop, &mut side, &guard));
    // The loop has ended: the watchdog must not exit under our feet while
    // the draft is written (it takes the same lock).
    let _writing = guard.writing.lock();
    done.store(true, Ordering::Relaxed);
    // Whatever ended the session (quit, signal, hang-up, error), a value
    // being typed is kept as a draft (a draft not reopened yet is left).
    if let Some(sess) = &side.session
        && !side.draft_due
    {
        session::save_draft(&state, sess);
    }
    // Before the ledger: text held after `e`/`n` is kept the same way
    // (a draft of the last session, not reopened yet, is left).
    if side.session.is_none()
        && let (Some(path), Some(mut d)) = (&draft_path, held::held_draft(&state))
        && !path.exists()
    {
        d.saved = Stamp::now().to_string();
        let _ = draft::save(path, &d);
    }
    terminal::restore();
    match (result, side.failed) {
        // A terminal that hung up mid-draw: nobody to tell.
        (Err(Ended::Terminal(_)), _) if crate::tty::input_hung_up() => Ok(side.warnings),
        (Err(e), _) => Err(e),
        // The ledger failed while the screen was up: said now, exit code
        // as before the screen (docs/architecture.md, "Start").
        (Ok(()), Some(e)) => Err(Ended::Ledger(e)),
        (Ok(()), None) => Ok(side.warnings),
    }
}

/// The ledger's side of the loop: on its way, then the session.
struct Side<E> {
    /// The ledger being read (`None` once it has come).
    coming: Option<Arrival<Result<Ready, E>>>,
    session: Option<Session>,
    user: Option<String>,
    at: Option<Stamp>,
    /// The last session's draft is still to be reopened (the ledger has
    /// come, but a key was being typed elsewhere).
    draft_due: bool,
    warnings: Vec<u8>,
    /// The ledger could not be read: the UI stays up, browsing only, and
    /// this is said once it closes (unless a read again succeeds).
    failed: Option<E>,
    /// How to read it again, and its file's look when it failed.
    retry: Option<Retry<E>>,
    looked: Option<retry::Look>,
}

impl<E: Worded + Send + 'static> Side<E> {
    /// Takes the ledger in if it has come: true when the state changed.
    fn arrive(&mut self, state: &mut AppState) -> Result<bool, Ended<E>> {
        let Some(coming) = &mut self.coming else {
            return Ok(false);
        };
        let ready = match coming.take() {
            Taken::NotYet => return Ok(false),
            Taken::Gone => return Err(Ended::LedgerGone),
            Taken::Here(Err(e)) => {
                self.coming = None;
                self.looked = self.retry.as_ref().and_then(|r| retry::look(&r.path));
                update(state, Action::LedgerFailed(e.worded(state.lang())));
                self.failed = Some(e);
                return Ok(true);
            }
            Taken::Here(Ok(r)) => r,
        };
        self.coming = None;
        // read again after a failure: the failure is over
        let again = self.failed.take().is_some();
        self.warnings = ready.warnings;
        self.session = Some(Session {
            ledger: ready.ledger,
            city: ready.city,
            user: self.user.clone(),
            at: self.at,
        });
        update(state, Action::LedgerLoaded(Box::new(ready.loaded)));
        if again && state.message.is_none() {
            state.message = Some(state.tr(S::LedgerReadAgain).to_string());
        }
        // A key held while it was read may have asked for the history.
        if let Some(sess) = self.session.as_mut() {
            session::perform(state, sess);
        }
        self.draft_due = true;
        Ok(true)
    }

    /// A ledger that could not be read, read again on another thread if
    /// its file has changed since (a `stat` per call; the loop calls it on
    /// its timeout). True when a read was started.
    fn retry_broken(&mut self) -> bool {
        let (true, None, Some(r)) = (self.failed.is_some(), &self.coming, &self.retry) else {
            return false;
        };
        let now = retry::look(&r.path);
        if now == self.looked {
            return false;
        }
        let Ok((tx, rx)) = channel() else {
            return false;
        };
        self.looked = now;
        let read = Arc::clone(&r.read);
        std::thread::spawn(move || tx.send(read()));
        self.coming = Some(rx);
        true
    }

    /// Reopens the last session's draft once the ledger has come, when
    /// the user is browsing (not into a search or a picker being typed):
    /// true when the state changed.
    fn reopen_draft(&mut self, state: &mut AppState) -> bool {
        if !self.draft_due || state.ctx() != Ctx::Browse {
            return false;
        }
        self.draft_due = false;
        let Some(path) = self.session.as_ref().and_then(Session::draft_path) else {
            return false;
        };
        match draft::load(&path) {
            Ok(Some(d)) => {
                update(state, Action::RestoreDraft(d));
                true
            }
            _ => false,
        }
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

fn event_loop<E: Worded + Send + 'static>(
    terminal: &mut Term,
    state: &mut AppState,
    stop: &AtomicBool,
    side: &mut Side<E>,
    guard: &Guard,
) -> Result<(), Ended<E>> {
    let size = terminal.size().map_err(Ended::Terminal)?;
    update(state, Action::Resize(size.width, size.height));
    terminal::draw_frame(terminal, state).map_err(Ended::Terminal)?;
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
        // hung-up input (it spins inside its poll). The ledger's arrival
        // wakes the same wait.
        let coming = side.coming.as_ref().map(Arrival::fd);
        let input = crate::tty::wait_input_or(POLL, coming);
        if input == crate::tty::Input::HungUp || stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        let mut dirty = resized(terminal, state);
        dirty |= side.arrive(state)?;
        match handle_queued(state, side.session.as_mut(), guard) {
            Some(d) => dirty |= d,
            None => return Ok(()),
        }
        dirty |= side.reopen_draft(state);
        if input == crate::tty::Input::Timeout
            && let Some(sess) = side.session.as_mut()
            && session::refresh(state, sess)
        {
            dirty = true;
        }
        if input == crate::tty::Input::Timeout {
            side.retry_broken();
        }
        guard.keep(state);
        if state.quit {
            return Ok(());
        }
        if state.suspend {
            state.suspend = false;
            terminal::suspend(terminal).map_err(Ended::Terminal)?;
            dirty = true;
        }
        if dirty {
            terminal::draw_frame(terminal, state).map_err(Ended::Terminal)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::draft::Draft;
    use crate::ledger::{Field, Stamp};
    use crate::ui::data::Progress;
    use crate::ui::model::Mode;
    use crate::ui::model::standing::Standing;
    use crate::ui::strings::Lang;

    /// The last session's draft waits for the ledger, and then for the
    /// user to leave the search being typed when it landed: it is never
    /// opened over a text field (the letters would go into the value).
    #[test]
    fn the_draft_reopens_after_the_ledger_once_the_user_is_browsing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        let today = jiff::civil::date(2025, 6, 30);
        let d = Draft {
            id: "8.1".into(),
            field: Field::Actual,
            text: "520".into(),
            saved: String::new(),
            seen: None,
            seen_line: None,
            period: Some("2025".into()),
        };
        draft::save(&draft::draft_path(&path, "alice"), &d).unwrap();
        let plan = Arc::new(crate::plan::load_embedded().unwrap());
        let theme = Theme {
            color: false,
            ascii: false,
        };
        let mut config = Config::new(Lang::Zh, theme);
        config.writable = true;
        config.user = Some("alice".into());
        let mut state = AppState::loading(Arc::clone(&plan), today, config);
        update(&mut state, Action::Resize(100, 30));
        let (tx, rx) = channel::<Result<Ready, &str>>().unwrap();
        let mut side = Side {
            coming: Some(rx),
            session: None,
            user: Some("alice".into()),
            at: Some(Stamp::start_of(today)),
            draft_due: false,
            warnings: Vec::new(),
            failed: None,
            retry: None,
            looked: None,
        };
        update(&mut state, Action::StartSearch);
        assert!(!side.arrive(&mut state).unwrap(), "nothing has come");
        assert!(!side.reopen_draft(&mut state), "no ledger, no draft");
        let progress = Progress::empty(today);
        let standing = Standing::of(&plan, &progress);
        tx.send(Ok(Ready {
            city: Vec::new(),
            ledger: Ledger::open(&path).unwrap(),
            loaded: Loaded {
                progress,
                standing,
                warnings: 0,
                published: Vec::new(),
            },
            warnings: Vec::new(),
        }));
        assert!(side.arrive(&mut state).unwrap());
        assert!(!state.loading && side.session.is_some() && side.coming.is_none());
        assert!(!side.reopen_draft(&mut state), "not over the search field");
        assert!(matches!(state.mode, Mode::Search(_)));
        update(&mut state, Action::Cancel);
        assert!(side.reopen_draft(&mut state));
        let Mode::Edit(e) = &state.mode else {
            panic!("no editor: {:?}", state.mode)
        };
        assert_eq!((e.id.as_str(), e.field.text()), ("8.1", "520".to_string()));
        assert!(!side.reopen_draft(&mut state), "once");
    }

    /// A ledger that could not be read leaves the UI up, browsing only,
    /// its error kept for the exit (issue 12, fifth round: it ended the
    /// loop); a thread gone without an answer ends the loop.
    #[test]
    fn a_ledger_error_leaves_the_ui_up_a_lost_thread_ends_the_loop() {
        let plan = crate::plan::load_embedded().unwrap();
        let theme = Theme {
            color: false,
            ascii: false,
        };
        let today = jiff::civil::date(2025, 6, 30);
        let mut state = AppState::loading(plan, today, Config::new(Lang::Zh, theme));
        for send in [true, false] {
            let (tx, rx) = channel::<Result<Ready, &str>>().unwrap();
            let mut side = Side {
                coming: Some(rx),
                session: None,
                user: None,
                at: None,
                draft_due: false,
                warnings: Vec::new(),
                failed: None,
                retry: None,
                looked: None,
            };
            if send {
                tx.send(Err("actuals.csv:3: bad"));
                assert!(matches!(side.arrive(&mut state), Ok(true)));
                assert_eq!(side.failed, Some("actuals.csv:3: bad"));
                assert_eq!(state.broken.as_deref(), Some("actuals.csv:3: bad"));
                assert!(side.coming.is_none());
            } else {
                drop(tx);
                assert!(matches!(side.arrive(&mut state), Err(Ended::LedgerGone)));
            }
            assert!(state.loading);
        }
    }
}
