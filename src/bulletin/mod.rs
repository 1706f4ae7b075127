//! The supervision report (通报): `wudang-plan report`. For the indicators
//! in scope (all, or a leader's, or a group's), as of a day:
//!
//! - the counts by light and by status, with how many are 逾期未报, for the
//!   whole scope and per group, per leader and per unit;
//! - every red, yellow, missed, stale and no-data indicator with its
//!   owners (leaders, units, persons), its last update (time, user) and
//!   its note;
//! - the stretch targets (力争) met.
//!
//! [`model`] computes it (pure: plan, ledger facts, scope, language), with
//! the statuses and lights the other commands show ([`crate::report::Facts`]);
//! [`md`] and [`html`] lay it out (HTML: one self-contained page with
//! inline CSS and [`svg`] charts, made to print on A4 portrait). Words in
//! Chinese or English ([`words`]); text from the plan and the ledger is
//! escaped for each format ([`escape`]).
//!
//! The city's report over a workspace of districts (`report --workspace`)
//! is laid out here too ([`city`], [`city_html`]), from the districts' own
//! reports.

pub mod city;
pub mod city_html;
pub mod escape;
pub mod html;
pub mod md;
pub mod model;
pub mod svg;
pub mod words;

pub use model::{Bulletin, Item, Line, List, ListKind, Note, Scope, Tally, Update, build};

use crate::ledger::{Stamp, Status};
use crate::pace::Light;
use crate::plan::group_label;
use crate::vocab::{Lang, S, Term};
use words::{W, say};

/// The report's formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
}

/// The report as a document of `format`.
pub fn render(b: &Bulletin, format: Format) -> String {
    match format {
        Format::Markdown => md::render(b),
        Format::Html => html::render(b),
    }
}

/// The city's report ([`city`], `report --workspace`) as a document of
/// `format`.
pub fn render_city(c: &city::City, format: Format) -> String {
    match format {
        Format::Markdown => city::render_md(c),
        Format::Html => city_html::render(c),
    }
}

/// What stands for no value in a cell.
pub const NONE: &str = "—";

/// The title: 乌当区实施“强省会”五年行动工作方案推进情况通报.
pub fn title(lang: Lang) -> String {
    say(W::Title, lang, &[S::PlanTitle.get(lang)])
}

/// `统计日期：2025-09-30`.
pub fn as_of(b: &Bulletin) -> String {
    say(W::AsOf, b.lang, &[&b.today.to_string()])
}

/// `范围：全部指标`, `范围：责任领导 朱快春；任务组（二）`, `范围：总体目标`.
pub fn scope(b: &Bulletin) -> String {
    let lang = b.lang;
    let mut parts = Vec::new();
    if let Some(l) = &b.scope.leader {
        parts.push(say(W::ScopeLeader, lang, &[l]));
    }
    match b.scope.group {
        Some(0) => parts.push(group_label(0)),
        Some(g) => parts.push(say(W::ScopeGroup, lang, &[&group_label(g)])),
        None => {}
    }
    if parts.is_empty() {
        parts.push(W::ScopeAll.get(lang).to_string());
    }
    say(W::Scope, lang, &[&parts.join(W::ScopeJoin.get(lang))])
}

/// A list's heading with its count: `红灯指标（3 项）`.
pub fn list_title(kind: ListKind, n: usize, lang: Lang) -> String {
    let w = match kind {
        ListKind::Red => W::ListRed,
        ListKind::Yellow => W::ListYellow,
        ListKind::Missed => W::ListMissed,
        ListKind::Stale => W::ListStale,
        ListKind::NoData => W::ListNoData,
        ListKind::Stretch => W::ListStretch,
    };
    say(W::ListTitle, lang, &[w.get(lang), &n.to_string()])
}

/// The overview's lines: the lights, the statuses, 逾期未报.
pub fn overview(t: &Tally, lang: Lang) -> [String; 3] {
    let count = |word: &str, n: usize| say(W::Count, lang, &[word, &n.to_string()]);
    let join = W::ListJoin.get(lang);
    let lights: Vec<String> = Light::ALL
        .iter()
        .map(|&l| count(l.word(lang), t.lights.get(l)))
        .collect();
    let statuses: Vec<String> = Status::ALL
        .iter()
        .map(|&s| count(s.word(lang), t.counts.status(s)))
        .collect();
    [
        format!(
            "{}{}{}",
            W::LightsAre.get(lang),
            S::Colon.get(lang),
            lights.join(join)
        ),
        format!(
            "{}{}{}",
            W::StatusesAre.get(lang),
            S::Colon.get(lang),
            statuses.join(join)
        ),
        say(W::StaleCount, lang, &[&t.stale.to_string()]),
    ]
}

/// The columns of a tally table after its first (the name): indicators,
/// the four lights, the five statuses, 逾期未报.
pub fn tally_header(lang: Lang) -> Vec<String> {
    let mut h = vec![W::ColIndicators.get(lang).to_string()];
    h.extend(Light::ALL.iter().map(|l| l.word(lang).to_string()));
    h.extend(Status::ALL.iter().map(|s| s.word(lang).to_string()));
    h.push(S::Stale.get(lang).to_string());
    h
}

/// The numbers of a tally row, in [`tally_header`]'s order.
pub fn tally_cells(t: &Tally) -> Vec<usize> {
    let mut c = vec![t.total()];
    c.extend(Light::ALL.iter().map(|&l| t.lights.get(l)));
    c.extend(Status::ALL.iter().map(|&s| t.counts.status(s)));
    c.push(t.stale);
    c
}

/// `2025-03-01 10:00` at the offset it was recorded at.
pub fn time_text(t: &Stamp) -> String {
    t.offset
        .to_datetime(t.timestamp)
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// `440 亿元（2024）`; `—` when nothing is recorded.
pub fn actual_text(it: &Item, lang: Lang) -> String {
    match (&it.actual, it.period) {
        (Some(a), Some(p)) => say(W::InPeriod, lang, &[a, &p.to_string()]),
        (Some(a), None) => a.clone(),
        (None, _) => NONE.into(),
    }
}

/// The status, with 逾期未报 when it is: `推进中，逾期未报`.
pub fn status_text(it: &Item, lang: Lang) -> String {
    let s = it.status.word(lang);
    if it.stale {
        format!("{s}{}{}", W::ListJoin.get(lang), S::Stale.get(lang))
    } else {
        s.to_string()
    }
}

/// `区工业和信息化局（刘明利）` for each owner.
pub fn owners_text(it: &Item, lang: Lang) -> Vec<String> {
    it.owners
        .iter()
        .map(|o| say(W::Owner, lang, &[&o.unit, &o.person]))
        .collect()
}

/// `2025-03-01 10:00 limin`; `—` when nothing is recorded.
pub fn updated_text(it: &Item, lang: Lang) -> String {
    match &it.updated {
        Some(u) => say(W::By, lang, &[&time_text(&u.time), &u.user]),
        None => NONE.into(),
    }
}

/// The note shown: a standing note as written, a remark recorded with the
/// value labelled as the UI labels it (`说明：二季度快报`).
pub fn note_text(it: &Item, lang: Lang) -> Option<String> {
    let n = it.note.as_ref()?;
    Some(if n.remark {
        format!(
            "{}{}{}",
            S::RemarkLabel.get(lang),
            S::Colon.get(lang),
            n.text
        )
    } else {
        n.text.clone()
    })
}

/// The CSS class of a light: `red`, `yellow`, `green`, `gray`.
pub fn light_class(l: Light) -> &'static str {
    l.as_str()
}
