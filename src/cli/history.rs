//! `history`: the recorded changes, newest first, as a table, CSV or JSON.

use std::io::Write;

use serde::Serialize;

use super::edit::{clean_id, known_id, label, value_text};
use super::output::{csv_io, csv_text, csv_visible};
use super::{CliError, Context, Format, ledger_path, warn};
use crate::ledger::{self, Entry, HistoryFile};
use crate::plan::Plan;
use crate::text;

#[derive(Serialize)]
struct HistoryJson<'a> {
    line: u64,
    time: String,
    user: &'a str,
    id: &'a str,
    field: &'static str,
    /// The value as stored (text: a decimal, done/not_done, a status word
    /// or a note); null when cleared.
    value: Option<&'a str>,
    old: Option<&'a str>,
    note: Option<&'a str>,
    /// The period of an actual (`"2024"`, `"2024Q2"`, `"2024-06"`: its cell,
    /// else the year of its time); null for a status or a note.
    period: Option<String>,
}

/// The period shown for a row: an actual's, none for other fields.
fn period_of(e: &ledger::Entry) -> Option<String> {
    (e.field == ledger::Field::Actual).then(|| e.in_period().to_string())
}

/// `history [ID] [--limit N] [--format F]`, newest first. `--limit 0`
/// prints the CSV header, `[]`, or (table) how many changes there are.
///
/// Streams in every format: the ledger is read once to check it and to
/// note where its rows are ([`HistoryFile`]), without the index of current
/// values, then read back newest first a run of rows at a time. A table
/// measures its columns in that first pass without `--limit`, else in one
/// more pass over the rows it shows.
pub fn history(
    cx: &mut Context<'_>,
    id: Option<&str>,
    limit: Option<usize>,
    format: Format,
) -> Result<(), CliError> {
    let path = ledger_path(cx.cli)?;
    let id = id.map(clean_id);
    let plan = cx.plan;
    let mut widths = Widths::default();
    // Without --limit a table shows every row: measure them in the first
    // pass. With it, only the rows shown are measured, in a pass of their own.
    let measure_all = format == Format::Table && limit.is_none();
    let file = HistoryFile::open(&path, id.as_deref(), &mut |e| {
        if measure_all {
            match e {
                Some(e) => widths.measure(&cells(plan, e)),
                None => widths = Widths::default(),
            }
        }
    })?;
    warn(cx.err, file.warnings(), cx.cli.lang.into());
    if let Some(i) = &id
        && file.is_empty()
    {
        known_id(plan, None, i)?;
    }
    let shown = limit.unwrap_or(usize::MAX).min(file.len());
    let rows = file.newest_first().take(shown);
    match format {
        Format::Json => history_json(rows, cx.out),
        Format::Csv => history_csv(rows, cx.out),
        Format::Table if shown == 0 => nothing_shown(plan, &file, id.as_deref(), cx.out),
        Format::Table => {
            if !measure_all {
                // --limit: the columns fit the rows shown, as before.
                for e in file.newest_first().take(shown) {
                    widths.measure(&cells(plan, &e?));
                }
            }
            history_table(plan, &widths, rows, cx.out)
        }
    }
}

/// The columns of the table.
const TABLE_HEADER: [&str; 8] = [
    "time", "user", "id", "field", "period", "old", "new", "note",
];

/// The widest cell of each column (by display width, as printed), the
/// header's included.
struct Widths([usize; 8]);

impl Default for Widths {
    fn default() -> Self {
        Widths(TABLE_HEADER.map(text::width))
    }
}

impl Widths {
    fn measure(&mut self, cells: &[String; 8]) {
        for (w, c) in self.0.iter_mut().zip(cells) {
            *w = (*w).max(text::width(&text::visible(c)));
        }
    }

