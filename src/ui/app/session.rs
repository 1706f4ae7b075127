//! The session: the ledger the UI records to and as whom, and everything
//! the run loop does with it — carrying out what `update` asked for
//! ([`perform`]), taking in other sessions' rows ([`refresh`]) and keeping
//! the value being typed as a draft ([`typed`], [`save_draft`]).

use crate::ledger::{Appended, Edit, Ledger, LedgerError, NoProgress, Stamp, draft};
use crate::ui::action::Action;
use crate::ui::data::{Progress, Seen};
use crate::ui::model::refusal::refusal;
use crate::ui::model::{AppState, Confirm, Mode};
use crate::ui::strings::{self, S};
use crate::ui::update::update;

/// The ledger the UI reads (history, live refresh) and records to, and as
/// whom: without a user name the session only reads.
#[derive(Debug)]
pub struct Session {
    pub ledger: Ledger,
    /// A city's view: each district's name and ledger (its history is
    /// read there); empty otherwise.
    pub city: Vec<(String, std::path::PathBuf)>,
    /// Who records; `None`: read-only (no user name was given).
    pub user: Option<String>,
    /// `--today`: every edit is stamped 00:00 of that day; else now.
    pub at: Option<Stamp>,
}

impl Session {
    /// Where this user's draft lives; none without a user.
    pub(super) fn draft_path(&self) -> Option<std::path::PathBuf> {
        let user = self.user.as_deref()?;
        Some(draft::draft_path(self.ledger.path(), user))
    }
}

/// A half-typed value, if the editor is open and holds one that is not
/// on its way to the ledger, with the value the editor opened with.
pub(super) fn typed(state: &AppState) -> Option<draft::Draft> {
    let editor = match &state.mode {
        Mode::Edit(e) => Some(e),
        // asked whether a large value is meant: still typed, not sent
        Mode::Confirm(Confirm::Large { editor, .. }) => Some(editor.as_ref()),
        _ => None,
    };
    match editor {
        Some(e) if e.sending.is_none() && !e.field.is_empty() => {
            let text = e.field.text();
            (e.seen.as_deref() != Some(text.as_str())).then(|| draft::Draft {
                id: e.id.clone(),
                field: e.target,
                text,
                saved: String::new(),
                seen: e.seen.clone(),
                seen_line: e.seen_row,
                period: e.period.as_ref().map(|p| p.field.text()),
            })
        }
        _ => None,
    }
}

/// Saves the value being typed (or removes an old draft). Errors are
/// ignored: there may be no terminal left to tell.
pub(super) fn save_draft(state: &AppState, sess: &Session) {
    let Some(path) = sess.draft_path() else {
        return;
    };
    match typed(state) {
        Some(mut d) => {
            d.saved = Stamp::now().to_string();
            let _ = draft::save(&path, &d);
        }
        None => {
            let _ = draft::clear(&path);
        }
    }
}

