//! The rows a ledger is read from in the tests of both ways of reading it
//! into a [`Progress`](super::Progress) (`from_ledger`, `read_lean`): the
//! same actuals (a cleared period, an earlier period corrected, quarters),
//! statuses, notes (a cleared one) and remarks.

use crate::ledger::{Entry, Field, Stamp};
use crate::plan::Period;

/// A row at `line`: `id`'s `field` set to `value`, with the remark `note`,
/// for `period`; the user one of three.
pub(super) fn row(
    line: u64,
    id: &str,
    field: Field,
    value: Option<&str>,
    note: Option<&str>,
    period: Option<&str>,
) -> Entry {
    Entry {
        line,
        time: Stamp::parse("2025-06-01T10:00:00+08:00").unwrap(),
        user: format!("用户{}", line % 3),
        id: id.into(),
        field,
        value: value.map(String::from),
        old: None,
        note: note.map(String::from),
        period: period.map(|p| Period::parse(p).unwrap()),
    }
}

/// Lines 2 to 13: 8.1's 2024 and 2022 actuals, its 2025 set then cleared,
/// task 8's statuses and note (cleared last), 8.1's note, 8.2's 2025Q1 set
/// twice, 8.3's 2024 with a remark. A checkpoint written after line 9 has
/// rows of each kind on both sides of it.
pub(super) fn rows() -> Vec<Entry> {
    let (a, s, n) = (Field::Actual, Field::Status, Field::Note);
    vec![
        row(2, "8.1", a, Some("450"), Some("快报"), Some("2024")),
        row(3, "8.1", a, Some("300"), None, Some("2022")),
        row(4, "8", s, Some("in_progress"), Some("开工"), None),
        row(5, "8", n, Some("待核实"), None, None),
        row(6, "8.1", a, Some("500"), None, Some("2025")),
        row(7, "8.1", a, None, None, Some("2025")),
        row(8, "8", s, Some("done"), Some("验收"), None),
        row(9, "8.2", a, Some("1"), Some("初报"), Some("2025Q1")),
        row(10, "8.1", n, Some("说明"), None, None),
        row(11, "8.2", a, Some("2"), None, Some("2025Q1")),
        row(12, "8.3", a, Some("7"), Some("年报"), Some("2024")),
        row(13, "8", n, None, None, None),
    ]
}
