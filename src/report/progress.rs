//! The one adapter through which actual values, statuses and notes enter
//! the UI (`ui::data` re-exports it).
//!
//! The UI state never reads the ledger itself: the run loop fills a
//! [`Progress`] from the ledger ([`Progress::from_ledger`]) and keeps it up
//! to date row by row ([`Progress::apply`]); the UI computes every status
//! with the pure [`crate::ledger::status`].

use std::collections::HashMap;

use jiff::civil::Date;

use super::last::LastRow;
use super::pace::{Pace, Point};
use crate::ledger::{self, Actual, Entry, Field, Stamp, Status, TaskState};
use crate::plan::{Period, Plan};

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

/// Recorded actuals, task states and notes, keyed by indicator id and task
/// id, and the date statuses are computed for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub actual: HashMap<String, Actual>,
    /// The period of each indicator's current actual (its latest period
    /// with a value): a row for an earlier period does not replace it, a
    /// cleared latest period gives it back to the latest one with a value.
    pub periods: HashMap<String, Period>,
    /// Each indicator's value of every period recorded, oldest period
    /// first (the last row of each period, a cleared one too): the
    /// baseline, the chart, and the row an edit of a period expects.
    pub series: HashMap<String, Vec<Point>>,
    pub task_state: HashMap<String, TaskState>,
    /// The standing note of an indicator or task (the `note` field).
    pub notes: HashMap<String, Noted>,
    /// The remark on the row that set an indicator's current actual or a
    /// task's current status.
    pub remarks: HashMap<String, Noted>,
    /// The remark on the last row of each period of an indicator, for the
    /// rows that have one: the remark again when that period's value is
    /// current again (a later period cleared).
    pub period_remarks: HashMap<(String, Period), Noted>,
    /// The line of the current row of each id's status and note: the row
    /// an edit made on this screen expects ([`crate::ledger::Expect::Row`]).
    /// An actual's follows from [`Progress::series`] ([`Progress::row_of`]).
    pub rows: HashMap<(String, Field), u64>,
    /// The last actual row of each indicator, whatever its period: the
    /// change an undo reverts.
    pub last: HashMap<String, LastRow>,
    pub today: Date,
}

impl Progress {
    /// No actuals, no task states, no notes.
    pub fn empty(today: Date) -> Self {
        Progress {
            actual: HashMap::new(),
            periods: HashMap::new(),
            series: HashMap::new(),
            task_state: HashMap::new(),
            notes: HashMap::new(),
            remarks: HashMap::new(),
            period_remarks: HashMap::new(),
            rows: HashMap::new(),
            last: HashMap::new(),
            today,
        }
    }

    /// What the UI shows as the note of `id`: its standing note, else the
    /// remark recorded with its current value.
    pub fn note_of(&self, id: &str) -> Option<(&Noted, NoteKind)> {
        match self.notes.get(id) {
            Some(n) => Some((n, NoteKind::Standing)),
            None => self.remarks.get(id).map(|n| (n, NoteKind::Remark)),
        }
    }

    /// The line of the current row of `id`'s `field` (for an actual, the
    /// last row of its latest period with a value, from the series); `0`
    /// when there is none.
    pub fn row_of(&self, id: &str, field: Field) -> u64 {
        if field == Field::Actual {
            let mut current = self.series_of(id).iter().rev();
            return current.find(|p| p.actual.is_some()).map_or(0, |p| p.line);
        }
        self.rows
            .get(&(id.to_string(), field))
            .copied()
            .unwrap_or(0)
    }

    /// Takes one row (recorded here or by another session) in. An actual
    /// for a period earlier than the current one's changes nothing shown,
    /// and clearing the latest period's value makes the latest period with
    /// a value current again (the current actual is the latest period's
    /// with a value, as the ledger says).
    pub fn apply(&mut self, e: &Entry) {
        let id = e.id.clone();
        match e.field {
            Field::Actual => {
                put_point(self.series.entry(id.clone()).or_default(), Point::of(e));
                self.note_last(e);
                let key = (id.clone(), e.in_period());
                match Noted::remark_of(e) {
                    Some(n) => self.period_remarks.insert(key, n),
                    None => self.period_remarks.remove(&key),
                };
                self.take_current(&id);
                return;
            }
            Field::Status => {
                self.rows.insert((id.clone(), e.field), e.line);
                match e.task_state() {
                    Some(t) => self.task_state.insert(id.clone(), t),
                    None => self.task_state.remove(&id),
                };
            }
            Field::Note => {
                self.rows.insert((id.clone(), e.field), e.line);
                let note = e.value.clone().map(|text| Noted {
                    text,
                    who: e.user.clone(),
                    when: e.time,
                });
                match note {
                    Some(n) => self.notes.insert(id, n),
                    None => self.notes.remove(&id),
                };
                return;
            }
        }
        // The remark goes with the value it was recorded with.
        match Noted::remark_of(e) {
            Some(n) => self.remarks.insert(id, n),
            None => self.remarks.remove(&id),
        };
    }

