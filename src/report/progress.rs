//! The one adapter through which actual values, statuses and notes enter
//! the UI (`ui::data` re-exports it).
//!
//! The UI state never reads the ledger itself: the run loop fills a
//! [`Progress`] from the ledger ([`Progress::from_ledger`]) and keeps it up
//! to date row by row ([`Progress::apply`]); the UI computes every status
//! with the pure [`crate::ledger::status`].

// Ids and user names are hashed often (every row read, every id
// restored): a fast hash, not SipHash; they come from the team's own
// ledger, not from an adversary.
use foldhash::HashMap;

use jiff::civil::Date;

use super::last::LastRow;
use super::pace::{Pace, Point};

#[cfg(test)]
mod fixture;
mod lean;
mod merge;
mod note;

use crate::ledger::{self, Actual, Entry, Field, Stamp, Status, TaskState};
use crate::plan::{Period, Plan};
pub use lean::Seen;
use note::{Note, When};

/// [`Last::value_len`] of a row without a value.
const NO_VALUE: u32 = u32::MAX;

/// A note and who wrote it, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Noted {
    pub text: String,
    pub who: String,
    pub when: Stamp,
}

impl Noted {
    /// The remark (`--note`) of a row, if it has one.
    pub fn remark_of(e: &Entry) -> Option<Noted> {
        Some(Noted {
            text: e.note.clone()?,
            who: e.user.clone(),
            when: e.time,
        })
    }
}

/// Which note [`Progress::note_of`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// The standing note of the id (the `note` field: `n`, `wudang-plan note`).
    Standing,
    /// The remark recorded with the current value (`set … --note`,
    /// `status … --note`).
    Remark,
}

/// Recorded actuals, task states and notes of each indicator and task, and
/// the date statuses are computed for.
///
/// Kept compact for province size (100,000 indicators): each id is stored
/// once, its state in one [`Slot`] of a `Vec`; the current actual, its
/// period and the remark shown are derived from the values by period
/// rather than copied; notes and remarks take room only where present.
#[derive(Debug, Clone)]
pub struct Progress {
    /// The position of each id's slot.
    ids: HashMap<Box<str>, u32>,
    slots: Vec<Slot>,
    /// The users of the last rows, each once.
    users: Vec<Box<str>>,
    user_pos: HashMap<Box<str>, u32>,
    /// The standing note of an indicator or task (the `note` field), by slot.
    notes: HashMap<u32, Note>,
    /// The remark on the row that set a task's current status, by slot.
    status_remarks: HashMap<u32, Note>,
    /// The remark on the last row of each period of an indicator, for the
    /// rows that have one.
    period_remarks: HashMap<(u32, Period), Note>,
    pub today: Date,
}

/// One id's state.
#[derive(Debug, Clone, Default)]
struct Slot {
    /// Its value of every period recorded, oldest period first (the last
    /// row of each period, a cleared one too): the current actual, the
    /// baseline, the chart, and the row an edit of a period expects.
    series: Box<[Point]>,
    /// Its last actual row, whatever its period: the change an undo reverts.
    last: Option<Last>,
    /// The lines of the current status and note rows (`0`: none).
    status_row: u64,
    note_row: u64,
    task_state: Option<TaskState>,
}

/// [`LastRow`] with its user interned and its two texts in one allocation.
#[derive(Debug, Clone)]
struct Last {
    line: u64,
    time: When,
    period: Period,
    user: u32,
    /// The value's length in `texts` ([`NO_VALUE`]: no value), the old
    /// value after it.
    value_len: u32,
    has_old: bool,
    texts: Box<str>,
}

impl PartialEq for Progress {
    /// The same state for every id (whatever order the ids came in).
    fn eq(&self, other: &Self) -> bool {
        let view = |p: &Progress, id: &str| {
            let (series, rows, state) = (p.series_of(id), p.rows_of(id), p.task_state_of(id));
            let notes = (p.standing_note(id), p.remark_of(id));
            let remarks: Vec<_> = series
                .iter()
                .map(|q| p.period_remark(id, q.period))
                .collect();
            (
                series.to_vec(),
                rows,
                state.copied(),
                notes,
                remarks,
                p.last_of(id),
            )
        };
        self.today == other.today
            && self
                .ids
                .keys()
                .chain(other.ids.keys())
                .all(|id| view(self, id) == view(other, id))
    }
}

