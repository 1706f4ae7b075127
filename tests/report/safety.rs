//! Text from the shared ledger is untrusted: a user name or note with
//! markup, table syntax, line breaks and control characters shows as
//! written, escaped for Markdown and HTML, and never changes the document.

use crate::common::{LEDGER, ledger_with, ok};

/// The fixed ledger and two rows appended raw: 8.3's value by a user
/// named with markup, a pipe and ESC, with a remark holding a script, a
/// pipe, a line break and BEL; a note on 7.4 that would start a heading,
/// with bold markup, an ampersand and a bidi override.
fn evil_ledger() -> (tempfile::TempDir, std::path::PathBuf) {
    let rows = "2025-08-02T10:00:00+08:00,\"eve<img src=x onerror=alert(1)>|\u{1b}[2J\",8.3,actual,166,165,\"<script>alert('x')</script> | a\r\nb\u{7}\",2025Q2\r\n\
                2025-08-02T10:05:00+08:00,mallory,7.4,note,\"# 标题 | <b>粗</b> & \u{202e}反\",,,\r\n";
    ledger_with(&format!("{LEDGER}{rows}"))
}

/// No raw control character (but line breaks) and no bidi override.
fn assert_clean(what: &str, text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| (c.is_control() && c != '\n') || c == '\u{202e}')
        .collect();
    assert!(bad.is_empty(), "{what}: raw {bad:?}");
}

/// The cells of a Markdown table row: split at pipes not escaped.
fn cells(line: &str) -> usize {
    let mut n = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '|' => n += 1,
            _ => {}
        }
    }
    n
}

#[test]
fn markdown_escapes_ledger_text() {
    let (_dir, data) = evil_ledger();
    let md = ok(&data, &["report"]);
    assert_clean("markdown", &md);
    // every row of every table has its header's number of cells
    let mut header = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            header = None;
            continue;
        }
        let n = *header.get_or_insert(cells(line));
        assert_eq!(cells(line), n, "{line}");
    }
    // no raw markup: every `<` escaped
    for (i, _) in md.match_indices('<') {
        assert!(md[..i].ends_with('\\'), "raw < in {}", &md[i..]);
    }
    assert!(md.contains(r"说明：\<script>alert('x')\</script> \| a\\r\\nb\\x07"));
    assert!(md.contains(r"eve\<img src=x onerror=alert(1)>\|\\x1b\[2J"));
    assert!(md.contains(r"# 标题 \| \<b>粗\</b> \& \\u{202e}反"));
}

#[test]
fn html_escapes_ledger_text() {
    let (_dir, data) = evil_ledger();
    let html = ok(&data, &["report", "--format", "html"]);
    assert_clean("html", &html);
    for raw in ["<script", "<img", "<b>", "onerror=alert(1)>"] {
        assert!(!html.contains(raw), "raw {raw}");
    }
    assert!(html.contains("说明：&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; | a\\r\\nb\\x07"));
    assert!(html.contains("eve&lt;img src=x onerror=alert(1)&gt;|\\x1b[2J"));
    assert!(html.contains("# 标题 | &lt;b&gt;粗&lt;/b&gt; &amp; \\u{202e}反"));
}
