//! `u` on a change that is someone else's, or of a period other than the
//! one shown, asks y/n first, naming who, when, the period and the values;
//! `y` expects exactly that row. The tester's case: 赵六 changed 8.1's
//! 2024 value (450 -> 452) in his session while 王五's screen showed 2025's
//! 495; `u` reverted it with no question.

use crate::common::*;
use wudang_plan::ledger::{Edit, Entry, Expect, Field, Ledger, LedgerError, Stamp};
use wudang_plan::plan::Period;
use wudang_plan::ui::keymap::Ctx;
use wudang_plan::ui::{Action, AppState, Lang, Mode, update};

/// A row of 8.1 for `year` at `line`, `old` before it.
fn in_year(value: &str, old: Option<&str>, year: i32, line: u64, user: &str) -> Entry {
    let mut r = row("8.1", value, old, user);
    r.period = Some(Period::Year(year));
    r.line = line;
    r
}

/// tester (the user of the state) recorded 450 for 2024 and 495 for 2025.
fn testers_8_1(lang: Lang) -> AppState {
    let mut s = writable(lang, 100, 30);
    let rows = vec![
        in_year("450", None, 2024, 2, "tester"),
        in_year("495", None, 2025, 3, "tester"),
    ];
    update(&mut s, Action::Changed(rows));
    s.message = None;
    s
}

fn question(s: &AppState) -> String {
    match &s.mode {
        Mode::Confirm(c) => wudang_plan::ui::view::confirm::text(s, c),
        other => panic!("no question: {other:?}"),
    }
}

#[test]
fn undo_of_a_colleagues_change_to_another_period_asks_first() {
    let mut s = testers_8_1(Lang::Zh);
    // 赵六's change arrives live
    let zhao = in_year("452", Some("450"), 2024, 4, "赵六");
    update(&mut s, Action::Changed(vec![zhao]));
    keys(&mut s, ":8.1\nu");
    assert!(s.request.is_none(), "nothing undone without a question");
    assert_eq!(s.ctx(), Ctx::Confirm);
    assert_eq!(
        question(&s),
        "撤销 赵六 于 2025-06-30 00:00 对 8.1（2024） 的修改：450 亿元 -> 452 亿元；改回 450 亿元？\
         （屏幕上显示的是 2025 年的值） y 撤销  n 不撤销"
    );
    let out = render(&s);
    assert!(out.contains("┌撤销─"), "{out}");
    // n: nothing
    keys(&mut s, "n");
    assert!(s.request.is_none());
    assert_eq!(s.message.as_deref(), Some("已取消，未记录"));
    // y: undo exactly 赵六's row
    keys(&mut s, "uy");
    let r = s.request.take().expect("y undoes");
    assert!(r.undo);
    assert_eq!(
        r.expect,
        Expect::Row {
            value: Some("452".into()),
            line: 4
        }
    );
}

/// A colleague's change to the period shown asks too (in English here).
#[test]
fn undo_of_a_colleagues_change_to_the_period_shown_asks() {
    let mut s = testers_8_1(Lang::En);
    update(
        &mut s,
        Action::Changed(vec![in_year("500", Some("495"), 2025, 4, "bob")]),
    );
    keys(&mut s, ":8.1\nu");
    assert_eq!(
        question(&s),
        "Undo the change by bob at 2025-06-30 00:00 to 8.1 (2025): 495 亿元 -> 500 亿元; \
         back to 495 亿元? y undo  n keep it"
    );
}

/// One's own change of the period shown is undone at once, expecting its
/// row; one's own change of another period asks.
#[test]
fn own_changes_ask_only_for_another_period() {
    let mut s = testers_8_1(Lang::Zh);
    keys(&mut s, ":8.1\nu");
    let r = s.request.take().expect("undone at once");
    assert_eq!(
        r.expect,
        Expect::Row {
            value: Some("495".into()),
            line: 3
        }
    );
    update(
        &mut s,
        Action::Changed(vec![in_year("400", None, 2023, 4, "tester")]),
    );
    keys(&mut s, "u");
    assert!(s.request.is_none());
    let q = question(&s);
    assert!(
        q.contains("tester") && q.contains("8.1（2023）") && q.contains("改回 （无）"),
        "{q}"
    );
}

// ---- with a real ledger ----

fn put(l: &mut Ledger, v: &str, year: i32, user: &str) {
    l.append(Edit {
        id: "8.1".into(),
        field: Field::Actual,
        value: Some(v.into()),
        note: None,
        user: user.into(),
        time: Stamp::start_of(MID_2025),
        expect: Expect::Any,
        period: Some(Period::Year(year)),
    })
    .unwrap();
}

/// The undo the UI asked for, as the session carries it out.
fn undo(l: &mut Ledger, s: &mut AppState) -> Result<Entry, LedgerError> {
    let r = s.request.take().expect("an undo");
    assert!(r.undo);
    let time = Stamp::start_of(MID_2025);
    l.undo(&r.id, Some(r.field), &r.expect, "tester", time, None)
        .map(|u| u.reverted)
}

/// The ledger of the tester's case; 赵六's row read by the refresh (as
/// the run loop does): `u` asks, `y` reverts exactly his row.
#[test]
fn the_testers_case_on_a_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actuals.csv");
    let mut l = Ledger::open(&path).unwrap();
    put(&mut l, "450", 2024, "tester");
    put(&mut l, "495", 2025, "tester");
    let mut s = writable(Lang::Zh, 100, 30);
    let p = wudang_plan::ui::data::Progress::from_ledger(&l, MID_2025);
    update(&mut s, Action::Reloaded(Box::new(p)));
    put(&mut Ledger::open(&path).unwrap(), "452", 2024, "赵六");
    let new = l.refresh().unwrap().new;
    update(&mut s, Action::Changed(new));
    keys(&mut s, ":8.1\nu");
    let q = question(&s);
    assert!(q.contains("赵六") && q.contains("8.1（2024）"), "{q}");
    assert!(q.contains("450 亿元 -> 452 亿元；改回 450 亿元"), "{q}");
    keys(&mut s, "y");
    let reverted = undo(&mut l, &mut s).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reverted.user, "赵六");
    let v2024 = l.current_in("8.1", Field::Actual, Some(Period::Year(2024)));
    assert_eq!(v2024.and_then(|e| e.value).as_deref(), Some("450"));
    assert_eq!(
        l.value("8.1", Field::Actual),
        Some("495"),
        "2025 stays current"
    );
}

/// Read from the ledger at start (Progress::from_ledger), the last row is
/// known whatever its period: 赵六's 2024 row asks.
#[test]
fn the_last_row_is_known_from_the_ledger_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut l = Ledger::open(&dir.path().join("actuals.csv")).unwrap();
    put(&mut l, "495", 2025, "tester");
    put(&mut l, "452", 2024, "赵六");
    let mut s = writable(Lang::Zh, 100, 30);
    let p = wudang_plan::ui::data::Progress::from_ledger(&l, MID_2025);
    update(&mut s, Action::Reloaded(Box::new(p)));
    keys(&mut s, ":8.1\nu");
    assert!(question(&s).contains("撤销 赵六"), "{}", question(&s));
}
