//! The ONE keymap: (action, keys, description) for every context. It drives
//! dispatch ([`action_for`]), the help overlay, the footer hints and
//! docs/keys.md ([`markdown`]), so they cannot drift apart.

use super::action::Action;
use super::strings::{Lang, S};

/// A key as the keymap names it. Legacy terminal encoding only: no
/// key-release events, no kitty keyboard protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Tab,
    BackTab,
    Enter,
    Esc,
    Backspace,
}

impl Key {
    /// How help and the footer write the key (ASCII names: arrows are East
    /// Asian Ambiguous).
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Up => "Up".into(),
            Key::Down => "Down".into(),
            Key::Left => "Left".into(),
            Key::Right => "Right".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift-Tab".into(),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Backspace => "Backspace".into(),
        }
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    /// The tree and the panes.
    Browse,
    /// A text field: search, jump, or a picker (typed characters go to it).
    Input,
    /// The value editor of an actual: its own keys, else a text field's.
    Edit,
    Overview,
    Help,
    /// The editor's conflict prompt: overwrite or keep theirs.
    Conflict,
    /// A y/n question before a write (a milestone, an undo over someone
    /// else's change).
    Confirm,
    /// The history popup (`H`).
    History,
    /// The chart popup (`c`).
    Chart,
    /// A key that needs the ledger, pressed while it is read: what is
    /// typed next is held for when it lands, never run as keys.
    Held,
}

impl Ctx {
    pub const ALL: [Ctx; 10] = [
        Ctx::Browse,
        Ctx::Input,
        Ctx::Edit,
        Ctx::Conflict,
        Ctx::Confirm,
        Ctx::History,
        Ctx::Chart,
        Ctx::Overview,
        Ctx::Help,
        Ctx::Held,
    ];

    pub fn title(self) -> S {
        match self {
            Ctx::Browse => S::SectionBrowse,
            Ctx::Input => S::SectionInput,
            Ctx::Edit => S::SectionEdit,
            Ctx::Overview => S::SectionOverview,
            Ctx::Help => S::SectionHelp,
            Ctx::Conflict => S::SectionConflict,
            Ctx::Confirm => S::SectionConfirm,
            Ctx::History => S::SectionHistory,
            Ctx::Chart => S::SectionChart,
            Ctx::Held => S::SectionHeld,
        }
    }
}

/// One line of the keymap.
pub struct Binding {
    pub ctx: Ctx,
    pub action: Action,
    pub keys: &'static [Key],
    /// The description in help and docs/keys.md.
    pub desc: S,
    /// The short word in the footer; `None` keeps it out of the footer.
    pub hint: Option<S>,
}

const fn b(ctx: Ctx, action: Action, keys: &'static [Key], desc: S, hint: Option<S>) -> Binding {
    Binding {
        ctx,
        action,
        keys,
        desc,
        hint,
    }
}

use Ctx::{Browse, Chart, Confirm, Conflict, Edit, Held, Help, History, Input, Overview};
use Key::*;

