//! Commands that record or show changes: `set`, `status`, `note`,
//! `history`, `undo`, `paths`, `ledger check|convert`.

use std::io::Write;

use serde::Serialize;

use super::args::LedgerCommand;
use super::output::{self, csv_io, csv_text, csv_visible, target_text};
use super::{Cli, CliError, Format, clock, ledger_path, open_ledger, user, warn};
use crate::ledger::value::halfwidth;
use crate::ledger::{
    self, Actual, Appended, Converted, Edit, Entry, Expect, Field, Ledger, LedgerError, TaskState,
    parse_actual,
};
use crate::plan::{Indicator, Plan, Task};
use crate::report;
use crate::text;
use crate::vocab::{Lang, Term, Wording, parse_task_state};

/// `writeln!` with the line made visible ([`text::visible`]): the messages
/// of `set`, `status`, `note` and `undo` quote ledger text (an undone note,
/// who made the change reverted).
macro_rules! say {
    ($out:expr, $($arg:tt)*) => {
        writeln!($out, "{}", $crate::text::visible(&format!($($arg)*)))
    };
}

/// An id as typed: trimmed, full-width digits and `．` mapped.
fn clean_id(id: &str) -> String {
    halfwidth(id).trim().to_string()
}

fn find_indicator<'p>(plan: &'p Plan, id: &str) -> Result<&'p Indicator, CliError> {
    let id = clean_id(id);
    if let Some(i) = plan.indicator(&id) {
        return Ok(i);
    }
    if plan.task(&id).is_some() {
        let ids: Vec<&str> = plan.indicators_of(&id).map(|i| i.id.as_str()).collect();
        let hint = if ids.is_empty() {
            String::new()
        } else {
            format!(" (its indicators: {})", ids.join(", "))
        };
        return Err(CliError::Usage(format!(
            "`{id}` is a task, not an indicator; `set` records an indicator's actual{hint}; \
             record the task's status with `wudang-plan status {id} STATE`"
        )));
    }
    Err(CliError::Usage(format!(
        "no indicator `{id}`; expected an indicator id such as 8.1 (list them with `wudang-plan indicators`)"
    )))
}

fn find_task<'p>(plan: &'p Plan, id: &str) -> Result<&'p Task, CliError> {
    let id = clean_id(id);
    if let Some(t) = plan.task(&id) {
        return Ok(t);
    }
    if let Some(i) = plan.indicator(&id) {
        return Err(CliError::Usage(format!(
            "`{id}` is an indicator of task {}; `status` records a task's status \
             (record the indicator's actual with `wudang-plan set {id} VALUE`)",
            i.task
        )));
    }
    let first = plan.tasks.first().map(|t| t.id.as_str()).unwrap_or("?");
    let last = plan.tasks.last().map(|t| t.id.as_str()).unwrap_or("?");
    Err(CliError::Usage(format!(
        "no task `{id}`; expected a task id from {first} to {last}"
    )))
}

/// An id the plan knows (indicator or task), or one the ledger has rows
/// for.
fn known_id(plan: &Plan, ledger: Option<&Ledger>, id: &str) -> Result<String, CliError> {
    let id = clean_id(id);
    if plan.indicator(&id).is_some()
        || plan.task(&id).is_some()
        || ledger.is_some_and(|l| l.count(&id) > 0)
    {
        return Ok(id);
    }
    Err(CliError::Usage(format!(
        "no indicator or task `{id}`; expected an indicator id such as 8.1 or a task id such as 8"
    )))
}

/// The name of an id for messages: `8.1 工业总产值`, `task 8 推进…`.
fn label(plan: &Plan, id: &str) -> String {
    if let Some(i) = plan.indicator(id) {
        format!("{} {}", i.id, i.name)
    } else if let Some(t) = plan.task(id) {
        format!("task {} {}", t.id, text::truncate(&t.title, 30))
    } else {
        id.to_string()
    }
}

