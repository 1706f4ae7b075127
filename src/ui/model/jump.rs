//! `:` jump: `:8` selects task 8, `:8.1` indicator 8.1, `:0.3` the third
//! headline target. Full-width digits and `．` (what a Chinese IME may
//! send) are read as ASCII. In a city's plan an id is qualified
//! (`:乌当区:8.1`), or taken in the district at hand (the selected row's,
//! else the first that has it).

use crate::plan::Plan;

/// Where a jump goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Plan position of a task.
    Task(usize),
    /// Plan positions of the task and the indicator.
    Indicator(usize, usize),
}

/// Full-width digits and punctuation to ASCII; whitespace and leading
/// colons dropped (a `：` inside, between district and id, is `:`).
pub fn normalize(s: &str) -> String {
    let s = s.trim_start_matches(|c: char| c == ':' || c == '：' || c.is_whitespace());
    s.chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' | '。' => Some('.'),
            '：' => Some(':'),
            c if c.is_whitespace() => None,
            c => Some(c),
        })
        .collect()
}

/// Resolves what was typed after `:`; in a city's plan, an id without its
/// district is looked for in district `near` first, then in each.
pub fn parse_near(plan: &Plan, typed: &str, near: Option<usize>) -> Option<Target> {
    let id = normalize(typed);
    if plan.districts.is_empty() || id.contains(':') {
        return parse(plan, &id);
    }
    let near = near.and_then(|d| plan.districts.get(d));
    near.into_iter()
        .chain(&plan.districts)
        .find_map(|d| parse(plan, &crate::plan::qualified(&d.name, &id)))
}

/// Resolves what was typed after `:`.
pub fn parse(plan: &Plan, typed: &str) -> Option<Target> {
    let id = normalize(typed);
    if id.contains('.') {
        let ind = plan.indicator(&id)?;
        Some(Target::Indicator(
            plan.task_pos(&ind.task)?,
            plan.indicator_pos(&id)?,
        ))
    } else {
        plan.task_pos(&id).map(Target::Task)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tasks_and_indicators() {
        let plan = crate::plan::load_embedded().unwrap();
        let t8 = plan.task_pos("8").unwrap();
        assert_eq!(parse(&plan, "8"), Some(Target::Task(t8)));
        assert_eq!(parse(&plan, " ８ "), Some(Target::Task(t8)));
        let i = plan.indicator_pos("8.1").unwrap();
        assert_eq!(parse(&plan, "8.1"), Some(Target::Indicator(t8, i)));
        assert_eq!(parse(&plan, "８．１"), Some(Target::Indicator(t8, i)));
        let t0 = plan.task_pos("0").unwrap();
        let i03 = plan.indicator_pos("0.3").unwrap();
        assert_eq!(parse(&plan, ":0.3"), Some(Target::Indicator(t0, i03)));
        assert_eq!(parse(&plan, "99"), None);
        assert_eq!(parse(&plan, "8.99"), None);
        assert_eq!(parse(&plan, ""), None);
    }

    #[test]
    fn a_city_takes_qualified_ids_and_bare_ones_near_the_selection() {
        use crate::city::merge::{Part, plans};
        let part = |n: &str| Part {
            name: n.into(),
            plan: crate::plan::load_embedded().unwrap(),
        };
        let city = plans(vec![part("乌当区"), part("白云区")]);
        let at = |id: &str| {
            let i = city.indicator_pos(id).unwrap();
            Some(Target::Indicator(
                city.task_pos(&city.indicators[i].task).unwrap(),
                i,
            ))
        };
        assert_eq!(parse_near(&city, ":白云区:8.1", None), at("白云区:8.1"));
        assert_eq!(
            parse_near(&city, "白云区：８．１", Some(0)),
            at("白云区:8.1")
        );
        assert_eq!(parse_near(&city, "8.1", Some(1)), at("白云区:8.1"));
        assert_eq!(parse_near(&city, "8.1", None), at("乌当区:8.1"));
        assert_eq!(parse_near(&city, "南明区:8.1", None), None);
        assert_eq!(
            parse_near(&city, "8", Some(1)),
            Some(Target::Task(city.task_pos("白云区:8").unwrap()))
        );
    }
}
