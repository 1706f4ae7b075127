//! The command line: argument definitions, dispatch and exit codes.
//!
//! Library code returns [`CliError`]; the binary maps it to an exit code
//! (2 for bad usage or input, 3 for a refused `--expect` / conflict, 1 for
//! other failures).

/// `writeln!` with the line made visible ([`crate::text::visible`]): the
/// messages of `set`, `status`, `note`, `undo` and `history` quote ledger
/// text (an undone note, who made the change reverted).
macro_rules! say {
    ($out:expr, $($arg:tt)*) => {
        writeln!($out, "{}", $crate::text::visible(&format!($($arg)*)))
    };
}

pub mod args;
pub mod city;
pub mod edit;
pub mod files;
pub mod filter;
pub mod help;
pub mod history;
pub mod json;
pub mod out;
pub mod output;
pub mod progress;
pub mod report;
pub mod series;
pub mod sheet;
pub mod words;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

pub use args::{Cli, Command, Format, Lang, LedgerCommand};

use crate::ledger::{Ledger, LedgerError, Stamp, ValueError};
use crate::plan::{self, Plan};
use crate::vocab::{Lang as Language, M, Msg};
pub use words::{MsgError, io_error};
use words::{Worded, io_text, unsafe_char};

/// An error the command line reports; the variant decides the exit code.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad usage or bad input: exit 2.
    #[error("{0}")]
    Usage(Msg),
    /// A value that does not fit the indicator: exit 2.
    #[error("{0}")]
    Value(#[from] ValueError),
    /// The plan files are broken: exit 1.
    #[error("{0}")]
    Plan(#[from] plan::PlanErrors),
    /// The ledger could not be read or written: exit 1; a conflict or a
    /// refused `--expect`: exit 3; an invalid edit: exit 2.
    #[error("{0}")]
    Ledger(#[from] LedgerError),
    /// `--expect` did not match; nothing was recorded: exit 3.
    #[error("{0}")]
    Refused(Msg),
    /// `ledger check` found problems (listed on standard output): exit 1.
    #[error("{0}")]
    Problems(Msg),
    /// Writing the output failed (e.g. a closed pipe): exit 1.
    #[error("cannot write output: {0}")]
    Io(#[from] std::io::Error),
    /// The terminal failed under the full-screen UI: exit 1.
    #[error("terminal error: {0}")]
    Terminal(std::io::Error),
    /// `home`, `publish`, `pull` and a write refused in a clone (the
    /// city's view over git), with its exit code.
    #[error("{msg}")]
    City { msg: crate::vocab::Msg, code: u8 },
}

impl CliError {
    /// The message in `lang`, as the binary prints it (`Display` is the
    /// English). Every variant is worded from the message table
    /// ([`crate::vocab::messages`]).
    pub fn text(&self, lang: crate::vocab::Lang) -> String {
        match self {
            CliError::Ledger(e) => e.text(lang),
            CliError::Plan(e) => e.text(lang),
            CliError::City { msg, .. } => msg.text(lang),
            CliError::Value(e) if lang == crate::vocab::Lang::En => e.to_string(),
            CliError::Value(e) => format!("{} {}：{}", e.id, e.name, e.reason(lang)),
            CliError::Usage(m) | CliError::Refused(m) | CliError::Problems(m) => m.text(lang),
            CliError::Io(e) => Msg::new(M::CannotWriteOutput)
                .arg("error", io_text(e, lang))
                .text(lang),
            CliError::Terminal(e) => Msg::new(M::TerminalError)
                .arg("error", io_text(e, lang))
                .text(lang),
        }
    }

    /// The line the binary prints for this error (before it is made
    /// visible): `wudang-plan: …`, in Chinese `错误：…` as clap's own.
    pub fn line(&self, lang: Language) -> String {
        Msg::new(M::ErrorLine)
            .arg("message", self.text(lang))
            .text(lang)
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) | CliError::Value(_) => 2,
            CliError::Ledger(
                LedgerError::InvalidEdit(_)
                | LedgerError::NothingToUndo { .. }
                | LedgerError::NeedsUpgrade { .. },
            ) => 2,
            CliError::Ledger(LedgerError::Conflict(_)) | CliError::Refused(_) => 3,
            CliError::City { code, .. } => *code,
            CliError::Plan(_)
            | CliError::Ledger(_)
            | CliError::Problems(_)
            | CliError::Io(_)
            | CliError::Terminal(_) => 1,
        }
    }
}

/// The full-screen UI says a ledger that could not be read in its
/// language.
impl crate::ui::app::Worded for CliError {
    fn worded(&self, lang: crate::vocab::Lang) -> String {
        self.text(lang)
    }
}

/// Loads the plan named by `--plan` (through its snapshot, except for
/// `check`, which parses and checks the seed files), or the embedded one.
pub fn load_plan(cli: &Cli) -> Result<Plan, CliError> {
    Ok(match &cli.plan {
        Some(dir) if matches!(cli.command, Some(Command::Check)) => plan::load_dir(dir)?,
        Some(dir) => plan::load_dir_with_snapshot(dir)?,
        None => plan::load_embedded()?,
    })
}

/// The ledger file: `--data`, `WUDANG_PLAN_DATA`, or `actuals.csv` in the
/// user data directory (`directories`).
pub fn ledger_path(cli: &Cli) -> Result<PathBuf, CliError> {
    if let Some(p) = &cli.data {
        if p.as_os_str().is_empty() {
            return Err(CliError::Usage(M::DataEmpty.into()));
        }
        given_dir_exists(p)?;
        return Ok(p.clone());
    }
    directories::ProjectDirs::from("", "", "wudang-plan")
        .map(|d| d.data_dir().join("actuals.csv"))
        .ok_or_else(|| CliError::Usage(M::NoDataDir.into()))
}

/// A ledger path given by `--data` or `WUDANG_PLAN_DATA` must be in a
/// directory that exists: one that does not is a typo or a ledger moved
/// away, and making it would start a second ledger beside everyone's rows
/// (decision: only the default location's directory is made). A missing
/// file in an existing directory is a new ledger, made on the first edit.
fn given_dir_exists(p: &std::path::Path) -> Result<(), CliError> {
    let Some(dir) = p.parent().filter(|d| !d.as_os_str().is_empty()) else {
        return Ok(());
    };
    let problem = match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => return Ok(()),
        Ok(_) => M::DirIsNotADirectory,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => M::DirDoesNotExist,
        // Unreadable (permissions): the ledger's own open says why.
        Err(_) => return Ok(()),
    };
    Err(CliError::Usage(
        Msg::new(M::DirMissing)
            .arg("dir", crate::text::visible(&dir.display().to_string()))
            .sub("problem", problem.into())
            .arg("path", crate::text::visible(&p.display().to_string())),
    ))
}

