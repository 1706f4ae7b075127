//! Long notes and long typed text (issue 8, found by a new-user test):
//! the indicator's box, the history popup and the footer editor show all
//! of it, wrapped or scrolled by display width, never cut mid-character.

use crate::common::*;
use insta::assert_snapshot;
use wudang_plan::ledger::Field;
use wudang_plan::ui::{Action, AppState, Lang, update};

/// A note of about two lines at 100x30 (with its who and when).
const NOTE: &str = "二季度统计快报显示工业总产值同比增长12.5%，其中规模以上工业企业贡献过半，待统计局核实后再更新全年预计值";

/// 8.1 with the standing note `note`, selected in the indicator pane.
fn with_long_note(lang: Lang, w: u16, h: u16, note: &str) -> AppState {
    let mut s = state(lang, w, h);
    let mut row = row("8.1", note, None, "limin");
    row.field = Field::Note;
    update(&mut s, Action::Changed(vec![row]));
    s.message = None;
    keys(&mut s, ":8.1\n");
    s
}

/// The lines below the indicator table's rule (`---`), inside the pane's
/// border, trailing spaces dropped.
fn box_lines(out: &[String]) -> Vec<String> {
    let Some(rule) = out.iter().position(|l| l.contains("------")) else {
        panic!("no rule in\n{}", out.join("\n"));
    };
    out[rule + 1..]
        .iter()
        .take_while(|l| !l.contains('└') && !l.contains('┘'))
        .map(|l| {
            let inner = l.rsplit('│').nth(1).unwrap_or("");
            inner.trim_end().to_string()
        })
        .collect()
}

/// The note's lines, joined again, without spaces (the hanging indent and
/// a space at a break are dropped).
fn joined_note(lines: &[String], label: &str) -> String {
    let start = lines.iter().position(|l| l.starts_with(label)).unwrap();
    let mut out = String::new();
    for l in &lines[start..] {
        if l.starts_with("原文") || l.starts_with("Source") {
            break;
        }
        out.push_str(l);
    }
    out.replace(' ', "")
}

#[test]
fn indicator_long_note_zh_100x30() {
    let s = with_long_note(Lang::Zh, 100, 30, NOTE);
    let out = lines(&s);
    let b = box_lines(&out);
    let note = joined_note(&b, "备注：");
    assert!(
        note.contains(NOTE) && note.contains("（limin，2025-06-3000:00）"),
        "{b:?}"
    );
    assert!(!b.iter().any(|l| l.ends_with('~')), "{b:?}");
    assert_snapshot!(render(&s));
}

#[test]
fn indicator_long_note_zh_80x24() {
    let s = with_long_note(Lang::Zh, 80, 24, NOTE);
    let out = lines(&s);
    let b = box_lines(&out);
    let note = joined_note(&b, "备注：");
    assert!(note.contains(NOTE) && note.contains("（limin，"), "{b:?}");
    assert_snapshot!(render(&s));
}

#[test]
fn indicator_long_note_en_100x30() {
    let s = with_long_note(Lang::En, 100, 30, NOTE);
    let out = lines(&s);
    let b = box_lines(&out);
    let note = joined_note(&b, "Note: ");
    assert!(
        note.contains(NOTE) && note.contains("(limin,2025-06-3000:00)"),
        "{b:?}"
    );
    assert_snapshot!(render(&s));
}

/// A note longer than the grown box: its last line shown ends with `~`,
/// every line stays inside the pane, the list keeps its rows.
#[test]
fn indicator_note_too_long_for_the_box_is_cut_on_its_last_line() {
    let long = NOTE.repeat(4);
    let s = with_long_note(Lang::Zh, 100, 30, &long);
    let out = lines(&s);
    let b = box_lines(&out);
    assert_eq!(b.len(), 7, "the box grows by three lines: {b:?}");
    assert!(b[2].starts_with("报告期："), "the pace line: {b:?}");
    assert!(b[3].starts_with("备注：二季度"), "{b:?}");
    assert!(b[6].ends_with('~'), "{b:?}");
    assert!(b[..6].iter().all(|l| !l.ends_with('~')), "{b:?}");
    // 8.1 to 8.5 are still listed
    assert!(out.iter().any(|l| l.contains("8.5 ")), "{}", out.join("\n"));
}

/// 8.1's history, newest first: a value with a short remark, a long note,
/// and (last, oldest) a value with a long remark.
fn with_long_history(lang: Lang, w: u16, h: u16) -> AppState {
    let mut s = state(lang, w, h);
    keys(&mut s, ":8.1\nH");
    let mut value = row("8.1", "512", Some("455"), "朱快春");
    value.note = Some("二季度快报".into());
    let mut note = row("8.1", NOTE, None, "limin");
    note.field = Field::Note;
    let mut first = row("8.1", "455", None, "alice");
    first.note = Some(format!("一季度：{NOTE}"));
    update(
        &mut s,
        Action::History("8.1".into(), vec![value, note, first], 3),
    );
    s
}

