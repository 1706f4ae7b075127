//! A plan in the seeds layout and a ledger of valid history, of any size,
//! for measuring (docs/performance.md) and for scale tests. Dev-only: used
//! by `examples/genplan` and included by `tests/plan/scale.rs`.
//!
//! Deterministic for a seed: the same `Sizes` and seed give the same bytes.
//! Everything is streamed to buffered files; the only state kept is the
//! plan's ids and, for the ledger, the last value per (id, field, period),
//! so that every row's `old` is the value recorded before it.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// How big a plan and ledger to write.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    /// Numbered tasks (`1`..=`tasks`); task `0` (总体目标) comes on top.
    pub tasks: usize,
    /// Indicators in all (task 0's headline indicators included).
    pub indicators: usize,
    /// Distinct 责任领导 names.
    pub leaders: usize,
    /// Ledger rows (0: no ledger is written).
    pub rows: usize,
}

/// The plan's years (`period.csv`).
pub const START: i32 = 2021;
pub const END: i32 = 2025;

/// The district's own leaders first, so that filters such as
/// `--leader zkc` (朱快春) find rows in every generated plan.
const KNOWN_LEADERS: [&str; 8] = [
    "李立国",
    "朱快春",
    "杨东华",
    "喻应雄",
    "谢文军",
    "蒋芳菊",
    "冯青松",
    "罗正军",
];
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN: &str = "国华建军明文平志伟东海英春兴红玉德林永秀富忠新宏立芳云成光荣庆清辉敏俊涛鹏波学勇刚强峰磊斌飞静丽霞燕琴洁雪梅兰凤慧婷";
const UNITS: [&str; 24] = [
    "区发展改革局",
    "区工业和信息化局（大数据局）",
    "区科技局",
    "区财政局",
    "区商务局",
    "区投促局",
    "区自然资源局",
    "区住房城乡建设局",
    "区交通局",
    "区水务局",
    "区农业农村局",
    "区文体广电旅游局",
    "区卫生健康局",
    "区民政局",
    "区教育局",
    "区人力资源和社会保障局",
    "区市场监管局",
    "区综合行政执法局",
    "市生态环境局乌当分局",
    "区委组织部",
    "区委政法委",
    "区大健康办",
    "区统计局",
    "各街道",
];
/// (what is measured, unit, typical target).
const MEASURES: [(&str, &str, u32); 16] = [
    ("总产值", "亿元", 120),
    ("固定资产投资", "亿元", 80),
    ("增加值", "亿元", 45),
    ("营业收入", "亿元", 60),
    ("从业人员", "万人", 3),
    ("市场主体数量", "家", 900),
    ("规模以上企业", "家", 60),
    ("建设项目", "个", 30),
    ("道路里程", "公里", 150),
    ("改造面积", "万平方米", 70),
    ("覆盖率", "%", 90),
    ("增长率", "%", 8),
    ("占比", "%", 50),
    ("培训人次", "万人次", 2),
    ("发明专利", "件", 400),
    ("综合指数", "", 100),
];
const FIELDS: [&str; 12] = [
    "大健康",
    "电子信息",
    "中医药",
    "现代农业",
    "全域旅游",
    "数字经济",
    "物流",
    "城市更新",
    "生态环境",
    "社会治理",
    "公共服务",
    "招商引资",
];
pub const NOTES: [&str; 8] = [
    "二季度统计快报",
    "待统计局核实",
    "数据来源：统计月报",
    "口径调整，已与责任单位核对",
    "项目已开工，进度滞后于计划",
    "按年报数据更正",
    "according to the monthly report",
    "用地指标未落实，需协调",
];
pub const USERS: [&str; 12] = [
    "limin", "wangfang", "zhukc", "yangdh", "liaowh", "chenjing", "luojun", "tianxj", "xiewj",
    "jiangfj", "fengqs", "zhaolei",
];
pub const STATES: [&str; 4] = ["not_started", "in_progress", "delayed", "done"];

/// SplitMix64: small, fast and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5851_f42d_4c95_7f2d)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// What the ledger writer needs to know about one indicator.
pub struct Ind {
    pub id: String,
    pub milestone: bool,
    /// Target in hundredths (0 for milestones).
    pub target: i64,
    pub lower_better: bool,
}

/// The plan as written: what the ledger refers to.
pub struct Written {
    pub inds: Vec<Ind>,
    /// Task ids, `0` first.
    pub tasks: Vec<String>,
}

