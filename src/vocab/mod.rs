//! THE vocabulary: the closed sets of values people and files name —
//! indicator statuses, task states, ledger fields, a milestone's done /
//! not done — each with
//!
//! - its **machine word**, what the ledger, CSV and JSON store and the
//!   command line prints (`in_progress`, `not_done`; never changes);
//! - the word the UI shows in each [`Lang`] (推进中 / in progress);
//! - other words accepted when typed (滞后 for `delayed`).
//!
//! One parse function per kind ([`Term::parse`], and [`parse_status`],
//! [`parse_task_state`], [`parse_field`], [`parse_done`]) accepts the
//! machine word and every word either language shows, so that what the UI
//! shows can be typed back on the command line. Value problems (a typed
//! actual that is refused) are worded here too, in both languages
//! ([`problem`]). The UI's string table is here too ([`strings`]).
//!
//! This module sits below `ledger`, `ui` and `cli` and imports none of
//! them (and no clap: the CLI maps its own argument types onto these).

pub mod cli_help;
pub mod cli_words;
pub mod messages;
pub mod problem;
pub mod strings;

pub use messages::{M, Msg};
pub use problem::{Expected, MAX_DIGITS, ValueProblem};
pub use strings::{S, fill, fill_in};

/// A language of the full-screen UI (and, later, of messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// 中文
    #[default]
    Zh,
    /// English
    En,
}

impl Lang {
    /// Both languages, Chinese first.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The other language (for a picker's second column).
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// Which words a value is written in: the machine words files store and
/// the command line prints (`delayed`, `not_done`), or the words the UI
/// shows in a language (已延误, `not done`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Wording {
    Machine,
    Lang(Lang),
}

impl Wording {
    /// `v` in these words: [`Term::machine`] or [`Term::word`].
    pub fn word<T: Term>(self, v: T) -> &'static str {
        match self {
            Wording::Machine => v.machine(),
            Wording::Lang(lang) => v.word(lang),
        }
    }
}

/// The words of one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    /// What files store and the command line prints: `in_progress`.
    pub machine: &'static str,
    /// What the Chinese UI shows: 推进中.
    pub zh: &'static str,
    /// What the English UI shows: `in progress`.
    pub en: &'static str,
    /// Other words accepted when typed: 进行中.
    pub also: &'static [&'static str],
}

impl Words {
    /// The word shown in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }

    /// Every word accepted for this value, the machine word first.
    pub fn accepted(&self) -> impl Iterator<Item = &'static str> + '_ {
        [self.machine, self.zh, self.en]
            .into_iter()
            .chain(self.also.iter().copied())
    }
}

/// How typed words are compared: surrounding spaces (also U+3000) dropped,
/// ASCII letters in lower case, and runs of spaces, `-` and `_` as one `_`
/// (`Not Started`, `not-started` and `not_started` are one word).
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.trim().chars() {
        if c.is_whitespace() || c == '-' || c == '_' {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push('_');
        }
        gap = false;
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// A value of one kind of the vocabulary.
pub trait Term: Copy + PartialEq + std::fmt::Debug + Sized + 'static {
    /// The kind, for messages and tests: `task state`.
    const KIND: &'static str;

    /// Every value of the kind, in the order lists show them.
    fn all() -> &'static [Self];

    /// The value's words.
    fn words(self) -> &'static Words;

    /// The machine word: `in_progress`.
    fn machine(self) -> &'static str {
        self.words().machine
    }

    /// The word shown in `lang`: 推进中, `in progress`.
    fn word(self, lang: Lang) -> &'static str {
        self.words().get(lang)
    }

    /// Exactly the machine word (reading files): `in_progress`, not
    /// `In progress` or 推进中.
    fn from_machine(s: &str) -> Option<Self> {
        Self::all().iter().copied().find(|v| v.machine() == s)
    }

    /// What someone typed: the machine word or any word either language
    /// shows, or an accepted alias (see [`normalize`]).
    fn parse(s: &str) -> Option<Self> {
        let key = normalize(s);
        if key.is_empty() {
            return None;
        }
        Self::all()
            .iter()
            .copied()
            .find(|v| v.words().accepted().any(|w| normalize(w) == key))
    }

    /// The words shown in `lang`, for messages: `未开始、推进中、…`.
    fn word_list(lang: Lang) -> String {
        let words: Vec<&str> = Self::all().iter().map(|v| v.word(lang)).collect();
        words.join(if lang == Lang::Zh { "、" } else { ", " })
    }

    /// The machine words, for "expected one of …": `met, stretch_met, …`.
    fn machine_list() -> String {
        let words: Vec<&str> = Self::all().iter().map(|v| v.machine()).collect();
        words.join(", ")
    }
}

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $kind:expr, {
        $($(#[$vmeta:meta])* $v:ident => $machine:expr, $zh:expr, $en:expr, [$($also:expr),*];)*
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $v),* }

        impl $name {
            /// The machine word (ledger, CSV, JSON, command-line output).
            pub fn as_str(self) -> &'static str {
                Term::machine(self)
            }
        }

        impl Term for $name {
            const KIND: &'static str = $kind;

            fn all() -> &'static [Self] {
                &$name::ALL
            }

            fn words(self) -> &'static Words {
                match self {
                    $($name::$v => &Words {
                        machine: $machine,
                        zh: $zh,
                        en: $en,
                        also: &[$($also),*],
                    },)*
                }
            }
        }
    };
}

