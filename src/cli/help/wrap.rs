//! A help page wrapped by display width. clap lays the page out without a
//! width limit (its own wrapping breaks only at ASCII spaces, and Chinese
//! has none); each line longer than the terminal is then broken with
//! [`crate::text::wrap`] (between any two Chinese characters, never before
//! closing punctuation, ASCII words whole), its continuation lines indented
//! to where the line's text starts: an option's or a command's help column,
//! a list item's text after `- `, or the line's own indentation.

use crate::text;

/// `s` without its ANSI escape sequences (clap's styles: CSI `ESC [ … m`).
pub fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            skip_escape(&mut chars);
        } else {
            out.push(c);
        }
    }
    out
}

/// Skips the rest of an escape sequence after its ESC.
fn skip_escape(chars: &mut std::str::Chars<'_>) {
    if chars.next() == Some('[') {
        for c in chars.by_ref() {
            if ('\x40'..='\x7e').contains(&c) {
                break;
            }
        }
    }
}

/// The column where the continuation lines of `plain` (a line without
/// escapes) start.
fn hanging(plain: &str) -> usize {
    let lead = plain.len() - plain.trim_start_matches(' ').len();
    let rest = &plain[lead..];
    if rest.starts_with("- ") {
        return lead + 2;
    }
    if lead > 0 {
        // `  --plan <目录>   help…`: the column after the first gap of two
        // spaces or more
        if let Some(gap) = rest.find("  ") {
            let after = rest[gap..].len() - rest[gap..].trim_start_matches(' ').len();
            if gap + after < rest.len() {
                return lead + text::width(&rest[..gap]) + after;
            }
        }
    }
    lead
}

/// The byte index in `line` (with escapes) where `col` visible cells have
/// been passed, escapes right there included.
fn byte_at_column(line: &str, col: usize) -> usize {
    let mut w = 0;
    let mut it = line.char_indices().peekable();
    while let Some(&(i, c)) = it.peek() {
        if c == '\x1b' {
            let mut rest = line[i + 1..].chars();
            skip_escape(&mut rest);
            let end = line.len() - rest.as_str().len();
            while it.peek().is_some_and(|&(j, _)| j < end) {
                it.next();
            }
            continue;
        }
        if w >= col {
            return i;
        }
        w += text::width(c.encode_utf8(&mut [0; 4]));
        it.next();
    }
    line.len()
}

/// `body` wrapped to `avail` cells on every terminal: a line's ambiguous
/// characters (“”, →, …: two cells where the terminal draws them wide, an
/// option of PuTTY and Xshell) are counted twice, so no line is pushed
/// over by them.
fn wrap_body(body: &str, avail: usize) -> Vec<String> {
    let wide = |l: &String| text::width(l) + l.chars().filter(|&c| text::is_ambiguous(c)).count();
    let mut room = avail;
    loop {
        let lines = text::wrap(body, room);
        let over = lines
            .iter()
            .map(|l| wide(l).saturating_sub(avail))
            .max()
            .unwrap_or(0);
        if over == 0 || room <= 10 {
            return lines;
        }
        room = room.saturating_sub(over).max(10);
    }
}

/// One line of the page, broken to `cells` if it is wider. On a terminal
/// too narrow for the help column, the text starts on the next line,
/// indented a little (as clap's next-line help).
fn wrap_line(line: &str, cells: usize, out: &mut String) {
    let plain = strip_ansi(line);
    if text::width(&plain) <= cells {
        out.push_str(line);
        return;
    }
    let hang = hanging(&plain);
    let (head, tail) = line.split_at(byte_at_column(line, hang));
    let body = strip_ansi(tail);
    let narrow = hang + 20 > cells;
    let indent = if narrow { (cells / 8).min(hang) } else { hang };
    let lines = wrap_body(body.trim_start(), cells.saturating_sub(indent).max(2));
    if narrow && !head.trim().is_empty() {
        out.push_str(head.trim_end_matches(' '));
        out.push('\n');
        out.push_str(&" ".repeat(indent));
    } else {
        out.push_str(head);
        out.push_str(&" ".repeat(hang.saturating_sub(text::width(&strip_ansi(head)))));
    }
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(l);
    }
}

