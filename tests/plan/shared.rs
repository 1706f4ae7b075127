//! Plan memory (issue 12): an indicator's task, row and unit are one shared
//! `Arc<str>` per distinct text of the plan, not a string per indicator, and
//! indicators are found by id without an index holding a copy of each id.

use std::collections::HashSet;
use std::sync::Arc;

use rust_decimal::Decimal;
use wudang_plan::plan::{self, Better, Comparison, Indicator, Kind, NewIndicator, Plan};

use crate::genplan::{self, Sizes};

/// Distinct allocations and distinct texts of one field over the plan.
fn allocations_and_texts<'a>(texts: impl Iterator<Item = &'a Arc<str>>) -> (usize, usize) {
    let (mut ptrs, mut distinct) = (HashSet::new(), HashSet::new());
    for t in texts {
        ptrs.insert(Arc::as_ptr(t).cast::<u8>());
        distinct.insert(t.to_string());
    }
    (ptrs.len(), distinct.len())
}

#[test]
fn repeated_task_row_and_unit_texts_are_allocated_once_each() {
    let tmp = tempfile::tempdir().unwrap();
    let sizes = Sizes {
        tasks: 200,
        indicators: 2_000,
        leaders: 20,
        rows: 0,
    };
    genplan::generate(tmp.path(), sizes, 7).unwrap();
    let plan = plan::load_dir(&tmp.path().join("plan")).unwrap();
    let inds = &plan.indicators;
    assert_eq!(inds.len(), 2_000);

    let (allocs, texts) = allocations_and_texts(inds.iter().map(|i| &i.task));
    assert_eq!(allocs, texts, "one allocation per distinct task");
    assert!(texts <= 201 && texts * 5 < inds.len(), "{texts} tasks");
    let (allocs, texts) = allocations_and_texts(inds.iter().map(|i| &i.row));
    assert_eq!(allocs, texts, "one allocation per distinct row");
    assert!(texts < inds.len(), "{texts} rows");
    let (allocs, texts) = allocations_and_texts(inds.iter().filter_map(|i| i.unit.as_ref()));
    assert_eq!(allocs, texts, "one allocation per distinct unit");
    assert!(texts * 10 < inds.len(), "{texts} units");

    // Every indicator is found by its id, at its position.
    for (pos, ind) in inds.iter().enumerate() {
        assert_eq!(plan.indicator_pos(ind.id()), Some(pos), "{}", ind.id());
    }
    assert!(plan.indicator("0.999999").is_none());
    assert!(plan.indicator("").is_none());
}

fn indicator(id: &str, name: &str) -> Indicator {
    Indicator::from(NewIndicator {
        id,
        task: "1".into(),
        row: "T1".into(),
        name,
        unit: Some("%".into()),
        comparison: Comparison::AtLeast,
        target: Some(Decimal::from(1)),
        stretch: None,
        better: Better::Higher,
        deadline: 2025,
        source: "",
        kind: Kind::Level,
    })
}

#[test]
fn lookup_by_id_keeps_the_first_of_equal_ids_in_any_order() {
    // Ids out of text order (`1.10` sorts before `1.2`), one repeated.
    let inds = vec![
        indicator("1.2", "a"),
        indicator("1.10", "b"),
        indicator("1.2", "c"),
        indicator("1.1", "d"),
    ];
    let plan = Plan::new(vec![], vec![], vec![], inds);
    assert_eq!(plan.indicator("1.2").map(|i| i.name()), Some("a"));
    assert_eq!(plan.indicator_pos("1.10"), Some(1));
    assert_eq!(plan.indicator_pos("1.1"), Some(3));
    assert_eq!(plan.indicator_pos("1.3"), None);
}
