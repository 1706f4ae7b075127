//! `paths` with `--plan`: the plan snapshot (docs/data.md, "The plan
//! snapshot"), beside the seeds and its fallback in the user's cache
//! directory, each with whether it is there, and whether the plan is big
//! enough to have one.

use std::fs;
use std::path::Path;

use crate::common::*;

/// `paths --plan DIR` with HOME at `home` (no XDG cache variable): its
/// stdout.
fn paths(dir: &Path, home: &Path) -> String {
    let r = run(bin()
        .args(["paths", "--data", "l.csv", "--plan"])
        .arg(dir)
        .env("HOME", home)
        .env("WUDANG_PLAN_LANG", "en")
        .env_remove("XDG_CACHE_HOME"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
}

#[test]
fn paths_names_the_plan_snapshot_and_whether_it_is_there() {
    let home = tempfile::tempdir().unwrap();
    let plan = tempfile::tempdir().unwrap();
    let dir = plan.path();
    // Seed files of 1 MiB or more have a snapshot.
    fs::write(dir.join("indicators.csv"), vec![b'x'; 1 << 20]).unwrap();
    let snap = dir.join("plan.snap");
    let cache = home.path().join(".cache/wudang-plan/plans");
    let out = paths(dir, home.path());
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], format!("plan: {}", dir.display()));
    assert_eq!(
        lines[1],
        format!("plan snapshot: {} (absent)", snap.display())
    );
    let fallback = lines[2]
        .strip_prefix(&format!("plan snapshot fallback: {}/", cache.display()))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(fallback.ends_with(".snap (absent)"), "{out}");
    assert!(lines[3].starts_with("ledger: "), "{out}");
    // Each one there.
    fs::write(&snap, b"x").unwrap();
    fs::create_dir_all(&cache).unwrap();
    let name = fallback.trim_end_matches(" (absent)");
    fs::write(cache.join(name), b"x").unwrap();
    let out = paths(dir, home.path());
    assert!(
        out.contains(&format!("plan snapshot: {} (exists)\n", snap.display())),
        "{out}"
    );
    assert!(out.contains(&format!("/{name} (exists)\n")), "{out}");
    // Seed files under 1 MiB are parsed each time: the snapshot is not
    // used, even when one is there.
    fs::write(dir.join("indicators.csv"), b"x").unwrap();
    let out = paths(dir, home.path());
    assert!(
        out.contains(&format!(
            "plan snapshot: {} (exists; not used: seed files under 1 MiB are parsed each time)\n",
            snap.display()
        )),
        "{out}"
    );
}
