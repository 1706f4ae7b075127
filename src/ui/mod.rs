//! The full-screen UI (`wudang-plan` with no subcommand, on a terminal).
//!
//! Data flow: terminal event → [`keymap::action_for`] → [`Action`] →
//! [`update::update`] (pure, changes [`AppState`]) → [`draw`] (a function
//! of the state only). See docs/architecture.md.
//!
//! The run loop redraws only after events (poll with a timeout, no tick),
//! acts on key presses only, enables bracketed paste, uses neither the
//! mouse nor the kitty keyboard protocol, and restores the terminal on
//! every exit path: quit, error, panic, SIGTERM/SIGHUP/SIGINT/SIGQUIT.

pub mod action;
pub mod data;
pub mod detail;
pub mod field;
pub mod filter;
pub mod footer;
pub mod help;
pub mod indicators;
pub mod jump;
pub mod keymap;
pub mod layout;
pub mod overview;
pub mod paint;
pub mod picker;
pub mod search;
pub mod state;
pub mod strings;
pub mod theme;
pub mod tree;
pub mod update;

use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, enable_raw_mode,
};
use ratatui::layout::Rect;
use ratatui::{DefaultTerminal, Frame};

pub use action::Action;
pub use data::Progress;
pub use state::{AppState, Config, Mode, Pane};
pub use strings::{Lang, S};
pub use theme::Theme;
pub use update::update;

use crate::plan::Plan;
use crate::text;

/// Draws the whole screen: a function of the state only.
pub fn draw(frame: &mut Frame, state: &AppState) {
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
}

/// Runs the UI on the terminal until the user quits.
pub fn run(plan: Plan, progress: Progress, opts: Options) -> io::Result<()> {
    let theme = Theme::from_env(opts.ascii);
    let mut config = Config::new(opts.lang, theme);
    config.ledger = opts.ledger;
    if std::env::var("TERM").is_ok_and(|t| t == "linux") {
        config.note = Some(S::LinuxConsole);
    }
    let mut state = AppState::new(plan, progress, config);

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
    let result = execute!(stdout(), EnableBracketedPaste)
        .and_then(|()| event_loop(&mut terminal, &mut state, &stop));
    restore();
    result
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

const POLL: Duration = Duration::from_millis(500);

fn event_loop(
    terminal: &mut DefaultTerminal,
    state: &mut AppState,
    stop: &AtomicBool,
) -> io::Result<()> {
    let size = terminal.size()?;
    update(state, Action::Resize(size.width, size.height));
    draw_frame(terminal, state)?;
    // A poll that returns "nothing" at once, again and again, means the
    // terminal is gone (crossterm #793): stop instead of spinning.
    let mut instant_empty_polls = 0u32;
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        let started = Instant::now();
        if !event::poll(POLL)? {
            if started.elapsed() < POLL / 10 {
                instant_empty_polls += 1;
                if instant_empty_polls > 50 {
                    return Ok(());
                }
            } else {
                instant_empty_polls = 0;
            }
            continue;
        }
        instant_empty_polls = 0;
        let mut dirty = false;
        // Handle everything already queued before drawing (bursts of
        // resizes, pasted text, fast typing over a slow link).
        loop {
            let ev = event::read()?;
            for a in actions(&ev, state) {
                update(state, a);
                dirty = true;
            }
            if state.quit || state.suspend || !event::poll(Duration::ZERO)? {
                break;
            }
        }
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

/// Ctrl-Z: restore the terminal, stop (SIGTSTP), and take it back on `fg`.
fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    terminal.clear()
}
