//! The history popup (`H`): who changed the selected indicator, when, for
//! which period, old → new and the note, newest first, a long row wrapped
//! by display width under its text. The run loop reads the rows from the
//! ledger ([`crate::ui::Action::History`]); this only draws.
//!
//! No trend line: the chart (`c`) draws the values by period against the
//! expectation and the target; a sparkline of the rows in the order they
//! were typed mixed periods (a 2020 baseline typed after 2024).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::paint;
use super::theme::Styles;
use crate::ledger::{Entry, Field};
use crate::text;
use crate::ui::model::words::{remark_text, shown, when};
use crate::ui::model::{AppState, HistoryView};
use crate::ui::strings::{S, fill};

/// The popup's title: the id and how many changes it has, and how many
/// of them are listed when not all are.
pub fn title(state: &AppState, h: &HistoryView) -> String {
    let shown = h.rows.len();
    let total = h.total.max(shown);
    if total > shown {
        fill(
            state.lang(),
            S::HistoryTitleSome,
            &[&h.id, &total.to_string(), &shown.to_string()],
        )
    } else {
        fill(state.lang(), S::HistoryTitle, &[&h.id, &total.to_string()])
    }
}

/// Fewest cells the text of a change keeps beside when and who before
/// it goes on the lines below them instead.
const MIN_BODY: usize = 12;

/// Widths the rows share so that their parts line up: the user names (up
/// to [`USER_CELLS`]) and the periods (0: no actual among the rows).
#[derive(Debug, Clone, Copy)]
struct Cols {
    user: usize,
    period: usize,
}

/// A longer user name pushes its own row's text along.
const USER_CELLS: usize = 12;

impl Cols {
    fn of(rows: &[Entry]) -> Cols {
        let most = |f: &dyn Fn(&Entry) -> usize| rows.iter().map(f).max().unwrap_or(0);
        Cols {
            user: most(&|e| text::width(&text::visible(&e.user))).min(USER_CELLS),
            period: most(&|e| period_of(e).map_or(0, |p| text::width(&p))),
        }
    }
}

/// The period of an actual's row (a first-release row's: the year of its
/// time stamp); `None` for a note or a status.
fn period_of(e: &Entry) -> Option<String> {
    (e.field == Field::Actual).then(|| e.in_period().to_string())
}

/// `s` padded to `cells`, never cut (a name is shown whole).
fn padded(s: &str, cells: usize) -> String {
    let room = cells.saturating_sub(text::width(s));
    format!("{s}{}", " ".repeat(room))
}

/// What changed: the period and old -> new with its remark, or for a note
/// row the note, labelled as one.
fn body_spans(state: &AppState, e: &Entry, cols: Cols) -> Vec<Span<'static>> {
    let th = state.theme();
    let mut body = Vec::new();
    if cols.period > 0 {
        let p = period_of(e).unwrap_or_default();
        body.push(Span::styled(padded(&p, cols.period), th.key()));
        body.push(Span::raw("  "));
    }
    if e.field == Field::Note {
        match &e.value {
            Some(v) => {
                body.push(Span::styled(state.label(S::NoteLabel), th.dim()));
                body.push(Span::styled(v.clone(), th.title()));
            }
            None => body.push(Span::styled(state.tr(S::NoteCleared), th.dim())),
        }
    } else {
        let old = shown(state, &e.id, e.field, e.old.as_deref());
        let new = shown(state, &e.id, e.field, e.value.as_deref());
        body.push(Span::raw(format!("{old} -> ")));
        body.push(Span::styled(new, th.title()));
    }
    if let Some(n) = &e.note {
        body.push(Span::styled(
            format!("  {}", remark_text(state, n)),
            th.dim(),
        ));
    }
    body
}

/// One change: when, who, then [`body_spans`] wrapped by display width to
/// `width`, the lines after the first indented under the text; narrower
/// than when and who and [`MIN_BODY`], the text goes on the lines below
/// them, indented two cells (the period is never cut off).
fn row_lines(state: &AppState, e: &Entry, width: usize, cols: Cols) -> Vec<Line<'static>> {
    let th = state.theme();
    let head = vec![
        Span::styled(when(e.time), th.dim()),
        Span::raw("  "),
        Span::styled(padded(&text::visible(&e.user), cols.user), th.key()),
        Span::raw("  "),
    ];
    let body = body_spans(state, e, cols);
    let hw: usize = head.iter().map(|s| text::width(&s.content)).sum();
    if width < hw + MIN_BODY {
        let under = paint::wrap_spans(&body, width.saturating_sub(2).max(1));
        let under = under
            .into_iter()
            .map(|l| Line::from([vec![Span::raw("  ")], l].concat()));
        return std::iter::once(Line::from(head)).chain(under).collect();
    }
    paint::wrap_spans(&body, width - hw)
        .into_iter()
        .enumerate()
        .map(|(k, l)| {
            let lead = if k == 0 {
                head.clone()
            } else {
                vec![Span::raw(" ".repeat(hw))]
            };
            Line::from([lead, l].concat())
        })
        .collect()
}

pub fn draw(frame: &mut Frame, main: Rect, state: &AppState, h: &HistoryView) {
    let th = state.theme();
    let w = main.width.saturating_sub(4).clamp(10, 90);
    let hgt = main.height.saturating_sub(2).max(3);
    let area = paint::centered(main, w, hgt);
    let buf = frame.buffer_mut();
    paint::clear_popup(buf, area);
    let title = title(state, h);
    let inside = paint::frame_block(buf, area, paint::block(state, title, true));
    let x = inside.x + 1;
    let width = inside.width.saturating_sub(2);
    let mut y = inside.y;
    let bottom = inside.y + inside.height;
    if h.rows.is_empty() {
        paint::put(buf, x, y, width, state.tr(S::HistoryEmpty), th.dim());
        return;
    }
    // rows from the first shown (the cursor counts rows), each on as many
    // lines as it wraps to; a row cut at the bottom ends with `~`
    let cols = Cols::of(&h.rows);
    'rows: for e in h.rows.iter().skip(h.cursor.sel) {
        let lines = row_lines(state, e, width as usize, cols);
        let n = lines.len();
        for (k, l) in lines.into_iter().enumerate() {
            if y >= bottom {
                break 'rows;
            }
            let l = if y + 1 == bottom && k + 1 < n {
                paint::mark_cut(&l, width as usize)
            } else {
                l
            };
            paint::put_line(buf, x, y, width, &l);
            y += 1;
        }
    }
}
