//! `indicators` and `tasks` with the pace columns (period, baseline,
//! expected, light) and the `--light` / `--stale` filters, on cases
//! computed by hand (docs/data.md, "Pace").

use crate::common::{ledger_in, run, wp_on};

/// 8.2 (cumulative >= 420): 300 for 2024; 8.1 (level >= 500): baseline
/// 300 for 2020 and 440 for 2024; 8.3 (level, no baseline): 170 for 2023.
fn recorded() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    for args in [
        ["set", "8.2", "300", "--period", "2024"],
        ["set", "8.1", "300", "--period", "2020"],
        ["set", "8.1", "440", "--period", "2024"],
        ["set", "8.3", "170", "--period", "2023"],
    ] {
        assert_eq!(run(wp_on(&data, "u", "2025-03-01").args(args)).code, 0);
    }
    (dir, data)
}

fn on(data: &std::path::Path, args: &[&str]) -> String {
    let r = run(wp_on(data, "u", "2025-03-01").args(args));
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    r.stdout
}

/// 8.2: 420 × 48/60 = 336 expected, 300 / 336 = 0.893: red. 8.1:
/// 300 + 200 × 0.8 = 460, (440 − 300) / 160 = 0.875: red. 8.3, a level
/// without a baseline, and 8.4, with nothing recorded: gray. The old
/// columns come first, unchanged.
#[test]
fn indicators_table_adds_period_baseline_expected_light() {
    let (_dir, data) = recorded();
    assert_eq!(
        on(&data, &["--lang", "en", "indicators", "--task", "8"]),
        "id   name                            target       deadline  actual    status       period  baseline  expected  light\n\
         8.1  工业总产值                      >= 500 亿元  2025      440 亿元  in_progress  2024    300       460       red\n\
         8.2  工业投资累计完成                >= 420 亿元  2025      300 亿元  in_progress  2024    -         336       red\n\
         8.3  规模以上工业企业                >= 180 家    2025      170 家    in_progress  2023    -         -         gray\n\
         8.4  工业战略性新兴产业总值占工业~   >= 22%       2025      -         no_data      -       -         -         gray\n\
         8.5  制造业增加值占地区生产总值比重  >= 30%       2025      -         no_data      -       -         -         gray\n"
    );
}

#[test]
fn indicators_json_and_csv_carry_the_pace_fields_and_nulls() {
    let (_dir, data) = recorded();
    let out = on(&data, &["indicators", "--task", "8", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let null = serde_json::Value::Null;
    assert_eq!(v[0]["period"], "2024");
    assert_eq!(v[0]["baseline"], 300);
    assert_eq!(v[0]["expected"], 460);
    assert_eq!(v[0]["light"], "red");
    assert_eq!(v[1]["baseline"], null);
    assert_eq!(v[1]["expected"], 336);
    assert_eq!(v[1]["light"], "red");
    assert_eq!(v[2]["period"], "2023");
    assert_eq!(v[2]["expected"], null);
    assert_eq!(v[3]["period"], null);
    assert_eq!(v[3]["expected"], null);
    assert_eq!(v[3]["light"], "gray");
    // The old keys stay, in their order, the new ones last.
    let first = &out[..out.find('}').unwrap()];
    let keys: Vec<&str> = first
        .lines()
        .filter_map(|l| l.trim().strip_prefix('"')?.split('"').next())
        .collect();
    assert_eq!(
        keys,
        [
            "id",
            "task",
            "name",
            "unit",
            "comparison",
            "target",
            "stretch",
            "deadline",
            "actual",
            "done",
            "status",
            "note",
            "updated",
            "by",
            "period",
            "baseline",
            "expected",
            "light"
        ]
    );
    let out = on(&data, &["indicators", "--format", "csv", "--task", "8"]);
    let mut lines = out.lines();
    assert_eq!(
        lines.next().unwrap(),
        "id,task,name,unit,comparison,target,stretch,deadline,actual,done,status,note,updated,by,period,baseline,expected,light"
    );
    let l81 = lines.next().unwrap();
    assert!(
        l81.starts_with(
            "8.1,8,工业总产值,亿元,>=,500,,2025,440,,in_progress,,2025-03-01T00:00:00+08:00,u,"
        ),
        "{l81}"
    );
    assert!(l81.ends_with(",u,2024,300,460,red"), "{l81}");
    assert!(out.contains("\n8.4,8,"), "{out}");
    assert!(
        out.lines().nth(4).unwrap().ends_with(",no_data,,,,,,,gray"),
        "{out}"
    );
}

#[test]
fn expected_is_exact_in_json_and_rounded_in_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let set = ["set", "7.2", "4000", "--period", "2022"];
    assert_eq!(run(wp_on(&data, "u", "2023-01-10").args(set)).code, 0);
    let r = run(wp_on(&data, "u", "2023-01-10").args([
        "indicators",
        "--format",
        "json",
        "--light",
        "yellow",
    ]));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1, "{}", r.stdout);
    assert_eq!(v[0]["id"], "7.2");
    assert!(
        r.stdout.contains("\"expected\": 4066.66666"),
        "{}",
        r.stdout
    );
    let r = run(wp_on(&data, "u", "2023-01-10").args([
        "--lang",
        "en",
        "indicators",
        "--light",
        "黄灯",
    ]));
    assert!(
        r.stdout.contains(" 2022    -         4066.67   yellow\n"),
        "{}",
        r.stdout
    );
}

