//! The search's index: every text a search matches, worked out once per
//! plan (lower case and the letters its pinyin can match, see
//! [`crate::plan::names::letters`]), so a query costs a substring test per
//! text and the pinyin matcher only where it could match. Names shared by
//! many tasks (leaders, units, persons) are matched once per query.
//!
//! What a search hits is the rule of `filter`: a task by its id, title,
//! text, target texts, body units, or a leader, unit or person of its
//! rows; an indicator by its id or name. Titles and names match as written
//! or as pinyin ([`CompiledQuery::matches`]); the long paragraphs (text,
//! targets) as written only.
//!
//! Narrowing: when a query extends the previous one (a letter typed at the
//! end), only the previous query's candidates are searched. Candidates are
//! what *could* match: a text containing the query, or one whose letters
//! cover the query's. The pinyin matcher itself does not narrow (`zh` does
//! not match 朱 but `zhu` does), so the exact test runs on candidates only.

use std::collections::HashMap;

use memchr::memmem::Finder;

use crate::plan::Plan;
use crate::plan::names::{CompiledQuery, Query, char_letters};

/// A text matched with [`CompiledQuery::matches`]: where it and its
/// lower case are in [`Index::arena`] (one after the other), and its
/// letters.
#[derive(Debug, Clone, Copy)]
struct Text {
    at: u32,
    len: u32,
    lower_len: u32,
    letters: u64,
}

/// The index of one plan, built once.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Every text and its lower case, back to back: a query reads them in
    /// order from one block (a `String` each cost two cache misses per
    /// text and two allocations).
    arena: String,
    /// Distinct texts (titles, names, units, persons).
    texts: Vec<Text>,
    /// Per task (plan position): its texts in `texts`.
    task_texts: Vec<Vec<u32>>,
    /// The positions in `Plan::rows` of each task's rows, task after
    /// task, and where each task's start (one more: the end).
    rows: Vec<u32>,
    rows_at: Vec<u32>,
    /// Per indicator (plan position): its name in `texts`.
    ind_text: Vec<u32>,
}

/// Interns texts while the index is built.
struct Texts<'p> {
    arena: String,
    texts: Vec<Text>,
    seen: HashMap<&'p str, u32>,
    /// [`char_letters`] of each character met.
    chars: HashMap<char, u64>,
}

impl<'p> Texts<'p> {
    fn add(&mut self, s: &'p str) -> u32 {
        if let Some(&n) = self.seen.get(s) {
            return n;
        }
        // u32 offsets: an arena of 4 GB is far past any plan's texts.
        let at = self.arena.len() as u32;
        self.arena.push_str(s);
        let lower_at = self.arena.len();
        // `to_lowercase` as before (it knows a word-final Σ is ς).
        self.arena.push_str(&s.to_lowercase());
        self.texts.push(Text {
            at,
            len: s.len() as u32,
            lower_len: (self.arena.len() - lower_at) as u32,
            letters: s.chars().fold(0, |set, c| {
                set | *self.chars.entry(c).or_insert_with(|| char_letters(c))
            }),
        });
        // u32: four billion distinct texts is far past any plan.
        let n = (self.texts.len() - 1) as u32;
        self.seen.insert(s, n);
        n
    }
}

impl Index {
    /// The index of no text.
    pub const EMPTY: Index = Index {
        arena: String::new(),
        texts: Vec::new(),
        task_texts: Vec::new(),
        rows: Vec::new(),
        rows_at: Vec::new(),
        ind_text: Vec::new(),
    };

