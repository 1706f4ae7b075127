//! The terminal device, outside ratatui: detecting that it has gone away.
//!
//! If the input closes without a signal reaching us (the SSH client dies
//! while a shell wrapper holds the session, nohup, a killed tmux client),
//! crossterm keeps reading end-of-file in a loop and burns a core (crossterm
//! #793), and it does so inside its own `poll`, which then never returns.
//! So the UI loop waits on standard input itself ([`wait_input`]), stops on
//! hang-up, and calls crossterm only when there are bytes to read; a
//! watchdog thread ([`input_hung_up`]) ends the process if the loop is
//! ever stuck anyway.

/// True when standard input is a terminal or pipe whose other end is gone
/// (POLLHUP, POLLERR or POLLNVAL). Never blocks.
pub fn input_hung_up() -> bool {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let stdin = rustix::stdio::stdin();
    let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
    let zero = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    match poll(&mut fds, Some(&zero)) {
        Ok(_) => fds[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
        Err(_) => true,
    }
}

/// What [`wait_input`] saw on standard input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Bytes to read.
    Ready,
    /// Nothing within the timeout.
    Timeout,
    /// The terminal is gone (or stdin cannot be polled).
    HungUp,
    /// Nothing on standard input yet, but the other descriptor given to
    /// [`wait_input_or`] is readable (or closed).
    Woken,
}

/// Waits up to `timeout` for standard input. The UI calls this before
/// handing the terminal to crossterm: crossterm spins forever inside its
/// own poll once read(0) returns end-of-file, so it must never be asked to
/// wait on a terminal that has hung up. A signal interrupting the wait
/// counts as a timeout (the caller checks its flags).
pub fn wait_input(timeout: std::time::Duration) -> Input {
    wait_input_or(timeout, None)
}

/// [`wait_input`], woken early as well when `other` is readable or closed
/// (the UI's start: the ledger read on another thread has arrived).
/// Standard input is looked at first: a key and an arrival together are
/// [`Input::Ready`] (the caller looks for the arrival on every wake-up).
pub fn wait_input_or(
    timeout: std::time::Duration,
    other: Option<std::os::fd::BorrowedFd<'_>>,
) -> Input {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let stdin = rustix::stdio::stdin();
    let mut fds = vec![PollFd::new(&stdin, PollFlags::IN)];
    if let Some(fd) = &other {
        fds.push(PollFd::new(fd, PollFlags::IN));
    }
    let ts = Timespec {
        tv_sec: timeout.as_secs() as i64,
        tv_nsec: i64::from(timeout.subsec_nanos()),
    };
    match poll(&mut fds, Some(&ts)) {
        Ok(0) => Input::Timeout,
        Ok(_) => {
            let r = fds[0].revents();
            if r.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
                Input::HungUp
            } else if r.contains(PollFlags::IN) {
                Input::Ready
            } else {
                Input::Woken
            }
        }
        Err(rustix::io::Errno::INTR) => Input::Timeout,
        Err(_) => Input::HungUp,
    }
}

/// Suspends the process like Ctrl-Z does in a shell (SIGTSTP's default
/// action). The caller restores the terminal before and re-enters raw mode
/// and the alternate screen after; this returns once the shell's `fg`
/// continues the process.
pub fn suspend() -> std::io::Result<()> {
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pipe_on_stdin_is_a_hang_up() {
        // Run ourselves with stdin a pipe whose writer is already closed.
        let exe = std::env::current_exe().unwrap();
        if std::env::var_os("TTY_PROBE").is_some() {
            std::process::exit(if input_hung_up() { 0 } else { 1 });
        }
        let status = std::process::Command::new(exe)
            .args([
                "--exact",
                "tty::tests::a_closed_pipe_on_stdin_is_a_hang_up",
                "--nocapture",
            ])
            .env("TTY_PROBE", "1")
            .stdin(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut c| {
                drop(c.stdin.take());
                c.wait()
            })
            .unwrap();
        assert!(
            status.success(),
            "a pipe with no writer must read as hung up"
        );
    }

    #[test]
    fn an_open_pipe_is_not_a_hang_up() {
        let exe = std::env::current_exe().unwrap();
        if std::env::var_os("TTY_PROBE_OPEN").is_some() {
            std::process::exit(if input_hung_up() { 1 } else { 0 });
        }
        let mut child = std::process::Command::new(exe)
            .args([
                "--exact",
                "tty::tests::an_open_pipe_is_not_a_hang_up",
                "--nocapture",
            ])
            .env("TTY_PROBE_OPEN", "1")
            .stdin(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Child::wait would close the stdin it holds: keep the writer open.
        let writer = child.stdin.take();
        let status = child.wait().unwrap();
        drop(writer);
        assert!(status.success(), "an open pipe is not hung up");
    }
}
