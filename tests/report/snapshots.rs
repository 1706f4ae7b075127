//! The report of the embedded plan on the fixed ledger, as of 2025-09-30,
//! in Markdown and HTML (review a changed snapshot by reading it).

use insta::assert_snapshot;

use crate::common::{fixture, ok};

#[test]
fn markdown_zh() {
    let (_dir, data) = fixture();
    assert_snapshot!(ok(&data, &["report"]));
}

#[test]
fn html_zh() {
    let (_dir, data) = fixture();
    assert_snapshot!(ok(&data, &["report", "--format", "html"]));
}

/// English, one leader's indicators (by his pinyin initials): the header
/// names the scope, and every table and list shrinks to it.
#[test]
fn markdown_en_one_leader() {
    let (_dir, data) = fixture();
    assert_snapshot!(ok(&data, &["--lang", "en", "report", "--leader", "zkc"]));
}
