//! `home`, `publish`, `pull`: the command line over `crate::city` (the
//! city's view over git; docs/city.md), and the guard that stops a write
//! to a ledger that is a read-only clone.

use std::io::Write;
use std::path::Path;

use super::{Cli, CliError};
use crate::city::{self, Home, Outcome, Pulled};
use crate::vocab::{Lang, M, Msg};

fn lang(cli: &Cli) -> Lang {
    cli.lang.into()
}

/// Refuses (exit 2) a write to a ledger that is a clone of another host's
/// (see `city::home`); a ledger in its home or in no repository passes.
pub fn guard(ledger: &Path) -> Result<(), CliError> {
    match city::home_of(ledger) {
        Ok(h) => match h.refusal(ledger) {
            Some(msg) => Err(CliError::City { msg, code: 2 }),
            None => Ok(()),
        },
        Err(e) => Err(git_error(e)),
    }
}

fn git_error(e: city::GitError) -> CliError {
    CliError::City {
        msg: e.msg().clone(),
        code: 1,
    }
}

/// `home [DISTRICT]`.
pub fn home(cli: &Cli, district: Option<&str>, out: &mut dyn Write) -> Result<(), CliError> {
    let ledger = super::ledger_path(cli)?;
    let dir = match ledger.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    if let Some(name) = district {
        let name = name.trim();
        if name.is_empty() || crate::text::first_unsafe(name).is_some() {
            return Err(CliError::City {
                msg: Msg::new(M::BadDistrictName).arg("name", crate::text::visible(name)),
                code: 2,
            });
        }
        // A clone cannot be made a second home.
        guard(&ledger)?;
        city::home::init(&dir, name).map_err(git_error)?;
    }
    let msg = match city::home_of(&ledger).map_err(git_error)? {
        Home::Standalone => Msg::new(M::HomeStandalone).arg("path", ledger.display()),
        Home::Home { repo, district } => Msg::new(M::HomeIsHome)
            .arg("district", district)
            .arg("repo", repo.display()),
        h @ Home::Copy { .. } => h
            .refusal(&ledger)
            .unwrap_or_else(|| Msg::new(M::HomeStandalone).arg("path", ledger.display())),
    };
    writeln!(out, "{}", msg.text(lang(cli)))?;
    Ok(())
}

/// `publish [--remote NAME]`: exit 1 when the push failed (the commit is
/// kept and pushed by the next publish).
pub fn publish(cli: &Cli, remote: &str, out: &mut dyn Write) -> Result<(), CliError> {
    let ledger = super::ledger_path(cli)?;
    let p = city::publish(&ledger, remote).map_err(|e| match e {
        city::PublishError::Refused(msg) => CliError::City { msg, code: 2 },
        city::PublishError::Git(e) => git_error(e),
    })?;
    let l = lang(cli);
    let users = p.users.join(if l == Lang::Zh { "、" } else { ", " });
    let rows = |m| {
        Msg::new(m)
            .arg("district", &p.district)
            .arg("users", &users)
            .arg("commit", p.commit.as_deref().unwrap_or("-"))
    };
    let what = match p.lines {
        Some((a, b)) if a == b => rows(M::PublishedRow).arg("line", a),
        Some((a, b)) => rows(M::PublishedRows)
            .arg("first", a)
            .arg("last", b)
            .arg("rows", b - a + 1),
        None => Msg::new(M::PublishedNothingNew).arg("district", &p.district),
    };
    writeln!(out, "{}", what.text(l))?;
    match p.push {
        Ok(()) => {
            writeln!(out, "{}", Msg::new(M::Pushed).arg("remote", remote).text(l))?;
            Ok(())
        }
        Err(e) => Err(CliError::City {
            msg: Msg::new(M::PushFailed).arg("remote", remote).sub(
                "why",
                match e {
                    city::GitError::Missing(m) | city::GitError::Failed(m) => m,
                },
            ),
            code: 1,
        }),
    }
}

