//! The compact pieces of the index: a kept row ([`Slot`]) whose texts are
//! spans of one shared buffer ([`Texts`]) and whose user is an index into
//! the interned users ([`Users`]). Nothing here allocates per row: a slot
//! is a fixed-size value, a text is appended to the buffer, and the text
//! of a replaced slot is reclaimed when the buffer is compacted.

// Ids and user names are hashed often (every row read, every id
// restored): a fast hash, not SipHash; they come from the team's own
// ledger, not from an adversary.
use foldhash::HashMap;

use jiff::Timestamp;
use jiff::tz::Offset;

use crate::ledger::entry::{Entry, Field, Stamp};
use crate::plan::Period;

/// A text kept by the index: `len` bytes of [`Texts`]' buffer from
/// `start`; [`Text::NONE`] for no text; with `len == BIG`, `start` is an
/// index into [`Texts`]' overflow list (a buffer past 4 GiB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Text {
    start: u32,
    len: u32,
}

const BIG: u32 = u32::MAX - 1;

impl Text {
    pub(super) const NONE: Text = Text {
        start: 0,
        len: u32::MAX,
    };

    /// Bytes this text holds in the shared buffer.
    fn buffered(self) -> usize {
        if self.len < BIG { self.len as usize } else { 0 }
    }
}

/// The texts of every kept slot, one after the other in one buffer.
#[derive(Debug, Default)]
pub(super) struct Texts {
    buf: String,
    /// Texts that did not fit a 4 GiB buffer (never in practice).
    big: Vec<Box<str>>,
    /// Bytes of the buffer no slot refers to any more.
    dead: usize,
}

impl Texts {
    pub(super) fn put(&mut self, s: Option<&str>) -> Text {
        let Some(s) = s else {
            return Text::NONE;
        };
        let end = self.buf.len().saturating_add(s.len());
        match (u32::try_from(self.buf.len()), u32::try_from(s.len())) {
            (Ok(start), Ok(len)) if len < BIG && u32::try_from(end).is_ok() => {
                self.buf.push_str(s);
                Text { start, len }
            }
            _ => match u32::try_from(self.big.len()) {
                Ok(start) => {
                    self.big.push(s.into());
                    Text { start, len: BIG }
                }
                Err(_) => Text::NONE,
            },
        }
    }

    pub(super) fn get(&self, t: Text) -> Option<&str> {
        match t.len {
            u32::MAX => None,
            BIG => self.big.get(t.start as usize).map(|b| &**b),
            len => {
                let start = t.start as usize;
                self.buf.get(start..start + len as usize)
            }
        }
    }

    /// Marks the texts of a slot no longer kept.
    pub(super) fn free(&mut self, s: &Slot) {
        self.dead += s.buffered();
    }

    /// True when more than half the buffer (and over 1 MiB) is dead:
    /// compacting then costs no more than the bytes appended since the
    /// last time, so it is amortized constant per row.
    pub(super) fn wants_compaction(&self) -> bool {
        self.dead > (1 << 20) && self.dead * 2 > self.buf.len()
    }

    /// Copies the texts of `slots` (every slot kept) into a new buffer.
    pub(super) fn compact<'a>(&mut self, slots: impl Iterator<Item = &'a mut Slot>) {
        let mut fresh = Texts {
            buf: String::with_capacity(self.buf.len() - self.dead.min(self.buf.len())),
            big: std::mem::take(&mut self.big),
            dead: 0,
        };
        for s in slots {
            for t in s.texts_mut() {
                if t.len < BIG {
                    *t = fresh.put(self.get(*t));
                }
            }
        }
        *self = fresh;
    }

    pub(super) fn shrink(&mut self) {
        self.buf.shrink_to_fit();
    }

    /// Bytes held (the buffer's capacity and the overflow texts).
    #[cfg(test)]
    pub(super) fn heap_bytes(&self) -> usize {
        self.buf.capacity() + self.big.iter().map(|b| b.len() + 16).sum::<usize>()
    }
}

/// The users who wrote rows, each name kept once.
#[derive(Debug, Default)]
pub(super) struct Users {
    names: Vec<Box<str>>,
    ids: HashMap<Box<str>, u32>,
}

impl Users {
    pub(super) fn intern(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.ids.get(name) {
            return i;
        }
        let i = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(name.into());
        self.ids.insert(name.into(), i);
        i
    }

    pub(super) fn name(&self, i: u32) -> &str {
        self.names.get(i as usize).map_or("", |n| n)
    }

    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.names.len()
    }

    #[cfg(test)]
    pub(super) fn heap_bytes(&self) -> usize {
        self.names.iter().map(|n| 2 * (n.len() + 16) + 8).sum()
    }
}

/// One kept row in 64 bytes: what [`Entry`] holds but its id (the key
/// it is kept under), its user interned, its texts in [`Texts`], its time
/// and period packed.
#[derive(Debug, Clone, Copy)]
pub(super) struct Slot {
    secs: i64,
    pub(super) line: u64,
    nanos: i32,
    offset: i32,
    year: i32,
    user: u32,
    pub(super) value: Text,
    old: Text,
    note: Text,
    /// The period's kind: 0 a year, 1–4 a quarter, 16 + month a month.
    code: u8,
    pub(super) field: Field,
    /// Whether the row's `period` cell was given ([`Entry::period`]).
    given: bool,
}

