//! Issue 8 ("trust pass"), the write path of the UI as pure `update`
//! tests: milestones ask first, read-only says why, undo carries what the
//! screen showed, unchanged values, restored drafts, notes and the history
//! title. No terminal.

use crate::common::*;
use wudang_plan::ledger::{Actual, Conflict, Edit, Expect, Field, Ledger, LedgerError};
use wudang_plan::ui::{Action, Lang, Mode, Pane, update};

fn editor_text(s: &wudang_plan::ui::AppState) -> Option<String> {
    match &s.mode {
        Mode::Edit(e) => Some(e.field.text()),
        _ => None,
    }
}

/// The y/n question open now.
fn question(s: &wudang_plan::ui::AppState) -> String {
    match &s.mode {
        Mode::Confirm(c) => wudang_plan::ui::view::confirm::text(s, c),
        other => panic!("no question open: {other:?}"),
    }
}

/// Issue 8: `e` / Enter on a milestone recorded at once. It asks y/n
/// first (keys from the keymap's confirmation context).
#[test]
fn a_milestone_toggles_after_y() {
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":3.1\ne");
    assert!(s.request.is_none(), "one key records nothing");
    assert_eq!(s.ctx(), wudang_plan::ui::keymap::Ctx::Confirm);
    assert_eq!(
        question(&s),
        "将 3.1 “人才+项目”、“人才+技术+项目”~ 记为 2025 年未完成？（当前：2025 年已完成） y 记录  n 取消"
    );
    let screen = render(&s);
    assert!(screen.contains("┌确认─"), "a popup: {screen}");
    assert!(
        screen.contains("y 是  n 否"),
        "footer from the keymap: {screen}"
    );
    // Enter again (a double Enter) and other keys do nothing
    keys(&mut s, "\nex");
    assert!(s.request.is_none());
    assert_eq!(s.ctx(), wudang_plan::ui::keymap::Ctx::Confirm);
    // n: nothing recorded, said so
    keys(&mut s, "n");
    assert!(s.request.is_none());
    assert!(matches!(s.mode, Mode::Browse));
    assert_eq!(s.message.as_deref(), Some("已取消，未记录"));
    // Enter, then y: recorded, expecting the value shown
    keys(&mut s, "\ny");
    let r = s.request.take().unwrap();
    assert_eq!(r.id, "3.1");
    assert_eq!(r.value.as_deref(), Some("not_done"));
    assert_eq!(
        r.expect,
        Expect::Row {
            value: Some("done".into()),
            line: 0
        }
    );
    // Esc cancels too
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":3.1\ne\x1b");
    assert!(s.request.is_none());
    assert!(matches!(s.mode, Mode::Browse));
}

/// Issue 8: without a user name the UI said 只读：未接入可写的台账. It
/// names the missing user name and how to set it, and the footer leaves
/// out the keys that record.
#[test]
fn read_only_says_why_and_hides_the_write_keys() {
    let s = read_only(Lang::Zh, 100, 30);
    let first = s.message.clone().unwrap_or_default();
    assert!(
        first.contains("没有用户名")
            && first.contains("--user")
            && first.contains("WUDANG_PLAN_USER"),
        "said at start: {first}"
    );
    let footer = render(&s).lines().nth(28).unwrap_or_default().to_string();
    for hidden in ["填报", "撤销", "任务状态", "备注"] {
        assert!(!footer.contains(hidden), "{hidden} in {footer}");
    }
    assert!(
        footer.contains("搜索") && footer.contains("帮助"),
        "{footer}"
    );
    for key in ["e", "u", "n", "t"] {
        let mut s = read_only(Lang::Zh, 100, 30);
        keys(&mut s, ":8.1\n");
        keys(&mut s, key);
        assert!(matches!(s.mode, Mode::Browse), "{key}");
        assert!(s.request.is_none(), "{key}");
        let m = s.message.clone().unwrap_or_default();
        assert!(
            m.contains("没有用户名") && m.contains("--user"),
            "{key}: {m}"
        );
    }
    let mut s = read_only(Lang::En, 100, 30);
    keys(&mut s, ":8.1\ne");
    let m = s.message.clone().unwrap_or_default();
    assert!(
        m.contains("no user name") && m.contains("WUDANG_PLAN_USER"),
        "{m}"
    );
    // with a user name the keys are there
    let s = writable(Lang::Zh, 100, 30);
    let footer = render(&s).lines().nth(28).unwrap_or_default().to_string();
    assert!(
        footer.contains("填报") && footer.contains("撤销"),
        "{footer}"
    );
}