impl Eq for Progress {}

impl Progress {
    /// No actuals, no task states, no notes.
    pub fn empty(today: Date) -> Self {
        Progress {
            ids: HashMap::default(),
            slots: Vec::new(),
            users: Vec::new(),
            user_pos: HashMap::default(),
            notes: HashMap::default(),
            status_remarks: HashMap::default(),
            period_remarks: HashMap::default(),
            today,
        }
    }

    fn pos(&self, id: &str) -> Option<u32> {
        self.ids.get(id).copied()
    }

    fn slot(&self, id: &str) -> Option<&Slot> {
        self.slots.get(self.pos(id)? as usize)
    }

    /// The position of `id`'s slot, made when it has none.
    fn pos_mut(&mut self, id: &str) -> u32 {
        if let Some(p) = self.pos(id) {
            return p;
        }
        let p = self.slots.len() as u32;
        self.slots.push(Slot::default());
        self.ids.insert(id.into(), p);
        p
    }

    fn slot_mut(&mut self, id: &str) -> &mut Slot {
        let p = self.pos_mut(id);
        &mut self.slots[p as usize]
    }

    /// The current actual of `id`: its latest period's with a value.
    pub fn actual_of(&self, id: &str) -> Option<&Actual> {
        self.current(id).and_then(|p| p.actual.as_ref())
    }

    /// The period of `id`'s current actual (its latest period with a
    /// value): a row for an earlier period does not change it, a cleared
    /// latest period gives it back to the latest one with a value.
    pub fn period_of(&self, id: &str) -> Option<Period> {
        self.current(id).map(|p| p.period)
    }

    fn current(&self, id: &str) -> Option<&Point> {
        self.series_of(id).iter().rev().find(|p| p.actual.is_some())
    }

    /// The state of task `id` (its current status).
    pub fn task_state_of(&self, id: &str) -> Option<&TaskState> {
        self.slot(id)?.task_state.as_ref()
    }

    /// Sets task `id`'s state and the line of its status row (a value
    /// someone else recorded, known in part: the remark stays).
    pub fn set_task_state(&mut self, id: &str, state: Option<TaskState>, line: u64) {
        let s = self.slot_mut(id);
        s.task_state = state;
        s.status_row = line;
    }

    /// Sets the line of the current row of `id`'s status or note.
    pub fn set_row(&mut self, id: &str, field: Field, line: u64) {
        let s = self.slot_mut(id);
        match field {
            Field::Status => s.status_row = line,
            Field::Note => s.note_row = line,
            Field::Actual => {}
        }
    }

    /// The standing note of `id` (the `note` field).
    pub fn standing_note(&self, id: &str) -> Option<Noted> {
        Some(self.noted(self.notes.get(&self.pos(id)?)?))
    }

    /// The remark on the row that set `id`'s current actual or, when its
    /// status row is later, its current status.
    pub fn remark_of(&self, id: &str) -> Option<Noted> {
        self.remark_at(id).map(|n| self.noted(n))
    }

    fn remark_at(&self, id: &str) -> Option<&Note> {
        let pos = self.pos(id)?;
        let s = &self.slots[pos as usize];
        let current = self.current(id);
        if s.status_row > current.map_or(0, |p| u64::from(p.line)) {
            return self.status_remarks.get(&pos);
        }
        self.period_remarks.get(&(pos, current?.period))
    }

    /// The remark on the last row of `id`'s `period`.
    pub fn period_remark(&self, id: &str, period: Period) -> Option<Noted> {
        let n = self.period_remarks.get(&(self.pos(id)?, period))?;
        Some(self.noted(n))
    }

