//! Display-width text helpers shared by the command line and the UI.
//!
//! Layout is always by display width (`unicode-width`): a CJK character takes
//! two cells. Nothing here counts chars or bytes for columns.
//!
//! Widths are those of the text as shown: a control character counts as
//! its escape (`\x1b`, four cells; see [`visible`]), so a layout computed
//! here stays exact once the text is made visible.

mod safe;

pub use safe::{
    char_width, escape_of, first_unsafe, is_ambiguous, is_unsafe, to_ascii, visible, visible_lines,
};

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The marker appended to truncated text. ASCII, so it is one cell on every
/// terminal (`…` is East Asian Ambiguous and two cells on some).
pub const ELLIPSIS: &str = "~";

/// Display width of `s` in terminal cells, as shown ([`visible`]).
pub fn width(s: &str) -> usize {
    if s.chars().any(is_unsafe) {
        UnicodeWidthStr::width(visible(s).as_ref())
    } else {
        UnicodeWidthStr::width(s)
    }
}

/// Cuts `s` to at most `max` cells, ending with [`ELLIPSIS`] when something
/// was cut. Never splits a double-width character: a wide character that
/// does not fit is left out whole.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let marker = width(ELLIPSIS);
    if max < marker {
        return fit(s, max).0;
    }
    let (mut out, _) = fit(s, max - marker);
    out.push_str(ELLIPSIS);
    out
}

/// The longest prefix of `s` that fits in `max` cells, and its width.
pub fn fit(s: &str, max: usize) -> (String, usize) {
    let mut out = String::new();
    let mut w = 0;
    // By grapheme cluster, as the terminal and ratatui draw: `❤️` (U+2764
    // U+FE0F) is one cluster two cells wide, though its two characters
    // add up to one.
    for g in s.graphemes(true) {
        let gw = width(g);
        if w + gw > max {
            break;
        }
        w += gw;
        out.push_str(g);
    }
    (out, w)
}

/// `s` truncated to `cells` and padded with spaces to exactly `cells` wide.
pub fn pad(s: &str, cells: usize) -> String {
    let mut out = truncate(s, cells);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// `s` right-aligned in `cells` (numbers).
pub fn pad_left(s: &str, cells: usize) -> String {
    let t = truncate(s, cells);
    let w = width(&t);
    let mut out: String = std::iter::repeat_n(' ', cells.saturating_sub(w)).collect();
    out.push_str(&t);
    out
}

/// Closing punctuation: never at the start of a line (kinsoku), so it
/// sticks to the character before it.
const NO_LINE_START: &str = "，。、；：？！）》」』】〕〉”’…%·—～,.;:?!)]}";
/// Opening punctuation: never at the end of a line, so it sticks to the
/// character after it.
const NO_LINE_END: &str = "（《「『【〔〈“‘([{";

/// Splits a paragraph into unbreakable pieces: a run of ASCII letters,
/// digits and punctuation (`R&D`, `1.5%`, `2025`) is one piece, a space is
/// one piece, every other character (CJK) is a piece of its own; closing
/// punctuation joins the piece before it and opening punctuation the piece
/// after it.
fn pieces(para: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut glue_next = false;
    // By grapheme cluster: a cluster (`❤️`, a letter with a combining
    // mark) is never split across lines.
    for g in para.graphemes(true) {
        let mut cs = g.chars();
        let c = match (cs.next(), cs.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        };
        let ascii_word = c.is_some_and(|c| c.is_ascii_graphic());
        let joins_prev = match out.last() {
            Some(p) if g == " " || p == " " => false,
            Some(p) => {
                c.is_some_and(|c| NO_LINE_START.contains(c))
                    || glue_next
                    || (ascii_word && p.chars().last().is_some_and(|l| l.is_ascii_graphic()))
            }
            None => false,
        };
        if joins_prev && let Some(p) = out.last_mut() {
            p.push_str(g);
        } else {
            out.push(g.to_string());
        }
        glue_next = c.is_some_and(|c| NO_LINE_END.contains(c));
    }
    out
}

/// Wraps `s` into lines of at most `cells` display width. Chinese breaks
/// between any two characters (no gaps), except that closing punctuation
/// never starts a line and opening punctuation never ends one; ASCII words
/// and numbers stay whole unless longer than a line; a double-width
/// character is never split. Spaces at a break are dropped. Newlines in `s`
/// are kept.
pub fn wrap(s: &str, cells: usize) -> Vec<String> {
    let cells = cells.max(2);
    let mut out = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut w = 0;
        for p in pieces(para) {
            let pw = width(&p);
            if p == " " {
                if w < cells && w > 0 {
                    line.push(' ');
                    w += 1;
                }
                continue;
            }
            if w + pw > cells && w > 0 {
                out.push(line.trim_end().to_string());
                line.clear();
                w = 0;
            }
            if pw > cells {
                // Longer than a line (and the line is empty here): cut it
                // by width, the last part starting the next line.
                let mut rest = p.as_str();
                loop {
                    let (mut part, mut part_w) = fit(rest, cells);
                    if part.is_empty() {
                        // cannot happen with cells >= 2; never lose text
                        let c = rest.chars().next().unwrap_or(' ');
                        part = c.to_string();
                        part_w = width(&part);
                    }
                    rest = &rest[part.len()..];
                    if rest.is_empty() {
                        line = part;
                        w = part_w;
                        break;
                    }
                    out.push(part);
                }
                continue;
            }
            line.push_str(&p);
            w += pw;
        }
        out.push(line.trim_end().to_string());
    }
    out
}

