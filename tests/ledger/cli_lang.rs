//! The command line's own messages (issue 13): with no options in
//! Chinese, with `--lang en` (or `WUDANG_PLAN_LANG=en`) exactly the
//! English of before; exit codes the same in both. The words a Chinese
//! confirmation prints (a status, a field, a period) are read back as
//! input.

use std::path::Path;

use crate::common::{Run, ledger_in, run, wp, wp_zh};

const TODAY: &str = "2025-06-01";

/// The same command in Chinese (no options) and in English (`--lang en`
/// before the subcommand), each on its own fresh ledger prepared by
/// `setup`.
fn both(setup: &[&[&str]], args: &[&str]) -> (Run, Run, String, String) {
    let runs: Vec<(Run, String)> = [false, true]
        .into_iter()
        .map(|en| {
            let dir = tempfile::tempdir().unwrap();
            let data = ledger_in(&dir);
            for s in setup {
                let r = run(wp(&data, "limin").args(*s));
                assert_eq!(r.code, 0, "{s:?}: {}", r.stderr);
            }
            let mut c = wp_zh(&data, "limin", TODAY);
            if en {
                c.args(["--lang", "en"]);
            }
            let r = run(c.args(args));
            let d = data.display().to_string();
            // the directory goes with `dir`: keep it for the messages only
            drop(dir);
            (r, d)
        })
        .collect();
    let mut it = runs.into_iter();
    let (zh, dz) = it.next().unwrap();
    let (en, de) = it.next().unwrap();
    (zh, en, dz, de)
}

fn han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// An error line: `错误：…` in Chinese, `wudang-plan: …` in English, and
/// the same exit code.
fn error_in_both(zh: &Run, en: &Run, code: i32, en_text: &str, zh_has: &[&str]) {
    assert_eq!(
        (zh.code, en.code),
        (code, code),
        "{}\n{}",
        zh.stderr,
        en.stderr
    );
    assert_eq!(en.stderr, en_text);
    assert!(zh.stderr.starts_with("错误："), "{}", zh.stderr);
    assert!(!zh.stderr.contains("wudang-plan: "), "{}", zh.stderr);
    for w in zh_has {
        assert!(zh.stderr.contains(w), "{w:?} in {}", zh.stderr);
    }
    assert!(zh.stdout.is_empty() && en.stdout.is_empty());
}

#[test]
fn set_confirms_in_chinese_and_in_english() {
    let (zh, en, dz, de) = both(&[], &["set", "8.1", "500", "--note", "hi"]);
    assert_eq!((zh.code, en.code), (0, 0));
    assert_eq!(
        en.stdout,
        format!(
            "8.1 工业总产值: - → 500 亿元\n\
             status: met (target >= 500 亿元, due 2025)\n\
             note: hi\n\
             recorded by limin at 2025-06-01T00:00:00+08:00 ({de}:2)\n"
        )
    );
    assert_eq!(
        zh.stdout,
        format!(
            "8.1 工业总产值：- → 500 亿元\n\
             状态：达标（目标 >= 500 亿元，期限 2025 年）\n\
             备注：hi\n\
             由 limin 于 2025-06-01T00:00:00+08:00 记录（{dz}:2）\n"
        )
    );
}