/// The keymap. `、` and `：` are what a Chinese IME sends for `/` and `:`.
pub static KEYMAP: &[Binding] = &[
    b(
        Browse,
        Action::Down,
        &[Char('j'), Down],
        S::KeyDown,
        Some(S::HintMove),
    ),
    b(Browse, Action::Up, &[Char('k'), Up], S::KeyUp, None),
    b(Browse, Action::Left, &[Char('h'), Left], S::KeyLeft, None),
    b(
        Browse,
        Action::Right,
        &[Char('l'), Right],
        S::KeyRight,
        Some(S::HintFold),
    ),
    b(
        Browse,
        Action::NextPane,
        &[Tab],
        S::KeyNextPane,
        Some(S::HintPane),
    ),
    b(Browse, Action::PrevPane, &[BackTab], S::KeyPrevPane, None),
    b(
        Browse,
        Action::ToggleZoom,
        &[Char('z')],
        S::KeyZoom,
        Some(S::HintZoom),
    ),
    b(Browse, Action::Unzoom, &[Esc], S::KeyUnzoom, None),
    b(Browse, Action::Top, &[Char('g'), Home], S::KeyTop, None),
    b(
        Browse,
        Action::Bottom,
        &[Char('G'), End],
        S::KeyBottom,
        None,
    ),
    b(Browse, Action::PageUp, &[PageUp], S::KeyPageUp, None),
    b(Browse, Action::PageDown, &[PageDown], S::KeyPageDown, None),
    b(
        Browse,
        Action::Edit,
        &[Char('e'), Enter],
        S::KeyEdit,
        Some(S::HintEdit),
    ),
    b(
        Browse,
        Action::Undo,
        &[Char('u')],
        S::KeyUndo,
        Some(S::HintUndo),
    ),
    b(
        Browse,
        Action::PickTaskState,
        &[Char('t')],
        S::KeyTaskState,
        Some(S::HintTaskState),
    ),
    b(
        Browse,
        Action::Note,
        &[Char('n')],
        S::KeyNote,
        Some(S::HintNote),
    ),
    b(
        Browse,
        Action::ShowHistory,
        &[Char('H')],
        S::KeyHistory,
        Some(S::HintHistory),
    ),
    b(
        Browse,
        Action::ShowChart,
        &[Char('c')],
        S::KeyChart,
        Some(S::HintChart),
    ),
    b(
        Browse,
        Action::StartSearch,
        &[Char('/'), Char('、')],
        S::KeySearch,
        Some(S::HintSearch),
    ),
    b(
        Browse,
        Action::StartJump,
        &[Char(':'), Char('：')],
        S::KeyJump,
        Some(S::HintJump),
    ),
    b(
        Browse,
        Action::PickLeader,
        &[Char('L')],
        S::KeyPickLeader,
        Some(S::HintLeader),
    ),
    b(
        Browse,
        Action::PickUnit,
        &[Char('U')],
        S::KeyPickUnit,
        Some(S::HintUnit),
    ),
    b(
        Browse,
        Action::PickStatus,
        &[Char('S')],
        S::KeyPickStatus,
        Some(S::HintStatus),
    ),
    b(
        Browse,
        Action::ClearFilters,
        &[Char('x')],
        S::KeyClearFilters,
        Some(S::HintClear),
    ),
    b(
        Browse,
        Action::ToggleOverview,
        &[Char('o')],
        S::KeyOverview,
        Some(S::HintOverview),
    ),
    b(
        Browse,
        Action::ToggleHelp,
        &[Char('?'), Char('？')],
        S::KeyHelp,
        Some(S::HintHelp),
    ),
    b(
        Browse,
        Action::Quit,
        &[Char('q'), Ctrl('c')],
        S::KeyQuit,
        Some(S::HintQuit),
    ),
    b(Browse, Action::Suspend, &[Ctrl('z')], S::KeySuspend, None),
    b(
        Input,
        Action::Confirm,
        &[Enter],
        S::KeyConfirm,
        Some(S::HintConfirm),
    ),
    b(
        Input,
        Action::Cancel,
        &[Esc],
        S::KeyCancel,
        Some(S::HintCancel),
    ),
    b(
        Input,
        Action::Down,
        &[Down, Tab],
        S::KeyDown,
        Some(S::HintMove),
    ),
    b(Input, Action::Up, &[Up, BackTab], S::KeyUp, None),
    b(Input, Action::PageDown, &[PageDown], S::KeyPageDown, None),
    b(Input, Action::PageUp, &[PageUp], S::KeyPageUp, None),
    b(
        Input,
        Action::Backspace,
        &[Backspace],
        S::KeyBackspace,
        None,
    ),
    b(Input, Action::CaretLeft, &[Left], S::KeyCaretLeft, None),
    b(Input, Action::CaretRight, &[Right], S::KeyCaretRight, None),
    b(Input, Action::CaretHome, &[Home], S::KeyCaretHome, None),
    b(Input, Action::CaretEnd, &[End], S::KeyCaretEnd, None),
    b(
        Input,
        Action::ClearField,
        &[Ctrl('u')],
        S::KeyClearField,
        None,
    ),
    b(Input, Action::Quit, &[Ctrl('c')], S::KeyQuit, None),
    b(
        Edit,
        Action::Confirm,
        &[Enter],
        S::KeyRecord,
        Some(S::HintRecord),
    ),
    b(
        Edit,
        Action::Cancel,
        &[Esc],
        S::KeyCancel,
        Some(S::HintCancel),
    ),
    b(
        Edit,
        Action::SwitchField,
        &[Tab, BackTab],
        S::KeySwitchField,
        Some(S::HintPeriod),
    ),
    // `【` `】`: what a Chinese IME sends for `[` `]`.
    b(
        Edit,
        Action::PrevPeriod,
        &[Char('['), Char('【')],
        S::KeyPrevPeriod,
        Some(S::HintStepPeriod),
    ),
    b(
        Edit,
        Action::NextPeriod,
        &[Char(']'), Char('】')],
        S::KeyNextPeriod,
        None,
    ),
    b(Edit, Action::Quit, &[Ctrl('c')], S::KeyQuit, None),
    b(
        Conflict,
        Action::Overwrite,
        &[Char('y')],
        S::KeyOverwrite,
        Some(S::HintOverwrite),
    ),
    b(
        Conflict,
        Action::Cancel,
        &[Char('n'), Esc],
        S::KeyKeepTheirs,
        Some(S::HintKeepTheirs),
    ),
    b(Conflict, Action::Quit, &[Ctrl('c')], S::KeyQuit, None),
    b(
        Confirm,
        Action::Yes,
        &[Char('y')],
        S::KeyYes,
        Some(S::HintYes),
    ),
    b(
        Confirm,
        Action::Cancel,
        &[Char('n'), Esc],
        S::KeyNo,
        Some(S::HintNo),
    ),
    b(Confirm, Action::Quit, &[Ctrl('c')], S::KeyQuit, None),
    b(
        History,
        Action::Down,
        &[Char('j'), Down],
        S::KeyDown,
        Some(S::HintMove),
    ),
    b(History, Action::Up, &[Char('k'), Up], S::KeyUp, None),
    b(
        History,
        Action::Cancel,
        &[Char('H'), Esc],
        S::KeyClose,
        Some(S::HintClose),
    ),
    b(
        History,
        Action::Quit,
        &[Char('q'), Ctrl('c')],
        S::KeyQuit,
        Some(S::HintQuit),
    ),
    b(
        Chart,
        Action::Down,
        &[Char('j'), Down],
        S::KeyLaterPeriods,
        Some(S::HintMove),
    ),
    b(
        Chart,
        Action::Up,
        &[Char('k'), Up],
        S::KeyEarlierPeriods,
        None,
    ),
    b(
        Chart,
        Action::Cancel,
        &[Char('c'), Esc, Char('q')],
        S::KeyClose,
        Some(S::HintClose),
    ),
    b(Chart, Action::Quit, &[Ctrl('c')], S::KeyQuit, None),
    b(
        Overview,
        Action::Down,
        &[Char('j'), Down],
        S::KeyDown,
        Some(S::HintMove),
    ),
    b(Overview, Action::Up, &[Char('k'), Up], S::KeyUp, None),
    b(Overview, Action::Top, &[Char('g'), Home], S::KeyTop, None),
    b(
        Overview,
        Action::Bottom,
        &[Char('G'), End],
        S::KeyBottom,
        None,
    ),
    b(Overview, Action::PageUp, &[PageUp], S::KeyPageUp, None),
    b(
        Overview,
        Action::PageDown,
        &[PageDown],
        S::KeyPageDown,
        None,
    ),
    b(
        Overview,
        Action::Confirm,
        &[Enter],
        S::KeyFilterLeader,
        Some(S::HintLeader),
    ),
    b(
        Overview,
        Action::Cancel,
        &[Char('o'), Esc],
        S::KeyClose,
        Some(S::HintClose),
    ),
    b(
        Overview,
        Action::ToggleHelp,
        &[Char('?'), Char('？')],
        S::KeyHelp,
        Some(S::HintHelp),
    ),
    b(
        Overview,
        Action::Quit,
        &[Char('q'), Ctrl('c')],
        S::KeyQuit,
        Some(S::HintQuit),
    ),
    b(
        Help,
        Action::Down,
        &[Char('j'), Down],
        S::KeyDown,
        Some(S::HintMove),
    ),
    b(Help, Action::Up, &[Char('k'), Up], S::KeyUp, None),
    b(Help, Action::PageUp, &[PageUp], S::KeyPageUp, None),
    b(Help, Action::PageDown, &[PageDown], S::KeyPageDown, None),
    b(
        Help,
        Action::Cancel,
        &[Char('?'), Char('？'), Esc],
        S::KeyClose,
        Some(S::HintClose),
    ),
    b(
        Help,
        Action::Quit,
        &[Char('q'), Ctrl('c')],
        S::KeyQuit,
        Some(S::HintQuit),
    ),
    b(
        Held,
        Action::Cancel,
        &[Esc],
        S::KeyHeldCancel,
        Some(S::HintCancel),
    ),
    b(Held, Action::Backspace, &[Backspace], S::KeyBackspace, None),
    b(Held, Action::Quit, &[Ctrl('c')], S::KeyQuit, None),
];

