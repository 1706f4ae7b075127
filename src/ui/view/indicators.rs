//! The indicator pane: one row per indicator — id, name, target
//! (comparison, number, unit), deadline, actual, status mark and word, the
//! light (`!` after it when 逾期未报), and a bar of the actual against the
//! target — and, below, the selected indicator in full: target, pace
//! ([`info::pace_lines`]), note, the clause it came from.
//!
//! Narrower, the columns give way so the name stays readable: the year
//! first (the title says it), then the bar, then the status word (the
//! status column shows the mark and the light: `✖ 红!`).

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use rust_decimal::Decimal;

use super::paint;
use super::theme::Styles;
use crate::ledger::{Actual, Status};
use crate::pace::Light;
use crate::plan::{Better, Comparison, Indicator};
use crate::text;
use crate::ui::model::words::light_mark;
use crate::ui::model::{AppState, Cursor, Pane, info, table};
use crate::ui::strings::{S, fill};
use crate::vocab::Wording;

/// Cells of the bar between its brackets.
const BAR: usize = 8;

/// After the id of an indicator with a note: a pencil (U+270E, narrow:
/// not East Asian Ambiguous), `*` in ASCII mode.
pub fn note_mark(state: &AppState) -> &'static str {
    if state.theme().ascii { "*" } else { "✎" }
}

/// `>= 500 亿元`, `~ 80%`, `<= 2`, `>= 325 亿元 (力争 350)`, `完成`.
pub fn target_text(state: &AppState, ind: &Indicator, stretch: bool) -> String {
    crate::report::target_text(ind, stretch, Wording::Lang(state.lang()))
}

pub fn actual_text(state: &AppState, a: Option<&Actual>) -> String {
    if state.loading {
        return state.tr(S::MarkLoading).to_string();
    }
    crate::report::actual_cell(a, Wording::Lang(state.lang()))
}

/// Share of the target reached, 0..=1, in the indicator's better direction.
pub fn share(ind: &Indicator, a: Option<&Actual>) -> Decimal {
    let one = Decimal::ONE;
    let (a, t) = match (a, ind.target) {
        (None, _) => return Decimal::ZERO,
        (Some(Actual::Done(d)), _) => return if *d { one } else { Decimal::ZERO },
        (Some(Actual::Number(a)), Some(t)) => (*a, t),
        (Some(Actual::Number(_)), None) => return Decimal::ZERO,
    };
    let lower = ind.comparison == Comparison::AtMost || ind.better == Better::Lower;
    let r = if lower {
        if a <= t {
            one
        } else {
            t.checked_div(a).unwrap_or(Decimal::ZERO)
        }
    } else if t <= Decimal::ZERO {
        if a >= t { one } else { Decimal::ZERO }
    } else {
        a.checked_div(t).unwrap_or(Decimal::ZERO)
    };
    r.clamp(Decimal::ZERO, one)
}

/// `[###.....]`
pub fn bar(
    state: &AppState,
    ind: &Indicator,
    a: Option<&Actual>,
    status: Status,
) -> Vec<Span<'static>> {
    let th = state.theme();
    let filled = (share(ind, a) * Decimal::from(BAR as u32))
        .floor()
        .try_into()
        .unwrap_or(0usize)
        .min(BAR);
    vec![
        Span::raw("["),
        Span::styled(th.bar_fill().to_string().repeat(filled), th.status(status)),
        Span::styled(th.bar_empty().to_string().repeat(BAR - filled), th.dim()),
        Span::raw("]"),
    ]
}

struct Cols {
    id: usize,
    name: usize,
    target: usize,
    due: usize,
    actual: usize,
    status: usize,
    /// The light column; 0 when it is in the status column (`marks_only`).
    light: usize,
    bar: bool,
    /// Too narrow for status words: the status column shows the mark and
    /// the light.
    marks_only: bool,
}

impl Cols {
    /// Cells taken by everything but the name, with two-cell gaps.
    fn fixed(&self) -> usize {
        let others = [
            self.id,
            self.target,
            self.due,
            self.actual,
            self.status,
            self.light,
        ];
        let n = others.iter().filter(|w| **w > 0).count() + 1 + usize::from(self.bar);
        others.iter().sum::<usize>() + if self.bar { BAR + 2 } else { 0 } + 2 * (n - 1)
    }
}

struct RowText {
    id: String,
    name: String,
    target: String,
    due: String,
    actual: String,
    status: Status,
    word: String,
    light: Light,
    /// The light's mark, `!` after it when 逾期未报: `红!`, `R!`.
    lit: String,
}

