//! A ledger that could not be read at start (read-only browsing,
//! [`AppState::broken`](crate::ui::model::AppState)) is read again once
//! its file changes: looked at (size, modification time, identity) on the
//! loop's timeout, the tick of the live refresh — a `stat`, no busy loop —
//! and read on another thread as at start when it differs. A read that
//! succeeds goes on as the first would have (`LedgerLoaded`, the draft);
//! one that fails says the new reason.

use std::path::PathBuf;
use std::sync::Arc;

use super::Ready;

/// Reads the ledger again as at start (on another thread).
pub type ReadAgain<E> = Arc<dyn Fn() -> Result<Ready, E> + Send + Sync>;

/// How the binary lets the UI read an unreadable ledger again: its file,
/// and the read.
pub struct Retry<E> {
    pub path: PathBuf,
    pub read: ReadAgain<E>,
}

impl<E> std::fmt::Debug for Retry<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Retry").field("path", &self.path).finish()
    }
}

/// What the file looked like ([`crate::ledger::FileState`]: identity,
/// length, modification time): a change in any part is a reason to read
/// it again (`None`: no file).
pub(super) use crate::ledger::{FileState as Look, file_state as look};

#[cfg(test)]
mod tests {
    use super::super::{Ready, Side, Taken, channel};
    use super::*;
    use crate::ledger::NoProgress;
    use crate::ui::action::Action;
    use crate::ui::data::Progress;
    use crate::ui::model::standing::{Loaded, Standing};
    use crate::ui::model::{AppState, Config, Theme};
    use crate::ui::strings::Lang;
    use crate::ui::update::update;

    const HEADER: &str = "\u{feff}time,user,id,field,value,old,note,period\r\n";
    const ROW: &str = "2025-06-01T00:00:00+00:00,bob,8.1,actual,430,,,2025\r\n";

    /// The tester's broken ledger (a malformed line found after the first
    /// frame) was browsed read-only until a restart, however it was fixed.
    /// Now: nothing is read while the file stays as it was; once it
    /// changes it is read again, and a good read goes on as a first one
    /// (the lights, the session, no error at the exit).
    #[test]
    fn a_broken_ledger_is_read_again_once_its_file_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        std::fs::write(&path, format!("{HEADER}{ROW}bad,row\r\n")).unwrap();
        let today = jiff::civil::date(2025, 6, 30);
        let plan = Arc::new(crate::plan::load_embedded().unwrap());
        let reads = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let (p, n, pl) = (path.clone(), Arc::clone(&reads), Arc::clone(&plan));
        let read: ReadAgain<String> = Arc::new(move || {
            n.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let (ledger, progress) =
                Progress::read_lean(&p, today, &mut NoProgress).map_err(|e| e.to_string())?;
            let standing = Standing::of(&pl, &progress);
            Ok(Ready {
                city: Vec::new(),
                ledger,
                loaded: Loaded {
                    progress,
                    standing,
                    warnings: 0,
                    published: Vec::new(),
                },
                warnings: Vec::new(),
            })
        });
        let theme = Theme {
            color: false,
            ascii: false,
        };
        let mut config = Config::new(Lang::Zh, theme);
        config.writable = true;
        let mut state = AppState::loading(Arc::clone(&plan), today, config);
        update(&mut state, Action::Resize(80, 24));
        let (tx, rx) = channel::<Result<Ready, String>>().unwrap();
        let mut side = Side {
            coming: Some(rx),
            session: None,
            user: Some("alice".into()),
            at: None,
            draft_due: false,
            warnings: Vec::new(),
            failed: None,
            retry: Some(Retry {
                path: path.clone(),
                read,
            }),
            looked: None,
        };
        tx.send((side.retry.as_ref().unwrap().read)());
        assert!(side.arrive(&mut state).unwrap());
        assert!(state.broken.is_some() && side.failed.is_some());
        for _ in 0..3 {
            assert!(!side.retry_broken(), "the file has not changed");
        }
        assert_eq!(reads.load(std::sync::atomic::Ordering::Relaxed), 1);
        // Fixed: the bad line taken out.
        std::fs::write(&path, format!("{HEADER}{ROW}")).unwrap();
        assert!(side.retry_broken());
        assert!(!side.retry_broken(), "one read at a time");
        let mut landed = false;
        for _ in 0..500 {
            if side.arrive(&mut state).unwrap() {
                landed = true;
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(landed, "the read again never came");
        assert!(matches!(
            side.coming.as_mut().map(|c| c.take()),
            None | Some(Taken::NotYet)
        ));
        assert!(state.broken.is_none() && !state.loading);
        assert!(side.failed.is_none() && side.session.is_some());
        assert_eq!(state.message.as_deref(), Some("台账已可读取，已读入"));
        assert_eq!(
            state
                .progress
                .actual_of("8.1")
                .map(|a| a.to_ledger())
                .as_deref(),
            Some("430")
        );
        assert!(!side.retry_broken(), "read: nothing more to retry");
    }
}
