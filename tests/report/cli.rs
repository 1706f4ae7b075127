//! `report` on the command line: its counts against `indicators`', the
//! leader and group filters, bad filters, and `--out`.

use crate::common::{fixture, ok, wp};

/// The numbers of the 合计 row of the group table: indicators, red,
/// yellow, green, gray, met, stretch met, in progress, missed, no data,
/// 逾期未报.
fn total_row(md: &str) -> Vec<usize> {
    let row = md
        .lines()
        .find(|l| l.starts_with("| **合计** |"))
        .unwrap_or_else(|| panic!("no 合计 row in\n{md}"));
    row.split('|')
        .skip(2)
        .filter(|c| !c.trim().is_empty())
        .map(|c| c.trim().parse().unwrap())
        .collect()
}

/// How many indicators `indicators ARGS --format json` lists.
fn listed(data: &std::path::Path, args: &[&str]) -> usize {
    let mut all = vec!["indicators", "--format", "json"];
    all.extend_from_slice(args);
    let v: serde_json::Value = serde_json::from_str(&ok(data, &all)).unwrap();
    v.as_array().unwrap().len()
}

/// The report counts exactly what `indicators --light/--status/--stale`
/// lists, for the whole plan and under a leader: one set of rules.
#[test]
fn counts_are_those_of_indicators() {
    let (_dir, data) = fixture();
    for scope in [&[][..], &["--leader", "zkc"][..], &["--group", "2"][..]] {
        let mut args = vec!["report"];
        args.extend_from_slice(scope);
        let t = total_row(&ok(&data, &args));
        let n = |extra: &[&str]| {
            let mut a = scope.to_vec();
            a.extend_from_slice(extra);
            listed(&data, &a)
        };
        let expected = vec![
            n(&[]),
            n(&["--light", "red"]),
            n(&["--light", "yellow"]),
            n(&["--light", "green"]),
            n(&["--light", "gray"]),
            n(&["--status", "met"]),
            n(&["--status", "stretch_met"]),
            n(&["--status", "in_progress"]),
            n(&["--status", "missed"]),
            n(&["--status", "no_data"]),
            n(&["--stale"]),
        ];
        assert_eq!(t, expected, "scope {scope:?}");
        if scope.is_empty() {
            // the fixture has every light, and stale values
            assert!(t[1..5].iter().all(|&n| n > 0) && t[10] > 0, "{t:?}");
        }
    }
}

/// `--leader` takes a name or its pinyin as the other commands do; the
/// header says which filter applied.
#[test]
fn leader_by_name_or_pinyin_and_the_header_says_so() {
    let (_dir, data) = fixture();
    let by_name = ok(&data, &["report", "--leader", "朱快春"]);
    for q in ["zkc", "ZKC", "zhukuaichun"] {
        assert_eq!(ok(&data, &["report", "--leader", q]), by_name, "{q}");
    }
    assert!(by_name.contains("范围：责任领导 朱快春\n"), "{by_name}");
    let both = ok(&data, &["report", "--leader", "zkc", "--group", "2"]);
    assert!(both.contains("范围：责任领导 朱快春；任务组（二）\n"));
    let all = ok(&data, &["report"]);
    assert!(all.contains("统计日期：2025-09-30  \n范围：全部指标\n"));
    let group0 = ok(&data, &["report", "--group", "0"]);
    assert!(group0.contains("范围：总体目标\n"));
    assert!(group0.contains("共 12 项指标。"), "{group0}");
}

#[test]
fn bad_filters_are_refused_with_what_was_expected() {
    let (_dir, data) = fixture();
    let r = wp(&data, &["report", "--leader", "zzz"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--leader “zzz”") && r.stderr.contains("朱快春 (zkc)"));
    assert!(r.stdout.is_empty());
    let r = wp(&data, &["report", "--group", "9"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("--group “9”：没有这个任务组"),
        "{}",
        r.stderr
    );
    let r = wp(&data, &["report", "--format", "pdf"]);
    assert_eq!(r.code, 2);
}

/// `--out FILE`: the file holds the report, standard output nothing; a
/// `.html` name gives HTML; an existing report is replaced whole.
#[test]
fn out_writes_the_file() {
    let (dir, data) = fixture();
    let md = dir.path().join("通报.md");
    let r = wp(&data, &["report", "--out", md.to_str().unwrap()]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(&md).unwrap(),
        ok(&data, &["report"])
    );
    let html = dir.path().join("r.html");
    std::fs::write(&html, "old report, much longer than nothing at all").unwrap();
    ok(&data, &["report", "--out", html.to_str().unwrap()]);
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.starts_with("<!DOCTYPE html>"), "{text:.100}");
    assert_eq!(text, ok(&data, &["report", "--format", "html"]));
    // nothing else left beside them (no temporary file)
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["actuals.csv", "r.html", "通报.md"]);
}

/// `--out` naming the ledger (by its path, another spelling, a hard link)
/// or its lock file is refused with exit 2 and the ledger stays byte for
/// byte (a new-user test overwrote the team's ledger with the report).
#[test]
fn out_never_overwrites_the_ledger() {
    let (dir, data) = fixture();
    let before = std::fs::read(&data).unwrap();
    let hard = dir.path().join("hard.csv");
    std::fs::hard_link(&data, &hard).unwrap();
    let dotted = dir.path().join(".").join("actuals.csv");
    let lock = dir.path().join("actuals.csv.lock");
    for out in [data.clone(), dotted, hard, lock] {
        let r = wp(&data, &["report", "--out", out.to_str().unwrap()]);
        assert_eq!(r.code, 2, "{out:?}: {}", r.stderr);
        assert!(r.stderr.contains("应为其他文件"), "{}", r.stderr);
        assert_eq!(std::fs::read(&data).unwrap(), before, "{out:?}");
    }
}

/// An output that cannot be written: exit 1, the file named.
#[test]
fn out_into_a_missing_directory_fails_naming_it() {
    let (dir, data) = fixture();
    let bad = dir.path().join("no-such-dir").join("r.html");
    let r = wp(&data, &["report", "--out", bad.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("no-such-dir/r.html"), "{}", r.stderr);
}

/// The HTML page stands alone: no script, no style sheet, image, font or
/// frame fetched from anywhere (the SVG namespace is a name, not a fetch).
#[test]
fn html_is_self_contained() {
    let (_dir, data) = fixture();
    let html = ok(&data, &["report", "--format", "html"]);
    for needle in [
        "<script",
        "<link",
        "<img",
        "<iframe",
        "src=",
        "href=",
        "@import",
        "@font-face",
    ] {
        assert!(!html.contains(needle), "{needle}");
    }
    let urls: Vec<&str> = html
        .match_indices("url(")
        .map(|(i, _)| &html[i..i + 5])
        .collect();
    assert!(urls.iter().all(|u| *u == "url(#"), "{urls:?}");
    let http = html.matches("http").count();
    let xmlns = html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count();
    assert_eq!(http, xmlns, "only the SVG namespace names a URL");
    assert_eq!(xmlns, 2, "two charts: lights by group and by leader");
    assert!(html.contains("@page {\n  size: A4 portrait;"));
}
