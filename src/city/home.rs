//! One home per ledger. A district's plan files and ledger live in a git
//! repository on the district's host; only that host writes the ledger.
//! Other hosts hold clones and only read.
//!
//! - The district's name is committed, in `district.txt` at the root of
//!   the repository (one line: 乌当区), so every clone knows whose ledger
//!   it holds.
//! - The home is marked where no clone can copy it: the repository's own
//!   local configuration, `wudang-plan.home = 乌当区` in `.git/config`
//!   (`git clone` never copies it). [`init`] sets it.
//! - A ledger in a district's repository (one with `district.txt`) without
//!   that mark is a copy: every write is refused, naming the district and
//!   where its home is (the clone's `origin`). A ledger in no repository,
//!   or in a repository that is not a district's (someone's dotfiles), is
//!   as before: any host that can write the file records in it.

use std::fs;
use std::path::{Path, PathBuf};

use super::git::{Git, GitError, work_tree_of};
use crate::vocab::{M, Msg};

/// The committed file naming the district.
pub const DISTRICT_FILE: &str = "district.txt";
/// The local git configuration key marking the home repository.
pub const HOME_KEY: &str = "wudang-plan.home";

/// Where a ledger stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Home {
    /// Not in a git repository: written as before.
    Standalone,
    /// In its home repository: written here.
    Home { repo: PathBuf, district: String },
    /// In a clone: read only.
    Copy {
        repo: PathBuf,
        district: Option<String>,
        origin: Option<String>,
    },
}

impl Home {
    /// True when this host may record in the ledger.
    pub fn writable(&self) -> bool {
        !matches!(self, Home::Copy { .. })
    }

    /// Why a write is refused (`None`: it is not).
    pub fn refusal(&self, ledger: &Path) -> Option<Msg> {
        let Home::Copy {
            district, origin, ..
        } = self
        else {
            return None;
        };
        Some(
            Msg::new(M::CopyRefusesWrites)
                .arg("path", ledger.display())
                .arg("district", district.as_deref().unwrap_or("?"))
                .arg("origin", origin.as_deref().unwrap_or("?")),
        )
    }
}

/// The district named in the repository at `repo` (`None`: no
/// `district.txt`, or an empty one).
pub fn district_of(repo: &Path) -> Option<String> {
    let text = fs::read_to_string(repo.join(DISTRICT_FILE)).ok()?;
    let name = text.trim_start_matches('\u{feff}').lines().next()?.trim();
    (!name.is_empty()).then(|| crate::text::visible(name).into_owned())
}

/// Where the ledger at `ledger` stands. Runs git only when the ledger is
/// in a repository.
pub fn home_of(ledger: &Path) -> Result<Home, GitError> {
    let Some(repo) = work_tree_of(ledger) else {
        return Ok(Home::Standalone);
    };
    // Only a district's repository counts (one with `district.txt`): a
    // ledger in someone's dotfiles repository is not a clone.
    if !repo.join(DISTRICT_FILE).is_file() {
        return Ok(Home::Standalone);
    }
    let git = Git::new(&repo);
    let mark = git.output(&["config", "--local", "--get", HOME_KEY], None)?;
    let district = district_of(&repo);
    if mark.ok {
        let marked = String::from_utf8_lossy(&mark.stdout).trim().to_string();
        return Ok(Home::Home {
            district: district.unwrap_or(marked),
            repo,
        });
    }
    let url = git.output(&["remote", "get-url", "origin"], None)?;
    let origin = url
        .ok
        .then(|| String::from_utf8_lossy(&url.stdout).trim().to_string());
    Ok(Home::Copy {
        repo,
        district,
        origin: origin.map(|o| crate::text::visible(&o).into_owned()),
    })
}

