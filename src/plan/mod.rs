//! The plan: groups, tasks, accountability rows and indicators, loaded from
//! the seed CSV files and validated. No terminal code lives here.

mod cells;
mod error;
pub mod filter;
pub mod load;
pub mod model;
pub mod names;
mod seed;

pub use load::{PlanError, PlanErrors, load_dir, load_embedded};
pub use model::{Better, Comparison, Group, Indicator, Owner, Plan, Row, Task, group_label};
