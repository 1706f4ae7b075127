//! The in-memory index of a ledger: the last entry per (id, field), for
//! actuals the last entry per period too, and per row only its byte
//! position; rows whose `old` breaks the chain of values (signs of edits
//! made outside wudang-plan).

// Ids and user names are hashed often (every row read, every id
// restored): a fast hash, not SipHash; they come from the team's own
// ledger, not from an adversary.
use foldhash::HashMap;

use super::MAX_PROBLEMS;
use crate::ledger::entry::{Entry, Field, same_value};
use crate::plan::Period;

mod slot;

use slot::{Slot, Texts, Users};

/// Where a row is: its first byte and its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct RowPos {
    pub(super) start: u64,
    pub(super) line: u64,
}

/// The rows' positions: a first byte per row, and the line only where it
/// is not the line after the row before's (a row spanning lines, a line
/// skipped): 8 bytes per row instead of 16.
#[derive(Debug, Default)]
struct Positions {
    starts: Vec<u64>,
    /// (row, line) for every row whose line is not the row before's + 1,
    /// by row.
    jumps: Vec<(u32, u64)>,
}

impl Positions {
    fn push(&mut self, pos: RowPos) {
        let i = u32::try_from(self.starts.len()).unwrap_or(u32::MAX);
        if i == 0 || self.line(self.starts.len() - 1).map(|l| l + 1) != Some(pos.line) {
            self.jumps.push((i, pos.line));
        }
        self.starts.push(pos.start);
    }

    fn line(&self, i: usize) -> Option<u64> {
        let i = u32::try_from(i).ok()?;
        let j = self
            .jumps
            .partition_point(|&(r, _)| r <= i)
            .checked_sub(1)?;
        let (r, line) = self.jumps[j];
        Some(line + u64::from(i - r))
    }

    fn get(&self, i: usize) -> Option<RowPos> {
        let start = *self.starts.get(i)?;
        Some(RowPos {
            start,
            line: self.line(i)?,
        })
    }
}

/// What is kept of one id: a few fixed-size slots and its rows.
#[derive(Debug, Default)]
struct IdState {
    /// The last row of the status and of the note (at most one each).
    others: Vec<Slot>,
    /// The actuals: the last row per period, ordered by period (a few
    /// dozen at most: a sorted vector). The last actual row typed is the
    /// one with the greatest line.
    periods: Vec<Slot>,
    /// Indexes into [`Index::rows`], file order.
    rows: Vec<u32>,
}

impl IdState {
    /// The last row typed for `field`.
    fn last(&self, field: Field) -> Option<&Slot> {
        match field {
            Field::Actual => self.periods.iter().max_by_key(|s| s.line),
            _ => self.others.iter().find(|s| s.field == field),
        }
    }

    /// The last row of `field` for `period` (an actual's), else the last.
    fn current_in(&self, field: Field, period: Option<Period>) -> Option<&Slot> {
        match (field, period) {
            (Field::Actual, Some(p)) => self
                .periods
                .binary_search_by(|x| x.key().cmp(&p))
                .ok()
                .map(|i| &self.periods[i]),
            _ => self.last(field),
        }
    }

    /// Keeps `s` as the row of its field (and period); the slot it
    /// replaces, if any, is given back.
    fn put(&mut self, s: Slot) -> Option<Slot> {
        let (list, at) = match s.field {
            Field::Actual => {
                let at = self.periods.binary_search_by(|x| x.key().cmp(&s.key()));
                (&mut self.periods, at)
            }
            f => {
                let at = self.others.iter().position(|x| x.field == f);
                let at = at.ok_or(self.others.len());
                (&mut self.others, at)
            }
        };
        match at {
            Ok(i) => Some(std::mem::replace(&mut list[i], s)),
            Err(i) => {
                // Grow by a quarter, not double: a list of a few periods
                // keeps little unused room.
                if list.len() == list.capacity() {
                    list.reserve_exact(list.len() / 4 + 1);
                }
                list.insert(i, s);
                None
            }
        }
    }

