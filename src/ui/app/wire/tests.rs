use std::num::NonZeroU16;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::*;

/// The bytes of the cells that change from `prev` to `next`.
fn bytes(prev: &Buffer, next: &Buffer, moves: Moves) -> String {
    let mut out = Vec::new();
    write_cells(&mut out, prev.diff(next).into_iter(), moves).unwrap();
    String::from_utf8(out).unwrap()
}

/// The reset after a draw that ends off the default pen.
const END: &str = "\x1b[0m";

fn line(text: &str, style: Style) -> (Buffer, Buffer) {
    let area = Rect::new(0, 0, 20, 3);
    let prev = Buffer::empty(area);
    let mut next = Buffer::empty(area);
    next.set_string(4, 1, text, style);
    (prev, next)
}

#[test]
fn a_chinese_line_is_one_move() {
    let (prev, next) = line("全部（的", Style::new());
    assert_eq!(bytes(&prev, &next, Moves::Needed), "\x1b[2;5H全部（的");
}

#[test]
fn ascii_mode_moves_after_every_wide_character() {
    let (prev, next) = line("全部a", Style::new());
    assert_eq!(
        bytes(&prev, &next, Moves::EveryWide),
        "\x1b[2;5H全\x1b[2;7H部\x1b[2;9Ha"
    );
}

#[test]
fn a_gap_is_one_move() {
    let area = Rect::new(0, 0, 20, 2);
    let prev = Buffer::empty(area);
    let mut next = Buffer::empty(area);
    next.set_string(0, 0, "全a", Style::new());
    next.set_string(6, 0, "b部", Style::new());
    next.set_string(0, 1, "c", Style::new());
    assert_eq!(
        bytes(&prev, &next, Moves::Needed),
        "\x1b[1;1H全a\x1b[3Cb部\n\rc"
    );
}

#[test]
fn basic_colours_are_sgr_30_to_37_and_90_to_97() {
    let cases = [
        (Style::new().red(), "\x1b[31m"),
        (Style::new().dark_gray(), "\x1b[90m"),
        (Style::new().gray(), "\x1b[37m"),
        (Style::new().white(), "\x1b[97m"),
        (Style::new().light_cyan(), "\x1b[96m"),
        (Style::new().on_red(), "\x1b[41m"),
        (Style::new().on_light_blue(), "\x1b[104m"),
        (Style::new().black().on_white(), "\x1b[30;107m"),
        (Style::new().fg(Color::Indexed(208)), "\x1b[38;5;208m"),
        (Style::new().bg(Color::Rgb(1, 2, 3)), "\x1b[48;2;1;2;3m"),
    ];
    for (style, sgr) in cases {
        let (prev, next) = line("x", style);
        let got = bytes(&prev, &next, Moves::Needed);
        assert_eq!(got, format!("\x1b[2;5H{sgr}x{END}"), "{style:?}");
    }
}

#[test]
fn only_the_colour_that_changes_is_written_and_reset_is_39_49() {
    let area = Rect::new(0, 0, 4, 1);
    let prev = Buffer::empty(area);
    let mut next = Buffer::empty(area);
    next.set_string(0, 0, "a", Style::new().red().on_blue());
    next.set_string(1, 0, "b", Style::new().green().on_blue());
    next.set_string(2, 0, "c", Style::new().on_blue());
    next.set_string(3, 0, "d", Style::new());
    assert_eq!(
        bytes(&prev, &next, Moves::Needed),
        "\x1b[1;1H\x1b[31;44ma\x1b[32mb\x1b[39mc\x1b[49md"
    );
}

#[test]
fn modifiers_and_colours_that_change_are_one_sequence() {
    let area = Rect::new(0, 0, 3, 1);
    let prev = Buffer::empty(area);
    let mut next = Buffer::empty(area);
    next.set_string(0, 0, "a", Style::new().bold().reversed());
    next.set_string(1, 0, "b", Style::new().dim());
    next.set_string(2, 0, "c", Style::new());
    assert_eq!(
        bytes(&prev, &next, Moves::Needed),
        "\x1b[1;1H\x1b[7;1ma\x1b[27;22;2mb\x1b[22mc"
    );
    let mut next = Buffer::empty(area);
    next.set_string(0, 0, "a", Style::new().bold().red());
    next.set_string(1, 0, "b", Style::new().dark_gray());
    assert_eq!(
        bytes(&prev, &next, Moves::Needed),
        "\x1b[1;1H\x1b[1;31ma\x1b[22;90mb\x1b[0m"
    );
}

