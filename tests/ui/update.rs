//! Pure `update(state, action)` tests: every action, no terminal.

use crate::common::*;
use wudang_plan::ui::data::Class;
use wudang_plan::ui::model::Cursor;
use wudang_plan::ui::model::TreeRow;
use wudang_plan::ui::model::picker::PickKind;
use wudang_plan::ui::{Action, Lang, Mode, Pane, update};

const ZHU_TASKS: [&str; 14] = [
    "0", "1", "2", "3", "4", "5", "6", "8", "15", "16", "17", "19", "21", "23",
];

fn at_task(s: &wudang_plan::ui::AppState) -> Option<String> {
    s.selected_task_pos().map(|p| s.plan.tasks[p].id.clone())
}

#[test]
fn starts_on_everything() {
    let s = state(Lang::Zh, 100, 30);
    assert_eq!(s.selected_row(), TreeRow::All);
    assert_eq!(s.visible.tasks.len(), 29);
    assert_eq!(s.selected_inds().len(), s.plan.indicators.len());
    assert_eq!(s.focus, Pane::Tree);
    assert!(matches!(s.mode, Mode::Browse));
}

#[test]
fn quit() {
    let mut s = state(Lang::Zh, 100, 30);
    update(&mut s, Action::Quit);
    assert!(s.quit);
    // Ctrl-C quits from a text field too; q there is typed
    let mut s = state(Lang::Zh, 100, 30);
    keys(&mut s, "/q");
    assert!(!s.quit);
    update(&mut s, Action::Quit);
    assert!(s.quit);
}

#[test]
fn suspend_is_left_to_the_run_loop() {
    let mut s = state(Lang::Zh, 100, 30);
    update(&mut s, Action::Suspend);
    assert!(s.suspend);
    assert!(!s.quit);
}

#[test]
fn resize_keeps_the_selection_visible() {
    let mut s = state(Lang::Zh, 100, 30);
    update(&mut s, Action::Bottom);
    let last = s.rows.len() - 1;
    assert_eq!(s.tree.sel, last);
    update(&mut s, Action::Resize(80, 12));
    assert_eq!(s.size, (80, 12));
    assert!(
        s.tree.offset <= s.tree.sel && s.tree.sel < s.tree.offset + 12,
        "{} {}",
        s.tree.offset,
        s.tree.sel
    );
    update(&mut s, Action::Resize(1, 1));
    update(&mut s, Action::Resize(300, 100));
    assert_eq!(s.tree.sel, last);
    assert_eq!(s.tree.offset, 0, "everything fits again");
}

#[test]
fn down_up_top_bottom_in_the_tree() {
    let mut s = state(Lang::Zh, 100, 30);
    update(&mut s, Action::Down);
    assert_eq!(at_task(&s).as_deref(), Some("0"));
    update(&mut s, Action::Down);
    assert_eq!(s.selected_row(), TreeRow::Group(1));
    update(&mut s, Action::Down);
    assert_eq!(at_task(&s).as_deref(), Some("1"));
    update(&mut s, Action::Up);
    assert_eq!(s.selected_row(), TreeRow::Group(1));
    update(&mut s, Action::Bottom);
    assert_eq!(at_task(&s).as_deref(), Some("28"));
    update(&mut s, Action::Down);
    assert_eq!(at_task(&s).as_deref(), Some("28"), "stays at the end");
    update(&mut s, Action::Top);
    assert_eq!(s.tree.sel, 0);
    update(&mut s, Action::Up);
    assert_eq!(s.tree.sel, 0, "stays at the top");
}

#[test]
fn page_down_and_up_move_by_a_screen() {
    let mut s = state(Lang::Zh, 100, 30);
    update(&mut s, Action::PageDown);
    let page = s.tree.sel;
    assert!(page >= 20, "a page is the tree's height, got {page}");
    update(&mut s, Action::PageDown);
    assert_eq!(s.tree.sel, s.rows.len() - 1);
    update(&mut s, Action::PageUp);
    update(&mut s, Action::PageUp);
    assert_eq!(s.tree.sel, 0);
}

#[test]
fn selecting_a_task_resets_the_panes() {
    let mut s = state(Lang::Zh, 100, 30);
    keys(&mut s, ":8.3\n");
    assert_eq!(s.inds.sel, 2);
    update(&mut s, Action::Left); // indicators -> detail
    update(&mut s, Action::Left); // detail -> tree
    assert_eq!(s.focus, Pane::Tree);
    update(&mut s, Action::Down);
    assert_eq!(at_task(&s).as_deref(), Some("9"));
    assert_eq!(s.inds.sel, 0);
    assert_eq!(s.detail.sel, 0);
}

