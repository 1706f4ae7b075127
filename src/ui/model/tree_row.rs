//! One line of the task tree ([`TreeRow`]), below the state that lists
//! them and the table widths worked out for one.

/// One line of the task tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreeRow {
    /// Everything the filters leave.
    All,
    /// A district of a city's plan (position in [`Plan::districts`]),
    /// above its groups.
    ///
    /// [`Plan::districts`]: crate::plan::Plan::districts
    District(usize),
    Group(u32),
    /// Index into [`Visible::tasks`].
    ///
    /// [`Visible::tasks`]: super::filter::Visible::tasks
    Task(usize),
}
