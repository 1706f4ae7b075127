//! Shared fixtures for the UI tests (tests/ui_*.rs): the embedded plan, a Progress with
//! actuals that give every status, and helpers to type keys and render.

use std::collections::HashMap;
use std::str::FromStr;

use jiff::civil::Date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use rust_decimal::Decimal;
use unicode_width::UnicodeWidthStr;
use wudang_plan::ledger::{Actual, TaskState};
use wudang_plan::plan::{Period, Plan, load_embedded};
use wudang_plan::report::Point;
use wudang_plan::ui::keymap::{self, Key};
use wudang_plan::ui::{Action, AppState, Config, Lang, Progress, Theme, draw, update};

/// Mid-2025: 2025 targets are still in progress, 2023 targets are missed.
pub const MID_2025: Date = jiff::civil::date(2025, 6, 30);
/// Early 2026: every 2025 target not met is missed.
pub const EARLY_2026: Date = jiff::civil::date(2026, 1, 10);

/// The embedded plan, parsed once per test binary.
pub fn plan() -> Plan {
    static PLAN: std::sync::OnceLock<Plan> = std::sync::OnceLock::new();
    PLAN.get_or_init(|| load_embedded().unwrap()).clone()
}

fn n(s: &str) -> Actual {
    Actual::Number(Decimal::from_str(s).unwrap())
}

/// Actuals giving met, stretch met, in progress / missed (by date) and
/// milestones, each for the year of `today` (2025 after the plan); most
/// indicators stay without data.
pub fn progress(today: Date) -> Progress {
    let actual: HashMap<String, Actual> = [
        ("0.1", n("360")),             // 地区生产总值 >= 325 (力争 350): stretch met
        ("0.6", n("1.2")),             // R&D 占比 >= 1.5 (朱快春): not met
        ("0.12", n("2.1")),            // 城乡收入比 <= 2: not met
        ("1.3", n("9")),               // 技术合同成交额 >= 8 (朱快春): met
        ("2.2", n("60")),              // 高新技术企业 >= 100 (朱快春): not met
        ("3.1", Actual::Done(true)),   // milestone (朱快春): met
        ("5.1", n("120")),             // 电子信息制造业 >= 150 (朱快春): not met
        ("7.2", n("5000")),            // 棚户区 >= 6100 by 2023: missed
        ("8.1", n("512")),             // 工业总产值 >= 500 (朱快春): met
        ("8.2", n("300")),             // 工业投资 >= 420 (朱快春): not met
        ("8.3", n("150")),             // 规上工业企业 >= 180 (朱快春): not met
        ("12.1", n("320")),            // 旅游总收入 >= 300: met
        ("15.2", Actual::Done(false)), // milestone (朱快春): not done
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let task_state: HashMap<String, TaskState> = [
        ("3", TaskState::Done),
        ("7", TaskState::Delayed),
        ("8", TaskState::InProgress),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    // As a ledger has them: each value this year's, at the latest the
    // plan's last (2025), so every indicator's pace and light follow from
    // its value.
    let this_year = Period::Year(i32::from(today.year()).min(plan().period.end));
    let series: Vec<(String, Vec<Point>)> = actual
        .iter()
        .map(|(id, a)| {
            let point = Point {
                period: this_year,
                actual: Some(*a),
                line: 0,
            };
            (id.clone(), vec![point])
        })
        .collect();
    let mut p = Progress::empty(today);
    for (id, points) in series {
        for point in points {
            p.put_point(&id, point);
        }
    }
    for (id, state) in task_state {
        p.set_task_state(&id, Some(state), 0);
    }
    p
}

/// A state as a session with a user name has it (edits can be recorded,
/// the footer shows the keys that record).
pub fn state_with(lang: Lang, today: Date, ascii: bool, w: u16, h: u16) -> AppState {
    let theme = Theme { color: true, ascii };
    let mut config = Config::new(lang, theme);
    config.writable = true;
    config.user = Some("tester".into());
    let mut s = AppState::new(plan(), progress(today), config);
    update(&mut s, Action::Resize(w, h));
    s
}

pub fn state(lang: Lang, w: u16, h: u16) -> AppState {
    state_with(lang, MID_2025, false, w, h)
}

/// Types keys through the keymap, as the run loop does. `\n` is Enter,
/// `\x1b` Esc, `\t` Tab, `\x08` Backspace; `↓ ↑ ← →` are the arrows.
pub fn keys(s: &mut AppState, typed: &str) {
    for c in typed.chars() {
        let key = match c {
            '\n' => Key::Enter,
            '\x1b' => Key::Esc,
            '\t' => Key::Tab,
            '\x08' => Key::Backspace,
            '↓' => Key::Down,
            '↑' => Key::Up,
            '←' => Key::Left,
            '→' => Key::Right,
            c => Key::Char(c),
        };
        if let Some(a) = keymap::action_for(s.ctx(), key) {
            update(s, a);
        }
    }
}

/// Draws `s` on a test terminal of its size. Checks the drawn frame (not
/// the backend, where ratatui never sends a cell hidden under a wide
/// character) for split double-width characters.
pub fn terminal(s: &AppState) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(s.size.0, s.size.1)).unwrap();
    let frame = t.draw(|f| draw(f, s)).unwrap();
    let bad = hidden_cells(frame.buffer);
    assert!(
        bad.is_empty(),
        "hidden cells {bad:?} in\n{}",
        screen(frame.buffer)
    );
    t
}

