//! The picker popup (`L`, `U`, `S`, `t`): the typed query with the caret,
//! then the matching items with their pinyin or other-language word and
//! their counts.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::paint;
use super::theme::Styles;
use crate::text;
use crate::ui::model::AppState;
use crate::ui::model::picker::{PickItem, Picker, widest};
use crate::ui::strings::S;

pub fn draw(frame: &mut Frame, main: Rect, state: &AppState, p: &Picker) -> Option<Position> {
    let area: Rect = p.popup(main.into()).into();
    if area.width < 4 || area.height < 3 {
        return None;
    }
    let buf = frame.buffer_mut();
    paint::clear_popup(buf, area);
    let title = format!(" {} ", state.tr(p.title()));
    let inner = paint::frame_block(buf, area, paint::block(state, title, true));
    let field_x = input_line(buf, inner, state, p);
    let list = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2),
        ..inner
    };
    if p.shown.is_empty() {
        if list.height > 0 {
            let none = state.tr(S::NoChoice);
            paint::put(
                buf,
                list.x,
                list.y,
                list.width,
                none,
                state.theme().message(),
            );
        }
    } else {
        draw_items(buf, list, state, p);
    }
    let col = field_x as usize + p.field.caret_col();
    let max_x = (inner.x + inner.width).saturating_sub(1) as usize;
    Some(Position::new(col.min(max_x) as u16, inner.y))
}

/// The input line: `> 朱k`, or the prompt while nothing is typed. Returns
/// the column the field starts at.
fn input_line(buf: &mut Buffer, inner: Rect, state: &AppState, p: &Picker) -> u16 {
    let th = state.theme();
    let w = inner.width;
    let prompt = "> ";
    paint::put(buf, inner.x, inner.y, w, prompt, th.key());
    let field_x = inner.x + prompt.len() as u16;
    let text = p.field.text();
    let room = w.saturating_sub(2);
    if text.is_empty() {
        let hint = state.tr(S::PickerPrompt);
        paint::put(buf, field_x, inner.y, room, hint, th.dim());
    } else {
        paint::put(buf, field_x, inner.y, room, &text, th.title());
    }
    field_x
}

/// The shown items from the cursor's offset, the selected one marked.
fn draw_items(buf: &mut Buffer, list: Rect, state: &AppState, p: &Picker) {
    let th = state.theme();
    let label_w = widest(&p.items, |i| &i.label);
    let alt_w = widest(&p.items, |i| &i.alt);
    let shown = p.shown.iter().enumerate().skip(p.cursor.offset);
    for (row, &i) in shown.take(list.height as usize) {
        let y = list.y + (row - p.cursor.offset) as u16;
        let sel = row == p.cursor.sel;
        let line = item_line(state, &p.items[i], sel, label_w, alt_w);
        if sel {
            let at = Rect {
                y,
                height: 1,
                ..list
            };
            buf.set_style(at, th.selected(true));
        }
        paint::put_line(buf, list.x, y, list.width, &line);
    }
}

fn item_line(
    state: &AppState,
    it: &PickItem,
    sel: bool,
    label_w: usize,
    alt_w: usize,
) -> Line<'static> {
    let th = state.theme();
    let line = Line::from(vec![
        Span::raw(if sel {
            format!("{} ", th.sel_marker())
        } else {
            "  ".into()
        }),
        Span::styled(text::pad(&it.label, label_w), th.title()),
        Span::raw("  "),
        Span::styled(text::pad(&it.alt, alt_w), th.dim()),
        Span::raw("  "),
        Span::raw(it.count.clone()),
    ]);
    if sel {
        line.style(th.selected(true))
    } else {
        line
    }
}
