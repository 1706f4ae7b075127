//! An edited sheet against the ledger: which cells changed, into which
//! ledger edits, and every reason to refuse. Pure but for reading the
//! ledger's rows back (`before`); nothing is written here (the command
//! line appends the edits with `Ledger::append_all`, all or none).
//!
//! A cell is an edit when it differs from what its row's export saw
//! (`ledger_line`), not from the ledger now: a colleague's change since
//! to a cell left alone is not undone. An edited cell whose value the
//! ledger changed since the export is a conflict; one whose value the
//! ledger already has (recorded since by someone, or by an earlier import
//! of this very sheet) records nothing. Every cell read is checked as the
//! command that records it checks it: values as `set` reads them
//! (`parse_actual`), periods as `--period` (`Period::parse` within the
//! plan's years), task statuses as `status`, notes as `note`.

use std::collections::HashMap;

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::before::{self, Seen, Then};
use super::columns::{Column, Header};
use super::decode::{Record, Sheet};
use super::guard::unguard;
use super::ids::Ids;
use crate::ledger::entry::{check_text, same_value};
use crate::ledger::{Conflict, Edit, Expect, Field, Ledger, LedgerError, Stamp, parse_actual};
use crate::plan::{Indicator, Period, Plan};
use crate::text::{halfwidth, visible};
use crate::vocab::{Lang, M, Msg, TaskState, Term, parse_task_state};

/// How an import records.
#[derive(Debug, Clone)]
pub struct Options {
    pub user: String,
    pub time: Stamp,
    /// The default period of a value given without one (its year), as
    /// `set` without `--period`.
    pub today: Date,
    /// The remark recorded with every row (`imported from 台账.csv`).
    pub remark: Option<String>,
    /// Conflicts are recorded over; without the `ledger_line` column
    /// every cell is compared with the ledger as it is now.
    pub force: bool,
}

/// Why (part of) a sheet cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The sheet lines it is about (several: a task's rows that disagree).
    pub lines: Vec<u64>,
    /// The column, as the header names it.
    pub column: Option<String>,
    pub message: Msg,
    /// The ledger changed since the export (exit 3; `--force` records
    /// over it) rather than a cell that is not valid (exit 2).
    pub conflict: bool,
}

/// One ledger edit an edited cell makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The sheet lines it comes from (a task's status: each row saying it).
    pub lines: Vec<u64>,
    pub column: Column,
    /// Expects what the export saw (`Expect::Row`).
    pub edit: Edit,
    /// The value now (the row's `old` once recorded).
    pub now: Option<String>,
    /// The ledger changed the value after the export: recorded only with
    /// `--force`, over it.
    pub conflict: Option<Conflict>,
}

/// What an import would do.
#[derive(Debug, Clone, Default)]
pub struct Diff {
    /// Rows read (not counting the header and blank rows).
    pub rows: usize,
    /// In the order of the sheet's lines.
    pub changes: Vec<Change>,
    /// Cells whose value the ledger changed since the export to the one
    /// they show (recorded by someone, or by an earlier import of this
    /// sheet): nothing to record.
    pub already: usize,
    /// Invalid cells and conflicts, by line.
    pub problems: Vec<Problem>,
    /// The sheet's header (the columns as it names them).
    pub header: Header,
}

impl Diff {
    /// Changes over a value the ledger changed since the export.
    pub fn conflicts(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|c| c.conflict.is_some())
    }
}

/// A task's status as one row gives it.
struct StatusCell {
    line: u64,
    state: TaskState,
    at: u64,
}

struct Reader<'a> {
    /// The sheet was saved in a Chinese code page (read as GB18030): a
    /// plain "CSV" save of Excel/WPS writes `?` for what GBK cannot hold.
    gbk: bool,
    plan: &'a Plan,
    ledger: &'a Ledger,
    header: Header,
    ids: Ids<'a>,
    opts: &'a Options,
    out: Diff,
    /// Each task's status cells, in the order first met.
    statuses: Vec<(String, Vec<StatusCell>)>,
    status_of: HashMap<String, usize>,
    /// The line of each indicator's row.
    row_of: HashMap<String, u64>,
    /// Rows exported at a line past the ledger's end: (line, its line).
    stale: Vec<(u64, u64)>,
}