#[test]
fn left_right_fold_groups_and_move_between_panes() {
    let mut s = state(Lang::Zh, 100, 30);
    keys(&mut s, ":3\n");
    update(&mut s, Action::Left);
    assert_eq!(
        s.selected_row(),
        TreeRow::Group(1),
        "h on a task goes to its group"
    );
    update(&mut s, Action::Left);
    assert!(s.collapsed.contains(&1), "h on an open group folds it");
    assert!(!s.rows.contains(&TreeRow::Task(2)));
    update(&mut s, Action::Right);
    assert!(!s.collapsed.contains(&1), "l on a folded group opens it");
    update(&mut s, Action::Right);
    assert_eq!(
        at_task(&s).as_deref(),
        Some("1"),
        "l on an open group enters it"
    );
    update(&mut s, Action::Right);
    assert_eq!(s.focus, Pane::Detail, "l on a task moves to the right pane");
    update(&mut s, Action::Right);
    assert_eq!(s.focus, Pane::Indicators);
    update(&mut s, Action::Right);
    assert_eq!(s.focus, Pane::Indicators);
    update(&mut s, Action::Left);
    assert_eq!(s.focus, Pane::Detail);
    update(&mut s, Action::Left);
    assert_eq!(s.focus, Pane::Tree);
}

#[test]
fn left_from_indicators_goes_to_the_tree_when_detail_is_hidden() {
    let mut s = state(Lang::Zh, 80, 24);
    keys(&mut s, ":8.1\n");
    assert_eq!(s.focus, Pane::Indicators);
    update(&mut s, Action::Left);
    assert_eq!(s.focus, Pane::Tree);
    assert_eq!(s.right, Pane::Indicators, "the indicator pane stays shown");
}

#[test]
fn tab_and_backtab_cycle_panes() {
    let mut s = state(Lang::Zh, 80, 24);
    update(&mut s, Action::NextPane);
    assert_eq!((s.focus, s.right), (Pane::Detail, Pane::Detail));
    update(&mut s, Action::NextPane);
    assert_eq!((s.focus, s.right), (Pane::Indicators, Pane::Indicators));
    update(&mut s, Action::NextPane);
    assert_eq!(s.focus, Pane::Tree);
    assert_eq!(s.right, Pane::Indicators, "the last right pane stays shown");
    update(&mut s, Action::PrevPane);
    assert_eq!(s.focus, Pane::Indicators);
    update(&mut s, Action::PrevPane);
    assert_eq!(s.focus, Pane::Detail);
    update(&mut s, Action::PrevPane);
    assert_eq!(s.focus, Pane::Tree);
}

#[test]
fn moving_in_the_detail_pane_scrolls_it() {
    let mut s = state(Lang::Zh, 80, 24);
    keys(&mut s, ":7\n\t");
    assert_eq!(s.focus, Pane::Detail);
    update(&mut s, Action::Down);
    assert_eq!(s.detail.sel, 1);
    update(&mut s, Action::Bottom);
    let max = s.detail.sel;
    assert!(max > 10, "task 7's text is long: {max}");
    update(&mut s, Action::Down);
    assert_eq!(s.detail.sel, max, "no scrolling past the end");
    update(&mut s, Action::PageUp);
    assert!(s.detail.sel < max);
    update(&mut s, Action::PageDown);
    assert_eq!(s.detail.sel, max);
    update(&mut s, Action::Top);
    assert_eq!(s.detail.sel, 0);
    update(&mut s, Action::Up);
    assert_eq!(s.detail.sel, 0);
}

#[test]
fn moving_in_the_indicator_pane_selects_indicators() {
    let mut s = state(Lang::Zh, 100, 30);
    update(&mut s, Action::NextPane);
    update(&mut s, Action::NextPane);
    assert_eq!(s.focus, Pane::Indicators);
    update(&mut s, Action::Down);
    assert_eq!(s.inds.sel, 1);
    update(&mut s, Action::Bottom);
    assert_eq!(s.inds.sel, s.plan.indicators.len() - 1);
    assert!(s.inds.offset > 0, "scrolled to show the last one");
    update(&mut s, Action::PageUp);
    assert!(s.inds.sel < s.plan.indicators.len() - 1);
    update(&mut s, Action::Top);
    assert_eq!((s.inds.sel, s.inds.offset), (0, 0));
    update(&mut s, Action::PageDown);
    assert!(s.inds.sel > 0);
    update(&mut s, Action::Up);
}