    /// What the UI shows as the note of `id`: its standing note, else the
    /// remark recorded with its current value.
    pub fn note_of(&self, id: &str) -> Option<(Noted, NoteKind)> {
        match self.standing_note(id) {
            Some(n) => Some((n, NoteKind::Standing)),
            None => self.remark_of(id).map(|n| (n, NoteKind::Remark)),
        }
    }

    /// True when `id` has a note to show ([`Progress::note_of`]), without
    /// copying it.
    pub fn has_note(&self, id: &str) -> bool {
        self.pos(id).is_some_and(|p| self.notes.contains_key(&p)) || self.remark_at(id).is_some()
    }

    /// The lines of `id`'s current status and note rows (`0`: none).
    fn rows_of(&self, id: &str) -> (u64, u64) {
        self.slot(id).map_or((0, 0), |s| (s.status_row, s.note_row))
    }

    /// The line of the current row of `id`'s `field` (for an actual, the
    /// last row of its latest period with a value, from the series); `0`
    /// when there is none.
    pub fn row_of(&self, id: &str, field: Field) -> u64 {
        match field {
            Field::Actual => self.current(id).map_or(0, |p| u64::from(p.line)),
            Field::Status => self.rows_of(id).0,
            Field::Note => self.rows_of(id).1,
        }
    }

    /// How many ids have a status or note row (two for an id with both).
    pub fn rows_len(&self) -> usize {
        let n = |l: u64| usize::from(l != 0);
        self.slots
            .iter()
            .map(|s| n(s.status_row) + n(s.note_row))
            .sum()
    }

    /// Takes one row (recorded here or by another session) in. An actual
    /// for a period earlier than the current one's changes nothing shown,
    /// and clearing the latest period's value makes the latest period with
    /// a value current again (the current actual is the latest period's
    /// with a value, as the ledger says). O(that id's periods).
    pub fn apply(&mut self, e: &Entry) {
        let pos = self.pos_mut(&e.id);
        match e.field {
            Field::Actual => {
                put_boxed(&mut self.slots[pos as usize].series, Point::of(e));
                self.note_last(pos, e);
                let key = (pos, e.in_period());
                match self.remark(e) {
                    Some(n) => self.period_remarks.insert(key, n),
                    None => self.period_remarks.remove(&key),
                };
            }
            Field::Status => {
                let s = &mut self.slots[pos as usize];
                s.status_row = e.line;
                s.task_state = e.task_state();
                match self.remark(e) {
                    Some(n) => self.status_remarks.insert(pos, n),
                    None => self.status_remarks.remove(&pos),
                };
            }
            Field::Note => {
                self.slots[pos as usize].note_row = e.line;
                self.put_note(pos, e);
            }
        }
    }

    fn put_note(&mut self, pos: u32, e: &Entry) {
        match &e.value {
            Some(text) => {
                let n = Note::new(text, self.intern(&e.user), e.time);
                self.notes.insert(pos, n)
            }
            None => self.notes.remove(&pos),
        };
    }

    /// The remark (`--note`) of a row, if it has one, kept compactly.
    fn remark(&mut self, e: &Entry) -> Option<Note> {
        let text = e.note.as_deref()?;
        Some(Note::new(text, self.intern(&e.user), e.time))
    }

    /// A note as people see it.
    fn noted(&self, n: &Note) -> Noted {
        Noted {
            text: n.text.to_string(),
            who: self.users[n.who as usize].to_string(),
            when: n.when(),
        }
    }

    /// The position of `name` among the users, added when new.
    fn intern(&mut self, name: &str) -> u32 {
        match self.user_pos.get(name) {
            Some(u) => *u,
            None => {
                let u = self.users.len() as u32;
                self.users.push(name.into());
                self.user_pos.insert(name.into(), u);
                u
            }
        }
    }

    /// Keeps `e` as its indicator's last actual row unless a later one is
    /// known.
    fn note_last(&mut self, pos: u32, e: &Entry) {
        let known = self.slots[pos as usize].last.as_ref();
        if known.is_none_or(|l| l.line <= e.line) {
            let last = self.pack_last(&LastRowRef::of(e));
            self.slots[pos as usize].last = Some(last);
        }
    }

