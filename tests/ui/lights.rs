//! The lights (红黄绿灯) in the full-screen UI: a ledger with red, yellow,
//! green and gray indicators, some 逾期未报 (stale), as of a fixed date.
//! Pure tests of the filter and the roll-ups, the `S` picker choosing a
//! light, and screens (insta snapshots, tests/ui/snapshots/ui__lights__*).

use crate::common::*;
use insta::assert_snapshot;
use jiff::civil::Date;
use wudang_plan::ledger::{Entry, Field, Stamp};
use wudang_plan::pace::Light;
use wudang_plan::plan::Period;
use wudang_plan::ui::data::Class;
use wudang_plan::ui::model::TreeRow;
use wudang_plan::ui::model::filter::LightFilter;
use wudang_plan::ui::model::overview::OvKind;
use wudang_plan::ui::model::picker::{PickKind, PickValue};
use wudang_plan::ui::{Action, AppState, Config, Lang, Mode, Progress, Theme, update};

/// The date every light below is judged on: 2024's values are stale
/// (from 2025-04-01), 2025Q1's are not (until 2025-07-01).
pub const TODAY: Date = jiff::civil::date(2025, 6, 30);

/// One actual row of `id` for `period` (the ledger line `line`).
fn actual(line: u64, id: &str, value: &str, period: &str) -> Entry {
    Entry {
        line,
        time: Stamp::start_of(TODAY),
        user: "limin".into(),
        id: id.into(),
        field: Field::Actual,
        value: Some(value.into()),
        old: None,
        note: None,
        period: Some(period.parse::<Period>().unwrap()),
    }
}

/// The rows of the lights ledger, with the light each indicator gets on
/// [`TODAY`] (plan 2021–2025; docs/data.md, "Pace"):
///
/// - 8.1 level, baseline 300 (2020), 470 in 2024: expected 460, green, stale;
/// - 8.2 cumulative, 300 in 2024: expected 336, r 0.89, red, stale;
/// - 8.3 level without a baseline, 150 in 2025Q1: gray (baseline missing);
/// - 1.3 level, baseline 4, 7.2 in 2025Q1: expected 7.4, r 0.94, yellow;
/// - 0.12 rate, lower is better (<= 2), 2.1 in 2024: r 0.95, yellow, stale;
/// - 7.2 cumulative due 2023, 5000 in 2023: past its deadline, red, stale;
/// - 7.4 milestone due 2023, nothing recorded (not done): red;
/// - 10.1 milestone done in 2025: green;
/// - everything else: nothing recorded, gray.
pub fn rows() -> Vec<Entry> {
    vec![
        actual(2, "8.1", "300", "2020"),
        actual(3, "8.1", "470", "2024"),
        actual(4, "8.2", "300", "2024"),
        actual(5, "8.3", "150", "2025Q1"),
        actual(6, "1.3", "4", "2020"),
        actual(7, "1.3", "7.2", "2025Q1"),
        actual(8, "0.12", "2.1", "2024"),
        actual(9, "7.2", "5000", "2023"),
        actual(10, "10.1", "done", "2025"),
    ]
}

pub fn progress() -> Progress {
    let mut p = Progress::empty(TODAY);
    for e in rows() {
        p.apply(&e);
    }
    p
}

/// The lights ledger at `w`×`h`, colours on or off.
pub fn lit_state(lang: Lang, color: bool, w: u16, h: u16) -> AppState {
    let theme = Theme {
        color,
        ascii: false,
    };
    let mut config = Config::new(lang, theme);
    config.writable = true;
    let mut s = AppState::new(plan(), progress(), config);
    update(&mut s, Action::Resize(w, h));
    s
}

fn light(s: &AppState, id: &str) -> Light {
    s.light_of(s.plan.indicator_pos(id).unwrap())
}

fn stale(s: &AppState, id: &str) -> bool {
    let p = s.pace_of(s.plan.indicator_pos(id).unwrap()).unwrap();
    p.stale(s.progress.today)
}

