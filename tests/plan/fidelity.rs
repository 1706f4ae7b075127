//! The embedded plan says exactly what the document says. Every expectation
//! here was read from ../shared/plan-source.txt by hand, independently of
//! the seed files.

use rust_decimal::Decimal;
use std::str::FromStr;
use wudang_plan::plan::{self, Better, Comparison, Plan};

fn plan() -> Plan {
    plan::load_embedded().expect("embedded plan loads")
}

#[test]
fn counts() {
    let p = plan();
    assert_eq!(p.groups.len(), 5);
    assert_eq!(p.tasks.iter().filter(|t| t.id != "0").count(), 28);
    assert_eq!(p.rows.iter().filter(|r| r.id.starts_with('T')).count(), 30);
    assert_eq!(p.rows.iter().filter(|r| r.id.starts_with('H')).count(), 12);
    assert_eq!(p.indicators_of("0").count(), 12, "12 headline targets");
    let t0 = p.task("0").unwrap();
    assert_eq!((t0.title.as_str(), t0.group), ("总体目标", 0));
}

#[test]
fn groups_and_task_membership() {
    let p = plan();
    let titles: Vec<&str> = p.groups.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "以大数据引领创新发展，高质量实施创新驱动战略",
            "推进联动主城融合发展，高质量提升城市发展能级",
            "坚持两山理论实践创新，高质量推进生态文明建设",
            "积极融入国内国际双循环，高质量推进对外开放",
            "全力保障改善民生，高质量推进社会共建共治共享",
        ]
    );
    let members = |g| {
        p.tasks_in(g)
            .map(|t| t.id.parse::<u32>().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(members(1), (1..=6).collect::<Vec<_>>());
    assert_eq!(members(2), (7..=14).collect::<Vec<_>>());
    assert_eq!(members(3), (15..=17).collect::<Vec<_>>());
    assert_eq!(members(4), (18..=23).collect::<Vec<_>>());
    assert_eq!(members(5), (24..=28).collect::<Vec<_>>());
}

#[test]
fn titles_from_the_body() {
    let p = plan();
    let cases = [
        ("1", "加强区域科技创新平台建设"),
        ("6", "推进大数据与实体经济融合发展"),
        ("8", "加快新型工业化"),
        ("10", "加快新型城镇化"),
        ("18", "积极融入贵阳贵安经济区"),
        ("28", "大力发展文化产业"),
    ];
    for (id, title) in cases {
        assert_eq!(p.task(id).unwrap().title, title, "task {id}");
    }
    // The annex titles task 6 differently; both are kept.
    assert_eq!(p.row("T6").unwrap().title, "推进数字经济与实体经济融合发展");
}

#[test]
fn leaders_of_every_task() {
    let p = plan();
    let want: [(&str, &[&str]); 29] = [
        ("0", &["李立国", "王飞", "朱快春", "杨东华"]),
        ("1", &["朱快春"]),
        ("2", &["朱快春"]),
        ("3", &["喻应雄", "李立国", "朱快春"]),
        ("4", &["喻应雄", "李立国", "朱快春"]),
        ("5", &["朱快春"]),
        ("6", &["朱快春"]),
        ("7", &["冯青", "谢军", "王飞"]),
        ("8", &["朱快春"]),
        ("9", &["王飞"]),
        ("10", &["王飞", "杨东华"]),
        ("11", &["杨东华"]),
        ("12", &["蒋芳菊"]),
        ("13", &["蒋芳菊"]),
        ("14", &["蒋芳菊"]),
        ("15", &["朱快春"]),
        ("16", &["朱快春", "谢军", "杨东华"]),
        ("17", &["朱快春", "王飞", "蒋芳菊", "杨东华"]),
        ("18", &["李立国", "王飞"]),
        ("19", &["李立国", "朱快春"]),
        ("20", &["蒋芳菊"]),
        ("21", &["朱快春", "蒋芳菊"]),
        ("22", &["蒋芳菊", "李立国"]),
        ("23", &["蒋芳菊", "朱快春"]),
        ("24", &["李立国"]),
        ("25", &["王飞"]),
        ("26", &["蒋芳菊"]),
        ("27", &["王飞"]),
        ("28", &["蒋芳菊"]),
    ];
    for (id, leaders) in want {
        assert_eq!(p.task_leaders(id), leaders, "leaders of task {id}");
    }
}

#[test]
fn units_pair_with_persons_in_order() {
    let p = plan();
    let pairs = |row: &str| {
        p.row(row)
            .unwrap()
            .owners
            .iter()
            .map(|o| (o.unit.clone(), o.person.clone()))
            .collect::<Vec<_>>()
    };
    let s = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(pairs("H6"), [s("区科技局", "唐洁"), s("区财政局", "芮波")]);
    assert_eq!(
        pairs("T9"),
        [
            s("经开建投", "刘仁龙"),
            s("区土储分中心", "康戎夫"),
            s("区工业和信息化局（大数据局）", "刘明利")
        ]
    );
    assert_eq!(
        pairs("T19"),
        [
            s("市生态环境局乌当分局", "郑文祥"),
            s("区住房城乡建设局", "黄德继"),
            s("区卫生健康局", "陈琳"),
            s("区民政局", "何光明"),
            s("区大健康办", "李云洪"),
        ]
    );
    assert_eq!(
        pairs("T23"),
        [
            s("贵州乌当经济开发区管委会", "罗国恒"),
            s("区工业园区（新天园区）管委会", "韦祥雁"),
            s("区商务局", "宋麒"),
            s("区投促局", "方芳"),
        ]
    );
    assert_eq!(
        pairs("T7"),
        [
            s("区委政法委", "郭茂辉"),
            s("区“三变”办", "周训军"),
            s("区综合行政执法局", "张未")
        ]
    );
}

#[test]
fn annex_rows_10_to_12_are_task_10_and_13_to_30_are_11_to_28() {
    let p = plan();
    for n in 1..=30 {
        let want = match n {
            1..=9 => n,
            10..=12 => 10,
            _ => n - 2,
        };
        assert_eq!(
            p.row(&format!("T{n}")).unwrap().task,
            want.to_string(),
            "row T{n}"
        );
    }
    for n in 1..=12 {
        assert_eq!(p.row(&format!("H{n}")).unwrap().task, "0");
    }
}

#[test]
fn names_are_normalized() {
    let p = plan();
    let mut everyone = p.leaders();
    everyone.extend(p.persons());
    for n in &everyone {
        assert!(!n.contains(char::is_whitespace), "name {n:?} has a space");
    }
    for n in [
        "王飞", "唐洁", "芮波", "余华", "罗军", "宋麒", "方芳", "梁燕",
    ] {
        assert!(everyone.iter().any(|e| e == n), "{n} missing");
    }
}

/// (id, name, unit, comparison, target, deadline)
type Spot = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
    i32,
);
const SPOT: &[Spot] = &[
    ("0.1", "地区生产总值", Some("亿元"), ">=", "325", 2025),
    ("0.2", "地区常住人口", Some("万人"), ">=", "50", 2025),
    ("0.4", "城镇化率", Some("%"), "~", "80", 2025),
    ("0.5", "城市建成区面积", Some("平方公里"), ">=", "45", 2025),
    ("0.6", "R&D经费占财政支出比重", Some("%"), ">=", "1.5", 2025),
    ("0.7", "人才总量", Some("万人"), ">=", "9", 2025),
    ("0.9", "每万人口发明专利拥有量", Some("件"), "~", "24", 2025),
    ("0.10", "森林覆盖率", Some("%"), ">=", "58", 2025),
    ("0.12", "城乡收入比重", None, "<=", "2", 2025),
    ("1.3", "技术合同成交额", Some("亿元"), ">=", "8", 2025),
    ("2.4", "每万人拥有发明专利", Some("件"), "~", "24", 2025),
    ("4.2", "全区科研人员", Some("人"), ">=", "10000", 2025),
    ("4.3", "人才总量", Some("万人"), ">=", "9", 2025),
    (
        "5.1",
        "全区电子信息技术及电子信息制造业总产值",
        Some("亿元"),
        ">=",
        "150",
        2025,
    ),
    (
        "6.1",
        "大数据与实体经济融合发展水平指数",
        None,
        ">=",
        "60",
        2025,
    ),
    ("7.2", "改造棚户区", Some("户"), ">=", "6100", 2023),
    ("7.3", "改造老旧小区", Some("户"), ">=", "5100", 2023),
    ("7.6", "新增城市绿地", Some("万平方米"), ">=", "100", 2025),
    ("8.1", "工业总产值", Some("亿元"), ">=", "500", 2025),
    ("8.2", "工业投资累计完成", Some("亿元"), ">=", "420", 2025),
    ("8.3", "规模以上工业企业", Some("家"), ">=", "180", 2025),
    ("9.2", "完成工业用地收储", Some("亩"), "~", "2000", 2025),
    ("10.3", "人均城市道路面积", Some("平方米"), ">=", "15", 2025),
    (
        "12.1",
        "全区年度旅游业总收入",
        Some("亿元"),
        ">=",
        "300",
        2025,
    ),
    (
        "19.1",
        "重大项目库投资规模",
        Some("亿元"),
        ">=",
        "3500",
        2025,
    ),
    (
        "19.5",
        "民间投资占固定资产投资比重",
        Some("%"),
        ">=",
        "60",
        2025,
    ),
    (
        "20.1",
        "社会消费品零售总额年均增速",
        Some("%"),
        "~",
        "11",
        2025,
    ),
    (
        "24.1",
        "每年开展职业技能培训",
        Some("人次"),
        "~",
        "5000",
        2025,
    ),
    (
        "24.3",
        "人力资源服务就业规模累计",
        Some("万人次"),
        ">=",
        "6",
        2025,
    ),
    ("26.2", "人均预期寿命", Some("岁"), ">=", "76", 2025),
    (
        "26.3",
        "人均体育场地面积",
        Some("平方米"),
        ">=",
        "2.3",
        2025,
    ),
    ("27.2", "老年人日间照料中心", Some("个"), ">=", "34", 2025),
    (
        "28.1",
        "文化产业增加值占全区地区生产总值的比重",
        Some("%"),
        "~",
        "5",
        2025,
    ),
];