/// Issue 8: alice's screen shows 10 (here 512), bob records 20 (530),
/// alice presses `u`: the ledger refuses (the undo expected 512) and the UI
/// asks whether to undo anyway, saying that this reverts bob's value.
#[test]
fn undo_over_a_change_the_user_never_saw_asks_first() {
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\nu");
    assert!(s.request.take().is_some());
    let bobs = Conflict {
        id: "8.1".into(),
        field: Field::Actual,
        expected: Some("512".into()),
        found: Some("530".into()),
        who: Some("bob".into()),
        when: Some(wudang_plan::ledger::Stamp::start_of(MID_2025)),
        line: 0,
        period: None,
    };
    update(&mut s, Action::UndoConflicted(bobs.clone()));
    // bob's value is on the screen at once, and a y/n question asked
    assert_eq!(
        s.progress.actual_of("8.1"),
        Some(&Actual::Number(530.into()))
    );
    assert_eq!(s.ctx(), wudang_plan::ui::keymap::Ctx::Confirm);
    let q = question(&s);
    for part in [
        "bob",
        "530 亿元",
        "你看到的是 512 亿元。",
        "y 仍然撤销",
        "n 不撤销",
    ] {
        assert!(q.contains(part), "{part} missing: {q}");
    }
    assert!(
        render(&s).contains("┌他人已修改─"),
        "a popup with its own title"
    );
    // n: nothing
    keys(&mut s, "n");
    assert!(s.request.is_none());
    assert!(matches!(s.mode, Mode::Browse));
    // u again (now expecting 530), or y in the question: undo what it showed
    update(&mut s, Action::UndoConflicted(bobs));
    keys(&mut s, "y");
    let r = s.request.take().unwrap();
    assert!(r.undo);
    assert_eq!(
        r.expect,
        Expect::Row {
            value: Some("530".into()),
            line: 0
        }
    );
    assert!(matches!(s.mode, Mode::Browse));
}

/// Issue 8: a value equal to the current one (`５１２` over 512) is not
/// recorded: the ledger answers Unchanged and the footer says so.
#[test]
fn an_unchanged_value_closes_the_editor_and_says_so() {
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\ne");
    update(&mut s, Action::ClearField);
    for c in "５１２".chars() {
        update(&mut s, Action::Input(c));
    }
    keys(&mut s, "\n");
    assert!(
        s.request.take().is_some(),
        "the ledger decides, under its lock"
    );
    update(
        &mut s,
        Action::Unchanged("8.1".into(), Some(row("8.1", "512", None, "alice"))),
    );
    assert!(matches!(s.mode, Mode::Browse));
    assert_eq!(
        s.message.as_deref(),
        Some("未改变：8.1 已是 512 亿元，未记录")
    );
}

