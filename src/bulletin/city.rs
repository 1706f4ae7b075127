//! The city's report (市级通报, `report --workspace DIR`): the districts of
//! a workspace ranked by their lights, each district's indicators by
//! status with its 逾期未报, every red light with its id qualified by its
//! district (`乌当区:8.1`), and the districts that could not be read.
//!
//! [`build`] computes the content from each district's own report
//! ([`super::build`], all indicators) and [`crate::city::rollup`] (a
//! district's plan and ledger read from its clone, the ranking's order,
//! the last publish from git); unlike the district report's model it
//! reads files. This module holds the content and lays it out, in
//! Markdown here and in HTML in [`super::city_html`] (either through
//! [`super::render_city`]), with the district report's words, escapes and
//! style. The district names come from the clones' `district.txt`,
//! untrusted: escaped like ledger text.

use std::fmt::Write as _;

use jiff::civil::Date;

use super::escape::{md_cell, md_text};
use super::words::{W, ordinal, say};
use super::{Item, ListKind, NONE, Scope, Tally};
use crate::city::District;
use crate::city::rollup::{self, Lights};
use crate::ledger::Ledger;
use crate::ledger::Status;
use crate::pace::Light;
use crate::plan::Plan;
use crate::report::Facts;
use crate::vocab::{Lang, S, Term};

/// The whole city report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct City {
    pub lang: Lang,
    pub today: Date,
    /// A district whose last publish is more than this many days before
    /// `today` is marked 逾期未发布.
    pub stale_days: i64,
    /// Best first.
    pub ranked: Vec<Ranked>,
    /// Those that could not be read, by name.
    pub unread: Vec<Unread>,
}

/// One district that could be judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    /// As its `district.txt` says (made visible, not escaped).
    pub name: String,
    /// Its indicators by light and status, and how many are 逾期未报.
    pub total: Tally,
    /// Green per thousand of the indicators with a light (`None`: none
    /// has one yet).
    pub share: Option<usize>,
    /// The day of its newest commit, if it has one.
    pub last_publish: Option<Date>,
    /// Published, but not within `stale_days` (逾期未发布).
    pub stale: bool,
    /// Its red lights, plan order, ids qualified (`乌当区:8.1`).
    pub red: Vec<Item>,
}

/// A district that could not be read, and why (worded in the report's
/// language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    pub name: String,
    pub why: String,
}

/// The city report: every district judged as of `today` through its own
/// district report, ranked ([`rollup::better`]), its red lights with their
/// ids qualified (`乌当区:8.1`), its last publish from git; those that
/// could not be read after, with why, in `lang`.
pub fn build(districts: &[District], today: Date, lang: Lang) -> City {
    let mut ranked: Vec<(Lights, Ranked)> = Vec::new();
    let mut unread = Vec::new();
    for d in districts {
        match rollup::load(d) {
            Ok((plan, ledger)) => {
                let r = ranked_one(d, &plan, &ledger, today, lang);
                ranked.push((Lights::of_counts(d, &r.total.lights), r));
            }
            Err(e) => unread.push(Unread {
                name: d.name.clone(),
                why: crate::text::visible_lines(&e.text(lang)).replace('\n', " "),
            }),
        }
    }
    ranked.sort_by(|a, b| rollup::better(&a.0, &b.0));
    City {
        lang,
        today,
        stale_days: rollup::STALE_DAYS,
        ranked: ranked.into_iter().map(|(_, r)| r).collect(),
        unread,
    }
}

/// One district's line of the city report.
fn ranked_one(d: &District, plan: &Plan, ledger: &Ledger, today: Date, lang: Lang) -> Ranked {
    let facts = Facts {
        ledger,
        today,
        plan: plan.period,
    };
    let b = super::build(plan, &facts, &Scope::default(), lang);
    let red: Vec<Item> = b
        .lists
        .iter()
        .filter(|l| l.kind == ListKind::Red)
        .flat_map(|l| &l.items)
        .filter_map(|&i| b.items.get(i))
        .map(|it| Item {
            id: crate::plan::qualified(&d.name, &it.id),
            ..it.clone()
        })
        .collect();
    let last_publish = rollup::last_publish(d);
    let stale = last_publish
        .is_some_and(|p| p.duration_until(today).as_secs() > rollup::STALE_DAYS * 86_400);
    Ranked {
        name: d.name.clone(),
        share: Lights::of_counts(d, &b.total.lights).green_permille(),
        total: b.total,
        last_publish,
        stale,
        red,
    }
}

