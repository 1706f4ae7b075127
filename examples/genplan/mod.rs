//! The generator behind `cargo run --release --example genplan`: a plan in
//! the seeds layout (`seeds.rs`) and a ledger of valid history
//! (`ledger.rs`). Also included by `tests/plan` (`#[path]`), so the scale
//! tests and the measurements in docs/performance.md use one generator.

pub mod ledger;
pub mod seeds;

use std::io;
use std::path::Path;

pub use seeds::Sizes;

/// Writes `out/plan/*.csv` and, when `sizes.rows > 0`, `out/actuals.csv`.
/// The same sizes and seed give the same bytes.
pub fn generate(out: &Path, sizes: Sizes, seed: u64) -> io::Result<seeds::Written> {
    let written = seeds::write_plan(&out.join("plan"), sizes, seed)?;
    if sizes.rows > 0 {
        ledger::write_ledger(&out.join("actuals.csv"), &written, sizes.rows, seed)?;
    }
    Ok(written)
}
