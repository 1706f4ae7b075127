//! `export` and `import`: the Excel/WPS round trip, on the library's
//! [`crate::sheet`]. The export's rows are what `indicators` shows
//! ([`output::Facts`], the same filters); the import prints what it
//! records (or, `--dry-run`, would record), old → new, and refuses the
//! whole file with every reason by file:line (exit 2 for invalid cells, 3
//! for conflicts).

use std::fs;
use std::io::Write;
use std::path::Path;

use super::edit::{label, value_text};
use super::output::{self, Facts};
use super::{
    CliError, Context, Only, Pick, clock, given_user, open_ledger, open_ledger_full, user, warn,
};
use crate::ledger::{Batch, Conflict, Entry, Field, Ledger};
use crate::plan::{Indicator, Plan};
use crate::sheet::import::{self, Options};
use crate::sheet::{Change, Diff, Problem, Row, decode, export as sheet_export};

/// `export [FILTERS] [--status S] [--light L] [--stale] [--format F] [--out FILE]`.
pub fn export(
    cx: &mut Context<'_>,
    filter: &super::args::FilterArgs,
    only: &Only<'_>,
    format: super::args::SheetFormat,
    out: Option<&Path>,
) -> Result<(), CliError> {
    let plan = cx.plan;
    let pick = Pick::new(plan, filter, only)?;
    let ledger = open_ledger(cx.cli, cx.err)?;
    if let Some(path) = out {
        super::out::guard(path, ledger.path())?;
    }
    let facts = Facts {
        ledger: &ledger,
        today: clock(cx.cli).today,
        plan: plan.period,
    };
    let rows: Vec<Row> = pick
        .indicators(plan, &facts)
        .into_iter()
        .map(|i| row(plan, &facts, i))
        .collect();
    let mut bytes = Vec::new();
    let what = match format {
        super::args::SheetFormat::Csv => {
            sheet_export::write_csv(&mut bytes, &rows)?;
            "CSV, UTF-8 with BOM"
        }
        super::args::SheetFormat::Json => {
            let items: Vec<_> = rows.iter().map(Row::json).collect();
            output::json_out(&mut bytes, &items)?;
            "JSON"
        }
    };
    match out {
        None => cx.out.write_all(&bytes)?,
        Some(path) => {
            super::out::write_whole(path, &bytes)?;
            say!(
                cx.out,
                "wrote {} rows to {} ({what}), as of ledger line {}",
                rows.len(),
                path.display(),
                ledger.last_line()
            )?;
        }
    }
    Ok(())
}

/// An indicator's row, as `indicators` shows it.
fn row(plan: &Plan, facts: &Facts<'_>, ind: &Indicator) -> Row {
    let pace = facts.pace(ind);
    let task = plan.task(&ind.task);
    let owners = plan.row(&ind.row);
    let latest = facts.ledger.latest(ind.id());
    Row {
        id: ind.id().to_string(),
        group: task.map_or(0, |t| t.group),
        task: ind.task.to_string(),
        task_title: task.map(|t| t.title.clone()).unwrap_or_default(),
        name: ind.name().to_string(),
        unit: ind.unit.as_deref().map(str::to_string),
        comparison: ind.comparison.as_str(),
        target: ind.target,
        stretch: ind.stretch,
        deadline: ind.deadline,
        period: pace.period,
        actual: facts.actual(ind),
        expected: pace.expected(),
        light: pace.light().as_str(),
        status: facts.status(ind).as_str(),
        task_status: facts.state(&ind.task).as_str(),
        note: facts.ledger.note(ind.id()).map(String::from),
        leaders: owners.map(|r| r.leaders.clone()).unwrap_or_default(),
        units: owners.map_or_else(Vec::new, |r| {
            r.owners.iter().map(|o| o.unit.clone()).collect()
        }),
        persons: owners.map_or_else(Vec::new, |r| {
            r.owners.iter().map(|o| o.person.clone()).collect()
        }),
        changed: latest.as_ref().map(|e| e.time.to_string()),
        changed_by: latest.map(|e| e.user),
        ledger_line: facts.ledger.last_line(),
    }
}

