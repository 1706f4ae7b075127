//! The ONE theme: 16 basic colours only, none at all under `NO_COLOR`, and
//! marks that read without colour. In ASCII mode (`--ascii`, or TERM=linux)
//! borders, marks and bars use ASCII only, for terminals that draw East
//! Asian Ambiguous characters (box drawing, `●`, `▲`…) two cells wide.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use super::data::Class;
use crate::ledger::Status;

/// ASCII borders: `+`, `-`, `|`.
pub const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

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

    pub fn border(&self) -> border::Set<'static> {
        if self.ascii {
            ASCII_BORDER
        } else {
            border::PLAIN
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
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

    /// Marks the selected line (besides reverse video): `>`, or `*` in
    /// ASCII mode where `>` means "in progress".
    pub fn sel_marker(&self) -> &'static str {
        if self.ascii { "*" } else { ">" }
    }

    pub fn class_mark(&self, c: Class) -> &'static str {
        self.mark(c.status())
    }

    pub fn status(&self, s: Status) -> Style {
        self.class(Class::of(s))
    }

    pub fn class(&self, c: Class) -> Style {
        match c {
            Class::Met => self.fg(Color::Green),
            Class::InProgress => self.fg(Color::Yellow),
            Class::Missed => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Class::NoData => self.fg(Color::DarkGray),
        }
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

    pub fn border_style(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        }
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn heading(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        self.fg(Color::DarkGray)
    }

    /// The selected line of the focused pane: reverse video reads without
    /// colour.
    pub fn selected(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn message(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn highlight(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
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

    #[test]
    fn ascii_border_is_ascii() {
        let b = Theme {
            color: false,
            ascii: true,
        }
        .border();
        for s in [
            b.top_left,
            b.horizontal_top,
            b.vertical_left,
            b.bottom_right,
        ] {
            assert!(s.is_ascii());
        }
    }

    #[test]
    fn no_color_has_no_colours() {
        let t = Theme {
            color: false,
            ascii: false,
        };
        for c in Class::ALL {
            assert_eq!(t.class(c).fg, None);
        }
        assert_eq!(t.key().fg, None);
    }
}
