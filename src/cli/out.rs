//! `--out FILE` of `export` and `report`: never the ledger or a file that
//! goes with it, and written whole or not at all.
//!
//! The ledger is compared by identity, not by name: the same path, the
//! same file after resolving links, or (Unix) the same device and inode,
//! so a hard link or a symbolic link to the ledger is refused too. Its
//! lock file and the file of moved-aside lines are refused the same way.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::CliError;
use super::words::WithBoth;
use crate::ledger::store::{lock_path, torn_path};
use crate::vocab::{M, Msg};

/// Refuses an `--out` that is the ledger, its lock file or its moved-aside
/// lines (exit 2, nothing written).
pub fn guard(out: &Path, ledger: &Path) -> Result<(), CliError> {
    let companions = [
        (ledger.to_path_buf(), M::TheLedger),
        (lock_path(ledger), M::TheLedgerLock),
        (torn_path(ledger), M::TheLedgerTorn),
    ];
    for (path, what) in companions {
        if same_file(out, &path) {
            return Err(CliError::Usage(
                Msg::new(M::OutIsCompanion)
                    .arg("out", crate::text::visible(&out.display().to_string()))
                    .sub("what", what.into())
                    .arg("path", crate::text::visible(&path.display().to_string())),
            ));
        }
    }
    Ok(())
}

/// Whether `a` and `b` name one file: the same path, the same path once
/// links are resolved, or the same device and inode (a hard link).
fn same_file(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    let resolved = matches!(
        (fs::canonicalize(a), fs::canonicalize(b)),
        (Ok(x), Ok(y)) if x == y
    );
    resolved || same_inode(a, b)
}

#[cfg(unix)]
fn same_inode(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_inode(_: &Path, _: &Path) -> bool {
    false
}

/// Writes `bytes` to `path` whole or not at all: a temporary file beside
/// it, synced, then renamed over it, so a failed write never leaves half a
/// file in place of the last one. An existing file keeps its permissions
/// (a shared 通报.html stays group-readable). Errors name the file (exit 1).
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let named = |e: io::Error| {
        CliError::Io(super::io_error(
            e.kind(),
            Msg::new(M::OutCannotWrite)
                .arg("path", path.display())
                .both("error", super::words::io_reason(&e)),
        ))
    };
    let tmp = temp_beside(path);
    let keep = fs::metadata(path).ok().map(|m| m.permissions());
    let written = fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        if let Some(p) = keep {
            f.set_permissions(p)?;
        }
        f.sync_all()
    });
    if let Err(e) = written.and_then(|()| fs::rename(&tmp, path)) {
        let _ = fs::remove_file(&tmp);
        return Err(named(e));
    }
    Ok(())
}

/// `.NAME.tmp-PID` in the directory of `path`.
fn temp_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    path.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ledger_its_links_and_its_companions_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = dir.path().join("a.csv");
        fs::write(&ledger, "time,user,id,field,value\n").unwrap();
        let hard = dir.path().join("hard.csv");
        fs::hard_link(&ledger, &hard).unwrap();
        let dotted = dir.path().join(".").join("a.csv");
        for out in [
            ledger.clone(),
            hard,
            dotted,
            lock_path(&ledger),
            torn_path(&ledger),
        ] {
            let e = guard(&out, &ledger).expect_err(&out.display().to_string());
            assert!(matches!(e, CliError::Usage(_)), "{out:?}");
        }
        #[cfg(unix)]
        {
            let soft = dir.path().join("soft.csv");
            std::os::unix::fs::symlink(&ledger, &soft).unwrap();
            assert!(guard(&soft, &ledger).is_err());
        }
        assert!(guard(&dir.path().join("other.csv"), &ledger).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("通报.html");
        fs::write(&out, "old").unwrap();
        fs::set_permissions(&out, fs::Permissions::from_mode(0o664)).unwrap();
        write_whole(&out, b"new").unwrap();
        assert_eq!(fs::read(&out).unwrap(), b"new");
        let mode = fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o664);
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left");
    }
}
