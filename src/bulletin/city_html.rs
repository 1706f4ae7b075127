//! The city report ([`super::city`]) as one self-contained HTML page in
//! the district report's style: its style sheet ([`super::html::CSS`],
//! plus [`CITY_CSS`] for what only this page has), its lights as badges
//! with their words, its table of indicators for the red lights. No
//! script, nothing linked. Every district name (from a clone's
//! `district.txt`) and every text from a plan or a ledger is escaped
//! ([`super::escape::html`]).

use std::fmt::Write as _;

use super::city::{self, City, RANK_LIGHTS, Ranked};
use super::escape::html;
use super::html::{CSS, badge, items_table};
use super::words::{W, ordinal, say};
use crate::ledger::Status;
use crate::pace::Light;
use crate::vocab::Lang;

/// What the city page adds to the district report's style sheet: the
/// districts' headings above their red lights, and a wider id column for
/// the qualified ids (`乌当区:8.1`), which may wrap.
pub const CITY_CSS: &str = "h3 {\n  font-size: 10.5pt;\n  margin: 4mm 0 1mm;\n  \
     break-after: avoid;\n  page-break-after: avoid;\n}\n\
     col.c-id { width: 12%; }\ncol.c-name { width: 16%; }\n\
     td.id { white-space: normal; }\n";

/// The whole page.
pub fn render(c: &City) -> String {
    let lang = c.lang;
    let title = html(&city::title(lang));
    let as_of = say(W::AsOf, lang, &[&c.today.to_string()]);
    let mut out = String::with_capacity(32 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{CSS}{CITY_CSS}</style>\n</head>\n<body>\n\
         <header>\n<h1>{title}</h1>\n<p class=\"meta\">{}<span class=\"sep\"></span>{}</p>\n\
         </header>\n",
        match lang {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        },
        html(&as_of),
        html(&city::districts_line(c)),
    );
    let mut n = 0;
    let mut h2 = |text: &str| {
        n += 1;
        format!("<h2>{}{}</h2>\n", ordinal(n, lang), html(text))
    };
    ranking(&mut out, c, &h2(W::CityRanking.get(lang)));
    statuses(&mut out, c, &h2(W::CityStatuses.get(lang)));
    red(&mut out, c, &h2(W::CityRed.get(lang)));
    if !c.unread.is_empty() {
        let count = c.unread.len().to_string();
        unread(&mut out, c, &h2(&say(W::CityUnread, lang, &[&count])));
    }
    let _ = write!(
        out,
        "<footer>\n<h2>{}</h2>\n<ul>\n",
        html(W::Notes.get(lang))
    );
    for r in city::rules(c) {
        let _ = writeln!(out, "<li>{}</li>", html(&r));
    }
    out.push_str("</ul>\n</footer>\n</body>\n</html>\n");
    out
}

/// `<p>无。</p>` closing the section, when there is no district to show.
fn none(out: &mut String, lang: Lang) {
    let _ = write!(out, "<p>{}</p>\n</section>\n", html(W::None.get(lang)));
}

/// A number cell, bold when it is an alarm.
fn number(out: &mut String, n: usize, alarm: bool) {
    let class = if alarm && n > 0 { "n hot" } else { "n" };
    let _ = write!(out, "<td class=\"{class}\">{n}</td>");
}