/// The fixture is what its comment says: every light, some stale.
#[test]
fn the_fixture_has_every_light_and_stale_values() {
    let s = lit_state(Lang::Zh, true, 100, 30);
    let want = [
        ("8.1", Light::Green, true),
        ("8.2", Light::Red, true),
        ("8.3", Light::Gray, false),
        ("1.3", Light::Yellow, false),
        ("0.12", Light::Yellow, true),
        ("7.2", Light::Red, true),
        ("7.4", Light::Red, false),
        ("10.1", Light::Green, false),
        ("8.4", Light::Gray, false),
    ];
    for (id, l, st) in want {
        assert_eq!((light(&s, id), stale(&s, id)), (l, st), "{id}");
    }
}

/// Ids of the plan's indicators for which `keep` holds, plan order.
fn ids_where(s: &AppState, keep: impl Fn(usize) -> bool) -> Vec<String> {
    (0..s.plan.indicators.len())
        .filter(|&i| keep(i))
        .map(|i| s.plan.indicators[i].id().to_string())
        .collect()
}

/// Ids the indicator pane lists for 全部, sorted as the plan lists them.
fn listed(s: &AppState) -> Vec<String> {
    let mut v = s.visible.inds.clone();
    v.sort_unstable();
    v.iter()
        .map(|&i| s.plan.indicators[i].id().to_string())
        .collect()
}

/// The visible task with id `id`.
fn task<'a>(s: &'a AppState, id: &str) -> &'a wudang_plan::ui::model::filter::VisTask {
    s.visible
        .tasks
        .iter()
        .find(|t| s.plan.tasks[t.pos].id == id)
        .unwrap()
}

/// A task's light is its worst indicator's; gray counts only when all are
/// gray.
#[test]
fn a_tasks_light_is_its_worst_gray_only_when_all_are_gray() {
    let s = lit_state(Lang::Zh, true, 100, 30);
    // 8.1 green, 8.2 red, 8.3–8.5 gray
    let t8 = task(&s, "8");
    assert_eq!((t8.lights.red, t8.lights.green, t8.lights.gray), (1, 1, 3));
    assert_eq!(t8.lights.worst(), Light::Red);
    assert_eq!(t8.stale, 2);
    // 10.1 green, the rest gray: green
    assert_eq!(task(&s, "10").lights.worst(), Light::Green);
    // nothing recorded: gray
    assert_eq!(task(&s, "2").lights.worst(), Light::Gray);
    // the tree says so without colour: `红!` (a stale value) and `绿`
    let screen = render(&s);
    assert!(screen.contains("► 红!  8 加快新型工业化"), "{screen}");
    assert!(screen.contains("► 绿  10 加快新型城镇化"), "{screen}");
    assert!(screen.contains("? 灰   2 "), "{screen}");
}

/// 全部, a group and a leader count the lights of exactly their
/// indicators (checked against a count over the plan).
#[test]
fn lights_roll_up_to_all_groups_and_leaders() {
    let s = lit_state(Lang::Zh, true, 100, 30);
    let n = |l: Light| ids_where(&s, |i| s.light_of(i) == l).len();
    let v = &s.visible;
    assert_eq!(
        (v.lights.red, v.lights.yellow, v.lights.green, v.lights.gray),
        (
            n(Light::Red),
            n(Light::Yellow),
            n(Light::Green),
            n(Light::Gray)
        )
    );
    assert_eq!((v.lights.red, v.lights.yellow, v.lights.green), (3, 2, 2));
    assert_eq!(v.stale, 4);
    // group （二）: 7.2, 7.4, 8.2 red; 8.1, 10.1 green; 7.2, 8.1, 8.2 stale
    let (_, g2, stale) = v.group_counts(2);
    assert_eq!((g2.red, g2.yellow, g2.green, stale), (3, 0, 2, 3));
    // the overview: per leader, every indicator of a row they lead
    for row in &s.overview {
        let OvKind::Leader(name) = &row.kind else {
            continue;
        };
        for l in Light::ALL {
            let want = ids_where(&s, |i| {
                let r = s.plan.row(&s.plan.indicators[i].row).unwrap();
                r.leaders.contains(name) && s.light_of(i) == l
            });
            assert_eq!(row.lights.get(l), want.len(), "{name} {l}");
        }
    }
    let zkc = s
        .overview
        .iter()
        .find(|r| r.kind == OvKind::Leader("朱快春".into()))
        .unwrap();
    assert_eq!(
        (zkc.lights.red, zkc.lights.yellow, zkc.lights.green),
        (1, 1, 1)
    );
}

