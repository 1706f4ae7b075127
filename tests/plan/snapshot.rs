//! The plan snapshot (`plan.snap`, docs/data.md "The plan snapshot"): a
//! load through it gives the plan parsing gives, reads no record of the
//! seed files when they have not changed, and in every fault case (cut
//! short, a byte changed, stale after a same-size edit, another plan's, a
//! directory or a symlink in its place, a directory it cannot be written
//! to, two writers at once) gives the parsed plan and nothing else.

use std::fs;
use std::path::{Path, PathBuf};

use wudang_plan::plan::snapshot::{self, SNAPSHOT, Source, load_dir_snapshotted, snapshot_path};
use wudang_plan::plan::{self, Plan};

use crate::genplan::{self, Sizes};

const SIZES: Sizes = Sizes {
    tasks: 30,
    indicators: 400,
    leaders: 20,
    rows: 0,
};

/// A generated plan's directory (seed `seed`).
fn generated(seed: u64) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    genplan::generate(dir.path(), SIZES, seed).unwrap();
    let plan = dir.path().join("plan");
    (dir, plan)
}

/// Loads through the snapshot with no fallback place: the plan, where it
/// came from, and how many seed records this thread read meanwhile.
fn load(dir: &Path) -> (Plan, Source, u64) {
    load_with(dir, None)
}

fn load_with(dir: &Path, cache: Option<&Path>) -> (Plan, Source, u64) {
    let before = plan::load::records_read();
    let (plan, from) = load_dir_snapshotted(dir, cache).unwrap();
    (plan, from, plan::load::records_read() - before)
}

fn wrote(at: &Path) -> Source {
    Source::Seeds {
        wrote: Some(at.to_path_buf()),
    }
}

#[test]
fn a_snapshot_load_equals_parsing_and_reads_no_record() {
    let (_d, dir) = generated(3);
    let parsed = plan::load_dir(&dir).unwrap();
    let (first, from, records) = load(&dir);
    assert_eq!(from, wrote(&snapshot_path(&dir)));
    assert!(records > SIZES.indicators as u64, "{records}");
    assert_eq!(first, parsed);
    let (again, from, records) = load(&dir);
    assert_eq!(from, Source::Snapshot(snapshot_path(&dir)));
    assert_eq!(records, 0, "a snapshot load parses no CSV record");
    assert_eq!(again, parsed);
    // The lookups the indexes answer, as parsing's.
    for ind in &parsed.indicators {
        assert_eq!(
            again.indicator_pos(ind.id()),
            parsed.indicator_pos(ind.id())
        );
        assert_eq!(
            again.indicator_positions_of(&ind.task),
            parsed.indicator_positions_of(&ind.task)
        );
    }
    for t in &parsed.tasks {
        let rows = |p: &Plan| p.rows_of(&t.id).map(|r| r.id.clone()).collect::<Vec<_>>();
        assert_eq!(rows(&again), rows(&parsed));
        assert_eq!(again.task_pos(&t.id), parsed.task_pos(&t.id));
    }
    assert!(again.row(&parsed.rows[3].id).is_some());
}

#[test]
fn the_embedded_plan_through_a_snapshot_equals_the_embedded_plan() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["groups", "tasks", "rows", "indicators", "period"] {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("seeds/{f}.csv"));
        fs::copy(src, dir.path().join(format!("{f}.csv"))).unwrap();
    }
    let embedded = plan::load_embedded().unwrap();
    let (first, _, _) = load(dir.path());
    let (again, from, records) = load(dir.path());
    assert!(matches!(from, Source::Snapshot(_)));
    assert_eq!(records, 0);
    assert_eq!(first, embedded);
    assert_eq!(again, embedded);
}

/// A fault made to the snapshot of a loaded plan: the next load parses
/// the seeds, gives the parsed plan and writes the snapshot again.
fn rebuilt_after(fault: impl FnOnce(&Path)) {
    let (_d, dir) = generated(5);
    let parsed = plan::load_dir(&dir).unwrap();
    load(&dir);
    fault(&snapshot_path(&dir));
    let (got, from, records) = load(&dir);
    assert_eq!(got, parsed);
    assert!(records > 0, "parsed again");
    assert_eq!(from, wrote(&snapshot_path(&dir)));
    let (_, from, records) = load(&dir);
    assert_eq!((from, records), (Source::Snapshot(snapshot_path(&dir)), 0));
}

