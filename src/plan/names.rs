//! Names of people and units: normalization and pinyin matching.
//!
//! `zhukuaichun`, `zkc`, `ZKC`, `zhukc` and `朱快春` all name 朱快春. Matching
//! uses the `ib-pinyin` crate (full pinyin and initials, polyphones included).

use std::sync::OnceLock;

use ib_pinyin::matcher::PinyinMatcher;
use ib_pinyin::pinyin::{PinyinData, PinyinNotation};

fn data() -> &'static PinyinData {
    static DATA: OnceLock<PinyinData> = OnceLock::new();
    DATA.get_or_init(|| PinyinData::new(PinyinNotation::Ascii | PinyinNotation::AsciiFirstLetter))
}

/// Removes all whitespace (ASCII and U+3000): `王 飞` → `王飞`.
pub fn normalize_name(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Pinyin initials of a name, lower case (`朱快春` → `zkc`). Characters
/// without pinyin are kept as they are, lower-cased.
pub fn initials(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let mut first = None;
        data().get_pinyins_and_for_each(c, |p| {
            if first.is_none() {
                first = p
                    .notation(PinyinNotation::AsciiFirstLetter)
                    .map(str::to_string);
            }
        });
        match first {
            Some(f) => out.push_str(&f),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A compiled query that matches text by Chinese substring or by pinyin
/// (full or initials, any case).
pub struct Query {
    raw: String,
    lower: String,
}

/// Bit `n` for ASCII letter or digit `c` (a–z: 0–25, 0–9: 26–35).
fn bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        _ => 0,
    }
}

/// The ASCII letters and digits a query could match in `text`: those of
/// the text in any case, and every letter of every pinyin (full or
/// initial, all readings) of its characters. A query with a letter or
/// digit outside this set cannot match `text` (a cheap test before the
/// pinyin matcher; see [`CompiledQuery::matches_indexed`]).
pub fn letters(text: &str) -> u64 {
    text.chars().fold(0, |set, c| set | char_letters(c))
}

/// [`letters`] of one character.
pub fn char_letters(c: char) -> u64 {
    let mut set = 0;
    for f in [c]
        .into_iter()
        .chain(c.to_lowercase())
        .chain(c.to_uppercase())
    {
        for l in f.to_lowercase() {
            set |= bit(l);
        }
    }
    data().get_pinyins_and_for_each(c, |p| {
        for n in [PinyinNotation::Ascii, PinyinNotation::AsciiFirstLetter] {
            for l in p.notation(n).unwrap_or("").chars() {
                set |= bit(l.to_ascii_lowercase());
            }
        }
    });
    set
}

impl Query {
    pub fn new(q: &str) -> Self {
        let raw = normalize_name(q);
        let lower = raw.to_lowercase();
        Query { raw, lower }
    }

    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// The query without whitespace, as typed.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// [`Query::raw`] lower-cased.
    pub fn lower(&self) -> &str {
        &self.lower
    }

    fn matcher(&self) -> PinyinMatcher<'_> {
        PinyinMatcher::builder(self.lower.as_str())
            .pinyin_data(data())
            .pinyin_case_insensitive(true)
            .build()
    }

    /// True when the query occurs anywhere in `text`, as written or as pinyin.
    pub fn matches(&self, text: &str) -> bool {
        self.compile().matches(text)
    }

    /// The query with its pinyin matcher built once, for matching many
    /// texts (building the matcher costs far more than one match).
    pub fn compile(&self) -> CompiledQuery<'_> {
        // Pinyin needs ASCII letters in the query; without them (汉字,
        // digits) matching as written is all there is.
        let pinyin = self.lower.chars().any(|c| c.is_ascii_alphabetic());
        CompiledQuery {
            query: self,
            matcher: pinyin.then(|| self.matcher()),
            letters: self.lower.chars().fold(0, |s, c| s | bit(c)),
        }
    }

    /// True when the query names the whole of `name` (as written, or its
    /// full pinyin, or its initials, or a mix).
    pub fn names(&self, name: &str) -> bool {
        if self.raw == name {
            return true;
        }
        match self.matcher().test(name) {
            Some(m) => m.start() == 0 && m.end() == name.len(),
            None => false,
        }
    }
}

/// A [`Query`] ready to match many texts.
pub struct CompiledQuery<'q> {
    query: &'q Query,
    matcher: Option<PinyinMatcher<'q>>,
    /// [`letters`] of the query's own letters and digits.
    letters: u64,
}