/// Each light filter keeps exactly the indicators of that light; 逾期未报
/// exactly the stale ones.
#[test]
fn the_light_filter_keeps_exactly_that_light_or_the_stale() {
    let mut s = lit_state(Lang::Zh, true, 100, 30);
    for l in Light::ALL {
        s.filters.light = Some(LightFilter::Light(l));
        s.refilter();
        assert_eq!(listed(&s), ids_where(&s, |i| s.light_of(i) == l), "{l}");
    }
    assert_eq!(
        listed(&s).len(),
        s.plan.indicators.len() - 7,
        "gray: all but seven"
    );
    s.filters.light = Some(LightFilter::Light(Light::Red));
    s.refilter();
    assert_eq!(listed(&s), ["7.2", "7.4", "8.2"]);
    s.filters.light = Some(LightFilter::Stale);
    s.refilter();
    assert_eq!(listed(&s), ["0.12", "7.2", "8.1", "8.2"]);
    // with a status filter both hold: stale and in progress
    s.filters.class = Some(Class::InProgress);
    s.refilter();
    assert_eq!(listed(&s), ["0.12", "8.1", "8.2"]);
    // tasks with nothing left are not listed
    let tasks: Vec<String> = tree_task_ids(&s);
    assert_eq!(tasks, ["0", "8"]);
}

/// `S` offers the lights and 逾期未报 after the statuses, each with how many
/// indicators it would list; choosing 红灯 filters, the footer says so,
/// `x` clears it.
#[test]
fn the_s_picker_chooses_a_light() {
    let mut s = lit_state(Lang::Zh, true, 80, 24);
    keys(&mut s, "S");
    let Mode::Picker(p) = &s.mode else { panic!() };
    assert_eq!(p.kind, PickKind::Status);
    let items: Vec<(&str, &str)> = p
        .items
        .iter()
        .map(|i| (i.label.as_str(), i.count.as_str()))
        .collect();
    assert_eq!(
        items[4..],
        [
            ("红灯", "3 项指标"),
            ("黄灯", "2 项指标"),
            ("绿灯", "2 项指标"),
            ("灰灯", "88 项指标"),
            ("逾期未报", "4 项指标"),
        ]
    );
    assert_eq!(items[0].0, "✖ 未达", "statuses first, as before");
    keys(&mut s, "红灯\n");
    assert_eq!(s.filters.light, Some(LightFilter::Light(Light::Red)));
    assert_eq!(s.filters.class, None);
    assert_eq!(pane_indicator_ids(&s), ["7.2", "7.4", "8.2"]);
    let footer = lines(&s).pop().unwrap();
    assert!(footer.contains("筛选：灯 红灯"), "{footer}");
    keys(&mut s, "x");
    assert_eq!(s.filters.light, None);
    assert_eq!(s.visible.inds.len(), s.plan.indicators.len());
}