/// The title: 贵阳市各区县实施“强省会”五年行动工作方案推进情况通报.
pub fn title(lang: Lang) -> String {
    W::CityTitle.get(lang).to_string()
}

/// `区县 3 个，其中 1 个未能读取`.
pub fn districts_line(c: &City) -> String {
    let n = (c.ranked.len() + c.unread.len()).to_string();
    let mut s = say(W::CityDistricts, c.lang, &[&n]);
    if !c.unread.is_empty() {
        s.push_str(W::ListJoin.get(c.lang));
        s.push_str(&say(
            W::CityUnreadCount,
            c.lang,
            &[&c.unread.len().to_string()],
        ));
    }
    s
}

/// `50.0%`, or `—` when no indicator has a light.
pub fn share_text(share: Option<usize>) -> String {
    share.map_or_else(|| NONE.to_string(), |p| format!("{}.{}%", p / 10, p % 10))
}

/// The 最近发布 cell: the day, and whether it is an alarm (逾期未发布, or
/// 未发布 at all): `("2025-05-30", Some("逾期未发布"))`, `("未发布", None)`
/// with the second `true`.
pub fn published_text(r: &Ranked, lang: Lang) -> (String, Option<&'static str>, bool) {
    match r.last_publish {
        None => (W::NeverPublished.get(lang).to_string(), None, true),
        Some(d) if r.stale => (d.to_string(), Some(W::PublishStale.get(lang)), true),
        Some(d) => (d.to_string(), None, false),
    }
}

/// The lights of the ranking table, in its order: 绿灯 黄灯 红灯 灰灯.
pub const RANK_LIGHTS: [Light; 4] = [Light::Green, Light::Yellow, Light::Red, Light::Gray];

/// The ranking table's header.
pub fn rank_header(lang: Lang) -> Vec<String> {
    let mut h = vec![
        W::ColRank.get(lang).to_string(),
        W::ColDistrict.get(lang).to_string(),
        W::ColIndicators.get(lang).to_string(),
    ];
    h.extend(RANK_LIGHTS.iter().map(|l| l.word(lang).to_string()));
    h.push(W::ColGreenShare.get(lang).to_string());
    h.push(W::ColPublished.get(lang).to_string());
    h
}

/// The status table's header after the district: indicators, the five
/// statuses, 逾期未报.
pub fn status_header(lang: Lang) -> Vec<String> {
    let mut h = vec![W::ColIndicators.get(lang).to_string()];
    h.extend(Status::ALL.iter().map(|s| s.word(lang).to_string()));
    h.push(S::Stale.get(lang).to_string());
    h
}

/// The numbers of a status row, in [`status_header`]'s order.
pub fn status_cells(t: &Tally) -> Vec<usize> {
    let mut c = vec![t.total()];
    c.extend(Status::ALL.iter().map(|&s| t.counts.status(s)));
    c.push(t.stale);
    c
}

/// [`status_cells`] of every district added up (the 合计 row).
pub fn total_cells(c: &City) -> Vec<usize> {
    let mut sum = status_cells(&Tally::default());
    for r in &c.ranked {
        for (s, n) in sum.iter_mut().zip(status_cells(&r.total)) {
            *s += n;
        }
    }
    sum
}

/// The notes: how districts are ranked, what 最近发布 means, the lights.
pub fn rules(c: &City) -> Vec<String> {
    let lang = c.lang;
    let mut v = vec![
        W::RuleRank.get(lang).to_string(),
        say(W::RulePublished, lang, &[&c.stale_days.to_string()]),
    ];
    v.extend(
        [
            W::RuleRed,
            W::RuleYellow,
            W::RuleGreen,
            W::RuleGray,
            W::RuleStale,
            W::RuleCitySource,
        ]
        .iter()
        .map(|w| w.get(lang).to_string()),
    );
    v
}