/// The changes `sheet` makes to `ledger`, and every reason to refuse it.
pub fn diff(
    plan: &Plan,
    ledger: &Ledger,
    sheet: &Sheet,
    opts: &Options,
) -> Result<Diff, LedgerError> {
    let header = match Header::read(&sheet.header.cells) {
        Ok(h) => h,
        Err(m) => {
            let mut out = Diff::default();
            out.problems.push(invalid(sheet.header.line, None, m));
            return Ok(out);
        }
    };
    let mut r = Reader {
        gbk: sheet.encoding == crate::ledger::store::Encoding::Gb18030,
        plan,
        ledger,
        ids: Ids::new(plan),
        opts,
        out: Diff {
            rows: sheet.rows.len(),
            ..Diff::default()
        },
        statuses: Vec::new(),
        status_of: HashMap::new(),
        row_of: HashMap::new(),
        stale: Vec::new(),
        header,
    };
    r.check_header(sheet.header.line);
    if !r.out.problems.is_empty() {
        r.out.header = r.header;
        return Ok(r.out);
    }
    for rec in &sheet.rows {
        r.row(rec)?;
    }
    r.task_statuses()?;
    r.stale_rows();
    r.out
        .changes
        .sort_by_key(|c| (c.lines[0], c.column as usize));
    r.out.problems.sort_by_key(|p| p.lines.first().copied());
    r.out.header = r.header;
    Ok(r.out)
}

/// The longest note a sheet may bring (characters): a note is a remark,
/// not a document, and one cell must not make the shared ledger slow for
/// everyone.
pub const MAX_NOTE: usize = 2000;

fn invalid(line: u64, column: Option<String>, message: Msg) -> Problem {
    Problem {
        lines: vec![line],
        column,
        message,
        conflict: false,
    }
}