/// Issue 8: a restored draft overwrote a colleague's newer value. The draft
/// keeps the value the editor opened with (100), and Enter expects it, so
/// bob's 120 since is a conflict, not overwritten.
#[test]
fn a_restored_draft_expects_the_value_it_was_typed_over() {
    let mut s = writable(Lang::Zh, 100, 30);
    let point = wudang_plan::report::Point {
        period: s.progress.period_of("8.3").unwrap(),
        actual: Some(Actual::Number(120.into())),
        line: 0,
    };
    s.progress.put_point("8.3", point);
    update(
        &mut s,
        Action::RestoreDraft(wudang_plan::ledger::draft::Draft {
            id: "8.3".into(),
            field: Field::Actual,
            text: "177".into(),
            saved: String::new(),
            seen: Some("100".into()),
            seen_line: None,
            period: None,
        }),
    );
    // the editor is open on 8.3 at once, with the text typed then
    assert_eq!(editor_text(&s).as_deref(), Some("177"));
    assert_eq!(s.focus, Pane::Indicators);
    assert_eq!(
        s.selected_ind()
            .map(|p| s.plan.indicators[p].id().to_string()),
        Some("8.3".into())
    );
    assert!(s.message.clone().unwrap().contains("8.3"));
    keys(&mut s, "\n");
    let r = s.request.take().unwrap();
    assert_eq!(r.value.as_deref(), Some("177"));
    assert_eq!(r.expect, Expect::Value(Some("100".into())));
    // an unknown field or id, or a read-only UI: nothing opens
    for (id, field) in [("8.3", Field::Status), ("99.9", Field::Actual)] {
        let mut s = writable(Lang::Zh, 100, 30);
        update(
            &mut s,
            Action::RestoreDraft(wudang_plan::ledger::draft::Draft {
                id: id.into(),
                field,
                text: "1".into(),
                saved: String::new(),
                seen: None,
                seen_line: None,
                period: None,
            }),
        );
        assert!(matches!(s.mode, Mode::Browse), "{id} {field}");
    }
}

/// Issue 8: notes were invisible. A task's note shows in the detail pane
/// with who and when; an indicator's in its detail line and as a mark in
/// the table; live rows update them.
#[test]
fn notes_show_in_the_panes_and_follow_live_changes() {
    let mut s = writable(Lang::Zh, 100, 30);
    let mut status = row("8", "delayed", Some("in_progress"), "zhukc");
    status.field = Field::Status;
    status.note = Some("用地指标未落实".into());
    let mut note = row("8.1", "待统计局核实", None, "limin");
    note.field = Field::Note;
    update(&mut s, Action::Changed(vec![status, note.clone()]));
    keys(&mut s, ":8\n");
    let screen = render(&s);
    assert!(
        screen.contains("说明：用地指标未落实（zhukc，2025-06-30 00:00）"),
        "{screen}"
    );
    assert!(screen.contains("8.1✎"), "{screen}");
    assert!(!screen.contains("8.2✎"), "{screen}");
    keys(&mut s, "\t\t");
    let screen = render(&s);
    assert!(
        screen.contains("备注：待统计局核实（limin，2025-06-30 00:00）"),
        "{screen}"
    );
    // a standing note on the task wins over the status remark
    let mut task_note = row("8", "每月报送", None, "wang");
    task_note.field = Field::Note;
    update(&mut s, Action::Changed(vec![task_note.clone()]));
    assert!(
        render(&s).contains("备注：每月报送（wang，"),
        "standing note"
    );
    // cleared: back to the remark
    task_note.value = None;
    update(&mut s, Action::Changed(vec![task_note]));
    assert!(render(&s).contains("说明：用地指标未落实"));
    // the indicator's note cleared: no mark
    note.value = None;
    update(&mut s, Action::Changed(vec![note]));
    assert!(!render(&s).contains("8.1✎"));
}

/// Issue 8: `H` titled a 42,800-row history "（200 条）". The title gives
/// the total the ledger holds and how many are listed.
#[test]
fn the_history_title_gives_the_real_total() {
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\nH");
    let rows: Vec<_> = (0..200)
        .map(|i| row("8.1", &i.to_string(), None, "a"))
        .collect();
    update(&mut s, Action::History("8.1".into(), rows, 42_800));
    let screen = render(&s);
    assert!(
        screen.contains("8.1 修改记录（共 42800 条，显示最近 200 条）"),
        "{screen}"
    );
    let mut s = state(Lang::En, 100, 30);
    keys(&mut s, ":8.1\nH");
    update(
        &mut s,
        Action::History("8.1".into(), vec![row("8.1", "1", None, "a")], 1),
    );
    assert!(render(&s).contains("8.1 history (1 changes)"));
}

