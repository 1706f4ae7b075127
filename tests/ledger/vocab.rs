//! One vocabulary: every word the UI shows (Chinese or English) for a task
//! state, an indicator status, a milestone or a ledger field is accepted
//! by the command line's input; the ledger and the output keep the machine
//! words.

use crate::common::{ledger_in, run, wp, wp_on, wp_zh};
use wudang_plan::vocab::{Field, Lang, Milestone, Status, TaskState, Term};

/// The last row of the ledger at `data`.
fn last_row(data: &std::path::Path) -> String {
    let text = std::fs::read_to_string(data).unwrap();
    text.lines().last().unwrap().to_string()
}

#[test]
fn status_takes_every_word_the_ui_shows_and_stores_the_machine_word() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    for &t in TaskState::all() {
        let mut words: Vec<String> = t.words().accepted().map(String::from).collect();
        words.push(t.word(Lang::En).to_uppercase());
        // Another state first each time: the same state again records
        // nothing (an unchanged value is not a change).
        let other = if t.as_str() == "delayed" {
            "done"
        } else {
            "delayed"
        };
        for w in &words {
            let r = run(wp(&data, "u").args(["status", "8", other]));
            assert_eq!(r.code, 0, "status 8 {other}: {}", r.stderr);
            let r = run(wp(&data, "u").args(["status", "8", w]));
            assert_eq!(r.code, 0, "status 8 {w:?}: {}", r.stderr);
            assert!(
                r.stdout.contains(&format!("→ {}\n", t.as_str())),
                "{w}: {}",
                r.stdout
            );
            assert!(
                last_row(&data).contains(&format!(",8,status,{},", t.as_str())),
                "{w}: {}",
                last_row(&data)
            );
        }
    }
    // --expect in the UI's words too; the last state recorded was done
    let r = run(wp(&data, "u").args(["status", "8", "已延误", "--expect", "已完成"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run(wp(&data, "u").args(["status", "8", "推进中", "--expect", "in progress"]));
    assert_eq!(r.code, 3, "{}", r.stderr);
    let r = run(wp(&data, "u").args(["status", "8", "推进中", "--expect", "Delayed"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    // a word of another kind is refused, naming the words accepted
    let r = run(wp(&data, "u").args(["status", "8", "达标"]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains(
            "expected one of not_started, in_progress, delayed, done (未开始、推进中、已延误、已完成)"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn the_status_filters_take_every_word_the_ui_shows() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    assert_eq!(run(wp(&data, "u").args(["status", "8", "delayed"])).code, 0);
    assert_eq!(run(wp(&data, "u").args(["set", "8.1", "512"])).code, 0);
    for lang in Lang::ALL {
        let w = TaskState::Delayed.word(lang);
        let r = run(wp(&data, "u").args(["tasks", "--status", w, "--format", "csv"]));
        assert_eq!(r.code, 0, "{w}: {}", r.stderr);
        assert_eq!(r.stdout.lines().count(), 2, "{w}: {}", r.stdout);
        assert!(r.stdout.contains(",delayed,"), "{}", r.stdout);
        for &s in Status::all() {
            let w = s.word(lang);
            let r = run(wp_on(&data, "u", "2025-06-01").args(["indicators", "--status", w]));
            assert_eq!(r.code, 0, "--status {w:?}: {}", r.stderr);
        }
    }
    // 8.1 is met; a list mixes languages, commas and the UI's spaced words
    let r = run(wp(&data, "u").args([
        "indicators",
        "--status",
        "达标，stretch met、in progress",
        "--task",
        "8",
        "--format",
        "csv",
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 2, "{}", r.stdout);
    assert!(r.stdout.contains(",met,"), "{}", r.stdout);
    let r = run(wp(&data, "u").args(["indicators", "--status", "met no_data", "--task", "8"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 6, "{}", r.stdout);
    let r = run(wp(&data, "u").args(["indicators", "--status", "已延误"]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("(达标、超额达标、推进中、未达、无数据)"),
        "{}",
        r.stderr
    );
}

#[test]
fn milestones_and_fields_take_every_word_the_ui_shows() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    for &m in Milestone::all() {
        for w in m.words().accepted() {
            let r = run(wp(&data, "u").args(["set", "3.1", w]));
            assert_eq!(r.code, 0, "set 3.1 {w:?}: {}", r.stderr);
            assert!(
                last_row(&data).contains(&format!(",3.1,actual,{},", m.as_str())),
                "{w}"
            );
        }
    }
    let r = run(wp(&data, "u").args(["set", "3.1", "已完成", "--expect", "未完成"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    for &f in Field::all() {
        for w in f.words().accepted() {
            let r = run(wp(&data, "u").args(["undo", "3.1", "--field", w]));
            // 3.1 has actuals only: the other fields have nothing to undo
            if f == Field::Actual {
                assert_eq!(r.code, 0, "undo --field {w:?}: {}", r.stderr);
            } else {
                let says = format!("nothing to undo; no {} recorded", f.as_str());
                assert!(r.stderr.contains(&says), "undo --field {w:?}: {}", r.stderr);
            }
        }
    }
    // a parse error speaks the command line's language: Chinese by default
    let r = run(wp_zh(&data, "u", "2025-06-01").args(["undo", "3.1", "--field", "value"]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("应为 实际值、任务状态、备注（或 actual、status、note）"),
        "{}",
        r.stderr
    );
    let r = run(wp(&data, "u").args(["--lang", "en", "undo", "3.1", "--field", "value"]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("expected one of actual, status, note"),
        "{}",
        r.stderr
    );
}