/// In English, `stale` (or 逾期) picks 逾期未报; the picker's counts are
/// those the other filters leave (朱快春: one red of his).
#[test]
fn the_s_picker_picks_stale_and_counts_within_the_other_filters() {
    let mut s = lit_state(Lang::En, true, 100, 30);
    keys(&mut s, "Lzkc\nS");
    let Mode::Picker(p) = &s.mode else { panic!() };
    let red = p
        .items
        .iter()
        .find(|i| i.value == PickValue::Light(LightFilter::Light(Light::Red)))
        .unwrap();
    assert_eq!(
        (red.label.as_str(), red.count.as_str()),
        ("red", "1 indicators")
    );
    keys(&mut s, "stale\n");
    assert_eq!(s.filters.light, Some(LightFilter::Stale));
    assert_eq!(s.filters.leader.as_deref(), Some("朱快春"));
    assert_eq!(pane_indicator_ids(&s), ["8.1", "8.2"]);
    let footer = lines(&s).pop().unwrap();
    assert!(footer.contains("light stale"), "{footer}");
    update(&mut s, Action::ClearFilters);
    keys(&mut s, "S逾期\n");
    assert_eq!(s.filters.light, Some(LightFilter::Stale));
}

/// A new value changes the light at once: the light filter follows.
#[test]
fn a_new_value_relights_and_refilters() {
    let mut s = lit_state(Lang::Zh, true, 100, 30);
    keys(&mut s, "S红灯\n");
    assert_eq!(pane_indicator_ids(&s), ["7.2", "7.4", "8.2"]);
    // 400 of 336 expected by the end of 2024: green
    let mut row = actual(11, "8.2", "400", "2024");
    row.old = Some("300".into());
    update(&mut s, Action::Changed(vec![row]));
    assert_eq!(light(&s, "8.2"), Light::Green);
    assert_eq!(pane_indicator_ids(&s), ["7.2", "7.4"]);
    assert_eq!(s.visible.lights.red, 2);
}

/// Without colour the lights read as words: no cell has a colour, and the
/// tree, the table, the box and the counts say 红 黄 绿 灰 (R Y G . and
/// `red light` in English).
#[test]
fn without_colour_the_lights_are_words() {
    let mut s = lit_state(Lang::Zh, false, 100, 30);
    keys(&mut s, ":8.1\n");
    let t = terminal(&s);
    let buf = t.backend().buffer();
    assert!(
        buf.content
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset),
        "a colour under NO_COLOR"
    );
    let out = screen(buf);
    for word in [
        "► 红!  8 加快新型工业化",
        "亮灯：红 1  黄 0  绿 1  灰 3",
        "绿!",
        "绿灯",
        "逾期未报",
        "灰",
    ] {
        assert!(out.contains(word), "{word} in\n{out}");
    }
    keys(&mut s, ":1.3\n");
    assert!(render(&s).contains("黄灯"), "{}", render(&s));
    let mut s = lit_state(Lang::En, false, 100, 30);
    keys(&mut s, ":8.1\n");
    let out = render(&s);
    for word in [
        "► R!  8 ",
        "G!",
        "green light",
        "stale",
        "Lights: red 1  yellow 0  green 1  gray 3",
    ] {
        assert!(out.contains(word), "{word} in\n{out}");
    }
}

/// Task 8 with its indicator box: the light column, `!` on the stale ones,
/// the pace line of 8.1 (period, stale, baseline, expected, light).
#[test]
fn task_8_lights_zh_100x30() {
    let mut s = lit_state(Lang::Zh, true, 100, 30);
    keys(&mut s, ":8.1\n");
    let out = render(&s);
    assert!(
        out.contains("报告期：2024  逾期未报  基期值：300  序时进度：460  绿灯"),
        "{out}"
    );
    assert_snapshot!(out);
}

#[test]
fn task_8_lights_en_100x30() {
    let mut s = lit_state(Lang::En, true, 100, 30);
    keys(&mut s, ":8.1\n");
    assert_snapshot!(render(&s));
}

