//! Appending several edits at once (`import`): all or none, decided under
//! one lock and written with one write and one `sync_data`. See
//! docs/data.md, "Export and import".

use std::collections::HashSet;

use super::Ledger;
use crate::ledger::change::{self, Edit, Expect};
use crate::ledger::entry::Entry;
use crate::ledger::error::{Conflict, LedgerError, WordsOf, maybe_words};
use crate::vocab::{Lang, M, Msg, Term};

/// What [`Ledger::append_all`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Batch {
    /// Every edit was decided and the rows written (durable).
    Recorded {
        /// The rows appended, each with the index of its edit, in order.
        rows: Vec<(usize, Entry)>,
        /// The edits that changed nothing (the value already was theirs).
        unchanged: Vec<usize>,
        /// With `force`: the conflicts recorded over (by edit index).
        overridden: Vec<(usize, Conflict)>,
    },
    /// Edits whose value changed since their author saw it (by edit
    /// index): nothing was appended.
    Refused(Vec<(usize, Conflict)>),
}

impl Ledger {
    /// Records every edit or none. Each edit is checked as
    /// [`Ledger::append`] checks it (an invalid one: nothing is written)
    /// and decided under the lock against the rows others appended, with
    /// the same no-op rule and expectation. A conflict refuses the whole
    /// batch ([`Batch::Refused`]), unless `force`: then the edit is
    /// recorded over it and the conflict reported. The rows go to the file
    /// in one write followed by one `sync_data`: a crash can leave the
    /// first rows of the batch (each complete) and a cut-short last line,
    /// which the next writer moves aside, never half a row read as a row.
    /// Two edits of the same id, field and period are refused.
    pub fn append_all(&mut self, edits: Vec<Edit>, force: bool) -> Result<Batch, LedgerError> {
        let edits = edits
            .into_iter()
            .map(change::checked)
            .collect::<Result<Vec<_>, _>>()?;
        let mut keys = HashSet::new();
        for e in &edits {
            if !keys.insert((e.id.as_str(), e.field, e.in_period())) {
                let period = maybe_words(
                    e.in_period()
                        .map(|p| Msg::new(M::LedgerPeriodInParens).arg("period", p)),
                );
                return Err(LedgerError::InvalidEdit(
                    Msg::new(M::LedgerChangedTwice)
                        .arg("id", &e.id)
                        .words("field", e.field.word(Lang::Zh), e.field.as_str())
                        .words_of("period", period),
                ));
            }
        }
        let (mut which, mut unchanged, mut conflicts) = (Vec::new(), Vec::new(), Vec::new());
        let rows = self.write_locked(|l| {
            let mut rows = Vec::new();
            for (i, edit) in edits.iter().enumerate() {
                let cur = l.current_in(&edit.id, edit.field, edit.in_period());
                let row = match change::decide(edit, cur.as_ref()) {
                    Err(LedgerError::Conflict(c)) => {
                        conflicts.push((i, *c));
                        if !force {
                            continue;
                        }
                        let over = Edit {
                            expect: Expect::Any,
                            ..edit.clone()
                        };
                        change::decide(&over, cur.as_ref())?
                    }
                    other => other?,
                };
                match row {
                    Some(row) => {
                        which.push(i);
                        rows.push(row);
                    }
                    None => unchanged.push(i),
                }
            }
            if conflicts.is_empty() || force {
                Ok(rows)
            } else {
                Ok(Vec::new())
            }
        })?;
        if !force && !conflicts.is_empty() {
            return Ok(Batch::Refused(conflicts));
        }
        Ok(Batch::Recorded {
            rows: which.into_iter().zip(rows).collect(),
            unchanged,
            overridden: conflicts,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::Path;

    use super::*;
    use crate::ledger::entry::{Field, Stamp};
    use crate::plan::Period;

    fn edit(id: &str, field: Field, value: &str, expect: Expect) -> Edit {
        Edit {
            id: id.into(),
            field,
            value: Some(value.into()),
            note: Some("imported from 台账.csv".into()),
            user: "李明".into(),
            time: Stamp::parse("2025-07-01T00:00:00+08:00").unwrap(),
            expect,
            period: (field == Field::Actual).then_some(Period::Year(2025)),
        }
    }

    fn ledger_with(dir: &Path, rows: &[Edit]) -> (std::path::PathBuf, Ledger) {
        let path = dir.join("actuals.csv");
        let mut l = Ledger::open(&path).unwrap();
        for e in rows {
            l.append(e.clone()).unwrap();
        }
        (path, l)
    }

    #[test]
    fn every_row_is_written_at_once_with_its_line_and_old_value() {
        let dir = tempfile::tempdir().unwrap();
        let (path, mut l) = ledger_with(
            dir.path(),
            &[edit("8.1", Field::Actual, "512", Expect::Any)],
        );
        let before = fs::read(&path).unwrap();
        let saw_512 = Expect::Row {
            value: Some("512".into()),
            line: 2,
        };
        let batch = l
            .append_all(
                vec![
                    edit("8.1", Field::Actual, "530", saw_512),
                    edit(
                        "8.1",
                        Field::Note,
                        "=待核实",
                        Expect::Row {
                            value: None,
                            line: 0,
                        },
                    ),
                    edit("8", Field::Status, "delayed", Expect::Value(None)),
                    edit("8.2", Field::Actual, "300", Expect::Any),
                ],
                false,
            )
            .unwrap();
        let Batch::Recorded {
            rows,
            unchanged,
            overridden,
        } = batch
        else {
            panic!("{batch:?}")
        };
        assert!(unchanged.is_empty() && overridden.is_empty());
        let lines: Vec<(usize, u64, Option<&str>)> = rows
            .iter()
            .map(|(i, e)| (*i, e.line, e.old.as_deref()))
            .collect();
        assert_eq!(
            lines,
            [
                (0, 3, Some("512")),
                (1, 4, None),
                (2, 5, None),
                (3, 6, None)
            ]
        );
        let text = String::from_utf8(fs::read(&path).unwrap()).unwrap();
        assert!(text.starts_with(std::str::from_utf8(&before).unwrap()));
        assert!(
            text.ends_with(
                "2025-07-01T00:00:00+08:00,李明,8.1,note,'=待核实,,imported from 台账.csv,\r\n\
             2025-07-01T00:00:00+08:00,李明,8,status,delayed,,imported from 台账.csv,\r\n\
             2025-07-01T00:00:00+08:00,李明,8.2,actual,300,,imported from 台账.csv,2025\r\n"
            ),
            "{text}"
        );
        // the index follows: a reopened ledger reads the same
        assert_eq!(l.value("8.1", Field::Actual), Some("530"));
        let again = Ledger::open(&path).unwrap();
        assert_eq!((again.len(), again.last_line()), (5, 6));
        assert_eq!(
            again.current("8.2", Field::Actual),
            l.current("8.2", Field::Actual)
        );
    }

    #[test]
    fn one_conflict_refuses_the_batch_and_force_records_over_it() {
        let dir = tempfile::tempdir().unwrap();
        let (path, mut l) = ledger_with(
            dir.path(),
            &[
                edit("8.1", Field::Actual, "512", Expect::Any),
                edit("8.1", Field::Actual, "520", Expect::Any),
            ],
        );
        let before = fs::read(&path).unwrap();
        let edits = vec![
            edit(
                "8.2",
                Field::Actual,
                "300",
                Expect::Row {
                    value: None,
                    line: 0,
                },
            ),
            edit(
                "8.1",
                Field::Actual,
                "530",
                Expect::Row {
                    value: Some("512".into()),
                    line: 2,
                },
            ),
            edit("8.3", Field::Actual, "150", Expect::Any),
        ];
        let batch = l.append_all(edits.clone(), false).unwrap();
        let Batch::Refused(conflicts) = batch else {
            panic!("{batch:?}")
        };
        assert_eq!(conflicts.len(), 1);
        let (i, c) = &conflicts[0];
        assert_eq!((*i, c.found.as_deref(), c.line), (1, Some("520"), 3));
        assert_eq!(fs::read(&path).unwrap(), before, "nothing written");
        assert_eq!(l.value("8.2", Field::Actual), None);
        let Batch::Recorded {
            rows, overridden, ..
        } = l.append_all(edits, true).unwrap()
        else {
            panic!("forced")
        };
        assert_eq!(rows.len(), 3);
        assert_eq!(overridden.len(), 1);
        assert_eq!(
            rows[1].1.old.as_deref(),
            Some("520"),
            "old is what it replaced"
        );
    }

    #[test]
    fn unchanged_edits_write_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (path, mut l) = ledger_with(
            dir.path(),
            &[edit("8.1", Field::Actual, "512", Expect::Any)],
        );
        let before = fs::read(&path).unwrap();
        let batch = l
            .append_all(
                vec![edit("8.1", Field::Actual, "512.0", Expect::Any)],
                false,
            )
            .unwrap();
        assert_eq!(
            batch,
            Batch::Recorded {
                rows: vec![],
                unchanged: vec![0],
                overridden: vec![]
            }
        );
        assert_eq!(fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_bad_edit_or_the_same_key_twice_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (path, mut l) = ledger_with(
            dir.path(),
            &[edit("8.1", Field::Actual, "512", Expect::Any)],
        );
        let before = fs::read(&path).unwrap();
        let twice = vec![
            edit("8.2", Field::Actual, "1", Expect::Any),
            edit("8.2", Field::Actual, "2", Expect::Any),
        ];
        let err = l.append_all(twice, false).unwrap_err();
        assert_eq!(
            err.to_string(),
            "8.2 actual (2025): changed twice in one batch; expected one change each"
        );
        let bad = vec![
            edit("8.2", Field::Actual, "1", Expect::Any),
            edit("8", Field::Status, "later", Expect::Any),
        ];
        assert!(matches!(
            l.append_all(bad, false),
            Err(LedgerError::InvalidEdit(_))
        ));
        assert_eq!(fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_first_release_ledger_refuses_the_whole_batch_for_another_period() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actuals.csv");
        let old = "time,user,id,field,value,old,note\r\n\
                   2025-06-01T10:00:00+08:00,李明,8.1,actual,512,,\r\n";
        fs::write(&path, old).unwrap();
        let mut l = Ledger::open(&path).unwrap();
        let mut other = edit("8.2", Field::Actual, "1", Expect::Any);
        other.period = Some(Period::Year(2024));
        let edits = vec![edit("8.3", Field::Actual, "1", Expect::Any), other];
        let err = l.append_all(edits, false).unwrap_err();
        assert!(matches!(err, LedgerError::NeedsUpgrade { .. }), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), old);
    }
}
