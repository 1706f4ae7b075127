//! A key that needs the ledger, pressed while it is read at start
//! ([`Ctx::Held`]): it waits for the ledger, and what is typed after it is
//! held (shown on the status line), never run as keys — a note typed
//! after a refused `n` used to run letter by letter, and its `q` quit.
//! When the ledger lands the key runs, and the text fills the field it
//! opened (nothing is recorded before Enter there). `u` is only refused:
//! an undo is not done later on its own.

use super::{browse, input};
use crate::text;
use crate::ui::action::Action;
use crate::ui::keymap::{self, Ctx};
use crate::ui::model::refusal::unreadable;
use crate::ui::model::{AppState, Held};
use crate::ui::strings::{S, fill};

/// A key that needs the ledger, pressed while it is read (or after it
/// failed: refused, saying why).
pub(super) fn refuse(s: &mut AppState, action: Action) {
    if let Some(why) = &s.broken {
        s.message = Some(unreadable(s.lang(), S::LedgerBrokenKey, why));
        return;
    }
    if keymap::is_write(&action) && !s.config.writable {
        // read-only: refused now, for that reason, not held
        browse::key(s, action);
        return;
    }
    if action == Action::Undo {
        s.message = Some(s.tr(S::LedgerStillLoading).to_string());
        return;
    }
    s.held = Some(Held {
        action,
        typed: String::new(),
    });
    say(s);
}

/// A key while one is held: text kept, Esc drops it (saying what).
pub(super) fn key(s: &mut AppState, action: Action) {
    let Some(h) = s.held.as_mut() else { return };
    match action {
        Action::Input(c) => h.typed.push(c),
        Action::Paste(t) => h.typed.push_str(&t),
        Action::Backspace => {
            h.typed.pop();
        }
        Action::Cancel => {
            let typed = std::mem::take(&mut h.typed);
            s.held = None;
            if !typed.is_empty() {
                s.message = Some(fill(s.lang(), S::HeldDropped, &[&text::visible(&typed)]));
            }
            return;
        }
        _ => {}
    }
    say(s);
}

fn say(s: &mut AppState) {
    let typed = s
        .held
        .as_ref()
        .map(|h| text::visible(&h.typed.replace('\t', "[Tab]")).into_owned());
    s.message = Some(fill(
        s.lang(),
        S::LedgerHeld,
        &[typed.as_deref().unwrap_or("")],
    ));
}

/// The ledger has landed: the held key runs, and the text typed after it
/// fills the field it opened (or is said not run).
pub(super) fn land(s: &mut AppState) {
    let Some(Held { action, typed }) = s.held.take() else {
        return;
    };
    if s.message
        .as_deref()
        .is_some_and(|m| m.starts_with(held_prefix(s)))
    {
        s.message = None;
    }
    browse::key(s, action);
    if typed.is_empty() {
        return;
    }
    if matches!(s.ctx(), Ctx::Input | Ctx::Edit) {
        // a held Tab moves to the next field of an editor that has one
        // (the period), as typed; elsewhere it is left out
        let mut parts = typed.split('\t');
        input::key(s, Action::Paste(parts.next().unwrap_or_default().into()));
        for part in parts {
            if s.ctx() == Ctx::Edit
                && let Some(tab) = keymap::action_for(Ctx::Edit, keymap::Key::Tab)
            {
                super::update(s, tab);
            }
            for c in part.chars() {
                super::update(s, Action::Input(c));
            }
        }
        s.message = Some(s.tr(S::HeldFilled).to_string());
    } else {
        s.message = Some(fill(s.lang(), S::HeldNotRun, &[&text::visible(&typed)]));
    }
}

/// The start of the held message, whatever was typed.
fn held_prefix(s: &AppState) -> &'static str {
    let t = s.tr(S::LedgerHeld);
    &t[..t.find("{}").unwrap_or(t.len())]
}

/// The ledger could not be read (`why`: the error): the UI stays up,
/// browsing only; the status line says why (its first line, the ledger's
/// directory left out: the footer names the file), a held key is dropped.
pub(super) fn failed(s: &mut AppState, why: &str) {
    let mut why = why.lines().next().unwrap_or_default().to_string();
    if let Some(path) = &s.config.ledger {
        let name = std::path::Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        if let Some(name) = name {
            why = why.replace(path.as_str(), &name);
        }
    }
    s.broken = Some(text::visible(&why).into_owned());
    s.message = None;
    if let Some(h) = s.held.take()
        && !h.typed.is_empty()
    {
        s.message = Some(fill(s.lang(), S::HeldDropped, &[&text::visible(&h.typed)]));
    }
}
