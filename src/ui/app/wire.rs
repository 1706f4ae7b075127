//! Bytes on the wire: the UI's backend, a thin layer over ratatui's
//! crossterm backend that writes fewer bytes for the same screen.
//!
//! - The cursor is moved only when the terminal's cursor is not already
//!   at the next cell. After a symbol the terminal's cursor is at x plus the
//!   symbol's display width (ratatui's [`CellWidth`], the width its buffer
//!   lays out by), so `全部` is written as `全部`, not `全\x1b[2;7H部` as
//!   ratatui-crossterm 0.1.2 does (it moves unless the next cell is at x+1).
//!   Upstream fixed this in ratatui PR #2721; drop this layer's move rule
//!   when a release has it. A short jump to the right on the same row
//!   (past cells that did not change, such as the second column of a wide
//!   character just cleared by a space) is written as CUF (`\x1b[C`), not
//!   as a full `\x1b[row;colH`.
//! - The 16 basic colours are written as SGR 30–37/90–97 (40–47/100–107
//!   for the background), which every terminal knows, instead of
//!   crossterm's `38;5;N`; only the colour that changed is written.
//!   Reset, indexed and RGB colours, the underline colour and the
//!   modifiers are written as crossterm writes them.
//!
//! [`Moves::EveryWide`] keeps the old rule (a move after every wide
//! character): under `--ascii`, for terminals that draw some characters
//! at another width than unicode-width says (old Windows consoles, fonts
//! without CJK). Re-placing the cursor after each one stops one wrong
//! width from shifting the rest of the line.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::{Cell, CellWidth};
use ratatui::crossterm::cursor::MoveTo;
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{
    Attribute, Color as CtColor, Print, SetAttribute, SetBackgroundColor, SetForegroundColor,
    SetUnderlineColor,
};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

/// When the cursor is moved before a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moves {
    /// Only when the terminal's cursor is not already there (by width).
    Needed,
    /// Also after every wide character (`--ascii`): ratatui-crossterm's
    /// rule, for terminals that draw widths wrongly.
    EveryWide,
}

/// The UI's backend: [`CrosstermBackend`] with its own `draw`.
#[derive(Debug)]
pub struct Wire<W: Write> {
    inner: CrosstermBackend<W>,
    moves: Moves,
}

impl<W: Write> Wire<W> {
    pub fn new(writer: W, moves: Moves) -> Self {
        Wire {
            inner: CrosstermBackend::new(writer),
            moves,
        }
    }
}

/// The pen: what the terminal has been told since the draw began.
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
    /// Where the terminal's cursor is after the last symbol.
    cursor: Option<Position>,
}

/// Writes the changed cells (ratatui's buffer diff) to `w`, then resets
/// the colours and attributes, as ratatui-crossterm's `draw` ends, unless
/// the last cell left them at the default.
pub fn write_cells<'a, W, I>(w: &mut W, content: I, moves: Moves) -> io::Result<()>
where
    W: Write,
    I: Iterator<Item = (u16, u16, &'a Cell)>,
{
    let mut pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
        cursor: None,
    };
    for (x, y, cell) in content {
        move_to(w, pen.cursor, x, y, moves)?;
        let width = match moves {
            Moves::Needed => cell.cell_width(),
            Moves::EveryWide => 1,
        };
        pen.cursor = Some(Position {
            x: x.saturating_add(width),
            y,
        });
        if cell.modifier != pen.modifier {
            write_modifier_diff(w, pen.modifier, cell.modifier)?;
            pen.modifier = cell.modifier;
        }
        if cell.fg != pen.fg || cell.bg != pen.bg {
            let fg = (cell.fg != pen.fg).then_some(cell.fg);
            let bg = (cell.bg != pen.bg).then_some(cell.bg);
            write_colors(w, fg, bg)?;
            pen.fg = cell.fg;
            pen.bg = cell.bg;
        }
        if cell.underline_color != pen.underline {
            let color: CtColor = cell.underline_color.into_crossterm();
            queue!(w, SetUnderlineColor(color))?;
            pen.underline = cell.underline_color;
        }
        queue!(w, Print(cell.symbol()))?;
    }
    // Like ratatui-crossterm, a draw starts from the default pen; the
    // reset is needed only when the pen is not back at it.
    let default = Color::Reset;
    if (pen.fg, pen.bg, pen.underline) == (default, default, default) && pen.modifier.is_empty() {
        return Ok(());
    }
    queue!(
        w,
        SetForegroundColor(CtColor::Reset),
        SetBackgroundColor(CtColor::Reset),
        SetUnderlineColor(CtColor::Reset),
        SetAttribute(Attribute::Reset),
    )
}

