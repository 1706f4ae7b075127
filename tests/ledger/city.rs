//! The city's view over git from the command line (issue 14, begun):
//! `home`, `publish`, `pull`, and a clone refusing writes. Temporary git
//! repositories only: a bare remote, a district's home, the city's clone.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::common::{run, wp, wp_zh};

fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// A bare remote and a district home `wd/` publishing to it.
fn setup(root: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    git(root, &["init", "-q", "--bare", "remote.git"]);
    let wd = root.join("wd");
    fs::create_dir(&wd).unwrap();
    let data = wd.join("actuals.csv");
    let r = run(wp_zh(&data, "李明", "2025-06-01").args(["home", "乌当区"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("本机是乌当区台账的源头"), "{}", r.stdout);
    git(
        &wd,
        &[
            "remote",
            "add",
            "origin",
            root.join("remote.git").to_str().unwrap(),
        ],
    );
    (data, root.join("remote.git"))
}

#[test]
fn a_district_publishes_and_the_city_pulls_through_git_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (data, remote) = setup(dir.path());
    assert_eq!(run(wp(&data, "李明").args(["set", "8.1", "500"])).code, 0);
    assert_eq!(run(wp(&data, "王芳").args(["set", "8.2", "300"])).code, 0);
    let r = run(wp_zh(&data, "李明", "2025-06-01").arg("publish"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout
            .lines()
            .next()
            .unwrap()
            .split("，提交")
            .next()
            .unwrap(),
        "已发布：乌当区 台账第 1–3 行（3 条；填报人：李明、王芳）"
    );
    assert!(r.stdout.contains("已推送到 origin"), "{}", r.stdout);
    let r = run(wp(&data, "李明").arg("publish"));
    assert_eq!(
        r.stdout,
        "乌当区: no new ledger rows since the last publish\npushed to origin\n"
    );
    // The city clones, pulls, and reads.
    let city = dir.path().join("city");
    fs::create_dir(&city).unwrap();
    git(&city, &["clone", "-q", remote.to_str().unwrap(), "乌当区"]);
    assert_eq!(run(wp(&data, "李明").args(["set", "8.1", "510"])).code, 0);
    assert_eq!(run(wp(&data, "李明").arg("publish")).code, 0);
    let r = run(wp_zh(&data, "x", "2025-06-01")
        .args(["pull", "--workspace"])
        .arg(&city));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("乌当区：新增 1 行（第 4 行）；最近发布 "),
        "{}",
        r.stdout
    );
    let copy = city.join("乌当区/actuals.csv");
    assert_eq!(fs::read(&copy).unwrap(), fs::read(&data).unwrap());
    let r = run(wp(&copy, "x").args(["indicators", "--task", "8", "--format", "csv"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("510"), "{}", r.stdout);
}

#[test]
fn a_clone_refuses_every_write_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let (data, remote) = setup(dir.path());
    assert_eq!(run(wp(&data, "李明").args(["set", "8.1", "500"])).code, 0);
    assert_eq!(run(wp(&data, "李明").arg("publish")).code, 0);
    git(
        dir.path(),
        &["clone", "-q", remote.to_str().unwrap(), "copy"],
    );
    let copy = dir.path().join("copy/actuals.csv");
    let before = fs::read(&copy).unwrap();
    for args in [
        &["set", "8.1", "1"][..],
        &["status", "8", "done"],
        &["note", "8.1", "x"],
        &["undo", "8.1"],
        &["ledger", "convert"],
    ] {
        let r = run(wp(&copy, "x").args(args));
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains("read-only copy of 乌当区's ledger"),
            "{args:?}: {}",
            r.stderr
        );
        let r = run(wp_zh(&copy, "x", "2025-06-01").args(args));
        assert_eq!(r.code, 2);
        assert!(r.stderr.contains("乌当区台账的只读副本"), "{}", r.stderr);
    }
    assert_eq!(fs::read(&copy).unwrap(), before, "nothing written");
    // Reading is fine.
    assert_eq!(run(wp(&copy, "x").args(["history"])).code, 0);
}

#[test]
fn a_failed_push_exits_1_keeps_the_commit_and_the_next_publish_pushes_it() {
    let dir = tempfile::tempdir().unwrap();
    let (data, remote) = setup(dir.path());
    assert_eq!(run(wp(&data, "李明").args(["set", "8.1", "500"])).code, 0);
    fs::rename(&remote, dir.path().join("away.git")).unwrap();
    let r = run(wp(&data, "李明").arg("publish"));
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.starts_with("published: 乌当区 ledger lines 1–2"),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr.contains("the push to origin failed"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("pushed by the next wudang-plan publish"),
        "{}",
        r.stderr
    );
    fs::rename(dir.path().join("away.git"), &remote).unwrap();
    let r = run(wp(&data, "李明").arg("publish"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("no new ledger rows"), "{}", r.stdout);
    let o = Command::new("git")
        .arg("-C")
        .arg(&remote)
        .args(["cat-file", "blob", "HEAD:actuals.csv"])
        .output()
        .unwrap();
    assert_eq!(o.stdout, fs::read(&data).unwrap());
}

#[test]
fn publish_and_pull_say_what_is_wrong_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let loose = dir.path().join("actuals.csv");
    let r = run(wp(&loose, "x").arg("publish"));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("not in a district's git repository"),
        "{}",
        r.stderr
    );
    let r = run(wp(&loose, "x")
        .args(["pull", "--workspace"])
        .arg(dir.path()));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("holds no git clone"), "{}", r.stderr);
    let r = run(wp(&loose, "x")
        .args(["pull", "--workspace"])
        .arg(dir.path().join("no")));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("cannot be read"), "{}", r.stderr);
    let r = run(wp(&loose, "x").args(["home", " "]));
    assert_eq!(r.code, 2);
}

