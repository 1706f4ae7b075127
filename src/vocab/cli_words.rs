//! The command line's words for people: the column headers of the tables
//! `tasks` and `indicators` print (`--format table`), in Chinese (the
//! default) and English. The English is what the command line printed
//! before it spoke Chinese, unchanged. CSV headers and JSON keys are not
//! here: they are the machine names of docs/data.md in every language.
//!
//! The values in the tables (task states, statuses, lights, done / not
//! done) are the vocabulary's words ([`crate::vocab::Term::word`] in
//! Chinese, the machine words in English), so that each can be typed back.

pub use super::Lang;

macro_rules! cli_words {
    ($($key:ident => $zh:expr, $en:expr;)*) => {
        /// A key into the command line's word table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum C { $($key),* }

        impl C {
            /// Every key, table order.
            pub const ALL: &'static [C] = &[$(C::$key),*];

            /// The word in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((C::$key, Lang::Zh) => $zh, (C::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

cli_words! {
    // `tasks` and `indicators`
    Id => "编号", "id";
    Light => "亮灯", "light";
    // `tasks`
    Group => "任务组", "group";
    Title => "任务", "title";
    State => "状态", "state";
    Met => "达标", "met";
    Leaders => "责任领导", "leaders";
    Persons => "责任人", "persons";
    // `indicators`
    Name => "指标", "name";
    Target => "目标", "target";
    Deadline => "期限", "deadline";
    Actual => "实际完成值", "actual";
    Status => "状态", "status";
    Period => "报告期", "period";
    Baseline => "基期值", "baseline";
    Expected => "序时进度", "expected";
}

/// `keys` in `lang`: a table's header.
pub fn header(keys: &[C], lang: Lang) -> Vec<&'static str> {
    keys.iter().map(|k| k.get(lang)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_has_both_languages_with_the_same_parameters() {
        for c in C::ALL {
            let zh = c.get(Lang::Zh);
            let en = c.get(Lang::En);
            assert!(!zh.is_empty() && !en.is_empty(), "{c:?}");
            assert_eq!(
                zh.matches("{}").count(),
                en.matches("{}").count(),
                "{c:?}: parameters differ"
            );
            // a header is one word: no space to split a column on
            assert!(!zh.contains(char::is_whitespace), "{c:?}");
            assert!(!en.contains(char::is_whitespace), "{c:?}");
        }
    }

    #[test]
    fn the_english_is_the_machine_names_of_before() {
        assert_eq!(
            header(
                &[
                    C::Id,
                    C::Group,
                    C::Title,
                    C::State,
                    C::Met,
                    C::Leaders,
                    C::Persons,
                    C::Light
                ],
                Lang::En
            )
            .join(" "),
            "id group title state met leaders persons light"
        );
        assert_eq!(
            header(
                &[
                    C::Id,
                    C::Name,
                    C::Target,
                    C::Deadline,
                    C::Actual,
                    C::Status,
                    C::Period,
                    C::Baseline,
                    C::Expected,
                    C::Light
                ],
                Lang::En
            )
            .join(" "),
            "id name target deadline actual status period baseline expected light"
        );
    }
}
