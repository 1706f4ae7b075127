//! Output formats: aligned tables (by display width), CSV and JSON.

use std::io::{self, Write};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::ledger::{Actual, Field};
use crate::plan::filter::Filter;
use crate::plan::{Indicator, Plan, Task};
use crate::report::{self, Counts};
use crate::text;
use crate::vocab::cli_words::{C, L, header, list};
use crate::vocab::{Lang, Wording};

pub use crate::report::Facts;

/// The summary `check` prints (two lines), in `lang`.
pub fn summary(plan: &Plan, lang: Lang) -> String {
    let headline = plan.tasks.iter().filter(|t| t.group == 0).count();
    let tasks = plan.tasks.len() - headline;
    let headline_rows = plan
        .rows
        .iter()
        .filter(|r| plan.task(&r.task).is_some_and(|t| t.group == 0))
        .count();
    let milestones = plan.indicators.iter().filter(|i| i.is_milestone()).count();
    let n = |v: usize| v.to_string();
    L::CheckSummary.fill(
        lang,
        &[
            ("groups", &n(plan.groups.len())),
            ("tasks", &n(tasks)),
            ("headline", &n(headline)),
            ("rows", &n(plan.rows.len() - headline_rows)),
            ("headline_rows", &n(headline_rows)),
            ("indicators", &n(plan.indicators.len())),
            ("quantitative", &n(plan.indicators.len() - milestones)),
            ("milestones", &n(milestones)),
        ],
    ) + "\n"
        + &period_and_kinds(plan, lang)
}

/// The second line of `check`: the plan period and the kinds, each saying
/// whether the plan's files gave it or it was defaulted.
fn period_and_kinds(plan: &Plan, lang: Lang) -> String {
    let (start, end) = (plan.period.start.to_string(), plan.period.end.to_string());
    let period = if plan.defaults.period {
        L::CheckPeriodDefaulted.fill(
            lang,
            &[
                ("start", &start),
                ("end", &end),
                ("file", crate::plan::load::PERIOD),
            ],
        )
    } else {
        L::CheckPeriod.fill(lang, &[("start", &start), ("end", &end)])
    };
    let counts: Vec<String> = crate::plan::Kind::ALL
        .into_iter()
        .map(|k| {
            let n = plan.indicators.iter().filter(|i| i.kind == k).count();
            L::CheckKindCount.fill(lang, &[("n", &n.to_string()), ("kind", kind_word(k, lang))])
        })
        .collect();
    let defaulted = match plan.defaults.kinds {
        0 => String::new(),
        n => L::CheckKindsDefaulted.fill(lang, &[("n", &n.to_string())]),
    };
    L::CheckKinds.fill(
        lang,
        &[
            ("period", &period),
            ("kinds", &list(&counts, lang)),
            ("defaulted", &defaulted),
        ],
    )
}

/// An indicator kind in `lang`: 水平值, or the machine word (`level`).
pub fn kind_word(k: crate::plan::Kind, lang: Lang) -> &'static str {
    use crate::plan::Kind;
    match k {
        Kind::Level => C::KindLevel,
        Kind::Cumulative => C::KindCumulative,
        Kind::Rate => C::KindRate,
        Kind::Annual => C::KindAnnual,
        Kind::Milestone => C::KindMilestone,
    }
    .get(lang)
}

pub use crate::plan::group_label;

/// The words of a table's values (states, statuses, lights, done / not
/// done) in `lang`: the vocabulary's Chinese words (推进中, 红灯, 已完成),
/// or in English the machine words the command line always printed
/// (`in_progress`, `red`, `done`). Each is accepted back as input.
pub fn table_wording(lang: Lang) -> Wording {
    match lang {
        Lang::Zh => Wording::Lang(Lang::Zh),
        Lang::En => Wording::Machine,
    }
}

/// The task tree printed when no subcommand is given.
pub fn tree(out: &mut dyn Write, plan: &Plan) -> io::Result<()> {
    let v = text::visible;
    if !plan.districts.is_empty() {
        return city_tree(out, plan);
    }
    for t in plan.tasks_in(0) {
        writeln!(out, "{:>2}. {}", v(&t.id), v(&t.title))?;
    }
    for g in &plan.groups {
        writeln!(out, "{}{}", group_label(g.id), v(&g.title))?;
        for t in plan.tasks_in(g.id) {
            writeln!(out, "  {:>2}. {}", v(&t.id), v(&t.title))?;
        }
    }
    Ok(())
}

