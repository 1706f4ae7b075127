//! Commands that record changes: `set`, `status`, `note`, `undo`; and the
//! ids and values they name, as `history` names them too.

use std::io::Write;

use super::output::target_text;
use super::words::{Both, WithBoth};
use super::{CliError, Context, clock, open_ledger_for, user, warn};
use crate::ledger::{
    self, Actual, Appended, Edit, Entry, Expect, Field, Ledger, LedgerError, TaskState,
    parse_actual,
};
use crate::plan::{Indicator, Period, Plan, Task};
use crate::report;
use crate::text;
use crate::text::halfwidth;
use crate::vocab::{Lang, M, Msg, Term, Wording, parse_task_state};

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
        let m = Msg::new(M::IsTaskNotIndicator).arg("id", &id);
        let m = if ids.is_empty() {
            m.arg("hint", "")
        } else {
            m.sub(
                "hint",
                Msg::new(M::ItsIndicators).arg("ids", ids.join(", ")),
            )
        };
        return Err(CliError::Usage(m));
    }
    Err(CliError::Usage(Msg::new(M::NoIndicator).arg("id", id)))
}

fn find_task<'p>(plan: &'p Plan, id: &str) -> Result<&'p Task, CliError> {
    let id = clean_id(id);
    if let Some(t) = plan.task(&id) {
        return Ok(t);
    }
    if let Some(i) = plan.indicator(&id) {
        return Err(CliError::Usage(
            Msg::new(M::IsIndicatorNotTask)
                .arg("id", &id)
                .arg("task", &i.task),
        ));
    }
    let first = plan.tasks.first().map(|t| t.id.as_str()).unwrap_or("?");
    let last = plan.tasks.last().map(|t| t.id.as_str()).unwrap_or("?");
    Err(CliError::Usage(
        Msg::new(M::NoTask)
            .arg("id", id)
            .arg("first", first)
            .arg("last", last),
    ))
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
    Err(CliError::Usage(
        Msg::new(M::NoIndicatorOrTask).arg("id", id),
    ))
}

/// The name of an id for messages: `8.1 工业总产值`, `task 8 推进…`.
pub(super) fn label(plan: &Plan, id: &str) -> String {
    label_both(plan, id).en
}

/// [`label`] in both languages: `task 8 …` is 任务 8 … in Chinese.
pub(super) fn label_both(plan: &Plan, id: &str) -> Both {
    if let Some(i) = plan.indicator(id) {
        Both::same(format!("{} {}", i.id(), i.name()))
    } else if let Some(t) = plan.task(id) {
        Both::of(
            Msg::new(M::TaskLabel)
                .arg("id", &t.id)
                .arg("title", text::truncate(&t.title, 30)),
        )
    } else {
        Both::same(id)
    }
}

/// A stored value for people: with the indicator's unit for actuals, `-`
/// for nothing.
pub(super) fn value_text(plan: &Plan, id: &str, field: Field, v: Option<&str>) -> String {
    report::value_text(plan, id, field, v, Wording::Machine)
}

/// [`value_text`] in both languages: the machine words in English (what
/// the command line always printed), the words the Chinese UI shows in
/// Chinese (已完成, 已延误), `-` for nothing in both.
pub(super) fn value_both(plan: &Plan, id: &str, field: Field, v: Option<&str>) -> Both {
    let zh = match v {
        None => "-".to_string(),
        Some(_) => report::value_text(plan, id, field, v, Wording::Lang(Lang::Zh)),
    };
    Both {
        zh,
        en: value_text(plan, id, field, v),
    }
}

/// The command line's language.
pub(super) fn lang(cx: &Context<'_>) -> Lang {
    cx.cli.lang.into()
}

fn recorded(out: &mut dyn Write, ledger: &Ledger, e: &Entry, lang: Lang) -> std::io::Result<()> {
    let m = Msg::new(M::Recorded)
        .arg("user", &e.user)
        .arg("time", e.time)
        .arg("path", ledger.path().display())
        .arg("line", e.line);
    say!(out, "{}", m.text(lang))
}

/// `actual for 2024Q2` for an actual's row (whose value is about its
/// period), else the field's name.
fn field_in(field: Field, period: Option<Period>) -> Both {
    match (field, period) {
        (Field::Actual, Some(p)) => Both::of(
            Msg::new(M::FieldForPeriod)
                .both("field", Both::field(field))
                .both("period", Both::period(p)),
        ),
        _ => Both::field(field),
    }
}

