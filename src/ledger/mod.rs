//! The ledger: recorded actual values, task statuses and notes, and the
//! status rules. No terminal code lives here.

pub mod status;

pub use status::{Actual, Status, TaskState, status};