/// `import FILE [--dry-run] [--force]`.
pub fn import(
    cx: &mut Context<'_>,
    file: &Path,
    dry_run: bool,
    force: bool,
) -> Result<(), CliError> {
    let (cli, plan) = (cx.cli, cx.plan);
    // A dry run records nothing: it needs no user name.
    let who = if dry_run {
        given_user(cli)?.unwrap_or_else(|| "-".into())
    } else {
        user(cli)?
    };
    let name = crate::text::visible(&file.display().to_string()).into_owned();
    let bytes = read_sheet(file, &name, largest_sheet(plan))?;
    let sheet = decode::read(&bytes).map_err(|u| {
        let at = u.line.map(|l| format!(":{l}")).unwrap_or_default();
        CliError::Usage(format!("{name}{at}: {}; nothing was recorded", u.message))
    })?;
    let clock = clock(cli);
    // Full: what each row's export saw is read back from the history.
    let mut ledger = open_ledger_full(cli, cx.err)?;
    let base = file
        .file_name()
        .map_or(name.clone(), |n| n.to_string_lossy().into_owned());
    let opts = Options {
        user: who,
        time: clock.now,
        today: clock.today,
        remark: Some(format!("imported from {}", crate::text::visible(&base))),
        force,
    };
    let diff = import::diff(plan, &ledger, &sheet, &opts)?;
    if dry_run {
        say!(
            cx.out,
            "{name}: {} ({}); {} (dry run: nothing recorded)",
            count(diff.rows, "row"),
            sheet.encoding.name(),
            count(diff.changes.len(), "change")
        )?;
        changes(cx.out, plan, &ledger, &name, &diff.changes)?;
        already(cx.out, &diff)?;
    }
    refuse(plan, &ledger, &name, &diff, force)?;
    if dry_run {
        return Ok(());
    }
    let read = format!(
        "{name}: {} ({})",
        count(diff.rows, "row"),
        sheet.encoding.name()
    );
    record(cx, &mut ledger, (&name, &read), diff, force)
}

/// The largest file `import` reads for `plan`: 16 MiB, or 2 KiB per
/// indicator when that is more (an export of the embedded plan is 40 KB;
/// one of 100,000 indicators about 40 MB). A bigger file (or an endless
/// one, `/dev/zero`) is refused before it fills the memory.
fn largest_sheet(plan: &Plan) -> u64 {
    (plan.indicators.len() as u64 * 2048).max(16 << 20)
}

/// Reads at most `limit` bytes of `file`; more is refused (exit 2).
fn read_sheet(file: &Path, name: &str, limit: u64) -> Result<Vec<u8>, CliError> {
    use std::io::Read;
    let cannot = |e: std::io::Error| {
        CliError::Usage(format!(
            "{name}: cannot read it: {e}; expected the CSV file to import"
        ))
    };
    let mut bytes = Vec::new();
    fs::File::open(file)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(cannot)?;
    if bytes.len() as u64 > limit {
        return Err(CliError::Usage(format!(
            "{name}: more than {} MiB; expected a sheet exported by `wudang-plan export` \
             (at most {} MiB for this plan); nothing was recorded",
            limit >> 20,
            limit >> 20
        )));
    }
    Ok(bytes)
}

fn count(n: usize, what: &str) -> String {
    match n {
        1 => format!("1 {what}"),
        _ => format!("{n} {what}s"),
    }
}

/// `file:5`, `file:5,9` or `file:5–9` (a run of lines).
fn at(name: &str, lines: &[u64]) -> String {
    let mut runs: Vec<(u64, u64)> = Vec::new();
    for &l in lines {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == l => *end = l,
            _ => runs.push((l, l)),
        }
    }
    let l: Vec<String> = runs
        .iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect();
    format!("{name}:{}", l.join(","))
}

/// What a change is about: `8.1 工业总产值 (2025)`, `8.1 工业总产值 note`,
/// `task 8 加快新型工业化 status`.
fn subject(plan: &Plan, c: &Change) -> String {
    let e = &c.edit;
    match (e.field, e.period) {
        (Field::Actual, Some(p)) => format!("{} ({p})", label(plan, &e.id)),
        (f, _) => format!("{} {f}", label(plan, &e.id)),
    }
}