/// `--light` takes machine and Chinese words, several; `--stale` keeps
/// values whose period ended more than a quarter ago (2023 on 2025-03-01;
/// 2024 only from 2025-04-01) and never an indicator with no value.
#[test]
fn light_and_stale_filters() {
    let (_dir, data) = recorded();
    let ids = |args: &[&str], today: &str| -> Vec<String> {
        let mut a = vec!["indicators", "--format", "json"];
        a.extend_from_slice(args);
        let r = run(wp_on(&data, "u", today).args(&a));
        assert_eq!(r.code, 0, "{a:?}: {}", r.stderr);
        let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };
    let day = "2025-03-01";
    // 7.4 is a milestone due 2023 and not done: red.
    assert_eq!(ids(&["--light", "red"], day), ["7.4", "8.1", "8.2"]);
    assert_eq!(ids(&["--light", "红"], day), ["7.4", "8.1", "8.2"]);
    assert_eq!(
        ids(&["--light", "红灯", "--task", "8"], day),
        ["8.1", "8.2"]
    );
    assert_eq!(ids(&["--light", "green,yellow"], day), Vec::<String>::new());
    assert_eq!(
        ids(&["--light", "灰，绿灯", "--task", "8"], day),
        ["8.3", "8.4", "8.5"]
    );
    assert_eq!(ids(&["--stale"], day), ["8.3"]);
    assert_eq!(ids(&["--stale"], "2025-04-01"), ["8.1", "8.2", "8.3"]);
    assert_eq!(ids(&["--stale", "--light", "gray"], "2025-04-01"), ["8.3"]);
    assert_eq!(
        ids(&["--stale", "--status", "no_data"], day),
        Vec::<String>::new()
    );
    let r = run(wp_on(&data, "u", day).args(["indicators", "--light", "purple"]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("--light `purple`: not a light; expected one of red, yellow, green, gray"),
        "{}",
        r.stderr
    );
}

/// A task's light is the worst of its indicators', gray ignored unless all
/// are gray; the old columns stay first.
#[test]
fn tasks_light_column_and_filter() {
    let (_dir, data) = recorded();
    let out = on(&data, &["--lang", "en", "tasks", "--group", "2"]);
    let head = out.lines().next().unwrap();
    assert!(
        head.starts_with("id  group   title") && head.ends_with("persons                   light"),
        "{head}"
    );
    let line = |id: &str| {
        out.lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .unwrap()
            .to_string()
    };
    assert!(line("8").ends_with(" red"), "{out}");
    assert!(line("9").ends_with(" gray"), "{out}");
    let out = on(&data, &["tasks", "--light", "red", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["7", "8"]);
    assert_eq!(v[1]["light"], "red");
    assert_eq!(v[1]["note"], serde_json::Value::Null);
    let out = on(&data, &["tasks", "--task", "8", "--format", "csv"]);
    assert!(
        out.starts_with(
            "id,group,title,leaders,units,persons,targets,state,met,indicators,note,light\n"
        ),
        "{out}"
    );
    assert!(out.ends_with(",not_started,0,5,,red\n"), "{out}");
    // 8.1 green (met) leaves 8.2 red the worst; with 8.2 on pace too the
    // task is green, its gray indicators ignored.
    let set = |args: &[&str]| assert_eq!(run(wp_on(&data, "u", "2025-03-01").args(args)).code, 0);
    set(&["set", "8.1", "510", "--period", "2024"]);
    assert!(on(&data, &["--lang", "en", "tasks", "--task", "8"]).ends_with(" red\n"));
    set(&["set", "8.2", "340", "--period", "2024"]);
    assert_eq!(
        on(&data, &["tasks", "--light", "绿灯", "--format", "csv"])
            .lines()
            .count(),
        2
    );
}

/// A done milestone is never 逾期未报: 7.4 done in 2023 is not listed by
/// `indicators --stale` (it was), nor is a target met once its deadline
/// has passed; 7.4 not done still is.
#[test]
fn a_settled_indicator_is_not_stale() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let on = |today: &str, args: &[&str]| {
        let r = run(wp_on(&data, "u", today).args(args));
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        r.stdout
    };
    let ids = |today: &str| -> Vec<String> {
        let out = on(today, &["indicators", "--stale", "--format", "csv"]);
        out.lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap().to_string())
            .collect()
    };
    on("2025-03-01", &["set", "7.4", "done", "--period", "2023"]);
    on("2025-03-01", &["set", "7.3", "4000", "--period", "2023"]);
    assert_eq!(ids("2025-03-01"), ["7.3"], "7.4 is done");
    on(
        "2025-03-01",
        &["set", "7.4", "not_done", "--period", "2023"],
    );
    assert_eq!(ids("2025-03-01"), ["7.3", "7.4"]);
    // 7.3 (≥ 5100 by 2023) met with its 2023 figure: settled.
    on("2025-03-01", &["set", "7.3", "5200", "--period", "2023"]);
    assert_eq!(ids("2025-03-01"), ["7.4"]);
}

