//! docs/按键速查.md, the printable key card: generated from the one keymap
//! (`src/ui/keymap.rs`) with the UI string table's Chinese descriptions,
//! as docs/keys.md is (`keymap::markdown`), grouped for staff: 浏览, 筛选与
//! 搜索, 填报, 其他. The test fails when the committed card is out of date
//! or a key of the tree and panes has no group here. Regenerate with
//! `cargo run --example captures` (or `UPDATE_DOCS=1 cargo test --test ui
//! keycard`).

use unicode_width::UnicodeWidthStr;
use wudang_plan::ui::keymap::{Binding, Ctx, bindings};
use wudang_plan::ui::{Action, Lang};

const CARD: &str = "docs/按键速查.md";

/// The card's groups of the browsing keys (the tree and the panes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Browse,
    Find,
    Record,
    Other,
}

/// The group of a browsing key's action; `None`: not placed yet (the
/// test then fails, so a new key is never left off the card).
fn group(a: &Action) -> Option<Group> {
    use Action::*;
    Some(match a {
        Down | Up | Left | Right | NextPane | PrevPane | ToggleZoom | Unzoom | Top | Bottom
        | PageUp | PageDown | ToggleOverview | ShowChart => Group::Browse,
        StartSearch | StartJump | PickLeader | PickUnit | PickStatus | ClearFilters => Group::Find,
        Edit | Undo | PickTaskState | Note => Group::Record,
        ShowHistory | ToggleHelp | Quit | Suspend => Group::Other,
        _ => return None,
    })
}

/// The keys of a binding as the card writes them: `` `j` `Down` ``.
fn keys(b: &Binding) -> String {
    b.keys
        .iter()
        .map(|k| format!("`{}`", k.label()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A table of `rows` (keys, description), two to a line.
fn table(out: &mut String, rows: impl Iterator<Item = (String, String)>) {
    out.push_str("| 按键 | 作用 | 按键 | 作用 |\n| --- | --- | --- | --- |\n");
    let rows: Vec<_> = rows.collect();
    for pair in rows.chunks(2) {
        let (k, d) = &pair[0];
        match pair.get(1) {
            Some((k2, d2)) => out.push_str(&format!("| {k} | {d} | {k2} | {d2} |\n")),
            None => out.push_str(&format!("| {k} | {d} | | |\n")),
        }
    }
}

/// The browsing keys of `g`, keymap order.
fn browsing(g: Group) -> impl Iterator<Item = (String, String)> {
    bindings(Ctx::Browse)
        .filter(move |b| group(&b.action) == Some(g))
        .map(|b| (keys(b), b.desc.get(Lang::Zh).to_string()))
}

/// The bindings of `ctx` whose actions are in `only`, labelled with the
/// context when `label`. Ctrl-C (quit) is said once, under 其他.
fn within<'a>(
    ctx: Ctx,
    only: &'a [Action],
    label: bool,
) -> impl Iterator<Item = (String, String)> + 'a {
    bindings(ctx)
        .filter(move |b| only.contains(&b.action))
        .map(move |b| {
            let d = b.desc.get(Lang::Zh);
            let d = if label {
                format!("{}：{d}", ctx.title().get(Lang::Zh))
            } else {
                d.to_string()
            };
            (keys(b), d)
        })
}

/// docs/按键速查.md.
pub fn card() -> String {
    use Action::*;
    let mut out = String::from(
        "# wudang-plan 按键速查\n\n\
         全屏界面的按键（可打印，一页 A4）。本页由程序的按键表 `src/ui/keymap.rs` 生成，\
         与界面里 `?` 帮助所列一致；全部按键见 [keys.md](keys.md)，用法见 [用户手册](用户手册.md)。\n\
         中文输入法开着也能用：`、` 即 `/`，`：` 即 `:`，`【` `】` 即 `[` `]`。\n",
    );
    out.push_str("\n## 浏览\n\n");
    table(&mut out, browsing(Group::Browse));
    out.push_str("\n## 筛选与搜索\n\n");
    table(&mut out, browsing(Group::Find));
    out.push_str(&format!(
        "\n{}（输入汉字或拼音首字母缩小范围）：\n\n",
        Ctx::Input.title().get(Lang::Zh)
    ));
    let field = [Confirm, Cancel, Down, Up, Backspace, ClearField];
    table(&mut out, within(Ctx::Input, &field, false));
    out.push_str("\n## 填报\n\n");
    table(&mut out, browsing(Group::Record));
    out.push_str(&format!("\n{}：\n\n", Ctx::Edit.title().get(Lang::Zh)));
    let edit = [Confirm, Cancel, SwitchField, PrevPeriod, NextPeriod];
    table(&mut out, within(Ctx::Edit, &edit, false));
    out.push_str(&format!(
        "\n{}，{}：\n\n",
        Ctx::Conflict.title().get(Lang::Zh),
        Ctx::Confirm.title().get(Lang::Zh)
    ));
    table(
        &mut out,
        within(Ctx::Conflict, &[Overwrite, Cancel], false).chain(within(
            Ctx::Confirm,
            &[Yes, Cancel],
            false,
        )),
    );
    out.push_str("\n## 其他\n\n");
    table(
        &mut out,
        browsing(Group::Other)
            .chain(within(Ctx::History, &[Cancel], true))
            .chain(within(Ctx::Chart, &[Cancel], true))
            .chain(within(Ctx::Overview, &[Confirm, Cancel], true))
            .chain(within(Ctx::Help, &[Cancel], true)),
    );
    out.push_str(
        "\n`Ctrl-C` 在任何时候都是退出；已记录的修改都已存盘，正在输入的值下次打开时恢复。\n",
    );
    out
}

#[test]
fn every_browsing_key_has_a_group_on_the_card() {
    for b in bindings(Ctx::Browse) {
        assert!(
            group(&b.action).is_some(),
            "{:?} ({}) is on no group of {CARD}: add it to `group` in tests/ui/keycard.rs",
            b.action,
            keys(b)
        );
    }
}

/// One A4 page printed as text: at most 66 lines, no table row wider than
/// 132 columns.
#[test]
fn the_card_fits_one_page() {
    let card = card();
    let lines = card.lines().count();
    assert!(lines <= 66, "{CARD} has {lines} lines: more than one page");
    for l in card.lines().filter(|l| l.starts_with('|')) {
        assert!(l.width() <= 132, "{CARD}: a line too wide to print: {l}");
    }
}

#[test]
fn keycard_matches_the_keymap() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(CARD);
    let want = card();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{CARD} is out of date with the keymap; run `cargo run --example captures` \
         (or `UPDATE_DOCS=1 cargo test --test ui keycard`)"
    );
}