/// The ranking: 名次, 区县, 指标数, the lights, 绿灯占比, 最近发布.
fn ranking(out: &mut String, c: &City, head: &str) {
    let lang = c.lang;
    let _ = write!(out, "<section class=\"tally ranking\">\n{head}");
    if c.ranked.is_empty() {
        return none(out, lang);
    }
    out.push_str("<table class=\"tally\">\n<thead>\n<tr>");
    let header = city::rank_header(lang);
    for (i, h) in header.iter().enumerate() {
        let cell = match i.checked_sub(3).and_then(|k| RANK_LIGHTS.get(k)) {
            Some(&l) => badge(l, lang),
            None => html(h),
        };
        let class = if i == 1 { " class=\"name\"" } else { "" };
        let _ = write!(out, "<th{class}>{cell}</th>");
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for (i, r) in c.ranked.iter().enumerate() {
        rank_row(out, i + 1, r, lang);
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn rank_row(out: &mut String, rank: usize, r: &Ranked, lang: Lang) {
    let _ = write!(
        out,
        "<tr><td class=\"n\">{rank}</td><th scope=\"row\" class=\"name\">{}</th>",
        html(&r.name)
    );
    number(out, r.total.total(), false);
    for l in RANK_LIGHTS {
        number(
            out,
            r.total.lights.get(l),
            matches!(l, Light::Red | Light::Yellow),
        );
    }
    let _ = write!(
        out,
        "<td class=\"n\">{}</td><td>",
        html(&city::share_text(r.share))
    );
    let _ = match city::published_text(r, lang) {
        (day, Some(mark), _) => write!(
            out,
            "{}<div class=\"stale\">{}</div>",
            html(&day),
            html(mark)
        ),
        (day, None, true) => write!(out, "<div class=\"stale\">{}</div>", html(&day)),
        (day, None, false) => write!(out, "{}", html(&day)),
    };
    out.push_str("</td></tr>\n");
}

/// Each district's indicators by status, with 逾期未报, and a 合计 row.
fn statuses(out: &mut String, c: &City, head: &str) {
    let lang = c.lang;
    let _ = write!(out, "<section class=\"tally\">\n{head}");
    if c.ranked.is_empty() {
        return none(out, lang);
    }
    let _ = write!(
        out,
        "<table class=\"tally\">\n<thead>\n<tr><th class=\"name\">{}</th>",
        html(W::ColDistrict.get(lang))
    );
    for h in city::status_header(lang) {
        let _ = write!(out, "<th>{}</th>", html(&h));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    let status_row = |out: &mut String, label: &str, cells: Vec<usize>, attrs: &str| {
        let _ = write!(
            out,
            "<tr{attrs}><th scope=\"row\" class=\"name\">{label}</th>"
        );
        // missed and 逾期未报 are marked (the columns of `status_cells`:
        // total, the five statuses, 逾期未报)
        let missed = Status::ALL
            .iter()
            .position(|&s| s == Status::Missed)
            .map_or(usize::MAX, |p| p + 1);
        let last = cells.len() - 1;
        for (i, n) in cells.into_iter().enumerate() {
            number(out, n, i == missed || i == last);
        }
        out.push_str("</tr>\n");
    };
    for r in &c.ranked {
        status_row(out, &html(&r.name), city::status_cells(&r.total), "");
    }
    status_row(
        out,
        &html(W::Total.get(lang)),
        city::total_cells(c),
        " class=\"total\"",
    );
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// Each district's red lights, best ranked first (or 无。).
fn red(out: &mut String, c: &City, head: &str) {
    let lang = c.lang;
    let _ = write!(out, "<section class=\"list\">\n{head}");
    if c.ranked.is_empty() {
        return none(out, lang);
    }
    for r in &c.ranked {
        let n = r.red.len().to_string();
        let _ = writeln!(
            out,
            "<h3>{}</h3>",
            html(&say(W::CityRedOf, lang, &[&r.name, &n]))
        );
        if r.red.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", html(W::None.get(lang)));
        } else {
            items_table(out, &r.red, lang);
        }
    }
    out.push_str("</section>\n");
}

/// The districts that could not be read, with why.
fn unread(out: &mut String, c: &City, head: &str) {
    let _ = write!(out, "<section class=\"list\">\n{head}<ul>\n");
    for u in &c.unread {
        let line = say(W::CityUnreadLine, c.lang, &[&u.name, &u.why]);
        let _ = writeln!(out, "<li>{}</li>", html(&line));
    }
    out.push_str("</ul>\n</section>\n");
}
