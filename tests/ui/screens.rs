//! Screens rendered with ratatui's TestBackend and compared with the
//! committed snapshots in tests/ui/snapshots/ (insta). Review a change with
//! `INSTA_UPDATE=always cargo test --test ui screens::` and `git diff`.
//! Every input is fixed (plan, fixture actuals, --today, size), so the
//! screens are deterministic.

use crate::common::*;
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use ratatui::layout::Position;
use wudang_plan::ui::model::layout::{MIN_H, MIN_W};
use wudang_plan::ui::{Action, Lang, draw, update};

#[test]
fn main_zh_100x30() {
    let s = state(Lang::Zh, 100, 30);
    assert_snapshot!(render(&s));
}

#[test]
fn main_zh_80x24() {
    let s = state(Lang::Zh, 80, 24);
    assert_snapshot!(render(&s));
}

#[test]
fn main_en_100x30() {
    let s = state(Lang::En, 100, 30);
    assert_snapshot!(render(&s));
}

#[test]
fn main_en_80x24() {
    let s = state(Lang::En, 80, 24);
    assert_snapshot!(render(&s));
}

/// The first frame, before the ledger is read: a loading mark where the
/// lights, statuses and counts go, the status line says it is being read.
fn loading(lang: Lang, w: u16, h: u16) -> wudang_plan::ui::AppState {
    let theme = wudang_plan::ui::Theme {
        color: true,
        ascii: false,
    };
    let mut config = wudang_plan::ui::Config::new(lang, theme);
    config.writable = true;
    config.user = Some("tester".into());
    config.ledger = Some("/srv/wudang-plan/actuals.csv".into());
    let mut s = wudang_plan::ui::AppState::loading(plan(), MID_2025, config);
    update(&mut s, Action::Resize(w, h));
    s
}

#[test]
fn loading_zh_80x24() {
    let s = loading(Lang::Zh, 80, 24);
    let out = render(&s);
    assert!(out.contains("正在读取台账"), "{out}");
    assert_snapshot!(out);
}

#[test]
fn loading_en_80x24() {
    let s = loading(Lang::En, 80, 24);
    let out = render(&s);
    assert!(out.contains("reading the ledger"), "{out}");
    assert_snapshot!(out);
}

/// Task 8's indicators while the ledger is read: no value, status or
/// light yet; a key that needs the ledger waits, holding what is typed.
#[test]
fn loading_task_8_indicators_zh_80x24() {
    let mut s = loading(Lang::Zh, 80, 24);
    keys(&mut s, ":8.1\ne");
    let out = render(&s);
    assert!(out.contains("读入后即打开"), "{out}");
    assert_snapshot!(out);
}

/// Issue 12 (fifth round): while the ledger is read, the footer at 80
/// columns shows the keys that work, `h/l 展开` among them (it showed
/// `z 放大` and left `h/l` out).
#[test]
fn loading_footer_hints_zh_80x24() {
    let s = loading(Lang::Zh, 80, 24);
    let out = render(&s);
    let footer = out.lines().rev().nth(1).unwrap_or_default();
    for hint in [
        "j/k 移动",
        "h/l 展开",
        "Tab 窗格",
        "/ 搜索",
        ": 跳转",
        "? 帮助",
        "q 退出",
    ] {
        assert!(footer.contains(hint), "{hint}: {footer}");
    }
    assert_snapshot!(out);
}

/// Issue 12 (fifth round): the ledger failed after the first frame: the
/// screen stays, the panes say the ledger is unreadable, the status line
/// says why with file and line; `e` is refused.
#[test]
fn ledger_failed_task_8_zh_80x24_and_100x30() {
    for (w, h) in [(80, 24), (100, 30)] {
        let mut s = loading(Lang::Zh, w, h);
        keys(&mut s, ":8.1\n");
        let why = "/srv/wudang-plan/actuals.csv:3: found 2 fields, expected at least 7 \
                   (the columns are time,user,id,field,value,old,note,period)";
        update(&mut s, Action::LedgerFailed(why.into()));
        let out = render(&s);
        assert!(
            out.contains("actuals.csv:3 台账无法读取，只能浏览："),
            "{out}"
        );
        assert!(!out.contains("正在读取台账"), "{out}");
        assert_snapshot!(format!("ledger_failed_{w}x{h}"), out);
        keys(&mut s, "e");
        let status = render(&s).lines().last().unwrap_or_default().to_string();
        assert!(
            status.contains("actuals.csv:3 台账无法读取，此键不可用："),
            "{status}"
        );
    }
}

