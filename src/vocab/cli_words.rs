//! The command line's words for people: the column headers of the tables
//! `tasks`, `indicators`, `series` and `history` print (`--format table`),
//! in Chinese (the default) and English ([`C`]), and the lines around them
//! and `check`'s summary ([`L`], named parameters). The English is what
//! the command line printed before it spoke Chinese, unchanged. CSV
//! headers and JSON keys are not here: they are the machine names of
//! docs/data.md in every language.
//!
//! The values in the tables (task states, statuses, lights, done / not
//! done) are the vocabulary's words ([`crate::vocab::Term::word`] in
//! Chinese, the machine words in English), so that each can be typed back.

pub use super::Lang;

macro_rules! cli_words {
    ($($key:ident => $zh:expr, $en:expr;)*) => {
        /// A key into the command line's word table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum C { $($key),* }

        impl C {
            /// Every key, table order.
            pub const ALL: &'static [C] = &[$(C::$key),*];

            /// The word in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((C::$key, Lang::Zh) => $zh, (C::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

cli_words! {
    // `tasks` and `indicators`
    Id => "编号", "id";
    Light => "亮灯", "light";
    // `tasks`
    Group => "任务组", "group";
    Title => "任务", "title";
    State => "状态", "state";
    Met => "达标", "met";
    Leaders => "责任领导", "leaders";
    Persons => "责任人", "persons";
    // `indicators`
    Name => "指标", "name";
    Target => "目标", "target";
    Deadline => "期限", "deadline";
    Actual => "实际完成值", "actual";
    Status => "状态", "status";
    Period => "报告期", "period";
    Baseline => "基期值", "baseline";
    Expected => "序时进度", "expected";
    // `series` (and Expected, Light above)
    PeriodOf => "期别", "period";
    Value => "实际完成值", "value";
    // `history` (and Id, PeriodOf above)
    Time => "时间", "time";
    User => "填报人", "user";
    Field => "字段", "field";
    Old => "原值", "old";
    New => "新值", "new";
    Note => "备注", "note";
    // indicator kinds (`series`, `check`): the machine words in English
    KindLevel => "水平值", "level";
    KindCumulative => "累计值", "cumulative";
    KindRate => "增速或比率", "rate";
    KindAnnual => "每年完成量", "annual";
    KindMilestone => "里程碑", "milestone";
}

macro_rules! cli_lines {
    ($($key:ident => $zh:expr, $en:expr;)*) => {
        /// A key into the command line's lines: sentences with named
        /// parameters (`{id}`), filled by [`L::fill`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum L { $($key),* }

        impl L {
            /// Every key, table order.
            pub const ALL: &'static [L] = &[$(L::$key),*];

            /// The template in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((L::$key, Lang::Zh) => $zh, (L::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

cli_lines! {
    // `series`: the line above the table, and an empty series
    SeriesHead => "{id} {name}：{target}，{kind}，方案期 {start}–{end} 年{base}",
        "{id} {name}: {target}, {kind}, plan {start}–{end}{base}";
    SeriesBaseline => "，基期值 {value}（{year} 年）", ", baseline {value} ({year})";
    SeriesNoBaseline => "，缺少基期值（用 --period {year} 填报）",
        ", no baseline (record it with --period {year})";
    SeriesNone => "尚未填报任何一期的值", "no values recorded";
    // `history`: a task in a line, and a table with no row shown
    TaskLabel => "任务 {id} {title}", "task {id} {title}";
    HistoryLimitZeroOne => "--limit 0：共 1 条修改记录，均未显示",
        "--limit 0: none of the 1 recorded change is shown";
    HistoryLimitZero => "--limit 0：共 {n} 条修改记录，均未显示",
        "--limit 0: none of the {n} recorded changes are shown";
    HistoryOf => "{label}：{what}", "{label}: {what}";
    HistoryNone => "没有修改记录", "no changes recorded";
    HistoryNoneIn => "{path} 中没有修改记录", "no changes recorded in {path}";
    // `check`
    CheckSummary => "方案无误：{groups} 个任务组，{tasks} 项任务（另有总体目标 {headline} 项），\
        {rows} 行责任分工（另有总体目标 {headline_rows} 行），{indicators} 项指标\
        （量化 {quantitative} 项，里程碑 {milestones} 项）",
        "ok: {groups} groups, {tasks} tasks (+ {headline} headline), {rows} accountability rows \
        (+ {headline_rows} headline rows), {indicators} indicators ({quantitative} quantitative, \
        {milestones} milestones)";
    CheckPeriod => "方案期 {start}–{end} 年", "plan period {start}–{end}";
    CheckPeriodDefaulted => "方案期 {start}–{end} 年（没有 {file}，按最晚期限及其前五年推定）",
        "plan period {start}–{end} (defaulted: no {file}; the latest deadline and five years before it)";
    CheckKinds => "{period}；指标类型：{kinds}{defaulted}", "{period}; kinds: {kinds}{defaulted}";
    CheckKindCount => "{kind} {n} 项", "{n} {kind}";
    CheckKindsDefaulted => "（其中 {n} 项未给出类型，按比较方式推定：done 为里程碑，其余为水平值）",
        " ({n} defaulted from the comparison: no kind given; done -> milestone, else level)";
}

impl L {
    /// The line in `lang`, each `{name}` replaced by its value in `args`.
    /// Every parameter the template names must be given, and no other
    /// (checked in debug builds).
    pub fn fill(self, lang: Lang, args: &[(&str, &str)]) -> String {
        let template = self.get(lang);
        debug_assert_eq!(
            {
                let mut want = super::messages::params(template);
                want.sort_unstable();
                want
            },
            {
                let mut have: Vec<&str> = args.iter().map(|(n, _)| *n).collect();
                have.sort_unstable();
                have
            },
            "{self:?}: parameters given do not match its text"
        );
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                break;
            };
            match args.iter().find(|(n, _)| *n == &after[..close]) {
                Some((_, v)) => out.push_str(v),
                None => out.push_str(&rest[open..open + close + 2]),
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

/// A list in `lang`: `a，b` in Chinese, `a, b` in English.
pub fn list(items: &[String], lang: Lang) -> String {
    items.join(match lang {
        Lang::Zh => "，",
        Lang::En => ", ",
    })
}

/// `keys` in `lang`: a table's header.
pub fn header(keys: &[C], lang: Lang) -> Vec<&'static str> {
    keys.iter().map(|k| k.get(lang)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_has_both_languages_with_the_same_parameters() {
        for c in C::ALL {
            let zh = c.get(Lang::Zh);
            let en = c.get(Lang::En);
            assert!(!zh.is_empty() && !en.is_empty(), "{c:?}");
            assert_eq!(
                zh.matches("{}").count(),
                en.matches("{}").count(),
                "{c:?}: parameters differ"
            );
            // a header is one word: no space to split a column on
            assert!(!zh.contains(char::is_whitespace), "{c:?}");
            assert!(!en.contains(char::is_whitespace), "{c:?}");
        }
    }

    #[test]
    fn every_line_has_both_languages_with_the_same_parameters() {
        // Chinese text or at least Chinese punctuation (`{label}：{what}`)
        let han = |s: &str| {
            s.chars().any(|c| {
                ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{ff01}'..='\u{ff5e}').contains(&c)
            })
        };
        for l in L::ALL {
            let (zh, en) = (l.get(Lang::Zh), l.get(Lang::En));
            assert!(han(zh), "{l:?}: the Chinese has no Chinese");
            assert!(!en.trim().is_empty(), "{l:?}");
            let mut pz = crate::vocab::messages::params(zh);
            let mut pe = crate::vocab::messages::params(en);
            pz.sort_unstable();
            pe.sort_unstable();
            assert_eq!(pz, pe, "{l:?}: parameters differ");
        }
        assert_eq!(
            L::SeriesBaseline.fill(Lang::Zh, &[("value", "300"), ("year", "2020")]),
            "，基期值 300（2020 年）"
        );
        assert_eq!(
            L::SeriesBaseline.fill(Lang::En, &[("value", "300"), ("year", "2020")]),
            ", baseline 300 (2020)"
        );
    }

    #[test]
    fn the_english_is_the_machine_names_of_before() {
        assert_eq!(
            header(
                &[
                    C::Id,
                    C::Group,
                    C::Title,
                    C::State,
                    C::Met,
                    C::Leaders,
                    C::Persons,
                    C::Light
                ],
                Lang::En
            )
            .join(" "),
            "id group title state met leaders persons light"
        );
        assert_eq!(
            header(
                &[
                    C::Id,
                    C::Name,
                    C::Target,
                    C::Deadline,
                    C::Actual,
                    C::Status,
                    C::Period,
                    C::Baseline,
                    C::Expected,
                    C::Light
                ],
                Lang::En
            )
            .join(" "),
            "id name target deadline actual status period baseline expected light"
        );
    }
}
