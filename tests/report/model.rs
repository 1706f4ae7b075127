//! The report's model, built with the library on the fixed ledger: which
//! indicators each list holds, and tallies that add up.

use wudang_plan::bulletin::{self, Bulletin, ListKind, Scope};
use wudang_plan::ledger::Ledger;
use wudang_plan::report::Facts;
use wudang_plan::vocab::Lang;

use crate::common::{TODAY, fixture};

fn build(scope: Scope) -> Bulletin {
    let (_dir, data) = fixture();
    let plan = wudang_plan::plan::load_embedded().unwrap();
    let ledger = Ledger::open(&data).unwrap();
    let facts = Facts {
        ledger: &ledger,
        today: TODAY.parse().unwrap(),
        plan: plan.period,
    };
    bulletin::build(&plan, &facts, &scope, Lang::Zh)
}

fn ids(b: &Bulletin, kind: ListKind) -> Vec<&str> {
    let list = b.lists.iter().find(|l| l.kind == kind).unwrap();
    list.items.iter().map(|&i| b.items[i].id.as_str()).collect()
}

/// Every list, as computed by hand from the ledger (common.rs): a missed
/// indicator is red too; a milestone due 2023 with nothing recorded is
/// red and no data; the 2025 milestones not done are yellow in September.
#[test]
fn lists_hold_what_the_rules_say() {
    let b = build(Scope::default());
    assert_eq!(ids(&b, ListKind::Red), ["7.2", "7.4", "8.1", "8.2"]);
    assert_eq!(ids(&b, ListKind::Missed), ["7.2"]);
    assert_eq!(ids(&b, ListKind::Stale), ["0.1", "7.2", "8.1", "8.2"]);
    assert_eq!(ids(&b, ListKind::Stretch), ["0.1"]);
    let yellow = ids(&b, ListKind::Yellow);
    assert!(
        yellow.contains(&"8.3") && yellow.contains(&"3.1"),
        "{yellow:?}"
    );
    assert!(!yellow.contains(&"10.1"), "a milestone done is green");
    let no_data = ids(&b, ListKind::NoData);
    assert_eq!(no_data.len(), 95 - 7, "seven indicators have a value");
    assert!(no_data.contains(&"7.4") && !no_data.contains(&"8.3"));
    // an item is kept once however many lists it is on
    assert_eq!(b.items.iter().filter(|i| i.id == "7.2").count(), 1);
}

#[test]
fn an_item_carries_its_owners_update_and_note() {
    let b = build(Scope::default());
    let it = b.items.iter().find(|i| i.id == "8.2").unwrap();
    assert_eq!(it.leaders, ["朱快春"]);
    assert_eq!(it.owners[0].unit, "区工业和信息化局（大数据局）");
    assert_eq!(it.owners[0].person, "刘明利");
    let u = it.updated.as_ref().unwrap();
    assert_eq!(u.user, "wangfang");
    assert_eq!(bulletin::time_text(&u.time), "2025-03-12 16:30");
    assert_eq!(it.expected.as_deref(), Some("336 亿元"));
    let note = it.note.as_ref().unwrap();
    assert_eq!((note.text.as_str(), note.remark), ("含续建项目", true));
    // a standing note wins over the remark, as in the UI
    let it = b.items.iter().find(|i| i.id == "8.1").unwrap();
    let note = it.note.as_ref().unwrap();
    assert_eq!((note.text.as_str(), note.remark), ("待统计局核实", false));
}

/// Each indicator is in one group, so the groups add up to the total;
/// leaders and units share indicators, so theirs add up to at least it.
#[test]
fn tallies_add_up() {
    let b = build(Scope::default());
    let sum = |lines: &[bulletin::Line]| lines.iter().map(|l| l.tally.total()).sum::<usize>();
    assert_eq!(b.total.total(), 95);
    assert_eq!(sum(&b.groups), 95);
    assert_eq!(b.groups.len(), 6);
    assert!(sum(&b.leaders) >= 95 && sum(&b.units) >= 95);
    let red: usize = b.groups.iter().map(|l| l.tally.lights.red).sum();
    assert_eq!(red, b.total.lights.red);
    assert_eq!(b.total.lights.red, 4);
    assert_eq!(b.total.stale, 4);
}

/// `--leader`: only his indicators (those on the annex rows naming him,
/// as `indicators --leader`), only him in the leader table.
#[test]
fn a_leader_scope_shrinks_everything() {
    let b = build(Scope {
        leader: Some("朱快春".into()),
        group: Some(2),
    });
    assert_eq!(b.leaders.len(), 1);
    assert_eq!(b.leaders[0].label, "朱快春");
    assert_eq!(b.groups.len(), 1);
    assert!(b.groups[0].label.starts_with("（二）"));
    assert_eq!(b.total.total(), b.leaders[0].tally.total());
    assert_eq!(ids(&b, ListKind::Red), ["8.1", "8.2"]);
    assert_eq!(ids(&b, ListKind::Stretch), Vec::<&str>::new());
}
