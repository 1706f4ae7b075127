//! Checks on a seed file's header and cells, before any field is read:
//! a column named twice, a missing column, text holding control
//! characters.

use std::collections::HashMap;

use super::load::PlanError;

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
