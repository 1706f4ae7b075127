//! Pace (序时进度): values by reporting period, the value expected at the
//! end of each period on a straight line to the deadline, and a
//! red / yellow / green / gray light. Pure functions of the plan period,
//! the indicator, its kind, its baseline, its latest value and a date: no
//! terminal code, no files. See docs/pace.md.
//!
//! - [`period`]: `Period` (`2024`, `2024Q2`, `2024-06`) and what people
//!   type for one;
//! - [`plan_period`]: `PlanPeriod` (2021–2025) and `Elapsed`, how far along
//!   the line the end of a period is;
//! - [`kind`]: `Kind` (`level`, `cumulative`, `rate`, `annual`,
//!   `milestone`);
//! - [`expect`]: the expected value and the progress ratio;
//! - [`light`]: `Light`, `assess`, roll-ups and `stale`.

pub mod expect;
pub mod kind;
pub mod light;
pub mod period;
pub mod plan_period;

#[cfg(test)]
mod cases;

pub use expect::{ABOUT_SHARE, Goal, Progress, expected, ratio};
pub use kind::Kind;
pub use light::{Assessment, Light, LightCounts, assess, milestone_light, stale, worst};
pub use period::{Period, PeriodError};
pub use plan_period::{Elapsed, PlanPeriod};
