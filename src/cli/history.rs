//! `history`: the recorded changes, newest first, as a table, CSV or JSON.

use std::io::Write;

use serde::Serialize;

use super::edit::{clean_id, known_id, label, value_text};
use super::output::{self, csv_io, csv_text, csv_visible};
use super::{CliError, Context, Format, ledger_path, warn};
use crate::ledger::remark::read_undo;
use crate::ledger::{self, Entry, HistoryFile};
use crate::plan::Plan;
use crate::report;
use crate::text;
use crate::vocab::cli_words::{C, L};
use crate::vocab::{Lang, S, Wording, fill};

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
    let words = Words::new(cx.cli.lang.into());
    let mut widths = Widths::of(words.lang);
    // Without --limit a table shows every row: measure them in the first
    // pass. With it, only the rows shown are measured, in a pass of their own.
    let measure_all = format == Format::Table && limit.is_none();
    let file = HistoryFile::open(&path, id.as_deref(), &mut |e| {
        if measure_all {
            match e {
                Some(e) => widths.measure(&cells(plan, e, &words)),
                None => widths = Widths::of(words.lang),
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
        Format::Table if shown == 0 => {
            nothing_shown(plan, &file, id.as_deref(), words.lang, cx.out)
        }
        Format::Table => {
            if !measure_all {
                // --limit: the columns fit the rows shown, as before.
                for e in file.newest_first().take(shown) {
                    widths.measure(&cells(plan, &e?, &words));
                }
            }
            history_table(plan, &words, &widths, rows, cx.out)
        }
    }
}

/// The columns of the table.
const TABLE_HEADER: [C; 8] = [
    C::Time,
    C::User,
    C::Id,
    C::Field,
    C::PeriodOf,
    C::Old,
    C::New,
    C::Note,
];

/// The header in `lang`.
fn header(lang: Lang) -> [&'static str; 8] {
    TABLE_HEADER.map(|c| c.get(lang))
}

/// The table's words in the command line's language: fields, periods,
/// values and states in [`output::table_wording`] (实际值, 2024年二季度,
/// 已延误 in Chinese; the machine words in English), an undo's remark in
/// Chinese as the UI words it.
struct Words {
    lang: Lang,
    w: Wording,
}

impl Words {
    fn new(lang: Lang) -> Words {
        Words {
            lang,
            w: output::table_wording(lang),
        }
    }
}

/// The widest cell of each column (by display width, as printed), the
/// header's included.
struct Widths([usize; 8]);

impl Widths {
    fn of(lang: Lang) -> Widths {
        Widths(header(lang).map(text::width))
    }

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
fn cells(plan: &Plan, e: &Entry, words: &Words) -> [String; 8] {
    let w = words.w;
    let value = |v: Option<&str>| match (w, v) {
        (Wording::Machine, _) => value_text(plan, &e.id, e.field, v),
        (_, None) => "-".to_string(),
        (_, Some(_)) => report::value_text(plan, &e.id, e.field, v, w),
    };
    let note = match (words.lang, e.note.as_deref()) {
        (_, None) => String::new(),
        (Lang::Zh, Some(n)) => match read_undo(n) {
            Some((t, who)) => fill(Lang::Zh, S::UndoRemark, &[who, &t.to_string()]),
            None => n.to_string(),
        },
        (Lang::En, Some(n)) => n.to_string(),
    };
    let period = if e.field == ledger::Field::Actual {
        report::period_text(e.in_period(), w)
    } else {
        String::new()
    };
    [
        e.time.to_string(),
        e.user.clone(),
        e.id.clone(),
        w.word(e.field).to_string(),
        period,
        value(e.old.as_deref()),
        value(e.value.as_deref()),
        note,
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
    words: &Words,
    widths: &Widths,
    rows: impl Iterator<Item = Row>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    writeln!(out, "{}", widths.line(&header(words.lang)))?;
    for e in rows {
        writeln!(out, "{}", widths.line(&cells(plan, &e?, words)))?;
    }
    Ok(())
}

/// A table with no row to show: a line saying why, in `lang`.
fn nothing_shown(
    plan: &Plan,
    file: &HistoryFile,
    id: Option<&str>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let recorded = file.len();
    let what = if recorded == 1 {
        // --limit 0: say what is there rather than "nothing".
        L::HistoryLimitZeroOne.get(lang).to_string()
    } else if recorded > 0 {
        L::HistoryLimitZero.fill(lang, &[("n", &recorded.to_string())])
    } else if id.is_some() {
        L::HistoryNone.get(lang).to_string()
    } else {
        let path = file.path().display().to_string();
        return Ok(say!(
            out,
            "{}",
            L::HistoryNoneIn.fill(lang, &[("path", &path)])
        )?);
    };
    match id {
        Some(i) => {
            let label = label_in(plan, i, lang);
            say!(
                out,
                "{}",
                L::HistoryOf.fill(lang, &[("label", &label), ("what", &what)])
            )?
        }
        None => say!(out, "{what}")?,
    }
    Ok(())
}

/// `8.1 工业总产值`, `task 8 加快新型工业化` (任务 8 … in Chinese).
fn label_in(plan: &Plan, id: &str, lang: Lang) -> String {
    match (lang, plan.task(id)) {
        (Lang::Zh, Some(t)) if plan.indicator(id).is_none() => L::TaskLabel.fill(
            lang,
            &[("id", &t.id), ("title", &text::truncate(&t.title, 30))],
        ),
        _ => label(plan, id),
    }
}
