//! The history popup (`H`): every change of an actual names its period
//! (a 2020 baseline typed after 2024 is told from 2024), at 80×24, 100×30
//! and narrower; no trend line mixing periods (the chart does that).

use crate::common::*;
use insta::assert_snapshot;
use wudang_plan::ledger::Entry;
use wudang_plan::plan::Period;
use wudang_plan::ui::{Action, Lang, update};

/// A row of 8.1 for `year`, as the ledger has it (newest rows last).
fn in_year(year: i32, value: &str, user: &str) -> Entry {
    let mut r = row("8.1", value, None, user);
    r.period = Some(Period::Year(year));
    r
}

/// 8.1 as the tester had it: 2020, 2024, 2023, 2025 typed in that order
/// (each the first value of its period), and a 2024 correction; `H`.
fn with_periods(lang: Lang, w: u16, h: u16) -> wudang_plan::ui::AppState {
    let mut s = writable(lang, w, h);
    keys(&mut s, ":8.1\nH");
    let mut fix = in_year(2024, "452", "赵六");
    fix.old = Some("460".into());
    let mut rows = vec![
        in_year(2020, "300", "李四"),
        in_year(2024, "460", "李四"),
        in_year(2023, "410", "张三"),
        in_year(2025, "495", "李四"),
        fix,
    ];
    for (k, r) in rows.iter_mut().enumerate() {
        r.line = k as u64 + 2;
    }
    rows.reverse();
    update(&mut s, Action::History("8.1".into(), rows, 5));
    s
}

/// The popup line showing `what`.
fn line_with(out: &[String], what: &str) -> String {
    out.iter()
        .find(|l| l.contains(what))
        .unwrap_or_else(|| panic!("no {what:?} in\n{}", out.join("\n")))
        .clone()
}

/// Each change's line names its period, whatever the width (narrow: the
/// change goes under when and who, the period first).
#[test]
fn every_change_names_its_period() {
    for (w, h) in [(80, 24), (100, 30), (60, 24), (40, 20)] {
        let s = with_periods(Lang::Zh, w, h);
        let out = lines(&s);
        for (year, change) in [
            ("2020", "（无） -> 300 亿元"),
            ("2024", "（无） -> 460 亿元"),
            ("2023", "（无） -> 410 亿元"),
            ("2025", "（无） -> 495 亿元"),
            ("2024", "460 亿元 -> 452 亿元"),
        ] {
            let l = line_with(&out, change);
            assert!(l.contains(&format!("{year}  {change}")), "{w}x{h}: {l}");
        }
    }
}

/// No sparkline of the values in typing order (2020's 300 after 2024's
/// 460 read as a fall).
#[test]
fn no_trend_line_mixing_periods() {
    let s = with_periods(Lang::Zh, 100, 30);
    let out = render(&s);
    assert!(!out.contains("趋势") && !out.contains('⣿'), "{out}");
}

#[test]
fn history_periods_zh_80x24() {
    let s = with_periods(Lang::Zh, 80, 24);
    assert_snapshot!(render(&s));
}

#[test]
fn history_periods_en_100x30() {
    let s = with_periods(Lang::En, 100, 30);
    assert_snapshot!(render(&s));
}

#[test]
fn history_periods_zh_40x20() {
    let s = with_periods(Lang::Zh, 40, 20);
    assert_snapshot!(render(&s));
}

/// An undo's row as the ledger stores it (the remark in English, kept so
/// for old ledgers and the command line).
fn undo_row() -> Entry {
    let mut r = in_year(2024, "450", "王五");
    r.old = Some("452".into());
    r.line = 9;
    r.note = Some("undo of the change at 2025-06-30T00:00:00+08:00 by 孙七".into());
    r
}

/// The undo's remark reads in the UI's language, in the history and in
/// the indicator box (it was shown as stored: `undo of the change at …`).
#[test]
fn an_undo_reads_in_the_uis_language() {
    for (lang, want) in [
        (Lang::Zh, "撤销 孙七 于 2025-06-30 00:00 的修改"),
        (Lang::En, "undo of 孙七's change at 2025-06-30 00:00"),
    ] {
        let mut s = writable(lang, 100, 30);
        keys(&mut s, ":8.1\nH");
        update(&mut s, Action::History("8.1".into(), vec![undo_row()], 1));
        let out = render(&s);
        // the popup's text, its wrapped lines joined
        let popup: String = lines(&s)
            .iter()
            .filter_map(|l| l.split('│').nth(2))
            .collect::<String>()
            .replace(' ', "");
        assert!(
            popup.contains(&want.replace(' ', "")),
            "{lang:?} history: {out}"
        );
        assert!(!out.contains("undo of the change"), "{out}");

        // the indicator box: the remark of the current value (2025 here)
        let mut s = writable(lang, 100, 30);
        let mut current = undo_row();
        current.period = Some(Period::Year(2025));
        update(&mut s, Action::Changed(vec![current]));
        keys(&mut s, ":8.1\n");
        let out = render(&s);
        assert!(out.contains(want), "{lang:?} box: {out}");
    }
}
