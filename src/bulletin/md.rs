//! The report as Markdown (CommonMark with GitHub's tables): headings,
//! the overview as a list, tally tables, one table per list of
//! indicators. Every text from the plan or the ledger is escaped
//! ([`super::escape`]).

use std::fmt::Write as _;

use super::escape::{md_cell, md_text};
use super::words::{W, ordinal, say};
use super::{Bulletin, Item, Line, List, NONE};
use crate::vocab::{Lang, S, Term};

/// The whole report.
pub fn render(b: &Bulletin) -> String {
    let lang = b.lang;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_text(&super::title(lang)));
    let _ = writeln!(out, "{}  ", md_text(&super::as_of(b)));
    let _ = writeln!(out, "{}\n", md_text(&super::scope(b)));
    let mut n = 0;
    let mut heading = |out: &mut String, text: &str| {
        n += 1;
        let _ = writeln!(out, "## {}{}\n", ordinal(n, lang), md_cell(text));
    };
    heading(&mut out, W::Overall.get(lang));
    let total = b.total.total().to_string();
    let _ = writeln!(out, "{}\n", say(W::Indicators, lang, &[&total]));
    for line in super::overview(&b.total, lang) {
        let _ = writeln!(out, "- {}", md_cell(&line));
    }
    out.push('\n');
    let tallies = [
        (W::ByGroup, W::ColGroup.get(lang), &b.groups, true),
        (W::ByLeader, S::Leaders.get(lang), &b.leaders, false),
        (W::ByUnit, S::Units.get(lang), &b.units, false),
    ];
    for (title, first, lines, with_total) in tallies {
        heading(&mut out, title.get(lang));
        tally(&mut out, b, first, lines, with_total);
    }
    for list in &b.lists {
        heading(
            &mut out,
            &super::list_title(list.kind, list.items.len(), lang),
        );
        items(&mut out, b, list);
    }
    notes(&mut out, lang);
    out
}

fn row(out: &mut String, cells: &[String]) {
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

/// A tally table: the name, then [`super::tally_header`]; numbers right
/// aligned; a 合计 row for the groups (each indicator is in one group).
fn tally(out: &mut String, b: &Bulletin, first: &str, lines: &[Line], with_total: bool) {
    let lang = b.lang;
    if lines.is_empty() {
        let _ = writeln!(out, "{}\n", W::None.get(lang));
        return;
    }
    let mut header = vec![md_cell(first)];
    header.extend(super::tally_header(lang).iter().map(|h| md_cell(h)));
    row(out, &header);
    let mut rule = vec!["---".to_string()];
    rule.extend(std::iter::repeat_n("---:".to_string(), header.len() - 1));
    row(out, &rule);
    let numbers = |label: String, t| {
        let mut cells = vec![label];
        cells.extend(super::tally_cells(t).iter().map(usize::to_string));
        cells
    };
    for l in lines {
        row(out, &numbers(md_cell(&l.label), &l.tally));
    }
    if with_total {
        let label = format!("**{}**", md_cell(W::Total.get(lang)));
        row(out, &numbers(label, &b.total));
    } else {
        let _ = writeln!(out, "\n{}", md_text(W::SharedNote.get(lang)));
    }
    out.push('\n');
}

/// One list of indicators as a table (or 无。).
fn items(out: &mut String, b: &Bulletin, list: &List) {
    let lang = b.lang;
    if list.items.is_empty() {
        let _ = writeln!(out, "{}\n", W::None.get(lang));
        return;
    }
    let items: Vec<&Item> = list.items.iter().filter_map(|&i| b.items.get(i)).collect();
    items_table(out, items, lang);
}

/// Indicators as a table (also the city report's red lights).
pub(super) fn items_table<'a>(
    out: &mut String,
    items: impl IntoIterator<Item = &'a Item>,
    lang: Lang,
) {
    let header: Vec<String> = [
        W::ColId.get(lang),
        W::ColIndicator.get(lang),
        W::ColTask.get(lang),
        W::ColTarget.get(lang),
        W::ColActual.get(lang),
        S::Expected.get(lang),
        W::ColLight.get(lang),
        W::ColStatus.get(lang),
        S::Leaders.get(lang),
        W::ColOwners.get(lang),
        W::ColUpdated.get(lang),
        W::ColNote.get(lang),
    ]
    .iter()
    .map(|h| md_cell(h))
    .collect();
    row(out, &header);
    row(out, &vec!["---".to_string(); header.len()]);
    for it in items {
        row(out, &item_cells(it, lang));
    }
    out.push('\n');
}

fn item_cells(it: &Item, lang: Lang) -> Vec<String> {
    let join = |v: Vec<String>| {
        if v.is_empty() {
            NONE.to_string()
        } else {
            v.join("、")
        }
    };
    [
        it.id.clone(),
        it.name.clone(),
        format!("{} {}", it.task, it.task_title),
        it.target.clone(),
        super::actual_text(it, lang),
        it.expected.clone().unwrap_or_else(|| NONE.into()),
        it.light.word(lang).to_string(),
        super::status_text(it, lang),
        join(it.leaders.clone()),
        join(super::owners_text(it, lang)),
        super::updated_text(it, lang),
        super::note_text(it, lang).unwrap_or_default(),
    ]
    .iter()
    .map(|c| md_cell(c))
    .collect()
}

/// How the lights and 逾期未报 are judged, unnumbered, last.
fn notes(out: &mut String, lang: Lang) {
    let _ = writeln!(out, "## {}\n", md_cell(W::Notes.get(lang)));
    for w in [
        W::RuleRed,
        W::RuleYellow,
        W::RuleGreen,
        W::RuleGray,
        W::RuleStale,
        W::RuleSource,
    ] {
        let _ = writeln!(out, "- {}", md_cell(w.get(lang)));
    }
}
