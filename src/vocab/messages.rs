//! THE message table of the command line and the library's errors: every
//! error, warning and confirmation a person reads from `wudang-plan`
//! outside the full-screen UI, in Chinese (the default) and English.
//!
//! An error keeps a [`Msg`] (a key and its named parameters), not a
//! finished sentence, so that the binary's edge words it in the language
//! of the command line ([`Msg::text`]). `Display` is the English, which is
//! what the command line printed before it spoke Chinese (scripts and
//! tests rely on it: change it only on purpose).
//!
//! Parameters are named, `{path}`, and filled by name; both languages of
//! an entry must use the same names (a test checks every entry), and a
//! message must be given exactly the parameters its text names (checked
//! in debug builds when it is worded).
//!
//! Quoting: Chinese text quotes with “”, English with backticks; file
//! paths, flags and commands are ASCII in both.

use std::fmt;

pub use super::Lang;

macro_rules! messages {
    ($($key:ident => $zh:expr, $en:expr;)*) => {
        /// A key into the message table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum M { $($key),* }

        impl M {
            /// Every key, table order.
            pub const ALL: &'static [M] = &[$(M::$key),*];

            /// The template in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((M::$key, Lang::Zh) => $zh, (M::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

// Sections: keep each area's entries together, and add new ones inside
// their section (not at the end of the table), so that work on different
// areas does not collide.
messages! {
    // ---- shared pieces -------------------------------------------------
    Nothing => "无", "nothing";

    // ---- plan files (crate::plan) -----------------------------------------


    // ---- ledger (crate::ledger) -------------------------------------------


    // ---- command line (crate::cli): usage and refusals -------------------
    // How the binary prints an error (clap's Chinese errors begin 错误：).
    IoNotFound => "文件或目录不存在", "not found";
    IoPermission => "没有权限", "permission denied";
    IoIsADirectory => "这是一个目录", "is a directory";
    IoFull => "磁盘已满", "no space left";
    IoOther => "读写出错", "input/output error";
    IoCode => "{what}（系统错误 {code}）", "{what} (os error {code})";
    ErrorLine => "错误：{message}", "wudang-plan: {message}";
    CannotWriteOutput => "无法写出输出：{error}", "cannot write output: {error}";
    TerminalError => "终端出错：{error}", "terminal error: {error}";
    PlanNotLoaded => "方案未能载入", "the plan was not loaded";
    LedgerThreadStopped => "读取台账的线程已停止", "the thread reading the ledger stopped";
    DataEmpty => "--data 为空；应为台账 CSV 文件的路径",
        "--data is empty; expected the path of the ledger CSV file";
    NoDataDir => "找不到存放台账的数据目录（没有主目录？）；请加 --data <文件> 或设置 WUDANG_PLAN_DATA",
        "cannot find a data directory for the ledger (no home directory?); pass --data FILE or set WUDANG_PLAN_DATA";
    DirMissing => "台账所在目录 {dir} {problem}（--data 或 WUDANG_PLAN_DATA：{path}）；应为已有的目录：请检查路径，或先建好该目录（台账只在已有的目录中新建）",
        "the ledger's directory {dir} {problem} (--data or WUDANG_PLAN_DATA: {path}); expected an existing directory: check the path, or create the directory first (a ledger is only started in a directory that exists)";
    DirDoesNotExist => "不存在", "does not exist";
    DirIsNotADirectory => "不是目录", "is not a directory";
    NoUser => "没有可记录的用户名；请加 --user <姓名> 或设置 WUDANG_PLAN_USER（或 USER）",
        "no user name to record; pass --user NAME or set WUDANG_PLAN_USER (or USER)";
    UserUnsafe => "{from}：用户名“{name}”含有{what}；应为不含控制字符的名字，如 --user limin",
        "{from}: the user name `{name}` contains {what}; expected a name without control characters, e.g. --user limin";
    ControlChar => "控制字符 U+{code}（{shown}）", "the control character U+{code} ({shown})";
    FormatChar => "不可见的格式字符 U+{code}（{shown}）", "the invisible format character U+{code} ({shown})";
    IsTaskNotIndicator => "“{id}”是任务，不是指标；set 填报的是指标的实际完成值{hint}；任务的状态请用 wudang-plan status {id} <状态> 记录",
        "`{id}` is a task, not an indicator; `set` records an indicator's actual{hint}; record the task's status with `wudang-plan status {id} STATE`";
    ItsIndicators => "（其指标：{ids}）", " (its indicators: {ids})";
    NoIndicator => "没有指标“{id}”；应为指标编号，如 8.1（用 wudang-plan indicators 列出）",
        "no indicator `{id}`; expected an indicator id such as 8.1 (list them with `wudang-plan indicators`)";
    IsIndicatorNotTask => "“{id}”是任务 {task} 的指标；status 记录的是任务的状态（指标的实际完成值请用 wudang-plan set {id} <值> 填报）",
        "`{id}` is an indicator of task {task}; `status` records a task's status (record the indicator's actual with `wudang-plan set {id} VALUE`)";
    NoTask => "没有任务“{id}”；应为 {first} 至 {last} 的任务编号", "no task `{id}`; expected a task id from {first} to {last}";
    NoIndicatorOrTask => "没有指标或任务“{id}”；应为指标编号（如 8.1）或任务编号（如 8）",
        "no indicator or task `{id}`; expected an indicator id such as 8.1 or a task id such as 8";
    NotATaskState => "任务 {task}：“{found}”不是任务状态；应为{words}之一（或 {states}）",
        "task {task}: `{found}` is not a task status; expected one of {states} ({words})";
    ExpectNotATaskState => "{id}：--expect “{found}”不是任务状态；应为{states}之一，或 ''（表示尚无记录）",
        "{id}: --expect `{found}` is not a task status; expected one of {states} or ''";
    PeriodFlag => "--period：{reason}", "--period: {reason}";
    DefaultPeriod => "{reason}（默认期间为今天所在的年份；其他期间请加 --period）",
        "{reason} (the default period is the year of today; give --period for another)";
    ExpectRefused => "{label}：未记录：{what}是 {found}{by}，不是 --expect 所说的 {expected}{current}；请核对后把 --expect 改为{again}再运行，或去掉 --expect",
        "{label}: nothing recorded: {what} is {found}{by}, not {expected} as --expect says{current}; check it and run again with --expect set to {again}, or without --expect";
    ExpectWhatPeriod => "{field}（{period}）", "the {field} for {period}";
    ExpectWhatCurrent => "当前{field}", "the current {field}";
    ExpectBy => "（由 {user} 于 {time} 记录）", " (recorded by {user} at {time})";
    ExpectElsewhere => "（当前实际值是 {value}，属于 {period}）", " (the current actual is {value}, for {period})";
    ExpectAgainPeriod => " {period} 的值", "{period}'s value";
    ExpectAgainCurrent => "当前值", "the current value";
    NoNameMatch => "{flag} “{query}”：没有叫这个名字或拼音的{kind}；应为以下之一：\n{names}",
        "{flag} `{query}`: no {kind} of that name or pinyin; expected one of:\n{names}";
    AmbiguousName => "{flag} “{query}”不止指一人，可能是：\n{names}\n请多输入几个字或完整拼音",
        "{flag} `{query}` is ambiguous; it names:\n{names}\ntype more of the name or its full pinyin";
    KindLeader => "责任领导", "leader";
    KindPerson => "责任人", "person";
    NoUnitMatch => "--unit “{query}”：没有匹配的责任单位；应为以下某个单位名称的一部分：\n{units}",
        "--unit `{query}`: no unit matches; expected part of one of:\n{units}";
    NoGroup => "--group “{group}”：没有这个任务组；应为 0（总体目标）或 {ids} 之一",
        "--group `{group}`: no such group; expected 0 (总体目标) or one of {ids}";
    NoTaskFlag => "--task “{id}”：没有这个任务；应为 {first} 至 {last} 的任务编号",
        "--task `{id}`: no such task; expected a task id from {first} to {last}";
    NotInList => "{flag} “{found}”：不是{what}；应为{words}之一（或 {machine}；多个用逗号分隔）",
        "{flag} `{found}`: not {what}; expected one of {machine} ({words}) (several separated by commas)";
    ListEmpty => "{flag} 为空；应为 {machine} 之一", "{flag} is empty; expected one of {machine}";
    AnIndicatorStatus => "指标状态", "an indicator status";
    ATaskState => "任务状态", "a task state";
    ALight => "亮灯颜色", "a light";
    OutIsCompanion => "--out {out}：那是{what}（{path}）；应为其他文件", "--out {out}: that is {what} ({path}); expected another file";
    TheLedger => "台账", "the ledger";
    TheLedgerLock => "台账的锁文件", "the ledger's lock file";
    TheLedgerTorn => "台账移出的残行文件", "the ledger's moved-aside lines";
    OutCannotWrite => "--out {path}：{error}", "--out {path}: {error}";
    NotAnIndicatorId => "“{id}”不是指标编号；应为如 8.1 的编号（见 wudang-plan indicators）",
        "`{id}` is not an indicator id; expected one such as 8.1 (see `wudang-plan indicators`)";
    SheetUnreadable => "{file}：无法读取：{error}；应为要导入的 CSV 文件", "{file}: cannot read it: {error}; expected the CSV file to import";
    SheetTooBig => "{file}：超过 {mib} MiB；应为 wudang-plan export 导出的表格（本方案最多 {mib} MiB）；未记录任何内容",
        "{file}: more than {mib} MiB; expected a sheet exported by `wudang-plan export` (at most {mib} MiB for this plan); nothing was recorded";
    SheetUndecodable => "{at}：{reason}；未记录任何内容", "{at}: {reason}; nothing was recorded";
    ImportInvalid => "{list}\n{file}：未记录任何内容（{problems}{also}）；请改正后重新导入",
        "{list}\n{file}: nothing was recorded ({problems}{also}); fix them and import again";
    ImportConflicts => "{list}\n{file}：未记录任何内容（{conflicts}）：导出这张表以后台账又有改动；请重新导出后再改这些单元格，或加 --force 导入，以表中的值覆盖",
        "{list}\n{file}: nothing was recorded ({conflicts}): the ledger changed after this sheet was exported; export again and redo these cells, or import with --force to record the sheet's values over them";
    ImportRaced => "{list}\n{file}：未记录任何内容：导入期间台账有改动；请重新导入",
        "{list}\n{file}: nothing was recorded: the ledger changed while importing; run the import again";
    ImportMore => "{file}：……另有 {n} 条", "{file}: … and {n} more";
    ImportProblem => "{at}：{col}{reason}", "{at}: {col}{reason}";
    ImportColumn => "“{column}”列：", "column `{column}`: ";
    ImportConflict => "{at}：“{column}”列：{subject}：表中把 {seen} 改为 {value}，但导出以后台账已有{theirs}",
        "{at}: column `{column}`: {subject}: the sheet changes {seen} to {value}, but the ledger has {theirs}, after this sheet was exported";
    ImportTheirs => " {who} 于 {time} 记录的 {value}（{path}:{line}）", "{who}'s {value} recorded at {time} ({path}:{line})";
    Someone => "某人", "someone";
    CheckProblems => "{path}：另一程序写入的行中有 {n} 处问题{s}（见上）；这些行仍会读入，或转义显示，或不显示；请改正或删除（先留副本）",
        "{path}: {n} problem{s} (listed above) in rows another program wrote; they are still read, shown escaped or not at all; fix or remove them (keep a copy first)";
    // the sheet an import reads (crate::sheet)
    SheetNotEncoding => "既不是 UTF-8（第 {utf} 行起无效）也不是 GB18030（第 {gb} 行起无效）；应为导出的 CSV 文件，由 Excel/WPS 存为“CSV UTF-8”或“CSV”",
        "neither UTF-8 (invalid from line {utf}) nor GB18030 (invalid from line {gb}); expected the CSV file as exported, saved as “CSV UTF-8” or “CSV” by Excel/WPS";
    SheetBadBom => "文件以 UTF-8 BOM 开头，却不是有效的 UTF-8；应为 UTF-8 文本",
        "not valid UTF-8 although the file starts with a UTF-8 BOM; expected UTF-8 text";
    SheetUtf16 => "这是 UTF-16 文件（Excel 的“Unicode 文本”）；应为 CSV：请另存为“CSV UTF-8”或“CSV”",
        "this file is UTF-16 (Excel's “Unicode text”); expected CSV: save it as “CSV UTF-8” or “CSV”";
    SheetJson => "这是 JSON 文件；应为 CSV 导出（wudang-plan export，不加 --format json）",
        "this file is JSON; expected the CSV export (`wudang-plan export`, without --format json)";
    SheetNotCsv => "不是 CSV：{error}", "not CSV: {error}";
    SheetEmpty => "文件是空的；应为 CSV 导出：一行表头，每个指标一行",
        "the file is empty; expected the CSV export, a header row and a row per indicator";
    SheetSeparators => "各列以分号或制表符分隔；应以逗号分隔（另存为 CSV）",
        "the columns are separated by semicolons or tabs; expected commas (save as CSV)";
    SheetColumnTwice => "“{column}”列在表头出现两次（第 {i} 列“{first}”和第 {j} 列“{second}”）；应只出现一次",
        "column `{column}` appears twice in the header (column {i} `{first}` and column {j} `{second}`); expected it once";
    SheetNoKey => "没有“key”或“id”列；应为 wudang-plan export 导出的表头（key、id 等）",
        "no column `key` or `id`; expected the header of `wudang-plan export` (key, id, …)";
    SheetNoLedgerLine => "没有“ledger_line”列：它记下导出时台账的内容，用来区分你改的单元格和同事此后的改动；请重新导出，或加 --force 导入，记录与台账现状不同的每个单元格",
        "no column `ledger_line`: it says what the ledger held when the sheet was exported, to tell the cells you edited from colleagues' changes since; export again, or import with --force to record every cell that differs from the ledger as it is now";
    SheetActualNoPeriod => "有“actual”列却没有“period”列：期间说明每个值属于哪一年、季度或月；请保留 period 列",
        "a column `actual` without the column `period`: the period says which year, quarter or month each value is for; keep the period column";
    SheetNothingToImport => "没有可导入的内容：没有“period”“actual”“task_status”或“note”列",
        "nothing to import: no column `period`, `actual`, `task_status` or `note`";
    SheetNoKeyNoId => "没有 key 也没有 id；应为指标的 key（#8.1）或 id（8.1），与导出时相同",
        "no key and no id; expected the key (#8.1) or the id (8.1) of an indicator, as exported";
    SheetKeyNoHash => "“{key}”：应为 # 加指标编号，与导出时相同（#8.1）",
        "`{key}`: expected `#` and an indicator id, as exported (#8.1)";
    SheetKeyUnknown => "“{key}”：方案中没有指标“{id}”；应与导出时的 key 相同",
        "`{key}`: the plan has no indicator `{id}`; expected the key as exported";
    SheetIdNotKey => "“{id}”不是 key“{key}”所指的指标；key 说明这一行是哪个指标：请把 id 或 key 改回导出时的样子",
        "`{id}` is not the indicator of the key `{key}`; the key says which indicator the row is: put back the id or the key as exported";
    SheetIdUnknown => "“{id}”：方案中没有指标“{id}”；应为指标编号，如 8.1",
        "`{id}`: the plan has no indicator `{id}`; expected an indicator id such as 8.1";
    SheetIdAmbiguous => "“{id}”有歧义：可能是 {ids}（表格软件会把编号 0.10 写成 0.1），而这张表没有 key 列可以区分；请重新导出并保留 key 列（#0.10），表格软件不会改动它",
        "`{id}` is ambiguous: it may be {ids} (a spreadsheet writes the id 0.10 as 0.1) and this sheet has no `key` column to tell; export again and keep the `key` column (#0.10), which spreadsheets leave as it is";
    SheetDuplicateRow => "{id} {name} 已在第 {first} 行；每个指标应只有一行",
        "{id} {name} is on line {first} already; expected one row per indicator";
    SheetBadLedgerLine => "“{cell}”：应为导出时写在这一行的台账行号（整数）；如改动过，请重新导出",
        "`{cell}`: expected the ledger line the export wrote in this row (a whole number); export again if it was changed";
    SheetStale => "导出时台账有 {at} 行，现在有 {last} 行：此后台账被替换或截短过（或这是另一本台账：请检查 --data），无法判断各行当时所见；请重新导出，或加 --force 导入，与台账现状比较",
        "exported when the ledger had {at} lines; it has {last} now: it was replaced or cut short since (or this is another ledger: check --data), so what the rows saw cannot be told; export again, or import with --force to compare with the ledger as it is now";
    SheetOfIndicator => "{id} {name}：{reason}", "{id} {name}: {reason}";
    SheetClears => "{id} {name}：为空，但台账中 {period} 的值是“{value}”；导入不会清除数值：请填回（要撤回数值，请用 wudang-plan undo）",
        "{id} {name}: empty, but the ledger has `{value}` for {period}; an import does not clear a value: put it back (to withdraw a value, use `wudang-plan undo`)";
    SheetNoteLong => "{id} {name}：备注长 {long} 个字符；最多 {max} 个",
        "{id} {name}: the note is {long} characters long; expected at most {max}";
    SheetNoteUnsafe => "备注含有{what}；应为不含控制字符的一行文字",
        "the note contains {what}; expected one line of text without control characters";
    SheetDisagree => "任务 {task}：各行给出的状态不同：{said}；一个任务只有一个状态：请让它的各行一致",
        "task {task}: its rows give different statuses: {said}; a task has one status: give all its rows the same one";
    SheetSaid => "“{state}”（第 {lines} 行{word}）", "`{state}` ({word} {lines})";
    CountProblems => "{n} 处问题", "{n} problems";
    CountProblem => "1 处问题", "1 problem";
    CountConflicts => "{n} 处冲突", "{n} conflicts";
    CountConflict => "1 处冲突", "1 conflict";
    AlsoConflicts => "，{conflicts}", ", {conflicts}";

    // ---- command line: confirmations, summaries, warnings --------------
    Recorded => "由 {user} 于 {time} 记录（{path}:{line}）", "recorded by {user} at {time} ({path}:{line})";
    AsRecorded => "现值由 {user} 于 {time} 记录（{path}:{line}）", "as recorded by {user} at {time} ({path}:{line})";
    Unchanged => "{label}：未变：{field}已是 {value}；未记录", "{label}: unchanged: the {field} already is {value}; nothing recorded";
    UnchangedNone => "{label}：未变：尚无{field}记录；未记录", "{label}: unchanged: no {field} is recorded; nothing recorded";
    FieldForPeriod => "{field}（{period}）", "{field} for {period}";
    StatusLine => "状态：{status}（目标 {target}，期限 {due} 年）", "status: {status} (target {target}, due {due})";
    CurrentLine => "当前值：{value}（{period}，最近一期）", "current: {value} ({period}, the latest period)";
    SetLine => "{id} {name}{period}：{old} → {new}", "{id} {name}{period}: {old} → {new}";
    SetPeriod => "（{period}）", " ({period})";
    StateLine => "{label}：{old} → {new}", "{label}: {old} → {new}";
    NoteLine => "备注：{note}", "note: {note}";
    NoteSet => "{label}：备注：{note}", "{label}: note: {note}";
    NoteCleared => "{label}：备注已清除", "{label}: note cleared";
    UndoLine => "撤销 {label} {field}：{old} → {new}", "undo {label} {field}: {old} → {new}";
    Reverts => "撤销的是 {user} 于 {time} 的修改（第 {line} 行）", "reverts the change by {user} at {time} (line {line})";
    TaskLabel => "任务 {id} {title}", "task {id} {title}";
    ProgressReading => "读取 {file}", "reading {file}";
    ProgressChecking => "检查 {file}", "checking {file}";
    ExportWrote => "已写出 {rows} 行到 {path}（{what}），截至台账第 {line} 行", "wrote {rows} rows to {path} ({what}), as of ledger line {line}";
    ExportCsv => "CSV，UTF-8 带 BOM", "CSV, UTF-8 with BOM";
    ImportedFrom => "导入自 {file}", "imported from {file}";
    ImportRead => "{file}：{rows}（{encoding}）", "{file}: {rows} ({encoding})";
    ImportDryRun => "{read}；{changes}（试运行：未记录任何内容）", "{read}; {changes} (dry run: nothing recorded)";
    ImportChange => "  {at}：{subject}：{old} → {new}{over}", "  {at}: {subject}: {old} → {new}{over}";
    ImportOver => "，覆盖{theirs}", ", over {theirs}";
    ImportSubjectPeriod => "{label}（{period}）", "{label} ({period})";
    ImportAlready => "{values}已与表中相同（导出后由他人或此前导入这张表时记录）：无需记录",
        "{values} already as the sheet has them (recorded since the export, by someone or by an earlier import of this sheet): nothing to record for them";
    ImportNothingToRecord => "{read}；没有要记录的内容{why}", "{read}; nothing to record{why}";
    ImportAsExported => "：每个单元格都与导出时相同", ": every cell is as exported";
    ImportMeanwhile => "{values}已由他人同时记录：未再记录", "{values} recorded by someone else meanwhile: nothing recorded for them";
    ImportNothingRecorded => "{read}；未记录任何内容", "{read}; nothing recorded";
    ImportRecorded => "{read}；记录了 {changes}：", "{read}; recorded {changes}:";
    CountRows => "{n} 行", "{n} rows";
    CountRow => "1 行", "1 row";
    CountChanges => "{n} 处修改", "{n} changes";
    CountChange => "1 处修改", "1 change";
    CountValues => "{n} 个值", "{n} values";
    CountValue => "1 个值", "1 value";

    // ---- end -------------------------------------------------------------
}

/// A message: a key and the values of its named parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub key: M,
    args: Vec<(&'static str, Arg)>,
}

/// A parameter's value: the same in both languages, or worded per
/// language (a nested message, or a word from the vocabulary).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Arg {
    Plain(String),
    Msg(Box<Msg>),
    Words { zh: String, en: String },
}

impl Msg {
    /// The message `key` with no parameters yet.
    pub fn new(key: M) -> Msg {
        Msg {
            key,
            args: Vec::new(),
        }
    }

    /// Sets parameter `name` to `value`, the same in both languages.
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Msg {
        self.args.push((name, Arg::Plain(value.to_string())));
        self
    }

    /// Sets parameter `name` to another message, worded in the same
    /// language as this one.
    pub fn sub(mut self, name: &'static str, value: Msg) -> Msg {
        self.args.push((name, Arg::Msg(Box::new(value))));
        self
    }

    /// Sets parameter `name` to a word that differs by language (a
    /// status, a field).
    pub fn words(
        mut self,
        name: &'static str,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> Msg {
        self.args.push((
            name,
            Arg::Words {
                zh: zh.into(),
                en: en.into(),
            },
        ));
        self
    }

    /// The message in `lang`, each `{name}` replaced by its value. A
    /// `{name}` with no value is left as it is (and fails a debug
    /// assertion: a test would catch it).
    pub fn text(&self, lang: Lang) -> String {
        let template = self.key.get(lang);
        debug_assert_eq!(
            {
                let mut want = params(template);
                want.sort_unstable();
                want
            },
            {
                let mut have: Vec<&str> = self.args.iter().map(|(n, _)| *n).collect();
                have.sort_unstable();
                have
            },
            "message {:?}: parameters given do not match its text",
            self.key
        );
        render(template, &self.args, lang)
    }
}

/// `template` with each `{name}` replaced by its value in `args`, worded
/// in `lang`; an unknown `{name}` is left as it is.
fn render(template: &str, args: &[(&'static str, Arg)], lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(&v.text(lang)),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

impl Arg {
    fn text(&self, lang: Lang) -> String {
        match self {
            Arg::Plain(s) => s.clone(),
            Arg::Msg(m) => m.text(lang),
            Arg::Words { zh, en } => match lang {
                Lang::Zh => zh.clone(),
                Lang::En => en.clone(),
            },
        }
    }
}

/// English, as the command line printed it before it spoke Chinese.
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl From<M> for Msg {
    fn from(key: M) -> Msg {
        Msg::new(key)
    }
}

/// The names of the `{name}` parameters of `template`, in order, each
/// once.
pub fn params(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !names.contains(&name) {
            names.push(name);
        }
        rest = &after[close + 1..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages_with_the_same_parameters() {
        for m in M::ALL {
            let zh = m.get(Lang::Zh);
            let en = m.get(Lang::En);
            assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{m:?}");
            let mut pz = params(zh);
            let mut pe = params(en);
            pz.sort_unstable();
            pe.sort_unstable();
            assert_eq!(pz, pe, "{m:?}: parameters differ between zh and en");
            for p in pz {
                assert!(
                    !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                    "{m:?}: parameter `{{{p}}}` must be a plain lower-case name"
                );
            }
        }
    }

    #[test]
    fn chinese_entries_are_chinese() {
        // Han, or Chinese punctuation (：（）“”): an entry that only lays
        // out its parts (`{label}：{old} → {new}`) is Chinese by its
        // punctuation.
        let han = |s: &str| {
            s.chars().any(|c| {
                ('\u{4e00}'..='\u{9fff}').contains(&c)
                    || ('\u{3000}'..='\u{303f}').contains(&c)
                    || ('\u{ff00}'..='\u{ffef}').contains(&c)
                    || matches!(c, '“' | '”')
            })
        };
        for m in M::ALL {
            assert!(
                han(m.get(Lang::Zh)),
                "{m:?}: the Chinese text has no Chinese"
            );
        }
    }

    #[test]
    fn parameters_are_filled_by_name_in_the_message_language() {
        let m = Msg::new(M::Nothing);
        assert_eq!(m.text(Lang::Zh), "无");
        assert_eq!(m.to_string(), "nothing");
        assert_eq!(params("{a} and {b} then {a}"), vec!["a", "b"]);
        let args = vec![
            ("id", Arg::Plain("8.1".into())),
            ("what", Arg::Msg(Box::new(Msg::new(M::Nothing)))),
            (
                "field",
                Arg::Words {
                    zh: "状态".into(),
                    en: "status".into(),
                },
            ),
        ];
        assert_eq!(
            render("{id}：{field}为{what}，{id}", &args, Lang::Zh),
            "8.1：状态为无，8.1"
        );
        assert_eq!(
            render("{id} {field}: {what} {missing}", &args, Lang::En),
            "8.1 status: nothing {missing}"
        );
    }
}
