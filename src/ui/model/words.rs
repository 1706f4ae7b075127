//! How values read in the UI's language, for the panes, the popups and
//! the messages alike: a stored value (`512 亿元`, 已完成, `（无）`), a
//! task's state, a note with who and when, a time, the active filters.

use super::filter::LightFilter;
use super::state::AppState;
use crate::ledger::{Field, Stamp, TaskState};
use crate::pace::Light;
use crate::plan::Period;
use crate::ui::data::NoteKind;
use crate::ui::strings::{S, fill};
use crate::vocab::Wording;

/// A stored value of `field` for people, in the UI's language, never the
/// machine word: `512 亿元`, 已完成, 已延误, a note as written, `（无）`.
pub fn shown(s: &AppState, id: &str, field: Field, v: Option<&str>) -> String {
    crate::report::value_text(&s.plan, id, field, v, Wording::Lang(s.lang()))
}

/// An id as messages name it: `8.1`, or `8.1（2023）` for an actual of a
/// period other than the default one (the year of today).
pub fn id_in(s: &AppState, id: &str, period: Option<Period>) -> String {
    match period {
        Some(p) if p != super::period::default_period(s.progress.today) => {
            fill(s.lang(), S::InPeriod, &[id, &p.to_string()])
        }
        _ => id.to_string(),
    }
}

/// An id as the message after a write names it: with the period of the
/// row (`7.4（2025）`) when it is not the default one or the id has values
/// of other periods (what `（无） ->` was is then that period's).
pub fn id_of_row(s: &AppState, id: &str, period: Option<Period>) -> String {
    let others = |p: Period| s.progress.series_of(id).iter().any(|q| q.period != p);
    match period {
        Some(p) if others(p) => fill(s.lang(), S::InPeriod, &[id, &p.to_string()]),
        _ => id_in(s, id, period),
    }
}

/// A period in words: `2025 年` (`2025` in English), `2024Q2`.
pub fn period_words(s: &AppState, p: Period) -> String {
    match p {
        Period::Year(y) => fill(s.lang(), S::DueYear, &[&y.to_string()]),
        p => p.to_string(),
    }
}

/// A task's state in the UI's language; 未填报 when never set.
pub fn state_word(state: &AppState, s: Option<&TaskState>) -> &'static str {
    match s {
        None => state.tr(S::StateUnset),
        Some(t) => state.word(*t),
    }
}

/// A light's one-word mark in the tree, the indicator table and the
/// overview: 红 黄 绿 灰 in Chinese, `R` `Y` `G` `.` in English (never
/// East Asian Ambiguous, readable without colour).
pub fn light_mark(state: &AppState, l: Light) -> &'static str {
    state.tr(match l {
        Light::Red => S::MarkRed,
        Light::Yellow => S::MarkYellow,
        Light::Green => S::MarkGreen,
        Light::Gray => S::MarkGray,
    })
}

/// `红 3`, `red 3`: how many indicators have light `l`.
pub fn light_count(state: &AppState, l: Light, n: usize) -> String {
    let s = match l {
        Light::Red => S::CountRed,
        Light::Yellow => S::CountYellow,
        Light::Green => S::CountGreen,
        Light::Gray => S::CountGray,
    };
    fill(state.lang(), s, &[&n.to_string()])
}

/// The light filter as the footer says it: 红灯, 逾期未报.
pub fn light_filter_word(state: &AppState, f: LightFilter) -> &'static str {
    match f {
        LightFilter::Light(l) => state.word(l),
        LightFilter::Stale => state.tr(S::Stale),
    }
}

/// `2025-06-30 00:00`.
pub fn when(t: Stamp) -> String {
    let t = t.to_string().replacen('T', " ", 1);
    t.chars().take(16).collect()
}

/// A row's remark as the UI shows it: an undo's (`undo of the change at
/// … by 孙七`, as the ledger stores it) in the UI's language, any other as
/// written.
pub fn remark_text(s: &AppState, remark: &str) -> String {
    match crate::ledger::remark::read_undo(remark) {
        Some((t, who)) => fill(s.lang(), S::UndoRemark, &[who, &when(t)]),
        None => remark.to_string(),
    }
}

/// The note the UI shows for `id` — its standing note (`n`, `wudang-plan
/// note`), else the remark recorded with its current value (`status …
/// --note`) — as `备注：` / `说明：` and `text（who，when）`.
pub fn note_text(state: &AppState, id: &str) -> Option<(String, String)> {
    let (n, kind) = state.progress.note_of(id)?;
    let label = match kind {
        NoteKind::Standing => S::NoteLabel,
        NoteKind::Remark => S::RemarkLabel,
    };
    let text = match kind {
        NoteKind::Standing => n.text.clone(),
        NoteKind::Remark => remark_text(state, &n.text),
    };
    let text = fill(state.lang(), S::NoteBy, &[&text, &n.who, &when(n.when)]);
    Some((state.label(label), text))
}

/// `领导 朱快春  状态 未达  灯 红灯`, or `None` without filters.
pub fn filters_text(state: &AppState) -> Option<String> {
    let f = &state.filters;
    let mut parts = Vec::new();
    if let Some(l) = &f.leader {
        parts.push(format!("{} {}", state.tr(S::FilterLeader), l));
    }
    if let Some(u) = &f.unit {
        parts.push(format!("{} {}", state.tr(S::FilterUnit), u));
    }
    if let Some(c) = f.class {
        parts.push(format!(
            "{} {}",
            state.tr(S::FilterStatus),
            state.word(c.status())
        ));
    }
    if let Some(l) = f.light {
        let word = light_filter_word(state, l);
        parts.push(format!("{} {}", state.tr(S::FilterLight), word));
    }
    if let Some(s) = &f.search {
        parts.push(format!("{} “{}”", state.tr(S::FilterSearch), s));
    }
    if parts.is_empty() {
        None
    } else {
        Some(parts.join("  "))
    }
}