/// The reason a ledger cannot be read comes with file and line first: a
/// long directory (not the footer's spelling of the path, so not taken
/// out) cut the line number off the 80-column status line. The directory
/// is left out, `actuals.csv:3` leads, the rest is cut; `e` says the same.
#[test]
fn ledger_failed_says_file_and_line_first_at_80_columns() {
    let mut s = loading(Lang::Zh, 80, 24);
    let why = "/home/wangfang/区政府督查室/二〇二五年/工作台账/actuals.csv:3: found 2 fields, \
               expected at least 7 (the columns are time,user,id,field,value,old,note,period)";
    update(&mut s, Action::LedgerFailed(why.into()));
    let out = render(&s);
    let status = out.lines().last().unwrap_or_default().trim_matches('"');
    assert!(
        status.starts_with("actuals.csv:3 台账无法读取，只能浏览：found 2 fields"),
        "{status}"
    );
    assert!(!out.contains("区政府督查室"), "{out}");
    keys(&mut s, "e");
    let out = render(&s);
    let status = out.lines().last().unwrap_or_default().trim_matches('"');
    assert!(
        status.starts_with("actuals.csv:3 台账无法读取，此键不可用：found"),
        "{status}"
    );
}

/// Issue 12 (fifth round): a long status message (a cut-short line moved
/// aside, then the answer) fits by display width at 100 columns, its
/// instruction and the answer whole (it was cut at 100 columns); at 80 the
/// instruction comes first and stays whole. The filters and the ledger's
/// path give way to a message rather than cut it.
#[test]
fn a_long_status_message_fits_at_80_and_100_columns() {
    use wudang_plan::ui::strings::{S, fill};
    for (w, h) in [(100, 30), (80, 24)] {
        let mut s = state(Lang::Zh, w, h);
        keys(&mut s, ":8.1\n");
        s.filters.leader = Some("朱快春".into());
        let moved = fill(Lang::Zh, S::TornMovedAside, &["294464", "actuals.csv.torn"]);
        let answer = fill(Lang::Zh, S::Recorded, &["8.1（2025）", "430", "440"]);
        s.message = Some(format!("{moved}  {answer}"));
        let out = render(&s);
        let status = out.lines().last().unwrap_or_default();
        assert!(status.contains("请核对"), "{w}: {status}");
        if w == 100 {
            assert!(status.contains("430 -> 440"), "{w}: {status}");
        }
    }
}

/// Task 8 with fixture actuals: met, in progress and a bar per indicator.
#[test]
fn task_8_zh_100x30() {
    let mut s = state(Lang::Zh, 100, 30);
    keys(&mut s, ":8\n");
    let out = render(&s);
    assert!(out.contains("工业总产值"));
    assert!(out.contains("✔ 达标"));
    assert!(out.contains("► 推进中"));
    assert_snapshot!(out);
}

#[test]
fn help_overlay_zh_100x30() {
    let mut s = state(Lang::Zh, 100, 30);
    keys(&mut s, "?");
    assert_snapshot!(render(&s));
}

#[test]
fn help_overlay_en_80x24() {
    let mut s = state(Lang::En, 80, 24);
    keys(&mut s, "?");
    assert_snapshot!(render(&s));
}

#[test]
fn leader_picker_zkc_100x30() {
    let mut s = state(Lang::Zh, 100, 30);
    keys(&mut s, "Lzkc");
    let mut t = terminal(&s);
    // the hardware cursor sits after "> zkc" so an IME pops up there
    let pos = t.backend_mut().get_cursor_position().unwrap();
    assert_eq!(pos, Position::new(33, 9));
    assert_snapshot!(format!("{}cursor: {:?}", screen(t.backend().buffer()), pos));
}