/// Which footer hints stay when the footer is short, most important first
/// (the footer shows them in keymap order). `h/l` (expand, the other pane)
/// before `z`: while the ledger is read the footer at 80 columns showed
/// `z 放大` and left out `h/l 展开`.
pub static HINT_ORDER: &[Action] = &[
    Action::ToggleHelp,
    Action::Quit,
    Action::Confirm,
    Action::Overwrite,
    Action::Yes,
    Action::Cancel,
    Action::SwitchField,
    Action::PrevPeriod,
    Action::Edit,
    Action::PickLeader,
    Action::PickStatus,
    Action::ClearFilters,
    Action::StartSearch,
    Action::StartJump,
    Action::Undo,
    Action::ShowHistory,
    Action::ToggleOverview,
    Action::ShowChart,
    Action::NextPane,
    Action::Right,
    Action::ToggleZoom,
    Action::Down,
    Action::PickTaskState,
    Action::Note,
    Action::PickUnit,
];

/// The action a key means in `ctx`. In a text field a printable key that
/// no binding claims is typed into the field.
pub fn action_for(ctx: Ctx, key: Key) -> Option<Action> {
    if let Some(b) = KEYMAP
        .iter()
        .find(|b| b.ctx == ctx && b.keys.contains(&key))
    {
        return Some(b.action.clone());
    }
    match (ctx, key) {
        (Ctx::Edit, key) => action_for(Ctx::Input, key),
        (Ctx::Input | Ctx::Held, Key::Char(c)) if !c.is_control() => Some(Action::Input(c)),
        // held too: it moves between the editor's fields once it opens
        (Ctx::Held, Key::Tab) => Some(Action::Input('\t')),
        _ => None,
    }
}

