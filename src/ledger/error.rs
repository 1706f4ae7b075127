//! Ledger errors and warnings. Every message names the file (and line)
//! and says what was found and what to do.

use std::fmt;
use std::path::PathBuf;

use super::entry::{Field, Stamp};
use crate::vocab::{Lang, M, Msg, Term};

/// A problem with one line of the ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    pub line: u64,
    pub message: Msg,
}

/// Why a ledger could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    /// The operating system refused something.
    #[error("{}: cannot {}: {source}", path.display(), action.get(Lang::En))]
    Io {
        path: PathBuf,
        /// What was being done: an entry of the message table (`Do…`).
        action: M,
        source: std::io::Error,
    },
    /// Something went wrong that the operating system did not report
    /// (the file changed while it was read): what was being done and why.
    #[error("{}: cannot {}: {why}", path.display(), action.get(Lang::En))]
    Failed { path: PathBuf, action: M, why: Msg },
    /// Rows that do not parse. Nothing is written while they exist.
    #[error("{}", malformed(path, problems, *more, Lang::En))]
    Malformed {
        path: PathBuf,
        problems: Vec<LineProblem>,
        /// Problems found beyond those listed.
        more: usize,
    },
    /// The ledger is GB18030 (saved by Excel/WPS); appending is refused.
    #[error(
        "{}: this ledger is GB18030-encoded (saved by Excel/WPS as “CSV（逗号分隔）”); \
         wudang-plan appends only to UTF-8 ledgers so that one file never mixes two encodings. \
         Nothing was recorded. Convert it with `wudang-plan ledger convert` \
         (it keeps a backup copy) and try again",
        path.display()
    )]
    NeedsConversion { path: PathBuf },
    /// A value for a period other than the default one (the year of the
    /// row's time) on a ledger of the first release, which has no
    /// `period` column.
    #[error(
        "{}: this ledger has no period column (a ledger of the first release), so its rows \
         belong to the year of their time stamp; a value for {period} cannot be recorded in it. \
         Nothing was recorded. Upgrade it with `wudang-plan ledger convert` (it adds the \
         column and keeps a backup copy) and try again",
        path.display()
    )]
    NeedsUpgrade {
        path: PathBuf,
        period: crate::plan::Period,
    },
    /// Someone else changed the value since the editor saw it.
    #[error("{0}")]
    Conflict(Box<Conflict>),
    /// `undo` with nothing recorded.
    #[error("{id}: nothing to undo; no {} recorded", what.map(|f| f.as_str()).unwrap_or("change"))]
    NothingToUndo { id: String, what: Option<Field> },
    /// An edit that cannot be written (bad id, value, user or note).
    #[error("{0}")]
    InvalidEdit(Msg),
    /// The ledger path is a symbolic link to a file that does not exist.
    #[error(
        "{}: is a symbolic link to {}, which does not exist; expected the ledger file there \
         (was it moved, or is its disk not mounted?); fix the link, or point --data / \
         WUDANG_PLAN_DATA at the ledger",
        path.display(),
        target.display()
    )]
    DanglingLink { path: PathBuf, target: PathBuf },
}

impl LedgerError {
    /// The message in `lang` (`Display` is the English), worded from the
    /// message table ([`crate::vocab::messages`]).
    pub fn text(&self, lang: Lang) -> String {
        let path = |p: &PathBuf| p.display().to_string();
        match self {
            LedgerError::Io {
                path: p,
                action,
                source,
            } => Msg::new(M::LedgerIo)
                .arg("path", path(p))
                .sub("action", Msg::new(*action))
                .sub("why", io_reason(source))
                .text(lang),
            LedgerError::Failed {
                path: p,
                action,
                why,
            } => Msg::new(M::LedgerIo)
                .arg("path", path(p))
                .sub("action", Msg::new(*action))
                .sub("why", why.clone())
                .text(lang),
            LedgerError::Malformed {
                path: p,
                problems,
                more,
            } => malformed(p, problems, *more, lang),
            LedgerError::NeedsConversion { path: p } => Msg::new(M::LedgerNeedsConversion)
                .arg("path", path(p))
                .text(lang),
            LedgerError::NeedsUpgrade { path: p, period } => Msg::new(M::LedgerNeedsUpgrade)
                .arg("path", path(p))
                .arg("period", period)
                .text(lang),
            LedgerError::Conflict(c) => c.msg().text(lang),
            LedgerError::NothingToUndo { id, what } => Msg::new(M::LedgerNothingToUndo)
                .arg("id", id)
                .words_of(
                    "what",
                    what.map_or(key_words(M::LedgerAnyChange), field_words),
                )
                .text(lang),
            LedgerError::InvalidEdit(m) => m.text(lang),
            LedgerError::DanglingLink { path: p, target } => Msg::new(M::LedgerDanglingLink)
                .arg("path", path(p))
                .arg("target", target.display())
                .text(lang),
        }
    }
}

