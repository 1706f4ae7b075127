//! Small drawing helpers shared by the panes: bordered blocks, and text
//! cut to a width by display width (a cut line ends with `~`).
//!
//! Every string the UI draws goes through [`put`], [`put_line`] (and so
//! [`put_lines`], [`prompt_bar`]) or [`block`]'s title: there, and only
//! there, it is made visible ([`text::visible`]: a control character from a
//! ledger row shows as `\x1b`, never reaches the terminal) and cut by the
//! width of what is shown. In ASCII mode [`ascii_only`] then maps every East
//! Asian Ambiguous character left in the frame to ASCII.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::theme::Styles;
use crate::text;
use crate::ui::model::AppState;
use crate::ui::model::doc::Piece;
use crate::ui::model::field::TextField;
use crate::ui::model::layout::{self, Area};

impl From<Area> for Rect {
    fn from(a: Area) -> Rect {
        Rect {
            x: a.x,
            y: a.y,
            width: a.width,
            height: a.height,
        }
    }
}

impl From<Rect> for Area {
    fn from(r: Rect) -> Area {
        Area {
            x: r.x,
            y: r.y,
            width: r.width,
            height: r.height,
        }
    }
}

/// A line of laid-out text ([`crate::ui::model::doc`]) in the theme's
/// styles.
pub fn pieces(state: &AppState, line: &[Piece]) -> Line<'static> {
    let th = state.theme();
    Line::from(
        line.iter()
            .map(|p| Span::styled(p.text.clone(), th.tone(p.tone)))
            .collect::<Vec<_>>(),
    )
}

/// A bordered pane with a title, in the theme's border set.
pub fn block(state: &AppState, title: String, focused: bool) -> Block<'static> {
    let th = state.theme();
    Block::bordered()
        .border_set(th.border())
        .border_style(th.border_style(focused))
        .title(Span::styled(text::visible(&title).into_owned(), th.title()))
}

/// Draws `b` over `area` and returns the inside.
pub fn frame_block(buf: &mut Buffer, area: Rect, b: Block<'static>) -> Rect {
    let inner = b.inner(area);
    b.render(area, buf);
    inner
}

/// Writes `s` at (x, y), cut to `max` cells with `~` when cut.
pub fn put(buf: &mut Buffer, x: u16, y: u16, max: u16, s: &str, style: Style) {
    if max == 0 {
        return;
    }
    let t = text::truncate(&text::visible(s), max as usize);
    buf.set_stringn(x, y, &t, max as usize, style);
}

/// Writes a line of spans at (x, y), cut to `max` cells with `~` when cut.
pub fn put_line(buf: &mut Buffer, x: u16, y: u16, max: u16, line: &Line<'_>) {
    if max == 0 {
        return;
    }
    let fitted = fit_line(line, max as usize);
    buf.set_line(x, y, &fitted, max);
}

