//! The HTML report in a real browser: headless Chromium (Debian's
//! `chromium-headless-shell`) prints it to PDF and takes a screenshot.
//! Without the browser these tests skip with a note, except under CI (env
//! `CI` set), which installs it: there a missing browser fails.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{fixture, ok};

/// The browser, or `None` (after a note) when it is not installed here.
pub(crate) fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in ["chromium-headless-shell", "chromium"] {
        for dir in std::env::split_paths(&path) {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    if std::env::var_os("CI").is_some() {
        panic!("CI is set but chromium-headless-shell is not installed (.ci/run installs it)");
    }
    // written past the test harness's capture, so that the skip is seen
    let _ = writeln!(
        std::io::stderr(),
        "note: chromium-headless-shell is not installed; browser test skipped"
    );
    None
}

/// Runs the browser on `page` with `args` (a private profile in `dir`),
/// killed after two minutes.
fn browse(exe: &Path, dir: &Path, page: &Path, args: &[String]) {
    let mut child = Command::new(exe)
        .args(["--no-sandbox", "--disable-gpu", "--hide-scrollbars"])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "{exe:?} {args:?}: {status}");
            return;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("{exe:?} {args:?} did not finish in two minutes");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The report as HTML (with `args`), saved in `dir`.
fn page(dir: &Path, data: &Path, name: &str, args: &[&str]) -> PathBuf {
    let mut all = vec!["report", "--format", "html"];
    all.extend_from_slice(args);
    let p = dir.join(name);
    std::fs::write(&p, ok(data, &all)).unwrap();
    p
}

/// `page` printed to PDF.
pub(crate) fn pdf(exe: &Path, dir: &Path, page: &Path) -> Vec<u8> {
    let out = page.with_extension("pdf");
    let args = [
        format!("--print-to-pdf={}", out.display()),
        "--no-pdf-header-footer".to_string(),
    ];
    browse(exe, dir, page, &args);
    std::fs::read(&out).unwrap()
}

/// The pages' sizes in points: each `/MediaBox [0 0 W H]` of the PDF.
pub(crate) fn media_boxes(pdf: &[u8]) -> Vec<(f64, f64)> {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/MediaBox [")
        .map(|(i, m)| {
            let rest = &text[i + m.len()..];
            let nums: Vec<f64> = rest[..rest.find(']').unwrap()]
                .split_whitespace()
                .map(|n| n.parse().unwrap())
                .collect();
            (nums[2] - nums[0], nums[3] - nums[1])
        })
        .collect()
}

/// The page objects: `/Type /Page` (not `/Pages`).
pub(crate) fn pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Type /Page")
        .filter(|(i, m)| !text[i + m.len()..].starts_with('s'))
        .count()
}

/// Printed, the report is A4 portrait (595 × 842 pt) on every page, a
/// sane number of pages, with its text embedded (a font, not an image);
/// one group's report takes fewer pages than the whole plan's.
#[test]
fn prints_on_a4_portrait() {
    let Some(exe) = chromium() else { return };
    let (dir, data) = fixture();
    let whole = pdf(&exe, dir.path(), &page(dir.path(), &data, "all.html", &[]));
    assert!(whole.starts_with(b"%PDF-"), "not a PDF");
    let n = pages(&whole);
    assert!((2..=30).contains(&n), "{n} pages");
    let boxes = media_boxes(&whole);
    assert_eq!(boxes.len(), n, "one MediaBox per page");
    for (w, h) in boxes {
        assert!(
            (w - 595.0).abs() < 1.5 && (h - 842.0).abs() < 1.5,
            "{w} x {h} pt is not A4 portrait"
        );
    }
    assert!(
        String::from_utf8_lossy(&whole).contains("/FontName /"),
        "no text font embedded"
    );
    let one = pdf(
        &exe,
        dir.path(),
        &page(dir.path(), &data, "g0.html", &["--group", "0"]),
    );
    let m = pages(&one);
    assert!(m >= 1 && m < n, "group 0: {m} pages, all: {n}");
}

/// The PNG's width and height (IHDR).
fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    let be = |i: usize| u32::from_be_bytes([png[i], png[i + 1], png[i + 2], png[i + 3]]);
    (be(16), be(20))
}

/// A screenshot of the report is 900 × 1300 and not blank: a blank page
/// of that size compresses to a few kilobytes, the report's first screen
/// (title, counts, charts) to many times that.
#[test]
fn screenshot_is_not_blank() {
    let Some(exe) = chromium() else { return };
    let (dir, data) = fixture();
    let shot = |page: &Path, name: &str| {
        let out = dir.path().join(name);
        let args = [
            format!("--screenshot={}", out.display()),
            "--window-size=900,1300".to_string(),
        ];
        browse(&exe, dir.path(), page, &args);
        std::fs::read(out).unwrap()
    };
    let blank_page = dir.path().join("blank.html");
    std::fs::write(&blank_page, "<!DOCTYPE html><html><body></body></html>").unwrap();
    let blank = shot(&blank_page, "blank.png");
    let report = shot(&page(dir.path(), &data, "r.html", &[]), "r.png");
    assert_eq!(png_size(&report), (900, 1300));
    assert_eq!(png_size(&blank), (900, 1300));
    assert!(
        report.len() > 5 * blank.len(),
        "report {} bytes, blank {} bytes",
        report.len(),
        blank.len()
    );
}
