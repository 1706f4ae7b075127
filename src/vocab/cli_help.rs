//! The command line's help in Chinese: a translation of the clap derive
//! (`cli::args`, the one definition of the command line, whose doc comments
//! are the English), and clap's own words (headings, the lines of `-h` and
//! `-V`, parse errors) in Chinese. `cli::help` applies it to the command
//! tree; a test there walks the tree and fails when a command or an argument
//! has no Chinese here, when a key names nothing, or when an entry's English
//! is no longer what the derive says (the Chinese then needs a look too).
//!
//! Keys: `PATH:ITEM`. `PATH` is the subcommand path (`` for the program,
//! `set`, `ledger check`), or `*` for every command that has the item (the
//! filter options, shared by `tasks`, `indicators` and `export`); a key with
//! the command's own path wins over `*`. `ITEM` is `about`, `long_about`, an
//! argument's id (`note`, `dry_run`), an argument's id and one of its values
//! (`format=csv`), or an argument's id and `@` for its value name shown in
//! Chinese (`unit@`; else [`VALUE_NAMES`]).

/// One entry: the key, the English of the derive (`""` where it has none),
/// the Chinese.
pub type Entry = (&'static str, &'static str, &'static str);

/// The translations, in the order of `cli::args`.
pub const HELP: &[Entry] = &[
    (
        ":about",
        "乌当区实施“强省会”五年行动工作方案 — follow the plan from a terminal",
        "乌当区实施“强省会”五年行动工作方案——在终端里跟踪方案落实",
    ),
    (
        ":long_about",
        "Browse the plan's 5 groups, 28 tasks and 12 headline targets, who owns them, and their quantitative targets.\nRecord actual values (`set`), task status (`status`) and notes (`note`) in a shared ledger CSV; see who changed what with `history`.\nWith no subcommand it opens the full-screen UI (or prints the task tree when the output is not a terminal).",
        "浏览方案的 5 个任务组、28 项任务和 12 项总体目标，各项的责任领导、责任单位、责任人及量化指标。\n在共享的台账 CSV 中填报指标的实际完成值（set）、任务状态（status）和备注（note）；用 history 查看谁改了什么。\n不带子命令时打开全屏界面（输出不是终端时打印任务树）。",
    ),
    (
        ":plan",
        "Load the plan from this directory (groups.csv, tasks.csv, rows.csv, indicators.csv) instead of the embedded one",
        "从此目录读取方案（groups.csv、tasks.csv、rows.csv、indicators.csv），不用内置的方案",
    ),
    (
        ":data",
        "The ledger of recorded actuals, statuses and notes [default: actuals.csv in the user data directory, see `paths`]",
        "记录实际完成值、任务状态和备注的台账（默认：用户数据目录中的 actuals.csv，见 paths）",
    ),
    (
        ":user",
        "Who makes the change, as recorded in the ledger [default: $USER]",
        "填报人，记入台账（默认：$USER）",
    ),
    (
        ":workspace",
        "The city's view: a directory holding one git clone per district; the full-screen UI, `report` and `pull` then cover every district (ids qualified: 乌当区:8.1) [env: WUDANG_PLAN_WORKSPACE, read by those three only]",
        "市里的视图：每个区县一个 git 克隆所在的目录；全屏界面、report 和 pull 随之涵盖各区县（编号带区县名：乌当区:8.1）（环境变量：WUDANG_PLAN_WORKSPACE，只有这三者读取）",
    ),
    (
        ":today",
        "Take this date as today for every command (status rules, and the time recorded: 00:00 of that day) instead of the clock",
        "把此日期当作今天，不用系统时钟（用于状态判断；记录的时间为当天 00:00）",
    ),
    (
        ":lang",
        "Language of the full-screen UI, of `report` and of this help: zh (default) or en; LANG does not choose it",
        "全屏界面、report 和本帮助的语言：zh（中文，默认）或 en（英文）；LANG 不决定语言",
    ),
    (":lang=zh", "中文", "中文"),
    (":lang=en", "English", "英文"),
    (
        ":ascii",
        "Full-screen UI: draw borders, bars and marks with ASCII only (for terminals that draw box-drawing characters two cells wide); on by itself when TERM=linux",
        "全屏界面：边框、进度条和标记只用 ASCII 字符画（用于把制表符画成两格宽的终端）；TERM=linux 时自动开启",
    ),
    (
        "check:about",
        "Validate the plan and print a one-line summary (exit 1 on any error)",
        "校验方案并打印一行摘要（有任何错误时退出码为 1）",
    ),
    (
        "tasks:about",
        "List tasks with their leaders, units, persons, targets, state, indicators met and light",
        "列出任务：责任领导、责任单位、责任人、目标、任务状态、达标指标数和亮灯",
    ),
    (
        "*:leader",
        "Responsible leader (责任领导): name or pinyin, full or initials, any case (zkc, zhukuaichun, 朱快春)",
        "责任领导：姓名或拼音，全拼或首字母，不分大小写（zkc、zhukuaichun、朱快春）",
    ),
    (
        "*:unit",
        "Responsible unit (责任单位): part of the name or its pinyin (科技局, kjj)",
        "责任单位：名称的一部分或其拼音（科技局、kjj）",
    ),
    ("*:unit@", "", "单位"),
    (
        "*:person",
        "Responsible person (责任人): name or pinyin, full or initials",
        "责任人：姓名或拼音，全拼或首字母",
    ),
    (
        "*:group",
        "Task group: 1–5, or 0 for the headline targets (总体目标)",
        "任务组：1–5，0 为总体目标",
    ),
    ("*:task", "Task: 0–28", "任务：0–28"),
    (
        "tasks:status",
        "Only tasks in this state: not_started, in_progress, delayed, done, or the UI's words (未开始 推进中 已延误 已完成) (several: delayed,not_started)",
        "只列此状态的任务：未开始、推进中、已延误、已完成，或 not_started、in_progress、delayed、done（多个用逗号分隔：已延误,未开始）",
    ),
    (
        "tasks:light",
        "Only tasks with this light (the worst of their indicators'): green, yellow, red, gray, or 绿 黄 红 灰 / 绿灯 黄灯 红灯 灰灯 (several: red,yellow)",
        "只列此亮灯的任务（取其指标中最差的）：绿灯、黄灯、红灯、灰灯，或 绿、黄、红、灰，或 green、yellow、red、gray（多个用逗号分隔：红,黄）",
    ),
    (
        "tasks:stale",
        "Only tasks with an indicator shown whose latest value is overdue (逾期未报): its period ended more than a quarter before today",
        "只列有逾期未报指标的任务：指标最近一次填报的报告期在一个季度以前就已结束",
    ),
    ("*:format", "", "输出格式"),
    (
        "*:format=table",
        "Columns aligned by display width",
        "按显示宽度对齐的表格",
    ),
    ("*:format=csv", "CSV with a header row", "带表头行的 CSV"),
    ("*:format=json", "A JSON array of objects", "JSON 对象数组"),
    (
        "indicators:about",
        "List indicators (quantitative targets and milestones) with their actual, status, period, baseline, expected value and light",
        "列出指标（量化指标和里程碑）：实际完成值、状态、报告期、基数、序时进度应达值和亮灯",
    ),
    (
        "indicators:status",
        "Only indicators with this status: met, stretch_met, in_progress, missed, no_data, or the UI's words (达标 超额达标 推进中 未达 无数据) (several: met,stretch_met)",
        "只列此状态的指标：达标、超额达标、推进中、未达、无数据，或 met、stretch_met、in_progress、missed、no_data（多个用逗号分隔：达标,超额达标）",
    ),
    (
        "indicators:light",
        "Only indicators with this light (序时进度): green, yellow, red, gray, or 绿 黄 红 灰 / 绿灯 黄灯 红灯 灰灯 (several: red,yellow)",
        "只列此亮灯（序时进度）的指标：绿灯、黄灯、红灯、灰灯，或 绿、黄、红、灰，或 green、yellow、red、gray（多个用逗号分隔：红,黄）",
    ),
    (
        "indicators:stale",
        "Only indicators whose latest value is overdue (逾期未报): its period ended more than a quarter before today",
        "只列逾期未报的指标：最近一次填报的报告期在一个季度以前就已结束",
    ),
    (
        "set:about",
        "Record the actual value (实际完成值) of an indicator; prints old → new and the status",
        "填报指标的实际完成值；打印原值 → 新值和指标状态",
    ),
    (
        "set:long_about",
        "Record the actual value (实际完成值) of an indicator; prints old → new and the status\n\nVALUE: 512, 512.5, 1,234.5, ５１２, 80%, 512亿元 (the indicator's own unit); done / not_done (已完成 / 完成 / 未完成) for milestones.",
        "填报指标的实际完成值；打印原值 → 新值和指标状态\n\n值：512、512.5、1,234.5、５１２、80%、512亿元（须是该指标自己的单位）；里程碑填 已完成 / 完成 / 未完成（或 done / not_done）。",
    ),
    (
        "set:id",
        "Indicator id, e.g. 8.1 (see `indicators`)",
        "指标编号，如 8.1（见 indicators）",
    ),
    ("set:value", "The actual value", "实际完成值"),
    (
        "set:note",
        "A remark recorded with the change (source, report, …)",
        "随本次修改记录的备注（来源、报告等）",
    ),
    (
        "set:expect",
        "Record only if the current value is OLD (exit 3 and nothing recorded otherwise); '' means nothing recorded yet",
        "只有当前值为“原值”时才记录（否则退出码为 3，不记录）；'' 表示尚未填报",
    ),
    (
        "set:period",
        "The reporting period: 2024, 2024Q2, 2024-06, 2024年二季度, 2024年6月 … (default: the current year, of --today or the clock); the baseline is the year before the plan (--period 2020)",
        "报告期：2024、2024Q2、2024-06、2024年二季度、2024年6月等（默认：当年，按 --today 或系统时钟）；基数是方案前一年（--period 2020）",
    ),
    (
        "status:about",
        "Record a task's status: not_started, in_progress, delayed, done (未开始 推进中 已延误 已完成; also 进行中 滞后 完成)",
        "填报任务状态：未开始、推进中、已延误、已完成（也可写 进行中、滞后、完成，或 not_started、in_progress、delayed、done）",
    ),
    ("status:task", "Task id, e.g. 8", "任务编号，如 8"),
    (
        "status:state",
        "not_started, in_progress, delayed or done, or a word the UI shows (已延误, delayed …)",
        "未开始、推进中、已延误或已完成，或 not_started、in_progress、delayed、done",
    ),
    (
        "status:note",
        "A remark recorded with the change",
        "随本次修改记录的备注",
    ),
    (
        "status:expect",
        "Record only if the current status is OLD (exit 3 otherwise); '' means never set",
        "只有当前状态为“原值”时才记录（否则退出码为 3）；'' 表示从未填报",
    ),
    (
        "note:about",
        "Record a note on an indicator or a task ('' clears it)",
        "记录指标或任务的备注（'' 清除备注）",
    ),
    (
        "*:id",
        "Indicator (8.1) or task (8) id",
        "指标（8.1）或任务（8）编号",
    ),
    ("note:text", "The note, one line", "备注，一行"),
    (
        "series:about",
        "Every period's value of an indicator with its expected value (序时进度) and light",
        "指标各报告期的值，及序时进度应达值和亮灯",
    ),
    ("series:id", "Indicator id, e.g. 8.1", "指标编号，如 8.1"),
    (
        "report:about",
        "The supervision report (通报): counts by light and status per group, leader and unit; every red, yellow, missed, stale and no-data indicator with its owners and last update; the stretch targets met",
        "督查通报：按任务组、责任领导、责任单位统计亮灯和状态；列出每个红灯、黄灯、未达、逾期未报和无数据的指标及其责任人和最近填报；超额达标的力争目标",
    ),
    (
        "report:leader",
        "Only this leader's indicators (责任领导): name or pinyin, full or initials (zkc, 朱快春)",
        "只含此责任领导的指标：姓名或拼音，全拼或首字母（zkc、朱快春）",
    ),
    (
        "report:group",
        "Only this task group: 1–5, or 0 for the headline targets (总体目标)",
        "只含此任务组：1–5，0 为总体目标",
    ),
    (
        "report:format",
        "md (Markdown) or html (one self-contained page that prints on A4) [default: html for an --out FILE ending in .html or .htm, else md]",
        "md（Markdown）或 html（一个独立的网页，可用 A4 打印）（默认：--out 文件以 .html 或 .htm 结尾时为 html，否则为 md）",
    ),
    (
        "report:format=md",
        "Markdown (GitHub tables)",
        "Markdown（GitHub 表格）",
    ),
    (
        "report:format=html",
        "One self-contained HTML page (inline CSS and SVG), for the browser and A4 print",
        "一个独立的 HTML 网页（内嵌 CSS 和 SVG），用于浏览器查看和 A4 打印",
    ),
    (
        "report:out",
        "Write the report to FILE instead of standard output",
        "把通报写入此文件，不输出到标准输出",
    ),
    (
        "history:about",
        "Show the recorded changes, newest first, with who and when",
        "查看修改记录，最新的在前，含修改人和时间",
    ),
    (
        "history:id",
        "Only this indicator or task",
        "只看此指标或任务",
    ),
    ("history:limit", "At most N changes", "最多 N 条"),
    (
        "undo:about",
        "Revert the latest change of an indicator or task by recording the value before it (run again to redo)",
        "撤销指标或任务的最近一次修改：追加一行，记回修改前的值（再运行一次即恢复）",
    ),
    (
        "undo:field",
        "Only the latest change of this field: actual, status or note (实际值, 任务状态, 备注) (default: the latest change of any field)",
        "只撤销此字段的最近一次修改：实际值、任务状态或备注（或 actual、status、note）（默认：任何字段的最近一次修改）",
    ),
    (
        "undo:expect",
        "Undo only if the value it changes back is still OLD, the value you saw (exit 3 and nothing recorded otherwise); '' means nothing recorded",
        "只有要撤销的值仍是“原值”（您看到的值）时才撤销（否则退出码为 3，不记录）；'' 表示没有填报",
    ),
    (
        "undo:note",
        "A remark recorded with the undo",
        "随撤销记录的备注",
    ),
    (
        "export:about",
        "Write a snapshot for Excel/WPS, one row per indicator (CSV: UTF-8 with BOM); edit it and `import` it back",
        "导出供 Excel/WPS 编辑的表格，每个指标一行（CSV：带 BOM 的 UTF-8）；编辑后用 import 导回",
    ),
    (
        "export:long_about",
        "Write a snapshot for Excel/WPS, one row per indicator (CSV: UTF-8 with BOM); edit it and `import` it back\n\nEdit only the columns period, actual, task_status and note; keep the columns key and ledger_line.",
        "导出供 Excel/WPS 编辑的表格，每个指标一行（CSV：带 BOM 的 UTF-8）；编辑后用 import 导回\n\n只编辑 period、actual、task_status 和 note 列；保留 key 和 ledger_line 列。",
    ),
    (
        "export:status",
        "Only indicators with this status (as `indicators --status`)",
        "只含此状态的指标（同 indicators --status）",
    ),
    (
        "export:light",
        "Only indicators with this light (as `indicators --light`)",
        "只含此亮灯的指标（同 indicators --light）",
    ),
    (
        "export:stale",
        "Only indicators whose latest value is overdue (逾期未报)",
        "只含逾期未报的指标",
    ),
    (
        "export:format=csv",
        "CSV for Excel/WPS: UTF-8 with BOM, CRLF; what `import` reads back",
        "供 Excel/WPS 用的 CSV：带 BOM 的 UTF-8，CRLF 换行；import 能读回",
    ),
    (
        "export:format=json",
        "A JSON array of objects (exact numbers)",
        "JSON 对象数组（数值精确）",
    ),
    (
        "export:out",
        "Write to FILE instead of standard output",
        "写入此文件，不输出到标准输出",
    ),
    (
        "import:about",
        "Record the cells edited in an exported sheet (CSV UTF-8, UTF-8 with BOM, or GB18030 as Excel/WPS save it): all or nothing",
        "把导出表格中改过的单元格记入台账（CSV：UTF-8、带 BOM 的 UTF-8，或 Excel/WPS 保存的 GB18030）：要么全部记录，要么都不记录",
    ),
    (
        "import:long_about",
        "Record the cells edited in an exported sheet (CSV UTF-8, UTF-8 with BOM, or GB18030 as Excel/WPS save it): all or nothing\n\nOnly cells that differ from what the export showed become ledger rows, each checked as `set`, `status` and `note` check it; a cell the ledger changed since the export is a conflict (exit 3), an invalid cell exits 2; either way nothing is recorded.",
        "把导出表格中改过的单元格记入台账（CSV：UTF-8、带 BOM 的 UTF-8，或 Excel/WPS 保存的 GB18030）：要么全部记录，要么都不记录\n\n只有与导出时不同的单元格才记入台账，每格按 set、status、note 的规则检查；导出后台账又改过的单元格为冲突（退出码 3），无效的单元格退出码为 2；这两种情况都不记录任何内容。",
    ),
    ("import:file", "The edited CSV file", "编辑过的 CSV 文件"),
    (
        "import:dry_run",
        "Print what would change (old → new) and record nothing",
        "只打印将要修改的内容（原值 → 新值），不记录",
    ),
    (
        "import:force",
        "Record over conflicts (values the ledger changed since the export), saying which",
        "冲突（导出后台账又改过的值）也照样记录，并列出是哪些",
    ),
    (
        "home:about",
        "Make the ledger's directory the home of a district's git repository (the one host that records in it; clones only read), or say where the ledger stands",
        "把台账所在目录设为某区县 git 仓库的源头（唯一可以填报的主机；克隆只能查看），或说明台账现在的情况",
    ),
    (
        "home:district",
        "The district's name (乌当区); without it, say where the ledger stands",
        "区县名（如 乌当区）；不给时说明台账现在的情况",
    ),
    ("home:district@", "", "区县"),
    (
        "publish:about",
        "On the district's host: commit the ledger rows recorded since the last publish and push them (safe to run from cron; a failed push is retried next time)",
        "在区县主机上：提交上次发布以来填报的台账行并推送（可由 cron 定时运行；推送失败时下次再推送）",
    ),
    (
        "publish:remote",
        "The git remote to push to",
        "推送到的 git 远端",
    ),
    ("publish:remote@", "", "远端"),
    (
        "pull:about",
        "Bring every district's read-only clone in a workspace up to date (fast-forward only) and say what came, what was refused and which district is stale",
        "把工作区中各区县的只读克隆更新到最新（只快进），并说明取回了什么、拒绝了什么、哪些区县逾期未发布",
    ),
    (
        "pull:stale_days",
        "A district whose last publish is older than this many days is stale",
        "最近一次发布早于这么多天的区县算作逾期未发布",
    ),
    ("pull:stale_days@", "", "天数"),
    (
        "paths:about",
        "Print the files in use: plan source, ledger, lock file, moved-aside lines",
        "打印所用的文件：方案来源、台账、锁文件、移出的行",
    ),
    (
        "completions:about",
        "Print shell completions for SHELL, generated from this command line's definition (e.g. wudang-plan completions bash > /etc/bash_completion.d/wudang-plan)",
        "打印 SHELL 的命令补全脚本，由本命令行的定义生成（如 wudang-plan completions bash > /etc/bash_completion.d/wudang-plan）",
    ),
    (
        "completions:shell",
        "The shell: bash, zsh, fish, elvish or powershell",
        "shell：bash、zsh、fish、elvish 或 powershell",
    ),
    ("completions:shell@", "", "SHELL"),
    ("completions:shell=bash", "", "bash"),
    ("completions:shell=elvish", "", "elvish"),
    ("completions:shell=fish", "", "fish"),
    ("completions:shell=powershell", "", "PowerShell"),
    ("completions:shell=zsh", "", "zsh"),
    (
        "man:about",
        "Print the manual page (roff, for man) in the command line's language (e.g. wudang-plan man > /usr/local/share/man/man1/wudang-plan.1)",
        "按命令行的语言打印手册页（roff 格式，供 man 使用；如 wudang-plan man > /usr/local/share/man/man1/wudang-plan.1）",
    ),
    ("ledger:about", "Ledger maintenance", "台账维护"),
    (
        "ledger check:about",
        "Read the whole ledger against the plan and report problems with file:line (exit 1 if any): bad rows, unknown ids, control characters, extra fields",
        "按方案通读整个台账，报告问题及其文件:行号（有问题时退出码为 1）：坏行、未知编号、控制字符、多余字段",
    ),
    (
        "ledger convert:about",
        "Rewrite a GB18030 (Excel/WPS) or BOM-less ledger as UTF-8 with BOM, atomically, after a backup copy",
        "把 GB18030（Excel/WPS）或不带 BOM 的台账改写为带 BOM 的 UTF-8：先备份，再整体替换",
    ),
    // clap's own: the help subcommand, -h/--help, -V/--version
    (
        "help:about",
        "Print this message or the help of the given subcommand(s)",
        "打印本帮助，或所给子命令的帮助",
    ),
    (
        "*:help",
        "Print help (see more with '--help')",
        "打印帮助（--help 显示更多）",
    ),
    (
        "*:help#long",
        "Print help (see a summary with '-h')",
        "打印帮助（-h 显示摘要）",
    ),
    ("*:version", "Print version", "打印版本"),
];

/// Value names shown in Chinese (`--data <文件>`); a name not here is shown
/// as it is (`<N>`, `<YYYY-MM-DD>`).
pub const VALUE_NAMES: &[(&str, &str)] = &[
    ("DIR", "目录"),
    ("FILE", "文件"),
    ("NAME", "姓名"),
    ("LANG", "语言"),
    ("STATE", "状态"),
    ("STATUS", "状态"),
    ("LIGHT", "亮灯"),
    ("FORMAT", "格式"),
    ("ID", "编号"),
    ("TASK", "任务"),
    ("VALUE", "值"),
    ("TEXT", "文字"),
    ("OLD", "原值"),
    ("PERIOD", "报告期"),
    ("FIELD", "字段"),
];

/// The Chinese of `key`, if the table has it (the first entry).
pub fn zh(key: &str) -> Option<&'static str> {
    HELP.iter().find(|e| e.0 == key).map(|e| e.2)
}