#[test]
fn a_cleared_wide_character_is_a_space_and_a_step_right() {
    let area = Rect::new(0, 0, 6, 1);
    let mut prev = Buffer::empty(area);
    prev.set_string(0, 0, "全部", Style::new());
    let mut next = Buffer::empty(area);
    next.set_string(0, 0, "x", Style::new());
    // Column 1 (under 全) and 3 (under 部) are blank in both buffers.
    assert_eq!(bytes(&prev, &next, Moves::Needed), "\x1b[1;1Hx\x1b[C ");
    assert_eq!(
        bytes(&prev, &next, Moves::EveryWide),
        "\x1b[1;1Hx\x1b[1;3H "
    );
}

#[test]
fn nothing_changed_writes_nothing() {
    let area = Rect::new(0, 0, 4, 1);
    assert_eq!(
        bytes(&Buffer::empty(area), &Buffer::empty(area), Moves::Needed),
        ""
    );
}

/// The bytes of `frames` (the first on a blank screen) through one
/// painter, as the UI draws them.
fn painted(frames: &[&Buffer]) -> Vec<String> {
    let mut painter = Painter::new(Moves::Needed);
    let mut prev = Buffer::empty(frames[0].area);
    let mut out = Vec::new();
    for &next in frames {
        let mut bytes = Vec::new();
        painter
            .draw(&mut bytes, prev.diff(next).into_iter(), Some(next))
            .unwrap();
        out.push(String::from_utf8(bytes).unwrap());
        prev = next.clone();
    }
    out
}

fn row(text: &str) -> Buffer {
    let mut b = Buffer::empty(Rect::new(0, 0, 12, 2));
    b.set_string(0, 0, text, Style::new());
    b
}

#[test]
fn a_short_gap_the_terminal_shows_is_written_again() {
    // "0.5 " to "0.6 ": the '.' between two changed cells is one byte,
    // the step over it three.
    let frames = painted(&[&row("1.5"), &row("2.6")]);
    assert_eq!(frames[1], "\x1b[1;1H2.6");
    // Not a cell whose wide character was written over: the terminal
    // may show it otherwise.
    let frames = painted(&[&row("全a"), &row("xxb")]);
    assert_eq!(frames[1], "\x1b[1;1Hxxb");
    let frames = painted(&[&row("全a"), &row("x b")]);
    assert_eq!(frames[1], "\x1b[1;1Hx\x1b[Cb");
}

#[test]
fn a_run_of_blanks_is_erased_with_ech() {
    let frames = painted(&[&row("全部完成了x"), &row("          x")]);
    assert_eq!(frames[1], "\x1b[1;1H\x1b[10X");
    // Two blanks are cheaper as spaces.
    let frames = painted(&[&row("ab"), &row("  ")]);
    assert_eq!(frames[1], "\x1b[1;1H  ");
    // A reversed blank shows: written as spaces.
    let mut next = row("");
    next.set_string(0, 0, "          ", Style::new().reversed());
    let frames = painted(&[&row("全部完成了x"), &next]);
    assert!(!frames[1].contains('X'), "{:?}", frames[1]);
}

#[test]
fn a_move_left_or_down_is_cha_or_vpa() {
    let mut a = row("ab");
    a.set_string(1, 1, "c", Style::new());
    let mut b = row("AB");
    b.set_string(1, 1, "C", Style::new());
    // After 'B' (cursor at column 2) to (1, 1): a line feed and the
    // column (CHA; CR for the first), absolute whether the line feed
    // returns the carriage or not; to the same column of the next row
    // VPA when that is shorter.
    let mut c = row("aB");
    c.set_string(2, 1, "x", Style::new());
    let frames = painted(&[&a, &b, &c]);
    assert_eq!(frames[1], "\x1b[1;1HAB\n\x1b[2GC");
    assert_eq!(frames[2], "\x1b[1;1Ha\x1b[2d x");
    let mut d = c.clone();
    d.set_string(0, 0, "z", Style::new());
    d.set_string(5, 0, "y", Style::new());
    let mut e = d.clone();
    e.set_string(5, 0, "Y", Style::new());
    e.set_string(0, 0, "Z", Style::new());
    assert_eq!(painted(&[&d, &e])[1].len(), "\x1b[1;1HZ\x1b[4CY".len());
}