/// An operating system error: in Chinese, the common kinds worded, the
/// system's own (English) text after them; in English, the system's text.
fn io_reason(e: &std::io::Error) -> Msg {
    let key = match e.kind() {
        std::io::ErrorKind::NotFound => M::OsNotFound,
        std::io::ErrorKind::PermissionDenied => M::OsPermission,
        _ => M::OsOther,
    };
    Msg::new(key).arg("os", e)
}

/// `field` as words for [`Msg::words`]: the Chinese word the command
/// line accepts back (实际值), the machine word in English (`actual`).
pub(crate) fn field_words(field: Field) -> (&'static str, &'static str) {
    (field.word(Lang::Zh), field.machine())
}

/// A message of the table as words for [`Msg::words`].
pub(crate) fn key_words(key: M) -> (&'static str, &'static str) {
    (key.get(Lang::Zh), key.get(Lang::En))
}

fn malformed(path: &std::path::Path, problems: &[LineProblem], more: usize, lang: Lang) -> String {
    let mut s = String::new();
    for p in problems {
        let line = Msg::new(M::LedgerLine)
            .arg("path", path.display())
            .arg("line", p.line)
            .sub("problem", p.message.clone());
        s.push_str(&line.text(lang));
        s.push('\n');
    }
    if more > 0 {
        s.push_str(&Msg::new(M::LedgerMoreProblems).arg("more", more).text(lang));
        s.push('\n');
    }
    s.push_str(
        &Msg::new(M::LedgerLeftAsIs)
            .arg("path", path.display())
            .text(lang),
    );
    s
}

/// The value changed between the moment an editor saw it and the append.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub id: String,
    pub field: Field,
    /// The value the editor saw (`None`: nothing recorded).
    pub expected: Option<String>,
    /// The value now (`None`: nothing recorded).
    pub found: Option<String>,
    /// Who recorded the value now, and when.
    pub who: Option<String>,
    pub when: Option<Stamp>,
    /// The line of the row holding the value now (`0`: none): what an
    /// overwrite then expects.
    pub line: u64,
    /// The period of the actual in conflict (the edit's, or the undone
    /// row's); `None` for a status or a note.
    pub period: Option<crate::plan::Period>,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg().text(Lang::En))
    }
}

impl Conflict {
    /// What happened and what to do, in either language.
    pub fn msg(&self) -> Msg {
        let by = match (&self.who, &self.when) {
            (Some(w), Some(t)) => Msg::new(M::LedgerChangedBy)
                .arg("who", crate::text::visible(w))
                .arg("when", t),
            _ => Msg::new(M::LedgerChanged),
        };
        Msg::new(M::LedgerConflict)
            .arg("id", &self.id)
            .words_of("field", field_words(self.field))
            .sub("by", by)
            .words_of(
                "found",
                value_words(self.field, &self.found, M::LedgerNoValue),
            )
            .words_of(
                "saw",
                value_words(self.field, &self.expected, M::LedgerNoValue),
            )
    }
}

/// A recorded value quoted: “…” in Chinese (a status or a milestone in
/// the Chinese word the command line accepts back), `…` in English;
/// `none` when there is none.
pub(crate) fn value_words(field: Field, v: &Option<String>, none: M) -> (String, String) {
    let Some(v) = v else {
        let (zh, en) = key_words(none);
        return (zh.to_string(), en.to_string());
    };
    let shown = crate::text::visible(v).into_owned();
    let zh = match field {
        Field::Status => crate::vocab::TaskState::from_machine(v).map(|s| s.word(Lang::Zh)),
        Field::Actual => crate::vocab::Milestone::from_machine(v).map(|s| s.word(Lang::Zh)),
        Field::Note => None,
    }
    .map_or_else(|| shown.clone(), str::to_string);
    (format!("“{zh}”"), format!("`{shown}`"))
}

