//! One cursor for every list and every scrolled text of the UI: the task
//! tree, the indicator list, the detail pane, help, the overview, a picker
//! and the history popup. It moves by a [`Move`] (one, a page, to either
//! end) and is kept inside its list and on screen by [`Cursor::keep`]; the
//! list's length and page come from the caller, so nothing is stored
//! twice.

use crate::ui::action::Action;

/// A move of a cursor, as the keys ask for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
}

impl Move {
    /// The move an action asks for, if it is one.
    pub fn of(a: &Action) -> Option<Move> {
        Some(match a {
            Action::Down => Move::Down,
            Action::Up => Move::Up,
            Action::PageDown => Move::PageDown,
            Action::PageUp => Move::PageUp,
            Action::Top => Move::Top,
            Action::Bottom => Move::Bottom,
            _ => return None,
        })
    }
}

/// A place in a list of items shown a screenful at a time: `sel` is the
/// selected item, `offset` the first one on screen. A text that only
/// scrolls (the detail pane, help, history) uses `sel` as its first line
/// shown, over the positions `0..=max`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub sel: usize,
    pub offset: usize,
}

impl Cursor {
    /// Where `m` takes the selection in a list of `len` items, `page` of
    /// them a screen, stopping only on items `ok` accepts (the overview's
    /// headings are skipped). With nowhere to go it stays.
    pub fn target_where(
        &self,
        m: Move,
        len: usize,
        page: usize,
        ok: impl Fn(usize) -> bool,
    ) -> usize {
        let next = |from: usize| (from + 1..len).find(|&i| ok(i)).unwrap_or(from);
        let prev = |from: usize| (0..from).rev().find(|&i| ok(i)).unwrap_or(from);
        match m {
            Move::Down => next(self.sel),
            Move::Up => prev(self.sel),
            Move::PageDown => (0..page).fold(self.sel, |at, _| next(at)),
            Move::PageUp => (0..page).fold(self.sel, |at, _| prev(at)),
            Move::Top => (0..len).find(|&i| ok(i)).unwrap_or(0),
            Move::Bottom => (0..len).rev().find(|&i| ok(i)).unwrap_or(0),
        }
    }

    /// Where `m` takes the selection in a list of `len` items.
    pub fn target(&self, m: Move, len: usize, page: usize) -> usize {
        match m {
            Move::Down => (self.sel + 1).min(len.saturating_sub(1)),
            Move::PageDown => (self.sel + page).min(len.saturating_sub(1)),
            Move::Up => self.sel.saturating_sub(1),
            Move::PageUp => self.sel.saturating_sub(page),
            Move::Top => 0,
            Move::Bottom => len.saturating_sub(1),
        }
    }

    /// Moves the selection by `m` in a list of `len` items.
    pub fn go(&mut self, m: Move, len: usize, page: usize) {
        self.sel = self.target(m, len, page);
    }

    /// Keeps the selection inside a list of `len` items.
    pub fn clamp(&mut self, len: usize) {
        self.sel = self.sel.min(len.saturating_sub(1));
    }

    /// The first item to show so that the selection is visible in
    /// `height` lines, moving the offset as little as possible.
    pub fn first_shown(&self, height: usize, len: usize) -> usize {
        if height == 0 {
            return self.sel.min(len.saturating_sub(1));
        }
        let mut off = self.offset;
        if self.sel < off {
            off = self.sel;
        } else if self.sel >= off + height {
            off = self.sel + 1 - height;
        }
        off.min(len.saturating_sub(height))
    }

    /// Keeps the selection inside a list of `len` items and, when `height`
    /// lines of it are shown, on screen.
    pub fn keep(&mut self, len: usize, height: usize) {
        self.clamp(len);
        if height > 0 {
            self.offset = self.first_shown(height, len);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(sel: usize, offset: usize) -> Cursor {
        Cursor { sel, offset }
    }

    #[test]
    fn scroll_keeps_selection_visible() {
        assert_eq!(at(5, 0).first_shown(3, 10), 3);
        assert_eq!(at(2, 4).first_shown(3, 10), 2);
        assert_eq!(at(9, 8).first_shown(3, 10), 7);
        assert_eq!(at(0, 0).first_shown(0, 0), 0);
    }

    #[test]
    fn moves_stop_at_the_ends() {
        let c = at(3, 0);
        assert_eq!(c.target(Move::Down, 5, 2), 4);
        assert_eq!(at(4, 0).target(Move::Down, 5, 2), 4);
        assert_eq!(c.target(Move::PageDown, 5, 10), 4);
        assert_eq!(c.target(Move::PageUp, 5, 10), 0);
        assert_eq!(c.target(Move::Up, 5, 1), 2);
        assert_eq!(at(0, 0).target(Move::Up, 5, 1), 0);
        assert_eq!(c.target(Move::Top, 5, 1), 0);
        assert_eq!(c.target(Move::Bottom, 5, 1), 4);
        assert_eq!(at(0, 0).target(Move::Bottom, 0, 1), 0);
        assert_eq!(at(0, 0).target(Move::Down, 0, 1), 0);
    }

    #[test]
    fn moves_skip_what_cannot_be_selected() {
        // items 0 and 3 are headings
        let ok = |i: usize| i != 0 && i != 3;
        let c = at(2, 0);
        assert_eq!(c.target_where(Move::Down, 6, 1, ok), 4);
        assert_eq!(
            at(1, 0).target_where(Move::Up, 6, 1, ok),
            1,
            "nothing above"
        );
        assert_eq!(c.target_where(Move::Top, 6, 1, ok), 1);
        assert_eq!(c.target_where(Move::Bottom, 6, 1, ok), 5);
        assert_eq!(c.target_where(Move::PageDown, 6, 2, ok), 5);
        assert_eq!(at(5, 0).target_where(Move::PageUp, 6, 2, ok), 2);
        assert_eq!(
            at(5, 0).target_where(Move::Down, 6, 1, ok),
            5,
            "nothing below"
        );
    }

    #[test]
    fn keep_clamps_and_scrolls() {
        let mut c = at(9, 0);
        c.keep(5, 2);
        assert_eq!(c, at(4, 3));
        let mut c = at(9, 0);
        c.keep(5, 0);
        assert_eq!(c, at(4, 0), "no screen: the offset stays");
    }
}
