//! Zoom (`z`): the focused pane fills the body, as tmux's zoom does; `z`
//! again or Esc gives the split view back, the focus and the selections
//! kept. Pure `update` tests, and snapshots of the zoomed screens.

use crate::common::*;
use insta::assert_snapshot;
use wudang_plan::ui::model::Pane;
use wudang_plan::ui::{Action, Lang, update};

/// The indicator table of the whole plan (Tab twice from the tree's
/// root), 12 rows down.
fn in_table(lang: Lang, w: u16, h: u16) -> wudang_plan::ui::AppState {
    let mut s = state(lang, w, h);
    keys(&mut s, "\t\t");
    keys(&mut s, &"j".repeat(12));
    s
}

#[test]
fn z_zooms_the_focused_pane_and_z_again_gives_the_split_view_back() {
    let mut s = in_table(Lang::Zh, 100, 30);
    let split = s.panes;
    assert!(split.tree.is_some() && split.detail.is_some());
    let (sel, tree) = (s.inds.sel, s.tree.sel);
    keys(&mut s, "z");
    assert!(s.zoom);
    assert_eq!(s.focus, Pane::Indicators);
    let a = s.panes;
    assert_eq!((a.tree, a.detail), (None, None), "the table alone");
    assert_eq!(
        a.indicators,
        Some(a.main),
        "over everything above the footer"
    );
    assert_eq!(a.footer, split.footer, "the footer stays");
    assert_eq!(s.inds.sel, sel, "the selection is kept");
    keys(&mut s, "z");
    assert!(!s.zoom);
    assert_eq!(s.panes, split);
    assert_eq!(
        (s.focus, s.inds.sel, s.tree.sel),
        (Pane::Indicators, sel, tree)
    );
    // Esc leaves it too, and does nothing when not zoomed
    keys(&mut s, "z\x1b");
    assert!(!s.zoom);
    assert_eq!(s.panes, split);
    keys(&mut s, "\x1b");
    assert_eq!((s.zoom, s.panes), (false, split));
}

/// Moving while zoomed moves the same selection the split view shows; the
/// zoomed list shows more rows, so a page is longer.
#[test]
fn moves_while_zoomed_keep_their_place_when_the_split_view_comes_back() {
    let mut s = in_table(Lang::En, 100, 30);
    let split_rows = wudang_plan::ui::model::info::list_rows(&s);
    keys(&mut s, "z");
    let zoomed_rows = wudang_plan::ui::model::info::list_rows(&s);
    assert!(zoomed_rows > split_rows, "{zoomed_rows} > {split_rows}");
    keys(&mut s, &"j".repeat(30));
    assert_eq!(s.inds.sel, 42);
    keys(&mut s, "z");
    assert_eq!(s.inds.sel, 42);
    // the selection is on screen in the smaller list
    assert!(s.inds.offset <= 42 && 42 < s.inds.offset + split_rows);
}

/// Tab while zoomed shows the next pane zoomed (as the one-pane layout
/// does); the tree and the detail pane zoom as well.
#[test]
fn tab_while_zoomed_zooms_the_next_pane() {
    let mut s = state(Lang::Zh, 100, 30);
    keys(&mut s, "z");
    assert_eq!(s.panes.tree, Some(s.panes.main));
    keys(&mut s, "\t");
    assert_eq!(s.focus, Pane::Detail);
    assert_eq!((s.panes.detail, s.panes.tree), (Some(s.panes.main), None));
    keys(&mut s, "\t");
    assert_eq!(s.panes.indicators, Some(s.panes.main));
    assert!(s.zoom);
}

/// A resize while zoomed keeps the zoom, the pane and the selection, at
/// every size (down to "too small" and back).
#[test]
fn a_resize_while_zoomed_keeps_it() {
    let mut s = in_table(Lang::Zh, 100, 30);
    keys(&mut s, "z");
    let sel = s.inds.sel;
    for (w, h) in [(80, 24), (50, 12), (30, 8), (200, 60), (100, 30)] {
        update(&mut s, Action::Resize(w, h));
        assert!(s.zoom);
        assert_eq!(s.inds.sel, sel, "{w}x{h}");
        if !s.panes.too_small {
            assert_eq!(s.panes.indicators, Some(s.panes.main), "{w}x{h}");
            assert_eq!(s.panes.tree, None, "{w}x{h}");
        }
        let _ = render(&s);
    }
}

/// Zoom is a browsing key: in a text field `z` is typed.
#[test]
fn z_in_a_search_is_typed() {
    let mut s = state(Lang::En, 100, 30);
    keys(&mut s, "/z");
    assert!(!s.zoom);
    keys(&mut s, "\x1b");
    assert!(!s.zoom);
}

#[test]
fn zoomed_table_zh_100x30() {
    let mut s = in_table(Lang::Zh, 100, 30);
    keys(&mut s, "z");
    assert_snapshot!(render(&s));
}

#[test]
fn zoomed_table_zh_80x24() {
    let mut s = in_table(Lang::Zh, 80, 24);
    keys(&mut s, "z");
    assert_snapshot!(render(&s));
}

#[test]
fn zoomed_table_en_100x30() {
    let mut s = in_table(Lang::En, 100, 30);
    keys(&mut s, "z");
    assert_snapshot!(render(&s));
}

#[test]
fn zoomed_table_en_80x24() {
    let mut s = in_table(Lang::En, 80, 24);
    keys(&mut s, "z");
    assert_snapshot!(render(&s));
}

#[test]
fn zoomed_tree_zh_80x24() {
    let mut s = state(Lang::Zh, 80, 24);
    keys(&mut s, "z");
    assert_snapshot!(render(&s));
}

#[test]
fn zoomed_detail_en_100x30() {
    let mut s = state(Lang::En, 100, 30);
    keys(&mut s, "jj\tz");
    assert_snapshot!(render(&s));
}