thread_local! {
    static FORMATTED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Rows of the table formatted on this thread so far: tests count a
/// draw's work with it (the rows shown, not the list).
#[doc(hidden)]
pub fn rows_formatted() -> usize {
    FORMATTED.with(std::cell::Cell::get)
}

fn row_text(state: &AppState, ip: usize) -> RowText {
    FORMATTED.with(|n| n.set(n.get() + 1));
    let ind = &state.plan.indicators[ip];
    let st = state.status_of(ip);
    let mark = if state.progress.has_note(ind.id()) {
        note_mark(state)
    } else {
        ""
    };
    let light = state.light_of(ip);
    let mut lit = light_mark(state, light).to_string();
    if state.stale_of(ip) {
        lit.push_str(state.theme().stale_mark());
    }
    let mut word = format!("{} {}", state.theme().mark(st), state.word(st));
    if state.loading {
        // The ledger is being read: no status or light yet.
        lit = state.tr(S::MarkLoading).to_string();
        word = lit.clone();
    }
    RowText {
        light,
        lit,
        id: format!("{}{mark}", ind.id()),
        name: ind.name().to_string(),
        target: target_text(state, ind, false),
        due: ind.deadline.to_string(),
        actual: actual_text(state, state.progress.actual_of(ind.id())),
        status: st,
        word,
    }
}

/// The columns at `width` cells from the widths of the whole list
/// ([`table::Widths`], not the page's rows: they stay put while the list
/// scrolls); `dated`: the targets carry their year (` (2027)`) when it is
/// not the common one.
fn columns(state: &AppState, wd: &table::Widths, width: usize, dated: bool) -> Cols {
    let h = |k: S| text::width(state.tr(k));
    let target = if dated { wd.dated } else { wd.target };
    let mut c = Cols {
        id: wd.id.max(h(S::ColId)),
        name: 0,
        target: target
            .max(h(S::ColTarget))
            .min((width * 3 / 10).clamp(10, table::TARGET_CAP)),
        due: 4.max(h(S::ColDue)),
        actual: wd.actual.max(h(S::ColActual)).min(table::ACTUAL_CAP),
        status: wd.word.max(h(S::ColStatus)),
        light: wd.lit.max(h(S::ColLight)),
        bar: true,
        marks_only: false,
    };
    // Keep the name readable: drop the year first (the box below shows
    // it), then the bar.
    if width < c.fixed() + 14 {
        c.due = 0;
    }
    if width < c.fixed() + 12 {
        c.bar = false;
    }
    if width < c.fixed() + 8 {
        c.marks_only = true;
        c.light = 0;
        c.status = (2 + wd.lit).max(h(S::ColStatus));
    }
    c.name = width.saturating_sub(c.fixed()).max(6);
    c
}

/// A cell: its spans, already `w` cells wide ([`cell`]); width 0: left out.
type Cell = (Vec<Span<'static>>, usize);

/// `s` padded or cut to `w` cells in one style.
fn cell(s: &str, w: usize, style: Style) -> Cell {
    (vec![Span::styled(text::pad(s, w), style)], w)
}

/// The cells of one row, two-cell gaps between columns (none after the last).
fn cells(c: &Cols, parts: Vec<Cell>, bar: Vec<Span<'static>>) -> Line<'static> {
    let mut spans = Vec::new();
    for (cell, w) in parts {
        if w == 0 {
            continue;
        }
        if !spans.is_empty() {
            spans.push(Span::raw("  "));
        }
        spans.extend(cell);
    }
    if c.bar && !bar.is_empty() {
        spans.push(Span::raw("  "));
        spans.extend(bar);
    }
    Line::from(spans)
}

/// Lines of the selected indicator's full description, `info_h` at most:
/// the name, the target line, the pace ([`info::pace_lines`]), the note ([`info::note_lines`], taking the
/// lines left, the last cut with `~` when it does not fit), the source.
fn info_lines(
    state: &AppState,
    ip: usize,
    width: usize,
    info_h: usize,
    page: &[usize],
) -> Vec<Line<'static>> {
    let th = state.theme();
    let ind = &state.plan.indicators[ip];
    let r = row_text(state, ip);
    let (tw, aw) = target_widths(state, page, width);
    let mut out = Vec::new();
    let idw = text::width(ind.id());
    for (i, l) in info::name_lines(ind, width).into_iter().enumerate() {
        let p = if i == 0 {
            format!("{} ", ind.id())
        } else {
            " ".repeat(idw + 1)
        };
        out.push(Line::from(vec![
            Span::styled(p, th.dim()),
            Span::styled(l, th.title()),
        ]));
    }
    out.push(Line::from(vec![
        Span::styled(state.label(S::ColTarget), th.dim()),
        Span::raw(format!(
            "{}  {}",
            widen(&target_text(state, ind, true), tw),
            fill(state.lang(), S::DueYear, &[&r.due])
        )),
        Span::styled(format!("   {}", state.label(S::ColActual)), th.dim()),
        Span::raw(widen(&r.actual, aw)),
        Span::raw("   "),
        Span::styled(r.word, th.status(r.status)),
    ]));
    for l in info::pace_lines(state, ip, width) {
        out.push(paint::pieces(state, &l));
    }
    let note = info::note_lines(state, ind.id(), width);
    let room = info_h.saturating_sub(out.len());
    let cut = note.len() > room;
    for (k, l) in note.iter().take(room).enumerate() {
        let mut line = paint::pieces(state, l);
        if cut && k + 1 == room {
            line = paint::mark_cut(&line, width);
        }
        out.push(line);
    }
    let src = state.label(S::Source);
    for (i, l) in text::wrap(ind.source(), width.saturating_sub(text::width(&src)))
        .into_iter()
        .enumerate()
    {
        let p = if i == 0 {
            src.clone()
        } else {
            " ".repeat(text::width(&src))
        };
        out.push(Line::from(vec![Span::styled(p, th.dim()), Span::raw(l)]));
    }
    out.truncate(info_h);
    out
}

/// The widths the box's target line pads the target and the actual to:
/// the widest of the page's rows, so that a move to a neighbouring row
/// rewrites the values and not the labels after them (fewer bytes over a
/// slow link). 0, 0 (no padding) when the widest line would not fit.
fn target_widths(state: &AppState, page: &[usize], width: usize) -> (usize, usize) {
    let (mut tw, mut aw, mut rest) = (0, 0, 0);
    for &ip in page {
        let ind = &state.plan.indicators[ip];
        let a = state.progress.actual_of(ind.id());
        let r = row_text(state, ip);
        tw = tw.max(text::width(&target_text(state, ind, true)));
        aw = aw.max(text::width(&actual_text(state, a)));
        let year = fill(state.lang(), S::DueYear, &[&r.due]);
        rest = rest.max(text::width(&year) + text::width(&r.word));
    }
    let labels = text::width(&state.label(S::ColTarget)) + text::width(&state.label(S::ColActual));
    if labels + tw + 2 + 3 + aw + 3 + rest > width {
        return (0, 0);
    }
    (tw, aw)
}

/// `s` padded with spaces to `w` cells; as it is when wider.
fn widen(s: &str, w: usize) -> String {
    let pad = w.saturating_sub(text::width(s));
    format!("{s}{}", " ".repeat(pad))
}

/// ` 指标 5  期限 2025  [Tab 切换：详情] `: the count, the deadline the
/// listed rows share (when the year column is left out), the Tab hint
/// (`[z 还原]` when zoomed).
pub fn title(state: &AppState, narrow: bool, due: Option<&str>) -> String {
    let mut t = format!(
        " {} {} ",
        state.tr(S::Indicators),
        state.selected_inds().len()
    );
    if let Some(y) = due {
        t.push_str(&format!(" {} ", fill(state.lang(), S::DueIn, &[y])));
    }
    if state.zoom {
        t.push_str(&format!(" [{}] ", state.tr(S::Zoomed)));
    } else if narrow {
        t.push_str(&format!(
            " [{}] ",
            fill(state.lang(), S::TabFor, &[state.tr(S::Detail)])
        ));
    }
    t
}

/// The rows shown from `off` on, the columns they get at `w` cells (laid
/// out for the whole list: [`columns`]), and, when there is no room for
/// the year column, the deadline most of the list shares (for the title);
/// rows due in another year show it after the target. Formats the rows
/// shown only.
fn fit_rows(
    state: &AppState,
    inds: &[usize],
    off: usize,
    list_h: usize,
    w: usize,
) -> (Vec<RowText>, Cols, Option<String>) {
    let wd = table::current(state);
    let mut shown: Vec<RowText> = inds
        .iter()
        .skip(off)
        .take(list_h)
        .map(|&ip| row_text(state, ip))
        .collect();
    let mut c = columns(state, &wd, w, false);
    if c.due != 0 {
        return (shown, c, None);
    }
    let common = wd.common.map(|y| y.to_string()).unwrap_or_default();
    for r in shown.iter_mut().filter(|r| r.due != common) {
        r.target = format!("{} ({})", r.target, r.due);
    }
    c = columns(state, &wd, w, true);
    c.due = 0;
    c.name = w.saturating_sub(c.fixed()).max(6);
    (shown, c, Some(common))
}

/// The column headings.
fn header(state: &AppState, c: &Cols) -> Line<'static> {
    let dim = state.theme().dim();
    let h = |k: S, w: usize| cell(state.tr(k), w, dim);
    cells(
        c,
        vec![
            h(S::ColId, c.id),
            h(S::ColName, c.name),
            h(S::ColTarget, c.target),
            h(S::ColDue, c.due),
            h(S::ColActual, c.actual),
            h(S::ColStatus, c.status),
            h(S::ColLight, c.light),
        ],
        vec![Span::styled(state.tr(S::ColBar), dim)],
    )
}

/// One indicator's row (`ip`: its plan position).
fn row_line(state: &AppState, c: &Cols, r: RowText, ip: usize) -> Line<'static> {
    let th = state.theme();
    let ind = &state.plan.indicators[ip];
    let mut parts = vec![
        cell(&r.id, c.id, th.dim()),
        cell(&r.name, c.name, Style::new()),
        cell(&r.target, c.target, Style::new()),
        cell(&r.due, c.due, th.dim()),
        cell(&r.actual, c.actual, Style::new()),
    ];
    if c.marks_only && state.loading {
        parts.push(cell(&r.word, c.status, th.dim()));
    } else if c.marks_only {
        // `✖ 红!`: the mark in the status's colour, the light in its own
        let mark = Span::styled(format!("{} ", th.mark(r.status)), th.status(r.status));
        let lit = cell(&r.lit, c.status.saturating_sub(2), th.light(r.light)).0;
        parts.push((std::iter::once(mark).chain(lit).collect(), c.status));
    } else {
        parts.push(cell(&r.word, c.status, th.status(r.status)));
        parts.push(cell(&r.lit, c.light, th.light(r.light)));
    }
    let bar = bar(state, ind, state.progress.actual_of(ind.id()), r.status);
    cells(c, parts, bar)
}

