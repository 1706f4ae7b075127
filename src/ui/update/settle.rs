//! After every action: the pane geometry for the state's size, the
//! detail pane's and help's line counts (laid out again only when the
//! selected row, the width or the data changed), and every cursor kept in
//! range and on screen against them.

use crate::ui::model::layout::Area;
use crate::ui::model::picker::list_height;
use crate::ui::model::{AppState, Mode, detail, help, info, table};

/// Keeps every selection in range and visible for the current size.
pub(super) fn settle(s: &mut AppState) {
    s.panes = s.layout_for(Area::sized(s.size.0, s.size.1));
    s.tree.keep(s.rows.len(), s.panes.tree_rows());
    let n = s.selected_inds().len();
    s.inds.keep(n, info::list_rows(s));
    if s.panes.indicators.is_some() {
        table::measure(s);
    }
    measure_detail(s);
    s.detail.clamp(detail_room(s).0 + 1);
    if let Some(mut h) = s.help {
        measure_help(s);
        h.clamp(help_room(s).0 + 1);
        s.help = Some(h);
    }
    let main = s.panes.main;
    match &mut s.mode {
        Mode::Overview(c) => c.keep(s.overview.len(), s.panes.overview_rows()),
        Mode::Picker(p) => {
            let h = list_height(p.popup(main));
            p.cursor.keep(p.shown.len(), h);
        }
        _ => {}
    }
}

/// Counts the detail pane's lines again if the selected row, the pane's
/// width or the data changed since they were counted.
fn measure_detail(s: &mut AppState) {
    let width = s.panes.detail_inner().map(|r| r.width);
    let key = width.map(|w| (s.selected_row(), w, s.revision));
    if key != s.measured.detail_for {
        s.measured.detail_lines = match width {
            Some(w) => detail::window(s, w as usize, 0, 0).1,
            None => 0,
        };
        s.measured.detail_for = key;
    }
}

/// How far the detail pane can scroll, and its height (0, 0 when it is
/// not shown).
pub(super) fn detail_room(s: &AppState) -> (usize, usize) {
    match s.panes.detail_inner() {
        Some(r) => {
            let h = r.height as usize;
            (s.measured.detail_lines.saturating_sub(h), h)
        }
        None => (0, 0),
    }
}

/// Counts help's lines again if its width changed.
fn measure_help(s: &mut AppState) {
    let width = help::text_width(s.panes.main);
    if s.measured.help_for != Some(width) {
        s.measured.help_lines = help::lines(s, width as usize).len();
        s.measured.help_for = Some(width);
    }
}

/// How far help can scroll, and its height.
pub(super) fn help_room(s: &AppState) -> (usize, usize) {
    let h = help::height(s.panes.main);
    (s.measured.help_lines.saturating_sub(h), h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{Entry, Field, Stamp};
    use crate::ui::action::Action;
    use crate::ui::data::Progress;
    use crate::ui::model::{Config, Pane, Theme};
    use crate::ui::strings::Lang;
    use crate::ui::update::update;

    fn task_7_detail() -> AppState {
        let plan = crate::plan::load_embedded().unwrap();
        let today = jiff::civil::date(2025, 6, 30);
        let theme = Theme {
            color: true,
            ascii: false,
        };
        let config = Config::new(Lang::Zh, theme);
        let mut s = AppState::new(plan, Progress::empty(today), config);
        for a in [
            Action::Resize(80, 24),
            Action::StartJump,
            Action::Input('7'),
            Action::Confirm,
            Action::NextPane,
        ] {
            update(&mut s, a);
        }
        assert_eq!(s.focus, Pane::Detail);
        s
    }

    /// The detail pane is counted again when what it shows changes (a
    /// note arrives), never on a key that leaves it as it is.
    #[test]
    fn detail_lines_are_counted_again_only_when_they_change() {
        let mut s = task_7_detail();
        let inner = s.panes.detail_inner().unwrap();
        let lines = |s: &AppState| detail::lines(s, inner.width as usize).len();
        let counted = s.measured.clone();
        assert_eq!(counted.detail_lines, lines(&s));
        update(&mut s, Action::Down);
        assert_eq!(s.detail.sel, 1);
        assert_eq!(s.measured, counted, "scrolling lays nothing out");
        let note = Entry {
            line: 2,
            time: Stamp::start_of(jiff::civil::date(2025, 6, 30)),
            user: "bob".into(),
            id: "7".into(),
            field: Field::Note,
            value: Some("用地指标未落实，".repeat(30)),
            old: None,
            note: None,
            period: None,
        };
        update(&mut s, Action::Changed(vec![note]));
        assert!(s.measured.detail_lines > counted.detail_lines + 5);
        assert_eq!(s.measured.detail_lines, lines(&s));
        update(&mut s, Action::Bottom);
        let h = inner.height as usize;
        assert_eq!(s.detail.sel, s.measured.detail_lines - h);
    }
}
