//! The model: everything the UI knows, as plain data — the state
//! ([`AppState`]), what has the keyboard ([`Mode`]), cursors, filters and
//! the visible set, the pickers' and the overview's rows, the pane
//! geometry for a size ([`layout`]), and the texts whose length `update`
//! needs (the detail pane, help, the indicator box's note: [`info`]), laid
//! out by display width as [`doc`] lines; the chart popup's data and
//! geometry ([`chart`]). No ratatui, no terminal, no
//! file: [`super::update()`] changes it, [`super::view`] draws it.

pub mod chart;
pub mod cursor;
pub mod detail;
pub mod doc;
pub mod field;
pub mod filter;
pub mod help;
pub mod info;
pub mod jump;
pub mod layout;
pub mod mode;
pub mod overview;
pub mod people;
pub mod period;
pub mod picker;
pub mod refusal;
pub mod search;
pub mod standing;
pub mod state;
pub mod table;
pub mod theme;
pub mod tree_row;
pub mod widths;
pub mod words;

pub use cursor::{Cursor, Move};
pub use layout::Pane;
pub use mode::{Clash, Confirm, Editor, Far, HistoryView, Mode, Request};
pub use state::{AppState, Config, Held, TreeRow};
pub use theme::Theme;