/// The Chinese of a value name, if it has one.
pub fn value_name(name: &str) -> Option<&'static str> {
    VALUE_NAMES.iter().find(|v| v.0 == name).map(|v| v.1)
}

/// clap's own words in Chinese: headings, placeholders and the parts of a
/// parse error. The English is clap's (`--lang en` prints clap's output as
/// it is); the parameters are Rust's, checked by the compiler.
pub mod clap_zh {
    /// The headings of a help page.
    pub const USAGE: &str = "用法：";
    pub const ARGUMENTS: &str = "参数：";
    pub const OPTIONS: &str = "选项：";
    pub const COMMANDS: &str = "命令：";
    /// The placeholders of a usage line, clap's and ours.
    pub const PLACEHOLDERS: &[(&str, &str)] = &[
        ("[OPTIONS]", "[选项]"),
        ("[COMMAND]", "[命令]"),
        ("<COMMAND>", "<命令>"),
    ];
    /// What an option's help says after the help text.
    pub const POSSIBLE_VALUES: &str = "可选值：";
    pub fn default_value(v: &str) -> String {
        format!("默认：{v}")
    }
    pub fn env_var(name: &str, value: Option<&str>) -> String {
        match value {
            Some(v) => format!("环境变量：{name}={v}"),
            None => format!("环境变量：{name}"),
        }
    }

