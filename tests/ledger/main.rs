//! The ledger: the library (round trips, encodings, changes, many
//! writers, a killed writer) and the commands that record and show
//! changes, with the words they accept and the text they print.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers outside #[test]

mod change;
mod checkpoint;
mod city;
mod cli;
mod cli_lang;
mod common;
mod concurrency;
mod crash;
mod current;
mod lights;
mod memory;
mod messages_lang;
mod one_id;
mod out_lang;
mod periods;
mod progress;
mod quotes;
mod readme;
mod safety;
mod snapshot_paths;
mod speaks_chinese;
mod store;
mod table_lang;
mod today;
mod vocab;
mod walkthrough;
