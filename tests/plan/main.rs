//! The plan: the embedded plan says what the document says, other plans
//! load from a directory (every broken file reported), a province-sized
//! plan loads in linear time, the generated plans and ledgers are valid, and the listing commands show it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers outside #[test]

mod alloc;
mod cli;
mod fidelity;
mod generated;
mod load;
mod scale;
mod shared;
mod snapshot;

/// The generator of `cargo run --example genplan` (docs/performance.md).
#[allow(dead_code)]
#[path = "../../examples/genplan/mod.rs"]
mod genplan;
