//! `history` streams: the heap it needs does not grow with the ledger, in
//! any format (issue 12). Measured by counting what this thread allocates
//! (a counting global allocator), not by RSS, so other tests running at
//! the same time do not count.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

use clap::Parser;
use wudang_plan::cli::{self, Cli};

struct Counting;

thread_local! {
    /// Bytes this thread holds now, and the most it held since the last
    /// [`reset_peak`].
    static HELD: Cell<(isize, isize)> = const { Cell::new((0, 0)) };
}

thread_local! {
    /// Allocations (and reallocations) this thread made.
    static ALLOCS: Cell<usize> = const { Cell::new(0) };
}

fn add(n: isize) {
    if n > 0 {
        let _ = ALLOCS.try_with(|a| a.set(a.get() + 1));
    }
    let _ = HELD.try_with(|h| {
        let (now, peak) = h.get();
        h.set((now + n, peak.max(now + n)));
    });
}

// SAFETY: every call is passed on to the system allocator unchanged; only
// a thread-local count is kept beside it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        add(layout.size() as isize);
        // SAFETY: the caller's layout, as received.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        add(-(layout.size() as isize));
        // SAFETY: as received.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        add(layout.size() as isize);
        // SAFETY: as received.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        add(new_size as isize - layout.size() as isize);
        // SAFETY: as received.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Runs `f` and returns the most heap it held at once beyond what was
/// held before it (bytes, this thread).
fn peak_of(f: impl FnOnce()) -> isize {
    let start = HELD.with(|h| {
        let (now, _) = h.get();
        h.set((now, now));
        now
    });
    f();
    HELD.with(|h| h.get().1) - start
}