/// Who makes the change: `--user`, `WUDANG_PLAN_USER`, else `$USER`.
pub fn user(cli: &Cli) -> Result<String, CliError> {
    given_user(cli)?.ok_or_else(|| CliError::Usage(M::NoUser.into()))
}

/// The user name given (`--user`, `WUDANG_PLAN_USER`, `$USER`), if any; one
/// holding a control or invisible format character is refused (exit 2), as
/// the ledger would refuse it: the name is shown to colleagues.
pub fn given_user(cli: &Cli) -> Result<Option<String>, CliError> {
    let (u, from) = match (&cli.user, std::env::var("USER")) {
        (Some(u), _) => (u.clone(), "--user (or WUDANG_PLAN_USER)"),
        (None, Ok(u)) => (u, "$USER"),
        (None, Err(_)) => return Ok(None),
    };
    if u.trim().is_empty() {
        return Ok(None);
    }
    if let Some(what) = unsafe_char(&u) {
        return Err(CliError::Usage(
            Msg::new(M::UserUnsafe)
                .arg("from", from)
                .arg("name", crate::text::visible(&u))
                .sub("what", what),
        ));
    }
    Ok(Some(u.trim().to_string()))
}

/// The clock: `--today` overrides it for every command.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    pub today: jiff::civil::Date,
    /// The time recorded with an edit: now, or 00:00 of `--today`.
    pub now: Stamp,
}

pub fn clock(cli: &Cli) -> Clock {
    match cli.today {
        Some(d) => Clock {
            today: d,
            now: Stamp::start_of(d),
        },
        None => {
            let now = Stamp::now();
            Clock {
                today: jiff::ZonedDateTime::now().date(),
                now,
            }
        }
    }
}

