//! Bytes to rows: positioned reads from a [`Source`], the end of the last
//! complete line, decoding a record's fields, and the CSV parser every
//! read goes through (open, refresh, history, check).

use crate::vocab::{M, Msg};
use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use super::index::RowPos;
use super::{Encoding, MAX_PROBLEMS, TAIL_CHECK, io_err, sys};
use crate::ledger::columns::Columns;
use crate::ledger::entry::Entry;
use crate::ledger::error::{LedgerError, LineProblem};

/// Where a ledger's bytes are read from: the file itself, or (for
/// `convert`) the bytes already read from it, so that everything is
/// derived from one read.
pub(super) trait Source {
    fn read_at(&self, buf: &mut [u8], at: u64) -> io::Result<usize>;
}

impl Source for File {
    fn read_at(&self, buf: &mut [u8], at: u64) -> io::Result<usize> {
        sys::read_at(self, buf, at)
    }
}

impl Source for [u8] {
    fn read_at(&self, buf: &mut [u8], at: u64) -> io::Result<usize> {
        let at = usize::try_from(at).unwrap_or(usize::MAX).min(self.len());
        let n = buf.len().min(self.len() - at);
        buf[..n].copy_from_slice(&self[at..at + n]);
        Ok(n)
    }
}

pub(super) fn read_exact_at<S: Source + ?Sized>(
    f: &S,
    buf: &mut [u8],
    mut at: u64,
) -> io::Result<()> {
    let mut done = 0;
    while done < buf.len() {
        match f.read_at(&mut buf[done..], at) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                done += n;
                at += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Reads `[start, end)` of a file through positioned reads, counting line
/// breaks and bytes.
pub(super) struct AtReader<'a, S: ?Sized> {
    file: &'a S,
    pos: u64,
    end: u64,
    newlines: u64,
    bytes: u64,
}

impl<'a, S: Source + ?Sized> AtReader<'a, S> {
    pub(super) fn new(file: &'a S, start: u64, end: u64) -> Self {
        AtReader {
            file,
            pos: start,
            end,
            newlines: 0,
            bytes: 0,
        }
    }

    /// Line breaks read so far.
    pub(super) fn newlines(&self) -> u64 {
        self.newlines
    }

    /// Bytes read so far.
    pub(super) fn bytes_read(&self) -> u64 {
        self.bytes
    }
}

impl<S: Source + ?Sized> Read for AtReader<'_, S> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let want = (self.end - self.pos).min(buf.len() as u64) as usize;
        if want == 0 {
            return Ok(0);
        }
        let n = self.file.read_at(&mut buf[..want], self.pos)?;
        self.pos += n as u64;
        self.bytes += n as u64;
        self.newlines += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
        Ok(n)
    }
}

/// The end of the last complete line in the first `len` bytes (0 if none).
/// Reads backwards, 4 KiB first, then larger chunks.
pub(super) fn complete_end<S: Source + ?Sized>(f: &S, len: u64, read: &mut u64) -> io::Result<u64> {
    let mut chunk: u64 = 4 * 1024;
    let mut end = len;
    let mut buf = Vec::new();
    while end > 0 {
        let start = end.saturating_sub(chunk);
        buf.resize((end - start) as usize, 0);
        read_exact_at(f, &mut buf, start)?;
        *read += buf.len() as u64;
        if let Some(i) = buf.iter().rposition(|&b| b == b'\n') {
            return Ok(start + i as u64 + 1);
        }
        end = start;
        chunk = (chunk * 4).min(1024 * 1024);
    }
    Ok(0)
}

/// The last bytes before `offset` (at most [`TAIL_CHECK`]), to notice a
/// file rewritten in place; empty if they cannot be read.
pub(super) fn read_tail_check<S: Source + ?Sized>(f: &S, offset: u64, read: &mut u64) -> Vec<u8> {
    let n = offset.min(TAIL_CHECK);
    let mut buf = vec![0u8; n as usize];
    if read_exact_at(f, &mut buf, offset - n).is_err() {
        return Vec::new();
    }
    *read += n;
    buf
}

/// Why parsing stopped.
#[derive(Debug)]
pub(super) enum Stop {
    /// A field is not valid in the encoding tried.
    Encoding {
        line: u64,
    },
    /// Rows that don't parse: the first few, and how many more.
    Problems(Vec<LineProblem>, usize),
    Io(io::Error),
}

