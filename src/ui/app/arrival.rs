//! One value handed from another thread to the run loop (the ledger read
//! at start), with a pipe that wakes the loop's wait on the terminal: the
//! loop sleeps in one `poll` on both, so it neither spins nor draws an
//! extra frame while it waits.

use std::io::{self, PipeReader, PipeWriter, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

/// The sending half: [`Deliver::send`] once, from any thread.
#[derive(Debug)]
pub struct Deliver<T> {
    tx: Sender<T>,
    wake: PipeWriter,
}

/// The run loop's half: polled with the terminal, taken once.
#[derive(Debug)]
pub struct Arrival<T> {
    rx: Receiver<T>,
    wake: PipeReader,
    /// A value looked at before the loop and left for it
    /// ([`Arrival::take_if`]).
    kept: Option<T>,
}

/// What [`Arrival::take`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Taken<T> {
    Here(T),
    NotYet,
    /// The sender was dropped without sending (its thread stopped).
    Gone,
}

/// A channel for one value and the pipe that says it has come.
pub fn channel<T>() -> io::Result<(Deliver<T>, Arrival<T>)> {
    let (rx_pipe, tx_pipe) = io::pipe()?;
    let (tx, rx) = mpsc::channel();
    Ok((
        Deliver { tx, wake: tx_pipe },
        Arrival {
            rx,
            wake: rx_pipe,
            kept: None,
        },
    ))
}

impl<T> Deliver<T> {
    /// Hands `value` over and wakes the loop (nobody left to take it: it
    /// is dropped).
    pub fn send(self, value: T) {
        let _ = self.tx.send(value);
        let mut wake = self.wake;
        let _ = wake.write_all(b"!");
    }
}

impl<T> Arrival<T> {
    /// The value, if it has come; never blocks.
    pub fn take(&mut self) -> Taken<T> {
        if let Some(v) = self.kept.take() {
            return Taken::Here(v);
        }
        match self.rx.try_recv() {
            Ok(v) => Taken::Here(v),
            Err(TryRecvError::Empty) => Taken::NotYet,
            Err(TryRecvError::Disconnected) => Taken::Gone,
        }
    }

    /// The value if it has come and `f` holds for it; else it is left for
    /// [`Arrival::take`] (the pipe stays readable: the wait wakes at once).
    pub fn take_if(&mut self, f: impl FnOnce(&T) -> bool) -> Option<T> {
        match self.take() {
            Taken::Here(v) if f(&v) => Some(v),
            Taken::Here(v) => {
                self.kept = Some(v);
                None
            }
            Taken::NotYet | Taken::Gone => None,
        }
    }

    /// What the loop's wait also watches: readable once the value is sent
    /// (or the sender is gone).
    pub fn fd(&self) -> BorrowedFd<'_> {
        self.wake.as_fd()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustix::event::{PollFd, PollFlags, Timespec, poll};

    /// Readable descriptors among `fd` after waiting up to `secs`.
    fn ready(fd: BorrowedFd<'_>, secs: i64) -> usize {
        let mut fds = [PollFd::new(&fd, PollFlags::IN)];
        let ts = Timespec {
            tv_sec: secs,
            tv_nsec: 0,
        };
        poll(&mut fds, Some(&ts)).unwrap()
    }

    /// The wake-up descriptor is quiet until the value is sent from
    /// another thread, then readable (the loop's wait returns), and the
    /// value is there.
    #[test]
    fn a_value_sent_wakes_the_wait() {
        let (tx, mut rx) = channel::<u32>().unwrap();
        assert_eq!(ready(rx.fd(), 0), 0);
        assert_eq!(rx.take(), Taken::NotYet);
        let t = std::thread::spawn(move || tx.send(7));
        assert_eq!(ready(rx.fd(), 30), 1);
        t.join().unwrap();
        assert_eq!(rx.take(), Taken::Here(7));
    }

    /// A sender dropped without sending wakes the wait too, and is `Gone`.
    #[test]
    fn a_sender_dropped_is_gone() {
        let (tx, mut rx) = channel::<u32>().unwrap();
        drop(tx);
        assert_eq!(ready(rx.fd(), 0), 1);
        assert_eq!(rx.take(), Taken::Gone);
    }
}