impl CompiledQuery<'_> {
    /// True when the query occurs anywhere in `text`, as written or as pinyin.
    pub fn matches(&self, text: &str) -> bool {
        let q = self.query;
        q.raw.is_empty()
            || text.contains(&q.raw)
            || text.to_lowercase().contains(&q.lower)
            || self.matcher.as_ref().is_some_and(|m| m.is_match(text))
    }

    /// True when the query uses the pinyin matcher (it has a letter).
    pub fn pinyin(&self) -> bool {
        self.matcher.is_some()
    }

    /// [`CompiledQuery::matches`] with `text`'s lower case and
    /// [`letters`] worked out beforehand: the same answer, without
    /// lower-casing, and without the pinyin matcher when a letter or digit
    /// of the query cannot occur in `text`.
    pub fn matches_indexed(&self, text: &str, lower: &str, letters: u64) -> bool {
        let q = self.query;
        q.raw.is_empty()
            || text.contains(&q.raw)
            || lower.contains(&q.lower)
            || (self.could_match(letters)
                && self.matcher.as_ref().is_some_and(|m| m.is_match(text)))
    }

    /// False when a letter or digit of the query is not in `letters`: then
    /// the pinyin matcher cannot match (a necessary test only).
    pub fn could_match(&self, letters: u64) -> bool {
        self.letters & !letters == 0
    }
}

/// The result of resolving a typed name against a list of names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    One(String),
    Unknown,
    Ambiguous(Vec<String>),
}

/// Resolves `query` to exactly one of `names`: an exact name first, then a
/// whole-name pinyin match.
pub fn resolve(query: &str, names: &[String]) -> Resolved {
    let q = Query::new(query);
    if q.is_empty() {
        return Resolved::Unknown;
    }
    if let Some(n) = names.iter().find(|n| **n == q.raw) {
        return Resolved::One(n.clone());
    }
    let hits: Vec<String> = names.iter().filter(|n| q.names(n)).cloned().collect();
    match hits.len() {
        0 => Resolved::Unknown,
        1 => Resolved::One(hits[0].clone()),
        _ => Resolved::Ambiguous(hits),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaders() -> Vec<String> {
        [
            "李立国",
            "王飞",
            "朱快春",
            "杨东华",
            "喻应雄",
            "冯青",
            "谢军",
            "蒋芳菊",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    #[test]
    fn initials_of_names() {
        assert_eq!(initials("朱快春"), "zkc");
        assert_eq!(initials("李立国"), "llg");
        assert_eq!(initials("R&D"), "r&d");
    }

    #[test]
    fn resolve_by_pinyin_any_case() {
        for q in [
            "zkc",
            "ZKC",
            "zhukuaichun",
            "ZhuKuaiChun",
            "zhukc",
            "朱快春",
            " 朱 快春 ",
        ] {
            assert_eq!(
                resolve(q, &leaders()),
                Resolved::One("朱快春".into()),
                "query {q}"
            );
        }
    }

    #[test]
    fn resolve_unknown_and_partial() {
        assert_eq!(resolve("zk", &leaders()), Resolved::Unknown);
        assert_eq!(resolve("nobody", &leaders()), Resolved::Unknown);
        assert_eq!(resolve("", &leaders()), Resolved::Unknown);
    }

    #[test]
    fn resolve_ambiguous() {
        let names = vec!["王飞".to_string(), "汪菲".to_string()];
        assert_eq!(
            resolve("wf", &names),
            Resolved::Ambiguous(vec!["王飞".into(), "汪菲".into()])
        );
        assert_eq!(resolve("王飞", &names), Resolved::One("王飞".into()));
    }

    #[test]
    fn compiled_query_matches_like_query() {
        let q = Query::new("gyzcz");
        let c = q.compile();
        for text in ["工业总产值达到500亿元", "工业", "", "GYZCZ"] {
            assert_eq!(c.matches(text), q.matches(text), "{text}");
        }
        let mixed = Query::new("gy总产值");
        assert!(mixed.compile().matches("工业总产值"));
        let han = Query::new("总产值");
        assert!(han.compile().matches("工业总产值"));
        assert!(!han.compile().matches("工业"));
        assert!(Query::new("").compile().matches("anything"));
    }

    #[test]
    fn substring_matches() {
        let q = Query::new("gyzcz");
        assert!(q.matches("工业总产值达到500亿元"));
        assert!(Query::new("总产值").matches("工业总产值"));
        assert!(!Query::new("xyz").matches("工业总产值"));
    }
}
