//! Text from outside the program (a ledger row, a plan file, a user name)
//! made safe to show on a terminal.
//!
//! Anyone in the team's group can append to the shared ledger with
//! `echo >>`, so a note may hold ESC, OSC, BEL or NUL. Such characters are
//! never sent to a terminal (or written to a table or CSV file) as they
//! are: [`visible`] writes them as escapes (`\x1b`, `\u{9b}`), so that a
//! colleague's terminal is never driven by someone else's text and the
//! odd character is seen instead of silently dropped.
//!
//! [`to_ascii`] maps East Asian Ambiguous characters (`“ ” · — …`) to one
//! ASCII character each, for `--ascii` terminals that draw them two cells
//! wide.

use std::borrow::Cow;
use std::fmt::Write as _;

use unicode_width::UnicodeWidthChar;

/// True for a character that is never shown as it is:
///
/// - control characters (`Cc`): C0 (U+0000–U+001F, tab and line breaks
///   included), DEL (U+007F) and C1 (U+0080–U+009F; U+009B is CSI to some
///   terminals);
/// - format characters (`Cf`): the bidirectional overrides, embeddings and
///   isolates (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) that
///   reorder what a terminal shows ("Trojan Source"), zero-width spaces and
///   joiners (U+200B–U+200D, U+2060–U+2064), the BOM U+FEFF, the soft
///   hyphen U+00AD, tags (U+E0000 block) and the rest of `Cf`: they are
///   invisible or change how other text reads, and terminals disagree on
///   their width;
/// - the line and paragraph separators U+2028 and U+2029.
///
/// A backslash is not escaped: `\x1b` typed as four characters shows as
/// itself (ledger text is never unescaped, so nothing is lost).
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_format(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Unicode general category `Cf` (format), Unicode 15.
fn is_format(c: char) -> bool {
    matches!(
        u32::from(c),
        0x00AD
            | 0x0600..=0x0605
            | 0x061C
            | 0x06DD
            | 0x070F
            | 0x0890..=0x0891
            | 0x08E2
            | 0x180E
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x206F
            | 0xFEFF
            | 0xFFF9..=0xFFFB
            | 0x110BD
            | 0x110CD
            | 0x13430..=0x1343F
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0001
            | 0xE0020..=0xE007F
    )
}

/// Writes the escape of an unsafe character: `\t`, `\n`, `\r`, `\x1b` for
/// the other ASCII controls, `\u{9b}` beyond ASCII (as Rust writes them).
fn escape(c: char, out: &mut String) {
    match c {
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c if c.is_ascii() => {
            let _ = write!(out, "\\x{:02x}", u32::from(c));
        }
        c => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
}

/// The escape [`visible`] writes for `c` (`\x1b`), or `None` when `c` is
/// shown as it is.
pub fn escape_of(c: char) -> Option<String> {
    if !is_unsafe(c) {
        return None;
    }
    let mut s = String::new();
    escape(c, &mut s);
    Some(s)
}

/// Display width of one character as shown: the width of its escape for
/// an unsafe character (ASCII, one cell per byte), else its Unicode width.
pub fn char_width(c: char) -> usize {
    match escape_of(c) {
        Some(e) => e.len(),
        None => c.width().unwrap_or(0),
    }
}

/// `s` with every [unsafe](is_unsafe) character written as an escape:
/// `"a\u{1b}[2Jb"` becomes `a\x1b[2Jb`. Borrows `s` when nothing needs
/// escaping (the usual case).
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            escape(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Like [`visible`], but line breaks (`\n`) are kept: for messages of
/// several lines that quote outside text.
pub fn visible_lines(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(s);
    }
    let lines: Vec<Cow<'_, str>> = s.split('\n').map(visible).collect();
    Cow::Owned(lines.join("\n"))
}

/// The first unsafe character of `s`, described for an error message:
/// `the control character U+001B (\x1b)`.
pub fn first_unsafe(s: &str) -> Option<String> {
    let c = s.chars().find(|&c| is_unsafe(c))?;
    let kind = if c.is_control() {
        "the control character"
    } else {
        "the invisible format character"
    };
    let e = escape_of(c).unwrap_or_default();
    Some(format!("{kind} U+{:04X} ({e})", u32::from(c)))
}

/// True for an East Asian Ambiguous character: one cell by Unicode, two
/// on terminals set to draw ambiguous characters wide.
pub fn is_ambiguous(c: char) -> bool {
    c.width() == Some(1) && c.width_cjk() == Some(2)
}

/// One ASCII character for an East Asian Ambiguous character, for
/// `--ascii`: same width (one cell) everywhere, so a layout computed by
/// [`super::width`] stays exact. Quotes, dashes, dots, arrows, box drawing
/// and the usual symbols get a look-alike; circled digits ①–⑨ their digit;
/// anything else ambiguous (⑩ and up, private use) becomes `?`. `None` for
/// characters that are not ambiguous (unicode-width's `width_cjk` decides).
pub fn to_ascii(c: char) -> Option<char> {
    if !is_ambiguous(c) {
        return None;
    }
    let n = u32::from(c);
    Some(match c {
        '“' | '”' | '„' | '″' | '〃' => '"',
        '‘' | '’' | '‚' | '′' | '´' | '`' => '\'',
        '—' | '–' | '―' | '‐' | '‒' | '─' | '━' | '═' | '¯' | '­' => '-',
        '·' | '•' | '‧' | '∙' | '…' | '‥' | '¨' | '°' => '.',
        '×' => 'x',
        '÷' | '∕' => '/',
        '±' => '+',
        '≤' | '≦' | '←' | '◀' | '◁' => '<',
        '≥' | '≧' | '→' | '▶' | '▷' => '>',
        '≠' | '≒' | '≈' | '∽' => '~',
        '↑' | '▲' | '△' => '^',
        '↓' | '▼' | '▽' => 'v',
        '↔' => '-',
        '│' | '┃' | '║' | '¦' => '|',
        '∶' => ':',
        '§' => 'S',
        '¶' => 'P',
        '¤' | '※' => '*',
        '√' => 'v',
        '∞' => '8',
        '℃' => 'C',
        '¡' => '!',
        '¿' => '?',
        'Ⅰ' | 'ⅰ' => 'I',
        'Ⅴ' | 'ⅴ' => 'V',
        'Ⅹ' | 'ⅹ' => 'X',
        _ if (0x2460..=0x2468).contains(&n) => char::from_digit(n - 0x2460 + 1, 10).unwrap_or('?'),
        _ if (0x2500..=0x257F).contains(&n) => '+',
        _ if (0x2580..=0x259F).contains(&n) => '#',
        _ if (0x25A0..=0x25FF).contains(&n) || (0x2600..=0x27BF).contains(&n) => '*',
        _ => '?',
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn controls_are_escaped() {
        assert_eq!(visible("plain 朱快春"), "plain 朱快春");
        assert!(matches!(visible("plain"), Cow::Borrowed(_)));
        assert_eq!(visible("a\u{1b}[2Jb"), "a\\x1b[2Jb");
        assert_eq!(visible("\u{1b}]52;c;aGk=\u{7}"), "\\x1b]52;c;aGk=\\x07");
        assert_eq!(visible("\0\u{7f}\u{9b}"), "\\x00\\x7f\\u{9b}");
        assert_eq!(visible("a\tb\r\nc"), "a\\tb\\r\\nc");
        assert_eq!(visible("\u{202e}evil"), "\\u{202e}evil");
        assert_eq!(visible("zw\u{200b}sp\u{feff}"), "zw\\u{200b}sp\\u{feff}");
        assert_eq!(visible("\u{e0041}"), "\\u{e0041}");
        assert_eq!(visible_lines("a\u{1b}\nb"), "a\\x1b\nb");
        // nothing unsafe is left, whatever the input
        for c in (0u32..0x3000)
            .chain(0xE0000..0xE0080)
            .filter_map(char::from_u32)
        {
            let v = visible(&c.to_string()).into_owned();
            assert!(!v.chars().any(is_unsafe), "{c:?} -> {v:?}");
            assert_eq!(v.width(), char_width(c), "{c:?}");
        }
    }

    #[test]
    fn first_unsafe_names_the_character() {
        assert_eq!(
            first_unsafe("ok\u{1b}").as_deref(),
            Some("the control character U+001B (\\x1b)")
        );
        assert_eq!(
            first_unsafe("\u{202e}").as_deref(),
            Some("the invisible format character U+202E (\\u{202e})")
        );
        assert_eq!(first_unsafe("朱快春 R&D"), None);
    }

    #[test]
    fn ascii_mapping_keeps_one_cell() {
        assert_eq!(to_ascii('“'), Some('"'));
        assert_eq!(to_ascii('—'), Some('-'));
        assert_eq!(to_ascii('·'), Some('.'));
        assert_eq!(to_ascii('①'), Some('1'));
        assert_eq!(to_ascii('⑩'), Some('?'));
        assert_eq!(to_ascii('工'), None);
        assert_eq!(to_ascii('a'), None);
        assert_eq!(to_ascii('，'), None);
        for c in (0u32..0x10000).filter_map(char::from_u32) {
            if let Some(a) = to_ascii(c) {
                assert!(a.is_ascii_graphic(), "{c:?} -> {a:?}");
                assert_eq!(c.width(), a.width(), "{c:?}");
            } else {
                assert!(!is_ambiguous(c), "{c:?} is ambiguous but not mapped");
            }
        }
    }
}