    fn slots_mut(&mut self) -> impl Iterator<Item = &mut Slot> {
        self.others.iter_mut().chain(self.periods.iter_mut())
    }
}

/// Where a row given by [`Index::each_kept`] is among its id's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kept {
    /// The id's first row.
    pub first: bool,
    /// The id's last actual row typed (the period row with the greatest
    /// line), whatever its period.
    pub last_actual: bool,
}

/// One id's state being put back from a checkpoint
/// ([`Index::restore_put`]).
#[derive(Debug, Default)]
pub(super) struct Restoring(IdState);

impl Restoring {
    /// With room for `n` periods (a checkpoint's count, trusted up to a
    /// bound).
    pub(super) fn with_periods(n: usize) -> Self {
        Restoring(IdState {
            periods: Vec::with_capacity(n.min(1024)),
            ..IdState::default()
        })
    }
}

/// The index of a ledger. Per row it keeps 8 bytes of position and 4 of
/// id membership; per id and field (per period for actuals) one fixed-size
/// [`Slot`]; the texts of the kept slots in one buffer, users interned.
///
/// A lean index ([`Index::lean`], the full-screen UI's: its progress keeps
/// the current rows) keeps the positions and id membership only: no slot,
/// no chain check; its lookups answer nothing.
///
/// An index of one id ([`Index::one`], an edit's from the command line)
/// keeps the positions of every row and the state of that id only: its
/// lookups answer for that id alone, and it is never saved.
#[derive(Debug, Default)]
pub(super) struct Index {
    /// Keeps no slots (see above).
    lean: bool,
    /// Keeps only this id's state (see above).
    only: Option<Box<str>>,
    rows: Positions,
    ids: HashMap<Box<str>, IdState>,
    /// A lean index's rows per id (indexes into `rows`, file order): 40
    /// bytes an id where an [`IdState`] entry takes 88.
    lean_ids: HashMap<Box<str>, Vec<u32>>,
    texts: Texts,
    users: Users,
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

impl ChainBreak {
    /// What is wrong, in either language.
    pub fn msg(&self) -> crate::vocab::Msg {
        use crate::ledger::error::{WordsOf, field_words, value_words};
        use crate::vocab::{M, Msg};
        let shown = |v: &Option<String>| value_words(self.field, v, M::Empty);
        let m = match &self.before {
            Some((line, value)) => Msg::new(M::ChainBreakLine)
                .arg("line", line)
                .words_of("value", shown(value)),
            None => Msg::new(M::ChainBreakNone),
        };
        m.arg("id", &self.id)
            .words_of("field", field_words(self.field))
            .words_of("old", shown(&self.old))
    }
}

impl std::fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.msg().text(crate::vocab::Lang::En))
    }
}

impl Index {
    /// An empty lean index: positions and id membership only.
    pub(super) fn lean() -> Index {
        Index {
            lean: true,
            ..Index::default()
        }
    }

    /// True when it keeps no slots ([`Index::lean`]).
    pub(super) fn is_lean(&self) -> bool {
        self.lean
    }

    /// An empty index that keeps the state of `id` only.
    pub(super) fn one(id: &str) -> Index {
        Index {
            only: Some(id.into()),
            ..Index::default()
        }
    }

    /// True when it keeps every id's state (not lean, not of one id): a
    /// checkpoint may be made of it.
    pub(super) fn keeps_all(&self) -> bool {
        !self.lean && self.only.is_none()
    }

    /// True when the state of `id` is kept (every id's but in an index of
    /// one id).
    pub(super) fn keeps(&self, id: &str) -> bool {
        self.only.as_deref().is_none_or(|o| o == id)
    }