    /// How many distinct texts the index holds.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// True when the index holds no text.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    pub fn new(plan: &Plan) -> Self {
        let mut t = Texts {
            arena: String::new(),
            texts: Vec::new(),
            seen: HashMap::new(),
            chars: HashMap::new(),
        };
        let mut task_texts = Vec::with_capacity(plan.tasks.len());
        for task in &plan.tasks {
            let mut own = vec![t.add(&task.title)];
            own.extend(task.units.iter().map(|u| t.add(u)));
            for r in plan.rows_of(&task.id) {
                own.extend(r.leaders.iter().map(|l| t.add(l)));
                for o in &r.owners {
                    own.push(t.add(&o.unit));
                    own.push(t.add(&o.person));
                }
            }
            own.sort_unstable();
            own.dedup();
            task_texts.push(own);
        }
        let ind_text = plan.indicators.iter().map(|i| t.add(i.name())).collect();
        let mut arena = t.arena;
        arena.shrink_to_fit();
        let (rows, rows_at) = task_rows(plan);
        Index {
            arena,
            texts: t.texts,
            task_texts,
            rows,
            rows_at,
            ind_text,
        }
    }

    /// What `search` hits, searching only `prev`'s candidates when the
    /// search extends `prev`'s.
    pub fn search(&self, plan: &Plan, search: &str, prev: Option<&Hits>) -> Hits {
        let query = Query::new(search);
        let q = query.compile();
        let key = Key::of(search, &query, &q);
        let prev = prev.filter(|p| key.extends(&p.key));
        let mut h = Hits {
            key,
            text_hit: vec![false; self.texts.len()],
            text_cands: Vec::new(),
            task_hit: vec![false; plan.tasks.len()],
            task_cands: Vec::new(),
            id_tasks: ids_equal(plan.task(search).is_some(), &plan.tasks, |t| &t.id, search),
            id_inds: ids_equal(
                plan.indicator_pos(search).is_some(),
                &plan.indicators,
                |i| i.id(),
                search,
            ),
            tested: 0,
            matched: 0,
        };
        // Texts: candidates first, the exact test on those only.
        let mut cand = vec![false; self.texts.len()];
        let all_texts = 0..self.texts.len() as u32;
        let texts: Box<dyn Iterator<Item = u32>> = match prev {
            Some(p) => Box::new(p.text_cands.iter().copied()),
            None => Box::new(all_texts),
        };
        let mut pinyin = Pinyin::new(&query, &q);
        // An ASCII query in lower case is in a text exactly when it is in
        // the text's lower case (ASCII lowercases letter by letter): one
        // substring test instead of two.
        let one_test = query.raw().is_ascii() && query.raw() == query.lower();
        // Substring tests with searchers built once per query (`contains`
        // builds one per call: most of a test on a short name).
        let (raw, lower) = (Finder::new(query.raw()), Finder::new(query.lower()));
        let has = |f: &Finder, s: &str| f.find(s.as_bytes()).is_some();
        for n in texts {
            let (t, letters) = self.text(n as usize);
            h.tested += 1;
            let plain = (!one_test && has(&raw, t.text)) || has(&lower, t.lower);
            if !(plain || (q.pinyin() && q.could_match(letters))) {
                continue;
            }
            cand[n as usize] = true;
            h.text_cands.push(n);
            h.text_hit[n as usize] = plain || pinyin.matches(t.text);
        }
        h.matched = pinyin.runs;
        // Tasks: a candidate has a candidate text or contains the search
        // in its paragraphs.
        let all_tasks = 0..plan.tasks.len() as u32;
        let tasks: Box<dyn Iterator<Item = u32>> = match prev {
            Some(p) => Box::new(p.task_cands.iter().copied()),
            None => Box::new(all_tasks),
        };
        let paragraphs = Finder::new(search);
        for pos in tasks {
            let own = &self.task_texts[pos as usize];
            if own.iter().any(|&n| h.text_hit[n as usize]) {
                // Hit by a text: its paragraphs need no test.
                h.task_cands.push(pos);
                h.task_hit[pos as usize] = true;
                continue;
            }
            let plain = has(&paragraphs, &plan.tasks[pos as usize].text)
                || self
                    .rows_of(pos)
                    .any(|r| has(&paragraphs, &plan.rows[r].target));
            if plain || own.iter().any(|&n| cand[n as usize]) {
                h.task_cands.push(pos);
                h.task_hit[pos as usize] = plain;
            }
        }
        h
    }

    /// The positions in `Plan::rows` of the rows of task `pos`.
    fn rows_of(&self, pos: u32) -> impl Iterator<Item = usize> + '_ {
        let at = |k: usize| self.rows_at.get(k).map_or(0, |&a| a as usize);
        let (from, to) = (at(pos as usize), at(pos as usize + 1));
        self.rows[from..to.max(from)].iter().map(|&r| r as usize)
    }

    /// Text `n`, its lower case and its letters.
    fn text(&self, n: usize) -> (Pair<'_>, u64) {
        let t = self.texts[n];
        let (at, len) = (t.at as usize, t.len as usize);
        let pair = Pair {
            text: &self.arena[at..at + len],
            lower: &self.arena[at + len..at + len + t.lower_len as usize],
        };
        (pair, t.letters)
    }

    /// Indicator `ip`'s name as a text of the index.
    fn ind(&self, ip: usize) -> Option<usize> {
        self.ind_text.get(ip).map(|&n| n as usize)
    }
}