#[test]
fn leader_filtered_tree_100x30() {
    let mut s = state(Lang::Zh, 100, 30);
    keys(&mut s, "Lzkc\n");
    assert_snapshot!(render(&s));
}

#[test]
fn leader_filtered_tree_80x24() {
    let mut s = state(Lang::Zh, 80, 24);
    keys(&mut s, "Lzkc\n");
    assert_snapshot!(render(&s));
}

/// The "Done when" path at 80×24: `L` `zkc` Enter `S` Enter.
#[test]
fn zhu_missed_80x24() {
    let mut s = state_with(Lang::Zh, EARLY_2026, false, 80, 24);
    keys(&mut s, "Lzkc\nS\n");
    assert_snapshot!(render(&s));
}

#[test]
fn overview_zh_100x30() {
    let mut s = state(Lang::Zh, 100, 30);
    keys(&mut s, "o");
    assert_snapshot!(render(&s));
}

#[test]
fn overview_en_80x24() {
    let mut s = state_with(Lang::En, EARLY_2026, false, 80, 24);
    keys(&mut s, "o");
    assert_snapshot!(render(&s));
}

/// Task 1's Chinese text wraps by display width in the 46-cell detail pane
/// at 80×24: no double-width character split, no large gaps.
#[test]
fn detail_wraps_chinese_80x24() {
    let mut s = state(Lang::Zh, 80, 24);
    keys(&mut s, ":1\n\t");
    for _ in 0..12 {
        update(&mut s, Action::Down);
    }
    assert_snapshot!(render(&s));
}

#[test]
fn search_bar_with_cursor_100x30() {
    let mut s = state(Lang::Zh, 100, 30);
    keys(&mut s, "/工业总产");
    let mut t = terminal(&s);
    let pos = t.backend_mut().get_cursor_position().unwrap();
    // "搜索 / " is 7 cells, "工业总产" 8: the caret is at column 15
    assert_eq!(pos, Position::new(15, 28));
    assert_snapshot!(format!("{}cursor: {:?}", screen(t.backend().buffer()), pos));
}

#[test]
fn jump_bar_cursor_follows_width() {
    let mut s = state(Lang::En, 100, 30);
    keys(&mut s, ":8.1");
    let mut t = terminal(&s);
    let pos = t.backend_mut().get_cursor_position().unwrap();
    let prompt = "Jump to (e.g. 8, 8.1, 0.3) : ";
    assert_eq!(pos, Position::new((prompt.len() + 3) as u16, 28));
}

#[test]
fn ascii_mode_80x24() {
    let mut s = state_with(Lang::Zh, MID_2025, true, 80, 24);
    keys(&mut s, ":8.1\n");
    let out = render(&s);
    for c in ['┌', '─', '│', '✔', '►', '✖'] {
        assert!(!out.contains(c), "{c} in ASCII mode:\n{out}");
    }
    assert_snapshot!(out);
}

#[test]
fn too_small() {
    let s = state(Lang::Zh, MIN_W - 1, MIN_H + 2);
    assert_snapshot!(render(&s));
    let s = state(Lang::En, 20, 3);
    assert!(render(&s).contains("Window too"));
}

