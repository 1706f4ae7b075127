//! The leader (`L`), unit (`U`), status or light (`S`) and task status (`t`)
//! pickers: a list with counts, narrowed as you type Chinese or pinyin
//! (`zkc` → 朱快春). Opening one (its items) is `update`'s; drawing it the
//! view's.

use super::cursor::Cursor;
use super::field::TextField;
use super::filter::LightFilter;
use super::layout::{Area, centered};
use crate::plan::names::Query;
use crate::text;
use crate::ui::data::Class;
use crate::ui::strings::S;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickKind {
    Leader,
    Unit,
    Status,
    /// `t`: the selected task's status (not_started … done).
    TaskState,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickValue {
    Name(String),
    Class(Class),
    /// A light or 逾期未报 (the `S` picker's second part).
    Light(LightFilter),
    State(crate::ledger::TaskState),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickItem {
    pub value: PickValue,
    pub label: String,
    /// Pinyin initials (names) or the other language's word (statuses).
    pub alt: String,
    /// Texts the typed query is matched against.
    pub keys: Vec<String>,
    pub count: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub kind: PickKind,
    pub field: TextField,
    pub items: Vec<PickItem>,
    /// Indexes into `items` that match the field.
    pub shown: Vec<usize>,
    /// The selected row of `shown` and the first on screen.
    pub cursor: Cursor,
    /// The task whose status a [`PickKind::TaskState`] picker sets.
    pub task: Option<String>,
    /// The task's status (machine word) when the picker opened: what the
    /// pick expects, whatever a live refresh brought in since.
    pub seen: Option<String>,
    /// The line of the row that set `seen` (`0`: none).
    pub seen_row: u64,
}

impl Picker {
    /// A picker of `items`, nothing typed yet.
    pub fn new(kind: PickKind, items: Vec<PickItem>, task: Option<String>) -> Picker {
        let mut p = Picker {
            kind,
            field: TextField::default(),
            shown: Vec::new(),
            items,
            cursor: Cursor::default(),
            task,
            seen: None,
            seen_row: 0,
        };
        p.narrow();
        p
    }

    /// Re-applies the typed text to the list; the selection goes to the
    /// first match.
    pub fn narrow(&mut self) {
        let query = Query::new(&self.field.text());
        let q = query.compile();
        let lower = self.field.text().trim().to_lowercase();
        self.shown = self
            .items
            .iter()
            .enumerate()
            .filter(|(_, it)| {
                query.is_empty()
                    || it.keys.iter().any(|k| q.matches(k))
                    || (!it.alt.is_empty() && it.alt.to_lowercase().contains(&lower))
            })
            .map(|(i, _)| i)
            .collect();
        self.cursor = Cursor::default();
    }

    pub fn selected(&self) -> Option<&PickItem> {
        self.shown
            .get(self.cursor.sel)
            .and_then(|&i| self.items.get(i))
    }

    pub fn title(&self) -> S {
        match self.kind {
            PickKind::Leader => S::PickLeader,
            PickKind::Unit => S::PickUnit,
            PickKind::Status => S::PickStatus,
            PickKind::TaskState => S::PickTaskState,
        }
    }

    /// The popup's rectangle inside the main area.
    pub fn popup(&self, main: Area) -> Area {
        let label_w = widest(&self.items, |i| &i.label);
        let count_w = widest(&self.items, |i| &i.count);
        let want_w = (label_w + count_w + 16).max(44) as u16;
        let want_h = (self.items.len() as u16).saturating_add(4);
        centered(main, want_w.min(main.width.saturating_sub(2)), want_h)
    }
}

/// The widest of one column of the items, in display cells.
pub fn widest(items: &[PickItem], col: impl Fn(&PickItem) -> &String) -> usize {
    items.iter().map(|i| text::width(col(i))).max().unwrap_or(0)
}

/// Rows of the list inside the popup.
pub fn list_height(popup: Area) -> usize {
    popup.height.saturating_sub(4) as usize
}