/// Issue 10: the editor records for the default period (this year). Over
/// last year's value it expects nothing for this year (no conflict when
/// this year has no value yet) and shows nothing (512 is 2024's, shown in
/// the panes); over this year's value it shows and expects it.
#[test]
fn the_editor_expects_the_value_of_the_period_it_records() {
    use wudang_plan::plan::Period;
    let mut s = writable(Lang::Zh, 100, 30);
    // 512 was recorded for 2024, not for this year (2025).
    let mut points = s.progress.series_of("8.1").to_vec();
    s.progress.clear_actuals("8.1");
    for mut p in points.drain(..) {
        p.period = Period::Year(2024);
        s.progress.put_point("8.1", p);
    }
    keys(&mut s, ":8.1\ne");
    assert_eq!(editor_text(&s).as_deref(), Some(""), "2025 has no value");
    update(&mut s, Action::ClearField);
    keys(&mut s, "530\n");
    let r = s.request.take().unwrap();
    assert_eq!(
        r.expect,
        Expect::Row {
            value: None,
            line: 0
        },
        "2025 has no value yet"
    );

    let mut s = writable(Lang::Zh, 100, 30);
    assert_eq!(s.progress.period_of("8.1"), Some(Period::Year(2025)));
    keys(&mut s, ":8.1\ne");
    update(&mut s, Action::ClearField);
    keys(&mut s, "530\n");
    let r = s.request.take().unwrap();
    assert_eq!(
        r.expect,
        Expect::Row {
            value: Some("512".into()),
            line: 0
        }
    );
}

/// D1: `n` opened an empty editor and recorded whatever the last note
/// was, so a colleague's newer note was overwritten silently. The editor
/// opens on the standing note, expects it, and a change since asks y/n
/// naming who; an empty field clears a note (and says nothing typed when
/// there was none).
#[test]
fn a_note_expects_the_note_it_was_typed_over() {
    let mut s = writable(Lang::Zh, 100, 30);
    let mut note = row("8.1", "待统计局核实", None, "limin");
    note.field = Field::Note;
    update(&mut s, Action::Changed(vec![note]));
    keys(&mut s, ":8.1\nn");
    assert_eq!(editor_text(&s).as_deref(), Some("待统计局核实"));
    keys(&mut s, "，已核");
    keys(&mut s, "\n");
    let r = s.request.take().unwrap();
    assert_eq!((r.id.as_str(), r.field), ("8.1", Field::Note));
    assert_eq!(r.value.as_deref(), Some("待统计局核实，已核"));
    assert!(
        matches!(&r.expect, Expect::Value(Some(v)) if v == "待统计局核实")
            || format!("{:?}", r.expect).contains("待统计局核实"),
        "expects the note shown: {:?}",
        r.expect
    );
    // bob wrote another note meanwhile: the conflict prompt names him
    update(
        &mut s,
        Action::Conflicted(Conflict {
            id: "8.1".into(),
            field: Field::Note,
            expected: Some("待统计局核实".into()),
            found: Some("bob 的新备注".into()),
            who: Some("bob".into()),
            when: Some(wudang_plan::ledger::Stamp::start_of(MID_2025)),
            line: 0,
            period: None,
        }),
    );
    let screen = render(&s);
    assert!(
        screen.contains("冲突") && screen.contains("bob") && screen.contains("bob 的新备注"),
        "{screen}"
    );
    keys(&mut s, "n");
    assert!(s.request.is_none());
    // an emptied field clears the note
    let mut s = writable(Lang::Zh, 100, 30);
    let mut note = row("8.1", "待统计局核实", None, "limin");
    note.field = Field::Note;
    update(&mut s, Action::Changed(vec![note]));
    keys(&mut s, ":8.1\nn");
    update(&mut s, Action::ClearField);
    keys(&mut s, "\n");
    let r = s.request.take().expect("clearing is recorded");
    assert_eq!(r.value.as_deref().unwrap_or(""), "");
    // no note and nothing typed: said so, nothing sent
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8.2\nn");
    assert_eq!(editor_text(&s).as_deref(), Some(""));
    keys(&mut s, "\n");
    assert!(s.request.is_none());
    // a draft of a note keeps what it was typed over
    let mut s = writable(Lang::Zh, 100, 30);
    update(
        &mut s,
        Action::RestoreDraft(wudang_plan::ledger::draft::Draft {
            id: "8.1".into(),
            field: Field::Note,
            text: "新备注".into(),
            saved: String::new(),
            seen: Some("旧备注".into()),
            seen_line: None,
            period: None,
        }),
    );
    keys(&mut s, "\n");
    let r = s.request.take().unwrap();
    assert!(
        format!("{:?}", r.expect).contains("旧备注"),
        "the draft expects the note it was typed over: {:?}",
        r.expect
    );
}

