//! Which indicator a row is. The `key` column (`#0.10`) is text every
//! spreadsheet keeps; the `id` column (`0.10`) is read as the number 0.1
//! and written back as `0.1`, which is another indicator. So the key
//! decides, and the id, when both are there, must be the same indicator
//! (as text or as a number: `0.1` for `#0.10` is what a spreadsheet
//! writes). Without a key (the column deleted, or a row added without one)
//! the id is used, and refused when a spreadsheet could have made it from
//! another id (`0.1` when the plan has 0.1 and 0.10).

use crate::vocab::{M, Msg};
use std::collections::HashMap;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::columns::Column;
use crate::plan::{Indicator, Plan};
use crate::text::halfwidth;

/// The plan's indicators by id and by the number a spreadsheet reads an
/// id as.
pub struct Ids<'p> {
    plan: &'p Plan,
    by_number: HashMap<Decimal, Vec<&'p Indicator>>,
}

/// An id read as the number a spreadsheet would make of it.
fn as_number(id: &str) -> Option<Decimal> {
    if !id
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        return None;
    }
    Decimal::from_str(id).ok().map(|d| d.normalize())
}

impl<'p> Ids<'p> {
    pub fn new(plan: &'p Plan) -> Ids<'p> {
        let mut by_number: HashMap<Decimal, Vec<&Indicator>> = HashMap::new();
        for ind in &plan.indicators {
            if let Some(n) = as_number(ind.id()) {
                by_number.entry(n).or_default().push(ind);
            }
        }
        Ids { plan, by_number }
    }

    /// The indicators an id cell may stand for: the id as written, and
    /// every id a spreadsheet writes as the same number.
    fn candidates(&self, cell: &str) -> Vec<&'p Indicator> {
        let mut found: Vec<&Indicator> = self.plan.indicator(cell).into_iter().collect();
        if let Some(n) = as_number(cell) {
            for &ind in self.by_number.get(&n).into_iter().flatten() {
                if !found.iter().any(|f| f.id() == ind.id()) {
                    found.push(ind);
                }
            }
        }
        found
    }

    /// The indicator of a row from its `key` and `id` cells (`None`: no
    /// such column); the column to blame and why otherwise.
    pub fn resolve(
        &self,
        key: Option<&str>,
        id: Option<&str>,
    ) -> Result<&'p Indicator, (Column, Msg)> {
        let id = id
            .map(|s| halfwidth(s).trim().to_string())
            .filter(|s| !s.is_empty());
        let key = key.map(str::trim).filter(|s| !s.is_empty());
        match (key, id) {
            (Some(k), id) => self.by_key(k, id.as_deref()),
            (None, Some(id)) => self.by_id(&id),
            (None, None) => Err((Column::Key, M::SheetNoKeyNoId.into())),
        }
    }

    fn by_key(&self, key: &str, id: Option<&str>) -> Result<&'p Indicator, (Column, Msg)> {
        let Some(k) = key
            .strip_prefix('#')
            .map(|k| halfwidth(k).trim().to_string())
        else {
            return Err((Column::Key, Msg::new(M::SheetKeyNoHash).arg("key", key)));
        };
        let Some(ind) = self.plan.indicator(&k) else {
            return Err((
                Column::Key,
                Msg::new(M::SheetKeyUnknown).arg("key", key).arg("id", k),
            ));
        };
        if let Some(id) = id
            && !self.candidates(id).iter().any(|c| c.id() == ind.id())
        {
            return Err((
                Column::Id,
                Msg::new(M::SheetIdNotKey).arg("id", id).arg("key", key),
            ));
        }
        Ok(ind)
    }

    fn by_id(&self, id: &str) -> Result<&'p Indicator, (Column, Msg)> {
        match self.candidates(id).as_slice() {
            [one] => Ok(one),
            [] => Err((Column::Id, Msg::new(M::SheetIdUnknown).arg("id", id))),
            many => {
                let ids: Vec<&str> = many.iter().map(|i| i.id()).collect();
                Err((
                    Column::Id,
                    Msg::new(M::SheetIdAmbiguous).arg("id", id).words(
                        "ids",
                        ids.join(" 或 "),
                        ids.join(" or "),
                    ),
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        crate::plan::load_embedded().unwrap()
    }

    #[test]
    fn the_key_decides_and_the_id_must_agree() {
        let plan = plan();
        let ids = Ids::new(&plan);
        let id = |k, i| {
            ids.resolve(k, i)
                .map(|ind| ind.id().to_string())
                .map_err(|(c, m)| (c, m.to_string()))
        };
        assert_eq!(id(Some("#0.10"), Some("0.1")), Ok("0.10".into()));
        assert_eq!(id(Some("#0.10"), Some("0.10")), Ok("0.10".into()));
        assert_eq!(id(Some("#0.10"), None), Ok("0.10".into()));
        assert_eq!(id(Some(" #0.1 "), Some("")), Ok("0.1".into()));
        assert_eq!(id(Some("#８.１"), Some("８.１")), Ok("8.1".into()));
        let (col, why) = id(Some("#8.1"), Some("8.2")).unwrap_err();
        assert_eq!(col, Column::Id);
        assert!(
            why.starts_with("`8.2` is not the indicator of the key `#8.1`"),
            "{why}"
        );
        let (col, why) = id(Some("8.1"), None).unwrap_err();
        assert_eq!(
            (col, why.as_str()),
            (
                Column::Key,
                "`8.1`: expected `#` and an indicator id, as exported (#8.1)"
            )
        );
        assert!(
            id(Some("#99.9"), None)
                .unwrap_err()
                .1
                .contains("no indicator `99.9`")
        );
    }

    #[test]
    fn without_a_key_an_id_a_spreadsheet_may_have_made_is_refused() {
        let plan = plan();
        let ids = Ids::new(&plan);
        let id = |i| {
            ids.resolve(None, Some(i))
                .map(|ind| ind.id().to_string())
                .map_err(|(c, m)| (c, m.to_string()))
        };
        assert_eq!(id("8.1"), Ok("8.1".into()));
        assert_eq!(id("0.11"), Ok("0.11".into()));
        assert_eq!(
            id("2.10"),
            Ok("2.1".into()),
            "the same number, one indicator"
        );
        let (col, why) = id("0.1").unwrap_err();
        assert_eq!(col, Column::Id);
        assert!(
            why.starts_with("`0.1` is ambiguous: it may be 0.1 or 0.10"),
            "{why}"
        );
        assert!(id("0.10").is_err(), "as text too: the file cannot say");
        assert!(id("1.00E+03").unwrap_err().1.contains("no indicator"));
        assert!(ids.resolve(None, None).is_err());
    }
}
