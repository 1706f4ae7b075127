//! The command line: argument definitions, dispatch and exit codes.
//!
//! Library code returns [`CliError`]; the binary maps it to an exit code
//! (2 for bad usage or input, 1 for other failures).

pub mod args;
pub mod filter;
pub mod output;

use std::io::Write;

pub use args::{Cli, Command, Format};

use crate::plan::{self, Plan};

/// An error the command line reports; the variant decides the exit code.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad usage or bad input: exit 2.
    #[error("{0}")]
    Usage(String),
    /// The plan files are broken: exit 1.
    #[error("{0}")]
    Plan(#[from] plan::PlanErrors),
    /// Writing the output failed (e.g. a closed pipe): exit 1.
    #[error("cannot write output: {0}")]
    Io(#[from] std::io::Error),
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Plan(_) | CliError::Io(_) => 1,
        }
    }
}

/// Loads the plan named by `--plan`, or the embedded one.
pub fn load_plan(cli: &Cli) -> Result<Plan, CliError> {
    Ok(match &cli.plan {
        Some(dir) => plan::load_dir(dir)?,
        None => plan::load_embedded()?,
    })
}

/// Runs a parsed command line, writing to `out`.
pub fn run(cli: &Cli, out: &mut dyn Write) -> Result<(), CliError> {
    let plan = load_plan(cli)?;
    match &cli.command {
        Some(Command::Check) => {
            writeln!(out, "{}", output::summary(&plan))?;
        }
        Some(Command::Tasks { filter, format }) => {
            let f = filter.resolve(&plan)?;
            let tasks = f.tasks(&plan);
            output::tasks(out, &plan, &tasks, *format)?;
        }
        Some(Command::Indicators { filter, format }) => {
            let f = filter.resolve(&plan)?;
            let inds = f.indicators(&plan);
            output::indicators(out, &plan, &inds, *format)?;
        }
        None => {
            output::tree(out, &plan)?;
            writeln!(out)?;
            writeln!(
                out,
                "提示：全屏界面即将推出。可用命令：wudang-plan tasks | indicators | check（--help 查看全部）"
            )?;
        }
    }
    Ok(())
}
