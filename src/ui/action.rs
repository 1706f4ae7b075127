//! What the user asked for. Keys become actions through the keymap; the
//! pure [`super::update::update`] applies them to the state.

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
        ]
    }
}
