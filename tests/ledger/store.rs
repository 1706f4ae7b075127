//! The ledger library: round trips, encodings, torn lines, malformed rows,
//! conflicts, refresh, history, undo and conversion.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::common::{files, ledger_in, ledger_text};
use wudang_plan::ledger::{
    self, Appended, Converted, Edit, Encoding, Entry, Expect, Field, Ledger, LedgerError, Stamp,
    Warning,
};

fn at(s: &str) -> Stamp {
    Stamp::parse(s).unwrap()
}

fn t(n: u32) -> Stamp {
    at(&format!(
        "2025-06-01T10:{:02}:{:02}+08:00",
        n / 60 % 60,
        n % 60
    ))
}

fn edit(id: &str, field: Field, value: Option<&str>, user: &str, n: u32) -> Edit {
    Edit {
        id: id.into(),
        field,
        value: value.map(str::to_string),
        note: None,
        user: user.into(),
        time: t(n),
        expect: Expect::Any,
        period: None,
    }
}

fn set(l: &mut Ledger, id: &str, v: &str, user: &str, n: u32) -> Entry {
    rec(l.append(edit(id, Field::Actual, Some(v), user, n)))
}

/// Undo without an expectation (`wudang-plan undo` without `--expect`).
fn undo(
    l: &mut Ledger,
    id: &str,
    field: Option<Field>,
    user: &str,
    time: Stamp,
    note: Option<String>,
) -> Result<ledger::Undone, LedgerError> {
    l.undo(id, field, &Expect::Any, user, time, note)
}

/// The row an append wrote (it must have written one).
fn rec(r: Result<Appended, LedgerError>) -> Entry {
    match r.unwrap() {
        Appended::Recorded(e) => e,
        Appended::Unchanged(cur) => panic!("nothing recorded; current {cur:?}"),
    }
}

fn history(l: &Ledger, id: Option<&str>) -> Vec<Entry> {
    l.history(id).collect::<Result<Vec<_>, _>>().unwrap()
}

const ROW1: &str = "2025-06-01T10:00:00+08:00,李明,8.1,actual,512,,二季度报表";
const ROW2: &str = "2025-06-02T09:30:00+08:00,王芳,8.1,actual,600.50,512,\"核实后, 更正\"";
const ROW3: &str = "2025-06-02T09:31:00+08:00,王芳,8,status,in_progress,,";

fn check_fixture_rows(l: &Ledger) {
    assert_eq!(l.len(), 3);
    assert_eq!(l.value("8.1", Field::Actual), Some("600.50"));
    assert_eq!(l.task_state("8"), Some(ledger::TaskState::InProgress));
    let h = history(l, Some("8.1"));
    assert_eq!(h.len(), 2);
    assert_eq!(h[0].user, "王芳");
    assert_eq!(h[0].note.as_deref(), Some("核实后, 更正"));
    assert_eq!(h[0].old.as_deref(), Some("512"));
    assert_eq!(h[0].line, 3);
    assert_eq!(h[1].note.as_deref(), Some("二季度报表"));
    assert_eq!(h[1].line, 2);
}

#[test]
fn round_trip_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger_in(&dir);
    let mut l = Ledger::open(&path).unwrap();
    assert!(!l.exists());
    let mut e = edit("8.1", Field::Actual, Some("512.50"), "李明", 1);
    e.note = Some("据报表, \"初步\" =SUM(A1)".into());
    let a = rec(l.append(e));
    let b = set(&mut l, "8.1", "-3", "=cmd", 2);
    let c = rec(l.append(edit("8", Field::Status, Some("delayed"), "王芳", 3)));
    let d = rec(l.append(edit("8", Field::Note, Some("+待核实 '引号'"), "王芳", 4)));
    let m = set(&mut l, "3.1", "done", "@x", 5);
    assert_eq!((a.line, b.line, c.line, d.line, m.line), (2, 3, 4, 5, 6));
    assert_eq!(b.old.as_deref(), Some("512.50"));

    let r = Ledger::open(&path).unwrap();
    assert!(r.warnings().is_empty());
    assert_eq!(history(&r, None), vec![m.clone(), d, c, b.clone(), a]);
    assert_eq!(r.actual("8.1"), b.actual());
    assert_eq!(r.actual("3.1"), Some(ledger::Actual::Done(true)));
    assert_eq!(r.note("8"), Some("+待核实 '引号'"));
    assert_eq!(r.latest("8.1"), Some(b));
    assert_eq!(history(&r, Some("3.1")), vec![m]);
}

