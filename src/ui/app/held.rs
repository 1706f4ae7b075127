//! Text typed while the ledger is read, held after `e` or `n` (shown as
//! `已输入：…`), kept as a draft when the UI ends before the ledger lands
//! (Ctrl-C, a signal, a hang-up), as an open editor's text is: for the
//! indicator (`e`) or the indicator or task (`n`) the key was pressed on
//! — the selection does not move while a key is held. The value the
//! editor would have opened with is not known yet (no ledger): the draft
//! expects none, so a value recorded meanwhile is a conflict when the
//! draft is sent, never overwritten silently.

use crate::ledger::{Field, draft};
use crate::ui::action::Action;
use crate::ui::model::{AppState, Pane};

/// The held text as a draft, if `e` or `n` waits with text typed after it.
pub(super) fn held_draft(state: &AppState) -> Option<draft::Draft> {
    let h = state.held.as_ref().filter(|h| !h.typed.is_empty())?;
    let on_indicator = state.focus == Pane::Indicators;
    let ind = state
        .selected_ind()
        .filter(|_| on_indicator)
        .map(|p| &state.plan.indicators[p]);
    let (id, field) = match h.action {
        // a milestone's `e` asks to toggle: nothing typed goes there
        Action::Edit => (
            ind.filter(|i| !i.is_milestone())?.id().to_string(),
            Field::Actual,
        ),
        Action::Note => match (ind, state.selected_task_pos()) {
            (Some(i), _) => (i.id().to_string(), Field::Note),
            (None, Some(t)) => (state.plan.tasks[t].id.clone(), Field::Note),
            (None, None) => return None,
        },
        _ => return None,
    };
    // A held Tab moves between the value and the period (`e`): the parts
    // after an odd number of Tabs are the period typed.
    let (mut text, mut period) = (String::new(), None);
    for (i, part) in h.typed.split('\t').enumerate() {
        match i % 2 {
            0 => text.push_str(part),
            _ if field == Field::Actual && !part.is_empty() => period = Some(part.to_string()),
            _ => {}
        }
    }
    (!text.is_empty()).then(|| draft::Draft {
        id,
        field,
        text,
        saved: String::new(),
        seen: None,
        seen_line: None,
        period,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::keymap::{self, Key};
    use crate::ui::model::{Config, Theme};
    use crate::ui::strings::Lang;
    use crate::ui::update::update;

    fn loading() -> AppState {
        let theme = Theme {
            color: false,
            ascii: false,
        };
        let mut config = Config::new(Lang::Zh, theme);
        config.writable = true;
        let plan = std::sync::Arc::new(crate::plan::load_embedded().unwrap());
        let mut s = AppState::loading(plan, jiff::civil::date(2025, 6, 30), config);
        update(&mut s, Action::Resize(80, 24));
        s
    }

    fn keys(s: &mut AppState, typed: &str) {
        for c in typed.chars() {
            let key = match c {
                '\n' => Key::Enter,
                '\t' => Key::Tab,
                c => Key::Char(c),
            };
            if let Some(a) = keymap::action_for(s.ctx(), key) {
                update(s, a);
            }
        }
    }

    /// `e` and `n` held with text: a draft for the indicator or task they
    /// were pressed on; no text, or a view key held: none.
    #[test]
    fn held_text_is_a_draft_for_the_key_it_was_typed_for() {
        let mut s = loading();
        keys(&mut s, ":8.2\ne");
        assert_eq!(held_draft(&s), None, "nothing typed yet");
        keys(&mut s, "377");
        let d = held_draft(&s).expect("a draft");
        assert_eq!(
            (d.id.as_str(), d.field, d.text.as_str(), d.seen.as_deref()),
            ("8.2", Field::Actual, "377", None)
        );
        keys(&mut s, "\t2024\t21");
        let d = held_draft(&s).expect("a draft");
        assert_eq!(
            (d.text.as_str(), d.period.as_deref()),
            ("37721", Some("2024")),
            "no Tab in the value"
        );
        update(&mut s, Action::Cancel);
        keys(&mut s, ":8\nn");
        keys(&mut s, "quarterly");
        let d = held_draft(&s).expect("a note draft");
        assert_eq!(
            (d.id.as_str(), d.field, d.text.as_str()),
            ("8", Field::Note, "quarterly")
        );
        update(&mut s, Action::Cancel);
        keys(&mut s, "Hx");
        assert_eq!(held_draft(&s), None, "a view key's text is no draft");
    }
}
