//! The in-memory index of a ledger: the last entry per (id, field), for
//! actuals the last entry per period too, and per row only its byte
//! position; rows whose `old` breaks the chain of values (signs of edits
//! made outside wudang-plan).

use std::collections::HashMap;

use super::MAX_PROBLEMS;
use crate::ledger::entry::{Entry, Field, same_value};
use crate::plan::Period;

/// Where a row is: its first byte and its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct RowPos {
    pub(super) start: u64,
    pub(super) line: u64,
}

#[derive(Debug, Default)]
struct IdState {
    /// The last entry per field (the last row typed), indexed by
    /// [`Field::index`].
    last: [Option<Entry>; 3],
    /// The actuals: the last entry per period, ordered by period (a few
    /// dozen at most: a sorted vector).
    periods: Vec<Entry>,
    /// Indexes into [`Index::rows`], file order.
    rows: Vec<u32>,
}

#[derive(Debug, Default)]
pub(super) struct Index {
    rows: Vec<RowPos>,
    ids: HashMap<String, IdState>,
    /// Rows whose `old` is not the value before them (first few).
    breaks: Vec<ChainBreak>,
    /// How many breaks in all.
    break_count: usize,
}

/// A row whose `old` (the value its author saw) is not the value the row
/// before it for the same id and field recorded. wudang-plan never writes
/// such a row; it means rows were edited, deleted or reordered by another
/// program (a spreadsheet turning id `0.10` into `0.1`, say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainBreak {
    pub line: u64,
    pub id: String,
    pub field: Field,
    /// The row's `old`.
    pub old: Option<String>,
    /// The row before for the same id and field (line, value), if any.
    pub before: Option<(u64, Option<String>)>,
}

impl std::fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = |v: &Option<String>| match v {
            Some(v) => format!("`{}`", crate::text::visible(v)),
            None => "empty".to_string(),
        };
        match &self.before {
            Some((line, value)) => write!(
                f,
                "{} {}: old is {} but line {line} recorded {}",
                self.id,
                self.field,
                shown(&self.old),
                shown(value)
            ),
            None => write!(
                f,
                "{} {}: old is {} but no earlier row records a value",
                self.id,
                self.field,
                shown(&self.old)
            ),
        }
    }
}

impl Index {
    /// Adds the row `e` found at `pos` (rows come in file order).
    pub(super) fn apply(&mut self, pos: RowPos, e: Entry) {
        let idx = u32::try_from(self.rows.len()).unwrap_or(u32::MAX);
        self.rows.push(pos);
        self.check_chain(&e);
        let st = match self.ids.get_mut(&e.id) {
            Some(st) => st,
            None => self.ids.entry(e.id.clone()).or_default(),
        };
        st.rows.push(idx);
        if e.field == Field::Actual {
            let p = e.in_period();
            match st.periods.binary_search_by(|x| x.in_period().cmp(&p)) {
                Ok(i) => st.periods[i] = e.clone(),
                Err(i) => st.periods.insert(i, e.clone()),
            }
        }
        let fi = e.field.index();
        st.last[fi] = Some(e);
    }

    /// Counts (and keeps the first few of) rows whose `old` is neither the
    /// value recorded before them for their period nor (as a first-release
    /// ledger wrote it, whatever the year) the field's last value.
    fn check_chain(&mut self, e: &Entry) {
        let period = (e.field == Field::Actual).then(|| e.in_period());
        let before = self.current_in(&e.id, e.field, period);
        let last = self.last(&e.id, e.field);
        let matches = |b: Option<&Entry>| {
            same_value(
                e.field,
                e.old.as_deref(),
                b.and_then(|b| b.value.as_deref()),
            )
        };
        if matches(before) || matches(last) {
            return;
        }
        let before = before.map(|b| (b.line, b.value.clone()));
        self.break_count += 1;
        if self.breaks.len() < MAX_PROBLEMS {
            self.breaks.push(ChainBreak {
                line: e.line,
                id: e.id.clone(),
                field: e.field,
                old: e.old.clone(),
                before,
            });
        }
    }

    /// Number of rows.
    pub(super) fn len(&self) -> usize {
        self.rows.len()
    }

    /// Where row `i` (file order) is.
    pub(super) fn row(&self, i: usize) -> Option<RowPos> {
        self.rows.get(i).copied()
    }

    /// Every id with at least one row.
    pub(super) fn ids(&self) -> impl Iterator<Item = &str> {
        self.ids.keys().map(String::as_str)
    }

    /// The current row of `id` and `field`: for an actual, the last row of
    /// its latest period with a value (not the last row typed: correcting
    /// 2022 after 2024 leaves 2024 current; clearing 2025, as an undo of
    /// its first value does, leaves 2024 current again); else the last row.
    pub(super) fn current(&self, id: &str, field: Field) -> Option<&Entry> {
        let st = self.ids.get(id)?;
        match field {
            Field::Actual => st.periods.iter().rev().find(|e| e.value.is_some()),
            _ => st.last[field.index()].as_ref(),
        }
    }

