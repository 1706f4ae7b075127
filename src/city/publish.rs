//! `publish`: on the district's host, commit the ledger rows appended since
//! the last publish and push them. git does the work; this decides what to
//! commit and says what happened.
//!
//! - Only whole lines are committed: the ledger as it is up to its last
//!   line break (a row being written at that instant waits for the next
//!   publish). The blob is written from those bytes (`git hash-object`),
//!   never from the file git would read later.
//! - A published ledger is only appended to: the file must begin with the
//!   ledger of the last commit, byte for byte, or nothing is published (a
//!   rewrite by hand is reported with the first line that differs).
//! - The plan files (`plan/`) and `district.txt` are committed with it
//!   when they changed.
//! - The commit's message names the district, the ledger's lines and the
//!   users who recorded them.
//! - The push always runs, even with nothing new to commit: a push that
//!   failed last time (no network, a rejected push) is retried, and
//!   nothing is lost meanwhile (the commits wait in the home repository).

use std::fs;
use std::path::Path;

use super::git::{Git, GitError};
use super::home::{DISTRICT_FILE, Home, home_of};
use crate::vocab::{M, Msg};

/// What a publish did.
#[derive(Debug)]
pub struct Published {
    pub district: String,
    /// The ledger's lines committed now (first, last); `None`: none new.
    pub lines: Option<(u64, u64)>,
    /// Who recorded them, in order of first appearance.
    pub users: Vec<String>,
    /// The new commit (short id); `None`: nothing to commit.
    pub commit: Option<String>,
    /// The push: done, or why not (the commit stays and is pushed by the
    /// next publish).
    pub push: Result<(), GitError>,
}

/// Why nothing was published.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("{0}")]
    Refused(Msg),
    #[error("{0}")]
    Git(#[from] GitError),
}

impl PublishError {
    pub fn text(&self, lang: crate::vocab::Lang) -> String {
        match self {
            PublishError::Refused(m) => m.text(lang),
            PublishError::Git(e) => e.text(lang),
        }
    }
}

/// Publishes the ledger at `ledger` to `remote` (see the module).
pub fn publish(ledger: &Path, remote: &str) -> Result<Published, PublishError> {
    let (repo, district) = match home_of(ledger)? {
        Home::Home { repo, district } => (repo, district),
        h @ Home::Copy { .. } => {
            return Err(PublishError::Refused(h.refusal(ledger).unwrap_or_else(
                || Msg::new(M::NotInGit).arg("path", ledger.display()),
            )));
        }
        Home::Standalone => {
            return Err(PublishError::Refused(
                Msg::new(M::NotInGit).arg("path", ledger.display()),
            ));
        }
    };
    let git = Git::new(&repo);
    let rel = relative(&repo, ledger)?;
    let bytes = fs::read(ledger).map_err(|e| {
        PublishError::Refused(
            Msg::new(M::CannotReadLedger)
                .arg("path", ledger.display())
                .arg("error", e),
        )
    })?;
    let whole = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let old = committed(&git, &rel)?;
    if let Some(line) = first_difference(&old, &bytes[..whole]) {
        return Err(PublishError::Refused(
            Msg::new(M::PublishedLedgerRewritten)
                .arg("path", ledger.display())
                .arg("line", line),
        ));
    }
    let new = &bytes[old.len()..whole];
    let lines = (!new.is_empty()).then(|| {
        let first = count_lines(&old) + 1;
        (first, first + count_lines(new) - 1)
    });
    let users = users_of(&bytes[..whole], new);
    if !new.is_empty() {
        let sha = git.run_with(
            &["hash-object", "-w", "--stdin", "--path", &rel],
            Some(&bytes[..whole]),
        )?;
        git.run(&[
            "update-index",
            "--add",
            "--cacheinfo",
            &format!("100644,{sha},{rel}"),
        ])?;
    }
    let mut others = vec![DISTRICT_FILE];
    if repo.join("plan").is_dir() {
        others.push("plan");
    }
    git.run(&[&["add", "--"][..], &others].concat())?;
    let staged = git.output(&["diff", "--cached", "--quiet"], None)?;
    let commit = if staged.ok {
        None
    } else {
        let msg = message(&district, lines, &users);
        git.commit(&msg)?;
        Some(git.run(&["rev-parse", "--short", "HEAD"])?)
    };
    let push = git.run(&["push", "-q", remote, "HEAD"]).map(|_| ());
    Ok(Published {
        district,
        lines,
        users,
        commit,
        push,
    })
}

