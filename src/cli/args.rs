//! Command-line arguments (clap derive). Global options may stand before or
//! after the subcommand.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

pub use crate::vocab::Lang;
use crate::vocab::{Field, Term, parse_field};

#[derive(Debug, Clone, Parser)]
#[command(
    name = "wudang-plan",
    version,
    about = "乌当区实施“强省会”五年行动工作方案 — follow the plan from a terminal",
    long_about = "Browse the plan's 5 groups, 28 tasks and 12 headline targets, who owns them, and their quantitative targets.\nRecord actual values (`set`), task status (`status`) and notes (`note`) in a shared ledger CSV; see who changed what with `history`.\nWith no subcommand it opens the full-screen UI (or prints the task tree when the output is not a terminal)."
)]
pub struct Cli {
    /// Load the plan from this directory (groups.csv, tasks.csv, rows.csv, indicators.csv) instead of the embedded one
    #[arg(long, global = true, value_name = "DIR", env = "WUDANG_PLAN_PLAN")]
    pub plan: Option<PathBuf>,

    /// The ledger of recorded actuals, statuses and notes [default: actuals.csv in the user data directory, see `paths`]
    #[arg(long, global = true, value_name = "FILE", env = "WUDANG_PLAN_DATA")]
    pub data: Option<PathBuf>,

    /// The city's view: a directory holding one git clone per district; the full-screen UI, `report` and `pull` then cover every district (ids qualified: 乌当区:8.1) [env: WUDANG_PLAN_WORKSPACE, read by those three only]
    #[arg(long, global = true, value_name = "DIR")]
    pub workspace: Option<PathBuf>,

    /// Who makes the change, as recorded in the ledger [default: $USER]
    #[arg(long, global = true, value_name = "NAME", env = "WUDANG_PLAN_USER")]
    pub user: Option<String>,

    /// Take this date as today for every command (status rules, and the time recorded: 00:00 of that day) instead of the clock
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<Date>,

    /// Language of the full-screen UI, of `report` and of this help: zh (default) or en; LANG does not choose it
    #[arg(long, global = true, value_enum, env = "WUDANG_PLAN_LANG", default_value_t = LangArg::Zh)]
    pub lang: LangArg,

