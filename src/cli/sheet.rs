//! `export` and `import`: the Excel/WPS round trip, on the library's
//! [`crate::sheet`]. The export's rows are what `indicators` shows
//! ([`output::Facts`], the same filters); the import prints what it
//! records (or, `--dry-run`, would record), old → new, and refuses the
//! whole file with every reason by file:line (exit 2 for invalid cells, 3
//! for conflicts).

use std::fs;
use std::io::Write;
use std::path::Path;

use super::edit::{label_both, lang, value_both};
use super::output::{self, Facts};
use super::words::{Both, WithBoth};
use super::{
    CliError, Context, Only, Pick, clock, given_user, open_ledger, open_ledger_full, user, warn,
};
use crate::ledger::{Batch, Conflict, Entry, Field, Ledger};
use crate::plan::{Indicator, Plan};
use crate::sheet::import::{self, Options};
use crate::sheet::{Change, Diff, Problem, Row, decode, export as sheet_export};
use crate::vocab::{Lang, M, Msg};

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
    let m = Msg::new(M::ExportWrote);
    let m = match format {
        super::args::SheetFormat::Csv => {
            sheet_export::write_csv(&mut bytes, &rows)?;
            m.sub("what", M::ExportCsv.into())
        }
        super::args::SheetFormat::Json => {
            let items: Vec<_> = rows.iter().map(Row::json).collect();
            output::json_out(&mut bytes, &items)?;
            m.arg("what", "JSON")
        }
    };
    match out {
        None => cx.out.write_all(&bytes)?,
        Some(path) => {
            super::out::write_whole(path, &bytes)?;
            let m = m
                .arg("rows", rows.len())
                .arg("path", path.display())
                .arg("line", ledger.last_line());
            say!(cx.out, "{}", m.text(lang(cx)))?;
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
    let (cli, plan, lang) = (cx.cli, cx.plan, lang(cx));
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
        CliError::Usage(
            Msg::new(M::SheetUndecodable)
                .arg("at", format!("{name}{at}"))
                .sub("reason", u.message.clone()),
        )
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
        // Stored in the ledger: the English, whatever the language.
        remark: Some(
            Msg::new(M::ImportedFrom)
                .arg("file", crate::text::visible(&base))
                .text(Lang::En),
        ),
        force,
    };
    let diff = import::diff(plan, &ledger, &sheet, &opts)?;
    let read = Msg::new(M::ImportRead)
        .arg("file", &name)
        .sub("rows", count(diff.rows, M::CountRow, M::CountRows))
        .both("encoding", encoding(sheet.encoding));
    if dry_run {
        let m = Msg::new(M::ImportDryRun).sub("read", read.clone()).sub(
            "changes",
            count(diff.changes.len(), M::CountChange, M::CountChanges),
        );
        say!(cx.out, "{}", m.text(lang))?;
        changes(cx.out, (plan, &ledger, lang), &name, &diff.changes)?;
        already(cx.out, &diff, lang)?;
    }
    refuse(plan, &ledger, &name, &diff, force)?;
    if dry_run {
        return Ok(());
    }
    record(cx, &mut ledger, (&name, read), diff, force)
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
        CliError::Usage(
            Msg::new(M::SheetUnreadable)
                .arg("file", name)
                .both("error", super::words::io_reason(&e)),
        )
    };
    let mut bytes = Vec::new();
    fs::File::open(file)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(cannot)?;
    if bytes.len() as u64 > limit {
        return Err(CliError::Usage(
            Msg::new(M::SheetTooBig)
                .arg("file", name)
                .arg("mib", limit >> 20),
        ));
    }
    Ok(bytes)
}

/// The sheet's encoding: `UTF-8 with BOM`, UTF-8 带 BOM.
fn encoding(e: crate::ledger::store::Encoding) -> Both {
    use crate::ledger::store::Encoding;
    let zh = match e {
        Encoding::Utf8 { bom: true } => "UTF-8 带 BOM",
        Encoding::Utf8 { bom: false } => "UTF-8 无 BOM",
        Encoding::Gb18030 => "GB18030",
    };
    Both {
        zh: zh.into(),
        en: e.name().into(),
    }
}

