//! `report`: the supervision report (通报) in Markdown or HTML, to standard
//! output or a file ([`crate::bulletin`] computes and lays it out).

use std::path::Path;

use super::args::{FilterArgs, ReportFormat};
use super::{CliError, Context, clock, open_ledger};
use crate::bulletin::{self, Format, Scope};
use crate::report::Facts;

/// What `report` was asked for.
pub struct Request<'a> {
    pub leader: Option<&'a str>,
    pub group: Option<u32>,
    pub format: Option<ReportFormat>,
    pub out: Option<&'a Path>,
}

/// `report [--leader NAME] [--group N] [--format md|html] [--out FILE]`.
pub fn report(cx: &mut Context<'_>, req: Request<'_>) -> Result<(), CliError> {
    let plan = cx.plan;
    // The leader filter of `tasks` and `indicators`: a name or its pinyin.
    let filter = FilterArgs {
        leader: req.leader.map(str::to_string),
        group: req.group,
        ..FilterArgs::default()
    }
    .resolve(plan)?;
    let scope = Scope {
        leader: filter.leader,
        group: filter.group,
    };
    let format = format_of(req.format, req.out);
    let ledger = open_ledger(cx.cli, cx.err)?;
    if let Some(path) = req.out {
        super::out::guard(path, ledger.path())?;
    }
    let facts = Facts {
        ledger: &ledger,
        today: clock(cx.cli).today,
        plan: plan.period,
    };
    let b = bulletin::build(plan, &facts, &scope, cx.cli.lang.into());
    let text = bulletin::render(&b, format);
    match req.out {
        Some(path) => super::out::write_whole(path, text.as_bytes()),
        None => Ok(cx.out.write_all(text.as_bytes())?),
    }
}

/// `--format`, else html for a file named `*.html` / `*.htm`, else md.
pub(super) fn format_of(given: Option<ReportFormat>, out: Option<&Path>) -> Format {
    let html_file = out
        .and_then(Path::extension)
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    match given {
        Some(ReportFormat::Html) => Format::Html,
        Some(ReportFormat::Md) => Format::Markdown,
        None if html_file => Format::Html,
        None => Format::Markdown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_follows_the_flag_then_the_file_name() {
        fn p(s: &str) -> Option<&Path> {
            Some(Path::new(s))
        }
        assert_eq!(format_of(None, None), Format::Markdown);
        assert_eq!(format_of(None, p("r.html")), Format::Html);
        assert_eq!(format_of(None, p("r.HTM")), Format::Html);
        assert_eq!(format_of(None, p("r.md")), Format::Markdown);
        assert_eq!(
            format_of(Some(ReportFormat::Md), p("r.html")),
            Format::Markdown
        );
        assert_eq!(format_of(Some(ReportFormat::Html), None), Format::Html);
    }
}
