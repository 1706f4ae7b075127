//! The real binary over a workspace (the city's view, issue 14) in a
//! pseudo-terminal at 100×30: two districts' homes publish to bare
//! remotes through git, the city clones them into a workspace and opens
//! `wudang-plan --workspace DIR`.

use std::path::Path;
use std::time::Duration;

use super::pty::{Tui, cli};

/// `program` with a git identity (a host with none commits too).
fn with_identity(program: &str) -> std::process::Command {
    let mut c = std::process::Command::new(program);
    c.env("GIT_CONFIG_NOSYSTEM", "1");
    for k in ["GIT_AUTHOR", "GIT_COMMITTER"] {
        c.env(format!("{k}_NAME"), "x")
            .env(format!("{k}_EMAIL"), "x@x");
    }
    c
}

fn git(args: &[&str]) {
    let o = with_identity("git").args(args).output().unwrap();
    assert!(o.status.success(), "git {args:?}: {o:?}");
}

/// A district's home at `root/home-NAME` with the values `sets` (id,
/// value, user) recorded and published to `root/NAME.git`, cloned into
/// `root/ws/NAME`.
pub(super) fn district(root: &Path, name: &str, sets: &[(&str, &str, &str)]) {
    let home = root.join(format!("home-{name}"));
    std::fs::create_dir_all(&home).unwrap();
    let remote = root.join(format!("{name}.git"));
    let (h, r) = (home.to_str().unwrap(), remote.to_str().unwrap());
    git(&["init", "-q", "--bare", r]);
    let data = home.join("actuals.csv");
    let d = data.to_str().unwrap();
    assert!(cli(&["--data", d, "home", name]).status.success());
    git(&["-C", h, "remote", "add", "origin", r]);
    for (id, value, user) in sets {
        let o = cli(&[
            "--data",
            d,
            "--user",
            user,
            "--today",
            "2025-06-30",
            "set",
            id,
            value,
        ]);
        assert!(o.status.success(), "{o:?}");
    }
    let o = with_identity(env!("CARGO_BIN_EXE_wudang-plan"))
        .args(["--data", d, "publish"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{o:?}");
    let ws = root.join("ws");
    std::fs::create_dir_all(&ws).unwrap();
    git(&["clone", "-q", r, ws.join(name).to_str().unwrap()]);
}

#[test]
fn the_citys_view_of_two_districts_at_100x30() {
    let dir = tempfile::tempdir().unwrap();
    district(dir.path(), "乌当区", &[("8.1", "3", "李明")]);
    district(
        dir.path(),
        "白云区",
        &[("1.1", "900", "王芳"), ("7.4", "完成", "王芳")],
    );
    let ws = dir.path().join("ws");
    let clone = ws.join("乌当区").join("actuals.csv");
    let before = std::fs::read(&clone).unwrap();
    let args = ["--workspace", ws.to_str().unwrap(), "--today", "2025-06-30"];
    let mut t = Tui::start(&args, &[]);
    // The district level, its roll-up, and why nothing can be recorded.
    let s = t.wait_all(&[
        "全部（56 项任务）",
        "- ► 红  乌当区",
        "2 个区县的“强省会”五年行动工作方案",
        "只读：这是市里汇总各区县台账的视图",
    ]);
    assert!(!s.contains("e 填报"), "{s}");
    // A district's detail says when it last published (its clone's newest
    // commit, read by git on the ledger thread).
    t.send("j");
    let s = t.wait_text("最近发布：");
    assert!(!s.contains("逾期未发布"), "published today: {s}");
    // A qualified id jumps into its district; its history is that
    // district's ledger's.
    t.send(":白云区:1.1\r");
    t.wait_text("白云区:1.1");
    t.send("H");
    t.wait_all(&["白云区:1.1 修改记录（1 条）", "王芳", "900 个"]);
    t.send("H");
    // A bare id is taken in the district at hand.
    t.send(":8.1\r");
    t.wait_text("白云区:8.1 工业总产值");
    t.send(":乌当区:8.1\r");
    t.wait_text("乌当区:8.1 工业总产值");
    t.send("e");
    t.wait_text("只读：这是市里汇总各区县台账的视图");
    // The overview rolls up each district.
    t.send("o");
    let s = t.wait_all(&["按区县", "按责任领导"]);
    let line = |name: &str| {
        s.lines()
            .find(|l| l.contains(name) && l.contains('红'))
            .unwrap_or_else(|| panic!("no {name} line:\n{s}"))
            .to_string()
    };
    assert!(line("乌当区").contains("红  1"), "{s}");
    assert!(line("白云区").contains("绿  2"), "{s}");
    t.send("q");
    t.send("q");
    let s = t.screen();
    assert!(
        t.exited_within(Duration::from_secs(5)).is_some(),
        "still running after q; screen:\n{s}"
    );
    assert_eq!(std::fs::read(&clone).unwrap(), before, "nothing written");
}

/// One district's ledger that cannot be read hides only that district's
/// values: the view opens with the others', counts the warning on its
/// status line and names the district once it closes.
#[test]
fn a_districts_broken_ledger_leaves_the_others_shown() {
    let dir = tempfile::tempdir().unwrap();
    district(dir.path(), "乌当区", &[("1.1", "900", "李明")]);
    district(dir.path(), "白云区", &[("1.1", "900", "王芳")]);
    let ws = dir.path().join("ws");
    std::fs::write(ws.join("白云区").join("actuals.csv"), "nonsense\n1,2\n").unwrap();
    let args = ["--workspace", ws.to_str().unwrap(), "--today", "2025-06-30"];
    let mut t = Tui::start(&args, &[]);
    let s = t.wait_all(&["台账有 1 条警告，退出后列出", "► 绿   1 加强区域科技创新"]);
    // 乌当区's value is there; 白云区 has none.
    t.send(":白云区:1.1\r");
    t.wait_text("白云区:1.1");
    let s2 = t.wait_text("? 无数据  灰");
    assert!(s2.contains("白云区:1.1   新建国家级重点实"), "{s2}");
    t.send("q");
    let after = t.wait_text("警告：白云区 的台账无法读取，其指标显示为无数据");
    assert!(!after.contains("乌当区 的台账"), "{s}\n{after}");
    assert!(t.child.wait().unwrap().success());
}
