//! One ledger row: its columns, how it is written and read back.
//!
//! The ledger is a CSV file with the header
//! `time,user,id,field,value,old,note,period` (columns are found by name;
//! extra columns are ignored; a first-release ledger has no `period`). See
//! docs/data.md, "Ledger".

use std::fmt;

use jiff::civil::Date;
use jiff::fmt::temporal::{Pieces, PiecesOffset};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ZonedDateTime};

use super::status::{Actual, TaskState};
use crate::plan::Period;
use crate::vocab::{Lang, M, Msg, Term};

/// The columns of a ledger this program writes, in order (`period` last:
/// a first-release ledger has the seven before it).
pub const COLUMNS: [&str; 8] = [
    "time", "user", "id", "field", "value", "old", "note", "period",
];

/// Columns a ledger must have; `old`, `note` and `period` may be missing
/// (empty).
pub(crate) const REQUIRED: [&str; 5] = ["time", "user", "id", "field", "value"];

pub use crate::vocab::Field;

impl Field {
    /// The field's place in [`Field::ALL`] (how a checkpoint writes it).
    pub(crate) fn index(self) -> usize {
        Field::ALL.iter().position(|f| *f == self).unwrap_or(0)
    }

    /// True for fields whose values are free text (formula-protected when
    /// written).
    pub fn is_text(self) -> bool {
        self == Field::Note
    }
}

/// A point in time with the UTC offset it was recorded at, written as
/// RFC 3339 (`2025-06-01T10:15:00+08:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub timestamp: Timestamp,
    pub offset: Offset,
}

impl Stamp {
    /// Now, to the second, at the system time zone's offset.
    pub fn now() -> Stamp {
        let z = ZonedDateTime::now();
        Stamp::from_zoned(&z)
    }

    /// The start (00:00) of `date` in the system time zone: the clock
    /// when `--today` overrides it.
    pub fn start_of(date: Date) -> Stamp {
        match date.to_zoned_datetime(TimeZone::system()) {
            Ok(z) => Stamp::from_zoned(&z),
            Err(_) => Stamp {
                timestamp: Timestamp::UNIX_EPOCH,
                offset: Offset::UTC,
            },
        }
    }

    fn from_zoned(z: &ZonedDateTime) -> Stamp {
        let ts = z.timestamp();
        let ts = Timestamp::from_second(ts.as_second()).unwrap_or(ts);
        Stamp {
            timestamp: ts,
            offset: z.offset(),
        }
    }

    /// Parses RFC 3339 with an offset (`Z` or `+08:00`).
    pub fn parse(s: &str) -> Option<Stamp> {
        let p = Pieces::parse(s.trim()).ok()?;
        let time = p.time()?;
        let offset = match p.offset()? {
            PiecesOffset::Zulu => Offset::UTC,
            PiecesOffset::Numeric(n) => n.offset(),
            _ => return None,
        };
        let dt = p.date().to_datetime(time);
        let timestamp = offset.to_timestamp(dt).ok()?;
        Some(Stamp { timestamp, offset })
    }

    /// The local date at the recorded offset.
    pub fn date(&self) -> Date {
        self.offset.to_datetime(self.timestamp).date()
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.timestamp.display_with_offset(self.offset))
    }
}

/// One row of the ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The line the row starts on (1 is the header).
    pub line: u64,
    pub time: Stamp,
    pub user: String,
    /// An indicator (`8.1`) or a task (`8`).
    pub id: String,
    pub field: Field,
    /// The new value; `None` when the value was cleared.
    pub value: Option<String>,
    /// The value its author saw before; `None` when there was none.
    pub old: Option<String>,
    /// A free-text remark on the change.
    pub note: Option<String>,
    /// The reporting period of an actual as its `period` cell gives it;
    /// `None` when the cell is empty or the ledger has no such column (a
    /// first-release ledger): the row then belongs to the year of its time
    /// stamp ([`Entry::in_period`]). Rows of other fields carry none.
    pub period: Option<Period>,
}

impl Entry {
    /// The period the row belongs to: its `period` cell, else the year of
    /// its time stamp (at the offset it was recorded at).
    pub fn in_period(&self) -> Period {
        self.period
            .unwrap_or_else(|| Period::Year(i32::from(self.time.date().year())))
    }

    /// The value as an actual (for `field == Actual`).
    pub fn actual(&self) -> Option<Actual> {
        if self.field != Field::Actual {
            return None;
        }
        self.value.as_deref().and_then(Actual::from_ledger)
    }

    /// The value as a task state (for `field == Status`).
    pub fn task_state(&self) -> Option<TaskState> {
        if self.field != Field::Status {
            return None;
        }
        self.value.as_deref().and_then(TaskState::from_machine)
    }
}

/// Characters a spreadsheet evaluates at the start of a cell (OWASP CSV
/// injection), plus `'` itself so that protection can be undone exactly.
fn needs_quote_prefix(s: &str) -> bool {
    matches!(
        s.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | '\'')
    )
}

