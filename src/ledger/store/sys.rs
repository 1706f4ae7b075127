//! Platform shims: positioned reads, a file's identity, permission bits
//! and group, making a new directory entry durable. Unix does all of it;
//! elsewhere reads seek, identity is the modification time and the rest
//! does nothing.

use std::fs::Metadata;

pub(super) use imp::{
    ctime, ident, mode, open_nonblocking, read_at, set_group, set_mode, sync_dir,
};

#[cfg(unix)]
mod imp {
    use std::fs::{File, Metadata, Permissions};
    use std::io;
    use std::os::unix::fs::{FileExt, MetadataExt, PermissionsExt};

    pub fn read_at(f: &File, buf: &mut [u8], at: u64) -> io::Result<usize> {
        f.read_at(buf, at)
    }
    pub fn ident(m: &Metadata) -> (u64, u64, (i64, i64)) {
        (m.dev(), m.ino(), (m.mtime(), m.mtime_nsec()))
    }
    pub fn mode(m: &Metadata) -> u32 {
        m.mode() & 0o7777
    }
    /// The status change time: set by the system on every write (and
    /// chmod), never by a user's `touch`.
    pub fn ctime(m: &Metadata) -> (i64, i64) {
        (m.ctime(), m.ctime_nsec())
    }
    pub fn set_mode(f: &File, mode: u32) -> io::Result<()> {
        f.set_permissions(Permissions::from_mode(mode))
    }
    /// Best effort: keep the group so colleagues keep access.
    pub fn set_group(f: &File, m: &Metadata) {
        let _ = std::os::unix::fs::fchown(f, None, Some(m.gid()));
    }
    /// Makes a new directory entry durable.
    pub fn sync_dir(dir: &std::path::Path) -> io::Result<()> {
        File::open(dir)?.sync_all()
    }
    /// Opens `p` for reading without blocking on a FIFO (`O_NONBLOCK`;
    /// regular files read as usual).
    pub fn open_nonblocking(p: &std::path::Path) -> io::Result<File> {
        use std::os::unix::fs::OpenOptionsExt;
        let flags = rustix::fs::OFlags::NONBLOCK.bits();
        std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(flags as i32)
            .open(p)
    }
}

#[cfg(not(unix))]
mod imp {
    use std::fs::{File, Metadata};
    use std::io::{self, Read, Seek, SeekFrom};

    pub fn read_at(f: &File, buf: &mut [u8], at: u64) -> io::Result<usize> {
        let mut f = f;
        f.seek(SeekFrom::Start(at))?;
        f.read(buf)
    }
    pub fn ident(m: &Metadata) -> (u64, u64, (i64, i64)) {
        let t = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| (d.as_secs() as i64, i64::from(d.subsec_nanos())))
            .unwrap_or((0, 0));
        (0, 0, t)
    }
    pub fn mode(_: &Metadata) -> u32 {
        0o644
    }
    pub fn ctime(_: &Metadata) -> (i64, i64) {
        (0, 0)
    }
    pub fn set_mode(_: &File, _: u32) -> io::Result<()> {
        Ok(())
    }
    pub fn set_group(_: &File, _: &Metadata) {}
    pub fn sync_dir(_: &std::path::Path) -> io::Result<()> {
        Ok(())
    }
    pub fn open_nonblocking(p: &std::path::Path) -> io::Result<File> {
        File::open(p)
    }
}

/// What a `stat` says about the file: which file it is and whether it
/// changed (length, modification time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Snap {
    pub(super) dev: u64,
    pub(super) ino: u64,
    pub(super) len: u64,
    pub(super) mtime: (i64, i64),
}

impl Snap {
    pub(super) fn of(m: &Metadata) -> Snap {
        let (dev, ino, mtime) = ident(m);
        Snap {
            dev,
            ino,
            len: m.len(),
            mtime,
        }
    }

    /// True when both describe the same file (not a replacement of it).
    pub(super) fn same_file(self, other: Snap) -> bool {
        self.dev == other.dev && self.ino == other.ino
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::fs::{self, File};
    use std::io;

    use super::*;

    #[test]
    fn read_at_reads_from_the_offset_and_stops_at_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        fs::write(&p, b"hello world").unwrap();
        let f = File::open(&p).unwrap();
        let mut buf = [0u8; 8];
        assert_eq!(read_at(&f, &mut buf, 6).unwrap(), 5);
        assert_eq!(&buf[..5], b"world");
        assert_eq!(read_at(&f, &mut buf, 11).unwrap(), 0);
        assert_eq!(read_at(&f, &mut buf, 40).unwrap(), 0);
    }

    #[test]
    fn a_snap_tells_a_grown_file_from_a_replaced_one() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        fs::write(&p, b"one\n").unwrap();
        let first = Snap::of(&fs::metadata(&p).unwrap());
        assert_eq!(first.len, 4);
        assert_eq!(first, Snap::of(&fs::metadata(&p).unwrap()));
        // Rewritten in place: the same file, another length.
        fs::write(&p, b"one\ntwo\n").unwrap();
        let grown = Snap::of(&fs::metadata(&p).unwrap());
        assert_eq!(grown.len, 8);
        assert!(grown.same_file(first));
        // Replaced by a rename (what editors do): another file.
        let other = dir.path().join("g");
        fs::write(&other, b"one\ntwo\n").unwrap();
        fs::rename(&other, &p).unwrap();
        let replaced = Snap::of(&fs::metadata(&p).unwrap());
        assert!(!replaced.same_file(first));
    }

    #[test]
    fn mode_is_the_permission_bits_only() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        let f = File::create(&p).unwrap();
        set_mode(&f, 0o640).unwrap();
        assert_eq!(mode(&fs::metadata(&p).unwrap()), 0o640);
        // Not the file type bits.
        assert_eq!(
            std::os::unix::fs::MetadataExt::mode(&fs::metadata(&p).unwrap()),
            0o100640
        );
        // Keeping the group the file already has changes nothing.
        let m = fs::metadata(&p).unwrap();
        set_group(&f, &m);
        assert_eq!(
            std::os::unix::fs::MetadataExt::gid(&fs::metadata(&p).unwrap()),
            std::os::unix::fs::MetadataExt::gid(&m)
        );
    }

    #[test]
    fn sync_dir_needs_the_directory() {
        let dir = tempfile::tempdir().unwrap();
        assert!(sync_dir(dir.path()).is_ok());
        let err = sync_dir(&dir.path().join("missing")).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
    }
}