/// The unit picker counts tasks as the tree does after the filter (总体目标
/// apart, as the leader picker counts it): `区科技局 5 项任务` opened a tree
/// of `全部（4 项任务）` and 总体目标.
#[test]
fn unit_picker_counts_the_tasks_the_filter_shows() {
    let mut s = state(Lang::Zh, 100, 30);
    update(&mut s, Action::PickUnit);
    let Mode::Picker(p) = &s.mode else {
        panic!("no picker")
    };
    let items: Vec<(String, String)> = p
        .items
        .iter()
        .map(|i| (i.label.clone(), i.count.clone()))
        .collect();
    update(&mut s, Action::Quit);
    let mut with_headline = 0;
    for (n, (label, count)) in items.iter().enumerate() {
        update(&mut s, Action::PickUnit);
        for _ in 0..n {
            update(&mut s, Action::Down);
        }
        keys(&mut s, "\n");
        assert_eq!(s.filters.unit.as_deref(), Some(label.as_str()));
        let tasks = tree_task_ids(&s).iter().filter(|t| *t != "0").count();
        assert!(
            count.starts_with(&format!("{tasks} 项任务")),
            "{label}: the picker says {count:?}, the tree shows {tasks} tasks"
        );
        with_headline += usize::from(count.contains("项总体目标"));
    }
    assert!(with_headline > 0, "some unit owns headline rows");
}

#[test]
fn leader_picker_narrows_by_pinyin_and_filters() {
    let mut s = state(Lang::Zh, 100, 30);
    update(&mut s, Action::PickLeader);
    let Mode::Picker(p) = &s.mode else {
        panic!("no picker")
    };
    assert_eq!(p.kind, PickKind::Leader);
    assert_eq!(p.shown.len(), s.plan.leaders().len());
    let zhu = p.items.iter().find(|i| i.label == "朱快春").unwrap();
    assert_eq!(zhu.count, "13 项任务 + 3 项总体目标");
    keys(&mut s, "zkc");
    let Mode::Picker(p) = &s.mode else {
        panic!("no picker")
    };
    let shown: Vec<&str> = p.shown.iter().map(|&i| p.items[i].label.as_str()).collect();
    assert_eq!(shown, ["朱快春"]);
    keys(&mut s, "\n");
    assert!(matches!(s.mode, Mode::Browse));
    assert_eq!(s.filters.leader.as_deref(), Some("朱快春"));
    assert_eq!(tree_task_ids(&s), ZHU_TASKS);
    assert_eq!(s.selected_row(), TreeRow::All);
    assert_eq!(pane_indicator_ids(&s)[..3], ["0.6", "0.8", "0.9"]);
}

#[test]
fn picker_typing_backspace_caret_paste_and_moves() {
    let mut s = state(Lang::Zh, 100, 30);
    update(&mut s, Action::PickLeader);
    update(&mut s, Action::Input('x'));
    update(&mut s, Action::Input('q'));
    let Mode::Picker(p) = &s.mode else { panic!() };
    assert!(p.shown.is_empty(), "nobody is xq");
    update(&mut s, Action::Backspace);
    update(&mut s, Action::Backspace);
    update(&mut s, Action::Backspace); // nothing left to delete
    update(&mut s, Action::Paste("朱".into()));
    update(&mut s, Action::CaretLeft);
    update(&mut s, Action::CaretRight);
    let Mode::Picker(p) = &s.mode else { panic!() };
    assert_eq!(p.field.text(), "朱");
    assert_eq!(p.shown.len(), 1);
    update(&mut s, Action::Backspace);
    update(&mut s, Action::Down);
    update(&mut s, Action::Down);
    update(&mut s, Action::Up);
    update(&mut s, Action::PageDown);
    let Mode::Picker(p) = &s.mode else { panic!() };
    assert_eq!(p.cursor.sel, p.shown.len() - 1);
    update(&mut s, Action::PageUp);
    let Mode::Picker(p) = &s.mode else { panic!() };
    assert_eq!(p.cursor.sel, 0);
}

#[test]
fn picker_cancel_and_empty_confirm_change_nothing() {
    let mut s = state(Lang::Zh, 100, 30);
    keys(&mut s, "Lzkc\x1b");
    assert!(matches!(s.mode, Mode::Browse));
    assert!(!s.filters.any());
    keys(&mut s, "Lxxxx\n");
    assert!(matches!(s.mode, Mode::Browse));
    assert!(!s.filters.any());
    assert!(s.message.is_some(), "says nothing matched");
}