#[test]
fn nothing_known_after_output_past_the_painter() {
    use std::cell::RefCell;
    use std::rc::Rc;
    #[derive(Clone, Default)]
    struct Sink(Rc<RefCell<Vec<u8>>>);
    impl Write for Sink {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    let sink = Sink::default();
    let mut wire = Wire::new(sink.clone(), Moves::Needed);
    let (a, b) = (row("1.5"), row("2.6"));
    wire.draw(Buffer::empty(a.area).diff(&a).into_iter())
        .unwrap();
    wire.write_all(b"raw").unwrap();
    sink.0.take();
    wire.draw(a.diff(&b).into_iter()).unwrap();
    assert_eq!(sink.0.take(), b"\x1b[1;1H2\x1b[C6");
    // The cursor is hidden once, not after every frame.
    wire.hide_cursor().unwrap();
    wire.hide_cursor().unwrap();
    assert_eq!(sink.0.take(), b"\x1b[?25l");
    wire.show_cursor().unwrap();
    wire.hide_cursor().unwrap();
    assert_eq!(sink.0.take(), b"\x1b[?25h\x1b[?25l");
}

#[test]
fn after_a_symbol_of_unsure_width_the_next_cell_is_placed_by_row_and_column() {
    // ratatui counts each of these two cells wide; tmux drew the first
    // four wide and the second one wide: a write that trusted the cursor
    // landed inside the text just written.
    for emoji in ["👍🏽", "❤️", "🇨🇳"] {
        let (prev, next) = line(&format!("a{emoji}b心"), Style::new());
        let out = bytes(&prev, &next, Moves::Needed);
        assert_eq!(out, format!("\x1b[2;5Ha{emoji}\x1b[2;8Hb心"), "{emoji}");
    }
    // A plain wide character keeps the cursor.
    let (prev, next) = line("a👍b", Style::new());
    assert_eq!(bytes(&prev, &next, Moves::Needed), "\x1b[2;5Ha👍b");
    // Never written again to fill a gap: stepped over from a known place.
    let frames = painted(&[&row("1❤️5"), &row("2❤️6")]);
    assert_eq!(frames[1], "\x1b[1;1H2\x1b[2C6");
}

/// ratatui's diff sends the hidden column after a cluster with U+FE0F
/// when it changed (for terminals that draw the cluster one cell wide):
/// it is written before the cluster, which then covers it where the
/// cluster is drawn two wide (tmux draws `㊗️` so; written after, the
/// blank erased it) and leaves it blank where one wide.
#[test]
fn the_hidden_column_of_a_cluster_is_written_before_it() {
    for emoji in ["㊗️", "❤️"] {
        let (prev, next) = (row("abcd"), row(&format!("a{emoji}d")));
        assert!(
            prev.diff(&next)
                .iter()
                .any(|(x, _, c)| *x == 2 && c.symbol() == " ")
        );
        let frames = painted(&[&prev, &next]);
        assert_eq!(frames[1], format!("\x1b[1;3H \x1b[2G{emoji}"), "{emoji}");
        let mut vt = vt100::Parser::new(NonZeroU16::MIN, NonZeroU16::new(12).unwrap(), 0);
        vt.process(format!("abcd{}", frames[1]).as_bytes());
        assert_eq!(vt.screen().contents(), format!("a{emoji}d"), "{emoji}");
    }
}

#[test]
fn steady_symbols() {
    assert!(steady("a") && steady("全") && steady("👍") && steady(""));
    assert!(!steady("👍🏽") && !steady("❤️") && !steady("🇨🇳") && !steady("🇨"));
    assert!(!steady("e\u{301}"));
}
