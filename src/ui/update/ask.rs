//! The y/n question [`super::writes`] asks before a write that is likely
//! a slip: a value far above the target or the value before
//! ([`Confirm::Large`]; `writes::confirm_key` takes the answer).

use rust_decimal::Decimal;

use crate::ledger::Actual;
use crate::ui::model::mode::LARGE;
use crate::ui::model::{AppState, Confirm, Editor, Far, Mode};

/// The number of a numeric actual.
fn number(a: Actual) -> Option<Decimal> {
    match a {
        Actual::Number(d) => Some(d),
        Actual::Done(_) => None,
    }
}

/// The value before the one typed in `e`: its period's own (the one the
/// editor shows and expects), else the latest earlier period's.
fn before(s: &AppState, e: &Editor) -> Option<(Decimal, crate::plan::Period)> {
    let at = e.period.as_ref()?.at;
    let own = e
        .seen
        .as_deref()
        .and_then(Actual::from_ledger)
        .and_then(number);
    if let Some(d) = own {
        return Some((d, at));
    }
    s.progress
        .series_of(&e.id)
        .iter()
        .rev()
        .filter(|p| p.period < at)
        .find_map(|p| Some((number(p.actual?)?, p.period)))
}

/// What `a`, typed in `e`, is more than [`LARGE`] times: the value before,
/// else the target (only a positive one of either counts).
pub(super) fn far_above(s: &AppState, e: &Editor, a: &Actual) -> Option<Far> {
    let v = number(*a)?;
    let times = Decimal::from(LARGE);
    if let Some((b, p)) = before(s, e)
        && b > Decimal::ZERO
        && v > b * times
    {
        return Some(Far::Before(b, p));
    }
    let t = s.plan.indicator(&e.id)?.target?;
    (t > Decimal::ZERO && v > t * times).then_some(Far::Target(t))
}

/// Asks whether to record `value` from `e` though it is `far` above.
pub(super) fn ask_large(s: &mut AppState, e: Editor, value: String, far: Far) {
    s.mode = Mode::Confirm(Confirm::Large {
        editor: Box::new(e),
        value,
        far,
    });
}