#[test]
fn unit_picker_filters_by_unit() {
    let mut s = state(Lang::Zh, 100, 30);
    keys(&mut s, "U区教育局");
    let Mode::Picker(p) = &s.mode else { panic!() };
    assert_eq!(p.kind, PickKind::Unit);
    assert_eq!(p.selected().unwrap().label, "区教育局");
    keys(&mut s, "\n");
    assert_eq!(s.filters.unit.as_deref(), Some("区教育局"));
    // the body names 区教育局 for task 6 too
    assert_eq!(tree_task_ids(&s), ["6", "25"]);
}

#[test]
fn status_picker_counts_within_the_other_filters() {
    let mut s = state_with(Lang::Zh, EARLY_2026, false, 100, 30);
    keys(&mut s, "Lzkc\nS");
    let Mode::Picker(p) = &s.mode else { panic!() };
    assert_eq!(p.kind, PickKind::Status);
    let first = p.selected().unwrap();
    assert_eq!(first.label, "✖ 未达", "missed comes first");
    assert_eq!(first.count, "6 项指标");
    keys(&mut s, "\n");
    assert_eq!(s.filters.class, Some(Class::Missed));
    assert_eq!(s.right, Pane::Indicators);
}

/// The "Done when" path: 朱快春's missed indicators in 7 keystrokes:
/// `L` `z` `k` `c` Enter `S` Enter.
#[test]
fn zhu_kuaichun_missed_indicators_in_seven_keys() {
    let mut s = state_with(Lang::Zh, EARLY_2026, false, 80, 24);
    keys(&mut s, "Lzkc\nS\n");
    assert_eq!(s.selected_row(), TreeRow::All);
    assert_eq!(
        pane_indicator_ids(&s),
        ["0.6", "2.2", "5.1", "8.2", "8.3", "15.2"]
    );
    assert_eq!(tree_task_ids(&s), ["0", "2", "5", "8", "15"]);
    // at 80×24 the one right pane shows the indicators
    let screen = lines(&s).join("\n");
    assert!(
        screen.contains("工业投资累计完成") || screen.contains("工业投资累"),
        "{screen}"
    );
    assert!(screen.contains("✖ 未达"), "{screen}");
}

#[test]
fn clear_filters() {
    let mut s = state(Lang::Zh, 100, 30);
    keys(&mut s, "Lzkc\n");
    update(&mut s, Action::ClearFilters);
    assert!(!s.filters.any());
    assert_eq!(s.visible.tasks.len(), 29);
    assert!(s.message.is_some());
    update(&mut s, Action::ClearFilters);
    assert!(s.message.is_none(), "nothing to clear, nothing said");
}

#[test]
fn search_filters_live_keeps_on_enter_clears_on_esc() {
    let mut s = state(Lang::Zh, 100, 30);
    update(&mut s, Action::StartSearch);
    assert!(matches!(s.mode, Mode::Search(_)));
    keys(&mut s, "工业总产值");
    assert!(tree_task_ids(&s).contains(&"8".to_string()));
    assert!(tree_task_ids(&s).len() < 10);
    assert!(
        matches!(s.selected_row(), TreeRow::Task(_)),
        "lands on the first hit"
    );
    update(&mut s, Action::Confirm);
    assert!(matches!(s.mode, Mode::Browse));
    assert_eq!(s.filters.search.as_deref(), Some("工业总产值"));
    // `/` again edits the kept search; Esc clears it
    update(&mut s, Action::StartSearch);
    let Mode::Search(f) = &s.mode else { panic!() };
    assert_eq!(f.text(), "工业总产值");
    update(&mut s, Action::Cancel);
    assert!(s.filters.search.is_none());
    assert_eq!(s.visible.tasks.len(), 29);
}

#[test]
fn search_by_pinyin_initials_of_an_owner() {
    let mut s = state(Lang::Zh, 100, 30);
    keys(&mut s, "/mxb"); // 马孝波, 责任人 of T3 and T4
    assert_eq!(tree_task_ids(&s), ["3", "4"]);
    update(&mut s, Action::Backspace);
    update(&mut s, Action::CaretLeft);
    update(&mut s, Action::CaretRight);
    update(&mut s, Action::Paste("b\n".into()));
    assert_eq!(tree_task_ids(&s), ["3", "4"]);
    keys(&mut s, "\n");
    assert_eq!(s.filters.search.as_deref(), Some("mxb"));
}

