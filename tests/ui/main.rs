//! The full-screen UI: pure `update` tests, screens on ratatui's
//! TestBackend (insta snapshots in tests/ui/snapshots/), the real binary in
//! a pseudo-terminal, and a province-sized plan.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers outside #[test]

mod ask;
mod chart;
mod city;
mod city_pty;
mod city_scale;
mod columns;
mod common;
mod footer;
mod guide;
mod history;
mod keycard;
mod lights;
mod long;
mod moves;
mod period;
mod pty;
mod scale;
mod screens;
mod search;
mod start;
mod text;
mod trust;
mod undo;
mod update;
mod vocab;
mod wire;
mod wire_run;
mod zoom;

/// The generator of `cargo run --example genplan` (docs/performance.md).
#[allow(dead_code)]
#[path = "../../examples/genplan/mod.rs"]
mod genplan;