/// Actions that record something in the ledger: refused, and left out of
/// the footer, while the UI is read-only.
pub fn is_write(a: &Action) -> bool {
    matches!(
        a,
        Action::Edit | Action::Undo | Action::PickTaskState | Action::Note
    )
}

/// True for the keys that wait for the ledger while it is being read at
/// start: those that record, and those that show what it says (history,
/// the chart, the status and light picker, the overview's counts).
pub fn needs_ledger(a: &Action) -> bool {
    is_write(a)
        || matches!(
            a,
            Action::ShowHistory | Action::ShowChart | Action::PickStatus | Action::ToggleOverview
        )
}

/// The bindings of a context, keymap order.
pub fn bindings(ctx: Ctx) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.ctx == ctx)
}

/// All keys of a binding as help writes them: `j Down`.
pub fn keys_label(b: &Binding) -> String {
    b.keys
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join(" ")
}

/// docs/keys.md, generated from the keymap (a test keeps the committed file
/// equal to this).
pub fn markdown() -> String {
    let mut out = String::new();
    out.push_str("# Keys of the full-screen UI\n\n");
    out.push_str(
        "Generated from `src/ui/keymap.rs` (the one keymap that also drives the help overlay \
         and the footer); `cargo test --lib keys_md` fails when this file is out of date. \
         Regenerate with `UPDATE_DOCS=1 cargo test --lib keys_md`.\n\n",
    );
    out.push_str(
        "`、` and `：` are what a Chinese input method sends for `/` and `:`, `【` and `】` for \
         `[` and `]`; they work the same.\n",
    );
    for ctx in Ctx::ALL {
        out.push_str(&format!(
            "\n## {} / {}\n\n| Keys | Action | 说明 |\n| --- | --- | --- |\n",
            ctx.title().get(Lang::En),
            ctx.title().get(Lang::Zh)
        ));
        for b in bindings(ctx) {
            let keys = b
                .keys
                .iter()
                .map(|k| format!("`{}`", k.label()))
                .collect::<Vec<_>>()
                .join(" ");
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                keys,
                b.desc.get(Lang::En),
                b.desc.get(Lang::Zh)
            ));
        }
        if ctx == Ctx::Input {
            out.push_str("| any other key | typed into the field | 输入到文本框 |\n");
        }
        if ctx == Ctx::Held {
            out.push_str(
                "| any other key | held, shown on the status line, never run as a key: once the \
                 ledger is read, the key waited for runs (not `u`) and what was typed fills the \
                 editor (`e`, `n`) or picker (`t`), nothing recorded before Enter there; for a \
                 view (`H` `c` `S` `o`) it is listed as not run. Tab is held as `[Tab]` and moves to \
                 the period field once `e`'s editor opens. Enter does nothing | 暂存并显示在\
                 状态行，不作按键执行：台账读入后执行所等的键（u 除外），已输入的文字填入编辑器（e、n）\
                 或选择框（t），在其中按 Enter 才记录；查看类的键（H c S o）则列出未执行的字。\
                 Tab 也暂存（显示为 [Tab]），e 的编辑器打开后跳到期间栏。Enter 无作用 |\n",
            );
        }
        if ctx == Ctx::Edit {
            out.push_str(
                "| any other key | as in a text field (above); the value the editor fills in \
                 (on opening, after a period change, after Tab back) is selected: typing or a \
                 paste replaces it, Backspace and the caret keys edit it | 同文本框（见上）；\
                 编辑器填入的值（打开时、换期后、Tab 回来时）处于选中状态：输入或粘贴即替换，\
                 退格键和光标键则在其上修改 |\n",
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_a_context() {
        for ctx in Ctx::ALL {
            let mut seen = Vec::new();
            for b in bindings(ctx) {
                for k in b.keys {
                    assert!(!seen.contains(k), "{k:?} bound twice in {ctx:?}");
                    seen.push(*k);
                }
            }
        }
    }

    #[test]
    fn ime_aliases() {
        assert_eq!(
            action_for(Ctx::Browse, Key::Char('、')),
            Some(Action::StartSearch)
        );
        assert_eq!(
            action_for(Ctx::Browse, Key::Char('：')),
            Some(Action::StartJump)
        );
    }

    #[test]
    fn typing_in_a_field() {
        assert_eq!(
            action_for(Ctx::Input, Key::Char('j')),
            Some(Action::Input('j'))
        );
        assert_eq!(
            action_for(Ctx::Input, Key::Char('朱')),
            Some(Action::Input('朱'))
        );
        assert_eq!(action_for(Ctx::Input, Key::Enter), Some(Action::Confirm));
        assert_eq!(action_for(Ctx::Input, Key::Ctrl('c')), Some(Action::Quit));
        assert_eq!(
            action_for(Ctx::Browse, Key::Char('z')),
            Some(Action::ToggleZoom)
        );
        assert_eq!(action_for(Ctx::Browse, Key::Esc), Some(Action::Unzoom));
        assert_eq!(action_for(Ctx::Browse, Key::Char('Z')), None);
    }

    /// The value editor has its own keys (Tab, `[` `]` and the IME's `【`
    /// `】`), and a text field's for the rest.
    #[test]
    fn the_value_editor_falls_back_to_a_text_fields_keys() {
        let edit = |k| action_for(Ctx::Edit, k);
        assert_eq!(edit(Key::Tab), Some(Action::SwitchField));
        assert_eq!(edit(Key::BackTab), Some(Action::SwitchField));
        assert_eq!(edit(Key::Char('[')), Some(Action::PrevPeriod));
        assert_eq!(edit(Key::Char('【')), Some(Action::PrevPeriod));
        assert_eq!(edit(Key::Char('】')), Some(Action::NextPeriod));
        assert_eq!(edit(Key::Enter), Some(Action::Confirm));
        assert_eq!(edit(Key::Backspace), Some(Action::Backspace));
        assert_eq!(edit(Key::Ctrl('u')), Some(Action::ClearField));
        assert_eq!(edit(Key::Char('年')), Some(Action::Input('年')));
        // elsewhere `[` is typed
        assert_eq!(
            action_for(Ctx::Input, Key::Char('[')),
            Some(Action::Input('['))
        );
    }

    #[test]
    fn labels_are_ascii_or_ime_punctuation() {
        for b in KEYMAP {
            for k in b.keys {
                let l = k.label();
                assert!(
                    l.is_ascii() || ["、", "：", "？", "【", "】"].contains(&l.as_str()),
                    "{l}"
                );
            }
        }
    }

    #[test]
    fn keys_md_matches_keymap() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md");
        let want = markdown();
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(path, &want).unwrap();
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            have == want,
            "docs/keys.md is out of date; run UPDATE_DOCS=1 cargo test --lib keys_md"
        );
    }
}
