//! Reading a seed file into records ([`records`], [`Rec`]), fields looked
//! up by header name, with the checks made before any field is read: a
//! column named twice, a missing column, text holding control characters,
//! too many fields, an unclosed quote.

use std::collections::HashMap;
use std::io::{BufRead, Read};
use std::rc::Rc;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::error::PlanError;
use crate::vocab::{M, Msg};

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
                message: Msg::new(M::PlanColumnTwice)
                    .arg("column", h)
                    .arg("first", first + 1)
                    .arg("second", i + 1),
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
fn unsafe_field(
    file: &str,
    line: u64,
    columns: &Columns,
    record: &csv::StringRecord,
) -> Option<PlanError> {
    for (i, f) in record.iter().enumerate() {
        let multiline = columns.multiline.get(i).copied().unwrap_or(false);
        if !has_unsafe(f, multiline) {
            continue;
        }
        let column = columns.names.get(i).map(String::as_str).unwrap_or("");
        let text: std::borrow::Cow<'_, str> = if multiline {
            f.replace("\r\n", "").replace('\n', "").into()
        } else {
            f.into()
        };
        if let Some(what) = super::error::unsafe_char(&text) {
            return Some(PlanError::Field {
                file: file.to_string(),
                line,
                field: if column.is_empty() {
                    format!("column {}", i + 1)
                } else {
                    column.to_string()
                },
                message: Msg::new(if multiline {
                    M::PlanUnsafeMultiline
                } else {
                    M::PlanUnsafe
                })
                .arg("text", crate::text::truncate(&crate::text::visible(f), 60))
                .sub("what", what),
            });
        }
    }
    None
}

/// True when `f` holds a character [`unsafe_field`] refuses: any
/// [`crate::text::is_unsafe`] one but, in a multi-line column, LF and the
/// CR of a CRLF. ASCII is checked without decoding (only its control
/// characters are unsafe).
fn has_unsafe(f: &str, multiline: bool) -> bool {
    let b = f.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if (0xE3..=0xED).contains(&c) {
            // U+3000–U+D7FF (CJK, kana, hangul): none is unsafe, no decoding.
            i += 3;
            continue;
        }
        if c.is_ascii() {
            let line_break =
                multiline && (c == b'\n' || (c == b'\r' && b.get(i + 1) == Some(&b'\n')));
            if (c < 0x20 || c == 0x7f) && !line_break {
                return true;
            }
            i += 1;
            continue;
        }
        match f.get(i..).and_then(|rest| rest.chars().next()) {
            Some(ch) if crate::text::is_unsafe(ch) => return true,
            Some(ch) => i += ch.len_utf8(),
            None => return true,
        }
    }
    false
}

/// The columns of a file: by trimmed header name, the wanted ones first
/// in the order the loader asks for them, with whether each header column
/// is multi-line. The loader asks with the same string literals it listed
/// as wanted: a wanted column is found by the literal's address first (no
/// text compared), else by its text.
pub(super) struct Columns {
    wanted: Vec<(usize, usize, Option<usize>)>,
    by_name: Vec<(String, usize)>,
    names: Vec<String>,
    multiline: Vec<bool>,
}

impl Columns {
    fn new(headers: &csv::StringRecord, found: HashMap<String, usize>, wanted: &[&str]) -> Self {
        let mut by_name: Vec<(String, usize)> = found.into_iter().collect();
        let rank = |n: &str| wanted.iter().position(|w| *w == n).unwrap_or(wanted.len());
        by_name.sort_by_key(|(n, i)| (rank(n), *i));
        let at = |w: &str| by_name.iter().find(|(n, _)| n == w).map(|&(_, i)| i);
        let wanted = wanted
            .iter()
            .map(|w| (w.as_ptr() as usize, w.len(), at(w)))
            .collect();
        let names: Vec<String> = headers.iter().map(|h| h.trim().to_string()).collect();
        let multiline = names
            .iter()
            .map(|n| MULTILINE.contains(&n.as_str()))
            .collect();
        Columns {
            wanted,
            by_name,
            names,
            multiline,
        }
    }

    fn index(&self, col: &str) -> Option<usize> {
        let key = (col.as_ptr() as usize, col.len());
        if let Some(&(_, _, i)) = self.wanted.iter().find(|&&(p, n, _)| (p, n) == key) {
            return i;
        }
        self.by_name
            .iter()
            .find(|(name, _)| name == col)
            .map(|&(_, i)| i)
    }
}

/// One data record with its file and line, fields looked up by header name.
pub(super) struct Rec<'a> {
    file: &'a str,
    line: u64,
    columns: Rc<Columns>,
    record: csv::StringRecord,
}

