//! A workspace: one directory holding one read-only clone per district
//! (`DIR/乌当区/`, `DIR/白云区/`, …), each a district's repository as its
//! home publishes it (`district.txt`, `actuals.csv`, optionally `plan/`).
//! [`pull`] brings every clone up to date, in parallel, and says per
//! district what came, what is wrong and when it last published.
//!
//! A pull only ever fast-forwards. A district whose published history no
//! longer contains what the clone has (a history rewritten and
//! force-pushed), or whose new ledger does not begin with the old one (a
//! ledger rewritten by hand and committed), is left as it was and reported:
//! the clone keeps the last trustworthy copy.

use std::path::{Path, PathBuf};

use super::git::{Git, GitError};
use super::home::district_of;
use crate::vocab::{M, Msg};

/// The ledger's name in a district's repository.
pub const LEDGER_FILE: &str = "actuals.csv";

/// One district of a workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct District {
    /// Its name (`district.txt`, else the directory's name).
    pub name: String,
    /// Its clone.
    pub repo: PathBuf,
}

impl District {
    pub fn ledger(&self) -> PathBuf {
        self.repo.join(LEDGER_FILE)
    }

    /// The district's own plan files, when it has them (else the embedded
    /// plan).
    pub fn plan_dir(&self) -> Option<PathBuf> {
        let p = self.repo.join("plan");
        p.is_dir().then_some(p)
    }
}

/// The districts in workspace `dir`: every directory in it that is a git
/// work tree, by name.
pub fn districts(dir: &Path) -> std::io::Result<Vec<District>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if !path.join(".git").exists() {
            continue;
        }
        let name = district_of(&path).unwrap_or_else(|| {
            crate::text::visible(&path.file_name().unwrap_or_default().to_string_lossy())
                .into_owned()
        });
        // `:` joins a district to an id (`乌当区:8.1`): a name with one
        // takes the full-width `：` instead.
        let name = name.replace(':', "：");
        out.push(District { name, repo: path });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name).then(a.repo.cmp(&b.repo)));
    // Two clones of one name (the same district cloned twice): the later
    // ones are told apart by their directory, so that every qualified id
    // names one indicator.
    for i in 1..out.len() {
        if out[..i].iter().any(|d| d.name == out[i].name) {
            let dir = out[i]
                .repo
                .file_name()
                .unwrap_or_default()
                .to_string_lossy();
            out[i].name = format!(
                "{}（{}）",
                out[i].name,
                crate::text::visible(&dir).replace(':', "：")
            );
        }
    }
    Ok(out)
}

/// What a pull did for one district.
#[derive(Debug)]
pub struct Pulled {
    pub district: District,
    pub outcome: Outcome,
    /// When the district last published (its newest commit, after the
    /// pull), seconds since the epoch.
    pub last_publish: Option<i64>,
}

#[derive(Debug)]
pub enum Outcome {
    /// New rows came: the ledger's lines before and after.
    Updated { lines_before: u64, lines_after: u64 },
    /// Nothing new.
    UpToDate,
    /// Left as it was, with why (a rewritten history or ledger).
    Refused(Msg),
    /// git failed (the network, a missing remote): left as it was.
    Failed(GitError),
}

impl Pulled {
    /// True when the district has not published for more than `days`
    /// days before `now` (seconds since the epoch).
    pub fn stale(&self, now: i64, days: i64) -> bool {
        self.last_publish
            .is_none_or(|t| now.saturating_sub(t) > days.saturating_mul(86_400))
    }
}

/// Pulls every district of `districts`, `jobs` at a time, telling `done`
/// after each one (for a progress bar).
pub fn pull(districts: &[District], jobs: usize, done: &(dyn Fn(&Pulled) + Sync)) -> Vec<Pulled> {
    let jobs = jobs.max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(Vec::with_capacity(districts.len()));
    std::thread::scope(|s| {
        for _ in 0..jobs.min(districts.len()) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(d) = districts.get(i) else { break };
                    let p = pull_one(d);
                    done(&p);
                    if let Ok(mut r) = results.lock() {
                        r.push((i, p));
                    }
                }
            });
        }
    });
    let mut r = results.into_inner().unwrap_or_default();
    r.sort_by_key(|(i, _)| *i);
    r.into_iter().map(|(_, p)| p).collect()
}

