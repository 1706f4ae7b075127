//! `series ID`: every period's value of an indicator with its expected
//! value (序时进度) and its light, as a table, CSV or JSON.

use std::io::Write;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;

use super::output::{self, csv_io, csv_visible};
use super::{CliError, Context, Format, clock, open_ledger_for};
use crate::ledger::{Actual, Entry};
use crate::plan::{Indicator, Plan};
use crate::report;
use crate::report::pace::baseline;
use crate::text::halfwidth;
use crate::vocab::Wording;

/// One period of the series.
#[derive(Serialize)]
struct Point {
    /// `"2024"`, `"2024Q2"`, `"2024-06"`.
    period: String,
    /// The value recorded for the period, exact; null for a milestone or a
    /// cleared value.
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    value: Option<Decimal>,
    /// A milestone's done / not done; null otherwise.
    done: Option<bool>,
    /// The expected value (序时进度) at the end of the period (so far, while
    /// it runs), exact; null
    /// when nothing is expected (a milestone, a level without a baseline).
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    expected: Option<Decimal>,
    /// `green`, `yellow`, `red` or `gray`, judged as of the end of the
    /// period (or today if earlier).
    light: &'static str,
    #[serde(skip)]
    actual: Option<Actual>,
}

/// Each period's value judged as it stood ([`report::series::judge`], the
/// computation the UI's chart shows too).
fn points(plan: &Plan, ind: &Indicator, rows: &[Entry], today: Date) -> Vec<Point> {
    let pts: Vec<report::Point> = rows.iter().map(report::Point::of).collect();
    report::series::judge(plan.period, ind, &pts, today)
        .into_iter()
        .map(|j| Point {
            period: j.period.to_string(),
            value: report::series::number(j.actual),
            done: match j.actual {
                Some(Actual::Done(d)) => Some(d),
                _ => None,
            },
            expected: j.expected,
            light: j.light.as_str(),
            actual: j.actual,
        })
        .collect()
}

/// `series ID [--format F]`.
pub fn series(cx: &mut Context<'_>, id: &str, format: Format) -> Result<(), CliError> {
    let plan = cx.plan;
    let id = halfwidth(id).trim().to_string();
    let ind = plan.indicator(&id).ok_or_else(|| {
        CliError::Usage(
            crate::vocab::Msg::new(crate::vocab::M::NotAnIndicatorId)
                .arg("id", crate::text::visible(&id)),
        )
    })?;
    let ledger = open_ledger_for(cx.cli, cx.err, ind.id())?;
    let today = clock(cx.cli).today;
    let points = points(plan, ind, &ledger.periods(ind.id()), today);
    match format {
        Format::Json => {
            super::json::pretty(&mut *cx.out, &points)?;
            writeln!(cx.out)?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut *cx.out);
            w.write_record(["period", "value", "expected", "light"])
                .map_err(csv_io)?;
            for p in &points {
                let value = p.actual.as_ref().map(Actual::to_ledger).unwrap_or_default();
                let expected = p.expected.map(|d| d.to_string()).unwrap_or_default();
                w.write_record(csv_visible(&[
                    p.period.as_str(),
                    value.as_str(),
                    expected.as_str(),
                    p.light,
                ]))
                .map_err(csv_io)?;
            }
            w.flush()?;
        }
        Format::Table => table(
            cx.out,
            plan,
            ind,
            &points,
            baseline(plan.period, &ledger.periods(ind.id())),
        )?,
    }
    Ok(())
}

/// The table: a line naming the indicator, its kind and baseline, then one
/// row per period (expected values rounded to 2 decimals).
fn table(
    out: &mut dyn Write,
    plan: &Plan,
    ind: &Indicator,
    points: &[Point],
    base: Option<Decimal>,
) -> Result<(), CliError> {
    let v = crate::text::visible;
    let base_year = plan.period.start.saturating_sub(1);
    // Only a level is measured from its baseline.
    let base_text = match (ind.kind, base) {
        (crate::plan::Kind::Level, Some(b)) => {
            format!(", baseline {} ({base_year})", b.normalize())
        }
        (crate::plan::Kind::Level, None) => {
            format!(", no baseline (record it with --period {base_year})")
        }
        _ => String::new(),
    };
    say!(
        out,
        "{} {}: {}, {}, plan {}–{}{base_text}",
        v(ind.id()),
        v(ind.name()),
        output::target_text(ind),
        ind.kind,
        plan.period.start,
        plan.period.end
    )?;
    if points.is_empty() {
        say!(out, "no values recorded")?;
        return Ok(());
    }
    let rows: Vec<Vec<String>> = points
        .iter()
        .map(|p| {
            vec![
                p.period.clone(),
                p.actual
                    .as_ref()
                    .map(|a| report::actual_text(ind, a, Wording::Machine))
                    .unwrap_or_else(|| "-".into()),
                p.expected
                    .map(|d| d.round_dp(2).normalize().to_string())
                    .unwrap_or_else(|| "-".into()),
                p.light.to_string(),
            ]
        })
        .collect();
    output::table(out, &["period", "value", "expected", "light"], &rows)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pace::Light;
    use crate::plan::Period;

    fn row(period: &str, value: &str) -> Entry {
        Entry {
            line: 2,
            time: crate::ledger::Stamp::parse("2025-06-01T00:00:00+08:00").unwrap(),
            user: "u".into(),
            id: "8.1".into(),
            field: crate::ledger::Field::Actual,
            value: Some(value.into()),
            old: None,
            note: None,
            period: Some(Period::parse(period).unwrap()),
        }
    }

    /// 8.1 (level, >= 500, baseline 300 for 2020): docs/data.md's cases —
    /// 2023: 410 against 420 is yellow; 2024: 470 against 460 green; the
    /// baseline year expects 300 and is gray.
    #[test]
    fn the_series_of_8_1_with_a_baseline() {
        let plan = crate::plan::load_embedded().unwrap();
        let ind = plan.indicator("8.1").unwrap();
        let rows = [row("2020", "300"), row("2023", "410"), row("2024", "470")];
        let today = jiff::civil::date(2025, 3, 1);
        let got: Vec<(String, Option<String>, &str)> = points(&plan, ind, &rows, today)
            .into_iter()
            .map(|p| {
                (
                    p.period,
                    p.expected.map(|e| e.normalize().to_string()),
                    p.light,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("2020".to_string(), Some("300".to_string()), "gray"),
                ("2023".to_string(), Some("420".to_string()), "yellow"),
                ("2024".to_string(), Some("460".to_string()), "green"),
            ]
        );
        // Without the baseline: nothing expected, gray.
        let p = points(&plan, ind, &rows[1..], today);
        assert_eq!((p[0].expected, p[0].light), (None, Light::Gray.as_str()));
    }
}