/// Opens the ledger through its checkpoint (only the rows after it are
/// read; see docs/data.md) and reports its warnings on `err`. Without row
/// positions: commands that list history use [`open_ledger_full`].
pub fn open_ledger(cli: &Cli, err: &mut dyn Write) -> Result<Ledger, CliError> {
    let path = ledger_path(cli)?;
    let mut bar = progress::Bar::new(progress::reading(&path, cli.lang.into()));
    let ledger = Ledger::open_with_checkpoint(&path, &mut bar)?;
    drop(bar);
    warn(err, ledger.warnings(), cli.lang.into());
    Ok(ledger)
}

/// Opens the ledger for a command on one id (`set`, `status`, `note`,
/// `undo`): as [`open_ledger`], keeping only `id`'s state
/// ([`Ledger::open_for_id`]); the ledger answers for `id` alone.
pub fn open_ledger_for(cli: &Cli, err: &mut dyn Write, id: &str) -> Result<Ledger, CliError> {
    let path = ledger_path(cli)?;
    let mut bar = progress::Bar::new(progress::reading(&path, cli.lang.into()));
    let ledger = Ledger::open_for_id(&path, id, &mut bar)?;
    drop(bar);
    warn(err, ledger.warnings(), cli.lang.into());
    Ok(ledger)
}

/// Opens the ledger reading every row (history, `ledger check`, `import`)
/// and reports its warnings on `err`.
pub fn open_ledger_full(cli: &Cli, err: &mut dyn Write) -> Result<Ledger, CliError> {
    let path = ledger_path(cli)?;
    let mut bar = progress::Bar::new(progress::reading(&path, cli.lang.into()));
    let ledger = Ledger::open_with_progress(&path, &mut bar)?;
    drop(bar);
    warn(err, ledger.warnings(), cli.lang.into());
    Ok(ledger)
}

/// Writes warnings (made visible); a closed stderr is ignored.
pub fn warn(err: &mut dyn Write, warnings: &[crate::ledger::Warning], lang: crate::vocab::Lang) {
    use crate::vocab::{M, Msg};
    for w in warnings {
        let w = crate::text::visible_lines(&w.text(lang)).into_owned();
        let line = Msg::new(M::CliWarning).arg("warning", w);
        let _ = writeln!(err, "{}", line.text(lang));
    }
}

/// Runs a parsed command line, writing to `out` and warnings to stderr.
pub fn run(cli: &Cli, out: &mut dyn Write) -> Result<(), CliError> {
    // Not the stderr lock: the full-screen UI reads the ledger on a second
    // thread, whose progress bar writes to stderr; held here, it
    // deadlocked the UI before its first frame. Each write locks on its own.
    let mut err = std::io::stderr();
    run_command(cli, out, &mut err, true)
}

/// What a command runs with: the command line, the plan, and where its
/// output and its warnings go.
pub struct Context<'a> {
    pub cli: &'a Cli,
    pub plan: &'a Plan,
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    /// The process ends after this command ([`run`], the binary): the
    /// plan and the ledger are not freed one allocation at a time.
    pub exiting: bool,
}

impl Context<'_> {
    /// Lets go of a command's big state (a ledger, its index): dropped, or,
    /// when the process ends after the command, left to the operating
    /// system. Freeing a large plan's or ledger's hundreds of thousands of
    /// allocations one by one took about a tenth of `set` on the large
    /// generated plan (docs/performance.md); the process exit reclaims the
    /// memory at once. Only for plain memory and read handles: nothing
    /// whose drop writes, flushes or unlocks (the ledger's lock is taken
    /// and released inside each append).
    pub fn release<T>(&self, state: T) {
        if self.exiting {
            std::mem::forget(state);
        }
    }
}

/// Runs a parsed command line, writing to `out` and warnings to `err`.
pub fn run_with(cli: &Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), CliError> {
    run_command(cli, out, err, false)
}