/// A stored value for people: with the indicator's unit for actuals, `-`
/// for nothing.
fn value_text(plan: &Plan, id: &str, field: Field, v: Option<&str>) -> String {
    report::value_text(plan, id, field, v, Wording::Machine)
}

fn recorded(out: &mut dyn Write, ledger: &Ledger, e: &Entry) -> std::io::Result<()> {
    say!(
        out,
        "recorded by {} at {} ({}:{})",
        e.user,
        e.time,
        ledger.path().display(),
        e.line
    )
}

/// An edit that changed nothing (exit 0): the value already was the one
/// asked for, and who recorded it.
fn unchanged(
    out: &mut dyn Write,
    plan: &Plan,
    ledger: &Ledger,
    id: &str,
    field: Field,
    cur: Option<&Entry>,
) -> Result<(), CliError> {
    match cur.and_then(|e| e.value.as_deref()) {
        Some(v) => say!(
            out,
            "{}: unchanged: the {field} already is {}; nothing recorded",
            label(plan, id),
            value_text(plan, id, field, Some(v))
        )?,
        None => say!(
            out,
            "{}: unchanged: no {field} is recorded; nothing recorded",
            label(plan, id)
        )?,
    }
    if let Some(e) = cur {
        say!(
            out,
            "as recorded by {} at {} ({}:{})",
            e.user,
            e.time,
            ledger.path().display(),
            e.line
        )?;
    }
    Ok(())
}

fn status_line(
    out: &mut dyn Write,
    ind: &Indicator,
    actual: Option<&Actual>,
    today: jiff::civil::Date,
) -> std::io::Result<()> {
    let st = ledger::status(ind, actual, today);
    say!(
        out,
        "status: {} (target {}, due {})",
        st.as_str(),
        target_text(ind),
        ind.deadline
    )
}

/// Turns a conflict on a `--expect` edit into the refusal message (exit 3).
fn refused(plan: &Plan, e: LedgerError) -> CliError {
    match e {
        LedgerError::Conflict(c) => {
            let ledger::Conflict {
                id,
                field,
                expected,
                found,
                who,
                when,
            } = *c;
            let by = match (who, when) {
                (Some(w), Some(t)) => format!(" (recorded by {w} at {t})"),
                _ => String::new(),
            };
            CliError::Refused(format!(
                "{}: nothing recorded: the current {field} is {}{by}, not {} as --expect says; \
                 check it and run again with --expect set to the current value, or without --expect",
                label(plan, &id),
                value_text(plan, &id, field, found.as_deref()),
                value_text(plan, &id, field, expected.as_deref()),
            ))
        }
        other => CliError::Ledger(other),
    }
}

