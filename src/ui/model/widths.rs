//! The indicator table's column widths as data, below the state that keeps
//! them ([`super::state::Measured`]) and the table that works them out
//! ([`super::table`]): what they were worked out for ([`Key`]), each
//! indicator's id and target widths ([`Cells`]) and the widest cell of each
//! column ([`Widths`]).

use super::tree_row::TreeRow;
use crate::plan::Plan;
use crate::text;
use crate::ui::strings::Lang;

/// The widest the target column gets (the view narrows it to 30 % of the
/// pane's width, at least 10).
pub const TARGET_CAP: usize = 20;
/// The actual column's width (longer values are cut).
pub const ACTUAL_CAP: usize = 10;

/// What the widths were worked out for: the tree row, the list (its
/// length and a hash of its positions), [`AppState::revision`] (the
/// statuses and lights), the language and `--ascii`.
///
/// [`AppState::revision`]: super::state::AppState::revision
pub type Key = (TreeRow, usize, u64, u64, Lang, bool);

/// Each indicator's id and target widths in display cells, in plan order,
/// worked out once per plan (the plan does not change in a session). A
/// target of [`NO_TARGET`] is a milestone's (the language's 完成).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cells {
    pub(super) id: Vec<u8>,
    pub(super) target: Vec<u8>,
}

/// [`Cells`]' target for an indicator without a number (a milestone).
pub(super) const NO_TARGET: u8 = u8::MAX;

impl Cells {
    pub fn of(plan: &Plan) -> Cells {
        let cap = |w: usize| u8::try_from(w).unwrap_or(u8::MAX - 1).min(u8::MAX - 1);
        let inds = &plan.indicators;
        Cells {
            id: inds.iter().map(|i| cap(text::width(i.id()))).collect(),
            target: inds
                .iter()
                .map(|i| i.target_text().map_or(NO_TARGET, |t| cap(text::width(&t))))
                .collect(),
        }
    }
}

/// The widest cell of each column over the whole list, headings left out
/// (the view adds them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Widths {
    /// The id with room for its note mark.
    pub id: usize,
    /// The target (`>= 500 亿元`), at most [`TARGET_CAP`].
    pub target: usize,
    /// The target when the year column is left out: ` (2027)` after the
    /// targets not due in [`Widths::common`]; at most [`TARGET_CAP`].
    pub dated: usize,
    /// The actual, at most [`ACTUAL_CAP`].
    pub actual: usize,
    /// The widest status mark and word (`✔ 超额达标`).
    pub word: usize,
    /// The widest light mark with the 逾期未报 mark after it (`红!`).
    pub lit: usize,
    /// The deadline most of the list shares (the latest of the most
    /// shared on a tie); the title shows it when the year column is left
    /// out. None for an empty list.
    pub common: Option<i32>,
}