    fn pack_last(&mut self, r: &LastRowRef<'_>) -> Last {
        let user = self.intern(r.user);
        let (value, old) = (r.value.unwrap_or(""), r.old.unwrap_or(""));
        let texts: Box<str> = match (value.is_empty(), old.is_empty()) {
            (true, true) => Box::default(),
            _ => [value, old].concat().into_boxed_str(),
        };
        Last {
            line: r.line,
            time: When::of(r.time),
            period: r.period,
            user,
            value_len: r
                .value
                .map_or(NO_VALUE, |v| v.len().min(NO_VALUE as usize - 1) as u32),
            has_old: r.old.is_some(),
            texts,
        }
    }

    /// The last actual row of `id`, whatever its period (`None`: none
    /// known).
    pub fn last_of(&self, id: &str) -> Option<LastRow> {
        let l = self.slot(id)?.last.as_ref()?;
        let has_value = l.value_len != NO_VALUE;
        let split = if has_value { l.value_len as usize } else { 0 };
        let (value, old) = l.texts.split_at(split.min(l.texts.len()));
        Some(LastRow {
            line: l.line,
            user: self.users[l.user as usize].to_string(),
            time: l.time.stamp(),
            period: l.period,
            value: has_value.then(|| value.to_string()),
            old: l.has_old.then(|| old.to_string()),
        })
    }

    /// Sets the last actual row of `id` (what the screen knows of it).
    pub fn set_last(&mut self, id: &str, row: &LastRow) {
        let pos = self.pos_mut(id);
        let last = self.pack_last(&LastRowRef {
            line: row.line,
            user: &row.user,
            time: row.time,
            period: row.period,
            value: row.value.as_deref(),
            old: row.old.as_deref(),
        });
        self.slots[pos as usize].last = Some(last);
    }

    /// Forgets every actual of `id` (its values by period, their remarks
    /// and its last row).
    pub fn clear_actuals(&mut self, id: &str) {
        let Some(pos) = self.pos(id) else { return };
        let s = &mut self.slots[pos as usize];
        for p in std::mem::take(&mut s.series) {
            self.period_remarks.remove(&(pos, p.period));
        }
        s.last = None;
    }

    /// Puts `point` into `id`'s values by period: it replaces the point of
    /// its period, or goes in its place.
    pub fn put_point(&mut self, id: &str, point: Point) {
        put_boxed(&mut self.slot_mut(id).series, point);
    }

    /// The current actuals, task states and notes of `ledger`: one pass
    /// over its kept rows ([`ledger::Ledger::each_kept`]), no lookup in the
    /// ledger, each id's values by period in one exact allocation.
    pub fn from_ledger(ledger: &ledger::Ledger, today: Date) -> Self {
        let mut p = Progress::empty(today);
        let ids = ledger.ids().size_hint().0;
        p.ids.reserve(ids);
        p.slots.reserve_exact(ids);
        // The id being read and its values by period so far.
        let mut pos = None;
        let mut series = Vec::new();
        ledger.each_kept(|e, kept| {
            if kept.first {
                if let Some(at) = pos {
                    p.slots[at as usize].series = series.as_slice().into();
                    series.clear();
                }
                pos = Some(p.push_id(&e.id));
            }
            if let Some(at) = pos {
                p.take_kept(at, e, kept.last_actual, &mut series);
            }
        });
        if let Some(at) = pos {
            p.slots[at as usize].series = series.into_boxed_slice();
        }
        p
    }

    /// A new slot for `id` (not known yet).
    fn push_id(&mut self, id: &str) -> u32 {
        let p = self.slots.len() as u32;
        self.slots.push(Slot::default());
        self.ids.insert(id.into(), p);
        p
    }

