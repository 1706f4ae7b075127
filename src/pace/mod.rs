//! Pace (序时进度): values by reporting period, the value expected at the
//! end of each period (so far, while it runs) on a straight line to the
//! deadline, and a
//! red / yellow / green / gray light. Pure functions of the plan period,
//! the indicator, its kind, its baseline, its latest value and a date: no
//! terminal code, no files. See docs/data.md ("Pace").
//!
//! - `Period` (`2024`, `2024Q2`, `2024-06`), `PlanPeriod` (2021–2025),
//!   `Elapsed` and `Kind` live in [`crate::plan`] (the plan carries its
//!   period and every indicator its kind) and are re-exported here;
//! - [`expect`]: the expected value and the progress ratio;
//! - [`light`]: `Light`, `assess`, roll-ups and `stale`.

pub mod expect;
pub mod light;

#[cfg(test)]
mod cases;

pub use crate::plan::period::{Period, PeriodError};
pub use crate::plan::{Elapsed, Kind, PlanPeriod};
pub use expect::{ABOUT_SHARE, Goal, Progress, expected, ratio};
pub use light::{Assessment, Light, LightCounts, assess, milestone_light, overdue, stale, worst};
