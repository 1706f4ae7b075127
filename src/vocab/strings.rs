//! THE string table: every string the full-screen UI shows, in Chinese
//! (the default) and English. Plan data (titles, names, units) is shown as
//! the document writes it, in Chinese, whatever the language. It sits in
//! the vocabulary, below the UI and the CLI, so that both (and
//! `crate::report`) word things from one table.
//!
//! Parameters are written `{}` and filled in order by [`fill`].
//!
//! The words for values (statuses, task states, fields, done / not done)
//! are not here: they are in [`crate::vocab`], shared with the CLI's parsers.

pub use super::Lang;

macro_rules! strings {
    ($($key:ident => $zh:expr, $en:expr;)*) => {
        /// A key into the string table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum S { $($key),* }

        impl S {
            /// Every key, table order.
            pub const ALL: &'static [S] = &[$(S::$key),*];

            /// The string in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((S::$key, Lang::Zh) => $zh, (S::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

strings! {
    Colon => "：", ": ";
    // pane titles
    Tasks => "任务", "Tasks";
    Detail => "详情", "Detail";
    Indicators => "指标", "Indicators";
    Overview => "总览", "Overview";
    Help => "帮助", "Help";
    TabFor => "Tab 切换：{}", "Tab: {}";
    Zoomed => "z 还原", "z: back";
    // tree
    All => "全部（{} 项任务）", "All ({} tasks)";
    NoTasks => "没有符合筛选的任务（x 清除筛选）", "No task matches the filters (x clears them)";
    // detail pane
    Group => "任务组", "Group";
    TaskState => "任务状态", "Task status";
    StateUnset => "未填报", "not reported";
    Leaders => "责任领导", "Leaders";
    Units => "责任单位", "Units";
    Persons => "责任人", "Persons";
    Row => "行", "Row";
    Owners => "责任分工", "Accountability";
    Targets => "目标", "Targets";
    Text => "正文", "Text";
    BodyUnits => "正文所列责任单位", "Units named in the body";
    PlanTitle => "乌当区实施“强省会”五年行动工作方案", "乌当区实施“强省会”五年行动工作方案 (Wudang five-year plan)";
    Summary => "{} 项任务，{} 项指标", "{} tasks, {} indicators";
    ByStatus => "指标状态", "Indicator status";
    ActiveFilters => "当前筛选", "Active filters";
    TodayIs => "统计日期", "As of";
    StartHint => "按 ? 查看全部按键；L 按领导筛选，S 按状态或亮灯筛选，/ 搜索，: 跳转，o 总览。",
        "Press ? for all keys; L filters by leader, S by status or light, / searches, : jumps, o shows the overview.";
    GroupTasks => "本组任务", "Tasks in this group";
    DistrictGroups => "本区县各组", "Groups of this district";
    LastPublished => "最近发布", "Last published";
    NeverPublished => "未发布", "never published";
    PublishOverdue => "逾期未发布", "publish overdue";
    CityTitle => "{} 个区县的“强省会”五年行动工作方案", "The 强省会 five-year plans of {} districts";
    ByDistrict => "按区县", "By district";
    // indicators pane
    ColId => "编号", "ID";
    ColName => "指标", "Indicator";
    ColTarget => "目标", "Target";
    ColDue => "期限", "Due";
    DueIn => "期限 {}", "due {}";
    ColActual => "实际", "Actual";
    ColStatus => "状态", "Status";
    ColBar => "进度", "Progress";
    // lights (红黄绿灯): the one-word mark in the tree, the table and the
    // overview (never East Asian Ambiguous), and the word of a count
    ColLight => "灯", "Light";
    MarkRed => "红", "R";
    MarkYellow => "黄", "Y";
    MarkGreen => "绿", "G";
    MarkGray => "灰", ".";
    // while the ledger is being read at start: a status's, a light's or a
    // value's place (one cell, ASCII: never East Asian Ambiguous)
    MarkLoading => "~", "~";
    CountRed => "红 {}", "red {}";
    CountYellow => "黄 {}", "yellow {}";
    CountGreen => "绿 {}", "green {}";
    CountGray => "灰 {}", "gray {}";
    CountStale => "逾期未报 {}", "stale {}";
    ByLight => "亮灯", "Lights";
    Stale => "逾期未报", "stale";
    Period => "报告期", "Period";
    Baseline => "基期值", "Baseline";
    NoBaseline => "缺少基期值（{} 年）", "no baseline ({})";
    LightIs => "{}", "{} light";
    Expected => "序时进度", "Expected";
    LightsLegend => "灯：红 落后或逾期  黄 稍慢  绿 正常或达标  灰 无从判断  ! 逾期未报",
        "Lights: R behind  Y lagging  G on pace  . nothing to judge  ! stale";
    NoIndicators => "没有符合筛选的指标", "No indicator matches the filters";
    Source => "原文", "Source";
    DueYear => "{} 年", "{}";
    Stretch => "力争", "stretch";
    TargetDone => "完成", "done";
    // overview
    ByGroup => "按任务组", "By group";
    ByLeader => "按责任领导", "By leader";
    OverviewNote => "全部指标，不受筛选影响；Enter 按所选领导筛选，或打开所选的组、区县", "All indicators, unfiltered; Enter: filter by leader, open group/district";
    // pickers
    PickLeader => "选择责任领导", "Pick a leader";
    PickUnit => "选择责任单位", "Pick a unit";
    PickStatus => "选择指标状态或亮灯", "Pick a status or light";
    PickTaskState => "设置任务状态", "Set the task status";
    Current => "当前", "current";
    PickTask => "先在左侧选中一个任务", "Select a task on the left first";
    NotePrompt => "{} 备注", "{} note";
    KeyTaskState => "设置所选任务的状态（未开始、推进中、已延误、已完成）", "set the selected task's status (not started, in progress, delayed, done)";
    KeyNote => "编辑所选指标（指标窗格）或任务的备注（清空即删除）", "edit the note of the selected indicator (indicator pane) or task (empty clears it)";
    HintTaskState => "任务状态", "task status";
    HintNote => "备注", "note";
    PickerPrompt => "输入拼音或汉字缩小范围", "type pinyin or Chinese to narrow";
    NTasks => "{} 项任务", "{} tasks";
    NHeadline => "{} 项总体目标", "{} headline";
    NIndicators => "{} 项指标", "{} indicators";
    NoChoice => "没有匹配项", "nothing matches";
    // search and jump
    SearchPrompt => "搜索", "Search";
    JumpPrompt => "跳转到（如 8、8.1、0.3）", "Jump to (e.g. 8, 8.1, 0.3)";
    // footer
    Filter => "筛选", "Filters";
    FilterNone => "无", "none";
    FilterLeader => "领导", "leader";
    FilterUnit => "单位", "unit";
    FilterStatus => "状态", "status";
    FilterLight => "灯", "light";
    FilterSearch => "搜索", "search";
    Ledger => "台账", "Ledger";
    LedgerNone => "未接入（仅计划）", "not connected (plan only)";
    // messages
    FiltersCleared => "已清除全部筛选", "All filters cleared";
    NoSuchId => "没有编号为 {} 的任务或指标", "No task or indicator {}";
    JumpClearedFilters => "{} 不在筛选结果中，已清除筛选", "{} was hidden by the filters; filters cleared";
    SearchKept => "搜索“{}”已作为筛选", "Search \"{}\" kept as a filter";
    NoMatches => "没有匹配“{}”的内容", "Nothing matches \"{}\"";
    TooSmall => "窗口太小：至少 {}×{}，当前 {}×{}", "Window too small: need {}x{}, have {}x{}";
    // ASCII English in both languages: the Linux console has no Chinese glyphs.
    LinuxConsole => "TERM=linux: this console cannot show Chinese; use an SSH terminal (or --lang en)",
        "TERM=linux: this console cannot show Chinese; use an SSH terminal (or --lang en)";
    // help
    HelpTitle => "帮助（? 或 Esc 关闭）", "Help (? or Esc closes)";
    MarksLegend => "状态标记", "Status marks";
    BarsLegend => "进度条", "Bars";
    BarLegendText => "[###...] 实际值占目标的比例；总览中 # 达标  > 推进中  x 未达  . 无数据",
        "[###...] actual as a share of the target; in the overview # met  > in progress  x missed  . no data";
    SectionBrowse => "浏览", "Browse";
    SectionInput => "搜索、跳转、选择框中", "In search, jump and pickers";
    SectionEdit => "填报实际值时", "In the value editor";
    SectionOverview => "总览中", "In the overview";
    SectionHelp => "帮助中", "In help";
    SectionHistory => "修改记录中", "In the history";
    SectionChart => "图表中", "In the chart";
    SectionConflict => "冲突提示中（他人已修改）", "In the conflict prompt (someone else changed it)";
    SectionHeld => "等待台账时（读取中按了 e t n H c S o）", "While a key waits for the ledger (e t n H c S o pressed while it is read)";
    SectionConfirm => "确认提示中（里程碑、过大的值、撤销他人的修改）", "In a confirmation (a milestone, a value over 10 times the target or the value before, an undo over someone's change)";
    // key descriptions
    KeyQuit => "退出", "quit";
    KeyDown => "下移", "move down";
    KeyUp => "上移", "move up";
    KeyLeft => "折叠 / 左侧窗格", "collapse / pane to the left";
    KeyRight => "展开 / 右侧窗格", "expand / pane to the right";
    KeyNextPane => "下一个窗格", "next pane";
    KeyPrevPane => "上一个窗格", "previous pane";
    KeyZoom => "放大：当前窗格占满屏幕（再按 z 还原）", "zoom the focused pane to full screen (z again: back)";
    KeyUnzoom => "放大时：还原", "while zoomed: back to the split view";
    KeyTop => "到顶", "go to top";
    KeyBottom => "到底", "go to bottom";
    KeyPageUp => "上翻页", "page up";
    KeyPageDown => "下翻页", "page down";
    KeySearch => "搜索（标题、正文、指标、责任人；汉字或拼音）", "search (titles, text, indicators, owners; Chinese or pinyin)";
    KeyJump => "跳转到任务或指标（:8 :8.1 :0.3）", "jump to a task or indicator (:8 :8.1 :0.3)";
    KeyPickLeader => "按责任领导筛选", "filter by leader";
    KeyPickUnit => "按责任单位筛选", "filter by unit";
    KeyPickStatus => "按指标状态、亮灯（红黄绿灰）或逾期未报筛选", "filter by status, light (red, yellow, green, gray) or stale";
    KeyClearFilters => "清除全部筛选", "clear all filters";
    KeyOverview => "总览（按任务组、按领导）", "overview (by group, by leader)";
    KeyHelp => "帮助", "help";
    KeySuspend => "挂起到后台（fg 恢复）", "suspend (fg resumes)";
    KeyConfirm => "确定", "confirm";
    KeyCancel => "取消", "cancel";
    KeyHeldCancel => "取消等待，丢弃已输入的（状态行列出）", "stop waiting; drop what was typed (the status line lists it)";
    KeyBackspace => "删除前一个字", "delete before the caret";
    KeyCaretLeft => "光标左移", "caret left";
    KeyCaretRight => "光标右移", "caret right";
    KeyClose => "关闭", "close";
    KeyEdit => "填报所选指标的实际值（里程碑：确认后切换完成 / 未完成）", "record the selected indicator's actual (a milestone asks y/n)";
    KeyUndo => "撤销所选指标的上一次修改（追加一行）", "undo the selected indicator's last change (a new row)";
    KeyHistory => "所选指标的修改记录", "the selected indicator's history";
    KeyChart => "所选指标的按期图表：实际值、序时进度、目标", "chart of the selected indicator by period: actuals, expected (pace), target";
    KeyLaterPeriods => "表中下移：更晚的期别", "table: later periods";
    KeyEarlierPeriods => "表中上移：更早的期别", "table: earlier periods";
    KeyCaretHome => "光标到行首", "caret to the start";
    KeyCaretEnd => "光标到行尾", "caret to the end";
    KeyClearField => "清空输入", "clear the field";
    KeyOverwrite => "用我的值覆盖", "record my value over theirs";
    KeyKeepTheirs => "保留对方的值，不记录", "keep their value, record nothing";
    KeyYes => "是：按提示所说记录", "yes: record what it says";
    KeyNo => "否：不记录（过大的值：返回修改）", "no: record nothing (a large value: back to it)";
    KeyFilterLeader => "按所选领导筛选，或打开所选的组、区县", "filter by the selected leader, or open the group or district";
    KeyRecord => "记录所填期间的实际值", "record the value for the period shown";
    KeySwitchField => "切换实际值 / 期间（如 2024、2024Q2、2024年6月）", "switch value / period (2024, 2024Q2, 2024年6月)";
    KeyPrevPeriod => "上一期（同为年、季度或月）", "the period before (a year, quarter or month, as shown)";
    KeyNextPeriod => "下一期", "the period after";
    // short hints for the footer
    HintMove => "移动", "move";
    HintPane => "窗格", "pane";
    HintZoom => "放大", "zoom";
    HintSearch => "搜索", "search";
    HintJump => "跳转", "jump";
    HintLeader => "领导", "leader";
    HintUnit => "单位", "unit";
    HintStatus => "状态", "status";
    HintClear => "清除", "clear";
    HintOverview => "总览", "overview";
    HintHelp => "帮助", "help";
    HintQuit => "退出", "quit";
    HintConfirm => "确定", "ok";
    HintCancel => "取消", "cancel";
    HintClose => "关闭", "close";
    HintFold => "展开", "fold";
    HintEdit => "填报", "edit";
    HintUndo => "撤销", "undo";
    HintHistory => "记录", "history";
    HintChart => "图表", "chart";
    HintOverwrite => "覆盖", "overwrite";
    HintKeepTheirs => "保留对方", "keep theirs";
    HintYes => "是", "yes";
    HintNo => "否", "no";
    HintRecord => "记录", "record";
    HintPeriod => "期间", "period";
    HintStepPeriod => "上/下一期", "prev/next";
    // editing
    EditPrompt => "{} 实际值", "{} actual";
    PeriodLabel => "期间", "period";
    DefaultPeriodRefused => "{}（默认期间为今天所在的年份；按 Tab 另填期间）", "Tab: type another period; the default one, the year of today, is refused: {}";
    DefaultPeriodToggle => "未记录（里程碑请用 wudang-plan set 编号 完成 --period 期间）：{}（默认期间为今天所在的年份）",
        "Nothing recorded (use wudang-plan set ID done --period P): {} (the default period is the year of today)";
    InPeriod => "{}（{}）", "{} ({})";
    PeriodHas => "{} 已填报：{}", "{} recorded: {}";
    PeriodEmpty => "{} 尚未填报", "{}: nothing recorded";
    Invalid => "无效", "invalid";
    Recorded => "已记录 {}：{} -> {}", "Recorded {}: {} -> {}";
    Unchanged => "未改变：{} 已是 {}，未记录", "Unchanged: {} already is {}; nothing recorded";
    ConflictPrompt => "冲突：{} 已被 {} 于 {} 改为 {}，你打开时为 {}。用 {} 覆盖？ y 覆盖  n 保留",
        "Conflict: {} was changed by {} at {} to {}; it was {} when you opened it. Overwrite with {}? y yes  n no";
    ConfirmTitle => "确认", "Confirm";
    ConflictTitle => "他人已修改", "Changed by someone else";
    ConfirmToggle => "将 {} {} 记为 {}{}？ y 记录  n 取消", "Record {} {} for {} as {}? y yes  n no";
    ConfirmToggleNow => "将 {} {} 记为 {}{}？（当前：{}{}） y 记录  n 取消",
        "Record {} {} for {} as {}? (current: {}, {}) y yes  n no";
    ConfirmLarge => "将 {} 记为 {}？这是{}的 {} 倍以上 y 记录  n 返回修改",
        "Record {} as {}? That exceeds {} more than {}-fold. y yes  n back to the value";
    LargeTarget => "目标 {}", "the target, {}";
    LargeBefore => "此前的值 {}（{}）", "the value before, {} ({})";
    ConfirmCancelled => "已取消，未记录", "Cancelled; nothing recorded";
    UndoOverPrompt => "冲突：{} 已被 {} 于 {} 改为 {}，你看到的是 {}。y 仍然撤销：撤销最近一次修改，即 {} 改成的 {}  n 不撤销，不记录",
        "Conflict: {} was changed by {} at {} to {}; you saw {}. y undo anyway: reverts the latest change, {}'s {}  n keep it, record nothing";
    UndoTitle => "撤销", "Undo";
    UndoAsk => "撤销 {} 于 {} 对 {} 的修改：{} -> {}；改回 {}？{} y 撤销  n 不撤销",
        "Undo the change by {} at {} to {}: {} -> {}; back to {}?{} y undo  n keep it";
    UndoShownIs => "（屏幕上显示的是 {}的值）", " (the screen shows the value of {})";
    KeptTheirs => "未记录，保留 {} 的当前值 {}", "Nothing recorded; {} stays {}";
    KeptTheirsBy => "未记录：{} 已被 {} 于 {} 改为 {}，你看到的是 {}；保留其值",
        "Nothing recorded: {} was changed by {} at {} to {}; you saw {}; it stays";
    NotRecorded => "未记录：{}", "Not recorded: {}";
    // the ledger's refusals, instruction first (no path: the footer names it)
    LedgerNeedsUpgrade => "请先运行 wudang-plan ledger convert：旧版台账无“期间”列，只能记入当年（{} 未记录）",
        "run wudang-plan ledger convert first: this first-release ledger (no period column) takes this year's values only; {} not recorded";
    LedgerNeedsConversion => "请先运行 wudang-plan ledger convert：台账被 Excel/WPS 存成了 GB18030，不能追加（转换会留备份）",
        "run wudang-plan ledger convert first: Excel/WPS saved the ledger as GB18030, which is not appended to (it keeps a backup)";
    LedgerMalformed => "请运行 wudang-plan ledger check 查看：台账有 {} 行无法读取（第 {} 行起），修好前不能记录",
        "run wudang-plan ledger check: {} ledger lines do not read (from line {}); nothing is recorded until they are fixed";
    LedgerNothingToUndo => "{} 没有可撤销的修改", "{}: nothing to undo";
    LedgerNoPermission => "请管理员把台账所在目录设为同组可写：无权写入台账，未记录",
        "ask whoever runs the server to make the ledger's directory group-writable: no permission to write the ledger; nothing recorded";
    LedgerIo => "台账读写出错，未记录：{}", "the ledger could not be read or written; nothing recorded: {}";
    LedgerOther => "台账拒绝记录：{}", "the ledger refused: {}";
    ReadOnly => "只读：未接入可写的台账", "Read-only: no writable ledger";
    ReadOnlyNoUser => "只读：没有用户名；用 --user 姓名 或设置 WUDANG_PLAN_USER 后重新打开",
        "Read-only: no user name; start again with --user NAME or set WUDANG_PLAN_USER";
    ReadOnlyCity => "只读：这是市里汇总各区县台账的视图；请在各区县的主机上填报",
        "Read-only: this is the city's view of the districts' ledgers; record on each district's host";
    ReadOnlyCopy => "只读：这是区县台账的克隆（只读副本）；请在区县的主机上填报",
        "Read-only: a clone of a district's ledger; record on the district's host";
    PickIndicator => "先选中一个指标（Tab 到指标窗格）", "Select an indicator first (Tab to the indicator pane)";
    MovedToIndicators => "已转到指标窗格：选中指标后按 e 或 Enter 填报", "Now in the indicator pane: pick an indicator, then e or Enter to edit";
    ChangedBy => "{} 更新了 {}：{}", "{} changed {}: {}";
    ChangedMore => "（另有 {} 处更新）", " (and {} more changes)";
    LedgerReloaded => "台账文件已被替换，已重新读取", "The ledger file was replaced and read again";
    // a ledger that had rows, missing or empty under a running UI: not restarted
    LedgerMissing => "台账文件不见了（被移走或删除）：仍显示上次读到的内容，不能记录", "Ledger file gone (moved or deleted): showing what was last read, edits off";
    LedgerEmptied => "台账被清空：仍显示上次读到的内容，不能记录", "Ledger emptied: showing what was last read, edits off";
    LedgerBack => "台账文件已恢复", "The ledger file is back";
    // the start: the first frame comes before the ledger is read
    LedgerLoading => "正在读取台账", "reading the ledger";
    LedgerStillLoading => "台账还在读取，稍候再按", "Still reading the ledger: try again in a moment";
    // the ledger failed after the first frame: browse only
    LedgerUnread => "台账无法读取", "ledger unreadable";
    // the file and line first: the status line is cut at its end
    LedgerBroken => "{} 台账无法读取，只能浏览：{}", "{} Ledger unreadable, browsing only: {}";
    LedgerReadAgain => "台账已可读取，已读入", "The ledger reads now: taken in";
    LedgerBrokenKey => "{} 台账无法读取，此键不可用：{}", "{} Ledger unreadable, key off: {}";
    // a key refused while the ledger is read holds what is typed after it
    LedgerHeld => "台账读取中，读入后即打开（Esc 取消）；已输入：{}", "Reading the ledger; opens once read (Esc cancels); typed: {}";
    HeldDropped => "已取消；未执行：{}", "Cancelled; not run: {}";
    HeldFilled => "台账已读入；读取时输入的已填入，尚未记录", "Ledger read; what you typed is filled in, not recorded yet";
    HeldNotRun => "台账已读入；读取时按的键未执行：{}", "Ledger read; keys typed meanwhile were not run: {}";
    LedgerWarned => "台账有 {} 条警告，退出后列出", "The ledger has {} warnings, listed when you quit";
    LedgerProblem => "台账读取出错：{}", "Ledger problem: {}";
    // short: it comes before the edit's answer on one status line
    TornMovedAside => "注意：台账第 {} 行不完整，已移到 {}，请核对", "Note: ledger line {} was cut short, moved to {}: check it";
    DraftBack => "恢复了 {} 上次未提交的输入", "Restored your unsaved input for {}";
    Nothing => "（无）", "(none)";
    NothingTyped => "没有输入内容", "nothing typed";
    HistoryTitle => "{} 修改记录（{} 条）", "{} history ({} changes)";
    HistoryTitleSome => "{} 修改记录（共 {} 条，显示最近 {} 条）", "{} history ({} changes, latest {} shown)";
    NoteLabel => "备注", "Note";
    RemarkLabel => "说明", "Remark";
    NoteCleared => "备注已清除", "note cleared";
    NoteBy => "{}（{}，{}）", "{} ({}, {})";
    UndoRemark => "撤销 {} 于 {} 的修改", "undo of {}'s change at {}";
    HistoryEmpty => "还没有记录", "Nothing recorded yet";
    // the chart popup (`c`)
    ChartTitle => "{} {}：按期完成情况", "{} {}: values by period";
    ChartValue => "实际值", "actual";
    ChartValueIn => "实际值（{}）", "actual ({})";
    ChartExpected => "序时进度", "expected";
    ChartTarget => "目标 {}", "target {}";
    ChartTargetIsPace => "目标 {}（即序时进度）", "target {} (= expected)";
    ChartTargetYear => "目标 {}/年（季、月按比例）", "target {} a year (part-years pro rata)";
    ChartBaseline => "基期 {}：{}", "baseline {}: {}";
    ChartNoBaseline => "缺少基期值（{} 年），无序时进度", "no baseline ({}): nothing expected";
    ChartNoValues => "还没有填报任何一期的值", "No value recorded for any period yet";
    ChartMilestone => "未完成：{} 年 7 月起黄灯，{} 年起红灯", "not done: yellow from July {}, red from {}";
    ChartPeriod => "期别", "period";
    ChartLight => "灯", "light";
    ChartRange => "第 {}-{} 期，共 {} 期（j/k）", "{}-{} of {} (j/k)";
    ChartTooSmall => "窗口太小，无法画图", "Too small for the chart";
    KindLevel => "水平值", "level";
    KindCumulative => "累计值", "cumulative";
    KindRate => "增速或比率（每期对照目标）", "rate (each period against the target)";
    KindAnnual => "每年完成量", "annual amount";
    KindMilestone => "里程碑", "milestone";
}

/// `s` in `lang` with each `{}` replaced by the next of `args`.
pub fn fill(lang: Lang, s: S, args: &[&str]) -> String {
    fill_in(s.get(lang), args)
}

/// `template` with each `{}` replaced by the next of `args` (the report's
/// words, `crate::bulletin::words`, are filled by it too).
pub fn fill_in(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        if let Some(a) = args.next() {
            out.push_str(a);
        }
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_has_both_languages_with_the_same_parameters() {
        for s in S::ALL {
            let zh = s.get(Lang::Zh);
            let en = s.get(Lang::En);
            assert!(!zh.is_empty() && !en.is_empty(), "{s:?}");
            assert_eq!(
                zh.matches("{}").count(),
                en.matches("{}").count(),
                "{s:?}: parameters differ"
            );
        }
    }

    #[test]
    fn the_linux_console_warning_is_ascii_in_both_languages() {
        for lang in [Lang::Zh, Lang::En] {
            assert!(S::LinuxConsole.get(lang).is_ascii(), "{lang:?}");
        }
    }

    #[test]
    fn fill_replaces_in_order() {
        assert_eq!(fill(Lang::Zh, S::NTasks, &["13"]), "13 项任务");
        assert_eq!(
            fill(Lang::En, S::TooSmall, &["40", "10", "1", "1"]),
            "Window too small: need 40x10, have 1x1"
        );
    }
}
