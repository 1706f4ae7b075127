//! Bytes on the wire (issue 12): frames written through the UI's backend
//! ([`Wire`]) against ratatui-crossterm's own `draw`. A move in the tree
//! or the indicator table must cost at most 1.3× the minimal bytes for
//! the cells that change, place the cursor once per run of changed cells
//! (never after a wide character the next changed cell follows), and leave
//! the terminal (read back with vt100) exactly as the old output does.

use std::cell::RefCell;
use std::io::{self, Write};
use std::num::NonZeroU16;
use std::rc::Rc;

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::{Buffer, Cell, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use wudang_plan::ui::app::wire::{Moves, Painter, write_cells};
use wudang_plan::ui::{Action, AppState, Config, Lang, Theme, update};

use crate::common::{MID_2025, keys, plan, progress, terminal};

const W: u16 = 100;
const H: u16 = 30;

fn state(color: bool, ascii: bool) -> AppState {
    let mut config = Config::new(Lang::Zh, Theme { color, ascii });
    config.writable = true;
    config.user = Some("tester".into());
    let mut s = AppState::new(plan(), progress(MID_2025), config);
    update(&mut s, Action::Resize(W, H));
    s
}

fn frame(s: &AppState) -> Buffer {
    terminal(s).backend().buffer().clone()
}

/// A byte sink ratatui's CrosstermBackend can own while the test reads it.
#[derive(Clone, Default)]
pub struct Sink(pub Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// ratatui-crossterm 0.1.2's bytes for the change from `prev` to `next`.
fn old_bytes(prev: &Buffer, next: &Buffer) -> Vec<u8> {
    let sink = Sink::default();
    let mut backend = CrosstermBackend::new(sink.clone());
    backend.draw(prev.diff(next).into_iter()).unwrap();
    sink.0.take()
}

fn new_bytes(prev: &Buffer, next: &Buffer, moves: Moves) -> Vec<u8> {
    let mut out = Vec::new();
    write_cells(&mut out, prev.diff(next).into_iter(), moves).unwrap();
    out
}

/// The UI's bytes for the frames `frames` (the first drawn on a blank
/// screen) through one [`Painter`], as the UI draws them: one Vec a frame.
fn painted(frames: &[&Buffer], moves: Moves) -> Vec<Vec<u8>> {
    let mut painter = Painter::new(moves);
    let mut prev = Buffer::empty(frames[0].area);
    frames
        .iter()
        .map(|&next| {
            let mut out = Vec::new();
            painter
                .draw(&mut out, prev.diff(next).into_iter(), Some(next))
                .unwrap();
            prev = next.clone();
            out
        })
        .collect()
}

/// The screen after a first full frame and then the change, as vt100 has
/// it: one line per row, every cell's text, colours and attributes.
fn screen_after(first: &[u8], change: &[u8]) -> Vec<String> {
    let mut p = vt100::Parser::new(NonZeroU16::new(H).unwrap(), NonZeroU16::new(W).unwrap(), 0);
    p.process(first);
    p.process(change);
    let s = p.screen();
    let cell = |row, col| {
        let c = s.cell(row, col).unwrap();
        // A blank shows its background, inverse and underline only (ECH
        // leaves "" where a space was written, with the pen's colour).
        if matches!(c.contents(), "" | " ") && !c.is_wide_continuation() {
            return format!("{:?}{:?}{:?} |", c.bgcolor(), c.inverse(), c.underline());
        }
        let attrs = (c.bold(), c.dim(), c.italic(), c.underline(), c.inverse());
        format!(
            "{:?}{:?}{attrs:?}{}|",
            c.fgcolor(),
            c.bgcolor(),
            c.contents()
        )
    };
    (0..H)
        .map(|row| (0..W).map(|col| cell(row, col)).collect())
        .collect()
}

/// Fails at the first row that differs.
fn same_screen(want: &[String], got: &[String], what: &str) {
    let text = |row: &str| {
        row.split('|')
            .map(|c| c.rsplit(')').next().unwrap_or(""))
            .collect::<String>()
    };
    for (y, (w, g)) in want.iter().zip(got).enumerate() {
        assert_eq!(w, g, "{what}: row {y} differs:\n{}\n{}", text(w), text(g));
    }
}

/// The minimal bytes for the changed cells (the model of
/// /work/shared/tools/ptyperf.py): their symbols, one `\x1b[row;colH` per
/// run of cells written back to back (the next at x + the last's width),
/// and one SGR (`\x1b[` codes `m`) whenever the style differs from the
/// last changed cell's.
fn minimal(diff: &[(u16, u16, &Cell)]) -> (usize, usize) {
    let mut bytes = 0;
    let mut runs = 0;
    let mut next_at = None;
    let mut style = None;
    for &(x, y, cell) in diff {
        bytes += cell.symbol().len();
        if next_at != Some((x, y)) {
            runs += 1;
            bytes += format!("\x1b[{};{}H", y + 1, x + 1).len();
        }
        next_at = Some((x + cell.cell_width(), y));
        let s = (cell.fg, cell.bg, cell.modifier);
        if style != Some(s) {
            let code = |c: Color| match c {
                Color::Indexed(_) | Color::Rgb(..) => 8,
                _ => 2,
            };
            let mut codes = vec![code(cell.fg)];
            if cell.bg != Color::Reset {
                codes.push(code(cell.bg));
            }
            codes.extend(cell.modifier.iter().map(|_: Modifier| 1));
            bytes += 3 + codes.iter().sum::<usize>() + codes.len() - 1;
            style = Some(s);
        }
    }
    (bytes, runs)
}

/// Cursor moves in `bytes`: CUP (`\x1b[r;cH`), CUF (`\x1b[nC`), CHA
/// (`\x1b[nG`) and VPA (`\x1b[nd`).
fn moves(bytes: &[u8]) -> usize {
    let text = String::from_utf8_lossy(bytes);
    let mut n = 0;
    for part in text.split("\x1b[").skip(1) {
        let params = part
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b';');
        let len = params.count();
        if matches!(part.as_bytes().get(len), Some(b'H' | b'C' | b'G' | b'd')) {
            n += 1;
        }
    }
    n
}

/// One move (`typed`) from `s`: checks bytes, moves and the screen.
fn check_move(mut s: AppState, typed: &str, what: &str) {
    let before = frame(&s);
    keys(&mut s, typed);
    let after = frame(&s);
    let blank = Buffer::empty(Rect::new(0, 0, W, H));
    let diff = before.diff(&after);
    assert!(
        diff.iter().any(|(_, _, c)| c.cell_width() == 2),
        "{what}: no wide character changes"
    );
    let (min, runs) = minimal(&diff);
    let old = old_bytes(&before, &after);
    let frames = painted(&[&before, &after], Moves::Needed);
    let new = &frames[1];
    assert!(
        new.len() * 10 <= min * 13,
        "{what}: {} bytes for a move, minimal {min} (old {})",
        new.len(),
        old.len()
    );
    // At most one cursor move per run of changed cells: none after a wide
    // character the next changed cell follows (a short gap may be written
    // again instead of stepped over). The old output has one after every
    // wide character (the check can tell them apart).
    assert!(moves(new) <= runs, "{what}: {} cursor moves", moves(new));
    assert!(
        moves(&old) > runs,
        "{what}: the old output moved {} times",
        moves(&old)
    );
    // What the user sees never changes.
    let old_screen = screen_after(&old_bytes(&blank, &before), &old);
    same_screen(&old_screen, &screen_after(&frames[0], new), what);
    let ascii = painted(&[&before, &after], Moves::EveryWide);
    same_screen(
        &old_screen,
        &screen_after(&ascii[0], &ascii[1]),
        &format!("{what}, --ascii"),
    );
    let stateless = new_bytes(&before, &after, Moves::Needed);
    same_screen(
        &old_screen,
        &screen_after(&frames[0], &stateless),
        &format!("{what}, nothing known"),
    );
}

#[test]
fn a_tree_move_writes_each_run_once_and_the_same_screen() {
    check_move(state(true, false), "j", "tree, colour");
    check_move(state(true, false), "jj", "tree, colour, two moves");
    check_move(state(false, false), "j", "tree, NO_COLOR");
}

#[test]
fn an_indicator_table_move_writes_each_run_once_and_the_same_screen() {
    let mut s = state(true, false);
    keys(&mut s, "j\t");
    check_move(s, "j", "indicator table, colour");
    let mut s = state(false, false);
    keys(&mut s, "j\t");
    check_move(s, "j", "indicator table, NO_COLOR");
}