#[test]
fn search_with_no_hit_says_so() {
    let mut s = state(Lang::Zh, 100, 30);
    keys(&mut s, "/qqqqqq\n");
    assert!(s.visible.tasks.is_empty());
    assert!(s.message.as_deref().unwrap().contains("qqqqqq"));
    let screen = lines(&s).join("\n");
    assert!(screen.contains("没有符合筛选的任务"), "{screen}");
}

#[test]
fn ime_punctuation_starts_search_and_jump() {
    let mut s = state(Lang::Zh, 100, 30);
    keys(&mut s, "、");
    assert!(matches!(s.mode, Mode::Search(_)));
    keys(&mut s, "\x1b：8\n");
    assert_eq!(at_task(&s).as_deref(), Some("8"));
}

#[test]
fn jump_to_task_and_indicator() {
    let mut s = state(Lang::Zh, 100, 30);
    update(&mut s, Action::StartJump);
    assert!(matches!(s.mode, Mode::Jump(_)));
    keys(&mut s, "8\n");
    assert_eq!(at_task(&s).as_deref(), Some("8"));
    assert_eq!(s.focus, Pane::Tree);
    keys(&mut s, ":0.3\n");
    assert_eq!(at_task(&s).as_deref(), Some("0"));
    assert_eq!(s.focus, Pane::Indicators);
    assert_eq!(pane_indicator_ids(&s)[s.inds.sel], "0.3");
    keys(&mut s, ":8.1\n");
    assert_eq!(pane_indicator_ids(&s)[s.inds.sel], "8.1");
}

#[test]
fn jump_edits_and_cancels() {
    let mut s = state(Lang::Zh, 100, 30);
    keys(&mut s, ":89");
    update(&mut s, Action::Backspace);
    update(&mut s, Action::CaretLeft);
    update(&mut s, Action::CaretRight);
    update(&mut s, Action::Cancel);
    assert!(matches!(s.mode, Mode::Browse));
    assert_eq!(s.selected_row(), TreeRow::All);
    keys(&mut s, ":99\n");
    assert_eq!(s.message.as_deref(), Some("没有编号为 99 的任务或指标"));
}

#[test]
fn jump_into_a_folded_group_or_past_filters() {
    let mut s = state(Lang::Zh, 100, 30);
    keys(&mut s, ":3\nhh");
    assert!(s.collapsed.contains(&1));
    keys(&mut s, ":2\n");
    assert_eq!(at_task(&s).as_deref(), Some("2"), "the group opens");
    keys(&mut s, "Lzkc\n:7\n");
    assert_eq!(at_task(&s).as_deref(), Some("7"));
    assert!(!s.filters.any(), "task 7 is not 朱快春's: filters cleared");
    assert!(s.message.is_some());
}

#[test]
fn overview_moves_and_filters_by_leader() {
    let mut s = state(Lang::Zh, 100, 30);
    update(&mut s, Action::ToggleOverview);
    let Mode::Overview(Cursor { sel, .. }) = s.mode else {
        panic!()
    };
    assert_eq!(sel, 1, "first group row, below the heading");
    update(&mut s, Action::Bottom);
    update(&mut s, Action::Up);
    update(&mut s, Action::Down);
    update(&mut s, Action::PageUp);
    update(&mut s, Action::PageDown);
    update(&mut s, Action::Top);
    // down to 朱快春
    for _ in 0..20 {
        let Mode::Overview(Cursor { sel, .. }) = s.mode else {
            panic!()
        };
        if s.overview[sel].label == "朱快春" {
            break;
        }
        update(&mut s, Action::Down);
    }
    update(&mut s, Action::Confirm);
    assert!(matches!(s.mode, Mode::Browse));
    assert_eq!(s.filters.leader.as_deref(), Some("朱快春"));
    assert_eq!(tree_task_ids(&s), ZHU_TASKS);
}

#[test]
fn overview_enter_on_a_group_selects_it() {
    let mut s = state(Lang::Zh, 100, 30);
    keys(&mut s, "o↓↓\n");
    assert_eq!(s.selected_row(), TreeRow::Group(2));
    keys(&mut s, "o\n");
    assert_eq!(at_task(&s).as_deref(), Some("0"), "总体目标 is task 0");
}