/// An edit that changed nothing (exit 0): the value (of an actual: for
/// the period edited) already was the one asked for, and who recorded it.
fn unchanged(
    out: &mut dyn Write,
    (plan, ledger): (&Plan, &Ledger),
    (id, field): (&str, Field),
    cur: Option<&Entry>,
    lang: Lang,
) -> Result<(), CliError> {
    let m = match cur.and_then(|e| Some((e.value.as_deref()?, e.in_period()))) {
        Some((v, period)) => Msg::new(M::Unchanged)
            .both("field", field_in(field, Some(period)))
            .both("value", value_both(plan, id, field, Some(v))),
        None => Msg::new(M::UnchangedNone).both("field", Both::field(field)),
    };
    say!(out, "{}", m.both("label", label_both(plan, id)).text(lang))?;
    if let Some(e) = cur {
        let m = Msg::new(M::AsRecorded)
            .arg("user", &e.user)
            .arg("time", e.time)
            .arg("path", ledger.path().display())
            .arg("line", e.line);
        say!(out, "{}", m.text(lang))?;
    }
    Ok(())
}

fn status_line(
    out: &mut dyn Write,
    ind: &Indicator,
    actual: Option<&Actual>,
    (today, lang): (jiff::civil::Date, Lang),
) -> std::io::Result<()> {
    let st = ledger::status(ind, actual, today);
    let m = Msg::new(M::StatusLine)
        .both("status", Both::term(st))
        .both(
            "target",
            Both {
                zh: report::target_text(ind, true, Wording::Lang(Lang::Zh)),
                en: target_text(ind),
            },
        )
        .arg("due", ind.deadline);
    say!(out, "{}", m.text(lang))
}

/// After a value for `period` was recorded: the current value and its
/// period when that is another period's (the latest period with a value),
/// then the status, which is the current value's.
fn current_and_status(
    out: &mut dyn Write,
    (plan, ledger): (&Plan, &Ledger),
    ind: &Indicator,
    period: Period,
    at: (jiff::civil::Date, Lang),
) -> std::io::Result<()> {
    let current = ledger.current(ind.id(), Field::Actual);
    if let Some(c) = current.filter(|c| c.in_period() != period) {
        let m = Msg::new(M::CurrentLine)
            .both(
                "value",
                value_both(plan, ind.id(), Field::Actual, c.value.as_deref()),
            )
            .both("period", Both::period(c.in_period()));
        say!(out, "{}", m.text(at.1))?;
    }
    status_line(out, ind, ledger.actual(ind.id()).as_ref(), at)
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
    let m = Msg::new(M::ExpectRefused);
    let m = match (who, when) {
        (Some(w), Some(t)) => m.sub("by", Msg::new(M::ExpectBy).arg("user", w).arg("time", t)),
        _ => m.arg("by", ""),
    };
    let m = match period.filter(|_| field == Field::Actual) {
        Some(p) => {
            let m = m.sub(
                "what",
                Msg::new(M::ExpectWhatPeriod)
                    .both("field", Both::field(field))
                    .both("period", Both::period(p)),
            );
            let m = m.sub(
                "again",
                Msg::new(M::ExpectAgainPeriod).both("period", Both::period(p)),
            );
            match elsewhere(plan, ledger, &id, p) {
                Some(cur) => m.sub("current", cur),
                None => m.arg("current", ""),
            }
        }
        None => m
            .sub(
                "what",
                Msg::new(M::ExpectWhatCurrent).both("field", Both::field(field)),
            )
            .sub("again", M::ExpectAgainCurrent.into())
            .arg("current", ""),
    };
    CliError::Refused(
        m.both("label", label_both(plan, &id))
            .both("found", value_both(plan, &id, field, found.as_deref()))
            .both(
                "expected",
                value_both(plan, &id, field, expected.as_deref()),
            ),
    )
}

/// ` (the current actual is 320 亿元, for 2025Q2)` when `id`'s current
/// actual is another period's than `period`.
fn elsewhere(plan: &Plan, ledger: &Ledger, id: &str, period: Period) -> Option<Msg> {
    let cur = ledger
        .current(id, Field::Actual)
        .filter(|c| c.in_period() != period)?;
    Some(
        Msg::new(M::ExpectElsewhere)
            .both(
                "value",
                value_both(plan, id, Field::Actual, cur.value.as_deref()),
            )
            .both("period", Both::period(cur.in_period())),
    )
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
    let reason = |e: crate::plan::PeriodError| Both {
        zh: e.reason(Lang::Zh),
        en: e.reason(Lang::En),
    };
    let period = match typed {
        Some(t) => Period::parse(t)
            .map_err(|e| CliError::Usage(Msg::new(M::PeriodFlag).both("reason", reason(e))))?,
        None => Period::Year(i32::from(today.year())),
    };
    plan.period.check(period, today).map_err(|e| {
        let key = match typed {
            Some(_) => M::PeriodFlag,
            None => M::DefaultPeriod,
        };
        CliError::Usage(Msg::new(key).both("reason", reason(e)))
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
    let (cli, plan, lang) = (cx.cli, cx.plan, lang(cx));
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
            let at = (ind.id(), Field::Actual);
            return unchanged(cx.out, (plan, &ledger), at, cur.as_ref(), lang);
        }
    };
    let m = Msg::new(M::SetLine)
        .arg("id", ind.id())
        .arg("name", ind.name());
    let m = match typed_period {
        true => m.sub(
            "period",
            Msg::new(M::SetPeriod).both("period", Both::period(period)),
        ),
        false => m.arg("period", ""),
    };
    let new = Both {
        zh: report::actual_text(ind, &actual, Wording::Lang(Lang::Zh)),
        en: report::actual_text(ind, &actual, Wording::Machine),
    };
    let old = value_both(plan, ind.id(), Field::Actual, entry.old.as_deref());
    say!(cx.out, "{}", m.both("old", old).both("new", new).text(lang))?;
    let at = (clock.today, lang);
    current_and_status(cx.out, (plan, &ledger), ind, period, at)?;
    note_line(cx.out, entry.note.as_deref(), lang)?;
    recorded(cx.out, &ledger, &entry, lang)?;
    cx.release(ledger);
    Ok(())
}