/// Cuts a line of spans, made visible, to `max` cells by display width,
/// marking the cut.
pub fn fit_line(line: &Line<'_>, max: usize) -> Line<'static> {
    let spans: Vec<Span<'static>> = line
        .spans
        .iter()
        .map(|s| Span::styled(text::visible(&s.content).into_owned(), s.style))
        .collect();
    let total: usize = spans.iter().map(|s| text::width(&s.content)).sum();
    if total <= max {
        return Line::from(spans).style(line.style);
    }
    let mut out: Vec<Span<'static>> = Vec::new();
    let mut room = max.saturating_sub(text::width(text::ELLIPSIS));
    let mut last_style = Style::new();
    for s in &spans {
        if room == 0 {
            break;
        }
        let (part, w) = text::fit(&s.content, room);
        room -= w;
        last_style = s.style;
        out.push(Span::styled(part, s.style));
        if w < text::width(&s.content) {
            break;
        }
    }
    if max >= text::width(text::ELLIPSIS) {
        out.push(Span::styled(text::ELLIPSIS, last_style));
    }
    Line::from(out).style(line.style)
}

/// `line` marked as cut: `~` after it, or in its last cell when it is
/// `width` wide.
pub fn mark_cut(line: &Line<'_>, width: usize) -> Line<'static> {
    let w: usize = line.spans.iter().map(|s| text::width(&s.content)).sum();
    if w < width {
        let mut l = fit_line(line, width);
        l.spans.push(Span::raw(text::ELLIPSIS));
        l
    } else {
        fit_line(line, w.saturating_sub(1))
    }
}

/// Wraps styled `spans` by display width to lines of at most `width`
/// cells ([`text::wrap`]: never splits a wide character, drops the spaces
/// at a break), each character keeping its span's style.
pub fn wrap_spans(spans: &[Span<'_>], width: usize) -> Vec<Vec<Span<'static>>> {
    let styled: Vec<(char, Style)> = spans
        .iter()
        .flat_map(|s| s.content.chars().map(move |c| (c, s.style)))
        .collect();
    let all: String = styled.iter().map(|(c, _)| *c).collect();
    let mut at = 0;
    let mut out = Vec::new();
    for l in text::wrap(&all, width) {
        let mut line: Vec<Span<'static>> = Vec::new();
        for c in l.chars() {
            // what wrap left out (spaces at a break, newlines) is skipped
            while styled.get(at).is_some_and(|(o, _)| *o != c) {
                at += 1;
            }
            let style = styled.get(at).map_or(Style::new(), |(_, st)| *st);
            at += 1;
            match line.last_mut() {
                Some(sp) if sp.style == style => sp.content.to_mut().push(c),
                _ => line.push(Span::styled(c.to_string(), style)),
            }
        }
        out.push(line);
    }
    out
}

/// ASCII mode: every East Asian Ambiguous character in the frame (plan
/// text such as `“ ” · —`, a note, a string of the table) becomes one ASCII
/// character of the same width ([`text::to_ascii`]), so terminals that
/// draw ambiguous characters two cells wide keep every line inside the
/// window. Run once over the finished frame, so nothing drawn escapes it.
pub fn ascii_only(buf: &mut Buffer) {
    for cell in buf.content.iter_mut() {
        let sym = cell.symbol();
        if sym.chars().any(|c| text::to_ascii(c).is_some()) {
            let mapped: String = sym
                .chars()
                .map(|c| text::to_ascii(c).unwrap_or(c))
                .collect();
            cell.set_symbol(&mapped);
        }
    }
}

/// Clears `area` for a popup. A double-width character just left of the
/// popup would otherwise spill over its left border (the terminal draws
/// it two cells wide and ratatui skips the covered cell), so it is blanked.
pub fn clear_popup(buf: &mut Buffer, area: Rect) {
    Clear.render(area, buf);
    if area.x <= buf.area.x {
        return;
    }
    for y in area.y..area.y.saturating_add(area.height).min(buf.area.bottom()) {
        let cell = &mut buf[(area.x - 1, y)];
        if text::width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// A centred rectangle of at most `w`×`h` inside `area`
/// ([`layout::centered`]).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    layout::centered(area.into(), w, h).into()
}

/// Writes `lines` into `area` from line `scroll` on (clamped so the last
/// page stays full) and returns the scroll actually used.
pub fn put_lines(buf: &mut Buffer, area: Rect, lines: &[Line<'_>], scroll: usize) -> usize {
    let scroll = scroll.min(lines.len().saturating_sub(area.height as usize));
    for (k, l) in lines
        .iter()
        .skip(scroll)
        .take(area.height as usize)
        .enumerate()
    {
        put_line(buf, area.x, area.y + k as u16, area.width, l);
    }
    scroll
}

/// A one-line input bar: `prompt` (key style), the field's text (title
/// style; scrolled, `~` first, when the caret would pass the right edge:
/// [`TextField::window`]), then `tail`. Returns where the hardware cursor
/// goes: at the caret, by display width, so an IME's candidate window
/// appears there.
pub fn prompt_bar(
    frame: &mut Frame,
    line: Rect,
    state: &AppState,
    prompt: String,
    field: &TextField,
    tail: Vec<Span<'static>>,
) -> Position {
    let th = state.theme();
    let pw = text::width(&prompt);
    // the field scrolls so that the caret stays in the bar
    let room = (line.width as usize).saturating_sub(pw);
    let (win, col) = field.window(room);
    let mut spans = vec![Span::styled(prompt, th.key())];
    if win.cut {
        spans.push(Span::styled(text::ELLIPSIS, th.dim()));
    }
    spans.push(Span::styled(field.text_from(win.from), th.title()));
    spans.extend(tail);
    put_line(
        frame.buffer_mut(),
        line.x,
        line.y,
        line.width,
        &Line::from(spans),
    );
    caret(line, pw + col)
}

/// The cursor at `col` cells into `line`, kept inside it.
pub fn caret(line: Rect, col: usize) -> Position {
    let max = line.width.saturating_sub(1) as usize;
    Position::new(line.x + col.min(max) as u16, line.y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_spans_keeps_each_character_style() {
        let bold = Style::new().bold();
        let spans = [Span::raw("工业 "), Span::styled("总产值 ok", bold)];
        let lines = wrap_spans(&spans, 6);
        let text: Vec<String> = lines
            .iter()
            .map(|l| l.iter().map(|s| s.content.to_string()).collect())
            .collect();
        assert_eq!(text, ["工业", "总产值", "ok"]);
        assert_eq!(lines[0][0].style, Style::new());
        assert!(lines[1].iter().chain(&lines[2]).all(|s| s.style == bold));
    }

    #[test]
    fn fit_line_cuts_by_width() {
        let l = Line::from(vec![Span::raw("工业"), Span::raw("总产值")]);
        let f = fit_line(&l, 7);
        let s: String = f.spans.iter().map(|s| s.content.to_string()).collect();
        assert_eq!(s, "工业总~");
        assert!(text::width(&s) <= 7);
        let f = fit_line(&l, 10);
        let s: String = f.spans.iter().map(|s| s.content.to_string()).collect();
        assert_eq!(s, "工业总产值");
    }
}