/// `report --workspace`: the districts ranked by the share of green, a
/// district that cannot be read listed after them (exit 1).
#[test]
fn the_city_report_ranks_districts_by_their_lights() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("city");
    fs::create_dir(&ws).unwrap();
    // Three districts' clones, made here directly (their homes do not
    // matter to the report): 乌当区 on pace for 8.1, 白云区 behind on 8.1
    // and 8.2, 花溪区 with no values.
    for (name, rows) in [
        ("乌当区", &[("8.1", "500")][..]),
        ("白云区", &[("8.1", "100"), ("8.2", "10")]),
        ("花溪区", &[]),
    ] {
        let d = ws.join(name);
        fs::create_dir(&d).unwrap();
        git(&d, &["init", "-q"]);
        for (id, v) in rows {
            let r = run(wp(&d.join("actuals.csv"), "x").args(["set", id, v]));
            assert_eq!(r.code, 0, "{}", r.stderr);
        }
        // Named last: a district's clone refuses writes.
        fs::write(d.join("district.txt"), format!("{name}\n")).unwrap();
    }
    let report = |args: &[&str]| {
        run(wp_zh(&ws.join("x.csv"), "x", "2025-06-01")
            .args(["report", "--workspace"])
            .arg(&ws)
            .args(args))
    };
    let r = report(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The ranking table: its rows after the header and the rule.
    let order: Vec<&str> = r
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("| 名次"))
        .skip(2)
        .take_while(|l| l.starts_with("| "))
        .map(|l| l.split(" | ").nth(1).unwrap())
        .collect();
    assert_eq!(order, ["乌当区", "花溪区", "白云区"], "{}", r.stdout);
    assert!(
        r.stdout
            .starts_with("# 贵阳市各区县实施“强省会”五年行动工作方案推进情况通报"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("统计日期：2025-06-01"), "{}", r.stdout);
    // These clones have no commit: nothing published.
    assert!(r.stdout.contains("| 50.0% | **未发布** |"), "{}", r.stdout);
    // English, and HTML (tests/report/city_report.rs tests the rest).
    let en = report(&["--lang", "en"]);
    assert!(en.stdout.contains("| Rank | District |"), "{}", en.stdout);
    let html = report(&["--format", "html"]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    assert!(html.stdout.starts_with("<!DOCTYPE html>"));
    // A district whose ledger is broken is listed after, with why.
    fs::write(
        ws.join("花溪区/actuals.csv"),
        "time,user\nnot,a,row,at,all\n",
    )
    .unwrap();
    let r = report(&[]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("## 四、未能读取的区县（1 个）"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("- 花溪区："), "{}", r.stdout);
    assert!(r.stderr.contains("1 个区县未能读取"), "{}", r.stderr);
}

/// Deployment on a shared host: completions and the manual page are made
/// from the command line's definition (every subcommand in them), the man
/// page in the command line's language.
#[test]
fn completions_and_the_man_page_come_from_the_cli_definition() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("actuals.csv");
    let subcommands = [
        "tasks",
        "indicators",
        "set",
        "status",
        "note",
        "series",
        "report",
        "history",
        "undo",
        "export",
        "import",
        "home",
        "publish",
        "pull",
        "paths",
        "ledger",
        "completions",
        "man",
    ];
    let bash = run(wp(&data, "x").args(["completions", "bash"]));
    assert_eq!(bash.code, 0, "{}", bash.stderr);
    let o = Command::new("bash")
        .arg("-n")
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(bash.stdout.as_bytes())?;
            c.wait()
        })
        .unwrap();
    assert!(o.success(), "bash -n rejects the script");
    for s in subcommands {
        assert!(bash.stdout.contains(s), "{s} not in the bash completions");
    }
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let r = run(wp(&data, "x").args(["completions", shell]));
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        assert!(r.stdout.contains("publish"), "{shell}");
    }
    let en = run(wp(&data, "x").arg("man"));
    assert!(en.stdout.starts_with(".ie"), "roff: {}", &en.stdout[..40]);
    assert!(en.stdout.contains("follow the plan from a terminal"));
    let zh = run(wp_zh(&data, "x", "2025-06-01").arg("man"));
    assert!(
        zh.stdout.contains("在终端里跟踪方案落实"),
        "{}",
        &zh.stdout[..200]
    );
    for s in subcommands {
        assert!(
            en.stdout.contains(s) && zh.stdout.contains(s),
            "{s} not in the man page"
        );
    }
    assert_eq!(run(wp(&data, "x").args(["completions", "tcsh"])).code, 2);
}