/// `set ID VALUE [--note TEXT] [--expect OLD]`.
#[allow(clippy::too_many_arguments)]
pub fn set(
    cli: &Cli,
    plan: &Plan,
    id: &str,
    value: &str,
    note: &Option<String>,
    expect: &Option<String>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CliError> {
    let ind = find_indicator(plan, id)?;
    let actual = parse_actual(ind, value)?;
    let expect = match expect {
        None => Expect::Any,
        Some(s) if s.trim().is_empty() => Expect::Value(None),
        Some(s) => Expect::Value(Some(parse_actual(ind, s)?.to_ledger())),
    };
    let who = user(cli)?;
    let clock = clock(cli);
    let mut ledger = open_ledger(cli, err)?;
    let done = ledger
        .append(Edit {
            id: ind.id.clone(),
            field: Field::Actual,
            value: Some(actual.to_ledger()),
            note: note.clone(),
            user: who,
            time: clock.now,
            expect,
        })
        .map_err(|e| refused(plan, e))?;
    warn(err, ledger.warnings());
    let entry = match done {
        Appended::Recorded(e) => e,
        Appended::Unchanged(cur) => {
            return unchanged(out, plan, &ledger, &ind.id, Field::Actual, cur.as_ref());
        }
    };
    say!(
        out,
        "{} {}: {} → {}",
        ind.id,
        ind.name,
        value_text(plan, &ind.id, Field::Actual, entry.old.as_deref()),
        report::actual_text(ind, &actual, Wording::Machine)
    )?;
    status_line(out, ind, Some(&actual), clock.today)?;
    if let Some(n) = &entry.note {
        say!(out, "note: {n}")?;
    }
    recorded(out, &ledger, &entry)?;
    Ok(())
}

/// `status TASK STATE [--note TEXT] [--expect OLD]`.
#[allow(clippy::too_many_arguments)]
pub fn status(
    cli: &Cli,
    plan: &Plan,
    task: &str,
    state: &str,
    note: &Option<String>,
    expect: &Option<String>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CliError> {
    let task = find_task(plan, task)?;
    let states = TaskState::ALL.map(TaskState::as_str).join(", ");
    let parse = |s: &str| {
        parse_task_state(s).ok_or_else(|| {
            CliError::Usage(format!(
                "task {}: `{s}` is not a task status; expected one of {states} ({})",
                task.id,
                TaskState::word_list(Lang::Zh)
            ))
        })
    };
    let new = parse(state)?;
    let expect = match expect {
        None => Expect::Any,
        Some(s) if s.trim().is_empty() => Expect::Value(None),
        Some(s) => Expect::Value(Some(parse(s)?.as_str().to_string())),
    };
    let who = user(cli)?;
    let clock = clock(cli);
    let mut ledger = open_ledger(cli, err)?;
    let done = ledger
        .append(Edit {
            id: task.id.clone(),
            field: Field::Status,
            value: Some(new.as_str().to_string()),
            note: note.clone(),
            user: who,
            time: clock.now,
            expect,
        })
        .map_err(|e| refused(plan, e))?;
    warn(err, ledger.warnings());
    let entry = match done {
        Appended::Recorded(e) => e,
        Appended::Unchanged(cur) => {
            return unchanged(out, plan, &ledger, &task.id, Field::Status, cur.as_ref());
        }
    };
    say!(
        out,
        "{}: {} → {}",
        label(plan, &task.id),
        entry.old.as_deref().unwrap_or("-"),
        new.as_str()
    )?;
    if let Some(n) = &entry.note {
        say!(out, "note: {n}")?;
    }
    recorded(out, &ledger, &entry)?;
    Ok(())
}

/// `note ID TEXT`.
pub fn note(
    cli: &Cli,
    plan: &Plan,
    id: &str,
    text_: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CliError> {
    let id = clean_id(id);
    if plan.indicator(&id).is_none() && plan.task(&id).is_none() {
        return Err(CliError::Usage(format!(
            "no indicator or task `{id}`; expected an indicator id such as 8.1 or a task id such as 8"
        )));
    }
    let who = user(cli)?;
    let clock = clock(cli);
    let mut ledger = open_ledger(cli, err)?;
    let value = text_.trim();
    let done = ledger.append(Edit {
        id: id.clone(),
        field: Field::Note,
        value: (!value.is_empty()).then(|| value.to_string()),
        note: None,
        user: who,
        time: clock.now,
        expect: Expect::Any,
    })?;
    warn(err, ledger.warnings());
    let entry = match done {
        Appended::Recorded(e) => e,
        Appended::Unchanged(cur) => {
            return unchanged(out, plan, &ledger, &id, Field::Note, cur.as_ref());
        }
    };
    match &entry.value {
        Some(v) => say!(out, "{}: note: {v}", label(plan, &id))?,
        None => say!(out, "{}: note cleared", label(plan, &id))?,
    }
    recorded(out, &ledger, &entry)?;
    Ok(())
}

/// `--expect OLD` of `undo`, parsed for the field the undo changes (as
/// `set` and `status` parse theirs): `''` means nothing recorded.
fn undo_expect(plan: &Plan, id: &str, field: Option<Field>, old: &str) -> Result<Expect, CliError> {
    if old.trim().is_empty() {
        return Ok(Expect::Value(None));
    }
    let text = || Expect::Value(Some(old.trim().to_string()));
    Ok(match (field, plan.indicator(id)) {
        (Some(Field::Actual), Some(ind)) => {
            Expect::Value(Some(parse_actual(ind, old)?.to_ledger()))
        }
        (Some(Field::Status), _) => match parse_task_state(old) {
            Some(s) => Expect::Value(Some(s.as_str().to_string())),
            None => {
                return Err(CliError::Usage(format!(
                    "{id}: --expect `{old}` is not a task status; expected one of {} or ''",
                    TaskState::ALL.map(TaskState::as_str).join(", ")
                )));
            }
        },
        _ => text(),
    })
}

/// `undo ID [--field F] [--expect OLD] [--note TEXT]`.
#[allow(clippy::too_many_arguments)]
pub fn undo(
    cli: &Cli,
    plan: &Plan,
    id: &str,
    field: Option<Field>,
    expect: &Option<String>,
    note: &Option<String>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CliError> {
    let who = user(cli)?;
    let clock = clock(cli);
    let mut ledger = open_ledger(cli, err)?;
    let id = known_id(plan, Some(&ledger), id)?;
    // Without --field, OLD is read as a value of the field the latest
    // change recorded; under the lock the latest change is checked again.
    let expect = match expect {
        None => Expect::Any,
        Some(old) => {
            let f = field.or_else(|| ledger.latest(&id).map(|e| e.field));
            undo_expect(plan, &id, f, old)?
        }
    };
    let done = ledger
        .undo(&id, field, &expect, &who, clock.now, note.clone())
        .map_err(|e| refused(plan, e))?;
    warn(err, ledger.warnings());
    let e = &done.entry;
    say!(
        out,
        "undo {} {}: {} → {}",
        label(plan, &id),
        e.field,
        value_text(plan, &id, e.field, e.old.as_deref()),
        value_text(plan, &id, e.field, e.value.as_deref())
    )?;
    say!(
        out,
        "reverts the change by {} at {} (line {})",
        done.reverted.user,
        done.reverted.time,
        done.reverted.line
    )?;
    if e.field == Field::Actual
        && let Some(ind) = plan.indicator(&id)
    {
        status_line(out, ind, e.actual().as_ref(), clock.today)?;
    }
    recorded(out, &ledger, e)?;
    Ok(())
}

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
}

/// `history [ID] [--limit N] [--format F]`, newest first. `--limit 0`
/// prints the CSV header, `[]`, or (table) how many changes there are.
#[allow(clippy::too_many_arguments)]
pub fn history(
    cli: &Cli,
    plan: &Plan,
    id: Option<&str>,
    limit: Option<usize>,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CliError> {
    let ledger = open_ledger(cli, err)?;
    let id = match id {
        Some(i) => Some(known_id(plan, Some(&ledger), i)?),
        None => None,
    };
    let rows = ledger
        .history(id.as_deref())
        .take(limit.unwrap_or(usize::MAX));
    match format {
        Format::Json => history_json(rows, out),
        Format::Csv => history_csv(rows, out),
        Format::Table => history_table(plan, &ledger, id.as_deref(), rows, out),
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
        "time", "user", "id", "field", "value", "old", "note", "line",
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
            value_text(plan, &e.id, e.field, e.old.as_deref()),
            value_text(plan, &e.id, e.field, e.value.as_deref()),
            e.note.clone().unwrap_or_default(),
        ]);
    }
    if !table.is_empty() {
        output::table(
            out,
            &["time", "user", "id", "field", "old", "new", "note"],
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

/// `paths`: the files in use.
pub fn paths(cli: &Cli, out: &mut dyn Write) -> Result<(), CliError> {
    match &cli.plan {
        Some(dir) => writeln!(out, "plan: {}", dir.display())?,
        None => writeln!(out, "plan: embedded (seeds/ compiled into the binary)")?,
    }
    let path = ledger_path(cli)?;
    writeln!(out, "ledger: {}", path.display())?;
    writeln!(out, "lock: {}", ledger::lock_path(&path).display())?;
    writeln!(out, "torn: {}", ledger::torn_path(&path).display())?;
    Ok(())
}

/// `ledger check`: reads the whole ledger (rows that don't parse stop it,
/// exit 1), then reports, exit 1 if any: text with control characters,
/// rows with more fields than the header, ids the plan (embedded or
/// `--plan`) does not know. Rows edited outside wudang-plan (a broken chain
/// of `old` values) and a cut-short last line are warnings (exit 0).
fn check(cli: &Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), CliError> {
    let plan = super::load_plan(cli)?;
    let l = open_ledger(cli, err)?;
    let path = l.path().display().to_string();
    if !l.exists() {
        writeln!(
            out,
            "{path}: no ledger yet; it is created on the first edit"
        )?;
        return Ok(());
    }
    if !l.has_header() {
        writeln!(
            out,
            "ok: {path}: empty, no header yet (it is written with the first edit), {}",
            l.encoding().name()
        )?;
        return Ok(());
    }
    let audit = l.audit(&|id| plan.indicator(id).is_some() || plan.task(id).is_some())?;
    writeln!(
        out,
        "{}{path}: {} rows for {} ids, {}",
        if audit.total == 0 { "ok: " } else { "" },
        l.len(),
        l.ids().count(),
        l.encoding().name()
    )?;
    for f in &audit.findings {
        writeln!(out, "{path}:{}: {}", f.line, f.message)?;
    }
    if audit.total > audit.findings.len() {
        writeln!(out, "… and {} more", audit.total - audit.findings.len())?;
    }
    let (breaks, count) = l.chain_breaks();
    for b in breaks {
        writeln!(out, "warning: {path}:{}: {b}", b.line)?;
    }
    if count > breaks.len() {
        writeln!(
            out,
            "warning: … and {} more such rows",
            count - breaks.len()
        )?;
    }
    if count > 0 {
        writeln!(
            out,
            "{count} row{} whose `old` is not the value recorded before: rows were edited, \
             deleted or reordered outside wudang-plan (a spreadsheet turns id 0.10 into 0.1); \
             check them against the backup copies",
            if count == 1 { "" } else { "s" }
        )?;
    }
    if l.encoding() == ledger::Encoding::Gb18030 {
        writeln!(
            out,
            "convert it before editing: wudang-plan ledger convert (keeps a backup copy)"
        )?;
    }
    if audit.total > 0 {
        return Err(CliError::Problems(format!(
            "{path}: {} problem{} (listed above) in rows another program wrote; they are \
             still read, shown escaped or not at all; fix or remove them (keep a copy first)",
            audit.total,
            if audit.total == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

/// `ledger check` and `ledger convert`.
pub fn ledger(
    cli: &Cli,
    command: &LedgerCommand,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CliError> {
    let path = ledger_path(cli)?;
    match command {
        LedgerCommand::Check => check(cli, out, err)?,
        LedgerCommand::Convert => match ledger::convert(&path, clock(cli).now)? {
            Converted::AlreadyUtf8 => {
                writeln!(
                    out,
                    "{}: already UTF-8 with BOM; nothing to do",
                    path.display()
                )?;
            }
            Converted::Done {
                from,
                rows,
                backup,
                warnings,
            } => {
                warn(err, &warnings);
                writeln!(
                    out,
                    "converted {} from {} to UTF-8 with BOM ({rows} rows)",
                    path.display(),
                    from.name()
                )?;
                writeln!(out, "backup of the original: {}", backup.display())?;
            }
        },
    }
    Ok(())
}
