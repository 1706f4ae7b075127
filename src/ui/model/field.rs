//! A one-line text field. The caret is a character index; its screen column
//! is the display width of the text before it, so the hardware cursor (and
//! the IME's candidate window) lands right after a Chinese character.

use crate::text;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    chars: Vec<char>,
    caret: usize,
}

impl TextField {
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Inserts `c` at the caret; control characters are dropped.
    pub fn insert(&mut self, c: char) {
        if c.is_control() {
            return;
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

    pub fn backspace(&mut self) {
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
        self.caret = 0;
    }

    pub fn end(&mut self) {
        self.caret = self.chars.len();
    }

    /// Ctrl-U: empties the field.
    pub fn clear(&mut self) {
        self.chars.clear();
        self.caret = 0;
    }

    pub fn left(&mut self) {
        self.caret = self.caret.saturating_sub(1);
    }

    pub fn right(&mut self) {
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

    #[test]
    fn paste_drops_newlines() {
        let mut f = TextField::default();
        f.insert_str("zkc\r\n");
        assert_eq!(f.text(), "zkc");
    }
}
