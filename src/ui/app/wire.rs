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
//!   crossterm's `38;5;N`; only the colour that changed is written, in
//!   one sequence with the attributes that changed (`\x1b[22;39m`, not
//!   `\x1b[22m\x1b[39m`), and a draw ends with `\x1b[0m` (not four
//!   sequences) when the pen is not back at the default. Indexed and RGB
//!   colours, the underline colour and the attributes have crossterm's
//!   numbers.
//! - What the terminal shows is kept, cell by cell ([`model`]: what this
//!   layer wrote since the last clear, less what a wide character written
//!   over half of it left unsure). A short gap between changed cells is
//!   written again when that is fewer bytes than the step over it (`1.5`
//!   to `2.6` is `2.6`, not `2\x1b[C6`); a run of blanks without colour or
//!   attribute is erased with ECH (`\x1b[nX`) when that is fewer bytes
//!   than the spaces; a move left on the same row is CHA (`\x1b[nG`), one
//!   down the same column VPA (`\x1b[nd`); the cursor is hidden once, not
//!   after every frame.
//! - A band of whole rows that shows the terminal's rows shifted up or
//!   down (the zoomed indicator table scrolled by a move) is scrolled by
//!   the terminal (a scroll region and SU/SD, [`scroll`]) when that is
//!   fewer bytes, and only the cells that still differ are written. The
//!   split view's lists sit beside another pane: their rows never match
//!   whole, and left/right margins (DECSLRM) are missing in tmux and many
//!   Windows terminals.
//!
//! - The hidden column after a cluster with U+FE0F (`㊗️`, `❤️`), which
//!   ratatui's diff sends when it changed (for terminals that draw the
//!   cluster one cell wide), is written before the cluster: written after
//!   it, the blank erased a cluster drawn two cells wide (tmux draws `㊗️`
//!   so) until the next full repaint. Rows scrolled by the terminal send
//!   it the same way.
//!
//! [`Moves::EveryWide`] keeps the old rule (a move after every wide
//! character, always a full move, no gap written again, no ECH, no
//! scrolling): under
//! `--ascii`, for terminals that draw some characters
//! at another width than unicode-width says (old Windows consoles, fonts
//! without CJK). Re-placing the cursor after each one stops one wrong
//! width from shifting the rest of the line.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellWidth};
use ratatui::crossterm::cursor::MoveTo;
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{Color as CtColor, Print, SetUnderlineColor};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use ratatui::{Frame, Terminal};

use model::{Model, Slot};
use sgr::write_sgr;

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
    painter: Painter,
    /// The cursor was hidden through the wire and not shown since:
    /// ratatui hides it after every frame, once is enough.
    hidden: bool,
    /// The whole frame being drawn, handed over by [`draw`] (ratatui
    /// gives a backend only the cells that changed).
    frame: Rc<RefCell<Option<Buffer>>>,
}

/// Draws a frame through `terminal` as [`Terminal::draw`] does, handing
/// the wire the whole frame too: with it the wire finds rows the terminal
/// can scroll ([`scroll`]). Without it (`Terminal::draw`) nothing is
/// scrolled.
pub fn draw<W, F>(terminal: &mut Terminal<Wire<W>>, render: F) -> io::Result<()>
where
    W: Write,
    F: FnOnce(&mut Frame),
{
    let slot = Rc::clone(&terminal.backend().frame);
    terminal.draw(|f| {
        render(f);
        *slot.borrow_mut() = Some(f.buffer_mut().clone());
    })?;
    Ok(())
}

impl<W: Write> Wire<W> {
    pub fn new(writer: W, moves: Moves) -> Self {
        Wire {
            inner: CrosstermBackend::new(writer),
            painter: Painter::new(moves),
            hidden: false,
            frame: Rc::default(),
        }
    }

    /// Never scrolls rows by the terminal (to measure what it saves).
    pub fn without_scrolling(mut self) -> Self {
        self.painter.scroll = false;
        self
    }

    /// The screen was cleared past the wire (`Clear(All)` on Ctrl-Z's
    /// way back): every cell is a blank again.
    pub fn cleared(&mut self) {
        self.painter.reset(Model::blank());
        self.hidden = false;
    }
}