/// `--workspace` covers the UI, `report` and `pull`; another command is
/// refused with it (exit 2, both languages) and does not read
/// WUDANG_PLAN_WORKSPACE, which a city host sets for everyone; `pull` and
/// `report` do read it.
#[test]
fn the_workspace_is_read_by_what_covers_one_and_refused_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let (data, remote) = setup(dir.path());
    assert_eq!(run(wp(&data, "李明").args(["set", "8.1", "500"])).code, 0);
    assert_eq!(run(wp(&data, "李明").arg("publish")).code, 0);
    let city = dir.path().join("city");
    fs::create_dir(&city).unwrap();
    git(&city, &["clone", "-q", remote.to_str().unwrap(), "乌当区"]);
    let copy = city.join("乌当区/actuals.csv");
    let r = run(wp(&copy, "x")
        .arg("--workspace")
        .arg(&city)
        .arg("indicators"));
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stderr
            .contains("--workspace is for the full-screen UI, report and pull only"),
        "{}",
        r.stderr
    );
    let r = run(wp_zh(&copy, "x", "2025-06-01")
        .arg("--workspace")
        .arg(&city)
        .arg("tasks"));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("错误：--workspace 只用于全屏界面、report 和 pull"),
        "{}",
        r.stderr
    );
    // The variable: not read by indicators (the clone's rows are listed) …
    let r = run(wp(&copy, "x").env("WUDANG_PLAN_WORKSPACE", &city).args([
        "indicators",
        "--task",
        "8",
        "--format",
        "csv",
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("8.1,"), "{}", r.stdout);
    // … read by pull and report.
    let r = run(wp(&copy, "x")
        .env("WUDANG_PLAN_WORKSPACE", &city)
        .arg("pull"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("乌当区: up to date"), "{}", r.stdout);
    let r = run(crate::common::bin()
        .env("WUDANG_PLAN_WORKSPACE", &city)
        .env("WUDANG_PLAN_LANG", "en")
        .args(["--today", "2025-06-01", "report"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("| 1 | 乌当区 |"), "{}", r.stdout);
    // … unless a ledger is named: that district's own report.
    let r = run(wp(&copy, "x")
        .env("WUDANG_PLAN_WORKSPACE", &city)
        .arg("report"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains("| 1 | 乌当区 |"), "{}", r.stdout);
    assert!(
        r.stdout.contains("乌当区实施“强省会”五年行动工作方案"),
        "{}",
        r.stdout
    );
    // The city's report is whole: no --leader, no --group.
    let r = run(wp(&copy, "x")
        .arg("--workspace")
        .arg(&city)
        .args(["report", "--leader", "zkc"]));
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stderr.contains("covers every district whole"),
        "{}",
        r.stderr
    );
    // A workspace with no clone: report refuses it as pull does.
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let r = run(wp(&copy, "x").arg("--workspace").arg(&empty).arg("report"));
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(r.stderr.contains("holds no git clone"), "{}", r.stderr);
    // pull without any workspace says what it needs.
    let r = run(wp(&copy, "x")
        .env_remove("WUDANG_PLAN_WORKSPACE")
        .arg("pull"));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("pull needs a workspace"), "{}", r.stderr);
}

/// A ledger in a district's repository is read with that district's own
/// plan (its `plan/`) when `--plan` is not given; `paths` says so.
#[test]
fn a_districts_ledger_comes_with_its_own_plan() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("白云区");
    let plan = repo.join("plan");
    fs::create_dir_all(&plan).unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for f in fs::read_dir(&seeds).unwrap() {
        let f = f.unwrap().path();
        let text = fs::read_to_string(&f).unwrap().replace("朱快春", "陈敏");
        fs::write(plan.join(f.file_name().unwrap()), text).unwrap();
    }
    let data = repo.join("actuals.csv");
    // Not a district's repository yet: the embedded plan.
    let r = run(wp(&data, "x").args(["tasks", "--leader", "陈敏"]));
    assert_eq!(r.code, 2, "{}", r.stdout);
    fs::write(repo.join("district.txt"), "白云区\n").unwrap();
    let r = run(wp(&data, "x").args(["tasks", "--leader", "陈敏"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run(wp(&data, "x").arg("paths"));
    assert!(
        r.stdout.starts_with(&format!("plan: {}\n", plan.display())),
        "{}",
        r.stdout
    );
}
