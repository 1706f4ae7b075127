use std::fs;

use super::*;
use crate::city::home::init;
use crate::city::publish::publish;

const HEADER: &str = "\u{feff}time,user,id,field,value,old,note,period\n";

fn row(i: u32, user: &str) -> String {
    format!(
        "2025-06-01T10:00:{:02}+08:00,{user},8.1,actual,{i},,,2025\n",
        i % 60
    )
}

/// A district's home with a bare remote, its first rows published.
fn district(root: &Path, name: &str) -> (PathBuf, PathBuf) {
    let remote = root.join(format!("{name}.git"));
    Git::new(root)
        .run(&["init", "-q", "--bare", remote.to_str().unwrap()])
        .unwrap();
    let home = root.join("hosts").join(name);
    fs::create_dir_all(&home).unwrap();
    init(&home, name).unwrap();
    Git::new(&home)
        .run(&["remote", "add", "origin", remote.to_str().unwrap()])
        .unwrap();
    fs::write(
        home.join(LEDGER_FILE),
        format!("{HEADER}{}", row(1, "李明")),
    )
    .unwrap();
    publish(&home.join(LEDGER_FILE), "origin")
        .unwrap()
        .push
        .unwrap();
    (home, remote)
}

fn append(home: &Path, text: &str) {
    let mut f = fs::OpenOptions::new()
        .append(true)
        .open(home.join(LEDGER_FILE))
        .unwrap();
    std::io::Write::write_all(&mut f, text.as_bytes()).unwrap();
}

/// The city: a workspace with a clone of each remote.
fn city(root: &Path, remotes: &[&Path]) -> PathBuf {
    let ws = root.join("city");
    fs::create_dir(&ws).unwrap();
    for r in remotes {
        let name = r.file_stem().unwrap().to_str().unwrap();
        Git::new(&ws)
            .run(&["clone", "-q", r.to_str().unwrap(), name])
            .unwrap();
    }
    ws
}

fn pull_all(ws: &Path) -> Vec<Pulled> {
    let seen = std::sync::atomic::AtomicUsize::new(0);
    let ds = districts(ws).unwrap();
    let out = pull(&ds, 4, &|_| {
        seen.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    });
    assert_eq!(seen.into_inner(), ds.len(), "told after each district");
    out
}

#[test]
fn two_districts_publish_while_the_city_pulls() {
    let dir = tempfile::tempdir().unwrap();
    let (wd, wd_remote) = district(dir.path(), "乌当区");
    let (by, by_remote) = district(dir.path(), "白云区");
    let ws = city(dir.path(), &[&wd_remote, &by_remote]);
    let names: Vec<String> = districts(&ws)
        .unwrap()
        .into_iter()
        .map(|d| d.name)
        .collect();
    assert_eq!(names, ["乌当区", "白云区"]);
    // Nothing new yet.
    for p in pull_all(&ws) {
        assert!(matches!(p.outcome, Outcome::UpToDate), "{p:?}");
        assert!(p.last_publish.is_some());
    }
    // Both publish; only 乌当区 publishes twice.
    append(&wd, &row(2, "王芳"));
    publish(&wd.join(LEDGER_FILE), "origin")
        .unwrap()
        .push
        .unwrap();
    append(&by, &format!("{}{}", row(3, "张伟"), row(4, "张伟")));
    publish(&by.join(LEDGER_FILE), "origin")
        .unwrap()
        .push
        .unwrap();
    append(&wd, &row(5, "李明"));
    publish(&wd.join(LEDGER_FILE), "origin")
        .unwrap()
        .push
        .unwrap();
    let got = pull_all(&ws);
    let lines: Vec<_> = got
        .iter()
        .map(|p| match p.outcome {
            Outcome::Updated {
                lines_before,
                lines_after,
            } => (p.district.name.as_str(), lines_before, lines_after),
            ref o => panic!("{o:?}"),
        })
        .collect();
    assert_eq!(lines, [("乌当区", 2, 4), ("白云区", 2, 4)]);
    for name in ["乌当区", "白云区"] {
        let home = dir.path().join("hosts").join(name);
        assert_eq!(
            fs::read(ws.join(format!("{name}/{LEDGER_FILE}"))).unwrap(),
            fs::read(home.join(LEDGER_FILE)).unwrap(),
            "{name}: the city has every published row"
        );
    }
}

