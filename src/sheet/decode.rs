//! The bytes of an edited sheet to records, each with the line it starts
//! on. The encoding is found strictly, as the ledger's is
//! (`ledger/store/open.rs`): a UTF-8 BOM means UTF-8; without one the
//! file must be valid UTF-8 in every cell, or else valid GB18030 (what
//! Excel/WPS on Chinese Windows write for plain “CSV”) — never replacement
//! characters: bytes neither reads are an error naming the line. CRLF or
//! LF; blank rows (`,,,,` too) skipped; RFC 4180 quoting.

use crate::vocab::{M, Msg};
use std::borrow::Cow;

use crate::ledger::Encoding;

/// One row of the sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The line the row starts on (1 is the first line of the file).
    pub line: u64,
    pub cells: Vec<String>,
}

/// A decoded sheet: the header row and the rows after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub encoding: Encoding,
    pub header: Record,
    pub rows: Vec<Record>,
}

/// `s` as a plain "CSV" save of Excel/WPS on Chinese Windows writes it
/// (code page 936, GBK): every character GBK cannot hold becomes `?`.
pub fn as_gbk_saves(s: &str) -> std::borrow::Cow<'_, str> {
    let lost = |c: char| {
        let mut buf = [0u8; 4];
        encoding_rs::GBK.encode(c.encode_utf8(&mut buf)).2
    };
    if !s.chars().any(lost) {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| if lost(c) { '?' } else { c })
        .collect::<String>()
        .into()
}

/// Why a file cannot be read as a sheet (the line, where there is one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub line: Option<u64>,
    pub message: Msg,
}

fn unreadable(line: Option<u64>, message: impl Into<Msg>) -> Unreadable {
    Unreadable {
        line,
        message: message.into(),
    }
}

/// Reads `bytes` as a CSV sheet.
pub fn read(bytes: &[u8]) -> Result<Sheet, Unreadable> {
    not_a_csv(bytes)?;
    let (body, bom) = match bytes.strip_prefix(crate::ledger::store::BOM) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let raw = records(body)?;
    let tries: &[Encoding] = if bom {
        &[Encoding::Utf8 { bom: true }]
    } else {
        &[Encoding::Utf8 { bom: false }, Encoding::Gb18030]
    };
    let mut failed = Vec::new();
    for &enc in tries {
        match decode_all(&raw, enc) {
            Ok(rows) => return sheet(enc, rows),
            Err(line) => failed.push(line),
        }
    }
    let message = match failed.as_slice() {
        [utf8, gb] => Msg::new(M::SheetNotEncoding).arg("utf", utf8).arg("gb", gb),
        _ => M::SheetBadBom.into(),
    };
    Err(unreadable(failed.first().copied(), message))
}

/// Files that are not CSV at all, named: UTF-16 (Excel's “Unicode text”),
/// JSON (`export --format json`).
fn not_a_csv(bytes: &[u8]) -> Result<(), Unreadable> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(unreadable(Some(1), M::SheetUtf16));
    }
    let start = bytes
        .strip_prefix(crate::ledger::store::BOM)
        .unwrap_or(bytes);
    if let Some(b'[' | b'{') = start.iter().find(|b| !b.is_ascii_whitespace()) {
        return Err(unreadable(Some(1), M::SheetJson));
    }
    Ok(())
}

/// The CSV records of `body` with their lines, as bytes. The csv crate's
/// own line count lags behind (it counts a record's line break when the
/// next record is read, and not blank lines), so lines are counted here:
/// a record starts at the first byte after the line breaks that follow
/// where the reader stood.
fn records(body: &[u8]) -> Result<Vec<(u64, csv::ByteRecord)>, Unreadable> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body);
    let mut out = Vec::new();
    let mut rec = csv::ByteRecord::new();
    let (mut counted, mut newlines) = (0usize, 0u64);
    let mut line_at = |from: u64| {
        let mut start = usize::try_from(from).unwrap_or(usize::MAX).min(body.len());
        while start < body.len() && matches!(body[start], b'\r' | b'\n') {
            start += 1;
        }
        if start > counted {
            newlines += body[counted..start].iter().filter(|&&b| b == b'\n').count() as u64;
            counted = start;
        }
        newlines + 1
    };
    loop {
        let from = rdr.position().byte();
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => return Ok(out),
            Ok(true) => out.push((line_at(from), rec.clone())),
            Err(e) => {
                let line = e.position().map(|p| line_at(p.byte()));
                return Err(unreadable(line, Msg::new(M::SheetNotCsv).arg("error", e)));
            }
        }
    }
}