/// The selected indicator in full below a rule, `info_h` lines from `y`
/// (`page`: the rows listed above it).
fn draw_info(
    buf: &mut Buffer,
    inner: Rect,
    y: u16,
    state: &AppState,
    (ip, page): (usize, &[usize]),
    info_h: usize,
) {
    let w = inner.width as usize;
    let rule = "-".repeat(w);
    paint::put(buf, inner.x, y, inner.width, &rule, state.theme().dim());
    for (k, l) in info_lines(state, ip, w, info_h, page).iter().enumerate() {
        paint::put_line(buf, inner.x, y + 1 + k as u16, inner.width, l);
    }
}

/// The pane with nothing to list: its frame and a message.
fn draw_empty(buf: &mut Buffer, area: Rect, inner: Rect, state: &AppState, narrow: bool) {
    let focused = state.focus == Pane::Indicators;
    let block = paint::block(state, title(state, narrow, None), focused);
    paint::frame_block(buf, area, block);
    if inner.width < 2 || inner.height == 0 {
        return;
    }
    let none = state.tr(S::NoIndicators);
    let style = state.theme().message();
    paint::put(buf, inner.x, inner.y, inner.width, none, style);
}

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, narrow: bool) {
    let th = state.theme();
    let focused = state.focus == Pane::Indicators;
    let buf = frame.buffer_mut();
    let (inner, list_h, info_h) = info::parts(state, area.into());
    let inner: Rect = inner.into();
    let inds = state.selected_inds();
    if inner.width < 2 || inner.height == 0 || inds.is_empty() {
        draw_empty(buf, area, inner, state, narrow);
        return;
    }
    let sel = state.inds.sel.min(inds.len() - 1);
    let off = Cursor { sel, ..state.inds }.first_shown(list_h, inds.len());
    let (shown, c, common_due) = fit_rows(state, inds, off, list_h, inner.width as usize);
    let page = &inds[off..(off + shown.len()).min(inds.len())];
    let block = paint::block(state, title(state, narrow, common_due.as_deref()), focused);
    paint::frame_block(buf, area, block);
    paint::put_line(buf, inner.x, inner.y, inner.width, &header(state, &c));
    for (k, r) in shown.into_iter().enumerate() {
        let y = inner.y + 1 + k as u16;
        let line = row_line(state, &c, r, inds[off + k]);
        if off + k == sel {
            let at = Rect {
                y,
                height: 1,
                ..inner
            };
            buf.set_style(at, th.selected(focused));
        }
        paint::put_line(buf, inner.x, y, inner.width, &line);
    }
    if info_h > 0 {
        let rule_y = inner.y + 1 + list_h as u16;
        draw_info(buf, inner, rule_y, state, (inds[sel], page), info_h);
    }
}
