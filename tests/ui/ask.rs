//! The y/n question before a value that looks like a slip: more than ten
//! times the value before (the period's own, else the latest earlier
//! period's) or the target. The tester's `400410` (400 typed over) was
//! recorded at once; now `y` records it, `n` goes back to the value.

use crate::common::*;
use wudang_plan::ledger::Entry;
use wudang_plan::plan::Period;
use wudang_plan::ui::keymap::Ctx;
use wudang_plan::ui::{Action, AppState, Lang, Mode, update};

fn in_year(id: &str, value: &str, year: i32, line: u64) -> Entry {
    let mut r = row(id, value, None, "bob");
    r.period = Some(Period::Year(year));
    r.line = line;
    r
}

/// 8.1 with 400 for 2023 and 512 for 2025.
fn with_values(lang: Lang) -> AppState {
    let mut s = writable(lang, 100, 30);
    let rows = vec![
        in_year("8.1", "400", 2023, 5),
        in_year("8.1", "512", 2025, 6),
    ];
    update(&mut s, Action::Changed(rows));
    s
}

fn question(s: &AppState) -> String {
    match &s.mode {
        Mode::Confirm(c) => wudang_plan::ui::view::confirm::text(s, c),
        other => panic!("no question: {other:?}"),
    }
}

fn typed(s: &AppState) -> String {
    match &s.mode {
        Mode::Edit(e) => e.field.text(),
        other => panic!("no editor: {other:?}"),
    }
}

#[test]
fn ten_times_the_value_before_asks_and_n_goes_back_to_the_value() {
    let mut s = with_values(Lang::Zh);
    // 2023's 400 kept and 410 typed after it
    keys(&mut s, ":8.1\ne\t２０２３年\t");
    update(&mut s, Action::CaretEnd);
    keys(&mut s, "410\n");
    assert!(s.request.is_none(), "asked first");
    assert_eq!(s.ctx(), Ctx::Confirm);
    let q = question(&s);
    assert_eq!(
        q,
        "将 8.1（2023） 记为 400410 亿元？这是此前的值 400 亿元（2023）的 10 倍以上 y 记录  n 返回修改"
    );
    assert!(render(&s).contains("┌确认─"), "a popup");
    // n: back to the value typed, nothing recorded
    keys(&mut s, "n");
    assert!(s.request.is_none());
    assert_eq!(typed(&s), "400410");
    update(&mut s, Action::ClearField);
    keys(&mut s, "410\n");
    let r = s.request.take().expect("410 recorded without a question");
    assert_eq!(
        (r.value.as_deref(), r.period),
        (Some("410"), Some(Period::Year(2023)))
    );
}

/// No value before 2024 but 2023's: that one counts; with none at all, the
/// target does. `y` records.
#[test]
fn the_earlier_period_or_the_target_counts_and_y_records() {
    let mut s = with_values(Lang::En);
    keys(&mut s, ":8.1\ne[4500\n");
    let q = question(&s);
    assert!(
        q.contains("8.1 (2024) as 4500 亿元") && q.contains("the value before, 400 亿元 (2023)"),
        "{q}"
    );
    keys(&mut s, "y");
    let r = s.request.take().expect("y records");
    assert_eq!(
        (r.value.as_deref(), r.period),
        (Some("4500"), Some(Period::Year(2024)))
    );
    // 8.4 (target 22%), nothing recorded: 221 asks, 220 does not
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8.4\ne221\n");
    assert!(
        question(&s).contains("目标 22%的 10 倍以上"),
        "{}",
        question(&s)
    );
    keys(&mut s, "\x1b");
    assert!(s.request.is_none(), "Esc: nothing recorded");
    update(&mut s, Action::ClearField);
    keys(&mut s, "220\n");
    assert!(s.request.take().is_some(), "ten times is not more than ten");
}

/// An ordinary value (600 over 512) is recorded at once.
#[test]
fn an_ordinary_value_is_not_asked_about() {
    let mut s = with_values(Lang::Zh);
    keys(&mut s, ":8.1\ne600\n");
    assert!(s.request.take().is_some());
}
