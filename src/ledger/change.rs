//! A change to record ([`Edit`], with what its author saw: [`Expect`]) and
//! deciding it under the lock: whether it changes anything (the no-op
//! rule), whether the value is still the one its author saw (the
//! expectation), and the row to append. Pure: [`super::Ledger::append`]
//! and [`super::Ledger::undo`] call these with the current row while they
//! hold the lock, so the decision and the append cannot be separated by
//! another writer. See docs/data.md, "Ledger".

use super::entry::{
    Entry, Field, Stamp, check_id, checked_note, checked_user, checked_value, same_value,
};
use super::error::{Conflict, LedgerError};
use crate::plan::Period;
use crate::vocab::{Lang, M, Msg, Term};

/// What an editor saw before its change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// Record unconditionally (`set` without `--expect`).
    Any,
    /// Record only if the current value is this (`None`: nothing recorded).
    Value(Option<String>),
    /// Record only if the current row of the id and field is still the one
    /// at `line` (`0`: there was none) and its value is `value`: the
    /// full-screen UI's expectation. The ledger is append-only, so a row's
    /// line is its identity: a value changed and changed back (188 → 200 →
    /// 188) is another row, a conflict, not the value the author saw. A
    /// replaced or converted file renumbers rows: a conflict too, never a
    /// silent overwrite.
    Row { value: Option<String>, line: u64 },
}

/// A change to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub id: String,
    pub field: Field,
    /// The new value in ledger form (see [`super::Actual::to_ledger`]);
    /// `None` clears it.
    pub value: Option<String>,
    pub note: Option<String>,
    pub user: String,
    pub time: Stamp,
    pub expect: Expect,
    /// The period of an actual (`None`: the year of `time`, the default);
    /// only actuals have one. The no-op rule, the expectation and `old`
    /// are about this period's value.
    pub period: Option<Period>,
}

impl Edit {
    /// The period the edit records a value for: for an actual its period
    /// or the year of its time; `None` for a status or a note.
    pub fn in_period(&self) -> Option<Period> {
        (self.field == Field::Actual).then(|| {
            self.period
                .unwrap_or_else(|| Period::Year(i32::from(self.time.date().year())))
        })
    }
}

/// What [`super::Ledger::append`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Appended {
    /// The row written (durable).
    Recorded(Entry),
    /// The value already was the edit's value (and the edit carried no new
    /// remark): nothing was appended. The row that set the current value,
    /// if any.
    Unchanged(Option<Entry>),
}

impl Appended {
    /// The row written, if one was.
    pub fn recorded(self) -> Option<Entry> {
        match self {
            Appended::Recorded(e) => Some(e),
            Appended::Unchanged(_) => None,
        }
    }
}

/// `edit` as it is recorded (user trimmed, a blank note or an empty value
/// dropped), or why it cannot be: the checks of [`super::entry`].
pub(crate) fn checked(mut edit: Edit) -> Result<Edit, LedgerError> {
    check_id(&edit.id).map_err(LedgerError::InvalidEdit)?;
    edit.user = checked_user(&edit.user).map_err(LedgerError::InvalidEdit)?;
    edit.note = checked_note(edit.note).map_err(LedgerError::InvalidEdit)?;
    edit.value =
        checked_value(&edit.id, edit.field, edit.value).map_err(LedgerError::InvalidEdit)?;
    if let Some(p) = edit.period
        && edit.field != Field::Actual
    {
        return Err(LedgerError::InvalidEdit(
            Msg::new(M::LedgerPeriodNotActual)
                .arg("id", &edit.id)
                .words("field", edit.field.word(Lang::Zh), edit.field.as_str())
                .arg("period", p),
        ));
    }
    Ok(edit)
}

/// True when the edit's remark (`--note`) says something the row that set
/// the current value did not.
fn new_remark(edit: &Edit, cur: Option<&Entry>) -> bool {
    edit.note
        .as_deref()
        .is_some_and(|n| cur.and_then(|e| e.note.as_deref()) != Some(n))
}