/// A clone with nothing checked out: cloned before the district first
/// published, or from a server whose HEAD names a branch the district
/// does not push (`git init --bare` defaulting to `main`, a host's git to
/// `master`; git warns "remote HEAD refers to nonexistent ref"). The one
/// branch the district pushed is checked out, tracking its remote branch;
/// none yet: up to date (nothing published); several: refused, named.
fn adopt(git: &Git, d: &District) -> Result<Outcome, GitError> {
    let refs = git.run(&[
        "for-each-ref",
        "--format=%(refname:lstrip=3)",
        "refs/remotes/origin",
    ])?;
    let branches: Vec<&str> = refs.lines().filter(|b| *b != "HEAD").collect();
    match branches[..] {
        [] => Ok(Outcome::UpToDate),
        [b] => {
            git.run(&["checkout", "-q", "-B", b, "--track", &format!("origin/{b}")])?;
            // Its rows are new, lines 2 on (line 1 is the header).
            let after = lines(&std::fs::read(d.ledger()).unwrap_or_default());
            Ok(Outcome::Updated {
                lines_before: after.min(1),
                lines_after: after,
            })
        }
        _ => Ok(Outcome::Refused(
            Msg::new(M::DistrictBranches)
                .arg("district", &d.name)
                .arg("branches", branches.join("、")),
        )),
    }
}

/// Pulls one district (see the module).
pub fn pull_one(d: &District) -> Pulled {
    let git = Git::new(&d.repo);
    let outcome = match fast_forward(&git, d) {
        Ok(o) => o,
        Err(e) => Outcome::Failed(e),
    };
    let last_publish = git
        .run(&["log", "-1", "--format=%ct", "HEAD"])
        .ok()
        .and_then(|t| t.trim().parse().ok());
    Pulled {
        district: d.clone(),
        outcome,
        last_publish,
    }
}

fn fast_forward(git: &Git, d: &District) -> Result<Outcome, GitError> {
    git.run(&["fetch", "-q", "origin"])?;
    if !git
        .output(&["rev-parse", "--verify", "-q", "HEAD"], None)?
        .ok
    {
        return adopt(git, d);
    }
    let upstream = git.run(&["rev-parse", "--verify", "-q", "@{upstream}"])?;
    let head = git.run(&["rev-parse", "--verify", "-q", "HEAD"])?;
    if upstream == head {
        return Ok(Outcome::UpToDate);
    }
    let ancestor = git.output(
        &["merge-base", "--is-ancestor", "HEAD", "@{upstream}"],
        None,
    )?;
    if !ancestor.ok {
        return Ok(Outcome::Refused(
            Msg::new(M::DistrictHistoryRewritten)
                .arg("district", &d.name)
                .arg("head", short(&head)),
        ));
    }
    let spec = |rev: &str| format!("{rev}:{LEDGER_FILE}");
    let old = blob(git, &spec("HEAD"))?;
    let new = blob(git, &spec("@{upstream}"))?;
    if !new.starts_with(&old) {
        let same = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
        let line = lines(&old[..same]) + 1;
        return Ok(Outcome::Refused(
            Msg::new(M::DistrictLedgerRewritten)
                .arg("district", &d.name)
                .arg("line", line)
                .arg("head", short(&head)),
        ));
    }
    git.run(&["merge", "--ff-only", "-q", "@{upstream}"])?;
    Ok(Outcome::Updated {
        lines_before: lines(&old),
        lines_after: lines(&new),
    })
}

fn short(sha: &str) -> &str {
    &sha[..sha.len().min(10)]
}

fn blob(git: &Git, spec: &str) -> Result<Vec<u8>, GitError> {
    let out = git.output(&["cat-file", "blob", spec], None)?;
    Ok(if out.ok { out.stdout } else { Vec::new() })
}

fn lines(b: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', b).count() as u64
}

#[cfg(test)]
mod tests;