/// [`run_with`]; `exiting`: the process ends after the command (see
/// [`Context::release`]).
fn run_command(
    cli: &Cli,
    out: &mut dyn Write,
    err: &mut dyn Write,
    exiting: bool,
) -> Result<(), CliError> {
    // Commands that need no plan.
    match &cli.command {
        Some(Command::Paths) => return files::paths(cli, out),
        Some(Command::Home { district }) => return city::home(cli, district.as_deref(), out),
        Some(Command::Publish { remote }) => return city::publish(cli, remote, out),
        Some(Command::Pull {
            workspace,
            stale_days,
        }) => return city::pull(cli, workspace, *stale_days, out),
        Some(Command::Ledger { command }) => return files::ledger(cli, command, out, err),
        _ => {}
    }
    // No subcommand on a terminal: the full-screen UI; piped: the tree.
    if cli.command.is_none() && std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return full_screen(cli, err);
    }
    let plan = load_plan(cli)?;
    let mut cx = Context {
        cli,
        plan: &plan,
        out,
        err,
        exiting,
    };
    let done = dispatch(&mut cx);
    if exiting {
        // See `Context::release`: the plan is plain memory.
        std::mem::forget(plan);
    }
    done
}

/// Runs the subcommand (or prints the tree when there is none) with the
/// plan loaded.
fn dispatch(cx: &mut Context<'_>) -> Result<(), CliError> {
    let (cli, plan) = (cx.cli, cx.plan);
    let Some(cmd) = &cli.command else {
        output::tree(cx.out, plan)?;
        writeln!(cx.out)?;
        writeln!(
            cx.out,
            "提示：在终端中直接运行 wudang-plan 打开全屏界面。其他命令：wudang-plan tasks | indicators | check（--help 查看全部）"
        )?;
        return Ok(());
    };
    match cmd {
        Command::Check => writeln!(cx.out, "{}", output::summary(plan, cli.lang.into()))?,
        Command::Tasks {
            filter,
            status,
            light,
            stale,
            format,
        } => list_tasks(cx, filter, Only::of(status, light, *stale), *format)?,
        Command::Indicators {
            filter,
            status,
            light,
            stale,
            format,
        } => list_indicators(cx, filter, Only::of(status, light, *stale), *format)?,
        Command::Series { id, format } => series::series(cx, id, *format)?,
        Command::History { id, limit, format } => {
            history::history(cx, id.as_deref(), *limit, *format)?
        }
        Command::Report {
            leader,
            group,
            format,
            out,
        } => {
            let req = report::Request {
                leader: leader.as_deref(),
                group: *group,
                format: *format,
                out: out.as_deref(),
            };
            report::report(cx, req)?
        }
        Command::Export {
            filter,
            status,
            light,
            stale,
            format,
            out,
        } => {
            let only = Only::of(status, light, *stale);
            sheet::export(cx, filter, &only, *format, out.as_deref())?
        }
        _ => record(cx, cmd)?,
    }
    Ok(())
}

/// The subcommands that record: `set`, `status`, `note`, `undo`, `import`
/// (`paths` and `ledger` ran before the plan was loaded).
fn record(cx: &mut Context<'_>, cmd: &Command) -> Result<(), CliError> {
    // A clone of another host's ledger is read only (the city's view).
    city::guard(&ledger_path(cx.cli)?)?;
    match cmd {
        Command::Set {
            id,
            value,
            note,
            expect,
            period,
        } => edit::set(cx, id, value, note, expect, period.as_deref()),
        Command::Status {
            task,
            state,
            note,
            expect,
        } => edit::status(cx, task, state, note, expect),
        Command::Note { id, text } => edit::note(cx, id, text),
        Command::Undo {
            id,
            field,
            expect,
            note,
        } => edit::undo(cx, id, *field, expect, note),
        Command::Import {
            file,
            dry_run,
            force,
        } => sheet::import(cx, file, *dry_run, *force),
        _ => Ok(()),
    }
}

