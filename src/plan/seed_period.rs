//! `period.csv`: the years the plan runs, one record `start,end`. A plan
//! directory without it (from the first release) gets a period derived from
//! its deadlines ([`PlanPeriod::from_deadlines`]); see docs/data.md.

use std::io::BufRead;

use super::cells::{Rec, Unreadable, records};
use super::error::PlanError;
use super::plan_period::PlanPeriod;
use crate::vocab::{M, Msg};

/// The seed file holding the plan period (optional).
pub const PERIOD: &str = "period.csv";

/// Reads `period.csv`: one record with `start` and `end`, both years from
/// 1900 to 2200, `start <= end`. `None` (and errors pushed) when it is
/// wrong.
pub(super) fn period(
    file: &str,
    input: impl BufRead,
    errs: &mut Vec<PlanError>,
) -> Result<Option<PlanPeriod>, Unreadable> {
    let before = errs.len();
    let recs = records(file, input, &["start", "end"], errs)?;
    if errs.len() != before {
        return Ok(None);
    }
    Ok(one_period(file, recs, errs))
}

/// The period of the one record of `period.csv`.
fn one_period(file: &str, recs: Vec<Rec<'_>>, errs: &mut Vec<PlanError>) -> Option<PlanPeriod> {
    let mut recs = recs.into_iter();
    let Some(rec) = recs.next() else {
        errs.push(PlanError::Syntax {
            file: file.to_string(),
            line: 2,
            message: Msg::new(M::PlanNoPeriodRecord),
        });
        return None;
    };
    if let Some(extra) = recs.next() {
        extra.err(errs, "start", Msg::new(M::PlanSecondPeriodRecord));
        return None;
    }
    let start = year(&rec, "start", errs)?;
    let end = year(&rec, "end", errs)?;
    let period = PlanPeriod::new(start, end);
    if period.is_none() {
        rec.err(
            errs,
            "end",
            Msg::new(M::PlanEndBeforeStart)
                .arg("found", end)
                .arg("start", start),
        );
    }
    period
}

fn year(rec: &Rec<'_>, field: &str, errs: &mut Vec<PlanError>) -> Option<i32> {
    match rec.get(field).parse::<i32>() {
        Ok(y) if (1900..=2200).contains(&y) => Some(y),
        _ => {
            rec.err(
                errs,
                field,
                Msg::new(M::PlanBadYear).arg("found", rec.get(field)),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Option<PlanPeriod>, Vec<String>) {
        let mut errs = Vec::new();
        let p = period("d/period.csv", text.as_bytes(), &mut errs).unwrap();
        (p, errs.iter().map(|e| e.to_string()).collect())
    }

    #[test]
    fn one_record() {
        assert_eq!(
            read("start,end\n2021,2025\n").0,
            PlanPeriod::new(2021, 2025)
        );
        assert_eq!(
            read("end,start\n2025,2021\n").0,
            PlanPeriod::new(2021, 2025)
        );
        assert_eq!(read("start,end\n2025,2025").0, PlanPeriod::new(2025, 2025));
    }

    #[test]
    fn errors_name_file_line_and_field() {
        let (p, e) = read("start,end\n2026,2025\n");
        assert_eq!(p, None);
        assert_eq!(
            e,
            [
                "d/period.csv:2: field `end`: found `2025`, expected a year no earlier than the start `2026`"
            ]
        );
        let (_, e) = read("start,end\n２０２１,2025\n");
        assert_eq!(
            e,
            ["d/period.csv:2: field `start`: found `２０２１`, expected a year such as `2021`"]
        );
        let (_, e) = read("start,end\n2021,2025\n2022,2026\n");
        assert!(
            e[0].starts_with("d/period.csv:3: field `start`: a second record"),
            "{e:?}"
        );
        let (_, e) = read("start,end\n");
        assert!(e[0].starts_with("d/period.csv:2: no record"), "{e:?}");
        let (_, e) = read("start\n2021\n");
        assert!(e[0].contains("missing column `end`"), "{e:?}");
    }
}
