//! How many indicators are in each status — one [`Counts`] for the
//! command line (`tasks`: met 3/5, JSON `indicators`) and the UI (marks,
//! overview bars, the status picker) — and the four [`Class`]es the UI
//! groups statuses into.

use std::ops::AddAssign;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::ledger::Status;

/// The four classes the UI shows and filters by (`stretch_met` counts as
/// met; its word says "超额达标").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    Missed,
    InProgress,
    Met,
    NoData,
}

impl Class {
    /// Picker order: what people look for first.
    pub const ALL: [Class; 4] = [Class::Missed, Class::InProgress, Class::Met, Class::NoData];

    pub fn of(s: Status) -> Class {
        match s {
            Status::Met | Status::StretchMet => Class::Met,
            Status::InProgress => Class::InProgress,
            Status::Missed => Class::Missed,
            Status::NoData => Class::NoData,
        }
    }

    /// A representative status (for marks and words).
    pub fn status(self) -> Status {
        match self {
            Class::Missed => Status::Missed,
            Class::InProgress => Status::InProgress,
            Class::Met => Status::Met,
            Class::NoData => Status::NoData,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// How many indicators are in each [`Status`]. In JSON (`tasks --format
/// json`): `{"total", "met", "stretch_met", "in_progress", "missed",
/// "no_data"}`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Indexed by [`slot`].
    by_status: [usize; Status::ALL.len()],
}

fn slot(s: Status) -> usize {
    match s {
        Status::Met => 0,
        Status::StretchMet => 1,
        Status::InProgress => 2,
        Status::Missed => 3,
        Status::NoData => 4,
    }
}

impl Counts {
    pub fn add(&mut self, s: Status) {
        self.by_status[slot(s)] += 1;
    }

    /// Indicators in status `s`.
    pub fn status(&self, s: Status) -> usize {
        self.by_status[slot(s)]
    }

    /// Indicators in class `c` (met counts stretch met too).
    pub fn get(&self, c: Class) -> usize {
        Status::ALL
            .into_iter()
            .filter(|&s| Class::of(s) == c)
            .map(|s| self.status(s))
            .sum()
    }

    pub fn total(&self) -> usize {
        self.by_status.iter().sum()
    }

    /// Indicators met, stretch met included.
    pub fn met(&self) -> usize {
        self.get(Class::Met)
    }

    /// `3/5`: indicators met (including stretch) of all; `-` for none.
    pub fn met_text(&self) -> String {
        if self.total() == 0 {
            "-".into()
        } else {
            format!("{}/{}", self.met(), self.total())
        }
    }

    /// The class a group of indicators shows as one mark: missed if any is
    /// missed; else in progress if any is in progress or only some are met;
    /// met when all are met; no data when nothing is recorded (or empty).
    pub fn summary(&self) -> Class {
        let met = self.get(Class::Met);
        if self.get(Class::Missed) > 0 {
            Class::Missed
        } else if self.get(Class::InProgress) > 0 {
            Class::InProgress
        } else if met > 0 && met == self.total() {
            Class::Met
        } else if met > 0 {
            Class::InProgress
        } else {
            Class::NoData
        }
    }
}

impl AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        for (mine, theirs) in self.by_status.iter_mut().zip(other.by_status) {
            *mine += theirs;
        }
    }
}

impl FromIterator<Status> for Counts {
    fn from_iter<I: IntoIterator<Item = Status>>(statuses: I) -> Self {
        let mut c = Counts::default();
        for s in statuses {
            c.add(s);
        }
        c
    }
}

/// `Counts::from([(Status::Met, 2), (Status::Missed, 1)])`.
impl<const N: usize> From<[(Status, usize); N]> for Counts {
    fn from(pairs: [(Status, usize); N]) -> Self {
        let mut c = Counts::default();
        for (s, n) in pairs {
            c.by_status[slot(s)] += n;
        }
        c
    }
}

impl Serialize for Counts {
    fn serialize<Se: Serializer>(&self, serializer: Se) -> Result<Se::Ok, Se::Error> {
        let mut st = serializer.serialize_struct("Counts", 1 + Status::ALL.len())?;
        st.serialize_field("total", &self.total())?;
        for s in Status::ALL {
            st.serialize_field(s.as_str(), &self.status(s))?;
        }
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(missed: usize, prog: usize, met: usize, none: usize) -> Counts {
        Counts::from([
            (Status::Missed, missed),
            (Status::InProgress, prog),
            (Status::Met, met),
            (Status::NoData, none),
        ])
    }

    #[test]
    fn summary_rules() {
        assert_eq!(counts(1, 1, 1, 1).summary(), Class::Missed);
        assert_eq!(counts(0, 1, 3, 0).summary(), Class::InProgress);
        assert_eq!(counts(0, 0, 3, 0).summary(), Class::Met);
        assert_eq!(counts(0, 0, 2, 1).summary(), Class::InProgress);
        assert_eq!(counts(0, 0, 0, 4).summary(), Class::NoData);
        assert_eq!(counts(0, 0, 0, 0).summary(), Class::NoData);
    }

    #[test]
    fn classes_cover_statuses() {
        for s in Status::ALL {
            assert_eq!(Class::of(Class::of(s).status()), Class::of(s));
        }
    }

    #[test]
    fn stretch_met_counts_as_met_and_keeps_its_own_count() {
        let c: Counts = [Status::StretchMet, Status::Met, Status::NoData]
            .into_iter()
            .collect();
        assert_eq!(c.get(Class::Met), 2);
        assert_eq!(c.status(Status::StretchMet), 1);
        assert_eq!(c.met_text(), "2/3");
        assert_eq!(Counts::default().met_text(), "-");
    }

    #[test]
    fn json_keeps_the_command_line_field_order() {
        let c = Counts::from([
            (Status::Met, 2),
            (Status::StretchMet, 1),
            (Status::Missed, 1),
        ]);
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            r#"{"total":4,"met":2,"stretch_met":1,"in_progress":0,"missed":1,"no_data":0}"#
        );
    }

    #[test]
    fn counts_add_up() {
        let mut a = counts(1, 0, 2, 0);
        a += counts(0, 1, 1, 3);
        assert_eq!(a, counts(1, 1, 3, 3));
        assert_eq!(a.total(), 8);
    }
}
