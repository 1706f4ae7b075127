//! A province-sized plan (100,000 indicators) loads and filters in linear
//! time. Quadratic work anywhere in the path would take minutes here.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use wudang_plan::plan::{self, Plan};

const TASKS: usize = 10_000;
const ROWS_PER_TASK: usize = 2;
const INDICATORS_PER_TASK: usize = 10;
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

fn write_big_plan(dir: &std::path::Path) {
    let mut groups = String::from("id,title\n");
    for g in 1..=20 {
        writeln!(groups, "{g},第{g}组").unwrap();
    }
    let mut tasks = String::from("id,group,title,text,units\n");
    let mut rows = String::from("id,task,title,target,leaders,units,persons\n");
    let mut inds =
        String::from("id,task,row,name,unit,comparison,target,stretch,better,deadline,source\n");
    for t in 1..=TASKS {
        writeln!(
            tasks,
            "{t},{},任务{t},到2025年，任务{t}的产值达到{t}亿元以上。,单位{}",
            t % 20 + 1,
            t % 300
        )
        .unwrap();
        for r in 0..ROWS_PER_TASK {
            let leader = LEADERS[(t + r) % LEADERS.len()];
            writeln!(
                rows,
                "R{t}-{r},{t},任务{t},目标,{leader},单位{};单位{},人{};人{}",
                t % 300,
                (t + 1) % 300,
                t % 500,
                (t + 7) % 500
            )
            .unwrap();
        }
        for i in 1..=INDICATORS_PER_TASK {
            writeln!(
                inds,
                "{t}.{i},{t},R{t}-{},指标{t}-{i},亿元,>=,{}.5,,higher,2025,来源",
                i % ROWS_PER_TASK,
                t + i
            )
            .unwrap();
        }
    }
    std::fs::write(dir.join("groups.csv"), groups).unwrap();
    std::fs::write(dir.join("tasks.csv"), tasks).unwrap();
    std::fs::write(dir.join("rows.csv"), rows).unwrap();
    std::fs::write(dir.join("indicators.csv"), inds).unwrap();
}

#[test]
fn hundred_thousand_indicators_load_and_filter_quickly() {
    let dir = tempfile::tempdir().unwrap();
    write_big_plan(dir.path());

    let start = Instant::now();
    let plan: Plan = plan::load_dir(dir.path()).unwrap();
    assert_eq!(plan.indicators.len(), TASKS * INDICATORS_PER_TASK);
    assert_eq!(plan.indicator("9999.10").unwrap().name, "指标9999-10");
    let loaded = start.elapsed();

    let start = Instant::now();
    let out = assert_cmd::Command::cargo_bin("wudang-plan")
        .unwrap()
        // Never the user's own ledger.
        .env("WUDANG_PLAN_DATA", dir.path().join("actuals.csv"))
        .args([
            "indicators",
            "--leader",
            "zkc",
            "--format",
            "json",
            "--plan",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let items: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    // 朱快春 is the leader of one row in eight; half of a task's indicators sit on each row.
    assert_eq!(
        items.len(),
        TASKS * ROWS_PER_TASK / LEADERS.len() * INDICATORS_PER_TASK / ROWS_PER_TASK
    );
    let filtered = start.elapsed();

    eprintln!("load {loaded:?}, filter via binary {filtered:?}");
    // Generous bounds for an unoptimized build on a slow shared machine;
    // quadratic work would take far longer.
    assert!(loaded < Duration::from_secs(20), "load took {loaded:?}");
    assert!(
        filtered < Duration::from_secs(30),
        "filter took {filtered:?}"
    );
}
