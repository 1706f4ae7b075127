//! `history`: the recorded changes, newest first, as a table, CSV or JSON.

use std::io::Write;

use serde::Serialize;

use super::edit::{known_id, label, value_text};
use super::output::{self, csv_io, csv_text, csv_visible};
use super::{CliError, Context, Format, open_ledger_full};
use crate::ledger::{self, Ledger};
use crate::plan::Plan;

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
pub fn history(
    cx: &mut Context<'_>,
    id: Option<&str>,
    limit: Option<usize>,
    format: Format,
) -> Result<(), CliError> {
    let ledger = open_ledger_full(cx.cli, cx.err)?;
    let id = match id {
        Some(i) => Some(known_id(cx.plan, Some(&ledger), i)?),
        None => None,
    };
    let rows = ledger
        .history(id.as_deref())
        .take(limit.unwrap_or(usize::MAX));
    match format {
        Format::Json => history_json(rows, cx.out),
        Format::Csv => history_csv(rows, cx.out),
        Format::Table => history_table(cx.plan, &ledger, id.as_deref(), rows, cx.out),
    }
}

type Rows<'a> = std::iter::Take<ledger::History<'a>>;

/// One compact JSON object per line, streamed.
fn history_json(rows: Rows<'_>, out: &mut dyn Write) -> Result<(), CliError> {
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
fn history_csv(rows: Rows<'_>, out: &mut dyn Write) -> Result<(), CliError> {
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

/// An aligned table; with nothing to show, a line saying why.
fn history_table(
    plan: &Plan,
    ledger: &Ledger,
    id: Option<&str>,
    rows: Rows<'_>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let mut table = Vec::new();
    for e in rows {
        let e = e?;
        table.push(vec![
            e.time.to_string(),
            e.user.clone(),
            e.id.clone(),
            e.field.as_str().to_string(),
            period_of(&e).unwrap_or_default(),
            value_text(plan, &e.id, e.field, e.old.as_deref()),
            value_text(plan, &e.id, e.field, e.value.as_deref()),
            e.note.clone().unwrap_or_default(),
        ]);
    }
    if !table.is_empty() {
        output::table(
            out,
            &[
                "time", "user", "id", "field", "period", "old", "new", "note",
            ],
            &table,
        )?;
        return Ok(());
    }
    let recorded = id.map_or(ledger.len(), |i| ledger.count(i));
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
        say!(out, "no changes recorded in {}", ledger.path().display())?;
    }
    Ok(())
}
