//! The ledger: recorded actual values, task statuses and notes, and the
//! status rules. No terminal code lives here.
//!
//! - [`store`]: the append-only CSV file, its index, locking, refresh,
//!   history and (in [`store::convert`]) conversion of a GB18030 /
//!   BOM-less ledger to UTF-8;
//! - [`audit`]: what `ledger check` finds beyond rows that don't parse;
//! - [`entry`]: one row and its cells; `columns`: a header's columns and
//!   a record read through them;
//! - [`value`]: what people type for an actual;
//! - [`status`](mod@status): the status rules;
//! - [`change`]: a change ([`Edit`]) and whether it is recorded (no-op
//!   rule, expectation);
//! - [`draft`]: a half-typed edit saved when a session ends;
//! - [`remark`]: the remark of an undo row, made and read back.

pub mod audit;
pub mod change;
pub(crate) mod columns;
pub mod draft;
pub mod entry;
pub mod error;
pub mod remark;
pub mod status;
pub mod store;
pub mod value;

pub use crate::vocab::parse_task_state;
pub use audit::{Audit, Finding};
pub use change::{Appended, Edit, Expect};
pub use entry::{Entry, Field, Stamp};
pub use error::{Conflict, LedgerError, LineProblem, Warning};
pub use status::{Actual, Status, TaskState, status};
pub use store::convert::{self, convert, convert_with};
pub use store::{
    Batch, CHECKPOINT_ROWS, ChainBreak, Converted, Encoding, FileState, Gone, History, HistoryFile,
    Kept, Ledger, NoProgress, Progress, Refreshed, Rows, Undone, checkpoint_path, file_state,
    lock_path, seen_path, torn_path,
};
pub use value::{ValueError, parse_actual};