    /// Adds the row `e` found at `pos` (rows come in file order).
    pub(super) fn apply(&mut self, pos: RowPos, e: Entry) {
        let idx = u32::try_from(self.rows.starts.len()).unwrap_or(u32::MAX);
        self.rows.push(pos);
        if self.lean {
            let rows = match self.lean_ids.get_mut(e.id.as_str()) {
                Some(rows) => rows,
                None => self.lean_ids.entry(e.id.into_boxed_str()).or_default(),
            };
            if rows.len() == rows.capacity() {
                rows.reserve_exact(rows.len() / 4 + 1);
            }
            rows.push(idx);
            return;
        }
        if !self.keeps(&e.id) {
            return;
        }
        self.check_chain(&e);
        let slot = Slot::of(&e, &mut self.texts, &mut self.users);
        let st = match self.ids.get_mut(e.id.as_str()) {
            Some(st) => st,
            None => self.ids.entry(e.id.into_boxed_str()).or_default(),
        };
        if st.rows.len() == st.rows.capacity() {
            st.rows.reserve_exact(st.rows.len() / 4 + 1);
        }
        st.rows.push(idx);
        if let Some(gone) = st.put(slot) {
            self.texts.free(&gone);
        }
        if self.texts.wants_compaction() {
            let slots = self.ids.values_mut().flat_map(IdState::slots_mut);
            self.texts.compact(slots);
        }
    }

    /// Counts (and keeps the first few of) rows whose `old` is neither the
    /// value recorded before them for their period nor (as a first-release
    /// ledger wrote it, whatever the year) the field's last value.
    fn check_chain(&mut self, e: &Entry) {
        let period = (e.field == Field::Actual).then(|| e.in_period());
        let st = self.ids.get(e.id.as_str());
        let before = st.and_then(|st| st.current_in(e.field, period));
        let last = st.and_then(|st| st.last(e.field));
        let value = |b: Option<&Slot>| b.and_then(|b| self.texts.get(b.value));
        let matches = |b: Option<&Slot>| same_value(e.field, e.old.as_deref(), value(b));
        if matches(before) || matches(last) {
            return;
        }
        let before = before.map(|b| (b.line, value(Some(b)).map(String::from)));
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
        self.rows.starts.len()
    }

    /// Where row `i` (file order) is.
    pub(super) fn row(&self, i: usize) -> Option<RowPos> {
        self.rows.get(i)
    }