fn row(out: &mut String, cells: &[String]) {
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

/// The report as Markdown.
pub fn render_md(c: &City) -> String {
    let lang = c.lang;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_text(&title(lang)));
    let as_of = say(W::AsOf, lang, &[&c.today.to_string()]);
    let _ = writeln!(out, "{}  ", md_text(&as_of));
    let _ = writeln!(out, "{}\n", md_text(&districts_line(c)));
    let mut n = 0;
    let mut heading = |out: &mut String, text: &str| {
        n += 1;
        let _ = writeln!(out, "## {}{}\n", ordinal(n, lang), md_cell(text));
    };
    heading(&mut out, W::CityRanking.get(lang));
    md_ranking(&mut out, c);
    heading(&mut out, W::CityStatuses.get(lang));
    md_statuses(&mut out, c);
    heading(&mut out, W::CityRed.get(lang));
    md_red(&mut out, c);
    if !c.unread.is_empty() {
        let count = c.unread.len().to_string();
        heading(&mut out, &say(W::CityUnread, lang, &[&count]));
        for u in &c.unread {
            let line = say(W::CityUnreadLine, lang, &[&u.name, &u.why]);
            let _ = writeln!(out, "- {}", md_cell(&line));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## {}\n", md_cell(W::Notes.get(lang)));
    for r in rules(c) {
        let _ = writeln!(out, "- {}", md_cell(&r));
    }
    out
}

fn md_ranking(out: &mut String, c: &City) {
    let lang = c.lang;
    if c.ranked.is_empty() {
        let _ = writeln!(out, "{}\n", W::None.get(lang));
        return;
    }
    let header: Vec<String> = rank_header(lang).iter().map(|h| md_cell(h)).collect();
    row(out, &header);
    let mut rule = vec!["---:".to_string(), "---".to_string()];
    rule.extend(std::iter::repeat_n("---:".to_string(), 6));
    rule.push("---".to_string());
    row(out, &rule);
    for (i, r) in c.ranked.iter().enumerate() {
        let mut cells = vec![(i + 1).to_string(), md_cell(&r.name)];
        cells.push(r.total.total().to_string());
        cells.extend(
            RANK_LIGHTS
                .iter()
                .map(|&l| r.total.lights.get(l).to_string()),
        );
        cells.push(share_text(r.share));
        cells.push(match published_text(r, lang) {
            (day, Some(mark), _) => format!("{day}{}**{mark}**", W::ListJoin.get(lang)),
            (day, None, true) => format!("**{day}**"),
            (day, None, false) => day,
        });
        row(out, &cells);
    }
    out.push('\n');
}

fn md_statuses(out: &mut String, c: &City) {
    let lang = c.lang;
    if c.ranked.is_empty() {
        let _ = writeln!(out, "{}\n", W::None.get(lang));
        return;
    }
    let mut header = vec![md_cell(W::ColDistrict.get(lang))];
    header.extend(status_header(lang).iter().map(|h| md_cell(h)));
    row(out, &header);
    let mut rule = vec!["---".to_string()];
    rule.extend(std::iter::repeat_n("---:".to_string(), header.len() - 1));
    row(out, &rule);
    let numbers = |label: String, n: Vec<usize>| {
        let mut cells = vec![label];
        cells.extend(n.iter().map(usize::to_string));
        cells
    };
    for r in &c.ranked {
        row(out, &numbers(md_cell(&r.name), status_cells(&r.total)));
    }
    let label = format!("**{}**", md_cell(W::Total.get(lang)));
    row(out, &numbers(label, total_cells(c)));
    out.push('\n');
}

fn md_red(out: &mut String, c: &City) {
    let lang = c.lang;
    if c.ranked.is_empty() {
        let _ = writeln!(out, "{}\n", W::None.get(lang));
        return;
    }
    for r in &c.ranked {
        let n = r.red.len().to_string();
        let _ = writeln!(
            out,
            "### {}\n",
            md_cell(&say(W::CityRedOf, lang, &[&r.name, &n]))
        );
        if r.red.is_empty() {
            let _ = writeln!(out, "{}\n", W::None.get(lang));
            continue;
        }
        super::md::items_table(out, &r.red, lang);
    }
}
