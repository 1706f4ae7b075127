//! What a row of the export saw of a value, and whether the ledger changed
//! it since. An export records in every row the ledger's last line at the
//! time (`ledger_line`); the ledger is append-only, so the value the row
//! saw is the one of the last row of that id, field (and period) at or
//! before that line, and the value was changed since exactly when its
//! current row comes after it. The rows appended since are read back
//! (`Ledger::history`) only for values changed since, and only when
//! needed ([`Then::seen`]).

use crate::ledger::{Entry, Field, Ledger, LedgerError};
use crate::plan::Period;

/// A value as the export saw it: the value and the line of its row (`0`:
/// no row, nothing recorded) — what an edit then expects
/// (`Expect::Row`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub value: Option<String>,
    pub line: u64,
}

/// A value of the ledger now, and the export line to tell what a row saw.
#[derive(Debug, Clone)]
pub struct Then<'l> {
    ledger: &'l Ledger,
    id: String,
    field: Field,
    period: Option<Period>,
    at: u64,
    /// The current row (`None`: nothing recorded).
    pub now: Option<Entry>,
}

impl<'l> Then<'l> {
    /// True when the value's current row was appended after the export.
    pub fn changed_since(&self) -> bool {
        self.now.as_ref().is_some_and(|e| e.line > self.at)
    }

    /// The value now.
    pub fn now_value(&self) -> Option<&str> {
        self.now.as_ref().and_then(|e| e.value.as_deref())
    }

    /// What the export saw: the current row if it is not newer than the
    /// export, else the last row of the id, field (and period) at or
    /// before the export line, read back from the file.
    pub fn seen(&self) -> Result<Seen, LedgerError> {
        let none = Seen {
            value: None,
            line: 0,
        };
        let Some(now) = &self.now else {
            return Ok(none);
        };
        if now.line <= self.at {
            return Ok(Seen {
                value: now.value.clone(),
                line: now.line,
            });
        }
        for row in self.ledger.history(Some(&self.id)) {
            let row = row?;
            let same = row.field == self.field
                && (self.field != Field::Actual || Some(row.in_period()) == self.period);
            if row.line <= self.at && same {
                return Ok(Seen {
                    value: row.value,
                    line: row.line,
                });
            }
        }
        Ok(none)
    }
}

/// The value of `id`'s `field` (for an actual: in `period`) now, for a row
/// exported at ledger line `at`.
pub fn then<'l>(
    ledger: &'l Ledger,
    (id, field, period): (&str, Field, Option<Period>),
    at: u64,
) -> Then<'l> {
    Then {
        ledger,
        id: id.to_string(),
        field,
        period,
        at,
        now: ledger.current_in(id, field, period),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{Edit, Expect, Stamp};

    fn set(l: &mut Ledger, id: &str, field: Field, v: &str, year: i32) {
        l.append(Edit {
            id: id.into(),
            field,
            value: Some(v.into()),
            note: None,
            user: "u".into(),
            time: Stamp::parse("2025-07-01T00:00:00+08:00").unwrap(),
            expect: Expect::Any,
            period: (field == Field::Actual).then_some(Period::Year(year)),
        })
        .unwrap();
    }

    #[test]
    fn the_value_at_the_export_line_and_whether_it_changed_since() {
        let dir = tempfile::tempdir().unwrap();
        let mut l = Ledger::open(&dir.path().join("a.csv")).unwrap();
        set(&mut l, "8.1", Field::Actual, "500", 2024); // line 2
        set(&mut l, "8.1", Field::Actual, "512", 2025); // 3
        set(&mut l, "8.1", Field::Note, "快报", 0); // 4
        let at = l.last_line();
        assert_eq!(at, 4);
        set(&mut l, "8.1", Field::Actual, "530", 2025); // 5
        set(&mut l, "8.1", Field::Actual, "512", 2025); // 6: changed back
        set(&mut l, "8.2", Field::Actual, "1", 2025); // 7
        let key = |f, y: Option<i32>| ("8.1", f, y.map(Period::Year));
        let t = then(&l, key(Field::Actual, Some(2025)), at);
        assert_eq!(
            t.seen().unwrap(),
            Seen {
                value: Some("512".into()),
                line: 3
            }
        );
        assert_eq!(
            (t.now.as_ref().map(|e| e.line), t.now_value()),
            (Some(6), Some("512"))
        );
        assert!(t.changed_since(), "changed and changed back");
        let t = then(&l, key(Field::Actual, Some(2024)), at);
        assert_eq!((t.seen().unwrap().line, t.changed_since()), (2, false));
        let t = then(&l, key(Field::Actual, Some(2023)), at);
        assert_eq!(
            t.seen().unwrap(),
            Seen {
                value: None,
                line: 0
            }
        );
        assert!(t.now.is_none() && !t.changed_since());
        let t = then(&l, key(Field::Note, None), at);
        assert_eq!(t.seen().unwrap().value.as_deref(), Some("快报"));
        assert!(!t.changed_since());
        let t = then(&l, ("8.2", Field::Actual, Some(Period::Year(2025))), at);
        assert_eq!(
            (t.seen().unwrap().line, t.changed_since()),
            (0, true),
            "new since"
        );
    }
}
