//! The spreadsheet round trip (Excel/WPS): `export` writes a snapshot, one
//! row per indicator; `import` reads it back after people edited it and
//! turns the cells they changed into ledger edits. Below the command line,
//! above the ledger and the plan; no terminal code. See docs/data.md,
//! "Export and import".
//!
//! - [`columns`]: the columns, their names (machine and 中文) and the
//!   header read by name;
//! - [`guard`]: the leading `'` on text cells a spreadsheet would evaluate
//!   or reformat, and its removal;
//! - [`export`]: a snapshot row and the CSV / JSON written from rows;
//! - [`decode`]: the bytes of an edited sheet to records (strict UTF-8,
//!   UTF-8 with BOM or GB18030), each with its line;
//! - [`ids`]: which indicator a row is (the `key` column, or the `id`
//!   column if a spreadsheet dropped it, refusing what is ambiguous);
//! - [`before`]: what the export saw of a value (the ledger up to the
//!   line it was exported at);
//! - [`import`]: the rows of a sheet against the ledger: the changes, the
//!   conflicts and every invalid cell.

pub mod before;
pub mod columns;
pub mod decode;
pub mod export;
pub mod guard;
pub mod ids;
pub mod import;

pub use columns::Column;
pub use decode::{Record, Sheet};
pub use export::Row;
pub use import::{Change, Diff, Problem};
