//! Issue 10, the editor's period: it shows the period it records for (the
//! year of today by default), Tab types another as the command line takes
//! it (full-width digits and 年/季度 too), `[` / `]` step it; it then shows
//! and expects that period's value and row, so a colleague's change to
//! that period is a conflict and a change to another is not. Pure
//! `update` tests, and the ledger's answer where it decides.

use crate::common::*;
use wudang_plan::ledger::draft::Draft;
use wudang_plan::ledger::{Edit, Entry, Expect, Field, Ledger, LedgerError, Stamp};
use wudang_plan::plan::Period;
use wudang_plan::ui::keymap::Ctx;
use wudang_plan::ui::model::Editor;
use wudang_plan::ui::{Action, AppState, Lang, Mode, update};

fn editor(s: &AppState) -> &Editor {
    match &s.mode {
        Mode::Edit(e) => e,
        other => panic!("no editor open: {other:?}"),
    }
}

/// The period field's text, the period it is for, whether it has the caret.
fn period(s: &AppState) -> (String, Period, bool) {
    let p = editor(s)
        .period
        .as_ref()
        .expect("an actual's editor has a period");
    (p.field.text(), p.at, p.active)
}

/// Types `text` as an IME sends it: one character at a time.
fn type_in(s: &mut AppState, text: &str) {
    for c in text.chars() {
        update(s, Action::Input(c));
    }
}

/// A row of 8.1 for `period` at `line`.
fn row_in(value: &str, period: &str, line: u64, user: &str) -> Entry {
    Entry {
        line,
        period: Some(Period::parse(period).unwrap()),
        ..row("8.1", value, None, user)
    }
}

/// 8.1 with 420 for 2023 (line 5) and 512 for 2025 (line 6), mid-2025.
fn with_years(lang: Lang, w: u16, h: u16) -> AppState {
    let mut s = writable(lang, w, h);
    update(
        &mut s,
        Action::Changed(vec![
            row_in("420", "2023", 5, "bob"),
            row_in("512", "2025", 6, "bob"),
        ]),
    );
    s
}

