//! The terminal: raw mode, the alternate screen and bracketed paste on
//! and off again on every exit path, Ctrl-Z, the signals that end or wake
//! the loop, drawing a frame, and what a key event means to the keymap.
//! The only part of the UI that talks to crossterm.

use std::io::{self, Stdout, stdout};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use ratatui::Terminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, EnableBracketedPaste, KeyCode, KeyEvent, KeyEventKind, KeyModifiers,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    BeginSynchronizedUpdate, Clear, ClearType, EndSynchronizedUpdate, EnterAlternateScreen,
    enable_raw_mode,
};

use super::wire::{Moves, Wire};
use crate::ui::keymap::Key;
use crate::ui::model::AppState;
use crate::ui::view::draw;

/// The UI's terminal: ratatui over [`Wire`], the crossterm backend that
/// writes fewer bytes.
pub(super) type Term = Terminal<Wire<Stdout>>;

/// Raw mode, the alternate screen, and a panic hook that restores them and
/// bracketed paste (as `ratatui::try_init`, with our backend). `moves`:
/// see [`Moves`] (`--ascii` moves after every wide character).
pub(super) fn init(moves: Moves) -> io::Result<Term> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        hook(info);
    }));
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen)?;
    Terminal::new(Wire::new(stdout(), moves))
}

/// Turns bracketed paste on (a pasted newline is text, not Enter).
pub(super) fn enable_paste() -> io::Result<()> {
    execute!(stdout(), EnableBracketedPaste)
}

/// The flag SIGTERM, SIGINT, SIGQUIT and SIGHUP set. A SIGWINCH handler
/// is installed too: a resize wakes the loop (the wait on the terminal is
/// interrupted), which then compares the size, so none is lost, even one
/// that comes before crossterm listens for them.
pub(super) fn signals() -> io::Result<Arc<AtomicBool>> {
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
    Ok(stop)
}

/// Leaves raw mode, the alternate screen and bracketed paste. Errors are
/// ignored: after a hang-up there is no terminal to restore.
pub(super) fn restore() {
    let _ = execute!(stdout(), DisableBracketedPaste);
    let _ = ratatui::try_restore();
}

/// Draws the state as one synchronized update.
pub(super) fn draw_frame(terminal: &mut Term, state: &AppState) -> io::Result<()> {
    execute!(stdout(), BeginSynchronizedUpdate)?;
    super::wire::draw(terminal, |f| draw(f, state))?;
    execute!(stdout(), EndSynchronizedUpdate)
}

/// Ctrl-Z: restore the terminal, stop (SIGTSTP), and take it back on `fg`.
pub(super) fn suspend(terminal: &mut Term) -> io::Result<()> {
    restore();
    // The shell's prompt needs its cursor (the frames hid it); the next
    // frame after `fg` hides it again (`cleared` forgets it was hidden).
    let _ = execute!(stdout(), Show);
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
    terminal.backend_mut().cleared();
    Ok(())
}

/// The key of a press event (`None` for releases, repeats of unknown
/// keys and Alt combinations, which arrive as ESC + key over SSH).
pub fn key_of(ev: &KeyEvent) -> Option<Key> {
    if ev.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    if ev.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    Some(match ev.code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => Key::BackTab,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn only_presses_count() {
        let mut ev = press(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(key_of(&ev), Some(Key::Char('j')));
        ev.kind = KeyEventKind::Release;
        assert_eq!(key_of(&ev), None);
        let shifted = press(KeyCode::Char('L'), KeyModifiers::SHIFT);
        assert_eq!(key_of(&shifted), Some(Key::Char('L')));
        let ctrl = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(key_of(&ctrl), Some(Key::Ctrl('c')));
        let alt = press(KeyCode::Char('x'), KeyModifiers::ALT);
        assert_eq!(key_of(&alt), None);
        let backtab = press(KeyCode::Tab, KeyModifiers::SHIFT);
        assert_eq!(key_of(&backtab), Some(Key::BackTab));
    }
}
