//! Helpers shared by the sheet tests: the binary, a sheet as cells, a
//! ledger's rows.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The real binary on the ledger `data`, as `user`, on `today`, with a
/// fixed time zone and none of the user's wudang-plan variables; in the
/// command line's English (`WUDANG_PLAN_LANG=en`, so that a test's own
/// `--lang` still wins), what most tests assert. [`wp_zh`]: its default
/// language, Chinese.
pub fn wp(data: &Path, user: &str, today: &str) -> Command {
    let mut c = wp_zh(data, user, today);
    c.env("WUDANG_PLAN_LANG", "en");
    c
}

/// [`wp`] with no language given: the command line's default, Chinese.
pub fn wp_zh(data: &Path, user: &str, today: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_wudang-plan"));
    c.env("TZ", "CST-8")
        .env_remove("WUDANG_PLAN_DATA")
        .env_remove("WUDANG_PLAN_USER")
        .env_remove("WUDANG_PLAN_PLAN")
        .env_remove("WUDANG_PLAN_LANG")
        .arg("--data")
        .arg(data)
        .args(["--user", user, "--today", today]);
    c
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(c: &mut Command) -> Run {
    let o = c.output().expect("run wudang-plan");
    Run {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// Runs and insists on exit 0.
pub fn ok(c: &mut Command) -> Run {
    let r = run(c);
    assert_eq!(r.code, 0, "stdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
    r
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sheet")
        .join(name)
}

/// A ledger in `dir` with these rows (`time,user,id,field,value,old,note,period`).
pub fn ledger(dir: &Path, rows: &[&str]) -> PathBuf {
    let mut text = String::from("\u{FEFF}time,user,id,field,value,old,note,period\r\n");
    for r in rows {
        text.push_str(r);
        text.push_str("\r\n");
    }
    let path = dir.join("actuals.csv");
    std::fs::write(&path, text).unwrap();
    path
}

/// The ledger's lines after line `from` (1 is the header), without the
/// line ends.
pub fn rows_after(ledger: &Path, from: usize) -> Vec<String> {
    let text = std::fs::read_to_string(ledger).unwrap();
    text.lines().skip(from).map(String::from).collect()
}

/// A CSV sheet as a header and rows of cells (any encoding already
/// decoded; a BOM removed).
#[derive(Debug, Clone)]
pub struct Cells {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Cells {
    pub fn parse(text: &str) -> Cells {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut all: Vec<Vec<String>> = r
            .records()
            .map(|rec| rec.unwrap().iter().map(String::from).collect())
            .collect();
        let header = all.remove(0);
        Cells { header, rows: all }
    }

    pub fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {:?}", self.header))
    }

    /// The row whose `key` is `#id`.
    pub fn row_mut(&mut self, id: &str) -> &mut Vec<String> {
        let k = self.col("key");
        let key = format!("#{id}");
        self.rows
            .iter_mut()
            .find(|r| r[k] == key)
            .unwrap_or_else(|| panic!("no row {key}"))
    }

    pub fn set(&mut self, id: &str, col: &str, value: &str) {
        let c = self.col(col);
        self.row_mut(id)[c] = value.to_string();
    }

    /// Drops a column.
    pub fn drop_col(&mut self, name: &str) {
        let c = self.col(name);
        self.header.remove(c);
        for r in &mut self.rows {
            r.remove(c);
        }
    }

    /// CSV text with `eol` line ends.
    pub fn to_csv(&self, eol: &str) -> String {
        let term = if eol == "\r\n" {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        };
        let mut w = csv::WriterBuilder::new()
            .terminator(term)
            .from_writer(Vec::new());
        w.write_record(&self.header).unwrap();
        for r in &self.rows {
            w.write_record(r).unwrap();
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }
}
