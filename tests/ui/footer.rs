//! The footer: which keys it keeps when short, and messages that do not
//! repeat the keys beside them.

use crate::common::*;
use wudang_plan::ledger::Field;
use wudang_plan::ledger::draft::Draft;
use wudang_plan::ui::{Action, Lang, update};

/// The footer's first line (the keys) and second line.
fn footer(s: &wudang_plan::ui::AppState) -> (String, String) {
    let out = lines(s);
    let n = out.len();
    (out[n - 2].clone(), out[n - 1].clone())
}

/// `c 图表` was left out at 80×24 even with the indicator pane focused,
/// where `c` charts the indicator selected.
#[test]
fn the_chart_key_shows_with_the_indicator_pane_focused() {
    for (lang, hint) in [(Lang::Zh, "c 图表"), (Lang::En, "c chart")] {
        let mut s = writable(lang, 80, 24);
        keys(&mut s, ":8.1\n");
        let (keys_line, _) = footer(&s);
        assert!(keys_line.contains(hint), "{lang:?}: {keys_line}");
        assert!(
            keys_line.contains("e ") && keys_line.contains("q "),
            "{keys_line}"
        );
    }
}

/// The draft's message said `Enter 记录，Esc 放弃` before the editor's own
/// `Enter 记录  Esc 取消`.
#[test]
fn the_draft_message_does_not_repeat_the_keys() {
    for lang in [Lang::Zh, Lang::En] {
        let mut s = writable(lang, 100, 30);
        let d = Draft {
            id: "8.1".into(),
            field: Field::Actual,
            text: "430".into(),
            saved: String::new(),
            seen: Some("512".into()),
            seen_line: Some(0),
            period: None,
        };
        update(&mut s, Action::RestoreDraft(d));
        let (_, line) = footer(&s);
        assert_eq!(line.matches("Enter").count(), 1, "{lang:?}: {line}");
        assert_eq!(line.matches("Esc").count(), 1, "{lang:?}: {line}");
        assert!(line.contains("8.1"), "{line}");
    }
}