/// Every size from 1×1 to 300×100 (stepped) in every mode draws without
/// panicking, and so does resizing one terminal through them.
#[test]
fn any_size_renders() {
    let grid = |w_step: usize, h_step: usize| {
        let mut sizes: Vec<(u16, u16)> = Vec::new();
        for w in (1..=300)
            .step_by(w_step)
            .chain([MIN_W - 1, MIN_W, 59, 60, 89, 90, 300])
        {
            for h in (1..=100)
                .step_by(h_step)
                .chain([MIN_H - 1, MIN_H, 19, 20, 21, 22, 100])
            {
                sizes.push((w, h));
            }
        }
        sizes
    };
    // the main screen on a fine grid, every popup and mode on a coarser one
    let fine = grid(23, 13);
    let coarse = grid(61, 29);
    for opener in ["", "Lz", "S", "/gy", ":8", "o", "?", ":1\n\t"] {
        let mut s = state(Lang::Zh, 100, 30);
        keys(&mut s, opener);
        let mut t = Terminal::new(TestBackend::new(1, 1)).unwrap();
        let sizes = if opener.is_empty() { &fine } else { &coarse };
        for &(w, h) in sizes {
            update(&mut s, Action::Resize(w, h));
            t.backend_mut().resize(w, h);
            t.resize(ratatui::layout::Rect::new(0, 0, w, h)).unwrap();
            let frame = t.draw(|f| draw(f, &s)).unwrap();
            let bad = hidden_cells(frame.buffer);
            assert!(
                bad.is_empty(),
                "{opener:?} at {w}x{h}: hidden cells {bad:?}\n{}",
                screen(frame.buffer)
            );
        }
    }
}

// ---- editing (UI part 2) ----

/// The editor on 8.1 with a full-width value typed; the hardware cursor is
/// at the caret (after the last wide character).
#[test]
fn editor_valid_zh_100x30() {
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\ne");
    update(&mut s, Action::ClearField);
    for c in "５２０".chars() {
        update(&mut s, Action::Input(c));
    }
    let mut t = terminal(&s);
    let out = screen(t.backend().buffer());
    assert!(
        out.contains("8.1 工业总产值（亿元） 期间 [2025] 实际值 : ５２０"),
        "{out}"
    );
    let prompt = "8.1 工业总产值（亿元） 期间 [2025] 实际值 : ";
    let col = unicode_width::UnicodeWidthStr::width(prompt) as u16 + 6;
    assert_eq!(
        t.backend_mut().get_cursor_position().unwrap(),
        Position::new(col, 28)
    );
    assert_snapshot!(out);
}

#[test]
fn editor_invalid_zh_100x30() {
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\ne");
    update(&mut s, Action::ClearField);
    keys(&mut s, "abc\n");
    let out = render(&s);
    assert!(out.contains("✖ 无效"), "{out}");
    // the reason in the UI's language, not the command line's English
    assert!(
        out.contains("无效：“abc”不是数字；应填以亿元为单位的数"),
        "{out}"
    );
    assert!(!out.contains("not a number"), "{out}");
    assert_snapshot!(out);
}

/// A long reason wraps onto a second footer line (the panes give up one
/// line), by display width, instead of being cut with `~`.
#[test]
fn editor_long_error_zh_80x24() {
    let mut s = writable(Lang::Zh, 80, 24);
    keys(&mut s, ":8.1\ne");
    update(&mut s, Action::ClearField);
    keys(&mut s, "5,12\n");
    let out = render(&s);
    assert!(out.contains("（可带单位“亿元”）"), "{out}");
    assert_snapshot!(out);
}

#[test]
fn editor_long_error_en_80x24() {
    let mut s = writable(Lang::En, 80, 24);
    keys(&mut s, ":8.1\ne");
    update(&mut s, Action::ClearField);
    keys(&mut s, "5,12\n");
    let out = render(&s);
    assert!(out.contains("(the suffix 亿元 is optional)"), "{out}");
    assert_snapshot!(out);
}

/// Issue 10: the editor with its period, typed from a Chinese IME
/// (`２０２３年`, the caret in the period field, 2023's value shown), at
/// both sizes, in both languages; the footer's second line gives the
/// editor's keys.
fn editor_period(lang: Lang, w: u16, h: u16) -> (String, Position) {
    let mut s = writable(lang, w, h);
    let row = |v: &str, p: &str, line| wudang_plan::ledger::Entry {
        line,
        period: Some(wudang_plan::plan::Period::parse(p).unwrap()),
        ..row("8.1", v, None, "bob")
    };
    update(
        &mut s,
        Action::Changed(vec![row("420", "2023", 5), row("512", "2025", 6)]),
    );
    keys(&mut s, ":8.1\ne\t");
    update(&mut s, Action::ClearField);
    for c in "２０２３年".chars() {
        update(&mut s, Action::Input(c));
    }
    let mut t = terminal(&s);
    let out = screen(t.backend().buffer());
    (out, t.backend_mut().get_cursor_position().unwrap())
}