impl Written {
    /// The ids, targets and directions of an existing plan, for a ledger
    /// of it (`--ledger-for`, the benches' embedded plan).
    pub fn of(plan: &wudang_plan::plan::Plan) -> Written {
        let hundredths = |t: Option<rust_decimal::Decimal>| -> i64 {
            t.map(|t| (t * rust_decimal::Decimal::from(100)).round().to_string())
                .and_then(|s| s.parse().ok())
                .unwrap_or(0)
        };
        Written {
            inds: plan
                .indicators
                .iter()
                .map(|i| Ind {
                    id: i.id().to_string(),
                    milestone: i.is_milestone(),
                    target: hundredths(i.target),
                    lower_better: i.better == wudang_plan::plan::Better::Lower,
                })
                .collect(),
            tasks: plan.tasks.iter().map(|t| t.id.clone()).collect(),
        }
    }

    pub fn indicator_count(&self) -> usize {
        self.inds.len()
    }
}

fn file(path: &Path) -> io::Result<BufWriter<File>> {
    Ok(BufWriter::with_capacity(1 << 20, File::create(path)?))
}

/// `n` distinct three-character names, the district's own first.
pub fn names(n: usize, rng: &mut Rng, known: &[&str]) -> Vec<String> {
    let sur: Vec<char> = SURNAMES.chars().collect();
    let given: Vec<char> = GIVEN.chars().collect();
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(n);
    for k in known.iter().take(n) {
        seen.insert((*k).to_string());
        out.push((*k).to_string());
    }
    // Surname × two given characters: 105 × 60 × 60 names, plenty.
    while out.len() < n {
        let s = sur[rng.below(sur.len())];
        let a = given[rng.below(given.len())];
        let b = given[rng.below(given.len())];
        let name: String = [s, a, b].iter().collect();
        if seen.insert(name.clone()) {
            out.push(name);
        }
    }
    out
}

/// Writes `groups.csv`, `tasks.csv`, `rows.csv`, `indicators.csv` and
/// `period.csv` into `dir` (created if missing).
pub fn write_plan(dir: &Path, sizes: Sizes, seed: u64) -> io::Result<Written> {
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng::new(seed);
    let leaders = names(sizes.leaders.max(1), &mut rng, &KNOWN_LEADERS);
    let persons = names((sizes.leaders * 3).max(8), &mut Rng::new(seed ^ 7), &[]);
    std::fs::write(
        dir.join("period.csv"),
        format!("start,end\n{START},{END}\n"),
    )?;
    let groups = (5 + sizes.tasks / 1000).min(50);
    let mut g = file(&dir.join("groups.csv"))?;
    writeln!(g, "id,title")?;
    for id in 1..=groups {
        let f = FIELDS[(id - 1) % FIELDS.len()];
        writeln!(g, "{id},推进{f}高质量发展（第{id}组）")?;
    }
    g.flush()?;
    let mut tasks = file(&dir.join("tasks.csv"))?;
    let mut rows = file(&dir.join("rows.csv"))?;
    let mut inds = file(&dir.join("indicators.csv"))?;
    writeln!(tasks, "id,group,title,text,units")?;
    writeln!(rows, "id,task,title,target,leaders,units,persons")?;
    writeln!(
        inds,
        "id,task,row,name,unit,comparison,target,stretch,better,deadline,source,kind,kind_reason"
    )?;
    let people = (&leaders[..], &persons[..]);
    let mut written = Written {
        inds: Vec::with_capacity(sizes.indicators),
        tasks: Vec::with_capacity(sizes.tasks + 1),
    };
    let all = sizes.tasks + 1;
    for t in 0..all {
        // Indicators spread evenly; the first tasks take the remainder.
        let count = sizes.indicators / all + usize::from(t < sizes.indicators % all);
        let w = TaskOut {
            tasks: &mut tasks,
            rows: &mut rows,
            inds: &mut inds,
        };
        // Groups hold runs of consecutive tasks, as in the document.
        let group = if t == 0 {
            0
        } else {
            1 + (t - 1) * groups / sizes.tasks
        };
        write_task(w, t, group, count, people, &mut rng, &mut written)?;
    }
    tasks.flush()?;
    rows.flush()?;
    inds.flush()?;
    Ok(written)
}

struct TaskOut<'a> {
    tasks: &'a mut BufWriter<File>,
    rows: &'a mut BufWriter<File>,
    inds: &'a mut BufWriter<File>,
}