/// `note: …` under a confirmation, when the change carries a note.
fn note_line(out: &mut dyn Write, note: Option<&str>, lang: Lang) -> std::io::Result<()> {
    match note {
        Some(n) => say!(out, "{}", Msg::new(M::NoteLine).arg("note", n).text(lang)),
        None => Ok(()),
    }
}

/// `status TASK STATE [--note TEXT] [--expect OLD]`.
pub fn status(
    cx: &mut Context<'_>,
    task: &str,
    state: &str,
    note: &Option<String>,
    expect: &Option<String>,
) -> Result<(), CliError> {
    let (cli, plan, lang) = (cx.cli, cx.plan, lang(cx));
    let task = find_task(plan, task)?;
    let parse = |s: &str| {
        parse_task_state(s).ok_or_else(|| {
            CliError::Usage(
                Msg::new(M::NotATaskState)
                    .arg("task", &task.id)
                    .arg("found", text::visible(s))
                    .arg("states", TaskState::machine_list())
                    .arg("words", TaskState::word_list(Lang::Zh)),
            )
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
            let at = (task.id.as_str(), Field::Status);
            return unchanged(cx.out, (plan, &ledger), at, cur.as_ref(), lang);
        }
    };
    let old = match entry.old.as_deref() {
        None => Both::same("-"),
        Some(o) => TaskState::from_machine(o).map_or_else(|| Both::same(o), Both::term),
    };
    let m = Msg::new(M::StateLine)
        .both("label", label_both(plan, &task.id))
        .both("old", old)
        .both("new", Both::term(new));
    say!(cx.out, "{}", m.text(lang))?;
    note_line(cx.out, entry.note.as_deref(), lang)?;
    recorded(cx.out, &ledger, &entry, lang)?;
    Ok(())
}

/// `note ID TEXT`.
pub fn note(cx: &mut Context<'_>, id: &str, text_: &str) -> Result<(), CliError> {
    let (cli, plan, lang) = (cx.cli, cx.plan, lang(cx));
    let id = clean_id(id);
    if plan.indicator(&id).is_none() && plan.task(&id).is_none() {
        return Err(CliError::Usage(
            Msg::new(M::NoIndicatorOrTask).arg("id", id),
        ));
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
            let at = (id.as_str(), Field::Note);
            return unchanged(cx.out, (plan, &ledger), at, cur.as_ref(), lang);
        }
    };
    let m = match &entry.value {
        Some(v) => Msg::new(M::NoteSet).arg("note", v),
        None => Msg::new(M::NoteCleared),
    };
    say!(
        cx.out,
        "{}",
        m.both("label", label_both(plan, &id)).text(lang)
    )?;
    recorded(cx.out, &ledger, &entry, lang)?;
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
                return Err(CliError::Usage(
                    Msg::new(M::ExpectNotATaskState)
                        .arg("id", id)
                        .arg("found", text::visible(old))
                        .words(
                            "states",
                            TaskState::word_list(Lang::Zh),
                            TaskState::machine_list(),
                        ),
                ));
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
    let (cli, plan, lang) = (cx.cli, cx.plan, lang(cx));
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
    let m = Msg::new(M::UndoLine)
        .both("label", label_both(plan, &id))
        .both("field", Both::field(e.field))
        .both("old", value_both(plan, &id, e.field, e.old.as_deref()))
        .both("new", value_both(plan, &id, e.field, e.value.as_deref()));
    say!(cx.out, "{}", m.text(lang))?;
    let m = Msg::new(M::Reverts)
        .arg("user", &done.reverted.user)
        .arg("time", done.reverted.time)
        .arg("line", done.reverted.line);
    say!(cx.out, "{}", m.text(lang))?;
    if e.field == Field::Actual
        && let Some(ind) = plan.indicator(&id)
    {
        let at = (clock.today, lang);
        current_and_status(cx.out, (plan, &ledger), ind, e.in_period(), at)?;
    }
    recorded(cx.out, &ledger, e, lang)?;
    Ok(())
}
