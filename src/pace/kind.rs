//! Indicator kinds: how the value reported for a period is read against
//! the target. Each indicator's kind is in `seeds/kinds.csv`, with the
//! words of the document that decided it; see docs/pace.md, "Kinds".

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

    /// `seeds/kinds.csv` gives every indicator of `seeds/indicators.csv` a
    /// kind: the same ids in the same order, every kind a machine word,
    /// milestones exactly the `done` comparisons, and a reason on each row.
    #[test]
    fn seeds_kinds_match_indicators() {
        fn rows(text: &str, cols: &[&str]) -> Vec<Vec<String>> {
            let mut r = csv::Reader::from_reader(text.as_bytes());
            let headers = r.headers().unwrap().clone();
            let pos: Vec<usize> = cols
                .iter()
                .map(|c| headers.iter().position(|h| h == *c).unwrap())
                .collect();
            r.records()
                .map(|rec| {
                    let rec = rec.unwrap();
                    pos.iter().map(|&i| rec[i].to_string()).collect()
                })
                .collect()
        }
        let indicators = rows(
            include_str!("../../seeds/indicators.csv"),
            &["id", "comparison"],
        );
        let kinds = rows(
            include_str!("../../seeds/kinds.csv"),
            &["id", "kind", "reason"],
        );
        assert_eq!(indicators.len(), 95);
        let ids = |v: &[Vec<String>]| v.iter().map(|r| r[0].clone()).collect::<Vec<_>>();
        assert_eq!(ids(&kinds), ids(&indicators));
        for (ind, k) in indicators.iter().zip(&kinds) {
            let kind = Kind::parse(&k[1]).unwrap_or_else(|| panic!("{}: kind {:?}", k[0], k[1]));
            assert_eq!(
                ind[1] == "done",
                kind == Kind::Milestone,
                "{}: comparison {} but kind {kind}",
                ind[0],
                ind[1]
            );
            assert!(!k[2].trim().is_empty(), "{}: no reason", k[0]);
        }
    }
}
