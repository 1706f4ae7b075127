//! Text cells a spreadsheet would not keep as text. A cell starting with
//! `=`, `+`, `-`, `@`, tab, CR or LF would be evaluated as a formula
//! (OWASP CSV injection); one that reads as a number, date, time or
//! boolean (`1/2`, `0012`, `12:30`, `true`, `2024-06`) would be stored as
//! that value and written back reformatted (`01/02/26`, `12`, `TRUE`). Such
//! a cell is written with a leading `'`, which the spreadsheet shows and
//! keeps (LibreOffice and Excel write it back as it is); `'` itself is
//! guarded too, so that the import removes exactly one. Numbers are
//! written plain, never guarded.

use std::borrow::Cow;

use crate::ledger::entry::protect;
use crate::plan::Period;

/// A text cell as written: guarded when a spreadsheet would evaluate or
/// reformat it.
pub fn text(s: &str) -> Cow<'_, str> {
    if looks_like_a_value(s) {
        Cow::Owned(format!("'{s}"))
    } else if protect(s).len() != s.len() {
        Cow::Owned(protect(s))
    } else {
        Cow::Borrowed(s)
    }
}

/// A period as written: a year (`2024`, a number) and a quarter (`2024Q2`,
/// text) as they are; a month guarded (`'2024-06`: a spreadsheet reads
/// `2024-06` as a date).
pub fn period(p: Period) -> String {
    match p {
        Period::Month(..) => format!("'{p}"),
        _ => p.to_string(),
    }
}

/// A cell as read back: one leading `'` removed.
pub fn unguard(s: &str) -> &str {
    s.strip_prefix('\'').unwrap_or(s)
}

/// True when a spreadsheet would read `s` as a number, date, time or
/// boolean rather than text: `true` / `false` in any case, or digits with
/// only what numbers, dates and times are written with.
fn looks_like_a_value(s: &str) -> bool {
    let t = s.trim();
    if t.eq_ignore_ascii_case("true") || t.eq_ignore_ascii_case("false") {
        return true;
    }
    let digit = |c: char| c.is_ascii_digit() || ('\u{FF10}'..='\u{FF19}').contains(&c);
    t.chars().any(digit)
        && t.chars()
            .all(|c| digit(c) || " .,/-:%$()eE¥￥年月日时分秒AaPpMm．，／－：％　".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_and_values_are_guarded_text_is_not() {
        for (cell, written) in [
            ("=1+1", "'=1+1"),
            ("+86 123", "'+86 123"),
            ("-x", "'-x"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("'quoted'", "''quoted'"),
            ("1/2", "'1/2"),
            ("0012", "'0012"),
            ("1.50", "'1.50"),
            ("12:30", "'12:30"),
            ("3-4", "'3-4"),
            ("TRUE", "'TRUE"),
            ("false", "'false"),
            ("1e3", "'1e3"),
            ("2024年6月", "'2024年6月"),
            ("６月", "'６月"),
            ("待统计局核实", "待统计局核实"),
            ("2024年统计快报", "2024年统计快报"),
            ("R&D 1.5%", "R&D 1.5%"),
            ("", ""),
            ("e", "e"),
        ] {
            assert_eq!(text(cell), written, "{cell}");
            assert_eq!(unguard(&text(cell)), cell, "{cell} reads back");
        }
    }

    #[test]
    fn months_are_guarded_years_and_quarters_are_not() {
        assert_eq!(period(Period::Year(2024)), "2024");
        assert_eq!(period(Period::Quarter(2024, 2)), "2024Q2");
        assert_eq!(period(Period::Month(2024, 6)), "'2024-06");
        assert_eq!(unguard("''a"), "'a", "one only");
    }
}
