//! `import` and `export` say what they did, and refuse, in the command
//! line's language (issue 13): Chinese with no options, the English of
//! before with `--lang en`; the exit codes, the files written and the
//! ledger rows recorded are the same in both.

use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{fixture, ok, run, wp, wp_zh};

fn copy_ledger(dir: &Path) -> PathBuf {
    let data = dir.join("ledger.csv");
    fs::copy(fixture("ledger.csv"), &data).unwrap();
    data
}

fn han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn a_conflict_is_refused_in_chinese_with_exit_3() {
    let dir = tempfile::tempdir().unwrap();
    let data = copy_ledger(dir.path());
    let sheet = fixture("conflict.csv");
    let r = run(wp_zh(&data, "bob", "2025-07-03").arg("import").arg(&sheet));
    assert_eq!(r.code, 3, "{}", r.stderr);
    let (s, d) = (sheet.display(), data.display());
    assert_eq!(
        r.stderr,
        format!(
            "错误：{s}:2：“actual”列：8.1 工业总产值（2025年）：表中把 512 亿元 改为 540 亿元，\
             但导出以后台账已有 wangfang 于 2025-07-02T00:00:00+08:00 记录的 530 亿元（{d}:7）\n\
             {s}：未记录任何内容（1 处冲突）：导出这张表以后台账又有改动；请重新导出后再改这些单元格，\
             或加 --force 导入，以表中的值覆盖\n"
        )
    );
    assert_eq!(
        fs::read(&data).unwrap(),
        fs::read(fixture("ledger.csv")).unwrap()
    );
    // A dry run: its summary in Chinese too, then the same refusal.
    let r = run(wp_zh(&data, "bob", "2025-07-03")
        .args(["import", "--dry-run"])
        .arg(&sheet));
    assert_eq!(r.code, 3);
    assert!(
        r.stdout.starts_with(&format!(
            "{s}：5 行（GB18030）；3 处修改（试运行：未记录任何内容）\n"
        )),
        "{}",
        r.stdout
    );
    // The English is that of tests/sheet/refuse.rs, with --lang en too.
    let r = run(wp_zh(&data, "bob", "2025-07-03")
        .args(["--lang", "en", "import"])
        .arg(&sheet));
    assert_eq!(r.code, 3);
    assert!(
        r.stderr.starts_with(&format!(
            "wudang-plan: {s}:2: column `actual`: 8.1 工业总产值 (2025): the sheet changes"
        )),
        "{}",
        r.stderr
    );
}

#[test]
fn a_forced_import_confirms_in_chinese_and_records_what_english_does() {
    let run_in = |zh: bool| {
        let dir = tempfile::tempdir().unwrap();
        let data = copy_ledger(dir.path());
        let sheet = fixture("conflict.csv");
        let mut c = if zh {
            wp_zh(&data, "bob", "2025-07-03")
        } else {
            wp(&data, "bob", "2025-07-03")
        };
        let r = ok(c.args(["import", "--force"]).arg(&sheet));
        let rows = fs::read(&data).unwrap();
        (r, rows, data.display().to_string())
    };
    let (zh, zh_rows, d) = run_in(true);
    let (en, en_rows, _) = run_in(false);
    // The ledger's rows (their remark `imported from …` too) are the same.
    assert_eq!(zh_rows, en_rows);
    let s = fixture("conflict.csv");
    let s = s.display();
    assert_eq!(
        zh.stdout,
        format!(
            "{s}：5 行（GB18030）；记录了 3 处修改：\n  \
             {s}:2：8.1 工业总产值（2025年）：530 亿元 → 540 亿元，覆盖 wangfang 于 \
             2025-07-02T00:00:00+08:00 记录的 530 亿元（{d}:7）\n  \
             {s}:3：8.2 工业投资累计完成（2025年）：300 亿元 → 310 亿元\n  \
             {s}:5：8.4 工业战略性新兴产业总值占工业总产值比重 备注：待统计局核实 → =核实后更新\n\
             由 bob 于 2025-07-03T00:00:00+08:00 记录（{d}:9–11）\n"
        )
    );
    assert!(
        en.stdout
            .starts_with(&format!("{s}: 5 rows (GB18030); recorded 3 changes:\n")),
        "{}",
        en.stdout
    );
}