    /// One line of the table: every column padded to its width but the
    /// last, two spaces between, cells made visible, no trailing blanks
    /// (as [`output::table`] prints).
    fn line<S: AsRef<str>>(&self, cells: &[S; 8]) -> String {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let c = text::visible(c.as_ref());
            if i + 1 == cells.len() {
                s.push_str(&c);
            } else {
                s.push_str(&text::pad(&c, self.0[i]));
                s.push_str("  ");
            }
        }
        s.truncate(s.trim_end().len());
        s
    }
}

/// A row's cells in the table.
fn cells(plan: &Plan, e: &Entry) -> [String; 8] {
    [
        e.time.to_string(),
        e.user.clone(),
        e.id.clone(),
        e.field.as_str().to_string(),
        period_of(e).unwrap_or_default(),
        value_text(plan, &e.id, e.field, e.old.as_deref()),
        value_text(plan, &e.id, e.field, e.value.as_deref()),
        e.note.clone().unwrap_or_default(),
    ]
}

/// One compact JSON object per line, streamed.
fn history_json(rows: impl Iterator<Item = Row>, out: &mut dyn Write) -> Result<(), CliError> {
    let mut n = 0;
    write!(out, "[")?;
    for e in rows {
        let e = e?;
        let j = HistoryJson {
            line: e.line,
            time: e.time.to_string(),
            user: &e.user,
            id: &e.id,
            field: e.field.as_str(),
            value: e.value.as_deref(),
            old: e.old.as_deref(),
            note: e.note.as_deref(),
            period: period_of(&e),
        };
        write!(out, "{}\n  ", if n == 0 { "" } else { "," })?;
        super::json::compact(&mut *out, &j)?;
        n += 1;
    }
    writeln!(out, "{}]", if n == 0 { "" } else { "\n" })?;
    Ok(())
}

/// CSV, streamed; an output error keeps its kind (a closed pipe).
fn history_csv(rows: impl Iterator<Item = Row>, out: &mut dyn Write) -> Result<(), CliError> {
    let mut w = csv::Writer::from_writer(&mut *out);
    let header = [
        "time", "user", "id", "field", "value", "old", "note", "line", "period",
    ];
    w.write_record(header).map_err(csv_io)?;
    for e in rows {
        let e = e?;
        let cell = |v: &Option<String>| match v {
            Some(v) if e.field.is_text() => csv_text(v),
            Some(v) => v.clone(),
            None => String::new(),
        };
        w.write_record(csv_visible(&[
            e.time.to_string(),
            csv_text(&e.user),
            e.id.clone(),
            e.field.as_str().to_string(),
            cell(&e.value),
            cell(&e.old),
            csv_text(e.note.as_deref().unwrap_or("")),
            e.line.to_string(),
            period_of(&e).unwrap_or_default(),
        ]))
        .map_err(csv_io)?;
    }
    w.flush()?;
    Ok(())
}

/// A row read back, or why it could not be.
type Row = Result<Entry, ledger::LedgerError>;

/// The aligned table, streamed: the widths are already measured.
fn history_table(
    plan: &Plan,
    widths: &Widths,
    rows: impl Iterator<Item = Row>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    writeln!(out, "{}", widths.line(&TABLE_HEADER))?;
    for e in rows {
        writeln!(out, "{}", widths.line(&cells(plan, &e?)))?;
    }
    Ok(())
}

/// A table with no row to show: a line saying why.
fn nothing_shown(
    plan: &Plan,
    file: &HistoryFile,
    id: Option<&str>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let recorded = file.len();
    let of = id
        .map(|i| format!("{}: ", label(plan, i)))
        .unwrap_or_default();
    if recorded > 0 {
        // --limit 0: say what is there rather than "nothing".
        say!(
            out,
            "{of}--limit 0: none of the {recorded} recorded change{} shown",
            if recorded == 1 { " is" } else { "s are" }
        )?;
    } else if id.is_some() {
        say!(out, "{of}no changes recorded")?;
    } else {
        say!(out, "no changes recorded in {}", file.path().display())?;
    }
    Ok(())
}