/// Makes `repo` the home of district `district`: a git repository (made
/// if it is none), `district.txt` committed, a `.gitignore` for the
/// files derived beside the ledger, and the home mark in its local
/// configuration. Running it again changes nothing.
pub fn init(repo: &Path, district: &str) -> Result<(), GitError> {
    let git = Git::new(repo);
    if !repo.join(".git").exists() {
        git.run(&["init", "-q"])?;
    }
    let io = |e: std::io::Error, what: &Path| {
        GitError::Failed(
            Msg::new(M::CannotWriteFile)
                .arg("path", what.display())
                .arg("error", e),
        )
    };
    let district_file = repo.join(DISTRICT_FILE);
    if district_of(repo).as_deref() != Some(district) {
        fs::write(&district_file, format!("{district}\n")).map_err(|e| io(e, &district_file))?;
    }
    let ignore = repo.join(".gitignore");
    let have = fs::read_to_string(&ignore).unwrap_or_default();
    let mut add = String::new();
    for pat in IGNORED {
        if !have.lines().any(|l| l.trim() == *pat) {
            add.push_str(pat);
            add.push('\n');
        }
    }
    if !add.is_empty() {
        let text = if have.is_empty() || have.ends_with('\n') {
            format!("{have}{add}")
        } else {
            format!("{have}\n{add}")
        };
        fs::write(&ignore, text).map_err(|e| io(e, &ignore))?;
    }
    git.run(&["config", "--local", HOME_KEY, district])?;
    git.run(&["add", DISTRICT_FILE, ".gitignore"])?;
    let staged = git.output(&["diff", "--cached", "--quiet"], None)?;
    if !staged.ok {
        git.commit(&format!("{district} 台账源头（wudang-plan home）"))?;
    }
    Ok(())
}

/// Files wudang-plan keeps beside a ledger or a plan that are derived or
/// local to a host: never published.
pub const IGNORED: &[&str] = &[
    "*.lock",
    "*.ckpt",
    "*.ckpt.seen",
    "*.torn",
    "*.bak",
    ".*.tmp",
    "plan.snap",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ledger_in_a_repository_that_is_not_a_districts_is_standalone() {
        let dir = tempfile::tempdir().unwrap();
        Git::new(dir.path()).run(&["init", "-q"]).unwrap();
        let ledger = dir.path().join(".local/share/wudang-plan/actuals.csv");
        assert_eq!(home_of(&ledger).unwrap(), Home::Standalone);
        assert!(home_of(&ledger).unwrap().writable());
    }

    #[test]
    fn a_ledger_outside_git_is_standalone_its_home_writable_a_clone_not() {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("home");
        fs::create_dir(&home).unwrap();
        let ledger = home.join("actuals.csv");
        assert_eq!(home_of(&ledger).unwrap(), Home::Standalone);
        init(&home, "乌当区").unwrap();
        let h = home_of(&ledger).unwrap();
        assert!(h.writable());
        assert_eq!(
            h,
            Home::Home {
                repo: home.clone(),
                district: "乌当区".into()
            }
        );
        // Again: nothing new committed.
        let head = Git::new(&home).run(&["rev-parse", "HEAD"]).unwrap();
        init(&home, "乌当区").unwrap();
        assert_eq!(Git::new(&home).run(&["rev-parse", "HEAD"]).unwrap(), head);
        // A clone knows the district, not the home mark.
        let copy = dir.path().join("copy");
        Git::new(dir.path())
            .run(&["clone", "-q", home.to_str().unwrap(), "copy"])
            .unwrap();
        let c = home_of(&copy.join("actuals.csv")).unwrap();
        assert!(!c.writable());
        let Home::Copy {
            district, origin, ..
        } = &c
        else {
            panic!("{c:?}")
        };
        assert_eq!(district.as_deref(), Some("乌当区"));
        assert_eq!(origin.as_deref(), Some(home.to_str().unwrap()));
        let why = c.refusal(&copy.join("actuals.csv")).unwrap();
        assert!(why.text(crate::vocab::Lang::Zh).contains("乌当区"));
        assert!(why.to_string().contains(home.to_str().unwrap()));
    }
}