#[test]
fn set_for_a_period_names_it_in_words_read_back() {
    let setup: &[&[&str]] = &[&["set", "8.1", "500"]];
    let (zh, en, dz, de) = both(setup, &["set", "8.1", "600", "--period", "2025Q1"]);
    assert_eq!((zh.code, en.code), (0, 0));
    assert_eq!(
        en.stdout,
        format!(
            "8.1 工业总产值 (2025Q1): - → 600 亿元\n\
             current: 500 亿元 (2025, the latest period)\n\
             status: met (target >= 500 亿元, due 2025)\n\
             recorded by limin at 2025-06-01T00:00:00+08:00 ({de}:3)\n"
        )
    );
    assert_eq!(
        zh.stdout,
        format!(
            "8.1 工业总产值（2025年一季度）：- → 600 亿元\n\
             当前值：500 亿元（2025年，最近一期）\n\
             状态：达标（目标 >= 500 亿元，期限 2025 年）\n\
             由 limin 于 2025-06-01T00:00:00+08:00 记录（{dz}:3）\n"
        )
    );
    // The words printed are accepted back: the period, the status.
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let r =
        run(wp_zh(&data, "limin", TODAY).args(["set", "8.1", "600", "--period", "2025年一季度"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("8.1 工业总产值（2025年一季度）："),
        "{}",
        r.stdout
    );
    let status = r.stdout.lines().nth(1).unwrap();
    let word = status
        .strip_prefix("状态：")
        .and_then(|s| s.split('（').next())
        .unwrap();
    assert_eq!(word, "达标");
    let r =
        run(wp_zh(&data, "limin", TODAY).args(["indicators", "--status", word, "--format", "csv"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.lines().any(|l| l.starts_with("8.1,")),
        "{}",
        r.stdout
    );
}

#[test]
fn status_note_and_undo_confirm_in_both_languages() {
    let (zh, en, dz, de) = both(&[], &["status", "8", "delayed"]);
    assert_eq!((zh.code, en.code), (0, 0));
    assert_eq!(
        en.stdout,
        format!(
            "task 8 加快新型工业化: - → delayed\n\
             recorded by limin at 2025-06-01T00:00:00+08:00 ({de}:2)\n"
        )
    );
    assert_eq!(
        zh.stdout,
        format!(
            "任务 8 加快新型工业化：- → 已延误\n\
             由 limin 于 2025-06-01T00:00:00+08:00 记录（{dz}:2）\n"
        )
    );

    let (zh, en, ..) = both(&[], &["note", "8.1", "x"]);
    assert_eq!((zh.code, en.code), (0, 0));
    assert!(
        en.stdout
            .starts_with("8.1 工业总产值: note: x\nrecorded by limin at ")
    );
    assert!(
        zh.stdout
            .starts_with("8.1 工业总产值：备注：x\n由 limin 于 "),
        "{}",
        zh.stdout
    );
    let setup: &[&[&str]] = &[&["note", "8.1", "x"]];
    let (zh, en, ..) = both(setup, &["note", "8.1", ""]);
    assert!(en.stdout.starts_with("8.1 工业总产值: note cleared\n"));
    assert!(
        zh.stdout.starts_with("8.1 工业总产值：备注已清除\n"),
        "{}",
        zh.stdout
    );

    let setup: &[&[&str]] = &[&["set", "8.1", "500"], &["set", "8.1", "520"]];
    let (zh, en, dz, de) = both(setup, &["undo", "8.1"]);
    assert_eq!((zh.code, en.code), (0, 0), "{}", zh.stderr);
    assert_eq!(
        en.stdout,
        format!(
            "undo 8.1 工业总产值 actual: 520 亿元 → 500 亿元\n\
             reverts the change by limin at 2025-06-01T00:00:00+08:00 (line 3)\n\
             status: met (target >= 500 亿元, due 2025)\n\
             recorded by limin at 2025-06-01T00:00:00+08:00 ({de}:4)\n"
        )
    );
    assert_eq!(
        zh.stdout,
        format!(
            "撤销 8.1 工业总产值 实际值：520 亿元 → 500 亿元\n\
             撤销的是 limin 于 2025-06-01T00:00:00+08:00 的修改（第 3 行）\n\
             状态：达标（目标 >= 500 亿元，期限 2025 年）\n\
             由 limin 于 2025-06-01T00:00:00+08:00 记录（{dz}:4）\n"
        )
    );
    // The field word printed is accepted back by --field.
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    for a in [&["set", "8.1", "500"][..], &["note", "8.1", "x"]] {
        assert_eq!(run(wp(&data, "limin").args(a)).code, 0);
    }
    let r = run(wp_zh(&data, "limin", TODAY).args(["undo", "8.1", "--field", "实际值"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("撤销 8.1 工业总产值 实际值："),
        "{}",
        r.stdout
    );
}

#[test]
fn an_unchanged_value_is_said_in_both_languages() {
    let setup: &[&[&str]] = &[&["status", "8", "delayed"]];
    let (zh, en, dz, de) = both(setup, &["status", "8", "已延误"]);
    assert_eq!((zh.code, en.code), (0, 0));
    assert_eq!(
        en.stdout,
        format!(
            "task 8 加快新型工业化: unchanged: the status already is delayed; nothing recorded\n\
             as recorded by limin at 2025-06-01T00:00:00+08:00 ({de}:2)\n"
        )
    );
    assert_eq!(
        zh.stdout,
        format!(
            "任务 8 加快新型工业化：未变：任务状态已是 已延误；未记录\n\
             现值由 limin 于 2025-06-01T00:00:00+08:00 记录（{dz}:2）\n"
        )
    );
    let setup: &[&[&str]] = &[&["set", "8.1", "500"]];
    let (zh, en, ..) = both(setup, &["set", "8.1", "500"]);
    assert!(
        en.stdout.starts_with(
            "8.1 工业总产值: unchanged: the actual for 2025 already is 500 亿元; nothing recorded\n"
        ),
        "{}",
        en.stdout
    );
    assert!(
        zh.stdout
            .starts_with("8.1 工业总产值：未变：实际值（2025年）已是 500 亿元；未记录\n"),
        "{}",
        zh.stdout
    );
}

#[test]
fn a_refused_expect_exits_3_in_both_languages() {
    let setup: &[&[&str]] = &[&["set", "8.1", "500"]];
    let (zh, en, ..) = both(setup, &["set", "8.1", "600", "--expect", "1"]);
    error_in_both(
        &zh,
        &en,
        3,
        "wudang-plan: 8.1 工业总产值: nothing recorded: the actual for 2025 is 500 亿元 (recorded \
         by limin at 2025-06-01T00:00:00+08:00), not 1 亿元 as --expect says; check it and run \
         again with --expect set to 2025's value, or without --expect\n",
        &[
            "8.1 工业总产值：未记录：实际值（2025年）是 500 亿元（由 limin 于 2025-06-01T00:00:00+08:00 记录），\
             不是 --expect 所说的 1 亿元",
        ],
    );
    let setup: &[&[&str]] = &[&["status", "8", "done"]];
    let (zh, en, ..) = both(
        setup,
        &["status", "8", "delayed", "--expect", "in_progress"],
    );
    error_in_both(
        &zh,
        &en,
        3,
        "wudang-plan: task 8 加快新型工业化: nothing recorded: the current status is done \
         (recorded by limin at 2025-06-01T00:00:00+08:00), not in_progress as --expect says; \
         check it and run again with --expect set to the current value, or without --expect\n",
        &[
            "任务 8 加快新型工业化：未记录：当前任务状态是 已完成",
            "不是 --expect 所说的 推进中",
        ],
    );
}

#[test]
fn usage_errors_exit_2_in_both_languages() {
    // edit.rs: a task where an indicator is wanted
    let (zh, en, ..) = both(&[], &["set", "8", "5"]);
    error_in_both(
        &zh,
        &en,
        2,
        "wudang-plan: `8` is a task, not an indicator; `set` records an indicator's actual (its \
         indicators: 8.1, 8.2, 8.3, 8.4, 8.5); record the task's status with `wudang-plan status 8 \
         STATE`\n",
        &["“8”是任务，不是指标", "（其指标：8.1, 8.2, 8.3, 8.4, 8.5）"],
    );
    // edit.rs: a word that is not a task state
    let (zh, en, ..) = both(&[], &["status", "8", "xx"]);
    error_in_both(
        &zh,
        &en,
        2,
        "wudang-plan: task 8: `xx` is not a task status; expected one of not_started, \
         in_progress, delayed, done (未开始、推进中、已延误、已完成)\n",
        &["任务 8：“xx”不是任务状态；应为未开始、推进中、已延误、已完成之一"],
    );
    // edit.rs: a period outside the plan
    let (zh, en, ..) = both(&[], &["set", "8.1", "1", "--period", "2030"]);
    error_in_both(
        &zh,
        &en,
        2,
        "wudang-plan: --period: 2030 is outside this plan: its periods lie in 2020–2026 (the \
         plan's years, the year before for the baseline and the year after)\n",
        &["--period：2030 不在本方案期内"],
    );
    // filter.rs: an unknown leader
    let (zh, en, ..) = both(&[], &["indicators", "--leader", "zzz"]);
    assert!(
        en.stderr.starts_with(
            "wudang-plan: --leader `zzz`: no leader of that name or pinyin; expected one of:\n  李立国 (llg)\n"
        ),
        "{}",
        en.stderr
    );
    assert_eq!((zh.code, en.code), (2, 2));
    assert!(
        zh.stderr.starts_with(
            "错误：--leader “zzz”：没有叫这个名字或拼音的责任领导；应为以下之一：\n  李立国 (llg)\n"
        ),
        "{}",
        zh.stderr
    );
    // filter.rs: a word that is not a light
    let (zh, en, ..) = both(&[], &["indicators", "--light", "blue"]);
    error_in_both(
        &zh,
        &en,
        2,
        "wudang-plan: --light `blue`: not a light; expected one of red, yellow, green, gray \
         (红灯、黄灯、绿灯、灰灯) (several separated by commas)\n",
        &["--light “blue”：不是亮灯颜色；应为红灯、黄灯、绿灯、灰灯之一"],
    );
    // series.rs
    let (zh, en, ..) = both(&[], &["series", "99"]);
    error_in_both(
        &zh,
        &en,
        2,
        "wudang-plan: `99` is not an indicator id; expected one such as 8.1 (see `wudang-plan \
         indicators`)\n",
        &["“99”不是指标编号"],
    );
}

#[test]
fn out_and_data_refusals_in_both_languages() {
    // out.rs: --out is the ledger
    for en in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let data = ledger_in(&dir);
        assert_eq!(run(wp(&data, "limin").args(["set", "8.1", "500"])).code, 0);
        let mut c = wp_zh(&data, "limin", TODAY);
        if en {
            c.args(["--lang", "en"]);
        }
        let r = run(c.arg("export").arg("--out").arg(&data));
        assert_eq!(r.code, 2);
        let d = data.display();
        let want = match en {
            true => {
                format!("wudang-plan: --out {d}: that is the ledger ({d}); expected another file\n")
            }
            false => format!("错误：--out {d}：那是台账（{d}）；应为其他文件\n"),
        };
        assert_eq!(r.stderr, want);
    }
    // mod.rs: the ledger's directory does not exist
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone").join("a.csv");
    let zh = run(wp_zh(&gone, "limin", TODAY).arg("indicators"));
    let en = run(wp_zh(&gone, "limin", TODAY).args(["--lang", "en", "indicators"]));
    let g = gone.display();
    let p = gone.parent().unwrap().display();
    error_in_both(
        &zh,
        &en,
        2,
        &format!(
            "wudang-plan: the ledger's directory {p} does not exist (--data or WUDANG_PLAN_DATA: \
             {g}); expected an existing directory: check the path, or create the directory first \
             (a ledger is only started in a directory that exists)\n"
        ),
        &[&format!(
            "台账所在目录 {p} 不存在（--data 或 WUDANG_PLAN_DATA：{g}）"
        )],
    );
    // mod.rs: no user name to record
    let data = ledger_in(&dir);
    let no_user = |en: bool| {
        let mut c = crate::common::bin();
        c.env_remove("USER").arg("--data").arg(&data);
        if en {
            c.args(["--lang", "en"]);
        }
        run(c.args(["set", "8.1", "1"]))
    };
    error_in_both(
        &no_user(false),
        &no_user(true),
        2,
        "wudang-plan: no user name to record; pass --user NAME or set WUDANG_PLAN_USER (or USER)\n",
        &["没有可记录的用户名"],
    );
}

/// Output that cannot be written (a full device): exit 1, said in the
/// command line's language.
#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_in_both_languages() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let r = |en: bool| {
        let mut c = wp_zh(&data, "limin", TODAY);
        if en {
            c.args(["--lang", "en"]);
        }
        c.args(["indicators"])
            .stdout(std::fs::File::create(full).unwrap());
        run(&mut c)
    };
    let (zh, en) = (r(false), r(true));
    assert_eq!((zh.code, en.code), (1, 1));
    assert!(
        en.stderr.starts_with("wudang-plan: cannot write output: "),
        "{}",
        en.stderr
    );
    assert!(
        zh.stderr.starts_with("错误：无法写出输出："),
        "{}",
        zh.stderr
    );
    assert!(han(&zh.stderr));
}

/// ASCII words of `line` outside quotes, paths, flags and ids that are
/// not something one types (a shorter form of the sweep of
/// `speaks_chinese.rs`, over this file's commands).
fn english_words(line: &str) -> Vec<String> {
    const TYPED: &[&str] = &[
        "wudang",
        "plan",
        "set",
        "status",
        "note",
        "undo",
        "series",
        "indicators",
        "export",
        "import",
        "expect",
        "period",
        "csv",
        "json",
        "data",
        "user",
        "limin",
        "not_started",
        "in_progress",
        "delayed",
        "done",
        "red",
        "yellow",
        "green",
        "gray",
        "utf",
        "bom",
        "mib",
        "key",
        "actual",
        "task_status",
        "ledger_line",
        "force",
        "WUDANG_PLAN_DATA",
        "WUDANG_PLAN_USER",
        "USER",
        "met",
        "stretch_met",
        "missed",
        "no_data",
    ];
    // A list of names with their pinyin initials (`  李立国 (llg)`): data.
    if line.starts_with("  ") {
        return Vec::new();
    }
    let mut unquoted = String::new();
    let mut quote = None;
    for c in line.chars() {
        match (quote, c) {
            (None, '“') => quote = Some('”'),
            (None, '`') => quote = Some('`'),
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, c) => unquoted.push(c),
        }
    }
    let mut words = Vec::new();
    for token in
        unquoted.split(|c: char| c.is_whitespace() || "“”（）()：:，,。；;、`'\"=[]<>".contains(c))
    {
        if token.contains('/') || token.starts_with('-') || token.contains('.') {
            continue;
        }
        for w in token.split(|c: char| !c.is_ascii_alphabetic() && c != '_') {
            if w.len() >= 3 && !TYPED.iter().any(|t| t.eq_ignore_ascii_case(w)) {
                words.push(w.to_string());
            }
        }
    }
    words
}

/// Every refusal of this file's commands, with no options: no English
/// word outside what was typed or found, and the exit code of English.
#[test]
fn refusals_with_no_options_have_no_english_words() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    assert_eq!(run(wp(&data, "limin").args(["set", "8.1", "500"])).code, 0);
    let sheet = dir.path().join("sheet.csv");
    std::fs::write(
        &sheet,
        "key,period,actual,ledger_line\n#8.1,2025,5x,2\n#99,,,2\n",
    )
    .unwrap();
    let missing = dir.path().join("missing.csv");
    let mut bad = Vec::new();
    let cases: &[(&[&str], i32)] = &[
        (&["set", "8", "5"], 2),
        (&["set", "99.9", "5"], 2),
        (&["status", "8.1", "done"], 2),
        (&["status", "99", "done"], 2),
        (&["status", "8", "xx"], 2),
        (&["note", "99.9", "x"], 2),
        (&["set", "8.1", "1", "--period", "2024Q5"], 2),
        (&["set", "8.1", "1", "--period", "2030"], 2),
        (&["set", "8.1", "600", "--expect", "1"], 3),
        (
            &["undo", "8.1", "--field", "status", "--expect", "bogus"],
            2,
        ),
        (&["indicators", "--leader", "zzz"], 2),
        (&["indicators", "--person", "zzz"], 2),
        (&["indicators", "--unit", "zzz"], 2),
        (&["indicators", "--group", "99"], 2),
        (&["indicators", "--task", "99"], 2),
        (&["indicators", "--status", "foo"], 2),
        (&["tasks", "--status", ","], 2),
        (&["indicators", "--light", "blue"], 2),
        (&["series", "99"], 2),
    ];
    for (args, code) in cases {
        let zh = run(wp_zh(&data, "limin", TODAY).args(*args));
        let en = run(wp(&data, "limin").args(*args));
        assert_eq!(
            (zh.code, en.code),
            (*code, *code),
            "{args:?}: {}",
            zh.stderr
        );
        for l in zh.stderr.lines() {
            if !english_words(l).is_empty() {
                bad.push(format!("{args:?}: {l} <- {:?}", english_words(l)));
            }
        }
    }
    for (what, file, code) in [("sheet", &sheet, 2), ("missing", &missing, 2)] {
        let r = run(wp_zh(&data, "limin", TODAY).arg("import").arg(file));
        assert_eq!(r.code, code, "{}", r.stderr);
        for l in r.stderr.lines() {
            if !english_words(l).is_empty() {
                bad.push(format!("import {what}: {l} <- {:?}", english_words(l)));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "English in Chinese lines:\n{}",
        bad.join("\n")
    );
}

/// A milestone's done / not done and its target in Chinese words, read
/// back by `set`.
#[test]
fn a_milestone_confirms_in_words_read_back() {
    let (zh, en, dz, de) = both(&[], &["set", "10.1", "完成"]);
    assert_eq!((zh.code, en.code), (0, 0));
    assert_eq!(
        en.stdout,
        format!(
            "10.1 编制完成《乌当区国土空间总体规划》: - → done\n\
             status: met (target done, due 2025)\n\
             recorded by limin at 2025-06-01T00:00:00+08:00 ({de}:2)\n"
        )
    );
    assert_eq!(
        zh.stdout,
        format!(
            "10.1 编制完成《乌当区国土空间总体规划》：- → 已完成\n\
             状态：达标（目标 完成，期限 2025 年）\n\
             由 limin 于 2025-06-01T00:00:00+08:00 记录（{dz}:2）\n"
        )
    );
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    for word in ["已完成", "未完成", "完成"] {
        let r = run(wp_zh(&data, "limin", TODAY).args(["set", "10.1", word]));
        assert_eq!(r.code, 0, "{word}: {}", r.stderr);
        assert!(
            r.stdout.contains(&format!(
                "→ {}",
                if word == "未完成" {
                    "未完成"
                } else {
                    "已完成"
                }
            )),
            "{}",
            r.stdout
        );
    }
}

/// `ledger check`'s verdict on rows another program wrote (exit 1), in
/// both languages (the rows it lists are the ledger's own messages).
#[test]
fn ledger_check_problems_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    std::fs::write(
        &data,
        "time,user,id,field,value,old,note\n2025-06-01T00:00:00+08:00,u,8.1,note,a\u{1b}b,,\n",
    )
    .unwrap();
    let zh = run(wp_zh(&data, "limin", TODAY).args(["ledger", "check"]));
    let en = run(wp_zh(&data, "limin", TODAY).args(["--lang", "en", "ledger", "check"]));
    let d = data.display();
    assert_eq!((zh.code, en.code), (1, 1));
    assert_eq!(
        en.stderr,
        format!(
            "wudang-plan: {d}: 1 problem (listed above) in rows another program wrote; they are \
             still read, shown escaped or not at all; fix or remove them (keep a copy first)\n"
        )
    );
    assert_eq!(
        zh.stderr,
        format!(
            "错误：{d}：其他程序写入的行中有 1 个问题（见上）；这些行仍会被读取，转义显示或不显示；\
             请改正或删除它们（先留一份副本）\n"
        )
    );
}
