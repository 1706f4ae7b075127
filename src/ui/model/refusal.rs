//! Why the ledger refused a write (or a read), worded for the UI in its
//! language: what to do first, then why, short enough for the editor's two
//! footer lines at 80 columns (the ledger's own messages, written for the
//! command line, are English, start with the file's path and end with the
//! instruction, which the footer cut off). The path is left out: the
//! footer names the ledger.
//!
//! The errors that reach the editor or the footer: a first-release ledger
//! refusing another period ([`LedgerError::NeedsUpgrade`]), a GB18030
//! ledger ([`LedgerError::NeedsConversion`]), rows that do not parse
//! ([`LedgerError::Malformed`]), nothing to undo, and the operating system
//! refusing (permissions above all). A conflict is not one (it asks); the
//! rest — an edit the UI let through but the ledger refused, a dangling
//! link — keep the ledger's words after the UI's label.

use std::io::ErrorKind;

use crate::ledger::LedgerError;
use crate::ui::strings::{Lang, S, fill};

/// Why the ledger cannot be read (`path:3: found …`), said with `s`
/// (`{where} 台账无法读取…：{rest}`): the file (by its name, the directory
/// left out) and line first, so that a cut at the end of the status line
/// never takes them; without a line, the reason as it is.
pub fn unreadable(lang: Lang, s: S, why: &str) -> String {
    let (at, rest) = located(why);
    fill(lang, s, &[&at, rest]).trim_start().to_string()
}

/// `file:line` at the front of `why` (`/dir/actuals.csv:3: found …`), the
/// file by its name, and the rest; none found: empty and all of `why`.
fn located(why: &str) -> (String, &str) {
    let mut from = 0;
    while let Some(off) = why[from..].find(':') {
        let colon = from + off;
        let digits = why[colon + 1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let end = colon + 1 + digits;
        // `:` after the line in English, `：` in Chinese.
        let sep = [':', '：'].into_iter().find(|&c| why[end..].starts_with(c));
        if let (true, Some(sep)) = (digits > 0, sep) {
            let path = std::path::Path::new(&why[..colon]);
            let file = path
                .file_name()
                .map_or_else(|| why[..colon].into(), |f| f.to_string_lossy());
            let at = format!("{file}:{}", &why[colon + 1..end]);
            return (at, why[end + sep.len_utf8()..].trim_start());
        }
        from = colon + 1;
    }
    (String::new(), why)
}

/// `e` for the UI, in `lang`.
pub fn refusal(e: &LedgerError, lang: Lang) -> String {
    match e {
        LedgerError::NeedsUpgrade { period, .. } => {
            fill(lang, S::LedgerNeedsUpgrade, &[&period.to_string()])
        }
        LedgerError::NeedsConversion { .. } => S::LedgerNeedsConversion.get(lang).to_string(),
        LedgerError::Malformed { problems, more, .. } => {
            let first = problems.first().map_or(0, |p| p.line).to_string();
            let n = (problems.len() + more).to_string();
            fill(lang, S::LedgerMalformed, &[&n, &first])
        }
        LedgerError::NothingToUndo { id, .. } => fill(lang, S::LedgerNothingToUndo, &[id]),
        LedgerError::Io { source, .. } if source.kind() == ErrorKind::PermissionDenied => {
            S::LedgerNoPermission.get(lang).to_string()
        }
        LedgerError::Io { source, .. } => fill(lang, S::LedgerIo, &[&source.to_string()]),
        LedgerError::Failed { why, .. } => fill(lang, S::LedgerIo, &[&why.text(lang)]),
        other => fill(lang, S::LedgerOther, &[&other.text(lang)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::LineProblem;
    use crate::plan::Period;
    use crate::text;
    use std::path::PathBuf;

    fn errors() -> Vec<LedgerError> {
        let path = PathBuf::from("/srv/wudang-plan/a-rather-long-directory-name/actuals.csv");
        let io = |kind| LedgerError::Io {
            path: path.clone(),
            action: crate::vocab::M::DoWriteLedger,
            source: std::io::Error::from(kind),
        };
        vec![
            LedgerError::NeedsUpgrade {
                path: path.clone(),
                period: Period::Year(2024),
            },
            LedgerError::NeedsConversion { path: path.clone() },
            LedgerError::Malformed {
                path: path.clone(),
                problems: vec![LineProblem {
                    line: 7,
                    message: crate::vocab::Msg::new(crate::vocab::M::LedgerTooFewFields)
                        .arg("n", 1)
                        .arg("need", 8)
                        .arg("columns", "time,user,id,field,value,old,note,period"),
                }],
                more: 2,
            },
            LedgerError::NothingToUndo {
                id: "8.1".into(),
                what: None,
            },
            io(ErrorKind::PermissionDenied),
            io(ErrorKind::StorageFull),
        ]
    }

    /// Every wording fits the editor's two lines at 80 columns after
    /// `无效：` and names no path.
    #[test]
    fn every_refusal_is_short_and_names_no_path() {
        for lang in [Lang::Zh, Lang::En] {
            for e in errors() {
                let r = refusal(&e, lang);
                let label = format!("{}{}", S::Invalid.get(lang), S::Colon.get(lang));
                let lines = text::wrap(&format!("{label}{r}"), 80);
                assert!(lines.len() <= 2, "{lang:?}: {lines:?}");
                assert!(!r.contains("/srv/"), "{r}");
            }
        }
    }

    #[test]
    fn the_instruction_comes_first() {
        let e = errors();
        assert_eq!(
            refusal(&e[0], Lang::Zh),
            "请先运行 wudang-plan ledger convert：旧版台账无“期间”列，只能记入当年（2024 未记录）"
        );
        assert_eq!(
            refusal(&e[2], Lang::Zh),
            "请运行 wudang-plan ledger check 查看：台账有 3 行无法读取（第 7 行起），修好前不能记录"
        );
        assert_eq!(
            refusal(&e[4], Lang::En),
            "ask whoever runs the server to make the ledger's directory group-writable: \
             no permission to write the ledger; nothing recorded"
        );
    }
}
