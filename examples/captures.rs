//! Dev-only: rewrites the captures of the user guide (docs/用户手册.md) and
//! the key card (docs/按键速查.md) from the program as it is now.
//!
//! `cargo run --example captures`
//!
//! The generators are tests/ui/guide.rs and tests/ui/keycard.rs, in the UI
//! test crate: they reuse its fixtures (tests/ui/common.rs) and run the
//! real binary, which cargo builds for integration tests only. This runs
//! them with `UPDATE_DOCS=1`, as `UPDATE_DOCS=1 cargo test --test ui guide::
//! keycard::` would; read `git diff docs/` afterwards.

use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .args(["test", "--test", "ui", "--", "guide::", "keycard::"])
        .env("UPDATE_DOCS", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status();
    match status {
        Ok(s) if s.success() => {
            println!("docs/用户手册.md and docs/按键速查.md rewritten; see `git diff docs/`");
            ExitCode::SUCCESS
        }
        Ok(s) => {
            eprintln!("captures: the generators failed ({s})");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("captures: cannot run cargo: {e}");
            ExitCode::FAILURE
        }
    }
}
