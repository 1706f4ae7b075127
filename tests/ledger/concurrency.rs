//! Many processes appending to one ledger at once.

use std::collections::HashSet;
use std::fs;
use std::thread;

use crate::common::{bin, ledger_in, run};
use wudang_plan::ledger::{Field, Ledger};

const PROCESSES: usize = 8;
const SETS: usize = 100;

/// 8 processes × 100 `set` of the same indicator at once: 800 rows, every
/// line whole, and — because each append reads what came before under the
/// lock — every row's `old` is the value of the row before it.
#[test]
fn eight_processes_times_a_hundred_sets() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let workers: Vec<_> = (0..PROCESSES)
        .map(|p| {
            let data = data.clone();
            thread::spawn(move || {
                for i in 0..SETS {
                    let value = (p * 1000 + i).to_string();
                    let r = run(bin().arg("--data").arg(&data).args([
                        "--today",
                        "2025-06-01",
                        "--user",
                        &format!("p{p}"),
                        "set",
                        "8.1",
                        &value,
                    ]));
                    assert_eq!(r.code, 0, "p{p} #{i}: {}", r.stderr);
                    assert!(
                        r.stdout.contains(&format!(" → {value} 亿元\n")),
                        "{}",
                        r.stdout
                    );
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }

    let bytes = fs::read(&data).unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    assert!(text.starts_with("\u{FEFF}time,user,id,field,value,old,note,period\r\n"));
    assert!(text.ends_with("\r\n"));
    let lines: Vec<&str> = text[3..].split_terminator("\r\n").collect();
    assert_eq!(lines.len(), 1 + PROCESSES * SETS);
    let mut seen = HashSet::new();
    let mut previous = String::new();
    for (n, line) in lines[1..].iter().enumerate() {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells.len(), 8, "line {}: {line}", n + 2);
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "line {}: {line:?}",
            n + 2
        );
        let (user, value, old) = (cells[1], cells[4], cells[5]);
        let v: usize = value.parse().unwrap();
        assert_eq!(user, format!("p{}", v / 1000), "line {}: {line}", n + 2);
        assert_eq!((cells[2], cells[3], cells[6]), ("8.1", "actual", ""));
        assert_eq!(old, previous, "line {}: old is the value before", n + 2);
        assert!(seen.insert(v), "line {}: {v} twice", n + 2);
        previous = value.to_string();
    }
    assert_eq!(seen.len(), PROCESSES * SETS);
    let l = Ledger::open(&data).unwrap();
    assert!(l.warnings().is_empty());
    assert_eq!(l.len(), PROCESSES * SETS);
    assert_eq!(l.value("8.1", Field::Actual), Some(previous.as_str()));
    assert_eq!(l.history(Some("8.1")).count(), PROCESSES * SETS);
}
