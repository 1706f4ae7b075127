//! What the ledger says about the plan, counted and worded for people:
//! shared by the command line and the full-screen UI, below both (no
//! ratatui, no clap).
//!
//! - [`progress`]: [`Progress`], the current actuals, task states and notes
//!   the UI keeps, filled from the ledger and kept up to date row by row;
//! - [`last`]: [`LastRow`], an indicator's last actual row whatever its
//!   period (what `u` reverts);
//! - [`pace`]: [`Pace`], an indicator's period, baseline, expected value
//!   and light as of a date, from its values by period ([`Point`]);
//! - [`series`]: every period's value judged as it stood (expected value and
//!   light), for `series` and the UI's chart;
//! - [`facts`]: [`Facts`], what a ledger says of each indicator and task
//!   as of a day (actual, status, state, pace), for the command line;
//! - [`counts`]: [`Counts`] of indicators per status, and the four
//!   [`Class`]es the UI groups statuses into;
//! - [`words`]: values and targets as text, in the command line's machine
//!   words or a UI language ([`crate::vocab::Wording`]).

pub mod counts;
pub mod facts;
pub mod last;
pub mod pace;
pub mod progress;
pub mod series;
pub mod words;

pub use counts::{Class, Counts};
pub use facts::Facts;
pub use last::LastRow;
pub use pace::{Pace, Point};
pub use progress::{NoteKind, Noted, Progress, Seen};
pub use words::{actual_cell, actual_text, nothing, period_text, target_text, value_text};