impl Rec<'_> {
    pub(super) fn get(&self, col: &str) -> &str {
        self.columns
            .index(col)
            .and_then(|i| self.record.get(i))
            .map(str::trim)
            .unwrap_or("")
    }

    pub(super) fn err(&self, errs: &mut Vec<PlanError>, field: &str, message: Msg) {
        errs.push(PlanError::Field {
            file: self.file.to_string(),
            line: self.line,
            field: field.to_string(),
            message,
        });
    }

    pub(super) fn required(&self, errs: &mut Vec<PlanError>, field: &str) -> String {
        self.required_str(errs, field).to_string()
    }

    /// [`Rec::required`], borrowed from the record.
    pub(super) fn required_str(&self, errs: &mut Vec<PlanError>, field: &str) -> &str {
        let v = self.get(field);
        if v.is_empty() {
            self.err(errs, field, Msg::new(M::PlanEmptyText));
        }
        v
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
                self.err(errs, field, Msg::new(M::PlanNotDecimal).arg("found", v));
                None
            }
        }
    }
}

/// A seed file could not be read to its end, or is not UTF-8: the
/// streaming loader stops, and [`super::load::load_dir`] reads the files
/// whole to report it as it always has.
#[derive(Debug)]
pub(super) struct Unreadable;

thread_local! {
    /// Records of seed files read by this thread ([`records_read`]).
    static RECORDS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many records of seed files this thread has read so far (tests: a
/// load from the snapshot reads none).
pub fn records_read() -> u64 {
    RECORDS.with(std::cell::Cell::get)
}

/// A seed file's bytes as csv reads them, with the count of `"` seen (the
/// unclosed-quote check needs the parity of the whole file's).
struct Counting<R> {
    inner: R,
    quotes: usize,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let read = buf.get(..n).unwrap_or_default();
        self.quotes += read.iter().filter(|&&b| b == b'"').count();
        Ok(n)
    }
}

/// Skips a UTF-8 byte order mark at the start of `input`.
fn skip_bom(input: &mut impl BufRead) -> Result<(), Unreadable> {
    const BOM: &[u8] = "\u{feff}".as_bytes();
    let starts = input.fill_buf().map_err(|_| Unreadable)?.starts_with(BOM);
    if starts {
        input.consume(BOM.len());
    }
    Ok(())
}

/// Reads a CSV file into records, checking the header for required columns.
/// Header names are matched after trimming; a UTF-8 BOM is ignored.
pub(super) fn records<'a>(
    file: &'a str,
    input: impl BufRead,
    required: &[&str],
    errs: &mut Vec<PlanError>,
) -> Result<Vec<Rec<'a>>, Unreadable> {
    let mut out = Vec::new();
    each_record(file, input, required, errs, |rec, _| {
        out.push(Rec {
            file: rec.file,
            line: rec.line,
            columns: Rc::clone(&rec.columns),
            record: rec.record.clone(),
        })
    })?;
    Ok(out)
}

/// Calls `f` with each record of a CSV file in turn, read as it streams
/// (one record buffer reused: no record is kept, nor the file's text),
/// after checking the header for required columns. `f` pushes its errors to
/// the vector it is given; they follow the file's syntax errors in `errs`,
/// as if every record had been read first. Header names are matched after
/// trimming; a UTF-8 BOM is ignored. A read error or text that is not
/// UTF-8 stops it ([`Unreadable`]).
pub(super) fn each_record<'a>(
    file: &'a str,
    mut input: impl BufRead,
    required: &[&str],
    errs: &mut Vec<PlanError>,
    mut f: impl FnMut(&Rec<'a>, &mut Vec<PlanError>),
) -> Result<(), Unreadable> {
    skip_bom(&mut input)?;
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(Counting {
            inner: input,
            quotes: 0,
        });
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            errs.push(csv_error(file, &e)?);
            return Ok(());
        }
    };
    let Some(found) = header_columns(file, &headers, required, errs) else {
        return Ok(());
    };
    let columns = Rc::new(Columns::new(&headers, found, required));
    let mut found = Vec::new();
    // The last good record waits for the next: an unclosed quote drops it.
    let mut pending: Option<Rec<'a>> = None;
    // Two record buffers take turns (no allocation per record): one is
    // read into while the other waits in `pending`.
    let mut record = csv::StringRecord::new();
    let mut spare: Option<csv::StringRecord> = None;
    loop {
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                RECORDS.with(|c| c.set(c.get() + 1));
                let line = record.position().map(|p| p.line()).unwrap_or(0);
                if !record_ok(file, line, &columns, &record, errs) {
                    continue;
                }
                let next = spare.take().unwrap_or_default();
                let rec = Rec {
                    file,
                    line,
                    columns: Rc::clone(&columns),
                    record: std::mem::replace(&mut record, next),
                };
                if let Some(prev) = pending.replace(rec) {
                    f(&prev, &mut found);
                    spare = Some(prev.record);
                }
            }
            Err(e) => errs.push(csv_error(file, &e)?),
        }
    }
    // An unclosed quote swallows the rest of the file into one field: name
    // the line where it starts instead of reporting confusing later errors.
    if let Some(last) = pending {
        let quotes = rdr.get_ref().quotes;
        if quotes % 2 == 1 && last.record.iter().any(|f| f.contains('\n')) {
            errs.push(PlanError::Syntax {
                file: file.to_string(),
                line: last.line,
                message: Msg::new(M::PlanQuoteNeverClosed),
            });
        } else {
            f(&last, &mut found);
        }
    }
    errs.extend(found);
    Ok(())
}