/// A city's plan (`--workspace`, piped): each district, its groups (总体目标
/// first), their tasks with the district's own ids.
fn city_tree(out: &mut dyn Write, plan: &Plan) -> io::Result<()> {
    let v = text::visible;
    for d in &plan.districts {
        writeln!(out, "{}", v(&d.name))?;
        let tasks = &plan.tasks[d.tasks.clone()];
        for g in &plan.groups[d.groups.clone()] {
            writeln!(out, "  {}{}", plan.group_label(g.id), v(&g.title))?;
            for t in tasks.iter().filter(|t| t.group == g.id) {
                writeln!(out, "    {:>2}. {}", v(plan.local_id(&t.id)), v(&t.title))?;
            }
        }
    }
    Ok(())
}

/// `>= 500 亿元`, `~ 80%`, `<= 2`, `>= 325 亿元 (力争 350)`, `done`.
pub fn target_text(ind: &Indicator) -> String {
    report::target_text(ind, true, Wording::Machine)
}

#[derive(Serialize)]
struct TaskJson<'a> {
    id: &'a str,
    group: u32,
    title: &'a str,
    leaders: Vec<String>,
    units: Vec<String>,
    persons: Vec<String>,
    targets: Vec<&'a str>,
    /// The task's state as recorded (`not_started` when never set).
    state: &'static str,
    /// Its indicators per status.
    indicators: Counts,
    note: Option<&'a str>,
    /// The worst light of its indicators shown (gray only when all are).
    light: &'static str,
}

/// A task as the filter shows it: the rows and indicators of
/// [`Filter::view`] (总体目标 under `--leader`: his headline rows only).
fn task_json<'a>(
    plan: &'a Plan,
    filter: &Filter,
    facts: &'a Facts<'_>,
    t: &'a Task,
) -> TaskJson<'a> {
    let view = filter.view(plan, t);
    TaskJson {
        id: &t.id,
        group: t.group,
        title: &t.title,
        leaders: view.leaders(),
        units: view.units(),
        persons: view.persons(),
        targets: view.rows.iter().map(|r| r.target.as_str()).collect(),
        state: facts.state(&t.id).as_str(),
        indicators: facts.counts(&view.indicators),
        note: facts.ledger.note(&t.id),
        light: facts.task_light(&view.indicators).as_str(),
    }
}

#[derive(Serialize)]
struct IndicatorJson<'a> {
    id: &'a str,
    task: &'a str,
    name: &'a str,
    unit: Option<&'a str>,
    comparison: &'static str,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    target: Option<rust_decimal::Decimal>,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    stretch: Option<rust_decimal::Decimal>,
    deadline: i32,
    /// The recorded actual of a quantitative indicator, exact; null for
    /// milestones and when nothing is recorded.
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    actual: Option<Decimal>,
    /// A milestone's recorded done / not done; null for quantitative
    /// indicators and when nothing is recorded.
    done: Option<bool>,
    status: &'static str,
    note: Option<&'a str>,
    /// When and by whom the actual was last recorded.
    updated: Option<String>,
    by: Option<String>,
    /// The period of the current actual (`"2024"`, `"2024Q2"`); null when
    /// nothing is recorded.
    period: Option<String>,
    /// The number recorded for the year before the plan, exact.
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    baseline: Option<Decimal>,
    /// The expected value (序时进度) for `period` (at its end, or so far
    /// while it runs), exact; null when nothing is expected.
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    expected: Option<Decimal>,
    /// `green`, `yellow`, `red` or `gray`, as of today.
    light: &'static str,
}

fn indicator_json<'a>(ind: &'a Indicator, facts: &'a Facts<'_>) -> IndicatorJson<'a> {
    let actual = facts.actual(ind);
    let last = facts.ledger.current(ind.id(), Field::Actual);
    let pace = facts.pace(ind);
    IndicatorJson {
        id: ind.id(),
        task: &ind.task,
        name: ind.name(),
        unit: ind.unit.as_deref(),
        comparison: ind.comparison.as_str(),
        target: ind.target,
        stretch: ind.stretch,
        deadline: ind.deadline,
        actual: match actual {
            Some(Actual::Number(d)) => Some(d),
            _ => None,
        },
        done: match actual {
            Some(Actual::Done(d)) => Some(d),
            _ => None,
        },
        status: facts.status(ind).as_str(),
        note: facts.ledger.note(ind.id()),
        updated: last.as_ref().map(|e| e.time.to_string()),
        by: last.map(|e| e.user),
        period: pace.period.map(|p| p.to_string()),
        baseline: pace.baseline,
        expected: pace.expected(),
        light: pace.light().as_str(),
    }
}

