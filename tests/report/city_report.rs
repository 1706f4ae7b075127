//! The city's report (`report --workspace DIR`, issue 14): three
//! districts' clones in a temporary workspace (git repositories made here,
//! commits dated), ranked by their lights, their statuses and 逾期未报,
//! their red lights with qualified ids, their last publish; Markdown and
//! HTML, Chinese and English; a hostile district name (`district.txt`)
//! and hostile ledger text escaped.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{LEDGER, Run, TODAY, bin};

fn git(dir: &Path, args: &[&str], date: &str) {
    let o = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
        .args(args)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The hostile district's name, as its `district.txt` says.
const EVIL: &str = "<script>alert(1)</script>区";

/// 白云区's ledger: 0.4 and five milestones done, green (the other
/// milestones due 2025 are yellow on 2025-09-30); 8.2 behind (red, stale)
/// recorded by a hostile user with a hostile remark.
const BAIYUN: &str = "\u{feff}time,user,id,field,value,old,note,period\r\n\
2025-03-12T16:30:00+08:00,<img src=x onerror=alert(2)>,8.2,actual,300,,<b>含</b>|**续建**,2024\r\n\
2025-07-20T09:00:00+08:00,limin,10.1,actual,done,,,2025\r\n\
2025-07-20T09:01:00+08:00,limin,10.2,actual,done,,,2025\r\n\
2025-07-20T09:02:00+08:00,limin,10.5,actual,done,,,2025\r\n\
2025-07-20T09:03:00+08:00,limin,3.1,actual,done,,,2025\r\n\
2025-07-20T09:04:00+08:00,limin,7.5,actual,done,,,2025\r\n\
2025-07-20T09:10:00+08:00,limin,0.4,actual,78.5,,,2025Q2\r\n";

/// A workspace of three districts' clones: 乌当区 (the report tests'
/// fixed ledger: 3 green, 18 yellow, 4 red; published 2025-09-29),
/// 白云区 (6 green, 13 yellow, 2 red; published 2025-08-01: stale on
/// 2025-09-30) and a district named [`EVIL`] (no values: 0 green, 7.4
/// red; published 2025-09-28).
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("city");
    for (repo, name, ledger, date) in [
        (
            "wudang",
            "乌当区",
            Some(LEDGER),
            "2025-09-29T18:00:00+08:00",
        ),
        (
            "baiyun",
            "白云区",
            Some(BAIYUN),
            "2025-08-01T10:00:00+08:00",
        ),
        ("evil", EVIL, None, "2025-09-28T10:00:00+08:00"),
    ] {
        let d = ws.join(repo);
        fs::create_dir_all(&d).unwrap();
        git(&d, &["init", "-q"], date);
        fs::write(d.join("district.txt"), format!("{name}\n")).unwrap();
        if let Some(text) = ledger {
            fs::write(d.join("actuals.csv"), text).unwrap();
        }
        git(&d, &["add", "-A"], date);
        git(&d, &["commit", "-q", "-m", "publish"], date);
    }
    (dir, ws)
}

/// `report --workspace WS ARGS…` on [`TODAY`], in Chinese unless `args`
/// say otherwise.
fn report(ws: &Path, args: &[&str]) -> Run {
    let o = bin()
        .arg("--data")
        .arg(ws.join("none.csv"))
        .args(["--today", TODAY, "report", "--workspace"])
        .arg(ws)
        .args(args)
        .output()
        .unwrap();
    Run {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// The district names of the Markdown ranking table, in its order.
fn md_order(md: &str) -> Vec<String> {
    md.lines()
        .skip_while(|l| !l.starts_with("| 名次") && !l.starts_with("| Rank"))
        .skip(2)
        .take_while(|l| l.starts_with("| "))
        .map(|l| l.split(" | ").nth(1).unwrap().to_string())
        .collect()
}

/// A table row of the Markdown whose first cells are `start`.
fn md_row<'a>(md: &'a str, start: &str) -> &'a str {
    md.lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no row {start}: {md}"))
}