    /// The start of every error.
    pub const ERROR: &str = "错误：";
    pub const TIP: &str = "提示：";
    pub fn unknown_argument(arg: &str) -> String {
        format!("无法识别的参数“{arg}”")
    }
    pub fn unknown_subcommand(sub: &str) -> String {
        format!("无法识别的子命令“{sub}”")
    }
    pub fn value_missing(arg: &str) -> String {
        format!("“{arg}”需要一个值，但没有给出")
    }
    pub fn invalid_value(value: &str, arg: &str) -> String {
        format!("“{arg}”的值“{value}”无效")
    }
    /// `list` is 可选值 or 子命令.
    pub fn one_of(list: &str, words: &[String]) -> String {
        format!("[{list}：{}]", words.join("、"))
    }
    pub const VALUES: &str = "可选值";
    pub const SUBCOMMANDS: &str = "子命令";
    pub const MISSING_ARGUMENTS: &str = "缺少必需的参数：";
    pub fn needs_subcommand(cmd: &str) -> String {
        format!("“{cmd}”需要一个子命令，但没有给出")
    }
    pub fn used_twice(arg: &str) -> String {
        format!("参数“{arg}”不能重复使用")
    }
    pub fn conflicts(arg: &str, with: &str) -> String {
        format!("参数“{arg}”不能与{with}同时使用")
    }
    pub const OTHER_ARGUMENTS: &str = "所给的其他参数";
    pub fn extra_value(value: &str, arg: &str) -> String {
        format!("“{arg}”多了一个值“{value}”；不需要更多的值")
    }
    pub fn value_count(arg: &str, expected: isize, found: isize) -> String {
        format!("“{arg}”需要 {expected} 个值，但给出了 {found} 个")
    }
    pub fn needs_equals(arg: &str) -> String {
        format!("给“{arg}”赋值时需要用等号（{arg}=值）")
    }
    pub const NOT_UTF8: &str = "参数不是有效的 UTF-8 文本";
    /// `kind`: 参数, 子命令, 值.
    pub fn similar(kind: &str, found: &[String]) -> String {
        let quoted: Vec<String> = found.iter().map(|f| format!("“{f}”")).collect();
        format!("有相似的{kind}：{}", quoted.join("、"))
    }
    pub const ARGUMENT: &str = "参数";
    pub const SUBCOMMAND: &str = "子命令";
    pub const VALUE: &str = "值";
    pub fn pass_as_value(arg: &str, how: &str) -> String {
        format!("要把“{arg}”当作值传入，请写成“{how}”")
    }
    pub fn exists_in_subcommand(sub_and_flag: &str) -> String {
        format!("子命令中有“{sub_and_flag}”")
    }
    pub fn remove_double_dash(sub: &str) -> String {
        format!("子命令“{sub}”存在；要使用它，请去掉前面的“--”")
    }
    pub fn more_with(help: &str) -> String {
        format!("更多信息请用“{help}”查看。")
    }

    /// `--lang` or `WUDANG_PLAN_LANG` with a value that is not a language.
    pub fn bad_lang(source: &str, found: &str) -> String {
        format!("{source} 的值“{found}”不是可用的语言；应为 zh（中文）或 en（英文）")
    }
}
