//! SGR as the wire writes it: what changed in one sequence, the 16 basic
//! colours as 30–37/90–97 (40–47/100–107), the other colours and the
//! attributes by the numbers crossterm writes for them.

use std::io::{self, Write};

use ratatui::crossterm::style::Attribute;
use ratatui::style::{Color, Modifier};

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

/// One SGR sequence for what changed from `pen` to `cell`'s attributes
/// and colours (`\x1b[22;39m`, not `\x1b[22m\x1b[39m`): the attributes
/// as ratatui-crossterm 0.1.2 decides them (its private `ModifierDiff`),
/// then the colours; nothing when nothing changed.
pub(super) fn write_sgr<W: Write>(
    w: &mut W,
    (from, to): (Modifier, Modifier),
    fg: Option<Color>,
    bg: Option<Color>,
) -> io::Result<()> {
    let mut params = modifier_params(from, to);
    params.extend(fg.map(|c| sgr(c, false)));
    params.extend(bg.map(|c| sgr(c, true)));
    if params.is_empty() {
        return Ok(());
    }
    write!(w, "\x1b[{}m", params.join(";"))
}

/// The SGR parameters of the attributes that changed.
fn modifier_params(from: Modifier, to: Modifier) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut put = |a: Attribute| out.push(a.sgr());
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        put(Attribute::NoReverse);
    }
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        // Bold and Dim are both reset by Normal intensity; those kept are
        // applied again.
        put(Attribute::NormalIntensity);
        if to.contains(Modifier::DIM) {
            put(Attribute::Dim);
        }
        if to.contains(Modifier::BOLD) {
            put(Attribute::Bold);
        }
    }
    for (m, off) in [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
    ] {
        if removed.contains(m) {
            put(off);
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        put(Attribute::NoBlink);
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
            put(on);
        }
    }
    out
}
