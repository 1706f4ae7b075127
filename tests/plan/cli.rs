//! The listing commands, run as the real binary: every filter and format.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn cmd() -> Command {
    let mut c = Command::cargo_bin("wudang-plan").unwrap();
    c.env_remove("WUDANG_PLAN_PLAN");
    // The English these tests assert (`--lang zh` still wins over it).
    c.env("WUDANG_PLAN_LANG", "en");
    // Never the user's own ledger: no actuals recorded (a ledger file that
    // does not exist, in a directory that does: a --data whose directory
    // is missing is refused).
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_plan-no-ledger");
    std::fs::create_dir_all(&dir).unwrap();
    c.env("WUDANG_PLAN_DATA", dir.join("actuals.csv"));
    c
}

fn json(args: &[&str]) -> Vec<Value> {
    let out = cmd().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Vec<Value>>(&out.stdout).unwrap()
}

fn ids(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn check_prints_the_summary() {
    cmd().arg("check").assert().success().stdout(
        "ok: 5 groups, 28 tasks (+ 1 headline), 30 accountability rows (+ 12 headline rows), 95 indicators (76 quantitative, 19 milestones)\n\
         plan period 2021–2025; kinds: 44 level, 20 cumulative, 11 rate, 1 annual, 19 milestone\n",
    );
}

/// The same in Chinese, with no option: the default.
#[test]
fn check_prints_the_summary_in_chinese_by_default() {
    cmd().env_remove("WUDANG_PLAN_LANG").arg("check").assert().success().stdout(
        "方案无误：5 个任务组，28 项任务（另有总体目标 1 项），30 行责任分工（另有总体目标 12 行），\
         95 项指标（量化 76 项，里程碑 19 项）\n\
         方案期 2021–2025 年；指标类型：水平值 44 项，累计值 20 项，增速或比率 11 项，每年完成量 1 项，里程碑 19 项\n",
    );
    let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-plan");
    cmd()
        .args(["--lang", "zh", "check", "--plan"])
        .arg(&mini)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "\n方案期 2021–2025 年（没有 period.csv，按最晚期限及其前五年推定）；指标类型：水平值 3 项，\
             累计值 0 项，增速或比率 0 项，每年完成量 0 项，里程碑 0 项（其中 3 项未给出类型，\
             按比较方式推定：done 为里程碑，其余为水平值）\n",
        ));
}