/// Records what `update` asked for (or reads the history it asked for)
/// and feeds the ledger's answer back.
pub fn perform(state: &mut AppState, sess: &mut Session) {
    if let Some(id) = state.history_request.take() {
        history(state, sess, id);
    }
    let Some(req) = state.request.take() else {
        return;
    };
    let Some(user) = sess.user.clone() else {
        // `update` asks for no writes while read-only; refuse if it did.
        let why = state.tr(S::ReadOnlyNoUser).to_string();
        update(state, Action::Rejected(why));
        return;
    };
    // Take in others' rows first, so they are shown (append would read
    // them silently).
    refresh(state, sess);
    // The file that had rows is missing or empty: an edit would start a
    // second ledger at the old path.
    if let Some(why) = state.gone_text() {
        update(state, Action::Rejected(why.to_string()));
        return;
    }
    let before = sess.ledger.len();
    let warned = sess.ledger.warnings().len();
    let time = sess.at.unwrap_or_else(Stamp::now);
    let undo = req.undo;
    // The rows the ledger decides on: those the screen shows, and any
    // slipped in between the refresh and the lock (taken then, shown as
    // others' changes before the answer).
    let mut seen = Seen::new(&state.progress);
    let res = if undo {
        let what = (&req.expect, user.as_str(), time, req.note);
        sess.ledger
            .undo_with((&req.id, req.field), what, &mut seen)
            .map(|u| Action::Recorded(u.entry))
    } else {
        let id = req.id.clone();
        sess.ledger
            .append_with(
                Edit {
                    id: req.id,
                    field: req.field,
                    value: req.value,
                    note: req.note,
                    user,
                    time,
                    expect: req.expect,
                    period: req.period,
                },
                &mut seen,
            )
            .map(|a| match a {
                Appended::Recorded(e) => Action::Recorded(e),
                Appended::Unchanged(cur) => Action::Unchanged(id, cur),
            })
    };
    let taken = seen.taken;
    if !sess.ledger.is_lean() {
        if sess.ledger.len() > before + 1 {
            // Rows slipped in between the refresh and the lock.
            let p = Progress::from_ledger(&sess.ledger, state.progress.today);
            update(state, Action::Reloaded(Box::new(p)));
        }
    } else if !settle_lean(state, sess) && !taken.is_empty() {
        update(state, Action::Changed(taken));
    }
    let answer = match res {
        Ok(a) => a,
        Err(LedgerError::Conflict(c)) if undo => Action::UndoConflicted(*c),
        Err(LedgerError::Conflict(c)) => Action::Conflicted(*c),
        Err(e) => Action::Rejected(refusal(&e, state.lang())),
    };
    update(state, answer);
    say_moved_aside(state, sess, warned);
}

/// A cut-short last line moved aside to append (a writer that died
/// mid-line; warnings from `warned` on): said now, in front of the answer,
/// as the command line says it (never silently, docs/data.md).
fn say_moved_aside(state: &mut AppState, sess: &Session, warned: usize) {
    let moved: Vec<String> = sess.ledger.warnings()[warned.min(sess.ledger.warnings().len())..]
        .iter()
        .filter_map(|w| moved_aside(w, state.lang()))
        .collect();
    if !moved.is_empty() {
        let mut m = moved.join("  ");
        if let Some(answer) = state.message.take() {
            m = format!("{m}  {answer}");
        }
        state.message = Some(m);
    }
}

/// The status line's words for a last line moved aside before an edit.
fn moved_aside(w: &crate::ledger::Warning, lang: crate::vocab::Lang) -> Option<String> {
    match w {
        crate::ledger::Warning::MovedAside { line, to, .. } => {
            let to = to.file_name().map_or_else(
                || to.display().to_string(),
                |f| f.to_string_lossy().into_owned(),
            );
            // The bytes are in the file it was moved to; the status line
            // has room for the line, where, and what to do.
            Some(strings::fill(
                lang,
                S::TornMovedAside,
                &[&line.to_string(), &crate::text::visible(&to)],
            ))
        }
        crate::ledger::Warning::TornTail { .. } => None,
    }
}

/// Reads the history `update` asked for (after taking in others' rows).
fn history(state: &mut AppState, sess: &mut Session, id: String) {
    refresh(state, sess);
    read_history(state, sess, id);
}

/// Reads `id`'s history into the popup (no refresh first).
fn read_history(state: &mut AppState, sess: &mut Session, id: String) {
    if !sess.city.is_empty() {
        return city_history(state, sess, id);
    }
    // Read from the checkpoint: the rows before it are found once,
    // on the first history asked for (the same rows, read again).
    let _ = sess.ledger.load_positions(&mut NoProgress);
    let rows: Vec<_> = sess
        .ledger
        .history(Some(&id))
        .take(HISTORY_ROWS)
        .filter_map(Result::ok)
        .collect();
    let total = if sess.ledger.has_positions() {
        sess.ledger.count(&id)
    } else {
        rows.len()
    };
    update(state, Action::History(id, rows, total));
    settle_lean(state, sess);
}