vocabulary! {
    /// Where an indicator stands (computed by `ledger::status`).
    Status, "indicator status", {
        /// No actual recorded.
        NoData => "no_data", "无数据", "no data", [];
        /// Not met yet, deadline year not over.
        InProgress => "in_progress", "推进中", "in progress", [];
        /// The deadline year has ended without the target met.
        Missed => "missed", "未达", "missed", [];
        /// The target is met.
        Met => "met", "达标", "met", [];
        /// The target and its stretch target (力争) are met.
        StretchMet => "stretch_met", "超额达标", "stretch met", [];
    }
}

vocabulary! {
    /// A task's status as people set it (`wudang-plan status TASK STATE`).
    TaskState, "task state", {
        NotStarted => "not_started", "未开始", "not started", [];
        InProgress => "in_progress", "推进中", "in progress", ["进行中"];
        Delayed => "delayed", "已延误", "delayed", ["滞后", "延期", "延迟", "延误"];
        Done => "done", "已完成", "done", ["完成"];
    }
}

vocabulary! {
    /// What a ledger row changes.
    Field, "ledger field", {
        /// An indicator's actual value (实际完成值): a number or done/not_done.
        Actual => "actual", "实际值", "actual", ["实际", "实际完成值"];
        /// A task's status: not_started, in_progress, delayed, done.
        Status => "status", "任务状态", "task status", [];
        /// A free-text note on an indicator or a task.
        Note => "note", "备注", "note", [];
    }
}

vocabulary! {
    /// A milestone's actual: done or not done (stored `done` / `not_done`).
    Milestone, "milestone", {
        Done => "done", "已完成", "done", ["完成"];
        NotDone => "not_done", "未完成", "not done", [];
    }
}

/// The words of the pace lights (红黄绿灯; `pace::Light`, which sits above
/// this module and reads them from here), in its order: gray, green,
/// yellow, red. Typed: the machine word, 绿灯 or 绿, `grey`.
pub const LIGHT_WORDS: [Words; 4] = [
    Words {
        machine: "gray",
        zh: "灰灯",
        en: "gray",
        also: &["灰", "grey"],
    },
    Words {
        machine: "green",
        zh: "绿灯",
        en: "green",
        also: &["绿"],
    },
    Words {
        machine: "yellow",
        zh: "黄灯",
        en: "yellow",
        also: &["黄"],
    },
    Words {
        machine: "red",
        zh: "红灯",
        en: "red",
        also: &["红"],
    },
];

impl Status {
    /// List order: met first.
    pub const ALL: [Status; 5] = [
        Status::Met,
        Status::StretchMet,
        Status::InProgress,
        Status::Missed,
        Status::NoData,
    ];
}

impl TaskState {
    pub const ALL: [TaskState; 4] = [
        TaskState::NotStarted,
        TaskState::InProgress,
        TaskState::Delayed,
        TaskState::Done,
    ];
}

impl Field {
    pub const ALL: [Field; 3] = [Field::Actual, Field::Status, Field::Note];
}

impl Milestone {
    pub const ALL: [Milestone; 2] = [Milestone::Done, Milestone::NotDone];

    pub fn of(done: bool) -> Milestone {
        if done {
            Milestone::Done
        } else {
            Milestone::NotDone
        }
    }