/// Every cell decoded as `enc`, blank rows left out; the line of the
/// first cell that is not valid in it.
fn decode_all(raw: &[(u64, csv::ByteRecord)], enc: Encoding) -> Result<Vec<Record>, u64> {
    let mut rows = Vec::with_capacity(raw.len());
    for (line, rec) in raw {
        let cells: Option<Vec<String>> = rec
            .iter()
            .map(|f| decode(f, enc).map(Cow::into_owned))
            .collect();
        let cells = cells.ok_or(*line)?;
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push(Record { line: *line, cells });
    }
    Ok(rows)
}

fn decode(f: &[u8], enc: Encoding) -> Option<Cow<'_, str>> {
    match enc {
        Encoding::Utf8 { .. } => std::str::from_utf8(f).ok().map(Cow::Borrowed),
        Encoding::Gb18030 => {
            encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(f)
        }
    }
}

/// The header (the first row) and the rows; a header of one cell holding
/// `;` or a tab is a file separated by something else than commas.
fn sheet(encoding: Encoding, mut rows: Vec<Record>) -> Result<Sheet, Unreadable> {
    if rows.is_empty() {
        return Err(unreadable(None, M::SheetEmpty));
    }
    let header = rows.remove(0);
    if let [only] = header.cells.as_slice()
        && (only.contains(';') || only.contains('\t'))
    {
        return Err(unreadable(Some(header.line), M::SheetSeparators));
    }
    Ok(Sheet {
        encoding,
        header,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gbk_save_loses_what_gbk_cannot_hold() {
        assert_eq!(as_gbk_saves("CO₂ 排放达标 😀 ①"), "CO? 排放达标 ? ①");
        assert!(matches!(
            as_gbk_saves("工业总产值 100%"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    const TEXT: &str = "key,note\r\n#8.1,\"两行\r\n之一\"\r\n,\r\n\r\n#8.2,中文\r\n";

    fn cells(s: &Sheet) -> Vec<(u64, Vec<&str>)> {
        s.rows
            .iter()
            .map(|r| (r.line, r.cells.iter().map(String::as_str).collect()))
            .collect()
    }

    #[test]
    fn utf8_with_or_without_bom_and_gb18030_read_the_same() {
        let mut bom = crate::ledger::store::BOM.to_vec();
        bom.extend(TEXT.as_bytes());
        let (gb, _, _) = encoding_rs::GB18030.encode(TEXT);
        let lf = TEXT.replace("\r\n", "\n");
        for (bytes, enc) in [
            (bom, Encoding::Utf8 { bom: true }),
            (TEXT.as_bytes().to_vec(), Encoding::Utf8 { bom: false }),
            (gb.into_owned(), Encoding::Gb18030),
            (lf.into_bytes(), Encoding::Utf8 { bom: false }),
        ] {
            let s = read(&bytes).unwrap();
            assert_eq!(s.encoding, enc);
            assert_eq!(s.header.cells, ["key", "note"]);
            assert_eq!(s.header.line, 1);
            let want = if bytes.contains(&b'\r') {
                "两行\r\n之一"
            } else {
                "两行\n之一"
            };
            assert_eq!(
                cells(&s),
                [(2, vec!["#8.1", want]), (6, vec!["#8.2", "中文"])]
            );
        }
    }

    #[test]
    fn bad_bytes_are_an_error_naming_the_line() {
        let mut bytes = b"key,note\r\n#8.1,ok\r\n".to_vec();
        bytes.extend(b"#8.2,\xff\xff\r\n");
        let err = read(&bytes).unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(
            err.message
                .to_string()
                .starts_with("neither UTF-8 (invalid from line 3) nor GB18030")
        );
        let mut bom = crate::ledger::store::BOM.to_vec();
        bom.extend(TEXT.as_bytes());
        let (gb, _, _) = encoding_rs::GB18030.encode("#8.3,中文\r\n");
        bom.extend(gb.as_ref());
        let err = read(&bom).unwrap_err();
        assert_eq!(err.line, Some(7));
        assert!(
            err.message
                .to_string()
                .starts_with("not valid UTF-8 although"),
            "{}",
            err.message.to_string()
        );
    }

    #[test]
    fn files_that_are_not_csv_are_named() {
        let utf16 = b"\xFF\xFEk\0e\0y\0";
        assert!(
            read(utf16)
                .unwrap_err()
                .message
                .to_string()
                .contains("UTF-16")
        );
        assert!(
            read(b"\xEF\xBB\xBF [{\"key\": 1}]")
                .unwrap_err()
                .message
                .to_string()
                .contains("JSON")
        );
        assert!(
            read(b"key;id\r\n#8.1;8.1\r\n")
                .unwrap_err()
                .message
                .to_string()
                .contains("semicolons")
        );
        assert!(
            read(b"\r\n,,\r\n")
                .unwrap_err()
                .message
                .to_string()
                .contains("empty")
        );
    }
}