/// Protects a text cell: a leading `'` when it starts with `= + - @`, tab,
/// CR, LF or `'`. Numbers are never passed through this.
pub fn protect(s: &str) -> String {
    if needs_quote_prefix(s) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// Undoes [`protect`]: one leading `'` is removed.
pub fn unprotect(s: &str) -> &str {
    s.strip_prefix('\'').unwrap_or(s)
}

/// Checks a free-text value: one line, no control characters, no
/// invisible format characters (bidi overrides, zero-width spaces: what
/// [`crate::text::is_unsafe`] names).
pub fn check_text(what: M, s: &str) -> Result<(), Msg> {
    if let Some(c) = s.chars().find(|&c| crate::text::is_unsafe(c)) {
        let shown = match c {
            '\n' | '\r' => Msg::new(M::LedgerLineBreak),
            '\t' => Msg::new(M::LedgerTab),
            _ => crate::plan::unsafe_char(s).unwrap_or(Msg::new(M::LedgerTab)),
        };
        return Err(Msg::new(M::LedgerTextUnsafe)
            .sub("what", Msg::new(what))
            .sub("shown", shown));
    }
    Ok(())
}

/// Checks an id: not empty, no spaces or control characters, not starting
/// with a character spreadsheets evaluate.
pub fn check_id(id: &str) -> Result<(), Msg> {
    if id.is_empty() {
        return Err(Msg::new(M::LedgerEmptyId));
    }
    if id
        .chars()
        .any(|c| c.is_whitespace() || crate::text::is_unsafe(c))
        || needs_quote_prefix(id)
    {
        return Err(Msg::new(M::LedgerBadId).arg("id", crate::text::visible(id)));
    }
    Ok(())
}

/// Checks a value for `field`; `Ok` means it can be written as is.
pub fn check_value(field: Field, value: &str) -> Result<(), Msg> {
    match field {
        Field::Actual => match Actual::from_ledger(value) {
            Some(_) => Ok(()),
            None => Err(Msg::new(M::LedgerNotActual).arg("found", crate::text::visible(value))),
        },
        Field::Status => match TaskState::from_machine(value) {
            Some(_) => Ok(()),
            _ => Err(Msg::new(M::LedgerNotStatus)
                .arg("found", crate::text::visible(value))
                .arg("list", TaskState::ALL.map(TaskState::as_str).join(", "))),
        },
        Field::Note => check_text(M::LedgerTheNote, value),
    }
}

/// A user name as recorded: trimmed, not empty, one line without control
/// characters.
pub(crate) fn checked_user(user: &str) -> Result<String, Msg> {
    let u = user.trim();
    if u.is_empty() {
        return Err(Msg::new(M::LedgerNoUser));
    }
    check_text(M::LedgerTheUser, u)?;
    Ok(u.to_string())
}

/// A remark as recorded: `None` when blank, else one line without control
/// characters.
pub(crate) fn checked_note(note: Option<String>) -> Result<Option<String>, Msg> {
    match note {
        Some(n) if !n.trim().is_empty() => {
            check_text(M::LedgerTheNote, &n)?;
            Ok(Some(n))
        }
        _ => Ok(None),
    }
}

/// A new value of `id`'s `field` as recorded: empty clears it (`None`);
/// the error names the id and field.
pub(crate) fn checked_value(
    id: &str,
    field: Field,
    value: Option<String>,
) -> Result<Option<String>, Msg> {
    match value {
        Some(v) if v.is_empty() => Ok(None),
        Some(v) => {
            check_value(field, &v).map_err(|m| id_field(id, field, m))?;
            Ok(Some(v))
        }
        None => Ok(None),
    }
}

/// `problem` of `id`'s `field`: `8.1 actual: …` (`8.1 实际值：…`).
pub(crate) fn id_field(id: &str, field: Field, problem: Msg) -> Msg {
    Msg::new(M::LedgerIdField)
        .arg("id", id)
        .words("field", field.word(Lang::Zh), field.as_str())
        .sub("problem", problem)
}

/// True when two values of `field` are the same: numbers compare by value
/// (`512.5` = `512.50`), everything else by text.
pub fn same_value(field: Field, a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            if a == b {
                return true;
            }
            if field == Field::Actual
                && let (Some(x), Some(y)) = (Actual::from_ledger(a), Actual::from_ledger(b))
            {
                return x == y;
            }
            a == b
        }
        _ => false,
    }
}

/// The CSV cells of an entry in [`COLUMNS`] order, text cells protected;
/// without the `period` cell for a first-release ledger (`with_period`
/// false).
fn cells(e: &Entry, with_period: bool) -> Vec<String> {
    let value_cell = |v: &Option<String>| match v {
        None => String::new(),
        Some(s) if e.field.is_text() => protect(s),
        Some(s) => s.clone(),
    };
    let mut cells = vec![
        e.time.to_string(),
        protect(&e.user),
        e.id.clone(),
        e.field.as_str().to_string(),
        value_cell(&e.value),
        value_cell(&e.old),
        e.note.as_deref().map(protect).unwrap_or_default(),
    ];
    if with_period {
        cells.push(e.period.map(|p| p.to_string()).unwrap_or_default());
    }
    cells
}