    /// The last row of `id` and `field` for `period` (an actual's; `None`
    /// for other fields, which have no period).
    pub(super) fn current_in(
        &self,
        id: &str,
        field: Field,
        period: Option<Period>,
    ) -> Option<&Entry> {
        let st = self.ids.get(id)?;
        match (field, period) {
            (Field::Actual, Some(p)) => st
                .periods
                .binary_search_by(|x| x.in_period().cmp(&p))
                .ok()
                .map(|i| &st.periods[i]),
            _ => st.last[field.index()].as_ref(),
        }
    }

    /// The last row typed for `id` and `field`, whatever its period.
    pub(super) fn last(&self, id: &str, field: Field) -> Option<&Entry> {
        self.ids.get(id)?.last[field.index()].as_ref()
    }

    /// The actuals of `id`: the last row of each period, by period.
    pub(super) fn periods(&self, id: &str) -> &[Entry] {
        self.ids.get(id).map_or(&[], |s| s.periods.as_slice())
    }

    /// The most recent row of `id`, any field.
    pub(super) fn latest(&self, id: &str) -> Option<&Entry> {
        self.ids
            .get(id)?
            .last
            .iter()
            .flatten()
            .max_by_key(|e| e.line)
    }

    /// The rows of `id` (indexes for [`Index::row`]), file order.
    pub(super) fn rows_of(&self, id: &str) -> &[u32] {
        self.ids.get(id).map_or(&[], |s| s.rows.as_slice())
    }

    /// The first chain breaks and how many there are in all.
    pub(super) fn breaks(&self) -> (&[ChainBreak], usize) {
        (&self.breaks, self.break_count)
    }

    /// Each id's state for a checkpoint: its last entry per field (by
    /// [`Field::index`]) and its actuals' last entry per period.
    pub(super) fn export(&self) -> impl Iterator<Item = (&str, [Option<&Entry>; 3], &[Entry])> {
        self.ids.iter().map(|(id, st)| {
            (
                id.as_str(),
                st.last.each_ref().map(Option::as_ref),
                st.periods.as_slice(),
            )
        })
    }

    /// Puts back one id's state from a checkpoint (its rows before the
    /// checkpoint have no positions here).
    pub(super) fn restore_id(&mut self, id: String, last: [Option<Entry>; 3], periods: Vec<Entry>) {
        self.ids.insert(
            id,
            IdState {
                last,
                periods,
                rows: Vec::new(),
            },
        );
    }

    /// Room for `n` more ids (a checkpoint's).
    pub(super) fn reserve(&mut self, n: usize) {
        self.ids.reserve(n);
    }

