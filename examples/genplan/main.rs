//! Dev-only: writes a plan of any size in the seeds layout and a ledger of
//! valid history, for measuring (docs/performance.md).
//!
//! ```text
//! cargo run --release --example genplan -- --tasks 10000 --indicators 100000 \
//!     --leaders 200 --rows 1000000 --out /tmp/big
//! wudang-plan --plan /tmp/big/plan --data /tmp/big/actuals.csv ledger check
//! ```

#[path = "mod.rs"]
mod genplan;

use std::path::PathBuf;
use std::time::Instant;

use clap::Parser;

/// Writes OUT/plan/{groups,tasks,rows,indicators,period}.csv and
/// OUT/actuals.csv; the same arguments and seed give the same bytes.
#[derive(Parser)]
struct Args {
    /// Numbered tasks (task 0, 总体目标, comes on top).
    #[arg(long, default_value_t = 1000)]
    tasks: usize,
    /// Indicators in all.
    #[arg(long, default_value_t = 10_000)]
    indicators: usize,
    /// Distinct 责任领导 (three-character names).
    #[arg(long, default_value_t = 200)]
    leaders: usize,
    /// Ledger rows (0: no ledger).
    #[arg(long, default_value_t = 100_000)]
    rows: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Write only OUT/actuals.csv, for the plan in this directory
    /// (`seeds` for the embedded plan) instead of a generated one.
    #[arg(long, value_name = "PLAN_DIR")]
    ledger_for: Option<PathBuf>,
    #[arg(long)]
    out: PathBuf,
}

fn main() -> anyhow::Result<()> {
    let a = Args::parse();
    let start = Instant::now();
    let sizes = genplan::Sizes {
        tasks: a.tasks,
        indicators: a.indicators,
        leaders: a.leaders,
        rows: a.rows,
    };
    let w = match &a.ledger_for {
        Some(dir) => {
            let w = existing(dir)?;
            std::fs::create_dir_all(&a.out)?;
            genplan::ledger::write_ledger(&a.out.join("actuals.csv"), &w, a.rows, a.seed)?;
            w
        }
        None => genplan::generate(&a.out, sizes, a.seed)?,
    };
    eprintln!(
        "wrote {} ({} tasks with task 0, {} indicators) and {} ledger rows in {:.2?}",
        a.out.display(),
        w.tasks.len(),
        w.indicator_count(),
        a.rows,
        start.elapsed()
    );
    Ok(())
}

/// The ids, targets and directions of an existing plan, for its ledger.
fn existing(dir: &std::path::Path) -> anyhow::Result<genplan::seeds::Written> {
    let plan = wudang_plan::plan::load_dir(dir).map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(genplan::seeds::Written::of(&plan))
}
