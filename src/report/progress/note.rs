//! A note or remark as [`super::Progress`] keeps it: its text in one
//! allocation, who wrote it as a position among the progress's users,
//! when packed (40 bytes; [`super::Noted`], two strings and a stamp, is
//! what the accessors give).

use jiff::Timestamp;
use jiff::tz::Offset;

use crate::ledger::Stamp;

/// A [`Stamp`] in 16 bytes (it takes 24).
#[derive(Debug, Clone, Copy)]
pub(super) struct When {
    secs: i64,
    nanos: i32,
    offset: i32,
}

impl When {
    pub(super) fn of(t: Stamp) -> When {
        When {
            secs: t.timestamp.as_second(),
            nanos: t.timestamp.subsec_nanosecond(),
            offset: t.offset.seconds(),
        }
    }

    pub(super) fn stamp(self) -> Stamp {
        Stamp {
            timestamp: Timestamp::new(self.secs, self.nanos).unwrap_or(Timestamp::UNIX_EPOCH),
            offset: Offset::from_seconds(self.offset).unwrap_or(Offset::UTC),
        }
    }
}

#[derive(Debug, Clone)]
pub(super) struct Note {
    pub(super) text: Box<str>,
    pub(super) who: u32,
    when: When,
}

impl Note {
    pub(super) fn new(text: &str, who: u32, when: Stamp) -> Note {
        Note {
            text: text.into(),
            who,
            when: When::of(when),
        }
    }

    pub(super) fn when(&self) -> Stamp {
        self.when.stamp()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_is_small_and_gives_its_stamp_back() {
        assert!(std::mem::size_of::<Note>() <= 40);
        assert_eq!(std::mem::size_of::<When>(), 16);
        let when = Stamp::parse("2025-06-01T10:15:00.25-05:30").unwrap();
        let n = Note::new("快报", 3, when);
        assert_eq!((n.when(), &*n.text, n.who), (when, "快报", 3));
    }
}