#[test]
fn a_rewritten_history_or_ledger_is_refused_and_the_copy_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (wd, remote) = district(dir.path(), "乌当区");
    let ws = city(dir.path(), &[&remote]);
    let copy = ws.join("乌当区");
    let kept = fs::read(copy.join(LEDGER_FILE)).unwrap();
    // The home rewrites its last row by hand and amends the published
    // commit, then forces the push.
    fs::write(wd.join(LEDGER_FILE), format!("{HEADER}{}", row(9, "李明"))).unwrap();
    let g = Git::new(&wd);
    g.run(&["add", LEDGER_FILE]).unwrap();
    g.run(&[
        "-c",
        "user.name=x",
        "-c",
        "user.email=x@x",
        "commit",
        "-q",
        "--amend",
        "-m",
        "rewritten",
    ])
    .unwrap();
    g.run(&["push", "-q", "-f", "origin", "HEAD"]).unwrap();
    let p = pull_all(&ws).pop().unwrap();
    let Outcome::Refused(why) = &p.outcome else {
        panic!("{p:?}")
    };
    assert!(why.to_string().contains("history was rewritten"), "{why}");
    assert!(why.text(crate::vocab::Lang::Zh).contains("乌当区"));
    assert_eq!(fs::read(copy.join(LEDGER_FILE)).unwrap(), kept);
    // A fresh city clone; then a hand-edited ledger committed on top (a
    // fast-forward that rewrites row 2).
    let ws2 = dir.path().join("city2");
    fs::create_dir(&ws2).unwrap();
    Git::new(&ws2)
        .run(&["clone", "-q", remote.to_str().unwrap(), "乌当区"])
        .unwrap();
    fs::write(
        wd.join(LEDGER_FILE),
        format!("{HEADER}{}{}", row(8, "李明"), row(2, "王芳")),
    )
    .unwrap();
    g.run(&["add", LEDGER_FILE]).unwrap();
    g.run(&[
        "-c",
        "user.name=x",
        "-c",
        "user.email=x@x",
        "commit",
        "-q",
        "-m",
        "edit",
    ])
    .unwrap();
    g.run(&["push", "-q", "origin", "HEAD"]).unwrap();
    let before = fs::read(ws2.join("乌当区").join(LEDGER_FILE)).unwrap();
    let p = pull_all(&ws2).pop().unwrap();
    let Outcome::Refused(why) = &p.outcome else {
        panic!("{p:?}")
    };
    assert!(why.to_string().contains("line 2"), "{why}");
    assert_eq!(
        fs::read(ws2.join("乌当区").join(LEDGER_FILE)).unwrap(),
        before
    );
}

#[test]
fn an_unreachable_district_fails_alone_and_staleness_is_by_last_publish() {
    let dir = tempfile::tempdir().unwrap();
    let (_wd, wd_remote) = district(dir.path(), "乌当区");
    let (_by, by_remote) = district(dir.path(), "白云区");
    let ws = city(dir.path(), &[&wd_remote, &by_remote]);
    fs::rename(&by_remote, dir.path().join("gone.git")).unwrap();
    let got = pull_all(&ws);
    assert!(matches!(got[0].outcome, Outcome::UpToDate), "{:?}", got[0]);
    let Outcome::Failed(e) = &got[1].outcome else {
        panic!("{:?}", got[1])
    };
    assert!(e.to_string().contains("git fetch -q origin"), "{e}");
    let t = got[0].last_publish.unwrap();
    assert!(!got[0].stale(t + 86_400, 1));
    assert!(got[0].stale(t + 86_401, 1));
}

#[test]
fn a_district_named_with_a_colon_gets_a_full_width_one_and_a_second_clone_its_directory() {
    let ws = tempfile::tempdir().unwrap();
    for (dir, name) in [("a", "南:明区\n"), ("b", ""), ("c", "南:明区")] {
        let repo = ws.path().join(dir);
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::fs::write(repo.join(crate::city::DISTRICT_FILE), name).unwrap();
    }
    let names: Vec<_> = districts(ws.path())
        .unwrap()
        .into_iter()
        .map(|d| d.name)
        .collect();
    assert_eq!(names, ["b", "南：明区", "南：明区（c）"]);
}

/// The one district of workspace `ws` pulled: the ledger's lines before
/// and after when rows came, `None` when up to date (else a panic).
fn pulled_lines(ws: &Path) -> Option<(u64, u64)> {
    match &pull_all(ws)[0].outcome {
        Outcome::Updated {
            lines_before,
            lines_after,
        } => Some((*lines_before, *lines_after)),
        Outcome::UpToDate => None,
        other => panic!("{other:?}"),
    }
}

fn publish_now(home: &Path) {
    publish(&home.join(LEDGER_FILE), "origin")
        .unwrap()
        .push
        .unwrap();
}

/// A clone with nothing checked out (made before the district's first
/// publish, or from a server whose HEAD names another branch than the one
/// the district pushes) takes the district's branch on pull.
#[test]
fn a_clone_with_nothing_checked_out_takes_the_districts_branch() {
    let root = tempfile::tempdir().unwrap();
    let root = root.path();
    // The server defaults to trunk; the district pushes main.
    let remote = root.join("白云区.git");
    let r = remote.to_str().unwrap();
    Git::new(root)
        .run(&["init", "-q", "--bare", "-b", "trunk", r])
        .unwrap();
    let home = root.join("hosts/白云区");
    fs::create_dir_all(&home).unwrap();
    Git::new(&home).run(&["init", "-q", "-b", "main"]).unwrap();
    init(&home, "白云区").unwrap();
    Git::new(&home)
        .run(&["remote", "add", "origin", r])
        .unwrap();
    // The city clones before anything is published: nothing to take yet.
    let ws = city(root, &[&remote]);
    assert_eq!(pulled_lines(&ws), None);
    fs::write(
        home.join(LEDGER_FILE),
        format!("{HEADER}{}", row(1, "王芳")),
    )
    .unwrap();
    publish_now(&home);
    assert_eq!(pulled_lines(&ws), Some((1, 2)));
    assert_eq!(
        fs::read(ws.join("白云区").join(LEDGER_FILE)).unwrap(),
        fs::read(home.join(LEDGER_FILE)).unwrap()
    );
    // From then on, an ordinary clone: the next rows fast-forward.
    append(&home, &row(2, "王芳"));
    publish_now(&home);
    assert_eq!(pulled_lines(&ws), Some((2, 3)));
    // A fresh clone of that server (HEAD trunk, unborn) takes main too.
    let late = root.join("late");
    fs::create_dir(&late).unwrap();
    Git::new(&late).run(&["clone", "-q", r, "白云区"]).unwrap();
    assert!(pulled_lines(&late).is_some());
    assert!(late.join("白云区").join(LEDGER_FILE).exists());
}
