//! Loader tests: another plan loads from a directory, and every kind of
//! broken file is reported with file:line, the field and what was expected.

use std::fs;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use wudang_plan::plan::{self, load::SeedText};

fn mini() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-plan")
}

/// Copies the mini plan into a temp dir, applies `edit` to one file.
fn broken(file: &str, edit: impl Fn(&str) -> String) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    for f in ["groups.csv", "tasks.csv", "rows.csv", "indicators.csv"] {
        let text = fs::read_to_string(mini().join(f)).unwrap();
        let text = if f == file { edit(&text) } else { text };
        fs::write(dir.path().join(f), text).unwrap();
    }
    let p = dir.path().to_path_buf();
    (dir, p)
}

fn errors_of(dir: &Path) -> String {
    match plan::load_dir(dir) {
        Ok(_) => panic!("expected an error loading {}", dir.display()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn another_plan_loads_by_header_names() {
    let plan = plan::load_dir(&mini()).unwrap();
    assert_eq!(plan.groups.len(), 2);
    assert_eq!(plan.groups[0].title, "发展经济");
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(plan.task_leaders("1"), vec!["张三", "王五"]);
    assert_eq!(plan.task_persons("0"), vec!["李四"], "names are normalized");
    let i = plan.indicator("2.1").unwrap();
    assert_eq!(i.deadline, 2024);
    assert_eq!(
        i.better,
        plan::Better::Higher,
        "empty better defaults from comparison"
    );
}

/// (file, replace this, with that, expected message fragment)
const CASES: &[(&str, &str, &str, &str)] = &[
    (
        "tasks.csv",
        "2,2,办好教育",
        "1,2,办好教育",
        "tasks.csv:4: field `id`: duplicate task id `1`",
    ),
    (
        "groups.csv",
        "改善民生,2",
        "改善民生,1",
        "groups.csv:3: field `id`: duplicate group id `1`",
    ),
    (
        "indicators.csv",
        "1.1,1,T1",
        "0.1,0,H1",
        "indicators.csv:3: field `id`: duplicate indicator id `0.1`",
    ),
    (
        "rows.csv",
        "T2,2,",
        "T1,2,",
        "rows.csv:4: field `id`: duplicate row id `T1`",
    ),
    (
        "tasks.csv",
        "2,2,办好教育",
        "2,7,办好教育",
        "tasks.csv:4: field `group`: unknown group `7`",
    ),
    (
        "rows.csv",
        "T2,2,",
        "T2,9,",
        "rows.csv:4: field `task`: unknown task `9`",
    ),
    (
        "indicators.csv",
        "2.1,2,T2",
        "2.1,2,T9",
        "indicators.csv:4: field `row`: unknown row `T9`",
    ),
    (
        "indicators.csv",
        "2.1,2,T2",
        "2.1,2,T1",
        "indicators.csv:4: field `row`: row `T1` belongs to task `1`, not to task `2`",
    ),
    (
        "indicators.csv",
        "2.1,2,T2",
        "2.1,3,T2",
        "indicators.csv:4: field `task`: unknown task `3`",
    ),
    (
        "indicators.csv",
        "2.1,2,T2",
        "21,2,T2",
        "indicators.csv:4: field `id`: found `21`, expected `2.N`",
    ),
    (
        "rows.csv",
        "县教育局,钱七",
        "县教育局;县财政局,钱七",
        "rows.csv:4: field `persons`: unit `县财政局` has no person",
    ),
    (
        "rows.csv",
        "县教育局,钱七",
        "县教育局,钱七;孙八",
        "rows.csv:4: field `persons`: person `孙八` has no unit",
    ),
    (
        "indicators.csv",
        ">=,60,",
        ">=,六十,",
        "indicators.csv:3: field `target`: found `六十`, expected a plain decimal number",
    ),
    (
        "indicators.csv",
        ">=,60,",
        ">=,1e3,",
        "indicators.csv:3: field `target`: found `1e3`, expected a plain decimal number",
    ),
    (
        "indicators.csv",
        ">=,60,",
        "=>,60,",
        "indicators.csv:3: field `comparison`: found `=>`, expected one of `>=`, `<=`, `~`, `done`",
    ),
    (
        "indicators.csv",
        ">=,60,",
        ">=,,",
        "indicators.csv:3: field `target`: empty, expected a number for comparison `>=`",
    ),
    (
        "indicators.csv",
        "所,>=,2,",
        ",done,2,",
        "indicators.csv:4: field `target`: found `2`, expected empty for a `done` milestone",
    ),
    (
        "indicators.csv",
        ",higher,2025,工业",
        ",upward,2025,工业",
        "indicators.csv:3: field `better`: found `upward`, expected `higher` or `lower`",
    ),
    (
        "indicators.csv",
        ",higher,2025,工业",
        ",higher,明年,工业",
        "indicators.csv:3: field `deadline`: found `明年`, expected a year",
    ),
    (
        "rows.csv",
        "T2,2,办好教育,建成学校2所。,王五",
        "T2,2,办好教育,建成学校2所。,",
        "rows.csv:4: field `leaders`: empty, expected at least one 责任领导",
    ),
    (
        "tasks.csv",
        "1,1,做强工业",
        "1,1,",
        "tasks.csv:3: field `title`: empty, expected text",
    ),
    (
        "indicators.csv",
        "id,task,row,name,unit,comparison",
        "id,task,line,name,unit,comparison",
        "indicators.csv:1: missing column `row`",
    ),
    (
        "groups.csv",
        "发展经济,1,",
        "发展经济,x,",
        "groups.csv:2: field `id`: found `x`, expected a group number",
    ),
    (
        "groups.csv",
        "改善民生,2,",
        "改善民生,0,",
        "groups.csv:3: field `id`: found `0`; group 0 (总体目标) is implicit",
    ),
    (
        "tasks.csv",
        "1,1,做强工业,到2025年",
        "1,1,做强工业,\"到2025年",
        "tasks.csv:3: a quoted field starting here is never closed",
    ),
    (
        "rows.csv",
        "H1,0,生产总值（亿元）,100,张 三",
        "H1,0,生产总值（亿元）,100,张 三,x,y,z,w",
        "rows.csv:2: 11 fields, expected at most 7",
    ),
];

#[test]
fn every_error_kind_names_file_line_and_field() {
    for (file, from, to, want) in CASES {
        let (_keep, dir) = broken(file, |t| {
            assert!(t.contains(from), "fixture {file} lacks {from:?}");
            t.replacen(from, to, 1)
        });
        let msg = errors_of(&dir);
        let expected_path = format!("{}/{}", dir.display(), want);
        let want_full = if want.contains(':') {
            expected_path
        } else {
            want.to_string()
        };
        assert!(
            msg.contains(&want_full),
            "case {from:?} → {to:?}\nexpected: {want_full}\n     got: {msg}"
        );
    }
}

#[test]
fn missing_file_is_named() {
    let (_keep, dir) = broken("rows.csv", |t| t.to_string());
    fs::remove_file(dir.join("rows.csv")).unwrap();
    let msg = errors_of(&dir);
    assert!(msg.contains("rows.csv: cannot read"), "{msg}");
}

#[test]
fn non_utf8_file_is_refused_with_line() {
    let (_keep, dir) = broken("tasks.csv", |t| t.to_string());
    let mut bytes = fs::read(dir.join("tasks.csv")).unwrap();
    bytes.extend_from_slice(b"3,1,\xb9\xa4\xd2\xb5,x,\n"); // 工业 in GBK
    fs::write(dir.join("tasks.csv"), bytes).unwrap();
    let msg = errors_of(&dir);
    assert!(msg.contains("tasks.csv:5: not valid UTF-8"), "{msg}");
}

/// The files are parsed as they are read (issue 12): a file found not to
/// be UTF-8 after others were parsed still makes the load report only what
/// could not be read, every such file, as when all were read first.
#[test]
fn a_late_unreadable_file_reports_only_what_cannot_be_read() {
    let (_keep, dir) = broken("groups.csv", |t| {
        t.replacen("发展经济,1,", "发展经济,x,", 1)
    });
    let mut bytes = fs::read(dir.join("indicators.csv")).unwrap();
    bytes.extend_from_slice(b"9.1,9,R9,\xb9\xa4\xd2\xb5,,>=,1,,,2025,x\n");
    fs::write(dir.join("indicators.csv"), bytes).unwrap();
    let lines = fs::read_to_string(mini().join("indicators.csv"))
        .unwrap()
        .lines()
        .count();
    let msg = errors_of(&dir);
    let want = format!("indicators.csv:{}: not valid UTF-8", lines + 1);
    assert!(msg.contains(&want), "{msg}");
    assert_eq!(msg.lines().count(), 1, "{msg}");
    fs::remove_file(dir.join("rows.csv")).unwrap();
    let msg = errors_of(&dir);
    assert!(msg.contains("rows.csv: cannot read"), "{msg}");
    assert!(msg.contains(&want), "{msg}");
    assert_eq!(msg.lines().count(), 2, "{msg}");
}

/// The unclosed-quote check counts the quotes of the whole file, also when
/// it is read a buffer at a time (a file of several buffers).
#[test]
fn an_unclosed_quote_is_found_in_a_long_file() {
    let (_keep, dir) = broken("tasks.csv", |t| {
        let mut t = t.to_string();
        for n in 10..3000 {
            t.push_str(&format!(
                "{n},1,任务{n},\"说明，含逗号\"\"引号\"\"\",单位\n"
            ));
        }
        t.push_str("3000,1,最后,\"没有结尾\n3001,1,x,y,\n");
        t
    });
    let msg = errors_of(&dir);
    assert!(
        msg.contains("tasks.csv:2995: a quoted field starting here is never closed"),
        "{msg}"
    );
}

/// The duplicate check keeps no copy of the ids kept (issue 12): the id of
/// a refused record still counts as seen, and every later copy of an id is
/// a duplicate, at its own line.
#[test]
fn duplicates_of_kept_and_refused_ids_are_named() {
    let (_keep, dir) = broken("indicators.csv", |t| {
        format!(
            "{t}2.2,2,T2,坏,所,>>,2,,,2024,x\n2.2,2,T2,好,所,>=,2,,,2024,x\n\
             1.1,1,T1,又一个,亿元,>=,1,,,2025,x\n1.1,1,T1,再一个,亿元,>=,1,,,2025,x\n"
        )
    });
    let msg = errors_of(&dir);
    let lines: Vec<&str> = msg.lines().collect();
    assert_eq!(lines.len(), 4, "{msg}");
    assert!(lines[0].ends_with("indicators.csv:5: field `comparison`: found `>>`, expected one of `>=`, `<=`, `~`, `done`"), "{msg}");
    assert!(
        lines[1].ends_with("indicators.csv:6: field `id`: duplicate indicator id `2.2`"),
        "{msg}"
    );
    assert!(
        lines[2].ends_with("indicators.csv:7: field `id`: duplicate indicator id `1.1`"),
        "{msg}"
    );
    assert!(
        lines[3].ends_with("indicators.csv:8: field `id`: duplicate indicator id `1.1`"),
        "{msg}"
    );
}

#[test]
fn all_errors_are_reported_at_once() {
    let (_keep, dir) = broken("indicators.csv", |t| t.replace(",higher,", ",up,"));
    let msg = errors_of(&dir);
    assert_eq!(msg.lines().count(), 2, "{msg}");
}

#[test]
fn bom_and_crlf_are_accepted() {
    let (_keep, dir) = broken("tasks.csv", |t| {
        format!("\u{feff}{}", t.replace('\n', "\r\n"))
    });
    let plan = plan::load_dir(&dir).unwrap();
    assert_eq!(plan.task("1").unwrap().title, "做强工业");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    /// Nothing panics on any file content.
    #[test]
    fn loader_never_panics(groups in any::<String>(), tasks in ".{0,200}", rows in "[a-zA-Z0-9,;\"\n 王飞]{0,200}", inds in "[a-z0-9.,;\"\n>=~-]{0,200}", period in proptest::option::of("[a-z0-9,\n]{0,30}")) {
        let text = SeedText { origin: "x".into(), groups, tasks, rows, indicators: inds, period };
        let _ = plan::load::load_text(&text);
    }
}

/// A plan directory of the first release (no `period.csv`, no `kind`
/// column) still loads: the period from the deadlines (2024 and 2025:
/// 2021–2025), every kind from the comparison, both marked as defaulted.
#[test]
fn a_first_release_plan_gets_default_period_and_kinds() {
    let plan = plan::load_dir(&mini()).unwrap();
    assert_eq!(plan.period, plan::PlanPeriod::new(2021, 2025).unwrap());
    assert_eq!(
        plan.defaults,
        plan::Defaults {
            period: true,
            kinds: 3
        }
    );
    assert!(plan.indicators.iter().all(|i| i.kind == plan::Kind::Level));
    let (_d, dir) = broken("indicators.csv", |t| {
        t.replace(
            "2.1,2,T2,建成学校,所,>=,2,,,2024",
            "2.1,2,T2,建成学校,,done,,,,2024",
        )
    });
    let plan = plan::load_dir(&dir).unwrap();
    assert_eq!(plan.indicator("2.1").unwrap().kind, plan::Kind::Milestone);
}

/// Copies the mini plan with `period.csv` and a `kind` column.
fn with_period(period: &str, kinds: [&str; 3]) -> (tempfile::TempDir, PathBuf) {
    let (d, dir) = broken("indicators.csv", |t| {
        let mut out = String::new();
        for (i, line) in t.lines().enumerate() {
            let k = if i == 0 { "kind" } else { kinds[i - 1] };
            out.push_str(&format!("{line},{k}\n"));
        }
        out
    });
    fs::write(dir.join("period.csv"), period).unwrap();
    (d, dir)
}

#[test]
fn the_plan_files_carry_their_period_and_kinds() {
    let (_d, dir) = with_period("start,end\n2022,2026\n", ["level", "cumulative", ""]);
    let plan = plan::load_dir(&dir).unwrap();
    assert_eq!(plan.period, plan::PlanPeriod::new(2022, 2026).unwrap());
    assert_eq!(
        plan.defaults,
        plan::Defaults {
            period: false,
            kinds: 1
        }
    );
    let kinds: Vec<_> = plan.indicators.iter().map(|i| i.kind).collect();
    use plan::Kind::*;
    assert_eq!(kinds, [Level, Cumulative, Level]);
}

#[test]
fn a_wrong_period_or_kind_names_file_line_and_field() {
    let (_d, dir) = with_period("start,end\n2025,2021\n", ["level", "level", "level"]);
    let e = errors_of(&dir);
    assert!(
        e.contains("period.csv:2: field `end`: found `2021`, expected a year no earlier than the start `2025`"),
        "{e}"
    );
    let (_d, dir) = with_period("start,end\n2021,2024\n", ["level", "level", "level"]);
    let e = errors_of(&dir);
    assert!(
        e.contains("indicators.csv:2: field `deadline`: found `2025`, expected a year inside the plan period 2021–2024 of period.csv"),
        "{e}"
    );
    assert!(!e.contains("indicators.csv:4:"), "2024 is inside: {e}");
    let (_d, dir) = with_period("start,end\n2021,2025\n", ["level", "milestone", "levels"]);
    let e = errors_of(&dir);
    assert!(
        e.contains("indicators.csv:3: field `kind`: found `milestone`, expected a kind other than `milestone` for comparison `>=`"),
        "{e}"
    );
    assert!(
        e.contains("indicators.csv:4: field `kind`: found `levels`, expected one of `level`, `cumulative`, `rate`, `annual`, `milestone` (or empty)"),
        "{e}"
    );
    let (_d, dir) = broken("indicators.csv", |t| {
        t.replace("source\n", "source,kind\n").replace(
            "2.1,2,T2,建成学校,所,>=,2,,,2024,建成学校2所",
            "2.1,2,T2,建成学校,,done,,,,2024,建成学校2所,level",
        )
    });
    let e = errors_of(&dir);
    assert!(
        e.contains("indicators.csv:4: field `kind`: found `level`, expected `milestone` for a `done` comparison"),
        "{e}"
    );
}
