//! The search as the run loop applies it: queued keys first, one refilter
//! per batch (`update::queue`, `update::flush`).

use crate::common::*;
use wudang_plan::ui::update::{flush, queue};
use wudang_plan::ui::{Action, AppState, Lang, Mode, update};

fn searching() -> AppState {
    let mut s = state(Lang::Zh, 100, 30);
    update(&mut s, Action::StartSearch);
    assert!(matches!(s.mode, Mode::Search(_)));
    s
}

/// Eleven letters already queued (typed fast over a slow link) refilter
/// the tree once, and leave what typing them one by one leaves.
#[test]
fn a_burst_of_letters_refilters_once() {
    let mut one_by_one = searching();
    let before = one_by_one.revision;
    for c in "gongyezongc".chars() {
        update(&mut one_by_one, Action::Input(c));
    }
    assert_eq!(
        one_by_one.revision - before,
        11,
        "update refilters per letter"
    );

    let mut burst = searching();
    let before = burst.revision;
    for c in "gongyezongc".chars() {
        queue(&mut burst, Action::Input(c));
    }
    assert_eq!(burst.revision, before, "nothing refiltered while queued");
    flush(&mut burst);
    assert_eq!(burst.revision - before, 1, "one refilter for the batch");
    flush(&mut burst);
    assert_eq!(
        burst.revision - before,
        1,
        "a second flush has nothing to do"
    );

    assert!(!burst.visible.tasks.is_empty());
    assert_eq!(burst.visible, one_by_one.visible);
    assert_eq!(burst.rows, one_by_one.rows);
    assert_eq!(burst.tree.sel, one_by_one.tree.sel);
    assert_eq!(burst.filters, one_by_one.filters);
}

/// A key that is not a search letter, queued after letters, sees the tree
/// they filter: Enter keeps the search and says what it found, Down moves
/// in the filtered tree.
#[test]
fn a_key_after_queued_letters_sees_their_tree() {
    let keys = [
        Action::Input('z'),
        Action::Input('k'),
        Action::Input('c'),
        Action::Confirm,
    ];
    let mut want = searching();
    keys.iter().for_each(|a| update(&mut want, a.clone()));
    let mut s = searching();
    keys.iter().for_each(|a| queue(&mut s, a.clone()));
    flush(&mut s);
    assert!(s.message.is_some(), "Enter says what the search kept");
    assert_eq!(s.message, want.message);
    assert_eq!(s.visible, want.visible);
    assert_eq!(s.filters.search.as_deref(), Some("zkc"));
    for a in [Action::StartSearch, Action::Input('8'), Action::Down] {
        update(&mut want, a.clone());
        queue(&mut s, a);
    }
    flush(&mut s);
    assert_eq!(s.visible, want.visible);
    assert_eq!(s.tree.sel, want.tree.sel);
}
