//! Where the panes go for a terminal size: pure geometry, computed by
//! `update` for the state's size (kept in [`super::AppState::panes`], for
//! paging and scrolling) and by the view for the frame it draws.
//!
//! - ≥ 90×20: tree on the left, detail above indicators on the right;
//! - ≥ 60 wide: tree and ONE right pane (Tab switches detail/indicators);
//! - narrower: one pane at a time (Tab cycles);
//! - zoomed (`z`): the focused pane alone, at any size, as narrower;
//! - below 40×10: a "window too small" message.
//!
//! The footer is [`FOOTER_H`] lines, one more while the editor's error
//! wraps onto a second line ([`super::Editor::error_text`]).
//!
//! [`Area`] is the model's rectangle of cells (the view converts it to
//! ratatui's `Rect`, which has the same fields).

pub const MIN_W: u16 = 40;
pub const MIN_H: u16 = 10;
const WIDE_W: u16 = 90;
const WIDE_H: u16 = 20;
const SPLIT_W: u16 = 60;
pub const FOOTER_H: u16 = 2;

/// A rectangle of terminal cells.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Area {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Area {
    /// The whole terminal of `w`×`h` cells.
    pub fn sized(w: u16, h: u16) -> Area {
        Area {
            x: 0,
            y: 0,
            width: w,
            height: h,
        }
    }
}

/// A pane of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Tree,
    Detail,
    Indicators,
}

/// What the layout depends on besides the size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// The overview takes everything above the footer.
    pub overview: bool,
    pub focus: Pane,
    /// The right pane shown when only one fits.
    pub right: Pane,
    /// Footer lines the editor's error takes (0 without one).
    pub error_rows: u16,
    /// Zoomed (`z`): the focused pane fills everything above the footer.
    pub zoom: bool,
}

/// The panes of one screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Panes {
    pub tree: Option<Area>,
    pub detail: Option<Area>,
    pub indicators: Option<Area>,
    /// Everything above the footer (the overview uses all of it).
    pub main: Area,
    pub footer: Area,
    pub too_small: bool,
}

impl Panes {
    /// Lines of tree shown (for paging).
    pub fn tree_rows(&self) -> usize {
        self.tree.map_or(0, |r| inner(r).height as usize)
    }

    /// The inside of the detail pane, when it is shown.
    pub fn detail_inner(&self) -> Option<Area> {
        self.detail.map(inner)
    }

    /// Lines of the overview's list (for paging and scrolling): below the
    /// borders, the note and the two legends.
    pub fn overview_rows(&self) -> usize {
        self.main.height.saturating_sub(5) as usize
    }
}