#[test]
fn check_fails_with_exit_1_on_a_broken_plan() {
    let dir = tempfile::tempdir().unwrap();
    let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-plan");
    for f in ["groups.csv", "tasks.csv", "rows.csv", "indicators.csv"] {
        std::fs::copy(mini.join(f), dir.path().join(f)).unwrap();
    }
    cmd()
        .args(["check", "--plan"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("2 groups"));
    let p = dir.path().join("indicators.csv");
    let t = std::fs::read_to_string(&p)
        .unwrap()
        .replace(">=,60", ">=,sixty");
    std::fs::write(&p, t).unwrap();
    cmd()
        .args(["--lang", "en", "check", "--plan"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "indicators.csv:3: field `target`: found `sixty`",
        ));
    // In Chinese with no options: the same file, line and field.
    cmd()
        .env_remove("WUDANG_PLAN_LANG")
        .args(["check", "--plan"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "indicators.csv:3：“target”字段：找到“sixty”，应为普通小数，如 `325` 或 `1.5`",
        ));
}

#[test]
fn done_when_zkc_indicators_json() {
    let items = json(&["indicators", "--leader", "zkc", "--format", "json"]);
    let mut want: Vec<String> = vec!["0.6", "0.8", "0.9"]
        .into_iter()
        .map(String::from)
        .collect();
    for (task, n) in [
        (1, 3),
        (2, 4),
        (3, 1),
        (4, 3),
        (5, 1),
        (6, 4),
        (8, 5),
        (15, 2),
        (16, 5),
        (17, 2),
        (19, 5),
        (21, 1),
        (23, 2),
    ] {
        for i in 1..=n {
            want.push(format!("{task}.{i}"));
        }
    }
    assert_eq!(ids(&items), want);
    let i81 = items.iter().find(|v| v["id"] == "8.1").unwrap();
    assert_eq!(i81["name"], "工业总产值");
    assert_eq!(i81["unit"], "亿元");
    assert_eq!(i81["comparison"], ">=");
    assert_eq!(i81["target"].to_string(), "500");
    assert_eq!(i81["stretch"], Value::Null);
    assert_eq!(i81["deadline"], 2025);
    assert_eq!(i81["task"], "8");
    assert_eq!(i81["actual"], Value::Null);
    assert_eq!(i81["status"], "no_data");
    let r_and_d = items.iter().find(|v| v["id"] == "0.6").unwrap();
    assert_eq!(
        r_and_d["target"].to_string(),
        "1.5",
        "exact decimal, not a float"
    );
    let ms = items.iter().find(|v| v["id"] == "3.1").unwrap();
    assert_eq!(
        (ms["comparison"].as_str(), &ms["target"], &ms["unit"]),
        (Some("done"), &Value::Null, &Value::Null)
    );
}

#[test]
fn leader_accepts_name_full_pinyin_and_initials_any_case() {
    let base = ids(&json(&["tasks", "--leader", "朱快春", "--format", "json"]));
    assert_eq!(
        base,
        [
            "0", "1", "2", "3", "4", "5", "6", "8", "15", "16", "17", "19", "21", "23"
        ]
    );
    for q in ["zkc", "ZKC", "zhukuaichun", "ZhuKuaiChun"] {
        assert_eq!(
            ids(&json(&["tasks", "--leader", q, "--format", "json"])),
            base,
            "--leader {q}"
        );
    }
}

#[test]
fn unknown_leader_exits_2_and_lists_leaders_with_initials() {
    cmd()
        .env_remove("WUDANG_PLAN_LANG")
        .args(["tasks", "--leader", "xyz"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("--leader “xyz”"))
        .stderr(predicate::str::contains("朱快春 (zkc)"))
        .stderr(predicate::str::contains("李立国 (llg)"));
}

#[test]
fn ambiguous_leader_exits_2_and_lists_the_candidates() {
    let dir = tempfile::tempdir().unwrap();
    let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-plan");
    for f in ["groups.csv", "tasks.csv", "indicators.csv"] {
        std::fs::copy(mini.join(f), dir.path().join(f)).unwrap();
    }
    // 王五 and 吴伟 are both `ww`.
    let rows = std::fs::read_to_string(mini.join("rows.csv"))
        .unwrap()
        .replace(
            "T2,2,办好教育,建成学校2所。,王五",
            "T2,2,办好教育,建成学校2所。,吴伟",
        );
    std::fs::write(dir.path().join("rows.csv"), rows).unwrap();
    cmd()
        .env_remove("WUDANG_PLAN_LANG")
        .args(["tasks", "--leader", "ww", "--plan"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("不止指一人"))
        .stderr(predicate::str::contains("王五 (ww)"))
        .stderr(predicate::str::contains("吴伟 (ww)"));
    cmd()
        .env_remove("WUDANG_PLAN_LANG")
        .args(["tasks", "--leader", "wangwu", "--format", "json", "--plan"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("\"id\": \"1\""));
}

#[test]
fn tasks_json_contract() {
    let items = json(&["tasks", "--format", "json"]);
    assert_eq!(items.len(), 29);
    let t7 = items.iter().find(|v| v["id"] == "7").unwrap();
    assert_eq!(t7["group"], 2);
    assert_eq!(t7["title"], "实施融入主城战略");
    assert_eq!(t7["leaders"], serde_json::json!(["冯青", "谢军", "王飞"]));
    assert_eq!(
        t7["units"],
        serde_json::json!(["区委政法委", "区“三变”办", "区综合行政执法局"])
    );
    assert_eq!(
        t7["persons"],
        serde_json::json!(["郭茂辉", "周训军", "张未"])
    );
    assert_eq!(t7["targets"].as_array().unwrap().len(), 1);
    let t10 = items.iter().find(|v| v["id"] == "10").unwrap();
    assert_eq!(
        t10["targets"].as_array().unwrap().len(),
        3,
        "three annex rows"
    );
    assert_eq!(
        t10["leaders"],
        serde_json::json!(["王飞", "杨东华"]),
        "de-duplicated"
    );
    let t0 = items.iter().find(|v| v["id"] == "0").unwrap();
    assert_eq!(
        (t0["group"].as_u64(), t0["title"].as_str()),
        (Some(0), Some("总体目标"))
    );
}

#[test]
fn unit_person_group_and_task_filters() {
    // 区科技局 is on T1–T4 and H6, H8 (annex) and tasks 1–4 (body).
    assert_eq!(
        ids(&json(&["tasks", "--unit", "区科技局", "--format", "json"])),
        ["0", "1", "2", "3", "4"]
    );
    // Body-only units match tasks too: 各街道 is only in task 7's body list.
    assert_eq!(
        ids(&json(&["tasks", "--unit", "各街道", "--format", "json"])),
        ["7"]
    );
    // Pinyin initials of a unit.
    assert_eq!(
        ids(&json(&["tasks", "--unit", "qjyj", "--format", "json"])),
        ["6", "25"]
    );
    assert_eq!(
        ids(&json(&["tasks", "--person", "刘明利", "--format", "json"])),
        ["0", "2", "5", "6", "8", "9", "14", "15", "19", "23"]
    );
    assert_eq!(
        ids(&json(&[
            "indicators",
            "--person",
            "txj",
            "--format",
            "json"
        ])),
        ["0.5", "18.1"]
    );
    assert_eq!(
        ids(&json(&["tasks", "--group", "3", "--format", "json"])),
        ["15", "16", "17"]
    );
    assert_eq!(
        ids(&json(&["indicators", "--task", "9", "--format", "json"])),
        ["9.1", "9.2", "9.3"]
    );
    assert_eq!(
        ids(&json(&["indicators", "--group", "0", "--format", "json"])).len(),
        12
    );
    // Filters combine (AND).
    assert_eq!(
        ids(&json(&[
            "indicators",
            "--leader",
            "wf",
            "--task",
            "10",
            "--format",
            "json"
        ])),
        ["10.1", "10.3", "10.4", "10.5"]
    );
    assert_eq!(
        ids(&json(&[
            "indicators",
            "--leader",
            "ydh",
            "--task",
            "10",
            "--format",
            "json"
        ])),
        ["10.2"]
    );
}

/// (With no options: in Chinese; tests/ledger/cli_lang.rs has both
/// languages.)
#[test]
fn bad_filters_exit_2() {
    cmd()
        .env_remove("WUDANG_PLAN_LANG")
        .args(["tasks", "--group", "9"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--group “9”"));
    cmd()
        .env_remove("WUDANG_PLAN_LANG")
        .args(["tasks", "--task", "29"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--task “29”"));
    cmd()
        .env_remove("WUDANG_PLAN_LANG")
        .args(["tasks", "--unit", "不存在的局"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--unit “不存在的局”"));
    cmd()
        .env_remove("WUDANG_PLAN_LANG")
        .args(["tasks", "--person", "nobody"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--person “nobody”"));
    cmd().args(["tasks", "--format", "xml"]).assert().code(2);
    cmd().args(["nonsense"]).assert().code(2);
}

#[test]
fn global_options_before_or_after_the_subcommand() {
    let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-plan");
    let a = cmd()
        .arg("--plan")
        .arg(&mini)
        .arg("check")
        .output()
        .unwrap();
    let b = cmd()
        .arg("check")
        .arg("--plan")
        .arg(&mini)
        .output()
        .unwrap();
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    assert!(String::from_utf8_lossy(&a.stdout).contains("2 groups"));
}

#[test]
fn table_columns_align_by_display_width() {
    let out = cmd()
        .args(["--lang", "en", "indicators", "--task", "8"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6);
    // The `target` column starts at the same display column on every line.
    let col = |l: &str, needle: &str| {
        let at = l.find(needle).unwrap();
        unicode_width::UnicodeWidthStr::width(&l[..at])
    };
    let c0 = col(lines[0], "target");
    assert_eq!(col(lines[1], ">= 500 亿元"), c0, "{text}");
    assert_eq!(col(lines[4], ">= 22%"), c0, "{text}");
    assert!(lines[1].starts_with("8.1  工业总产值"), "{text}");
}

#[test]
fn csv_format_has_header_and_quotes() {
    let out = cmd()
        .args(["indicators", "--task", "0", "--format", "csv"])
        .output()
        .unwrap();
    let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
    let h = rdr.headers().unwrap().clone();
    assert_eq!(
        h.iter().collect::<Vec<_>>(),
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
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 12);
    assert_eq!(&rows[0][5], "325");
    assert_eq!(&rows[0][6], "350");
    let out = cmd()
        .args(["tasks", "--task", "10", "--format", "csv"])
        .output()
        .unwrap();
    let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
    let rec = rdr.records().next().unwrap().unwrap();
    assert_eq!(&rec[3], "王飞;杨东华");
    assert_eq!(
        rec[6].lines().count(),
        3,
        "targets joined by newlines inside one quoted cell"
    );
}

#[test]
fn no_subcommand_prints_the_tree() {
    cmd()
        .assert()
        .success()
        .stdout(predicate::str::contains("（一）以大数据引领创新发展"))
        .stdout(predicate::str::contains(" 8. 加快新型工业化"));
}

/// `check` says the plan period and the kinds, and that a first-release
/// plan directory had them defaulted.
#[test]
fn check_says_what_was_defaulted() {
    let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-plan");
    cmd()
        .args(["check", "--plan"])
        .arg(&mini)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "\nplan period 2021–2025 (defaulted: no period.csv; the latest deadline and five years before it); \
             kinds: 3 level, 0 cumulative, 0 rate, 0 annual, 0 milestone (3 defaulted from the comparison: \
             no kind given; done -> milestone, else level)\n",
        ));
}