    pub fn is_done(self) -> bool {
        self == Milestone::Done
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An indicator status as typed (`met`, 达标, `stretch met` …).
pub fn parse_status(s: &str) -> Option<Status> {
    Status::parse(s)
}

/// A task state as typed (`delayed`, 已延误, 滞后 …).
pub fn parse_task_state(s: &str) -> Option<TaskState> {
    TaskState::parse(s)
}

/// A ledger field as typed (`actual`, 实际值 …).
pub fn parse_field(s: &str) -> Option<Field> {
    Field::parse(s)
}

/// A milestone's done / not done as typed (`done`, 已完成, 完成, 未完成,
/// `not done` …): `Some(true)` for done.
pub fn parse_done(s: &str) -> Option<bool> {
    Milestone::parse(s).map(Milestone::is_done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// Every word of every value of `T` parses back to that value, in both
    /// languages, upper case and padded too; no two values share a word.
    fn check<T: Term>() {
        let mut owner: HashMap<String, T> = HashMap::new();
        for &v in T::all() {
            for lang in Lang::ALL {
                let w = v.word(lang);
                assert_eq!(T::parse(w), Some(v), "{} {w:?}", T::KIND);
                assert_eq!(T::parse(&format!(" {w}\u{3000}")), Some(v), "{w:?}");
                assert_eq!(T::parse(&w.to_ascii_uppercase()), Some(v), "{w:?}");
            }
            assert_eq!(T::from_machine(v.machine()), Some(v));
            for w in v.words().accepted() {
                assert_eq!(T::parse(w), Some(v), "{} {w:?}", T::KIND);
                if let Some(other) = owner.insert(normalize(w), v) {
                    assert_eq!(other, v, "{} word {w:?} names two values", T::KIND);
                }
            }
        }
        assert_eq!(T::parse(""), None);
        assert_eq!(T::parse("bogus"), None);
    }

    #[test]
    fn every_word_parses_back_and_no_word_names_two_values() {
        check::<Status>();
        check::<TaskState>();
        check::<Field>();
        check::<Milestone>();
    }

    #[test]
    fn machine_words_are_unchanged() {
        let m = |v: &[&str]| v.join(",");
        let all = |f: fn() -> String| f();
        assert_eq!(
            all(Status::machine_list),
            "met, stretch_met, in_progress, missed, no_data"
        );
        assert_eq!(
            all(TaskState::machine_list),
            "not_started, in_progress, delayed, done"
        );
        assert_eq!(
            m(&Field::all().iter().map(|f| f.as_str()).collect::<Vec<_>>()),
            "actual,status,note"
        );
        assert_eq!(Milestone::of(false).as_str(), "not_done");
    }

    #[test]
    fn from_machine_is_exact() {
        assert_eq!(TaskState::from_machine("delayed"), Some(TaskState::Delayed));
        assert_eq!(TaskState::from_machine("Delayed"), None);
        assert_eq!(TaskState::from_machine("已延误"), None);
        assert_eq!(TaskState::from_machine(" delayed"), None);
    }

    #[test]
    fn the_words_people_type() {
        assert_eq!(parse_task_state("已延误"), Some(TaskState::Delayed));
        assert_eq!(parse_task_state("滞后"), Some(TaskState::Delayed));
        assert_eq!(parse_task_state("Not Started"), Some(TaskState::NotStarted));
        assert_eq!(parse_task_state("not-started"), Some(TaskState::NotStarted));
        assert_eq!(parse_task_state(" Done "), Some(TaskState::Done));
        assert_eq!(parse_status("超额达标"), Some(Status::StretchMet));
        assert_eq!(parse_status("Stretch met"), Some(Status::StretchMet));
        assert_eq!(parse_status("推进中"), Some(Status::InProgress));
        assert_eq!(parse_field("实际值"), Some(Field::Actual));
        assert_eq!(parse_done("已完成"), Some(true));
        assert_eq!(parse_done("完成"), Some(true));
        assert_eq!(parse_done("NOT DONE"), Some(false));
        assert_eq!(parse_done("未完成"), Some(false));
        assert_eq!(parse_done("1"), None);
        // a word of another kind is not accepted
        assert_eq!(parse_status("已延误"), None);
        assert_eq!(parse_task_state("达标"), None);
    }

    #[test]
    fn normalize_folds_case_spaces_dashes() {
        assert_eq!(normalize("  Not -  Started\u{3000}"), "not_started");
        assert_eq!(normalize("推进中"), "推进中");
        assert_eq!(normalize("__"), "");
    }
}
