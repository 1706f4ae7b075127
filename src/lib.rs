//! wudang-plan: follow 乌当区实施“强省会”五年行动工作方案 from a terminal.
//!
//! - [`plan`]: the plan model, seed loading and validation;
//! - [`cli`]: command-line commands and output formats.

pub mod cli;
pub mod plan;
pub mod text;
