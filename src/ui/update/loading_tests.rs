//! The first frame before the ledger is read: what `update` does while
//! [`AppState::loading`], and when [`Action::LedgerLoaded`] arrives.

use jiff::civil::Date;

use super::update;
use crate::ledger::draft::Draft;
use crate::ledger::{Field, Status};
use crate::pace::Light;
use crate::plan::Period;
use crate::report::Point;
use crate::ui::action::Action;
use crate::ui::data::Progress;
use crate::ui::keymap::{self, Key};
use crate::ui::model::detail;
use crate::ui::model::standing::{JUDGED, Loaded, Standing};
use crate::ui::model::{AppState, Config, Mode, Pane, Theme};
use crate::ui::strings::{Lang, S};

const TODAY: Date = jiff::civil::date(2025, 6, 30);

fn config() -> Config {
    let theme = Theme {
        color: false,
        ascii: false,
    };
    let mut config = Config::new(Lang::Zh, theme);
    config.writable = true;
    config.user = Some("alice".into());
    config
}

fn loading() -> AppState {
    let plan = crate::plan::load_embedded().unwrap();
    let mut s = AppState::loading(plan, TODAY, config());
    update(&mut s, Action::Resize(100, 30));
    s
}

/// The ledger as the start's thread hands it over: 8.1 at 512 for 2025
/// (target 500: met, green), 7.2 at 5000 (棚户区, 6100 by 2023: missed, red).
fn loaded(s: &AppState) -> Loaded {
    let mut p = Progress::empty(TODAY);
    for (id, v) in [("8.1", "512"), ("7.2", "5000")] {
        let point = Point {
            period: Period::Year(2025),
            actual: Some(crate::ledger::Actual::Number(v.parse().unwrap())),
            line: 2,
        };
        p.put_point(id, point);
    }
    let standing = Standing::of(&s.plan, &p);
    Loaded {
        progress: p,
        standing,
        warnings: 0,
        published: Vec::new(),
    }
}

fn keys(s: &mut AppState, typed: &str) {
    for c in typed.chars() {
        let key = match c {
            '\n' => Key::Enter,
            '\x1b' => Key::Esc,
            '\t' => Key::Tab,
            c => Key::Char(c),
        };
        if let Some(a) = keymap::action_for(s.ctx(), key) {
            update(s, a);
        }
    }
}

fn ind(s: &AppState, id: &str) -> usize {
    s.plan.indicators.iter().position(|i| i.id() == id).unwrap()
}

/// Edit, undo, task status, note, history, chart, the status picker and
/// the overview wait for the ledger, each saying so; nothing is asked of
/// the run loop and no mode opens. All but `u` hold the keys after them
/// until Esc ([`Ctx::Held`]).
#[test]
fn keys_that_need_the_ledger_are_refused_while_it_is_read() {
    let mut s = loading();
    keys(&mut s, ":8.1\n");
    assert_eq!(s.focus, Pane::Indicators, "jump works while loading");
    for k in ["e", "\n", "u", "t", "n", "H", "c", "S", "o"] {
        keys(&mut s, k);
        let m = s.message.clone().unwrap_or_default();
        if k == "u" {
            assert_eq!(m, S::LedgerStillLoading.get(Lang::Zh));
        } else {
            assert!(m.starts_with("台账读取中，读入后即打开"), "{k:?}: {m}");
            assert_eq!(s.ctx(), keymap::Ctx::Held, "{k:?}");
            keys(&mut s, "\x1b");
        }
        assert!(matches!(s.mode, Mode::Browse), "{k:?}: {:?}", s.mode);
        assert!(s.request.is_none() && s.history_request.is_none(), "{k:?}");
        assert!(s.chart.is_none(), "{k:?}");
    }
}

/// Browsing, search, the leader and unit filters and jump work while
/// loading.
#[test]
fn browsing_search_filters_and_jump_work_while_loading() {
    let mut s = loading();
    let all = s.rows.len();
    keys(&mut s, "jj");
    assert_eq!(s.tree.sel, 2);
    keys(&mut s, "/工业总产值\n");
    assert!(s.rows.len() < all, "the search filters");
    keys(&mut s, "\x1b");
    update(&mut s, Action::ClearFilters);
    keys(&mut s, "L");
    assert!(matches!(s.mode, Mode::Picker(_)), "the leader picker opens");
    keys(&mut s, "\x1b");
    s.filters.leader = Some("朱快春".into());
    s.refilter();
    assert!(s.rows.len() < all, "the leader filter filters");
    assert!(s.message.is_none(), "{:?}", s.message);
}

