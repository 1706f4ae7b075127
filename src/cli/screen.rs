//! No subcommand on a terminal: the full-screen UI, started by the
//! command line (the ledger read on its own thread, the plan loaded, why
//! it only reads, if it does).

use std::io::Write;

use super::words::{Worded, io_error};
use super::{Cli, CliError, clock, given_user, ledger_path, load_plan, warn};
use crate::ledger::Ledger;
use crate::plan::Plan;
use crate::vocab::M;

/// What the full-screen UI reads of the ledger, on its own thread: the
/// ledger (through its checkpoint), its [`crate::report::Progress`] as of
/// `today`, and its warnings as text (one `wudang-plan: warning:` line
/// each). No progress bar: the screen is up by then, and says the ledger
/// is being read.
fn ui_ledger(
    cli: &Cli,
    today: jiff::civil::Date,
) -> Result<(Ledger, crate::report::Progress, Vec<u8>), CliError> {
    // Lean: the ledger keeps no copy of the rows `Progress` holds
    // (docs/architecture.md, "Data").
    let mut warnings = Vec::new();
    let path = ledger_path(cli)?;
    let (ledger, progress) =
        crate::report::Progress::read_lean(&path, today, &mut crate::ledger::NoProgress)?;
    warn(&mut warnings, ledger.warnings(), cli.lang.into());
    Ok((ledger, progress, warnings))
}

/// The UI's ledger thread: [`ui_ledger`], then every indicator judged by
/// it once the plan is handed over (`plan_given`), for the UI to take in
/// without judging anything on its own thread. At a lower priority (nice
/// 10, this thread only): on a busy machine the plan, and with it the
/// first frame, goes first.
fn read_for_ui(
    cli: &Cli,
    today: jiff::civil::Date,
    plan_given: &std::sync::mpsc::Receiver<std::sync::Arc<Plan>>,
) -> Result<crate::ui::Ready, CliError> {
    // Linux: the nice value of the calling thread only (no error if refused).
    let _ = rustix::process::setpriority_process(None, 10);
    let (ledger, progress, warnings) = ui_ledger(cli, today)?;
    // No plan: it failed, and is reported instead.
    let plan = plan_given
        .recv()
        .map_err(|_| CliError::Io(io_error(std::io::ErrorKind::Other, M::PlanNotLoaded.into())))?;
    Ok(ready_for_ui(&plan, ledger, progress, warnings))
}

/// The UI's ledger read again (it could not be read, and its file has
/// changed since): as [`read_for_ui`], the plan at hand.
fn read_again_for_ui(
    cli: &Cli,
    today: jiff::civil::Date,
    plan: &Plan,
) -> Result<crate::ui::Ready, CliError> {
    let _ = rustix::process::setpriority_process(None, 10);
    let (ledger, progress, warnings) = ui_ledger(cli, today)?;
    Ok(ready_for_ui(plan, ledger, progress, warnings))
}

/// What the UI takes in: every indicator judged by the ledger's progress.
fn ready_for_ui(
    plan: &Plan,
    ledger: Ledger,
    progress: crate::report::Progress,
    warnings: Vec<u8>,
) -> crate::ui::Ready {
    let standing = crate::ui::model::standing::Standing::of(plan, &progress);
    let loaded = crate::ui::model::standing::Loaded {
        progress,
        standing,
        warnings: warnings.iter().filter(|&&b| b == b'\n').count(),
        published: Vec::new(),
    };
    crate::ui::Ready {
        ledger,
        city: Vec::new(),
        loaded,
        warnings,
    }
}

/// Why the full-screen UI only reads, if it does: the ledger is a clone of
/// another host's (the city's view over git), or there is no user name.
fn ui_read_only(path: &std::path::Path, has_user: bool) -> Option<crate::vocab::S> {
    if matches!(
        crate::city::home_of(path),
        Ok(crate::city::Home::Copy { .. })
    ) {
        Some(crate::vocab::S::ReadOnlyCopy)
    } else {
        (!has_user).then_some(crate::vocab::S::ReadOnlyNoUser)
    }
}

pub(super) fn full_screen(cli: &Cli, err: &mut dyn Write) -> Result<(), CliError> {
    // The first frame is drawn as soon as the plan is loaded; the ledger
    // is read on a second thread from the start (`ui_ledger`), and every
    // indicator judged by it there once the plan is handed over; the UI
    // takes it in when it comes (docs/architecture.md, "Start"). A plan
    // that cannot be read is reported first, before the screen; so is a
    // ledger that failed by then. One that fails later leaves the screen
    // up, browsing only, the reason on its status line; it is reported the
    // same way once the screen closes (file:line, exit code 2 for bad input).
    // Its warnings are printed once the screen is closed.
    let clock = clock(cli);
    // Without a user name the UI still opens, read-only, and says why; a
    // name with control characters is refused before the screen (exit 2).
    let who = given_user(cli)?;
    let path = ledger_path(cli)?;
    let (deliver, mut arrival) = crate::ui::app::channel().map_err(CliError::Terminal)?;
    let (give_plan, plan_given) = std::sync::mpsc::channel::<std::sync::Arc<Plan>>();
    // Not joined: quitting (or a plan error) must not wait for a ledger
    // still being read (a colleague's writer may hold its lock). A
    // checkpoint it was writing is left as a temporary file, which the
    // next writer removes.
    let owned = cli.clone();
    // Worded in the command line's language: the UI shows why on its
    // status line (`Display`).
    let lang = cli.lang.into();
    std::thread::spawn(move || {
        let read = read_for_ui(&owned, clock.today, &plan_given);
        deliver.send(read.map_err(|e| Worded::new(e, lang)))
    });
    let plan = std::sync::Arc::new(load_plan(cli)?);
    let _ = give_plan.send(std::sync::Arc::clone(&plan));
    // Failed already (a missing directory, a malformed short ledger):
    // said before the screen, as by every command.
    if let Some(Err(e)) = arrival.take_if(Result::is_err) {
        return Err(*e.error);
    }
    let opts = crate::ui::Options {
        lang: cli.lang.into(),
        ascii: cli.ascii,
        ledger: Some(path.display().to_string()),
        read_only: ui_read_only(&path, who.is_some()),
    };
    let again = cli.clone();
    let plan_again = std::sync::Arc::clone(&plan);
    let retry = crate::ui::Retry {
        path: path.clone(),
        read: std::sync::Arc::new(move || {
            read_again_for_ui(&again, clock.today, &plan_again).map_err(|e| Worded::new(e, lang))
        }) as crate::ui::ReadAgain<Worded>,
    };
    let start = crate::ui::Start {
        retry: Some(retry),
        draft: who
            .as_deref()
            .map(|u| crate::ledger::draft::draft_path(&path, u)),
        user: who,
        at: cli.today.map(|_| clock.now),
        today: clock.today,
        ledger: arrival,
    };
    ended(crate::ui::run(plan, opts, start), err)
}

/// How the UI ended, for the exit: its warnings printed, or its error.
pub(super) fn ended(
    ended: Result<Vec<u8>, crate::ui::Ended<Worded>>,
    err: &mut dyn Write,
) -> Result<(), CliError> {
    match ended {
        Ok(warnings) => {
            let _ = err.write_all(&warnings);
            Ok(())
        }
        Err(crate::ui::Ended::Terminal(e)) => Err(CliError::Terminal(e)),
        Err(crate::ui::Ended::Ledger(e)) => Err(*e.error),
        Err(crate::ui::Ended::LedgerGone) => Err(CliError::Io(io_error(
            std::io::ErrorKind::Other,
            M::LedgerThreadStopped.into(),
        ))),
    }
}
