//! Issue 8 ("trust pass") in the ledger: no-op edits record nothing, and
//! undo carries the value the undoer saw; both decided under the lock.

use std::fs;

use crate::common::ledger_in;
use wudang_plan::ledger::{Appended, Edit, Entry, Expect, Field, Ledger, LedgerError, Stamp};

fn t(n: u32) -> Stamp {
    Stamp::parse(&format!("2025-06-01T10:00:{n:02}+08:00")).unwrap()
}

fn edit(id: &str, field: Field, value: Option<&str>, user: &str, n: u32) -> Edit {
    Edit {
        id: id.into(),
        field,
        value: value.map(str::to_string),
        note: None,
        user: user.into(),
        time: t(n),
        expect: Expect::Any,
        period: None,
    }
}

/// The row an append wrote (it must have written one).
fn rec(r: Result<Appended, LedgerError>) -> Entry {
    match r.unwrap() {
        Appended::Recorded(e) => e,
        Appended::Unchanged(cur) => panic!("nothing recorded; current {cur:?}"),
    }
}

fn set(l: &mut Ledger, id: &str, v: &str, user: &str, n: u32) -> Entry {
    rec(l.append(edit(id, Field::Actual, Some(v), user, n)))
}

/// Issue 8: `５１２` typed over 512 recorded `512 → 512`. Decided under the
/// lock: the same value (by value: 512 = 512.0) appends nothing, for
/// actuals, statuses and notes; a new remark on the same value is recorded.
#[test]
fn an_edit_to_the_same_value_records_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger_in(&dir);
    let mut l = Ledger::open(&path).unwrap();
    let first = set(&mut l, "8.1", "512", "a", 1);
    rec(l.append(edit("8", Field::Status, Some("delayed"), "a", 2)));
    rec(l.append(edit("8", Field::Note, Some("待核实"), "a", 3)));
    let before = fs::read(&path).unwrap();
    // another session, which has not read those rows yet
    let mut other = Ledger::open(&path).unwrap();
    set(&mut l, "9.1", "1", "a", 4);
    let before_other = fs::read(&path).unwrap();
    assert_ne!(before, before_other);
    for e in [
        edit("8.1", Field::Actual, Some("512.0"), "b", 5),
        edit("8", Field::Status, Some("delayed"), "b", 5),
        edit("8", Field::Note, Some("待核实"), "b", 5),
        edit("9.9", Field::Note, None, "b", 5),
    ] {
        let got = other.append(e.clone()).unwrap();
        let Appended::Unchanged(cur) = got else {
            panic!("{e:?} recorded {got:?}")
        };
        if e.id == "8.1" {
            assert_eq!(cur, Some(first.clone()), "the row that set it");
        }
    }
    assert_eq!(fs::read(&path).unwrap(), before_other, "nothing appended");
    // even when the editor saw another value: the value already is theirs
    let mut e = edit("8.1", Field::Actual, Some("512"), "b", 6);
    e.expect = Expect::Value(Some("400".into()));
    assert!(matches!(other.append(e), Ok(Appended::Unchanged(_))));
    // a remark says something new: recorded, once
    let mut e = edit("8.1", Field::Actual, Some("512"), "b", 7);
    e.note = Some("年报核实".into());
    let r = rec(other.append(e.clone()));
    assert_eq!(
        (r.old.as_deref(), r.value.as_deref()),
        (Some("512"), Some("512"))
    );
    assert!(matches!(other.append(e), Ok(Appended::Unchanged(_))));
    assert_eq!(Ledger::open(&path).unwrap().len(), 5);
}

/// Issue 8: `u` reverted a change the user never saw. The undo carries the
/// value the undoer saw and is refused under the lock when it is not the
/// current value any more.
#[test]
fn undo_expecting_a_value_someone_changed_is_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger_in(&dir);
    let mut alice = Ledger::open(&path).unwrap();
    set(&mut alice, "8.1", "10", "alice", 1);
    let mut bob = Ledger::open(&path).unwrap();
    set(&mut bob, "8.1", "20", "bob", 2);
    let before = fs::read(&path).unwrap();
    // alice's screen still shows 10
    let seen = Expect::Value(Some("10".into()));
    let err = alice
        .undo("8.1", Some(Field::Actual), &seen, "alice", t(3), None)
        .unwrap_err();
    let LedgerError::Conflict(c) = &err else {
        panic!("{err}")
    };
    assert_eq!(
        (c.found.as_deref(), c.who.as_deref(), c.when),
        (Some("20"), Some("bob"), Some(t(2)))
    );
    assert_eq!(fs::read(&path).unwrap(), before, "nothing appended");
    // having seen bob's 20, the undo goes through and reverts it
    let seen = Expect::Value(Some("20.0".into()));
    let u = alice.undo("8.1", None, &seen, "alice", t(4), None).unwrap();
    assert_eq!(u.reverted.user, "bob");
    assert_eq!(u.entry.value.as_deref(), Some("10"));
}
