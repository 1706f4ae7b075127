//! Text from the plan and the shared ledger put into HTML and Markdown.
//!
//! Anyone in the team's group can append to the ledger, so a note or a
//! user name may hold markup (`<script>`), table syntax (`|`), line breaks
//! or control characters. Every such text goes through one of these:
//! control and invisible format characters are first made visible as
//! escapes ([`crate::text::visible`]: `\x1b`, `\n`), then the characters
//! the format gives a meaning are escaped, so the text shows as it was
//! written and never changes the document around it.

use crate::text;

/// Text for HTML content and attribute values: `& < > " '` as entities.
pub fn html(s: &str) -> String {
    let s = text::visible(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Characters Markdown (CommonMark with GitHub's tables) may read as
/// syntax anywhere in a line: escaped with a backslash, which CommonMark
/// allows before any ASCII punctuation. `<` and `&` too, so that no raw
/// HTML or entity passes through a renderer (`>` alone opens no tag; at
/// the start of a line it is a quote: [`md_text`]).
pub const INLINE: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '|', '~', '&'];

/// Text for a Markdown table cell or inline text: [`INLINE`] escaped; a
/// line break is already `\n` as text (made visible), so a cell stays on
/// its row.
pub fn md_cell(s: &str) -> String {
    let s = text::visible(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if INLINE.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text that starts a Markdown line (a paragraph, a list item's text):
/// [`md_cell`], and a leading `#`, `-`, `+`, `=`, `>` or `1.` / `1)`
/// (heading, list, setext underline, quote, ordered list) escaped.
pub fn md_text(s: &str) -> String {
    let out = md_cell(s);
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    let after = out[digits..].chars().next();
    let list_number = digits > 0 && matches!(after, Some('.' | ')'));
    match out.chars().next() {
        Some('#' | '-' | '+' | '=' | '>') => format!("\\{out}"),
        _ if list_number => format!("{}\\{}", &out[..digits], &out[digits..]),
        _ => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_shows_control_characters() {
        assert_eq!(
            html("<script>alert('x&y\")</script>"),
            "&lt;script&gt;alert(&#39;x&amp;y&quot;)&lt;/script&gt;"
        );
        assert_eq!(html("a\u{1b}[2Jb\nc"), "a\\x1b[2Jb\\nc");
        assert_eq!(html("朱快春"), "朱快春");
    }

    #[test]
    fn md_cell_keeps_a_cell_on_its_row() {
        // the line break is made visible (`\n`, whose backslash is then
        // escaped: it renders as `\n`)
        assert_eq!(md_cell("a|b\nc"), "a\\|b\\\\nc");
        assert_eq!(md_cell("<b>*x*</b>"), "\\<b>\\*x\\*\\</b>");
        assert_eq!(md_cell(">= 500"), ">= 500");
        assert_eq!(md_cell("R&D经费"), "R\\&D经费");
        // a backslash before a pipe cannot unescape it
        assert_eq!(md_cell("\\|"), "\\\\\\|");
        assert_eq!(md_cell("8.1 工业总产值"), "8.1 工业总产值");
    }

    #[test]
    fn md_text_escapes_what_would_start_a_block() {
        assert_eq!(md_text("# 标题"), "\\# 标题");
        assert_eq!(md_text("- x"), "\\- x");
        assert_eq!(md_text("> x"), "\\> x");
        assert_eq!(md_text("1. x"), "1\\. x");
        assert_eq!(md_text("12) x"), "12\\) x");
        assert_eq!(md_text("8.1 工业"), "8\\.1 工业");
        assert_eq!(md_text("2025 年"), "2025 年");
    }
}
