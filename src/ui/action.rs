//! What the user asked for. Keys become actions through the keymap; the
//! pure [`super::update::update`] applies them to the state. The run loop
//! feeds back what the ledger did as actions too ([`Action::Recorded`],
//! [`Action::Rejected`], [`Action::Conflicted`], [`Action::Changed`],
//! [`Action::Reloaded`], and at start [`Action::LedgerLoaded`]), so
//! `update` never touches a file.

use super::data::Progress;
use super::model::standing::Loaded;
use crate::ledger::draft::Draft;
use crate::ledger::{Conflict, Entry};

/// One thing the user can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Ctrl-Z: the run loop restores the terminal and stops the process.
    Suspend,
    Down,
    Up,
    /// Collapse a group / go to the parent group / move focus left.
    Left,
    /// Expand a group / go into it / move focus right.
    Right,
    NextPane,
    PrevPane,
    /// `z`: the focused pane fills the body, or the split view again.
    ToggleZoom,
    /// Esc while browsing: the split view again (nothing when not zoomed).
    Unzoom,
    Top,
    Bottom,
    PageUp,
    PageDown,
    StartSearch,
    StartJump,
    PickLeader,
    PickUnit,
    PickStatus,
    ClearFilters,
    ToggleOverview,
    ToggleHelp,
    /// Enter in a text field, a picker or the overview.
    Confirm,
    /// Esc in a text field, a picker, the help or the overview.
    Cancel,
    Backspace,
    CaretLeft,
    CaretRight,
    /// A typed character in a text field (not in the keymap: any printable
    /// key that no binding claims).
    Input(char),
    /// Bracketed paste.
    Paste(String),
    /// The terminal's new size in cells.
    Resize(u16, u16),
    /// `e` / Enter: edit the selected indicator's actual (a milestone
    /// toggles done / not done).
    Edit,
    /// Tab / Shift-Tab in the value editor: the caret to the period field
    /// or back to the value.
    SwitchField,
    /// `[` / `]` in the value editor: the period before / after.
    PrevPeriod,
    NextPeriod,
    /// `y` in the conflict prompt: record our value over theirs.
    Overwrite,
    /// `y` in a confirmation (a milestone toggle, an undo over someone
    /// else's change): do what it asks.
    Yes,
    /// `u`: undo the selected indicator's last change (a new ledger row).
    Undo,
    /// `t`: pick the selected task's status.
    PickTaskState,
    /// `n`: a note on the selected indicator (indicator pane) or task.
    Note,
    /// `H`: the selected indicator's history.
    ShowHistory,
    /// `c`: the selected indicator's chart by period.
    ShowChart,
    /// The history the run loop read for [`Action::ShowHistory`]: the id,
    /// its latest rows (newest first) and how many it has in all.
    History(String, Vec<Entry>, usize),
    /// Home / End / Ctrl-U in a text field.
    CaretHome,
    CaretEnd,
    ClearField,
    /// The ledger recorded our change (the row written).
    Recorded(Entry),
    /// The ledger refused our change; nothing was recorded.
    Rejected(String),
    /// The value already was ours: nothing was recorded. The id and the row
    /// that set the current value.
    Unchanged(String, Option<Entry>),
    /// Someone else changed the value after the editor opened.
    Conflicted(Conflict),
    /// Someone else changed the value the screen showed before `u`:
    /// nothing was undone.
    UndoConflicted(Conflict),
    /// A value being typed when the last session ended: reopen its editor,
    /// expecting the value it was opened with.
    RestoreDraft(Draft),
    /// Rows other sessions appended (live refresh), file order.
    Changed(Vec<Entry>),
    /// The ledger was replaced and read again: everything may have changed.
    Reloaded(Box<Progress>),
    /// The ledger read at start on another thread, with every indicator
    /// judged there: ends [`crate::ui::AppState::loading`].
    LedgerLoaded(Box<Loaded>),
    /// The ledger could not be read at start (after the first frame): why,
    /// file and line. The UI stays up, read-only.
    LedgerFailed(String),
}

impl Action {
    /// One of every action, for tests that must cover them all.
    pub fn examples() -> Vec<Action> {
        vec![
            Action::Quit,
            Action::Suspend,
            Action::Down,
            Action::Up,
            Action::Left,
            Action::Right,
            Action::NextPane,
            Action::PrevPane,
            Action::ToggleZoom,
            Action::Unzoom,
            Action::Top,
            Action::Bottom,
            Action::PageUp,
            Action::PageDown,
            Action::StartSearch,
            Action::StartJump,
            Action::PickLeader,
            Action::PickUnit,
            Action::PickStatus,
            Action::ClearFilters,
            Action::ToggleOverview,
            Action::ToggleHelp,
            Action::Confirm,
            Action::Cancel,
            Action::Backspace,
            Action::CaretLeft,
            Action::CaretRight,
            Action::Input('朱'),
            Action::Paste("zkc".into()),
            Action::Resize(80, 24),
            Action::Edit,
            Action::SwitchField,
            Action::PrevPeriod,
            Action::NextPeriod,
            Action::Overwrite,
            Action::Yes,
            Action::CaretHome,
            Action::CaretEnd,
            Action::ClearField,
            Action::Rejected("x".into()),
            Action::Undo,
            Action::ShowHistory,
            Action::ShowChart,
            Action::PickTaskState,
            Action::Note,
        ]
    }
}
