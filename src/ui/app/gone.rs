//! A ledger that had rows, found missing or empty by the live refresh
//! (moved away, deleted, cut to nothing): not restarted as a new ledger.
//! The status line says so, the screen keeps what was last read, and
//! edits are refused with the same words ([`super::session::perform`])
//! until a refresh finds the file again (then taken in as usual: as
//! others' rows, or as a replaced file).

use crate::ledger::Gone;
use crate::ui::model::AppState;
use crate::ui::strings::S;

/// Says the ledger gone: true when the status line changed.
pub(super) fn said(state: &mut AppState, g: Gone) -> bool {
    if state.gone == Some(g) {
        return false;
    }
    state.gone = Some(g);
    state.message = state.gone_text().map(str::to_string);
    true
}

/// A refresh found the file again: said back. True when it was gone.
pub(super) fn back(state: &mut AppState) -> bool {
    if state.gone.take().is_none() {
        return false;
    }
    state.message = Some(state.tr(S::LedgerBack).to_string());
    true
}

#[cfg(test)]
mod tests {
    use super::super::session::{Session, perform, refresh};
    use crate::ledger::{NoProgress, Stamp};
    use crate::ui::action::Action;
    use crate::ui::data::Progress;
    use crate::ui::keymap::{self, Key};
    use crate::ui::model::{AppState, Config, Mode, Theme};
    use crate::ui::strings::Lang;
    use crate::ui::update::update;

    fn keys(s: &mut AppState, typed: &str) {
        for c in typed.chars() {
            let key = match c {
                '\t' => Key::Tab,
                '\n' => Key::Enter,
                c => Key::Char(c),
            };
            if let Some(a) = keymap::action_for(s.ctx(), key) {
                update(s, a);
            }
        }
    }

    fn actual(s: &AppState) -> Option<String> {
        s.progress.actual_of("8.1").map(|a| a.to_ledger())
    }

    /// The tester's `mv ledger.csv elsewhere` and `: > ledger.csv` under a
    /// running UI: it said 台账文件已被替换, every count went to 无数据, and
    /// the next edit created a second ledger at the old path. Now: said
    /// plainly, what was read kept, the edit refused (no file created),
    /// and taken up again once the file is back.
    #[test]
    fn a_ledger_moved_away_or_emptied_is_said_kept_and_not_restarted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        let rows = "\u{feff}time,user,id,field,value,old,note,period\r\n\
                    2025-06-01T00:00:00+00:00,bob,8.1,actual,430,,,2025\r\n";
        std::fs::write(&path, rows).unwrap();
        let today = jiff::civil::date(2025, 6, 30);
        let (ledger, p) = Progress::read_lean(&path, today, &mut NoProgress).unwrap();
        let mut sess = Session {
            city: Vec::new(),
            ledger,
            user: Some("alice".into()),
            at: Some(Stamp::start_of(today)),
        };
        let theme = Theme {
            color: false,
            ascii: false,
        };
        let mut config = Config::new(Lang::Zh, theme);
        config.writable = true;
        let mut s = AppState::new(crate::plan::load_embedded().unwrap(), p, config);
        update(&mut s, Action::Resize(100, 30));
        let away = dir.path().join("elsewhere.csv");
        std::fs::rename(&path, &away).unwrap();
        assert!(refresh(&mut s, &mut sess));
        let m = s.message.clone().unwrap_or_default();
        assert!(m.starts_with("台账文件不见了（被移走或删除）"), "{m}");
        assert_eq!(actual(&s).as_deref(), Some("430"), "what was read is kept");
        assert!(!refresh(&mut s, &mut sess), "said once");
        keys(&mut s, ":8.1\ne\t2025\t440\n");
        perform(&mut s, &mut sess);
        assert!(!path.exists(), "no second ledger at the old path");
        let Mode::Edit(e) = &s.mode else {
            panic!("the editor closed: {:?}", s.message)
        };
        let why = e.error.clone().unwrap_or_default();
        assert!(why.contains("台账文件不见了"), "{why}");
        // Back: said, and the edit goes through.
        std::fs::rename(&away, &path).unwrap();
        assert!(refresh(&mut s, &mut sess));
        assert_eq!(s.message.as_deref(), Some("台账文件已恢复"));
        assert!(s.gone.is_none());
        keys(&mut s, "\n");
        perform(&mut s, &mut sess);
        assert_eq!(actual(&s).as_deref(), Some("440"));
        assert!(std::fs::read_to_string(&path).unwrap().contains("alice"));
        // Cut to nothing: said, kept.
        std::fs::write(&path, "").unwrap();
        assert!(refresh(&mut s, &mut sess));
        let m = s.message.clone().unwrap_or_default();
        assert!(m.starts_with("台账被清空"), "{m}");
        assert_eq!(actual(&s).as_deref(), Some("440"));
    }
}