/// `1 row`, `3 rows`: `one` for 1, else `many` with `{n}`.
fn count(n: usize, one: M, many: M) -> Msg {
    match n {
        1 => Msg::new(one),
        _ => Msg::new(many).arg("n", n),
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
fn subject(plan: &Plan, c: &Change) -> Both {
    let e = &c.edit;
    let label = label_both(plan, &e.id);
    match (e.field, e.period) {
        (Field::Actual, Some(p)) => Both::of(
            Msg::new(M::ImportSubjectPeriod)
                .both("label", label)
                .both("period", Both::period(p)),
        ),
        (f, _) => {
            let field = Both::field(f);
            Both {
                zh: format!("{} {}", label.zh, field.zh),
                en: format!("{} {}", label.en, field.en),
            }
        }
    }
}

/// The plan, the ledger and the language a listing is written with.
type Listing<'a> = (&'a Plan, &'a Ledger, Lang);

/// One line of a change: where, what, old → new (and whose change a
/// forced one records over).
fn change_line(
    (plan, ledger, lang): Listing<'_>,
    name: &str,
    c: &Change,
    (old, new): (Option<&str>, Option<&str>),
    over: Option<&Conflict>,
) -> String {
    let e = &c.edit;
    let m = Msg::new(M::ImportChange)
        .arg("at", at(name, &c.lines))
        .both("subject", subject(plan, c))
        .both("old", value_both(plan, &e.id, e.field, old))
        .both("new", value_both(plan, &e.id, e.field, new));
    let m = match over {
        Some(k) => m.sub(
            "over",
            Msg::new(M::ImportOver).sub("theirs", theirs(plan, ledger, k)),
        ),
        None => m.arg("over", ""),
    };
    m.text(lang)
}

/// One line per change: where, what, old → new (and whose change a forced
/// one records over).
fn changes(
    out: &mut dyn Write,
    listing: Listing<'_>,
    name: &str,
    list: &[Change],
) -> Result<(), CliError> {
    for c in list {
        let values = (c.now.as_deref(), c.edit.value.as_deref());
        let line = change_line(listing, name, c, values, c.conflict.as_ref());
        say!(out, "{line}")?;
    }
    Ok(())
}

/// `wangfang's 520 亿元 recorded at 2025-07-02T00:00:00+08:00 (actuals.csv:12)`.
fn theirs(plan: &Plan, ledger: &Ledger, k: &Conflict) -> Msg {
    let who = match k.who.as_deref() {
        Some(w) => Both::same(w),
        None => Both::of(M::Someone.into()),
    };
    Msg::new(M::ImportTheirs)
        .both("who", who)
        .both(
            "value",
            value_both(plan, &k.id, k.field, k.found.as_deref()),
        )
        .arg("time", k.when.map(|t| t.to_string()).unwrap_or_default())
        .arg("path", ledger.path().display())
        .arg("line", k.line)
}

fn already(out: &mut dyn Write, diff: &Diff, lang: Lang) -> Result<(), CliError> {
    if diff.already > 0 {
        let values = count(diff.already, M::CountValue, M::CountValues);
        let m = Msg::new(M::ImportAlready).sub("values", values);
        say!(out, "{}", m.text(lang))?;
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
    let mut lines: Vec<(u64, Msg)> = diff
        .problems
        .iter()
        .map(|p| (p.lines.first().copied().unwrap_or(0), problem(name, p)))
        .collect();
    for c in &conflicts {
        lines.push((c.lines[0], conflict(plan, ledger, (name, diff), c)));
    }
    lines.sort_by_key(|(l, _)| *l);
    let more = lines.len().saturating_sub(MAX_LISTED);
    let mut text: Vec<Msg> = lines.into_iter().take(MAX_LISTED).map(|(_, s)| s).collect();
    if more > 0 {
        text.push(Msg::new(M::ImportMore).arg("file", name).arg("n", more));
    }
    let list = joined(&text);
    let n_conflicts = conflicts.len() + stale;
    if invalid > 0 {
        let m = Msg::new(M::ImportInvalid)
            .both("list", list)
            .arg("file", name)
            .sub(
                "problems",
                count(invalid, M::CountProblem, M::CountProblems),
            );
        let m = match n_conflicts {
            0 => m.arg("also", ""),
            n => m.sub(
                "also",
                Msg::new(M::AlsoConflicts)
                    .sub("conflicts", count(n, M::CountConflict, M::CountConflicts)),
            ),
        };
        return Err(CliError::Usage(m));
    }
    Err(CliError::Refused(
        Msg::new(M::ImportConflicts)
            .both("list", list)
            .arg("file", name)
            .sub(
                "conflicts",
                count(n_conflicts, M::CountConflict, M::CountConflicts),
            ),
    ))
}

/// Messages one a line, in both languages.
fn joined(list: &[Msg]) -> Both {
    let join = |lang| {
        let lines: Vec<String> = list.iter().map(|m| m.text(lang)).collect();
        lines.join("\n")
    };
    Both {
        zh: join(Lang::Zh),
        en: join(Lang::En),
    }
}

/// `file:7: column `actual`: why`.
fn problem(name: &str, p: &Problem) -> Msg {
    let m = Msg::new(M::ImportProblem)
        .arg("at", at(name, &p.lines))
        .sub("reason", p.message.clone());
    match p.column.as_deref() {
        Some(c) => m.sub("col", Msg::new(M::ImportColumn).arg("column", c)),
        None => m.arg("col", ""),
    }
}

/// A cell edited in the sheet whose value the ledger changed since the
/// export.
fn conflict(plan: &Plan, ledger: &Ledger, (name, diff): (&str, &Diff), c: &Change) -> Msg {
    let e = &c.edit;
    let seen = match &e.expect {
        crate::ledger::Expect::Row { value, .. } => value.as_deref(),
        _ => None,
    };
    let m = Msg::new(M::ImportConflict)
        .arg("at", at(name, &c.lines))
        .arg("column", diff.header.label(c.column))
        .both("subject", subject(plan, c))
        .both("seen", value_both(plan, &e.id, e.field, seen))
        .both(
            "value",
            value_both(plan, &e.id, e.field, e.value.as_deref()),
        );
    match c.conflict.as_ref() {
        Some(k) => m.sub("theirs", theirs(plan, ledger, k)),
        None => m.arg("theirs", ""),
    }
}

/// Appends the changes (one batch, all or none) and says what was
/// recorded.
fn record(
    cx: &mut Context<'_>,
    ledger: &mut Ledger,
    (name, read): (&str, Msg),
    diff: Diff,
    force: bool,
) -> Result<(), CliError> {
    let (plan, lang) = (cx.plan, lang(cx));
    if diff.changes.is_empty() {
        let m = Msg::new(M::ImportNothingToRecord).sub("read", read);
        let m = match diff.already {
            0 => m.sub("why", M::ImportAsExported.into()),
            _ => m.arg("why", ""),
        };
        say!(cx.out, "{}", m.text(lang))?;
        return already(cx.out, &diff, lang);
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
            let text: Vec<Msg> = found
                .iter()
                .map(|(i, k)| {
                    let mut c = diff.changes[*i].clone();
                    c.conflict = Some(k.clone());
                    conflict(plan, ledger, (name, &diff), &c)
                })
                .collect();
            return Err(CliError::Refused(
                Msg::new(M::ImportRaced)
                    .both("list", joined(&text))
                    .arg("file", name),
            ));
        }
    };
    let listing = (plan, &*ledger, lang);
    recorded(cx.out, listing, (name, read), &diff, &rows, &overridden)?;
    if !unchanged.is_empty() {
        let values = count(unchanged.len(), M::CountValue, M::CountValues);
        let m = Msg::new(M::ImportMeanwhile).sub("values", values);
        say!(cx.out, "{}", m.text(lang))?;
    }
    already(cx.out, &diff, lang)
}

/// What was recorded: one line per row appended (old → new), whose
/// change a forced one recorded over, who and where.
fn recorded(
    out: &mut dyn Write,
    listing: Listing<'_>,
    (name, read): (&str, Msg),
    diff: &Diff,
    rows: &[(usize, Entry)],
    overridden: &[(usize, Conflict)],
) -> Result<(), CliError> {
    let (_, ledger, lang) = listing;
    let (Some((_, first)), Some((_, last))) = (rows.first(), rows.last()) else {
        let m = Msg::new(M::ImportNothingRecorded).sub("read", read);
        say!(out, "{}", m.text(lang))?;
        return Ok(());
    };
    let m = Msg::new(M::ImportRecorded).sub("read", read).sub(
        "changes",
        count(rows.len(), M::CountChange, M::CountChanges),
    );
    say!(out, "{}", m.text(lang))?;
    for (i, e) in rows {
        let c = &diff.changes[*i];
        let over = overridden.iter().find(|(j, _)| j == i).map(|(_, k)| k);
        let values = (e.old.as_deref(), e.value.as_deref());
        let line = change_line(listing, name, c, values, over);
        say!(out, "{line}")?;
    }
    let lines = if first.line == last.line {
        first.line.to_string()
    } else {
        format!("{}–{}", first.line, last.line)
    };
    let m = Msg::new(M::Recorded)
        .arg("user", &first.user)
        .arg("time", first.time)
        .arg("path", ledger.path().display())
        .arg("line", lines);
    say!(out, "{}", m.text(lang))?;
    Ok(())
}