/// The commit's message: `乌当区 台账第 2–17 行（16 条；填报人：李明、王芳）`
/// (`台账第 4 行（1 条；…）` for one).
fn message(district: &str, lines: Option<(u64, u64)>, users: &[String]) -> String {
    match lines {
        Some((a, b)) if a == b => {
            format!(
                "{district} 台账第 {a} 行（1 条；填报人：{}）",
                users.join("、")
            )
        }
        Some((a, b)) => format!(
            "{district} 台账第 {a}–{b} 行（{} 条；填报人：{}）",
            b - a + 1,
            users.join("、")
        ),
        None => format!("{district} 方案文件"),
    }
}

/// `ledger` relative to `repo`, with `/` (as git names it).
fn relative(repo: &Path, ledger: &Path) -> Result<String, PublishError> {
    let refuse = || PublishError::Refused(Msg::new(M::NotInGit).arg("path", ledger.display()));
    let repo = repo.canonicalize().map_err(|_| refuse())?;
    let dir = ledger
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .canonicalize()
        .map_err(|_| refuse())?;
    let name = ledger.file_name().ok_or_else(refuse)?;
    let rel = dir.join(name);
    let rel = rel.strip_prefix(&repo).map_err(|_| refuse())?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok(parts.join("/"))
}

/// The ledger as last committed (empty: never).
fn committed(git: &Git, rel: &str) -> Result<Vec<u8>, GitError> {
    let spec = format!("HEAD:{rel}");
    let out = git.output(&["cat-file", "blob", &spec], None)?;
    Ok(if out.ok { out.stdout } else { Vec::new() })
}

/// The first line where `now` does not begin with `old` (`None`: it
/// does).
fn first_difference(old: &[u8], now: &[u8]) -> Option<u64> {
    let same = old.iter().zip(now).take_while(|(a, b)| a == b).count();
    if same == old.len() {
        return None;
    }
    Some(count_lines(&old[..same]) + 1)
}

fn count_lines(b: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', b).count() as u64
}

