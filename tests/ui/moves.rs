//! What a key costs, counted (issue 12): cells a move in the indicator
//! table changes (the bytes it sends over a slow link), the lines the
//! detail pane lays out for a group, and the work left for after the
//! first frame.

use crate::common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use wudang_plan::ledger::Field;
use wudang_plan::ui::model::detail;
use wudang_plan::ui::{Action, AppState, Lang, draw, update};

/// The screen's cells after drawing `s` on `t` (the same terminal each
/// time, like the real one).
fn cells(t: &mut Terminal<TestBackend>, s: &AppState) -> Vec<String> {
    let frame = t.draw(|f| draw(f, s)).unwrap();
    frame
        .buffer
        .content()
        .iter()
        .map(|c| format!("{}{:?}", c.symbol(), c.style()))
        .collect()
}

/// Row of the table's rule (`---`) on the screen.
fn rule_row(s: &AppState) -> usize {
    lines(s)
        .iter()
        .position(|l| l.contains("------"))
        .expect("a rule")
}

/// Task 8's table (8.1 has a two-line note: the tallest box of its
/// page), moved down row by row: the box keeps the page's height, the
/// rule and the rows stay where they are, and a move changes the two
/// rows whose highlight moves and the box's values, not the labels.
#[test]
fn a_table_move_keeps_the_layout_and_changes_few_cells() {
    for (w, h) in [(100u16, 30u16), (80, 24)] {
        let mut s = state(Lang::Zh, w, h);
        let mut note = row(
            "8.1",
            "二季度统计快报显示工业总产值同比增长，待统计局核实后再更新全年预计值",
            None,
            "limin",
        );
        note.field = Field::Note;
        update(&mut s, Action::Changed(vec![note]));
        keys(&mut s, ":8.2\n");
        update(&mut s, Action::Up);
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        let mut before = cells(&mut t, &s);
        let rule = rule_row(&s);
        let n = s.selected_inds().len();
        assert!(n >= 3, "task 8 lists {n}");
        for k in 1..n.min(4) {
            update(&mut s, Action::Down);
            assert_eq!(s.inds.sel, k);
            let after = cells(&mut t, &s);
            assert_eq!(rule_row(&s), rule, "{w}x{h}: move {k} moved the box");
            let changed = before.iter().zip(&after).filter(|(a, b)| a != b).count();
            // Two table rows (the highlight) and the box's values. Before
            // the box kept the page's height, the move off 8.1 (whose
            // note made its box taller) moved the rule and the list.
            let most = usize::from(w) * 2 + 160;
            assert!(
                changed <= most,
                "{w}x{h}: move {k} changed {changed} cells (most {most})"
            );
            before = after;
        }
    }
}

/// A group's detail pane lays out the lines on screen, not one line per
/// task of the group: what it shows is `lines`' slice all the same.
#[test]
fn the_detail_window_is_the_slice_of_all_lines() {
    let mut s = state(Lang::Zh, 100, 30);
    for _ in 0..40 {
        let all = detail::lines(&s, 60);
        for from in [0, 1, 5, all.len().saturating_sub(3), all.len() + 2] {
            let (shown, total) = detail::window(&s, 60, from, 7);
            assert_eq!(total, all.len());
            let want: Vec<_> = all.iter().skip(from).take(7).cloned().collect();
            assert_eq!(shown, want, "row {:?} from {from}", s.selected_row());
        }
        update(&mut s, Action::Down);
    }
}

/// The search's index and the `L`/`U` pickers' items are not worked out
/// before the first frame: opening leaves them; the first search builds
/// the index, `warm` (the run loop, after the first frame) builds all.
#[test]
fn the_index_is_built_after_the_first_frame() {
    let s = state(Lang::Zh, 100, 30);
    assert!(!s.search.is_warm());
    assert!(s.picks.leaders.get().is_none() && s.picks.units.get().is_none());
    let mut searched = s.clone();
    keys(&mut searched, "/zkc\n");
    assert!(searched.search.is_warm());
    wudang_plan::ui::update::warm(&s);
    assert!(s.search.is_warm());
    assert!(s.picks.leaders.get().is_some() && s.picks.units.get().is_some());
    // The pickers show what they showed when worked out on opening.
    let mut cold = state(Lang::Zh, 100, 30);
    let mut warm = cold.clone();
    wudang_plan::ui::update::warm(&warm);
    keys(&mut cold, "L");
    keys(&mut warm, "L");
    assert_eq!(lines(&cold), lines(&warm));
}
