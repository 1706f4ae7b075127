//! Dev-only measurement: what each part of a loaded plan holds (issue 12,
//! plan memory): the live heap (bytes allocated and not freed, counted by a
//! wrapper around the system allocator) freed by dropping each part, and
//! the time of a load from the seeds and from the snapshot.
//!
//! ```sh
//! cargo run --release --example plan_parts -- PLAN_DIR
//! cargo run --release --example plan_parts -- PLAN_DIR snapshot   # one snapshot load only (perf)
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use wudang_plan::plan::{Indicator, NewIndicator};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static CALLS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to `System` unchanged; only counters are
// updated besides.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size(), Ordering::Relaxed);
        CALLS.fetch_add(1, Ordering::Relaxed);
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
        CALLS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract, passed on.
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn live() -> f64 {
    LIVE.load(Ordering::Relaxed) as f64 / 1e6
}

fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let dir = Path::new(&dir);
    if std::env::args().nth(2).as_deref() == Some("snapshot") {
        let t = Instant::now();
        let (plan, from) = wudang_plan::plan::snapshot::load_dir_snapshotted(dir, None).unwrap();
        println!("{:.1} ms {from:?}", t.elapsed().as_secs_f64() * 1e3);
        std::mem::forget(plan);
        return;
    }
    let (l0, c0, t) = (live(), CALLS.load(Ordering::Relaxed), Instant::now());
    let mut plan = wudang_plan::plan::load_dir(dir).unwrap();
    println!(
        "seeds:    {:>7.1} ms {:>6.1} MB live {:>9} allocations",
        t.elapsed().as_secs_f64() * 1e3,
        live() - l0,
        CALLS.load(Ordering::Relaxed) - c0
    );
    for _ in 0..2 {
        let (l0, c0, t) = (live(), CALLS.load(Ordering::Relaxed), Instant::now());
        let (snap, from) = wudang_plan::plan::snapshot::load_dir_snapshotted(dir, None).unwrap();
        println!(
            "snapshot: {:>7.1} ms {:>6.1} MB live {:>9} allocations ({from:?})",
            t.elapsed().as_secs_f64() * 1e3,
            live() - l0,
            CALLS.load(Ordering::Relaxed) - c0
        );
        assert!(snap == plan);
    }
    let parts = (
        plan.groups.clone(),
        plan.tasks.clone(),
        plan.rows.clone(),
        plan.indicators.clone(),
    );
    let t = Instant::now();
    let again = wudang_plan::plan::Plan::new(parts.0, parts.1, parts.2, parts.3);
    println!("Plan::new: {:>7.1} ms", t.elapsed().as_secs_f64() * 1e3);
    drop(again);
    println!(
        "sizes: Indicator {} Row {} Task {} Owner {}",
        size_of::<wudang_plan::plan::Indicator>(),
        size_of::<wudang_plan::plan::Row>(),
        size_of::<wudang_plan::plan::Task>(),
        size_of::<wudang_plan::plan::Owner>()
    );
    let part = |what: &str, f: &mut dyn FnMut()| {
        let l = live();
        f();
        println!("{what:<28} {:>6.1} MB", l - live());
    };
    let n = plan.indicators.len();
    part("indicator ids, names, sources", &mut || {
        for i in &mut plan.indicators {
            *i = Indicator::from(NewIndicator {
                id: "",
                name: "",
                source: "",
                ..i.fields()
            });
        }
    });
    part("row titles+targets", &mut || {
        for r in &mut plan.rows {
            r.title = Default::default();
            r.target = Default::default();
        }
    });
    part("row leaders", &mut || {
        for r in &mut plan.rows {
            r.leaders = Default::default();
        }
    });
    part("row owners", &mut || {
        for r in &mut plan.rows {
            r.owners = Default::default();
        }
    });
    part("task texts", &mut || {
        for t in &mut plan.tasks {
            t.text = Default::default();
        }
    });
    part("task titles+units", &mut || {
        for t in &mut plan.tasks {
            t.title = Default::default();
            t.units = Default::default();
        }
    });
    part("indicators (structs, shared)", &mut || {
        plan.indicators = Vec::new();
    });
    part("rows (rest)", &mut || plan.rows = Vec::new());
    part("tasks (rest)", &mut || plan.tasks = Vec::new());
    part("indexes and the rest", &mut || {
        let p = std::mem::replace(
            &mut plan,
            wudang_plan::plan::Plan::new(vec![], vec![], vec![], vec![]),
        );
        drop(p);
    });
    println!("{n} indicators");
}