/// Prints an aligned table: every column padded to its widest cell by
/// display width. The last column is not padded. Cells are made visible
/// ([`text::visible`]): a control character from the ledger or a plan file
/// is printed as `\x1b`, never raw.
pub fn table(out: &mut dyn Write, header: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| text::visible(c).into_owned()).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| text::width(h)).collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(text::width(c));
            }
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let n = cells.len();
        let mut s = String::new();
        for (i, c) in cells.into_iter().enumerate() {
            if i + 1 == n {
                s.push_str(c);
            } else {
                s.push_str(&text::pad(c, widths[i]));
                s.push_str("  ");
            }
        }
        s.trim_end().to_string()
    };
    writeln!(out, "{}", line(header.to_vec()))?;
    for r in &rows {
        writeln!(out, "{}", line(r.iter().map(String::as_str).collect()))?;
    }
    Ok(())
}

/// Protects a text cell against spreadsheet formula injection (OWASP): a
/// cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`.
/// (Control characters are made visible by [`csv_out`] and `history`.)
pub fn csv_text(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n') => format!("'{s}"),
        _ => s.to_string(),
    }
}

/// A CSV error as the I/O error it carries, so that a closed pipe stays
/// `BrokenPipe` (csv's own conversion turns every error into `Other`).
pub fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// A CSV record with every cell made visible ([`text::visible_lines`]): a
/// line break stays (a quoted cell of several lines, as spreadsheets
/// write them); every other control character is written as `\x1b`.
pub fn csv_visible<S: AsRef<str>>(cells: &[S]) -> Vec<String> {
    cells
        .iter()
        .map(|c| text::visible_lines(c.as_ref()).into_owned())
        .collect()
}

pub(crate) fn csv_out(
    out: &mut dyn Write,
    header: &[&str],
    rows: &[Vec<String>],
) -> io::Result<()> {
    // Build in memory so that an output error (a closed pipe) reaches the
    // caller as the io::Error it is.
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header).map_err(csv_io)?;
    for r in rows {
        w.write_record(csv_visible(r)).map_err(csv_io)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| io::Error::other(e.to_string()))?;
    out.write_all(&bytes)
}

pub(crate) fn json_out<T: Serialize>(out: &mut dyn Write, items: &[T]) -> io::Result<()> {
    let mut bytes = Vec::new();
    super::json::pretty(&mut bytes, items)?;
    bytes.push(b'\n');
    out.write_all(&bytes)
}

/// `tasks`: each task as `filter` shows it ([`Filter::view`]).
pub fn tasks(
    out: &mut dyn Write,
    plan: &Plan,
    filter: &Filter,
    facts: &Facts<'_>,
    tasks: &[&Task],
    format: super::Format,
    lang: Lang,
) -> io::Result<()> {
    match format {
        super::Format::Json => {
            let items: Vec<_> = tasks
                .iter()
                .map(|t| task_json(plan, filter, facts, t))
                .collect();
            json_out(out, &items)
        }
        super::Format::Csv => tasks_csv(out, plan, filter, facts, tasks),
        super::Format::Table => tasks_table(out, plan, filter, facts, tasks, lang),
    }
}

/// `tasks --format table`: headers and values in `lang`.
fn tasks_table(
    out: &mut dyn Write,
    plan: &Plan,
    filter: &Filter,
    facts: &Facts<'_>,
    tasks: &[&Task],
    lang: Lang,
) -> io::Result<()> {
    let w = table_wording(lang);
    let rows: Vec<Vec<String>> = tasks
        .iter()
        .map(|t| {
            let view = filter.view(plan, t);
            vec![
                t.id.clone(),
                group_label(t.group),
                text::truncate(&t.title, 28),
                w.word(facts.state(&t.id)).to_string(),
                facts.counts(&view.indicators).met_text(),
                view.leaders().join("、"),
                view.persons().join("、"),
                w.word(facts.task_light(&view.indicators)).to_string(),
            ]
        })
        .collect();
    let keys = [
        C::Id,
        C::Group,
        C::Title,
        C::State,
        C::Met,
        C::Leaders,
        C::Persons,
        C::Light,
    ];
    table(out, &header(&keys, lang), &rows)
}

