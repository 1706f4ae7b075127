//! Commands that record changes: `set`, `status`, `note`, `undo`; and the
//! ids and values they name, as `history` names them too.

use std::io::Write;

use super::output::target_text;
use super::{CliError, Context, clock, open_ledger_for, user, warn};
use crate::ledger::{
    self, Actual, Appended, Edit, Entry, Expect, Field, Ledger, LedgerError, TaskState,
    parse_actual,
};
use crate::plan::{Indicator, Period, Plan, Task};
use crate::report;
use crate::text;
use crate::text::halfwidth;
use crate::vocab::{Lang, Term, Wording, parse_task_state};

/// An id as typed: trimmed, full-width digits and `．` mapped.
pub(super) fn clean_id(id: &str) -> String {
    halfwidth(id).trim().to_string()
}

fn find_indicator<'p>(plan: &'p Plan, id: &str) -> Result<&'p Indicator, CliError> {
    let id = clean_id(id);
    if let Some(i) = plan.indicator(&id) {
        return Ok(i);
    }
    if plan.task(&id).is_some() {
        let ids: Vec<&str> = plan.indicators_of(&id).map(|i| i.id()).collect();
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
pub(super) fn known_id(plan: &Plan, ledger: Option<&Ledger>, id: &str) -> Result<String, CliError> {
    let id = clean_id(id);
    if plan.indicator(&id).is_some()
        || plan.task(&id).is_some()
        || ledger.is_some_and(|l| l.latest(&id).is_some())
    {
        return Ok(id);
    }
    Err(CliError::Usage(format!(
        "no indicator or task `{id}`; expected an indicator id such as 8.1 or a task id such as 8"
    )))
}

/// The name of an id for messages: `8.1 工业总产值`, `task 8 推进…`.
pub(super) fn label(plan: &Plan, id: &str) -> String {
    if let Some(i) = plan.indicator(id) {
        format!("{} {}", i.id(), i.name())
    } else if let Some(t) = plan.task(id) {
        format!("task {} {}", t.id, text::truncate(&t.title, 30))
    } else {
        id.to_string()
    }
}

/// A stored value for people: with the indicator's unit for actuals, `-`
/// for nothing.
pub(super) fn value_text(plan: &Plan, id: &str, field: Field, v: Option<&str>) -> String {
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

/// `actual for 2024Q2` for an actual's row (whose value is about its
/// period), else the field's name.
fn field_in(field: Field, period: Option<Period>) -> String {
    match (field, period) {
        (Field::Actual, Some(p)) => format!("{field} for {p}"),
        _ => field.to_string(),
    }
}

/// An edit that changed nothing (exit 0): the value (of an actual: for
/// the period edited) already was the one asked for, and who recorded it.
fn unchanged(
    out: &mut dyn Write,
    plan: &Plan,
    ledger: &Ledger,
    id: &str,
    field: Field,
    cur: Option<&Entry>,
) -> Result<(), CliError> {
    match cur.and_then(|e| Some((e.value.as_deref()?, e.in_period()))) {
        Some((v, period)) => say!(
            out,
            "{}: unchanged: the {} already is {}; nothing recorded",
            label(plan, id),
            field_in(field, Some(period)),
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

/// After a value for `period` was recorded: the current value and its
/// period when that is another period's (the latest period with a value),
/// then the status, which is the current value's.
fn current_and_status(
    out: &mut dyn Write,
    plan: &Plan,
    ledger: &Ledger,
    ind: &Indicator,
    period: Period,
    today: jiff::civil::Date,
) -> std::io::Result<()> {
    let current = ledger.current(ind.id(), Field::Actual);
    if let Some(c) = current.filter(|c| c.in_period() != period) {
        say!(
            out,
            "current: {} ({}, the latest period)",
            value_text(plan, ind.id(), Field::Actual, c.value.as_deref()),
            c.in_period()
        )?;
    }
    status_line(out, ind, ledger.actual(ind.id()).as_ref(), today)
}

/// Turns a conflict on a `--expect` edit into the refusal message (exit 3).
/// For an actual it names the period compared (the edit's, or the undone
/// row's) and, when the current value is another period's, that value
/// and its period: `--expect` is about the period edited.
fn refused(plan: &Plan, ledger: &Ledger, e: LedgerError) -> CliError {
    let LedgerError::Conflict(c) = e else {
        return CliError::Ledger(e);
    };
    let ledger::Conflict {
        id,
        field,
        expected,
        found,
        who,
        when,
        period,
        ..
    } = *c;
    let by = match (who, when) {
        (Some(w), Some(t)) => format!(" (recorded by {w} at {t})"),
        _ => String::new(),
    };
    let (what, current) = match period.filter(|_| field == Field::Actual) {
        Some(p) => (
            format!("the {field} for {p}"),
            elsewhere(plan, ledger, &id, p).unwrap_or_default(),
        ),
        None => (format!("the current {field}"), String::new()),
    };
    let again = match period {
        Some(p) if field == Field::Actual => format!("{p}'s value"),
        _ => "the current value".to_string(),
    };
    CliError::Refused(format!(
        "{}: nothing recorded: {what} is {}{by}, not {} as --expect says{current}; \
         check it and run again with --expect set to {again}, or without --expect",
        label(plan, &id),
        value_text(plan, &id, field, found.as_deref()),
        value_text(plan, &id, field, expected.as_deref()),
    ))
}

/// ` (the current actual is 320 亿元, for 2025Q2)` when `id`'s current
/// actual is another period's than `period`.
fn elsewhere(plan: &Plan, ledger: &Ledger, id: &str, period: Period) -> Option<String> {
    let cur = ledger
        .current(id, Field::Actual)
        .filter(|c| c.in_period() != period)?;
    Some(format!(
        " (the current actual is {}, for {})",
        value_text(plan, id, Field::Actual, cur.value.as_deref()),
        cur.in_period()
    ))
}

/// The period `set` records for: `--period` as typed (every form
/// [`Period::parse`] reads), else the year of today (`--today` or the
/// clock); refused (exit 2) when unreadable, outside the plan period
/// widened by a year each side (the baseline year before it) or not
/// started by today ([`crate::plan::PlanPeriod::check`], the full-screen
/// UI's check too).
fn period_for(
    plan: &Plan,
    typed: Option<&str>,
    today: jiff::civil::Date,
) -> Result<Period, CliError> {
    let period = match typed {
        Some(t) => Period::parse(t).map_err(|e| CliError::Usage(format!("--period: {e}")))?,
        None => Period::Year(i32::from(today.year())),
    };
    plan.period.check(period, today).map_err(|e| {
        CliError::Usage(match typed {
            Some(_) => format!("--period: {e}"),
            None => {
                format!("{e} (the default period is the year of today; give --period for another)")
            }
        })
    })?;
    Ok(period)
}

/// `set ID VALUE [--note TEXT] [--expect OLD] [--period P]`.
pub fn set(
    cx: &mut Context<'_>,
    id: &str,
    value: &str,
    note: &Option<String>,
    expect: &Option<String>,
    period: Option<&str>,
) -> Result<(), CliError> {
    let (cli, plan) = (cx.cli, cx.plan);
    let ind = find_indicator(plan, id)?;
    let actual = parse_actual(ind, value)?;
    let clock = clock(cli);
    let typed_period = period.is_some();
    let period = period_for(plan, period, clock.today)?;
    let expect = match expect {
        None => Expect::Any,
        Some(s) if s.trim().is_empty() => Expect::Value(None),
        Some(s) => Expect::Value(Some(parse_actual(ind, s)?.to_ledger())),
    };
    let who = user(cli)?;
    let mut ledger = open_ledger_for(cli, cx.err, ind.id())?;
    let done = ledger
        .append(Edit {
            id: ind.id().to_string(),
            field: Field::Actual,
            value: Some(actual.to_ledger()),
            note: note.clone(),
            user: who,
            time: clock.now,
            expect,
            period: Some(period),
        })
        .map_err(|e| refused(plan, &ledger, e))?;
    warn(cx.err, ledger.warnings(), cx.cli.lang.into());
    let entry = match done {
        Appended::Recorded(e) => e,
        Appended::Unchanged(cur) => {
            return unchanged(cx.out, plan, &ledger, ind.id(), Field::Actual, cur.as_ref());
        }
    };
    say!(
        cx.out,
        "{} {}{}: {} → {}",
        ind.id(),
        ind.name(),
        if typed_period {
            format!(" ({period})")
        } else {
            String::new()
        },
        value_text(plan, ind.id(), Field::Actual, entry.old.as_deref()),
        report::actual_text(ind, &actual, Wording::Machine)
    )?;
    current_and_status(cx.out, plan, &ledger, ind, period, clock.today)?;
    if let Some(n) = &entry.note {
        say!(cx.out, "note: {n}")?;
    }
    recorded(cx.out, &ledger, &entry)?;
    cx.release(ledger);
    Ok(())
}

/// `status TASK STATE [--note TEXT] [--expect OLD]`.
pub fn status(
    cx: &mut Context<'_>,
    task: &str,
    state: &str,
    note: &Option<String>,
    expect: &Option<String>,
) -> Result<(), CliError> {
    let (cli, plan) = (cx.cli, cx.plan);
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
    let mut ledger = open_ledger_for(cli, cx.err, &task.id)?;
    let done = ledger
        .append(Edit {
            id: task.id.clone(),
            field: Field::Status,
            value: Some(new.as_str().to_string()),
            note: note.clone(),
            user: who,
            time: clock.now,
            expect,
            period: None,
        })
        .map_err(|e| refused(plan, &ledger, e))?;
    warn(cx.err, ledger.warnings(), cx.cli.lang.into());
    let entry = match done {
        Appended::Recorded(e) => e,
        Appended::Unchanged(cur) => {
            return unchanged(cx.out, plan, &ledger, &task.id, Field::Status, cur.as_ref());
        }
    };
    say!(
        cx.out,
        "{}: {} → {}",
        label(plan, &task.id),
        entry.old.as_deref().unwrap_or("-"),
        new.as_str()
    )?;
    if let Some(n) = &entry.note {
        say!(cx.out, "note: {n}")?;
    }
    recorded(cx.out, &ledger, &entry)?;
    Ok(())
}

/// `note ID TEXT`.
pub fn note(cx: &mut Context<'_>, id: &str, text_: &str) -> Result<(), CliError> {
    let (cli, plan) = (cx.cli, cx.plan);
    let id = clean_id(id);
    if plan.indicator(&id).is_none() && plan.task(&id).is_none() {
        return Err(CliError::Usage(format!(
            "no indicator or task `{id}`; expected an indicator id such as 8.1 or a task id such as 8"
        )));
    }
    let who = user(cli)?;
    let clock = clock(cli);
    let mut ledger = open_ledger_for(cli, cx.err, &id)?;
    let value = text_.trim();
    let done = ledger.append(Edit {
        id: id.clone(),
        field: Field::Note,
        value: (!value.is_empty()).then(|| value.to_string()),
        note: None,
        user: who,
        time: clock.now,
        expect: Expect::Any,
        period: None,
    })?;
    warn(cx.err, ledger.warnings(), cx.cli.lang.into());
    let entry = match done {
        Appended::Recorded(e) => e,
        Appended::Unchanged(cur) => {
            return unchanged(cx.out, plan, &ledger, &id, Field::Note, cur.as_ref());
        }
    };
    match &entry.value {
        Some(v) => say!(cx.out, "{}: note: {v}", label(plan, &id))?,
        None => say!(cx.out, "{}: note cleared", label(plan, &id))?,
    }
    recorded(cx.out, &ledger, &entry)?;
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
pub fn undo(
    cx: &mut Context<'_>,
    id: &str,
    field: Option<Field>,
    expect: &Option<String>,
    note: &Option<String>,
) -> Result<(), CliError> {
    let (cli, plan) = (cx.cli, cx.plan);
    let who = user(cli)?;
    let clock = clock(cli);
    let mut ledger = open_ledger_for(cli, cx.err, &clean_id(id))?;
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
        .map_err(|e| refused(plan, &ledger, e))?;
    warn(cx.err, ledger.warnings(), cx.cli.lang.into());
    let e = &done.entry;
    say!(
        cx.out,
        "undo {} {}: {} → {}",
        label(plan, &id),
        e.field,
        value_text(plan, &id, e.field, e.old.as_deref()),
        value_text(plan, &id, e.field, e.value.as_deref())
    )?;
    say!(
        cx.out,
        "reverts the change by {} at {} (line {})",
        done.reverted.user,
        done.reverted.time,
        done.reverted.line
    )?;
    if e.field == Field::Actual
        && let Some(ind) = plan.indicator(&id)
    {
        current_and_status(cx.out, plan, &ledger, ind, e.in_period(), clock.today)?;
    }
    recorded(cx.out, &ledger, e)?;
    Ok(())
}
