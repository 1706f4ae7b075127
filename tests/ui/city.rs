//! The UI over a workspace (the city's view, issue 14): two districts'
//! plans in one with qualified ids (`乌当区:8.1`), a district level above
//! the groups, counts and lights rolled up per district, the overview and
//! the leader filter across districts, and no editing. Pure `update`
//! tests and screens (insta snapshots, tests/ui/snapshots/ui__city__*).

use crate::common::*;
use insta::assert_snapshot;
use jiff::civil::Date;
use wudang_plan::city::merge::{Part, plans};
use wudang_plan::ledger::{Entry, Field, Stamp};
use wudang_plan::plan::{Period, load_embedded};
use wudang_plan::ui::model::TreeRow;
use wudang_plan::ui::model::overview::OvKind;
use wudang_plan::ui::strings::S;
use wudang_plan::ui::{Action, AppState, Config, Lang, Mode, Progress, Theme, update};

const TODAY: Date = jiff::civil::date(2025, 6, 30);

fn actual(id: &str, value: &str, period: &str, user: &str) -> Entry {
    Entry {
        line: 2,
        time: Stamp::start_of(TODAY),
        user: user.into(),
        id: id.into(),
        field: Field::Actual,
        value: Some(value.into()),
        old: None,
        note: None,
        period: Some(period.parse::<Period>().unwrap()),
    }
}

/// 乌当区 and 白云区 on the embedded plan: 乌当区's 7.4 (a milestone due
/// 2023) not done, red; 白云区's done, and its 1.1 met: both green.
fn city_state(lang: Lang, w: u16, h: u16) -> AppState {
    let part = |n: &str| Part {
        name: n.into(),
        plan: load_embedded().unwrap(),
    };
    let plan = plans(vec![part("乌当区"), part("白云区")]);
    let mut wd = Progress::empty(TODAY);
    let mut by = Progress::empty(TODAY);
    wd.apply(&actual("8.1", "3", "2025", "李明"));
    by.apply(&actual("7.4", "done", "2023", "王芳"));
    by.apply(&actual("1.1", "900", "2025", "王芳"));
    let mut progress = Progress::empty(TODAY);
    progress.absorb("乌当区", wd);
    progress.absorb("白云区", by);
    let mut config = Config::new(
        lang,
        Theme {
            color: true,
            ascii: false,
        },
    );
    config.read_only = Some(S::ReadOnlyCity);
    let mut s = AppState::new(plan, progress, config);
    update(&mut s, Action::Resize(w, h));
    s
}

fn row_of(s: &AppState, r: TreeRow) -> usize {
    s.rows.iter().position(|x| *x == r).unwrap()
}

#[test]
fn each_district_is_a_level_above_its_groups() {
    let s = city_state(Lang::Zh, 100, 30);
    assert_eq!(s.rows[0], TreeRow::All);
    assert_eq!(s.rows[1], TreeRow::District(0));
    // 总体目标's task right under its district, then the five groups.
    let TreeRow::Task(i) = s.rows[2] else {
        panic!("{:?}", s.rows[2])
    };
    assert_eq!(s.plan.tasks[s.visible.tasks[i].pos].id, "乌当区:0");
    assert!(matches!(s.rows[3], TreeRow::Group(_)));
    let second = row_of(&s, TreeRow::District(1));
    // 乌当区's five groups with their 28 + 1 tasks between.
    assert_eq!(second, 1 + 1 + 5 + 29);
    let groups_after: Vec<_> = s.rows[second + 1..]
        .iter()
        .filter_map(|r| match r {
            TreeRow::Group(g) => Some(s.plan.district_of_group(*g)),
            _ => None,
        })
        .collect();
    assert_eq!(groups_after, vec![Some(1); 5]);
    assert_eq!(s.task_count(), 56, "28 tasks each, 总体目标 left out");
}

#[test]
fn a_district_folds_and_opens_with_h_and_l() {
    let mut s = city_state(Lang::Zh, 100, 30);
    let before = s.rows.len();
    keys(&mut s, "j");
    assert_eq!(s.selected_row(), TreeRow::District(0));
    keys(&mut s, "h");
    assert_eq!(
        s.rows.len(),
        before - 34,
        "its 5 groups and 29 tasks hidden"
    );
    assert_eq!(s.rows[2], TreeRow::District(1));
    keys(&mut s, "l");
    assert_eq!(s.rows.len(), before);
    // From 总体目标's task h goes up to the district.
    keys(&mut s, "jh");
    assert_eq!(s.selected_row(), TreeRow::District(0));
    // From a task h goes to its group, folds it, then up to the district.
    keys(&mut s, "jjjh");
    let TreeRow::Group(g) = s.selected_row() else {
        panic!("{:?}", s.selected_row())
    };
    keys(&mut s, "h");
    assert!(s.collapsed.contains(&g));
    keys(&mut s, "h");
    assert_eq!(s.selected_row(), TreeRow::District(0));
}

