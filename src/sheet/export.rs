//! The snapshot an export writes: one [`Row`] per indicator, as CSV (UTF-8
//! with a BOM, CRLF, RFC 4180 quoting, text cells guarded, numbers plain)
//! or JSON (exact numbers, lists as arrays). The command line fills the
//! rows from what `indicators` shows (`cli/output.rs` `Facts`).

use std::io::{self, Write};

use rust_decimal::Decimal;
use serde::Serialize;

use super::columns::Column;
use super::guard;
use crate::ledger::Actual;
use crate::plan::Period;
use crate::text;

/// The UTF-8 byte order mark: Excel and WPS read a CSV file as UTF-8 only
/// with it.
pub use crate::ledger::store::BOM;

/// One indicator as exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub group: u32,
    pub task: String,
    pub task_title: String,
    pub name: String,
    pub unit: Option<String>,
    /// `>=`, `<=`, `~`, `done`.
    pub comparison: &'static str,
    pub target: Option<Decimal>,
    pub stretch: Option<Decimal>,
    pub deadline: i32,
    /// The period of the current actual (the latest period).
    pub period: Option<Period>,
    /// The current actual.
    pub actual: Option<Actual>,
    /// The expected value (序时进度) at the end of `period`, exact.
    pub expected: Option<Decimal>,
    pub light: &'static str,
    /// The indicator's status (`met`, …).
    pub status: &'static str,
    /// Its task's status (`not_started` when never set).
    pub task_status: &'static str,
    /// The indicator's standing note.
    pub note: Option<String>,
    pub leaders: Vec<String>,
    pub units: Vec<String>,
    pub persons: Vec<String>,
    /// The time of the indicator's last change (any field), RFC 3339.
    pub changed: Option<String>,
    pub changed_by: Option<String>,
    /// The ledger's last line when the row was taken.
    pub ledger_line: u64,
}

impl Row {
    /// `#` and the id: the text key a spreadsheet keeps as it is.
    pub fn key(&self) -> String {
        format!("#{}", self.id)
    }

    /// The row's CSV cells, in [`Column::ALL`] order. Text cells are
    /// guarded ([`guard::text`]) and made visible ([`text::visible`]: no
    /// control character reaches the file raw); numbers are plain.
    pub fn cells(&self) -> Vec<String> {
        let t = |s: &str| guard::text(&text::visible(s)).into_owned();
        let num = |d: Option<Decimal>| d.map(|d| d.normalize().to_string()).unwrap_or_default();
        let list = |v: &[String]| t(&v.join(";"));
        Column::ALL
            .iter()
            .map(|c| match c {
                Column::Key => t(&self.key()),
                Column::Id => self.id.clone(),
                Column::Group => self.group.to_string(),
                Column::Task => self.task.clone(),
                Column::TaskTitle => t(&self.task_title),
                Column::Name => t(&self.name),
                Column::Unit => t(self.unit.as_deref().unwrap_or("")),
                Column::Comparison => t(self.comparison),
                Column::Target => num(self.target),
                Column::Stretch => num(self.stretch),
                Column::Deadline => self.deadline.to_string(),
                Column::Period => self.period.map(guard::period).unwrap_or_default(),
                Column::Actual => self.actual.map(|a| a.to_ledger()).unwrap_or_default(),
                Column::Expected => num(self.expected.map(|d| d.round_dp(2))),
                Column::Light => self.light.to_string(),
                Column::Status => self.status.to_string(),
                Column::TaskStatus => self.task_status.to_string(),
                Column::Note => t(self.note.as_deref().unwrap_or("")),
                Column::Leaders => list(&self.leaders),
                Column::Units => list(&self.units),
                Column::Persons => list(&self.persons),
                Column::Changed => self.changed.clone().unwrap_or_default(),
                Column::ChangedBy => t(self.changed_by.as_deref().unwrap_or("")),
                Column::LedgerLine => self.ledger_line.to_string(),
            })
            .collect()
    }
}

/// Writes `rows` as CSV: a BOM, the header of machine names, one line per
/// row, every line ending CRLF, cells quoted only where RFC 4180 needs it.
pub fn write_csv(out: &mut dyn Write, rows: &[Row]) -> io::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let header: Vec<&str> = Column::ALL.iter().map(|c| c.name()).collect();
    let mut bytes = BOM.to_vec();
    w.write_record(&header).map_err(io::Error::other)?;
    for r in rows {
        w.write_record(r.cells()).map_err(io::Error::other)?;
    }
    bytes.extend(
        w.into_inner()
            .map_err(|e| io::Error::other(e.to_string()))?,
    );
    out.write_all(&bytes)
}

