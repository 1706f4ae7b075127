//! The plan snapshot (`plan.snap` in the plan's directory): the loaded
//! plan in a binary file, so that a command on a big plan whose seed files
//! have not changed reads the snapshot instead of parsing and checking the
//! CSV again (100,000 indicators: 0.5 s of parsing). It is derived, never
//! the source of truth; see docs/data.md, "The plan snapshot".
//!
//! - Valid when it is whole (a hash of all its bytes ends it), of this
//!   format and program version, and made from seed files with the same
//!   bytes: every seed file is read and hashed each time (a few
//!   milliseconds), so an edit that keeps a file's size and time is seen.
//! - Written after a load that parsed the seeds, if they did not change
//!   while they were parsed (hashed before and after), atomically: a
//!   temporary file in the same directory, then a rename. A reader sees a
//!   whole snapshot or none; of two writers the last rename stays (both
//!   wrote the same plan).
//! - Where: beside the seeds; when that directory cannot hold it (read
//!   only), in the user's cache directory under a name made from the
//!   plan directory's canonical path; when neither can, nowhere, and
//!   nothing is said.
//! - `check` does not use it (it is the command that parses and checks
//!   the seeds); the embedded plan and plans of less than
//!   [`SNAPSHOT_MIN_LEN`] bytes of seeds have none (they parse quickly).

mod format;

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use super::load::{GROUPS, INDICATORS, PERIOD, PlanErrors, ROWS, TASKS, load_dir};
use super::model::Plan;
use format::{Digest, In, MAGIC, Out, PROGRAM, Sum, VERSION};

/// The snapshot's file name in the plan directory.
pub const SNAPSHOT: &str = "plan.snap";

/// `dir/plan.snap`.
pub fn snapshot_path(dir: &Path) -> PathBuf {
    dir.join(SNAPSHOT)
}

/// Where the snapshot of the plan in `dir` goes when `dir` cannot hold it:
/// `plans/<hash of dir's canonical path>.snap` in the user's cache
/// directory (`~/.cache/wudang-plan/` on Linux); `None` without a home
/// directory or when `dir` does not resolve.
pub fn cache_path(dir: &Path) -> Option<PathBuf> {
    let canonical = dir.canonicalize().ok()?;
    let base = directories::ProjectDirs::from("", "", "wudang-plan")?;
    let mut d = Digest::default();
    d.update(canonical.as_os_str().as_encoded_bytes());
    Some(
        base.cache_dir()
            .join("plans")
            .join(format!("{:016x}.snap", d.finish())),
    )
}

/// Where a load came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The snapshot at this path.
    Snapshot(PathBuf),
    /// The seed files, parsed and checked; and where the snapshot was
    /// written (`None`: nowhere it could be, or the seeds changed while
    /// they were read).
    Seeds { wrote: Option<PathBuf> },
}

/// Seed files shorter than this in all (about 7,000 indicators) are
/// parsed each time, with no snapshot: parsing them takes a few tens of
/// milliseconds at most (the embedded plan's 63 KB: about a millisecond).
pub const SNAPSHOT_MIN_LEN: u64 = 1 << 20;

/// Loads the plan in `dir` through its snapshot (see the module
/// documentation): the plan [`load_dir`] would give, the same errors.
pub fn load_dir_with_snapshot(dir: &Path) -> Result<Plan, PlanErrors> {
    if seeds_len(dir) < SNAPSHOT_MIN_LEN {
        return load_dir(dir);
    }
    load_dir_snapshotted(dir, cache_path(dir).as_deref()).map(|(plan, _)| plan)
}

/// The seed files' total length by their metadata (0 for one missing).
pub(crate) fn seeds_len(dir: &Path) -> u64 {
    [PERIOD, GROUPS, TASKS, ROWS, INDICATORS]
        .iter()
        .filter_map(|f| fs::metadata(dir.join(f)).ok())
        .map(|m| m.len())
        .sum()
}

/// [`load_dir_with_snapshot`] at any size, with the fallback place given
/// (`cache`), saying where the plan came from.
pub fn load_dir_snapshotted(
    dir: &Path,
    cache: Option<&Path>,
) -> Result<(Plan, Source), PlanErrors> {
    let places = [Some(snapshot_path(dir)), cache.map(Path::to_path_buf)];
    let seeds = seeds_hash(dir);
    if let Some(seeds) = seeds {
        for p in places.iter().flatten() {
            if let Some(plan) = read_snapshot(p, seeds) {
                return Ok((plan, Source::Snapshot(p.clone())));
            }
        }
    }
    let plan = load_dir(dir)?;
    let mut wrote = None;
    // Only when the seeds parsed are the seeds hashed.
    if let Some(seeds) = seeds.filter(|&s| seeds_hash(dir) == Some(s)) {
        let bytes = encode(&plan, seeds.hash);
        wrote = places
            .into_iter()
            .flatten()
            .find(|p| write_atomically(p, &bytes).is_ok());
    }
    Ok((plan, Source::Seeds { wrote }))
}

/// The hash of the seed files' bytes and their total length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seeds {
    hash: u64,
    len: u64,
}