/// False (and the error pushed) for a record with an unsafe character or
/// more fields than the header; false, silently, for an empty one.
fn record_ok(
    file: &str,
    line: u64,
    columns: &Columns,
    record: &csv::StringRecord,
    errs: &mut Vec<PlanError>,
) -> bool {
    if record.iter().all(|f| f.trim().is_empty()) {
        return false;
    }
    if let Some(e) = unsafe_field(file, line, columns, record) {
        errs.push(e);
        return false;
    }
    let headers = columns.names.len();
    if record.len() > headers {
        errs.push(PlanError::Syntax {
            file: file.to_string(),
            line,
            message: Msg::new(M::PlanTooManyFields)
                .arg("n", record.len())
                .arg("max", headers),
        });
        return false;
    }
    true
}

/// A CSV error as a syntax error of the file; a read error or text that is
/// not UTF-8 is [`Unreadable`].
fn csv_error(file: &str, e: &csv::Error) -> Result<PlanError, Unreadable> {
    if matches!(
        e.kind(),
        csv::ErrorKind::Io(_) | csv::ErrorKind::Utf8 { .. }
    ) {
        return Err(Unreadable);
    }
    let line = e.position().map(|p| p.line()).unwrap_or(0);
    Ok(PlanError::Syntax {
        file: file.to_string(),
        line,
        message: Msg::new(M::PlanMalformedCsv).arg("detail", e),
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The allocation-free check says what the check on the text with its
    /// line breaks removed said.
    #[test]
    fn the_fast_unsafe_check_agrees_with_the_full_one() {
        let texts = [
            "",
            "plain",
            "中文，全角",
            "a\nb",
            "a\r\nb",
            "a\rb",
            "a\r\r\nb",
            "\r",
            "\n",
            "tab\there",
            "esc\u{1b}[31m",
            "\u{7f}",
            "zero\u{200b}width",
            "bidi\u{202e}",
            "c1\u{85}",
            "line\u{2028}sep",
            "bom\u{feff}",
            "soft\u{ad}hyphen",
            "末尾\n",
            "〇一\u{3000}全角空格",
            "한글\u{d7a3}",
            "\u{2fff}\u{3000}\u{e000}\u{feff}",
            "\u{fffa}中",
        ];
        for t in texts {
            for multiline in [false, true] {
                let full = if multiline {
                    t.replace("\r\n", "").replace('\n', "")
                } else {
                    t.to_string()
                };
                let want = crate::text::first_unsafe(&full).is_some();
                assert_eq!(
                    has_unsafe(t, multiline),
                    want,
                    "{t:?} multiline {multiline}"
                );
            }
        }
    }

    /// Records are handed over one at a time; errors found in them come
    /// after the file's syntax errors, as when all were read first.
    #[test]
    fn records_stream_and_errors_keep_their_order() {
        let text = "id,name\n1,a\n2,b\u{1b}\n3,c\n";
        let (mut errs, mut seen) = (Vec::new(), Vec::new());
        let read = each_record(
            "f.csv",
            text.as_bytes(),
            &["id", "name"],
            &mut errs,
            |rec, found| {
                // A column asked for by a literal, and by a text elsewhere.
                let name = String::from("name");
                seen.push(format!("{}{}", rec.get("id"), rec.get(&name)));
                rec.err(found, "name", Msg::new(M::PlanEmptyText));
            },
        );
        assert!(read.is_ok());
        assert_eq!(seen, ["1a", "3c"]);
        let lines: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        assert_eq!(errs.len(), 3, "{lines:?}");
        assert!(
            lines[0].contains(":3") || lines[0].contains("line 3"),
            "{lines:?}"
        );
        assert!(
            lines[1].contains("empty, expected text") && lines[2].contains("empty, expected text"),
            "{lines:?}"
        );
    }
}
