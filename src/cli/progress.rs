//! Progress of long work on stderr (indicatif): the first read of a big
//! ledger (which also writes its checkpoint), `ledger check`, `ledger
//! convert`, `import`. Drawn only when stderr is a terminal and the work
//! has taken longer than [`DELAY`]; cleared when done. Nothing at all when
//! stderr is a file or a pipe (scripts see exactly what they saw before).

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::ledger::Progress;

/// Work shorter than this shows no progress.
pub const DELAY: Duration = Duration::from_secs(1);

/// Overrides [`DELAY`] in milliseconds (tests: `0` draws at once).
const DELAY_ENV: &str = "WUDANG_PLAN_PROGRESS_DELAY_MS";

/// A progress bar on stderr, shown once the work has lasted [`DELAY`].
pub struct Bar {
    what: String,
    start: Instant,
    delay: Duration,
    /// False when stderr is not a terminal: never drawn.
    enabled: bool,
    bar: Option<ProgressBar>,
}

impl Bar {
    /// A bar for `what` ("reading actuals.csv"), drawn only on a terminal.
    pub fn new(what: impl Into<String>) -> Bar {
        Bar::with(what, std::io::stderr().is_terminal())
    }

    fn with(what: impl Into<String>, enabled: bool) -> Bar {
        let delay = std::env::var(DELAY_ENV)
            .ok()
            .and_then(|v| v.parse().ok())
            .map_or(DELAY, Duration::from_millis);
        Bar {
            what: what.into(),
            start: Instant::now(),
            delay,
            enabled,
            bar: None,
        }
    }

    /// True once the bar has been drawn.
    pub fn shown(&self) -> bool {
        self.bar.is_some()
    }

    /// The bar, first drawn at `done` (not at 0: it appears a second
    /// into the work).
    fn make(&self, done: u64, total: u64) -> ProgressBar {
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
        let cols = ratatui::crossterm::terminal::size().map_or(80, |(c, _)| c);
        let (template, msg) = layout(&self.what, cols);
        // ASCII only: every terminal and font draws it at its width.
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(msg);
        bar.set_position(done);
        bar.set_draw_target(ProgressDrawTarget::stderr());
        bar
    }
}

/// Everything but the message and the bar: ` [` `] ` and two byte counts
/// of at most 11 cells (`1023.99 KiB`) with a `/`.
const COUNTS: usize = 4 + 11 + 1 + 11;
/// The narrowest bar worth drawing.
const MIN_BAR: usize = 10;

/// The template and message for a terminal `cols` wide: the line never
/// gets wider than the terminal (it would wrap, and every redraw would
/// leave a line behind). The bar takes what is left; the file's name is
/// cut when needed, and on a very narrow terminal only a bar and a
/// percentage are left.
fn layout(what: &str, cols: u16) -> (&'static str, String) {
    let cols = usize::from(cols);
    let room = cols.saturating_sub(COUNTS + MIN_BAR);
    if room >= 8 {
        let msg = crate::text::truncate(what, room);
        ("{msg} [{wide_bar}] {bytes}/{total_bytes}", msg)
    } else {
        ("[{wide_bar}] {percent:>3}%", String::new())
    }
}

impl Progress for Bar {
    fn update(&mut self, done: u64, total: u64) {
        if !self.enabled {
            return;
        }
        if self.bar.is_none() {
            if self.start.elapsed() < self.delay {
                return;
            }
            self.bar = Some(self.make(done, total));
        }
        if let Some(bar) = &self.bar {
            bar.set_length(total);
            bar.set_position(done);
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

/// "reading actuals.csv": the work and the file's name.
pub fn what(action: &str, path: &std::path::Path) -> String {
    format!("{action} {}", file_name(path))
}

/// The file's name, made visible.
fn file_name(path: &std::path::Path) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    crate::text::visible(&name).into_owned()
}

/// "reading actuals.csv" (读取 actuals.csv) in `lang`.
pub fn reading(path: &std::path::Path, lang: crate::vocab::Lang) -> String {
    doing(crate::vocab::M::ProgressReading, path, lang)
}

/// The work (`M::ProgressChecking`: "checking {file}") on the file at
/// `path`, in `lang`.
pub fn doing(work: crate::vocab::M, path: &std::path::Path, lang: crate::vocab::Lang) -> String {
    crate::vocab::Msg::new(work)
        .arg("file", file_name(path))
        .text(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_a_terminal_draws_nothing() {
        let mut b = Bar::with("reading", false);
        b.delay = Duration::ZERO;
        b.update(1, 2);
        assert!(!b.shown());
    }

    #[test]
    fn short_work_draws_nothing_long_work_does() {
        let mut b = Bar::with("reading", true);
        b.delay = Duration::from_secs(3600);
        b.update(1, 2);
        assert!(!b.shown());
        b.delay = Duration::ZERO;
        b.update(1, 2);
        assert!(b.shown());
        assert_eq!(b.bar.as_ref().map(ProgressBar::position), Some(1));
    }

    #[test]
    fn the_line_never_gets_wider_than_the_terminal() {
        let long = "reading 乌当区强省会五年行动台账_督查室_2025年第四季度.csv";
        for cols in [20u16, 40, 44, 45, 60, 80, 200] {
            let (template, msg) = layout(long, cols);
            let fixed = if template.starts_with("{msg}") {
                COUNTS + MIN_BAR
            } else {
                1 + 2 + MIN_BAR + 5
            };
            assert!(
                crate::text::width(&msg) + fixed <= usize::from(cols).max(fixed),
                "{cols}: {msg:?}"
            );
        }
        assert_eq!(layout("reading actuals.csv", 80).1, "reading actuals.csv");
        assert_eq!(layout("reading actuals.csv", 30).1, "");
    }

    #[test]
    fn what_names_the_file() {
        let p = std::path::Path::new("/d/actuals.csv");
        assert_eq!(what("reading", p), "reading actuals.csv");
        assert_eq!(reading(p, crate::vocab::Lang::En), "reading actuals.csv");
        assert_eq!(reading(p, crate::vocab::Lang::Zh), "读取 actuals.csv");
    }
}