/// A city's view: the history of a qualified id (`乌当区:8.1`) read from
/// its district's ledger, its rows given the qualified id. A ledger that
/// cannot be read shows no rows (the start said why).
fn city_history(state: &mut AppState, sess: &Session, id: String) {
    let found = crate::plan::split_qualified(&id).and_then(|(district, local)| {
        let (_, path) = sess.city.iter().find(|(name, _)| name == district)?;
        let mut ledger = Ledger::open_with_checkpoint(path, &mut NoProgress).ok()?;
        let _ = ledger.load_positions(&mut NoProgress);
        let rows: Vec<_> = ledger
            .history(Some(local))
            .take(HISTORY_ROWS)
            .filter_map(Result::ok)
            .map(|mut e| {
                e.id = id.clone();
                e
            })
            .collect();
        Some((rows, ledger.count(local)))
    });
    let (rows, total) = found.unwrap_or_default();
    update(state, Action::History(id, rows, total));
}

/// A lean ledger read again in full (its file replaced or rewritten): the
/// progress is read again from it, then it is made lean again. True when
/// that happened.
fn settle_lean(state: &mut AppState, sess: &mut Session) -> bool {
    if !sess.ledger.lean_pending() {
        return false;
    }
    let p = Progress::from_ledger(&sess.ledger, state.progress.today);
    sess.ledger.make_lean();
    update(state, Action::Reloaded(Box::new(p)));
    true
}

/// How many of the latest changes the history popup shows.
const HISTORY_ROWS: usize = 200;

/// Picks up other sessions' rows; true when something changed. A read
/// that succeeds takes a ledger problem said before off the status line.
pub(super) fn refresh(state: &mut AppState, sess: &mut Session) -> bool {
    let was_empty = sess.ledger.is_empty();
    let res = sess.ledger.refresh();
    let mut cleared = false;
    if res.is_ok()
        && state
            .message
            .as_deref()
            .is_some_and(|m| is_problem(state, m))
    {
        state.message = None;
        cleared = true;
    }
    if matches!(&res, Ok(r) if r.gone.is_none()) && super::gone::back(state) {
        cleared = true;
    }
    let changed = took(state, sess, res, was_empty);
    if changed {
        live_history(state, sess);
    }
    changed || cleared
}

/// The history popup, if open, read again after the ledger changed (as
/// the chart, drawn from the state, is): the place in it kept.
fn live_history(state: &mut AppState, sess: &mut Session) {
    let Some(h) = &state.history else { return };
    let (id, cursor) = (h.id.clone(), h.cursor);
    read_history(state, sess, id);
    if let Some(h) = state.history.as_mut() {
        let last = h.rows.len().saturating_sub(1);
        h.cursor.sel = cursor.sel.min(last);
        h.cursor.offset = cursor.offset.min(h.cursor.sel);
    }
}

/// True for the status line's "ledger problem" message.
fn is_problem(state: &AppState, m: &str) -> bool {
    let t = state.tr(S::LedgerProblem);
    m.starts_with(&t[..t.find("{}").unwrap_or(t.len())])
}

