//! Command-line arguments (clap derive). Global options may stand before or
//! after the subcommand.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "wudang-plan",
    version,
    about = "乌当区实施“强省会”五年行动工作方案 — follow the plan from a terminal",
    long_about = "Browse the plan's 5 groups, 28 tasks and 12 headline targets, who owns them, and their quantitative targets.\nWith no subcommand it prints the task tree."
)]
pub struct Cli {
    /// Load the plan from this directory (groups.csv, tasks.csv, rows.csv, indicators.csv) instead of the embedded one
    #[arg(long, global = true, value_name = "DIR", env = "WUDANG_PLAN_PLAN")]
    pub plan: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the plan and print a one-line summary (exit 1 on any error)
    Check,
    /// List tasks with their leaders, units, persons and targets
    Tasks {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// List indicators (quantitative targets and milestones)
    Indicators {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
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
