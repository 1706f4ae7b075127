//! Issue 13: the ledger's errors, warnings and `ledger check` / `convert`
//! / `paths` output are Chinese with no options and today's English with
//! `--lang en` (the English byte for byte as before).

use std::fs;

use crate::common::*;

/// The same command in Chinese (no options) and in English (`--lang en`).
fn both(data: &std::path::Path, args: &[&str]) -> (Run, Run) {
    let zh = run(wp_zh(data, "u", "2025-06-01").args(args));
    let en = run(wp_zh(data, "u", "2025-06-01")
        .arg("--lang")
        .arg("en")
        .args(args));
    assert_eq!(zh.code, en.code, "{}\n{}", zh.stderr, en.stderr);
    (zh, en)
}

#[test]
fn a_malformed_line_stops_check_and_set_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let text = ledger_text(
        &[
            "2025-06-01T10:00:00+08:00,a,8.1,actual,320,,",
            "2025/6/1 10:15,a,8.1,actual,321,320,",
        ],
        "\n",
    );
    fs::write(&data, &text).unwrap();
    let d = data.display();
    for args in [&["ledger", "check"][..], &["set", "8.1", "600"][..]] {
        let (zh, en) = both(&data, args);
        assert_eq!(zh.code, 1, "{args:?}: {}", zh.stderr);
        assert_eq!(
            en.stderr,
            format!(
                "wudang-plan: {d}:3: field `time`: found `2025/6/1 10:15`, expected RFC 3339 \
                 with an offset such as 2025-06-01T10:15:00+08:00 (a spreadsheet may have \
                 reformatted it)\n{d}: the ledger was left as it is; nothing is recorded until \
                 these lines are fixed\n"
            ),
            "{args:?}"
        );
        assert_eq!(
            zh.stderr,
            format!(
                "错误：{d}:3：“time”字段：找到“2025/6/1 10:15”，应为带时区偏移的 RFC 3339 \
                 时间，如 2025-06-01T10:15:00+08:00（可能被电子表格改了格式）\n{d}：台账保持原样；\
                 这些行改正之前，不会记录任何修改\n"
            ),
            "{args:?}"
        );
    }
    assert_eq!(fs::read_to_string(&data).unwrap(), text, "nothing written");
}

#[test]
fn nothing_to_undo_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let (zh, en) = both(&data, &["undo", "1.1"]);
    assert_eq!(zh.code, 2);
    assert_eq!(
        en.stderr,
        "wudang-plan: 1.1: nothing to undo; no change recorded\n"
    );
    assert_eq!(zh.stderr, "错误：1.1：没有可撤销的内容；尚未记录任何修改\n");
}

#[test]
fn a_gb18030_ledger_needs_conversion_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let text = ledger_text(
        &["2025-06-01T10:00:00+08:00,李明,8.1,actual,512,,二季度报表"],
        "\r\n",
    );
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    fs::write(&data, &gb).unwrap();
    let d = data.display();
    let (zh, en) = both(&data, &["set", "8.1", "600"]);
    assert_eq!(zh.code, 1);
    assert_eq!(
        en.stderr,
        format!(
            "wudang-plan: {d}: this ledger is GB18030-encoded (saved by Excel/WPS as \
             “CSV（逗号分隔）”); wudang-plan appends only to UTF-8 ledgers so that one file never \
             mixes two encodings. Nothing was recorded. Convert it with `wudang-plan ledger \
             convert` (it keeps a backup copy) and try again\n"
        )
    );
    assert!(
        zh.stderr.starts_with(&format!(
            "错误：{d}：此台账是 GB18030 编码（由 Excel/WPS 保存为“CSV（逗号分隔）”）；"
        )),
        "{}",
        zh.stderr
    );
    assert!(
        zh.stderr.contains("请用 wudang-plan ledger convert 转换"),
        "{}",
        zh.stderr
    );
    assert_eq!(fs::read(&data).unwrap(), gb.as_ref());
    // `ledger check` says so, then `ledger convert` converts, in Chinese.
    let zh = run(wp_zh(&data, "u", "2025-06-01").args(["ledger", "check"]));
    assert_eq!(zh.code, 0, "{}", zh.stderr);
    assert_eq!(
        zh.stdout,
        format!(
            "正常：{d}：1 行，涉及 1 个编号，GB18030，第一版格式（没有 period 期间列：每行属于其时间戳\
             所在的年份；wudang-plan ledger convert 会添加该列）\n修改前请先转换：wudang-plan ledger \
             convert（会保留备份副本）\n"
        )
    );
    let zh = run(wp_zh(&data, "u", "2025-06-01").args(["ledger", "convert"]));
    assert_eq!(zh.code, 0, "{}", zh.stderr);
    let backup = dir.path().join("actuals.csv.bak-20250601T000000");
    assert_eq!(
        zh.stdout,
        format!(
            "已将 {d} 从 GB18030 转换为带 BOM 的 UTF-8（1 行）；并添加了 period（期间）列（每个实际完成值\
             的期间为其时间戳所在的年份，与之前相同）\n原文件的备份：{}\n",
            backup.display()
        )
    );
    let (zh, en) = both(&data, &["ledger", "convert"]);
    assert_eq!(zh.stdout, format!("{d}：已是带 BOM 的 UTF-8；无需转换\n"));
    assert_eq!(
        en.stdout,
        format!("{d}: already UTF-8 with BOM; nothing to do\n")
    );
}