/// Takes in what a refresh read (others' rows, the file read again) or
/// says its error.
fn took(
    state: &mut AppState,
    sess: &mut Session,
    res: Result<crate::ledger::Refreshed, LedgerError>,
    was_empty: bool,
) -> bool {
    match res {
        Ok(crate::ledger::Refreshed { gone: Some(g), .. }) => super::gone::said(state, g),
        // The first rows of a new ledger (another session created the
        // file): report them as changes, not as a replaced file.
        Ok(r) if r.reloaded && was_empty && sess.ledger.len() <= 1000 => {
            let mut rows: Vec<_> = sess.ledger.history(None).filter_map(Result::ok).collect();
            rows.reverse();
            if sess.ledger.lean_pending() {
                sess.ledger.make_lean();
            }
            update(state, Action::Changed(rows));
            true
        }
        Ok(r) if r.reloaded => {
            let p = Progress::from_ledger(&sess.ledger, state.progress.today);
            if sess.ledger.lean_pending() {
                sess.ledger.make_lean();
            }
            update(state, Action::Reloaded(Box::new(p)));
            true
        }
        Ok(r) if !r.new.is_empty() => {
            update(state, Action::Changed(r.new));
            true
        }
        Ok(_) => false,
        Err(e) => {
            let m = strings::fill(
                state.lang(),
                S::LedgerProblem,
                &[&refusal(&e, state.lang())],
            );
            let changed = state.message.as_deref() != Some(m.as_str());
            state.message = Some(m);
            changed
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::draft::Draft;
    use crate::ledger::{Entry, Field};
    use crate::plan::Period;
    use crate::ui::keymap::{self, Key};
    use crate::ui::model::{Config, Theme};
    use crate::ui::strings::Lang;

    fn state() -> AppState {
        state_with(Progress::empty(jiff::civil::date(2025, 6, 30)))
    }

    fn state_with(progress: Progress) -> AppState {
        let plan = crate::plan::load_embedded().unwrap();
        let theme = Theme {
            color: false,
            ascii: false,
        };
        let mut config = Config::new(Lang::Zh, theme);
        config.writable = true;
        let mut s = AppState::new(plan, progress, config);
        update(&mut s, Action::Resize(100, 30));
        s
    }

    /// Keys through the keymap; `\t` is Tab, `\n` Enter.
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

    /// A first-release ledger (no period column) refuses a value for
    /// 2023: the editor says so in the UI's language, the command to run
    /// within its two lines at 80 columns (it was the ledger's English
    /// message, cut before `ledger convert`).
    #[test]
    fn a_ledger_refusal_is_worded_in_the_uis_language_instruction_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.csv");
        std::fs::write(&path, "\u{feff}time,user,id,field,value,old,note\r\n").unwrap();
        for (lang, want) in [
            (Lang::Zh, "请先运行 wudang-plan ledger convert"),
            (Lang::En, "run wudang-plan ledger convert"),
        ] {
            let mut sess = Session {
                city: Vec::new(),
                ledger: Ledger::open(&path).unwrap(),
                user: Some("alice".into()),
                at: Some(Stamp::start_of(jiff::civil::date(2025, 6, 30))),
            };
            let mut s = state();
            s.config.lang = lang;
            keys(&mut s, ":8.1\ne\t2023\t430\n");
            perform(&mut s, &mut sess);
            let Mode::Edit(e) = &s.mode else {
                panic!("the editor closed")
            };
            let lines = e.error_text(lang, 80).join("");
            assert!(lines.contains(want), "{lines}");
            assert!(
                !lines.contains("old.csv"),
                "no path (the footer has it): {lines}"
            );
            if lang == Lang::Zh {
                assert!(lines.contains("旧版台账"), "{lines}");
            }
        }
    }

    /// A value waiting for the answer to "more than 10 times?" is still
    /// typed: a hang-up keeps it as a draft.
    #[test]
    fn a_large_value_being_asked_about_is_kept_as_a_draft() {
        let mut s = state();
        keys(&mut s, ":8.4\ne5000\n");
        assert!(matches!(s.mode, Mode::Confirm(Confirm::Large { .. })));
        assert_eq!(typed(&s).map(|d| d.text).as_deref(), Some("5000"));
    }

    /// Issue 10: a value typed for 2023 (the period typed with a Chinese
    /// IME, shown as recorded once left) is kept as a draft with its
    /// period; restored, Enter records it for 2023, not this year.
    #[test]
    fn a_draft_keeps_the_period_and_the_session_records_for_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        let mut sess = Session {
            city: Vec::new(),
            ledger: Ledger::open(&path).unwrap(),
            user: Some("alice".into()),
            at: Some(Stamp::start_of(jiff::civil::date(2025, 6, 30))),
        };
        let mut s = state();
        keys(&mut s, ":8.1\ne\t２０２３年\t430");
        let d = typed(&s).unwrap();
        assert_eq!(
            (d.text.as_str(), d.period.as_deref()),
            ("430", Some("2023"))
        );
        save_draft(&s, &sess);
        let back = draft::load(&sess.draft_path().unwrap()).unwrap().unwrap();
        assert_eq!(
            back,
            Draft {
                saved: back.saved.clone(),
                ..d
            }
        );

        let mut s = state();
        update(&mut s, Action::RestoreDraft(back));
        keys(&mut s, "\n");
        perform(&mut s, &mut sess);
        assert!(s.message.unwrap_or_default().contains("8.1（2023）"));
        let row = sess.ledger.last_row("8.1", Field::Actual).unwrap();
        assert_eq!(
            (row.value.as_deref(), row.period),
            (Some("430"), Some(Period::Year(2023)))
        );
    }

    /// A ledger of `rows` (line 2 on), a checkpoint written after the
    /// first `kept` of them.
    fn ledger_file(path: &std::path::Path, rows: &[Entry], kept: usize) {
        use crate::ledger::entry::{entry_line, header_line};
        let mut bytes = header_line();
        for (i, e) in rows[..kept].iter().enumerate() {
            let e = Entry {
                line: i as u64 + 2,
                ..e.clone()
            };
            bytes.extend(entry_line(&e));
        }
        std::fs::write(path, &bytes).unwrap();
        Ledger::open(path).unwrap().save_checkpoint().unwrap();
        for (i, e) in rows[kept..].iter().enumerate() {
            let e = Entry {
                line: (kept + i) as u64 + 2,
                ..e.clone()
            };
            bytes.extend(entry_line(&e));
        }
        std::fs::write(path, &bytes).unwrap();
    }

    fn row(id: &str, field: Field, v: &str, p: Option<&str>, who: &str) -> Entry {
        Entry {
            line: 0,
            time: Stamp::parse("2025-06-01T10:00:00+08:00").unwrap(),
            user: who.into(),
            id: id.into(),
            field,
            value: Some(v.into()),
            old: None,
            note: None,
            period: p.map(|p| Period::parse(p).unwrap()),
        }
    }

    /// The session as the full-screen UI opens it: lean, its progress
    /// read from the checkpoint and the rows after it.
    fn lean(path: &std::path::Path) -> (Session, AppState) {
        let today = jiff::civil::date(2025, 6, 30);
        let (ledger, p) = Progress::read_lean(path, today, &mut crate::ledger::NoProgress).unwrap();
        assert!(ledger.is_lean() && !ledger.lean_pending());
        let sess = Session {
            city: Vec::new(),
            ledger,
            user: Some("alice".into()),
            at: Some(Stamp::start_of(today)),
        };
        (sess, state_with(p))
    }

    /// A line a dying writer left without its line break, appended while
    /// the UI is open, is moved aside by the next edit (as the command line
    /// does): the status line says so, with the line, before the answer.
    /// It said only `已记录 …`, and the row was gone from the ledger
    /// unnoticed (found by the new-user test).
    #[test]
    fn a_cut_short_line_moved_aside_by_an_edit_is_said() {
        use std::io::Write as _;
        let dir = tempfile::tempdir().unwrap();
        let path = fixture(dir.path());
        let (mut sess, mut s) = lean(&path);
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        f.write_all(b"2025-06-30T00:00:00+00:00,eve,8.4,actual,2,,,2025")
            .unwrap();
        drop(f);
        keys(&mut s, ":8.1\ne\t2025\t440\n");
        perform(&mut s, &mut sess);
        let m = s.message.clone().unwrap_or_default();
        assert!(m.starts_with("注意：台账第 7 行不完整，已移到"), "{m}");
        assert!(m.contains("已移到 actuals.csv.torn"), "{m}");
        assert!(m.contains("已记录"), "the answer stays: {m}");
        let torn = std::fs::read_to_string(dir.path().join("actuals.csv.torn")).unwrap();
        assert!(torn.contains("eve,8.4"), "{torn}");
    }

    fn fixture(dir: &std::path::Path) -> std::path::PathBuf {
        let path = dir.join("actuals.csv");
        let a = Field::Actual;
        let rows = [
            row("8.1", a, "400", Some("2024"), "bob"),
            row("8.1", a, "430", Some("2025"), "bob"),
            row("8.1", Field::Note, "快报口径", None, "bob"),
            row("8", Field::Status, "in_progress", None, "bob"),
            // after the checkpoint
            row("8.2", a, "7", Some("2025"), "carol"),
        ];
        ledger_file(&path, &rows, 4);
        path
    }

    /// Issue 12 (fourth round): the lean session keeps no rows of its own;
    /// an edit is decided on the row the screen shows, read back from the
    /// file (here from before the checkpoint), with nothing lost: the
    /// recorded row's `old`, the undo (which asks, the row being of a
    /// period not shown) restoring the value before, a colleague's row a
    /// conflict naming them.
    #[test]
    fn a_lean_session_records_undoes_and_meets_conflicts_as_before() {
        let dir = tempfile::tempdir().unwrap();
        let path = fixture(dir.path());
        let (mut sess, mut s) = lean(&path);
        assert_eq!(s.progress.row_in("8.1", Period::Year(2024)), 2);
        keys(&mut s, ":8.1\ne\t2024\t410\n");
        perform(&mut s, &mut sess);
        let full = Ledger::open(&path).unwrap();
        let last = full.last_row("8.1", Field::Actual).unwrap();
        assert_eq!(
            (
                last.value.as_deref(),
                last.old.as_deref(),
                last.user.as_str()
            ),
            (Some("410"), Some("400"), "alice")
        );
        assert_eq!(s.progress.last_of("8.1").map(|l| l.line), Some(last.line));
        // `u`: the last row is of 2024, not the period shown: asked, then done.
        keys(&mut s, "uy");
        perform(&mut s, &mut sess);
        let full = Ledger::open(&path).unwrap();
        let undo = full.last_row("8.1", Field::Actual).unwrap();
        assert_eq!(
            (undo.value.as_deref(), undo.old.as_deref()),
            (Some("400"), Some("410"))
        );
        assert_eq!(s.progress.row_in("8.1", Period::Year(2024)), undo.line);
        // A colleague records 2025 while the editor is open: a conflict
        // naming them; their value is shown.
        keys(&mut s, "e\t2025\t460");
        let mut other = Ledger::open(&path).unwrap();
        other
            .append(Edit {
                expect: crate::ledger::Expect::Any,
                ..edit_of(row("8.1", Field::Actual, "450", Some("2025"), "carol"))
            })
            .unwrap();
        keys(&mut s, "\n");
        perform(&mut s, &mut sess);
        let Mode::Edit(e) = &s.mode else {
            panic!("the editor closed: {:?}", s.message)
        };
        let clash = e.clash.as_ref().expect("a conflict");
        assert_eq!(clash.who.as_deref(), Some("carol"));
        assert_eq!(
            s.progress
                .actual_of("8.1")
                .map(|a| a.to_ledger())
                .as_deref(),
            Some("450")
        );
        assert!(sess.ledger.is_lean() && !sess.ledger.lean_pending());
    }

    fn edit_of(e: Entry) -> Edit {
        Edit {
            id: e.id,
            field: e.field,
            value: e.value,
            note: e.note,
            user: e.user,
            time: e.time,
            expect: crate::ledger::Expect::Any,
            period: e.period,
        }
    }

    /// Rows a colleague appends between the refresh and the lock are read
    /// under the lock, given to the progress (`Seen`) before the decision,
    /// and the edit is decided on them: a conflict naming them.
    #[test]
    fn rows_slipped_in_before_the_lock_are_decided_on_and_shown() {
        let dir = tempfile::tempdir().unwrap();
        let path = fixture(dir.path());
        let (mut sess, s) = lean(&path);
        let mut other = Ledger::open(&path).unwrap();
        other
            .append(edit_of(row("8.2", Field::Actual, "9", Some("2025"), "dan")))
            .unwrap();
        let mut seen = Seen::new(&s.progress);
        let seen_row = s.progress.row_in("8.2", Period::Year(2025));
        let res = sess.ledger.append_with(
            Edit {
                expect: crate::ledger::Expect::Row {
                    value: Some("7".into()),
                    line: seen_row,
                },
                ..edit_of(row("8.2", Field::Actual, "8", Some("2025"), "alice"))
            },
            &mut seen,
        );
        let Err(LedgerError::Conflict(c)) = res else {
            panic!("not a conflict: {res:?}")
        };
        assert_eq!(
            (c.who.as_deref(), c.found.as_deref()),
            (Some("dan"), Some("9"))
        );
        assert_eq!(seen.taken.len(), 1);
        assert_eq!(seen.taken[0].user, "dan");
    }

    /// Issue 12 (fifth round): the history popup did not change when the
    /// ledger did (the chart does): a colleague's row for the indicator
    /// shown, taken in by the refresh, is in it at once, the place in the
    /// list kept.
    #[test]
    fn the_history_popup_shows_rows_taken_in_by_a_refresh() {
        let dir = tempfile::tempdir().unwrap();
        let path = fixture(dir.path());
        let (mut sess, mut s) = lean(&path);
        keys(&mut s, ":8.1\nH");
        perform(&mut s, &mut sess);
        keys(&mut s, "j");
        let sel = s.history.as_ref().map(|h| h.cursor.sel);
        let mut other = Ledger::open(&path).unwrap();
        other
            .append(edit_of(row(
                "8.1",
                Field::Actual,
                "470",
                Some("2025"),
                "dan",
            )))
            .unwrap();
        assert!(refresh(&mut s, &mut sess));
        let h = s.history.as_ref().expect("still open");
        assert_eq!((h.id.as_str(), h.rows.len(), h.total), ("8.1", 4, 4));
        assert_eq!(h.rows[0].user, "dan", "newest first");
        assert_eq!(Some(h.cursor.sel), sel, "the place kept");
    }

    /// The history popup, others' rows and a replaced file on a lean
    /// session: history reads the rows' positions once; a replaced file is
    /// read again, the progress with it, and the ledger is lean again.
    #[test]
    fn a_lean_session_shows_history_refreshes_and_survives_a_replaced_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = fixture(dir.path());
        let (mut sess, mut s) = lean(&path);
        keys(&mut s, ":8.1\nH");
        perform(&mut s, &mut sess);
        let h = s.history.as_ref().expect("the history popup");
        assert_eq!((h.rows.len(), h.total), (3, 3));
        assert_eq!(h.rows[0].value.as_deref(), Some("快报口径"));
        let mut other = Ledger::open(&path).unwrap();
        other
            .append(edit_of(row("8.2", Field::Actual, "9", Some("2025"), "dan")))
            .unwrap();
        assert!(refresh(&mut s, &mut sess));
        assert_eq!(
            s.progress
                .actual_of("8.2")
                .map(|a| a.to_ledger())
                .as_deref(),
            Some("9")
        );
        // Replaced: another file renamed over it.
        let new = dir.path().join("new.csv");
        ledger_file(
            &new,
            &[row("8.1", Field::Actual, "1", Some("2025"), "eve")],
            1,
        );
        std::fs::rename(&new, &path).unwrap();
        assert!(refresh(&mut s, &mut sess));
        assert!(sess.ledger.is_lean() && !sess.ledger.lean_pending());
        assert_eq!(s.progress.row_of("8.1", Field::Actual), 2);
        assert_eq!(s.progress.series_of("8.2").len(), 0);
    }
}