#[test]
fn a_snapshot_cut_short_is_rebuilt() {
    for keep in [0, 7, 100, 5000] {
        rebuilt_after(|p| {
            let bytes = fs::read(p).unwrap();
            fs::write(p, &bytes[..keep.min(bytes.len() - 1)]).unwrap();
        });
    }
    rebuilt_after(|p| {
        let bytes = fs::read(p).unwrap();
        fs::write(p, &bytes[..bytes.len() - 1]).unwrap();
    });
}

#[test]
fn a_snapshot_with_a_byte_changed_anywhere_is_rebuilt() {
    for at in [0.0, 0.001, 0.3, 0.6, 0.999] {
        rebuilt_after(|p| {
            let mut bytes = fs::read(p).unwrap();
            let i = ((bytes.len() - 1) as f64 * at) as usize;
            bytes[i] ^= 0x04;
            fs::write(p, bytes).unwrap();
        });
    }
}

#[test]
fn a_directory_or_a_fifo_in_its_place_is_not_read() {
    rebuilt_after(|p| fs::remove_file(p).unwrap());
    // A directory: neither read nor replaced; the load parses and says
    // nothing (what a read-only directory does, even for root).
    let (_d, dir) = generated(6);
    fs::create_dir(snapshot_path(&dir)).unwrap();
    let (got, from, _) = load(&dir);
    assert_eq!(got, plan::load_dir(&dir).unwrap());
    assert_eq!(from, Source::Seeds { wrote: None });
    assert!(snapshot_path(&dir).is_dir());
    // Nothing left behind but the seeds and that directory.
    let mut names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "groups.csv",
            "indicators.csv",
            "period.csv",
            SNAPSHOT,
            "rows.csv",
            "tasks.csv"
        ]
    );
    #[cfg(unix)]
    {
        let (_d, dir) = generated(6);
        let made = std::process::Command::new("mkfifo")
            .arg(snapshot_path(&dir))
            .status();
        if made.is_ok_and(|s| s.success()) {
            // Opened without blocking, not a regular file: skipped, then
            // replaced by the rename.
            let (got, from, _) = load(&dir);
            assert_eq!(got, plan::load_dir(&dir).unwrap());
            assert_eq!(from, wrote(&snapshot_path(&dir)));
        }
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_in_its_place_is_replaced_never_written_through() {
    let (_d, dir) = generated(8);
    let other = tempfile::tempdir().unwrap();
    let target = other.path().join("precious.txt");
    fs::write(&target, "not a snapshot").unwrap();
    std::os::unix::fs::symlink(&target, snapshot_path(&dir)).unwrap();
    let (got, from, _) = load(&dir);
    assert_eq!(got, plan::load_dir(&dir).unwrap());
    assert_eq!(from, wrote(&snapshot_path(&dir)));
    assert_eq!(fs::read_to_string(&target).unwrap(), "not a snapshot");
    let meta = fs::symlink_metadata(snapshot_path(&dir)).unwrap();
    assert!(meta.file_type().is_file());
}

#[test]
fn a_same_size_edit_of_a_seed_makes_it_stale() {
    let (_d, dir) = generated(9);
    load(&dir);
    // One character of a name changed, same length, same time stamp.
    let path = dir.join("indicators.csv");
    let meta = fs::metadata(&path).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let first = plan::load_dir(&dir).unwrap().indicators[5]
        .name()
        .to_string();
    let (a, b) = if first.contains('项') {
        ('项', '目')
    } else {
        let c = first.chars().next().unwrap();
        (c, if c == '甲' { '乙' } else { '甲' })
    };
    let edited = first.replacen(a, &b.to_string(), 1);
    assert_eq!(edited.len(), first.len());
    let text = text.replacen(&format!(",{first},"), &format!(",{edited},"), 1);
    fs::write(&path, &text).unwrap();
    let f = fs::File::options().write(true).open(&path).unwrap();
    f.set_modified(meta.modified().unwrap()).unwrap();
    drop(f);
    let after = fs::metadata(&path).unwrap();
    assert_eq!(
        (after.len(), after.modified().unwrap()),
        (meta.len(), meta.modified().unwrap())
    );
    let (got, from, records) = load(&dir);
    assert!(records > 0);
    assert_eq!(from, wrote(&snapshot_path(&dir)));
    assert_eq!(got.indicators[5].name(), edited);
    assert_eq!(got, plan::load_dir(&dir).unwrap());
}

#[test]
fn another_plans_snapshot_is_not_used() {
    let (_a, a) = generated(10);
    let (_b, b) = generated(11);
    load(&b);
    fs::copy(snapshot_path(&b), snapshot_path(&a)).unwrap();
    let (got, from, records) = load(&a);
    assert!(records > 0);
    assert_eq!(from, wrote(&snapshot_path(&a)));
    assert_eq!(got, plan::load_dir(&a).unwrap());
    assert_ne!(got, plan::load_dir(&b).unwrap());
    // A snapshot of another program version or format: the same.
    let mut bytes = fs::read(snapshot_path(&a)).unwrap();
    bytes[8] ^= 1; // the format version
    fs::write(snapshot_path(&a), bytes).unwrap();
    let (_, from, _) = load(&a);
    assert_eq!(from, wrote(&snapshot_path(&a)));
}

#[test]
fn where_the_plan_directory_cannot_hold_it_the_cache_does() {
    let (_d, dir) = generated(12);
    // The plan directory refuses it (a directory in its place: what a
    // read-only directory does, even for root).
    fs::create_dir(snapshot_path(&dir)).unwrap();
    let cache = tempfile::tempdir().unwrap();
    let at = cache.path().join("plans").join("x.snap");
    let (first, from, _) = load_with(&dir, Some(&at));
    assert_eq!(from, wrote(&at));
    let (again, from, records) = load_with(&dir, Some(&at));
    assert_eq!((from, records), (Source::Snapshot(at.clone()), 0));
    assert_eq!(again, first);
    // The cache's place is named by the plan directory's real path.
    let named = snapshot::cache_path(&dir);
    if let Some(named) = named {
        assert_eq!(named.extension().unwrap(), "snap");
        let via = dir.join("..").join("plan");
        assert_eq!(snapshot::cache_path(&via), Some(named));
    }
}

#[test]
fn two_writers_at_once_leave_one_whole_snapshot() {
    let (_d, dir) = generated(13);
    let parsed = plan::load_dir(&dir).unwrap();
    // Eight loads at once, each parsing and writing its snapshot through
    // its own temporary file and a rename: whichever rename is last, the
    // file is one whole snapshot.
    std::thread::scope(|s| {
        let loads: Vec<_> = (0..8).map(|_| s.spawn(|| load(&dir).0)).collect();
        for l in loads {
            assert_eq!(l.join().unwrap(), parsed);
        }
    });
    let (got, from, records) = load(&dir);
    assert_eq!((from, records), (Source::Snapshot(snapshot_path(&dir)), 0));
    assert_eq!(got, parsed);
    let names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn two_processes_writing_at_once_leave_one_whole_snapshot() {
    // Big enough for the binary to keep a snapshot (`SNAPSHOT_MIN_LEN`).
    let d = tempfile::tempdir().unwrap();
    let big = Sizes {
        tasks: 600,
        indicators: 7_000,
        ..SIZES
    };
    genplan::generate(d.path(), big, 14).unwrap();
    let dir = d.path().join("plan");
    let seeds: u64 = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    assert!(seeds >= snapshot::SNAPSHOT_MIN_LEN, "{seeds}");
    let data = tempfile::tempdir().unwrap();
    let cmd = || {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_wudang-plan"));
        c.arg("--plan")
            .arg(&dir)
            .arg("--data")
            .arg(data.path().join("actuals.csv"))
            .args(["--today", "2025-06-30", "tasks", "--format", "json"])
            .stdout(std::process::Stdio::piped());
        c
    };
    // Four processes at once, each finding no snapshot and writing one.
    let runs: Vec<_> = (0..4).map(|_| cmd().spawn().unwrap()).collect();
    let outs: Vec<_> = runs
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    let again = cmd().output().unwrap();
    for o in &outs {
        assert!(o.status.success());
        assert_eq!(o.stdout, again.stdout);
    }
    let (got, from, _) = load(&dir);
    assert_eq!(from, Source::Snapshot(snapshot_path(&dir)));
    assert_eq!(got, plan::load_dir(&dir).unwrap());
}

#[test]
fn a_plan_with_errors_writes_no_snapshot() {
    let (_d, dir) = generated(15);
    let path = dir.join("rows.csv");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("{text}X1,nope,t,t,张三,区发改局,李四\n")).unwrap();
    let err = load_dir_snapshotted(&dir, None).unwrap_err();
    assert_eq!(err, plan::load_dir(&dir).unwrap_err());
    assert!(!snapshot_path(&dir).exists());
}

#[test]
fn a_small_plan_has_no_snapshot() {
    // The mini plan of the fixtures, copied: far below a megabyte.
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-plan");
    for e in fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
    }
    let got = plan::load_dir_with_snapshot(dir.path()).unwrap();
    assert_eq!(got, plan::load_dir(dir.path()).unwrap());
    assert!(!snapshot_path(dir.path()).exists());
}
