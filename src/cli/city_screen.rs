//! `wudang-plan --workspace DIR` on a terminal: the full-screen UI over
//! every district of a workspace (the city's view, docs/city.md). The
//! districts' plans are merged into one with qualified ids
//! (`crate::city::merge`) before the first frame; their ledgers are read on
//! a second thread, as one district's is. The view only reads: each
//! district records on its own host.

use std::path::Path;
use std::sync::Arc;

use super::words::Worded;
use super::{Cli, CliError, clock};
use crate::city::{self, District};
use crate::plan::Plan;
use crate::vocab::{M, Msg, S};

/// The districts of workspace `ws`, or why there are none (exit 2).
pub(super) fn districts_of(ws: &Path) -> Result<Vec<District>, CliError> {
    let districts = city::districts(ws).map_err(|e| CliError::City {
        msg: Msg::new(M::NoWorkspace)
            .arg("dir", ws.display())
            .arg("error", e),
        code: 2,
    })?;
    if districts.is_empty() {
        return Err(CliError::City {
            msg: Msg::new(M::EmptyWorkspace).arg("dir", ws.display()),
            code: 2,
        });
    }
    Ok(districts)
}

/// The city's plan of `districts`; a district whose plan cannot be read
/// is named with its errors (exit 2).
pub(super) fn city_plan(districts: &[District]) -> Result<Plan, CliError> {
    city::merge::load(districts).map_err(|e| CliError::City {
        msg: Msg::new(M::DistrictPlanBroken)
            .arg("district", crate::text::visible(&e.district))
            .sub("error", first_problem(&e.errors)),
        code: 2,
    })
}

/// The first of a plan's problems (the others show with `--plan DIR
/// check`).
fn first_problem(e: &crate::plan::PlanErrors) -> Msg {
    e.0.first()
        .map_or_else(|| Msg::new(M::PlanNotLoaded), |p| p.msg())
}

/// What the UI takes in over a workspace: every district's ledger read,
/// every indicator judged; a district whose ledger cannot be read shows no
/// values and is a warning (counted on the status line, printed, named,
/// once the screen closes).
fn read_city(
    districts: &[District],
    today: jiff::civil::Date,
    plan: &Plan,
    ws: &Path,
    lang: crate::vocab::Lang,
) -> Result<crate::ui::Ready, CliError> {
    let _ = rustix::process::setpriority_process(None, 10);
    let (progress, unread) = city::merge::progress(districts, today);
    let mut warnings = Vec::new();
    for (district, e) in &unread {
        let why = Msg::new(M::DistrictLedgerBroken)
            .arg("district", crate::text::visible(district))
            .arg(
                "error",
                crate::text::visible_lines(&e.text(lang)).into_owned(),
            );
        let line = Msg::new(M::CliWarning).arg("warning", why.text(lang));
        warnings.extend_from_slice(format!("{}\n", line.text(lang)).as_bytes());
    }
    let standing = crate::ui::model::standing::Standing::of(plan, &progress);
    Ok(crate::ui::Ready {
        ledger: crate::ledger::Ledger::none(&ws.join(".city-view")),
        city: districts
            .iter()
            .map(|d| (d.name.clone(), d.ledger()))
            .collect(),
        loaded: crate::ui::model::standing::Loaded {
            progress,
            standing,
            warnings: unread.len(),
            published: districts.iter().map(city::rollup::last_publish).collect(),
        },
        warnings,
    })
}

/// The full-screen UI over workspace `ws`, read-only.
pub(super) fn city_screen(cli: &Cli, ws: &Path) -> Result<(), CliError> {
    let clock = clock(cli);
    let districts = districts_of(ws)?;
    let plan = Arc::new(city_plan(&districts)?);
    let (deliver, arrival) = crate::ui::app::channel().map_err(CliError::Terminal)?;
    let lang = cli.lang.into();
    let (plan2, ws2) = (Arc::clone(&plan), ws.to_path_buf());
    std::thread::spawn(move || {
        let read = read_city(&districts, clock.today, &plan2, &ws2, lang);
        deliver.send(read.map_err(|e| Worded::new(e, lang)))
    });
    let opts = crate::ui::Options {
        lang,
        ascii: cli.ascii,
        ledger: Some(ws.display().to_string()),
        read_only: Some(S::ReadOnlyCity),
    };
    let start = crate::ui::Start {
        retry: None,
        draft: None,
        user: None,
        at: cli.today.map(|_| clock.now),
        today: clock.today,
        ledger: arrival,
    };
    super::screen::ended(crate::ui::run(plan, opts, start), &mut std::io::stderr())
}