/// The conflict when `expect` is not the current value of `cur` (the
/// current row of `id`'s `field` in `period`, for an actual).
fn check_expect(
    (id, field, period): (&str, Field, Option<Period>),
    expect: &Expect,
    cur: Option<&Entry>,
) -> Result<(), LedgerError> {
    let found = cur.and_then(|e| e.value.clone());
    let line = cur.map_or(0, |e| e.line);
    let (expected, same) = match expect {
        Expect::Any => return Ok(()),
        Expect::Value(v) => (v, same_value(field, v.as_deref(), found.as_deref())),
        Expect::Row { value, line: seen } => (
            value,
            *seen == line && same_value(field, value.as_deref(), found.as_deref()),
        ),
    };
    if same {
        return Ok(());
    }
    Err(LedgerError::Conflict(Box::new(Conflict {
        id: id.to_string(),
        field,
        expected: expected.clone(),
        found,
        who: cur.map(|e| e.user.clone()),
        when: cur.map(|e| e.time),
        line,
        period,
    })))
}

/// The row to append for `edit` given the current row of its id, field and
/// period (for an actual: the latest row recorded for that period), `None`
/// when it changes nothing.
///
/// The no-op rule comes first: an edit whose value equals the current one
/// (by [`same_value`]: `512` = `512.0`) records nothing, whatever it
/// expected, because the ledger already says what its author wants. An
/// edit that carries a remark different from the current row's is
/// recorded anyway (the value stays, the remark is new information); the
/// same remark again is a no-op, so a retried command records once. Only
/// then is the expectation checked.
pub(crate) fn decide(edit: &Edit, cur: Option<&Entry>) -> Result<Option<Entry>, LedgerError> {
    let found = cur.and_then(|e| e.value.clone());
    if same_value(edit.field, edit.value.as_deref(), found.as_deref()) && !new_remark(edit, cur) {
        return Ok(None);
    }
    check_expect((&edit.id, edit.field, edit.in_period()), &edit.expect, cur)?;
    Ok(Some(Entry {
        line: 0,
        time: edit.time,
        user: edit.user.clone(),
        id: edit.id.clone(),
        field: edit.field,
        value: edit.value.clone(),
        old: found,
        note: edit.note.clone(),
        period: edit.in_period(),
    }))
}