#[test]
fn a_torn_tail_is_warned_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    assert_eq!(run(wp(&data, "u").args(["set", "8.1", "512"])).code, 0);
    let mut bytes = fs::read(&data).unwrap();
    bytes.extend_from_slice("2025-06-01T10:00:00+08:00,李明,8.1,act".as_bytes());
    fs::write(&data, &bytes).unwrap();
    let d = data.display();
    let (zh, en) = both(&data, &["history", "8.1", "--format", "csv"]);
    assert_eq!(zh.code, 0, "{}", zh.stderr);
    assert_eq!(zh.stdout, en.stdout, "machine formats do not change");
    assert_eq!(
        en.stderr,
        format!(
            "wudang-plan: warning: {d}:3: the last line (40 bytes) has no line break: it was cut \
             short (a crash or a lost connection while writing) and is ignored; it will be moved \
             aside before the next edit\n"
        )
    );
    assert_eq!(
        zh.stderr,
        format!(
            "警告：{d}:3：最后一行（40 字节）没有换行符：它在写入时被截断（程序崩溃或连接\
             中断），已被忽略；下次修改前会把它移到别处\n"
        )
    );
}

#[test]
fn ledger_check_findings_and_chain_breaks_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let d = data.display();
    let zh = run(wp_zh(&data, "u", "2025-06-01").args(["ledger", "check"]));
    assert_eq!(zh.stdout, format!("{d}：还没有台账；第一次修改时会创建\n"));
    fs::write(
        &data,
        ledger_text(
            &[
                "2025-06-01T10:00:00+08:00,a,0.1,actual,320,,",
                "2025-06-01T10:02:00+08:00,a,0.1,actual,59,58,",
                "2025-06-01T10:03:00+08:00,a,99.9,actual,1,,",
            ],
            "\n",
        ),
    )
    .unwrap();
    let (zh, en) = both(&data, &["ledger", "check"]);
    assert_eq!(zh.code, 1);
    assert!(
        en.stdout.contains(&format!(
            "{d}:4: field `id`: `99.9` is neither an indicator nor a task of the plan (1 row from"
        )),
        "{}",
        en.stdout
    );
    assert!(
        en.stdout.contains(&format!(
            "warning: {d}:3: 0.1 actual: old is `58` but line 2 recorded `320`"
        )),
        "{}",
        en.stdout
    );
    assert!(
        zh.stdout.contains(&format!(
            "{d}:4：“id”字段：“99.9”既不是本方案的指标，也不是任务（从这一行起共 1 行："
        )),
        "{}",
        zh.stdout
    );
    assert!(
        zh.stdout.contains(&format!(
            "警告：{d}:3：0.1 实际值：old 列为 “58”，但第 2 行记录的是 “320”\n1 行的 old 列不是之前记录的值："
        )),
        "{}",
        zh.stdout
    );
    assert_eq!(
        zh.stderr,
        format!(
            "错误：{d}：其他程序写入的行中有 1 个问题（见上）；这些行仍会被读取，转义显示或不显示；\
             请改正或删除它们（先留一份副本）\n"
        )
    );
    assert!(
        en.stderr.contains(": 1 problem (listed above)"),
        "{}",
        en.stderr
    );
}

#[test]
fn paths_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger_in(&dir);
    let zh = run(bin().arg("paths").env("WUDANG_PLAN_DATA", &data));
    let d = data.display();
    assert_eq!(
        zh.stdout,
        format!(
            "方案：内置（seeds/ 已编译进程序）\n方案快照：无（内置方案没有快照）\n台账：{d}\n\
             锁文件：{d}.lock\n截断行存放处：{d}.torn\n检查点：{d}.ckpt\n检查点核验记录：{d}.ckpt.seen\n"
        )
    );
}