/// `tasks --format csv`: the JSON's fields, lists joined with `;`.
fn tasks_csv(
    out: &mut dyn Write,
    plan: &Plan,
    filter: &Filter,
    facts: &Facts<'_>,
    tasks: &[&Task],
) -> io::Result<()> {
    let rows: Vec<Vec<String>> = tasks
        .iter()
        .map(|t| {
            let j = task_json(plan, filter, facts, t);
            vec![
                j.id.to_string(),
                j.group.to_string(),
                csv_text(j.title),
                csv_text(&j.leaders.join(";")),
                csv_text(&j.units.join(";")),
                csv_text(&j.persons.join(";")),
                csv_text(&j.targets.join("\n")),
                j.state.to_string(),
                j.indicators.met().to_string(),
                j.indicators.total().to_string(),
                csv_text(j.note.unwrap_or("")),
                j.light.to_string(),
            ]
        })
        .collect();
    csv_out(
        out,
        &[
            "id",
            "group",
            "title",
            "leaders",
            "units",
            "persons",
            "targets",
            "state",
            "met",
            "indicators",
            "note",
            "light",
        ],
        &rows,
    )
}

/// `indicators`: each indicator with its target, actual and status.
pub fn indicators(
    out: &mut dyn Write,
    facts: &Facts<'_>,
    inds: &[&Indicator],
    format: super::Format,
    lang: Lang,
) -> io::Result<()> {
    match format {
        super::Format::Json => {
            let items: Vec<_> = inds.iter().map(|i| indicator_json(i, facts)).collect();
            json_out(out, &items)
        }
        super::Format::Csv => indicators_csv(out, facts, inds),
        super::Format::Table => indicators_table(out, facts, inds, lang),
    }
}

/// `indicators --format table`: headers and values in `lang`.
fn indicators_table(
    out: &mut dyn Write,
    facts: &Facts<'_>,
    inds: &[&Indicator],
    lang: Lang,
) -> io::Result<()> {
    let w = table_wording(lang);
    let num = |d: Option<Decimal>| {
        d.map_or_else(|| "-".into(), |d| d.round_dp(2).normalize().to_string())
    };
    let rows: Vec<Vec<String>> = inds
        .iter()
        .map(|i| {
            let pace = facts.pace(i);
            vec![
                i.id().to_string(),
                text::truncate(i.name(), 30),
                report::target_text(i, true, w),
                i.deadline.to_string(),
                facts
                    .actual(i)
                    .map_or_else(|| "-".into(), |a| report::actual_text(i, &a, w)),
                w.word(facts.status(i)).to_string(),
                pace.period
                    .map_or_else(|| "-".into(), |p| report::period_text(p, w)),
                num(pace.baseline),
                num(pace.expected()),
                w.word(pace.light()).to_string(),
            ]
        })
        .collect();
    let keys = [
        C::Id,
        C::Name,
        C::Target,
        C::Deadline,
        C::Actual,
        C::Status,
        C::Period,
        C::Baseline,
        C::Expected,
        C::Light,
    ];
    table(out, &header(&keys, lang), &rows)
}

/// `indicators --format csv`: every field of the JSON, one column each.
fn indicators_csv(out: &mut dyn Write, facts: &Facts<'_>, inds: &[&Indicator]) -> io::Result<()> {
    let rows: Vec<Vec<String>> = inds
        .iter()
        .map(|i| {
            let j = indicator_json(i, facts);
            vec![
                i.id().to_string(),
                i.task.to_string(),
                csv_text(i.name()),
                csv_text(i.unit.as_deref().unwrap_or("")),
                i.comparison.as_str().to_string(),
                i.target
                    .map(|d| d.normalize().to_string())
                    .unwrap_or_default(),
                i.stretch
                    .map(|d| d.normalize().to_string())
                    .unwrap_or_default(),
                i.deadline.to_string(),
                j.actual.map(|d| d.to_string()).unwrap_or_default(),
                j.done.map(|d| d.to_string()).unwrap_or_default(),
                j.status.to_string(),
                csv_text(j.note.unwrap_or("")),
                j.updated.unwrap_or_default(),
                csv_text(j.by.as_deref().unwrap_or("")),
                j.period.unwrap_or_default(),
                j.baseline.map(|d| d.to_string()).unwrap_or_default(),
                j.expected.map(|d| d.to_string()).unwrap_or_default(),
                j.light.to_string(),
            ]
        })
        .collect();
    csv_out(
        out,
        &[
            "id",
            "task",
            "name",
            "unit",
            "comparison",
            "target",
            "stretch",
            "deadline",
            "actual",
            "done",
            "status",
            "note",
            "updated",
            "by",
            "period",
            "baseline",
            "expected",
            "light",
        ],
        &rows,
    )
}
