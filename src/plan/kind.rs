//! Indicator kinds: how the value reported for a period is read against
//! the target. Each indicator's kind is the `kind` column of
//! `indicators.csv`, with the words of the document that decided it in
//! `kind_reason`; see docs/data.md, "Kinds".

use std::fmt;

/// How an indicator's values are read over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A value to reach by the deadline, moving from the baseline (基期值)
    /// to the target (达到 325 亿元, 突破, 提高到 80%).
    Level,
    /// A sum over the plan period; the value reported for a period is the
    /// running total since the plan started (累计完成 420 亿元, 累计新增 3 家,
    /// 新增 100 万平方米).
    Cumulative,
    /// A growth rate, share or size to hold at every report, compared with
    /// the target itself (年均增速 10% 以上, 保持在 95% 以上).
    Rate,
    /// An amount done within each year, compared with the target for a
    /// year and with its share for part of a year (每年开展职业技能培训
    /// 5000 人次左右).
    Annual,
    /// Done or not done by the deadline.
    Milestone,
}

impl Kind {
    /// Every kind, in the order above.
    pub const ALL: [Kind; 5] = [
        Kind::Level,
        Kind::Cumulative,
        Kind::Rate,
        Kind::Annual,
        Kind::Milestone,
    ];

    /// The machine word: `level`, `cumulative`, `rate`, `annual`,
    /// `milestone`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Level => "level",
            Kind::Cumulative => "cumulative",
            Kind::Rate => "rate",
            Kind::Annual => "annual",
            Kind::Milestone => "milestone",
        }
    }

    /// Parses a machine word (surrounding spaces ignored).
    pub fn parse(s: &str) -> Option<Kind> {
        let s = s.trim();
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
            assert_eq!(Kind::parse(&format!(" {k} ")), Some(k));
        }
        assert_eq!(Kind::parse("Level"), None);
        assert_eq!(Kind::parse(""), None);
        assert_eq!(Kind::parse("累计"), None);
    }

    /// The embedded plan gives every indicator a kind in its own file (none
    /// defaulted): 44 level, 20 cumulative, 11 rate, 1 annual, 19 milestone
    /// (exactly the `done` comparisons, as the loader checks), each with
    /// the words that decided it in `kind_reason`.
    #[test]
    fn the_embedded_plan_gives_every_kind() {
        let plan = crate::plan::load_embedded().unwrap();
        assert_eq!(plan.indicators.len(), 95);
        assert_eq!(plan.defaults.kinds, 0);
        let count = |k: Kind| plan.indicators.iter().filter(|i| i.kind == k).count();
        let counts: Vec<usize> = Kind::ALL.into_iter().map(count).collect();
        assert_eq!(counts, [44, 20, 11, 1, 19]);
        for ind in &plan.indicators {
            assert_eq!(
                ind.is_milestone(),
                ind.kind == Kind::Milestone,
                "{}",
                ind.id()
            );
        }
        let mut r = csv::Reader::from_reader(include_str!("../../seeds/indicators.csv").as_bytes());
        let col = r
            .headers()
            .unwrap()
            .iter()
            .position(|h| h == "kind_reason")
            .unwrap();
        for rec in r.records() {
            let rec = rec.unwrap();
            assert!(!rec[col].trim().is_empty(), "{}: no reason", &rec[0]);
        }
    }
}