    /// Puts back the chain breaks from a checkpoint.
    pub(super) fn restore_breaks(&mut self, breaks: Vec<ChainBreak>, count: usize) {
        self.breaks = breaks;
        self.break_count = count;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::entry::Stamp;

    fn row(line: u64, id: &str, field: Field, value: Option<&str>, old: Option<&str>) -> Entry {
        Entry {
            line,
            time: Stamp::parse("2025-06-01T10:00:00+08:00").unwrap(),
            user: "u".into(),
            id: id.into(),
            field,
            value: value.map(String::from),
            old: old.map(String::from),
            note: None,
            period: None,
        }
    }

    fn at(line: u64) -> RowPos {
        RowPos {
            start: line * 100,
            line,
        }
    }

    #[test]
    fn the_current_entry_is_kept_per_field() {
        let mut ix = Index::default();
        let rows = [
            row(2, "8.1", Field::Actual, Some("1"), None),
            row(3, "8.1", Field::Note, Some("快报"), None),
            row(4, "8", Field::Status, Some("done"), None),
            row(5, "8.1", Field::Actual, Some("2"), Some("1")),
        ];
        for e in rows {
            ix.apply(at(e.line), e);
        }
        assert_eq!(ix.len(), 4);
        let actual = ix.current("8.1", Field::Actual).unwrap();
        assert_eq!((actual.line, actual.value.as_deref()), (5, Some("2")));
        assert_eq!(ix.current("8.1", Field::Note).unwrap().line, 3);
        assert_eq!(ix.current("8.1", Field::Status), None);
        assert_eq!(ix.current("8", Field::Status).unwrap().line, 4);
        assert_eq!(ix.current("9", Field::Actual), None);
        assert_eq!(ix.latest("8.1").unwrap().line, 5);
        assert_eq!(ix.rows_of("8.1"), &[0, 1, 3]);
        assert_eq!(ix.rows_of("8"), &[2]);
        assert_eq!(ix.rows_of("9"), &[] as &[u32]);
        assert_eq!(
            ix.row(3),
            Some(RowPos {
                start: 500,
                line: 5
            })
        );
        assert_eq!(ix.row(4), None);
        let mut ids: Vec<&str> = ix.ids().collect();
        ids.sort_unstable();
        assert_eq!(ids, ["8", "8.1"]);
        assert_eq!(ix.breaks(), (&[] as &[ChainBreak], 0));
    }

    #[test]
    fn a_row_whose_old_is_not_the_value_before_is_a_chain_break() {
        let mut ix = Index::default();
        let rows = [
            // old given, nothing before
            row(2, "8.1", Field::Actual, Some("10"), Some("5")),
            // old = the value before, written as another number: no break
            row(3, "8.1", Field::Actual, Some("11"), Some("10.0")),
            // old is not the value before
            row(4, "8.1", Field::Actual, Some("12"), Some("10")),
            // another field of the same id has its own chain
            row(5, "8.1", Field::Note, Some("x"), None),
        ];
        for e in rows {
            ix.apply(at(e.line), e);
        }
        let (breaks, count) = ix.breaks();
        assert_eq!(count, 2);
        assert_eq!(
            breaks,
            [
                ChainBreak {
                    line: 2,
                    id: "8.1".into(),
                    field: Field::Actual,
                    old: Some("5".into()),
                    before: None,
                },
                ChainBreak {
                    line: 4,
                    id: "8.1".into(),
                    field: Field::Actual,
                    old: Some("10".into()),
                    before: Some((3, Some("11".into()))),
                },
            ]
        );
        assert_eq!(
            breaks[0].to_string(),
            "8.1 actual: old is `5` but no earlier row records a value"
        );
        assert_eq!(
            breaks[1].to_string(),
            "8.1 actual: old is `10` but line 3 recorded `11`"
        );
    }

    #[test]
    fn chain_breaks_are_all_counted_but_the_first_twenty_kept() {
        let mut ix = Index::default();
        for line in 2..27 {
            let e = row(line, "8.1", Field::Actual, Some("1"), Some("9"));
            ix.apply(at(line), e);
        }
        let (breaks, count) = ix.breaks();
        assert_eq!(count, 25);
        assert_eq!(breaks.len(), 20);
        assert_eq!(breaks[19].line, 21);
        // The rows all count, breaks or not.
        assert_eq!(ix.len(), 25);
        assert_eq!(ix.current("8.1", Field::Actual).unwrap().line, 26);
    }

    /// The current actual is the latest period's, not the last row typed;
    /// each period keeps its own last row.
    #[test]
    fn the_current_actual_is_the_latest_periods() {
        let mut ix = Index::default();
        let with = |line, v: &str, p: &str| Entry {
            period: Some(Period::parse(p).unwrap()),
            ..row(line, "8.1", Field::Actual, Some(v), None)
        };
        for e in [
            with(2, "450", "2024"),
            with(3, "300", "2022"),
            with(4, "310", "2022"),
        ] {
            ix.apply(at(e.line), e);
        }
        assert_eq!(ix.current("8.1", Field::Actual).unwrap().line, 2);
        assert_eq!(ix.last("8.1", Field::Actual).unwrap().line, 4);
        let y2022 = ix.current_in("8.1", Field::Actual, Some(Period::Year(2022)));
        assert_eq!(y2022.unwrap().line, 4);
        assert_eq!(
            ix.current_in("8.1", Field::Actual, Some(Period::Year(2023))),
            None
        );
        let lines: Vec<u64> = ix.periods("8.1").iter().map(|e| e.line).collect();
        assert_eq!(lines, [4, 2]);
        assert_eq!(ix.latest("8.1").unwrap().line, 4);
        // Row 4's old (none) is neither 2022's 300 nor the last value 300.
        assert_eq!(ix.breaks().1, 1);
    }

    /// A cleared latest period (an undo of the first value typed for it)
    /// is not current: the latest period with a value is, and when none
    /// has one there is no current actual.
    #[test]
    fn a_cleared_latest_period_leaves_the_latest_value_current() {
        let mut ix = Index::default();
        let with = |line, v: Option<&str>, old: Option<&str>, p: &str| Entry {
            period: Some(Period::parse(p).unwrap()),
            ..row(line, "8.3", Field::Actual, v, old)
        };
        for e in [
            with(2, Some("150"), None, "2024Q4"),
            with(3, Some("155"), None, "2025"),
            with(4, None, Some("155"), "2025"),
        ] {
            ix.apply(at(e.line), e);
        }
        assert_eq!(ix.current("8.3", Field::Actual).unwrap().line, 2);
        // Each period keeps its own last row, the cleared one too.
        let lines: Vec<u64> = ix.periods("8.3").iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 4]);
        let e = with(5, None, Some("150"), "2024Q4");
        ix.apply(at(5), e);
        assert_eq!(ix.current("8.3", Field::Actual), None);
    }
}
