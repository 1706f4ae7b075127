//! Display-width text helpers shared by the command line and the UI.
//!
//! Layout is always by display width (`unicode-width`): a CJK character takes
//! two cells. Nothing here counts chars or bytes for columns.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The marker appended to truncated text. ASCII, so it is one cell on every
/// terminal (`…` is East Asian Ambiguous and two cells on some).
pub const ELLIPSIS: &str = "~";

/// Display width of `s` in terminal cells.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
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
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > max {
            break;
        }
        w += cw;
        out.push(c);
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

/// Wraps `s` into lines of at most `cells` display width, breaking where
/// Unicode line-breaking allows (between CJK characters, at spaces) and
/// never inside a double-width character. Newlines in `s` are kept.
pub fn wrap(s: &str, cells: usize) -> Vec<String> {
    let cells = cells.max(2);
    let opts = textwrap::Options::new(cells)
        .word_separator(textwrap::WordSeparator::UnicodeBreakProperties)
        .break_words(true);
    let mut out = Vec::new();
    for para in s.split('\n') {
        if para.is_empty() {
            out.push(String::new());
            continue;
        }
        for line in textwrap::wrap(para, &opts) {
            out.push(line.into_owned());
        }
    }
    out
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