/// `tasks --stale` keeps the tasks with an indicator shown that is
/// 逾期未报 (a done milestone is not); with `--light` both must hold.
#[test]
fn tasks_stale_keeps_tasks_with_a_stale_indicator() {
    let (_dir, data) = recorded();
    let ids = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["tasks", "--format", "json"];
        a.extend_from_slice(args);
        let v: serde_json::Value = serde_json::from_str(&on(&data, &a)).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_string())
            .collect()
    };
    // 8.3's 2023 is stale on 2025-03-01; nothing else is.
    assert_eq!(ids(&["--stale"]), ["8"]);
    assert_eq!(ids(&["--stale", "--light", "red"]), ["8"]);
    assert_eq!(ids(&["--stale", "--light", "gray"]), Vec::<String>::new());
    assert_eq!(ids(&["--stale", "--group", "1"]), Vec::<String>::new());
    let set = |args: &[&str]| assert_eq!(run(wp_on(&data, "u", "2025-03-01").args(args)).code, 0);
    set(&["set", "7.4", "done", "--period", "2023"]);
    assert_eq!(ids(&["--stale"]), ["8"], "a done milestone is not stale");
    set(&["set", "7.3", "4000", "--period", "2023"]);
    assert_eq!(ids(&["--stale"]), ["7", "8"]);
    let out = on(&data, &["tasks", "--stale"]);
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(out.lines().nth(1).unwrap().starts_with("7 "), "{out}");
}

/// Expected values print exact and normalized in every format: 0.4
/// (~80%, baseline 74) expects 74 + 6 × 0.8 = 78.8 for 2024, not 78.80.
#[test]
fn expected_prints_without_trailing_zeros() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    for args in [
        ["set", "0.4", "74", "--period", "2020"],
        ["set", "0.4", "75.5", "--period", "2024"],
    ] {
        assert_eq!(run(wp_on(&data, "u", "2025-03-01").args(args)).code, 0);
    }
    let csv = on(&data, &["indicators", "--task", "0", "--format", "csv"]);
    let row = csv.lines().find(|l| l.starts_with("0.4,")).unwrap();
    assert!(row.ends_with(",2024,74,78.8,yellow"), "{row}");
    let json = on(&data, &["indicators", "--task", "0", "--format", "json"]);
    assert!(json.contains("\"expected\": 78.8,"), "{json}");
    assert!(!json.contains("78.80"), "{json}");
    let table = on(&data, &["--lang", "en", "indicators", "--task", "0"]);
    assert!(
        table.contains("  2024    74        78.8      yellow\n"),
        "{table}"
    );
    assert_eq!(
        on(&data, &["series", "0.4", "--format", "csv"]),
        "period,value,expected,light\n2020,74,74,gray\n2024,75.5,78.8,yellow\n"
    );
    let json = on(&data, &["series", "0.4", "--format", "json"]);
    assert!(json.contains("\"expected\": 78.8,"), "{json}");
}