/// The screen as text, one quoted line per row (trailing spaces kept, so
/// columns are visible in snapshots). The cell after a double-width
/// character is left out, as a terminal draws it.
pub fn screen(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        out.push('"');
        let mut skip = 0;
        for x in 0..buf.area.width {
            let sym = buf[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            out.push_str(sym);
            skip = UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push_str("\"\n");
    }
    out
}

/// Cells a terminal would not show as drawn: something written under the
/// right half of a double-width character, or a double-width character in
/// the last column.
pub fn hidden_cells(buf: &Buffer) -> Vec<(u16, u16, String)> {
    let mut bad = Vec::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            let sym = buf[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                if sym != " " && !sym.is_empty() {
                    bad.push((x, y, sym.to_string()));
                }
                continue;
            }
            let w = UnicodeWidthStr::width(sym);
            if w > 1 && x + 1 >= buf.area.width {
                bad.push((x, y, sym.to_string()));
            }
            skip = w.saturating_sub(1);
        }
    }
    bad
}

/// Renders (checking that no double-width character is split) and returns
/// the screen as a terminal shows it.
pub fn render(s: &AppState) -> String {
    screen(terminal(s).backend().buffer())
}

/// The screen as plain lines without the quotes.
pub fn lines(s: &AppState) -> Vec<String> {
    render(s)
        .lines()
        .map(|l| l.trim_matches('"').to_string())
        .collect()
}

/// Task ids of the visible tree (task rows only).
pub fn tree_task_ids(s: &AppState) -> Vec<String> {
    s.visible
        .tasks
        .iter()
        .map(|t| s.plan.tasks[t.pos].id.clone())
        .collect()
}

/// Indicator ids the indicator pane lists.
pub fn pane_indicator_ids(s: &AppState) -> Vec<String> {
    s.selected_inds()
        .iter()
        .map(|&i| s.plan.indicators[i].id().to_string())
        .collect()
}

/// A state whose edits can be recorded (the run loop would have a ledger).
pub fn writable(lang: Lang, w: u16, h: u16) -> AppState {
    state(lang, w, h)
}

/// A read-only state, as the run loop starts it without a user name.
pub fn read_only(lang: Lang, w: u16, h: u16) -> AppState {
    let theme = Theme {
        color: true,
        ascii: false,
    };
    let mut config = Config::new(lang, theme);
    config.read_only = Some(wudang_plan::ui::S::ReadOnlyNoUser);
    let mut s = AppState::new(plan(), progress(MID_2025), config);
    update(&mut s, Action::Resize(w, h));
    s
}

/// The row the ledger would write for `id` := `value` (was `old`).
pub fn row(id: &str, value: &str, old: Option<&str>, user: &str) -> wudang_plan::ledger::Entry {
    wudang_plan::ledger::Entry {
        line: 2,
        time: wudang_plan::ledger::Stamp::start_of(MID_2025),
        user: user.into(),
        id: id.into(),
        field: wudang_plan::ledger::Field::Actual,
        value: Some(value.into()),
        old: old.map(String::from),
        note: None,
        period: None,
    }
}
