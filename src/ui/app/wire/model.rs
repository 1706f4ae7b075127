//! What the terminal shows, cell by cell, as far as the wire knows: the
//! cells it wrote itself since the screen was last cleared. A gap between
//! two changed cells can then be written again (one byte for an ASCII
//! cell) instead of stepped over (`\x1b[C`, three bytes), and a run of
//! blanks erased with ECH — only where the terminal is known to show
//! exactly what is written again.

use ratatui::buffer::{Buffer, Cell, CellWidth};
use ratatui::style::{Color, Modifier};

/// One cell of the terminal.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Slot {
    /// Not known (never written since the last clear, or disturbed by a
    /// wide character written over part of it).
    Unknown,
    /// The right half of the wide character on its left.
    Covered,
    /// Shows this cell (its first column).
    Known(Cell),
}

/// The terminal's cells, row by row, grown as cells are written.
#[derive(Debug, Clone)]
pub(super) struct Model {
    rows: Vec<Vec<Slot>>,
    /// What a cell not yet in `rows` shows: a blank after a clear.
    fresh: Slot,
}

/// A blank cell that ECH may write: a space with the default colours and
/// no attribute (tmux erases with the default foreground whatever the
/// pen's, so a blank in another foreground, invisible as it is, would be
/// one more difference in its copy of the screen).
pub(super) fn erasable(cell: &Cell) -> bool {
    cell.symbol() == " "
        && cell.fg == Color::Reset
        && cell.bg == Color::Reset
        && cell.underline_color == Color::Reset
        && cell.modifier == Modifier::empty()
}

impl Model {
    /// The screen after a clear: every cell a blank with the default pen.
    pub(super) fn blank() -> Self {
        Model {
            rows: Vec::new(),
            fresh: Slot::Known(Cell::default()),
        }
    }

    /// What a screen showing `frame` (from its top left corner) holds.
    pub(super) fn of(frame: &Buffer) -> Self {
        let mut m = Model::blank();
        let area = frame.area;
        for y in 0..area.height {
            let mut x = 0;
            while x < area.width {
                let cell = &frame[(area.x + x, area.y + y)];
                m.wrote(x, y, cell);
                x = x.saturating_add(cell.cell_width().max(1));
            }
        }
        m
    }

    /// Nothing known (raw output went past the wire).
    pub(super) fn unknown() -> Self {
        Model {
            rows: Vec::new(),
            fresh: Slot::Unknown,
        }
    }

    pub(super) fn get(&self, x: u16, y: u16) -> &Slot {
        self.rows
            .get(usize::from(y))
            .and_then(|r| r.get(usize::from(x)))
            .unwrap_or(&self.fresh)
    }

    fn slot(&mut self, x: u16, y: u16) -> &mut Slot {
        let (x, y) = (usize::from(x), usize::from(y));
        if self.rows.len() <= y {
            self.rows.resize(y + 1, Vec::new());
        }
        let row = &mut self.rows[y];
        if row.len() <= x {
            row.resize(x + 1, self.fresh.clone());
        }
        &mut row[x]
    }

    /// `cell` was printed at (x, y). Writing over half of a wide character
    /// leaves its other half to the terminal: most erase it, with the pen's
    /// attributes or the default ones (ratatui writes it again only when
    /// the old character's style shows on a blank): not known.
    pub(super) fn wrote(&mut self, x: u16, y: u16, cell: &Cell) {
        let width = cell.cell_width();
        if *self.get(x, y) == Slot::Covered && x > 0 {
            *self.slot(x - 1, y) = Slot::Unknown;
        }
        // The columns the old contents of (x..x+width) spilled into.
        let new_end = x.saturating_add(width.max(1));
        let mut end = new_end;
        for at in x..new_end {
            if let Slot::Known(old) = self.get(at, y) {
                end = end.max(at.saturating_add(old.cell_width()));
            }
        }
        for at in new_end..end {
            *self.slot(at, y) = Slot::Unknown;
        }
        if width == 0 {
            *self.slot(x, y) = Slot::Unknown;
            return;
        }
        *self.slot(x, y) = Slot::Known(cell.clone());
        for at in x + 1..x.saturating_add(width) {
            *self.slot(at, y) = Slot::Covered;
        }
    }

    /// ECH erased `n` cells from (x, y) with the pen of `blank`.
    pub(super) fn erased(&mut self, x: u16, y: u16, n: u16, blank: &Cell) {
        for at in x..x.saturating_add(n) {
            *self.slot(at, y) = Slot::Known(blank.clone());
        }
    }

    /// Rows written since the last clear (each on the screen).
    pub(super) fn height(&self) -> u16 {
        u16::try_from(self.rows.len()).unwrap_or(u16::MAX)
    }

    /// Cells of row y written since the last clear (those after show what
    /// a fresh cell does).
    pub(super) fn width(&self, y: u16) -> u16 {
        let len = self.rows.get(usize::from(y)).map_or(0, Vec::len);
        u16::try_from(len).unwrap_or(u16::MAX)
    }

    /// Cells not yet written are known blanks (the screen was cleared).
    pub(super) fn fresh_is_known(&self) -> bool {
        matches!(self.fresh, Slot::Known(_))
    }

    /// Row y as far as it differs from a fresh row (the cells after it
    /// show what a fresh cell does), or `None` when a cell of it is not
    /// known: two rows with the same slice show the same.
    pub(super) fn row(&self, y: u16) -> Option<&[Slot]> {
        if !self.fresh_is_known() {
            return None;
        }
        let row = self.rows.get(usize::from(y)).map_or(&[][..], Vec::as_slice);
        if row.contains(&Slot::Unknown) {
            return None;
        }
        let end = row
            .iter()
            .rposition(|c| *c != self.fresh)
            .map_or(0, |i| i + 1);
        Some(&row[..end])
    }

    /// The terminal scrolled rows top..=bottom by n, up (`SU`) or down
    /// (`SD`), with the default pen: the rows that came in are blanks.
    pub(super) fn scroll(&mut self, top: u16, bottom: u16, n: u16, up: bool) {
        let (top, bottom) = (usize::from(top), usize::from(bottom));
        if self.rows.len() <= bottom {
            self.rows.resize(bottom + 1, Vec::new());
        }
        let band = &mut self.rows[top..=bottom];
        let n = usize::from(n).min(band.len());
        // An empty row shows fresh cells: blanks, as scrolling is only
        // done on a known screen.
        if up {
            band.rotate_left(n);
            let len = band.len();
            band[len - n..].iter_mut().for_each(Vec::clear);
        } else {
            band.rotate_right(n);
            band[..n].iter_mut().for_each(Vec::clear);
        }
    }
}
