//! The files in use and the ledger file itself: `paths`, `ledger check`,
//! `ledger convert`.

use std::io::Write;
use std::path::Path;

use super::args::LedgerCommand;
use super::progress::Bar;
use super::{Cli, CliError, clock, ledger_path, load_plan, open_ledger_full, warn};
use crate::ledger::{self, Converted, Ledger};
use crate::plan::snapshot;
use crate::text;
use crate::vocab::{Lang, M, Msg};

/// An optional part of a line, in both languages (empty in both when
/// `None`).
fn optional(key: Option<M>) -> (&'static str, &'static str) {
    key.map_or(("", ""), |k| (k.get(Lang::Zh), k.get(Lang::En)))
}

/// `msg` in the command line's language, on its own line.
fn line(out: &mut dyn Write, lang: Lang, msg: Msg) -> std::io::Result<()> {
    writeln!(out, "{}", msg.text(lang))
}

/// A path for the terminal: control and format characters as escapes.
fn shown(p: &std::path::Path) -> String {
    text::visible(&p.display().to_string()).into_owned()
}

/// `paths`: the files in use.
pub fn paths(cli: &Cli, out: &mut dyn Write) -> Result<(), CliError> {
    let lang: Lang = cli.lang.into();
    match &super::plan_dir(cli) {
        Some(dir) => line(out, lang, Msg::new(M::PathsPlan).arg("dir", shown(dir)))?,
        None => line(out, lang, Msg::new(M::PathsPlanEmbedded))?,
    }
    plan_snapshot(cli, out)?;
    let path = ledger_path(cli)?;
    let at = |key: M, p: &Path| Msg::new(key).arg("path", shown(p));
    line(out, lang, at(M::PathsLedger, &path))?;
    line(out, lang, at(M::PathsLock, &ledger::lock_path(&path)))?;
    line(out, lang, at(M::PathsTorn, &ledger::torn_path(&path)))?;
    line(
        out,
        lang,
        at(M::PathsCheckpoint, &ledger::checkpoint_path(&path)),
    )?;
    line(
        out,
        lang,
        at(M::PathsCheckpointSeen, &ledger::seen_path(&path)),
    )?;
    Ok(())
}

/// `paths`' lines on the plan snapshot (docs/data.md, "The plan
/// snapshot"): `plan.snap` beside the seeds and its fallback in the user's
/// cache directory, each with whether it is there; a plan whose seed files
/// are under 1 MiB in all uses none, the embedded plan has none.
fn plan_snapshot(cli: &Cli, out: &mut dyn Write) -> Result<(), CliError> {
    let lang: Lang = cli.lang.into();
    let Some(dir) = &super::plan_dir(cli) else {
        line(out, lang, Msg::new(M::PathsNoSnapshot))?;
        return Ok(());
    };
    let unused = snapshot::seeds_len(dir) < snapshot::SNAPSHOT_MIN_LEN;
    let state = |p: &Path| {
        let there = Msg::new(if p.exists() {
            M::PathsExists
        } else {
            M::PathsAbsent
        });
        if unused {
            Msg::new(M::PathsUnused).sub("there", there)
        } else {
            there
        }
    };
    let beside = snapshot::snapshot_path(dir);
    let at = |key: M, p: &Path| Msg::new(key).arg("path", shown(p)).sub("state", state(p));
    line(out, lang, at(M::PathsSnapshot, &beside))?;
    match snapshot::cache_path(dir) {
        Some(p) => line(out, lang, at(M::PathsSnapshotFallback, &p))?,
        None => line(out, lang, Msg::new(M::PathsNoFallback))?,
    }
    Ok(())
}

