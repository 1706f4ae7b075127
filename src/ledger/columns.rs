//! Where each column is in a ledger's header ([`Columns`], found by
//! name), and a decoded record read into an [`Entry`] through it: each
//! cell checked, the error naming the field, what was found and what was
//! expected. See docs/data.md, "Format, column by column".

use crate::vocab::{M, Msg};

use super::entry::{COLUMNS, Entry, Field, REQUIRED, Stamp, check_id, check_value, unprotect};
use crate::plan::Period;
use crate::vocab::Term;

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
    /// `None` in a first-release ledger.
    period: Option<usize>,
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
            period: Some(7),
            need: 5,
            width: COLUMNS.len(),
        }
    }

    /// How many columns the header has.
    pub(crate) fn width(&self) -> usize {
        self.width
    }

    /// A header that [`Columns::from_header`] reads back as these columns
    /// (ours by name, any other column unnamed): what a checkpoint keeps.
    pub(crate) fn names(&self) -> Vec<&'static str> {
        let mut names = vec![""; self.width];
        let ours = [
            (Some(self.time), "time"),
            (Some(self.user), "user"),
            (Some(self.id), "id"),
            (Some(self.field), "field"),
            (Some(self.value), "value"),
            (self.old, "old"),
            (self.note, "note"),
            (self.period, "period"),
        ];
        for (at, name) in ours {
            if let Some(slot) = at.and_then(|i| names.get_mut(i)) {
                *slot = name;
            }
        }
        names
    }

    /// True when the header has the `period` column (false: a ledger of
    /// the first release).
    pub(crate) fn has_period(&self) -> bool {
        self.period.is_some()
    }

    /// The `period` cell `ledger convert` gives a first-release row: the
    /// year of its time stamp for an actual, else empty.
    pub(crate) fn default_period_cell<S: AsRef<str>>(&self, fields: &[S]) -> String {
        let get = |i: usize| fields.get(i).map_or("", |f| f.as_ref());
        let actual = Field::from_machine(get(self.field).trim()) == Some(Field::Actual);
        match Stamp::parse(get(self.time)) {
            Some(t) if actual => t.date().year().to_string(),
            _ => String::new(),
        }
    }

    /// Finds the columns by name. A column of ours named twice is an
    /// error (which one holds the data?), naming both positions.
    pub(crate) fn from_header<S: AsRef<str>>(names: &[S]) -> Result<Columns, Msg> {
        let find = |n: &str| names.iter().position(|h| h.as_ref().trim() == n);
        for n in COLUMNS {
            let at: Vec<String> = names
                .iter()
                .enumerate()
                .filter(|(_, h)| h.as_ref().trim() == n)
                .map(|(i, _)| (i + 1).to_string())
                .collect();
            if at.len() > 1 {
                return Err(Msg::new(M::LedgerColumnRepeated)
                    .arg("column", n)
                    .arg("count", at.len())
                    .words("at", at.join("、"), at.join(" and ")));
            }
        }
        let missing: Vec<&str> = REQUIRED.into_iter().filter(|n| find(n).is_none()).collect();
        if !missing.is_empty() {
            let key = if missing.len() > 1 {
                M::LedgerMissingColumns
            } else {
                M::LedgerMissingColumn
            };
            let quoted = |open: &str, close: &str, sep: &str| {
                missing
                    .iter()
                    .map(|m| format!("{open}{m}{close}"))
                    .collect::<Vec<_>>()
                    .join(sep)
            };
            return Err(Msg::new(key)
                .words("list", quoted("“", "”", "、"), quoted("`", "`", ", "))
                .arg("columns", COLUMNS.join(",")));
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
            period: find("period"),
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
    pub(crate) fn entry<S: AsRef<str>>(&self, fields: &[S], line: u64) -> Result<Entry, Msg> {
        if fields.len() < self.need {
            let key = if fields.len() == 1 {
                M::LedgerTooFewField
            } else {
                M::LedgerTooFewFields
            };
            return Err(Msg::new(key)
                .arg("n", fields.len())
                .arg("need", self.need)
                .arg("columns", COLUMNS.join(",")));
        }
        let get = |i: usize| fields[i].as_ref();
        let opt = |i: Option<usize>| i.map(|i| fields[i].as_ref()).unwrap_or("");
        let time_text = get(self.time);
        let time = Stamp::parse(time_text).ok_or_else(|| {
            in_field(
                "time",
                Msg::new(M::LedgerBadTime).arg("found", crate::text::visible(time_text)),
            )
        })?;
        let user = unprotect(get(self.user)).to_string();
        if user.trim().is_empty() {
            return Err(in_field("user", Msg::new(M::LedgerNoRowUser)));
        }
        let id = get(self.id).trim().to_string();
        check_id(&id).map_err(|m| in_field("id", m))?;
        let field_text = get(self.field);
        let field = Field::from_machine(field_text.trim()).ok_or_else(|| {
            in_field(
                "field",
                Msg::new(M::LedgerBadField).arg("found", crate::text::visible(field_text)),
            )
        })?;
        let value = cell_value(field, get(self.value)).map_err(|m| in_field("value", m))?;
        let old = cell_value(field, opt(self.old)).map_err(|m| in_field("old", m))?;
        let note = match unprotect(opt(self.note)) {
            "" => None,
            s => Some(s.to_string()),
        };
        let period = period_cell(
            self.period
                .and_then(|i| fields.get(i))
                .map_or("", AsRef::as_ref),
        )?;
        Ok(Entry {
            line,
            time,
            user,
            id,
            field,
            value,
            old,
            note,
            period,
        })
    }
}

/// A `period` cell: empty is `None` (the year of the row's time stamp);
/// else any form [`Period::parse`] reads (`2024`, `2024Q2`, `2024-06`,
/// `2024年6月`).
fn period_cell(cell: &str) -> Result<Option<Period>, Msg> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    Period::parse(cell).map(Some).map_err(|_| {
        in_field(
            "period",
            Msg::new(M::LedgerBadPeriod).arg("found", crate::text::visible(cell)),
        )
    })
}

