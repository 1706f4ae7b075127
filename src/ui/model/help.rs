//! The help overlay's text (`?`): a legend of the status marks, lights and bars,
//! then every key, generated from the keymap; laid out as [`doc`] lines
//! (so `update` knows how far it scrolls), and where the overlay goes.
//!
//! [`doc`]: super::doc

use super::doc::{Pieces, Tone, piece, plain};
use super::layout::{Area, centered};
use super::state::AppState;
use crate::ledger::Status;
use crate::text;
use crate::ui::data::Class;
use crate::ui::keymap::{self, Ctx};
use crate::ui::strings::S;

/// `✔ 达标   ✔ 超额达标   ► 推进中 …`
fn marks(state: &AppState) -> Pieces {
    let th = state.theme();
    let mut marks = vec![plain("  ")];
    for s in [
        Status::Met,
        Status::StretchMet,
        Status::InProgress,
        Status::Missed,
        Status::NoData,
    ] {
        let word = state.word(s);
        let mark = format!("{} {}", th.mark(s), word);
        marks.push(piece(mark, Tone::Class(Class::of(s))));
        marks.push(plain("   "));
    }
    marks
}

/// The help text at `width` cells: the legend first (what the marks mean
/// is what a newcomer needs), then the keys of every context.
pub fn lines(state: &AppState, width: usize) -> Vec<Pieces> {
    let mut out = vec![vec![piece(state.tr(S::MarksLegend), Tone::Heading)]];
    out.push(marks(state));
    for l in text::wrap(state.tr(S::LightsLegend), width.saturating_sub(2)) {
        out.push(vec![plain(format!("  {l}"))]);
    }
    out.push(vec![piece(state.tr(S::BarsLegend), Tone::Heading)]);
    for l in text::wrap(state.tr(S::BarLegendText), width.saturating_sub(2)) {
        out.push(vec![plain(format!("  {l}"))]);
    }
    let key_w = keymap::KEYMAP
        .iter()
        .map(|b| text::width(&keymap::keys_label(b)))
        .max()
        .unwrap_or(0);
    for ctx in Ctx::ALL {
        out.push(Vec::new());
        out.push(vec![piece(state.tr(ctx.title()), Tone::Heading)]);
        for b in keymap::bindings(ctx) {
            let keys = format!("  {}  ", text::pad(&keymap::keys_label(b), key_w));
            out.push(vec![piece(keys, Tone::Key), plain(state.tr(b.desc))]);
        }
    }
    out
}

/// The overlay's rectangle inside `main`.
pub fn area(main: Area) -> Area {
    centered(
        main,
        76.min(main.width.saturating_sub(2)),
        main.height.saturating_sub(1),
    )
}

/// The width of the text inside the overlay.
pub fn text_width(main: Area) -> u16 {
    area(main).width.saturating_sub(2)
}

/// Lines visible inside the overlay.
pub fn height(main: Area) -> usize {
    area(main).height.saturating_sub(2) as usize
}
