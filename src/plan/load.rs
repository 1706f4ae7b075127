//! Loading and validating the four seed files.
//!
//! Every error names the file, the line and the field, what was found and
//! what was expected. Loading collects all errors instead of stopping at the
//! first, so `wudang-plan check` can list every problem of a file at once.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;
use std::rc::Rc;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::cells;
use super::model::{Better, Comparison, Group, HEADLINE_GROUP, Indicator, Owner, Plan, Row, Task};

/// The seed file names, in load order.
pub const GROUPS: &str = "groups.csv";
pub const TASKS: &str = "tasks.csv";
pub const ROWS: &str = "rows.csv";
pub const INDICATORS: &str = "indicators.csv";

/// One problem in a seed file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("{file}: cannot read: {message}")]
    Io { file: String, message: String },
    #[error("{file}:{line}: missing column `{column}` (expected columns: {expected})")]
    MissingColumn {
        file: String,
        line: u64,
        column: String,
        expected: String,
    },
    #[error("{file}:{line}: {message}")]
    Syntax {
        file: String,
        line: u64,
        message: String,
    },
    #[error("{file}:{line}: field `{field}`: {message}")]
    Field {
        file: String,
        line: u64,
        field: String,
        message: String,
    },
}

/// All problems found while loading a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanErrors(pub Vec<PlanError>);

impl fmt::Display for PlanErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for PlanErrors {}

/// The text of the four seed files, wherever they came from.
pub struct SeedText {
    /// A prefix for file names in messages (the directory, or `seeds/`).
    pub origin: String,
    pub groups: String,
    pub tasks: String,
    pub rows: String,
    pub indicators: String,
}

/// The plan compiled into the binary.
pub fn embedded_text() -> SeedText {
    SeedText {
        origin: "seeds (embedded)".into(),
        groups: include_str!("../../seeds/groups.csv").into(),
        tasks: include_str!("../../seeds/tasks.csv").into(),
        rows: include_str!("../../seeds/rows.csv").into(),
        indicators: include_str!("../../seeds/indicators.csv").into(),
    }
}

/// Loads the embedded plan.
pub fn load_embedded() -> Result<Plan, PlanErrors> {
    load_text(&embedded_text())
}