/// `problem` in the column `field` of a row: ``field `time`: …``.
fn in_field(field: &str, problem: Msg) -> Msg {
    Msg::new(M::LedgerInField)
        .arg("field", field)
        .sub("problem", problem)
}

/// Reads a value cell of `field`: empty is `None`; text fields lose their
/// protecting `'`; numbers are read as written.
fn cell_value(field: Field, cell: &str) -> Result<Option<String>, Msg> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::entry::entry_line;

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
            period: Some(Period::Quarter(2025, 2)),
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
    fn names_read_back_as_the_same_columns() {
        let names = ["note", "extra", "value", "field", "id", "user", "time"];
        let c = Columns::from_header(&names).unwrap();
        assert_eq!(
            c.names(),
            ["note", "", "value", "field", "id", "user", "time"]
        );
        assert_eq!(Columns::from_header(&c.names()), Ok(c));
        // What a full read of a header we wrote finds.
        let ours = Columns::from_header(&COLUMNS).unwrap();
        assert_eq!(Columns::standard().names(), COLUMNS);
        assert_eq!(Columns::from_header(&ours.names()), Ok(ours));
    }

    #[test]
    fn header_missing_columns() {
        let names: Vec<String> = ["time", "id"].map(String::from).to_vec();
        let e = Columns::from_header(&names).unwrap_err();
        assert!(e.to_string().contains("`user`, `field`, `value`"), "{e}");
        assert!(
            e.text(crate::vocab::Lang::Zh)
                .starts_with("表头缺少 “user”、“field”、“value” 列；"),
            "{}",
            e.text(crate::vocab::Lang::Zh)
        );
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
                .text(crate::vocab::Lang::Zh)
                .starts_with("“time”字段：找到“2025/6/1 10:15”，应为带时区偏移的 RFC 3339 时间")
        );
        let mut bad = ok;
        bad[0] = "2025/6/1 10:15";
        assert!(
            c.entry(&row(bad), 2)
                .unwrap_err()
                .to_string()
                .starts_with("field `time`: found `2025/6/1 10:15`")
        );
        let mut bad = ok;
        bad[3] = "actuals";
        assert!(
            c.entry(&row(bad), 2)
                .unwrap_err()
                .to_string()
                .starts_with("field `field`")
        );
        let mut bad = ok;
        bad[4] = "1,234";
        assert!(
            c.entry(&row(bad), 2)
                .unwrap_err()
                .to_string()
                .starts_with("field `value`")
        );
        let mut bad = ok;
        bad[3] = "status";
        bad[4] = "finished";
        assert!(
            c.entry(&row(bad), 2)
                .unwrap_err()
                .to_string()
                .starts_with("field `value`")
        );
        let mut bad = ok;
        bad[1] = "";
        assert!(
            c.entry(&row(bad), 2)
                .unwrap_err()
                .to_string()
                .starts_with("field `user`")
        );
        let short: Vec<String> = ["2025-06-01T10:15:00+08:00", "u"]
            .map(String::from)
            .to_vec();
        assert!(
            c.entry(&short, 2)
                .unwrap_err()
                .to_string()
                .starts_with("found 2 fields, expected at least 5")
        );
    }
}