/// The pen: what the terminal has been told since the draw began.
#[derive(Debug, Clone)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
    /// Where the terminal's cursor is after the last symbol.
    cursor: Option<Position>,
}

impl Pen {
    /// Where a draw starts: ratatui-crossterm ends every draw on it.
    fn start() -> Self {
        Pen {
            fg: Color::Reset,
            bg: Color::Reset,
            underline: Color::Reset,
            modifier: Modifier::empty(),
            cursor: None,
        }
    }
}

/// Writes frames: the changed cells of each (ratatui's buffer diff), with
/// what it knows of the screen ([`Model`]) to write fewer bytes.
#[derive(Debug)]
pub struct Painter {
    moves: Moves,
    model: Model,
    /// Rows may be scrolled by the terminal ([`scroll`]).
    scroll: bool,
    /// The last frame drawn, as ratatui holds it (what the screen is meant
    /// to show; the model may not know all of it): rows are matched
    /// against it. `None` after a clear.
    last: Option<Model>,
}

impl Painter {
    /// A painter for a blank screen (a fresh alternate screen, as ratatui
    /// assumes too).
    pub fn new(moves: Moves) -> Self {
        Painter {
            moves,
            model: Model::blank(),
            scroll: moves == Moves::Needed,
            last: None,
        }
    }

    /// Writes the changed cells to `w`, then resets the colours and
    /// attributes, as ratatui-crossterm's `draw` ends, unless the last
    /// cell left them at the default.
    /// `frame`, when given, is the whole frame: a band of rows the
    /// terminal can scroll is looked for ([`scroll`]).
    pub fn draw<'a, W, I>(
        &mut self,
        w: &mut W,
        content: I,
        frame: Option<&Buffer>,
    ) -> io::Result<()>
    where
        W: Write,
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let cells: Vec<(u16, u16, &Cell)> = content.collect();
        let Some((buffer, frame)) = frame.map(|f| (f, Model::of(f))) else {
            self.last = None;
            return self.paint(w, &cells);
        };
        if let Some((bytes, model)) = self.scrolled(&cells, &frame, buffer) {
            self.model = model;
            self.last = Some(frame);
            return w.write_all(&bytes);
        }
        self.last = Some(frame);
        self.paint(w, &cells)
    }

    /// The screen is `model` now (a clear, output past the wire).
    fn reset(&mut self, model: Model) {
        self.model = model;
        self.last = None;
    }

    /// Writes `cells` as they are (no row scrolled), then resets the pen.
    fn paint<W: Write>(&mut self, w: &mut W, cells: &[(u16, u16, &Cell)]) -> io::Result<()> {
        let mut pen = Pen::start();
        let mut i = 0;
        while i < cells.len() {
            let (x, y, cell) = cells[i];
            let hidden = hidden_after(cells, i);
            if hidden > 0 {
                self.cluster_last(w, &mut pen, &cells[i..=i + hidden])?;
                i += 1 + hidden;
                continue;
            }
            if self.moves == Moves::Needed {
                if let Some(past) = self.erase(w, &mut pen, cells, i)? {
                    i = past;
                    continue;
                }
                self.step(w, &mut pen, x, y, cell)?;
            } else {
                move_to(w, pen.cursor, x, y, self.moves)?;
            }
            put(w, &mut pen, x, y, cell, self.moves)?;
            self.model.wrote(x, y, cell);
            i += 1;
        }
        // Like ratatui-crossterm, a draw starts from the default pen; the
        // reset is needed only when the pen is not back at it.
        let default = Color::Reset;
        if (pen.fg, pen.bg, pen.underline) == (default, default, default) && pen.modifier.is_empty()
        {
            return Ok(());
        }
        // SGR 0 resets the colours (the underline's too) and attributes.
        w.write_all(b"\x1b[0m")
    }

    /// Writes a wide cell (`cells[0]`) after the changed cells of its
    /// hidden columns (`cells[1..]`): ratatui's diff sends the column after
    /// a cluster with U+FE0F (`㊗️`, `❤️`) when it changed, for terminals
    /// that draw the cluster one cell wide; written after the cluster, it
    /// erased the cluster in those that draw it two wide (tmux, vt100).
    /// Written first, a two-wide cluster covers it and a one-wide one
    /// leaves it written (as ratatui does since PR #2686).
    fn cluster_last<W: Write>(
        &mut self,
        w: &mut W,
        pen: &mut Pen,
        cells: &[(u16, u16, &Cell)],
    ) -> io::Result<()> {
        for &(x, y, cell) in cells[1..].iter().chain(&cells[..1]) {
            move_to(w, pen.cursor, x, y, self.moves)?;
            put(w, pen, x, y, cell, self.moves)?;
            self.model.wrote(x, y, cell);
        }
        Ok(())
    }

    /// Brings the cursor to (x, y) before `next` is written: a short gap
    /// on the same row whose cells the terminal is known to show is
    /// written again when that is fewer bytes than stepping over it.
    fn step<W: Write>(
        &self,
        w: &mut W,
        pen: &mut Pen,
        x: u16,
        y: u16,
        next: &Cell,
    ) -> io::Result<()> {
        if let Some(c) = pen.cursor
            && c.y == y
            && c.x < x
            && x - c.x <= 4
            && let Some((bytes, filled)) = self.fill(pen, c.x, x, y)
        {
            let direct = cuf_len(x - c.x) + style_len(pen, next);
            if bytes.len() + style_len(&filled, next) < direct {
                *pen = filled;
                return w.write_all(&bytes);
            }
        }
        move_to(w, pen.cursor, x, y, self.moves)
    }

    /// The bytes that write the known cells from..to of row y again, and
    /// the pen after them; `None` unless every cell is known and the last
    /// ends at `to`.
    fn fill(&self, pen: &Pen, from: u16, to: u16, y: u16) -> Option<(Vec<u8>, Pen)> {
        let mut out = Vec::new();
        let mut pen = pen.clone();
        let mut at = from;
        while at < to {
            let Slot::Known(cell) = self.model.get(at, y) else {
                return None;
            };
            if !steady(cell.symbol()) {
                return None;
            }
            put(&mut out, &mut pen, at, y, cell, self.moves).ok()?;
            at = at.saturating_add(cell.cell_width().max(1));
        }
        (at == to).then_some((out, pen))
    }
}