    /// Where the row starting at `line` is, if it is one of the rows with
    /// a position (lines grow with rows: a binary search).
    pub(super) fn row_at_line(&self, line: u64) -> Option<RowPos> {
        let n = self.rows.starts.len();
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.rows.line(mid) {
                Some(l) if l < line => lo = mid + 1,
                _ => hi = mid,
            }
        }
        self.rows.get(lo).filter(|p| p.line == line)
    }

    /// Every id with at least one row.
    pub(super) fn ids(&self) -> impl Iterator<Item = &str> {
        self.ids.keys().chain(self.lean_ids.keys()).map(|k| &**k)
    }

    fn entry(&self, id: &str, s: &Slot) -> Entry {
        s.entry(id, &self.texts, &self.users)
    }

    /// The current row of `id` and `field`: for an actual, the last row of
    /// its latest period with a value (not the last row typed: correcting
    /// 2022 after 2024 leaves 2024 current; clearing 2025, as an undo of
    /// its first value does, leaves 2024 current again); else the last row.
    pub(super) fn current(&self, id: &str, field: Field) -> Option<Entry> {
        let s = self.current_slot(id, field)?;
        Some(self.entry(id, s))
    }

    fn current_slot(&self, id: &str, field: Field) -> Option<&Slot> {
        let st = self.ids.get(id)?;
        match field {
            Field::Actual => st
                .periods
                .iter()
                .rev()
                .find(|s| self.texts.get(s.value).is_some()),
            _ => st.last(field),
        }
    }

    /// The value of the current row of `id` and `field` ([`Index::current`]),
    /// without copying it.
    pub(super) fn value(&self, id: &str, field: Field) -> Option<&str> {
        self.texts.get(self.current_slot(id, field)?.value)
    }

    /// The last row of `id` and `field` for `period` (an actual's; `None`
    /// for other fields, which have no period).
    pub(super) fn current_in(
        &self,
        id: &str,
        field: Field,
        period: Option<Period>,
    ) -> Option<Entry> {
        let s = self.ids.get(id)?.current_in(field, period)?;
        Some(self.entry(id, s))
    }

    /// The last row typed for `id` and `field`, whatever its period.
    pub(super) fn last(&self, id: &str, field: Field) -> Option<Entry> {
        let s = self.ids.get(id)?.last(field)?;
        Some(self.entry(id, s))
    }

    /// The actuals of `id`: the last row of each period, by period.
    pub(super) fn periods(&self, id: &str) -> Vec<Entry> {
        let Some(st) = self.ids.get(id) else {
            return Vec::new();
        };
        st.periods.iter().map(|s| self.entry(id, s)).collect()
    }

    /// Calls `f` with each of `id`'s actuals (the last row of each period,
    /// by period) in one reused [`Entry`]: no allocation per row.
    pub(super) fn each_period(&self, id: &str, mut f: impl FnMut(&Entry)) {
        let Some(st) = self.ids.get(id) else {
            return;
        };
        let Some(first) = st.periods.first() else {
            return;
        };
        let mut e = self.entry(id, first);
        f(&e);
        for s in &st.periods[1..] {
            s.fill(&mut e, &self.texts, &self.users);
            f(&e);
        }
    }

    /// Calls `f` with every kept row, id by id ([`Kept`] says whether it is
    /// an id's first and its last actual row typed): its actuals' last row
    /// of each period, by period, then its status and note rows; all in
    /// one reused [`Entry`] (no lookup by id, no allocation per row once
    /// its strings have grown).
    pub(super) fn each_kept(&self, mut f: impl FnMut(&Entry, Kept)) {
        let mut e: Option<Entry> = None;
        for (id, st) in &self.ids {
            let last = st.last(Field::Actual).map(|s| s.line);
            let mut first = true;
            for s in st.periods.iter().chain(&st.others) {
                let e = match &mut e {
                    Some(e) => {
                        if first {
                            e.id.clear();
                            e.id.push_str(id);
                        }
                        s.fill(e, &self.texts, &self.users);
                        e
                    }
                    None => e.insert(self.entry(id, s)),
                };
                let last_actual = s.field == Field::Actual && Some(s.line) == last;
                f(e, Kept { first, last_actual });
                first = false;
            }
        }
    }

    /// The most recent row of `id`, any field.
    pub(super) fn latest(&self, id: &str) -> Option<Entry> {
        let st = self.ids.get(id)?;
        let s = st.others.iter().chain(st.last(Field::Actual));
        Some(self.entry(id, s.max_by_key(|s| s.line)?))
    }

    /// The rows of `id` (indexes for [`Index::row`]), file order.
    pub(super) fn rows_of(&self, id: &str) -> &[u32] {
        if self.lean {
            return self.lean_ids.get(id).map_or(&[], Vec::as_slice);
        }
        self.ids.get(id).map_or(&[], |s| s.rows.as_slice())
    }

    /// Gives back the room the row positions and the texts grew into
    /// (after a full read; appends grow them again as needed).
    pub(super) fn shrink(&mut self) {
        self.rows.starts.shrink_to_fit();
        self.rows.jumps.shrink_to_fit();
        self.texts.shrink();
    }

    /// The first chain breaks and how many there are in all.
    pub(super) fn breaks(&self) -> (&[ChainBreak], usize) {
        (&self.breaks, self.break_count)
    }

    /// The bytes the index holds (its vectors' capacities, the id table,
    /// the texts), a size accounting that tests hold to a bound per row
    /// and per id.
    #[cfg(test)]
    pub(super) fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        let rows = self.rows.starts.capacity() * 8 + self.rows.jumps.capacity() * 16;
        let per_id = size_of::<Box<str>>() + size_of::<IdState>() + 1;
        let ids: usize = self
            .ids
            .iter()
            .map(|(k, st)| {
                k.len()
                    + (st.others.capacity() + st.periods.capacity()) * size_of::<Slot>()
                    + st.rows.capacity() * 4
            })
            .sum();
        rows + self.ids.capacity() * per_id
            + ids
            + self.texts.heap_bytes()
            + self.users.heap_bytes()
    }

    /// How many distinct user names are kept.
    #[cfg(test)]
    fn users(&self) -> usize {
        self.users.len()
    }

    /// Each id's state for a checkpoint: its last entry per field (by
    /// [`Field::index`]) and its actuals' last entry per period.
    pub(super) fn export(
        &self,
    ) -> impl Iterator<Item = (&str, [Option<Entry>; 3], Vec<Entry>)> + '_ {
        self.ids.iter().map(|(id, st)| {
            let last = Field::ALL.map(|f| st.last(f).map(|s| self.entry(id, s)));
            let periods = st.periods.iter().map(|s| self.entry(id, s)).collect();
            (&**id, last, periods)
        })
    }

    /// Puts back one kept row of an id from a checkpoint into `st` (its
    /// rows before the checkpoint have no positions here); `e`'s id is
    /// not looked at, [`Index::restore_end`] names it.
    pub(super) fn restore_put(&mut self, st: &mut Restoring, e: &Entry) {
        let slot = Slot::of(e, &mut self.texts, &mut self.users);
        if let Some(gone) = st.0.put(slot) {
            self.texts.free(&gone);
        }
    }

    /// Keeps `st` as the state of `id`.
    pub(super) fn restore_end(&mut self, id: &str, st: Restoring) {
        self.ids.insert(id.into(), st.0);
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

    /// What the index keeps is proportional to ids and periods, not to
    /// rows: 2,000 ids with 6 periods, each period written 10 times (a
    /// value, an old value and every fifth a remark), 120,000 rows. Per
    /// row only its position (8 bytes) and id membership (4); per kept
    /// row one 64-byte slot; the texts of replaced rows are reclaimed;
    /// 12 users kept once each.
    #[test]
    fn memory_grows_with_ids_and_periods_not_rows() {
        let mut ix = Index::default();
        let periods = ["2020", "2021", "2022", "2023Q4", "2024-06", "2025"];
        let mut line = 2;
        for round in 0..10 {
            for p in periods {
                for id in 0..2000 {
                    let v = format!("{}.{round}", id * 7);
                    let mut e = row(line, &format!("{id}.1"), Field::Actual, Some(&v), None);
                    e.user = format!("用户{}", line % 12);
                    e.period = Some(Period::parse(p).unwrap());
                    e.old = Some(format!("{}.{}", id * 7, round.max(1) - 1));
                    e.note = (line % 5 == 0).then(|| "按快报数更正".to_string());
                    ix.apply(at(line), e);
                    line += 1;
                }
            }
        }
        let (rows, ids, slots) = (ix.len(), 2000, 2000 * periods.len());
        assert_eq!(rows, 120_000);
        assert_eq!(ix.users(), 12, "users are interned");
        let bytes = ix.heap_bytes();
        // rows: 8 + 4 (and the id's vector's slack); slots: 64 + texts.
        let bound = rows * 24 + slots * (64 * 2 + 40) + ids * 120;
        assert!(bytes <= bound, "{bytes} bytes > {bound}");
        // An Entry per kept row (its ~170 bytes and five strings) would
        // not fit: the bound is under 300 bytes per kept row.
        assert!(bound < rows * 24 + slots * 300);
        // The rows still answer as entries.
        let e = ix
            .current_in("7.1", Field::Actual, Some(Period::Year(2022)))
            .unwrap();
        assert_eq!(
            (e.value.as_deref(), e.old.as_deref()),
            (Some("49.9"), Some("49.8"))
        );
        assert_eq!(ix.periods("7.1").len(), 6);
        assert_eq!(ix.rows_of("7.1").len(), 60);
        assert_eq!(ix.row(119_999).map(|p| p.line), Some(120_001));
    }
}
