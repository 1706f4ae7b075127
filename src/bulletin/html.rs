//! The report as one self-contained HTML page: inline CSS ([`CSS`]) and
//! inline SVG charts ([`super::svg`]), no script, no link to anything
//! outside, made to print on A4 portrait (page margins and numbers, table
//! headers repeated on each page, rows and headings never split from what
//! follows, colours printed). Every light is written as its word too (红灯),
//! so a black-and-white print reads. Text from the plan and the ledger is
//! escaped ([`super::escape::html`]).

use std::fmt::Write as _;

use super::escape::html;
use super::words::{W, ordinal, say};
use super::{Bulletin, Item, Line, List, NONE, light_class, svg};
use crate::ledger::Status;
use crate::pace::Light;
use crate::vocab::{Lang, S, Term};

/// The style sheet: screen and print (A4 portrait).
pub const CSS: &str = include_str!("report.css");

/// The whole page.
pub fn render(b: &Bulletin) -> String {
    let lang = b.lang;
    let title = html(&super::title(lang));
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n\
         <header>\n<h1>{title}</h1>\n<p class=\"meta\">{}<span class=\"sep\"></span>{}</p>\n\
         </header>\n",
        match lang {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        },
        html(&super::as_of(b)),
        html(&super::scope(b)),
    );
    let mut n = 0;
    let mut h2 = |text: &str| {
        n += 1;
        format!("<h2>{}{}</h2>\n", ordinal(n, lang), html(text))
    };
    overview(&mut out, b, &h2(W::Overall.get(lang)));
    let tallies = [
        (W::ByGroup, W::ColGroup.get(lang), &b.groups, true),
        (W::ByLeader, S::Leaders.get(lang), &b.leaders, false),
        (W::ByUnit, S::Units.get(lang), &b.units, false),
    ];
    for (title, first, lines, with_total) in tallies {
        let head = h2(title.get(lang));
        tally(&mut out, b, &head, first, lines, with_total);
    }
    for list in &b.lists {
        let head = h2(&super::list_title(list.kind, list.items.len(), lang));
        items(&mut out, b, &head, list);
    }
    notes(&mut out, lang);
    out.push_str("</body>\n</html>\n");
    out
}

/// The overview: counts, then the charts of lights by group and leader.
fn overview(out: &mut String, b: &Bulletin, head: &str) {
    let lang = b.lang;
    let total = b.total.total().to_string();
    let _ = write!(
        out,
        "<section class=\"overview\">\n{head}<p>{}</p>\n<ul>\n",
        html(&say(W::Indicators, lang, &[&total]))
    );
    for line in super::overview(&b.total, lang) {
        let _ = writeln!(out, "<li>{}</li>", html(&line));
    }
    out.push_str("</ul>\n");
    for (id, title, lines) in [
        ("groups", W::ChartGroups, &b.groups),
        ("leaders", W::ChartLeaders, &b.leaders),
    ] {
        if lines.is_empty() {
            continue;
        }
        let title = title.get(lang);
        let _ = write!(
            out,
            "<figure>\n<figcaption>{}</figcaption>\n{}\n</figure>\n",
            html(title),
            svg::bars(id, title, lines, lang)
        );
    }
    out.push_str("</section>\n");
}

/// A light as a badge with its word: `<span class="light red">红灯</span>`.
pub(super) fn badge(l: Light, lang: Lang) -> String {
    format!(
        "<span class=\"light {}\">{}</span>",
        light_class(l),
        html(l.word(lang))
    )
}

/// A tally table: the name, indicators, the lights and statuses under
/// two spanning headings, 逾期未报; a 合计 row for the groups.
fn tally(out: &mut String, b: &Bulletin, head: &str, first: &str, lines: &[Line], total: bool) {
    let lang = b.lang;
    let _ = write!(out, "<section class=\"tally\">\n{head}");
    if lines.is_empty() {
        let _ = write!(out, "<p>{}</p>\n</section>\n", html(W::None.get(lang)));
        return;
    }
    let _ = write!(
        out,
        "<table class=\"tally\">\n<thead>\n<tr><th rowspan=\"2\" class=\"name\">{}</th>\
         <th rowspan=\"2\">{}</th><th colspan=\"4\">{}</th><th colspan=\"5\">{}</th>\
         <th rowspan=\"2\">{}</th></tr>\n<tr>",
        html(first),
        html(W::ColIndicators.get(lang)),
        html(W::LightsAre.get(lang)),
        html(W::StatusesAre.get(lang)),
        html(S::Stale.get(lang)),
    );
    for l in Light::ALL {
        let _ = write!(out, "<th>{}</th>", badge(l, lang));
    }
    for s in Status::ALL {
        let _ = write!(out, "<th>{}</th>", html(s.word(lang)));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for l in lines {
        tally_row(out, &html(&l.label), &l.tally, "");
    }
    if total {
        tally_row(out, &html(W::Total.get(lang)), &b.total, " class=\"total\"");
    }
    out.push_str("</tbody>\n</table>\n");
    if !total {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            html(W::SharedNote.get(lang))
        );
    }
    out.push_str("</section>\n");
}

