//! Rows scrolled by the terminal. When a band of whole rows of the new
//! frame shows what the terminal's rows show shifted up or down by n (a
//! list that scrolled, full width: the zoomed indicator table), the band
//! can be scrolled with a scroll region (DECSTBM `\x1b[t;br`, then SU
//! `\x1b[nS` or SD `\x1b[nT`, then `\x1b[r` for the whole screen again),
//! and only the cells that still differ written. The rows that come in
//! are erased with the pen's background: the pen is the default one when
//! a draw begins (every draw ends on it), which is when the band scrolls.
//! DECSTBM (and its reset) moves the cursor home (VT100; where exactly
//! varies: vt100 0.18 puts it at the region's top), so the painter places
//! the next cell by row and column whatever it did. DECSTBM and SU/SD are
//! VT100/ECMA-48 (xterm, tmux, the Windows console's VT sequences, PuTTY);
//! checked here in tmux and vt100.
//!
//! A cost model decides: the frame is painted both ways (as it would be
//! without scrolling, and for a few bands around the rows that match),
//! and the fewer bytes win, so scrolling never writes more than not
//! scrolling would. A band needs every row of it known (what the wire
//! wrote since the screen was cleared) in the terminal and in the frame.
//! Whole rows only: the tree beside the split view's list differs from
//! row to row, and left/right margins (DECSLRM) are missing in tmux and
//! many Windows terminals.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::io;

use ratatui::buffer::{Buffer, Cell, CellWidth};

use super::model::{Model, Slot};
use super::{Moves, Painter, steady};

/// Runs of matching rows tried (the longest first).
const RUNS: usize = 2;
/// Rows past a run's ends a band may take in (a row that changed more
/// than by the shift, such as the selection's, is then written in place).
const REACH: u16 = 1;

/// Rows top..=bottom scrolled by n, up or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Band {
    pub top: u16,
    pub bottom: u16,
    pub n: u16,
    pub up: bool,
}

impl Band {
    /// The bytes that scroll it: the region, SU or SD, the whole screen
    /// again.
    pub(super) fn bytes(&self) -> Vec<u8> {
        let op = if self.up { 'S' } else { 'T' };
        let n = if self.n == 1 {
            String::new()
        } else {
            self.n.to_string()
        };
        format!(
            "\x1b[{};{}r\x1b[{n}{op}\x1b[r",
            self.top + 1,
            self.bottom + 1
        )
        .into_bytes()
    }
}

/// A run of rows y in from..=to whose new contents are the old ones of
/// row y + n (up) or y - n (down); `gain` of them changed.
struct Run {
    band: Band,
    gain: usize,
}

fn hash(row: &[Slot]) -> u64 {
    let mut h = DefaultHasher::new();
    row.hash(&mut h);
    h.finish()
}

/// The runs of rows of `new` equal to rows of `old` shifted by n, up and
/// down, as bands (the run and the n rows that come in), most changed
/// rows first. Rows are compared by hash: the band's cells are compared
/// again when it is painted, so a collision costs bytes, never a wrong
/// screen.
fn runs(old: &[Option<u64>], new: &[Option<u64>]) -> Vec<Run> {
    let h = new.len().min(old.len());
    let mut out = Vec::new();
    for n in 1..h {
        for up in [true, false] {
            let from = |y: usize| if up { y + n } else { y - n };
            let ys = if up { 0..h - n } else { n..h };
            let mut run: Option<(usize, usize, usize)> = None;
            for y in ys.clone().chain([usize::MAX]) {
                let same = y != usize::MAX && new[y].is_some() && new[y] == old[from(y)];
                if same {
                    let changed = usize::from(new[y] != old[y]);
                    run = Some(run.map_or((y, y, changed), |(s, _, g)| (s, y, g + changed)));
                    continue;
                }
                if let Some((s, e, gain)) = run.take()
                    && gain >= 2
                {
                    let (top, bottom) = if up { (s, e + n) } else { (s - n, e) };
                    let band = Band {
                        top: top as u16,
                        bottom: bottom as u16,
                        n: n as u16,
                        up,
                    };
                    out.push(Run { band, gain });
                }
            }
        }
    }
    out.sort_by_key(|r| std::cmp::Reverse(r.gain));
    out.truncate(RUNS);
    out
}