/// Every seed file's bytes hashed, in load order, with whether
/// `period.csv` is there; `None` when one cannot be read (the load then
/// reports it).
fn seeds_hash(dir: &Path) -> Option<Seeds> {
    let mut all = Digest::default();
    let mut buf = vec![0u8; 64 * 1024];
    let mut len = 0;
    for name in [PERIOD, GROUPS, TASKS, ROWS, INDICATORS] {
        all.update(name.as_bytes());
        let mut f = match File::open(dir.join(name)) {
            Ok(f) => f,
            Err(e) if name == PERIOD && e.kind() == io::ErrorKind::NotFound => {
                all.update(&[0]);
                continue;
            }
            Err(_) => return None,
        };
        all.update(&[1]);
        let mut d = Digest::default();
        loop {
            match f.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    d.update(buf.get(..n)?);
                    len += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        all.update(&d.finish().to_le_bytes());
    }
    Some(Seeds {
        hash: all.finish(),
        len,
    })
}

/// The snapshot's bytes: header (magic, versions, the seeds' hash), the
/// plan, the hash of everything before it.
fn encode(plan: &Plan, seeds: u64) -> Vec<u8> {
    let mut out = Out::default();
    out.buf.extend_from_slice(MAGIC);
    out.buf.extend_from_slice(&VERSION.to_le_bytes());
    out.str(PROGRAM);
    out.buf.extend_from_slice(&seeds.to_le_bytes());
    format::encode_plan(&mut out, plan);
    let mut d = Digest::default();
    d.update(&out.buf);
    let sum = d.finish();
    out.buf.extend_from_slice(&sum.to_le_bytes());
    out.buf
}

/// The plan in the snapshot at `path` when it is a regular file, not
/// larger than the seeds allow, whole, of this version and made from
/// these seeds.
fn read_snapshot(path: &Path, seeds: Seeds) -> Option<Plan> {
    let f = open_nonblocking(path).ok()?;
    let meta = f.metadata().ok()?;
    // Its texts come from the seeds: never much longer than they are.
    let most = seeds.len.saturating_mul(2).saturating_add(1 << 20);
    if !meta.is_file() || meta.len() > most {
        return None;
    }
    decode(f, meta.len(), seeds.hash)
}

fn decode(src: impl Read, len: u64, seeds: u64) -> Option<Plan> {
    let mut r = In::new(src, len.checked_sub(8)?);
    if r.take(MAGIC.len())? != MAGIC.as_slice()
        || u32::from_le_bytes(r.take(4)?.try_into().ok()?) != VERSION
        || r.text()? != PROGRAM
        || u64::from_le_bytes(r.take(8)?.try_into().ok()?) != seeds
    {
        return None;
    }
    let plan = format::decode_plan(&mut r)?;
    r.at_end().then_some(plan)
}

#[cfg(unix)]
fn open_nonblocking(p: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let flags = rustix::fs::OFlags::NONBLOCK.bits();
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags as i32)
        .open(p)
}

#[cfg(not(unix))]
fn open_nonblocking(p: &Path) -> io::Result<File> {
    File::open(p)
}

/// A temporary file older than this is a writer's that was killed before
/// its rename (a snapshot is written in well under a second).
const STALE: Duration = Duration::from_secs(3600);

/// Writes `bytes` to `dest` through a temporary file in its directory
/// (created if missing) and a rename. A symlink at `dest` is replaced,
/// never written through; a directory there makes the rename fail.
fn write_atomically(dest: &Path, bytes: &[u8]) -> io::Result<()> {
    static SEQ: AtomicU64 = AtomicU64::new(0);
    let dir = match dest.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let name = dest.file_name().unwrap_or_default().to_string_lossy();
    remove_stale(dir, &name);
    let tmp = dir.join(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed)
    ));
    let res = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| f.write_all(bytes))
        .and_then(|()| fs::rename(&tmp, dest));
    if res.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    res
}

/// Removes the temporary files of `name` in `dir` older than [`STALE`].
fn remove_stale(dir: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    let now = SystemTime::now();
    for e in entries.flatten() {
        let file = e.file_name();
        let ours = file
            .to_str()
            .is_some_and(|f| f.starts_with(&prefix) && f.ends_with(".tmp"));
        let old = e
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age > STALE);
        if ours && old {
            let _ = fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_plan_reads_back_equal() {
        let plan = crate::plan::load_embedded().unwrap();
        let bytes = encode(&plan, 42);
        let back = decode(&bytes[..], bytes.len() as u64, 42).unwrap();
        assert_eq!(back, plan);
        // Another seeds hash, a byte changed anywhere, cut short: none.
        assert!(decode(&bytes[..], bytes.len() as u64, 43).is_none());
        for at in [0, 9, bytes.len() / 2, bytes.len() - 1] {
            let mut bad = bytes.clone();
            bad[at] ^= 0x20;
            assert!(decode(&bad[..], bad.len() as u64, 42).is_none(), "{at}");
        }
        for len in [0, 8, 20, bytes.len() - 1] {
            assert!(decode(&bytes[..len], len as u64, 42).is_none(), "{len}");
        }
    }
}
