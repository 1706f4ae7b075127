//! A process appending in a loop, killed with SIGKILL 50 times at
//! pseudo-random points: the file always loads and every acknowledged edit
//! is in it.
//!
//! The child is this test binary run again with `LEDGER_CRASH_CHILD` set:
//! it appends through the library and prints `ack N` only after `append`
//! returned.

use crate::common;

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use wudang_plan::ledger::{Edit, Expect, Field, Ledger, Stamp};

const ROUNDS: u64 = 50;

/// The child's test name, in the ledger test binary.
const CHILD: &str = "crash::child_appender";

/// The child: appends `8.1 = start, start+1, …` until killed.
#[test]
#[ignore = "run by killed_fifty_times_every_ack_survives as a child process"]
fn child_appender() {
    let Ok(path) = std::env::var("LEDGER_CRASH_CHILD") else {
        return;
    };
    let start: u64 = std::env::var("LEDGER_CRASH_START")
        .unwrap()
        .parse()
        .unwrap();
    let mut l = Ledger::open(path.as_ref()).unwrap();
    let out = std::io::stdout();
    for i in start.. {
        l.append(Edit {
            id: "8.1".into(),
            field: Field::Actual,
            value: Some(i.to_string()),
            note: Some(format!("第 {i} 次")),
            user: "child".into(),
            time: Stamp::now(),
            expect: Expect::Any,
            period: None,
        })
        .unwrap();
        let mut o = out.lock();
        writeln!(o, "ack {i}").unwrap();
        o.flush().unwrap();
    }
}

/// A small deterministic generator (xorshift): "random" kill points that
/// are the same on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn killed_fifty_times_every_ack_survives() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::ledger_in(&dir);
    let exe = std::env::current_exe().unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut acked = HashSet::new();
    let began = Instant::now();
    for round in 0..ROUNDS {
        let mut child = Command::new(&exe)
            .args(["--exact", CHILD, "--ignored", "--nocapture"])
            .args(["--test-threads", "1"])
            .env("LEDGER_CRASH_CHILD", &path)
            .env("LEDGER_CRASH_START", (round * 1_000_000).to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(n) = line.strip_prefix("ack ") {
                    let _ = tx.send(n.parse::<u64>().unwrap());
                }
            }
        });
        // Kill at a pseudo-random point: before the first append has
        // finished, or after a few.
        let wait_for_first = rng.below(4) != 0;
        if wait_for_first {
            let first = rx.recv_timeout(Duration::from_secs(20));
            assert!(
                first.is_ok(),
                "round {round}: the child acknowledged nothing"
            );
            acked.insert(first.unwrap());
        }
        thread::sleep(Duration::from_micros(rng.below(30_000)));
        child.kill().unwrap();
        child.wait().unwrap();
        reader.join().unwrap();
        acked.extend(rx.try_iter());

        // The file always loads, and holds every acknowledged edit.
        let l = Ledger::open(&path).unwrap_or_else(|e| panic!("round {round}: {e}"));
        let values: HashSet<u64> = l
            .history(Some("8.1"))
            .map(|e| e.unwrap().value.unwrap().parse().unwrap())
            .collect();
        let lost: Vec<_> = acked.difference(&values).collect();
        assert!(
            lost.is_empty(),
            "round {round}: acknowledged but missing: {lost:?}"
        );
    }
    assert!(
        acked.len() as u64 >= ROUNDS / 2,
        "too few acks: {}",
        acked.len()
    );
    assert!(
        began.elapsed() < Duration::from_secs(60),
        "took {:?}",
        began.elapsed()
    );
}
