//! `update(state, action)`: every change of the UI state, pure (no
//! terminal, no file, no drawing), so each action is tested without a
//! terminal. It depends on the model and the keymap only.
//!
//! After each action `settle` keeps every cursor in
//! range and on screen against numbers kept in the state: the pane
//! geometry for the state's size, and the line counts of the detail pane
//! and help, which are laid out again only when what they show or their
//! width changed (never on every key).
//!
//! - `browse`: the tree and the panes (`Browse` keys);
//! - `input`: text fields — search, jump, pickers, the editor; `pick`
//!   opens a picker, `jump` selects what `:` names;
//! - `overlays`: help, the overview and the history popup; `chart`: the
//!   chart popup;
//! - `writes`: editing, undo, the y/n questions, a conflict's answer;
//!   `ask`: the questions before a write that looks like a slip;
//!   `period`: the value editor's period (the default, Tab, `[` `]`);
//! - `answers`: what the run loop feeds back (the ledger's answers,
//!   others' rows, a draft, the history read);
//! - `settle`: geometry, line counts and cursors after every action.
//!
//! The run loop applies the keys already queued with [`queue`] and then
//! [`flush`]es once before drawing: a burst of search letters refilters
//! once ([`update`] is `queue` then `flush`).

mod answers;
mod ask;
mod browse;
mod chart;
mod held;
mod input;
mod jump;
mod overlays;
mod period;
mod pick;
mod settle;
mod writes;

use super::action::Action;
use super::keymap::{self, Ctx};
use super::model::AppState;
use settle::settle;

/// Works out once, before it is asked for, what depends on the plan only
/// and costs more than a key may (the search's index, the `L` and `U`
/// pickers' items): the run loop calls it after the first frame.
pub fn warm(s: &AppState) {
    pick::warm(s);
}

/// Applies `action` to `s`, the visible set included.
pub fn update(s: &mut AppState, action: Action) {
    queue(s, action);
    flush(s);
}

/// Applies `action` to `s` as one of a batch of queued keys: a search
/// letter's refilter (the costly part) waits for [`flush`], so a burst of
/// typed or pasted letters filters once. Any other key refilters first,
/// so it sees the visible set of the letters before it.
pub fn queue(s: &mut AppState, action: Action) {
    if s.refilter_due && !input::typing(s, &action) {
        input::refilter_now(s);
    }
    apply(s, action);
}

/// Ends a batch of queued keys: the refilter they left, once.
pub fn flush(s: &mut AppState) {
    if s.refilter_due {
        input::refilter_now(s);
        settle(s);
    }
}

fn apply(s: &mut AppState, action: Action) {
    // What the run loop feeds back (the ledger's answers, others' rows, a
    // draft) is not a key: it leaves the message it sets.
    let Some(action) = answers::answer(s, action) else {
        settle(s);
        return;
    };
    match action {
        Action::Resize(w, h) => {
            s.size = (w, h);
            settle(s);
            return;
        }
        Action::Quit => {
            s.quit = true;
            return;
        }
        Action::Suspend => {
            s.suspend = true;
            return;
        }
        _ => {}
    }
    // A message stays until the next key.
    s.message = None;
    if s.loading && s.ctx() == Ctx::Browse && keymap::needs_ledger(&action) {
        held::refuse(s, action);
        settle(s);
        return;
    }
    match s.ctx() {
        Ctx::Help => overlays::help_key(s, action),
        Ctx::Overview => overlays::overview_key(s, action),
        Ctx::Input | Ctx::Edit => input::key(s, action),
        Ctx::Browse => browse::key(s, action),
        Ctx::Conflict => writes::conflict_key(s, action),
        Ctx::Confirm => writes::confirm_key(s, action),
        Ctx::History => overlays::history_key(s, action),
        Ctx::Chart => chart::key(s, action),
        Ctx::Held => held::key(s, action),
    }
    settle(s);
}

#[cfg(test)]
mod loading_tests;