    /// Takes one kept row of the ledger (the ledger's current row of its
    /// field, for an actual of its period) into the slot at `pos`; an
    /// actual's point goes to `series`, the id's values by period so far,
    /// and the `last` actual row typed is packed (once per id).
    fn take_kept(&mut self, pos: u32, e: &Entry, last: bool, series: &mut Vec<Point>) {
        match e.field {
            Field::Actual => {
                put_point(series, Point::of(e));
                if let Some(n) = self.remark(e) {
                    self.period_remarks.insert((pos, e.in_period()), n);
                }
                if last {
                    let last = self.pack_last(&LastRowRef::of(e));
                    self.slots[pos as usize].last = Some(last);
                }
            }
            Field::Status => {
                let s = &mut self.slots[pos as usize];
                s.status_row = e.line;
                s.task_state = e.task_state();
                if let Some(n) = self.remark(e) {
                    self.status_remarks.insert(pos, n);
                }
            }
            Field::Note => {
                self.slots[pos as usize].note_row = e.line;
                self.put_note(pos, e);
            }
        }
    }

    /// Takes the values by period (and from them the current actual and
    /// the last actual row), task state and notes of `id` from `ledger`
    /// (three lookups: the ledger keeps the last row per field, and per
    /// period for actuals).
    pub fn set_from(&mut self, ledger: &ledger::Ledger, id: &str) {
        let pos = self.pos_mut(id);
        self.series_from(ledger, pos, id);
        let status = ledger.current(id, Field::Status);
        let s = &mut self.slots[pos as usize];
        s.status_row = status.as_ref().map_or(0, |e| e.line);
        s.task_state = status.as_ref().and_then(Entry::task_state);
        match status.as_ref().and_then(|e| self.remark(e)) {
            Some(n) => self.status_remarks.insert(pos, n),
            None => self.status_remarks.remove(&pos),
        };
        let note = ledger.current(id, Field::Note);
        self.slots[pos as usize].note_row = note.as_ref().map_or(0, |e| e.line);
        match &note {
            Some(e) => self.put_note(pos, e),
            None => {
                self.notes.remove(&pos);
            }
        }
    }

    /// Takes `id`'s values by period, their remarks and its last actual
    /// row from `ledger` (one pass over its periods).
    fn series_from(&mut self, ledger: &ledger::Ledger, pos: u32, id: &str) {
        self.clear_actuals(id);
        let mut points = Vec::new();
        let mut last: Option<Last> = None;
        ledger.each_period(id, |e| {
            if e.field != Field::Actual {
                return;
            }
            points.push(Point::of(e));
            if let Some(n) = self.remark(e) {
                self.period_remarks.insert((pos, e.in_period()), n);
            }
            if last.as_ref().is_none_or(|l| l.line <= e.line) {
                last = Some(self.pack_last(&LastRowRef::of(e)));
            }
        });
        points.shrink_to_fit();
        let s = &mut self.slots[pos as usize];
        s.series = points.into_boxed_slice();
        s.last = last;
    }

    /// The values of `id` by period, oldest first (empty if none).
    pub fn series_of(&self, id: &str) -> &[Point] {
        self.slot(id).map_or(&[], |s| &s.series)
    }

    /// The line of the current row of `id`'s actual for `period` (`0` when
    /// none): what an edit of that period expects.
    pub fn row_in(&self, id: &str, period: Period) -> u64 {
        self.series_of(id)
            .iter()
            .find(|p| p.period == period)
            .map_or(0, |p| u64::from(p.line))
    }

    /// The pace of every indicator of `plan` as of [`Progress::today`], in
    /// [`Plan::indicators`] order.
    pub fn paces(&self, plan: &Plan) -> Vec<Pace> {
        plan.indicators.iter().map(|i| self.pace(plan, i)).collect()
    }

    /// The pace of `ind` (of `plan`) as of [`Progress::today`].
    pub fn pace(&self, plan: &Plan, ind: &crate::plan::Indicator) -> Pace {
        Pace::of_points(plan.period, ind, self.series_of(ind.id()), self.today)
    }

    /// The status of every indicator of `plan`, in [`Plan::indicators`] order.
    pub fn statuses(&self, plan: &Plan) -> Vec<Status> {
        plan.indicators
            .iter()
            .map(|i| ledger::status(i, self.actual_of(i.id()), self.today))
            .collect()
    }
}