#[test]
fn counts_and_lights_roll_up_per_district() {
    let s = city_state(Lang::Zh, 100, 30);
    let (c0, l0, _) = s.visible.district_counts(&s.plan, 0);
    let (c1, l1, _) = s.visible.district_counts(&s.plan, 1);
    assert_eq!((l0.red, l0.green), (1, 0), "乌当区 8.1 behind");
    assert_eq!((l1.red, l1.green), (0, 2), "白云区 1.1 met, 7.4 done");
    assert_eq!(c0.total() + c1.total(), s.plan.indicators.len());
    // The district row lists its indicators, qualified.
    let mut s = s;
    keys(&mut s, "j");
    let ids: Vec<_> = s
        .selected_inds()
        .iter()
        .map(|&i| s.plan.indicators[i].id().to_string())
        .collect();
    assert_eq!(ids.len(), c0.total());
    assert!(ids.iter().all(|id| id.starts_with("乌当区:")), "{ids:?}");
}

#[test]
fn the_overview_rolls_up_each_district_and_enter_opens_it() {
    let mut s = city_state(Lang::Zh, 100, 30);
    let rows: Vec<_> = s
        .overview
        .iter()
        .filter(|r| matches!(r.kind, OvKind::District(_)))
        .map(|r| (r.label.clone(), r.lights.red, r.lights.green))
        .collect();
    assert_eq!(
        rows,
        [("乌当区".to_string(), 1, 0), ("白云区".to_string(), 0, 2)]
    );
    assert!(
        !s.overview
            .iter()
            .any(|r| matches!(r.kind, OvKind::Group(_))),
        "the districts stand for the groups"
    );
    keys(&mut s, "j");
    keys(&mut s, "hko");
    assert!(matches!(s.mode, Mode::Overview(_)));
    keys(&mut s, "j\n");
    assert_eq!(s.selected_row(), TreeRow::District(1));
    assert_eq!(
        s.rows[1],
        TreeRow::District(0),
        "folded before, still folded"
    );
}

#[test]
fn the_leader_filter_works_across_districts() {
    let mut s = city_state(Lang::Zh, 100, 30);
    s.filters.leader = Some("朱快春".into());
    s.refilter();
    let ids = tree_task_ids(&s);
    assert!(ids.iter().any(|t| t.starts_with("乌当区:")), "{ids:?}");
    assert!(ids.iter().any(|t| t.starts_with("白云区:")), "{ids:?}");
    assert_eq!(
        ids.iter().filter(|t| t.starts_with("乌当区:")).count(),
        ids.iter().filter(|t| t.starts_with("白云区:")).count()
    );
    let leader = s
        .overview
        .iter()
        .find(|r| r.kind == OvKind::Leader("朱快春".into()))
        .unwrap();
    assert_eq!(leader.lights.green, 1, "白云区's 1.1, 乌当区's none");
}

#[test]
fn a_jump_takes_a_qualified_id_or_one_near_the_selection() {
    let mut s = city_state(Lang::Zh, 100, 30);
    keys(&mut s, ":白云区:8.1\n");
    let shown = s.selected_inds()[s.inds.sel];
    assert_eq!(s.plan.indicators[shown].id(), "白云区:8.1");
    keys(&mut s, ":1.1\n");
    let shown = s.selected_inds()[s.inds.sel];
    assert_eq!(s.plan.indicators[shown].id(), "白云区:1.1", "near 白云区");
}

#[test]
fn nothing_is_edited_in_the_citys_view() {
    let mut s = city_state(Lang::Zh, 100, 30);
    keys(&mut s, ":乌当区:8.1\n");
    keys(&mut s, "e");
    assert!(matches!(s.mode, Mode::Browse), "{:?}", s.mode);
    assert!(s.request.is_none());
    let shown = lines(&s).join("\n");
    assert!(
        shown.contains("只读：这是市里汇总各区县台账的视图"),
        "{shown}"
    );
}

#[test]
fn screens_of_the_citys_view() {
    let mut s = city_state(Lang::Zh, 100, 30);
    assert_snapshot!("city_100x30_zh", render(&s));
    keys(&mut s, "j");
    assert_snapshot!("city_district_100x30_zh", render(&s));
    let mut s = city_state(Lang::En, 80, 24);
    // 乌当区 folded: 白云区 right below it.
    keys(&mut s, "jhj");
    assert_eq!(s.selected_row(), TreeRow::District(1));
    assert_snapshot!("city_district_80x24_en", render(&s));
    keys(&mut s, "o");
    assert_snapshot!("city_overview_80x24_en", render(&s));
}

#[test]
fn a_district_that_has_not_published_for_a_week_is_marked() {
    let mut s = city_state(Lang::Zh, 100, 30);
    // 乌当区 published two days ago, 白云区 a month ago.
    s.published = vec![
        Some(jiff::civil::date(2025, 6, 28)),
        Some(jiff::civil::date(2025, 6, 1)),
    ];
    keys(&mut s, "j");
    let screen = lines(&s).join("\n");
    assert!(screen.contains("最近发布：2025-06-28"), "{screen}");
    assert!(!screen.contains("逾期未发布"), "{screen}");
    keys(&mut s, "hj");
    assert_eq!(s.selected_row(), TreeRow::District(1));
    let screen = lines(&s).join("\n");
    assert!(
        screen.contains("白云区 逾期未发布"),
        "the tree row: {screen}"
    );
    assert!(
        screen.contains("最近发布：2025-06-01  逾期未发布"),
        "{screen}"
    );
    // Never published.
    s.published[1] = None;
    let screen = lines(&s).join("\n");
    assert!(screen.contains("最近发布：未发布"), "{screen}");
    assert!(screen.contains("白云区 未发布"), "{screen}");
    assert_snapshot!("city_publish_overdue_80x24_zh", {
        update(&mut s, Action::Resize(80, 24));
        render(&s)
    });
}
