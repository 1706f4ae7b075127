//! `export` byte for byte: BOM, CRLF, RFC 4180 quoting, the `'` guard on
//! text a spreadsheet would evaluate or reformat, plain numbers; JSON; the
//! same filters as `indicators`.

use crate::common::{ledger, ok, run, wp};

const ROWS: &[&str] = &[
    "2025-06-30T00:00:00+08:00,limin,8.1,actual,-1.50,,,2025",
    "2025-06-30T00:00:00+08:00,limin,8.1,note,'=cmd|' /C calc'!A0,,,",
    "2025-06-30T00:00:00+08:00,limin,8.2,actual,300,,,2025-06",
    "2025-06-30T00:00:00+08:00,limin,8.2,note,\"say \"\"hi\"\", then go\",,,",
    "2025-06-30T00:00:00+08:00,limin,8.3,note,'@SUM(1),,,",
    "2025-06-30T00:00:00+08:00,limin,8.4,note,'+86 851,,,",
    "2025-06-30T00:00:00+08:00,'=HYPERLINK(1),8.5,note,1/2,,,",
    "2025-06-30T00:00:00+08:00,zhukc,8,status,delayed,,,",
];

#[test]
fn the_csv_is_utf8_with_bom_crlf_quoted_and_guarded() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger(dir.path(), ROWS);
    let o = wp(&data, "x", "2025-07-01")
        .args(["export", "--task", "8"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let bytes = o.stdout;
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "BOM");
    let lf = bytes.iter().filter(|&&b| b == b'\n').count();
    let crlf = bytes.windows(2).filter(|w| w == b"\r\n").count();
    assert_eq!((lf, crlf), (6, 6), "every line ends CRLF");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let owners = "朱快春,区工业和信息化局（大数据局）,刘明利";
    let at = "2025-06-30T00:00:00+08:00";
    let want = format!(
        "key,id,group,task,task_title,name,unit,comparison,target,stretch,deadline,period,actual,\
         expected,light,status,task_status,note,leaders,units,persons,changed,changed_by,\
         ledger_line\r\n\
         #8.1,8.1,2,8,加快新型工业化,工业总产值,亿元,>=,500,,2025,2025,-1.50,,gray,in_progress,\
         delayed,'=cmd|' /C calc'!A0,{owners},{at},limin,9\r\n\
         #8.2,8.2,2,8,加快新型工业化,工业投资累计完成,亿元,>=,420,,2025,'2025-06,300,378,red,\
         in_progress,delayed,\"say \"\"hi\"\", then go\",{owners},{at},limin,9\r\n\
         #8.3,8.3,2,8,加快新型工业化,规模以上工业企业,家,>=,180,,2025,,,,gray,no_data,delayed,\
         '@SUM(1),{owners},{at},limin,9\r\n\
         #8.4,8.4,2,8,加快新型工业化,工业战略性新兴产业总值占工业总产值比重,%,>=,22,,2025,,,,gray,\
         no_data,delayed,'+86 851,{owners},{at},limin,9\r\n\
         #8.5,8.5,2,8,加快新型工业化,制造业增加值占地区生产总值比重,%,>=,30,,2025,,,,gray,no_data,\
         delayed,'1/2,{owners},{at},'=HYPERLINK(1),9\r\n"
    );
    assert_eq!(text, want);
}

#[test]
fn json_has_the_same_fields_with_exact_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger(dir.path(), ROWS);
    let r = ok(wp(&data, "x", "2025-07-01").args(["export", "--task", "8", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let first = &v[0];
    assert_eq!(first["key"], "#8.1");
    assert_eq!(first["actual"].to_string(), "-1.50", "exact, as recorded");
    assert_eq!(first["note"], "=cmd|' /C calc'!A0", "JSON needs no guard");
    assert_eq!(first["task_status"], "delayed");
    assert_eq!(first["ledger_line"], 9);
    assert_eq!(v[1]["period"], "2025-06");
    assert_eq!(v[1]["expected"].to_string(), "378", "420 × 54/60");
    assert_eq!(v[4]["changed_by"], "=HYPERLINK(1)");
    assert_eq!(v.as_array().unwrap().len(), 5);
}

#[test]
fn export_takes_the_filters_of_indicators() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger(dir.path(), ROWS);
    let ids = |args: &[&str]| -> Vec<String> {
        let r = ok(wp(&data, "x", "2025-07-01").args(args));
        let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };
    for filter in [
        &["--leader", "zkc", "--light", "red,gray"][..],
        &["--group", "2", "--status", "in_progress"][..],
        &["--unit", "kjj"][..],
    ] {
        let mut a = vec!["indicators", "--format", "json"];
        a.extend(filter);
        let mut b = vec!["export", "--format", "json"];
        b.extend(filter);
        let (shown, exported) = (ids(&a), ids(&b));
        assert!(!shown.is_empty(), "{filter:?}");
        assert_eq!(shown, exported, "{filter:?}");
    }
    let r = run(wp(&data, "x", "2025-07-01").args(["export", "--leader", "nobody"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn out_writes_a_file_and_never_the_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let data = ledger(dir.path(), ROWS);
    let before = std::fs::read(&data).unwrap();
    let r = run(wp(&data, "x", "2025-07-01")
        .args(["export", "--out"])
        .arg(&data));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("that is the ledger"), "{}", r.stderr);
    assert_eq!(std::fs::read(&data).unwrap(), before);
    let out = dir.path().join("台账.csv");
    let r = ok(wp(&data, "x", "2025-07-01")
        .args(["export", "--out"])
        .arg(&out));
    assert_eq!(
        r.stdout,
        format!(
            "wrote 95 rows to {} (CSV, UTF-8 with BOM), as of ledger line 9\n",
            out.display()
        )
    );
    let stdout = wp(&data, "x", "2025-07-01")
        .arg("export")
        .output()
        .unwrap()
        .stdout;
    assert_eq!(
        std::fs::read(&out).unwrap(),
        stdout,
        "the same bytes as on standard output"
    );
}