/// Inner rectangle of a bordered pane.
pub fn inner(r: Area) -> Area {
    Area {
        x: r.x.saturating_add(1),
        y: r.y.saturating_add(1),
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

/// A centred rectangle of at most `w`×`h` inside `area`.
pub fn centered(area: Area, w: u16, h: u16) -> Area {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Area {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Lines of the indicator box without a long note.
pub const BOX: usize = 4;
/// Most lines a long note (or a pace that wraps) adds to the indicator box.
pub const GROW: usize = 3;
/// Rows the indicator list keeps when the box grows (what it has in the
/// smallest pane that shows the box).
pub const MIN_LIST: usize = 4;

/// The indicator pane at `area`: its inside, the rows of its list and the
/// lines of the selected indicator's box below (none when short). The box
/// is [`BOX`] lines, or up to [`GROW`] more when it `want`s them (a long
/// note, a wrapped pace) and the list keeps [`MIN_LIST`] rows (the line counts are worked
/// out in `info.rs`).
pub fn indicator_parts(area: Area, want: usize) -> (Area, usize, usize) {
    let inner = inner(area);
    let h = inner.height as usize;
    // the header, the rule and the box leave MIN_LIST rows from here on
    let shown_from = 1 + MIN_LIST + 1 + BOX;
    let info = if h >= shown_from {
        BOX + want.saturating_sub(BOX).min(GROW).min(h - shown_from)
    } else {
        0
    };
    let list = h.saturating_sub(1 + if info > 0 { info + 1 } else { 0 });
    (inner, list, info)
}

/// The panes for a screen of `area` in the state's `shape`.
pub fn areas(area: Area, shape: Shape) -> Panes {
    let (w, h) = (area.width, area.height);
    if w < MIN_W || h < MIN_H {
        return Panes {
            main: area,
            too_small: true,
            ..Panes::default()
        };
    }
    // A long editor error wraps: the footer grows by its extra lines.
    let fh = FOOTER_H + shape.error_rows.saturating_sub(1);
    let main = Area {
        height: h - fh,
        ..area
    };
    let footer = Area {
        y: area.y + h - fh,
        height: fh,
        ..area
    };
    let a = Panes {
        main,
        footer,
        ..Panes::default()
    };
    if shape.overview {
        a
    } else if shape.zoom {
        one(a, shape.focus)
    } else if w >= WIDE_W && main.height >= WIDE_H {
        wide(a)
    } else if w >= SPLIT_W {
        split(a, shown_right(shape.focus, shape.right))
    } else {
        one(a, shape.focus)
    }
}

/// Tree on the left, detail above indicators on the right.
fn wide(mut a: Panes) -> Panes {
    let (main, w) = (a.main, a.main.width);
    let tw = (w * 36 / 100).clamp(30, 48);
    let tree = Area { width: tw, ..main };
    let right = Area {
        x: main.x + tw,
        width: w - tw,
        ..main
    };
    let dh = right.height * 45 / 100;
    a.tree = Some(tree);
    a.detail = Some(Area {
        height: dh,
        ..right
    });
    a.indicators = Some(Area {
        y: right.y + dh,
        height: right.height - dh,
        ..right
    });
    a
}

/// The tree and one right pane.
fn split(mut a: Panes, shown: Pane) -> Panes {
    let (main, w) = (a.main, a.main.width);
    let tw = (w * 2 / 5).clamp(26, 34);
    a.tree = Some(Area { width: tw, ..main });
    let right = Area {
        x: main.x + tw,
        width: w - tw,
        ..main
    };
    match shown {
        Pane::Indicators => a.indicators = Some(right),
        _ => a.detail = Some(right),
    }
    a
}

/// One pane at a time: the focused one (narrow, or zoomed).
fn one(mut a: Panes, focus: Pane) -> Panes {
    match focus {
        Pane::Tree => a.tree = Some(a.main),
        Pane::Detail => a.detail = Some(a.main),
        Pane::Indicators => a.indicators = Some(a.main),
    }
    a
}

/// The right pane shown when only one fits: the focused one, else the last.
fn shown_right(focus: Pane, right: Pane) -> Pane {
    match focus {
        Pane::Tree => right,
        p => p,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pane(h: u16) -> Area {
        Area::sized(60, h)
    }

    /// The box is 4 lines; a long note grows it by up to 3 while the list
    /// keeps 4 rows; no box below 10 inner lines.
    #[test]
    fn the_indicator_box_grows_for_a_long_note_while_the_list_keeps_four_rows() {
        // inner 14 lines (100x30): header, 8 rows, rule, box 4
        assert_eq!(indicator_parts(pane(16), 4).1, 8);
        assert_eq!(indicator_parts(pane(16), 4).2, 4);
        assert_eq!(indicator_parts(pane(16), 5).2, 5);
        assert_eq!(indicator_parts(pane(16), 9).2, 7);
        assert_eq!(indicator_parts(pane(16), 9).1, 5);
        // inner 12: two lines to spare
        assert_eq!(indicator_parts(pane(14), 9).2, 6);
        assert_eq!(indicator_parts(pane(14), 9).1, 4);
        // inner 11: one line to spare
        assert_eq!(indicator_parts(pane(13), 9).2, 5);
        assert_eq!(indicator_parts(pane(13), 9).1, 4);
        // inner 10: none
        assert_eq!(indicator_parts(pane(12), 9).2, 4);
        assert_eq!(indicator_parts(pane(12), 9).1, 4);
        // inner 9: no box at all
        assert_eq!(indicator_parts(pane(11), 9).2, 0);
        assert_eq!(indicator_parts(pane(11), 9).1, 8);
    }
}