/// An optional part of a message as words for [`Msg::words`]: the part
/// worded in both languages, or nothing in either.
pub(crate) fn maybe_words(m: Option<Msg>) -> (String, String) {
    m.map_or_else(Default::default, |m| (m.text(Lang::Zh), m.text(Lang::En)))
}

/// [`Msg::words`] from a pair.
pub(crate) trait WordsOf {
    fn words_of<A: Into<String>, B: Into<String>>(self, name: &'static str, w: (A, B)) -> Self;
}

impl WordsOf for Msg {
    fn words_of<A: Into<String>, B: Into<String>>(self, name: &'static str, w: (A, B)) -> Msg {
        self.words(name, w.0, w.1)
    }
}

/// Something a reader should know that did not stop it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The last line has no line break: cut short by a crash. It is
    /// ignored and will be moved aside before the next edit.
    TornTail {
        path: PathBuf,
        line: u64,
        bytes: u64,
    },
    /// A cut-short last line was moved to `to` before appending.
    MovedAside {
        path: PathBuf,
        line: u64,
        bytes: u64,
        to: PathBuf,
    },
}

impl Warning {
    /// The warning in `lang` (`Display` is the English).
    pub fn text(&self, lang: Lang) -> String {
        self.msg().text(lang)
    }

    /// The warning as a message of the table.
    pub fn msg(&self) -> Msg {
        match self {
            Warning::TornTail { path, line, bytes } => Msg::new(M::LedgerTornTail)
                .arg("path", path.display())
                .arg("line", line)
                .arg("bytes", bytes),
            Warning::MovedAside {
                path,
                line,
                bytes,
                to,
            } => Msg::new(M::LedgerMovedAside)
                .arg("path", path.display())
                .arg("line", line)
                .arg("bytes", bytes)
                .arg("to", to.display()),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Period;

    fn p() -> PathBuf {
        PathBuf::from("team/actuals.csv")
    }

    /// Each variant in both languages: the English as the command line
    /// printed it, the Chinese with the same file:line and values.
    #[test]
    fn every_error_in_both_languages() {
        let cases: Vec<(LedgerError, &str, &str)> = vec![
            (
                LedgerError::Io {
                    path: p(),
                    action: M::DoWriteLedger,
                    source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
                },
                "team/actuals.csv: cannot write to the ledger: permission denied",
                "team/actuals.csv：无法写入台账：没有权限（permission denied）",
            ),
            (
                LedgerError::Failed {
                    path: p(),
                    action: M::DoReadHistory,
                    why: Msg::new(M::LedgerChangedWhileReading),
                },
                "team/actuals.csv: cannot read the ledger's history: the file changed while \
                 reading; run the command again",
                "team/actuals.csv：无法读取台账的修改记录：读取时文件被改动了；请重新运行该命令",
            ),
            (
                LedgerError::Malformed {
                    path: p(),
                    problems: vec![LineProblem {
                        line: 7,
                        message: Msg::new(M::LedgerNotUtf8),
                    }],
                    more: 2,
                },
                "team/actuals.csv:7: not valid UTF-8; expected UTF-8 text\n… and 2 more problem \
                 lines\nteam/actuals.csv: the ledger was left as it is; nothing is recorded until \
                 these lines are fixed",
                "team/actuals.csv:7：不是有效的 UTF-8；应为 UTF-8 文本\n……另有 2 行有问题\n\
                 team/actuals.csv：台账保持原样；这些行改正之前，不会记录任何修改",
            ),
            (
                LedgerError::NeedsUpgrade {
                    path: p(),
                    period: Period::Quarter(2024, 2),
                },
                "team/actuals.csv: this ledger has no period column (a ledger of the first \
                 release), so its rows belong to the year of their time stamp; a value for \
                 2024Q2 cannot be recorded in it. Nothing was recorded. Upgrade it with \
                 `wudang-plan ledger convert` (it adds the column and keeps a backup copy) and \
                 try again",
                "team/actuals.csv：此台账没有 period（期间）列（第一版的台账），其中每行属于其时间戳\
                 所在的年份；无法在其中记录 2024Q2 的值。未记录任何内容。请用 wudang-plan ledger \
                 convert 升级（它会添加该列并保留备份副本）后重试",
            ),
            (
                LedgerError::NothingToUndo {
                    id: "8".into(),
                    what: Some(Field::Status),
                },
                "8: nothing to undo; no status recorded",
                "8：没有可撤销的内容；尚未记录任务状态",
            ),
            (
                LedgerError::InvalidEdit(crate::ledger::entry::id_field(
                    "8.1",
                    Field::Actual,
                    Msg::new(M::LedgerNotActual).arg("found", "5x"),
                )),
                "8.1 actual: `5x` is not an actual; expected a plain decimal (-12.5) or done / \
                 not_done",
                "8.1 实际值：“5x”不是实际完成值；应为普通小数（-12.5）或 done / not_done",
            ),
            (
                LedgerError::DanglingLink {
                    path: p(),
                    target: PathBuf::from("/mnt/share/actuals.csv"),
                },
                "team/actuals.csv: is a symbolic link to /mnt/share/actuals.csv, which does not \
                 exist; expected the ledger file there (was it moved, or is its disk not \
                 mounted?); fix the link, or point --data / WUDANG_PLAN_DATA at the ledger",
                "team/actuals.csv：是指向 /mnt/share/actuals.csv 的符号链接，但目标不存在；那里应是\
                 台账文件（是否被移走了，或其所在磁盘没有挂载？）；请修复该链接，或用 --data / \
                 WUDANG_PLAN_DATA 指向台账",
            ),
        ];
        for (e, en, zh) in cases {
            assert_eq!(e.to_string(), en);
            assert_eq!(e.text(Lang::En), en);
            assert_eq!(e.text(Lang::Zh), zh);
        }
    }

    #[test]
    fn a_conflict_in_both_languages() {
        let c = Conflict {
            id: "8".into(),
            field: Field::Status,
            expected: Some("in_progress".into()),
            found: Some("delayed".into()),
            who: Some("李明".into()),
            when: Stamp::parse("2025-06-01T10:00:02+08:00"),
            line: 3,
            period: None,
        };
        let e = LedgerError::Conflict(Box::new(c.clone()));
        assert_eq!(
            e.to_string(),
            "8 status: changed by 李明 at 2025-06-01T10:00:02+08:00 to `delayed` (you saw \
             `in_progress`); nothing was recorded. Check the new value and set it again if \
             yours should replace it"
        );
        // The status in the Chinese word the command line accepts back.
        assert_eq!(
            e.text(Lang::Zh),
            "8 任务状态：已被 李明 于 2025-06-01T10:00:02+08:00 改为“已延误”（您看到的是“推进中”）；\
             未记录任何内容。请核对新值，如果应以您的值为准，请重新填报"
        );
        let c = Conflict {
            who: None,
            expected: None,
            ..c
        };
        assert_eq!(
            c.to_string(),
            "8 status: changed to `delayed` (you saw nothing); nothing was recorded. Check the \
             new value and set it again if yours should replace it"
        );
        assert!(
            c.msg()
                .text(Lang::Zh)
                .starts_with("8 任务状态：已被改为“已延误”（您看到的是无记录）"),
            "{}",
            c.msg().text(Lang::Zh)
        );
    }

    #[test]
    fn warnings_in_both_languages() {
        let torn = Warning::TornTail {
            path: p(),
            line: 3,
            bytes: 40,
        };
        assert_eq!(
            torn.to_string(),
            "team/actuals.csv:3: the last line (40 bytes) has no line break: it was cut short \
             (a crash or a lost connection while writing) and is ignored; it will be moved \
             aside before the next edit"
        );
        assert_eq!(
            torn.text(Lang::Zh),
            "team/actuals.csv:3：最后一行（40 字节）没有换行符：它在写入时被截断（程序崩溃或连接中断），\
             已被忽略；下次修改前会把它移到别处"
        );
        let moved = Warning::MovedAside {
            path: p(),
            line: 3,
            bytes: 40,
            to: PathBuf::from("team/actuals.csv.torn"),
        };
        assert_eq!(
            moved.text(Lang::En),
            "team/actuals.csv:3: the cut-short last line (40 bytes) was moved to \
             team/actuals.csv.torn"
        );
        assert_eq!(
            moved.text(Lang::Zh),
            "team/actuals.csv:3：被截断的最后一行（40 字节）已移到 team/actuals.csv.torn"
        );
    }
}