impl Painter {
    /// The bytes of `cells` (ratatui's diff) with a band of rows scrolled
    /// by the terminal, and the model after them, when that is fewer
    /// bytes than painting them as they are. `target` is what a screen
    /// showing `frame` holds.
    pub(super) fn scrolled(
        &self,
        cells: &[(u16, u16, &Cell)],
        target: &Model,
        frame: &Buffer,
    ) -> Option<(Vec<u8>, Model)> {
        if !self.scroll || self.moves != Moves::Needed || !self.model.fresh_is_known() {
            return None;
        }
        let last = self.last.as_ref()?;
        let h = target.height();
        let old: Vec<Option<u64>> = (0..h).map(|y| last.row(y).map(hash)).collect();
        let new: Vec<Option<u64>> = (0..h).map(|y| target.row(y).map(hash)).collect();
        let runs = runs(&old, &new);
        if runs.is_empty() {
            return None;
        }
        let plain = self.trial(self.model.clone(), cells, Vec::new()).ok()?;
        let mut best: Option<(Vec<u8>, Model)> = None;
        for run in runs {
            for band in reach(run.band, h) {
                let Some(tried) = self.with_band((target, frame), cells, band) else {
                    continue;
                };
                let bound = best.as_ref().map_or(plain.0.len(), |b| b.0.len());
                if tried.0.len() < bound {
                    best = Some(tried);
                }
            }
        }
        best
    }

    /// Paints `cells` after `prefix` on a painter of `model`.
    fn trial(
        &self,
        model: Model,
        cells: &[(u16, u16, &Cell)],
        prefix: Vec<u8>,
    ) -> io::Result<(Vec<u8>, Model)> {
        let mut p = Painter {
            moves: self.moves,
            model,
            scroll: false,
            last: None,
        };
        let mut out = prefix;
        p.paint(&mut out, cells)?;
        Ok((out, p.model))
    }

    /// `band` scrolled, then the cells of its rows that differ from the
    /// frame (`target`: its model and its buffer) and the changed cells of
    /// the other rows. `None` when a row of the band in the frame is not
    /// known.
    fn with_band(
        &self,
        target: (&Model, &Buffer),
        cells: &[(u16, u16, &Cell)],
        band: Band,
    ) -> Option<(Vec<u8>, Model)> {
        let mut shifted = self.model.clone();
        shifted.scroll(band.top, band.bottom, band.n, band.up);
        let mut owned: Vec<(u16, u16, Cell)> = Vec::new();
        for y in band.top..=band.bottom {
            target.0.row(y)?;
            differing(target, &shifted, y, &mut owned);
        }
        let outside = |&&(_, y, _): &&(u16, u16, &Cell)| y < band.top;
        let below = |&&(_, y, _): &&(u16, u16, &Cell)| y > band.bottom;
        let all: Vec<(u16, u16, &Cell)> = cells
            .iter()
            .filter(outside)
            .copied()
            .chain(owned.iter().map(|(x, y, c)| (*x, *y, c)))
            .chain(cells.iter().filter(below).copied())
            .collect();
        self.trial(shifted, &all, band.bytes()).ok()
    }
}

/// The cells of row y of the frame (`target`: its model, known, and its
/// buffer) the terminal (`shown`) does not show: a cell whose symbol,
/// style or covered columns differ. After a cluster of unsure width
/// (`❤️`, `㊗️`: [`steady`]) its hidden columns whose symbol differs from
/// what the terminal shows there, as ratatui's diff sends them (tmux draws
/// `❤️` one cell wide: the column after it shows); the painter writes them
/// before the cluster.
fn differing(
    (target, frame): (&Model, &Buffer),
    shown: &Model,
    y: u16,
    out: &mut Vec<(u16, u16, Cell)>,
) {
    let end = target.width(y).max(shown.width(y));
    let mut x = 0;
    while x < end {
        let Slot::Known(cell) = target.get(x, y) else {
            x += 1;
            continue;
        };
        let w = cell.cell_width().max(1);
        let covered = (x + 1..x.saturating_add(w)).all(|c| *shown.get(c, y) == Slot::Covered);
        if shown.get(x, y) != target.get(x, y) || !covered {
            out.push((x, y, cell.clone()));
            if !steady(cell.symbol()) {
                hidden(frame, shown, (x, y), w, out);
            }
        }
        x = x.saturating_add(w);
    }
}

