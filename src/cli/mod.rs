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
mod city_screen;
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
mod screen;
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
use words::{io_text, unsafe_char};

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
    Ok(match &plan_dir(cli) {
        Some(dir) if matches!(cli.command, Some(Command::Check)) => plan::load_dir(dir)?,
        Some(dir) => plan::load_dir_with_snapshot(dir)?,
        None => plan::load_embedded()?,
    })
}

/// The plan's directory: `--plan`, else a district repository's
/// ([`district_plan`]); `None`: the embedded plan.
pub(super) fn plan_dir(cli: &Cli) -> Option<PathBuf> {
    cli.plan.clone().or_else(|| district_plan(cli))
}

/// Without `--plan`: the plan of the district whose repository holds the
/// `--data` ledger (its `plan/`, beside `district.txt`; a clone in the
/// city's workspace carries its district's plan), else none (the embedded
/// plan).
fn district_plan(cli: &Cli) -> Option<PathBuf> {
    let data = cli.data.as_deref()?;
    let repo = match data.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let plan = repo.join("plan");
    (repo.join(crate::city::DISTRICT_FILE).is_file() && plan.is_dir()).then_some(plan)
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
    // `--workspace`, else WUDANG_PLAN_WORKSPACE, for what covers a
    // workspace (the UI, `report`, `pull`); given on the command line to
    // another command, refused rather than left unread.
    let workspace = workspace(cli)?;
    // Commands that need no plan.
    match &cli.command {
        Some(Command::Paths) => return files::paths(cli, out),
        Some(Command::Completions { shell }) => return help::completions(*shell, cli, out),
        Some(Command::Man) => return help::man(cli, out),
        Some(Command::Home { district }) => return city::home(cli, district.as_deref(), out),
        Some(Command::Publish { remote }) => return city::publish(cli, remote, out),
        Some(Command::Report {
            format,
            out: file,
            leader,
            group,
        }) if let Some(ws) = &workspace => {
            // The city's 通报 covers every district whole.
            if leader.is_some() || group.is_some() {
                return Err(CliError::Usage(M::CityReportWhole.into()));
            }
            return city::ranking(cli, ws, *format, file.as_deref(), out);
        }
        Some(Command::Pull { stale_days }) => {
            let ws = workspace
                .as_deref()
                .ok_or(CliError::Usage(M::PullNeedsWorkspace.into()))?;
            return city::pull(cli, ws, *stale_days, out);
        }
        Some(Command::Ledger { command }) => return files::ledger(cli, command, out, err),
        _ => {}
    }
    // No subcommand on a terminal: the full-screen UI; piped: the tree.
    if cli.command.is_none() && std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        if let Some(ws) = &workspace {
            return city_screen::city_screen(cli, ws);
        }
        return screen::full_screen(cli, err);
    }
    // Piped, over a workspace: the city's tree (every district's).
    if cli.command.is_none()
        && let Some(ws) = &workspace
    {
        let plan = city_screen::city_plan(&city_screen::districts_of(ws)?)?;
        output::tree(out, &plan)?;
        return Ok(());
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

/// The workspace a command covers: `--workspace`, else
/// `WUDANG_PLAN_WORKSPACE` (set for a city host's users in
/// `/etc/profile.d`; the UI and `report` leave it for a ledger named with
/// `--data`), for the full-screen UI, `report` and `pull`. The
/// other commands read one ledger (`--data`): `--workspace` given to one
/// of them is refused (exit 2), the variable is not read.
fn workspace(cli: &Cli) -> Result<Option<PathBuf>, CliError> {
    let covers = matches!(
        cli.command,
        None | Some(Command::Report { .. }) | Some(Command::Pull { .. })
    );
    match (&cli.workspace, covers) {
        (Some(ws), true) => Ok(Some(ws.clone())),
        (Some(_), false) => Err(CliError::Usage(M::WorkspaceNotHere.into())),
        // A ledger named (`--data`, WUDANG_PLAN_DATA) is read as one
        // district by the UI and `report`: the variable stands back.
        (None, true)
            if cli.data.is_some() && !matches!(cli.command, Some(Command::Pull { .. })) =>
        {
            Ok(None)
        }
        (None, true) => Ok(std::env::var_os("WUDANG_PLAN_WORKSPACE")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)),
        (None, false) => Ok(None),
    }
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
