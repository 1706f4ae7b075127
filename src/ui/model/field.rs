//! A one-line text field. The caret is a character index; its screen column
//! is the display width of the text before it, so the hardware cursor (and
//! the IME's candidate window) lands right after a Chinese character.
//!
//! A field may be *selected* as a whole, like a spreadsheet cell: the value
//! editor opens (and comes back to) a value it filled in itself selected,
//! so the first character typed or pasted replaces it; Backspace, the
//! caret keys and Ctrl-U end the selection and edit the text instead.

use crate::text;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    chars: Vec<char>,
    caret: usize,
    /// The whole text is selected: the next insert replaces it.
    selected: bool,
}

impl TextField {
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Inserts `c` at the caret (replacing the text if it is selected);
    /// control characters are dropped.
    pub fn insert(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        if std::mem::take(&mut self.selected) {
            self.clear();
        }
        self.chars.insert(self.caret, c);
        self.caret += 1;
    }

    /// Inserts pasted text; newlines, tabs and other control characters
    /// are dropped (a pasted newline must not act as Enter; Excel adds a
    /// tab or newline after a copied cell).
    pub fn insert_str(&mut self, s: &str) {
        for c in s.chars() {
            self.insert(c);
        }
    }

    /// Selects the whole text (nothing when empty): the next character
    /// typed or pasted replaces it.
    pub fn select(&mut self) {
        self.selected = !self.chars.is_empty();
    }

    pub fn is_selected(&self) -> bool {
        self.selected
    }

    pub fn backspace(&mut self) {
        self.selected = false;
        if self.caret > 0 {
            self.caret -= 1;
            self.chars.remove(self.caret);
        }
    }

    /// A field holding `s`, the caret at its end.
    pub fn with(s: &str) -> Self {
        let mut f = TextField::default();
        f.insert_str(s);
        f
    }

    pub fn home(&mut self) {
        self.selected = false;
        self.caret = 0;
    }

    pub fn end(&mut self) {
        self.selected = false;
        self.caret = self.chars.len();
    }

    /// Ctrl-U: empties the field.
    pub fn clear(&mut self) {
        self.selected = false;
        self.chars.clear();
        self.caret = 0;
    }

    pub fn left(&mut self) {
        self.selected = false;
        self.caret = self.caret.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.selected = false;
        self.caret = (self.caret + 1).min(self.chars.len());
    }

    pub fn caret(&self) -> usize {
        self.caret
    }

    /// Display width of the text before the caret.
    pub fn caret_col(&self) -> usize {
        let before: String = self.chars[..self.caret].iter().collect();
        text::width(&before)
    }

    /// What of the field is shown in `room` cells so that the caret stays
    /// inside them, and the caret's column there: the text from its start
    /// while the caret fits, else [`text::ELLIPSIS`] and the text from the
    /// first character that leaves the caret in the last cell (by display
    /// width: a wide character is shown whole or not at all). The text
    /// after the caret may run past `room` (the bar cuts it).
    pub fn window(&self, room: usize) -> (Window, usize) {
        let col = self.caret_col();
        if col < room {
            return (
                Window {
                    from: 0,
                    cut: false,
                },
                col,
            );
        }
        let marker = text::width(text::ELLIPSIS);
        // cells for the text before the caret: all but the marker and the
        // caret's own cell
        let keep = room.saturating_sub(marker + 1);
        let mut from = self.caret;
        let mut w = 0;
        while from > 0 {
            let cw = text::char_width(self.chars[from - 1]);
            if w + cw > keep {
                break;
            }
            w += cw;
            from -= 1;
        }
        (Window { from, cut: true }, marker + w)
    }

    /// The text from character `from` on.
    pub fn text_from(&self, from: usize) -> String {
        self.chars.iter().skip(from).collect()
    }
}

/// The part of a [`TextField`] shown: from character `from`, after
/// [`text::ELLIPSIS`] when `cut` (the start is scrolled off).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub from: usize,
    pub cut: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_column_counts_display_width() {
        let mut f = TextField::default();
        f.insert_str("朱k");
        assert_eq!(f.caret_col(), 3);
        f.left();
        assert_eq!(f.caret_col(), 2);
        f.insert('快');
        assert_eq!(f.text(), "朱快k");
        assert_eq!(f.caret_col(), 4);
        f.backspace();
        assert_eq!(f.text(), "朱k");
        f.right();
        f.right();
        assert_eq!(f.caret(), 2);
    }

    #[test]
    fn home_end_clear_over_wide_characters() {
        let mut f = TextField::with("１，２３４");
        assert_eq!(f.caret_col(), 10);
        f.home();
        assert_eq!(f.caret_col(), 0);
        f.insert('-');
        f.end();
        f.backspace();
        assert_eq!(f.text(), "-１，２３");
        assert_eq!(f.caret_col(), 9);
        f.clear();
        assert!(f.is_empty());
        assert_eq!(f.caret_col(), 0);
    }

    /// Whatever is typed and wherever the caret is, the caret's column is
    /// inside the room and is the width of what is shown before it.
    #[test]
    fn the_caret_stays_inside_the_window() {
        let texts = [
            "",
            "abc",
            "工业总产值同比增长12.5%，其中规模以上",
            "a工b业c",
        ];
        for t in texts {
            for reps in [1, 3, 9] {
                let mut f = TextField::with(&t.repeat(reps));
                for room in 2..40 {
                    for _ in 0..=f.chars.len() {
                        let (win, col) = f.window(room);
                        assert!(col < room, "{t:?}x{reps} room {room}: col {col}");
                        let before: String = f.chars[win.from..f.caret].iter().collect();
                        let marker = if win.cut { 1 } else { 0 };
                        assert_eq!(col, marker + text::width(&before));
                        assert_eq!(win.cut, win.from > 0 || f.caret_col() >= room);
                        f.left();
                    }
                    f.end();
                }
            }
        }
    }

    #[test]
    fn a_long_text_shows_its_end_with_the_caret_in_the_last_cell() {
        let f = TextField::with("一二三四五六七八九十");
        let (win, col) = f.window(10);
        // `~` and 四 characters (8 cells), the caret in the 10th cell
        assert_eq!(win, Window { from: 6, cut: true });
        assert_eq!(f.text_from(win.from), "七八九十");
        assert_eq!(col, 9);
        // a wide character that does not fit is left out whole
        let (win, col) = f.window(9);
        assert_eq!((win.from, col), (7, 7));
    }

    /// A selected text is replaced by what is typed or pasted; Backspace
    /// and the caret keys edit it instead.
    #[test]
    fn a_selected_text_is_replaced_by_typing_and_kept_by_editing_keys() {
        let mut f = TextField::with("400");
        f.select();
        f.insert('4');
        f.insert('1');
        assert_eq!(f.text(), "41");
        let mut f = TextField::with("400");
        f.select();
        f.insert_str("４１０\t");
        assert_eq!(f.text(), "４１０");
        let keys: [fn(&mut TextField); 5] = [
            TextField::backspace,
            TextField::left,
            TextField::right,
            TextField::home,
            TextField::end,
        ];
        for k in keys {
            let mut f = TextField::with("400");
            f.select();
            k(&mut f);
            assert!(!f.is_selected());
            f.insert('5');
            assert!(
                f.text().contains('5') && f.text().len() >= 3,
                "{}",
                f.text()
            );
        }
        let mut f = TextField::default();
        f.select();
        assert!(!f.is_selected(), "nothing to select");
    }

    #[test]
    fn paste_drops_newlines() {
        let mut f = TextField::default();
        f.insert_str("zkc\r\n");
        assert_eq!(f.text(), "zkc");
    }
}