/// Lights, statuses and counts show the loading mark until the ledger
/// arrives; then the lights, and the message of a refused key goes.
#[test]
fn lights_show_loading_then_the_ledgers_lights() {
    let mut s = loading();
    let zh = |k: S| k.get(Lang::Zh);
    let marks: String = detail::task_marks(&s, &Default::default(), &Default::default(), 0)
        .iter()
        .map(|p| p.text.clone())
        .collect();
    assert_eq!(marks.trim(), "~ ~");
    let text = |s: &AppState| -> String {
        detail::lines(s, 60)
            .iter()
            .flat_map(|l| l.iter().map(|p| p.text.clone()))
            .collect()
    };
    assert!(text(&s).contains(zh(S::LedgerLoading)), "{}", text(&s));
    keys(&mut s, "u");
    let l = loaded(&s);
    update(&mut s, Action::LedgerLoaded(Box::new(l)));
    assert!(!s.loading);
    assert_eq!(s.message, None, "'still reading' is gone");
    assert_eq!(s.status_of(ind(&s, "8.1")), Status::Met);
    assert_eq!(s.light_of(ind(&s, "7.2")), Light::Red);
    let after = text(&s);
    assert!(!after.contains(zh(S::LedgerLoading)), "{after}");
    assert!(after.contains("绿 1"), "{after}");
    keys(&mut s, "o");
    assert!(
        matches!(s.mode, Mode::Overview(_)),
        "the overview opens now"
    );
}

/// The selected task and indicator stay where the user was when the
/// ledger lands; its warnings are counted in the status line.
#[test]
fn the_ledger_landing_keeps_the_selection_and_counts_warnings() {
    let mut s = loading();
    keys(&mut s, ":8.1\n");
    let (task, sel) = (s.selected_task_pos(), s.selected_ind());
    let mut l = loaded(&s);
    l.warnings = 2;
    update(&mut s, Action::LedgerLoaded(Box::new(l)));
    assert_eq!((s.selected_task_pos(), s.selected_ind()), (task, sel));
    assert_eq!(s.message.as_deref(), Some("台账有 2 条警告，退出后列出"));
}

/// The draft of the last session reopens once the ledger is there, and
/// expects the value it was typed over.
#[test]
fn a_draft_restored_after_the_ledger_expects_what_it_saw() {
    let mut s = loading();
    let l = loaded(&s);
    update(&mut s, Action::LedgerLoaded(Box::new(l)));
    let d = Draft {
        id: "8.1".into(),
        field: Field::Actual,
        text: "520".into(),
        saved: String::new(),
        seen: Some("512".into()),
        seen_line: Some(2),
        period: Some("2025".into()),
    };
    update(&mut s, Action::RestoreDraft(d));
    let Mode::Edit(e) = &s.mode else {
        panic!("no editor: {:?}", s.mode)
    };
    assert_eq!((e.id.as_str(), e.field.text()), ("8.1", "520".to_string()));
    assert_eq!(e.seen.as_deref(), Some("512"));
}

/// Work counted: the first frame's state judges no indicator (the
/// statuses and paces of all of them are worked out on the thread that
/// read the ledger, and landing them judges none again); a state built
/// with a progress judges each once.
#[test]
fn the_first_frame_judges_no_indicator() {
    let plan = crate::plan::load_embedded().unwrap();
    let n = plan.indicators.len();
    JUDGED.with(|j| j.set(0));
    let mut s = AppState::loading(plan.clone(), TODAY, config());
    update(&mut s, Action::Resize(100, 30));
    keys(&mut s, "jj/gy\n");
    assert_eq!(
        JUDGED.with(std::cell::Cell::get),
        0,
        "judged before the ledger"
    );
    let l = loaded(&s);
    assert_eq!(
        JUDGED.with(std::cell::Cell::get),
        n,
        "judged once, off the loop"
    );
    update(&mut s, Action::LedgerLoaded(Box::new(l)));
    assert_eq!(JUDGED.with(std::cell::Cell::get), n, "landing judges none");
    JUDGED.with(|j| j.set(0));
    let _ = AppState::new(plan, Progress::empty(TODAY), config());
    assert_eq!(JUDGED.with(std::cell::Cell::get), n);
}