#[test]
fn ranks_by_the_share_of_green_then_lists_each_districts_red_lights() {
    let (_dir, ws) = workspace();
    let r = report(&ws, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let md = r.stdout;
    // 白云区 6 of 21 green, 乌当区 3 of 25, the hostile one 0 of 19: not
    // the order of the names (乌 sorts before 白).
    assert_eq!(
        md_order(&md),
        ["白云区", "乌当区", "\\<script>alert(1)\\</script>区"],
        "{md}"
    );
    assert!(
        md.starts_with("# 贵阳市各区县实施“强省会”五年行动工作方案推进情况通报\n"),
        "{md}"
    );
    // Last publish, and the stale mark on 白云区 alone.
    assert!(
        md_row(&md, "| 1 | 白云区 |").ends_with("| 2025-08-01，**逾期未发布** |"),
        "{md}"
    );
    assert!(md_row(&md, "| 2 | 乌当区 |").ends_with("| 12.0% | 2025-09-29 |"));
    // Statuses with 逾期未报: 乌当区's 0.1, 7.2, 8.1, 8.2.
    assert!(md_row(&md, "| 乌当区 | 95 |").ends_with("| 4 |"), "{md}");
    // Red lights with qualified ids, under their district.
    for id in [
        "乌当区:7.2",
        "乌当区:7.4",
        "乌当区:8.1",
        "乌当区:8.2",
        "白云区:8.2",
    ] {
        assert!(md.contains(&format!("| {id} |")), "{id}: {md}");
    }
    assert!(!md.contains("白云区:10.1"), "a green light is not listed");
    assert!(md.contains("### 白云区（红灯 2 项）"), "{md}");
    assert!(
        md.contains("| \\<script>alert(1)\\</script>区:7.4 |"),
        "{md}"
    );
}

#[test]
fn html_escapes_a_hostile_district_name_user_and_note() {
    let (dir, ws) = workspace();
    let out = dir.path().join("city.html");
    let r = report(&ws, &["--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "", "written to the file");
    let page = fs::read_to_string(&out).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(page.ends_with("</html>\n"));
    assert!(!page.contains("<script"), "no markup from a district");
    assert!(!page.contains("<img"), "no markup from a ledger");
    assert!(!page.contains("<b>"), "no markup from a ledger");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;区"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;区:7.4"));
    assert!(page.contains("&lt;img src=x onerror=alert(2)&gt;"));
    assert!(page.contains("&lt;b&gt;含&lt;/b&gt;|**续建**"));
    // Self-contained: no script, nothing fetched.
    for bad in ["<link", "src=\"", "href=\"", "url("] {
        assert!(!page.contains(bad), "{bad}");
    }
    // The ranking's order, the red lights, the stale mark.
    let at = |s: &str| page.find(s).unwrap_or_else(|| panic!("{s}"));
    assert!(at(">白云区</th>") < at(">乌当区</th>"));
    let (b, id, w) = (
        at("白云区（红灯 2 项）"),
        at("白云区:8.2"),
        at("乌当区（红灯 4 项）"),
    );
    assert!(
        b < id && id < w,
        "白云区's red lights under it, before 乌当区's"
    );
    assert!(page.contains("<div class=\"stale\">逾期未发布</div>"));
    // --format md wins over the file's name; --format html to standard output.
    let r = report(&ws, &["--format", "md", "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(fs::read_to_string(&out).unwrap().starts_with("# "));
    let r = report(&ws, &["--format", "html"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("<!DOCTYPE html>"));
}

#[test]
fn english_words_with_lang_en() {
    let (_dir, ws) = workspace();
    let md = report(&ws, &["--lang", "en"]).stdout;
    assert!(md.starts_with("# Progress report: "), "{md}");
    assert!(
        md.contains("## 1. Districts ranked by their lights"),
        "{md}"
    );
    assert!(
        md.contains("| Rank | District | Indicators | green | yellow | red | gray |"),
        "{md}"
    );
    assert!(md_row(&md, "| 1 | 白云区 |").ends_with("| 2025-08-01, **publish overdue** |"));
    assert!(md.contains("### 白云区 (2 red)"), "{md}");
    assert!(!md.contains("红灯"), "{md}");
    let page = report(&ws, &["--lang", "en", "--format", "html"]).stdout;
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.contains("Districts ranked by their lights"));
    assert!(
        !page.contains("逾期"),
        "no Chinese word of the report's own"
    );
}

/// A district that cannot be read is listed after the others with why,
/// in both formats; exit 1.
#[test]
fn a_district_that_cannot_be_read_is_listed_after_with_why() {
    let (_dir, ws) = workspace();
    fs::write(
        ws.join("baiyun/actuals.csv"),
        "time,user\nnot,a,row,at,all\n",
    )
    .unwrap();
    for format in ["md", "html"] {
        let r = report(&ws, &["--format", format]);
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert!(r.stderr.contains("1 个区县未能读取"), "{}", r.stderr);
        assert!(r.stdout.contains("未能读取的区县（1 个）"), "{}", r.stdout);
        assert!(r.stdout.contains("白云区："), "{}", r.stdout);
        assert!(
            r.stdout.contains("区县 3 个，其中 1 个未能读取"),
            "{}",
            r.stdout
        );
    }
}

/// `--out` naming a district's ledger in the workspace is refused (exit
/// 2), the clone's ledger left as it was.
#[test]
fn out_cannot_be_a_districts_ledger() {
    let (_dir, ws) = workspace();
    let ledger = ws.join("wudang/actuals.csv");
    let r = report(&ws, &["--out", ledger.to_str().unwrap()]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("台账"), "{}", r.stderr);
    assert_eq!(fs::read_to_string(&ledger).unwrap(), LEDGER);
}

/// The HTML page in a real browser (headless Chromium, as
/// tests/report/browser.rs): printed on A4 portrait, every page, with its
/// text embedded.
#[test]
fn the_html_page_prints_on_a4_portrait() {
    use crate::browser::{chromium, media_boxes, pages, pdf};
    let Some(exe) = chromium() else { return };
    let (dir, ws) = workspace();
    let page = dir.path().join("city.html");
    assert_eq!(report(&ws, &["--out", page.to_str().unwrap()]).code, 0);
    let printed = pdf(&exe, dir.path(), &page);
    let n = pages(&printed);
    assert!((1..=10).contains(&n), "{n} pages");
    for (w, h) in media_boxes(&printed) {
        assert!(
            (w - 595.0).abs() < 1.5 && (h - 842.0).abs() < 1.5,
            "{w} x {h} pt"
        );
    }
    assert!(String::from_utf8_lossy(&printed).contains("/FontName /"));
}

#[test]
fn markdown_snapshot() {
    let (_dir, ws) = workspace();
    let r = report(&ws, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("city_report_zh", r.stdout);
}