#[test]
fn overview_closes_and_opens_help() {
    let mut s = state(Lang::Zh, 100, 30);
    update(&mut s, Action::ToggleOverview);
    update(&mut s, Action::ToggleHelp);
    assert!(s.help.is_some());
    update(&mut s, Action::Cancel);
    assert!(s.help.is_none());
    assert!(matches!(s.mode, Mode::Overview { .. }));
    update(&mut s, Action::Cancel);
    assert!(matches!(s.mode, Mode::Browse));
    keys(&mut s, "oo");
    assert!(matches!(s.mode, Mode::Browse));
}

#[test]
fn help_scrolls_and_closes() {
    let mut s = state(Lang::Zh, 80, 24);
    update(&mut s, Action::ToggleHelp);
    assert_eq!(s.help.map(|c| c.sel), Some(0));
    update(&mut s, Action::Down);
    assert_eq!(s.help.map(|c| c.sel), Some(1));
    for _ in 0..20 {
        update(&mut s, Action::PageDown);
    }
    let max = s.help.unwrap().sel;
    update(&mut s, Action::Down);
    assert_eq!(
        s.help.map(|c| c.sel),
        Some(max),
        "no scrolling past the end"
    );
    update(&mut s, Action::PageUp);
    update(&mut s, Action::Up);
    assert!(s.help.unwrap().sel < max);
    update(&mut s, Action::ToggleHelp);
    assert_eq!(s.help, None);
    // keys behind the help do nothing while it is open
    keys(&mut s, "?L");
    assert!(matches!(s.mode, Mode::Browse));
}

#[test]
fn every_action_in_every_mode_is_safe() {
    let openers: [&str; 10] = [
        "",
        "/",
        ":",
        "L",
        "U",
        "S",
        "o",
        "?",
        ":8.1\ne",
        ":8.1\ne\t",
    ];
    let base = state(Lang::En, 100, 30);
    for opener in openers {
        for (w, h) in [(100, 30), (80, 24), (45, 12), (1, 1)] {
            let mut opened = base.clone();
            update(&mut opened, Action::Resize(w, h));
            keys(&mut opened, opener);
            for a in Action::examples() {
                let mut s = opened.clone();
                update(&mut s, a.clone());
                assert!(s.tree.sel < s.rows.len(), "{opener:?} {a:?} {w}x{h}");
                let _ = render(&s);
            }
        }
    }
}

#[test]
fn messages_last_until_the_next_key() {
    let mut s = state(Lang::Zh, 100, 30);
    keys(&mut s, ":99\n");
    assert!(s.message.is_some());
    update(&mut s, Action::Resize(90, 30));
    assert!(s.message.is_some(), "a resize is not a key");
    update(&mut s, Action::Down);
    assert!(s.message.is_none());
}

// ---- editing (UI part 2) ----

use wudang_plan::ledger::{Actual, Conflict, Expect, Field};
use wudang_plan::ui::model::Request;

fn editor_text(s: &wudang_plan::ui::AppState) -> Option<String> {
    match &s.mode {
        Mode::Edit(e) => Some(e.field.text()),
        _ => None,
    }
}

#[test]
fn edit_opens_prefilled_and_enter_requests_a_checked_write() {
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\ne");
    assert_eq!(editor_text(&s).as_deref(), Some("512"));
    // Ctrl-U clears, then full-width input with grouping
    update(&mut s, Action::ClearField);
    for c in "１，２３４".chars() {
        update(&mut s, Action::Input(c));
    }
    keys(&mut s, "\n");
    assert_eq!(
        s.request,
        Some(Request {
            id: "8.1".into(),
            field: Field::Actual,
            value: Some("1234".into()),
            expect: Expect::Row {
                value: Some("512".into()),
                line: 0
            },
            note: None,
            undo: false,
            period: Some(wudang_plan::plan::Period::Year(2025)),
        })
    );
    // keys wait for the ledger's answer
    keys(&mut s, "9");
    assert_eq!(editor_text(&s).as_deref(), Some("１，２３４"));
    update(
        &mut s,
        Action::Recorded(row("8.1", "1234", Some("512"), "alice")),
    );
    assert!(matches!(s.mode, Mode::Browse));
    assert_eq!(
        s.progress.actual_of("8.1"),
        Some(&Actual::Number(1234.into()))
    );
    let m = s.message.clone().unwrap();
    assert!(m.contains("8.1") && m.contains("1234 亿元"), "{m}");
}

#[test]
fn esc_cancels_and_records_nothing() {
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\ne77\x1b");
    assert!(matches!(s.mode, Mode::Browse));
    assert!(s.request.is_none());
    assert_eq!(
        s.progress.actual_of("8.1"),
        Some(&Actual::Number(512.into()))
    );
}

