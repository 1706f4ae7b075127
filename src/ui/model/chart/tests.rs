//! The chart's data from a state: the points at the ends of their
//! periods, the expectation line of each kind, the value range, the
//! legend, and the table's numbers (hand-computed, as docs/data.md's
//! "Pace" cases and `wudang-plan series` give them).

use super::*;
use crate::ledger::{Entry, Field, Stamp};
use crate::pace::Period;
use crate::plan::Plan;
use crate::ui::data::Progress;
use crate::ui::model::layout::Area;
use crate::ui::model::{Config, Theme};
use crate::ui::strings::Lang;

const TODAY: jiff::civil::Date = jiff::civil::date(2025, 3, 1);

fn row(line: u64, id: &str, period: &str, value: &str) -> Entry {
    Entry {
        line,
        time: Stamp::start_of(TODAY),
        user: "u".into(),
        id: id.into(),
        field: Field::Actual,
        value: Some(value.into()),
        old: None,
        note: None,
        period: Some(Period::parse(period).unwrap()),
    }
}

fn state_of(plan: Plan, rows: &[(&str, &str, &str)]) -> AppState {
    let mut p = Progress::empty(TODAY);
    for (k, (id, period, value)) in rows.iter().enumerate() {
        p.apply(&row(k as u64 + 2, id, period, value));
    }
    let theme = Theme {
        color: false,
        ascii: false,
    };
    AppState::new(plan, p, Config::new(Lang::Zh, theme))
}

fn state(rows: &[(&str, &str, &str)]) -> AppState {
    state_of(crate::plan::load_embedded().unwrap(), rows)
}

fn sheet_of(s: &AppState, id: &str) -> (Sheet, Plot) {
    let sheet = Sheet::of(s, id).unwrap();
    let plot = sheet.plot.clone().unwrap();
    (sheet, plot)
}

fn cells(sheet: &Sheet) -> Vec<String> {
    sheet.rows.iter().map(|r| r.cells.join(" ")).collect()
}

fn has_note(sheet: &Sheet, text: &str) -> bool {
    sheet
        .legend
        .iter()
        .any(|(p, t)| *p == Part::Note && t.contains(text))
}

/// 8.2 (cumulative, 420 by 2025): the line runs from 0 at the plan's
/// start to 420 at the end of 2025 (336 at the end of 2024); the values
/// sit at the ends of their years; the axis takes in 0.
#[test]
fn cumulative_from_zero_to_the_target() {
    let s = state(&[("8.2", "2023", "240"), ("8.2", "2024", "300")]);
    let (sheet, plot) = sheet_of(&s, "8.2");
    let want = [
        (2021.0, 0.0),
        (2022.0, 84.0),
        (2023.0, 168.0),
        (2024.0, 252.0),
        (2025.0, 336.0),
        (2026.0, 420.0),
    ];
    assert_eq!(plot.expected, want);
    assert_eq!(plot.values, [(2024.0, 240.0), (2025.0, 300.0)]);
    assert_eq!((plot.lo, plot.hi), (0.0, 420.0));
    assert_eq!(plot.x, [2021.0, 2026.0]);
    assert_eq!(plot.target, Some(420.0));
    assert_eq!(cells(&sheet), ["2023 240 252", "2024 300 336"]);
    let lights: Vec<Light> = sheet.rows.iter().map(|r| r.light).collect();
    assert_eq!(lights, [Light::Yellow, Light::Red]);
    let parts: Vec<Part> = sheet.legend.iter().map(|(p, _)| *p).collect();
    assert_eq!(parts, [Part::Value, Part::Expected, Part::Target]);
    assert_eq!(sheet.legend[0].1, "实际值（亿元）", "the value axis's unit");
    assert_eq!(sheet.legend[2].1, "目标 420");
}