/// One line per change: where, what, old → new (and whose change a forced
/// one records over).
fn changes(
    out: &mut dyn Write,
    plan: &Plan,
    ledger: &Ledger,
    name: &str,
    list: &[Change],
) -> Result<(), CliError> {
    for c in list {
        let e = &c.edit;
        let over = match &c.conflict {
            Some(k) => format!(", over {}", theirs(plan, ledger, k)),
            None => String::new(),
        };
        say!(
            out,
            "  {}: {}: {} → {}{over}",
            at(name, &c.lines),
            subject(plan, c),
            value_text(plan, &e.id, e.field, c.now.as_deref()),
            value_text(plan, &e.id, e.field, e.value.as_deref())
        )?;
    }
    Ok(())
}

/// `wangfang's 520 亿元 recorded at 2025-07-02T00:00:00+08:00 (actuals.csv:12)`.
fn theirs(plan: &Plan, ledger: &Ledger, k: &Conflict) -> String {
    format!(
        "{}'s {} recorded at {} ({}:{})",
        k.who.as_deref().unwrap_or("someone"),
        value_text(plan, &k.id, k.field, k.found.as_deref()),
        k.when.map(|t| t.to_string()).unwrap_or_default(),
        ledger.path().display(),
        k.line
    )
}

fn already(out: &mut dyn Write, diff: &Diff) -> Result<(), CliError> {
    if diff.already > 0 {
        say!(
            out,
            "{} already as the sheet has them (recorded since the export, by someone or by \
             an earlier import of this sheet): nothing to record for them",
            count(diff.already, "value")
        )?;
    }
    Ok(())
}

/// How many reasons a refused import lists (the rest are counted).
const MAX_LISTED: usize = 100;

/// The whole file refused, every reason listed by line: invalid cells
/// (exit 2), else conflicts unless `force` (exit 3).
fn refuse(
    plan: &Plan,
    ledger: &Ledger,
    name: &str,
    diff: &Diff,
    force: bool,
) -> Result<(), CliError> {
    let invalid = diff.problems.iter().filter(|p| !p.conflict).count();
    let conflicts: Vec<&Change> = match force {
        true => Vec::new(),
        false => diff.conflicts().collect(),
    };
    // Rows exported from a longer ledger (never with --force).
    let stale = diff.problems.len() - invalid;
    if invalid == 0 && conflicts.is_empty() && stale == 0 {
        return Ok(());
    }
    let mut lines: Vec<(u64, String)> = diff
        .problems
        .iter()
        .map(|p| (p.lines.first().copied().unwrap_or(0), problem(name, p)))
        .collect();
    for c in &conflicts {
        lines.push((c.lines[0], conflict(plan, ledger, (name, diff), c)));
    }
    lines.sort_by_key(|(l, _)| *l);
    let more = lines.len().saturating_sub(MAX_LISTED);
    let mut text: Vec<String> = lines.into_iter().take(MAX_LISTED).map(|(_, s)| s).collect();
    if more > 0 {
        text.push(format!("{name}: … and {more} more"));
    }
    let n_conflicts = conflicts.len() + stale;
    if invalid > 0 {
        let also = match n_conflicts {
            0 => String::new(),
            n => format!(", {}", count(n, "conflict")),
        };
        return Err(CliError::Usage(format!(
            "{}\n{name}: nothing was recorded ({}{also}); fix them and import again",
            text.join("\n"),
            count(invalid, "problem")
        )));
    }
    Err(CliError::Refused(format!(
        "{}\n{name}: nothing was recorded ({}): the ledger changed after this sheet was \
         exported; export again and redo these cells, or import with --force to record the \
         sheet's values over them",
        text.join("\n"),
        count(n_conflicts, "conflict")
    )))
}

/// `file:7: column `actual`: why`.
fn problem(name: &str, p: &Problem) -> String {
    let col = p
        .column
        .as_deref()
        .map(|c| format!("column `{c}`: "))
        .unwrap_or_default();
    format!("{}: {col}{}", at(name, &p.lines), p.message)
}

