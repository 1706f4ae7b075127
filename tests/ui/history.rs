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