fn tally_row(out: &mut String, label: &str, t: &super::Tally, attrs: &str) {
    let _ = write!(
        out,
        "<tr{attrs}><th scope=\"row\" class=\"name\">{label}</th>"
    );
    for (i, n) in super::tally_cells(t).into_iter().enumerate() {
        // red, yellow, missed and 逾期未报 counted are marked (the columns
        // of `tally_cells`: total, 4 lights, 5 statuses, 逾期未报)
        let alarm = n > 0 && matches!(i, 1 | 2 | 8 | 10);
        let class = if alarm { "n hot" } else { "n" };
        let _ = write!(out, "<td class=\"{class}\">{n}</td>");
    }
    out.push_str("</tr>\n");
}

/// One list of indicators (or 无。).
fn items(out: &mut String, b: &Bulletin, head: &str, list: &List) {
    let lang = b.lang;
    let _ = write!(out, "<section class=\"list\">\n{head}");
    if list.items.is_empty() {
        let _ = write!(out, "<p>{}</p>\n</section>\n", html(W::None.get(lang)));
        return;
    }
    let items: Vec<&Item> = list.items.iter().filter_map(|&i| b.items.get(i)).collect();
    items_table(out, items, lang);
    out.push_str("</section>\n");
}

/// Indicators as a table (also the city report's red lights).
pub(super) fn items_table<'a>(
    out: &mut String,
    items: impl IntoIterator<Item = &'a Item>,
    lang: Lang,
) {
    out.push_str(
        "<table class=\"items\">\n<colgroup><col class=\"c-id\"><col class=\"c-name\">\
         <col class=\"c-values\"><col class=\"c-light\"><col class=\"c-owners\">\
         <col class=\"c-updated\"></colgroup>\n<thead><tr>",
    );
    for h in [
        W::ColId,
        W::ColIndicatorTask,
        W::ColValues,
        W::ColLightStatus,
        W::ColAccount,
        W::ColUpdateNote,
    ] {
        let _ = write!(out, "<th>{}</th>", html(h.get(lang)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for it in items {
        item_row(out, it, lang);
    }
    out.push_str("</tbody>\n</table>\n");
}

fn item_row(out: &mut String, it: &Item, lang: Lang) {
    let div = |class: &str, text: &str| format!("<div class=\"{class}\">{}</div>", html(text));
    let mut values = [
        div("target", &say(W::TargetIs, lang, &[&it.target])),
        div(
            "actual",
            &say(W::ActualIs, lang, &[&super::actual_text(it, lang)]),
        ),
    ]
    .concat();
    if let Some(e) = &it.expected {
        values.push_str(&div("expected", &say(W::ExpectedIs, lang, &[e])));
    }
    let mut light = format!(
        "{}{}",
        badge(it.light, lang),
        div("status", it.status.word(lang))
    );
    if it.stale {
        light.push_str(&div("stale", S::Stale.get(lang)));
    }
    let owners = super::owners_text(it, lang);
    let leaders = if it.leaders.is_empty() {
        NONE.to_string()
    } else {
        it.leaders.join("、")
    };
    let account = format!(
        "{}{}",
        div("leaders", &leaders),
        div("sub", &owners.join("；"))
    );
    let mut updated = div("updated", &super::updated_text(it, lang));
    if let Some(note) = super::note_text(it, lang) {
        updated.push_str(&div("sub note", &note));
    }
    let task = say(W::TaskIs, lang, &[&it.task, &it.task_title]);
    let _ = writeln!(
        out,
        "<tr class=\"{}\"><td class=\"id\">{}</td><td>{}{}</td><td>{values}</td>\
         <td>{light}</td><td>{account}</td><td>{updated}</td></tr>",
        light_class(it.light),
        html(&it.id),
        div("name", &it.name),
        div("sub", &task),
    );
}

/// How the lights and 逾期未报 are judged.
fn notes(out: &mut String, lang: Lang) {
    let _ = write!(
        out,
        "<footer>\n<h2>{}</h2>\n<ul>\n",
        html(W::Notes.get(lang))
    );
    for w in [
        W::RuleRed,
        W::RuleYellow,
        W::RuleGreen,
        W::RuleGray,
        W::RuleStale,
        W::RuleSource,
    ] {
        let _ = writeln!(out, "<li>{}</li>", html(w.get(lang)));
    }
    out.push_str("</ul>\n</footer>\n");
}
