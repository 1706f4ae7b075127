//! The value editor's period ([`PeriodField`]): the period it opens on
//! (the year of today), Tab between the value and the period, the period
//! typed or stepped with `[` / `]`, and what the editor then shows and
//! expects — that period's value and the line of its row, so a colleague's
//! change to that period is a conflict and a change to another is not.

use crate::ledger::{Actual, Field};
use crate::plan::Period;
use crate::ui::action::Action;
use crate::ui::model::field::TextField;
use crate::ui::model::period::{PeriodField, default_period, step, typed_refusal};
use crate::ui::model::{AppState, Editor};

/// The period an edit records for when none is chosen: the year of today.
pub(super) fn default_of(s: &AppState) -> Period {
    default_period(s.progress.today)
}

/// The value (ledger form) of `id`'s actual for `period` and the line of
/// its row (`0`: none): what an edit of that period expects.
///
/// A progress read from a ledger has every period's row in its series.
/// One built without series (by hand) has only current values, whose
/// period may be unknown: the current value is then taken as the default
/// period's.
pub(super) fn seen_in(s: &AppState, id: &str, period: Period) -> (Option<String>, u64) {
    let series = s.progress.series_of(id);
    if let Some(p) = series.iter().find(|p| p.period == period) {
        return (p.actual.map(|a| a.to_ledger()), u64::from(p.line));
    }
    let current = s.progress.period_of(id);
    if series.is_empty() && current.unwrap_or_else(|| default_of(s)) == period {
        let value = s.progress.actual_of(id).map(Actual::to_ledger);
        return (value, s.progress.row_of(id, Field::Actual));
    }
    (None, 0)
}

/// An editor of `id`'s actual for `period`: it shows and expects that
/// period's value.
pub(super) fn editor_for(s: &AppState, id: &str, period: Period) -> Editor {
    let (seen, row) = seen_in(s, id, period);
    Editor {
        id: id.to_string(),
        target: Field::Actual,
        field: TextField::with(seen.as_deref().unwrap_or("")),
        seen,
        seen_row: Some(row),
        error: None,
        clash: None,
        sending: None,
        period: Some(PeriodField::new(period, default_of(s))),
        edited: false,
    }
}

/// The editor's period is now `p`: it expects `p`'s row, and the value
/// field shows `p`'s value (empty when it has none) until something is
/// typed in it; what was typed is never replaced (the footer says what
/// `p` holds).
fn moved_to(s: &AppState, e: &mut Editor, p: Period) {
    let Some(pf) = &mut e.period else {
        return;
    };
    if pf.at == p {
        return;
    }
    pf.at = p;
    let (seen, row) = seen_in(s, &e.id, p);
    if !e.edited {
        e.field = TextField::with(seen.as_deref().unwrap_or(""));
    }
    e.seen = seen;
    e.seen_row = Some(row);
}

/// A text field's keys (typing, Backspace, the caret): true when the
/// text changed.
pub(super) type EditField = fn(&mut TextField, &Action) -> bool;

/// Keys for the period: Tab / Shift-Tab switch fields, `[` / `]` step,
/// typing in the period field (with `edit`). False when `a` is not one of
/// them.
pub(super) fn period_key(s: &AppState, e: &mut Editor, a: &Action, edit: EditField) -> bool {
    let Some(pf) = &mut e.period else {
        return false;
    };
    match a {
        Action::SwitchField => {
            // Leaving it, a period typed in any form shows as recorded.
            if pf.active
                && let Ok(p) = pf.read(s.plan.period, s.progress.today)
            {
                pf.field = TextField::with(&p.to_string());
            }
            pf.active = !pf.active;
            pf.fresh = pf.active;
        }
        Action::PrevPeriod => step_period(s, e, -1),
        Action::NextPeriod => step_period(s, e, 1),
        a if pf.active => {
            // Entered with Tab: what is typed replaces the period.
            if pf.fresh && matches!(a, Action::Input(_) | Action::Paste(_)) {
                pf.field.clear();
            }
            pf.fresh = false;
            if edit(&mut pf.field, a) {
                e.error = None;
                if let Ok(p) = pf.read(s.plan.period, s.progress.today) {
                    moved_to(s, e, p);
                }
            }
        }
        _ => return false,
    }
    true
}

/// `[` / `]`: the period before / after, of the same length; a step out
/// of the plan's years, or past the current period (one not started by
/// today), is refused with the reason (nothing changes).
fn step_period(s: &AppState, e: &mut Editor, by: i32) {
    let Some(pf) = &mut e.period else {
        return;
    };
    let next = step(pf.at, by);
    if let Err(why) = s.plan.period.check(next, s.progress.today) {
        e.error = Some(typed_refusal(&why, s.lang()));
        return;
    }
    pf.field = TextField::with(&next.to_string());
    e.error = None;
    moved_to(s, e, next);
}

/// The period an Enter records for, or why not (the reason is set in the
/// editor and the caret moved to the period field). `Ok(None)`: a note.
pub(super) fn period_to_record(s: &AppState, e: &mut Editor) -> Result<Option<Period>, ()> {
    let Some(pf) = &mut e.period else {
        return Ok(None);
    };
    match pf.read(s.plan.period, s.progress.today) {
        Ok(p) if p == pf.at => Ok(Some(p)),
        Ok(p) => {
            // Not what the editor shows and expects (cannot happen: every
            // edit of the field moves it): show that period's first.
            moved_to(s, e, p);
            Err(())
        }
        Err(why) => {
            e.error = Some(pf.refusal(&why, s.lang()));
            pf.active = true;
            pf.fresh = true;
            Err(())
        }
    }
}