#[test]
fn an_invalid_value_keeps_the_editor_open_with_the_reason() {
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\ne");
    update(&mut s, Action::ClearField);
    keys(&mut s, "abc\n");
    assert!(s.request.is_none());
    let Mode::Edit(e) = &s.mode else {
        panic!("editor closed")
    };
    let why = e.error.clone().unwrap();
    assert_eq!(
        why,
        "“abc”不是数字；应填以亿元为单位的数，如 512、512.5 或 1,234.5（可带单位“亿元”）"
    );
    // typing again clears the error
    keys(&mut s, "\x08");
    let Mode::Edit(e) = &s.mode else {
        panic!("editor closed")
    };
    assert!(e.error.is_none());
}

#[test]
fn paste_with_a_trailing_tab_or_newline_is_one_value() {
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\ne");
    update(&mut s, Action::ClearField);
    update(&mut s, Action::Paste("１，２３４\t\r\n".into()));
    assert!(s.request.is_none(), "a pasted newline must not submit");
    assert_eq!(editor_text(&s).as_deref(), Some("１，２３４"));
    // Home / End move over wide characters
    update(&mut s, Action::CaretHome);
    keys(&mut s, "-");
    update(&mut s, Action::CaretEnd);
    assert_eq!(editor_text(&s).as_deref(), Some("-１，２３４"));
}

#[test]
fn a_conflict_asks_and_never_overwrites_silently() {
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\ne");
    update(&mut s, Action::ClearField);
    keys(&mut s, "520\n");
    s.request = None;
    update(
        &mut s,
        Action::Conflicted(Conflict {
            id: "8.1".into(),
            field: Field::Actual,
            expected: Some("512".into()),
            found: Some("530".into()),
            who: Some("bob".into()),
            when: None,
            line: 0,
            period: None,
        }),
    );
    // their value is shown at once, and a y/n prompt asked
    assert_eq!(
        s.progress.actual_of("8.1"),
        Some(&Actual::Number(530.into()))
    );
    assert_eq!(s.ctx(), wudang_plan::ui::keymap::Ctx::Conflict);
    assert!(s.request.is_none());
    // any other key does nothing
    keys(&mut s, "x");
    assert!(s.request.is_none());
    // y: record ours, expecting theirs
    keys(&mut s, "y");
    let r = s.request.take().unwrap();
    assert_eq!(r.value.as_deref(), Some("520"));
    assert_eq!(
        r.expect,
        Expect::Row {
            value: Some("530".into()),
            line: 0
        }
    );

    // n keeps theirs and records nothing
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\ne");
    update(&mut s, Action::ClearField);
    keys(&mut s, "520\n");
    s.request = None;
    update(
        &mut s,
        Action::Conflicted(Conflict {
            id: "8.1".into(),
            field: Field::Actual,
            expected: Some("512".into()),
            found: Some("530".into()),
            who: Some("bob".into()),
            when: None,
            line: 0,
            period: None,
        }),
    );
    keys(&mut s, "n");
    assert!(s.request.is_none());
    assert!(matches!(s.mode, Mode::Browse));
    assert!(s.message.clone().unwrap().contains("530"));
}

