//! The supervision report (`wudang-plan report`): its content on a fixed
//! ledger (snapshots of Markdown and HTML; the library model), the counts
//! against the other commands', the filters, untrusted ledger text, the
//! output file, and the HTML in a real browser (headless Chromium: PDF on
//! A4, a screenshot).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers outside #[test]

mod browser;
mod city_report;
mod cli;
mod common;
mod help;
mod model;
mod safety;
mod snapshots;