/// A cell edited in the sheet whose value the ledger changed since the
/// export.
fn conflict(plan: &Plan, ledger: &Ledger, (name, diff): (&str, &Diff), c: &Change) -> String {
    let e = &c.edit;
    let seen = match &e.expect {
        crate::ledger::Expect::Row { value, .. } => value.as_deref(),
        _ => None,
    };
    let theirs = c
        .conflict
        .as_ref()
        .map_or_else(String::new, |k| theirs(plan, ledger, k));
    let col = diff.header.label(c.column);
    format!(
        "{}: column `{col}`: {}: the sheet changes {} to {}, but the ledger has {theirs}, after \
         this sheet was exported",
        at(name, &c.lines),
        subject(plan, c),
        value_text(plan, &e.id, e.field, seen),
        value_text(plan, &e.id, e.field, e.value.as_deref()),
    )
}

/// Appends the changes (one batch, all or none) and says what was
/// recorded.
fn record(
    cx: &mut Context<'_>,
    ledger: &mut Ledger,
    (name, read): (&str, &str),
    diff: Diff,
    force: bool,
) -> Result<(), CliError> {
    let plan = cx.plan;
    if diff.changes.is_empty() {
        let why = match diff.already {
            0 => ": every cell is as exported",
            _ => "",
        };
        say!(cx.out, "{read}; nothing to record{why}")?;
        return already(cx.out, &diff);
    }
    let edits = diff.changes.iter().map(|c| c.edit.clone()).collect();
    let batch = ledger.append_all(edits, force)?;
    warn(cx.err, ledger.warnings(), cx.cli.lang.into());
    let (rows, unchanged, overridden) = match batch {
        Batch::Recorded {
            rows,
            unchanged,
            overridden,
        } => (rows, unchanged, overridden),
        // A colleague's change between reading and the lock.
        Batch::Refused(found) => {
            let text: Vec<String> = found
                .iter()
                .map(|(i, k)| {
                    let mut c = diff.changes[*i].clone();
                    c.conflict = Some(k.clone());
                    conflict(plan, ledger, (name, &diff), &c)
                })
                .collect();
            return Err(CliError::Refused(format!(
                "{}\n{name}: nothing was recorded: the ledger changed while importing; run the \
                 import again",
                text.join("\n")
            )));
        }
    };
    recorded(
        cx.out,
        plan,
        ledger,
        (name, read),
        &diff,
        &rows,
        &overridden,
    )?;
    if !unchanged.is_empty() {
        say!(
            cx.out,
            "{} recorded by someone else meanwhile: nothing recorded for them",
            count(unchanged.len(), "value")
        )?;
    }
    already(cx.out, &diff)
}

/// What was recorded: one line per row appended (old → new), whose
/// change a forced one recorded over, who and where.
fn recorded(
    out: &mut dyn Write,
    plan: &Plan,
    ledger: &Ledger,
    (name, read): (&str, &str),
    diff: &Diff,
    rows: &[(usize, Entry)],
    overridden: &[(usize, Conflict)],
) -> Result<(), CliError> {
    let (Some((_, first)), Some((_, last))) = (rows.first(), rows.last()) else {
        say!(out, "{read}; nothing recorded")?;
        return Ok(());
    };
    say!(out, "{read}; recorded {}:", count(rows.len(), "change"))?;
    for (i, e) in rows {
        let c = &diff.changes[*i];
        let over = match overridden.iter().find(|(j, _)| j == i) {
            Some((_, k)) => format!(", over {}", theirs(plan, ledger, k)),
            None => String::new(),
        };
        say!(
            out,
            "  {}: {}: {} → {}{over}",
            at(name, &c.lines),
            subject(plan, c),
            value_text(plan, &e.id, e.field, e.old.as_deref()),
            value_text(plan, &e.id, e.field, e.value.as_deref())
        )?;
    }
    let lines = if first.line == last.line {
        first.line.to_string()
    } else {
        format!("{}–{}", first.line, last.line)
    };
    say!(
        out,
        "recorded by {} at {} ({}:{lines})",
        first.user,
        first.time,
        ledger.path().display()
    )?;
    Ok(())
}
