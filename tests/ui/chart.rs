//! The chart popup (`c`): opening and closing it (pure `update`), its
//! table scrolling and following others' rows, and its screens at 80×24
//! and 100×30, Chinese and English, and in ASCII mode (insta snapshots in
//! tests/ui/snapshots/ui__chart__*.snap).

use crate::common::*;
use insta::assert_snapshot;
use jiff::civil::Date;
use wudang_plan::ledger::Entry;
use wudang_plan::plan::Period;
use wudang_plan::ui::keymap::Ctx;
use wudang_plan::ui::{Action, AppState, Lang, Pane, update};

const TODAY: Date = jiff::civil::date(2025, 3, 1);

/// An actual of `id` for `period` as the ledger would give it.
fn at(id: &str, period: &str, value: &str) -> Entry {
    let mut e = row(id, value, None, "alice");
    e.period = Some(Period::parse(period).unwrap());
    e
}

/// 8.1 (level) from its baseline 300 in 2020 to 440 in 2024; 8.2
/// (cumulative) 80 … 300 for 2021–2024; as of 2025-03-01.
fn charted(lang: Lang, ascii: bool, w: u16, h: u16) -> AppState {
    let mut s = bare(lang, ascii, w, h);
    let rows = [
        ("8.1", "2020", "300"),
        ("8.1", "2021", "350"),
        ("8.1", "2022", "380"),
        ("8.1", "2023", "410"),
        ("8.1", "2024", "440"),
        ("8.2", "2021", "80"),
        ("8.2", "2022", "170"),
        ("8.2", "2023", "240"),
        ("8.2", "2024", "300"),
    ];
    let rows = rows.iter().map(|(i, p, v)| at(i, p, v)).collect();
    update(&mut s, Action::Changed(rows));
    s
}

/// `state_with` without the common fixture's values of 8.1 and 8.2 (it
/// gives them one for the current year), so each test's rows are the only
/// ones charted.
fn bare(lang: Lang, ascii: bool, w: u16, h: u16) -> AppState {
    let mut s = state_with(lang, TODAY, ascii, w, h);
    for id in ["8.1", "8.2"] {
        s.progress.clear_actuals(id);
    }
    s.progress_changed();
    s
}

fn open(s: &mut AppState, id: &str) {
    keys(s, &format!(":{id}\nc"));
    assert_eq!(s.chart.as_ref().map(|c| c.id.as_str()), Some(id));
    assert_eq!(s.ctx(), Ctx::Chart);
}

#[test]
fn c_opens_the_selected_indicators_chart_and_c_esc_q_close_it() {
    let mut s = charted(Lang::Zh, false, 80, 24);
    for close in ["c", "\x1b", "q"] {
        open(&mut s, "8.1");
        keys(&mut s, close);
        assert!(s.chart.is_none(), "{close:?} closes it");
        assert!(!s.quit, "{close:?} does not quit");
        assert_eq!(s.ctx(), Ctx::Browse);
    }
}

/// From the tree: a task with one indicator opens it; with several, the
/// focus moves to the indicator pane and a message says to pick one.
#[test]
fn from_the_tree_only_a_single_indicator_opens() {
    let mut s = charted(Lang::Zh, false, 100, 30);
    keys(&mut s, ":8\n");
    assert_eq!(s.focus, Pane::Tree);
    keys(&mut s, "c");
    assert!(s.chart.is_none());
    assert_eq!(s.focus, Pane::Indicators);
    assert!(
        s.message
            .as_deref()
            .unwrap_or("")
            .contains("先选中一个指标")
    );
    let single = s
        .plan
        .tasks
        .iter()
        .find(|t| {
            t.id != "0"
                && s.plan
                    .indicators
                    .iter()
                    .filter(|i| *i.task == *t.id)
                    .count()
                    == 1
        })
        .map(|t| t.id.clone())
        .unwrap();
    let only = s
        .plan
        .indicators
        .iter()
        .find(|i| *i.task == *single)
        .unwrap()
        .id()
        .to_string();
    keys(&mut s, &format!(":{single}\n"));
    assert_eq!(s.focus, Pane::Tree);
    keys(&mut s, "c");
    assert_eq!(s.chart.as_ref().map(|c| c.id.clone()), Some(only));
}

/// A long table shows the latest periods; `k` scrolls back to the first,
/// `j` forward again; a period recorded meanwhile (live refresh) appears.
#[test]
fn the_table_scrolls_and_follows_new_rows() {
    let mut s = bare(Lang::En, false, 80, 24);
    let months: Vec<Entry> = (2021..=2024)
        .flat_map(|y| (1..=12).map(move |m| (y, m)))
        .map(|(y, m)| at("8.2", &format!("{y}-{m:02}"), &(y - 2020).to_string()))
        .collect();
    update(&mut s, Action::Changed(months));
    open(&mut s, "8.2");
    let out = render(&s);
    assert!(out.contains("2024-12") && !out.contains("2021-01"), "{out}");
    assert!(out.contains("of 48 (j/k)"), "{out}");
    for _ in 0..60 {
        keys(&mut s, "k");
    }
    let out = render(&s);
    assert!(out.contains("2021-01") && !out.contains("2024-12"), "{out}");
    keys(&mut s, "j");
    assert!(!render(&s).contains("2021-01"));
    update(&mut s, Action::Changed(vec![at("8.2", "2025-01", "5")]));
    assert!(s.chart.is_some(), "others' rows leave it open");
    for _ in 0..60 {
        keys(&mut s, "j");
    }
    let out = render(&s);
    assert!(out.contains("2025-01") && out.contains("of 49"), "{out}");
}