#[test]
fn spot_checked_targets() {
    let p = plan();
    assert!(SPOT.len() >= 20);
    for (id, name, unit, cmp, target, deadline) in SPOT {
        let i = p
            .indicator(id)
            .unwrap_or_else(|| panic!("indicator {id} missing"));
        assert_eq!(&i.name(), name, "{id} name");
        assert_eq!(i.unit.as_deref(), *unit, "{id} unit");
        assert_eq!(i.comparison.as_str(), *cmp, "{id} comparison");
        assert_eq!(
            i.target,
            Some(Decimal::from_str(target).unwrap()),
            "{id} target"
        );
        assert_eq!(i.deadline, *deadline, "{id} deadline");
    }
}

#[test]
fn stretch_direction_and_milestones() {
    let p = plan();
    let gdp = p.indicator("0.1").unwrap();
    assert_eq!(gdp.stretch, Some(Decimal::from(350)));
    assert_eq!(
        p.indicators.iter().filter(|i| i.stretch.is_some()).count(),
        1,
        "only GDP has a stretch"
    );
    assert_eq!(p.indicator("0.12").unwrap().better, Better::Lower);
    let plan_ms = p.indicator("10.1").unwrap();
    assert_eq!(plan_ms.comparison, Comparison::Done);
    assert_eq!(plan_ms.name(), "编制完成《乌当区国土空间总体规划》");
    assert_eq!(plan_ms.target, None);
    assert_eq!(&*plan_ms.row, "T10");
    let done_2023 = p.indicator("7.4").unwrap();
    assert_eq!(
        (done_2023.comparison, done_2023.deadline),
        (Comparison::Done, 2023)
    );
    for i in &p.indicators {
        assert_eq!(
            i.is_milestone(),
            i.target.is_none(),
            "{}: milestones and only milestones lack a number",
            i.id()
        );
        assert!(!i.source().is_empty(), "{} has a source", i.id());
    }
}