#[test]
fn editor_period_zh_80x24() {
    let (out, caret) = editor_period(Lang::Zh, 80, 24);
    let bar = "8.1 工业总产值（亿元） 期间 [２０２３年] 实际值 : 420";
    assert!(out.contains(bar), "{out}");
    assert!(out.contains("Tab 期间  [/] 上/下一期"), "{out}");
    // the caret after 年, in the period field
    let before = "8.1 工业总产值（亿元） 期间 [２０２３年";
    let col = unicode_width::UnicodeWidthStr::width(before) as u16;
    assert_eq!(caret, Position::new(col, 22));
    assert_snapshot!(out);
}

#[test]
fn editor_period_en_80x24() {
    let (out, _) = editor_period(Lang::En, 80, 24);
    assert!(out.contains("period [２０２３年] actual : 420"), "{out}");
    assert!(
        out.contains("2023 recorded: 420 亿元  Enter record"),
        "{out}"
    );
    assert!(out.contains("[/] prev/next"), "{out}");
    assert_snapshot!(out);
}

#[test]
fn editor_period_zh_100x30() {
    let (out, _) = editor_period(Lang::Zh, 100, 30);
    assert!(out.contains("期间 [２０２３年] 实际值 : 420"), "{out}");
    assert_snapshot!(out);
}

#[test]
fn editor_period_en_100x30() {
    let (out, _) = editor_period(Lang::En, 100, 30);
    assert!(out.contains("Tab period  [/] prev/next"), "{out}");
    assert_snapshot!(out);
}

/// A period that does not exist, refused with the reason under the bar.
#[test]
fn editor_bad_period_zh_80x24() {
    let mut s = writable(Lang::Zh, 80, 24);
    keys(&mut s, ":8.1\ne\t");
    update(&mut s, Action::ClearField);
    keys(&mut s, "2024Q5\n");
    let out = render(&s);
    assert!(
        out.contains("无效：期间：“2024Q5”：没有第5季度；季度为 1 至 4（2024Q2）"),
        "{out}"
    );
    assert_snapshot!(out);
}

#[test]
fn conflict_prompt_zh_100x30() {
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\ne");
    update(&mut s, Action::ClearField);
    keys(&mut s, "520\n");
    update(
        &mut s,
        Action::Conflicted(wudang_plan::ledger::Conflict {
            id: "8.1".into(),
            field: wudang_plan::ledger::Field::Actual,
            expected: Some("512".into()),
            found: Some("530".into()),
            who: Some("bob".into()),
            when: Some(wudang_plan::ledger::Stamp::start_of(MID_2025)),
            line: 0,
            period: None,
        }),
    );
    let out = render(&s);
    assert!(out.contains("bob") && out.contains("530 亿元"), "{out}");
    assert!(out.contains("y 覆盖"), "{out}");
    assert_snapshot!(out);
}

/// The conflict prompt over a value that was empty when the editor
/// opened: its box has its own title (not the keys.md heading
/// `冲突提示中（他人已修改）`), and `（无）` is not put in brackets again
/// (`（你打开时为 （无））`).
#[test]
fn conflict_prompt_has_its_own_title_and_no_nested_brackets() {
    let mut s = writable(Lang::Zh, 80, 24);
    keys(&mut s, ":8.4\ne25\n");
    update(
        &mut s,
        Action::Conflicted(wudang_plan::ledger::Conflict {
            id: "8.4".into(),
            field: wudang_plan::ledger::Field::Actual,
            expected: None,
            found: Some("24".into()),
            who: Some("bob".into()),
            when: Some(wudang_plan::ledger::Stamp::start_of(MID_2025)),
            line: 3,
            period: None,
        }),
    );
    let out = render(&s);
    assert!(out.contains("┌他人已修改─"), "{out}");
    assert!(!out.contains("冲突提示中"), "{out}");
    assert!(
        out.contains("你打开时为") && out.contains("（无）。用 25% 覆盖？"),
        "{out}"
    );
    assert!(!out.contains("（（") && !out.contains("））"), "{out}");
}