#[test]
fn level_zh_80x24() {
    let mut s = charted(Lang::Zh, false, 80, 24);
    open(&mut s, "8.1");
    let out = render(&s);
    assert!(out.contains("基期 2020：300"), "{out}");
    assert!(out.contains("2024     440       460  红灯"), "{out}");
    assert!(
        out.contains("* 实际值（亿元）  ⠤ 序时进度  - 目标 500"),
        "{out}"
    );
    assert_snapshot!(out);
}

#[test]
fn cumulative_zh_100x30() {
    let mut s = charted(Lang::Zh, false, 100, 30);
    open(&mut s, "8.2");
    let out = render(&s);
    assert!(out.contains("2024     300       336  红灯"), "{out}");
    assert_snapshot!(out);
}

#[test]
fn cumulative_en_80x24() {
    let mut s = charted(Lang::En, false, 80, 24);
    open(&mut s, "8.2");
    let out = render(&s);
    assert!(
        out.contains("* actual (亿元)  ⠤ expected  - target 420"),
        "{out}"
    );
    assert_snapshot!(out);
}

#[test]
fn level_en_100x30() {
    let mut s = charted(Lang::En, false, 100, 30);
    open(&mut s, "8.1");
    assert_snapshot!(render(&s));
}

/// `--ascii`: ASCII borders and axes, `.` for the expectation line, no
/// Braille.
#[test]
fn level_ascii_80x24() {
    let mut s = charted(Lang::Zh, true, 80, 24);
    open(&mut s, "8.1");
    let out = render(&s);
    assert!(out.contains(". 序时进度"), "{out}");
    assert!(
        !out.chars()
            .any(|c| ('\u{2800}'..='\u{28ff}').contains(&c) || c == '│'),
        "{out}"
    );
    assert_snapshot!(out);
}

/// A level without a baseline says so instead of drawing a line.
#[test]
fn level_without_baseline_en_80x24() {
    let mut s = state_with(Lang::En, TODAY, false, 80, 24);
    update(&mut s, Action::Changed(vec![at("8.1", "2024", "440")]));
    open(&mut s, "8.1");
    let out = render(&s);
    assert!(
        out.contains("no baseline (2020): nothing expected"),
        "{out}"
    );
    assert!(!out.contains("⠤ expected"), "{out}");
}

/// A milestone: done / not done by period, no chart.
#[test]
fn milestone_zh_80x24() {
    let mut s = state_with(Lang::Zh, TODAY, false, 80, 24);
    update(
        &mut s,
        Action::Changed(vec![
            at("10.1", "2024", "not_done"),
            at("10.1", "2025Q1", "done"),
        ]),
    );
    open(&mut s, "10.1");
    let out = render(&s);
    assert!(out.contains("2025Q1  已完成  绿灯"), "{out}");
    assert_snapshot!(out);
}

/// Every size from 1×1 to 130×40 draws the chart (a level, a cumulative
/// target with monthly values, a milestone; Chinese and ASCII) without
/// panicking and without a split double-width character, and `k` scrolls
/// safely at each.
#[test]
fn the_chart_renders_at_any_size() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use wudang_plan::ui::draw;
    let mut s = charted(Lang::Zh, false, 100, 30);
    let months: Vec<Entry> = (1..=12)
        .map(|m| at("1.1", &format!("2024-{m:02}"), &m.to_string()))
        .collect();
    update(&mut s, Action::Changed(months));
    let mut t = Terminal::new(TestBackend::new(1, 1)).unwrap();
    for (id, ascii) in [("8.1", false), ("1.1", true), ("10.1", false)] {
        s.config.theme.ascii = ascii;
        update(&mut s, Action::Resize(100, 30));
        open(&mut s, id);
        for w in (1..=130).step_by(9).chain([40, 59, 60, 79, 80]) {
            for h in (1..=40).step_by(4).chain([10, 11, 12, 24]) {
                update(&mut s, Action::Resize(w, h));
                keys(&mut s, "k");
                t.backend_mut().resize(w, h);
                t.resize(ratatui::layout::Rect::new(0, 0, w, h)).unwrap();
                let frame = t.draw(|f| draw(f, &s)).unwrap();
                let bad = hidden_cells(frame.buffer);
                assert!(bad.is_empty(), "{id} at {w}x{h}: {bad:?}");
            }
        }
        keys(&mut s, "c");
    }
}