/// `pull --workspace DIR [--stale-days N]`: one line per district; exit 1
/// when any district was refused or failed.
pub fn pull(
    cli: &Cli,
    workspace: &Path,
    stale_days: i64,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let districts = super::city_screen::districts_of(workspace)?;
    let bar = std::sync::Mutex::new(super::progress::Bar::new(
        Msg::new(M::Pulling).text(lang(cli)),
    ));
    let done = std::sync::atomic::AtomicU64::new(0);
    let total = districts.len() as u64;
    let pulled = city::pull(&districts, 4, &|_| {
        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if let Ok(mut b) = bar.lock() {
            crate::ledger::Progress::update(&mut *b, n, total);
        }
    });
    // Cleared when dropped, before the lines.
    drop(bar);
    let now = super::clock(cli).now.timestamp.as_second();
    let mut bad = 0;
    for p in &pulled {
        let (line, failed) = pulled_line(p, now, stale_days);
        bad += usize::from(failed);
        writeln!(out, "{}", line.text(lang(cli)))?;
    }
    if bad > 0 {
        return Err(CliError::City {
            msg: Msg::new(M::PullIncomplete).arg("n", bad),
            code: 1,
        });
    }
    Ok(())
}

/// One district's line of `pull`, and whether it was refused or failed.
fn pulled_line(p: &Pulled, now: i64, stale_days: i64) -> (Msg, bool) {
    let name = p.district.name.as_str();
    let (what, failed) = match &p.outcome {
        Outcome::Updated {
            lines_before,
            lines_after,
        } if *lines_after == lines_before + 1 => {
            (Msg::new(M::PulledRow).arg("line", lines_after), false)
        }
        Outcome::Updated {
            lines_before,
            lines_after,
        } => (
            Msg::new(M::PulledRows)
                .arg("n", lines_after.saturating_sub(*lines_before))
                .arg("first", lines_before + 1)
                .arg("last", lines_after),
            false,
        ),
        Outcome::UpToDate => (Msg::new(M::PulledNothing), false),
        Outcome::Refused(m) => (m.clone(), true),
        Outcome::Failed(e) => (e.msg().clone(), true),
    };
    let when = p.last_publish.map_or_else(
        || "-".to_string(),
        |t| {
            jiff::Timestamp::from_second(t)
                .map(|ts| {
                    ts.to_zoned_datetime(jiff::tz::TimeZone::system())
                        .date()
                        .to_string()
                })
                .unwrap_or_else(|_| "-".into())
        },
    );
    let line = Msg::new(M::PulledLine)
        .arg("district", name)
        .sub("what", what)
        .arg("when", when);
    let line = if p.stale(now, stale_days) {
        line.sub("stale", Msg::new(M::DistrictStale).arg("days", stale_days))
    } else {
        line.arg("stale", "")
    };
    (line, failed)
}

/// `report --workspace DIR [--format md|html] [--out FILE]`: the city's
/// report (`bulletin::city`: built over `city::rollup`, laid out), in
/// Markdown or HTML as the district report chooses; the districts that
/// could not be read listed at the end, with why (exit 1).
pub fn ranking(
    cli: &Cli,
    workspace: &Path,
    format: Option<super::args::ReportFormat>,
    file: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let l = lang(cli);
    let format = super::report::format_of(format, file);
    let districts = super::city_screen::districts_of(workspace)?;
    if let Some(f) = file {
        // Never over a district's ledger (or its lock, its torn lines).
        for d in &districts {
            super::out::guard(f, &d.ledger())?;
        }
    }
    let today = super::clock(cli).today;
    let report = crate::bulletin::city::build(&districts, today, l);
    let text = crate::bulletin::render_city(&report, format);
    match file {
        Some(f) => super::out::write_whole(f, text.as_bytes())?,
        None => out.write_all(text.as_bytes())?,
    }
    if report.unread.is_empty() {
        Ok(())
    } else {
        Err(CliError::City {
            msg: Msg::new(M::RankIncomplete).arg("n", report.unread.len()),
            code: 1,
        })
    }
}
