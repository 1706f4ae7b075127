//! THE theme, as it looks: 16 basic colours only, none at all under
//! `NO_COLOR`; ASCII borders in ASCII mode. The choices themselves and
//! the marks are the model's ([`Theme`]); every style the widgets use
//! comes from here, and a [`Tone`] of laid-out text becomes a style here.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::ledger::Status;
use crate::pace::Light;
use crate::ui::data::Class;
use crate::ui::model::Theme;
use crate::ui::model::chart::Part;
use crate::ui::model::doc::Tone;

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

/// The styles of the theme.
pub trait Styles {
    fn border(&self) -> border::Set<'static>;
    fn status(&self, s: Status) -> Style;
    fn class(&self, c: Class) -> Style;
    /// A light in its colour: red, yellow, green, dim gray.
    fn light(&self, l: Light) -> Style;
    fn border_style(&self, focused: bool) -> Style;
    fn title(&self) -> Style;
    fn heading(&self) -> Style;
    fn dim(&self) -> Style;
    /// The selected line of the focused pane: reverse video reads without
    /// colour.
    fn selected(&self, focused: bool) -> Style;
    fn key(&self) -> Style;
    fn message(&self) -> Style;
    fn highlight(&self) -> Style;
    /// A part of the chart popup (its marks read without colour).
    fn chart(&self, p: Part) -> Style;
    /// The style of a piece of laid-out text.
    fn tone(&self, t: Tone) -> Style;
}

fn fg(th: &Theme, c: Color) -> Style {
    if th.color {
        Style::new().fg(c)
    } else {
        Style::new()
    }
}

impl Styles for Theme {
    fn border(&self) -> border::Set<'static> {
        if self.ascii {
            ASCII_BORDER
        } else {
            border::PLAIN
        }
    }

    fn status(&self, s: Status) -> Style {
        self.class(Class::of(s))
    }

    fn class(&self, c: Class) -> Style {
        match c {
            Class::Met => fg(self, Color::Green),
            Class::InProgress => fg(self, Color::Yellow),
            Class::Missed => fg(self, Color::Red).add_modifier(Modifier::BOLD),
            Class::NoData => fg(self, Color::DarkGray),
        }
    }

    fn light(&self, l: Light) -> Style {
        match l {
            Light::Red => fg(self, Color::Red).add_modifier(Modifier::BOLD),
            Light::Yellow => fg(self, Color::Yellow),
            Light::Green => fg(self, Color::Green),
            Light::Gray => fg(self, Color::DarkGray),
        }
    }

    fn border_style(&self, focused: bool) -> Style {
        if focused {
            fg(self, Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        }
    }

    fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    fn heading(&self) -> Style {
        fg(self, Color::Cyan).add_modifier(Modifier::BOLD)
    }

    fn dim(&self) -> Style {
        fg(self, Color::DarkGray)
    }

    fn selected(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    fn key(&self) -> Style {
        fg(self, Color::Cyan).add_modifier(Modifier::BOLD)
    }

    fn message(&self) -> Style {
        fg(self, Color::Yellow).add_modifier(Modifier::BOLD)
    }

    fn highlight(&self) -> Style {
        fg(self, Color::Yellow).add_modifier(Modifier::BOLD)
    }

    fn chart(&self, p: Part) -> Style {
        match p {
            Part::Value => Style::new().add_modifier(Modifier::BOLD),
            Part::Expected => fg(self, Color::Cyan),
            Part::Target => fg(self, Color::Green),
            Part::Stretch => fg(self, Color::Magenta),
            Part::Note => self.dim(),
        }
    }

    fn tone(&self, t: Tone) -> Style {
        match t {
            Tone::Plain => Style::new(),
            Tone::Dim => self.dim(),
            Tone::Title => self.title(),
            Tone::Heading => self.heading(),
            Tone::Highlight => self.highlight(),
            Tone::Key => self.key(),
            Tone::Class(c) => self.class(c),
            Tone::Light(l) => self.light(l),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for l in Light::ALL {
            assert_eq!(t.light(l).fg, None);
        }
        assert_eq!(t.key().fg, None);
    }
}
