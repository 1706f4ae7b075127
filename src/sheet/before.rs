//! What a row of the export saw of a value, and whether the ledger changed
//! it since. An export records in every row the ledger's last line at the
//! time (`ledger_line`); the ledger is append-only, so the value the row
//! saw is the one of the last row of that id, field (and period) at or
//! before that line, and the value was changed since exactly when its
//! current row comes after it. The rows appended since are read back
//! (`Ledger::history`) only for the ids changed since.

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

/// What the export saw of a value, and the row that holds it now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Then<'l> {
    pub seen: Seen,
    /// The current row (`None`: nothing recorded).
    pub now: Option<&'l Entry>,
}

impl Then<'_> {
    /// True when the value's current row was appended after the export.
    pub fn changed_since(&self) -> bool {
        self.now.is_some_and(|e| e.line != self.seen.line)
    }
}

/// The value of `id`'s `field` (for an actual: in `period`) as a row
/// exported at ledger line `at` saw it, and its current row.
pub fn then<'l>(
    ledger: &'l Ledger,
    (id, field, period): (&str, Field, Option<Period>),
    at: u64,
) -> Result<Then<'l>, LedgerError> {
    let now = ledger.current_in(id, field, period);
    let seen = match now {
        None => Seen {
            value: None,
            line: 0,
        },
        Some(e) if e.line <= at => Seen {
            value: e.value.clone(),
            line: e.line,
        },
        Some(_) => {
            let mut seen = Seen {
                value: None,
                line: 0,
            };
            for row in ledger.history(Some(id)) {
                let row = row?;
                let same = row.field == field
                    && (field != Field::Actual || Some(row.in_period()) == period);
                if row.line <= at && same {
                    seen = Seen {
                        value: row.value,
                        line: row.line,
                    };
                    break;
                }
            }
            seen
        }
    };
    Ok(Then { seen, now })
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
        let t = then(&l, key(Field::Actual, Some(2025)), at).unwrap();
        assert_eq!(
            t.seen,
            Seen {
                value: Some("512".into()),
                line: 3
            }
        );
        assert_eq!(t.now.map(|e| e.line), Some(6));
        assert!(t.changed_since(), "changed and changed back");
        let t = then(&l, key(Field::Actual, Some(2024)), at).unwrap();
        assert_eq!((t.seen.line, t.changed_since()), (2, false));
        let t = then(&l, key(Field::Actual, Some(2023)), at).unwrap();
        assert_eq!(
            (t.seen, t.now),
            (
                Seen {
                    value: None,
                    line: 0
                },
                None
            )
        );
        let t = then(&l, key(Field::Note, None), at).unwrap();
        assert_eq!(
            (t.seen.value.as_deref(), t.changed_since()),
            (Some("快报"), false)
        );
        let t = then(&l, ("8.2", Field::Actual, Some(Period::Year(2025))), at).unwrap();
        assert_eq!((t.seen.line, t.changed_since()), (0, true), "new since");
    }
}
