//! The ledger: recorded actual values, task statuses and notes, and the
//! status rules. No terminal code lives here.
//!
//! - [`store`]: the append-only CSV file, its index, locking, refresh
//!   and history;
//! - [`convert`]: conversion of a GB18030 / BOM-less ledger to UTF-8;
//! - [`audit`]: what `ledger check` finds beyond rows that don't parse;
//! - [`entry`]: one row, its columns and cells;
//! - [`value`]: what people type for an actual;
//! - [`status`]: the status rules;
//! - [`change`]: whether a change is recorded (no-op rule, expectation);
//! - [`draft`]: a half-typed edit saved when a session ends.

pub mod audit;
pub mod change;
pub mod convert;
pub mod draft;
pub mod entry;
pub mod error;
pub mod status;
pub mod store;
pub mod value;

pub use crate::vocab::parse_task_state;
pub use audit::{Audit, Finding};
pub use change::Appended;
pub use convert::convert;
pub use entry::{Entry, Field, Stamp};
pub use error::{Conflict, LedgerError, LineProblem, Warning};
pub use status::{Actual, Status, TaskState, status};
pub use store::{
    ChainBreak, Converted, Edit, Encoding, Expect, History, Ledger, Refreshed, Undone, lock_path,
    torn_path,
};
pub use value::{ValueError, parse_actual};
