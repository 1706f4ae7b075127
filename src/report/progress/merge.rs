//! Several districts' progress in one (a city's view, `crate::city::merge`):
//! each id qualified by its district (`乌当区:8.1`), slots, users and notes
//! moved over, nothing read again.

use super::{Progress, Slot};
use crate::plan::qualified;

impl Progress {
    /// Takes in `other`, every one of its ids qualified by `district`:
    /// its slots are moved (not copied), its users interned here, its
    /// notes and remarks renumbered to the moved slots. O(ids of `other`).
    pub fn absorb(&mut self, district: &str, other: Progress) {
        let Progress {
            ids,
            slots,
            users,
            notes,
            status_remarks,
            period_remarks,
            ..
        } = other;
        let users: Vec<u32> = users.iter().map(|u| self.intern(u)).collect();
        let user = |u: u32| users.get(u as usize).copied().unwrap_or(0);
        let base = self.slots.len() as u32;
        self.slots.extend(slots.into_iter().map(|mut s: Slot| {
            if let Some(l) = s.last.as_mut() {
                l.user = user(l.user);
            }
            s
        }));
        self.ids.reserve(ids.len());
        for (id, pos) in ids {
            self.ids.insert(qualified(district, &id).into(), base + pos);
        }
        for (pos, mut n) in notes {
            n.who = user(n.who);
            self.notes.insert(base + pos, n);
        }
        for (pos, mut n) in status_remarks {
            n.who = user(n.who);
            self.status_remarks.insert(base + pos, n);
        }
        for ((pos, period), mut n) in period_remarks {
            n.who = user(n.who);
            self.period_remarks.insert((base + pos, period), n);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::ledger::{Entry, Field, Stamp};
    use crate::report::Progress;

    fn entry(id: &str, field: Field, value: &str, user: &str, note: Option<&str>) -> Entry {
        Entry {
            line: 2,
            time: Stamp::parse("2025-06-01T10:00:00+08:00").unwrap(),
            user: user.into(),
            id: id.into(),
            field,
            value: Some(value.into()),
            old: None,
            note: note.map(Into::into),
            period: None,
        }
    }

    #[test]
    fn a_districts_ids_values_users_and_notes_arrive_qualified() {
        let today = jiff::civil::date(2025, 7, 1);
        let mut a = Progress::empty(today);
        a.apply(&entry("8.1", Field::Actual, "12", "李明", Some("快报")));
        let mut b = Progress::empty(today);
        b.apply(&entry("8.1", Field::Actual, "30", "王芳", None));
        b.apply(&entry("8", Field::Note, "按月报送", "赵六", None));
        let mut city = Progress::empty(today);
        city.absorb("乌当区", a);
        city.absorb("白云区", b);
        let actual = |id: &str| city.actual_of(id).map(|a| a.to_string());
        assert_eq!(actual("乌当区:8.1").as_deref(), Some("12"));
        assert_eq!(actual("白云区:8.1").as_deref(), Some("30"));
        assert_eq!(actual("8.1"), None);
        assert_eq!(
            city.last_of("白云区:8.1").map(|l| l.user),
            Some("王芳".into())
        );
        assert_eq!(
            city.last_of("乌当区:8.1").map(|l| l.user),
            Some("李明".into())
        );
        let note = city.standing_note("白云区:8").expect("the note came over");
        assert_eq!(
            (note.text.as_str(), note.who.as_str()),
            ("按月报送", "赵六")
        );
        let remark = city.remark_of("乌当区:8.1").expect("the remark came over");
        assert_eq!(
            (remark.text.as_str(), remark.who.as_str()),
            ("快报", "李明")
        );
    }
}
