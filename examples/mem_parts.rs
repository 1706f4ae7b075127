//! Dev-only measurement: what each part of the UI's start costs in memory
//! and time on a generated plan and ledger (issue 12, "Memory"): the plan,
//! the ledger's index, the UI's progress, the UI state. Prints, after each
//! step, the time it took, the live heap it added (bytes allocated and not
//! freed, counted by a wrapper around the system allocator) and the
//! resident set (`VmRSS`, Linux; it also holds freed memory the allocator
//! kept).
//!
//! ```sh
//! cargo run --release --example mem_parts -- PLAN_DIR LEDGER.csv [--history]
//! ```
//!
//! `--history`: also the row positions the first history popup reads.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use wudang_plan::ui::{AppState, Config, Lang, Progress, Theme};

/// The system allocator, counting the bytes live.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to `System` unchanged; only a counter is
// updated besides.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract, passed on.
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract, passed on.
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        LIVE.fetch_add(new, Ordering::Relaxed);
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract, passed on.
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Resident set in kB (0 where /proc is missing).
fn rss_kb() -> u64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn mb(bytes: f64) -> f64 {
    bytes / 1e6
}

fn step<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let (live, t) = (LIVE.load(Ordering::Relaxed), Instant::now());
    let out = f();
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    let added = LIVE.load(Ordering::Relaxed) as f64 - live as f64;
    let rss = rss_kb() as f64 * 1000.0;
    println!(
        "{what:<16} {ms:>9.1} ms  {:>+8.1} MB live  (rss {:>6.1} MB)",
        mb(added),
        mb(rss)
    );
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (plan_dir, ledger) = (Path::new(&args[1]), Path::new(&args[2]));
    let today = jiff::civil::date(2025, 6, 30);
    // As the UI loads it: through the plan snapshot beside the seeds (the
    // first run writes it).
    let plan = step("plan", || {
        wudang_plan::plan::load_dir_with_snapshot(plan_dir).unwrap()
    });
    // As the UI opens it: lean, through the checkpoint beside it when
    // valid (the first run writes it), its progress read on the way.
    let (mut ledger, progress) = step("ledger+progress", || {
        Progress::read_lean(ledger, today, &mut wudang_plan::ledger::NoProgress).unwrap()
    });
    let config = Config::new(Lang::Zh, Theme::from_env(false));
    let state = step("ui state", || AppState::new(plan, progress, config));
    // What the UI builds after its first frame: the search index.
    let index = step("search index", || {
        wudang_plan::ui::model::search::Index::new(&state.plan)
    });
    // What the first history popup (H) adds: every row's position.
    if std::env::args().any(|a| a == "--history") {
        step("positions", || {
            ledger
                .load_positions(&mut wudang_plan::ledger::NoProgress)
                .unwrap()
        });
    }
    println!(
        "total: {:.1} MB live, rss {:.1} MB ({} indicators, {} rows)",
        mb(LIVE.load(Ordering::Relaxed) as f64),
        mb(rss_kb() as f64 * 1000.0),
        state.plan.indicators.len(),
        ledger.len()
    );
    drop(index);
}