/// Maps the full-width forms a Chinese IME produces to ASCII: digits
/// U+FF10–U+FF19, `．，－＋％` and the minus sign U+2212. Nothing else is
/// touched (no blanket NFKC: it would turn ① into 1).
pub fn halfwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (u32::from(c) - 0xFF10) as u8),
            '．' => '.',
            '，' => ',',
            '－' | '\u{2212}' => '-',
            '＋' => '+',
            '％' => '%',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn width_counts_cjk_double() {
        assert_eq!(width("朱快春"), 6);
        assert_eq!(width("R&D经费"), 7);
    }

    #[test]
    fn a_vs16_cluster_is_cut_and_wrapped_whole_at_its_shown_width() {
        // ❤️ is U+2764 (one cell alone) + U+FE0F: shown two cells wide.
        let heart = "\u{2764}\u{FE0F}";
        assert_eq!(width(heart), 2);
        let s = format!("新建{heart}{heart}工程");
        let (cut, w) = fit(&s, 7);
        assert_eq!(cut, format!("新建{heart}"));
        assert_eq!((w, width(&cut)), (6, 6));
        assert_eq!(width(&truncate(&s, 9)), 9);
        assert_eq!(truncate(&s, 9), format!("新建{heart}{heart}~"));
        assert_eq!(width(&pad(&s, 8)), 8);
        for line in wrap(&format!("{heart}{heart}{heart}{heart}{heart}"), 5) {
            assert!(width(&line) <= 5, "{line:?} is {} wide", width(&line));
            assert!(
                !line.starts_with('\u{FE0F}'),
                "{line:?} starts inside a cluster"
            );
        }
        assert_eq!(wrap(&format!("{heart}{heart}{heart}"), 4).len(), 2);
    }

    #[test]
    fn truncate_never_splits_wide() {
        assert_eq!(truncate("工业总产值", 6), "工业~");
        assert_eq!(truncate("工业总产值", 5), "工业~");
        assert_eq!(truncate("工业总产值", 10), "工业总产值");
        assert_eq!(truncate("工业", 1), "~");
        assert_eq!(truncate("工业", 0), "");
    }

    #[test]
    fn pad_aligns_by_width() {
        assert_eq!(pad("朱快春", 8), "朱快春  ");
        assert_eq!(width(&pad("工业总产值达到", 7)), 7);
        assert_eq!(pad_left("512", 5), "  512");
    }

    #[test]
    fn wrap_keeps_punctuation_and_ascii_words() {
        let lines = wrap(
            "围绕“核心业态+关联业态”，深入推进“1+N”大数据产业体系建设，R&D 经费",
            10,
        );
        for l in &lines {
            assert!(width(l) <= 10, "{l:?}");
            let first = l.chars().next().unwrap();
            assert!(!NO_LINE_START.contains(first), "{l:?} starts with {first}");
            let last = l.chars().last().unwrap();
            assert!(!NO_LINE_END.contains(last), "{l:?} ends with {last}");
        }
        assert!(lines.iter().any(|l| l.contains("R&D")), "{lines:?}");
        // gaps stay small: only a kept-together piece can push a line short
        for l in &lines[..lines.len() - 1] {
            assert!(width(l) >= 5, "short line {l:?} in {lines:?}");
        }
    }

    #[test]
    fn wrap_edge_cases() {
        assert_eq!(wrap("", 10), vec![String::new()]);
        assert_eq!(wrap("a\n\nb", 10), vec!["a", "", "b"]);
        assert_eq!(wrap("工业", 1), vec!["工", "业"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("to be or", 5), vec!["to be", "or"]);
    }

    #[test]
    fn wrap_breaks_chinese_without_gaps() {
        let lines = wrap(
            "到2025年，工业总产值达到500亿元以上，规模以上工业企业达到180家。",
            20,
        );
        assert!(lines.len() >= 3, "{lines:?}");
        for l in &lines[..lines.len() - 1] {
            // no large gaps: every line but the last is nearly full
            assert!(width(l) >= 17, "short line {l:?} in {lines:?}");
        }
        assert_eq!(
            lines.concat(),
            "到2025年，工业总产值达到500亿元以上，规模以上工业企业达到180家。"
        );
    }

    proptest! {
        #[test]
        fn wrap_fits_and_keeps_text(s in "[a-z0-9 工业总产值，。、（）]{0,80}", w in 2usize..40) {
            let lines = wrap(&s, w);
            for l in &lines {
                prop_assert!(width(l) <= w, "{:?} wider than {}", l, w);
            }
            let joined: String = lines.concat().chars().filter(|c| !c.is_whitespace()).collect();
            let orig: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            prop_assert_eq!(joined, orig);
        }

        #[test]
        fn truncate_fits(s in "[a-z工业总产值]{0,30}", w in 0usize..20) {
            prop_assert!(width(&truncate(&s, w)) <= w);
            prop_assert_eq!(width(&pad(&s, w)), w);
        }
    }
}