/// The hidden columns x+1..x+w of row y of `frame` whose symbol differs
/// from what the terminal (`shown`) shows there (not known: differs; the
/// right half of a wide character: a blank once it is written over).
fn hidden(
    frame: &Buffer,
    shown: &Model,
    (x, y): (u16, u16),
    w: u16,
    out: &mut Vec<(u16, u16, Cell)>,
) {
    let area = frame.area;
    for c in x + 1..x.saturating_add(w) {
        let Some(cell) = frame.cell((area.x.saturating_add(c), area.y.saturating_add(y))) else {
            continue;
        };
        let differs = match shown.get(c, y) {
            Slot::Known(s) => s.symbol() != cell.symbol(),
            Slot::Covered => cell.symbol() != " ",
            Slot::Unknown => true,
        };
        if differs {
            out.push((c, y, cell.clone()));
        }
    }
}

/// The band, and the band one row longer at either end (within `h`
/// rows), one row longer at both.
fn reach(b: Band, h: u16) -> Vec<Band> {
    let mut out = Vec::new();
    for up_by in 0..=REACH {
        for down_by in 0..=REACH {
            let Some(top) = b.top.checked_sub(up_by) else {
                continue;
            };
            let bottom = b.bottom + down_by;
            if bottom < h {
                out.push(Band { top, bottom, ..b });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;

    #[test]
    fn a_band_is_scrolled_with_a_region_su_or_sd_and_the_region_reset() {
        let b = Band {
            top: 2,
            bottom: 20,
            n: 1,
            up: true,
        };
        assert_eq!(b.bytes(), b"\x1b[3;21r\x1b[S\x1b[r");
        let b = Band {
            n: 3,
            up: false,
            ..b
        };
        assert_eq!(b.bytes(), b"\x1b[3;21r\x1b[3T\x1b[r");
    }

    #[test]
    fn runs_find_rows_shifted_up_and_down() {
        let old: Vec<Option<u64>> = [1, 2, 3, 4, 5, 6, 9].map(Some).to_vec();
        // rows 1..=4 show old rows 2..=5: up by one, 1..=5
        let new: Vec<Option<u64>> = [1, 3, 4, 5, 6, 7, 9].map(Some).to_vec();
        let r = runs(&old, &new);
        assert_eq!(
            r[0].band,
            Band {
                top: 1,
                bottom: 5,
                n: 1,
                up: true
            }
        );
        assert_eq!(r[0].gain, 4);
        let new: Vec<Option<u64>> = [1, 8, 2, 3, 4, 5, 9].map(Some).to_vec();
        let r = runs(&old, &new);
        assert_eq!(
            r[0].band,
            Band {
                top: 1,
                bottom: 5,
                n: 1,
                up: false
            }
        );
        // unknown rows never match
        let new: Vec<Option<u64>> = [Some(1), None, None, None, None, None, Some(9)].to_vec();
        assert!(runs(&old, &new).is_empty());
        // one row is not worth a band
        let new: Vec<Option<u64>> = [1, 3, 8, 8, 8, 8, 9].map(Some).to_vec();
        assert!(runs(&old, &new).is_empty());
    }

    use ratatui::layout::Rect;
    use ratatui::style::Style;
    use std::num::NonZeroU16;

    const W: u16 = 30;
    const H: u16 = 10;

    /// A frame of a bordered list: rows 1..H-1 show `items` from `first`,
    /// the `sel`ected one reversed; a footer on the last row.
    fn list(items: &[String], first: usize, sel: usize) -> Buffer {
        let mut b = Buffer::empty(Rect::new(0, 0, W, H));
        b.set_string(0, 0, "┌".to_string() + &"─".repeat(28) + "┐", Style::new());
        for y in 1..H - 1 {
            let i = first + usize::from(y) - 1;
            let text = items.get(i).map_or("", String::as_str);
            let style = if i == sel {
                Style::new().reversed()
            } else {
                Style::new()
            };
            b.set_string(0, y, "│", Style::new());
            b.set_stringn(1, y, format!("{text:<28}"), 28, style);
            b.set_string(W - 1, y, "│", Style::new());
        }
        b.set_string(0, H - 1, "j 移动  q 退出", Style::new().cyan());
        b
    }

    /// The bytes of each frame through one painter (scrolling or not),
    /// given the whole frame as the UI gives it, and the vt100 screen
    /// after each equal to the frame.
    fn painted(frames: &[Buffer], scroll: bool) -> Vec<Vec<u8>> {
        let mut painter = Painter::new(Moves::Needed);
        painter.scroll = scroll;
        let mut vt =
            vt100::Parser::new(NonZeroU16::new(H).unwrap(), NonZeroU16::new(W).unwrap(), 0);
        let mut prev = Buffer::empty(frames[0].area);
        let mut out = Vec::new();
        for next in frames {
            let mut bytes = Vec::new();
            painter
                .draw(&mut bytes, prev.diff(next).into_iter(), Some(next))
                .unwrap();
            vt.process(&bytes);
            for y in 0..H {
                let mut x = 0;
                while x < W {
                    let want = &next[(x, y)];
                    let got = vt.screen().cell(y, x).unwrap();
                    let text = if got.contents().is_empty() {
                        " "
                    } else {
                        got.contents()
                    };
                    assert_eq!(
                        text,
                        want.symbol(),
                        "({x}, {y})\n{}",
                        vt.screen().contents()
                    );
                    let reversed = want.modifier.contains(ratatui::style::Modifier::REVERSED);
                    assert_eq!(got.inverse(), reversed, "({x}, {y})");
                    x += want.cell_width().max(1);
                }
            }
            out.push(bytes);
            prev = next.clone();
        }
        out
    }

    fn items(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("{i:>3} 指标名称 {i}{i}")).collect()
    }

    /// Items with clusters of two characters two cells wide (`㊗️`: U+3297
    /// U+FE0F; `❤️`), over other text in the rows before and after.
    fn clusters(n: usize) -> Vec<String> {
        let texts = ["庆祝㊗️达标", "庆祝ab达标", "❤️ ok", "ab❤️", "㊗️"];
        (0..n)
            .map(|i| format!("{} {i}", texts[i * 7 % 5]))
            .collect()
    }

    /// A list of VS16 clusters scrolled and moved: the screen is the
    /// frame after each (it failed when the hidden column ratatui sends
    /// after a cluster was written after it: the cluster was erased).
    #[test]
    fn a_list_of_clusters_scrolled_leaves_the_frame() {
        let it = clusters(20);
        let frames = [
            list(&it, 0, 3),
            list(&it, 1, 4),
            list(&it, 2, 4),
            list(&it, 0, 0),
            list(&it, 5, 9),
        ];
        for scroll in [true, false] {
            painted(&frames, scroll);
        }
    }

    /// A row of a scrolled band where a cluster of unsure width replaces
    /// other text: its hidden column is sent too (tmux draws `❤️` one
    /// cell wide, leaving that column to show), as ratatui's diff sends it.
    #[test]
    fn a_cluster_in_a_scrolled_row_sends_its_hidden_column() {
        let mut shown = Buffer::empty(Rect::new(0, 0, 6, 1));
        shown.set_string(0, 0, "xaby", Style::new());
        let mut frame = Buffer::empty(Rect::new(0, 0, 6, 1));
        frame.set_string(0, 0, "x❤️y", Style::new());
        let mut out = Vec::new();
        differing(
            (&Model::of(&frame), &frame),
            &Model::of(&shown),
            0,
            &mut out,
        );
        let got: Vec<(u16, &str)> = out.iter().map(|(x, _, c)| (*x, c.symbol())).collect();
        assert_eq!(got, [(1, "❤️"), (2, " ")]);
        // A plain wide character: the terminals agree, no hidden column.
        frame.set_string(0, 0, "x全y", Style::new());
        out.clear();
        differing(
            (&Model::of(&frame), &frame),
            &Model::of(&shown),
            0,
            &mut out,
        );
        assert_eq!(out.len(), 1);
        // Over a blank, nothing more to clear.
        shown.set_string(0, 0, "xa y", Style::new());
        frame.set_string(0, 0, "x❤️y", Style::new());
        out.clear();
        differing(
            (&Model::of(&frame), &frame),
            &Model::of(&shown),
            0,
            &mut out,
        );
        assert_eq!(out.len(), 1);
    }

    /// The list moved one row up (down): the terminal scrolls its rows
    /// (DECSTBM, SU / SD, the region reset), fewer bytes than without,
    /// the same screen.
    #[test]
    fn a_list_scrolled_by_a_row_is_scrolled_by_the_terminal() {
        let it = items(20);
        let frames = [list(&it, 0, 7), list(&it, 1, 8), list(&it, 0, 0)];
        let with = painted(&frames, true);
        let without = painted(&frames, false);
        let text = String::from_utf8_lossy(&with[1]);
        assert!(text.starts_with("\x1b[2;8r\x1b[S\x1b[r"), "{text:?}");
        assert!(with[1].len() < without[1].len(), "{text:?}");
        let text = String::from_utf8_lossy(&with[2]);
        assert!(text.contains("\x1b[T\x1b[r"), "{text:?}");
        assert!(with[2].len() < without[2].len());
    }

    /// Rows too short to be worth it are written as they are: the bytes
    /// are those without scrolling.
    #[test]
    fn a_shift_that_costs_more_is_written_as_it_is() {
        // Two rows change, a character each: 1 1 1 2 3 3 3 3 to 1 1 2 3 3 3 3 3.
        let it: Vec<String> = [1, 1, 1, 2, 3, 3, 3, 3, 3, 3]
            .map(|i| i.to_string())
            .to_vec();
        let frames = [list(&it, 0, 99), list(&it, 1, 99)];
        let with = painted(&frames, true);
        assert_eq!(with, painted(&frames, false));
        assert!(!String::from_utf8_lossy(&with[1]).contains('r'), "{with:?}");
    }

    proptest::proptest! {
        /// Any run of list moves: the screen is the frame after each, and
        /// no frame is written in more bytes than without scrolling from
        /// the same screen.
        #[test]
        fn scrolling_never_costs_more_and_leaves_the_frame(
            moves in proptest::collection::vec((0usize..12, 0usize..20), 1..8),
            kind in 0usize..3,
        ) {
            let it: Vec<String> = match kind {
                0 => items(40),
                1 => (0..40).map(|i| format!("{}", i % 7)).collect(),
                _ => clusters(40),
            };
            let frames: Vec<Buffer> = moves.iter().map(|&(f, s)| list(&it, f, s)).collect();
            // Each frame from the screen the scrolling painter left.
            let with = painted(&frames, true);
            for k in 0..frames.len() {
                let mut p = Painter::new(Moves::Needed);
                let mut q = Painter::new(Moves::Needed);
                q.scroll = false;
                let mut prev = Buffer::empty(frames[0].area);
                for f in &frames[..k] {
                    for painter in [&mut p, &mut q] {
                        painter.draw(&mut Vec::new(), prev.diff(f).into_iter(), Some(f)).unwrap();
                    }
                    prev = f.clone();
                }
                let (mut a, mut b) = (Vec::new(), Vec::new());
                p.draw(&mut a, prev.diff(&frames[k]).into_iter(), Some(&frames[k])).unwrap();
                q.draw(&mut b, prev.diff(&frames[k]).into_iter(), Some(&frames[k])).unwrap();
                proptest::prop_assert_eq!(&a, &with[k]);
                proptest::prop_assert!(a.len() <= b.len(), "{} > {}", a.len(), b.len());
            }
        }
    }

    #[test]
    fn the_model_scrolls_a_band_and_blanks_the_rows_that_come_in() {
        let it = items(20);
        let mut m = Model::of(&list(&it, 0, 99));
        let want = Model::of(&list(&it, 1, 99));
        m.scroll(1, 8, 1, true);
        for y in 1..7 {
            assert_eq!(m.row(y), want.row(y), "row {y}");
        }
        assert_eq!(m.row(8), Some(&[][..]), "a blank row came in");
        assert_eq!(m.row(9), want.row(9), "below the band");
        m.scroll(1, 8, 2, false);
        assert_eq!(m.row(1), Some(&[][..]));
        assert_eq!(m.row(2), Some(&[][..]));
    }
}