/// Writes `cell` at the cursor (already at x, y): the attributes and
/// colours that differ from the pen, then its symbol.
fn put<W: Write>(
    w: &mut W,
    pen: &mut Pen,
    x: u16,
    y: u16,
    cell: &Cell,
    moves: Moves,
) -> io::Result<()> {
    let width = match moves {
        Moves::Needed => cell.cell_width(),
        Moves::EveryWide => 1,
    };
    // After a symbol terminals draw at different widths the cursor's
    // place is not known: the next cell is placed by row and column.
    pen.cursor = steady(cell.symbol()).then_some(Position {
        x: x.saturating_add(width),
        y,
    });
    style(w, pen, cell)?;
    queue!(w, Print(cell.symbol()))
}

/// False for a symbol whose width terminals disagree on: a cluster of
/// several characters (an emoji with a skin tone or U+FE0F, a flag, a
/// letter with a combining accent: tmux drew `👍🏽` four cells wide and
/// `❤️` one, where ratatui counts two) and a lone regional indicator.
/// Nothing is written relative to the cursor after one, and it is never
/// written again to fill a gap.
fn steady(symbol: &str) -> bool {
    let mut chars = symbol.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => !('\u{1F1E6}'..='\u{1F1FF}').contains(&c),
        (_, Some(_)) => false,
        (None, None) => true,
    }
}

/// How many of the changed cells after `cells[i]` lie in the columns a
/// wide `cells[i]` hides (its right half).
fn hidden_after(cells: &[(u16, u16, &Cell)], i: usize) -> usize {
    let (x, y, cell) = cells[i];
    let end = x.saturating_add(cell.cell_width());
    let inside = |&&(cx, cy, _): &&(u16, u16, &Cell)| cy == y && cx > x && cx < end;
    cells[i + 1..].iter().take_while(inside).count()
}

