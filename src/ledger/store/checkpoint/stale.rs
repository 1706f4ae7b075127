//! Temporary files a checkpoint writer left behind. A writer killed
//! between creating its temporary file (`.actuals.csv.ckpt.PID.N.tmp`)
//! and the rename leaves it beside the ledger; nothing else would ever
//! remove it. Each write of the checkpoint removes those of the same
//! checkpoint that are stale ([`stale`]). Removing a live writer's file by
//! mistake costs only that writer's checkpoint (its rename fails and is
//! not mentioned), never the ledger's data.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// A temporary file whose writer is gone is left this long (a checkpoint
/// is written in seconds; on a shared file system the writer may be a
/// process of another machine, which this one cannot see).
pub(super) const DEAD_WRITER_AGE: Duration = Duration::from_secs(60);

/// A temporary file this old is stale whoever wrote it (a writer of
/// another machine, or a PID reused since).
pub(super) const MAX_AGE: Duration = Duration::from_secs(3600);

/// The PID in `.{ckpt}.{pid}.{n}.tmp`, when `file` is a temporary file of
/// the checkpoint named `ckpt`.
pub(super) fn writer_of(file: &str, ckpt: &str) -> Option<u32> {
    let rest = file
        .strip_prefix('.')?
        .strip_prefix(ckpt)?
        .strip_prefix('.')?;
    let (pid, rest) = rest.split_once('.')?;
    let n = rest.strip_suffix(".tmp")?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(pid) && digits(n)) {
        return None;
    }
    pid.parse().ok()
}

/// A temporary file of age `age` written by `pid` is stale when it is
/// older than [`MAX_AGE`], or older than [`DEAD_WRITER_AGE`] and its
/// writer is not a live process here. This process's own files are
/// never stale (its write in progress).
pub(super) fn stale(pid: u32, age: Duration, alive: impl Fn(u32) -> bool) -> bool {
    pid != std::process::id() && (age > MAX_AGE || (age > DEAD_WRITER_AGE && !alive(pid)))
}

/// Removes the stale temporary files of the checkpoint `ckpt` in `dir`
/// (best effort: what cannot be listed or removed is left); returns how
/// many were removed.
pub(super) fn remove_stale(dir: &Path, ckpt: &str) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let now = SystemTime::now();
    let mut removed = 0;
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(pid) = name.to_str().and_then(|n| writer_of(n, ckpt)) else {
            continue;
        };
        let Ok(meta) = e.metadata() else { continue };
        let age = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .unwrap_or_default();
        if meta.is_file() && stale(pid, age, alive) && fs::remove_file(e.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Whether `pid` is a live process on this machine (signal 0: a process
/// of another user answers "not permitted", and is alive).
#[cfg(unix)]
fn alive(pid: u32) -> bool {
    use rustix::process::{Pid, test_kill_process};
    let Some(pid) = i32::try_from(pid).ok().and_then(Pid::from_raw) else {
        return false;
    };
    !matches!(test_kill_process(pid), Err(rustix::io::Errno::SRCH))
}

/// Elsewhere every writer is taken as alive: only the age counts.
#[cfg(not(unix))]
fn alive(_: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const CKPT: &str = "actuals.csv.ckpt";

    #[test]
    fn only_this_checkpoints_temporary_files_name_a_writer() {
        assert_eq!(
            writer_of(".actuals.csv.ckpt.4242.123456.tmp", CKPT),
            Some(4242)
        );
        for other in [
            "actuals.csv.ckpt",
            ".actuals.csv.ckpt.4242.123456",
            ".actuals.csv.ckpt.4242.tmp",
            ".actuals.csv.ckpt.x42.1.tmp",
            ".actuals.csv.ckpt.42.1x.tmp",
            ".actuals.csv.ckpt..1.tmp",
            ".other.csv.ckpt.4242.1.tmp",
            ".actuals.csv.ckpt.ckpt.4242.1.tmp",
            ".actuals.csv.ckpt.99999999999.1.tmp",
        ] {
            assert_eq!(writer_of(other, CKPT), None, "{other}");
        }
    }

    #[test]
    fn stale_means_old_or_a_dead_writer_not_just_now() {
        let min = Duration::from_secs(60);
        let dead = |_| false;
        let live = |_| true;
        assert!(!stale(7, Duration::from_secs(5), dead), "just written");
        assert!(stale(7, 2 * min, dead));
        assert!(!stale(7, 2 * min, live));
        assert!(stale(7, 61 * min, live), "older than an hour");
        assert!(!stale(std::process::id(), 120 * min, dead), "our own");
    }
}
