//! Helpers shared by the report tests: the binary and a fixed ledger.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The day the fixed ledger is reported on: in the second half of 2025
/// (milestones due 2025 not done are yellow), 2024's values are 逾期未报.
pub const TODAY: &str = "2025-09-30";

/// A ledger with every light and list: 0.1 stretch met (green) from a
/// 2024 value (stale); 0.4 met; 7.2 missed (due 2023: red, stale); 7.4 a
/// milestone due 2023 with nothing recorded (red, no data); 8.1 and 8.2
/// behind pace (red, stale; 8.2 with a remark, 8.1 with a standing note);
/// 8.3 lagging (yellow); 10.1 a milestone done (green); task 8 delayed.
pub const LEDGER: &str = "\u{feff}time,user,id,field,value,old,note,period\r\n\
2024-02-01T09:12:00+08:00,limin,7.2,actual,5800,,,2023\r\n\
2025-03-10T10:00:00+08:00,limin,0.1,actual,250,,2020年统计公报,2020\r\n\
2025-03-10T10:01:00+08:00,limin,0.1,actual,360,,2024年统计公报,2024\r\n\
2025-03-10T10:05:00+08:00,limin,8.1,actual,300,,,2020\r\n\
2025-03-10T10:06:00+08:00,limin,8.1,actual,440,,,2024\r\n\
2025-03-12T16:30:00+08:00,wangfang,8.2,actual,300,,含续建项目,2024\r\n\
2025-07-15T11:00:00+08:00,wangfang,8.3,actual,100,,,2020\r\n\
2025-07-15T11:02:00+08:00,wangfang,8.3,actual,165,,,2025Q2\r\n\
2025-07-20T09:00:00+08:00,limin,10.1,actual,done,,,2025\r\n\
2025-07-20T09:10:00+08:00,limin,0.4,actual,78.5,,,2025Q2\r\n\
2025-07-20T15:00:00+08:00,zhukc,8,status,delayed,,用地指标未落实,\r\n\
2025-08-01T08:45:00+08:00,zhukc,8.1,note,待统计局核实,,,\r\n";

/// The real binary, with a fixed time zone and none of the user's
/// wudang-plan variables.
pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_wudang-plan"));
    c.env("TZ", "CST-8")
        .env_remove("WUDANG_PLAN_DATA")
        .env_remove("WUDANG_PLAN_USER")
        .env_remove("WUDANG_PLAN_PLAN")
        .env_remove("WUDANG_PLAN_LANG");
    c
}

/// `text` written as the ledger in a fresh directory.
pub fn ledger_with(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("actuals.csv");
    std::fs::write(&data, text).unwrap();
    (dir, data)
}

/// The fixed ledger ([`LEDGER`]) in a fresh directory.
pub fn fixture() -> (tempfile::TempDir, PathBuf) {
    ledger_with(LEDGER)
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// `wudang-plan --data DATA --today TODAY ARGS…`.
pub fn wp(data: &Path, args: &[&str]) -> Run {
    let o = bin()
        .arg("--data")
        .arg(data)
        .args(["--today", TODAY])
        .args(args)
        .output()
        .expect("run wudang-plan");
    Run {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// `wp` that must succeed; its standard output.
pub fn ok(data: &Path, args: &[&str]) -> String {
    let r = wp(data, args);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    r.stdout
}