#[test]
fn a_new_ledger_is_utf8_with_bom_and_crlf_and_its_directory_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a/b/actuals.csv");
    let mut l = Ledger::open(&path).unwrap();
    set(&mut l, "8.1", "512", "u", 1);
    let bytes = fs::read(&path).unwrap();
    let expected = "\u{FEFF}time,user,id,field,value,old,note,period\r\n\
                    2025-06-01T10:00:01+08:00,u,8.1,actual,512,,,2025\r\n";
    assert_eq!(String::from_utf8(bytes).unwrap(), expected);
    assert_eq!(
        files(path.parent().unwrap()),
        ["actuals.csv", "actuals.csv.lock"]
    );
}

#[test]
fn reads_bom_or_not_crlf_or_lf() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bom, eol) in [
        ("bom-crlf.csv", true, "\r\n"),
        ("bom-lf.csv", true, "\n"),
        ("nobom-crlf.csv", false, "\r\n"),
        ("nobom-lf.csv", false, "\n"),
    ] {
        let path = dir.path().join(name);
        let mut text = if bom {
            "\u{FEFF}".to_string()
        } else {
            String::new()
        };
        text.push_str(&ledger_text(&[ROW1, ROW2, ROW3], eol));
        fs::write(&path, &text).unwrap();
        let l = Ledger::open(&path).unwrap();
        assert_eq!(l.encoding(), Encoding::Utf8 { bom }, "{name}");
        check_fixture_rows(&l);
        // Appending keeps working; the new row is readable whatever the
        // line endings before it.
        let mut l = l;
        let e = set(&mut l, "8.2", "1", "u", 9);
        assert_eq!(e.line, 5, "{name}");
        let r = Ledger::open(&path).unwrap();
        assert_eq!(history(&r, None)[0], e, "{name}");
    }
}

#[test]
fn committed_fixtures_read_alike() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (name, enc) in [
        ("ledger-bom-crlf.csv", Encoding::Utf8 { bom: true }),
        ("ledger-nobom-lf.csv", Encoding::Utf8 { bom: false }),
        ("ledger-gb18030-crlf.csv", Encoding::Gb18030),
    ] {
        let l = Ledger::open(&dir.join(name)).unwrap();
        assert_eq!(l.encoding(), enc, "{name}");
        check_fixture_rows(&l);
    }
}

