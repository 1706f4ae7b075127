//! The UI shows stored values in its own language, never the machine words
//! the ledger keeps (`done`, `not_done`, `delayed`): footer messages, the
//! history popup, the conflict prompt; and value errors are in the UI's
//! language.

use crate::common::*;
use wudang_plan::ledger::{Conflict, Entry, Field};
use wudang_plan::ui::{Action, Lang, Mode, update};

fn status_row(id: &str, value: &str, old: Option<&str>, user: &str) -> Entry {
    Entry {
        field: Field::Status,
        ..row(id, value, old, user)
    }
}

const MACHINE: [&str; 4] = ["not_done", "delayed", "in_progress", "not_started"];

fn no_machine_word(text: &str) {
    for w in MACHINE {
        assert!(!text.contains(w), "{w} in {text}");
    }
}

#[test]
fn footer_messages_name_task_states_in_the_uis_words() {
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8\ntdelayed\n");
    assert!(s.request.take().is_some());
    update(
        &mut s,
        Action::Recorded(status_row("8", "delayed", Some("in_progress"), "me")),
    );
    let m = s.message.clone().unwrap();
    assert_eq!(m, "已记录 8：推进中 -> 已延误");

    // someone else's change
    update(
        &mut s,
        Action::Changed(vec![status_row("8", "not_started", Some("delayed"), "bob")]),
    );
    let m = s.message.clone().unwrap();
    assert_eq!(m, "bob 更新了 8：未开始");

    let mut s = writable(Lang::En, 100, 30);
    update(
        &mut s,
        Action::Changed(vec![status_row("8", "in_progress", Some("delayed"), "bob")]),
    );
    assert_eq!(s.message.clone().unwrap(), "bob changed 8: in progress");
}

#[test]
fn a_milestone_shows_done_and_not_done_in_the_uis_words() {
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":3.1\ney");
    let r = s.request.take().unwrap();
    assert_eq!(r.value.as_deref(), Some("not_done"));
    // the editor line shows the word, the ledger gets the machine word
    let Mode::Edit(e) = &s.mode else {
        panic!("no editor")
    };
    assert_eq!(e.field.text(), "未完成");
    update(
        &mut s,
        Action::Recorded(row("3.1", "not_done", Some("done"), "me")),
    );
    assert_eq!(s.message.clone().unwrap(), "已记录 3.1：已完成 -> 未完成");

    // the conflict prompt of a milestone toggle
    keys(&mut s, "ey");
    assert!(s.request.take().is_some());
    update(
        &mut s,
        Action::Conflicted(Conflict {
            id: "3.1".into(),
            field: Field::Actual,
            expected: Some("not_done".into()),
            found: Some("done".into()),
            who: Some("bob".into()),
            when: None,
            line: 0,
            period: None,
        }),
    );
    let Mode::Edit(e) = &s.mode else {
        panic!("editor closed")
    };
    let text = wudang_plan::ui::view::editor::conflict_text(&s, e, e.clash.as_ref().unwrap());
    assert_eq!(
        text,
        "冲突：3.1 已被 bob 于 ? 改为 已完成，你打开时为 未完成。用 已完成 覆盖？ y 覆盖  n 保留"
    );
    no_machine_word(&render(&s));

    // the history popup
    let mut s = writable(Lang::En, 100, 30);
    keys(&mut s, ":3.1\nH");
    let rows = vec![
        row("3.1", "done", Some("not_done"), "bob"),
        row("3.1", "not_done", None, "alice"),
    ];
    update(&mut s, Action::History("3.1".into(), rows, 2));
    let out = render(&s);
    assert!(out.contains("2025  (none) -> not done"), "{out}");
    assert!(out.contains("2025  not done -> done"), "{out}");
    no_machine_word(&out);
}

#[test]
fn value_errors_are_in_the_uis_language() {
    for (lang, want) in [
        (
            Lang::Zh,
            "“5,12”：千分位须每三位一组（1,234 或 1,234,567）；应填以亿元为单位的数，\
             如 512、512.5 或 1,234.5（可带单位“亿元”）",
        ),
        (
            Lang::En,
            "`5,12`: digits must be grouped in threes (1,234 or 1,234,567); expected a number \
             in 亿元 such as 512, 512.5 or 1,234.5 (the suffix 亿元 is optional)",
        ),
    ] {
        let mut s = writable(lang, 80, 24);
        keys(&mut s, ":8.1\ne");
        update(&mut s, Action::ClearField);
        keys(&mut s, "5,12\n");
        let Mode::Edit(e) = &s.mode else {
            panic!("editor closed")
        };
        assert_eq!(e.error.as_deref(), Some(want));
    }
}

/// A long error wraps onto a second footer line (by display width) instead
/// of being cut with `~`; the panes give up one line for it.
#[test]
fn a_long_error_wraps_onto_a_second_footer_line() {
    for lang in [Lang::Zh, Lang::En] {
        let mut s = writable(lang, 80, 24);
        keys(&mut s, ":8.1\ne");
        update(&mut s, Action::ClearField);
        keys(&mut s, "5,12\n");
        let l = lines(&s);
        assert_eq!(l.len(), 24);
        let footer: Vec<&str> = l[21..].iter().map(|x| x.trim_end()).collect();
        assert!(
            footer[0].contains("5,12") && footer[0].contains('✖'),
            "{footer:?}"
        );
        assert!(footer[1].starts_with(if lang == Lang::Zh {
            "无效："
        } else {
            "invalid: "
        }));
        assert!(
            !footer[1].ends_with('~') && !footer[2].ends_with('~'),
            "{footer:?}"
        );
        let tail = if lang == Lang::Zh {
            "（可带单位“亿元”）"
        } else {
            "(the suffix 亿元 is optional)"
        };
        assert!(footer[2].ends_with(tail), "{footer:?}");
        // nothing is lost between the two lines
        let why = match &s.mode {
            Mode::Edit(e) => e.error.clone().unwrap(),
            _ => panic!("editor closed"),
        };
        let label = if lang == Lang::Zh {
            "无效："
        } else {
            "invalid: "
        };
        let squeeze = |t: &str| t.replace(' ', "");
        assert_eq!(
            squeeze(&format!("{}{}", footer[1], footer[2])),
            squeeze(&format!("{label}{why}"))
        );
        // at the narrowest width the reason takes the same two lines, the
        // second cut with `~` (render checks no wide character is split)
        let mut narrow = s.clone();
        update(&mut narrow, Action::Resize(40, 24));
        let l = lines(&narrow);
        let footer: Vec<&str> = l[21..].iter().map(|x| x.trim_end()).collect();
        assert!(footer[0].contains("5,12"), "{footer:?}");
        assert!(footer[1].starts_with(label), "{footer:?}");
        assert!(footer[2].ends_with('~'), "{footer:?}");
        // typing again: the error goes, the footer is two lines again
        keys(&mut s, "\x08");
        let l = lines(&s);
        assert!(l[21].contains('┘') || l[21].contains('+'), "{:?}", &l[20..]);
    }
}