/// `page` (clap's rendering, escapes and all) with every line at most
/// `cells` wide.
pub fn wrap_page(page: &str, cells: usize) -> String {
    let mut out = String::with_capacity(page.len() + page.len() / 8);
    for (i, line) in page.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // clap indents the blank lines of a long help: no trailing blanks
        wrap_line(line.trim_end_matches(' '), cells, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_option_line_continues_under_its_help_column() {
        let line = "      --plan <目录>  从此目录读取方案（groups.csv、tasks.csv、rows.csv、indicators.csv），不用内置的方案";
        let got = wrap_page(line, 50);
        let lines: Vec<&str> = got.split('\n').collect();
        assert!(lines.len() > 2, "{got}");
        for l in &lines {
            assert!(text::width(l) <= 50, "{l:?} is wider than 50");
        }
        assert!(
            lines[0].starts_with("      --plan <目录>  从此目录"),
            "{got}"
        );
        for l in &lines[1..] {
            assert!(l.starts_with(&" ".repeat(21)), "{l:?}");
            assert!(!l[21..].starts_with(' '), "{l:?}");
        }
        // nothing lost: the words come back when the breaks are taken out
        let joined: String = lines.iter().map(|l| l.trim_start()).collect();
        assert_eq!(
            joined.replace("  ", " "),
            strip_ansi(line).trim_start().replace("  ", " ")
        );
    }

    #[test]
    fn closing_punctuation_never_starts_a_line_and_styles_stay_before_the_column() {
        let line = "  \x1b[1m-h\x1b[0m, \x1b[1m--help\x1b[0m  打印帮助，打印帮助，打印帮助，打印帮助，打印帮助";
        let got = wrap_page(line, 34);
        for l in got.split('\n') {
            let p = strip_ansi(l);
            assert!(text::width(&p) <= 34, "{p:?}");
            assert!(!p.trim_start().starts_with('，'), "{p:?}");
        }
        assert!(
            got.starts_with("  \x1b[1m-h\x1b[0m, \x1b[1m--help\x1b[0m  打印"),
            "{got:?}"
        );
    }

    #[test]
    fn short_lines_and_list_items() {
        assert_eq!(
            wrap_page("用法：wudang-plan [选项]\n\n选项：", 80),
            "用法：wudang-plan [选项]\n\n选项："
        );
        let got = wrap_page(
            "          - table：按显示宽度对齐的表格按显示宽度对齐的表格",
            32,
        );
        assert_eq!(
            got,
            "          - table：按显示宽度对\n            齐的表格按显示宽度对\n            齐的表格"
        );
    }

    #[test]
    fn ambiguous_characters_count_as_wide() {
        let line = format!("  --x  {}", "只有当前值为“原值”时才记录→".repeat(4));
        for l in wrap_page(&line, 40).split('\n') {
            let wide: usize = l
                .chars()
                .map(|c| {
                    if text::is_ambiguous(c) {
                        2
                    } else {
                        text::width(c.encode_utf8(&mut [0; 4]))
                    }
                })
                .sum();
            assert!(
                wide <= 40,
                "{l:?} is {wide} cells where ambiguous characters are wide"
            );
        }
    }

    #[test]
    fn a_narrow_terminal_puts_the_help_under_the_option() {
        let line = "  \x1b[1m-h\x1b[0m, \x1b[1m--help\x1b[0m  打印帮助，打印帮助";
        let got = wrap_page(line, 20);
        assert_eq!(
            got,
            "  \x1b[1m-h\x1b[0m, \x1b[1m--help\x1b[0m\n  打印帮助，打印帮助"
        );
    }
}
