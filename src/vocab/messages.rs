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
    PlanCannotRead => "{file}：无法读取：{why}", "{file}: cannot read: {why}";
    PlanMissingColumn => "{file}:{line}：缺少“{column}”列（应有的列：{expected}）",
        "{file}:{line}: missing column `{column}` (expected columns: {expected})";
    PlanAtLine => "{file}:{line}：{problem}", "{file}:{line}: {problem}";
    PlanInField => "{file}:{line}：{field}：{problem}", "{file}:{line}: {field}: {problem}";
    PlanColumnN => "第 {n} 列", "field `column {n}`";
    PlanFieldName => "“{name}”字段", "field `{name}`";
    PlanNotUtf8 => "不是有效的 UTF-8（应为 UTF-8 编码的 CSV 文件；请另存为“CSV UTF-8”）",
        "not valid UTF-8 (expected a UTF-8 CSV file; save it as \"CSV UTF-8\")";
    PlanNotUtf8Text => "无法按 UTF-8 文本读取", "could not be read as UTF-8 text";
    PlanColumnTwice => "表头中“{column}”列出现了两次（第 {first} 列和第 {second} 列）；每列应只出现一次",
        "column `{column}` appears twice in the header (columns {first} and {second}); expected each column once";
    PlanUnsafe => "“{text}”含有{what}；应为不含控制字符的文字", "`{text}` contains {what}; expected text without control characters";
    PlanUnsafeMultiline => "“{text}”含有{what}；应为不含控制字符的文字（此处可以换行）",
        "`{text}` contains {what}; expected text without control characters (line breaks are fine here)";
    PlanQuoteNeverClosed => "从这里开始的带引号字段一直没有闭合（应有一个闭合的 `\"`）",
        "a quoted field starting here is never closed (expected a closing `\"`)";
    PlanTooManyFields => "有 {n} 个字段，应至多 {max} 个（表头每列一个）；是否有逗号未加引号？",
        "{n} fields, expected at most {max} (one per header column); is a comma unquoted?";
    PlanMalformedCsv => "CSV 格式错误：{detail}", "malformed CSV: {detail}";
    PlanEmptyText => "为空，应填文字", "empty, expected text";
    PlanNotDecimal => "找到“{found}”，应为普通小数，如 `325` 或 `1.5`",
        "found `{found}`, expected a plain decimal number such as `325` or `1.5`";
    PlanDuplicateGroup => "任务组编号“{id}”重复", "duplicate group id `{id}`";
    PlanGroupZero => "找到“0”；第 0 组（总体目标）是隐含的，不应列出",
        "found `0`; group 0 (总体目标) is implicit and must not be listed";
    PlanNotGroupNumberLike => "找到“{found}”，应为任务组编号，如 `1`", "found `{found}`, expected a group number such as `1`";
    PlanEmptyTaskId => "为空，应为任务编号，如 `8`", "empty, expected a task id such as `8`";
    PlanBadTaskId => "找到“{found}”，应为不含 `.` 和空格的任务编号", "found `{found}`, expected a task id without `.` or spaces";
    PlanDuplicateTask => "任务编号“{id}”重复", "duplicate task id `{id}`";
    PlanUnknownGroup => "未知任务组“{group}”，应为 {file} 中的 {ids} 之一（或 0）",
        "unknown group `{group}`, expected one of {ids} in {file} (or 0)";
    PlanNotGroupNumber => "找到“{found}”，应为任务组编号", "found `{found}`, expected a group number";
    PlanEmptyRowId => "为空，应为行编号，如 `T8`", "empty, expected a row id such as `T8`";
    PlanDuplicateRow => "行编号“{id}”重复", "duplicate row id `{id}`";
    PlanUnknownTask => "未知任务“{task}”，应为 {file} 中的任务编号", "unknown task `{task}`, expected a task id from {file}";
    PlanNoLeader => "为空，应至少有一位责任领导", "empty, expected at least one 责任领导";
    PlanUnitWithoutPerson => "责任单位“{unit}”没有对应的责任人：{units} 个单位，但 {persons} 个责任人（单位与责任人按顺序配对）",
        "unit `{unit}` has no person: {units} units but {persons} persons (units and persons pair in order)";
    PlanPersonWithoutUnit => "责任人“{person}”没有对应的责任单位：{units} 个单位，但 {persons} 个责任人（单位与责任人按顺序配对）",
        "person `{person}` has no unit: {units} units but {persons} persons (units and persons pair in order)";
    PlanDuplicateIndicator => "指标编号“{id}”重复", "duplicate indicator id `{id}`";
    PlanBadKind => "找到“{found}”，应为 {words} 之一（或留空）", "found `{found}`, expected one of {words} (or empty)";
    PlanKindMilestone => "找到“{found}”，`done` 比较方式应配 `milestone`",
        "found `{found}`, expected `milestone` for a `done` comparison";
    PlanKindNotMilestone => "找到“{found}”，比较方式 `{comparison}` 应配 `milestone` 以外的类型",
        "found `{found}`, expected a kind other than `milestone` for comparison `{comparison}`";
    PlanBadIndicatorId => "找到“{found}”，应为 `{task}.N`（任务编号、一个点、一个数字）",
        "found `{found}`, expected `{task}.N` (the task id, a dot, a number)";
    PlanUnknownRow => "未知行“{row}”，应为 {file} 中的行编号", "unknown row `{row}`, expected a row id from {file}";
    PlanRowOfOtherTask => "行“{row}”属于任务“{owner}”，不属于任务“{task}”",
        "row `{row}` belongs to task `{owner}`, not to task `{task}`";
    PlanBadComparison => "找到“{found}”，应为 `>=`、`<=`、`~`、`done` 之一",
        "found `{found}`, expected one of `>=`, `<=`, `~`, `done`";
    PlanTargetOnMilestone => "找到“{found}”，`done` 里程碑的目标值应留空", "found `{found}`, expected empty for a `done` milestone";
    PlanNoTarget => "为空，比较方式 `{comparison}` 应有一个数字", "empty, expected a number for comparison `{comparison}`";
    PlanBadBetter => "找到“{found}”，应为 `higher` 或 `lower`", "found `{found}`, expected `higher` or `lower`";
    PlanBadDeadline => "找到“{found}”，应为年份，如 `2025`", "found `{found}`, expected a year such as `2025`";
    PlanDeadlineOutside => "找到“{found}”，应为 {file} 中方案期 {start}–{end} 内的年份",
        "found `{found}`, expected a year inside the plan period {start}–{end} of {file}";
    PlanNoPeriodRecord => "没有记录，应有一行 `start,end`，如 `2021,2025`",
        "no record, expected one line `start,end` such as `2021,2025`";
    PlanSecondPeriodRecord => "有第二条记录，应只有一行 `start,end`", "a second record, expected exactly one line `start,end`";
    PlanEndBeforeStart => "找到“{found}”，应为不早于开始年份“{start}”的年份",
        "found `{found}`, expected a year no earlier than the start `{start}`";
    PlanBadYear => "找到“{found}”，应为年份，如 `2021`", "found `{found}`, expected a year such as `2021`";
    UnsafeControl => "控制字符 U+{code}（{escape}）", "the control character U+{code} ({escape})";
    UnsafeFormat => "不可见格式字符 U+{code}（{escape}）", "the invisible format character U+{code} ({escape})";

    // ---- ledger (crate::ledger) -------------------------------------------
    LedgerIo => "{path}：无法{action}：{why}", "{path}: cannot {action}: {why}";
    DoCheckLedger => "检查台账", "check the ledger";
    DoConvertLedger => "转换台账", "convert the ledger";
    DoCreateBackup => "创建备份副本", "create the backup copy";
    DoDecideChange => "判定这次修改", "decide the change";
    DoReadRowBack => "读回一行", "read a row back";
    DoReadLedger => "读取台账", "read the ledger";
    DoReadHistory => "读取台账的修改记录", "read the ledger's history";
    DoCreateConverted => "创建转换后的文件", "create the converted file";
    DoCreateLedger => "创建台账", "create the ledger";
    DoCreateLedgerDir => "创建台账所在的目录", "create the ledger's directory";
    DoCreateLock => "创建锁文件", "create the lock file";
    DoCutTorn => "从台账截去被截断的最后一行", "cut the torn last line off the ledger";
    DoLockLedger => "锁定台账", "lock the ledger";
    DoOpenForWriting => "打开台账以写入", "open the ledger for writing";
    DoOpenLedger => "打开台账", "open the ledger";
    DoOpenLock => "打开锁文件", "open the lock file";
    DoReplaceLedger => "用转换后的文件替换台账", "replace the ledger with the converted file";
    DoSaveTorn => "保存被截断的最后一行", "save the torn last line";
    DoSyncDir => "同步目录", "sync the directory";
    DoWriteBackup => "写入备份副本", "write the backup copy";
    DoWriteConverted => "写入转换后的文件", "write the converted file";
    DoWriteLedger => "写入台账", "write to the ledger";
    OsNotFound => "文件或目录不存在（{os}）", "{os}";
    OsPermission => "没有权限（{os}）", "{os}";
    OsOther => "{os}（操作系统的报告）", "{os}";
    LedgerIsDirectory => "这是一个目录；应为 CSV 文件", "it is a directory; expected a CSV file";
    LedgerChangedWhileReading => "读取时文件被改动了；请重新运行该命令", "the file changed while reading; run the command again";
    LedgerChangedWhileConverting => "转换期间文件被改动了（有其他程序，如 Excel/WPS，写入了它）；没有替换任何内容；请关闭那个程序，再运行 wudang-plan ledger convert",
        "the file changed while it was being converted (another program, such as Excel/WPS, wrote to it); nothing was replaced; close that program and run `wudang-plan ledger convert` again";
    LedgerTooManyBackups => "同一时间戳的备份太多", "too many backups with the same time stamp";
    LedgerPastKept => "{id} {field}{of}：它的行在第 {max} 行或之后，超出全屏界面记录行号的范围；请用命令行记录这次修改（wudang-plan set）",
        "{id} {field}{of}: its row is at or past line {max}, further than the full-screen UI keeps lines; record this change with the command line (wudang-plan set)";
    LedgerForPeriod => "（{period}）", " for {period}";
    LedgerNotRowOf => "第 {line} 行不是 {id} {field} 的行（找到的是 {found}）；文件是否被其他程序改过？",
        "line {line} is not a row of {id} {field} (found {found}); was the file changed by another program?";
    LedgerLine => "{path}:{line}：{problem}", "{path}:{line}: {problem}";
    LedgerMoreProblems => "……另有 {more} 行有问题", "… and {more} more problem lines";
    LedgerLeftAsIs => "{path}：台账保持原样；这些行改正之前，不会记录任何修改",
        "{path}: the ledger was left as it is; nothing is recorded until these lines are fixed";
    LedgerNeedsConversion => "{path}：此台账是 GB18030 编码（由 Excel/WPS 保存为“CSV（逗号分隔）”）；wudang-plan 只向 UTF-8 台账追加，以免一个文件混用两种编码。未记录任何内容。请用 wudang-plan ledger convert 转换（它会保留备份副本）后重试",
        "{path}: this ledger is GB18030-encoded (saved by Excel/WPS as “CSV（逗号分隔）”); wudang-plan appends only to UTF-8 ledgers so that one file never mixes two encodings. Nothing was recorded. Convert it with `wudang-plan ledger convert` (it keeps a backup copy) and try again";
    LedgerNeedsUpgrade => "{path}：此台账没有 period（期间）列（第一版的台账），其中每行属于其时间戳所在的年份；无法在其中记录 {period} 的值。未记录任何内容。请用 wudang-plan ledger convert 升级（它会添加该列并保留备份副本）后重试",
        "{path}: this ledger has no period column (a ledger of the first release), so its rows belong to the year of their time stamp; a value for {period} cannot be recorded in it. Nothing was recorded. Upgrade it with `wudang-plan ledger convert` (it adds the column and keeps a backup copy) and try again";
    LedgerConflict => "{id} {field}：{by}{found}（您看到的是{saw}）；未记录任何内容。请核对新值，如果应以您的值为准，请重新填报",
        "{id} {field}: {by} to {found} (you saw {saw}); nothing was recorded. Check the new value and set it again if yours should replace it";
    LedgerChangedBy => "已被 {who} 于 {when} 改为", "changed by {who} at {when}";
    LedgerChanged => "已被改为", "changed";
    LedgerNothingToUndo => "{id}：没有可撤销的内容；尚未记录{what}", "{id}: nothing to undo; no {what} recorded";
    LedgerAnyChange => "任何修改", "change";
    LedgerDanglingLink => "{path}：是指向 {target} 的符号链接，但目标不存在；那里应是台账文件（是否被移走了，或其所在磁盘没有挂载？）；请修复该链接，或用 --data / WUDANG_PLAN_DATA 指向台账",
        "{path}: is a symbolic link to {target}, which does not exist; expected the ledger file there (was it moved, or is its disk not mounted?); fix the link, or point --data / WUDANG_PLAN_DATA at the ledger";
    LedgerTornTail => "{path}:{line}：最后一行（{bytes} 字节）没有换行符：它在写入时被截断（程序崩溃或连接中断），已被忽略；下次修改前会把它移到别处",
        "{path}:{line}: the last line ({bytes} bytes) has no line break: it was cut short (a crash or a lost connection while writing) and is ignored; it will be moved aside before the next edit";
    LedgerMovedAside => "{path}:{line}：被截断的最后一行（{bytes} 字节）已移到 {to}",
        "{path}:{line}: the cut-short last line ({bytes} bytes) was moved to {to}";
    LedgerInField => "“{field}”字段：{problem}", "field `{field}`: {problem}";
    LedgerIdField => "{id} {field}：{problem}", "{id} {field}: {problem}";
    LedgerColumnRepeated => "表头中“{column}”列出现了 {count} 次（第 {at} 列）；每列应只出现一次：请删除或重命名多余的列",
        "column `{column}` appears {count} times in the header (columns {at}); expected each column once: remove or rename the extra one";
    LedgerMissingColumn => "表头缺少 {list} 列；表头应有这些列：{columns}",
        "missing column {list} in the header; expected a header with the columns {columns}";
    LedgerMissingColumns => "表头缺少 {list} 列；表头应有这些列：{columns}",
        "missing columns {list} in the header; expected a header with the columns {columns}";
    LedgerTooFewField => "只有 {n} 个字段，应至少 {need} 个（各列为 {columns}）",
        "found {n} field, expected at least {need} (the columns are {columns})";
    LedgerTooFewFields => "只有 {n} 个字段，应至少 {need} 个（各列为 {columns}）",
        "found {n} fields, expected at least {need} (the columns are {columns})";
    LedgerBadTime => "找到“{found}”，应为带时区偏移的 RFC 3339 时间，如 2025-06-01T10:15:00+08:00（可能被电子表格改了格式）",
        "found `{found}`, expected RFC 3339 with an offset such as 2025-06-01T10:15:00+08:00 (a spreadsheet may have reformatted it)";
    LedgerNoRowUser => "为空，应为修改人", "empty, expected who made the change";
    LedgerBadField => "找到“{found}”，应为 actual、status 或 note", "found `{found}`, expected actual, status or note";
    LedgerBadPeriod => "找到“{found}”，应为期间，如 2024、2024Q2 或 2024-06（或留空：即该行时间所在的年份）",
        "found `{found}`, expected a period such as 2024, 2024Q2 or 2024-06 (or empty: the year of the row's time)";
    LedgerTextUnsafe => "{what}含有{shown}；应为一行不含控制字符的文字",
        "{what} contains {shown}; expected one line of text without control characters";
    LedgerTheNote => "备注", "the note";
    LedgerTheUser => "用户名", "the user name";
    LedgerLineBreak => "换行符", "a line break";
    LedgerTab => "制表符", "a tab";
    LedgerEmptyId => "编号为空；应为指标编号（8.1）或任务编号（8）", "id is empty; expected an indicator (8.1) or task (8) id";
    LedgerBadId => "编号“{id}”无效；应为指标编号（8.1）或任务编号（8）", "id `{id}` is not valid; expected an indicator (8.1) or task (8) id";
    LedgerNotActual => "“{found}”不是实际完成值；应为普通小数（-12.5）或 done / not_done",
        "`{found}` is not an actual; expected a plain decimal (-12.5) or done / not_done";
    LedgerNotStatus => "“{found}”不是任务状态；应为以下之一：{list}", "`{found}` is not a task status; expected one of {list}";
    LedgerNoUser => "没有用户名；应给出修改人（--user 姓名 或 WUDANG_PLAN_USER）",
        "no user name; expected who makes the change (--user NAME or WUDANG_PLAN_USER)";
    LedgerPeriodNotActual => "{id} {field}：期间（{period}）只能随实际完成值记录",
        "{id} {field}: a period ({period}) is recorded only with an actual value";
    LedgerChangedTwice => "{id} {field}{period}：同一批中改了两次；每项应只改一次",
        "{id} {field}{period}: changed twice in one batch; expected one change each";
    LedgerPeriodInParens => "（{period}）", " ({period})";
    LedgerCsvError => "CSV 格式错误（{detail}）", "{detail}";
    LedgerOpenQuote => "本行开始的带引号字段没有闭合：一个引号（\"）{runs}；应在行末之前闭合引号",
        "a quoted field opened on this line is not closed: found a quote (\") that runs on {runs}; expected a closing quote before the end of the line";
    LedgerRunsToEnd => "一直延续到文件末尾", "to the end of the file";
    LedgerRunsOverOne => "越过下一行一直延续到文件末尾", "over the line after it to the end of the file";
    LedgerRunsOver => "越过其后 {n} 行一直延续到文件末尾", "over the {n} lines after it to the end of the file";
    LedgerNeitherEncoding => "既不是 UTF-8（自第 {line} 行起无效）也不是 GB18030（此处无效）；应为保存为 UTF-8 或由 Excel/WPS 保存为 GB18030 的 CSV 文件",
        "neither UTF-8 (invalid from line {line}) nor GB18030 (invalid here); expected a CSV file saved as UTF-8 or by Excel/WPS as GB18030";
    LedgerBomNotUtf8 => "文件以 UTF-8 BOM 开头，却不是有效的 UTF-8；应为 UTF-8 文本",
        "not valid UTF-8 although the file starts with a UTF-8 BOM; expected UTF-8 text";
    LedgerAppendedOther => "不像文件其余部分那样是有效的 {encoding}；应为 wudang-plan 写入的行（是否有其他程序以另一种编码追加了内容？）",
        "not valid {encoding} like the rest of the file; expected rows written by wudang-plan (another program appended in another encoding?)";
    LedgerNotGb18030 => "不是有效的 GB18030；应为 Excel/WPS 保存的文件", "not valid GB18030; expected the file Excel/WPS saved";
    LedgerNotUtf8 => "不是有效的 UTF-8；应为 UTF-8 文本", "not valid UTF-8; expected UTF-8 text";
    LedgerNoPeriodColumnAdded => "无法添加 period（期间）列：{detail}", "cannot add the period column: {detail}";
    AuditUnsafe => "“{value}”含有{what}；显示时已转义，绝不原样发送到终端；wudang-plan 不接受这类字符，所以这一行是其他程序写入的",
        "`{value}` contains {what}; it is shown escaped, never sent to a terminal as it is; wudang-plan refuses such characters, so another program wrote this row";
    AuditWideRow => "有 {n} 个字段，表头只有 {width} 列；应每列一个字段（是否有未加引号的逗号，或从别处粘贴的行？）；多出的字段被忽略",
        "found {n} fields, the header has {width} columns; expected one field per column (an unquoted comma, or a row pasted from elsewhere?); the extra fields are ignored";
    AuditUnknownId => "“{id}”既不是本方案的指标，也不是任务（从这一行起共 {rows} {unit}：history 会列出，但不计入任何任务或指标）；应为 8.1 或 8 这样的编号（是另一个方案的行，还是被电子表格改过的编号？）",
        "`{id}` is neither an indicator nor a task of the plan ({rows} {unit} from this line on: listed by `history`, counted in no task or indicator); expected an id such as 8.1 or 8 (a row for another plan, or an id a spreadsheet changed?)";
    AuditRow => "行", "row";
    AuditRows => "行", "rows";
    ChainBreakLine => "{id} {field}：old 列为 {old}，但第 {line} 行记录的是 {value}", "{id} {field}: old is {old} but line {line} recorded {value}";
    ChainBreakNone => "{id} {field}：old 列为 {old}，但之前没有行记录过值", "{id} {field}: old is {old} but no earlier row records a value";
    Empty => "空", "empty";
    LedgerNoValue => "无记录", "nothing";
    // ledger check / convert and paths (crate::cli::files)
    PathsPlan => "方案：{dir}", "plan: {dir}";
    PathsPlanEmbedded => "方案：内置（seeds/ 已编译进程序）", "plan: embedded (seeds/ compiled into the binary)";
    PathsLedger => "台账：{path}", "ledger: {path}";
    PathsLock => "锁文件：{path}", "lock: {path}";
    PathsTorn => "截断行存放处：{path}", "torn: {path}";
    PathsCheckpoint => "检查点：{path}", "checkpoint: {path}";
    PathsCheckpointSeen => "检查点核验记录：{path}", "checkpoint's verified state: {path}";
    PathsNoSnapshot => "方案快照：无（内置方案没有快照）", "plan snapshot: none (the embedded plan has none)";
    PathsSnapshot => "方案快照：{path}（{state}）", "plan snapshot: {path} ({state})";
    PathsSnapshotFallback => "方案快照备用位置：{path}（{state}）", "plan snapshot fallback: {path} ({state})";
    PathsNoFallback => "方案快照备用位置：无（没有主目录，或方案目录无法解析）",
        "plan snapshot fallback: none (no home directory, or the plan directory does not resolve)";
    PathsExists => "存在", "exists";
    PathsAbsent => "不存在", "absent";
    PathsUnused => "{there}；不使用：种子文件合计不足 1 MiB，每次都直接解析", "{there}; not used: seed files under 1 MiB are parsed each time";
    CheckNoLedger => "{path}：还没有台账；第一次修改时会创建", "{path}: no ledger yet; it is created on the first edit";
    CheckEmpty => "正常：{path}：空文件，还没有表头（第一次修改时写入），{encoding}",
        "ok: {path}: empty, no header yet (it is written with the first edit), {encoding}";
    CheckOk => "正常：", "ok: ";
    CheckSummary => "{ok}{path}：{rows} 行，涉及 {ids} 个编号，{encoding}，{format}", "{ok}{path}: {rows} rows for {ids} ids, {encoding}, {format}";
    CheckFirstRelease => "第一版格式（没有 period 期间列：每行属于其时间戳所在的年份；wudang-plan ledger convert 会添加该列）",
        "first-release format (no period column: each row belongs to the year of its time stamp; `wudang-plan ledger convert` adds it)";
    CheckWithPeriod => "有 period（期间）列", "with the period column";
    CheckMore => "……另有 {n} 项", "… and {n} more";
    CheckConvertFirst => "修改前请先转换：wudang-plan ledger convert（会保留备份副本）",
        "convert it before editing: wudang-plan ledger convert (keeps a backup copy)";
    CheckProblem => "{path}：其他程序写入的行中有 {n} 个问题（见上）；这些行仍会被读取，转义显示或不显示；请改正或删除它们（先留一份副本）",
        "{path}: {n} problem (listed above) in rows another program wrote; they are still read, shown escaped or not at all; fix or remove them (keep a copy first)";
    CheckProblems => "{path}：其他程序写入的行中有 {n} 个问题（见上）；这些行仍会被读取，转义显示或不显示；请改正或删除它们（先留一份副本）",
        "{path}: {n} problems (listed above) in rows another program wrote; they are still read, shown escaped or not at all; fix or remove them (keep a copy first)";
    CheckChainWarning => "警告：{path}:{line}：{problem}", "warning: {path}:{line}: {problem}";
    CheckChainMore => "警告：……另有 {n} 行同样的情况", "warning: … and {n} more such rows";
    CheckChainRow => "{n} 行的 old 列不是之前记录的值：有行在 wudang-plan 之外被修改、删除或调换了顺序（电子表格会把编号 0.10 变成 0.1）；请对照备份副本检查",
        "{n} row whose `old` is not the value recorded before: rows were edited, deleted or reordered outside wudang-plan (a spreadsheet turns id 0.10 into 0.1); check them against the backup copies";
    CheckChainRows => "{n} 行的 old 列不是之前记录的值：有行在 wudang-plan 之外被修改、删除或调换了顺序（电子表格会把编号 0.10 变成 0.1）；请对照备份副本检查",
        "{n} rows whose `old` is not the value recorded before: rows were edited, deleted or reordered outside wudang-plan (a spreadsheet turns id 0.10 into 0.1); check them against the backup copies";
    ConvertNothingToDo => "{path}：已是带 BOM 的 UTF-8；无需转换", "{path}: already UTF-8 with BOM; nothing to do";
    ConvertDone => "已将 {path} 从 {from} 转换为带 BOM 的 UTF-8（{rows} 行）{added}",
        "converted {path} from {from} to UTF-8 with BOM ({rows} rows){added}";
    ConvertAddedPeriod => "；并添加了 period（期间）列（每个实际完成值的期间为其时间戳所在的年份，与之前相同）",
        "; added the period column (each actual's period is the year of its time stamp, as before)";
    ConvertBackup => "原文件的备份：{path}", "backup of the original: {path}";
    CliWarning => "警告：{warning}", "wudang-plan: warning: {warning}";

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
    ProgressConverting => "转换 {file}", "converting {file}";
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

    // ---- the city's view over git (crate::city) -------------------------
    GitMissing => "{dir}：无法运行 git（{error}）；请先安装 git（Debian：apt install git）",
        "{dir}: cannot run git ({error}); install git first (Debian: apt install git)";
    GitFailed => "{dir}：“git {cmd}”失败：{said}",
        "{dir}: `git {cmd}` failed: {said}";
    CopyRefusesWrites => "{path}：这是{district}台账的只读副本（git 克隆，源头在 {origin}），本机不能填报；请在{district}的主机上填报，再用 wudang-plan pull 取回",
        "{path}: this is a read-only copy of {district}'s ledger (a git clone of {origin}); nothing can be recorded here; record on {district}'s host and fetch it with wudang-plan pull";
    NotInGit => "{path}：台账不在区县的 git 仓库中，无法发布；请先运行 wudang-plan home 区县名（把台账所在目录设为区县仓库）",
        "{path}: the ledger is not in a district's git repository, so it cannot be published; run wudang-plan home DISTRICT first (it makes the ledger's directory the district's repository)";
    CannotWriteFile => "{path}：无法写入：{error}", "{path}: cannot write: {error}";
    CannotReadLedger => "{path}：无法读取台账：{error}",
        "{path}: cannot read the ledger: {error}";
    PublishedLedgerRewritten => "{path}:{line}：台账从第 {line} 行起与上次发布的不同；已发布的台账只能追加，不能改写。未发布任何内容；请找回上次发布的内容（git diff 可看改动）",
        "{path}:{line}: the ledger differs from what was last published from line {line} on; a published ledger is only appended to, never rewritten. Nothing was published; restore what was published (git diff shows the change)";

    DistrictHistoryRewritten => "{district}：发布的历史被改写（不再包含本地副本的 {head}）；未取回，本地副本保持原样；请联系{district}核实",
        "{district}: the published history was rewritten (it no longer contains this copy's {head}); nothing was pulled, the copy is kept as it was; ask {district} why";
    DistrictBranches => "{district}：克隆中没有检出的分支，远端却有多个分支（{branches}），不知道取哪一个；请在克隆中 git checkout 区县发布的分支",
        "{district}: the clone has nothing checked out and the remote has several branches ({branches}); git checkout the one the district publishes in the clone";
    DistrictLedgerRewritten => "{district}：新发布的台账从第 {line} 行起改写了已发布的内容（本地副本为 {head}）；未取回，本地副本保持原样；请联系{district}核实",
        "{district}: the newly published ledger rewrites what was published from line {line} on (this copy is at {head}); nothing was pulled, the copy is kept as it was; ask {district} why";

    BadDistrictName => "区县名“{name}”不可用；应为可见的文字，如 wudang-plan home 乌当区",
        "the district name `{name}` cannot be used; expected visible text, e.g. wudang-plan home 乌当区";
    HomeStandalone => "{path}：台账不在 git 仓库中，本机照常填报；要发布给市里，请运行 wudang-plan home 区县名",
        "{path}: the ledger is not in a git repository and is recorded here as before; to publish it to the city, run wudang-plan home DISTRICT";
    HomeIsHome => "本机是{district}台账的源头（{repo}）：在此填报，用 wudang-plan publish 发布",
        "this host is the home of {district}'s ledger ({repo}): record here and publish with wudang-plan publish";
    PublishedRows => "已发布：{district} 台账第 {first}–{last} 行（{rows} 条；填报人：{users}），提交 {commit}",
        "published: {district} ledger lines {first}–{last} ({rows} rows; by {users}), commit {commit}";
    PublishedRow => "已发布：{district} 台账第 {line} 行（1 条；填报人：{users}），提交 {commit}",
        "published: {district} ledger line {line} (1 row; by {users}), commit {commit}";
    PublishedNothingNew => "{district}：上次发布以来没有新的台账行",
        "{district}: no new ledger rows since the last publish";
    Pushed => "已推送到 {remote}",
        "pushed to {remote}";
    PushFailed => "推送到 {remote} 失败：{why}；提交已保留在本机，下次运行 wudang-plan publish 时再推送",
        "the push to {remote} failed: {why}; the commit is kept here and pushed by the next wudang-plan publish";
    NoWorkspace => "工作区 {dir} 无法读取：{error}；应为每个区县一个 git 克隆所在的目录（--workspace 或 WUDANG_PLAN_WORKSPACE）",
        "the workspace {dir} cannot be read: {error}; expected a directory holding one git clone per district (--workspace or WUDANG_PLAN_WORKSPACE)";
    DistrictPlanBroken => "{district} 的方案无法读取：{error}",
        "the plan of {district} cannot be read: {error}";
    DistrictLedgerBroken => "{district} 的台账无法读取，其指标显示为无数据：{error}",
        "the ledger of {district} cannot be read, its indicators show no values: {error}";
    CityReportWhole => "市里的通报涵盖各区县的全部指标，不能按 --leader、--group 筛选；某个区县的按领导通报请用 --data 工作区/区县/actuals.csv report --leader …",
        "the city's report covers every district whole, without --leader or --group; for one district's report by leader use --data WORKSPACE/DISTRICT/actuals.csv report --leader …";
    WorkspaceNotHere => "--workspace 只用于全屏界面、report 和 pull；读某个区县请用 --data 工作区/区县/actuals.csv（其 plan/ 随之读取）",
        "--workspace is for the full-screen UI, report and pull only; to read one district use --data WORKSPACE/DISTRICT/actuals.csv (its plan/ comes with it)";
    PullNeedsWorkspace => "pull 需要工作区：--workspace 目录（或环境变量 WUDANG_PLAN_WORKSPACE）",
        "pull needs a workspace: --workspace DIR (or WUDANG_PLAN_WORKSPACE)";
    EmptyWorkspace => "工作区 {dir} 中没有 git 克隆；请先用 git clone 把各区县的仓库克隆到这里",
        "the workspace {dir} holds no git clone; clone each district's repository into it first (git clone)";
    Pulling => "正在取回各区县",
        "pulling the districts";
    PulledRow => "新增 1 行（第 {line} 行）", "1 new row (line {line})";
    PulledRows => "新增 {n} 行（第 {first}–{last} 行）",
        "{n} new rows (lines {first}–{last})";
    PulledNothing => "已是最新",
        "up to date";
    DistrictStale => "；逾期未发布（超过 {days} 天）",
        "; stale (no publish for over {days} days)";
    PulledLine => "{district}：{what}；最近发布 {when}{stale}",
        "{district}: {what}; last published {when}{stale}";
    PullIncomplete => "有 {n} 个区县未能取回（见上）",
        "{n} districts could not be pulled (see above)";

    RankIncomplete => "有 {n} 个区县未能读取（见报告末尾）", "{n} districts could not be read (listed at the end of the report)";

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
