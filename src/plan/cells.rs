//! Reading a seed file into records ([`records`], [`Rec`]), fields looked
//! up by header name, with the checks made before any field is read: a
//! column named twice, a missing column, text holding control characters,
//! too many fields, an unclosed quote.

use std::collections::HashMap;
use std::rc::Rc;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::error::PlanError;

/// Where each column is, by trimmed header name. A required column named
/// twice, or one missing, is an error (`None`).
pub(super) fn header_columns(
    file: &str,
    headers: &csv::StringRecord,
    required: &[&str],
    errs: &mut Vec<PlanError>,
) -> Option<HashMap<String, usize>> {
    let mut columns: HashMap<String, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let h = h.trim();
        if let Some(&first) = columns.get(h)
            && required.contains(&h)
        {
            errs.push(PlanError::Syntax {
                file: file.to_string(),
                line: 1,
                message: format!(
                    "column `{h}` appears twice in the header (columns {} and {}); expected \
                     each column once",
                    first + 1,
                    i + 1
                ),
            });
            return None;
        }
        columns.entry(h.to_string()).or_insert(i);
    }
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|c| !columns.contains_key(*c))
        .collect();
    for column in &missing {
        errs.push(PlanError::MissingColumn {
            file: file.to_string(),
            line: 1,
            column: column.to_string(),
            expected: required.join(","),
        });
    }
    missing.is_empty().then_some(columns)
}

/// Columns whose text may hold line breaks (paragraphs).
const MULTILINE: &[&str] = &["text"];

/// The first field of `record` holding a control or invisible format
/// character ([`crate::text::is_unsafe`]): plan text is shown on terminals,
/// so a plan file is refused rather than shown with ESC or a bidi override
/// in it. Line breaks (LF, CRLF) are allowed in [`MULTILINE`] columns.
pub(super) fn unsafe_field(
    file: &str,
    line: u64,
    headers: &csv::StringRecord,
    record: &csv::StringRecord,
) -> Option<PlanError> {
    for (i, f) in record.iter().enumerate() {
        let column = headers.get(i).map(str::trim).unwrap_or("");
        let text: std::borrow::Cow<'_, str> = if MULTILINE.contains(&column) {
            f.replace("\r\n", "").replace('\n', "").into()
        } else {
            f.into()
        };
        if let Some(what) = crate::text::first_unsafe(&text) {
            return Some(PlanError::Field {
                file: file.to_string(),
                line,
                field: if column.is_empty() {
                    format!("column {}", i + 1)
                } else {
                    column.to_string()
                },
                message: format!(
                    "`{}` contains {what}; expected text without control characters{}",
                    crate::text::truncate(&crate::text::visible(f), 60),
                    if MULTILINE.contains(&column) {
                        " (line breaks are fine here)"
                    } else {
                        ""
                    }
                ),
            });
        }
    }
    None
}

/// One data record with its file and line, fields looked up by header name.
pub(super) struct Rec<'a> {
    file: &'a str,
    line: u64,
    columns: Rc<HashMap<String, usize>>,
    record: csv::StringRecord,
}

impl Rec<'_> {
    pub(super) fn get(&self, col: &str) -> &str {
        self.columns
            .get(col)
            .and_then(|&i| self.record.get(i))
            .map(str::trim)
            .unwrap_or("")
    }

    pub(super) fn err(&self, errs: &mut Vec<PlanError>, field: &str, message: String) {
        errs.push(PlanError::Field {
            file: self.file.to_string(),
            line: self.line,
            field: field.to_string(),
            message,
        });
    }

    pub(super) fn required(&self, errs: &mut Vec<PlanError>, field: &str) -> String {
        let v = self.get(field);
        if v.is_empty() {
            self.err(errs, field, "empty, expected text".into());
        }
        v.to_string()
    }

    pub(super) fn decimal(&self, errs: &mut Vec<PlanError>, field: &str) -> Option<Decimal> {
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
pub(super) fn records<'a>(
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
    let Some(columns) = header_columns(file, &headers, required, errs) else {
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
                if let Some(e) = unsafe_field(file, line, &headers, &record) {
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
pub(super) fn split_list(s: &str, is_name: bool) -> Vec<String> {
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