/// Loads a plan from a directory holding the four seed files.
pub fn load_dir(dir: &Path) -> Result<Plan, PlanErrors> {
    let mut errors = Vec::new();
    let mut read = |name: &str| -> String {
        let path = dir.join(name);
        match std::fs::read(&path) {
            Ok(bytes) => {
                match String::from_utf8(bytes) {
                    Ok(s) => s,
                    Err(e) => {
                        let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                        let line = upto.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
                        errors.push(PlanError::Syntax {
                        file: path.display().to_string(),
                        line,
                        message: "not valid UTF-8 (expected a UTF-8 CSV file; save it as \"CSV UTF-8\")".into(),
                    });
                        String::new()
                    }
                }
            }
            Err(e) => {
                errors.push(PlanError::Io {
                    file: path.display().to_string(),
                    message: e.to_string(),
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
    };
    if !errors.is_empty() {
        return Err(PlanErrors(errors));
    }
    load_text(&text)
}

/// Parses and validates seed text.
pub fn load_text(text: &SeedText) -> Result<Plan, PlanErrors> {
    let mut errs = Vec::new();
    let name = |f: &str| format!("{}/{}", text.origin.trim_end_matches('/'), f);

    // groups
    let mut groups = Vec::new();
    let mut group_ids = HashSet::new();
    let gfile = name(GROUPS);
    for rec in records(&gfile, &text.groups, &["id", "title"], &mut errs) {
        let id = match rec.get("id").parse::<u32>() {
            Ok(0) => {
                rec.err(
                    &mut errs,
                    "id",
                    "found `0`; group 0 (总体目标) is implicit and must not be listed".into(),
                );
                continue;
            }
            Ok(n) => n,
            Err(_) => {
                rec.err(
                    &mut errs,
                    "id",
                    format!(
                        "found `{}`, expected a group number such as `1`",
                        rec.get("id")
                    ),
                );
                continue;
            }
        };
        if !group_ids.insert(id) {
            rec.err(&mut errs, "id", format!("duplicate group id `{id}`"));
            continue;
        }
        let title = rec.required(&mut errs, "title");
        groups.push(Group { id, title });
    }

    // tasks
    let mut tasks = Vec::new();
    let mut task_ids = HashSet::new();
    let tfile = name(TASKS);
    for rec in records(
        &tfile,
        &text.tasks,
        &["id", "group", "title", "text", "units"],
        &mut errs,
    ) {
        let id = rec.get("id").to_string();
        if id.is_empty() {
            rec.err(
                &mut errs,
                "id",
                "empty, expected a task id such as `8`".into(),
            );
            continue;
        }
        if id.contains('.') || id.contains(char::is_whitespace) {
            rec.err(
                &mut errs,
                "id",
                format!("found `{id}`, expected a task id without `.` or spaces"),
            );
            continue;
        }
        if !task_ids.insert(id.clone()) {
            rec.err(&mut errs, "id", format!("duplicate task id `{id}`"));
            continue;
        }
        let group = match rec.get("group").parse::<u32>() {
            Ok(g) if g == HEADLINE_GROUP || group_ids.contains(&g) => g,
            Ok(g) => {
                rec.err(
                    &mut errs,
                    "group",
                    format!(
                        "unknown group `{g}`, expected one of {} in {GROUPS} (or 0)",
                        list(group_ids.iter())
                    ),
                );
                continue;
            }
            Err(_) => {
                rec.err(
                    &mut errs,
                    "group",
                    format!("found `{}`, expected a group number", rec.get("group")),
                );
                continue;
            }
        };
        let title = rec.required(&mut errs, "title");
        tasks.push(Task {
            id,
            group,
            title,
            text: rec.get("text").replace("\r\n", "\n"),
            units: split_list(rec.get("units"), false),
        });
    }

    // rows
    let mut rows: Vec<Row> = Vec::new();
    let mut row_task: HashMap<String, String> = HashMap::new();
    let rfile = name(ROWS);
    let rcols = [
        "id", "task", "title", "target", "leaders", "units", "persons",
    ];
    for rec in records(&rfile, &text.rows, &rcols, &mut errs) {
        let id = rec.get("id").to_string();
        if id.is_empty() {
            rec.err(
                &mut errs,
                "id",
                "empty, expected a row id such as `T8`".into(),
            );
            continue;
        }
        if row_task.contains_key(&id) {
            rec.err(&mut errs, "id", format!("duplicate row id `{id}`"));
            continue;
        }
        let task = rec.get("task").to_string();
        if !task_ids.contains(&task) {
            rec.err(
                &mut errs,
                "task",
                format!("unknown task `{task}`, expected a task id from {TASKS}"),
            );
            continue;
        }
        let leaders = split_list(rec.get("leaders"), true);
        if leaders.is_empty() {
            rec.err(
                &mut errs,
                "leaders",
                "empty, expected at least one 责任领导".into(),
            );
        }
        let units = split_list(rec.get("units"), false);
        let persons = split_list(rec.get("persons"), true);
        if units.len() != persons.len() {
            let msg = if units.len() > persons.len() {
                format!(
                    "unit `{}` has no person: {} units but {} persons (units and persons pair in order)",
                    units[persons.len()],
                    units.len(),
                    persons.len()
                )
            } else {
                format!(
                    "person `{}` has no unit: {} units but {} persons (units and persons pair in order)",
                    persons[units.len()],
                    units.len(),
                    persons.len()
                )
            };
            rec.err(&mut errs, "persons", msg);
            continue;
        }
        let owners = units
            .into_iter()
            .zip(persons)
            .map(|(unit, person)| Owner { unit, person })
            .collect();
        row_task.insert(id.clone(), task.clone());
        rows.push(Row {
            id,
            task,
            title: rec.get("title").to_string(),
            target: rec.get("target").to_string(),
            leaders,
            owners,
        });
    }

    // indicators
    let mut indicators = Vec::new();
    let mut ind_ids = HashSet::new();
    let ifile = name(INDICATORS);
    let icols = [
        "id",
        "task",
        "row",
        "name",
        "unit",
        "comparison",
        "target",
        "stretch",
        "better",
        "deadline",
        "source",
    ];
    for rec in records(&ifile, &text.indicators, &icols, &mut errs) {
        let before = errs.len();
        let id = rec.get("id").to_string();
        let task = rec.get("task").to_string();
        if !task_ids.contains(&task) {
            rec.err(
                &mut errs,
                "task",
                format!("unknown task `{task}`, expected a task id from {TASKS}"),
            );
        }
        match id.split_once('.') {
            Some((t, n)) if t == task && !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => {
            }
            _ => rec.err(
                &mut errs,
                "id",
                format!("found `{id}`, expected `{task}.N` (the task id, a dot, a number)"),
            ),
        }
        if !ind_ids.insert(id.clone()) {
            rec.err(&mut errs, "id", format!("duplicate indicator id `{id}`"));
        }
        let row = rec.get("row").to_string();
        match row_task.get(&row) {
            None => rec.err(
                &mut errs,
                "row",
                format!("unknown row `{row}`, expected a row id from {ROWS}"),
            ),
            Some(t) if *t != task => rec.err(
                &mut errs,
                "row",
                format!("row `{row}` belongs to task `{t}`, not to task `{task}`"),
            ),
            Some(_) => {}
        }
        let name_ = rec.required(&mut errs, "name");
        let comparison = match Comparison::parse(rec.get("comparison")) {
            Some(c) => Some(c),
            None => {
                rec.err(
                    &mut errs,
                    "comparison",
                    format!(
                        "found `{}`, expected one of `>=`, `<=`, `~`, `done`",
                        rec.get("comparison")
                    ),
                );
                None
            }
        };
        let target = rec.decimal(&mut errs, "target");
        let stretch = rec.decimal(&mut errs, "stretch");
        match (comparison, &target) {
            (Some(Comparison::Done), Some(t)) => rec.err(
                &mut errs,
                "target",
                format!("found `{t}`, expected empty for a `done` milestone"),
            ),
            (Some(c), None) if c != Comparison::Done && rec.get("target").is_empty() => rec.err(
                &mut errs,
                "target",
                format!("empty, expected a number for comparison `{c}`"),
            ),
            _ => {}
        }
        let better = match rec.get("better") {
            "" => comparison.map(|c| {
                if c == Comparison::AtMost {
                    Better::Lower
                } else {
                    Better::Higher
                }
            }),
            s => match Better::parse(s) {
                Some(b) => Some(b),
                None => {
                    rec.err(
                        &mut errs,
                        "better",
                        format!("found `{s}`, expected `higher` or `lower`"),
                    );
                    None
                }
            },
        };
        let deadline = match rec.get("deadline").parse::<i32>() {
            Ok(y) if (1900..=2200).contains(&y) => Some(y),
            _ => {
                rec.err(
                    &mut errs,
                    "deadline",
                    format!(
                        "found `{}`, expected a year such as `2025`",
                        rec.get("deadline")
                    ),
                );
                None
            }
        };
        let unit = Some(rec.get("unit").to_string()).filter(|u| !u.is_empty());
        if errs.len() != before {
            continue;
        }
        if let (Some(comparison), Some(better), Some(deadline)) = (comparison, better, deadline) {
            indicators.push(Indicator {
                id,
                task,
                row,
                name: name_,
                unit,
                comparison,
                target,
                stretch,
                better,
                deadline,
                source: rec.get("source").to_string(),
            });
        }
    }

    if errs.is_empty() {
        Ok(Plan::new(groups, tasks, rows, indicators))
    } else {
        Err(PlanErrors(errs))
    }
}

/// One data record with its file and line, fields looked up by header name.
struct Rec<'a> {
    file: &'a str,
    line: u64,
    columns: Rc<HashMap<String, usize>>,
    record: csv::StringRecord,
}

impl Rec<'_> {
    fn get(&self, col: &str) -> &str {
        self.columns
            .get(col)
            .and_then(|&i| self.record.get(i))
            .map(str::trim)
            .unwrap_or("")
    }

    fn err(&self, errs: &mut Vec<PlanError>, field: &str, message: String) {
        errs.push(PlanError::Field {
            file: self.file.to_string(),
            line: self.line,
            field: field.to_string(),
            message,
        });
    }

    fn required(&self, errs: &mut Vec<PlanError>, field: &str) -> String {
        let v = self.get(field);
        if v.is_empty() {
            self.err(errs, field, "empty, expected text".into());
        }
        v.to_string()
    }

    fn decimal(&self, errs: &mut Vec<PlanError>, field: &str) -> Option<Decimal> {
        let v = self.get(field);
        if v.is_empty() {
            return None;
        }
        let plain = !v.is_empty()
            && v.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
            && v.chars().any(|c| c.is_ascii_digit());
        match Decimal::from_str(v) {
            Ok(d) if plain => Some(d),
            _ => {
                self.err(
                    errs,
                    field,
                    format!("found `{v}`, expected a plain decimal number such as `325` or `1.5`"),
                );
                None
            }
        }
    }
}

/// Reads a CSV text into records, checking the header for required columns.
/// Header names are matched after trimming; a UTF-8 BOM is ignored.
fn records<'a>(
    file: &'a str,
    text: &str,
    required: &[&str],
    errs: &mut Vec<PlanError>,
) -> Vec<Rec<'a>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            errs.push(csv_error(file, &e));
            return Vec::new();
        }
    };
    let Some(columns) = cells::header_columns(file, &headers, required, errs) else {
        return Vec::new();
    };
    let columns = Rc::new(columns);
    let mut out = Vec::new();
    let unbalanced = text.matches('"').count() % 2 == 1;
    for result in rdr.records() {
        match result {
            Ok(record) => {
                let line = record.position().map(|p| p.line()).unwrap_or(0);
                if record.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                if let Some(e) = cells::unsafe_field(file, line, &headers, &record) {
                    errs.push(e);
                    continue;
                }
                if record.len() > headers.len() {
                    errs.push(PlanError::Syntax {
                        file: file.to_string(),
                        line,
                        message: format!(
                            "{} fields, expected at most {} (one per header column); is a comma unquoted?",
                            record.len(),
                            headers.len()
                        ),
                    });
                    continue;
                }
                out.push(Rec {
                    file,
                    line,
                    columns: Rc::clone(&columns),
                    record,
                });
            }
            Err(e) => errs.push(csv_error(file, &e)),
        }
    }
    // An unclosed quote swallows the rest of the file into one field: name
    // the line where it starts instead of reporting confusing later errors.
    if unbalanced
        && let Some(last) = out.last()
        && last.record.iter().any(|f| f.contains('\n'))
    {
        let line = last.line;
        out.pop();
        errs.push(PlanError::Syntax {
            file: file.to_string(),
            line,
            message: "a quoted field starting here is never closed (expected a closing `\"`)"
                .into(),
        });
    }
    out
}

fn csv_error(file: &str, e: &csv::Error) -> PlanError {
    let line = e.position().map(|p| p.line()).unwrap_or(0);
    PlanError::Syntax {
        file: file.to_string(),
        line,
        message: format!("malformed CSV: {e}"),
    }
}

/// Splits a `;`-separated list. Names (leaders, persons) lose all inner
/// whitespace, so `王 飞` becomes `王飞`.
fn split_list(s: &str, is_name: bool) -> Vec<String> {
    s.split([';', '；'])
        .map(|item| {
            if is_name {
                item.chars().filter(|c| !c.is_whitespace()).collect()
            } else {
                item.trim().to_string()
            }
        })
        .filter(|item: &String| !item.is_empty())
        .collect()
}

fn list<'a>(ids: impl Iterator<Item = &'a u32>) -> String {
    let mut v: Vec<_> = ids.collect();
    v.sort();
    v.iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