/// `ledger check`: reads the whole ledger (rows that don't parse stop it,
/// exit 1), then reports, exit 1 if any: text with control characters,
/// rows with more fields than the header, ids the plan (embedded or
/// `--plan`) does not know. Rows edited outside wudang-plan (a broken chain
/// of `old` values) and a cut-short last line are warnings (exit 0).
fn check(cli: &Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), CliError> {
    let lang: Lang = cli.lang.into();
    let plan = load_plan(cli)?;
    let l = open_ledger_full(cli, err)?;
    let path = shown(l.path());
    if !l.exists() {
        line(out, lang, Msg::new(M::CheckNoLedger).arg("path", &path))?;
        return Ok(());
    }
    if !l.has_header() {
        let empty = Msg::new(M::CheckEmpty).arg("path", &path).words(
            "encoding",
            l.encoding().name_zh(),
            l.encoding().name(),
        );
        line(out, lang, empty)?;
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
    let ok = optional((audit.total == 0).then_some(M::CheckOk));
    let format = Msg::new(if l.has_period_column() == Some(false) {
        M::CheckFirstRelease
    } else {
        M::CheckWithPeriod
    });
    let summary = Msg::new(M::CheckSummary)
        .words("ok", ok.0, ok.1)
        .arg("path", &path)
        .arg("rows", l.len())
        .arg("ids", l.ids().count())
        .words("encoding", l.encoding().name_zh(), l.encoding().name())
        .sub("format", format);
    line(out, lang, summary)?;
    for f in &audit.findings {
        let finding = Msg::new(M::LedgerLine)
            .arg("path", &path)
            .arg("line", f.line)
            .sub("problem", f.message.clone());
        line(out, lang, finding)?;
    }
    if audit.total > audit.findings.len() {
        let more = audit.total - audit.findings.len();
        line(out, lang, Msg::new(M::CheckMore).arg("n", more))?;
    }
    chain_breaks(&l, &path, out, lang)?;
    if l.encoding() == ledger::Encoding::Gb18030 {
        line(out, lang, Msg::new(M::CheckConvertFirst))?;
    }
    if audit.total > 0 {
        let key = if audit.total == 1 {
            M::CheckProblem
        } else {
            M::CheckProblems
        };
        return Err(CliError::Problems(
            Msg::new(key).arg("path", &path).arg("n", audit.total),
        ));
    }
    Ok(())
}

/// `ledger check`'s warnings on rows whose `old` breaks the chain.
fn chain_breaks(l: &Ledger, path: &str, out: &mut dyn Write, lang: Lang) -> Result<(), CliError> {
    let (breaks, count) = l.chain_breaks();
    for b in breaks {
        let warning = Msg::new(M::CheckChainWarning)
            .arg("path", path)
            .arg("line", b.line)
            .sub("problem", b.msg());
        line(out, lang, warning)?;
    }
    if count > breaks.len() {
        let more = count - breaks.len();
        line(out, lang, Msg::new(M::CheckChainMore).arg("n", more))?;
    }
    if count > 0 {
        let key = if count == 1 {
            M::CheckChainRow
        } else {
            M::CheckChainRows
        };
        line(out, lang, Msg::new(key).arg("n", count))?;
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
    let lang: Lang = cli.lang.into();
    let path = ledger_path(cli)?;
    match command {
        LedgerCommand::Check => check(cli, out, err)?,
        LedgerCommand::Convert => match convert(&path, clock(cli).now, lang)? {
            Converted::AlreadyUtf8 => {
                let msg = Msg::new(M::ConvertNothingToDo).arg("path", path.display());
                line(out, lang, msg)?;
            }
            Converted::Done {
                from,
                period_added,
                rows,
                backup,
                warnings,
            } => {
                warn(err, &warnings, lang);
                let added = optional(period_added.then_some(M::ConvertAddedPeriod));
                let done = Msg::new(M::ConvertDone)
                    .arg("path", path.display())
                    .words("from", from.name_zh(), from.name())
                    .arg("rows", rows)
                    .words("added", added.0, added.1);
                line(out, lang, done)?;
                let backup = Msg::new(M::ConvertBackup).arg("path", backup.display());
                line(out, lang, backup)?;
            }
        },
    }
    Ok(())
}

/// `ledger convert` with a progress bar.
fn convert(path: &std::path::Path, now: ledger::Stamp, lang: Lang) -> Result<Converted, CliError> {
    // A clone of another host's ledger is read only (the city's view).
    super::city::guard(path)?;
    let working = super::progress::doing(M::ProgressConverting, path, lang);
    let mut bar = Bar::new(working);
    Ok(ledger::convert_with(path, now, &mut bar)?)
}
