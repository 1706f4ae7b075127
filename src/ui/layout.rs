//! Where the panes go for a terminal size: pure geometry shared by
//! `update` (page sizes, scrolling) and `draw`.
//!
//! - ≥ 90×20: tree on the left, detail above indicators on the right;
//! - ≥ 60 wide: tree and ONE right pane (Tab switches detail/indicators);
//! - narrower: one pane at a time (Tab cycles);
//! - below 40×10: a "window too small" message.
//!
//! The footer is [`FOOTER_H`] lines, one more while the editor's error
//! wraps onto a second line ([`super::editor::error_rows`]).

use ratatui::layout::Rect;

use super::state::{AppState, Mode, Pane};

pub const MIN_W: u16 = 40;
pub const MIN_H: u16 = 10;
const WIDE_W: u16 = 90;
const WIDE_H: u16 = 20;
const SPLIT_W: u16 = 60;
pub const FOOTER_H: u16 = 2;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub tree: Option<Rect>,
    pub detail: Option<Rect>,
    pub indicators: Option<Rect>,
    /// Everything above the footer (the overview uses all of it).
    pub main: Rect,
    pub footer: Rect,
    pub too_small: bool,
}

impl Areas {
    pub fn pane(&self, p: Pane) -> Option<Rect> {
        match p {
            Pane::Tree => self.tree,
            Pane::Detail => self.detail,
            Pane::Indicators => self.indicators,
        }
    }
}

/// Inner rectangle of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x.saturating_add(1),
        y: r.y.saturating_add(1),
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

pub fn areas(area: Rect, state: &AppState) -> Areas {
    let (w, h) = (area.width, area.height);
    if w < MIN_W || h < MIN_H {
        return Areas {
            main: area,
            too_small: true,
            ..Areas::default()
        };
    }
    // A long editor error wraps: the footer grows by its extra lines.
    let fh = FOOTER_H + super::editor::error_rows(state, w).saturating_sub(1);
    let main = Rect {
        height: h - fh,
        ..area
    };
    let footer = Rect {
        y: area.y + h - fh,
        height: fh,
        ..area
    };
    let mut a = Areas {
        main,
        footer,
        ..Areas::default()
    };
    if matches!(state.mode, Mode::Overview { .. }) {
        return a;
    }
    if w >= WIDE_W && main.height >= WIDE_H {
        let tw = (w * 36 / 100).clamp(30, 48);
        let tree = Rect { width: tw, ..main };
        let right = Rect {
            x: main.x + tw,
            width: w - tw,
            ..main
        };
        let dh = right.height * 45 / 100;
        a.tree = Some(tree);
        a.detail = Some(Rect {
            height: dh,
            ..right
        });
        a.indicators = Some(Rect {
            y: right.y + dh,
            height: right.height - dh,
            ..right
        });
    } else if w >= SPLIT_W {
        let tw = (w * 2 / 5).clamp(26, 34);
        a.tree = Some(Rect { width: tw, ..main });
        let right = Rect {
            x: main.x + tw,
            width: w - tw,
            ..main
        };
        match shown_right(state) {
            Pane::Indicators => a.indicators = Some(right),
            _ => a.detail = Some(right),
        }
    } else {
        match state.focus {
            Pane::Tree => a.tree = Some(main),
            Pane::Detail => a.detail = Some(main),
            Pane::Indicators => a.indicators = Some(main),
        }
    }
    a
}

/// The right pane shown when only one fits: the focused one, else the last.
pub fn shown_right(state: &AppState) -> Pane {
    match state.focus {
        Pane::Tree => state.right,
        p => p,
    }
}

/// The terminal as of the last resize.
pub fn size_rect(state: &AppState) -> Rect {
    Rect::new(0, 0, state.size.0, state.size.1)
}
