//! `:` jump: `:8` selects task 8, `:8.1` indicator 8.1, `:0.3` the third
//! headline target. Full-width digits and `．` (what a Chinese IME may
//! send) are read as ASCII.

use crate::plan::Plan;

/// Where a jump goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Plan position of a task.
    Task(usize),
    /// Plan positions of the task and the indicator.
    Indicator(usize, usize),
}

/// Full-width digits and punctuation to ASCII; whitespace and a leading
/// `:` dropped.
pub fn normalize(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' | '。' => Some('.'),
            ':' | '：' => None,
            c if c.is_whitespace() => None,
            c => Some(c),
        })
        .collect()
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
}