/// The popup's lines from the one starting with `from` on, joined without
/// spaces, up to the next row (a line starting with a date).
fn popup_row(out: &[String], from: &str) -> String {
    let at = out.iter().position(|l| l.contains(from)).unwrap();
    let mut row = String::new();
    for (k, l) in out[at..].iter().enumerate() {
        let inside = l.split('│').nth(2).unwrap_or("");
        if k > 0 && (inside.trim_start().starts_with("2025-") || inside.contains('└')) {
            break;
        }
        row.push_str(inside);
    }
    row.replace(' ', "")
}

#[test]
fn history_long_note_zh_100x30() {
    let s = with_long_history(Lang::Zh, 100, 30);
    let out = lines(&s);
    let note = popup_row(&out, "备注：");
    assert!(note.contains(&format!("limin备注：{NOTE}")), "{note}");
    let last = popup_row(&out, "alice");
    assert!(last.contains(&format!("一季度：{NOTE}")), "{last}");
    let popup = out.iter().map(|l| l.split('│').nth(2).unwrap_or(""));
    assert!(
        !popup.clone().any(|l| l.trim_end().ends_with('~')),
        "{out:?}"
    );
    assert_snapshot!(render(&s));
}

#[test]
fn history_long_note_zh_80x24() {
    let s = with_long_history(Lang::Zh, 80, 24);
    let out = lines(&s);
    let note = popup_row(&out, "备注：");
    assert!(note.contains(&format!("limin备注：{NOTE}")), "{note}");
    assert_snapshot!(render(&s));
}

#[test]
fn history_long_note_en_80x24() {
    let s = with_long_history(Lang::En, 80, 24);
    let out = lines(&s);
    let note = popup_row(&out, "Note: ");
    assert!(note.contains(&format!("liminNote:{NOTE}")), "{note}");
    assert_snapshot!(render(&s));
}

/// Scrolled to the end (the cursor counts rows), the last row is shown
/// whole, its wrapped lines below it, even in a popup too short for all.
#[test]
fn history_scrolls_the_last_long_row_fully_into_view() {
    let mut s = with_long_history(Lang::Zh, 80, 12);
    keys(&mut s, "jjj");
    assert_eq!(s.history.as_ref().unwrap().cursor.sel, 2);
    let out = lines(&s);
    let last = popup_row(&out, "alice");
    assert!(
        last.contains(&format!("一季度：{NOTE}")),
        "{}",
        out.join("\n")
    );
}

/// The note editor on 8.1 with `typed` typed in, drawn: the screen and
/// where the hardware cursor is.
fn typing_note(lang: Lang, w: u16, h: u16, typed: &str) -> (String, ratatui::layout::Position) {
    use ratatui::backend::Backend;
    let mut s = state(lang, w, h);
    keys(&mut s, ":8.1\nn");
    update(&mut s, Action::ClearField);
    for c in typed.chars() {
        update(&mut s, Action::Input(c));
    }
    let mut t = terminal(&s);
    let pos = t.backend_mut().get_cursor_position().unwrap();
    (screen(t.backend().buffer()), pos)
}

/// The footer's editor line and the cell the caret is after: the cursor
/// sits right after the last character typed (two cells after a wide
/// one), inside the window.
fn assert_caret_after(out: &str, pos: ratatui::layout::Position, w: u16, last: char) {
    let line: Vec<&str> = out.lines().collect();
    let bar = line[pos.y as usize].trim_matches('"');
    let cw = unicode_width::UnicodeWidthChar::width(last).unwrap() as u16;
    assert!(pos.x < w, "cursor {pos:?} outside the bar:\n{out}");
    let (before, _) = wudang_plan::text::fit(bar, (pos.x - cw) as usize);
    let at = bar[before.len()..].chars().next();
    assert_eq!(at, Some(last), "cursor {pos:?} not after {last:?}:\n{out}");
}

#[test]
fn editor_long_note_zh_80x24() {
    let (out, pos) = typing_note(Lang::Zh, 80, 24, NOTE);
    assert_caret_after(&out, pos, 80, '值');
    assert!(out.contains("待统计局核实后再更新全年预计值"), "{out}");
    assert_snapshot!(format!("{out}cursor: {pos:?}"));
}

#[test]
fn editor_long_note_zh_100x30() {
    let typed = format!("{NOTE}，{NOTE}");
    let (out, pos) = typing_note(Lang::Zh, 100, 30, &typed);
    assert_caret_after(&out, pos, 100, '值');
    assert_snapshot!(format!("{out}cursor: {pos:?}"));
}

#[test]
fn editor_long_note_en_80x24() {
    let typed = format!("{NOTE} ok");
    let (out, pos) = typing_note(Lang::En, 80, 24, &typed);
    assert_caret_after(&out, pos, 80, 'k');
    assert_snapshot!(format!("{out}cursor: {pos:?}"));
}
