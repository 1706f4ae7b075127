//! The watchdog: if the run loop is ever stuck in a terminal call after a
//! signal or a hang-up, a thread of its own saves the draft and ends the
//! process.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::session::typed;
use crate::ledger::{Stamp, draft};
use crate::ui::model::AppState;

/// What the watchdog needs if the loop is ever stuck: the draft to save
/// and a lock held while a row is being written.
#[derive(Default)]
pub(super) struct Guard {
    draft: std::sync::Mutex<Option<draft::Draft>>,
    pub(super) writing: std::sync::Mutex<()>,
}

impl Guard {
    /// Remembers the value being typed, for the watchdog.
    pub(super) fn keep(&self, state: &AppState) {
        let now = typed(state);
        if let Ok(mut d) = self.draft.lock()
            && *d != now
        {
            *d = now;
        }
    }
}

/// How long the loop gets to stop by itself after a signal or a hang-up
/// before the watchdog ends the process.
const GRACE: Duration = Duration::from_millis(1200);

/// Watches for a signal or a hung-up terminal from a thread of its own. If
/// the loop has not ended [`GRACE`] later (stuck in a terminal call), it
/// waits for any row being written, saves the draft and exits, printing
/// nothing.
pub(super) fn watchdog(
    stop: Arc<AtomicBool>,
    done: Arc<AtomicBool>,
    guard: Arc<Guard>,
    draft_path: Option<std::path::PathBuf>,
) {
    std::thread::spawn(move || {
        let mut since: Option<Instant> = None;
        loop {
            std::thread::sleep(Duration::from_millis(100));
            if done.load(Ordering::Relaxed) {
                return;
            }
            if since.is_none() && (stop.load(Ordering::Relaxed) || crate::tty::input_hung_up()) {
                since = Some(Instant::now());
            }
            if since.is_some_and(|t| t.elapsed() >= GRACE) {
                let _writing = guard.writing.lock();
                if done.load(Ordering::Relaxed) {
                    return;
                }
                if let (Some(path), Ok(d)) = (&draft_path, guard.draft.lock())
                    && let Some(d) = d.as_ref()
                {
                    let mut d = d.clone();
                    d.saved = Stamp::now().to_string();
                    let _ = draft::save(path, &d);
                }
                std::process::exit(1);
            }
        }
    });
}
