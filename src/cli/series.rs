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
use crate::vocab::Lang;
use crate::vocab::cli_words::{C, L, header};

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
    /// The period and light, for the table's words.
    #[serde(skip)]
    at: crate::plan::Period,
    #[serde(skip)]
    lamp: crate::pace::Light,
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
            at: j.period,
            lamp: j.light,
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
        Format::Table => {
            let base = baseline(plan.period, &ledger.periods(ind.id()));
            table(cx.out, plan, ind, &points, base, cx.cli.lang.into())?
        }
    }
    Ok(())
}

/// The table in `lang`: a line naming the indicator, its kind and
/// baseline, then one row per period (expected values rounded to 2
/// decimals). Periods, values and lights in the words of
/// [`output::table_wording`] (2024年二季度, 已完成, 红灯 in Chinese), each
/// accepted back by `set`.
fn table(
    out: &mut dyn Write,
    plan: &Plan,
    ind: &Indicator,
    points: &[Point],
    base: Option<Decimal>,
    lang: Lang,
) -> Result<(), CliError> {
    let w = output::table_wording(lang);
    let base_year = plan.period.start.saturating_sub(1).to_string();
    // Only a level is measured from its baseline.
    let base_text = match (ind.kind, base) {
        (crate::plan::Kind::Level, Some(b)) => L::SeriesBaseline.fill(
            lang,
            &[("value", &b.normalize().to_string()), ("year", &base_year)],
        ),
        (crate::plan::Kind::Level, None) => L::SeriesNoBaseline.fill(lang, &[("year", &base_year)]),
        _ => String::new(),
    };
    let head = L::SeriesHead.fill(
        lang,
        &[
            ("id", ind.id()),
            ("name", ind.name()),
            ("target", &report::target_text(ind, true, w)),
            ("kind", output::kind_word(ind.kind, lang)),
            ("start", &plan.period.start.to_string()),
            ("end", &plan.period.end.to_string()),
            ("base", &base_text),
        ],
    );
    say!(out, "{head}")?;
    if points.is_empty() {
        say!(out, "{}", L::SeriesNone.get(lang))?;
        return Ok(());
    }
    let rows: Vec<Vec<String>> = points
        .iter()
        .map(|p| {
            vec![
                report::period_text(p.at, w),
                p.actual
                    .as_ref()
                    .map(|a| report::actual_text(ind, a, w))
                    .unwrap_or_else(|| "-".into()),
                p.expected
                    .map(|d| d.round_dp(2).normalize().to_string())
                    .unwrap_or_else(|| "-".into()),
                w.word(p.lamp).to_string(),
            ]
        })
        .collect();
    let keys = [C::PeriodOf, C::Value, C::Expected, C::Light];
    output::table(out, &header(&keys, lang), &rows)?;
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

    /// The kinds' English words are the machine words `series` and `check`
    /// always printed.
    #[test]
    fn kind_words_in_english_are_the_machine_words() {
        for k in crate::plan::Kind::ALL {
            assert_eq!(output::kind_word(k, Lang::En), k.as_str());
            assert_ne!(output::kind_word(k, Lang::Zh), k.as_str());
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