fn gb18030(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

#[test]
fn gb18030_is_read_refused_for_appending_and_converted() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger_in(&dir);
    let original = gb18030(&ledger_text(&[ROW1, ROW2, ROW3], "\r\n"));
    assert!(std::str::from_utf8(&original).is_err());
    fs::write(&path, &original).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();

    let mut l = Ledger::open(&path).unwrap();
    assert_eq!(l.encoding(), Encoding::Gb18030);
    check_fixture_rows(&l);
    let err = l
        .append(edit("8.1", Field::Actual, Some("1"), "u", 1))
        .unwrap_err();
    assert!(matches!(err, LedgerError::NeedsConversion { .. }));
    assert!(
        err.to_string().contains("wudang-plan ledger convert"),
        "{err}"
    );
    assert_eq!(fs::read(&path).unwrap(), original);

    let done = ledger::convert(&path, at("2025-06-03T08:00:00+08:00")).unwrap();
    let Converted::Done {
        from, rows, backup, ..
    } = done
    else {
        panic!("not converted: {done:?}")
    };
    assert_eq!((from, rows), (Encoding::Gb18030, 3));
    assert_eq!(backup, dir.path().join("actuals.csv.bak-20250603T080000"));
    assert_eq!(fs::read(&backup).unwrap(), original);
    let now = fs::read(&path).unwrap();
    assert!(now.starts_with(ledger::store::BOM));
    assert_eq!(
        std::str::from_utf8(&now[3..]).unwrap(),
        "time,user,id,field,value,old,note,period\r\n\
         2025-06-01T10:00:00+08:00,李明,8.1,actual,512,,二季度报表,2025\r\n\
         2025-06-02T09:30:00+08:00,王芳,8.1,actual,600.50,512,\"核实后, 更正\",2025\r\n\
         2025-06-02T09:31:00+08:00,王芳,8,status,in_progress,,,\r\n",
        "the period column added: the year of each actual's time stamp"
    );
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o640);
    assert_eq!(mode(&backup), 0o640);
    assert_eq!(
        files(dir.path()),
        [
            "actuals.csv",
            "actuals.csv.bak-20250603T080000",
            "actuals.csv.lock"
        ]
    );

    // The old handle notices the replaced file and appends to the new one.
    let e = rec(l.append(edit("8.1", Field::Actual, Some("700"), "u", 1)));
    assert_eq!((e.line, e.old.as_deref()), (5, Some("600.50")));
    let r = Ledger::open(&path).unwrap();
    assert_eq!(r.encoding(), Encoding::Utf8 { bom: true });
    assert_eq!(r.len(), 4);

    // Converting again does nothing.
    assert!(matches!(
        ledger::convert(&path, at("2025-06-03T08:00:00+08:00")).unwrap(),
        Converted::AlreadyUtf8
    ));
}

#[test]
fn bytes_neither_utf8_nor_gb18030_are_refused_with_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger_in(&dir);
    let mut bytes = ledger_text(&[ROW1], "\r\n").into_bytes();
    bytes.extend_from_slice(b"2025-06-01T10:00:00+08:00,\xff\xff,8.1,actual,1,,\r\n");
    fs::write(&path, &bytes).unwrap();
    let err = Ledger::open(&path).unwrap_err().to_string();
    assert!(
        err.contains("neither UTF-8 (invalid from line 3) nor GB18030"),
        "{err}"
    );
}

#[test]
fn malformed_rows_name_file_and_line_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger_in(&dir);
    let bad = "2025/6/1 10:15,李明,8.1,actual,512,,";
    let text = ledger_text(&[ROW1, bad, ROW3, "x,y"], "\r\n");
    fs::write(&path, &text).unwrap();
    let err = Ledger::open(&path).unwrap_err();
    let msg = err.to_string();
    let file = path.display().to_string();
    assert!(
        msg.contains(&format!("{file}:3: field `time`: found `2025/6/1 10:15`")),
        "{msg}"
    );
    assert!(
        msg.contains(&format!("{file}:5: found 2 fields, expected at least 7")),
        "{msg}"
    );
    assert!(msg.contains("left as it is"), "{msg}");
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_malformed_row_appended_by_someone_else_stops_the_append() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger_in(&dir);
    let mut l = Ledger::open(&path).unwrap();
    set(&mut l, "8.1", "1", "u", 1);
    let mut f = fs::OpenOptions::new().append(true).open(&path).unwrap();
    std::io::Write::write_all(&mut f, b"2025-06-01T10:00:00+08:00,v,8.1,actuel,2,,\r\n").unwrap();
    let before = fs::read(&path).unwrap();
    let err = l
        .append(edit("8.1", Field::Actual, Some("3"), "u", 2))
        .unwrap_err();
    assert!(
        err.to_string()
            .contains(":3: field `field`: found `actuel`, expected actual, status or note"),
        "{err}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn a_torn_last_line_is_ignored_then_moved_aside_never_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger_in(&dir);
    let mut l = Ledger::open(&path).unwrap();
    set(&mut l, "8.1", "512", "u", 1);
    let torn = "2025-06-01T10:00:02+08:00,v,8.1,actual,6".as_bytes();
    let mut f = fs::OpenOptions::new().append(true).open(&path).unwrap();
    std::io::Write::write_all(&mut f, torn).unwrap();
    let before = fs::read(&path).unwrap();

    let mut r = Ledger::open(&path).unwrap();
    assert_eq!(r.value("8.1", Field::Actual), Some("512"));
    assert_eq!(
        r.warnings(),
        [Warning::TornTail {
            path: path.clone(),
            line: 3,
            bytes: torn.len() as u64
        }]
    );
    assert!(
        r.warnings()[0]
            .to_string()
            .contains("actuals.csv:3: the last line")
    );
    assert_eq!(fs::read(&path).unwrap(), before, "reading changes nothing");

    let e = set(&mut r, "8.1", "700", "w", 3);
    assert_eq!(e.line, 3);
    assert!(matches!(
        &r.warnings()[0],
        Warning::MovedAside { line: 3, .. }
    ));
    let aside = fs::read(ledger::torn_path(&path)).unwrap();
    assert!(aside.windows(torn.len()).any(|w| w == torn));
    let again = Ledger::open(&path).unwrap();
    assert!(again.warnings().is_empty());
    assert_eq!(again.len(), 2);
    assert_eq!(again.value("8.1", Field::Actual), Some("700"));

    // The first handle, which never saw the torn line, catches up too.
    let e = set(&mut l, "8.1", "800", "u", 4);
    assert_eq!((e.line, e.old.as_deref()), (4, Some("700")));
}

