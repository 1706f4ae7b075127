//! One ledger row: its columns, how it is written and read back.
//!
//! The ledger is a CSV file with the header
//! `time,user,id,field,value,old,note` (columns are found by name; extra
//! columns are ignored). See docs/data.md, "Ledger".

use std::fmt;

use jiff::civil::Date;
use jiff::fmt::temporal::{Pieces, PiecesOffset};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ZonedDateTime};

use super::status::{Actual, TaskState};
use crate::vocab::Term;

/// The columns of a ledger this program writes, in order.
pub const COLUMNS: [&str; 7] = ["time", "user", "id", "field", "value", "old", "note"];

/// Columns a ledger must have; `old` and `note` may be missing (empty).
const REQUIRED: [&str; 5] = ["time", "user", "id", "field", "value"];

pub use crate::vocab::Field;

impl Field {
    pub(crate) fn index(self) -> usize {
        self as usize
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
}

impl Entry {
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
pub fn check_text(what: &str, s: &str) -> Result<(), String> {
    if let Some(c) = s.chars().find(|&c| crate::text::is_unsafe(c)) {
        let shown = match c {
            '\n' | '\r' => "a line break".to_string(),
            '\t' => "a tab".to_string(),
            _ => crate::text::first_unsafe(s).unwrap_or_default(),
        };
        return Err(format!(
            "{what} contains {shown}; expected one line of text without control characters"
        ));
    }
    Ok(())
}

/// Checks an id: not empty, no spaces or control characters, not starting
/// with a character spreadsheets evaluate.
pub fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("id is empty; expected an indicator (8.1) or task (8) id".into());
    }
    if id
        .chars()
        .any(|c| c.is_whitespace() || crate::text::is_unsafe(c))
        || needs_quote_prefix(id)
    {
        return Err(format!(
            "id `{}` is not valid; expected an indicator (8.1) or task (8) id",
            crate::text::visible(id)
        ));
    }
    Ok(())
}

/// Checks a value for `field`; `Ok` means it can be written as is.
pub fn check_value(field: Field, value: &str) -> Result<(), String> {
    match field {
        Field::Actual => match Actual::from_ledger(value) {
            Some(_) => Ok(()),
            None => Err(format!(
                "`{}` is not an actual; expected a plain decimal (-12.5) or done / not_done",
                crate::text::visible(value)
            )),
        },
        Field::Status => match TaskState::from_machine(value) {
            Some(_) => Ok(()),
            _ => Err(format!(
                "`{}` is not a task status; expected one of {}",
                crate::text::visible(value),
                TaskState::ALL.map(TaskState::as_str).join(", ")
            )),
        },
        Field::Note => check_text("the note", value),
    }
}

/// A user name as recorded: trimmed, not empty, one line without control
/// characters.
pub(crate) fn checked_user(user: &str) -> Result<String, String> {
    let u = user.trim();
    if u.is_empty() {
        return Err(
            "no user name; expected who makes the change (--user NAME or WUDANG_PLAN_USER)".into(),
        );
    }
    check_text("the user name", u)?;
    Ok(u.to_string())
}