/// At 80×24 the status column shows the mark and the light (`► 红!`), the
/// name keeps its room, the pace wraps inside the box.
#[test]
fn task_8_lights_zh_80x24() {
    let mut s = lit_state(Lang::Zh, true, 80, 24);
    keys(&mut s, ":8.1\n");
    let out = render(&s);
    assert!(
        out.contains("8.2   工业投资累计~   >= 420 亿元  300   ► 红!"),
        "{out}"
    );
    assert_snapshot!(out);
}

#[test]
fn task_8_lights_en_80x24() {
    let mut s = lit_state(Lang::En, true, 80, 24);
    keys(&mut s, ":8.1\n");
    assert_snapshot!(render(&s));
}

/// A level without a baseline says so, and which year to record.
#[test]
fn missing_baseline_zh_80x24() {
    let mut s = lit_state(Lang::Zh, true, 80, 24);
    keys(&mut s, ":8.3\n");
    let out = render(&s);
    assert!(out.contains("缺少基期值（2020 年）"), "{out}");
    assert_snapshot!(out);
}

/// 全部: the light counts under the status counts, the tree's lights.
#[test]
fn all_lights_zh_80x24() {
    let s = lit_state(Lang::Zh, true, 80, 24);
    assert_snapshot!(render(&s));
}

#[test]
fn all_lights_en_100x30() {
    let s = lit_state(Lang::En, true, 100, 30);
    assert_snapshot!(render(&s));
}

/// A group's detail: its light counts and each task's light.
#[test]
fn group_lights_en_80x24() {
    let mut s = lit_state(Lang::En, true, 80, 24);
    let row = s.rows.iter().position(|r| *r == TreeRow::Group(2)).unwrap();
    s.select_row(row);
    assert_snapshot!(render(&s));
}

/// The overview's legend explained `! 逾期未报` with no `!` on it: it
/// counts the stale values per group and leader (group （二）: 7.2, 8.1,
/// 8.2; 李立国 leads 0.12's row), at 80 and 100 columns.
#[test]
fn the_overview_counts_the_stale_values() {
    for (lang, w, h) in [(Lang::Zh, 80, 24), (Lang::En, 100, 30)] {
        let mut s = lit_state(lang, true, w, h);
        keys(&mut s, "o");
        let out = lines(&s);
        let row = |label: &str| {
            out.iter()
                .find(|l| l.contains(label))
                .unwrap_or_else(|| panic!("no {label}: {}", out.join("\n")))
                .clone()
        };
        for (label, n) in [("（二）", 3), ("（一）", 0), ("李立国", 1), ("朱快春", 2)] {
            let l = row(label);
            let count = l
                .rsplit('!')
                .next()
                .and_then(|c| c.split_whitespace().next());
            assert_eq!(count, Some(n.to_string().as_str()), "{lang:?} {label}: {l}");
        }
    }
    // every leader's count: the stale indicators of the rows they lead
    let s = lit_state(Lang::Zh, true, 80, 24);
    for row in &s.overview {
        let OvKind::Leader(name) = &row.kind else {
            continue;
        };
        let want = ids_where(&s, |i| {
            let r = s.plan.row(&s.plan.indicators[i].row).unwrap();
            r.leaders.contains(name) && s.pace_of(i).is_some_and(|p| p.stale(TODAY))
        });
        assert_eq!(row.stale, want.len(), "{name}");
    }
}

/// `--ascii`: the overview's legend gave each status's mark and bar cell
/// even where they are the same character (`> > in progress`).
#[test]
fn the_ascii_overview_legend_gives_each_mark_once() {
    let mut s = state_with(Lang::En, MID_2025, true, 80, 24);
    keys(&mut s, "o");
    let legend = lines(&s)[2].clone();
    assert!(
        legend.contains("> in progress") && legend.contains("x missed"),
        "{legend}"
    );
    assert!(
        !legend.contains("> >") && !legend.contains("x x"),
        "{legend}"
    );
    assert!(
        legend.contains("v # met") && legend.contains("? . no data"),
        "{legend}"
    );
}