#[test]
fn a_torn_header_is_moved_aside_and_the_ledger_starts_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger_in(&dir);
    fs::write(&path, b"\xEF\xBB\xBFtime,us").unwrap();
    let mut l = Ledger::open(&path).unwrap();
    assert!(l.is_empty());
    // The BOM stays; the 7 bytes after it were cut short.
    assert_eq!(l.torn_bytes(), 7);
    set(&mut l, "8.1", "1", "u", 1);
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("\u{FEFF}time,user,id,field,value,old,note,period\r\n2025"),
        "{text}"
    );
    assert!(
        fs::read_to_string(ledger::torn_path(&path))
            .unwrap()
            .contains("time,us")
    );
}

#[test]
fn an_empty_file_is_an_empty_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger_in(&dir);
    fs::write(&path, b"").unwrap();
    let mut l = Ledger::open(&path).unwrap();
    assert!(l.is_empty() && l.warnings().is_empty());
    let e = set(&mut l, "8.1", "1", "u", 1);
    assert_eq!(e.line, 2);
    assert!(fs::read(&path).unwrap().starts_with(b"\xEF\xBB\xBFtime,"));
}

#[test]
fn columns_by_name_extra_columns_and_blank_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger_in(&dir);
    let text = "note,value,field,id,user,time,extra\n\
                hi,5,actual,8.1,u,2025-06-01T10:00:00+08:00,x\n\
                ,,,,,,\n\
                \n\
                ,6,actual,8.1,v,2025-06-01T10:01:00+08:00,\n";
    fs::write(&path, text).unwrap();
    let l = Ledger::open(&path).unwrap();
    let h = history(&l, Some("8.1"));
    assert_eq!(h.len(), 2);
    assert_eq!((h[0].line, h[0].value.as_deref()), (5, Some("6")));
    assert_eq!((h[1].line, h[1].note.as_deref()), (2, Some("hi")));
}