/// A last actual row, borrowed (from a ledger row or a [`LastRow`]).
struct LastRowRef<'a> {
    line: u64,
    user: &'a str,
    time: Stamp,
    period: Period,
    value: Option<&'a str>,
    old: Option<&'a str>,
}

impl<'a> LastRowRef<'a> {
    fn of(e: &'a Entry) -> Self {
        LastRowRef {
            line: e.line,
            user: &e.user,
            time: e.time,
            period: e.in_period(),
            value: e.value.as_deref(),
            old: e.old.as_deref(),
        }
    }
}

/// [`put_point`] into a series kept in one exact allocation (a new
/// period, a few times per indicator, allocates it again).
fn put_boxed(series: &mut Box<[Point]>, p: Point) {
    match series.binary_search_by(|q| q.period.cmp(&p.period)) {
        Ok(i) => series[i] = p,
        Err(i) => {
            let mut v = Vec::with_capacity(series.len() + 1);
            v.extend_from_slice(&series[..i]);
            v.push(p);
            v.extend_from_slice(&series[i..]);
            *series = v.into_boxed_slice();
        }
    }
}

/// Puts `p` into `series` (kept in period order): it replaces the point of
/// its period, or goes in its place.
fn put_point(series: &mut Vec<Point>, p: Point) {
    match series.binary_search_by(|q| q.period.cmp(&p.period)) {
        Ok(i) => series[i] = p,
        Err(i) => series.insert(i, p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Period;

    fn row(line: u64, value: &str, period: i16) -> Entry {
        Entry {
            line,
            time: Stamp::parse("2025-06-01T10:00:00+08:00").unwrap(),
            user: "u".into(),
            id: "8.1".into(),
            field: Field::Actual,
            value: Some(value.into()),
            old: None,
            note: None,
            period: Some(Period::Year(i32::from(period))),
        }
    }

    /// Correcting an earlier period changes neither the value shown nor
    /// the row an edit expects: both stay the latest period's.
    #[test]
    fn an_earlier_periods_row_keeps_the_latest_periods_value_and_row() {
        let mut p = Progress::empty(jiff::civil::date(2025, 6, 1));
        p.apply(&row(2, "500", 2024));
        p.apply(&row(3, "300", 2022));
        assert_eq!(p.actual_of("8.1"), Actual::from_ledger("500").as_ref());
        assert_eq!(p.row_of("8.1", Field::Actual), 2);
        p.apply(&row(4, "520", 2024));
        assert_eq!(p.row_of("8.1", Field::Actual), 4);
    }

    /// Clearing the latest period's value (an undo of the first value
    /// typed for it) makes the latest period with a value current again:
    /// its value, period, row and remark; with no value left, none.
    #[test]
    fn a_cleared_latest_period_gives_the_current_back() {
        let mut p = Progress::empty(jiff::civil::date(2025, 8, 15));
        let q4 = Period::Quarter(2024, 4);
        p.apply(&Entry {
            period: Some(q4),
            note: Some("快报".into()),
            ..row(2, "150", 2024)
        });
        p.apply(&row(3, "155", 2025));
        assert_eq!(p.period_of("8.1"), Some(Period::Year(2025)));
        assert_eq!(p.remark_of("8.1"), None);
        p.apply(&Entry {
            value: None,
            old: Some("155".into()),
            ..row(4, "", 2025)
        });
        assert_eq!(p.actual_of("8.1"), Actual::from_ledger("150").as_ref());
        assert_eq!(p.period_of("8.1"), Some(q4));
        assert_eq!(p.row_of("8.1", Field::Actual), 2);
        assert_eq!(
            p.remark_of("8.1").as_ref().map(|n| n.text.as_str()),
            Some("快报")
        );
        // 2025's row stays in the series: an edit of 2025 expects it.
        assert_eq!(p.row_in("8.1", Period::Year(2025)), 4);
        p.apply(&Entry {
            value: None,
            period: Some(q4),
            ..row(5, "", 2024)
        });
        assert_eq!(
            (p.actual_of("8.1"), p.period_of("8.1"), p.remark_of("8.1")),
            (None, None, None)
        );
        assert_eq!(p.row_of("8.1", Field::Actual), 0);
    }

    /// The last row is the last applied whatever its period (what an
    /// undo reverts), with who, when, the period and the values; the value
    /// shown stays the latest period's.
    #[test]
    fn the_last_row_is_kept_whatever_its_period() {
        let mut p = Progress::empty(jiff::civil::date(2025, 6, 1));
        p.apply(&row(2, "495", 2025));
        let mut fix = row(3, "452", 2024);
        fix.user = "赵六".into();
        fix.old = Some("450".into());
        p.apply(&fix);
        let last = p.last_of("8.1").unwrap();
        assert_eq!(
            (last.line, last.user.as_str(), last.period),
            (3, "赵六", Period::Year(2024))
        );
        assert_eq!(
            (last.value.as_deref(), last.old.as_deref()),
            (Some("452"), Some("450"))
        );
        assert_eq!(p.actual_of("8.1"), Actual::from_ledger("495").as_ref());
        // an older row shown again does not replace it
        p.apply(&row(2, "495", 2025));
        assert_eq!(p.last_of("8.1").unwrap().line, 3);
        assert!(p.last_of("9.9").is_none());
    }

    /// The series keeps one point per period, in period order, whatever
    /// order the rows come in; a later row of a period replaces its point.
    #[test]
    fn the_series_keeps_the_last_row_of_each_period_in_period_order() {
        let mut p = Progress::empty(jiff::civil::date(2025, 6, 1));
        p.apply(&row(2, "500", 2024));
        p.apply(&row(3, "300", 2020));
        p.apply(&row(4, "420", 2023));
        p.apply(&row(5, "310", 2020));
        let got: Vec<(String, u64)> = p
            .series_of("8.1")
            .iter()
            .map(|q| (q.period.to_string(), u64::from(q.line)))
            .collect();
        let want = [("2020", 5), ("2023", 4), ("2024", 2)];
        let want: Vec<(String, u64)> = want.iter().map(|(a, b)| (a.to_string(), *b)).collect();
        assert_eq!(got, want);
        assert_eq!(p.row_in("8.1", Period::Year(2023)), 4);
        assert_eq!(p.row_in("8.1", Period::Year(2022)), 0);
        assert!(p.series_of("9.9").is_empty());
    }

    /// Reading a ledger's state (`from_ledger`: a few lookups per id)
    /// gives what taking its rows in one by one (`apply`) gives; the line
    /// of an actual's current row is derived from the series, not kept
    /// per indicator: `rows` holds only statuses and notes.
    #[test]
    fn from_the_ledger_is_the_rows_applied_one_by_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        let mut rows = fixture::rows();
        let delayed = Some("delayed");
        rows.push(fixture::row(14, "9", Field::Status, delayed, None, None));
        let mut bytes = ledger::entry::header_line();
        for r in &rows {
            bytes.extend(ledger::entry::entry_line(r));
        }
        std::fs::write(&path, bytes).unwrap();
        let l = ledger::Ledger::open(&path).unwrap();
        let today = jiff::civil::date(2025, 6, 30);
        let read = Progress::from_ledger(&l, today);
        let mut applied = Progress::empty(today);
        for r in &rows {
            applied.apply(r);
        }
        assert_eq!(read, applied);
        assert_eq!(
            read.row_of("8.1", Field::Actual),
            2,
            "2025 cleared: 2024's row"
        );
        assert_eq!(read.row_of("8.2", Field::Actual), 11);
        assert_eq!(
            read.remark_of("8.3").as_ref().map(|r| r.text.as_str()),
            Some("年报")
        );
        assert_eq!(
            read.remark_of("8").as_ref().map(|r| r.text.as_str()),
            Some("验收")
        );
        // Only statuses and notes: 8 (status, note), 8.1 (note), 9.
        assert_eq!(read.rows_len(), 4);
    }
}
