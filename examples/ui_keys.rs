//! Dev-only measurement: the cost of each kind of key (update + one frame
//! into a `TestBackend`) on a plan directory, e.g. the large plan of
//! `examples/genplan` (10,000 tasks, 100,000 indicators, 200 leaders).
//!
//! `cargo run --release --example ui_keys -- /tmp/perf/large/plan [COLS ROWS]`
//!
//! Prints, per key, the milliseconds of `update` and of the frame (the
//! median of the repeats given), and what the open took.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

#[allow(dead_code)]
#[path = "support/cpu.rs"]
mod cpu;
use cpu::cpu;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use wudang_plan::ui::{Action, AppState, Config, Lang, Progress, Theme, draw, update};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// One key: its label, the actions it is made of, and how often to repeat.
struct Key(&'static str, Vec<Action>, usize);

fn keys() -> Vec<Key> {
    use Action::*;
    let search = |q: &str| q.chars().map(Input).collect::<Vec<_>>();
    vec![
        Key("tree j", vec![Down], 5),
        Key("tree k", vec![Up], 3),
        Key("tree PgDn", vec![PageDown], 3),
        Key("tree G", vec![Bottom], 1),
        Key("tree g", vec![Top], 1),
        Key("tree j (from 全部)", vec![Down], 1),
        Key("tree h (fold)", vec![Down, Left], 1),
        Key("tree l (unfold)", vec![Right], 1),
        Key("Tab", vec![NextPane], 1),
        Key("Tab (to table)", vec![NextPane], 1),
        Key("table j", vec![Down], 5),
        Key("table PgDn", vec![PageDown], 3),
        Key("table G", vec![Bottom], 1),
        Key("S-Tab to tree", vec![PrevPane, PrevPane], 1),
        Key("g (tree top, 全部)", vec![Top], 1),
        Key("Tab Tab (table of 全部)", vec![NextPane, NextPane], 1),
        Key("table j (全部)", vec![Down], 5),
        Key("S-Tab S-Tab", vec![PrevPane, PrevPane], 1),
        Key("L (open leader picker)", vec![PickLeader], 1),
        Key("picker j", vec![Down], 3),
        Key("picker Enter (filter)", vec![Confirm], 1),
        Key("tree j (filtered)", vec![Down], 3),
        Key("U (open unit picker)", vec![PickUnit], 1),
        Key("Esc", vec![Cancel], 1),
        Key("S (open status picker)", vec![PickStatus], 1),
        Key("Esc", vec![Cancel], 1),
        Key("x (clear filters)", vec![ClearFilters], 1),
        Key("o (overview)", vec![ToggleOverview], 1),
        Key("overview j", vec![Down], 3),
        Key("Esc", vec![Cancel], 1),
        Key("? (help)", vec![ToggleHelp], 1),
        Key("Esc", vec![Cancel], 1),
        Key("c (chart)", vec![ShowChart], 1),
        Key("Esc", vec![Cancel], 1),
        Key("/ (search)", vec![StartSearch], 1),
        Key("letters zkc", search("zkc"), 1),
        Key("Enter (keep search)", vec![Confirm], 1),
        Key("tree j (searched)", vec![Down], 3),
        Key("x (clear filters)", vec![ClearFilters], 1),
    ]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).expect("a plan directory");
    let cols: u16 = args.get(2).map_or(100, |s| s.parse().unwrap());
    let rows: u16 = args.get(3).map_or(30, |s| s.parse().unwrap());
    let t = Instant::now();
    let plan = wudang_plan::plan::load_dir(std::path::Path::new(dir)).expect("a plan");
    println!("plan loaded in {:.0} ms", ms(t.elapsed()));
    let theme = Theme {
        color: true,
        ascii: false,
    };
    let today = jiff::civil::date(2025, 6, 30);
    let t = Instant::now();
    let mut s = AppState::new(plan, Progress::empty(today), Config::new(Lang::Zh, theme));
    update(&mut s, Action::Resize(cols, rows));
    let open = t.elapsed();
    let mut term = Terminal::new(TestBackend::new(cols, rows)).unwrap();
    let t = Instant::now();
    term.draw(|f| draw(f, &s)).unwrap();
    println!(
        "open (AppState::new + resize) {:.1} ms, first frame {:.1} ms",
        ms(open),
        ms(t.elapsed())
    );
    let t = Instant::now();
    wudang_plan::ui::update::warm(&s);
    println!(
        "search index and pickers (after the first frame) {:.1} ms",
        ms(t.elapsed())
    );
    if let Ok(n) = std::env::var("UI_KEYS_REFILTER") {
        // Profiling aid: the visible set computed n times.
        for _ in 0..n.parse::<usize>().unwrap() {
            s.refilter();
        }
        return;
    }
    if let Ok(n) = std::env::var("UI_KEYS_LOOP") {
        // Profiling aid: task 1 selected, the table focused, `j` `k` n times.
        for a in [Action::Down, Action::Down, Action::Down, Action::NextPane] {
            update(&mut s, a);
        }
        for _ in 0..n.parse::<usize>().unwrap() {
            for a in [Action::Down, Action::Up] {
                update(&mut s, a);
                term.draw(|f| draw(f, &s)).unwrap();
            }
        }
        return;
    }
    for Key(label, actions, times) in keys() {
        let mut each = Vec::new();
        for _ in 0..times {
            let (t, c) = (Instant::now(), cpu());
            for a in &actions {
                update(&mut s, a.clone());
            }
            let u = cpu() - c;
            term.draw(|f| draw(f, &s)).unwrap();
            each.push((ms(cpu() - c), ms(u), ms(t.elapsed())));
        }
        let worst = each.iter().map(|e| e.0).fold(0.0, f64::max);
        let list: Vec<String> = each
            .iter()
            .map(|(a, u, w)| format!("{a:.1}({u:.1})[{w:.0}]"))
            .collect();
        println!(
            "{label:<26} max {worst:6.1} ms cpu   each: cpu update+frame (update) [wall]: {}",
            list.join(" ")
        );
    }
}
