//! Issue 12's benchmarks at two sizes (docs/performance.md):
//!
//! - `embedded`: the embedded plan (28 tasks, 95 indicators) with a
//!   10,000-row ledger of its ids;
//! - `large`: a generated plan of 10,000 tasks, 100,000 indicators and 200
//!   leaders with a 1,000,000-row ledger.
//!
//! ```text
//! cargo bench --bench scale                 # both sizes
//! cargo bench --bench scale -- embedded     # one size (a divan filter)
//! ```
//!
//! The data comes from the generator of `cargo run --example genplan`
//! (deterministic), written once into `target/tmp/bench-data/{embedded,large}`
//! (or `$WUDANG_BENCH_DIR/...`) and reused by later runs; the large size
//! takes some 10 s to write and about 200 MB of disk.
//!
//! Each size has the same benches, through the library's public API and
//! the UI's pure `update` and `draw`: plan load, ledger load (cold: the
//! whole file parsed, no checkpoint), one `set` (the command, in process:
//! plan, ledger, append), the leader filter `zkc`, one search letter (and
//! its frame), one frame at 200×60 into ratatui's `TestBackend`.
//! `ledger_load_checkpoint` opens the same ledger through its checkpoint
//! (`actuals.csv.ckpt`, written by `prepare` from a full read): the
//! checkpoint decoded, the ledger's head and the bytes before the offset
//! checked, nothing after it to read.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[allow(dead_code)]
#[path = "../examples/genplan/mod.rs"]
mod genplan;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU64, Ordering};

use clap::Parser;
use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use wudang_plan::cli::{self, Cli};
use wudang_plan::ledger::{Ledger, NoProgress};
use wudang_plan::plan::filter::Filter;
use wudang_plan::plan::names::{self, Resolved};
use wudang_plan::plan::{self, Plan};
use wudang_plan::ui::{Action, AppState, Config, Lang, Progress, Theme, draw, update};

fn main() {
    divan::main();
}

/// The day every bench runs on (the generated ledgers end on 2025-12-30).
const TODAY: &str = "2025-06-30";

/// One size's data, written once and loaded once.
struct Data {
    /// `Some(dir)` for a generated plan, `None` for the embedded one.
    plan_dir: Option<PathBuf>,
    ledger: PathBuf,
    /// A copy of the ledger that `set` appends to.
    set_ledger: PathBuf,
    /// An indicator `set` records, and a first value.
    set_id: &'static str,
    set_from: u64,
    /// The UI with the plan and the ledger's progress, 200×60.
    state: AppState,
}

impl Data {
    fn load_plan(&self) -> Plan {
        match &self.plan_dir {
            Some(dir) => plan::load_dir(dir).unwrap(),
            None => plan::load_embedded().unwrap(),
        }
    }
}

fn data_dir(name: &str) -> PathBuf {
    let root = std::env::var_os("WUDANG_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-data"));
    root.join(name)
}

/// Runs `write` into `dir` unless a finished copy is there (the marker is
/// written last).
fn once(dir: &Path, write: impl FnOnce(&Path)) {
    let done = dir.join("written");
    if done.exists() {
        return;
    }
    std::fs::create_dir_all(dir).unwrap();
    eprintln!("writing bench data into {} …", dir.display());
    write(dir);
    std::fs::write(done, "").unwrap();
}

/// The embedded plan as the generator sees it (its indicators and tasks).
fn embedded_written() -> genplan::seeds::Written {
    genplan::seeds::Written::of(&plan::load_embedded().unwrap())
}

fn prepare(dir: PathBuf, plan_dir: Option<PathBuf>, set_id: &'static str, set_from: u64) -> Data {
    let ledger = dir.join("actuals.csv");
    let set_ledger = dir.join("set.csv");
    std::fs::copy(&ledger, &set_ledger).unwrap();
    let plan = match &plan_dir {
        Some(dir) => plan::load_dir(dir).unwrap(),
        None => plan::load_embedded().unwrap(),
    };
    let l = Ledger::open(&ledger).unwrap();
    // The checkpoint `ledger_load_checkpoint` opens through (rewritten on
    // every run: a ledger regenerated in place gets a fresh one).
    l.save_checkpoint().unwrap();
    let progress = Progress::from_ledger(&l, TODAY.parse().unwrap());
    drop(l);
    let theme = Theme {
        color: true,
        ascii: false,
    };
    let mut d = Data {
        plan_dir,
        ledger,
        set_ledger,
        set_id,
        set_from,
        state: AppState::new(plan, progress, Config::new(Lang::Zh, theme)),
    };
    update(&mut d.state, Action::Resize(200, 60));
    d
}

static EMBEDDED: LazyLock<Data> = LazyLock::new(|| {
    let dir = data_dir("embedded");
    once(&dir, |dir| {
        genplan::ledger::write_ledger(&dir.join("actuals.csv"), &embedded_written(), 10_000, 1)
            .unwrap();
    });
    prepare(dir, None, "8.1", 512)
});

