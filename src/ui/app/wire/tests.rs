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
const END: &str = "\x1b[39m\x1b[49m\x1b[59m\x1b[0m";

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
        "\x1b[1;1H全a\x1b[3Cb部\x1b[2;1Hc"
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
fn modifiers_are_written_as_crossterm_writes_them() {
    let area = Rect::new(0, 0, 3, 1);
    let prev = Buffer::empty(area);
    let mut next = Buffer::empty(area);
    next.set_string(0, 0, "a", Style::new().bold().reversed());
    next.set_string(1, 0, "b", Style::new().dim());
    next.set_string(2, 0, "c", Style::new());
    assert_eq!(
        bytes(&prev, &next, Moves::Needed),
        "\x1b[1;1H\x1b[7m\x1b[1ma\x1b[27m\x1b[22m\x1b[2mb\x1b[22mc"
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