fn csv_line<I, T>(cells: I) -> Vec<u8>
where
    I: IntoIterator<Item = T>,
    T: AsRef<[u8]>,
{
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = w.write_record(cells);
    w.into_inner().unwrap_or_default()
}

/// The header line, CRLF-terminated (no BOM).
pub fn header_line() -> Vec<u8> {
    csv_line(COLUMNS)
}

/// An entry as one CSV line ending in CRLF, in [`COLUMNS`].
pub fn entry_line(e: &Entry) -> Vec<u8> {
    csv_line(cells(e, true))
}

/// An entry as one CSV line of a first-release ledger (no `period`).
pub fn old_entry_line(e: &Entry) -> Vec<u8> {
    csv_line(cells(e, false))
}

/// A record's cells (of a ledger with header `header`) with a `period`
/// cell added at column `at` (the header's width: the first-release
/// ledger's rows padded to it): for `ledger convert`.
pub(crate) fn with_period_cell(mut fields: Vec<String>, at: usize, period: &str) -> Vec<u8> {
    if fields.len() < at {
        fields.resize(at, String::new());
    }
    fields.insert(at, period.to_string());
    csv_line(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamp_round_trip() {
        for s in [
            "2025-06-01T10:15:00+08:00",
            "2025-12-31T23:59:59-05:30",
            "2025-01-01T00:00:00+00:00",
        ] {
            assert_eq!(Stamp::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(
            Stamp::parse("2025-06-01T02:15:00Z").unwrap().timestamp,
            Stamp::parse("2025-06-01T10:15:00+08:00").unwrap().timestamp
        );
        for bad in ["2025-06-01", "2025-06-01T10:15:00", "2025/6/1 10:15", ""] {
            assert_eq!(Stamp::parse(bad), None, "{bad}");
        }
        let s = Stamp::parse("2025-06-01T00:30:00+08:00").unwrap();
        assert_eq!(s.date(), jiff::civil::date(2025, 6, 1));
    }

    #[test]
    fn same_value_compares_numbers_by_value() {
        assert!(same_value(Field::Actual, Some("512.5"), Some("512.50")));
        assert!(!same_value(Field::Actual, Some("512.5"), Some("512")));
        assert!(same_value(Field::Actual, None, None));
        assert!(!same_value(Field::Actual, None, Some("0")));
        assert!(!same_value(Field::Note, Some("a"), Some("a ")));
    }

    #[test]
    fn checks() {
        assert!(check_text(M::LedgerTheNote, "一行").is_ok());
        let e = check_text(M::LedgerTheNote, "two\nlines").unwrap_err();
        assert!(e.to_string().contains("a line break"), "{e}");
        assert_eq!(
            e.text(Lang::Zh),
            "备注含有换行符；应为一行不含控制字符的文字"
        );
        assert!(check_id("8.1").is_ok());
        assert!(check_id("=1").is_err());
        assert!(check_id("8 1").is_err());
        assert!(check_value(Field::Status, "done").is_ok());
        assert!(check_value(Field::Status, " done").is_err());
    }

    #[test]
    fn what_an_edit_records() {
        assert_eq!(checked_user("  李明 "), Ok("李明".to_string()));
        assert_eq!(
            checked_user(" ").map_err(|m| m.to_string()),
            Err(
                "no user name; expected who makes the change (--user NAME or WUDANG_PLAN_USER)"
                    .to_string()
            )
        );
        assert_eq!(
            checked_user("a\tb").map_err(|m| m.to_string()),
            Err(
                "the user name contains a tab; expected one line of text without control \
                 characters"
                    .to_string()
            )
        );
        assert_eq!(checked_note(None), Ok(None));
        assert_eq!(checked_note(Some("  ".into())), Ok(None));
        assert_eq!(checked_note(Some(" 快报".into())), Ok(Some(" 快报".into())));
        assert!(checked_note(Some("a\nb".into())).is_err());
        assert_eq!(
            checked_value("8.1", Field::Actual, Some(String::new())),
            Ok(None)
        );
        assert_eq!(checked_value("8.1", Field::Actual, None), Ok(None));
        assert_eq!(
            checked_value("8.1", Field::Actual, Some("512".into())),
            Ok(Some("512".into()))
        );
        assert_eq!(
            checked_value("8.1", Field::Actual, Some("5x".into())).map_err(|m| m.to_string()),
            Err(
                "8.1 actual: `5x` is not an actual; expected a plain decimal (-12.5) or \
                 done / not_done"
                    .to_string()
            )
        );
        assert_eq!(
            checked_value("8.1", Field::Actual, Some("5x".into()))
                .unwrap_err()
                .text(Lang::Zh),
            "8.1 实际值：“5x”不是实际完成值；应为普通小数（-12.5）或 done / not_done"
        );
    }
}