/// The row positions of every task, task after task, and where each
/// task's start ([`Index::rows_of`]): no lookup of a task's id per query.
fn task_rows(plan: &Plan) -> (Vec<u32>, Vec<u32>) {
    // As `Plan::rows_of`: a row belongs to the first task of its id.
    let mut per_task = vec![0u32; plan.tasks.len() + 1];
    let owner: Vec<Option<usize>> = plan.rows.iter().map(|r| plan.task_pos(&r.task)).collect();
    for &t in owner.iter().flatten() {
        per_task[t + 1] += 1;
    }
    for k in 1..per_task.len() {
        per_task[k] += per_task[k - 1];
    }
    // Rows in plan order within each task, as `rows_of` gives them.
    let mut next = per_task.clone();
    let mut rows = vec![0u32; plan.rows.len()];
    for (r, t) in owner.iter().enumerate() {
        if let Some(t) = *t {
            rows[next[t] as usize] = r as u32;
            next[t] += 1;
        }
    }
    rows.truncate(per_task[plan.tasks.len()] as usize);
    (rows, per_task)
}

/// The positions of `items` whose id is `search`, when `any` (the plan
/// found one by its index): a search hits a task or indicator by its id
/// too, and these are the only ones; the visible set then reads no id.
fn ids_equal<T, S: AsRef<str> + ?Sized>(
    any: bool,
    items: &[T],
    id: impl Fn(&T) -> &S,
    search: &str,
) -> Vec<u32> {
    if !any {
        return Vec::new();
    }
    // u32: as `Index`'s text numbers.
    (0..items.len() as u32)
        .filter(|&k| id(&items[k as usize]).as_ref() == search)
        .collect()
}

/// A text of the index and its lower case.
struct Pair<'i> {
    text: &'i str,
    lower: &'i str,
}

/// The pinyin matcher of one query, run once per distinct *piece* of
/// text. A match is a run of consecutive characters, each consumed as
/// itself (case-folded) or as a pinyin of it; an ASCII character has no
/// pinyin, so one that is not in the query can never be part of a match.
/// Such characters cut a text into pieces, and the query matches the text
/// exactly when it matches one of its pieces: `指标1234-5` is the piece
/// `指标` for `zhibiao`, and 100,000 such names cost one match.
struct Pinyin<'q, 't> {
    q: &'q CompiledQuery<'q>,
    /// The ASCII bytes the query has (lower case, as the matcher sees it).
    usable: [bool; 128],
    /// The answer for each piece met.
    seen: HashMap<&'t str, bool>,
    /// How many times the matcher ran.
    runs: usize,
    /// The last piece met and its answer.
    last: Option<(&'t str, bool)>,
}

impl<'q, 't> Pinyin<'q, 't> {
    fn new(query: &Query, q: &'q CompiledQuery<'q>) -> Self {
        let mut usable = [false; 128];
        for b in query.lower().bytes().filter(u8::is_ascii) {
            usable[usize::from(b)] = true;
        }
        Pinyin {
            q,
            usable,
            seen: HashMap::new(),
            runs: 0,
            last: None,
        }
    }

