//! Text laid out for the screen without a terminal: lines of [`Piece`]s,
//! each in a [`Tone`] that the view's theme turns into a style. The detail
//! pane and help are laid out here, by display width ([`crate::text`]),
//! so `update` knows how long they are without drawing; the view draws
//! exactly these lines.

use crate::pace::Light;
use crate::text;
use crate::ui::data::Class;

/// How a piece of text is shown (the view's theme gives each its style).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Dim,
    Title,
    Heading,
    Highlight,
    Key,
    /// The colour of a status class.
    Class(Class),
    /// The colour of a light.
    Light(Light),
}

/// A run of text in one tone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub tone: Tone,
}

/// One screen line.
pub type Pieces = Vec<Piece>;

pub fn piece(text: impl Into<String>, tone: Tone) -> Piece {
    Piece {
        text: text.into(),
        tone,
    }
}

/// Plain text.
pub fn plain(text: impl Into<String>) -> Piece {
    piece(text, Tone::Plain)
}

/// Wraps `s` to `width` with a first-line prefix (`label：`) in tone `pt`
/// and a hanging indent of the prefix's width on the following lines.
pub fn wrapped(out: &mut Vec<Pieces>, prefix: &str, s: &str, width: usize, pt: Tone, st: Tone) {
    let pw = text::width(prefix);
    let room = width.saturating_sub(pw).max(2);
    for (i, l) in text::wrap(s, room).into_iter().enumerate() {
        let p = if i == 0 {
            prefix.to_string()
        } else {
            " ".repeat(pw)
        };
        out.push(vec![piece(p, pt), piece(l, st)]);
    }
}

/// Lays out `items` (each kept whole) after `prefix`, two cells apart,
/// starting a new line (indented by the prefix) when one does not fit.
pub fn flow(out: &mut Vec<Pieces>, prefix: Piece, items: Vec<Piece>, width: usize) {
    flow_runs(
        out,
        prefix,
        items.into_iter().map(|p| vec![p]).collect(),
        width,
    );
}

/// [`flow`] of items made of several pieces (`序时进度：` dim, `460`
/// plain), each item kept whole.
pub fn flow_runs(out: &mut Vec<Pieces>, prefix: Piece, items: Vec<Pieces>, width: usize) {
    let pw = text::width(&prefix.text);
    let mut line = vec![prefix];
    let mut used = pw;
    let mut first = true;
    for it in items {
        let w: usize = it.iter().map(|p| text::width(&p.text)).sum();
        let gap = if first { 0 } else { 2 };
        if !first && used + gap + w > width {
            out.push(std::mem::take(&mut line));
            line.push(plain(" ".repeat(pw)));
            used = pw;
        } else if !first {
            line.push(plain("  "));
            used += 2;
        }
        used += w;
        line.extend(it);
        first = false;
    }
    out.push(line);
}
