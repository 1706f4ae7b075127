//! The Excel/WPS round trip: `export` byte for byte, `import` of edited
//! sheets (GB18030, sorted rows, reordered and deleted columns), conflicts
//! and invalid cells refusing the whole file with the ledger unchanged,
//! and LibreOffice Calc in the loop.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers outside #[test]

mod bytes;
mod common;
mod lang;
mod limits;
mod office;
mod refuse;
mod round_trip;
