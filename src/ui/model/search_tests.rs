//! Tests of the search's index (`search.rs`): against the old scan,
//! text by text, the matcher on pieces, narrowing.

use super::*;
use crate::ledger::Status;
use crate::plan::Task;
use crate::ui::model::filter::{self, Filters, Judged, Searched, Visible};

/// The search as it was before the index: every text of every task
/// and indicator matched again for each query.
struct Scan<'q> {
    q: CompiledQuery<'q>,
    raw: &'q str,
}

impl Scan<'_> {
    fn task_hit(&self, plan: &Plan, task: &Task) -> bool {
        let (q, raw) = (&self.q, self.raw);
        if task.id == raw || q.matches(&task.title) || task.text.contains(raw) {
            return true;
        }
        if task.units.iter().any(|u| q.matches(u)) {
            return true;
        }
        plan.rows_of(&task.id).any(|r| {
            r.target.contains(raw)
                || r.leaders.iter().any(|l| q.matches(l))
                || r.owners
                    .iter()
                    .any(|o| q.matches(&o.unit) || q.matches(&o.person))
        })
    }
}

impl Searched for Scan<'_> {
    fn task(&self, plan: &Plan, pos: usize) -> bool {
        self.task_hit(plan, &plan.tasks[pos])
    }

    fn indicator(&self, plan: &Plan, ip: usize) -> bool {
        let ind = &plan.indicators[ip];
        ind.id() == self.raw || self.q.matches(ind.name())
    }
}

const QUERIES: &[&str] = &[
    "",
    " ",
    "工业",
    "工业总产值",
    "总产值",
    "gyzcz",
    "GYZCZ",
    "gongye",
    "gongyezongchanzhi",
    "gy总产值",
    "zkc",
    "ZKC",
    "zhukuaichun",
    "ZhuKuaiChun",
    "zhukc",
    "zh",
    "zhu",
    "z",
    "朱快春",
    " 朱 快春 ",
    "朱",
    "8",
    "8.1",
    "8.",
    "0.6",
    "12",
    "H6",
    "h6",
    "R&D",
    "r&d",
    "亿元",
    "%",
    "2025",
    "llg",
    "李立国",
    "wf",
    "王飞",
    "区发展改革局",
    "fgj",
    "qfzggj",
    "xiang",
    "x",
    "a",
    "e",
    "ab c",
    "zqzzzzz",
    "乌当",
    "wudang",
    "wd",
    "GDP",
    "gdp",
    "（",
    "万",
    "wan",
    "5G",
    "5g",
    "lv",
    "lü",
    "nv",
];

fn judged(st: &[Status]) -> Judged<'_> {
    Judged {
        statuses: st,
        paces: &[],
        today: jiff::civil::date(2025, 6, 30),
        marks: &[],
        order: None,
    }
}

fn by_scan(plan: &Plan, st: &[Status], f: &Filters) -> Visible {
    let search = filter::search_of(f).unwrap_or("");
    let query = Query::new(search);
    let scan = Scan {
        q: query.compile(),
        raw: search,
    };
    let found = filter::search_of(f).map(|_| &scan as &dyn Searched);
    filter::visible(plan, &judged(st), f, found)
}

fn with_search(s: &str, leader: Option<&str>) -> Filters {
    Filters {
        search: Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        leader: leader.map(str::to_string),
        ..Filters::default()
    }
}

/// Every query, searched afresh and narrowed letter by letter as it
/// is typed, shows exactly what the old scan showed (alone and with a
/// leader filter).
#[test]
fn the_index_finds_exactly_what_the_scan_found() {
    let plan = crate::plan::load_embedded().unwrap();
    let st = vec![Status::NoData; plan.indicators.len()];
    let index = Index::new(&plan);
    for leader in [None, Some("朱快春")] {
        for q in QUERIES {
            let mut prev: Option<Hits> = None;
            let mut typed = String::new();
            for c in q.chars() {
                typed.push(c);
                let f = with_search(&typed, leader);
                let want = by_scan(&plan, &st, &f);
                let fresh = filter::compute(&plan, &judged(&st), &f, &index, None);
                assert_eq!(fresh, want, "{typed:?} searched afresh");
                let Some(s) = filter::search_of(&f) else {
                    continue;
                };
                let hits = index.search(&plan, s, prev.as_ref());
                let narrowed = filter::compute(&plan, &judged(&st), &f, &index, Some(&hits));
                assert_eq!(narrowed, want, "{typed:?} narrowed");
                prev = Some(hits);
            }
        }
    }
}