/// The users of the rows `new` (the tail of `whole`), read by the header's
/// `user` column, in order of first appearance.
fn users_of(whole: &[u8], new: &[u8]) -> Vec<String> {
    let head_end = whole.iter().position(|&b| b == b'\n').map_or(0, |i| i + 1);
    let header = whole[..head_end]
        .strip_prefix("\u{feff}".as_bytes())
        .unwrap_or(&whole[..head_end]);
    let rows = if new.len() == whole.len() {
        &whole[head_end..]
    } else {
        new
    };
    let mut text = header.to_vec();
    text.extend_from_slice(rows);
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(&text[..]);
    let Some(col) = r
        .byte_headers()
        .ok()
        .and_then(|h| h.iter().position(|c| c == b"user"))
    else {
        return Vec::new();
    };
    let mut users: Vec<String> = Vec::new();
    for rec in r.byte_records().flatten() {
        if let Some(u) = rec.get(col) {
            let u = crate::text::visible(&String::from_utf8_lossy(u)).into_owned();
            if !users.contains(&u) {
                users.push(u);
            }
        }
    }
    users
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::city::home::init;

    const HEADER: &str = "\u{feff}time,user,id,field,value,old,note,period\n";

    fn row(i: u32, user: &str) -> String {
        format!(
            "2025-06-01T10:00:{:02}+08:00,{user},8.1,actual,{i},,,2025\n",
            i % 60
        )
    }

    /// A bare remote and a district's home repository pushing to it.
    fn district(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
        let remote = dir.join("remote.git");
        Git::new(dir)
            .run(&["init", "-q", "--bare", "remote.git"])
            .unwrap();
        let home = dir.join("乌当区");
        fs::create_dir(&home).unwrap();
        init(&home, "乌当区").unwrap();
        Git::new(&home)
            .run(&["remote", "add", "origin", remote.to_str().unwrap()])
            .unwrap();
        (home, remote)
    }

    fn remote_ledger(remote: &Path) -> String {
        Git::new(remote)
            .run(&["cat-file", "blob", "HEAD:actuals.csv"])
            .unwrap()
    }

    #[test]
    fn publish_commits_the_new_whole_lines_and_pushes_them() {
        let dir = tempfile::tempdir().unwrap();
        let (home, remote) = district(dir.path());
        let ledger = home.join("actuals.csv");
        fs::write(
            &ledger,
            format!("{HEADER}{}{}", row(1, "李明"), row(2, "王芳")),
        )
        .unwrap();
        let p = publish(&ledger, "origin").unwrap();
        assert_eq!(p.lines, Some((1, 3)));
        assert_eq!(p.users, ["李明", "王芳"]);
        assert!(p.commit.is_some());
        p.push.unwrap();
        assert!(remote_ledger(&remote).ends_with(row(2, "王芳").trim_end()));
        let log = Git::new(&remote)
            .run(&["log", "-1", "--format=%s"])
            .unwrap();
        assert_eq!(log, "乌当区 台账第 1–3 行（3 条；填报人：李明、王芳）");
        // A row being written (no line break yet) waits.
        let mut f = fs::OpenOptions::new().append(true).open(&ledger).unwrap();
        std::io::Write::write_all(&mut f, format!("{}2025-06-01T1", row(3, "张伟")).as_bytes())
            .unwrap();
        let p = publish(&ledger, "origin").unwrap();
        assert_eq!(p.lines, Some((4, 4)));
        assert_eq!(p.users, ["张伟"]);
        assert!(remote_ledger(&remote).ends_with(row(3, "张伟").trim_end()));
        let log = Git::new(&remote)
            .run(&["log", "-1", "--format=%s"])
            .unwrap();
        assert_eq!(log, "乌当区 台账第 4 行（1 条；填报人：张伟）");
        // Nothing new: no commit, the push runs and succeeds.
        let p = publish(&ledger, "origin").unwrap();
        assert_eq!((p.lines, p.commit), (None, None));
        p.push.unwrap();
    }

    #[test]
    fn a_rejected_push_loses_nothing_and_the_next_publish_pushes_it() {
        let dir = tempfile::tempdir().unwrap();
        let (home, remote) = district(dir.path());
        let ledger = home.join("actuals.csv");
        fs::write(&ledger, format!("{HEADER}{}", row(1, "李明"))).unwrap();
        publish(&ledger, "origin").unwrap().push.unwrap();
        // The remote refuses pushes for a while.
        let hook = remote.join("hooks/pre-receive");
        fs::write(&hook, "#!/bin/sh\necho 'remote: disk full' >&2\nexit 1\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&hook, fs::Permissions::from_mode(0o755)).unwrap();
        }
        fs::write(
            &ledger,
            format!("{HEADER}{}{}", row(1, "李明"), row(2, "王芳")),
        )
        .unwrap();
        let p = publish(&ledger, "origin").unwrap();
        assert!(p.commit.is_some(), "committed at home");
        let e = p.push.unwrap_err();
        assert!(e.to_string().contains("disk full"), "{e}");
        assert!(!remote_ledger(&remote).contains("王芳"));
        // More rows meanwhile; the remote takes pushes again.
        let mut f = fs::OpenOptions::new().append(true).open(&ledger).unwrap();
        std::io::Write::write_all(&mut f, row(3, "张伟").as_bytes()).unwrap();
        fs::remove_file(&hook).unwrap();
        let p = publish(&ledger, "origin").unwrap();
        assert_eq!(p.lines, Some((4, 4)));
        p.push.unwrap();
        let got = remote_ledger(&remote);
        assert!(got.contains("王芳") && got.contains("张伟"), "{got}");
        assert_eq!(
            format!("{got}\n"),
            fs::read_to_string(&ledger).unwrap(),
            "every row, once"
        );
    }

    #[test]
    fn a_published_ledger_rewritten_by_hand_is_not_published() {
        let dir = tempfile::tempdir().unwrap();
        let (home, remote) = district(dir.path());
        let ledger = home.join("actuals.csv");
        fs::write(
            &ledger,
            format!("{HEADER}{}{}", row(1, "李明"), row(2, "王芳")),
        )
        .unwrap();
        publish(&ledger, "origin").unwrap().push.unwrap();
        let before = remote_ledger(&remote);
        fs::write(
            &ledger,
            format!("{HEADER}{}{}", row(1, "李明"), row(7, "王芳")),
        )
        .unwrap();
        let e = publish(&ledger, "origin").unwrap_err();
        let en = e.to_string();
        assert!(en.contains("actuals.csv:3:"), "{en}");
        assert!(en.contains("Nothing was published"), "{en}");
        assert!(e.text(crate::vocab::Lang::Zh).contains("第 3 行"));
        assert_eq!(remote_ledger(&remote), before);
        // Cut short is a rewrite too.
        fs::write(&ledger, format!("{HEADER}{}", row(1, "李明"))).unwrap();
        assert!(publish(&ledger, "origin").is_err());
    }

    #[test]
    fn only_the_home_publishes() {
        let dir = tempfile::tempdir().unwrap();
        let (home, remote) = district(dir.path());
        fs::write(home.join("actuals.csv"), HEADER).unwrap();
        publish(&home.join("actuals.csv"), "origin")
            .unwrap()
            .push
            .unwrap();
        let loose = dir.path().join("loose");
        fs::create_dir(&loose).unwrap();
        let e = publish(&loose.join("actuals.csv"), "origin").unwrap_err();
        assert!(
            e.to_string().contains("not in a district's git repository"),
            "{e}"
        );
        Git::new(dir.path())
            .run(&["clone", "-q", remote.to_str().unwrap(), "copy"])
            .unwrap();
        let e = publish(&dir.path().join("copy/actuals.csv"), "origin").unwrap_err();
        assert!(e.to_string().contains("read-only copy of 乌当区"), "{e}");
    }
}
