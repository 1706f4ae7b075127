//! The UI on a province-sized plan (10,000 tasks, 100,000 indicators):
//! opening, filtering, typing a search and drawing stay linear. Quadratic
//! work anywhere would take minutes here.

use crate::common;

use std::str::FromStr;
use std::time::{Duration, Instant};

use rust_decimal::Decimal;
use wudang_plan::ledger::Actual;
use wudang_plan::plan::{
    Better, Comparison, Group, Indicator, NewIndicator, Owner, Plan, Row, Task,
};
use wudang_plan::ui::{AppState, Config, Lang, Progress, Theme};

const TASKS: usize = 10_000;
const PER_TASK: usize = 10;
const LEADERS: [&str; 8] = [
    "李立国",
    "王飞",
    "朱快春",
    "杨东华",
    "喻应雄",
    "冯青",
    "谢军",
    "蒋芳菊",
];

fn big_plan() -> Plan {
    let groups = (1..=20)
        .map(|g| Group {
            id: g,
            title: format!("第{g}组"),
        })
        .collect();
    let mut tasks = Vec::new();
    let mut rows = Vec::new();
    let mut inds = Vec::new();
    for t in 1..=TASKS {
        tasks.push(Task {
            id: t.to_string(),
            group: (t % 20 + 1) as u32,
            title: format!("任务{t}"),
            text: format!("到2025年，任务{t}的产值达到{t}亿元以上。"),
            units: vec![format!("单位{}", t % 300)],
        });
        for r in 0..2 {
            rows.push(Row {
                id: format!("R{t}-{r}"),
                task: t.to_string(),
                title: format!("任务{t}"),
                target: "目标".into(),
                leaders: vec![LEADERS[(t + r) % LEADERS.len()].to_string()],
                owners: vec![Owner {
                    unit: format!("单位{}", (t + r) % 300),
                    person: format!("人{}", (t + r) % 500),
                }],
            });
        }
        for i in 1..=PER_TASK {
            inds.push(Indicator::from(NewIndicator {
                id: &format!("{t}.{i}"),
                task: t.to_string().into(),
                row: format!("R{t}-{}", i % 2).into(),
                name: &format!("指标{t}-{i}"),
                unit: Some("亿元".into()),
                comparison: Comparison::AtLeast,
                target: Some(Decimal::from(t + i)),
                stretch: None,
                better: Better::Higher,
                deadline: 2025,
                source: "来源",
                kind: wudang_plan::plan::Kind::Level,
            }));
        }
    }
    Plan::new(groups, tasks, rows, inds)
}