#[test]
fn overview_lights_zh_80x24() {
    let mut s = lit_state(Lang::Zh, true, 80, 24);
    keys(&mut s, "o");
    assert_snapshot!(render(&s));
}

#[test]
fn overview_lights_en_100x30() {
    let mut s = lit_state(Lang::En, true, 100, 30);
    keys(&mut s, "o");
    assert_snapshot!(render(&s));
}

/// The `S` picker with the lights and 逾期未报, then the red ones listed
/// with the filter in the footer.
#[test]
fn s_picker_lights_zh_80x24() {
    let mut s = lit_state(Lang::Zh, true, 80, 24);
    keys(&mut s, "S");
    assert_snapshot!("s_picker_lights_zh_80x24_picker", render(&s));
    keys(&mut s, "红灯\n");
    assert_snapshot!("s_picker_lights_zh_80x24_red", render(&s));
}

#[test]
fn s_picker_lights_en_100x30() {
    let mut s = lit_state(Lang::En, true, 100, 30);
    keys(&mut s, "S");
    assert_snapshot!("s_picker_lights_en_100x30_picker", render(&s));
    keys(&mut s, "stale\n");
    assert_snapshot!("s_picker_lights_en_100x30_stale", render(&s));
}

/// The same ledger, written by `wudang-plan set --period`, read by the
/// UI: its light and 逾期未报 filters list what `indicators --light` and
/// `--stale` list.
#[test]
fn the_ui_and_the_cli_agree_on_lights_and_stale() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("actuals.csv");
    let cli = |args: &[&str]| {
        let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_wudang-plan"))
            .args(["--data", data.to_str().unwrap(), "--user", "limin"])
            .args(["--today", "2025-06-30"])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        out.stdout
    };
    for e in rows() {
        let v = e.value.unwrap();
        cli(&["set", &e.id, &v, "--period", &e.period.unwrap().to_string()]);
    }
    let ledger = wudang_plan::ledger::Ledger::open(&data).unwrap();
    let mut s = lit_state(Lang::Zh, true, 100, 30);
    update(
        &mut s,
        Action::Reloaded(Box::new(Progress::from_ledger(&ledger, TODAY))),
    );
    let plan = plan();
    let ids = |json: Vec<u8>| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
        let mut ids: Vec<String> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect();
        ids.sort_by_key(|id| plan.indicator_pos(id));
        ids
    };
    let filters = Light::ALL
        .into_iter()
        .map(|l| (LightFilter::Light(l), vec!["--light", l.as_str()]))
        .chain([(LightFilter::Stale, vec!["--stale"])]);
    for (f, flags) in filters {
        let mut args = vec!["indicators", "--format", "json"];
        args.extend(flags);
        s.filters.light = Some(f);
        s.refilter();
        assert_eq!(listed(&s), ids(cli(&args)), "{f:?}");
    }
    assert_eq!(listed(&s), ["0.12", "7.2", "8.1", "8.2"]);
}

/// A done milestone is never 逾期未报 on the screen either (7.4 done in
/// 2023 showed `✔ 绿!`): its `!` mark and the 逾期未报 filter follow the
/// command line's rule (`Pace::stale`).
#[test]
fn a_done_milestone_is_not_stale() {
    let mut p = progress();
    p.apply(&actual(11, "7.4", "done", "2023"));
    let theme = Theme {
        color: true,
        ascii: false,
    };
    let mut s = AppState::new(plan(), p, Config::new(Lang::Zh, theme));
    update(&mut s, Action::Resize(100, 30));
    assert_eq!((light(&s, "7.4"), stale(&s, "7.4")), (Light::Green, false));
    s.filters.light = Some(LightFilter::Stale);
    s.refilter();
    assert_eq!(listed(&s), ["0.12", "7.2", "8.1", "8.2"], "7.4 not listed");
}