#[test]
fn a_concurrent_change_is_a_conflict_and_nothing_is_appended() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger_in(&dir);
    let mut a = Ledger::open(&path).unwrap();
    set(&mut a, "8.1", "512", "李明", 1);
    // b opens and sees 512.
    let mut b = Ledger::open(&path).unwrap();
    let seen = b.value("8.1", Field::Actual).map(str::to_string);
    assert_eq!(seen.as_deref(), Some("512"));
    // a changes it.
    set(&mut a, "8.1", "600", "李明", 2);
    let before = fs::read(&path).unwrap();
    // b's edit, made on what it saw, is refused.
    let mut e = edit("8.1", Field::Actual, Some("530"), "王芳", 3);
    e.expect = Expect::Value(seen);
    let err = b.append(e.clone()).unwrap_err();
    let LedgerError::Conflict(c) = &err else {
        panic!("{err}")
    };
    assert_eq!(c.who.as_deref(), Some("李明"));
    assert_eq!(c.when, Some(t(2)));
    assert_eq!(c.found.as_deref(), Some("600"));
    assert_eq!(
        err.to_string(),
        "8.1 actual: changed by 李明 at 2025-06-01T10:00:02+08:00 to `600` (you saw `512`); \
         nothing was recorded. Check the new value and set it again if yours should replace it"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    // b now knows the new value; with it the edit goes through.
    assert_eq!(b.value("8.1", Field::Actual), Some("600"));
    e.expect = Expect::Value(Some("600.0".into()));
    assert_eq!(rec(b.append(e)).old.as_deref(), Some("600"));
    // Expecting "nothing recorded" on a recorded value is a conflict too.
    let mut e = edit("8.2", Field::Actual, Some("1"), "王芳", 4);
    e.expect = Expect::Value(None);
    rec(b.append(e.clone()));
    e.value = Some("2".into());
    assert!(matches!(b.append(e), Err(LedgerError::Conflict(_))));
}

#[test]
fn append_reads_only_what_is_new() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger_in(&dir);
    let rows: Vec<String> = (0..20_000)
        .map(|i| {
            format!(
                "2025-06-01T10:00:00+08:00,u{},{}.{},actual,{i},,",
                i % 7,
                i % 29,
                i % 5 + 1
            )
        })
        .collect();
    let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
    fs::write(&path, ledger_text(&refs, "\r\n")).unwrap();
    let size = fs::metadata(&path).unwrap().len();
    let mut a = Ledger::open(&path).unwrap();
    assert_eq!(a.len(), 20_000);
    assert!(a.bytes_read() >= size && a.bytes_read() < size + 8 * 1024);
    let mut b = Ledger::open(&path).unwrap();
    set(&mut b, "99.1", "1", "b", 1);
    let before = a.bytes_read();
    let e = set(&mut a, "99.1", "2", "a", 2);
    assert_eq!(e.old.as_deref(), Some("1"));
    let read = a.bytes_read() - before;
    assert!(
        read < 1024,
        "append read {read} bytes of a {size}-byte ledger"
    );
    assert_eq!(history(&a, Some("99.1")).len(), 2);
    let expected = (0..20_000).filter(|i| i % 29 == 3 && i % 5 == 3).count();
    assert_eq!(a.count("3.4"), expected);
}

#[test]
fn refresh_reads_the_new_tail_or_reloads_a_replaced_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger_in(&dir);
    let mut ui = Ledger::open(&path).unwrap();
    assert!(!ui.refresh().unwrap().reloaded);
    let mut cli = Ledger::open(&path).unwrap();
    let e1 = set(&mut cli, "8.1", "1", "a", 1);
    let r = ui.refresh().unwrap();
    assert!(r.reloaded, "the file was created");
    assert_eq!(ui.value("8.1", Field::Actual), Some("1"));
    let e2 = set(&mut cli, "8.1", "2", "a", 2);
    let e3 = set(&mut cli, "8.2", "3", "a", 3);
    let before = ui.bytes_read();
    let r = ui.refresh().unwrap();
    assert!(!r.reloaded);
    assert_eq!(r.new, vec![e2, e3]);
    assert!(ui.bytes_read() - before < 300);
    assert!(ui.refresh().unwrap().new.is_empty());
    // A half-written line is left for later, without a warning.
    let mut f = fs::OpenOptions::new().append(true).open(&path).unwrap();
    std::io::Write::write_all(&mut f, b"2025-06-01T10:00:09+08:00,b,8.3,act").unwrap();
    assert!(ui.refresh().unwrap().new.is_empty());
    std::io::Write::write_all(&mut f, b"ual,9,,\r\n").unwrap();
    let r = ui.refresh().unwrap();
    assert_eq!(r.new.len(), 1);
    assert_eq!(r.new[0].value.as_deref(), Some("9"));
    // Replaced (e.g. by `ledger convert` or an editor): read again.
    let text = fs::read(&path).unwrap();
    let tmp = dir.path().join("x");
    fs::write(&tmp, &text).unwrap();
    fs::rename(&tmp, &path).unwrap();
    let r = ui.refresh().unwrap();
    assert!(r.reloaded);
    assert_eq!(ui.len(), 4);
    assert_eq!(history(&ui, None)[3], e1);
}