/// D2: the task-status picker read the expectation at Enter from the
/// progress, which a live refresh had already moved to bob's change, so
/// the pick overwrote it silently. The picker keeps the state it showed
/// when it opened; a change since is refused and the footer names who.
#[test]
fn the_task_state_picker_expects_the_state_it_opened_on() {
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8\nt");
    assert!(matches!(s.mode, Mode::Picker(_)));
    // bob sets 8 to done while the picker is open
    let mut bobs = row("8", "done", Some("in_progress"), "bob");
    bobs.field = Field::Status;
    update(&mut s, Action::Changed(vec![bobs]));
    assert!(matches!(s.mode, Mode::Picker(_)), "the picker stays open");
    keys(&mut s, "delayed\n");
    let r = s.request.take().unwrap();
    assert_eq!(r.value.as_deref(), Some("delayed"));
    assert!(
        format!("{:?}", r.expect).contains("in_progress"),
        "expects what the picker showed: {:?}",
        r.expect
    );
    update(
        &mut s,
        Action::Conflicted(Conflict {
            id: "8".into(),
            field: Field::Status,
            expected: Some("in_progress".into()),
            found: Some("done".into()),
            who: Some("bob".into()),
            when: Some(wudang_plan::ledger::Stamp::start_of(MID_2025)),
            line: 0,
            period: None,
        }),
    );
    assert!(s.request.is_none());
    let m = s.message.clone().unwrap_or_default();
    for part in ["未记录", "bob", "已完成", "推进中", "2025-06-30"] {
        assert!(m.contains(part), "{part} missing: {m}");
    }
}

/// A ledger in a temp dir with `rows` (id, value, user) recorded, and a
/// state whose progress was read from it.
fn ledger_with(
    rows: &[(&str, &str, &str)],
) -> (tempfile::TempDir, Ledger, wudang_plan::ui::AppState) {
    let dir = tempfile::tempdir().unwrap();
    let mut l = Ledger::open(&dir.path().join("actuals.csv")).unwrap();
    for (id, v, user) in rows {
        put(&mut l, id, v, user, Expect::Any).unwrap();
    }
    let mut s = writable(Lang::Zh, 100, 30);
    let p = wudang_plan::ui::data::Progress::from_ledger(&l, MID_2025);
    update(&mut s, Action::Reloaded(Box::new(p)));
    (dir, l, s)
}

fn put(l: &mut Ledger, id: &str, v: &str, user: &str, expect: Expect) -> Result<(), LedgerError> {
    l.append(Edit {
        id: id.into(),
        field: Field::Actual,
        value: Some(v.into()),
        note: None,
        user: user.into(),
        time: wudang_plan::ledger::Stamp::start_of(MID_2025),
        expect,
        period: None,
    })
    .map(|_| ())
}

/// Another session's rows, appended through its own handle.
fn others(dir: &tempfile::TempDir, rows: &[(&str, &str)]) {
    let mut o = Ledger::open(&dir.path().join("actuals.csv")).unwrap();
    for (v, user) in rows {
        put(&mut o, "8.3", v, user, Expect::Any).unwrap();
    }
}

