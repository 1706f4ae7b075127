//! The git binary, called: wudang-plan never implements replication
//! itself. Every call runs `git -C DIR …` with prompts off (a cron job
//! must fail, not wait for a password) and paths printed as they are
//! (`core.quotepath=off`, for Chinese file names); what git says on
//! failure is kept to be shown to the person.

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::vocab::{M, Msg};

/// Why a git command did not do its work.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GitError {
    /// There is no `git` to run.
    #[error("{0}")]
    Missing(Msg),
    /// git ran and failed: the message names the directory, the command
    /// and git's own last words.
    #[error("{0}")]
    Failed(Msg),
}

impl GitError {
    /// What to tell the person.
    pub fn msg(&self) -> &Msg {
        match self {
            GitError::Missing(m) | GitError::Failed(m) => m,
        }
    }

    /// The message in `lang`.
    pub fn text(&self, lang: crate::vocab::Lang) -> String {
        self.msg().text(lang)
    }
}

/// A repository (its work tree) to run git in.
#[derive(Debug, Clone)]
pub struct Git {
    dir: PathBuf,
}

/// What a git command printed, and whether it succeeded.
#[derive(Debug)]
pub struct Output {
    pub ok: bool,
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Git {
    pub fn new(dir: impl Into<PathBuf>) -> Git {
        Git { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn command<S: AsRef<OsStr>>(&self, args: &[S]) -> Command {
        let mut c = Command::new("git");
        c.arg("-C")
            .arg(&self.dir)
            .args(["-c", "core.quotepath=off"])
            .args(args)
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_ASKPASS", "true")
            .env("SSH_ASKPASS", "true")
            .env("LC_ALL", "C")
            .stdin(Stdio::null());
        c
    }

    /// Runs `git ARGS` (with `input` on its standard input), whatever its
    /// exit status.
    pub fn output<S: AsRef<OsStr>>(
        &self,
        args: &[S],
        input: Option<&[u8]>,
    ) -> Result<Output, GitError> {
        let mut c = self.command(args);
        if input.is_some() {
            c.stdin(Stdio::piped());
        }
        c.stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = c.spawn().map_err(|e| self.missing(&e))?;
        if let (Some(bytes), Some(mut stdin)) = (input, child.stdin.take()) {
            // A git that stopped reading fails below with its own words.
            let _ = stdin.write_all(bytes);
        }
        let out = child.wait_with_output().map_err(|e| self.missing(&e))?;
        Ok(Output {
            ok: out.status.success(),
            code: out.status.code(),
            stdout: out.stdout,
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        })
    }

    /// Runs `git ARGS`; its standard output, trimmed, when it succeeded.
    pub fn run<S: AsRef<OsStr>>(&self, args: &[S]) -> Result<String, GitError> {
        self.run_with(args, None)
    }

    /// [`Git::run`] with `input` on git's standard input.
    pub fn run_with<S: AsRef<OsStr>>(
        &self,
        args: &[S],
        input: Option<&[u8]>,
    ) -> Result<String, GitError> {
        let out = self.output(args, input)?;
        if !out.ok {
            return Err(self.failed(args, &out.stderr));
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim_end().to_string())
    }

    /// The error of `git ARGS` having failed, saying `stderr`'s last
    /// five lines (made visible: git quotes remote text).
    pub fn failed<S: AsRef<OsStr>>(&self, args: &[S], stderr: &str) -> GitError {
        let said: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
        let last = said[said.len().saturating_sub(5)..].join(" / ");
        let cmd: Vec<String> = args
            .iter()
            .map(|a| a.as_ref().to_string_lossy().into_owned())
            .collect();
        GitError::Failed(
            Msg::new(M::GitFailed)
                .arg("dir", self.dir.display())
                .arg("cmd", cmd.join(" "))
                .arg("said", crate::text::visible(&last)),
        )
    }

    /// Commits what is staged with `message`; a host with no git identity
    /// commits as `wudang-plan`.
    pub fn commit(&self, message: &str) -> Result<(), GitError> {
        let named = self.output(&["config", "user.name"], None)?.ok
            && self.output(&["config", "user.email"], None)?.ok;
        if named {
            self.run(&["commit", "-q", "-m", message])?;
        } else {
            self.run(&[
                "-c",
                "user.name=wudang-plan",
                "-c",
                "user.email=wudang-plan@localhost",
                "commit",
                "-q",
                "-m",
                message,
            ])?;
        }
        Ok(())
    }

    fn missing(&self, e: &std::io::Error) -> GitError {
        GitError::Missing(
            Msg::new(M::GitMissing)
                .arg("dir", self.dir.display())
                .arg("error", e),
        )
    }
}

/// The work tree that holds `path` (a file or directory that may not
/// exist yet): the nearest directory above it with a `.git` (a directory,
/// or a file as in a worktree), found without running git. `None`: not
/// in a repository.
pub fn work_tree_of(path: &Path) -> Option<PathBuf> {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(path)
    };
    let mut dir = abs.parent();
    while let Some(d) = dir {
        if d.join(".git").exists() {
            return Some(d.to_path_buf());
        }
        dir = d.parent();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failing_command_names_the_directory_the_command_and_gits_words() {
        let dir = tempfile::tempdir().unwrap();
        let g = Git::new(dir.path());
        let e = g.run(&["log", "-1"]).unwrap_err();
        let en = e.to_string();
        assert!(en.contains(&dir.path().display().to_string()), "{en}");
        assert!(en.contains("`git log -1`"), "{en}");
        assert!(en.contains("not a git repository"), "{en}");
        let zh = e.text(crate::vocab::Lang::Zh);
        assert!(zh.contains("git log -1") && zh.contains("失败"), "{zh}");
    }

    #[test]
    fn the_work_tree_is_found_above_the_file() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(work_tree_of(&dir.path().join("a/b.csv")), None);
        Git::new(dir.path()).run(&["init", "-q"]).unwrap();
        std::fs::create_dir(dir.path().join("a")).unwrap();
        assert_eq!(
            work_tree_of(&dir.path().join("a/b.csv")).as_deref(),
            Some(dir.path())
        );
    }
}