impl Stop {
    /// The error for a read of the ledger at `path` that stopped here;
    /// `encoding` says what is wrong with a field not valid in the encoding
    /// tried (given the line that is first undecodable).
    pub(super) fn into_error(self, path: &Path, encoding: impl FnOnce(u64) -> Msg) -> LedgerError {
        let (problems, more) = match self {
            Stop::Encoding { line } => (
                vec![LineProblem {
                    line,
                    message: encoding(line),
                }],
                0,
            ),
            Stop::Problems(problems, more) => (problems, more),
            Stop::Io(e) => return io_err(path, M::DoReadLedger)(e),
        };
        LedgerError::Malformed {
            path: path.to_path_buf(),
            problems,
            more,
        }
    }
}

/// Decodes a record's fields. Records end at LF only (so that positions
/// and line numbers are exact); the CR of a CRLF is removed from the last
/// field here.
pub(super) fn decode(rec: &csv::ByteRecord, enc: Encoding) -> Option<Vec<Cow<'_, str>>> {
    let last = rec.len().saturating_sub(1);
    rec.iter()
        .enumerate()
        .map(|(i, f)| {
            if i == last {
                f.strip_suffix(b"\r").unwrap_or(f)
            } else {
                f
            }
        })
        .map(|f| match enc {
            Encoding::Utf8 { .. } => std::str::from_utf8(f).ok().map(Cow::Borrowed),
            Encoding::Gb18030 => {
                encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(f)
            }
        })
        .collect()
}

/// Rows that don't parse: the first few kept, the others counted.
#[derive(Default)]
struct Problems {
    kept: Vec<LineProblem>,
    more: usize,
}

impl Problems {
    fn push(&mut self, p: LineProblem) {
        if self.kept.len() < MAX_PROBLEMS {
            self.kept.push(p);
        } else {
            self.more += 1;
        }
    }

    fn into_result(self) -> Result<(), Stop> {
        if self.kept.is_empty() {
            Ok(())
        } else {
            Err(Stop::Problems(self.kept, self.more))
        }
    }
}

/// Reads the next record into `rec`: false at the end. `base_line` is the
/// line the bytes start on (for the line of an error).
fn next_record<R: Read>(
    rdr: &mut csv::Reader<R>,
    rec: &mut csv::ByteRecord,
    base_line: u64,
) -> Result<bool, Stop> {
    rdr.read_byte_record(rec).map_err(|e| {
        let line = e
            .position()
            .map(|p| base_line + p.line() - 1)
            .unwrap_or(base_line);
        match e.into_kind() {
            csv::ErrorKind::Io(e) => Stop::Io(e),
            other => Stop::Problems(
                vec![LineProblem {
                    line,
                    message: Msg::new(M::LedgerCsvError).arg("detail", format!("{other:?}")),
                }],
                0,
            ),
        }
    })
}

/// The line a record starts on, given the reader's line once it was read
/// (`read_line`, counted from 1 at `base_line`). The record's own position
/// may point at blank lines before it; its line is counted back from
/// where it ended (just past its LF), less the line breaks inside quoted
/// fields.
fn record_line(rec: &csv::ByteRecord, read_line: u64, base_line: u64) -> u64 {
    let inside: u64 = rec
        .iter()
        .map(|f| f.iter().filter(|&&b| b == b'\n').count() as u64)
        .sum();
    (base_line + read_line)
        .saturating_sub(2 + inside)
        .max(base_line)
}

/// The bytes of a reader, then `"\n`: a quoted field left open at the end
/// is closed there, so every record ends with a line break (its line is
/// counted back from it: a record that ran to the end of the bytes inside
/// a quote was named a line too early) and such a record is known: it ends
/// past the reader's bytes. Outside a quote the two bytes are a record
/// of one blank field, skipped as blank.
struct Closed<R> {
    inner: R,
    /// The reader's bytes so far (all of them once `done`).
    len: u64,
    done: bool,
    tail: &'static [u8],
}

impl<R: Read> Closed<R> {
    fn new(inner: R) -> Self {
        Closed {
            inner,
            len: 0,
            done: false,
            tail: b"\"\n",
        }
    }

    /// A record that ends at byte `end` ran past the reader's bytes.
    fn past_end(&self, end: u64) -> bool {
        self.done && end > self.len
    }
}

impl<R: Read> Read for Closed<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if !self.done {
            let n = self.inner.read(buf)?;
            if n > 0 || buf.is_empty() {
                self.len += n as u64;
                return Ok(n);
            }
            self.done = true;
        }
        let n = self.tail.len().min(buf.len());
        buf[..n].copy_from_slice(&self.tail[..n]);
        self.tail = &self.tail[n..];
        Ok(n)
    }
}

