//! The checkpoint's bytes (version 2: version 1 had no prefix hash): a magic line, the version, the
//! body, and an FNV-1a hash of everything before it. Integers and strings
//! as `crate::binfmt` writes them; an entry
//! names its user by an index into the file's table of users. Anything
//! that does not decode exactly is no checkpoint (`None`), never an error:
//! the ledger is then read in full.

use jiff::Timestamp;
use jiff::tz::Offset;

use crate::binfmt;
pub(super) use crate::binfmt::{Fnv, Out, fnv};
use crate::ledger::entry::{Entry, Field, Stamp};
use crate::plan::Period;

/// The file's first bytes.
pub(super) const MAGIC: &[u8; 8] = b"WDPCKPT\n";
/// Bumped whenever the layout changes: another version is rebuilt.
pub(super) const VERSION: u32 = 2;

/// The checkpoint's reader: hashed with FNV-1a.
pub(super) type In<R> = binfmt::In<R, Fnv>;

/// Entries being written, their users in a table written before them.
#[derive(Default)]
pub(super) struct Entries {
    pub(super) out: Out,
    users: std::collections::HashMap<String, u64>,
    /// Users in order of their index.
    pub(super) user_list: Vec<String>,
}

impl Entries {
    fn user(&mut self, u: &str) -> u64 {
        if let Some(&i) = self.users.get(u) {
            return i;
        }
        let i = self.user_list.len() as u64;
        self.users.insert(u.to_string(), i);
        self.user_list.push(u.to_string());
        i
    }

    /// An entry whose id the reader knows from where it is.
    pub(super) fn entry(&mut self, e: &Entry) {
        let u = self.user(&e.user);
        let out = &mut self.out;
        out.uint(e.line);
        out.int(e.time.timestamp.as_second());
        out.int(i64::from(e.time.timestamp.subsec_nanosecond()));
        out.int(i64::from(e.time.offset.seconds()));
        out.uint(u);
        out.u8(e.field.index() as u8);
        out.opt_str(e.value.as_deref());
        out.opt_str(e.old.as_deref());
        out.opt_str(e.note.as_deref());
        match e.period {
            None => out.u8(0),
            Some(Period::Year(y)) => {
                out.u8(1);
                out.int(i64::from(y));
            }
            Some(Period::Quarter(y, q)) => {
                out.u8(2);
                out.int(i64::from(y));
                out.u8(q);
            }
            Some(Period::Month(y, m)) => {
                out.u8(3);
                out.int(i64::from(y));
                out.u8(m);
            }
        }
    }
}

/// Reads an entry (see [`Entries::entry`]) into `e`, reusing its strings'
/// buffers, its user an index into `users`; its id is left as it is (the
/// reader knows it from where the entry is).
pub(super) fn entry_into(
    r: &mut In<impl std::io::Read>,
    users: &[String],
    e: &mut Entry,
) -> Option<()> {
    e.line = r.uint()?;
    e.time = stamp(r)?;
    let user = user_at(r, users)?;
    e.user.clear();
    e.user.push_str(user);
    e.field = field(r)?;
    r.opt_str_into(&mut e.value)?;
    r.opt_str_into(&mut e.old)?;
    r.opt_str_into(&mut e.note)?;
    e.period = period(r)?;
    Some(())
}

/// Reads past an entry, checking it as [`entry_into`] does, copying
/// nothing (an id whose rows are not kept).
pub(super) fn skip_entry(r: &mut In<impl std::io::Read>, users: &[String]) -> Option<()> {
    r.uint()?;
    stamp(r)?;
    user_at(r, users)?;
    field(r)?;
    for _ in 0..3 {
        r.skip_opt_str()?;
    }
    period(r)?;
    Some(())
}

fn stamp(r: &mut In<impl std::io::Read>) -> Option<Stamp> {
    let secs = r.int()?;
    let nanos = r.small()?;
    let offset = Offset::from_seconds(r.small()?).ok()?;
    let timestamp = Timestamp::new(secs, nanos).ok()?;
    Some(Stamp { timestamp, offset })
}

fn user_at<'u>(r: &mut In<impl std::io::Read>, users: &'u [String]) -> Option<&'u str> {
    let u = usize::try_from(r.uint()?).ok()?;
    users.get(u).map(String::as_str)
}

fn field(r: &mut In<impl std::io::Read>) -> Option<Field> {
    Field::ALL.get(usize::from(r.u8()?)).copied()
}

fn period(r: &mut In<impl std::io::Read>) -> Option<Option<Period>> {
    Some(match r.u8()? {
        0 => None,
        1 => Some(Period::Year(r.small()?)),
        2 => Some(Period::Quarter(r.small()?, r.u8()?)),
        3 => Some(Period::Month(r.small()?, r.u8()?)),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(period: Option<Period>, note: Option<&str>) -> Entry {
        Entry {
            line: 123_456,
            time: Stamp::parse("2025-06-01T10:15:00.25+08:00").unwrap(),
            user: "李明".into(),
            id: "8.1".into(),
            field: Field::Actual,
            value: Some("512".into()),
            old: Some(String::new()),
            note: note.map(String::from),
            period,
        }
    }

    #[test]
    fn entries_read_back_equal() {
        let es = [
            entry(None, None),
            entry(Some(Period::Year(2025)), Some("快报")),
            entry(Some(Period::Quarter(2024, 4)), None),
            entry(Some(Period::Month(-3, 12)), None),
            Entry {
                field: Field::Note,
                user: "王芳".into(),
                value: None,
                time: Stamp::parse("1999-01-01T00:00:00Z").unwrap(),
                ..entry(None, None)
            },
        ];
        let mut out = Entries::default();
        for e in &es {
            out.entry(e);
        }
        let mut sum = out.out.buf.clone();
        sum.extend(fnv(&out.out.buf).to_le_bytes());
        let mut r = In::new(&sum[..], out.out.buf.len() as u64);
        // One entry read into, its buffers reused.
        let mut got = entry(None, Some("旧的"));
        for e in &es {
            assert_eq!(entry_into(&mut r, &out.user_list, &mut got), Some(()));
            assert_eq!(&got, e);
        }
        assert!(r.at_end());
        assert_eq!(out.user_list, ["李明", "王芳"]);
        // Skipped: the same bytes taken, nothing copied.
        let mut r = In::new(&sum[..], out.out.buf.len() as u64);
        for _ in &es {
            assert_eq!(skip_entry(&mut r, &out.user_list), Some(()));
        }
        assert!(r.at_end());
        // A user not in the table is no entry, read or skipped.
        let mut r = In::new(&sum[..], out.out.buf.len() as u64);
        assert_eq!(skip_entry(&mut r, &out.user_list[..0]), None);
    }
}