/// A row as JSON: the CSV's fields by the same names, numbers exact,
/// lists as arrays, `null` for nothing; a milestone's actual as `done`
/// (true / false) as `indicators --format json` gives it.
#[derive(Debug, Serialize)]
pub struct RowJson<'a> {
    key: String,
    id: &'a str,
    group: u32,
    task: &'a str,
    task_title: &'a str,
    name: &'a str,
    unit: Option<&'a str>,
    comparison: &'static str,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    target: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    stretch: Option<Decimal>,
    deadline: i32,
    period: Option<String>,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    actual: Option<Decimal>,
    done: Option<bool>,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    expected: Option<Decimal>,
    light: &'static str,
    status: &'static str,
    task_status: &'static str,
    note: Option<&'a str>,
    leaders: &'a [String],
    units: &'a [String],
    persons: &'a [String],
    changed: Option<&'a str>,
    changed_by: Option<&'a str>,
    ledger_line: u64,
}

impl Row {
    pub fn json(&self) -> RowJson<'_> {
        RowJson {
            key: self.key(),
            id: &self.id,
            group: self.group,
            task: &self.task,
            task_title: &self.task_title,
            name: &self.name,
            unit: self.unit.as_deref(),
            comparison: self.comparison,
            target: self.target,
            stretch: self.stretch,
            deadline: self.deadline,
            period: self.period.map(|p| p.to_string()),
            actual: match self.actual {
                Some(Actual::Number(d)) => Some(d),
                _ => None,
            },
            done: match self.actual {
                Some(Actual::Done(d)) => Some(d),
                _ => None,
            },
            expected: self.expected,
            light: self.light,
            status: self.status,
            task_status: self.task_status,
            note: self.note.as_deref(),
            leaders: &self.leaders,
            units: &self.units,
            persons: &self.persons,
            changed: self.changed.as_deref(),
            changed_by: self.changed_by.as_deref(),
            ledger_line: self.ledger_line,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn row() -> Row {
        Row {
            id: "0.10".into(),
            group: 0,
            task: "0".into(),
            task_title: "总体目标".into(),
            name: "城镇居民人均可支配收入增速".into(),
            unit: Some("%".into()),
            comparison: ">=",
            target: Some(Decimal::new(80, 1)),
            stretch: None,
            deadline: 2025,
            period: Some(Period::Month(2024, 6)),
            actual: Some(Actual::Number(Decimal::new(-150, 2))),
            expected: Some(Decimal::new(6666666667, 9)),
            light: "red",
            status: "in_progress",
            task_status: "not_started",
            note: Some("=HYPERLINK(\"x\")，\u{1b}".into()),
            leaders: vec!["李立国".into(), "朱快春".into()],
            units: vec!["区统计局".into()],
            persons: vec!["张三".into()],
            changed: Some("2025-07-02T00:00:00+08:00".into()),
            changed_by: Some("wang fang".into()),
            ledger_line: 12,
        }
    }

    #[test]
    fn the_csv_has_a_bom_crlf_quoting_guards_and_plain_numbers() {
        let mut out = Vec::new();
        write_csv(&mut out, &[row()]).unwrap();
        assert!(out.starts_with(BOM));
        let text = std::str::from_utf8(&out[3..]).unwrap();
        assert_eq!(
            text,
            "key,id,group,task,task_title,name,unit,comparison,target,stretch,deadline,period,\
             actual,expected,light,status,task_status,note,leaders,units,persons,changed,\
             changed_by,ledger_line\r\n\
             #0.10,0.10,0,0,总体目标,城镇居民人均可支配收入增速,%,>=,8,,2025,'2024-06,-1.50,6.67,\
             red,in_progress,not_started,\"'=HYPERLINK(\"\"x\"\")，\\x1b\",李立国;朱快春,区统计局,\
             张三,2025-07-02T00:00:00+08:00,wang fang,12\r\n"
        );
    }

    #[test]
    fn json_keeps_exact_numbers_and_lists() {
        let mut r = row();
        r.actual = Some(Actual::Done(true));
        let v = serde_json::to_value(r.json()).unwrap();
        assert_eq!(v["key"], "#0.10");
        assert_eq!(v["period"], "2024-06");
        assert_eq!(v["actual"], serde_json::Value::Null);
        assert_eq!(v["done"], true);
        assert_eq!(v["expected"].to_string(), "6.666666667");
        assert_eq!(v["leaders"][1], "朱快春");
        assert_eq!(v["note"], "=HYPERLINK(\"x\")，\u{1b}");
        assert_eq!(v["ledger_line"], 12);
    }
}