/// Task 8 with a status remark (`status 8 delayed --note 用地指标未落实`) and
/// 8.1 with a standing note (`note 8.1 待统计局核实`), as the ledger's rows.
fn with_notes(lang: Lang, w: u16, h: u16) -> wudang_plan::ui::AppState {
    use wudang_plan::ledger::Field;
    let mut s = state(lang, w, h);
    let mut status = row("8", "delayed", Some("in_progress"), "zhukc");
    status.field = Field::Status;
    status.note = Some("用地指标未落实".into());
    let mut note = row("8.1", "待统计局核实", None, "limin");
    note.field = Field::Note;
    update(&mut s, Action::Changed(vec![status, note]));
    s.message = None;
    s
}

/// Issue 8: notes in the detail pane (task), the indicator detail line and
/// a mark (✎, not East Asian Ambiguous) in the indicator table.
#[test]
fn notes_zh_100x30() {
    let mut s = with_notes(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\n");
    let out = render(&s);
    assert!(out.contains("说明：用地指标未落实（zhukc，"), "{out}");
    assert!(out.contains("备注：待统计局核实（limin，"), "{out}");
    assert!(out.contains("8.1✎"), "{out}");
    assert_snapshot!(out);
}

#[test]
fn notes_en_100x30() {
    let mut s = with_notes(Lang::En, 100, 30);
    keys(&mut s, ":8.1\n");
    let out = render(&s);
    assert!(out.contains("Remark: 用地指标未落实 (zhukc, "), "{out}");
    assert!(out.contains("Note: 待统计局核实 (limin, "), "{out}");
    assert_snapshot!(out);
}

#[test]
fn notes_detail_zh_80x24() {
    let mut s = with_notes(Lang::Zh, 80, 24);
    keys(&mut s, ":8\n");
    let out = render(&s);
    assert!(out.contains("说明：用地指标未落实"), "{out}");
    assert_snapshot!(out);
}

#[test]
fn notes_indicators_en_80x24() {
    let mut s = with_notes(Lang::En, 80, 24);
    keys(&mut s, ":8.1\n");
    let out = render(&s);
    assert!(out.contains("8.1✎"), "{out}");
    assert_snapshot!(out);
}

/// `--ascii`: the note mark is `*`.
#[test]
fn notes_ascii_80x24() {
    let mut s = state_with(Lang::Zh, MID_2025, true, 80, 24);
    let mut note = row("8.1", "待统计局核实", None, "limin");
    note.field = wudang_plan::ledger::Field::Note;
    update(&mut s, Action::Changed(vec![note]));
    keys(&mut s, ":8.1\n");
    let out = render(&s);
    assert!(out.contains("8.1*") && !out.contains('✎'), "{out}");
}

/// History rows of notes are labelled as notes, not shown as a value
/// change (`（无） -> 待统计局核实`).
#[test]
fn history_with_notes_zh_100x30() {
    use wudang_plan::ledger::Field;
    let mut s = writable(Lang::Zh, 100, 30);
    keys(&mut s, ":8.1\nH");
    let mut note = row("8.1", "待统计局核实", None, "limin");
    note.field = Field::Note;
    let mut cleared = row("8.1", "x", Some("待统计局核实"), "wang");
    cleared.field = Field::Note;
    cleared.value = None;
    let mut value = row("8.1", "512", None, "limin");
    value.note = Some("二季度统计快报".into());
    update(
        &mut s,
        Action::History("8.1".into(), vec![cleared, note, value], 3),
    );
    let out = render(&s);
    assert!(out.contains("备注：待统计局核实"), "{out}");
    assert!(out.contains("备注已清除"), "{out}");
    assert!(!out.contains("（无） -> 待统计局核实"), "{out}");
    assert_snapshot!(out);
}