#[test]
fn undo_restores_the_previous_value_and_undo_again_redoes() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger_in(&dir);
    let mut l = Ledger::open(&path).unwrap();
    assert!(matches!(
        undo(&mut l, "8.1", None, "u", t(0), None),
        Err(LedgerError::NothingToUndo { .. })
    ));
    assert!(!path.exists(), "a refused undo creates no ledger");
    set(&mut l, "8.1", "512", "a", 1);
    set(&mut l, "8.1", "600", "b", 2);
    rec(l.append(edit("8.1", Field::Note, Some("看一下"), "c", 3)));
    let u = undo(&mut l, "8.1", Some(Field::Actual), "u", t(4), None).unwrap();
    assert_eq!(u.reverted.user, "b");
    assert_eq!(u.entry.value.as_deref(), Some("512"));
    assert_eq!(u.entry.old.as_deref(), Some("600"));
    assert_eq!(
        u.entry.note.as_deref(),
        Some("undo of the change at 2025-06-01T10:00:02+08:00 by b")
    );
    let u = undo(&mut l, "8.1", Some(Field::Actual), "u", t(5), None).unwrap();
    assert_eq!(u.entry.value.as_deref(), Some("600"));
    // Without a field: the latest change of any field, here the redo.
    let u = undo(&mut l, "8.1", None, "u", t(6), Some("回退".into())).unwrap();
    assert_eq!(
        (u.entry.field, u.entry.value.as_deref()),
        (Field::Actual, Some("512"))
    );
    // Undo of the first value clears it.
    let dir2 = tempfile::tempdir().unwrap();
    let first = ledger_in(&dir2);
    let mut f = Ledger::open(&first).unwrap();
    set(&mut f, "8.1", "1", "a", 1);
    let u = undo(&mut f, "8.1", None, "u", t(2), None).unwrap();
    assert_eq!(u.entry.value, None);
    assert_eq!(Ledger::open(&first).unwrap().actual("8.1"), None);
    assert_eq!(l.len(), 6);
}

#[test]
fn history_batches_read_back_every_row_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger_in(&dir);
    let mut text = String::from("\u{FEFF}");
    let rows: Vec<String> = (0..3000)
        .map(|i| {
            format!(
                "2025-06-01T10:00:00+08:00,u,{},actual,{i},,",
                ["1.1", "1.2", "8.1"][i % 3]
            )
        })
        .collect();
    let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
    text.push_str(&ledger_text(&refs, "\r\n"));
    fs::write(&path, text).unwrap();
    let l = Ledger::open(&path).unwrap();
    let all = history(&l, None);
    assert_eq!(all.len(), 3000);
    for (k, e) in all.iter().enumerate() {
        let i = 2999 - k;
        assert_eq!(e.value.as_deref(), Some(i.to_string().as_str()));
        assert_eq!(e.line, i as u64 + 2);
    }
    let some: Vec<Entry> = l.history(Some("8.1")).take(3).map(Result::unwrap).collect();
    assert_eq!(
        some.iter()
            .map(|e| e.value.clone().unwrap())
            .collect::<Vec<_>>(),
        ["2999", "2996", "2993"]
    );
    assert_eq!(history(&l, Some("none")), vec![]);
}