static LARGE: LazyLock<Data> = LazyLock::new(|| {
    let dir = data_dir("large");
    let sizes = genplan::Sizes {
        tasks: 10_000,
        indicators: 100_000,
        leaders: 200,
        rows: 1_000_000,
    };
    once(&dir, |dir| {
        genplan::generate(dir, sizes, 1).unwrap();
    });
    // 0.2 is a `%` indicator of the generated plans.
    prepare(dir.clone(), Some(dir.join("plan")), "0.2", 70)
});

/// The ledger opened through its checkpoint; panics when the checkpoint
/// was not used (every row's position known means a full read).
fn ledger_load_checkpoint(d: &Data) -> Ledger {
    let l = Ledger::open_with_checkpoint(&d.ledger, &mut NoProgress).unwrap();
    assert!(!l.has_positions(), "the checkpoint was not used");
    l
}

/// Output thrown away.
struct Sink;

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// `wudang-plan set ID V --period 2025` in process, a new value each time
/// (so that every call appends a row).
fn set_one(d: &Data) {
    static N: AtomicU64 = AtomicU64::new(0);
    let v = (d.set_from + N.fetch_add(1, Ordering::Relaxed) % 50).to_string();
    let data = d.set_ledger.to_str().unwrap();
    let mut argv = vec!["wudang-plan", "--data", data, "--user", "bench"];
    argv.extend(["--today", TODAY]);
    if let Some(p) = &d.plan_dir {
        argv.extend(["--plan", p.to_str().unwrap()]);
    }
    argv.extend(["set", d.set_id, &v, "--period", "2025"]);
    let cli = Cli::try_parse_from(argv).unwrap();
    cli::run_with(&cli, &mut Sink, &mut Sink).unwrap();
}

/// The indicators of the leader `zkc` (朱快春), the name resolved as
/// `--leader zkc` resolves it.
fn leader_filter(plan: &Plan) -> usize {
    let Resolved::One(leader) = names::resolve("zkc", &plan.leaders()) else {
        panic!("zkc names no single leader");
    };
    let f = Filter {
        leader: Some(leader),
        ..Filter::default()
    };
    f.indicators(plan).len()
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(200, 60)).unwrap()
}

/// From the search prompt, one letter: the refilter and its frame.
fn search_letter(b: Bencher, d: &Data) {
    let mut term = terminal();
    let mut start = d.state.clone();
    update(&mut start, Action::StartSearch);
    b.with_inputs(|| start.clone()).bench_local_values(|mut s| {
        update(&mut s, Action::Input('z'));
        term.draw(|f| draw(f, &s)).unwrap();
        s
    });
}

/// One full frame (a fresh terminal each time: every cell is written).
fn frame(b: Bencher, d: &Data) {
    b.with_inputs(terminal).bench_local_values(|mut term| {
        term.draw(|f| draw(f, &d.state)).unwrap();
        term
    });
}

mod embedded {
    use super::*;

    fn d() -> &'static Data {
        &EMBEDDED
    }

    #[divan::bench]
    fn plan_load(b: Bencher) {
        let d = d();
        b.bench(|| d.load_plan());
    }

    #[divan::bench(sample_count = 30)]
    fn ledger_load_cold(b: Bencher) {
        let d = d();
        b.bench(|| Ledger::open(&d.ledger).unwrap());
    }

    #[divan::bench]
    fn ledger_load_checkpoint(b: Bencher) {
        let d = d();
        b.bench(|| super::ledger_load_checkpoint(d));
    }

    #[divan::bench(sample_count = 30)]
    fn set(b: Bencher) {
        let d = d();
        b.bench(|| set_one(d));
    }

    #[divan::bench]
    fn leader_filter_zkc(b: Bencher) {
        let plan = &d().state.plan;
        b.bench(|| leader_filter(plan));
    }

    #[divan::bench]
    fn search_letter(b: Bencher) {
        super::search_letter(b, d());
    }

    #[divan::bench]
    fn frame_200x60(b: Bencher) {
        super::frame(b, d());
    }
}

mod large {
    use super::*;

    fn d() -> &'static Data {
        &LARGE
    }

    #[divan::bench(sample_count = 5, sample_size = 1)]
    fn plan_load(b: Bencher) {
        let d = d();
        b.bench(|| d.load_plan());
    }

    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn ledger_load_cold(b: Bencher) {
        let d = d();
        b.bench(|| Ledger::open(&d.ledger).unwrap());
    }

    #[divan::bench(sample_count = 5, sample_size = 1)]
    fn ledger_load_checkpoint(b: Bencher) {
        let d = d();
        b.bench(|| super::ledger_load_checkpoint(d));
    }

    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn set(b: Bencher) {
        let d = d();
        b.bench(|| set_one(d));
    }

    #[divan::bench(sample_count = 20, sample_size = 1)]
    fn leader_filter_zkc(b: Bencher) {
        let plan = &d().state.plan;
        b.bench(|| leader_filter(plan));
    }

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn search_letter(b: Bencher) {
        super::search_letter(b, d());
    }

    #[divan::bench(sample_count = 20, sample_size = 1)]
    fn frame_200x60(b: Bencher) {
        super::frame(b, d());
    }
}