    /// Makes the latest period of `id` with a value its current actual:
    /// the value, its period, the line of its row and its remark (none of
    /// them when no period has a value).
    fn take_current(&mut self, id: &str) {
        let current = self
            .series_of(id)
            .iter()
            .rev()
            .find_map(|p| Some((p.actual?, p.period)));
        let Some((actual, period)) = current else {
            self.actual.remove(id);
            self.periods.remove(id);
            self.remarks.remove(id);
            return;
        };
        self.actual.insert(id.to_string(), actual);
        self.periods.insert(id.to_string(), period);
        match self.period_remarks.get(&(id.to_string(), period)) {
            Some(n) => self.remarks.insert(id.to_string(), n.clone()),
            None => self.remarks.remove(id),
        };
    }

    /// Keeps `e` as its indicator's last actual row unless a later one is
    /// known.
    fn note_last(&mut self, e: &Entry) {
        if self.last.get(&e.id).is_none_or(|l| l.line <= e.line) {
            self.last.insert(e.id.clone(), LastRow::of(e));
        }
    }

    /// The last actual row of `id`, whatever its period (`None`: none
    /// known).
    pub fn last_of(&self, id: &str) -> Option<&LastRow> {
        self.last.get(id)
    }

    /// The current actuals, task states and notes of `ledger` (one pass
    /// over its ids).
    pub fn from_ledger(ledger: &ledger::Ledger, today: Date) -> Self {
        let mut p = Progress::empty(today);
        for id in ledger.ids() {
            p.set_from(ledger, id);
        }
        p
    }

    /// Takes the current actual, task state and notes of `id` from
    /// `ledger` (three lookups: the ledger keeps the last row per field,
    /// and per period for actuals, from which the current actual and the
    /// last actual row follow).
    pub fn set_from(&mut self, ledger: &ledger::Ledger, id: &str) {
        self.series_from(ledger, id);
        self.take_current(id);
        let periods = self.series_of(id);
        match periods.iter().max_by_key(|p| p.line) {
            Some(p) => {
                let last = ledger.current_in(id, Field::Actual, Some(p.period));
                match last {
                    Some(e) => self.last.insert(id.to_string(), LastRow::of(&e)),
                    None => self.last.remove(id),
                }
            }
            None => self.last.remove(id),
        };
        let status = ledger.current(id, Field::Status);
        match &status {
            Some(e) => self.rows.insert((id.to_string(), Field::Status), e.line),
            None => self.rows.remove(&(id.to_string(), Field::Status)),
        };
        match status.as_ref().and_then(Entry::task_state) {
            Some(t) => self.task_state.insert(id.to_string(), t),
            None => self.task_state.remove(id),
        };
        let note = ledger.current(id, Field::Note);
        match &note {
            Some(e) => self.rows.insert((id.to_string(), Field::Note), e.line),
            None => self.rows.remove(&(id.to_string(), Field::Note)),
        };
        match note {
            Some(e) if e.value.is_some() => self.notes.insert(
                id.to_string(),
                Noted {
                    text: e.value.unwrap_or_default(),
                    who: e.user,
                    when: e.time,
                },
            ),
            _ => self.notes.remove(id),
        };
        // The remark goes with the later of the current actual and status.
        let actual_line = self.row_of(id, Field::Actual);
        match status {
            Some(e) if e.line > actual_line => match Noted::remark_of(&e) {
                Some(n) => self.remarks.insert(id.to_string(), n),
                None => self.remarks.remove(id),
            },
            _ => None,
        };
    }

    /// Takes `id`'s values by period, and their remarks, from `ledger`.
    fn series_from(&mut self, ledger: &ledger::Ledger, id: &str) {
        for p in self.series.get(id).into_iter().flatten() {
            self.period_remarks.remove(&(id.to_string(), p.period));
        }
        let mut points = Vec::new();
        ledger.each_period(id, |e| {
            if e.field != Field::Actual {
                return;
            }
            points.push(Point::of(e));
            if let Some(n) = Noted::remark_of(e) {
                self.period_remarks
                    .insert((id.to_string(), e.in_period()), n);
            }
        });
        points.shrink_to_fit();
        match points.is_empty() {
            true => self.series.remove(id),
            false => self.series.insert(id.to_string(), points),
        };
    }