fn who(r: Result<(), LedgerError>) -> String {
    match r {
        Err(LedgerError::Conflict(c)) => c.who.unwrap_or_default(),
        other => panic!("recorded over carol's change: {other:?}"),
    }
}

/// D3 (ABA): the screen shows 8.3 = 188; bob sets 200, carol 188 again;
/// `u` before the refresh reverted carol's change to bob's 200 without a
/// question, because the expectation compared values. It carries the row
/// the screen showed: the undo is a conflict naming carol.
#[test]
fn undo_over_a_value_changed_and_changed_back_is_a_conflict() {
    let (dir, mut l, mut s) = ledger_with(&[("8.3", "188", "tester")]);
    others(&dir, &[("200", "bob"), ("188", "carol")]);
    keys(&mut s, ":8.3\nu");
    let r = s.request.take().unwrap();
    let time = wudang_plan::ledger::Stamp::start_of(MID_2025);
    let undone = l.undo("8.3", Some(Field::Actual), &r.expect, "tester", time, None);
    assert_eq!(who(undone.map(|_| ())), "carol");
    assert_eq!(l.value("8.3", Field::Actual), Some("188"), "nothing undone");
}

/// D3 (ABA) in the editor, live and from a restored draft: typed over 188
/// (or 177), which was changed and changed back since: a conflict.
#[test]
fn an_edit_over_a_value_changed_and_changed_back_is_a_conflict() {
    let (dir, mut l, mut s) = ledger_with(&[("8.3", "188", "tester")]);
    keys(&mut s, ":8.3\ne");
    update(&mut s, Action::ClearField);
    keys(&mut s, "190");
    others(&dir, &[("200", "bob"), ("188", "carol")]);
    keys(&mut s, "\n");
    let r = s.request.take().unwrap();
    assert_eq!(who(put(&mut l, "8.3", "190", "tester", r.expect)), "carol");
    // the draft: typed over 177 (its row's line kept), bob 150, carol 177
    let (dir, mut l, s) = ledger_with(&[("8.3", "177", "tester")]);
    let line = s.progress.row_of("8.3", Field::Actual);
    assert!(line >= 2, "the row's line is kept: {line}");
    others(&dir, &[("150", "bob"), ("177", "carol")]);
    let mut s = writable(Lang::Zh, 100, 30);
    let p = wudang_plan::ui::data::Progress::from_ledger(&l, MID_2025);
    update(&mut s, Action::Reloaded(Box::new(p)));
    update(
        &mut s,
        Action::RestoreDraft(wudang_plan::ledger::draft::Draft {
            id: "8.3".into(),
            field: Field::Actual,
            text: "190".into(),
            saved: String::new(),
            seen: Some("177".into()),
            seen_line: Some(line),
            period: None,
        }),
    );
    keys(&mut s, "\n");
    let r = s.request.take().unwrap();
    assert_eq!(who(put(&mut l, "8.3", "190", "tester", r.expect)), "carol");
    // a conflict's y overwrites exactly the row the prompt showed
    let (dir, mut l, mut s) = ledger_with(&[("8.3", "188", "tester")]);
    keys(&mut s, ":8.3\ne");
    update(&mut s, Action::ClearField);
    keys(&mut s, "190");
    others(&dir, &[("200", "bob")]);
    keys(&mut s, "\n");
    let r = s.request.take().unwrap();
    let Err(LedgerError::Conflict(c)) = put(&mut l, "8.3", "190", "tester", r.expect) else {
        panic!("bob's 200 not seen")
    };
    update(&mut s, Action::Conflicted(*c));
    others(&dir, &[("188", "carol"), ("200", "dan")]);
    keys(&mut s, "y");
    let r = s.request.take().unwrap();
    assert_eq!(who(put(&mut l, "8.3", "190", "tester", r.expect)), "dan");
}