#[test]
fn invalid_cells_are_refused_in_chinese_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let data = copy_ledger(dir.path());
    let sheet = fixture("invalid.csv");
    let r = run(wp_zh(&data, "bob", "2025-07-03").arg("import").arg(&sheet));
    assert_eq!(r.code, 2, "{}", r.stderr);
    let s = sheet.display();
    assert_eq!(
        r.stderr,
        format!(
            "错误：{s}:2：“actual”列：8.1 工业总产值：“5,12”：千分位须每三位一组（1,234 或 \
             1,234,567）；应填以亿元为单位的数，如 512、512.5 或 1,234.5（可带单位“亿元”）\n\
             {s}:2–3,5,7：“task_status”列：任务 8：各行给出的状态不同：“推进中”（第 2、3、5 行）；\
             “已延误”（第 7 行）；一个任务只有一个状态：请让它的各行一致\n\
             {s}:3：“period”列：8.2 工业投资累计完成：“2024Q5”：没有第5季度；季度为 1 至 4（2024Q2）\n\
             {s}:4：“key”列：“#99.9”：方案中没有指标“99.9”；应与导出时的 key 相同\n\
             {s}:5：“note”列：8.4 工业战略性新兴产业总值占工业总产值比重：备注含有换行符；应为一行不含控制字符的文字\n\
             {s}：未记录任何内容（5 处问题）；请改正后重新导入\n"
        )
    );
    // Each line says it in Chinese; the words it quotes are read back.
    assert!(r.stderr.lines().all(han));
    assert_eq!(
        fs::read(&data).unwrap(),
        fs::read(fixture("ledger.csv")).unwrap()
    );
}

#[test]
fn export_says_what_it_wrote_in_either_language_and_writes_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = copy_ledger(dir.path());
    for (format, zh_what, en_what) in [
        ("csv", "CSV，UTF-8 带 BOM", "CSV, UTF-8 with BOM"),
        ("json", "JSON", "JSON"),
    ] {
        let zh_out = dir.path().join(format!("zh.{format}"));
        let en_out = dir.path().join(format!("en.{format}"));
        let zh = ok(wp_zh(&data, "bob", "2025-07-03")
            .args(["export", "--task", "8", "--format", format, "--out"])
            .arg(&zh_out));
        let en = ok(wp_zh(&data, "bob", "2025-07-03")
            .args([
                "--lang", "en", "export", "--task", "8", "--format", format, "--out",
            ])
            .arg(&en_out));
        assert_eq!(
            zh.stdout,
            format!(
                "已写出 5 行到 {}（{zh_what}），截至台账第 8 行\n",
                zh_out.display()
            )
        );
        assert_eq!(
            en.stdout,
            format!(
                "wrote 5 rows to {} ({en_what}), as of ledger line 8\n",
                en_out.display()
            )
        );
        assert_eq!(fs::read(&zh_out).unwrap(), fs::read(&en_out).unwrap());
    }
    // Refused: --out is the ledger (exit 2), in Chinese.
    let r = run(wp_zh(&data, "bob", "2025-07-03")
        .args(["export", "--out"])
        .arg(&data));
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("错误：--out "), "{}", r.stderr);
    assert!(r.stderr.contains("：那是台账（"), "{}", r.stderr);
}

#[test]
fn a_file_that_is_not_a_sheet_is_refused_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let data = copy_ledger(dir.path());
    let json = dir.path().join("x.json");
    fs::write(&json, "[{\"key\": 1}]").unwrap();
    let r = run(wp_zh(&data, "bob", "2025-07-03").arg("import").arg(&json));
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!(
            "错误：{}:1：这是 JSON 文件；应为 CSV 导出（wudang-plan export，不加 --format json）；未记录任何内容\n",
            json.display()
        )
    );
    let r = run(wp(&data, "bob", "2025-07-03").arg("import").arg(&json));
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!(
            "wudang-plan: {}:1: this file is JSON; expected the CSV export (`wudang-plan export`, \
             without --format json); nothing was recorded\n",
            json.display()
        )
    );
}