/// The row reverting `last` (the latest change to undo), if its value is
/// still the one the undoer saw (`expect`).
pub(crate) fn decide_undo(
    last: &Entry,
    expect: &Expect,
    user: &str,
    time: Stamp,
    note: Option<String>,
) -> Result<Entry, LedgerError> {
    let period = (last.field == Field::Actual).then(|| last.in_period());
    check_expect((&last.id, last.field, period), expect, Some(last))?;
    Ok(Entry {
        line: 0,
        time,
        user: user.to_string(),
        id: last.id.clone(),
        field: last.field,
        value: last.old.clone(),
        old: last.value.clone(),
        note: Some(note.unwrap_or_else(|| super::remark::undo_of(last.time, &last.user))),
        period,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(v: Option<&str>, note: Option<&str>, expect: Expect) -> Edit {
        Edit {
            id: "8.1".into(),
            field: Field::Actual,
            value: v.map(String::from),
            note: note.map(String::from),
            user: "u".into(),
            time: Stamp::parse("2025-07-01T00:00:00+08:00").unwrap(),
            expect,
            period: None,
        }
    }

    fn row(v: &str, note: Option<&str>) -> Entry {
        Entry {
            line: 2,
            time: Stamp::parse("2025-06-01T00:00:00+08:00").unwrap(),
            user: "bob".into(),
            id: "8.1".into(),
            field: Field::Actual,
            value: Some(v.into()),
            old: None,
            note: note.map(String::from),
            period: None,
        }
    }

    #[test]
    fn the_same_value_records_nothing() {
        let cur = row("512", None);
        assert_eq!(
            decide(&edit(Some("512.0"), None, Expect::Any), Some(&cur)).unwrap(),
            None
        );
        // nothing over nothing
        assert_eq!(decide(&edit(None, None, Expect::Any), None).unwrap(), None);
        // what the author saw does not matter when the value is already theirs
        let stale = Expect::Value(Some("500".into()));
        assert_eq!(
            decide(&edit(Some("512"), None, stale.clone()), Some(&cur)).unwrap(),
            None
        );
        // another value is checked against what they saw
        assert!(matches!(
            decide(&edit(Some("513"), None, stale), Some(&cur)),
            Err(LedgerError::Conflict(_))
        ));
    }

    #[test]
    fn a_new_remark_on_the_same_value_is_recorded_once() {
        let cur = row("512", Some("快报"));
        let same = decide(&edit(Some("512"), Some("快报"), Expect::Any), Some(&cur)).unwrap();
        assert_eq!(same, None, "the same remark again is a retry");
        let new = decide(&edit(Some("512"), Some("年报"), Expect::Any), Some(&cur))
            .unwrap()
            .unwrap();
        assert_eq!(new.old.as_deref(), Some("512"));
        assert_eq!(new.note.as_deref(), Some("年报"));
    }

    #[test]
    fn a_value_changed_and_changed_back_is_another_row() {
        // the screen saw 512 at line 2; bob set 600, carol 512 (line 4)
        let mut cur = row("512", None);
        cur.line = 4;
        let saw = |line| Expect::Row {
            value: Some("512".into()),
            line,
        };
        let err = decide(&edit(Some("600"), None, saw(2)), Some(&cur)).unwrap_err();
        let LedgerError::Conflict(c) = err else {
            panic!("{err}")
        };
        assert_eq!((c.found.as_deref(), c.line), (Some("512"), 4));
        assert!(decide(&edit(Some("600"), None, saw(4)), Some(&cur)).is_ok());
        // the value compared too, as numbers
        let saw_500 = Expect::Row {
            value: Some("512.0".into()),
            line: 4,
        };
        assert!(decide(&edit(Some("600"), None, saw_500), Some(&cur)).is_ok());
        // nothing seen (line 0) but a row now, and an undo of another row
        assert!(
            decide(
                &edit(
                    Some("600"),
                    None,
                    Expect::Row {
                        value: Some("512".into()),
                        line: 0
                    }
                ),
                Some(&cur)
            )
            .is_err()
        );
        assert!(decide_undo(&cur, &saw(2), "a", cur.time, None).is_err());
        assert!(decide_undo(&cur, &saw(4), "a", cur.time, None).is_ok());
        // the command line's --expect compares values only
        let by_value = Expect::Value(Some("512".into()));
        assert!(decide(&edit(Some("600"), None, by_value), Some(&cur)).is_ok());
    }

    /// A conflict on an actual names its period (the edit's, or the
    /// undone row's), so the UI shows their value in that period.
    #[test]
    fn a_conflict_names_the_period() {
        let mut cur = row("420", None);
        cur.period = Some(Period::Year(2023));
        let mut e = edit(Some("430"), None, Expect::Value(Some("400".into())));
        e.period = Some(Period::Year(2023));
        let Err(LedgerError::Conflict(c)) = decide(&e, Some(&cur)) else {
            panic!("no conflict")
        };
        assert_eq!(c.period, Some(Period::Year(2023)));
        // nothing recorded for the period yet: still the edit's period
        let Err(LedgerError::Conflict(c)) = decide(
            &edit(Some("430"), None, Expect::Value(Some("1".into()))),
            None,
        ) else {
            panic!("no conflict")
        };
        assert_eq!(c.period, Some(Period::Year(2025)), "the year of its time");
        let Err(LedgerError::Conflict(c)) =
            decide_undo(&cur, &Expect::Value(None), "a", cur.time, None)
        else {
            panic!("no conflict")
        };
        assert_eq!(c.period, Some(Period::Year(2023)));
        cur.field = Field::Status;
        let Err(LedgerError::Conflict(c)) =
            decide_undo(&cur, &Expect::Value(None), "a", cur.time, None)
        else {
            panic!("no conflict")
        };
        assert_eq!(c.period, None, "a status has none");
    }

    #[test]
    fn undo_checks_what_the_undoer_saw() {
        let last = row("20", None);
        let e = decide_undo(
            &last,
            &Expect::Value(Some("20".into())),
            "a",
            last.time,
            None,
        );
        assert!(e.is_ok());
        let err = decide_undo(
            &last,
            &Expect::Value(Some("10".into())),
            "a",
            last.time,
            None,
        )
        .unwrap_err();
        let LedgerError::Conflict(c) = err else {
            panic!("{err}")
        };
        assert_eq!(
            (c.found.as_deref(), c.who.as_deref()),
            (Some("20"), Some("bob"))
        );
    }
}