/// Moves the terminal's cursor from `cursor` (where it is, if known) to
/// (x, y): nothing when it is there; forward on the same row (CUF,
/// `\x1b[nC`, 3–5 bytes) when it is left of x, as happens after a
/// cleared wide character whose second column did not change; else
/// MoveTo (CUP). Under [`Moves::EveryWide`] always CUP: the terminal's
/// idea of where the cursor is may differ from ours there.
fn move_to<W: Write>(
    w: &mut W,
    cursor: Option<Position>,
    x: u16,
    y: u16,
    moves: Moves,
) -> io::Result<()> {
    match cursor {
        Some(c) if c == Position { x, y } => Ok(()),
        Some(c) if moves == Moves::Needed && c.y == y && c.x < x => match x - c.x {
            1 => w.write_all(b"\x1b[C"),
            n => write!(w, "\x1b[{n}C"),
        },
        _ => queue!(w, MoveTo(x, y)),
    }
}

/// The SGR parameters of a colour: 30–37/90–97 for the basic 16 (plus 10
/// for the background), 39/49 for Reset, `38;5;N` and `38;2;R;G;B` as
/// crossterm writes the others.
fn sgr(color: Color, background: bool) -> String {
    let base: u8 = if background { 10 } else { 0 };
    let basic = |n: u8| (n + base).to_string();
    match color {
        Color::Reset => basic(39),
        Color::Black => basic(30),
        Color::Red => basic(31),
        Color::Green => basic(32),
        Color::Yellow => basic(33),
        Color::Blue => basic(34),
        Color::Magenta => basic(35),
        Color::Cyan => basic(36),
        Color::Gray => basic(37),
        Color::DarkGray => basic(90),
        Color::LightRed => basic(91),
        Color::LightGreen => basic(92),
        Color::LightYellow => basic(93),
        Color::LightBlue => basic(94),
        Color::LightMagenta => basic(95),
        Color::LightCyan => basic(96),
        Color::White => basic(97),
        Color::Indexed(n) => format!("{};5;{n}", basic(38)),
        Color::Rgb(r, g, b) => format!("{};2;{r};{g};{b}", basic(38)),
    }
}

/// One SGR sequence for the colours that changed.
fn write_colors<W: Write>(w: &mut W, fg: Option<Color>, bg: Option<Color>) -> io::Result<()> {
    let parts: Vec<String> = [fg.map(|c| sgr(c, false)), bg.map(|c| sgr(c, true))]
        .into_iter()
        .flatten()
        .collect();
    write!(w, "\x1b[{}m", parts.join(";"))
}

/// The attributes that changed, as ratatui-crossterm 0.1.2 writes them
/// (its `ModifierDiff`, which is private).
fn write_modifier_diff<W: Write>(w: &mut W, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        queue!(w, SetAttribute(Attribute::NoReverse))?;
    }
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        // Bold and Dim are both reset by Normal intensity; those kept are
        // applied again.
        queue!(w, SetAttribute(Attribute::NormalIntensity))?;
        if to.contains(Modifier::DIM) {
            queue!(w, SetAttribute(Attribute::Dim))?;
        }
        if to.contains(Modifier::BOLD) {
            queue!(w, SetAttribute(Attribute::Bold))?;
        }
    }
    for (m, off) in [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
    ] {
        if removed.contains(m) {
            queue!(w, SetAttribute(off))?;
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        queue!(w, SetAttribute(Attribute::NoBlink))?;
    }
    let added = to - from;
    for (m, on) in [
        (Modifier::REVERSED, Attribute::Reverse),
        (Modifier::BOLD, Attribute::Bold),
        (Modifier::ITALIC, Attribute::Italic),
        (Modifier::UNDERLINED, Attribute::Underlined),
        (Modifier::DIM, Attribute::Dim),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut),
        (Modifier::HIDDEN, Attribute::Hidden),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    ] {
        let again = reset_intensity && (m == Modifier::BOLD || m == Modifier::DIM);
        if added.contains(m) && !again {
            queue!(w, SetAttribute(on))?;
        }
    }
    Ok(())
}

impl<W: Write> Write for Wire<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}

impl<W: Write> Backend for Wire<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        write_cells(&mut self.inner, content, self.moves)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests;