/// What is wrong with a record whose quoted field ran on to the end of
/// the bytes (`rec`: its fields, the quoted one holding the lines after).
fn open_quote(rec: &csv::ByteRecord) -> Msg {
    // The line breaks inside: the line's own, then one per line after it.
    let after = rec.iter().flatten().filter(|&&b| b == b'\n').count();
    let runs = match after.saturating_sub(1) {
        0 => Msg::new(M::LedgerRunsToEnd),
        1 => Msg::new(M::LedgerRunsOverOne),
        n => Msg::new(M::LedgerRunsOver).arg("n", n),
    };
    Msg::new(M::LedgerOpenQuote).sub("runs", runs)
}

/// Parses CSV from `reader` (bytes starting at file offset `base`, line
/// `base_line`). The first non-blank record is the header when `columns`
/// is `None`. `out` gets each row, its position and how many fields it has.
/// A quoted field left open to the end of the bytes is a problem on the
/// line it opens on (values are one line: no row the ledger writes spans
/// lines), not a field holding the rows after it.
pub(super) fn parse<R: Read>(
    reader: R,
    base: u64,
    base_line: u64,
    enc: Encoding,
    columns: &mut Option<Columns>,
    out: &mut dyn FnMut(RowPos, Entry, usize),
) -> Result<(), Stop> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .buffer_capacity(64 * 1024)
        .from_reader(Closed::new(reader));
    let mut rec = csv::ByteRecord::new();
    let mut problems = Problems::default();
    while next_record(&mut rdr, &mut rec, base_line)? {
        let byte = rec.position().map_or(0, |p| p.byte());
        let line = record_line(&rec, rdr.position().line(), base_line);
        let fields = decode(&rec, enc).ok_or(Stop::Encoding { line })?;
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if rdr.get_ref().past_end(rdr.position().byte()) {
            let message = open_quote(&rec);
            problems.push(LineProblem { line, message });
            continue;
        }
        let Some(cols) = columns.as_ref() else {
            let header = Columns::from_header(&fields)
                .map_err(|message| Stop::Problems(vec![LineProblem { line, message }], 0))?;
            *columns = Some(header);
            continue;
        };
        match cols.entry(&fields, line) {
            Ok(e) => {
                let start = base + byte;
                out(RowPos { start, line }, e, fields.len());
            }
            Err(message) => problems.push(LineProblem { line, message }),
        }
    }
    problems.into_result()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::entry::{self, Field, Stamp};

    fn row_line(id: &str, value: &str) -> Vec<u8> {
        entry::entry_line(&Entry {
            line: 0,
            time: Stamp::parse("2025-06-01T10:00:00+08:00").unwrap(),
            user: "李明".into(),
            id: id.into(),
            field: Field::Actual,
            value: Some(value.into()),
            old: None,
            note: None,
            period: None,
        })
    }

    const UTF8: Encoding = Encoding::Utf8 { bom: false };

    /// Parses `bytes` from the start; the rows with their positions and
    /// field counts.
    fn parse_all(
        bytes: &[u8],
        columns: &mut Option<Columns>,
    ) -> Result<Vec<(RowPos, Entry, usize)>, Stop> {
        let mut rows = Vec::new();
        parse(bytes, 0, 1, UTF8, columns, &mut |p, e, n| {
            rows.push((p, e, n))
        })?;
        Ok(rows)
    }

    #[test]
    fn a_byte_slice_reads_like_a_file() {
        let data: &[u8] = b"abcdef";
        let mut buf = [0u8; 4];
        assert_eq!(data.read_at(&mut buf, 4).unwrap(), 2);
        assert_eq!(&buf[..2], b"ef");
        assert_eq!(data.read_at(&mut buf, 9).unwrap(), 0);
        assert!(read_exact_at(data, &mut buf, 1).is_ok());
        assert_eq!(&buf, b"bcde");
        let err = read_exact_at(data, &mut buf, 3).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::UnexpectedEof);
    }

    #[test]
    fn an_at_reader_reads_its_range_and_counts() {
        let data: &[u8] = b"a\nb\nc\nd\n";
        let mut r = AtReader::new(data, 2, 7);
        let mut got = Vec::new();
        r.read_to_end(&mut got).unwrap();
        assert_eq!(got, b"b\nc\nd");
        assert_eq!((r.bytes_read(), r.newlines()), (5, 2));
    }

    #[test]
    fn complete_end_without_a_line_break_is_zero() {
        let mut read = 0;
        assert_eq!(complete_end(&b"time,user"[..], 9, &mut read).unwrap(), 0);
        assert_eq!(read, 9);
        assert_eq!(complete_end(&b""[..], 0, &mut read).unwrap(), 0);
        assert_eq!(read, 9);
    }

    #[test]
    fn complete_end_finds_the_last_line_break() {
        let mut read = 0;
        let data = b"one\ntwo\nthr";
        assert_eq!(complete_end(&data[..], 11, &mut read).unwrap(), 8);
        assert_eq!(read, 11);
        // Only the first `len` bytes count.
        let mut read = 0;
        assert_eq!(complete_end(&data[..], 7, &mut read).unwrap(), 4);
        assert_eq!(read, 7);
    }

    #[test]
    fn complete_end_at_the_edge_of_the_first_chunk() {
        // 10,000 bytes; the first chunk read is the last 4,096: [5904, 10000).
        let len = 10_000;
        let mut data = vec![b'x'; len];
        data[5904] = b'\n'; // the first byte of the first chunk
        let mut read = 0;
        assert_eq!(
            complete_end(&data[..], len as u64, &mut read).unwrap(),
            5905
        );
        assert_eq!(read, 4096);
        // One byte before it: found in the second chunk (the rest, 5,904 bytes).
        data[5904] = b'x';
        data[5903] = b'\n';
        let mut read = 0;
        assert_eq!(
            complete_end(&data[..], len as u64, &mut read).unwrap(),
            5904
        );
        assert_eq!(read, 10_000);
    }

    #[test]
    fn complete_end_reads_back_in_growing_chunks() {
        // Chunks of 4 KiB, 16 KiB, 64 KiB, then the rest, from the end of
        // a 100,000-byte file.
        let len = 100_000u64;
        let ends = [(4096u64, 4096u64), (20_480, 20_480), (86_016, 86_016)];
        for (back, want_read) in ends {
            // A line break 100 bytes into the chunk that ends `back` bytes
            // from the end of the file.
            let mut data = vec![b'y'; len as usize];
            let at = (len - back + 100) as usize;
            data[at] = b'\n';
            let mut read = 0;
            let end = complete_end(&data[..], len, &mut read).unwrap();
            assert_eq!((end, read), (at as u64 + 1, want_read), "{back}");
        }
        let mut data = vec![b'y'; len as usize];
        data[1] = b'\n';
        let mut read = 0;
        assert_eq!(complete_end(&data[..], len, &mut read).unwrap(), 2);
        assert_eq!(read, len);
    }

    #[test]
    fn the_tail_check_is_the_last_bytes_before_the_offset() {
        let data: Vec<u8> = (0..200u8).collect();
        let mut read = 0;
        assert_eq!(
            read_tail_check(&data[..], 10, &mut read),
            (0..10).collect::<Vec<u8>>()
        );
        assert_eq!(read, 10);
        assert_eq!(
            read_tail_check(&data[..], 150, &mut read),
            (86..150).collect::<Vec<u8>>()
        );
        assert_eq!(read, 74);
        // Past the end: nothing, nothing counted.
        assert_eq!(read_tail_check(&data[..], 300, &mut read), Vec::<u8>::new());
        assert_eq!(read, 74);
    }

    #[test]
    fn decode_strips_the_cr_of_the_last_field_only() {
        let rec = csv::ByteRecord::from(vec![&b"a\r"[..], b"b", b"c\r"]);
        let got = decode(&rec, UTF8).unwrap();
        assert_eq!(got, ["a\r", "b", "c"]);
        let rec = csv::ByteRecord::from(vec![&b"c\r\r"[..]]);
        assert_eq!(decode(&rec, UTF8).unwrap(), ["c\r"]);
    }

    #[test]
    fn decode_reads_the_encoding_tried() {
        let (gb, _, _) = encoding_rs::GB18030.encode("李明");
        let rec = csv::ByteRecord::from(vec![&gb[..], b"8.1"]);
        assert_eq!(decode(&rec, UTF8), None);
        assert_eq!(decode(&rec, Encoding::Gb18030).unwrap(), ["李明", "8.1"]);
        let rec = csv::ByteRecord::from(vec!["李明".as_bytes(), b"8.1"]);
        let got = decode(&rec, Encoding::Utf8 { bom: true }).unwrap();
        assert_eq!(got, ["李明", "8.1"]);
        assert!(matches!(got[0], Cow::Borrowed(_)), "UTF-8 is not copied");
    }

    #[test]
    fn decode_refuses_invalid_bytes() {
        let rec = csv::ByteRecord::from(vec![&b"ok"[..], b"\xff"]);
        assert_eq!(decode(&rec, UTF8), None);
        assert_eq!(decode(&rec, Encoding::Gb18030), None);
    }

    #[test]
    fn the_first_non_blank_record_is_the_header() {
        let mut bytes = b"\r\n,,\r\n".to_vec();
        bytes.extend(entry::header_line());
        let row_start = bytes.len() as u64;
        bytes.extend(row_line("8.1", "512"));
        bytes.extend(b"\r\n");
        bytes.extend(row_line("8.2", "7"));
        let mut cols = None;
        let rows = parse_all(&bytes, &mut cols).unwrap();
        assert_eq!(cols, Columns::from_header(&entry::COLUMNS).ok());
        let got: Vec<_> = rows
            .iter()
            .map(|(p, e, n)| (*p, e.line, e.id.as_str(), *n))
            .collect();
        let second = row_start + row_line("8.1", "512").len() as u64 + 2;
        assert_eq!(
            got,
            [
                (
                    RowPos {
                        start: row_start,
                        line: 4
                    },
                    4,
                    "8.1",
                    8
                ),
                (
                    RowPos {
                        start: second,
                        line: 6
                    },
                    6,
                    "8.2",
                    8
                ),
            ]
        );
    }

    #[test]
    fn a_header_in_another_order_is_read_by_name() {
        let bytes = "id,field,value,time,user\n8.1,actual,3,2025-06-01T10:00:00+08:00,王芳\n";
        let mut cols = None;
        let rows = parse_all(bytes.as_bytes(), &mut cols).unwrap();
        assert_eq!(cols.as_ref().map(Columns::width), Some(5));
        let (_, e, n) = &rows[0];
        assert_eq!((e.id.as_str(), e.user.as_str(), *n), ("8.1", "王芳", 5));
        assert_eq!(e.value.as_deref(), Some("3"));
    }

    #[test]
    fn a_bad_header_stops_at_its_line() {
        let bytes = b"\n\ntime,user,id,value\n";
        let mut cols = None;
        let Err(Stop::Problems(problems, more)) = parse_all(bytes, &mut cols) else {
            panic!("not refused");
        };
        assert_eq!(more, 0);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 3);
        assert!(
            problems[0]
                .message
                .to_string()
                .starts_with("missing column `field` in the header"),
            "{}",
            problems[0].message
        );
        assert_eq!(cols, None);
    }

    #[test]
    fn bad_rows_are_listed_up_to_twenty_and_counted() {
        let mut bytes = entry::header_line();
        for _ in 0..25 {
            bytes.extend(b"not a row\r\n");
        }
        let mut cols = None;
        let Err(Stop::Problems(problems, more)) = parse_all(&bytes, &mut cols) else {
            panic!("not refused");
        };
        assert_eq!((problems.len(), more), (20, 5));
        assert_eq!(problems[0].line, 2);
        assert_eq!(problems[19].line, 21);
        assert_eq!(
            problems[0].message.to_string(),
            "found 1 field, expected at least 7 (the columns are time,user,id,field,value,old,note,period)"
        );
    }

    #[test]
    fn lines_count_the_breaks_inside_quoted_fields() {
        let mut bytes = entry::header_line();
        bytes.extend("2025-06-01T10:00:00+08:00,李明,8.1,note,\"two\nlines\",,\r\n".as_bytes());
        bytes.extend(row_line("8.2", "1"));
        let mut cols = None;
        let rows = parse_all(&bytes, &mut cols).unwrap();
        let lines: Vec<(u64, u64)> = rows.iter().map(|(p, e, _)| (p.line, e.line)).collect();
        assert_eq!(lines, [(2, 2), (4, 4)]);
    }

    /// A quote left open runs on to the end of the bytes: a problem on the
    /// line it opens on (it was named a line too early: the line was
    /// counted back from the end as if a line break ended the record),
    /// from the start of a file and from an offset; the rows before it are
    /// read.
    #[test]
    fn a_quote_left_open_is_a_problem_on_its_line() {
        for tail in [&b""[..], b"\r\n", b"x\n\n"] {
            let mut bytes = entry::header_line();
            bytes.extend(row_line("8.1", "1"));
            bytes.extend(b"2025-06-01T10:00:00+08:00,a,8.2,note,\"open\n");
            bytes.extend(row_line("8.3", "1"));
            bytes.extend(tail);
            let mut cols = None;
            let mut rows = Vec::new();
            let res = parse(&bytes[..], 0, 1, UTF8, &mut cols, &mut |_, e, _| {
                rows.push(e.line)
            });
            let Err(Stop::Problems(problems, 0)) = res else {
                panic!("{tail:?}: not refused: {res:?}");
            };
            assert_eq!(rows, [2], "{tail:?}");
            assert_eq!(problems.len(), 1);
            assert_eq!(problems[0].line, 3, "{tail:?}");
            assert!(
                problems[0]
                    .message
                    .to_string()
                    .starts_with("a quoted field opened on this line is not closed")
            );
            // From an offset, the header known.
            let start = entry::header_line().len();
            let res = parse(
                &bytes[start..],
                start as u64,
                2,
                UTF8,
                &mut cols,
                &mut |_, _, _| {},
            );
            let Err(Stop::Problems(problems, 0)) = res else {
                panic!("{tail:?}: not refused from an offset");
            };
            assert_eq!(problems[0].line, 3, "{tail:?}");
        }
        // On the last line: nothing after it.
        let mut bytes = entry::header_line();
        bytes.extend(b"garbage,\"x\n");
        let Err(Stop::Problems(problems, 0)) = parse_all(&bytes, &mut None) else {
            panic!("not refused");
        };
        assert_eq!(problems[0].line, 2);
        assert!(
            problems[0]
                .message
                .to_string()
                .contains("runs on to the end of the file;")
        );
    }

    #[test]
    fn the_closed_reader_adds_a_quote_and_a_line_break() {
        let mut r = Closed::new(&b"abc"[..]);
        let mut got: Vec<u8> = Vec::new();
        let mut buf = [0u8; 2];
        loop {
            let n = r.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            got.extend(&buf[..n]);
        }
        assert_eq!(got, b"abc\"\n");
        assert!(r.past_end(5) && !r.past_end(3));
    }

    #[test]
    fn an_undecodable_field_stops_at_its_line() {
        let mut bytes = entry::header_line();
        bytes.extend(row_line("8.1", "1"));
        bytes.extend(b"2025-06-01T10:00:00+08:00,\xff,8.1,actual,2,1,\r\n");
        let mut cols = None;
        let res = parse_all(&bytes, &mut cols);
        assert!(matches!(res, Err(Stop::Encoding { line: 3 })), "{res:?}");
    }

    #[test]
    fn parsing_from_an_offset_numbers_from_there() {
        let mut rows = Vec::new();
        let mut cols = Some(Columns::standard());
        let bytes = row_line("8.1", "1");
        parse(&bytes[..], 1000, 40, UTF8, &mut cols, &mut |p, e, _| {
            rows.push((p, e.line))
        })
        .unwrap();
        assert_eq!(
            rows,
            [(
                RowPos {
                    start: 1000,
                    line: 40
                },
                40
            )]
        );
    }

    #[test]
    fn a_stop_becomes_an_error_naming_the_file() {
        let path = Path::new("team/actuals.csv");
        let err = Stop::Encoding { line: 7 }
            .into_error(path, |l| Msg::new(M::LedgerNeitherEncoding).arg("line", l));
        assert_eq!(
            err.to_string(),
            "team/actuals.csv:7: neither UTF-8 (invalid from line 7) nor GB18030 (invalid here); \
             expected a CSV file saved as UTF-8 or by Excel/WPS as GB18030\n\
             team/actuals.csv: the ledger was left as it is; \
             nothing is recorded until these lines are fixed"
        );
        assert_eq!(
            err.text(crate::vocab::Lang::Zh),
            "team/actuals.csv:7：既不是 UTF-8（自第 7 行起无效）也不是 GB18030（此处无效）；\
             应为保存为 UTF-8 或由 Excel/WPS 保存为 GB18030 的 CSV 文件\n\
             team/actuals.csv：台账保持原样；这些行改正之前，不会记录任何修改"
        );
        let err =
            Stop::Io(io::Error::other("disk")).into_error(path, |_| Msg::new(M::LedgerBomNotUtf8));
        assert_eq!(
            err.to_string(),
            "team/actuals.csv: cannot read the ledger: disk"
        );
    }
}