#[test]
fn read_only_without_a_ledger_and_edit_needs_an_indicator() {
    let mut s = read_only(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\ne");
    assert!(matches!(s.mode, Mode::Browse));
    assert!(s.request.is_none());
    assert!(s.message.is_some());
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8\ne");
    assert!(matches!(s.mode, Mode::Browse));
    assert_eq!(s.focus, Pane::Indicators);
    assert_eq!(
        s.message.as_deref(),
        Some("已转到指标窗格：选中指标后按 e 或 Enter 填报"),
        "says what happened and what to press next"
    );
    keys(&mut s, "e");
    assert_eq!(
        editor_text(&s).as_deref(),
        Some("512"),
        "second e edits 8.1, prefilled"
    );
}

#[test]
fn others_changes_update_the_panes_with_a_message() {
    let mut s = writable(Lang::Zh, 100, 30);
    update(
        &mut s,
        Action::Changed(vec![row("8.2", "430", Some("300"), "bob")]),
    );
    assert_eq!(
        s.progress.actual_of("8.2"),
        Some(&Actual::Number(430.into()))
    );
    let pos = s.plan.indicator_pos("8.2").unwrap();
    assert_eq!(s.class_of(pos), Class::Met);
    let m = s.message.clone().unwrap();
    assert!(
        m.contains("bob") && m.contains("8.2") && m.contains("430"),
        "{m}"
    );
}

#[test]
fn a_refused_write_reopens_the_editor_with_the_reason() {
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\ne\n");
    assert!(s.request.take().is_some());
    update(&mut s, Action::Rejected("needs conversion".into()));
    let Mode::Edit(e) = &s.mode else {
        panic!("editor closed")
    };
    assert_eq!(e.error.as_deref(), Some("needs conversion"));
    assert!(e.sending.is_none());
}

#[test]
fn undo_asks_the_loop_to_undo_the_selected_indicator() {
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\nu");
    let r = s.request.take().unwrap();
    assert!(r.undo);
    assert_eq!((r.id.as_str(), r.field), ("8.1", Field::Actual));
    // it carries the value the screen shows
    assert_eq!(
        r.expect,
        Expect::Row {
            value: Some("512".into()),
            line: 0
        }
    );
    // the loop answers with the row the undo appended
    update(
        &mut s,
        Action::Recorded(row("8.1", "500", Some("512"), "alice")),
    );
    assert_eq!(
        s.progress.actual_of("8.1"),
        Some(&Actual::Number(500.into()))
    );
    // nothing to undo: the reason in the footer
    update(&mut s, Action::Rejected("8.1: nothing to undo".into()));
    assert!(s.message.clone().unwrap().contains("nothing to undo"));
    // read-only: no request
    let mut s = read_only(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\nu");
    assert!(s.request.is_none());
}

#[test]
fn history_opens_with_the_rows_and_closes() {
    let mut s = state(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\nH");
    assert_eq!(s.history_request.take().as_deref(), Some("8.1"));
    update(
        &mut s,
        Action::History("8.1".into(), vec![row("8.1", "512", None, "alice")], 1),
    );
    assert_eq!(s.ctx(), wudang_plan::ui::keymap::Ctx::History);
    keys(&mut s, "j\x1b");
    assert!(s.history.is_none());
    assert!(!s.quit);
}

#[test]
fn t_picks_the_task_status() {
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8\nt");
    assert!(matches!(s.mode, Mode::Picker(_)));
    // narrow by the English word, then Enter
    keys(&mut s, "delayed\n");
    let r = s.request.take().unwrap();
    assert_eq!((r.id.as_str(), r.field), ("8", Field::Status));
    assert_eq!(r.value.as_deref(), Some("delayed"));
    assert_eq!(
        r.expect,
        Expect::Row {
            value: Some("in_progress".into()),
            line: 0
        }
    );
    // no task selected: a message, no picker
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, "t");
    assert!(matches!(s.mode, Mode::Browse));
    assert!(s.message.is_some());
}

#[test]
fn n_adds_a_note_to_the_indicator_or_the_task() {
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\nn");
    for c in "一季度快报".chars() {
        update(&mut s, Action::Input(c));
    }
    keys(&mut s, "\n");
    let r = s.request.take().unwrap();
    assert_eq!((r.id.as_str(), r.field), ("8.1", Field::Note));
    assert_eq!(r.value.as_deref(), Some("一季度快报"));
    // no note was there: the note expects none (issue 8)
    assert_eq!(
        r.expect,
        Expect::Row {
            value: None,
            line: 0
        }
    );
    // on the task when the tree has the focus; an empty note is refused
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8\nn\n");
    assert!(s.request.is_none());
    let Mode::Edit(e) = &s.mode else {
        panic!("note editor closed")
    };
    assert_eq!(e.id, "8");
    assert!(e.error.is_some());
}

#[test]
fn a_task_status_conflict_shows_theirs_and_records_nothing() {
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8\ntdelayed\n");
    assert!(s.request.take().is_some());
    update(
        &mut s,
        Action::Conflicted(Conflict {
            id: "8".into(),
            field: Field::Status,
            expected: Some("in_progress".into()),
            found: Some("done".into()),
            who: Some("bob".into()),
            when: None,
            line: 0,
            period: None,
        }),
    );
    assert_eq!(
        s.progress.task_state_of("8"),
        Some(&wudang_plan::ledger::TaskState::Done)
    );
    assert!(s.request.is_none());
    // their value in the UI's words, not the ledger's `done`
    // (issue 8: and who changed it, from what the picker showed)
    assert_eq!(
        s.message.clone().unwrap(),
        "未记录：8 已被 bob 于 ? 改为 已完成，你看到的是 推进中；保留其值"
    );
}