/// 8.1 (level, 500 by 2025) with 300 for 2020: the line runs from the
/// baseline at the end of 2020 to 500; the axis starts at the baseline,
/// not 0. The table is the one `series 8.1` prints (docs/data.md).
#[test]
fn level_from_the_baseline() {
    let s = state(&[
        ("8.1", "2020", "300"),
        ("8.1", "2023", "410"),
        ("8.1", "2024", "470"),
    ]);
    let (sheet, plot) = sheet_of(&s, "8.1");
    assert_eq!(plot.expected.first(), Some(&(2021.0, 300.0)));
    assert_eq!(plot.expected[4], (2025.0, 460.0));
    assert_eq!(plot.expected.last(), Some(&(2026.0, 500.0)));
    assert_eq!(
        plot.values[0],
        (2021.0, 300.0),
        "the baseline at the end of 2020"
    );
    assert_eq!((plot.lo, plot.hi), (300.0, 500.0));
    assert_eq!(
        cells(&sheet),
        ["2020 300 300", "2023 410 420", "2024 470 460"]
    );
    let lights: Vec<Light> = sheet.rows.iter().map(|r| r.light).collect();
    assert_eq!(lights, [Light::Gray, Light::Yellow, Light::Green]);
    assert!(sheet.facts.contains("基期 2020：300"), "{}", sheet.facts);
    assert!(!has_note(&sheet, "缺少基期值"));
}

/// A level without a baseline: no line, nothing expected, and the legend
/// says the baseline is missing (and for which year).
#[test]
fn level_without_a_baseline_says_so() {
    let s = state(&[("8.1", "2024", "470")]);
    let (sheet, plot) = sheet_of(&s, "8.1");
    assert!(plot.expected.is_empty());
    assert_eq!(cells(&sheet), ["2024 470 -"]);
    assert_eq!(sheet.rows[0].light, Light::Gray);
    assert!(
        has_note(&sheet, "缺少基期值（2020 年）"),
        "{:?}",
        sheet.legend
    );
    assert!(!sheet.legend.iter().any(|(p, _)| *p == Part::Expected));
}

/// A rate (19.3, 10% a year): each year against the target itself, so
/// no separate line: the target line says it is the expectation. The axis
/// is around the values and target, not from 0.
#[test]
fn rate_is_held_at_the_target() {
    let s = state(&[("19.3", "2023", "8"), ("19.3", "2024", "12")]);
    let (sheet, plot) = sheet_of(&s, "19.3");
    assert!(plot.expected.is_empty());
    assert_eq!((plot.lo, plot.hi), (8.0, 12.0));
    assert_eq!(cells(&sheet), ["2023 8 10", "2024 12 10"]);
    assert_eq!(
        sheet.legend[1],
        (Part::Target, "目标 10（即序时进度）".into())
    );
}

/// An annual amount (24.1, ~5000 a year): the target line, from 0; a
/// quarter's value sits mid-year and expects its share (2500 by Q2), as
/// the legend says.
#[test]
fn annual_with_a_quarter() {
    let s = state(&[("24.1", "2023", "5100"), ("24.1", "2024Q2", "2600")]);
    let (sheet, plot) = sheet_of(&s, "24.1");
    assert!(plot.expected.is_empty());
    assert_eq!(plot.values, [(2024.0, 5100.0), (2024.5, 2600.0)]);
    assert_eq!(plot.lo, 0.0);
    assert_eq!(cells(&sheet), ["2023 5100 5000", "2024Q2 2600 2500"]);
    assert_eq!(
        sheet.legend[1],
        (Part::Target, "目标 5000/年（季、月按比例）".into())
    );
}

