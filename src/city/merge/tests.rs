use super::*;

fn city() -> Plan {
    let part = |name: &str| Part {
        name: name.into(),
        plan: plan::load_embedded().unwrap(),
    };
    plans(vec![part("乌当区"), part("白云区")])
}

#[test]
fn two_districts_plans_meet_with_qualified_ids_and_a_district_level() {
    let one = plan::load_embedded().unwrap();
    let city = city();
    assert_eq!(city.indicators.len(), 2 * one.indicators.len());
    assert_eq!(city.tasks.len(), 2 * one.tasks.len());
    let ind = city.indicator("白云区:8.1").expect("qualified id found");
    assert_eq!(ind.name(), one.indicator("8.1").unwrap().name());
    assert_eq!(&*ind.task, "白云区:8");
    assert!(city.indicator("8.1").is_none());
    assert_eq!(
        city.indicators_of("乌当区:8").count(),
        one.indicators_of("8").count()
    );
    assert_eq!(city.rows_of("白云区:8").count(), one.rows_of("8").count());
    // The districts, in order, each with 总体目标 and its five groups.
    let names: Vec<_> = city.districts.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["乌当区", "白云区"]);
    let d = &city.districts[1];
    assert_eq!(d.groups.len(), one.groups.len() + 1);
    assert_eq!(d.numbers, [0, 1, 2, 3, 4, 5]);
    let labels: Vec<_> = d
        .groups
        .clone()
        .map(|p| city.group_label(city.groups[p].id))
        .collect();
    assert_eq!(
        labels,
        ["总体目标", "（一）", "（二）", "（三）", "（四）", "（五）"]
    );
    // Group ids unique across the city, and each task in its district.
    let mut ids: Vec<_> = city.groups.iter().map(|g| g.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), city.groups.len());
    assert!(!ids.contains(&0));
    let pos = city.task_pos("白云区:0").unwrap();
    assert_eq!(city.district_of_task(pos), Some(1));
    assert_eq!(city.district_of_group(city.tasks[pos].group), Some(1));
    assert_eq!(city.group_label(city.tasks[pos].group), "总体目标");
    assert_eq!(city.local_id("白云区:8.1"), "8.1");
    assert_eq!(city.period, one.period);
    // The leaders of both, once each (the same names here).
    assert_eq!(city.leaders(), one.leaders());
}

#[test]
fn a_one_district_plan_labels_and_shows_ids_as_before() {
    let one = plan::load_embedded().unwrap();
    assert!(one.districts.is_empty());
    assert_eq!(one.group_label(1), "（一）");
    assert_eq!(one.local_id("8.1"), "8.1");
}

#[test]
fn a_workspace_loads_on_several_threads_as_one_after_the_other() {
    let ws = tempfile::tempdir().unwrap();
    for name in ["乌当区", "白云区", "花溪区"] {
        let repo = ws.path().join(name);
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::fs::write(repo.join(crate::city::DISTRICT_FILE), name).unwrap();
    }
    let districts = crate::city::districts(ws.path()).unwrap();
    let parallel = load(&districts).unwrap();
    let sequential = plans(load_plans(&districts).unwrap());
    assert_eq!(parallel, sequential);
    assert_eq!(parallel.districts.len(), 3);
    // Each district's groups numbered after the ones before it.
    let ids: Vec<u32> = parallel.groups.iter().map(|g| g.id).collect();
    assert_eq!(ids, (1..=18).collect::<Vec<_>>());
    // A district whose plan is broken is named.
    let bad = ws.path().join("白云区").join("plan");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(bad.join("tasks.csv"), "nonsense\n").unwrap();
    let e = load(&districts).unwrap_err();
    assert_eq!(e.district, "白云区");
    assert!(!e.errors.0.is_empty());
}

/// The indexes moved along from each district's plan answer as indexes
/// built afresh from the joined lists would.
#[test]
fn the_joined_indexes_answer_as_ones_built_afresh() {
    // Districts named so that id order and name order differ (`A1:`
    // sorts before `A:`).
    let part = |n: &str| Part {
        name: n.into(),
        plan: plan::load_embedded().unwrap(),
    };
    let city = plans(vec![part("A"), part("A1"), part("B")]);
    let fresh = Plan::new(
        city.groups.clone(),
        city.tasks.clone(),
        city.rows.clone(),
        city.indicators.clone(),
    );
    for ind in &fresh.indicators {
        assert_eq!(
            city.indicator_pos(ind.id()),
            fresh.indicator_pos(ind.id()),
            "{}",
            ind.id()
        );
    }
    for t in &fresh.tasks {
        assert_eq!(
            city.indicator_positions_of(&t.id),
            fresh.indicator_positions_of(&t.id),
            "{}",
            t.id
        );
        let rows = |p: &Plan| p.rows_of(&t.id).map(|r| r.id.clone()).collect::<Vec<_>>();
        assert_eq!(rows(&city), rows(&fresh), "{}", t.id);
    }
    assert!(city.indicator("A:8.1").is_some());
    assert!(city.indicator("C:8.1").is_none());
}