/// Sets the pen to `cell`'s style, writing what differs.
fn style<W: Write>(w: &mut W, pen: &mut Pen, cell: &Cell) -> io::Result<()> {
    let fg = (cell.fg != pen.fg).then_some(cell.fg);
    let bg = (cell.bg != pen.bg).then_some(cell.bg);
    write_sgr(w, (pen.modifier, cell.modifier), fg, bg)?;
    pen.modifier = cell.modifier;
    pen.fg = cell.fg;
    pen.bg = cell.bg;
    if cell.underline_color != pen.underline {
        let color: CtColor = cell.underline_color.into_crossterm();
        queue!(w, SetUnderlineColor(color))?;
        pen.underline = cell.underline_color;
    }
    Ok(())
}

/// The bytes [`style`] writes to take `pen` to `cell`'s style.
fn style_len(pen: &Pen, cell: &Cell) -> usize {
    let mut out = Vec::new();
    let _ = style(&mut out, &mut pen.clone(), cell);
    out.len()
}

/// The bytes of CUF by n columns (`\x1b[C`, `\x1b[nC`); 0 for none.
fn cuf_len(n: u16) -> usize {
    match n {
        0 => 0,
        1 => 3,
        n => 3 + n.to_string().len(),
    }
}

/// Writes the changed cells (ratatui's buffer diff) to `w` knowing
/// nothing of the screen (every cell written as ratatui-crossterm would,
/// with fewer moves and colour bytes), then resets the colours and
/// attributes, as ratatui-crossterm's `draw` ends, unless the last cell
/// left them at the default.
pub fn write_cells<'a, W, I>(w: &mut W, content: I, moves: Moves) -> io::Result<()>
where
    W: Write,
    I: Iterator<Item = (u16, u16, &'a Cell)>,
{
    let mut painter = Painter {
        moves,
        model: Model::unknown(),
        scroll: false,
        last: None,
    };
    painter.draw(w, content, None)
}

impl Painter {
    /// At the changed cell `i`, a blank without colour or attribute: when
    /// it starts a run of such blanks (changed, or known to be on screen)
    /// that ECH (`\x1b[nX`, erase n cells) writes in fewer bytes than the
    /// spaces and steps, erases the run. Returns the index of the first
    /// changed cell past the run, or `None` when nothing was written.
    fn erase<W: Write>(
        &mut self,
        w: &mut W,
        pen: &mut Pen,
        cells: &[(u16, u16, &Cell)],
        i: usize,
    ) -> io::Result<Option<usize>> {
        let (x, y, blank) = cells[i];
        if !model::erasable(blank) || self.model.get(x, y) == &Slot::Covered {
            return Ok(None);
        }
        let Some(run) = self.blank_run(cells, i) else {
            return Ok(None);
        };
        let plain = run.plain + run.next.map_or(0, |d| cuf_len(d - run.last - 1));
        let ech = 3 + digits(run.end - x) + run.next.map_or(0, |d| cuf_len(d - x));
        if ech >= plain {
            return Ok(None);
        }
        move_to(w, pen.cursor, x, y, self.moves)?;
        style(w, pen, blank)?;
        write!(w, "\x1b[{}X", run.end - x)?;
        pen.cursor = Some(Position { x, y });
        self.model.erased(x, y, run.end - x, blank);
        Ok(Some(run.past))
    }

    /// The run of blanks from the changed cell `i` on its row: changed
    /// cells that are erasable blanks, cells known to be such blanks, and
    /// right halves of wide characters inside the run. `None` when it
    /// holds one changed cell only.
    fn blank_run(&self, cells: &[(u16, u16, &Cell)], i: usize) -> Option<BlankRun> {
        let (x, y, _) = cells[i];
        let like = model::erasable;
        let mut at = x;
        let mut j = i;
        let mut run = BlankRun {
            end: x,
            last: x,
            past: i,
            next: None,
            plain: 0,
        };
        let mut gap: Option<(u16, bool)> = None;
        // Up to the last changed cell of the row at most.
        while cells.get(j).is_some_and(|&(_, cy, _)| cy == y) {
            let changed = cells.get(j).filter(|&&(cx, _, _)| cx == at);
            if let Some(&(_, _, cell)) = changed {
                if !like(cell) {
                    break;
                }
                if let Some((n, known)) = gap.take() {
                    run.plain += if known {
                        usize::from(n).min(cuf_len(n))
                    } else {
                        cuf_len(n)
                    };
                }
                run.plain += 1;
                run.last = at;
                run.end = at + 1;
                j += 1;
                run.past = j;
            } else {
                let known = match self.model.get(at, y) {
                    Slot::Known(c) if like(c) => true,
                    Slot::Covered if at > x => false,
                    _ => break,
                };
                let (n, all) = gap.unwrap_or((0, true));
                gap = Some((n + 1, all && known));
            }
            at += 1;
        }
        // The right half of a wide character the run ends on is erased
        // with it (ECH never splits one).
        while run.end > x && self.model.get(run.end, y) == &Slot::Covered {
            run.end += 1;
        }
        run.next = cells
            .get(run.past)
            .filter(|&&(_, cy, _)| cy == y)
            .map(|&(cx, _, _)| cx);
        (run.past > i + 1).then_some(run)
    }
}

/// A run of blanks [`Painter::blank_run`] found.
struct BlankRun {
    /// One past its last changed cell.
    end: u16,
    /// Its last changed cell.
    last: u16,
    /// The index of the first changed cell past it.
    past: usize,
    /// The next changed cell on the row, if any.
    next: Option<u16>,
    /// The bytes of writing it as spaces and steps.
    plain: usize,
}

fn digits(n: u16) -> usize {
    if n == 1 { 0 } else { n.to_string().len() }
}

/// Moves the terminal's cursor from `cursor` (where it is, if known) to
/// (x, y): nothing when it is there; forward on the same row (CUF,
/// `\x1b[nC`, 3–5 bytes) when it is left of x, as happens after a
/// cleared wide character whose second column did not change; to a column
/// of the same row (CHA, `\x1b[nG`); else the shortest of a row of the
/// same column (VPA, `\x1b[nd`), one or two rows down by line feeds and
/// then the column (CR or CHA: absolute, right whether the terminal's line
/// feed returns the carriage or not; never from the last row, where a
/// line feed would scroll) and MoveTo (CUP). Under [`Moves::EveryWide`]
/// always CUP: the terminal's idea of where the cursor is may differ from
/// ours there.
fn move_to<W: Write>(
    w: &mut W,
    cursor: Option<Position>,
    x: u16,
    y: u16,
    moves: Moves,
) -> io::Result<()> {
    let Some(c) = cursor.filter(|_| moves == Moves::Needed) else {
        return queue!(w, MoveTo(x, y));
    };
    if c == (Position { x, y }) {
        return Ok(());
    }
    if c.y == y && c.x < x {
        return match x - c.x {
            1 => w.write_all(b"\x1b[C"),
            n => write!(w, "\x1b[{n}C"),
        };
    }
    if c.y == y {
        return write!(w, "\x1b[{}G", x + 1);
    }
    let column = if x == 0 {
        "\r".to_string()
    } else {
        format!("\x1b[{}G", x + 1)
    };
    let mut ways = vec![format!("\x1b[{};{}H", y + 1, x + 1)];
    if c.x == x {
        ways.push(format!("\x1b[{}d", y + 1));
    }
    // Below the cursor's row, which is then not the last.
    if y > c.y && y - c.y <= 2 {
        ways.push("\n".repeat(usize::from(y - c.y)) + &column);
    }
    let best = ways
        .iter()
        .min_by_key(|s| s.len())
        .map_or("", String::as_str);
    w.write_all(best.as_bytes())
}

impl<W: Write> Write for Wire<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // Output past the painter: the screen is not known any more.
        self.painter.reset(Model::unknown());
        self.hidden = false;
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
        let frame = self.frame.borrow_mut().take();
        self.painter.draw(&mut self.inner, content, frame.as_ref())
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.painter.reset(Model::unknown());
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.hidden {
            return Ok(());
        }
        self.inner.hide_cursor()?;
        self.hidden = true;
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.hidden = false;
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.painter.reset(Model::blank());
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.painter.reset(match clear_type {
            ClearType::All => Model::blank(),
            _ => Model::unknown(),
        });
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

mod model;
mod scroll;
mod sgr;

#[cfg(test)]
mod tests;