/// The same, text by text: every title, name and indicator of the plan
/// against every query, and the letters test never refuses a match.
#[test]
fn every_text_matches_as_before() {
    let plan = crate::plan::load_embedded().unwrap();
    let index = Index::new(&plan);
    for q in QUERIES.iter().filter(|q| !q.trim().is_empty()) {
        let query = Query::new(q.trim());
        let c = query.compile();
        let hits = index.search(&plan, q.trim(), None);
        for n in 0..index.len() {
            let t = index.text(n).0.text;
            assert_eq!(hits.text_hit[n], c.matches(t), "{q:?} on {t:?}");
        }
        let scan = Scan {
            q: query.compile(),
            raw: q.trim(),
        };
        for pos in 0..plan.tasks.len() {
            assert_eq!(
                hits.task(&plan, pos),
                scan.task(&plan, pos),
                "{q:?} task {pos}"
            );
        }
        for ip in 0..plan.indicators.len() {
            let want = scan.indicator(&plan, ip);
            assert_eq!(hits.indicator(&index, &plan, ip), want, "{q:?} ind {ip}");
        }
    }
}

/// The matcher on a text's pieces answers as on the whole text, for
/// names with digits, ASCII letters, punctuation, full-width and
/// other non-ASCII characters, and queries that cross them.
#[test]
fn pieces_match_as_the_whole_text() {
    let texts = [
        "指标1234-5",
        "指标99-1",
        "指标9-9",
        "任务12",
        "GDP增长率",
        "R&D经费支出",
        "5G基站",
        "规模以上工业增加值（第12号）",
        "ＡＢＣ全角",
        "Kelvin\u{212A}温度",
        "İstanbul办事处",
        "a-b c.d",
        "朱快春",
        "区发展改革局 王飞",
        "",
    ];
    let queries = [
        "zhibiao",
        "zhibiao9",
        "zhibiao99",
        "zb1234",
        "bi",
        "99",
        "9-9",
        "rw12",
        "renwu1",
        "gdp",
        "gdpzz",
        "gdpzzl",
        "dzz",
        "r&dj",
        "d经费",
        "5gjz",
        "gjz",
        "jz",
        "（",
        "d12",
        "abc",
        "kwd",
        "kelvin",
        "istanbul",
        "i̇",
        "b c",
        "bc",
        "zkc",
        "zhukc",
        "wf",
        "jwf",
        "a-b",
        "c.d",
        "x",
        "zh",
        "zhu",
    ];
    for q in queries {
        let query = Query::new(q);
        let c = query.compile();
        let mut p = Pinyin::new(&query, &c);
        for t in texts {
            let plain = t.contains(query.raw()) || t.to_lowercase().contains(query.lower());
            assert_eq!(plain || p.matches(t), c.matches(t), "{q:?} on {t:?}");
        }
    }
}

/// The index's rows of each task are the plan's, in its order.
#[test]
fn the_index_keeps_each_tasks_rows() {
    let plan = crate::plan::load_embedded().unwrap();
    let index = Index::new(&plan);
    for (pos, t) in plan.tasks.iter().enumerate() {
        let got: Vec<&str> = index
            .rows_of(pos as u32)
            .map(|r| plan.rows[r].id.as_str())
            .collect();
        let want: Vec<&str> = plan.rows_of(&t.id).map(|r| r.id.as_str()).collect();
        assert_eq!(got, want, "task {}", t.id);
    }
    assert_eq!(index.rows.len(), plan.rows.len());
}

/// `zh` does not match 朱 but `zhu` does: the previous query's hits
/// cannot be all the next one searches; its candidates can.
#[test]
fn narrowing_searches_only_the_previous_candidates() {
    let zh = Query::new("zh");
    assert!(!zh.compile().matches("朱"));
    assert!(Query::new("zhu").compile().matches("朱"));
    let plan = crate::plan::load_embedded().unwrap();
    let index = Index::new(&plan);
    let all = index.search(&plan, "z", None);
    assert_eq!(all.tested, index.texts.len());
    let zk = index.search(&plan, "zk", Some(&all));
    assert_eq!(zk.tested, all.text_cands.len());
    assert!(zk.tested < index.texts.len());
    let zkc = index.search(&plan, "zkc", Some(&zk));
    assert_eq!(zkc.tested, zk.text_cands.len());
    assert!(zkc.text_cands.len() < zk.text_cands.len());
    // A letter deleted, or another query: everything again.
    assert_eq!(
        index.search(&plan, "zk", Some(&zkc)).tested,
        index.texts.len()
    );
    assert_eq!(
        index.search(&plan, "gy", Some(&zkc)).tested,
        index.texts.len()
    );
    // 朱快春 still found through the narrowing.
    let zhu = index.search(&plan, "zhu", Some(&index.search(&plan, "zh", None)));
    let n = (0..index.len())
        .position(|n| index.text(n).0.text == "朱快春")
        .unwrap();
    assert!(zhu.text_hit[n]);
}
