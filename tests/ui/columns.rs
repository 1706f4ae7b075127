//! The indicator table's columns are laid out for the whole list the pane
//! shows, not the page: they stay put while the list scrolls (a move that
//! scrolls the list writes the row that came in, not every row again).

use crate::common::*;
use std::collections::HashSet;
use wudang_plan::ui::Lang;
use wudang_plan::ui::model::{info, table};

/// The table's title (its top border) and heading line, as drawn.
fn title_and_header(s: &wudang_plan::ui::AppState) -> (String, String) {
    let l = lines(s);
    let heading = match s.lang() {
        Lang::Zh => "编号",
        _ => "ID",
    };
    let k = l
        .iter()
        .position(|x| x.contains(heading))
        .unwrap_or_else(|| panic!("no heading {heading}:\n{}", l.join("\n")));
    (l[k - 1].clone(), l[k].clone())
}

/// Page after page of the whole plan's list, zoomed and split, at 80x24
/// and 100x30 in both languages: the headings (every column's width, the
/// year column there or not) and the title (the common year) are the same
/// on every page, while the pages' own rows would give other widths.
#[test]
fn the_columns_are_the_same_on_every_page_of_the_list() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (100, 30)] {
            for typed in ["\t\tz", "\t\t"] {
                let what = format!("{lang:?} {w}x{h} {typed:?}");
                let mut s = state(lang, w, h);
                keys(&mut s, typed);
                let n = s.selected_inds().len();
                let rows = info::list_rows(&s);
                assert!(n > 3 * rows, "{what}: a long list ({n} rows)");
                let first = title_and_header(&s);
                let cells = table::Cells::of(&s.plan);
                let mut by_page = HashSet::new();
                let mut pages = 0;
                while s.inds.sel + 1 < n {
                    keys(&mut s, &"j".repeat(rows));
                    let off = s.inds.offset;
                    let page = &s.selected_inds()[off..(off + rows).min(n)];
                    by_page.insert(format!("{:?}", table::widths(&s, &cells, page)));
                    assert_eq!(title_and_header(&s), first, "{what}: page at row {off}");
                    pages += 1;
                }
                assert!(pages > 3, "{what}: {pages} pages");
                assert!(
                    by_page.len() > 1,
                    "{what}: the pages' rows differ in width ({by_page:?})"
                );
            }
        }
    }
}