#[test]
fn hundred_thousand_indicators_stay_responsive() {
    let plan = big_plan();
    let mut progress = Progress::empty(common::EARLY_2026);
    for i in plan.indicators.iter().step_by(3) {
        let point = wudang_plan::report::Point {
            period: wudang_plan::plan::Period::Year(2025),
            actual: Some(Actual::Number(Decimal::from_str("7").unwrap())),
            line: 0,
        };
        progress.put_point(i.id(), point);
    }
    let theme = Theme {
        color: true,
        ascii: false,
    };
    let mut times = Vec::new();
    let mut step = |name: &str, f: &mut dyn FnMut()| {
        let start = Instant::now();
        f();
        times.push((name.to_string(), start.elapsed()));
    };
    let mut s: Option<AppState> = None;
    step("open", &mut || {
        let mut st = AppState::new(plan.clone(), progress.clone(), Config::new(Lang::Zh, theme));
        wudang_plan::ui::update(&mut st, wudang_plan::ui::Action::Resize(100, 30));
        s = Some(st);
    });
    let mut s = s.unwrap();
    assert_eq!(s.visible.inds.len(), TASKS * PER_TASK);
    step("draw", &mut || {
        common::render(&s);
    });
    step("L zkc Enter", &mut || common::keys(&mut s, "Lzkc\n"));
    // 朱快春 leads one row in eight, two rows per task
    assert_eq!(s.visible.tasks.len(), TASKS * 2 / 8);
    step("S Enter", &mut || common::keys(&mut s, "S\n"));
    assert!(!s.visible.inds.is_empty());
    step("G and draw", &mut || {
        common::keys(&mut s, "G");
        common::render(&s);
    });
    step("x", &mut || common::keys(&mut s, "x"));
    step("search 3 keys", &mut || common::keys(&mut s, "/任务9"));
    step("search Enter", &mut || common::keys(&mut s, "\n"));
    step("draw", &mut || {
        common::render(&s);
    });
    step("overview", &mut || {
        common::keys(&mut s, "oG");
        common::render(&s);
    });
    // Narrowing at this size, by work counted: 任 tests every text of
    // the index; 任务 only the texts containing 任 (the 10,000 titles).
    common::keys(&mut s, "\x1bx/任");
    let tested = |s: &AppState| s.search.hits.as_ref().map_or(0, |h| h.tested);
    assert!(tested(&s) > TASKS * PER_TASK, "{}", tested(&s));
    common::keys(&mut s, "务");
    assert_eq!(tested(&s), TASKS);
    // The pinyin matcher runs once per distinct piece of text (what is
    // left between ASCII characters the query lacks), not once per name:
    // `zhibiao` letter by letter on 100,000 names 指标N-M runs it on the
    // few pieces 指标, 任务, 单位, 人, … and every name still matches.
    common::keys(&mut s, "\x1bx/");
    let matched = |s: &AppState| s.search.hits.as_ref().map_or(0, |h| h.matched);
    for c in "zhibiao".chars() {
        common::keys(&mut s, &c.to_string());
        assert!(
            matched(&s) <= 50,
            "{c}: the matcher ran {} times",
            matched(&s)
        );
    }
    assert_eq!(s.visible.inds.len(), TASKS * PER_TASK);
    // With digits the pieces keep the query's digits (`指标9`, `99`):
    // still a few dozen runs, and exactly the names containing 指标99.
    for c in "99".chars() {
        common::keys(&mut s, &c.to_string());
        assert!(
            matched(&s) <= 50,
            "{c}: the matcher ran {} times",
            matched(&s)
        );
    }
    let want = s
        .plan
        .indicators
        .iter()
        .filter(|i| i.name().contains("指标99"))
        .count();
    assert_eq!(s.visible.inds.len(), want);
    eprintln!("{times:?}");
    for (name, t) in times {
        // Generous for an unoptimized build on a shared machine.
        assert!(t < Duration::from_secs(20), "{name} took {t:?}");
    }
}

/// A draw formats the rows it shows, not the list: at the root of 100,000
/// indicators `update` works out the table's column widths once, when the
/// list is new ([`table`]); a move measures nothing again, and a draw of
/// the zoomed table formats at most a few times the rows shown (the rows,
/// the box's paddings), by work counted.
#[test]
fn a_draw_formats_the_rows_shown_not_the_list() {
    use wudang_plan::ui::model::{info, table};
    use wudang_plan::ui::view::indicators::rows_formatted;
    let theme = Theme {
        color: true,
        ascii: false,
    };
    let progress = Progress::empty(common::EARLY_2026);
    let mut s = AppState::new(big_plan(), progress, Config::new(Lang::Zh, theme));
    let measured = table::rows_measured();
    wudang_plan::ui::update(&mut s, wudang_plan::ui::Action::Resize(100, 30));
    common::keys(&mut s, "\t\tz");
    assert_eq!(s.selected_inds().len(), TASKS * PER_TASK);
    assert_eq!(
        table::rows_measured() - measured,
        TASKS * PER_TASK,
        "the whole list measured once"
    );
    let shown = info::list_rows(&s);
    for _ in 0..30 {
        let (m, f) = (table::rows_measured(), rows_formatted());
        common::keys(&mut s, "j");
        common::render(&s);
        assert_eq!(
            table::rows_measured(),
            m,
            "a move and a draw measure nothing"
        );
        let formatted = rows_formatted() - f;
        assert!(
            formatted <= 2 * shown + 1,
            "{formatted} rows formatted, {shown} shown"
        );
    }
}