#[cfg(test)]
mod problem_tests {
    use super::*;
    use crate::ui::model::{Config, Theme};
    use crate::ui::strings::Lang;

    /// Issue 12 (fifth round): a ledger read error on the status line
    /// stayed there after the problem was gone, until a key was pressed;
    /// the next refresh that succeeds takes it away.
    #[test]
    fn a_ledger_problem_goes_from_the_status_line_when_a_refresh_succeeds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        let ok = "\u{feff}time,user,id,field,value,old,note,period\r\n\
                  2025-06-30T00:00:00+00:00,bob,8.1,actual,512,,,2025\r\n";
        std::fs::write(&path, ok).unwrap();
        let today = jiff::civil::date(2025, 6, 30);
        let (ledger, p) = Progress::read_lean(&path, today, &mut NoProgress).unwrap();
        let mut sess = Session {
            city: Vec::new(),
            ledger,
            user: Some("alice".into()),
            at: None,
        };
        let theme = Theme {
            color: false,
            ascii: false,
        };
        let mut s = AppState::new(
            crate::plan::load_embedded().unwrap(),
            p,
            Config::new(Lang::Zh, theme),
        );
        // A row that is not a row: the refresh says so.
        let mut bad = ok.to_string();
        bad.push_str("bad,row\r\n");
        std::fs::write(&path, &bad).unwrap();
        assert!(refresh(&mut s, &mut sess));
        let m = s.message.clone().unwrap_or_default();
        assert!(m.starts_with("台账读取出错"), "{m}");
        // Put right (the line taken out again, as it was): said gone.
        std::fs::write(&path, ok).unwrap();
        refresh(&mut s, &mut sess);
        let m = s.message.clone().unwrap_or_default();
        assert!(!m.contains("台账读取出错"), "still said: {m}");
    }
}
