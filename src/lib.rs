//! wudang-plan: follow 乌当区实施“强省会”五年行动工作方案 from a terminal.
//!
//! - [`plan`]: the plan model, seed loading and validation;
//! - [`ledger`]: recorded actuals, statuses and the status rules;
//! - [`cli`]: command-line commands and output formats;
//! - [`report`]: progress, counts per status and values as text, shared
//!   by the CLI and the UI;
//! - [`bulletin`]: the supervision report (通报), Markdown and HTML;
//! - [`sheet`]: the Excel/WPS round trip (`export`, `import`);
//! - [`ui`]: the full-screen terminal UI;
//! - [`vocab`]: the words for statuses, task states, fields and done /
//!   not done in both languages, and their parsers (below ledger, cli, ui);
//! - [`tty`]: noticing that the terminal has gone away;
//! - `binfmt`: the bytes of the derived binary files (plan snapshot,
//!   ledger checkpoint), below every layer.

mod binfmt;
pub mod bulletin;
pub mod city;
pub mod cli;
pub mod ledger;
pub mod pace;
mod par;
pub mod plan;
pub mod report;
pub mod sheet;
pub mod text;
pub mod tty;
pub mod ui;
pub mod vocab;
