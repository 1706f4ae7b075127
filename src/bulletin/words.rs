//! The report's own words, in Chinese (the default) and English
//! (`--lang en`). Statuses and lights are worded by the vocabulary
//! ([`crate::vocab::Term`]: 达标, 红灯); the few words the UI shares
//! (责任领导, 逾期未报, 序时进度) come from its table ([`crate::vocab::S`]).
//! Parameters are written `{}` and filled in order by [`say`].

use crate::vocab::Lang;

use crate::vocab::fill_in;

macro_rules! words {
    ($($key:ident => $zh:expr, $en:expr;)*) => {
        /// A key into the report's words.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum W { $($key),* }

        impl W {
            /// Every key, table order.
            pub const ALL: &'static [W] = &[$(W::$key),*];

            /// The words in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((W::$key, Lang::Zh) => $zh, (W::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

words! {
    Title => "{}推进情况通报", "Progress report: {}";
    AsOf => "统计日期：{}", "As of {}";
    Scope => "范围：{}", "Scope: {}";
    ScopeAll => "全部指标", "all indicators";
    ScopeLeader => "责任领导 {}", "leader {}";
    ScopeGroup => "任务组{}", "group {}";
    ScopeJoin => "；", "; ";
    // overview
    Overall => "总体情况", "Overview";
    Indicators => "共 {} 项指标。", "{} indicators.";
    LightsAre => "亮灯", "Lights";
    StatusesAre => "状态", "Status";
    Count => "{} {} 项", "{} {}";
    ListJoin => "，", ", ";
    StaleCount => "逾期未报 {} 项", "Stale: {}";
    // tallies
    ByGroup => "分任务组情况", "By group";
    ByLeader => "分责任领导情况", "By leader";
    ByUnit => "分责任单位情况", "By unit";
    ColGroup => "任务组", "Group";
    ColIndicators => "指标数", "Indicators";
    Total => "合计", "Total";
    SharedNote => "一项指标由几位领导或几个单位共同负责的，分别计入各自名下，故各行之和可能多于指标总数。",
        "An indicator several leaders or units share counts for each of them, so the rows may add up to more than the total.";
    ChartGroups => "各任务组亮灯情况", "Lights by group";
    ChartLeaders => "各责任领导亮灯情况", "Lights by leader";
    // lists
    ListRed => "红灯指标", "Red lights";
    ListYellow => "黄灯指标", "Yellow lights";
    ListMissed => "期限已过未达标指标", "Missed (deadline passed)";
    ListStale => "逾期未报指标", "Stale (overdue reports)";
    ListNoData => "无数据指标", "No data";
    ListStretch => "超额完成力争目标", "Stretch targets met";
    ListTitle => "{}（{} 项）", "{} ({})";
    None => "无。", "None.";
    ColId => "编号", "ID";
    ColIndicator => "指标", "Indicator";
    ColTask => "任务", "Task";
    ColTarget => "目标", "Target";
    ColActual => "实际", "Actual";
    ColLight => "灯", "Light";
    ColStatus => "状态", "Status";
    ColOwners => "责任单位（责任人）", "Units (persons)";
    ColUpdated => "最近填报", "Last update";
    ColNote => "备注", "Note";
    ColAccount => "责任", "Owners";
    ColUpdateNote => "最近填报 / 备注", "Last update / note";
    ColIndicatorTask => "指标 / 任务", "Indicator / task";
    ColValues => "目标 / 实际", "Target / actual";
    ColLightStatus => "灯 / 状态", "Light / status";
    TargetIs => "目标 {}", "target {}";
    ActualIs => "实际 {}", "actual {}";
    ExpectedIs => "序时 {}", "expected {}";
    InPeriod => "{}（{}）", "{} ({})";
    Owner => "{}（{}）", "{} ({})";
    By => "{} {}", "{} by {}";
    TaskIs => "任务 {} {}", "task {} {}";
    // the city's report (report --workspace)
    CityTitle => "贵阳市各区县实施“强省会”五年行动工作方案推进情况通报",
        "Progress report: 贵阳市各区县实施“强省会”五年行动工作方案 (Guiyang's districts and counties)";
    CityDistricts => "区县 {} 个", "{} districts";
    CityUnreadCount => "其中 {} 个未能读取", "{} of them could not be read";
    CityRanking => "各区县亮灯排名", "Districts ranked by their lights";
    CityStatuses => "各区县指标状态", "Indicators by status in each district";
    CityRed => "各区县红灯指标", "Red lights in each district";
    CityRedOf => "{}（红灯 {} 项）", "{} ({} red)";
    CityUnread => "未能读取的区县（{} 个）", "Districts that could not be read ({})";
    CityUnreadLine => "{}：{}", "{}: {}";
    ColRank => "名次", "Rank";
    ColDistrict => "区县", "District";
    ColGreenShare => "绿灯占比", "Green share";
    ColPublished => "最近发布", "Last published";
    NeverPublished => "未发布", "never published";
    PublishStale => "逾期未发布", "publish overdue";
    RuleRank => "排名依据：有灯指标（不含灰灯）中绿灯的占比，其次红灯少、黄灯少，再按区县名。",
        "Ranked by the share of green among the indicators with a light (gray left out), then fewer red, then fewer yellow, then the name.";
    RulePublished => "最近发布：区县最近一次发布（wudang-plan publish，即 git 提交）的日期；超过 {} 天未发布的标“逾期未发布”。",
        "Last published: the day of the district's latest publish (wudang-plan publish, a git commit); more than {} days before the report's day is marked publish overdue.";
    RuleCitySource => "数据来源：各区县发布的 wudang-plan 台账（git 克隆，只读），各按本区县方案判断；编号前为区县名（乌当区:8.1）。",
        "Source: the wudang-plan ledgers the districts publish (read-only git clones), each judged against its district's plan; an id begins with its district (乌当区:8.1).";
    // notes
    Notes => "说明", "Notes";
    RuleRed => "红灯：落后于序时进度（不足九成），或期限已过未达标。",
        "Red: behind pace (under 90 % of the expected value), or the deadline has passed without the target met.";
    RuleYellow => "黄灯：稍慢于序时进度（九成至十成）；里程碑在期限年下半年尚未完成。",
        "Yellow: lagging a little (90–100 % of the expected value); a milestone not done in the second half of its deadline year.";
    RuleGreen => "绿灯：达到或快于序时进度，或已达标；里程碑已完成。",
        "Green: on or ahead of pace, or the target met; a milestone done.";
    RuleGray => "灰灯：无从判断（无数据，或尚无序时进度，如缺少基期值）。",
        "Gray: nothing to judge (no value, or nothing expected yet, e.g. no baseline).";
    RuleStale => "逾期未报：最新数据所属期间结束已超过一个季度（如 2024 年数据自 2025-04-01 起）。",
        "Stale: the latest value's period ended more than a quarter ago (2024's from 2025-04-01).";
    RuleSource => "数据来源：wudang-plan 台账；序时进度按方案期限线性推算，详见 docs/data.md“Pace”。",
        "Source: the wudang-plan ledger; expected values on a straight line to the deadline, see docs/data.md, \"Pace\".";
}

/// `W` in `lang` with `args` filled in.
pub fn say(w: W, lang: Lang, args: &[&str]) -> String {
    fill_in(w.get(lang), args)
}

/// The number of a section: 一、 二、 … in Chinese, `1.` in English.
pub fn ordinal(n: usize, lang: Lang) -> String {
    const ZH: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match lang {
        Lang::En => format!("{n}. "),
        Lang::Zh => match (n / 10, n % 10) {
            (0, d) => format!("{}、", ZH[d]),
            (1, 0) => "十、".into(),
            (1, d) => format!("十{}、", ZH[d]),
            (t, 0) if t < 10 => format!("{}十、", ZH[t]),
            (t, d) if t < 10 => format!("{}十{}、", ZH[t], ZH[d]),
            _ => format!("{n}、"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every entry has the same parameters in both languages.
    #[test]
    fn both_languages_take_the_same_parameters() {
        for &w in W::ALL {
            assert_eq!(
                w.get(Lang::Zh).matches("{}").count(),
                w.get(Lang::En).matches("{}").count(),
                "{w:?}"
            );
        }
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal(3, Lang::Zh), "三、");
        assert_eq!(ordinal(10, Lang::Zh), "十、");
        assert_eq!(ordinal(12, Lang::Zh), "十二、");
        assert_eq!(ordinal(20, Lang::Zh), "二十、");
        assert_eq!(ordinal(34, Lang::Zh), "三十四、");
        assert_eq!(ordinal(100, Lang::Zh), "100、");
        assert_eq!(ordinal(3, Lang::En), "3. ");
    }
}
