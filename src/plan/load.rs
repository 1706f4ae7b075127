//! Loading and validating the seed files: the four of the first release
//! and `period.csv` (optional).
//!
//! Every error names the file, the line and the field, what was found and
//! what was expected. Loading collects all errors instead of stopping at the
//! first, so `wudang-plan check` can list every problem of a file at once.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use super::cells::Unreadable;
#[doc(hidden)]
pub use super::cells::records_read;
pub use super::error::{PlanError, PlanErrors};
use super::model::{Defaults, Plan};
pub use super::seed::{GROUPS, INDICATORS, ROWS, TASKS};
pub use super::seed_period::PERIOD;
use super::{seed, seed_period};
use crate::vocab::{M, Msg};

/// The text of the four seed files, wherever they came from.
pub struct SeedText {
    /// A prefix for file names in messages (the directory, or `seeds/`).
    pub origin: String,
    pub groups: String,
    pub tasks: String,
    pub rows: String,
    pub indicators: String,
    /// `period.csv`, `None` when the plan has none (the first release's
    /// plan directories): the period is then derived from the deadlines.
    pub period: Option<String>,
}

/// The plan compiled into the binary.
pub fn embedded_text() -> SeedText {
    SeedText {
        origin: "seeds (embedded)".into(),
        groups: include_str!("../../seeds/groups.csv").into(),
        tasks: include_str!("../../seeds/tasks.csv").into(),
        rows: include_str!("../../seeds/rows.csv").into(),
        indicators: include_str!("../../seeds/indicators.csv").into(),
        period: Some(include_str!("../../seeds/period.csv").into()),
    }
}

/// Loads the embedded plan.
pub fn load_embedded() -> Result<Plan, PlanErrors> {
    load_text(&embedded_text())
}

/// Loads a plan from a directory holding the four seed files and,
/// optionally, `period.csv`.
///
/// Each file is read as it is parsed, a buffer at a time: neither its text
/// nor its records are held (issue 12, plan memory). A file that cannot be
/// opened or read to its end, or that is not UTF-8, sends it back to reading
/// every file whole first ([`load_dir_whole`]), which names each such file
/// and nothing else, as it always has.
pub fn load_dir(dir: &Path) -> Result<Plan, PlanErrors> {
    let open = |name: &str| std::fs::File::open(dir.join(name)).ok().map(BufReader::new);
    let period_path = dir.join(PERIOD);
    let period = if period_path.exists() {
        match open(PERIOD) {
            Some(f) => Some(f),
            None => return load_dir_whole(dir),
        }
    } else {
        None
    };
    let (Some(groups), Some(tasks), Some(rows), Some(indicators)) =
        (open(GROUPS), open(TASKS), open(ROWS), open(INDICATORS))
    else {
        return load_dir_whole(dir);
    };
    let inputs = Inputs {
        origin: &dir.display().to_string(),
        groups,
        tasks,
        rows,
        indicators: (indicators, lines_of(&dir.join(INDICATORS))),
        period,
    };
    match load_inputs(inputs) {
        Ok(loaded) => loaded,
        Err(Unreadable) => load_dir_whole(dir),
    }
}

/// Reads the seed files of `dir` whole, reporting each that cannot be read
/// or is not UTF-8 (and nothing else when one is), then loads them.
fn load_dir_whole(dir: &Path) -> Result<Plan, PlanErrors> {
    let mut errors = Vec::new();
    let period_path = dir.join(PERIOD);
    let has_period = period_path.exists();
    let mut read = |name: &str| -> String {
        let path = dir.join(name);
        match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(s) => s,
                Err(e) => {
                    let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                    let line = upto.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
                    errors.push(PlanError::Syntax {
                        file: path.display().to_string(),
                        line,
                        message: Msg::new(M::PlanNotUtf8),
                    });
                    String::new()
                }
            },
            Err(e) => {
                errors.push(PlanError::Io {
                    file: path.display().to_string(),
                    message: Msg::new(M::OsOther).arg("os", e),
                });
                String::new()
            }
        }
    };
    let text = SeedText {
        origin: dir.display().to_string(),
        groups: read(GROUPS),
        tasks: read(TASKS),
        rows: read(ROWS),
        indicators: read(INDICATORS),
        period: has_period.then(|| read(PERIOD)),
    };
    if !errors.is_empty() {
        return Err(PlanErrors(errors));
    }
    load_text(&text)
}

/// The seed files, open for reading.
struct Inputs<'a, R> {
    origin: &'a str,
    groups: R,
    tasks: R,
    rows: R,
    /// With its line count: an upper bound of the number of indicators.
    indicators: (R, usize),
    period: Option<R>,
}

/// The number of lines of a file (0 when it cannot be read): a quick pass
/// over its bytes, to size the list of indicators once.
fn lines_of(path: &Path) -> usize {
    let Ok(mut f) = std::fs::File::open(path) else {
        return 0;
    };
    let mut buf = vec![0; 1 << 16];
    let mut lines = 1;
    while let Ok(n) = f.read(&mut buf) {
        let Some(read) = buf.get(..n).filter(|r| !r.is_empty()) else {
            break;
        };
        lines += read.iter().filter(|&&b| b == b'\n').count();
    }
    lines
}

/// Parses and validates seed text: the period, groups, then tasks (checked against
/// the groups), rows (against the tasks) and indicators (against both).
pub fn load_text(text: &SeedText) -> Result<Plan, PlanErrors> {
    let inputs = Inputs {
        origin: &text.origin,
        groups: text.groups.as_bytes(),
        tasks: text.tasks.as_bytes(),
        rows: text.rows.as_bytes(),
        indicators: (
            text.indicators.as_bytes(),
            text.indicators.matches('\n').count() + 1,
        ),
        period: text.period.as_ref().map(|p| p.as_bytes()),
    };
    // Text in memory is UTF-8 and reads without an I/O error: not reached.
    load_inputs(inputs).unwrap_or_else(|Unreadable| {
        Err(PlanErrors(vec![PlanError::Io {
            file: text.origin.clone(),
            message: Msg::new(M::PlanNotUtf8Text),
        }]))
    })
}

/// Parses and validates the seed files in turn: the period, groups, then
/// tasks (checked against the groups), rows (against the tasks) and
/// indicators (against both).
fn load_inputs<R: BufRead>(inputs: Inputs<'_, R>) -> Result<Result<Plan, PlanErrors>, Unreadable> {
    let mut errs = Vec::new();
    let name = |f: &str| format!("{}/{}", inputs.origin.trim_end_matches('/'), f);
    let period = match inputs.period {
        Some(input) => Some(seed_period::period(&name(PERIOD), input, &mut errs)?),
        None => None,
    };
    let (groups, group_ids) = seed::groups(&name(GROUPS), inputs.groups, &mut errs)?;
    let (tasks, task_ids) = seed::tasks(&name(TASKS), inputs.tasks, &group_ids, &mut errs)?;
    let (rows, row_task) = seed::rows(&name(ROWS), inputs.rows, &task_ids, &mut errs)?;
    let (indicators, kinds_defaulted) = seed::indicators(
        &name(INDICATORS),
        inputs.indicators,
        (&task_ids, &row_task),
        period.flatten(),
        &mut errs,
    )?;
    if !errs.is_empty() {
        return Ok(Err(PlanErrors(errs)));
    }
    let mut plan = Plan::new(groups, tasks, rows, indicators);
    if let Some(Some(p)) = period {
        plan.period = p;
    }
    plan.defaults = Defaults {
        period: period.is_none(),
        kinds: kinds_defaulted,
    };
    Ok(Ok(plan))
}
