//! Dev-only measurement: the cost of one search letter (update + one frame
//! into a 200×60 `TestBackend`) on a province-sized plan built in memory
//! (10,000 tasks, 100,000 indicators, the shape of tests/ui/scale.rs).
//!
//! `cargo run --release --example search_letter` (times are this thread's
//! CPU time)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

#[allow(dead_code)]
#[path = "support/cpu.rs"]
mod cpu;
use cpu::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rust_decimal::Decimal;
use wudang_plan::plan::{
    Better, Comparison, Group, Indicator, Kind, NewIndicator, Owner, Plan, Row, Task,
};
use wudang_plan::ui::update::{flush, queue};
use wudang_plan::ui::{Action, AppState, Config, Lang, Progress, Theme, draw, update};

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
    let (mut tasks, mut rows, mut inds) = (Vec::new(), Vec::new(), Vec::new());
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
                kind: Kind::Level,
            }));
        }
    }
    Plan::new(groups, tasks, rows, inds)
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

/// Types `/` then each letter of `query`, one update and one frame per
/// letter, and prints the time of each; Esc afterwards.
fn type_query(s: &mut AppState, term: &mut Terminal<TestBackend>, query: &str) {
    update(s, Action::StartSearch);
    let mut each = Vec::new();
    for c in query.chars() {
        let t = Instant::now();
        update(s, Action::Input(c));
        let u = t.elapsed();
        term.draw(|f| draw(f, s)).unwrap();
        each.push(format!("{}({})", ms(t.elapsed()), ms(u)));
    }
    println!(
        "letters of {query:<12} ms per letter: update + frame (update): {}  ({} tasks shown)",
        each.join(" "),
        s.visible.tasks.len()
    );
    update(s, Action::Cancel);
}

fn main() {
    let plan = big_plan();
    let theme = Theme {
        color: true,
        ascii: false,
    };
    let today = jiff::civil::date(2026, 1, 15);
    let t = Instant::now();
    let mut s = AppState::new(plan, Progress::empty(today), Config::new(Lang::Zh, theme));
    update(&mut s, Action::Resize(200, 60));
    println!("open: {} ms", ms(t.elapsed()));
    let t = Instant::now();
    s.search.warm(&s.plan);
    println!(
        "search index (built after the first frame): {} ms",
        ms(t.elapsed())
    );
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    for q in ["zkc", "zhibiao99", "任务99", "9999.1", "renwu12"] {
        type_query(&mut s, &mut term, q);
    }
    parts(&s);
    // A burst: 11 letters already queued, applied before one frame.
    update(&mut s, Action::StartSearch);
    let t = Instant::now();
    for c in "zhibiao1234".chars() {
        queue(&mut s, Action::Input(c));
    }
    flush(&mut s);
    term.draw(|f| draw(f, &s)).unwrap();
    println!(
        "burst of 11 letters (zhibiao1234), queued, one refilter, one frame: {} ms",
        ms(t.elapsed())
    );
}

/// Where a letter's time goes (dev aid).
pub fn parts(s: &AppState) {
    use wudang_plan::ui::model::filter;
    use wudang_plan::ui::model::search::Index;
    let t = Instant::now();
    let index = Index::new(&s.plan);
    println!("index built in {} ms", ms(t.elapsed()));
    drop(index);
    let t = Instant::now();
    let h = s.search.index_of(&s.plan).search(&s.plan, "zhibiao9", None);
    let a = t.elapsed();
    let t = Instant::now();
    let f = filter::Filters {
        search: Some("zhibiao9".into()),
        ..Default::default()
    };
    let v = filter::compute(
        &s.plan,
        &s.judged(),
        &f,
        s.search.index_of(&s.plan),
        Some(&h),
    );
    let b = t.elapsed();
    let t = Instant::now();
    let v2 = filter::compute(
        &s.plan,
        &s.judged(),
        &Default::default(),
        s.search.index_of(&s.plan),
        None,
    );
    println!(
        "search {} compute {} compute-no-search {} ({} {})",
        ms(a),
        ms(b),
        ms(t.elapsed()),
        v.inds.len(),
        v2.inds.len()
    );
}
