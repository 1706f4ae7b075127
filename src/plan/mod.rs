//! The plan: groups, tasks, accountability rows and indicators, loaded from
//! the seed CSV files and validated. No terminal code lives here.

mod cells;
mod error;
pub mod filter;
pub mod kind;
pub mod load;
pub mod model;
pub mod names;
pub mod period;
pub mod plan_period;
mod seed;
mod seed_period;
pub mod snapshot;

pub use error::unsafe_char;
pub use kind::Kind;
pub use load::{PlanError, PlanErrors, load_dir, load_embedded};
pub use model::{
    Better, Comparison, Defaults, District, Group, Indicator, NewIndicator, Owner, Plan, Row, Task,
    group_label, qualified, split_qualified,
};
pub use period::{Period, PeriodError};
pub use plan_period::{Elapsed, PlanPeriod};
pub use snapshot::load_dir_with_snapshot;