impl Reader<'_> {
    /// The columns the import needs: a key or an id, the export's ledger
    /// line (unless forced), a period with an actual, something to read.
    fn check_header(&mut self, line: u64) {
        let h = &self.header;
        let mut why = Vec::new();
        if !h.has(Column::Key) && !h.has(Column::Id) {
            why.push(M::SheetNoKey);
        }
        if !h.has(Column::LedgerLine) && !self.opts.force {
            why.push(M::SheetNoLedgerLine);
        }
        if h.has(Column::Actual) && !h.has(Column::Period) {
            why.push(M::SheetActualNoPeriod);
        }
        if !Column::EDITABLE.iter().any(|&c| h.has(c)) {
            why.push(M::SheetNothingToImport);
        }
        for m in why {
            self.out.problems.push(invalid(line, None, m.into()));
        }
    }

    /// A cell of `rec` (`None`: no such column), the guard removed.
    fn cell<'r>(&self, col: Column, rec: &'r Record) -> Option<&'r str> {
        self.header.get(col, &rec.cells).map(unguard)
    }

    fn problem(&mut self, line: u64, col: Column, message: Msg) {
        let column = Some(self.header.label(col).to_string());
        self.out.problems.push(invalid(line, column, message));
    }

    fn row(&mut self, rec: &Record) -> Result<(), LedgerError> {
        let (key, id) = (self.cell(Column::Key, rec), self.cell(Column::Id, rec));
        let ind = match self.ids.resolve(key, id) {
            Ok(ind) => ind,
            Err((col, m)) => {
                self.problem(rec.line, col, m);
                return Ok(());
            }
        };
        if let Some(first) = self.row_of.insert(ind.id().to_string(), rec.line) {
            self.row_of.insert(ind.id().to_string(), first);
            let m = Msg::new(M::SheetDuplicateRow)
                .arg("id", ind.id())
                .arg("name", ind.name())
                .arg("first", first);
            self.problem(rec.line, Column::Key, m);
            return Ok(());
        }
        let Some(at) = self.exported_at(rec) else {
            return Ok(());
        };
        self.actual(rec, ind, at)?;
        self.note(rec, ind, at)?;
        self.status_cell(rec, ind, at);
        Ok(())
    }

    /// The ledger line the row was exported at (`ledger_line`); without
    /// the column (`--force`), the ledger's last line. A line past the
    /// ledger's end means the ledger was replaced or cut since: a
    /// conflict (forced: the ledger as it is).
    fn exported_at(&mut self, rec: &Record) -> Option<u64> {
        let last = self.ledger.last_line();
        let Some(cell) = self.cell(Column::LedgerLine, rec) else {
            return Some(last);
        };
        let cell = halfwidth(cell);
        let Ok(at) = cell.trim().parse::<u64>() else {
            let m = Msg::new(M::SheetBadLedgerLine).arg("cell", cell.trim());
            self.problem(rec.line, Column::LedgerLine, m);
            return None;
        };
        if at > last && !self.opts.force {
            self.stale.push((rec.line, at));
            return None;
        }
        Some(at.min(last))
    }

    /// One conflict for the rows exported from a longer ledger than this
    /// one: it was replaced or cut short since.
    fn stale_rows(&mut self) {
        let Some(at) = self.stale.iter().map(|&(_, at)| at).max() else {
            return;
        };
        let last = self.ledger.last_line();
        self.out.problems.push(Problem {
            lines: self.stale.iter().map(|&(l, _)| l).collect(),
            column: Some(self.header.label(Column::LedgerLine).to_string()),
            message: Msg::new(M::SheetStale).arg("at", at).arg("last", last),
            conflict: true,
        });
    }

    /// The period a row's actual is for: its `period` cell, else (a value
    /// given without one) the year of today, as `set` defaults it; within
    /// the plan's years and begun by today (the check `set` makes).
    fn period(&mut self, rec: &Record, ind: &Indicator, blank: bool) -> Option<Period> {
        let typed = self.cell(Column::Period, rec).unwrap_or("").trim();
        if typed.is_empty() && blank {
            return None;
        }
        let p = if typed.is_empty() {
            Period::Year(i32::from(self.opts.today.year()))
        } else {
            match Period::parse(typed) {
                Ok(p) => p,
                Err(e) => {
                    self.problem(
                        rec.line,
                        Column::Period,
                        of_indicator(ind, period_reason(&e)),
                    );
                    return None;
                }
            }
        };
        if let Err(e) = self.plan.period.check(p, self.opts.today) {
            let m = of_indicator(ind, period_reason(&e));
            self.problem(rec.line, Column::Period, m);
            return None;
        }
        Some(p)
    }

    /// Whether a cell is an edit: `says(v)` tells whether the cell shows
    /// the ledger value `v`. Not when it shows what the export saw; not
    /// either (counted in `already`) when the ledger changed the value
    /// since and it now is the cell's — found without reading back what
    /// the export saw. Else what the export saw.
    fn edited(
        &mut self,
        then: &Then<'_>,
        says: impl Fn(Option<&str>) -> bool,
    ) -> Result<Option<Seen>, LedgerError> {
        if then.changed_since() && says(then.now_value()) {
            self.out.already += 1;
            return Ok(None);
        }
        let seen = then.seen()?;
        Ok((!says(seen.value.as_deref())).then_some(seen))
    }

    /// The `actual` cell: a value for the row's period.
    fn actual(&mut self, rec: &Record, ind: &Indicator, at: u64) -> Result<(), LedgerError> {
        let Some(raw) = self.cell(Column::Actual, rec) else {
            return Ok(());
        };
        let typed = raw.trim();
        let Some(period) = self.period(rec, ind, typed.is_empty()) else {
            return Ok(());
        };
        let key = (ind.id(), Field::Actual, Some(period));
        let then = before::then(self.ledger, key, at);
        let parsed = parse_actual(ind, typed).map(|a| a.to_ledger());
        let says = |v: Option<&str>| match v {
            None => typed.is_empty(),
            Some(s) => {
                s == typed
                    || spreadsheet_same(s, typed)
                    || parsed
                        .as_ref()
                        .is_ok_and(|p| same_value(Field::Actual, Some(p), Some(s)))
            }
        };
        let Some(seen) = self.edited(&then, says)? else {
            return Ok(());
        };
        let value = match (typed.is_empty(), parsed) {
            (true, _) => {
                let m = Msg::new(M::SheetClears)
                    .arg("id", ind.id())
                    .arg("name", ind.name())
                    .arg("value", seen.value.as_deref().unwrap_or_default())
                    .words("period", period_zh(period), period.to_string());
                self.problem(rec.line, Column::Actual, m);
                return Ok(());
            }
            (false, Err(e)) => {
                let m = Msg::new(M::SheetOfIndicator)
                    .arg("id", &e.id)
                    .arg("name", &e.name)
                    .words("reason", e.reason(Lang::Zh), e.reason(Lang::En));
                self.problem(rec.line, Column::Actual, m);
                return Ok(());
            }
            (false, Ok(v)) => v,
        };
        let key = (ind.id().to_string(), Field::Actual, Some(period));
        self.change(
            vec![rec.line],
            Column::Actual,
            key,
            Some(value),
            (&then, seen),
        );
        Ok(())
    }

    /// The `note` cell: the indicator's standing note (emptied: cleared).
    fn note(&mut self, rec: &Record, ind: &Indicator, at: u64) -> Result<(), LedgerError> {
        let Some(raw) = self.cell(Column::Note, rec) else {
            return Ok(());
        };
        let typed = raw.trim();
        let then = before::then(self.ledger, (ind.id(), Field::Note, None), at);
        let gbk = self.gbk;
        // A note saved through GBK with `?` for what GBK cannot hold (CO₂
        // → CO?, an emoji → ?) is the note unedited.
        let says = |v: Option<&str>| match v {
            None => typed.is_empty(),
            Some(s) => {
                typed == s.trim()
                    || typed == visible(s).trim()
                    || gbk && typed == crate::sheet::decode::as_gbk_saves(s).trim()
            }
        };
        let Some(seen) = self.edited(&then, says)? else {
            return Ok(());
        };
        let long = typed.chars().count();
        if long > MAX_NOTE {
            let m = Msg::new(M::SheetNoteLong)
                .arg("id", ind.id())
                .arg("name", ind.name())
                .arg("long", long)
                .arg("max", MAX_NOTE);
            self.problem(rec.line, Column::Note, m);
            return Ok(());
        }
        if let Err(m) = check_text(crate::vocab::M::LedgerTheNote, typed) {
            let m = of_indicator(
                ind,
                (
                    m.text(crate::vocab::Lang::Zh),
                    m.text(crate::vocab::Lang::En),
                ),
            );
            self.problem(rec.line, Column::Note, m);
            return Ok(());
        }
        let value = (!typed.is_empty()).then(|| typed.to_string());
        let key = (ind.id().to_string(), Field::Note, None);
        self.change(vec![rec.line], Column::Note, key, value, (&then, seen));
        Ok(())
    }

    /// The `task_status` cell, kept until every row of the task is read.
    fn status_cell(&mut self, rec: &Record, ind: &Indicator, at: u64) {
        let Some(raw) = self.cell(Column::TaskStatus, rec) else {
            return;
        };
        let Some(state) = parse_task_state(raw) else {
            let m = Msg::new(M::NotATaskState)
                .arg("task", &ind.task)
                .arg("found", raw.trim())
                .arg("states", TaskState::machine_list())
                .arg("words", TaskState::word_list(Lang::Zh));
            self.problem(rec.line, Column::TaskStatus, m);
            return;
        };
        let cell = StatusCell {
            line: rec.line,
            state,
            at,
        };
        match self.status_of.get(&*ind.task) {
            Some(&i) => self.statuses[i].1.push(cell),
            None => {
                self.status_of
                    .insert(ind.task.to_string(), self.statuses.len());
                self.statuses.push((ind.task.to_string(), vec![cell]));
            }
        }
    }

    /// Each task's status: its rows must agree; a change when it differs
    /// from what the export saw (never set: `not_started`).
    fn task_statuses(&mut self) -> Result<(), LedgerError> {
        for (task, cells) in std::mem::take(&mut self.statuses) {
            let lines: Vec<u64> = cells.iter().map(|c| c.line).collect();
            let state = cells[0].state;
            if cells.iter().any(|c| c.state != state) {
                let column = Some(self.header.label(Column::TaskStatus).to_string());
                let message = disagreeing(&task, &cells);
                self.out.problems.push(Problem {
                    lines,
                    column,
                    message,
                    conflict: false,
                });
                continue;
            }
            let at = cells.iter().map(|c| c.at).min().unwrap_or(0);
            let then = before::then(self.ledger, (&task, Field::Status, None), at);
            let says = |v: Option<&str>| {
                v.and_then(TaskState::from_machine)
                    .unwrap_or(TaskState::NotStarted)
                    == state
            };
            let Some(seen) = self.edited(&then, says)? else {
                continue;
            };
            let key = (task.clone(), Field::Status, None);
            let value = Some(state.as_str().to_string());
            self.change(lines, Column::TaskStatus, key, value, (&then, seen));
        }
        Ok(())
    }

    /// Adds the edit of an edited cell, expecting what the export saw
    /// (`seen`); a conflict when the ledger changed the value since.
    fn change(
        &mut self,
        lines: Vec<u64>,
        column: Column,
        (id, field, period): (String, Field, Option<Period>),
        value: Option<String>,
        (then, seen): (&Then<'_>, Seen),
    ) {
        let now = then.now_value().map(String::from);
        let conflict = then
            .now
            .as_ref()
            .filter(|_| then.changed_since())
            .map(|cur| Conflict {
                id: id.clone(),
                field,
                expected: seen.value.clone(),
                found: now.clone(),
                who: Some(cur.user.clone()),
                when: Some(cur.time),
                line: cur.line,
                period,
            });
        let edit = Edit {
            id,
            field,
            value,
            note: self.opts.remark.clone(),
            user: self.opts.user.clone(),
            time: self.opts.time,
            expect: Expect::Row {
                value: seen.value,
                line: seen.line,
            },
            period,
        };
        self.out.changes.push(Change {
            lines,
            column,
            edit,
            now,
            conflict,
        });
    }
}