/// A ledger of `rows` changes on the embedded plan's 8.1, 8.2 and task 8.
fn write_ledger(path: &Path, rows: usize) {
    let mut text = String::from("\u{feff}time,user,id,field,value,old,note,period\r\n");
    for k in 0..rows {
        let row = match k % 4 {
            0 => format!("8.1,actual,{k},,二季度快报 第{k}期,2025"),
            1 => format!("8.2,actual,{k}.5,,,2025Q2"),
            2 => format!("8,status,in_progress,,用地未批 {k},"),
            _ => format!("8.1,note,备注{k},,,"),
        };
        writeln!(text, "2025-06-01T10:00:00+08:00,用户{},{row}\r", k % 12).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

/// Output thrown away, but counted (so that nothing is kept).
struct Sink(usize);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Peak heap of `history ARGS` on `data`, and the bytes it printed.
fn history_peak(data: &Path, args: &[&str]) -> (isize, usize) {
    let mut argv = vec!["wudang-plan", "--data", data.to_str().unwrap()];
    argv.extend(["--user", "u", "--today", "2025-06-01", "history"]);
    argv.extend(args);
    let cli = Cli::try_parse_from(argv).unwrap();
    let (mut out, mut err) = (Sink(0), Vec::new());
    let peak = peak_of(|| cli::run_with(&cli, &mut out, &mut err).unwrap());
    assert!(err.is_empty(), "{}", String::from_utf8_lossy(&err));
    (peak, out.0)
}

#[test]
fn history_holds_the_same_memory_for_3000_rows_as_for_12000() {
    let dir = tempfile::tempdir().unwrap();
    let (small, big) = (dir.path().join("small.csv"), dir.path().join("big.csv"));
    write_ledger(&small, 3_000);
    write_ledger(&big, 12_000);
    for args in [
        &["--format", "table"][..],
        &["--format", "csv"],
        &["--format", "json"],
        &["8.1", "--format", "json"],
        &["--limit", "11000"],
    ] {
        let (s, s_out) = history_peak(&small, args);
        let (b, b_out) = history_peak(&big, args);
        assert!(
            b_out > 3 * s_out,
            "{args:?}: printed {s_out} then {b_out} bytes"
        );
        // Holding the rows, or the index of a ledger's rows (16 bytes a
        // row), would take 150 KB or more for 9,000 more rows; what may
        // grow is a mark per 1,024 rows (both hold a full run of rows).
        assert!(
            b - s < 16 * 1024,
            "{args:?}: peak heap {s} bytes for 3,000 rows, {b} for 12,000"
        );
    }
}

/// The UI's `Progress` read from a ledger holds each indicator once,
/// compactly (issue 12: it used to copy each one into nine maps keyed by
/// `String`, about 1 kB an indicator at province size): live heap per
/// indicator of 2,000 with two periods each, a value cleared, no notes.
#[test]
fn progress_holds_few_bytes_per_indicator() {
    use wudang_plan::ledger::Ledger;
    use wudang_plan::report::Progress;
    const N: usize = 2_000;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actuals.csv");
    let mut text = String::from("\u{feff}time,user,id,field,value,old,note,period\r\n");
    for k in 0..N {
        for (v, old, p) in [("1.5", "", "2024"), ("2", "", "2025"), ("", "2", "2025")] {
            let who = k % 12;
            writeln!(
                text,
                "2025-06-01T10:00:00+08:00,用户{who},9.{k},actual,{v},{old},,{p}\r"
            )
            .unwrap();
        }
    }
    std::fs::write(&path, text).unwrap();
    let ledger = Ledger::open(&path).unwrap();
    let start = HELD.with(|h| h.get().0);
    let p = Progress::from_ledger(&ledger, jiff::civil::date(2025, 6, 30));
    let held = HELD.with(|h| h.get().0) - start;
    assert_eq!(p.series_of("9.7").len(), 2);
    assert_eq!(p.last_of("9.7").and_then(|l| l.old).as_deref(), Some("2"));
    let per = held / N as isize;
    eprintln!("Progress: {per} bytes an indicator");
    assert!(per <= 300, "{per} bytes an indicator");
}

/// How many allocations `f` makes (this thread).
fn allocs_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let start = ALLOCS.with(Cell::get);
    let out = f();
    (out, ALLOCS.with(Cell::get) - start)
}

/// A ledger of `n` indicators with three periods each (one with a
/// remark), and a status with a remark for every tenth id.
fn write_ids(path: &Path, n: usize) {
    let mut text = String::from("\u{feff}time,user,id,field,value,old,note,period\r\n");
    for k in 0..n {
        let who = k % 12;
        for (v, note, p) in [
            ("1.5", "", "2023"),
            ("2", "快报", "2024"),
            ("3", "", "2025"),
        ] {
            writeln!(
                text,
                "2025-06-01T10:00:00+08:00,用户{who},9.{k},actual,{v},,{note},{p}\r"
            )
            .unwrap();
        }
        if k % 10 == 0 {
            writeln!(
                text,
                "2025-06-01T10:00:00+08:00,用户{who},{k},status,in_progress,,用地未批,\r"
            )
            .unwrap();
        }
    }
    std::fs::write(path, text).unwrap();
}

/// The UI's `Progress` is read from the ledger's kept rows in one pass:
/// per id its key, its values by period (one exact allocation) and its
/// last row; a remark where there is one (issue 12: it used to look every
/// id up again and copy each row into a fresh `Entry`, about ten
/// allocations an indicator and 38 % of the start in malloc/free).
#[test]
fn progress_from_the_ledger_allocates_a_few_times_per_id() {
    use wudang_plan::ledger::Ledger;
    use wudang_plan::report::Progress;
    const N: usize = 3_000;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actuals.csv");
    write_ids(&path, N);
    let ledger = Ledger::open(&path).unwrap();
    let today = jiff::civil::date(2025, 6, 30);
    let (p, n) = allocs_of(|| Progress::from_ledger(&ledger, today));
    assert_eq!(p.series_of("9.7").len(), 3);
    assert_eq!(
        p.period_remark("9.7", wudang_plan::plan::Period::Year(2024))
            .map(|r| r.text),
        Some("快报".to_string())
    );
    assert!(p.remark_of("10").is_some());
    let ids = N + N / 10;
    // An indicator: its key, series, last row, its remark (text and user:
    // 2) and the reused entry's note (dropped by the period before without
    // one); a task its key and remark: 6 and 3.
    eprintln!("Progress::from_ledger: {n} allocations for {ids} ids");
    assert!(
        n <= 6 * N + 3 * (N / 10) + 512,
        "{n} allocations for {ids} ids"
    );
}

/// A ledger opened through its checkpoint puts each id back with a few
/// allocations (its key, its periods, its status row), none per entry
/// (issue 12: an `Entry` and its strings per entry, the file read whole).
#[test]
fn a_checkpoint_is_restored_with_a_few_allocations_per_id() {
    use wudang_plan::ledger::{Ledger, NoProgress, checkpoint_path};
    const N: usize = 3_000;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actuals.csv");
    write_ids(&path, N);
    Ledger::open_with_checkpoint(&path, &mut NoProgress).unwrap();
    assert!(checkpoint_path(&path).exists());
    let (l, n) = allocs_of(|| Ledger::open_with_checkpoint(&path, &mut NoProgress).unwrap());
    assert!(!l.has_positions(), "read from the checkpoint");
    assert_eq!(l.periods("9.7").len(), 3);
    let ids = N + N / 10;
    eprintln!("restore: {n} allocations for {ids} ids");
    assert!(n <= 3 * ids + 256, "{n} allocations for {ids} ids");
}

/// The full-screen UI's ledger side — the ledger its session records to
/// and the `Progress` its screen shows — holds each (id, period) once
/// (issue 12, fourth round: the session's ledger index kept a 64-byte
/// slot and its texts per period beside `Progress`'s point, about 190
/// bytes a period; at province size 130 MB for 613,285 periods). A ledger
/// of 2,000 indicators with 6 periods each, every period written twice,
/// a third with a remark, a note on every fourth, read through its
/// checkpoint as the UI reads it; the bytes held counted by the thread's
/// allocator.
#[test]
fn the_uis_ledger_side_holds_each_period_once() {
    use wudang_plan::ledger::{Ledger, NoProgress};
    use wudang_plan::report::Progress;
    const N: usize = 2_000;
    const PERIODS: [&str; 6] = ["2020", "2021", "2022", "2023Q4", "2024-06", "2025"];
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actuals.csv");
    let mut text = String::from("\u{feff}time,user,id,field,value,old,note,period\r\n");
    for round in 0..2 {
        for k in 0..N {
            let who = k % 12;
            for (j, p) in PERIODS.iter().enumerate() {
                let note = if (k + j) % 3 == 0 {
                    "按快报数更正"
                } else {
                    ""
                };
                let row = format!("9.{k},actual,{k}.{round}{j},,{note},{p}");
                writeln!(text, "2025-06-01T10:00:00+08:00,用户{who},{row}\r").unwrap();
            }
            if round == 1 && k % 4 == 0 {
                let row = format!("9.{k},note,第{k}项指标的数据来源待核实,,,");
                writeln!(text, "2025-06-01T10:00:00+08:00,用户{who},{row}\r").unwrap();
            }
        }
    }
    std::fs::write(&path, text).unwrap();
    // The first read writes the checkpoint the UI then reads.
    drop(Ledger::open_with_checkpoint(&path, &mut NoProgress).unwrap());
    let today = jiff::civil::date(2025, 6, 30);
    let start = HELD.with(|h| h.get().0);
    let (ledger, p) = Progress::read_lean(&path, today, &mut NoProgress).unwrap();
    let held = HELD.with(|h| h.get().0) - start;
    // Nothing lost: values by period, the last row, remarks, notes.
    assert_eq!(p.series_of("9.7").len(), 6);
    assert_eq!(p.last_of("9.7").map(|l| l.value), Some(Some("7.15".into())));
    assert!(
        p.period_remark("9.7", wudang_plan::plan::Period::Year(2022))
            .is_some()
    );
    assert!(p.standing_note("9.8").is_some());
    assert_eq!(ledger.len(), 2 * N * PERIODS.len() + N / 4);
    let per = held / (N * PERIODS.len()) as isize;
    eprintln!("the UI's ledger and progress: {per} bytes a period");
    assert!(per <= 130, "{per} bytes an (id, period)");
}

/// Where every indicator stands, as the UI keeps it (`Standing`: worked
/// out on the thread that read the ledger and handed to the UI's state),
/// costs a few bytes an indicator, and no more than that even while it is
/// worked out (issue 12, last cut: it kept every indicator's full `Pace`,
/// about 100 bytes each, 10 MB at 100,000 indicators; only the selected
/// one's is drawn). A plan of 3,000 indicators with two periods each; the
/// bytes held by this thread counted.
#[test]
fn the_uis_standing_holds_a_few_bytes_per_indicator() {
    use wudang_plan::ledger::Ledger;
    use wudang_plan::report::Progress;
    use wudang_plan::ui::model::standing::Standing;
    const N: usize = 3_000;
    let dir = tempfile::tempdir().unwrap();
    let w = |f: &str, t: &str| std::fs::write(dir.path().join(f), t).unwrap();
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
    let mut ledger = String::from("\u{feff}time,user,id,field,value,old,note,period\r\n");
    for k in 1..=N {
        writeln!(
            t,
            "1.{k},1,T1,生态环境建设项目{k},个,>=,{k}.5,,higher,2025,生态环境建设项目达到{k}.5个以上"
        )
        .unwrap();
        for (v, p) in [("1.5", "2023"), ("2", "2024")] {
            writeln!(
                ledger,
                "2025-06-01T10:00:00+08:00,u,1.{k},actual,{v},,,{p}\r"
            )
            .unwrap();
        }
    }
    w("indicators.csv", &t);
    let path = dir.path().join("actuals.csv");
    std::fs::write(&path, ledger).unwrap();
    let plan = wudang_plan::plan::load_dir(dir.path()).unwrap();
    let progress = Progress::from_ledger(
        &Ledger::open(&path).unwrap(),
        jiff::civil::date(2025, 6, 30),
    );
    let mut standing = None;
    let start = HELD.with(|h| h.get().0);
    let peak = peak_of(|| standing = Some(Standing::of(&plan, &progress)));
    let held = HELD.with(|h| h.get().0) - start;
    let standing = standing.unwrap();
    assert_eq!(standing.marks.len(), N);
    assert_eq!(standing.statuses.len(), N);
    let (per, peak_per) = (held / N as isize, peak / N as isize);
    eprintln!("Standing: {per} bytes an indicator held, {peak_per} at the peak");
    // A status and a mark (a byte each), the overview's few rows.
    assert!(per <= 4, "{per} bytes an indicator held");
    assert!(peak_per <= 8, "{peak_per} bytes an indicator at the peak");
}

/// Each further (id, period) the UI's `Progress` keeps costs its point,
/// 32 bytes, and nothing else (issue 12, last cut: 36 bytes, its ledger
/// line in 64 bits; 613,285 of them at province size). 2,000 indicators
/// with 6 periods, then with 12; the heap held by this thread counted.
#[test]
fn a_period_more_costs_the_progress_32_bytes() {
    use wudang_plan::ledger::Ledger;
    use wudang_plan::report::Progress;
    const N: usize = 2_000;
    const PERIODS: [&str; 12] = [
        "2020", "2021", "2022", "2023", "2024", "2025", "2024-01", "2024-02", "2024-03", "2024-04",
        "2024-05", "2024-06",
    ];
    let dir = tempfile::tempdir().unwrap();
    let held_for = |periods: &[&str]| {
        let path = dir.path().join(format!("p{}.csv", periods.len()));
        let mut text = String::from("\u{feff}time,user,id,field,value,old,note,period\r\n");
        for k in 0..N {
            for p in periods {
                let row = format!("9.{k},actual,{k}.5,,,{p}");
                writeln!(text, "2025-06-01T10:00:00+08:00,用户{},{row}\r", k % 12).unwrap();
            }
        }
        std::fs::write(&path, text).unwrap();
        let ledger = Ledger::open(&path).unwrap();
        let start = HELD.with(|h| h.get().0);
        let p = Progress::from_ledger(&ledger, jiff::civil::date(2025, 6, 30));
        let held = HELD.with(|h| h.get().0) - start;
        assert_eq!(p.series_of("9.7").len(), periods.len());
        held
    };
    let (six, twelve) = (held_for(&PERIODS[..6]), held_for(&PERIODS));
    let per = (twelve - six) as f64 / (N * 6) as f64;
    eprintln!("Progress: {per:.1} bytes a period more");
    assert!(per <= 32.0, "{per:.1} bytes a period more");
}

/// Allocations of one command run in this thread on `data` (its output
/// kept, stderr empty).
fn command_allocs(data: &Path, args: &[&str]) -> (usize, String) {
    let mut argv = vec!["wudang-plan", "--data", data.to_str().unwrap()];
    argv.extend(["--user", "u", "--today", "2025-06-30", "--lang", "en"]);
    argv.extend(args);
    let cli = Cli::try_parse_from(argv).unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let ((), n) = allocs_of(|| cli::run_with(&cli, &mut out, &mut err).unwrap());
    assert!(err.is_empty(), "{}", String::from_utf8_lossy(&err));
    (n, String::from_utf8(out).unwrap())
}

/// A command's output without where its rows are (file and line).
fn unplaced(out: &str) -> Vec<&str> {
    out.lines()
        .map(|l| l.split(" (/").next().unwrap())
        .map(|l| l.split(" (line").next().unwrap())
        .collect()
}

/// A command on one id (`set`, `status`, `note`, `undo`) keeps only that
/// id's state from the checkpoint: it allocates as often with ten times
/// the ids (issue 12: it restored every id, three allocations each, to
/// decide on one; at province size 613,285 periods, most of `set`'s
/// time). Ledgers of 2,000 and 20,000 indicators read through their
/// checkpoints; each command runs on both.
#[test]
fn a_command_on_one_id_allocates_the_same_on_ten_times_the_ids() {
    use wudang_plan::ledger::{Ledger, NoProgress, checkpoint_path};
    let dir = tempfile::tempdir().unwrap();
    let (small, big) = (dir.path().join("small.csv"), dir.path().join("big.csv"));
    write_ids(&small, 2_000);
    write_ids(&big, 20_000);
    for p in [&small, &big] {
        drop(Ledger::open_with_checkpoint(p, &mut NoProgress).unwrap());
        assert!(checkpoint_path(p).exists());
    }
    let commands: [&[&str]; 5] = [
        &["set", "8.1", "500", "--period", "2025"],
        &["set", "8.1", "500", "--period", "2025"],
        &["status", "8", "in_progress", "--note", "用地未批"],
        &["note", "8.1", "按快报数"],
        &["undo", "8.1", "--field", "note"],
    ];
    for args in commands {
        let (s, s_out) = command_allocs(&small, args);
        let (b, b_out) = command_allocs(&big, args);
        assert_eq!(unplaced(&s_out), unplaced(&b_out), "{args:?}");
        eprintln!("{args:?}: {s} allocations on 2,000 ids, {b} on 20,000");
        // Every id restored: three allocations an id, 54,000 more.
        assert!(b < s + 1_000, "{args:?}: {s} allocations, then {b}");
    }
}