#[test]
fn indicators_sit_on_the_row_that_states_them() {
    let p = plan();
    for i in &p.indicators {
        let row = p.row(&i.row).unwrap();
        assert_eq!(*row.task, *i.task, "{}", i.id());
    }
    // 人均城市道路面积 is stated by T12 (杨东华 has T11, 王飞 T10 and T12).
    assert_eq!(p.indicator("10.3").unwrap().row.as_ref(), "T12");
    assert_eq!(p.indicator("10.2").unwrap().row.as_ref(), "T11");
    // Body-only targets go on the task's first row.
    assert_eq!(p.indicator("2.4").unwrap().row.as_ref(), "T2");
    assert_eq!(p.indicator("10.4").unwrap().row.as_ref(), "T10");
}

#[test]
fn body_units_are_kept_beside_the_annex() {
    let p = plan();
    let t7 = p.task("7").unwrap();
    assert_eq!(t7.units.len(), 8);
    assert_eq!(t7.units.last().map(String::as_str), Some("各街道"));
    assert_eq!(
        p.task_units("7"),
        ["区委政法委", "区“三变”办", "区综合行政执法局"]
    );
    assert!(
        p.task("1").unwrap().text.contains("“包干制”"),
        "page break joined"
    );
    assert!(
        p.task("8")
            .unwrap()
            .text
            .ends_with("制造业增加值占地区生产总值比重达到 30%。")
    );
}

#[test]
fn target_text_reads_like_the_document() {
    let p = plan();
    let t = |id: &str| p.indicator(id).unwrap().target_text();
    assert_eq!(t("8.1").as_deref(), Some(">= 500 亿元"));
    assert_eq!(t("0.4").as_deref(), Some("~ 80%"));
    assert_eq!(t("0.12").as_deref(), Some("<= 2"));
    assert_eq!(t("26.3").as_deref(), Some(">= 2.3 平方米"));
    assert_eq!(t("10.1"), None, "a milestone has no number");
}
