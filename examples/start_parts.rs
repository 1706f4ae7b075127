//! Dev-only measurement: what the full-screen UI's start costs after the
//! plan is loaded, on a plan directory and a ledger (e.g. the large plan of
//! `examples/genplan` and its 1M-row ledger with its checkpoint).
//!
//! `cargo run --release --example start_parts -- PLAN_DIR LEDGER`
//!
//! Prints the milliseconds (wall, median of 5) of the first frame's state
//! (`AppState::loading`: the tree order and the visible rows) and of its
//! parts, and of what the ledger's thread does after the ledger is read
//! (`Standing::of`) and the run loop when it lands (`LedgerLoaded`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use wudang_plan::ledger::{Ledger, NoProgress};
use wudang_plan::ui::model::filter::{self, Filters, Judged, Order};
use wudang_plan::ui::model::search::Index;
use wudang_plan::ui::model::standing::{Loaded, Standing};
use wudang_plan::ui::{Action, AppState, Config, Lang, Progress, Theme, draw, update};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The median of 5 runs of `f`, in milliseconds.
fn time<T>(f: impl Fn() -> T) -> f64 {
    let mut v: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let out = f();
            let d = t.elapsed();
            drop(out);
            ms(d)
        })
        .collect();
    v.sort_by(f64::total_cmp);
    v[2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let plan =
        std::sync::Arc::new(wudang_plan::plan::load_dir(std::path::Path::new(&args[1])).unwrap());
    let today = jiff::civil::date(2025, 6, 30);
    let theme = Theme {
        color: true,
        ascii: false,
    };
    let config = || Config::new(Lang::Zh, theme);
    println!(
        "{} tasks, {} indicators",
        plan.tasks.len(),
        plan.indicators.len()
    );
    let first = time(|| AppState::loading(plan.clone(), today, config()));
    println!("AppState::loading          {first:8.1} ms");
    let mut draws: Vec<f64> = (0..5)
        .map(|_| {
            let mut s = AppState::loading(plan.clone(), today, config());
            update(&mut s, Action::Resize(100, 30));
            let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
            let t0 = Instant::now();
            t.draw(|f| draw(f, &s)).unwrap();
            ms(t0.elapsed())
        })
        .collect();
    draws.sort_by(f64::total_cmp);
    println!(
        "  its first frame, 100x30  {:8.1} ms (into a TestBackend)",
        draws[2]
    );
    println!(
        "  Order::new               {:8.1} ms",
        time(|| Order::new(&plan))
    );
    let order = Order::new(&plan);
    let j = Judged {
        statuses: &[],
        paces: &[],
        today,
        marks: &[],
        order: Some(&order),
    };
    let walk = time(|| filter::compute(&plan, &j, &Filters::default(), &Index::EMPTY, None));
    println!("  visible set (no filter)  {walk:8.1} ms");
    let ledger =
        Ledger::open_with_checkpoint(std::path::Path::new(&args[2]), &mut NoProgress).unwrap();
    let progress = Progress::from_ledger(&ledger, today);
    let standing = time(|| Standing::of(&plan, &progress));
    println!("Standing::of (ledger side) {standing:8.1} ms");
    let mut lands: Vec<f64> = (0..5)
        .map(|_| {
            let mut s = AppState::loading(plan.clone(), today, config());
            update(&mut s, Action::Resize(100, 30));
            let loaded = Loaded {
                progress: progress.clone(),
                standing: Standing::of(&plan, &progress),
                warnings: 0,
                published: Vec::new(),
            };
            let t = Instant::now();
            update(&mut s, Action::LedgerLoaded(Box::new(loaded)));
            ms(t.elapsed())
        })
        .collect();
    lands.sort_by(f64::total_cmp);
    println!("LedgerLoaded (run loop)    {:8.1} ms", lands[2]);
    let old = time(|| AppState::new(plan.clone(), progress.clone(), config()));
    println!("AppState::new (before)     {old:8.1} ms (includes a Progress clone)");
}