/// One task, its accountability rows (1–3; task 0: one per headline
/// indicator, `H1`…) and its `count` indicators.
fn write_task(
    w: TaskOut<'_>,
    t: usize,
    group: usize,
    count: usize,
    (leaders, persons): (&[String], &[String]),
    rng: &mut Rng,
    out: &mut Written,
) -> io::Result<()> {
    let field = FIELDS[rng.below(FIELDS.len())];
    let n = 1 + rng.below(3);
    let units = pick_units(rng, n);
    if t == 0 {
        writeln!(
            w.tasks,
            "0,0,总体目标,\"到{END}年：全区经济社会发展主要目标全面完成。\n——高质量发展综合竞争力显著增强。\","
        )?;
    } else {
        writeln!(
            w.tasks,
            "{t},{group},推进{field}项目建设（任务{t}）,到{END}年，{field}重点项目全部建成投用，{field}产业规模持续扩大。,{}",
            units.join(";")
        )?;
    }
    out.tasks.push(t.to_string());
    let nrows = if t == 0 {
        count.max(1)
    } else {
        1 + rng.below(3)
    };
    let row_id = |r: usize| {
        if t == 0 {
            format!("H{}", r + 1)
        } else {
            format!("T{t}-{}", r + 1)
        }
    };
    for r in 0..nrows {
        // One row in four has two or three leaders, as the annex does.
        let n = if rng.chance(25) { 2 + rng.below(2) } else { 1 };
        let ls = pick(rng, leaders, n);
        let n = 1 + rng.below(3);
        let us = pick_units(rng, n);
        let ps = pick(rng, persons, us.len());
        writeln!(
            w.rows,
            "{},{t},推进{field}工作（{}）,到{END}年完成{field}各项目标任务,{},{},{}",
            row_id(r),
            r + 1,
            ls.join(";"),
            us.join(";"),
            ps.join(";")
        )?;
    }
    for n in 1..=count {
        let row = row_id(if t == 0 { n - 1 } else { rng.below(nrows) });
        write_indicator(w.inds, t, n, &row, field, rng, out)?;
    }
    Ok(())
}

fn pick(rng: &mut Rng, from: &[String], n: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(n);
    while out.len() < n.min(from.len()) {
        // Skewed: a few leaders carry many rows, as in the annex.
        let i = rng.below(from.len()).min(rng.below(from.len()));
        if !out.contains(&from[i]) {
            out.push(from[i].clone());
        }
    }
    out
}

fn pick_units(rng: &mut Rng, n: usize) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::with_capacity(n);
    while out.len() < n {
        let u = UNITS[rng.below(UNITS.len())];
        if !out.contains(&u) {
            out.push(u);
        }
    }
    out
}

/// Hundredths as a plain decimal: `12345` → `123.45`, `1200` → `12`.
pub fn decimal(h: i64) -> String {
    let sign = if h < 0 { "-" } else { "" };
    let a = h.unsigned_abs();
    if a.is_multiple_of(100) {
        format!("{sign}{}", a / 100)
    } else {
        format!("{sign}{}.{:02}", a / 100, a % 100)
    }
}

/// One indicator: about one in five a milestone, the rest a mix of
/// kinds, comparisons and units.
fn write_indicator(
    w: &mut BufWriter<File>,
    t: usize,
    n: usize,
    row: &str,
    field: &str,
    rng: &mut Rng,
    out: &mut Written,
) -> io::Result<()> {
    let id = format!("{t}.{n}");
    let deadline = if rng.chance(15) { END - 2 } else { END };
    if rng.chance(20) {
        writeln!(
            w,
            "{id},{t},{row},{field}专项规划编制完成,,done,,,higher,{deadline},编制完成《{field}专项规划》,milestone,编制完成"
        )?;
        out.inds.push(Ind {
            id,
            milestone: true,
            target: 0,
            lower_better: false,
        });
        return Ok(());
    }
    let (what, unit, typical) = MEASURES[rng.below(MEASURES.len())];
    let target = i64::from(typical) * (50 + rng.below(100) as i64);
    let (comparison, better, words, after) = match rng.below(10) {
        0 => ("<=", "lower", "控制在", "以内"),
        1 | 2 => ("~", "higher", "达到", "左右"),
        _ => (">=", "higher", "达到", "以上"),
    };
    let kind = match (unit, rng.below(4)) {
        ("%", _) => "rate",
        (_, 0) => "cumulative",
        (_, 1) => "annual",
        _ => "level",
    };
    let stretch = if comparison == ">=" && rng.chance(10) {
        decimal(target * 11 / 10)
    } else {
        String::new()
    };
    let t_txt = decimal(target);
    writeln!(
        w,
        "{id},{t},{row},{field}{what},{unit},{comparison},{t_txt},{stretch},{better},{deadline},{field}{what}{words}{t_txt}{unit}{after},{kind},{words}…{after}"
    )?;
    out.inds.push(Ind {
        id,
        milestone: false,
        target,
        lower_better: better == "lower",
    });
    Ok(())
}