    /// The values of `id` by period, oldest first (empty if none).
    pub fn series_of(&self, id: &str) -> &[Point] {
        self.series.get(id).map_or(&[], Vec::as_slice)
    }

    /// The line of the current row of `id`'s actual for `period` (`0` when
    /// none): what an edit of that period expects.
    pub fn row_in(&self, id: &str, period: Period) -> u64 {
        self.series_of(id)
            .iter()
            .find(|p| p.period == period)
            .map_or(0, |p| p.line)
    }

    /// The pace of every indicator of `plan` as of [`Progress::today`], in
    /// [`Plan::indicators`] order.
    pub fn paces(&self, plan: &Plan) -> Vec<Pace> {
        plan.indicators
            .iter()
            .map(|i| Pace::of_points(plan.period, i, self.series_of(&i.id), self.today))
            .collect()
    }

    /// The status of every indicator of `plan`, in [`Plan::indicators`] order.
    pub fn statuses(&self, plan: &Plan) -> Vec<Status> {
        plan.indicators
            .iter()
            .map(|i| ledger::status(i, self.actual.get(&i.id), self.today))
            .collect()
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
        assert_eq!(p.actual.get("8.1"), Actual::from_ledger("500").as_ref());
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
        assert_eq!(p.periods.get("8.1"), Some(&Period::Year(2025)));
        assert_eq!(p.remarks.get("8.1"), None);
        p.apply(&Entry {
            value: None,
            old: Some("155".into()),
            ..row(4, "", 2025)
        });
        assert_eq!(p.actual.get("8.1"), Actual::from_ledger("150").as_ref());
        assert_eq!(p.periods.get("8.1"), Some(&q4));
        assert_eq!(p.row_of("8.1", Field::Actual), 2);
        assert_eq!(p.remarks.get("8.1").map(|n| n.text.as_str()), Some("快报"));
        // 2025's row stays in the series: an edit of 2025 expects it.
        assert_eq!(p.row_in("8.1", Period::Year(2025)), 4);
        p.apply(&Entry {
            value: None,
            period: Some(q4),
            ..row(5, "", 2024)
        });
        assert_eq!(
            (
                p.actual.get("8.1"),
                p.periods.get("8.1"),
                p.remarks.get("8.1")
            ),
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
        assert_eq!(p.actual.get("8.1"), Actual::from_ledger("495").as_ref());
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
            .map(|q| (q.period.to_string(), q.line))
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
        let e =
            |line, id: &str, field, v: Option<&str>, note: Option<&str>, p: Option<&str>| Entry {
                line,
                time: Stamp::parse("2025-06-01T10:00:00+08:00").unwrap(),
                user: format!("用户{}", line % 3),
                id: id.into(),
                field,
                value: v.map(String::from),
                old: None,
                note: note.map(String::from),
                period: p.map(|p| Period::parse(p).unwrap()),
            };
        let (a, s, n) = (Field::Actual, Field::Status, Field::Note);
        let rows = [
            e(2, "8.1", a, Some("450"), Some("快报"), Some("2024")),
            e(3, "8.1", a, Some("300"), None, Some("2022")),
            e(4, "8", s, Some("in_progress"), Some("开工"), None),
            e(5, "8", n, Some("待核实"), None, None),
            e(6, "8.1", a, Some("500"), None, Some("2025")),
            e(7, "8.1", a, None, None, Some("2025")),
            e(8, "8", s, Some("done"), Some("验收"), None),
            e(9, "8.2", a, Some("1"), Some("初报"), Some("2025Q1")),
            e(10, "8.1", n, Some("说明"), None, None),
            e(11, "8.2", a, Some("2"), None, Some("2025Q1")),
            e(12, "8.3", a, Some("7"), Some("年报"), Some("2024")),
            e(13, "8", n, None, None, None),
            e(14, "9", s, Some("delayed"), None, None),
        ];
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
            read.remarks.get("8.3").map(|r| r.text.as_str()),
            Some("年报")
        );
        assert_eq!(read.remarks.get("8").map(|r| r.text.as_str()), Some("验收"));
        // Only statuses and notes: 8 (status, note), 8.1 (note), 9.
        assert_eq!(read.rows.len(), 4);
    }
}