/// Lower is better (0.12, 城乡收入比 <= 2): above the target is behind.
/// As a level from 2.4 the line falls to the target.
#[test]
fn lower_is_better() {
    let s = state(&[("0.12", "2022", "2.3"), ("0.12", "2024", "2.12")]);
    let (sheet, plot) = sheet_of(&s, "0.12");
    assert_eq!((plot.lo, plot.hi), (2.0, 2.3));
    let lights: Vec<Light> = sheet.rows.iter().map(|r| r.light).collect();
    assert_eq!(lights, [Light::Red, Light::Yellow]);

    let mut plan = crate::plan::load_embedded().unwrap();
    let i = plan
        .indicators
        .iter()
        .position(|i| i.id() == "0.12")
        .unwrap();
    plan.indicators[i].kind = Kind::Level;
    let s = state_of(plan, &[("0.12", "2020", "2.4"), ("0.12", "2024", "2.12")]);
    let (_, plot) = sheet_of(&s, "0.12");
    let ys: Vec<f64> = plot.expected.iter().map(|p| p.1).collect();
    assert!(
        (ys[0] - 2.4).abs() < 1e-9 && (ys[5] - 2.0).abs() < 1e-9,
        "{ys:?}"
    );
    assert!(ys.windows(2).all(|w| w[1] < w[0]), "falls: {ys:?}");
    assert_eq!((plot.lo, plot.hi), (2.0, 2.4));
}

/// A milestone: no chart, a table of done / not done, and its rule.
#[test]
fn milestone_is_a_table() {
    let s = state(&[("3.1", "2024", "not_done"), ("3.1", "2025", "done")]);
    let sheet = Sheet::of(&s, "3.1").unwrap();
    assert!(sheet.plot.is_none());
    assert_eq!(sheet.head, ["期别", "实际值", "灯"]);
    assert_eq!(cells(&sheet), ["2024 未完成", "2025 已完成"]);
    assert!(has_note(&sheet, "2025 年 7 月起黄灯，2026 年起红灯"));
    assert!(Sheet::of(&s, "99.9").is_none());
}

/// Nothing recorded: the lines still show, with a note.
#[test]
fn nothing_recorded_yet() {
    let s = state(&[]);
    let (sheet, plot) = sheet_of(&s, "8.2");
    assert!(plot.values.is_empty() && sheet.rows.is_empty());
    assert_eq!(plot.expected.len(), 6);
    assert!(has_note(&sheet, "还没有填报"));
}

/// 80×24 (main 80×22): the chart beside the table; at 50 columns it is
/// above the table. A long table scrolls, the latest rows shown first.
#[test]
fn layout_at_80x24_and_narrow() {
    let s = state(&[("8.2", "2023", "240"), ("8.2", "2024", "300")]);
    let sheet = Sheet::of(&s, "8.2").unwrap();
    let main = Area {
        x: 0,
        y: 0,
        width: 80,
        height: 22,
    };
    let lay = ChartLayout::of(&s, main, &sheet);
    let chart = lay.chart.unwrap();
    assert_eq!(lay.popup, main);
    assert!(chart.x + chart.width < lay.table.x, "beside");
    assert!(chart.width >= 36 && chart.height >= 15, "{chart:?}");
    let narrow = Area { width: 50, ..main };
    let lay = ChartLayout::of(&s, narrow, &sheet);
    let chart = lay.chart.unwrap();
    assert!(chart.y + chart.height <= lay.table.y, "above");
    assert_eq!(lay.table.height, 3, "header and two rows");
    // 30 rows in 19 lines: 17 shown, and a line saying which
    let many = Area {
        height: 19,
        ..lay.table
    };
    let lay = ChartLayout { table: many, ..lay };
    assert_eq!(lay.window(30, 0), (13, 17, true));
    assert_eq!(lay.most_back(30), 13);
    assert_eq!(lay.window(30, 99), (0, 17, true));
    assert_eq!(lay.window(5, 3), (0, 5, false));
}

#[test]
fn legend_items_are_never_split() {
    let items = vec![
        (Part::Value, "实际值".to_string()),
        (Part::Expected, "序时进度".to_string()),
        (Part::Note, "缺少基期值（2020 年），无序时进度".to_string()),
    ];
    assert_eq!(legend_lines(&items, 80), [vec![0, 1, 2]]);
    assert_eq!(legend_lines(&items, 30), [vec![0, 1], vec![2]]);
}