/// A task's rows that give it different statuses, grouped by status.
fn disagreeing(task: &str, cells: &[StatusCell]) -> Msg {
    let mut by: Vec<(TaskState, Vec<String>)> = Vec::new();
    for c in cells {
        match by.iter_mut().find(|(s, _)| *s == c.state) {
            Some((_, lines)) => lines.push(c.line.to_string()),
            None => by.push((c.state, vec![c.line.to_string()])),
        }
    }
    let said = |lang: Lang| {
        let said: Vec<String> = by
            .iter()
            .map(|(s, lines)| {
                let word = if lines.len() == 1 { "line" } else { "lines" };
                let state = match lang {
                    Lang::Zh => s.word(Lang::Zh),
                    Lang::En => s.as_str(),
                };
                let sep = if lang == Lang::Zh { "、" } else { ", " };
                Msg::new(M::SheetSaid)
                    .arg("state", state)
                    .arg("lines", lines.join(sep))
                    .words("word", "", word)
                    .text(lang)
            })
            .collect();
        said.join(if lang == Lang::Zh { "；" } else { ", " })
    };
    Msg::new(M::SheetDisagree)
        .arg("task", task)
        .words("said", said(Lang::Zh), said(Lang::En))
}

/// `8.1 工业总产值: why`, the reason given in (Chinese, English).
fn of_indicator(ind: &Indicator, (zh, en): (String, String)) -> Msg {
    Msg::new(M::SheetOfIndicator)
        .arg("id", ind.id())
        .arg("name", ind.name())
        .words("reason", zh, en)
}

