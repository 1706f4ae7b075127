//! THE theme's choices: colour or none (`NO_COLOR`), and ASCII mode
//! (`--ascii`, or TERM=linux) for terminals that draw East Asian Ambiguous
//! characters (box drawing, `●`, `▲`…) two cells wide; and the marks, which
//! read without colour. How it looks (the styles and border sets) is the
//! view's part of the same theme: [`crate::ui::view::theme::Styles`].

use crate::ledger::Status;
use crate::ui::data::Class;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False under `NO_COLOR`: only bold/reverse/underline are used.
    pub color: bool,
    /// ASCII borders, marks and bars.
    pub ascii: bool,
}

impl Theme {
    /// `NO_COLOR` set (to anything non-empty) turns colour off; `TERM=linux`
    /// turns ASCII on.
    pub fn from_env(ascii_flag: bool) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let linux = std::env::var("TERM").is_ok_and(|t| t == "linux");
        Theme {
            color: !no_color,
            ascii: ascii_flag || linux,
        }
    }

    /// One-cell mark of a status; never an East Asian Ambiguous character.
    pub fn mark(&self, s: Status) -> &'static str {
        match (s, self.ascii) {
            (Status::Met, false) => "✔",
            (Status::StretchMet, false) => "✔",
            (Status::InProgress, false) => "►",
            (Status::Missed, false) => "✖",
            (Status::Met, true) => "v",
            (Status::StretchMet, true) => "V",
            (Status::InProgress, true) => ">",
            (Status::Missed, true) => "x",
            (Status::NoData, _) => "?",
        }
    }

    /// After a light whose value is 逾期未报 (stale), in the tree and the
    /// indicator table: `!` (ASCII, one cell everywhere).
    pub fn stale_mark(&self) -> &'static str {
        "!"
    }

    /// Marks the selected line (besides reverse video): `>`, or `*` in
    /// ASCII mode where `>` means "in progress".
    pub fn sel_marker(&self) -> &'static str {
        if self.ascii { "*" } else { ">" }
    }

    pub fn class_mark(&self, c: Class) -> &'static str {
        self.mark(c.status())
    }

    /// The cell of the overview's stacked bar for a class.
    pub fn stack_char(&self, c: Class) -> char {
        match c {
            Class::Met => '#',
            Class::InProgress => '>',
            Class::Missed => 'x',
            Class::NoData => '.',
        }
    }

    pub fn bar_fill(&self) -> char {
        '#'
    }

    pub fn bar_empty(&self) -> char {
        '.'
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    /// East Asian Ambiguous characters this theme must not use (a sample of
    /// the ones people reach for).
    const AMBIGUOUS: &str = "▲△●○·•★■□▶◆—…→←↑↓│─┌┐└┘├┤█▌▒▓";

    #[test]
    fn marks_are_one_cell_and_not_ambiguous() {
        for ascii in [false, true] {
            let t = Theme { color: true, ascii };
            for s in Status::ALL {
                let m = t.mark(s);
                assert_eq!(m.width(), 1, "{m}");
                assert_eq!(m.width_cjk(), 1, "{m} is ambiguous");
                assert!(!AMBIGUOUS.contains(m), "{m}");
            }
        }
    }

    /// The lights' marks (红 黄 绿 灰, R Y G .) and the stale mark keep
    /// their width on every terminal: none is East Asian Ambiguous.
    #[test]
    fn light_marks_are_not_ambiguous() {
        use crate::ui::strings::{Lang, S};
        let t = Theme {
            color: true,
            ascii: false,
        };
        let marks = [S::MarkRed, S::MarkYellow, S::MarkGreen, S::MarkGray];
        for lang in Lang::ALL {
            for m in marks.iter().map(|s| s.get(lang)).chain([t.stale_mark()]) {
                assert_eq!(m.width(), m.width_cjk(), "{m} is ambiguous");
                assert!(!m.is_empty() && !AMBIGUOUS.contains(m), "{m}");
            }
        }
    }
}