#[test]
fn invalid_edits_are_refused_before_touching_anything() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger_in(&dir);
    let mut l = Ledger::open(&path).unwrap();
    let bad = [
        edit("8.1", Field::Actual, Some("1,234"), "u", 1),
        edit("8.1", Field::Actual, Some("nan"), "u", 1),
        edit("8", Field::Status, Some("finished"), "u", 1),
        edit("8.1", Field::Note, Some("two\nlines"), "u", 1),
        edit("8.1", Field::Actual, Some("1"), " ", 1),
        edit("", Field::Actual, Some("1"), "u", 1),
        edit("=8", Field::Actual, Some("1"), "u", 1),
    ];
    for e in bad {
        let err = l.append(e.clone()).unwrap_err();
        assert!(matches!(err, LedgerError::InvalidEdit(_)), "{e:?}: {err}");
    }
    assert!(!path.exists());
}

#[test]
fn the_lock_file_gets_the_ledgers_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger_in(&dir);
    fs::write(&path, ledger_text(&[ROW1], "\r\n")).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o664)).unwrap();
    let mut l = Ledger::open(&path).unwrap();
    set(&mut l, "8.1", "1", "u", 1);
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&ledger::lock_path(&path)), 0o664);
    assert_eq!(mode(&path), 0o664);
}

mod prop {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// Any one-line text survives the file (quotes, commas, formula
        /// characters, CJK), and numbers keep every digit.
        #[test]
        fn text_and_numbers_round_trip(
            note in "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]{0,40}",
            user in "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\s][^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]{0,10}",
            int in -999_999_999i64..999_999_999,
            scale in 0u32..6,
        ) {
            let dir = tempfile::tempdir().unwrap();
            let path = ledger_in(&dir);
            let mut l = Ledger::open(&path).unwrap();
            let value = rust_decimal::Decimal::new(int, scale).to_string();
            let mut e = edit("8.1", Field::Actual, Some(&value), &user, 1);
            e.note = Some(note.clone());
            let a = rec(l.append(e));
            let n = l.append(edit("8", Field::Note, Some(&note), &user, 2));
            let r = Ledger::open(&path).unwrap();
            let h = history(&r, None);
            prop_assert_eq!(h.last().unwrap(), &a);
            prop_assert_eq!(r.value("8.1", Field::Actual), Some(value.as_str()));
            // an empty note over no note changes nothing
            if let Ok(Appended::Recorded(n)) = n {
                prop_assert_eq!(&h[0], &n);
            }
        }
    }
}

#[test]
fn rows_edited_outside_break_the_chain_of_old_values() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger_in(&dir);
    // Line 4 claims 0.1 was 330 before, but line 2 recorded 320: its row
    // was 0.10 before a spreadsheet turned the id into a number.
    let text = ledger_text(
        &[
            "2025-06-01T10:00:00+08:00,a,0.1,actual,320,,",
            "2025-06-01T10:01:00+08:00,a,0.10,actual,58,,",
            "2025-06-01T10:02:00+08:00,a,0.1,actual,59,58,",
            "2025-06-01T10:03:00+08:00,a,8,status,done,delayed,",
        ],
        "\r\n",
    );
    fs::write(&path, text).unwrap();
    let mut l = Ledger::open(&path).unwrap();
    let (breaks, count) = l.chain_breaks();
    assert_eq!(count, 2);
    assert_eq!(breaks[0].line, 4);
    assert_eq!(
        breaks[0].to_string(),
        "0.1 actual: old is `58` but line 2 recorded `320`"
    );
    assert_eq!(
        breaks[1].to_string(),
        "8 status: old is `delayed` but no earlier row records a value"
    );
    // What wudang-plan appends never breaks the chain.
    set(&mut l, "0.1", "60", "u", 1);
    undo(&mut l, "0.1", None, "u", t(2), None).unwrap();
    assert_eq!(l.chain_breaks().1, 2);
    assert_eq!(Ledger::open(&path).unwrap().chain_breaks().1, 2);
}