/// A period refused, in (Chinese, English).
fn period_reason(e: &crate::plan::PeriodError) -> (String, String) {
    (e.reason(Lang::Zh), e.reason(Lang::En))
}

/// A period in Chinese as `--period` reads it back (2024年二季度).
fn period_zh(p: Period) -> String {
    p.zh()
}

/// True when `typed` is what a spreadsheet writes for the number `seen`
/// (which it did not edit): a double keeps 15 significant digits
/// (`1234567890.123456789` → `1234567890.12346`) and may write an
/// exponent (`1E-07`, `1.23456789012346E+017`).
fn spreadsheet_same(seen: &str, typed: &str) -> bool {
    let Ok(s) = seen.parse::<Decimal>() else {
        return false;
    };
    let t = typed.trim();
    let Ok(t) = Decimal::from_scientific(t).or_else(|_| t.parse::<Decimal>()) else {
        return false;
    };
    t == s || s.round_sf(15).is_some_and(|r| t == r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::decode;

    /// The diff of `sheet` (CSV text) against a ledger of `rows`.
    fn diff_of(rows: &[&str], sheet: &str) -> Diff {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.csv");
        let mut text = String::from("time,user,id,field,value,old,note,period\r\n");
        for r in rows {
            text.push_str(r);
            text.push_str("\r\n");
        }
        std::fs::write(&path, text).unwrap();
        let ledger = Ledger::open(&path).unwrap();
        let plan = crate::plan::load_embedded().unwrap();
        let opts = Options {
            user: "bob".into(),
            time: Stamp::parse("2025-07-02T00:00:00+08:00").unwrap(),
            today: jiff::civil::date(2025, 7, 2),
            remark: None,
            force: false,
        };
        diff(
            &plan,
            &ledger,
            &decode::read(sheet.as_bytes()).unwrap(),
            &opts,
        )
        .unwrap()
    }

    const T: &str = "2025-06-30T00:00:00+08:00,limin";

    #[test]
    fn a_note_shown_made_visible_is_unchanged_an_emptied_one_is_cleared() {
        let rows = [
            &format!("{T},8.1,note,a\u{1b}b,,,") as &str,
            &format!("{T},8.2,note,x,,,"),
        ];
        let d = diff_of(
            &rows,
            "key,note,ledger_line\n#8.1,a\\x1bb,3\n#8.2,,3\n#8.3,,3\n",
        );
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        assert_eq!(d.changes.len(), 1);
        let c = &d.changes[0];
        assert_eq!((c.edit.id.as_str(), c.edit.value.as_deref()), ("8.2", None));
        assert_eq!(
            c.edit.expect,
            Expect::Row {
                value: Some("x".into()),
                line: 3
            }
        );
        assert_eq!(c.now.as_deref(), Some("x"));
    }

    #[test]
    fn an_emptied_value_and_a_second_row_of_an_indicator_are_refused() {
        let rows = [&format!("{T},8.1,actual,512,,,2025") as &str];
        let d = diff_of(
            &rows,
            "key,period,actual,ledger_line\n#8.1,2025,,2\n#8.2,,,2\n#8.2,,1,2\n",
        );
        assert!(d.changes.is_empty());
        let said: Vec<(u64, String)> = d
            .problems
            .iter()
            .map(|p| (p.lines[0], p.message.to_string()))
            .collect();
        assert_eq!(said.len(), 2, "{said:?}");
        assert_eq!(said[0].0, 2);
        assert!(
            said[0]
                .1
                .starts_with("8.1 工业总产值: empty, but the ledger has `512` for 2025")
        );
        assert_eq!(
            (said[1].0, said[1].1.as_str()),
            (
                4,
                "8.2 工业投资累计完成 is on line 3 already; expected one row per indicator"
            )
        );
    }

    #[test]
    fn a_value_without_a_period_is_for_the_year_of_today() {
        let d = diff_of(
            &[],
            "key,period,actual,ledger_line\n#8.1,,512,1\n#8.2,2019,1,1\n",
        );
        assert_eq!(d.changes.len(), 1);
        assert_eq!(d.changes[0].edit.period, Some(Period::Year(2025)));
        assert_eq!(d.problems.len(), 1);
        assert!(
            d.problems[0].message.to_string().contains("2019"),
            "{:?}",
            d.problems
        );
    }

    #[test]
    fn what_a_spreadsheet_writes_for_a_number_is_the_same_number() {
        assert!(spreadsheet_same("512.50", "512.5"));
        assert!(spreadsheet_same("1234567890.123456789", "1234567890.12346"));
        assert!(spreadsheet_same(
            "123456789012345678",
            "1.23456789012346E+017"
        ));
        assert!(spreadsheet_same("0.0000001", "1E-07"));
        assert!(spreadsheet_same("1000", "1.00E+03"));
        assert!(!spreadsheet_same("1234567890.123456789", "1234567890.1235"));
        assert!(!spreadsheet_same("512", "513"));
        assert!(!spreadsheet_same("done", "done"), "numbers only");
        assert!(!spreadsheet_same("512", "abc"));
    }
}