/// `tasks [FILTERS] [--status S] [--light L] [--stale] [--format F]`: a
/// task is kept by `--stale` when any of its indicators shown is
/// 逾期未报.
fn list_tasks(
    cx: &mut Context<'_>,
    filter: &args::FilterArgs,
    only: Only<'_>,
    format: Format,
) -> Result<(), CliError> {
    let plan = cx.plan;
    let f = filter.resolve(plan)?;
    let states = filter::task_states(only.status)?;
    let lights = filter::lights(only.light)?;
    let ledger = open_ledger(cx.cli, cx.err)?;
    let facts = output::Facts {
        ledger: &ledger,
        today: clock(cx.cli).today,
        plan: plan.period,
    };
    let tasks: Vec<_> = f
        .tasks(plan)
        .into_iter()
        .filter(|t| {
            states
                .as_ref()
                .is_none_or(|s| s.contains(&facts.state(&t.id)))
                && (lights.is_none() && !only.stale || {
                    let inds = f.view(plan, t).indicators;
                    lights
                        .as_ref()
                        .is_none_or(|l| l.contains(&facts.task_light(&inds)))
                        && (!only.stale || facts.task_stale(&inds))
                })
        })
        .collect();
    let lang = cx.cli.lang.into();
    output::tasks(cx.out, plan, &f, &facts, &tasks, format, lang)?;
    Ok(())
}

/// What `indicators`, `tasks` and `export` keep besides the people
/// filters: `--status`, `--light`, `--stale` (all that are given must
/// hold).
pub struct Only<'a> {
    pub status: Option<&'a str>,
    pub light: Option<&'a str>,
    pub stale: bool,
}

impl<'a> Only<'a> {
    /// From the options as clap gives them.
    pub fn of(status: &'a Option<String>, light: &'a Option<String>, stale: bool) -> Only<'a> {
        Only {
            status: status.as_deref(),
            light: light.as_deref(),
            stale,
        }
    }
}

/// The filters of `indicators` (and `export`), resolved against the plan
/// before the ledger is read (an unknown name: exit 2).
pub struct Pick {
    filter: filter::Filter,
    statuses: Option<Vec<crate::ledger::Status>>,
    lights: Option<Vec<crate::pace::Light>>,
    stale: bool,
}

impl Pick {
    pub fn new(plan: &Plan, filter: &args::FilterArgs, only: &Only<'_>) -> Result<Pick, CliError> {
        Ok(Pick {
            filter: filter.resolve(plan)?,
            statuses: filter::statuses(only.status)?,
            lights: filter::lights(only.light)?,
            stale: only.stale,
        })
    }

    /// The indicators the people filters show, kept by the others.
    pub fn indicators<'p>(
        &self,
        plan: &'p Plan,
        facts: &output::Facts<'_>,
    ) -> Vec<&'p plan::Indicator> {
        self.filter
            .indicators(plan)
            .into_iter()
            .filter(|i| {
                self.statuses
                    .as_ref()
                    .is_none_or(|s| s.contains(&facts.status(i)))
                    && (self.lights.is_none() && !self.stale || {
                        let pace = facts.pace(i);
                        self.lights
                            .as_ref()
                            .is_none_or(|l| l.contains(&pace.light()))
                            && (!self.stale || pace.stale(facts.today))
                    })
            })
            .collect()
    }
}

/// `indicators [FILTERS] [--status S] [--light L] [--stale] [--format F]`.
fn list_indicators(
    cx: &mut Context<'_>,
    filter: &args::FilterArgs,
    only: Only<'_>,
    format: Format,
) -> Result<(), CliError> {
    let plan = cx.plan;
    let pick = Pick::new(plan, filter, &only)?;
    let ledger = open_ledger(cx.cli, cx.err)?;
    let facts = output::Facts {
        ledger: &ledger,
        today: clock(cx.cli).today,
        plan: plan.period,
    };
    let inds = pick.indicators(plan, &facts);
    output::indicators(cx.out, &facts, &inds, format, cx.cli.lang.into())?;
    Ok(())
}

/// No subcommand on a terminal: the full-screen UI.
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
    };
    crate::ui::Ready {
        ledger,
        loaded,
        warnings,
    }
}

fn full_screen(cli: &Cli, err: &mut dyn Write) -> Result<(), CliError> {
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
        // A clone of another host's ledger (the city's view) only reads.
        read_only: if matches!(
            crate::city::home_of(&path),
            Ok(crate::city::Home::Copy { .. })
        ) {
            Some(crate::vocab::S::ReadOnlyCopy)
        } else {
            who.is_none().then_some(crate::vocab::S::ReadOnlyNoUser)
        },
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
    let ended = crate::ui::run(plan, opts, start);
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
