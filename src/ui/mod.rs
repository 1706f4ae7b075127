//! The full-screen UI (`wudang-plan` with no subcommand, on a terminal).
//!
//! Data flow: terminal event → [`keymap::action_for`] → [`Action`] →
//! [`update()`] (pure, changes the [`AppState`]) → [`draw`] (a function of
//! the state only). See docs/architecture.md.
//!
//! Layers, each importing only those below it:
//!
//! - [`app`]: the run loop, the terminal, the session (ledger and drafts),
//!   the watchdog — the only part doing I/O;
//! - [`update`](mod@update) (keys and the ledger's answers change the model) and
//!   [`view`] (draw-only widgets, ratatui): both on the model;
//! - [`model`]: the state as plain data, no ratatui;
//! - [`keymap`], [`action`], [`strings`], [`data`]: the one keymap, the
//!   actions, the one strings table, and the adapter data enter by.
//!
//! The write path: `update` never touches a file; it leaves a
//! [`model::Request`] in `state.request`, which the loop records through
//! the [`Session`]'s ledger (optimistic concurrency with `Expect::Row`)
//! and feeds back as an action. Every poll timeout (≤ 1 s) asks the ledger
//! to [`crate::ledger::Ledger::refresh`] (a `stat`, then only the new tail)
//! and feeds others' rows back as [`Action::Changed`].

pub mod action;
pub mod app;
pub use crate::report as data; // Progress, Class, Counts: below the UI and the CLI
pub mod keymap;
pub mod model;
pub use crate::vocab::strings; // the string table, below the UI and the CLI
pub mod update;
pub mod view;

pub use action::Action;
pub use app::{Ended, Options, ReadAgain, Ready, Retry, Session, Start, actions, run};
pub use data::Progress;
pub use model::{AppState, Config, Mode, Pane, Theme};
pub use strings::{Lang, S};
pub use update::update;
pub use view::draw;
