//! A quoted field a user left open (`garbage,"x`): every command that
//! reads the ledger, `ledger check` first, names the line the quote opens
//! on, whatever follows it (more lines, the end of the file), whatever the
//! line ends (LF, CRLF) and whether the file starts with a BOM.

use std::fs;

use crate::common::*;

const ROW_A: &str = "2025-06-01T10:00:00+08:00,a,0.1,actual,320,,";
const ROW_B: &str = "2025-06-01T10:02:00+08:00,a,0.2,actual,50,,";
const ROW_C: &str = "2025-06-01T10:04:00+08:00,a,0.3,actual,40,,";

/// Writes `rows` (after the header, joined by `eol`, after a BOM when
/// `bom`) and runs `ledger check`, then `indicators`: both fail naming
/// `file:line` with `found`, and say nothing was changed.
fn named(rows: &[&str], eol: &str, bom: bool, line: usize, found: &str) {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let mut text = if bom {
        "\u{feff}".to_string()
    } else {
        String::new()
    };
    text.push_str(&ledger_text(rows, eol));
    fs::write(&data, &text).unwrap();
    let what = format!("{rows:?} {eol:?} bom {bom}");
    for args in [&["ledger", "check"][..], &["indicators"]] {
        let r = run(wp(&data, "u").args(args));
        assert_ne!(r.code, 0, "{what} {args:?}");
        let want = format!("{}:{line}: {found}", data.display());
        assert!(
            r.stderr.contains(&want),
            "{what} {args:?}: want {want:?} in\n{}",
            r.stderr
        );
        let other = format!("{}:{}:", data.display(), line - 1);
        assert!(!r.stderr.contains(&other), "{what} {args:?}: {}", r.stderr);
    }
    assert_eq!(
        fs::read_to_string(&data).unwrap(),
        text,
        "{what}: left as it is"
    );
}

/// The quote runs on to the end of the file: the line it opens on (line 4
/// here, after the header and two rows), and what is wrong with it.
#[test]
fn a_quote_left_open_names_its_line() {
    let open = "a quoted field opened on this line is not closed";
    for (eol, bom) in [("\n", false), ("\r\n", false), ("\n", true), ("\r\n", true)] {
        // On a middle line, more lines after it.
        named(
            &[ROW_A, ROW_B, "garbage,\"x", ROW_C, ROW_C],
            eol,
            bom,
            4,
            open,
        );
        // On the last line.
        named(&[ROW_A, ROW_B, "garbage,\"x"], eol, bom, 4, open);
        // In the note of a row that would parse: the rows after it are not
        // taken into the note.
        let note = "2025-06-01T10:03:00+08:00,a,0.4,actual,30,,\"二季度";
        named(&[ROW_A, ROW_B, note, ROW_C], eol, bom, 4, open);
        // Closed on a later line: a record over lines 4 to 6, named by its
        // first line.
        named(
            &[ROW_A, ROW_B, "garbage,\"x", ROW_C, "y\",z"],
            eol,
            bom,
            4,
            "found 3 fields",
        );
    }
}