#[test]
fn the_editor_shows_the_default_period_and_tab_types_another() {
    let mut s = with_years(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\ne");
    assert_eq!(s.ctx(), Ctx::Edit);
    assert_eq!(period(&s), ("2025".into(), Period::Year(2025), false));
    assert_eq!(editor(&s).field.text(), "512");
    assert!(render(&s).contains("8.1 工业总产值（亿元） 期间 [2025] 实际值 : 512"));
    // Tab: the caret in the period field; 2023 typed from a Chinese IME
    keys(&mut s, "\t");
    assert!(period(&s).2);
    update(&mut s, Action::ClearField);
    type_in(&mut s, "２０２");
    assert_eq!(period(&s).1, Period::Year(2025), "not a period yet");
    assert_eq!(editor(&s).field.text(), "512");
    type_in(&mut s, "３年");
    // that period's value is shown and expected
    assert_eq!(period(&s).1, Period::Year(2023));
    let e = editor(&s);
    assert_eq!(e.field.text(), "420");
    assert_eq!((e.seen.as_deref(), e.seen_row), (Some("420"), Some(5)));
    // Tab back: the period as it is recorded
    keys(&mut s, "\t");
    assert_eq!(period(&s), ("2023".into(), Period::Year(2023), false));
    update(&mut s, Action::ClearField);
    type_in(&mut s, "４３０");
    keys(&mut s, "\n");
    let r = s.request.take().expect("a write");
    assert_eq!(r.value.as_deref(), Some("430"));
    assert_eq!(r.period, Some(Period::Year(2023)));
    assert_eq!(
        r.expect,
        Expect::Row {
            value: Some("420".into()),
            line: 5
        },
        "2023's row, not 2025's"
    );
    // recorded: the message names the period; 2025 stays current
    update(&mut s, Action::Recorded(row_in("430", "2023", 7, "alice")));
    assert!(matches!(s.mode, Mode::Browse));
    let m = s.message.clone().unwrap();
    assert!(m.starts_with("已记录 8.1（2023）："), "{m}");
    assert_eq!(
        s.progress.actual_of("8.1").map(|a| a.to_ledger()),
        Some("512".into())
    );
}

#[test]
fn a_bad_period_is_refused_with_the_command_lines_reason() {
    for (lang, typed, want) in [
        (
            Lang::Zh,
            "2024Q5",
            "期间：“2024Q5”：没有第5季度；季度为 1 至 4（2024Q2）".to_string(),
        ),
        // the command line says `--period: ` and then the same words
        (
            Lang::En,
            "2024Q5",
            format!("period: {}", Period::parse("2024Q5").unwrap_err()),
        ),
        (
            Lang::En,
            "2019",
            "period: 2019 is outside this plan: its periods lie in 2020–2026 (the plan's years, \
             the year before for the baseline and the year after)"
                .to_string(),
        ),
        (
            Lang::Zh,
            "上半年",
            "期间：“上半年”不是期间；应填年份（2024）、季度（2024Q2、2024年二季度）或月份（2024-06、2024年6月）"
                .to_string(),
        ),
    ] {
        let mut s = with_years(lang, 100, 30);
        keys(&mut s, ":8.1\ne\t");
        update(&mut s, Action::ClearField);
        type_in(&mut s, typed);
        keys(&mut s, "\t");
        update(&mut s, Action::ClearField);
        keys(&mut s, "600\n");
        assert!(s.request.is_none(), "{typed}: nothing recorded");
        let e = editor(&s);
        assert_eq!(e.error.as_deref(), Some(want.as_str()), "{typed}");
        assert!(period(&s).2, "{typed}: the caret back in the period field");
        let start: String = want.chars().take(12).collect();
        assert!(render(&s).contains(&start), "{typed}: shown");
        // mending it clears the reason and records
        update(&mut s, Action::ClearField);
        type_in(&mut s, "2024年二季度");
        assert_eq!(editor(&s).error, None);
        keys(&mut s, "\n");
        let r = s.request.take().expect("a write");
        assert_eq!(r.period, Some(Period::Quarter(2024, 2)), "{typed}");
        assert_eq!(r.value.as_deref(), Some("600"), "what was typed stays");
    }
}

#[test]
fn brackets_step_the_period_and_the_value_follows_it() {
    let mut s = with_years(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\ne[");
    // 2024 has no value: the field empties (512 was 2025's)
    assert_eq!(period(&s), ("2024".into(), Period::Year(2024), false));
    assert_eq!(editor(&s).field.text(), "");
    assert_eq!(
        (editor(&s).seen.clone(), editor(&s).seen_row),
        (None, Some(0))
    );
    // the IME's 【 steps as [: 2023 has 420
    keys(&mut s, "【");
    assert_eq!(period(&s).1, Period::Year(2023));
    assert_eq!(editor(&s).field.text(), "420");
    keys(&mut s, "】");
    assert_eq!(period(&s).1, Period::Year(2024));
    assert!(render(&s).contains("2024 尚未填报  Enter 记录"));
    // a value typed is never replaced; the footer says what the period holds
    type_in(&mut s, "600");
    keys(&mut s, "]");
    assert_eq!(period(&s).1, Period::Year(2025));
    assert_eq!(editor(&s).field.text(), "600");
    assert_eq!(editor(&s).seen.as_deref(), Some("512"), "2025's expected");
    assert!(render(&s).contains("2025 已填报：512 亿元  Enter 记录"));
    // quarters step by quarters, across the year
    keys(&mut s, "\t");
    update(&mut s, Action::ClearField);
    type_in(&mut s, "2025Q1");
    keys(&mut s, "[");
    assert_eq!(
        period(&s),
        ("2024Q4".into(), Period::Quarter(2024, 4), true)
    );
    // not past the plan's years (2020–2026): the reason, nothing moves
    update(&mut s, Action::ClearField);
    type_in(&mut s, "2020");
    keys(&mut s, "[");
    assert_eq!(period(&s).1, Period::Year(2020));
    let why = editor(&s).error.clone().unwrap();
    assert!(why.starts_with("期间：2019 不在本方案期内"), "{why}");
    // `[` in a note is typed
    keys(&mut s, "\x1bn[");
    assert_eq!(editor(&s).field.text(), "[");
    assert_eq!(s.ctx(), Ctx::Input);
}

/// `]` stops at the current period: on 2025-06-30 the year after 2025 and
/// the quarter after 2025Q2 have not started; the reason is the command
/// line's, nothing moves, and typing such a period is refused on Enter.
#[test]
fn brackets_stop_at_the_current_period() {
    let mut s = with_years(Lang::En, 100, 30);
    keys(
        &mut s, ":8.1
e]",
    );
    assert_eq!(period(&s).1, Period::Year(2025));
    let why = editor(&s).error.clone().unwrap();
    assert_eq!(
        why,
        "period: 2026 has not started yet (today is 2025-06-30); expected the current year \
         2025, quarter 2025Q2 or month 2025-06, or an earlier period"
    );
    keys(&mut s, "\t");
    update(&mut s, Action::ClearField);
    type_in(&mut s, "2025Q2");
    keys(&mut s, "]");
    assert_eq!(period(&s).1, Period::Quarter(2025, 2));
    assert!(
        editor(&s)
            .error
            .as_deref()
            .unwrap()
            .contains("2025Q3 has not started")
    );
    keys(&mut s, "[");
    assert_eq!(period(&s).1, Period::Quarter(2025, 1));
    assert_eq!(editor(&s).error, None);
    // typed: not taken, refused on Enter with the same words
    update(&mut s, Action::ClearField);
    type_in(&mut s, "2025年7月");
    // (the field named 2025 on the way: the editor is for it, not 2025-07)
    assert_eq!(period(&s).1, Period::Year(2025), "2025-07 not taken");
    keys(&mut s, "\t");
    update(&mut s, Action::ClearField);
    keys(&mut s, "600\n");
    assert!(s.request.is_none(), "nothing recorded");
    let why = editor(&s).error.clone().unwrap();
    assert!(
        why.starts_with("period: 2025-07 has not started yet (today is 2025-06-30)"),
        "{why}"
    );
}

/// The plan over (today 2027, the plan 2021–2025): the default period is
/// refused as `wudang-plan set` refuses it, at once, and another can be
/// typed; a milestone says so instead of asking.
#[test]
fn a_default_period_past_the_plan_is_refused_as_on_the_command_line() {
    let mut s = state_with(Lang::En, jiff::civil::date(2027, 3, 1), false, 100, 30);
    keys(&mut s, ":8.1\ne");
    let e = editor(&s);
    assert_eq!(
        e.error.as_deref(),
        Some(
            "Tab: type another period; the default one, the year of today, is refused: 2027 is \
             outside this plan: its periods lie in 2020–2026 (the plan's years, the year before \
             for the baseline and the year after)"
        )
    );
    assert!(period(&s).2, "the caret in the period field");
    update(&mut s, Action::ClearField);
    type_in(&mut s, "2025");
    keys(&mut s, "\t520\n");
    let r = s.request.take().expect("a write");
    assert_eq!(r.period, Some(Period::Year(2025)));
    // a milestone: nothing asked, the reason given
    let mut s = state_with(Lang::Zh, jiff::civil::date(2027, 3, 1), false, 100, 30);
    keys(&mut s, ":3.1\ne");
    assert!(matches!(s.mode, Mode::Browse));
    let m = s.message.clone().unwrap();
    assert!(
        m.starts_with(
            "未记录（里程碑请用 wudang-plan set 编号 完成 --period 期间）：2027 不在本方案期内"
        ),
        "{m}"
    );
}

/// A milestone's y/n records for the default period, as before.
#[test]
fn a_milestone_records_for_the_default_period() {
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":3.1\ney");
    let r = s.request.take().expect("a write");
    assert_eq!(r.period, Some(Period::Year(2025)));
}

/// 7.4 done in 2023: `e` asks to record it as not done for 2025 (the
/// default period), and says so, with what is current; the message after
/// names 2025 too. It asked `把 7.4 … 记为“未完成”？` and said
/// `已记录 7.4：（无） -> 未完成`.
#[test]
fn a_milestones_question_names_the_period_it_records_for() {
    let done_2023 = || {
        let mut r = row("7.4", "done", None, "李四");
        r.period = Some(Period::Year(2023));
        r
    };
    for (lang, ask, now, said) in [
        (
            Lang::Zh,
            "记为 2025 年未完成？",
            "（当前：2023 年已完成）",
            "已记录 7.4（2025）：（无） -> 未完成",
        ),
        (
            Lang::En,
            "for 2025 as not done?",
            "(current: 2023, done)",
            "Recorded 7.4 (2025): (none) -> not done",
        ),
    ] {
        let mut s = writable(lang, 100, 30);
        update(&mut s, Action::Changed(vec![done_2023()]));
        keys(
            &mut s, ":7.4
e",
        );
        let Mode::Confirm(c) = &s.mode else {
            panic!("no question")
        };
        let q = wudang_plan::ui::view::confirm::text(&s, c);
        assert!(q.contains(ask) && q.contains(now), "{q}");
        keys(&mut s, "y");
        let r = s.request.take().expect("a write");
        assert_eq!(
            (r.value.as_deref(), r.period),
            (Some("not_done"), Some(Period::Year(2025)))
        );
        let mut back = row("7.4", "not_done", None, "tester");
        back.period = Some(Period::Year(2025));
        update(&mut s, Action::Recorded(back));
        assert_eq!(s.message.as_deref(), Some(said));
    }
}

/// Drafts keep the period typed: a restored draft records for it and
/// expects the row it was typed over; an older draft without a period
/// records for the default period.
#[test]
fn a_restored_draft_records_for_its_period() {
    let draft = |period: Option<&str>| Draft {
        id: "8.1".into(),
        field: Field::Actual,
        text: "430".into(),
        saved: String::new(),
        seen: Some("420".into()),
        seen_line: Some(5),
        period: period.map(String::from),
    };
    let mut s = with_years(Lang::Zh, 100, 30);
    update(&mut s, Action::RestoreDraft(draft(Some("２０２３年"))));
    assert_eq!(period(&s), ("２０２３年".into(), Period::Year(2023), false));
    assert_eq!(editor(&s).field.text(), "430");
    keys(&mut s, "\n");
    let r = s.request.take().expect("a write");
    assert_eq!(r.period, Some(Period::Year(2023)));
    assert_eq!(
        r.expect,
        Expect::Row {
            value: Some("420".into()),
            line: 5
        }
    );
    let mut s = with_years(Lang::Zh, 100, 30);
    update(&mut s, Action::RestoreDraft(draft(None)));
    assert_eq!(period(&s), ("2025".into(), Period::Year(2025), false));
    keys(&mut s, "\n");
    assert_eq!(s.request.take().unwrap().period, Some(Period::Year(2025)));
}

// ---- with a real ledger: the conflict rule is per period ----

fn put(
    l: &mut Ledger,
    v: &str,
    period: &str,
    user: &str,
    expect: Expect,
) -> Result<(), LedgerError> {
    l.append(Edit {
        id: "8.1".into(),
        field: Field::Actual,
        value: Some(v.into()),
        note: None,
        user: user.into(),
        time: Stamp::start_of(MID_2025),
        expect,
        period: Some(Period::parse(period).unwrap()),
    })
    .map(|_| ())
}

/// A ledger with `rows` (value, period) of 8.1 by tester, and a state read
/// from it.
fn ledger_with(rows: &[(&str, &str)]) -> (tempfile::TempDir, Ledger, AppState) {
    let dir = tempfile::tempdir().unwrap();
    let mut l = Ledger::open(&dir.path().join("actuals.csv")).unwrap();
    for (v, p) in rows {
        put(&mut l, v, p, "tester", Expect::Any).unwrap();
    }
    let mut s = writable(Lang::Zh, 100, 30);
    let p = wudang_plan::ui::data::Progress::from_ledger(&l, MID_2025);
    update(&mut s, Action::Reloaded(Box::new(p)));
    (dir, l, s)
}

/// bob, in his own session, records `v` for `period`.
fn bob(dir: &tempfile::TempDir, v: &str, period: &str) {
    let mut o = Ledger::open(&dir.path().join("actuals.csv")).unwrap();
    put(&mut o, v, period, "bob", Expect::Any).unwrap();
}

/// The edit the UI asked for, appended as the session does.
fn record(l: &mut Ledger, s: &mut AppState) -> Result<(), LedgerError> {
    let r = s.request.take().expect("a write");
    l.append(Edit {
        id: r.id,
        field: r.field,
        value: r.value,
        note: r.note,
        user: "tester".into(),
        time: Stamp::start_of(MID_2025),
        expect: r.expect,
        period: r.period,
    })
    .map(|_| ())
}

/// Editing 2023: bob's 2023 since is a conflict (the prompt names him,
/// 2025 stays the value shown); bob's 2024 or 2025 is not.
#[test]
fn a_colleagues_change_conflicts_only_in_the_period_edited() {
    let (dir, mut l, mut s) = ledger_with(&[("420", "2023"), ("512", "2025")]);
    keys(&mut s, ":8.1\ne[[");
    assert_eq!(period(&s).1, Period::Year(2023));
    update(&mut s, Action::ClearField);
    type_in(&mut s, "430");
    bob(&dir, "425", "2023");
    keys(&mut s, "\n");
    let Err(LedgerError::Conflict(c)) = record(&mut l, &mut s) else {
        panic!("bob's 2023 overwritten silently")
    };
    assert_eq!(c.who.as_deref(), Some("bob"));
    assert_eq!(c.period, Some(Period::Year(2023)));
    update(&mut s, Action::Conflicted(*c));
    assert_eq!(s.ctx(), Ctx::Conflict);
    let prompt = render(&s);
    assert!(prompt.contains("8.1（2023） 已被 bob"), "{prompt}");
    assert_eq!(
        s.progress.actual_of("8.1").map(|a| a.to_ledger()),
        Some("512".into()),
        "2025 stays current"
    );
    assert_eq!(s.progress.row_in("8.1", Period::Year(2023)), 4);
    // y: recorded over bob's 2023 row
    keys(&mut s, "y");
    record(&mut l, &mut s).expect("recorded over the row the prompt showed");
    assert_eq!(
        l.current_in("8.1", Field::Actual, Some(Period::Year(2023)))
            .and_then(|e| e.value)
            .as_deref(),
        Some("430")
    );

    for other in ["2024", "2025"] {
        let (dir, mut l, mut s) = ledger_with(&[("420", "2023"), ("512", "2025")]);
        keys(&mut s, ":8.1\ne\t");
        update(&mut s, Action::ClearField);
        keys(&mut s, "2023\t");
        update(&mut s, Action::ClearField);
        keys(&mut s, "430");
        bob(&dir, "600", other);
        keys(&mut s, "\n");
        record(&mut l, &mut s).unwrap_or_else(|e| panic!("bob's {other}: {e}"));
        assert_eq!(
            l.current_in("8.1", Field::Actual, Some(Period::Year(2023)))
                .and_then(|e| e.value)
                .as_deref(),
            Some("430"),
            "{other}"
        );
    }
}

/// `u` undoes the indicator's last change whatever its period (as
/// `wudang-plan undo`): after 2023 was corrected (2025 current), it asks
/// (the change is not of the period shown), then reverts the 2023 row
/// without a conflict with oneself.
#[test]
fn undo_after_an_earlier_periods_correction_reverts_it() {
    let (_dir, mut l, mut s) = ledger_with(&[("512", "2025"), ("420", "2023")]);
    keys(&mut s, ":8.1\nu");
    assert!(matches!(s.mode, Mode::Confirm(_)), "asks first");
    keys(&mut s, "y");
    let r = s.request.take().expect("an undo");
    assert!(r.undo);
    let undone = l
        .undo(
            "8.1",
            Some(r.field),
            &r.expect,
            "tester",
            Stamp::start_of(MID_2025),
            None,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(undone.reverted.in_period(), Period::Year(2023));
    assert_eq!(l.value("8.1", Field::Actual), Some("512"));
}

/// A milestone done for 2024, then `not_done` for 2025 (the default
/// period) and that undone (the row clears 2025): the screen shows it done
/// again, green, for 2024 — the current value is the latest period's WITH
/// a value, as `wudang-plan indicators` says.
#[test]
fn undoing_a_new_periods_value_gives_the_milestone_back() {
    use wudang_plan::ledger::Actual;
    use wudang_plan::pace::Light;
    let mut s = writable(Lang::Zh, 100, 30);
    let m = |value: Option<&str>, old: Option<&str>, period: &str, line| Entry {
        line,
        period: Some(Period::parse(period).unwrap()),
        value: value.map(String::from),
        old: old.map(String::from),
        ..row("7.4", "done", None, "bob")
    };
    let pos = s
        .plan
        .indicators
        .iter()
        .position(|i| i.id() == "7.4")
        .unwrap();
    update(
        &mut s,
        Action::Changed(vec![m(Some("done"), None, "2024", 5)]),
    );
    assert_eq!(s.light_of(pos), Light::Green);
    update(
        &mut s,
        Action::Recorded(m(Some("not_done"), None, "2025", 6)),
    );
    assert_eq!(s.light_of(pos), Light::Red, "due 2023, not done");
    update(
        &mut s,
        Action::Recorded(m(None, Some("not_done"), "2025", 7)),
    );
    assert_eq!(s.progress.actual_of("7.4"), Some(&Actual::Done(true)));
    assert_eq!(
        s.progress.period_of("7.4").as_ref(),
        Some(&Period::Year(2024))
    );
    assert_eq!(s.light_of(pos), Light::Green);
    assert_eq!(s.pace_of(pos).unwrap().period, Some(Period::Year(2024)));
}

/// The tester's `:8.1` `e` Tab `２０２３年` Tab `410` Enter recorded
/// `400410`: the value the editor filled in for 2023 is selected, so what
/// is typed replaces it, as in a selected cell. So on opening (`e` over
/// 512), after `[` and after Tab back.
#[test]
fn typing_replaces_the_value_the_editor_filled_in() {
    let mut s = with_years(Lang::Zh, 100, 30);
    update(
        &mut s,
        Action::Changed(vec![row_in("400", "2023", 7, "bob")]),
    );
    keys(&mut s, ":8.1\ne\t２０２３年\t410\n");
    let r = s.request.take().expect("a write");
    assert_eq!(
        (r.value.as_deref(), r.period),
        (Some("410"), Some(Period::Year(2023)))
    );
    for (typed, want) in [
        // opened on 2025's 512
        ("e430\n", ("430", 2025)),
        // `[` twice: 2023's 400 shown, then replaced
        ("e[[410\n", ("410", 2023)),
        // typed, Tab to the period and back: what was typed is kept
        ("e41\t\t0\n", ("410", 2025)),
        // pasted over the value shown
        ("e\t\t", ("１，２３４", 2025)),
    ] {
        let mut s = with_years(Lang::Zh, 100, 30);
        keys(&mut s, ":8.1\n");
        keys(&mut s, typed);
        if !typed.ends_with('\n') {
            update(&mut s, Action::Paste("１，２３４\n".into()));
            keys(&mut s, "\n");
        }
        let r = s
            .request
            .take()
            .unwrap_or_else(|| panic!("{typed:?}: no write"));
        let value = r.value.as_deref().unwrap_or("");
        let want_value = if want.0 == "１，２３４" {
            "1234"
        } else {
            want.0
        };
        assert_eq!(
            (value, r.period),
            (want_value, Some(Period::Year(want.1))),
            "{typed:?}"
        );
    }
}

/// Backspace, Left/Right, Home/End start editing the value filled in
/// instead of replacing it.
#[test]
fn editing_keys_edit_the_value_filled_in() {
    for (key, want) in [
        (Action::Backspace, "515"),
        (Action::CaretEnd, "5125"),
        (Action::CaretHome, "5512"),
        (Action::CaretLeft, "5152"),
        (Action::CaretRight, "5125"),
    ] {
        let mut s = with_years(Lang::Zh, 100, 30);
        keys(&mut s, ":8.1\ne");
        update(&mut s, key.clone());
        type_in(&mut s, "5");
        assert_eq!(editor(&s).field.text(), want, "{key:?}");
    }
}
