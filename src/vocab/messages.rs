//! THE message table of the command line and the library's errors: every
//! error, warning and confirmation a person reads from `wudang-plan`
//! outside the full-screen UI, in Chinese (the default) and English.
//!
//! An error keeps a [`Msg`] (a key and its named parameters), not a
//! finished sentence, so that the binary's edge words it in the language
//! of the command line ([`Msg::text`]). `Display` is the English, which is
//! what the command line printed before it spoke Chinese (scripts and
//! tests rely on it: change it only on purpose).
//!
//! Parameters are named, `{path}`, and filled by name; both languages of
//! an entry must use the same names (a test checks every entry), and a
//! message must be given exactly the parameters its text names (checked
//! in debug builds when it is worded).
//!
//! Quoting: Chinese text quotes with “”, English with backticks; file
//! paths, flags and commands are ASCII in both.

use std::fmt;

pub use super::Lang;

macro_rules! messages {
    ($($key:ident => $zh:expr, $en:expr;)*) => {
        /// A key into the message table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum M { $($key),* }

        impl M {
            /// Every key, table order.
            pub const ALL: &'static [M] = &[$(M::$key),*];

            /// The template in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((M::$key, Lang::Zh) => $zh, (M::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

// Sections: keep each area's entries together, and add new ones inside
// their section (not at the end of the table), so that work on different
// areas does not collide.
messages! {
    // ---- shared pieces -------------------------------------------------
    Nothing => "无", "nothing";

    // ---- plan files (crate::plan) -----------------------------------------


    // ---- ledger (crate::ledger) -------------------------------------------


    // ---- command line (crate::cli): usage and refusals -------------------


    // ---- command line: confirmations, summaries, warnings --------------


    // ---- the city's view over git (crate::city) -------------------------
    GitMissing => "{dir}：无法运行 git（{error}）；请先安装 git（Debian：apt install git）",
        "{dir}: cannot run git ({error}); install git first (Debian: apt install git)";
    GitFailed => "{dir}：“git {cmd}”失败：{said}",
        "{dir}: `git {cmd}` failed: {said}";
    CopyRefusesWrites => "{path}：这是{district}台账的只读副本（git 克隆，源头在 {origin}），本机不能填报；请在{district}的主机上填报，再用 wudang-plan pull 取回",
        "{path}: this is a read-only copy of {district}'s ledger (a git clone of {origin}); nothing can be recorded here; record on {district}'s host and fetch it with wudang-plan pull";
    NotInGit => "{path}：台账不在 git 仓库中，无法发布；请先在台账所在目录运行 wudang-plan home init 区县名",
        "{path}: the ledger is not in a git repository, so it cannot be published; run wudang-plan home init DISTRICT in its directory first";
    CannotReadLedger => "{path}：无法读取台账：{error}",
        "{path}: cannot read the ledger: {error}";
    PublishedLedgerRewritten => "{path}:{line}：台账从第 {line} 行起与上次发布的不同；已发布的台账只能追加，不能改写。未发布任何内容；请找回上次发布的内容（git diff 可看改动）",
        "{path}:{line}: the ledger differs from what was last published from line {line} on; a published ledger is only appended to, never rewritten. Nothing was published; restore what was published (git diff shows the change)";

    DistrictHistoryRewritten => "{district}：发布的历史被改写（不再包含本地副本的 {head}）；未取回，本地副本保持原样；请联系{district}核实",
        "{district}: the published history was rewritten (it no longer contains this copy's {head}); nothing was pulled, the copy is kept as it was; ask {district} why";
    DistrictLedgerRewritten => "{district}：新发布的台账从第 {line} 行起改写了已发布的内容（本地副本为 {head}）；未取回，本地副本保持原样；请联系{district}核实",
        "{district}: the newly published ledger rewrites what was published from line {line} on (this copy is at {head}); nothing was pulled, the copy is kept as it was; ask {district} why";

    BadDistrictName => "区县名“{name}”不可用；应为可见的文字，如 wudang-plan home 乌当区",
        "the district name `{name}` cannot be used; expected visible text, e.g. wudang-plan home 乌当区";
    HomeStandalone => "{path}：台账不在 git 仓库中，本机照常填报；要发布给市里，请运行 wudang-plan home 区县名",
        "{path}: the ledger is not in a git repository and is recorded here as before; to publish it to the city, run wudang-plan home DISTRICT";
    HomeIsHome => "本机是{district}台账的源头（{repo}）：在此填报，用 wudang-plan publish 发布",
        "this host is the home of {district}'s ledger ({repo}): record here and publish with wudang-plan publish";
    PublishedRows => "已发布：{district} 台账第 {first}–{last} 行（{rows} 条；填报人：{users}），提交 {commit}",
        "published: {district} ledger lines {first}–{last} ({rows} rows; by {users}), commit {commit}";
    PublishedNothingNew => "{district}：上次发布以来没有新的台账行",
        "{district}: no new ledger rows since the last publish";
    Pushed => "已推送到 {remote}",
        "pushed to {remote}";
    PushFailed => "推送到 {remote} 失败：{why}；提交已保留在本机，下次运行 wudang-plan publish 时再推送",
        "the push to {remote} failed: {why}; the commit is kept here and pushed by the next wudang-plan publish";
    NoWorkspace => "工作区 {dir} 无法读取：{error}；应为每个区县一个 git 克隆所在的目录（--workspace 或 WUDANG_PLAN_WORKSPACE）",
        "the workspace {dir} cannot be read: {error}; expected a directory holding one git clone per district (--workspace or WUDANG_PLAN_WORKSPACE)";
    EmptyWorkspace => "工作区 {dir} 中没有 git 克隆；请先用 git clone 把各区县的仓库克隆到这里",
        "the workspace {dir} holds no git clone; clone each district's repository into it first (git clone)";
    Pulling => "正在取回各区县",
        "pulling the districts";
    PulledRows => "新增 {n} 行（第 {first}–{last} 行）",
        "{n} new rows (lines {first}–{last})";
    PulledNothing => "已是最新",
        "up to date";
    DistrictStale => "；逾期未发布（超过 {days} 天）",
        "; stale (no publish for over {days} days)";
    PulledLine => "{district}：{what}；最近发布 {when}{stale}",
        "{district}: {what}; last published {when}{stale}";
    PullIncomplete => "有 {n} 个区县未能取回（见上）",
        "{n} districts could not be pulled (see above)";

    // ---- end -------------------------------------------------------------
}

/// A message: a key and the values of its named parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub key: M,
    args: Vec<(&'static str, Arg)>,
}

/// A parameter's value: the same in both languages, or worded per
/// language (a nested message, or a word from the vocabulary).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Arg {
    Plain(String),
    Msg(Box<Msg>),
    Words { zh: String, en: String },
}

impl Msg {
    /// The message `key` with no parameters yet.
    pub fn new(key: M) -> Msg {
        Msg {
            key,
            args: Vec::new(),
        }
    }

    /// Sets parameter `name` to `value`, the same in both languages.
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Msg {
        self.args.push((name, Arg::Plain(value.to_string())));
        self
    }

    /// Sets parameter `name` to another message, worded in the same
    /// language as this one.
    pub fn sub(mut self, name: &'static str, value: Msg) -> Msg {
        self.args.push((name, Arg::Msg(Box::new(value))));
        self
    }

    /// Sets parameter `name` to a word that differs by language (a
    /// status, a field).
    pub fn words(
        mut self,
        name: &'static str,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> Msg {
        self.args.push((
            name,
            Arg::Words {
                zh: zh.into(),
                en: en.into(),
            },
        ));
        self
    }

    /// The message in `lang`, each `{name}` replaced by its value. A
    /// `{name}` with no value is left as it is (and fails a debug
    /// assertion: a test would catch it).
    pub fn text(&self, lang: Lang) -> String {
        let template = self.key.get(lang);
        debug_assert_eq!(
            {
                let mut want = params(template);
                want.sort_unstable();
                want
            },
            {
                let mut have: Vec<&str> = self.args.iter().map(|(n, _)| *n).collect();
                have.sort_unstable();
                have
            },
            "message {:?}: parameters given do not match its text",
            self.key
        );
        render(template, &self.args, lang)
    }
}

/// `template` with each `{name}` replaced by its value in `args`, worded
/// in `lang`; an unknown `{name}` is left as it is.
fn render(template: &str, args: &[(&'static str, Arg)], lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(&v.text(lang)),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

impl Arg {
    fn text(&self, lang: Lang) -> String {
        match self {
            Arg::Plain(s) => s.clone(),
            Arg::Msg(m) => m.text(lang),
            Arg::Words { zh, en } => match lang {
                Lang::Zh => zh.clone(),
                Lang::En => en.clone(),
            },
        }
    }
}

/// English, as the command line printed it before it spoke Chinese.
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl From<M> for Msg {
    fn from(key: M) -> Msg {
        Msg::new(key)
    }
}

/// The names of the `{name}` parameters of `template`, in order, each
/// once.
pub fn params(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !names.contains(&name) {
            names.push(name);
        }
        rest = &after[close + 1..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages_with_the_same_parameters() {
        for m in M::ALL {
            let zh = m.get(Lang::Zh);
            let en = m.get(Lang::En);
            assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{m:?}");
            let mut pz = params(zh);
            let mut pe = params(en);
            pz.sort_unstable();
            pe.sort_unstable();
            assert_eq!(pz, pe, "{m:?}: parameters differ between zh and en");
            for p in pz {
                assert!(
                    !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                    "{m:?}: parameter `{{{p}}}` must be a plain lower-case name"
                );
            }
        }
    }

    #[test]
    fn chinese_entries_are_chinese() {
        let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for m in M::ALL {
            assert!(
                han(m.get(Lang::Zh)),
                "{m:?}: the Chinese text has no Chinese"
            );
        }
    }

    #[test]
    fn parameters_are_filled_by_name_in_the_message_language() {
        let m = Msg::new(M::Nothing);
        assert_eq!(m.text(Lang::Zh), "无");
        assert_eq!(m.to_string(), "nothing");
        assert_eq!(params("{a} and {b} then {a}"), vec!["a", "b"]);
        let args = vec![
            ("id", Arg::Plain("8.1".into())),
            ("what", Arg::Msg(Box::new(Msg::new(M::Nothing)))),
            (
                "field",
                Arg::Words {
                    zh: "状态".into(),
                    en: "status".into(),
                },
            ),
        ];
        assert_eq!(
            render("{id}：{field}为{what}，{id}", &args, Lang::Zh),
            "8.1：状态为无，8.1"
        );
        assert_eq!(
            render("{id} {field}: {what} {missing}", &args, Lang::En),
            "8.1 status: nothing {missing}"
        );
    }
}
