//! Progress of a long read (the first read of a big ledger, `ledger
//! check`, `ledger convert`): the read loop reports bytes done out of a
//! total to a [`Progress`]; the command line draws it (src/cli/progress.rs),
//! the library draws nothing.

use std::io::{self, Read};

/// Told how far a long read is. Called every [`STEP`] bytes or so, and
/// once with `done == total` at the end of each pass.
pub trait Progress {
    /// `done` bytes of `total` read.
    fn update(&mut self, done: u64, total: u64);
}

/// Reports nothing.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn update(&mut self, _done: u64, _total: u64) {}
}

/// Bytes between two reports.
pub(super) const STEP: u64 = 1 << 20;

/// A reader of the bytes `[start, end)` that reports each [`STEP`] read.
pub(super) struct Reporting<'p, R> {
    inner: R,
    done: u64,
    total: u64,
    next: u64,
    progress: &'p mut dyn Progress,
}

impl<'p, R: Read> Reporting<'p, R> {
    pub(super) fn new(inner: R, total: u64, progress: &'p mut dyn Progress) -> Self {
        progress.update(0, total);
        Reporting {
            inner,
            done: 0,
            total,
            next: STEP,
            progress,
        }
    }
}

impl<R: Read> Read for Reporting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.done += n as u64;
        if self.done >= self.next || n == 0 {
            self.progress.update(self.done.min(self.total), self.total);
            self.next = self.done + STEP;
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Log(Vec<(u64, u64)>);

    impl Progress for Log {
        fn update(&mut self, done: u64, total: u64) {
            self.0.push((done, total));
        }
    }

    #[test]
    fn a_read_reports_each_step_and_the_end() {
        let data = vec![b'x'; (STEP * 2 + 10) as usize];
        let mut log = Log::default();
        let mut r = Reporting::new(&data[..], data.len() as u64, &mut log);
        let mut sink = Vec::new();
        r.read_to_end(&mut sink).unwrap();
        let total = data.len() as u64;
        let got = &log.0;
        assert_eq!(got.first(), Some(&(0, total)));
        assert_eq!(got.last(), Some(&(total, total)));
        // Monotonic, and not a report per read call.
        assert!(got.windows(2).all(|w| w[0].0 <= w[1].0), "{got:?}");
        assert!(got.len() <= 5, "{got:?}");
        NoProgress.update(1, 2);
    }
}
