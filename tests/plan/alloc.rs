//! Loading a plan costs a bounded amount of work and memory per indicator
//! (issue 12, plan load at province size): counted with a counting global
//! allocator (this thread's allocations only, so tests running at the same
//! time do not count), at two sizes, so that what every indicator costs
//! shows as the difference.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::Write as _;
use std::path::Path;

use wudang_plan::plan;

struct Counting;

thread_local! {
    /// Allocation calls, bytes held now, the most held since the last reset.
    static COUNT: Cell<(usize, isize, isize)> = const { Cell::new((0, 0, 0)) };
}

fn add(calls: usize, n: isize) {
    let _ = COUNT.try_with(|c| {
        let (k, now, peak) = c.get();
        c.set((k + calls, now + n, peak.max(now + n)));
    });
}

// SAFETY: every call is passed on to the system allocator unchanged; only
// a thread-local count is kept beside it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        add(1, layout.size() as isize);
        // SAFETY: the caller's layout, as received.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        add(0, -(layout.size() as isize));
        // SAFETY: as received.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        add(1, layout.size() as isize);
        // SAFETY: as received.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        add(1, new_size as isize - layout.size() as isize);
        // SAFETY: as received.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Allocation calls and the most heap held at once (beyond what was held
/// before) while `f` runs, this thread.
fn cost_of<T>(f: impl FnOnce() -> T) -> (usize, isize) {
    let (k0, now0) = COUNT.with(|c| {
        let (k, now, _) = c.get();
        c.set((k, now, now));
        (k, now)
    });
    let kept = f();
    let (k, _, peak) = COUNT.with(Cell::get);
    drop(kept);
    (k - k0, peak - now0)
}

/// A plan directory of one task, one row and `n` indicators, each with a
/// name and a source of realistic length.
fn write_plan(dir: &Path, n: usize) {
    let w = |f: &str, t: &str| std::fs::write(dir.join(f), t).unwrap();
    w("groups.csv", "id,title\n1,推进大健康高质量发展\n");
    w(
        "tasks.csv",
        "id,group,title,text,units\n1,1,任务,说明,区发改局\n",
    );
    w(
        "rows.csv",
        "id,task,title,target,leaders,units,persons\nT1,1,行,目标,张三,区发改局,李四\n",
    );
    let mut t =
        String::from("id,task,row,name,unit,comparison,target,stretch,better,deadline,source\n");
    for k in 1..=n {
        writeln!(
            t,
            "1.{k},1,T1,生态环境建设项目{k},个,>=,{k}.5,,higher,2025,生态环境建设项目达到{k}.5个以上"
        )
        .unwrap();
    }
    w("indicators.csv", &t);
}

/// Each indicator costs its own texts (id, name and source: one
/// allocation) and nothing else allocated one by one: no copy of its id
/// for the duplicate check, no list grown a step at a time. And the heap
/// held while loading grows by what the plan keeps, not by a copy of the
/// file's text besides it (the files are read as they are parsed).
#[test]
fn loading_costs_three_allocations_and_a_bounded_heap_per_indicator() {
    let (small, large) = (2_000, 6_000);
    let d1 = tempfile::tempdir().unwrap();
    let d2 = tempfile::tempdir().unwrap();
    write_plan(d1.path(), small);
    write_plan(d2.path(), large);
    let (c1, p1) = cost_of(|| plan::load_dir(d1.path()).unwrap());
    let (c2, p2) = cost_of(|| plan::load_dir(d2.path()).unwrap());
    let per = |a: isize, b: isize| (b - a) as f64 / (large - small) as f64;
    let calls = per(c1 as isize, c2 as isize);
    let bytes = per(p1, p2);
    let file = std::fs::metadata(d2.path().join("indicators.csv"))
        .unwrap()
        .len() as f64
        / large as f64;
    eprintln!("per indicator: {calls:.2} allocations, {bytes:.0} bytes held at the peak");
    assert!(
        calls <= 1.2,
        "{calls:.2} allocations per indicator (expected 1: its id, name and source)"
    );
    // What an indicator keeps: its `Indicator` and its three texts; the
    // line of the file (about 120 bytes) is not held besides.
    let kept = std::mem::size_of::<plan::Indicator>() as f64 + file;
    assert!(
        bytes <= kept,
        "{bytes:.0} bytes held per indicator at the peak; expected at most {kept:.0} \
         (an Indicator, {} bytes, and texts no longer than its line, {file:.0} bytes)",
        std::mem::size_of::<plan::Indicator>()
    );
}

/// Allocation calls and the heap held after `f` (beyond what was held
/// before), this thread; what `f` returns is kept until then.
fn kept_by<T>(f: impl FnOnce() -> T) -> (usize, isize, T) {
    let (k0, now0) = COUNT.with(|c| {
        let (k, now, _) = c.get();
        (k, now)
    });
    let kept = f();
    let (k, now, _) = COUNT.with(Cell::get);
    (k - k0, now - now0, kept)
}

/// A load from the snapshot allocates once per indicator (its texts) and
/// nothing else per indicator, and the plan it gives holds at most an
/// `Indicator` and its texts per indicator: 120 bytes and the texts (the
/// old model: 160 bytes and three allocations).
#[test]
fn a_snapshot_load_costs_one_allocation_and_an_indicator_per_indicator() {
    use wudang_plan::plan::snapshot::{Source, load_dir_snapshotted};
    let (small, large) = (2_000, 6_000);
    let d1 = tempfile::tempdir().unwrap();
    let d2 = tempfile::tempdir().unwrap();
    write_plan(d1.path(), small);
    write_plan(d2.path(), large);
    let mut costs = Vec::new();
    for d in [d1.path(), d2.path()] {
        load_dir_snapshotted(d, None).unwrap();
        let (calls, held, (plan, from)) = kept_by(|| load_dir_snapshotted(d, None).unwrap());
        assert!(matches!(from, Source::Snapshot(_)));
        let texts: usize = plan
            .indicators
            .iter()
            .map(|i| i.id().len() + i.name().len() + i.source().len())
            .sum();
        costs.push((calls as isize, held, texts as isize));
    }
    let per = |a: isize, b: isize| (b - a) as f64 / (large - small) as f64;
    let calls = per(costs[0].0, costs[1].0);
    let held = per(costs[0].1, costs[1].1);
    let texts = per(costs[0].2, costs[1].2);
    eprintln!("per indicator: {calls:.2} allocations, {held:.0} bytes held, {texts:.0} of texts");
    assert!(calls <= 1.05, "{calls:.2} allocations per indicator");
    assert_eq!(std::mem::size_of::<plan::Indicator>(), 120);
    // And its positions in the index by id (4 bytes) and in its task's
    // run (8).
    let most = 120.0 + texts + 12.0;
    assert!(
        held <= most,
        "{held:.0} bytes per indicator, expected at most {most:.0}"
    );
}