    /// True when the pinyin matcher matches `text` (the plain tests are
    /// the caller's).
    fn matches(&mut self, text: &'t str) -> bool {
        if !self.q.pinyin() {
            return false;
        }
        let b = text.as_bytes();
        let mut start = 0;
        for end in 0..=b.len() {
            let cut = b
                .get(end)
                .is_none_or(|&c| c.is_ascii() && !self.usable[usize::from(c.to_ascii_lowercase())]);
            if !cut {
                continue;
            }
            // Cuts fall on ASCII bytes: `start..end` is on char boundaries.
            if end > start && self.piece(&text[start..end]) {
                return true;
            }
            start = end + 1;
        }
        false
    }

    fn piece(&mut self, piece: &'t str) -> bool {
        // Names come in runs sharing a piece (指标1-1, 指标1-2, …): the
        // last answer first, the map after.
        if let Some((last, m)) = self.last
            && last == piece
        {
            return m;
        }
        let m = match self.seen.get(piece) {
            Some(&m) => m,
            None => {
                self.runs += 1;
                // An empty lower case: the caller tests the whole text's;
                // the matcher alone decides here (all letters may match).
                let m = self.q.matches_indexed(piece, "", u64::MAX);
                self.seen.insert(piece, m);
                m
            }
        };
        self.last = Some((piece, m));
        m
    }
}

/// What decides whether one search narrows another.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    /// The search as the filter holds it (trimmed).
    search: String,
    raw: String,
    lower: String,
    pinyin: bool,
}

impl Key {
    fn of(search: &str, query: &Query, q: &CompiledQuery<'_>) -> Self {
        Key {
            search: search.to_string(),
            raw: query.raw().to_string(),
            lower: query.lower().to_string(),
            pinyin: q.pinyin(),
        }
    }

    /// True when every candidate of `self` is one of `prev`'s: each form
    /// of the search contains `prev`'s (so a text containing it contains
    /// `prev`'s), and the pinyin matcher is used by both or neither (so
    /// `self`'s letters cover `prev`'s).
    fn extends(&self, prev: &Key) -> bool {
        self.search.contains(&prev.search)
            && self.raw.contains(&prev.raw)
            && self.lower.contains(&prev.lower)
            && self.pinyin == prev.pinyin
    }
}

/// What one search hits, and its candidates for the next.
#[derive(Debug, Clone)]
pub struct Hits {
    key: Key,
    /// Per text of the index: the search matches it.
    text_hit: Vec<bool>,
    /// Texts that could match (ascending).
    text_cands: Vec<u32>,
    /// Per task (plan position): hit by a text or a paragraph (not by id).
    task_hit: Vec<bool>,
    /// Tasks that could be hit (ascending).
    task_cands: Vec<u32>,
    /// Tasks and indicators whose id is the search (ascending; almost
    /// always none, at most a few).
    id_tasks: Vec<u32>,
    id_inds: Vec<u32>,
    /// How many texts were tested (the work narrowing saves).
    pub tested: usize,
    /// How many times the pinyin matcher ran (once per distinct piece of
    /// text, see [`Pinyin`]).
    pub matched: usize,
}

impl Hits {
    /// The search as the filter holds it.
    pub fn search(&self) -> &str {
        &self.key.search
    }

    /// True when the search hits the task at plan position `pos`.
    pub fn task(&self, _plan: &Plan, pos: usize) -> bool {
        self.task_hit.get(pos).copied().unwrap_or(false) || by_id(&self.id_tasks, pos)
    }

    /// True when the search hits indicator `ip` (its id or name).
    pub fn indicator(&self, index: &Index, _plan: &Plan, ip: usize) -> bool {
        index
            .ind(ip)
            .is_some_and(|n| self.text_hit.get(n).copied().unwrap_or(false))
            || by_id(&self.id_inds, ip)
    }
}

/// True when `pos` is in the ascending list `ids`.
fn by_id(ids: &[u32], pos: usize) -> bool {
    !ids.is_empty() && u32::try_from(pos).is_ok_and(|p| ids.binary_search(&p).is_ok())
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
