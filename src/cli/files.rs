//! The files in use and the ledger file itself: `paths`, `ledger check`,
//! `ledger convert`.

use std::io::Write;
use std::path::Path;

use super::args::LedgerCommand;
use super::progress::{Bar, what};
use super::{Cli, CliError, clock, ledger_path, load_plan, open_ledger_full, warn};
use crate::ledger::{self, Converted, Ledger};
use crate::plan::snapshot;
use crate::text;

/// A path for the terminal: control and format characters as escapes.
fn shown(p: &std::path::Path) -> String {
    text::visible(&p.display().to_string()).into_owned()
}

/// `paths`: the files in use.
pub fn paths(cli: &Cli, out: &mut dyn Write) -> Result<(), CliError> {
    match &cli.plan {
        Some(dir) => writeln!(out, "plan: {}", shown(dir))?,
        None => writeln!(out, "plan: embedded (seeds/ compiled into the binary)")?,
    }
    plan_snapshot(cli, out)?;
    let path = ledger_path(cli)?;
    writeln!(out, "ledger: {}", shown(&path))?;
    writeln!(out, "lock: {}", shown(&ledger::lock_path(&path)))?;
    writeln!(out, "torn: {}", shown(&ledger::torn_path(&path)))?;
    writeln!(
        out,
        "checkpoint: {}",
        shown(&ledger::checkpoint_path(&path))
    )?;
    Ok(())
}

/// `paths`' lines on the plan snapshot (docs/data.md, "The plan
/// snapshot"): `plan.snap` beside the seeds and its fallback in the user's
/// cache directory, each with whether it is there; a plan whose seed files
/// are under 1 MiB in all uses none, the embedded plan has none.
fn plan_snapshot(cli: &Cli, out: &mut dyn Write) -> Result<(), CliError> {
    let Some(dir) = &cli.plan else {
        writeln!(out, "plan snapshot: none (the embedded plan has none)")?;
        return Ok(());
    };
    let unused = snapshot::seeds_len(dir) < snapshot::SNAPSHOT_MIN_LEN;
    let state = |p: &Path| {
        let there = if p.exists() { "exists" } else { "absent" };
        if unused {
            format!("{there}; not used: seed files under 1 MiB are parsed each time")
        } else {
            there.to_string()
        }
    };
    let beside = snapshot::snapshot_path(dir);
    writeln!(
        out,
        "plan snapshot: {} ({})",
        shown(&beside),
        state(&beside)
    )?;
    match snapshot::cache_path(dir) {
        Some(p) => writeln!(out, "plan snapshot fallback: {} ({})", shown(&p), state(&p))?,
        None => writeln!(
            out,
            "plan snapshot fallback: none (no home directory, or the plan directory does not \
             resolve)"
        )?,
    }
    Ok(())
}

/// `ledger check`: reads the whole ledger (rows that don't parse stop it,
/// exit 1), then reports, exit 1 if any: text with control characters,
/// rows with more fields than the header, ids the plan (embedded or
/// `--plan`) does not know. Rows edited outside wudang-plan (a broken chain
/// of `old` values) and a cut-short last line are warnings (exit 0).
fn check(cli: &Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), CliError> {
    let plan = load_plan(cli)?;
    let l = open_ledger_full(cli, err)?;
    let path = shown(l.path());
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
    let known = |id: &str| plan.indicator(id).is_some() || plan.task(id).is_some();
    let checking = crate::vocab::M::ProgressChecking;
    let mut bar = Bar::new(super::progress::doing(checking, l.path(), cli.lang.into()));
    let audit = l.audit_with(&known, &mut bar)?;
    drop(bar);
    // The full read replaces the checkpoint: one made before an edit in
    // place that it cannot notice (same length, same first and last
    // bytes: docs/data.md, "The checkpoint") is repaired here. Best effort,
    // as every checkpoint write.
    if l.len() >= crate::ledger::CHECKPOINT_ROWS {
        let _ = l.save_checkpoint();
    }
    writeln!(
        out,
        "{}{path}: {} rows for {} ids, {}, {}",
        if audit.total == 0 { "ok: " } else { "" },
        l.len(),
        l.ids().count(),
        l.encoding().name(),
        if l.has_period_column() == Some(false) {
            "first-release format (no period column: each row belongs to the year of its \
             time stamp; `wudang-plan ledger convert` adds it)"
        } else {
            "with the period column"
        }
    )?;
    for f in &audit.findings {
        writeln!(out, "{path}:{}: {}", f.line, f.message)?;
    }
    if audit.total > audit.findings.len() {
        writeln!(out, "… and {} more", audit.total - audit.findings.len())?;
    }
    chain_breaks(&l, &path, out)?;
    if l.encoding() == ledger::Encoding::Gb18030 {
        writeln!(
            out,
            "convert it before editing: wudang-plan ledger convert (keeps a backup copy)"
        )?;
    }
    if audit.total > 0 {
        return Err(CliError::Problems(
            crate::vocab::Msg::new(crate::vocab::M::CheckProblems)
                .arg("path", &path)
                .arg("n", audit.total)
                .words("s", "", if audit.total == 1 { "" } else { "s" }),
        ));
    }
    Ok(())
}

/// `ledger check`'s warnings on rows whose `old` breaks the chain.
fn chain_breaks(l: &Ledger, path: &str, out: &mut dyn Write) -> Result<(), CliError> {
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
        LedgerCommand::Convert => match convert(&path, clock(cli).now)? {
            Converted::AlreadyUtf8 => {
                writeln!(
                    out,
                    "{}: already UTF-8 with BOM; nothing to do",
                    path.display()
                )?;
            }
            Converted::Done {
                from,
                period_added,
                rows,
                backup,
                warnings,
            } => {
                warn(err, &warnings);
                writeln!(
                    out,
                    "converted {} from {} to UTF-8 with BOM ({rows} rows){}",
                    path.display(),
                    from.name(),
                    if period_added {
                        "; added the period column (each actual's period is the year of its \
                         time stamp, as before)"
                    } else {
                        ""
                    }
                )?;
                writeln!(out, "backup of the original: {}", backup.display())?;
            }
        },
    }
    Ok(())
}

/// `ledger convert` with a progress bar.
fn convert(path: &std::path::Path, now: ledger::Stamp) -> Result<Converted, ledger::LedgerError> {
    let mut bar = Bar::new(what("converting", path));
    ledger::convert_with(path, now, &mut bar)
}