    /// Full-screen UI: draw borders, bars and marks with ASCII only (for terminals that draw
    /// box-drawing characters two cells wide); on by itself when TERM=linux
    #[arg(long, global = true)]
    pub ascii: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Validate the plan and print a one-line summary (exit 1 on any error)
    Check,
    /// List tasks with their leaders, units, persons, targets, state, indicators met and light
    Tasks {
        #[command(flatten)]
        filter: FilterArgs,
        /// Only tasks in this state: not_started, in_progress, delayed, done, or the UI's words (未开始 推进中 已延误 已完成) (several: delayed,not_started)
        #[arg(long, value_name = "STATE")]
        status: Option<String>,
        /// Only tasks with this light (the worst of their indicators'): green, yellow, red, gray, or 绿 黄 红 灰 / 绿灯 黄灯 红灯 灰灯 (several: red,yellow)
        #[arg(long, value_name = "LIGHT")]
        light: Option<String>,
        /// Only tasks with an indicator shown whose latest value is overdue (逾期未报): its period ended more than a quarter before today
        #[arg(long)]
        stale: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// List indicators (quantitative targets and milestones) with their actual, status, period, baseline, expected value and light
    Indicators {
        #[command(flatten)]
        filter: FilterArgs,
        /// Only indicators with this status: met, stretch_met, in_progress, missed, no_data, or the UI's words (达标 超额达标 推进中 未达 无数据) (several: met,stretch_met)
        #[arg(long, value_name = "STATUS")]
        status: Option<String>,
        /// Only indicators with this light (序时进度): green, yellow, red, gray, or 绿 黄 红 灰 / 绿灯 黄灯 红灯 灰灯 (several: red,yellow)
        #[arg(long, value_name = "LIGHT")]
        light: Option<String>,
        /// Only indicators whose latest value is overdue (逾期未报): its period ended more than a quarter before today
        #[arg(long)]
        stale: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Record the actual value (实际完成值) of an indicator; prints old → new and the status
    ///
    /// VALUE: 512, 512.5, 1,234.5, ５１２, 80%, 512亿元 (the indicator's own unit); done / not_done (已完成 / 完成 / 未完成) for milestones.
    Set {
        /// Indicator id, e.g. 8.1 (see `indicators`)
        id: String,
        /// The actual value
        #[arg(allow_hyphen_values = true)]
        value: String,
        /// A remark recorded with the change (source, report, …)
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        note: Option<String>,
        /// Record only if the current value is OLD (exit 3 and nothing recorded otherwise); '' means nothing recorded yet
        #[arg(long, value_name = "OLD", allow_hyphen_values = true)]
        expect: Option<String>,
        /// The reporting period: 2024, 2024Q2, 2024-06, 2024年二季度, 2024年6月 … (default: the current year, of --today or the clock); the baseline is the year before the plan (--period 2020)
        #[arg(long, value_name = "PERIOD")]
        period: Option<String>,
    },
    /// Record a task's status: not_started, in_progress, delayed, done (未开始 推进中 已延误 已完成; also 进行中 滞后 完成)
    Status {
        /// Task id, e.g. 8
        task: String,
        /// not_started, in_progress, delayed or done, or a word the UI shows (已延误, delayed …)
        state: String,
        /// A remark recorded with the change
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        note: Option<String>,
        /// Record only if the current status is OLD (exit 3 otherwise); '' means never set
        #[arg(long, value_name = "OLD")]
        expect: Option<String>,
    },
    /// Record a note on an indicator or a task ('' clears it)
    Note {
        /// Indicator (8.1) or task (8) id
        id: String,
        /// The note, one line
        #[arg(allow_hyphen_values = true)]
        text: String,
    },
    /// Every period's value of an indicator with its expected value (序时进度) and light
    Series {
        /// Indicator id, e.g. 8.1
        id: String,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The supervision report (通报): counts by light and status per group, leader and unit; every red, yellow, missed, stale and no-data indicator with its owners and last update; the stretch targets met
    Report {
        /// Only this leader's indicators (责任领导): name or pinyin, full or initials (zkc, 朱快春)
        #[arg(long, value_name = "NAME")]
        leader: Option<String>,
        /// Only this task group: 1–5, or 0 for the headline targets (总体目标)
        #[arg(long, value_name = "N")]
        group: Option<u32>,
        /// md (Markdown) or html (one self-contained page that prints on A4) [default: html for an --out FILE ending in .html or .htm, else md]
        #[arg(long, value_enum)]
        format: Option<ReportFormat>,
        /// Write the report to FILE instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Show the recorded changes, newest first, with who and when
    History {
        /// Only this indicator or task
        id: Option<String>,
        /// At most N changes
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Revert the latest change of an indicator or task by recording the value before it (run again to redo)
    Undo {
        /// Indicator (8.1) or task (8) id
        id: String,
        /// Only the latest change of this field: actual, status or note (实际值, 任务状态, 备注) (default: the latest change of any field)
        #[arg(long, value_name = "FIELD", value_parser = parse_field_arg)]
        field: Option<Field>,
        /// Undo only if the value it changes back is still OLD, the value you saw (exit 3 and nothing recorded otherwise); '' means nothing recorded
        #[arg(long, value_name = "OLD", allow_hyphen_values = true)]
        expect: Option<String>,
        /// A remark recorded with the undo
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        note: Option<String>,
    },
    /// Write a snapshot for Excel/WPS, one row per indicator (CSV: UTF-8 with BOM); edit it and `import` it back
    ///
    /// Edit only the columns period, actual, task_status and note; keep the columns key and ledger_line.
    Export {
        #[command(flatten)]
        filter: FilterArgs,
        /// Only indicators with this status (as `indicators --status`)
        #[arg(long, value_name = "STATUS")]
        status: Option<String>,
        /// Only indicators with this light (as `indicators --light`)
        #[arg(long, value_name = "LIGHT")]
        light: Option<String>,
        /// Only indicators whose latest value is overdue (逾期未报)
        #[arg(long)]
        stale: bool,
        #[arg(long, value_enum, default_value_t = SheetFormat::Csv)]
        format: SheetFormat,
        /// Write to FILE instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Record the cells edited in an exported sheet (CSV UTF-8, UTF-8 with BOM, or GB18030 as Excel/WPS save it): all or nothing
    ///
    /// Only cells that differ from what the export showed become ledger rows, each checked as `set`, `status` and `note` check it; a cell the ledger changed since the export is a conflict (exit 3), an invalid cell exits 2; either way nothing is recorded.
    Import {
        /// The edited CSV file
        file: PathBuf,
        /// Print what would change (old → new) and record nothing
        #[arg(long)]
        dry_run: bool,
        /// Record over conflicts (values the ledger changed since the export), saying which
        #[arg(long)]
        force: bool,
    },
    /// Make the ledger's directory the home of a district's git repository (the one host that records in it; clones only read), or say where the ledger stands
    Home {
        /// The district's name (乌当区); without it, say where the ledger stands
        district: Option<String>,
    },
    /// On the district's host: commit the ledger rows recorded since the last publish and push them (safe to run from cron; a failed push is retried next time)
    Publish {
        /// The git remote to push to
        #[arg(long, value_name = "REMOTE", default_value = "origin")]
        remote: String,
    },
    /// Bring every district's read-only clone in a workspace up to date (fast-forward only) and say what came, what was refused and which district is stale
    Pull {
        /// A district whose last publish is older than this many days is stale
        #[arg(long, value_name = "DAYS", default_value_t = 7)]
        stale_days: i64,
    },
    /// Print the files in use: plan source, ledger, lock file, moved-aside lines
    Paths,
    /// Print shell completions for SHELL, generated from this command line's definition (e.g. wudang-plan completions bash > /etc/bash_completion.d/wudang-plan)
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff, for man) in the command line's language (e.g. wudang-plan man > /usr/local/share/man/man1/wudang-plan.1)
    Man,
    /// Ledger maintenance
    Ledger {
        #[command(subcommand)]
        command: LedgerCommand,
    },
}

#[derive(Debug, Clone, Subcommand)]
pub enum LedgerCommand {
    /// Read the whole ledger against the plan and report problems with file:line (exit 1 if
    /// any): bad rows, unknown ids, control characters, extra fields
    Check,
    /// Rewrite a GB18030 (Excel/WPS) or BOM-less ledger as UTF-8 with BOM, atomically, after a backup copy
    Convert,
}

/// A value clap refuses through one of our parsers, worded in both
/// languages: clap shows the English (`Display`), the Chinese help shows
/// `zh` (`cli::help`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{en}")]
pub struct ArgError {
    pub en: String,
    pub zh: String,
}

/// `undo --field`: any word of [`Field`] (`actual`, 实际值, …).
pub fn parse_field_arg(s: &str) -> Result<Field, ArgError> {
    parse_field(s).ok_or_else(|| ArgError {
        en: format!(
            "`{s}` is not a ledger field; expected one of {}",
            Field::machine_list()
        ),
        zh: format!(
            "“{s}”不是台账字段；应为 {}（或 {}）",
            Field::word_list(Lang::Zh),
            Field::machine_list().replace(", ", "、")
        ),
    })
}

/// `--today`: exactly YYYY-MM-DD, a real date.
pub fn parse_date(s: &str) -> Result<Date, ArgError> {
    let t = s.trim();
    let shape = t.len() == 10
        && t.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    match t.parse::<Date>() {
        Ok(d) if shape => Ok(d),
        _ => Err(ArgError {
            en: format!("`{s}` is not a date; expected YYYY-MM-DD such as 2025-06-30"),
            zh: format!("“{s}”不是日期；应为 YYYY-MM-DD，如 2025-06-30"),
        }),
    }
}

#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// Responsible leader (责任领导): name or pinyin, full or initials, any case (zkc, zhukuaichun, 朱快春)
    #[arg(long, value_name = "NAME")]
    pub leader: Option<String>,
    /// Responsible unit (责任单位): part of the name or its pinyin (科技局, kjj)
    #[arg(long, value_name = "NAME")]
    pub unit: Option<String>,
    /// Responsible person (责任人): name or pinyin, full or initials
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,
    /// Task group: 1–5, or 0 for the headline targets (总体目标)
    #[arg(long, value_name = "N")]
    pub group: Option<u32>,
    /// Task: 0–28
    #[arg(long, value_name = "N")]
    pub task: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Columns aligned by display width
    Table,
    /// CSV with a header row
    Csv,
    /// A JSON array of objects
    Json,
}

/// `report --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown (GitHub tables)
    #[value(alias = "markdown")]
    Md,
    /// One self-contained HTML page (inline CSS and SVG), for the browser and A4 print
    #[value(alias = "htm")]
    Html,
}

/// `export --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    /// CSV for Excel/WPS: UTF-8 with BOM, CRLF; what `import` reads back
    Csv,
    /// A JSON array of objects (exact numbers)
    Json,
}

/// `--lang`: the command line's names for [`Lang`] (the vocabulary has no
/// clap in it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum LangArg {
    /// 中文
    #[default]
    Zh,
    /// English
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}