/// Issue 12 (fifth round): `n` was refused while loading, and the note
/// the user went on typing ran as keys (the `q` of "quarterly" quit the
/// program). A key refused for the ledger now holds what is typed after
/// it (shown on the status line, never run as a key); when the ledger
/// lands the editor opens with it, nothing recorded until Enter there.
#[test]
fn typing_after_a_refused_edit_key_is_held_for_the_editor() {
    let mut s = loading();
    keys(&mut s, ":8.1\nn");
    keys(&mut s, "quarterly jkx\n");
    assert!(!s.quit, "the q of quarterly did not quit");
    assert_eq!(s.selected_ind(), Some(ind(&s, "8.1")), "j/k did not move");
    assert!(s.filters.leader.is_none());
    let m = s.message.clone().unwrap_or_default();
    assert!(m.contains("quarterly jkx"), "typed text shown: {m}");
    assert!(matches!(s.mode, Mode::Browse) && s.request.is_none());
    let l = loaded(&s);
    update(&mut s, Action::LedgerLoaded(Box::new(l)));
    let Mode::Edit(e) = &s.mode else {
        panic!("the note editor did not open: {:?}", s.mode)
    };
    assert_eq!((e.id.as_str(), e.target), ("8.1", Field::Note));
    assert_eq!(e.field.text(), "quarterly jkx");
    assert!(s.request.is_none(), "nothing recorded before Enter");
}

/// Read-only (no user name): a write key while loading is refused at once
/// for that reason, not held.
#[test]
fn a_write_key_while_loading_read_only_is_refused_not_held() {
    let mut s = loading();
    s.config.writable = false;
    s.config.read_only = Some(S::ReadOnlyNoUser);
    keys(&mut s, ":8.1\nn");
    assert!(s.held.is_none());
    assert_eq!(s.message.as_deref(), Some(S::ReadOnlyNoUser.get(Lang::Zh)));
}

/// Esc drops what was held (said on the status line) and browsing goes
/// on; a view key (history, chart) held opens once the ledger lands, and
/// its `q` (close, in the popup) did not quit meanwhile.
#[test]
fn a_held_key_is_cancelled_by_esc_or_opens_when_the_ledger_lands() {
    let mut s = loading();
    keys(&mut s, ":8.1\ne12");
    keys(&mut s, "\x1b");
    assert!(
        s.message.as_ref().is_some_and(|m| m.contains("12")),
        "said what was dropped"
    );
    keys(&mut s, "j");
    assert_ne!(s.selected_ind(), Some(ind(&s, "8.1")), "browsing again");
    keys(&mut s, "jcq");
    assert!(!s.quit);
    let l = loaded(&s);
    update(&mut s, Action::LedgerLoaded(Box::new(l)));
    assert!(s.chart.is_some(), "the chart opens");
    let m = s.message.clone().unwrap_or_default();
    assert!(m.contains('q'), "the held q is said, not run: {m}");
}

/// Issue 12 (fifth round): the ledger failing after the first frame
/// leaves the UI up, browsing only: the reason (its first line, the
/// ledger's directory left out, control characters made visible) is
/// kept, a key that needs the ledger is refused saying so, a held key is
/// dropped with what was typed, browsing and search work.
#[test]
fn a_ledger_that_failed_leaves_browsing_and_refuses_edits() {
    let mut s = loading();
    s.config.ledger = Some("/srv/wp/actuals.csv".into());
    keys(&mut s, ":8.1\nn12");
    let why = "/srv/wp/actuals.csv:3: found `\u{1b}[2J`\nmore lines";
    update(&mut s, Action::LedgerFailed(why.into()));
    assert_eq!(
        s.broken.as_deref(),
        Some(crate::text::visible("actuals.csv:3: found `\u{1b}[2J`").as_ref())
    );
    assert!(s.held.is_none() && s.message.as_deref().is_some_and(|m| m.contains("12")));
    assert!(s.loading, "nothing known of the ledger");
    keys(&mut s, "e");
    let m = s.message.clone().unwrap_or_default();
    assert!(
        m.starts_with("actuals.csv:3 台账无法读取，此键不可用："),
        "{m}"
    );
    assert_eq!(s.ctx(), keymap::Ctx::Browse, "not held");
    let all = s.rows.len();
    keys(&mut s, "j/工业总产值\n");
    assert!(s.rows.len() < all, "the search filters");
    assert!(s.request.is_none());
}

/// The tester's `e`, Tab, 2024, Tab, 21 typed while the ledger was read
/// gave the value 20242 (Tab dropped): Tab is held too, and moves between
/// the editor's fields once it opens, as typed: 21 for 2024.
#[test]
fn tab_held_after_e_moves_to_the_period_field_once_the_editor_opens() {
    let mut s = loading();
    keys(&mut s, ":8.1\ne\t2024\t21");
    let m = s.message.clone().unwrap_or_default();
    assert!(m.contains("已输入：[Tab]2024[Tab]21"), "{m}");
    let l = loaded(&s);
    update(&mut s, Action::LedgerLoaded(Box::new(l)));
    let Mode::Edit(e) = &s.mode else {
        panic!("no editor: {:?}", s.mode)
    };
    assert_eq!(e.field.text(), "21");
    assert_eq!(
        e.period.as_ref().map(|p| p.field.text()).as_deref(),
        Some("2024")
    );
}