impl Slot {
    /// `e` kept compactly (its texts appended to `texts`).
    pub(super) fn of(e: &Entry, texts: &mut Texts, users: &mut Users) -> Slot {
        let key = match (e.field, e.period) {
            (Field::Actual, _) => e.in_period(),
            (_, Some(p)) => p,
            (_, None) => Period::Year(0),
        };
        let (year, code) = match key {
            Period::Year(y) => (y, 0),
            Period::Quarter(y, q) => (y, q),
            Period::Month(y, m) => (y, 16 + m),
        };
        Slot {
            secs: e.time.timestamp.as_second(),
            line: e.line,
            nanos: e.time.timestamp.subsec_nanosecond(),
            offset: e.time.offset.seconds(),
            year,
            user: users.intern(&e.user),
            value: texts.put(e.value.as_deref()),
            old: texts.put(e.old.as_deref()),
            note: texts.put(e.note.as_deref()),
            code,
            field: e.field,
            given: e.period.is_some(),
        }
    }

    /// The period the row belongs to ([`Entry::in_period`]) for an
    /// actual; the `period` cell (or any year) for other fields.
    pub(super) fn key(&self) -> Period {
        match self.code {
            0 => Period::Year(self.year),
            q @ 1..=15 => Period::Quarter(self.year, q),
            m => Period::Month(self.year, m - 16),
        }
    }

    fn time(&self) -> Stamp {
        Stamp {
            timestamp: Timestamp::new(self.secs, self.nanos).unwrap_or(Timestamp::UNIX_EPOCH),
            offset: Offset::from_seconds(self.offset).unwrap_or(Offset::UTC),
        }
    }

    /// The row back as an [`Entry`] of `id`.
    pub(super) fn entry(&self, id: &str, texts: &Texts, users: &Users) -> Entry {
        let text = |t| texts.get(t).map(String::from);
        Entry {
            line: self.line,
            time: self.time(),
            user: users.name(self.user).to_string(),
            id: id.to_string(),
            field: self.field,
            value: text(self.value),
            old: text(self.old),
            note: text(self.note),
            period: self.given.then(|| self.key()),
        }
    }

    /// Makes `e` this row (of `e`'s id), reusing its strings' buffers.
    pub(super) fn fill(&self, e: &mut Entry, texts: &Texts, users: &Users) {
        fn set(dst: &mut Option<String>, src: Option<&str>) {
            match (dst.as_mut(), src) {
                (Some(d), Some(s)) => {
                    d.clear();
                    d.push_str(s);
                }
                (_, s) => *dst = s.map(String::from),
            }
        }
        e.line = self.line;
        e.time = self.time();
        e.user.clear();
        e.user.push_str(users.name(self.user));
        e.field = self.field;
        set(&mut e.value, texts.get(self.value));
        set(&mut e.old, texts.get(self.old));
        set(&mut e.note, texts.get(self.note));
        e.period = self.given.then(|| self.key());
    }

    /// Bytes in [`Texts`]' buffer the slot's texts hold.
    pub(super) fn buffered(&self) -> usize {
        self.value.buffered() + self.old.buffered() + self.note.buffered()
    }

    pub(super) fn texts_mut(&mut self) -> [&mut Text; 3] {
        [&mut self.value, &mut self.old, &mut self.note]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_come_back_and_compaction_keeps_only_what_is_kept() {
        let mut t = Texts::default();
        let a = t.put(Some("512.5"));
        let none = t.put(None);
        let empty = t.put(Some(""));
        assert_eq!(
            (t.get(a), t.get(none), t.get(empty)),
            (Some("512.5"), None, Some(""))
        );
        let row = |v: &str, t: &mut Texts, u: &mut Users| {
            Slot::of(
                &Entry {
                    line: 2,
                    time: Stamp::parse("2025-06-01T10:00:00+08:00").unwrap(),
                    user: "李明".into(),
                    id: "8.1".into(),
                    field: Field::Note,
                    value: Some(v.into()),
                    old: None,
                    note: None,
                    period: None,
                },
                t,
                u,
            )
        };
        let mut users = Users::default();
        let mut kept = row("留下", &mut t, &mut users);
        for _ in 0..100_000 {
            let gone = row("一条会被替换的说明", &mut t, &mut users);
            t.free(&gone);
        }
        assert_eq!(users.len(), 1, "one user, interned once");
        assert!(t.wants_compaction());
        t.compact(std::iter::once(&mut kept));
        assert_eq!(t.get(kept.value), Some("留下"));
        assert!(t.heap_bytes() < 64, "{} bytes kept", t.heap_bytes());
        let e = kept.entry("8.1", &t, &users);
        assert_eq!(
            (e.user.as_str(), e.value.as_deref(), e.period),
            ("李明", Some("留下"), None)
        );
    }

    /// A slot is 64 bytes, whatever its texts; its period and time come
    /// back exactly.
    #[test]
    fn a_slot_is_small_and_gives_its_row_back() {
        assert_eq!(std::mem::size_of::<Slot>(), 64);
        let (mut t, mut u) = (Texts::default(), Users::default());
        for p in ["2024", "2024Q3", "2024-11"] {
            let e = Entry {
                line: 7,
                time: Stamp::parse("2025-06-01T10:00:00.25-05:30").unwrap(),
                user: "u".into(),
                id: "8.1".into(),
                field: Field::Actual,
                value: Some("1".into()),
                old: Some("0".into()),
                note: Some("快报".into()),
                period: Some(Period::parse(p).unwrap()),
            };
            let s = Slot::of(&e, &mut t, &mut u);
            assert_eq!(s.key(), e.in_period());
            assert_eq!(s.entry("8.1", &t, &u), e);
            let mut reused = Entry {
                value: None,
                note: Some("旧的".into()),
                ..e.clone()
            };
            s.fill(&mut reused, &t, &u);
            assert_eq!(reused, e);
        }
    }
}