/// A remark as recorded: `None` when blank, else one line without control
/// characters.
pub(crate) fn checked_note(note: Option<String>) -> Result<Option<String>, String> {
    match note {
        Some(n) if !n.trim().is_empty() => {
            check_text("the note", &n)?;
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
) -> Result<Option<String>, String> {
    match value {
        Some(v) if v.is_empty() => Ok(None),
        Some(v) => {
            check_value(field, &v).map_err(|m| format!("{id} {field}: {m}"))?;
            Ok(Some(v))
        }
        None => Ok(None),
    }
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

/// Where each column is in a ledger's header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Columns {
    time: usize,
    user: usize,
    id: usize,
    field: usize,
    value: usize,
    old: Option<usize>,
    note: Option<usize>,
    /// How many fields a row needs at least.
    need: usize,
    /// How many columns the header has.
    width: usize,
}

impl Columns {
    /// The columns this program writes.
    pub(crate) fn standard() -> Columns {
        Columns {
            time: 0,
            user: 1,
            id: 2,
            field: 3,
            value: 4,
            old: Some(5),
            note: Some(6),
            need: 5,
            width: COLUMNS.len(),
        }
    }

    /// How many columns the header has.
    pub(crate) fn width(&self) -> usize {
        self.width
    }

    /// Finds the columns by name. A column of ours named twice is an
    /// error (which one holds the data?), naming both positions.
    pub(crate) fn from_header<S: AsRef<str>>(names: &[S]) -> Result<Columns, String> {
        let find = |n: &str| names.iter().position(|h| h.as_ref().trim() == n);
        for n in COLUMNS {
            let at: Vec<String> = names
                .iter()
                .enumerate()
                .filter(|(_, h)| h.as_ref().trim() == n)
                .map(|(i, _)| (i + 1).to_string())
                .collect();
            if at.len() > 1 {
                return Err(format!(
                    "column `{n}` appears {} times in the header (columns {}); expected each \
                     column once: remove or rename the extra one",
                    at.len(),
                    at.join(" and ")
                ));
            }
        }
        let missing: Vec<&str> = REQUIRED.into_iter().filter(|n| find(n).is_none()).collect();
        if !missing.is_empty() {
            return Err(format!(
                "missing column{} {} in the header; expected a header with the columns {}",
                if missing.len() > 1 { "s" } else { "" },
                missing
                    .iter()
                    .map(|m| format!("`{m}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                COLUMNS.join(",")
            ));
        }
        let get = |n: &str| find(n).unwrap_or(0);
        let mut c = Columns {
            time: get("time"),
            user: get("user"),
            id: get("id"),
            field: get("field"),
            value: get("value"),
            old: find("old"),
            note: find("note"),
            need: 0,
            width: names.len(),
        };
        c.need = 1 + [c.time, c.user, c.id, c.field, c.value]
            .into_iter()
            .chain(c.old)
            .chain(c.note)
            .max()
            .unwrap_or(0);
        Ok(c)
    }

    /// Builds an entry from a decoded record; the error says which field
    /// is wrong, what was found and what was expected.
    pub(crate) fn entry<S: AsRef<str>>(&self, fields: &[S], line: u64) -> Result<Entry, String> {
        if fields.len() < self.need {
            return Err(format!(
                "found {} field{}, expected {} ({})",
                fields.len(),
                if fields.len() == 1 { "" } else { "s" },
                self.need,
                COLUMNS.join(",")
            ));
        }
        let get = |i: usize| fields[i].as_ref();
        let opt = |i: Option<usize>| i.map(|i| fields[i].as_ref()).unwrap_or("");
        let time_text = get(self.time);
        let time = Stamp::parse(time_text).ok_or_else(|| {
            format!(
                "field `time`: found `{}`, expected RFC 3339 with an offset such as \
                 2025-06-01T10:15:00+08:00 (a spreadsheet may have reformatted it)",
                crate::text::visible(time_text)
            )
        })?;
        let user = unprotect(get(self.user)).to_string();
        if user.trim().is_empty() {
            return Err("field `user`: empty, expected who made the change".into());
        }
        let id = get(self.id).trim().to_string();
        check_id(&id).map_err(|m| format!("field `id`: {m}"))?;
        let field_text = get(self.field);
        let field = Field::from_machine(field_text.trim()).ok_or_else(|| {
            format!(
                "field `field`: found `{}`, expected actual, status or note",
                crate::text::visible(field_text)
            )
        })?;
        let value =
            cell_value(field, get(self.value)).map_err(|m| format!("field `value`: {m}"))?;
        let old = cell_value(field, opt(self.old)).map_err(|m| format!("field `old`: {m}"))?;
        let note = match unprotect(opt(self.note)) {
            "" => None,
            s => Some(s.to_string()),
        };
        Ok(Entry {
            line,
            time,
            user,
            id,
            field,
            value,
            old,
            note,
        })
    }
}

/// Reads a value cell of `field`: empty is `None`; text fields lose their
/// protecting `'`; numbers are read as written.
fn cell_value(field: Field, cell: &str) -> Result<Option<String>, String> {
    if field.is_text() {
        return Ok(match unprotect(cell) {
            "" => None,
            s => Some(s.to_string()),
        });
    }
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    check_value(field, cell)?;
    Ok(Some(cell.to_string()))
}

/// The CSV cells of an entry in [`COLUMNS`] order, text cells protected.
fn cells(e: &Entry) -> [String; 7] {
    let value_cell = |v: &Option<String>| match v {
        None => String::new(),
        Some(s) if e.field.is_text() => protect(s),
        Some(s) => s.clone(),
    };
    [
        e.time.to_string(),
        protect(&e.user),
        e.id.clone(),
        e.field.as_str().to_string(),
        value_cell(&e.value),
        value_cell(&e.old),
        e.note.as_deref().map(protect).unwrap_or_default(),
    ]
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

/// An entry as one CSV line ending in CRLF.
pub fn entry_line(e: &Entry) -> Vec<u8> {
    csv_line(cells(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> Entry {
        Entry {
            line: 2,
            time: Stamp::parse("2025-06-01T10:15:00+08:00").unwrap(),
            user: "李明".into(),
            id: "8.1".into(),
            field: Field::Actual,
            value: Some("512.50".into()),
            old: None,
            note: Some("据二季度报表, \"初步\"".into()),
        }
    }

    fn read_back(line: &[u8]) -> Entry {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(line);
        let rec = r.records().next().unwrap().unwrap();
        let fields: Vec<String> = rec.iter().map(str::to_string).collect();
        Columns::standard().entry(&fields, 2).unwrap()
    }

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
    fn line_round_trip() {
        let e = entry();
        let line = entry_line(&e);
        assert!(line.ends_with(b"\r\n"));
        assert_eq!(line.iter().filter(|&&b| b == b'\n').count(), 1);
        assert_eq!(read_back(&line), e);
    }

    #[test]
    fn text_cells_are_protected_numbers_are_not() {
        let mut e = entry();
        e.user = "=cmd|' /C calc'!A0".into();
        e.value = Some("-5".into());
        e.old = Some("-4.5".into());
        e.note = Some("@SUM(A1)".into());
        let line = String::from_utf8(entry_line(&e)).unwrap();
        assert!(line.contains(",'=cmd|"), "{line}");
        assert!(line.contains(",-5,-4.5,'@SUM(A1)"), "{line}");
        assert_eq!(read_back(line.as_bytes()), e);

        let mut n = entry();
        n.field = Field::Note;
        n.value = Some("+1 more".into());
        n.old = Some("'quoted".into());
        let line = String::from_utf8(entry_line(&n)).unwrap();
        assert!(line.contains(",note,'+1 more,''quoted,"), "{line}");
        assert_eq!(read_back(line.as_bytes()), n);
    }

    #[test]
    fn header_by_name_in_any_order() {
        let names: Vec<String> = ["note", "extra", "value", "field", "id", "user", "time"]
            .map(String::from)
            .to_vec();
        let c = Columns::from_header(&names).unwrap();
        let row: Vec<String> = [
            "hi",
            "x",
            "7",
            "actual",
            "8.1",
            "wang",
            "2025-06-01T10:15:00+08:00",
        ]
        .map(String::from)
        .to_vec();
        let e = c.entry(&row, 9).unwrap();
        assert_eq!(e.value.as_deref(), Some("7"));
        assert_eq!(e.old, None);
        assert_eq!(e.note.as_deref(), Some("hi"));
        assert_eq!(e.line, 9);
    }

    #[test]
    fn header_missing_columns() {
        let names: Vec<String> = ["time", "id"].map(String::from).to_vec();
        let e = Columns::from_header(&names).unwrap_err();
        assert!(e.contains("`user`, `field`, `value`"), "{e}");
    }

    #[test]
    fn bad_rows_name_the_field() {
        let c = Columns::standard();
        let row = |cells: [&str; 7]| cells.map(String::from).to_vec();
        let ok = [
            "2025-06-01T10:15:00+08:00",
            "u",
            "8.1",
            "actual",
            "5",
            "",
            "",
        ];
        assert!(c.entry(&row(ok), 2).is_ok());
        let mut bad = ok;
        bad[0] = "2025/6/1 10:15";
        assert!(
            c.entry(&row(bad), 2)
                .unwrap_err()
                .starts_with("field `time`: found `2025/6/1 10:15`")
        );
        let mut bad = ok;
        bad[3] = "actuals";
        assert!(
            c.entry(&row(bad), 2)
                .unwrap_err()
                .starts_with("field `field`")
        );
        let mut bad = ok;
        bad[4] = "1,234";
        assert!(
            c.entry(&row(bad), 2)
                .unwrap_err()
                .starts_with("field `value`")
        );
        let mut bad = ok;
        bad[3] = "status";
        bad[4] = "finished";
        assert!(
            c.entry(&row(bad), 2)
                .unwrap_err()
                .starts_with("field `value`")
        );
        let mut bad = ok;
        bad[1] = "";
        assert!(
            c.entry(&row(bad), 2)
                .unwrap_err()
                .starts_with("field `user`")
        );
        let short: Vec<String> = ["2025-06-01T10:15:00+08:00", "u"]
            .map(String::from)
            .to_vec();
        assert!(
            c.entry(&short, 2)
                .unwrap_err()
                .starts_with("found 2 fields, expected 5")
        );
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
        assert!(check_text("the note", "一行").is_ok());
        assert!(
            check_text("the note", "two\nlines")
                .unwrap_err()
                .contains("a line break")
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
            checked_user(" "),
            Err(
                "no user name; expected who makes the change (--user NAME or WUDANG_PLAN_USER)"
                    .to_string()
            )
        );
        assert_eq!(
            checked_user("a\tb"),
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
            checked_value("8.1", Field::Actual, Some("5x".into())),
            Err(
                "8.1 actual: `5x` is not an actual; expected a plain decimal (-12.5) or \
                 done / not_done"
                    .to_string()
            )
        );
    }
}
