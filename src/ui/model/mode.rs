//! What has the keyboard ([`Mode`]) and the writes in flight: the
//! editor, the y/n questions, a conflict waiting for an answer, the
//! request the run loop is to record, the history and chart popups.

use super::cursor::Cursor;
use super::field::TextField;
use super::period::PeriodField;
use super::picker::Picker;
use crate::ledger::{Expect, Field, Stamp};
use crate::text;
use crate::ui::strings::{Lang, S};

/// What has the keyboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Browse,
    /// `/`: the search being typed filters live.
    Search(TextField),
    /// `:`: a task or indicator id.
    Jump(TextField),
    Picker(Picker),
    /// The overview; the cursor is in [`super::AppState::overview`] (never on a
    /// heading).
    Overview(Cursor),
    /// `e`: the inline editor of an indicator's actual.
    Edit(Editor),
    /// A y/n question before a write.
    Confirm(Confirm),
}

/// A y/n question before a write: `y` records, `n` / Esc records nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// `e` / Enter on a milestone: record `new` (`done` / `not_done`) for
    /// `period` (the default one), expecting `seen`, that period's value.
    Toggle {
        id: String,
        period: crate::plan::Period,
        seen: Option<String>,
        /// The line of the row shown (see [`Editor::seen_row`]).
        seen_row: Option<u64>,
        new: String,
    },
    /// Enter on a value more than [`LARGE`] times the target or the value
    /// before (a slip such as `400410` for 410): `y` records it, `n` goes
    /// back to the editor.
    Large {
        editor: Box<Editor>,
        /// The value to record (ledger form).
        value: String,
        far: Far,
    },
    /// `u` on a change that is someone else's, or of a period other than
    /// the one shown: undo it? `y` expects exactly that row.
    Undo {
        id: String,
        last: crate::report::LastRow,
    },
    /// `u`, but the value changed since the screen showed `seen`: undo
    /// anyway, reverting their change?
    UndoOver {
        id: String,
        field: Field,
        seen: Option<String>,
        clash: Clash,
        /// The period of the row found (`None`: not an actual).
        period: Option<crate::plan::Period>,
    },
}

/// A value more than this many times the target or the value before is
/// asked about before it is recorded.
pub const LARGE: u32 = 10;

/// What a typed value is more than [`LARGE`] times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Far {
    /// The indicator's target.
    Target(rust_decimal::Decimal),
    /// The value before: the period's own, else the latest earlier
    /// period's (with that period).
    Before(rust_decimal::Decimal, crate::plan::Period),
}

/// The inline editor of one indicator's actual.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    /// The indicator id (a task id for a task note).
    pub id: String,
    /// What is edited: an indicator's actual, or a note.
    pub target: Field,
    pub field: TextField,
    /// The value (ledger form) the editor saw when it opened: the edit is
    /// recorded only if it is still the current value.
    pub seen: Option<String>,
    /// The line of the ledger row that held `seen` (`0`: none), expected
    /// too, so a value changed and changed back is a conflict; `None`: not
    /// known (a draft from before the column existed), the value alone is
    /// checked.
    pub seen_row: Option<u64>,
    /// Why the last Enter was refused (nothing was recorded).
    pub error: Option<String>,
    /// Someone else changed the value since the editor opened.
    pub clash: Option<Clash>,
    /// The value (ledger form) sent to the ledger; keys wait for its
    /// answer.
    pub sending: Option<String>,
    /// The period an actual is recorded for (`None`: a note). `seen` and
    /// `seen_row` are that period's.
    pub period: Option<PeriodField>,
    /// Something was typed in the value field; until then it shows the
    /// value of the period chosen.
    pub edited: bool,
}

/// A conflict waiting for y (overwrite) or n (keep theirs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    pub who: Option<String>,
    pub when: Option<Stamp>,
    /// Their value (ledger form; `None`: cleared).
    pub theirs: Option<String>,
    /// Our value (ledger form).
    pub ours: String,
    /// The line of their row (`0`: none): what `y` expects.
    pub row: u64,
}

/// A change `update` asks the run loop to record through the ledger; the
/// loop answers with [`crate::ui::Action::Recorded`], `Rejected` or
/// `Conflicted`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub id: String,
    pub field: Field,
    pub value: Option<String>,
    pub expect: Expect,
    pub note: Option<String>,
    /// Undo the last change of `id`'s `field` instead (value and expect
    /// unused).
    pub undo: bool,
    /// The period of an actual (`None`: a status, a note, an undo).
    pub period: Option<crate::plan::Period>,
}

/// The history popup (`H`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryView {
    pub id: String,
    /// The latest changes, newest first (at most a few hundred).
    pub rows: Vec<crate::ledger::Entry>,
    /// How many changes the ledger holds for the id in all.
    pub total: usize,
    /// `sel`: the first row shown.
    pub cursor: Cursor,
}

/// The chart popup (`c`): which indicator, and how far its table of
/// periods is scrolled; what it shows is computed from the state when
/// drawn ([`super::chart::Sheet`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartView {
    pub id: String,
    /// Table rows scrolled back from the latest (0: the latest period is
    /// the last row shown, also after a new one arrives).
    pub back: usize,
}

/// Most footer lines the reason for a refused edit takes (below the
/// editor's own line).
pub const ERROR_LINES: usize = 2;

impl Editor {
    /// `无效：` and the reason the edit was refused, wrapped by display
    /// width to `width` cells (a double-width character is never split),
    /// at most [`ERROR_LINES`] lines, the last cut with `~` only if it is
    /// longer still. Empty without an error.
    pub fn error_text(&self, lang: Lang, width: usize) -> Vec<String> {
        let Some(why) = &self.error else {
            return Vec::new();
        };
        let label = format!("{}{}", S::Invalid.get(lang), S::Colon.get(lang));
        let full = format!("{label}{why}");
        let mut lines = text::wrap(&full, width);
        if lines.len() > ERROR_LINES {
            // The text after the lines kept (wrap drops only the spaces at
            // its breaks), cut by width on the last line.
            lines.truncate(ERROR_LINES - 1);
            let mut rest = full.as_str();
            for l in &lines {
                rest = rest.trim_start().strip_prefix(l.as_str()).unwrap_or(rest);
            }
            lines.push(text::truncate(rest.trim_start(), width));
        }
        lines
    }
}
