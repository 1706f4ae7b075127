//! The columns of an export, in order, with their machine names (the
//! header written) and their 中文 names (also read on import), and a
//! header read by name: any order, unknown columns ignored, a column named
//! twice refused.

use crate::vocab::{M, Msg};
use std::collections::HashMap;

/// A column of the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// `#` and the indicator id (`#0.10`): text a spreadsheet keeps as it
    /// is, where it reads the id `0.10` as the number 0.1.
    Key,
    Id,
    Group,
    Task,
    TaskTitle,
    Name,
    Unit,
    Comparison,
    Target,
    Stretch,
    Deadline,
    /// The period of the actual (read on import).
    Period,
    /// The current actual (read on import).
    Actual,
    Expected,
    Light,
    /// The indicator's status (met, missed…).
    Status,
    /// The task's status, on every row of its indicators (read on import).
    TaskStatus,
    /// The indicator's standing note (read on import).
    Note,
    Leaders,
    Units,
    Persons,
    /// When and by whom the indicator last changed.
    Changed,
    ChangedBy,
    /// The ledger's last line when the row was exported: an import tells
    /// the rows appended since (others' changes) from what the row saw.
    LedgerLine,
}

impl Column {
    /// Every column, in the order written.
    pub const ALL: [Column; 24] = [
        Column::Key,
        Column::Id,
        Column::Group,
        Column::Task,
        Column::TaskTitle,
        Column::Name,
        Column::Unit,
        Column::Comparison,
        Column::Target,
        Column::Stretch,
        Column::Deadline,
        Column::Period,
        Column::Actual,
        Column::Expected,
        Column::Light,
        Column::Status,
        Column::TaskStatus,
        Column::Note,
        Column::Leaders,
        Column::Units,
        Column::Persons,
        Column::Changed,
        Column::ChangedBy,
        Column::LedgerLine,
    ];

    /// The columns an import reads values from (the others identify the
    /// row or are for reading only).
    pub const EDITABLE: [Column; 4] = [
        Column::Period,
        Column::Actual,
        Column::TaskStatus,
        Column::Note,
    ];

    /// The header written (and read).
    pub fn name(self) -> &'static str {
        self.names().0
    }

    /// The 中文 name, read on import as well.
    pub fn zh(self) -> &'static str {
        self.names().1
    }

    fn names(self) -> (&'static str, &'static str) {
        match self {
            Column::Key => ("key", "编号键"),
            Column::Id => ("id", "编号"),
            Column::Group => ("group", "任务组"),
            Column::Task => ("task", "任务编号"),
            Column::TaskTitle => ("task_title", "任务"),
            Column::Name => ("name", "指标"),
            Column::Unit => ("unit", "单位"),
            Column::Comparison => ("comparison", "比较"),
            Column::Target => ("target", "目标值"),
            Column::Stretch => ("stretch", "力争值"),
            Column::Deadline => ("deadline", "期限"),
            Column::Period => ("period", "报告期"),
            Column::Actual => ("actual", "实际值"),
            Column::Expected => ("expected", "序时进度"),
            Column::Light => ("light", "亮灯"),
            Column::Status => ("status", "指标状态"),
            Column::TaskStatus => ("task_status", "任务状态"),
            Column::Note => ("note", "备注"),
            Column::Leaders => ("leaders", "责任领导"),
            Column::Units => ("units", "责任单位"),
            Column::Persons => ("persons", "责任人"),
            Column::Changed => ("changed", "最近修改"),
            Column::ChangedBy => ("changed_by", "修改人"),
            Column::LedgerLine => ("ledger_line", "台账行号"),
        }
    }

    /// The column a header cell names: its machine name (any ASCII case)
    /// or its 中文 name, surrounding spaces ignored.
    pub fn parse(header: &str) -> Option<Column> {
        let h = header.trim().trim_matches('\u{3000}');
        Column::ALL
            .into_iter()
            .find(|c| h.eq_ignore_ascii_case(c.name()) || h == c.zh())
    }
}

/// Where each known column is in a sheet's header, and its name as the
/// header writes it (for messages).
#[derive(Debug, Clone, Default)]
pub struct Header {
    at: HashMap<Column, (usize, String)>,
}

impl Header {
    /// Reads a header row: each cell naming a column is taken, others are
    /// ignored. A column named twice (`actual` and `实际值`) is an error
    /// naming both positions.
    pub fn read<S: AsRef<str>>(cells: &[S]) -> Result<Header, Msg> {
        let mut at: HashMap<Column, (usize, String)> = HashMap::new();
        for (i, cell) in cells.iter().enumerate() {
            let Some(col) = Column::parse(cell.as_ref()) else {
                continue;
            };
            if let Some((j, first)) = at.get(&col) {
                return Err(Msg::new(M::SheetColumnTwice)
                    .arg("column", col.name())
                    .arg("i", j + 1)
                    .arg("first", first)
                    .arg("j", i + 1)
                    .arg("second", cell.as_ref().trim()));
            }
            at.insert(col, (i, cell.as_ref().trim().to_string()));
        }
        Ok(Header { at })
    }

    /// True when the header has `col`.
    pub fn has(&self, col: Column) -> bool {
        self.at.contains_key(&col)
    }

    /// The cell of `col` in `cells` (`None`: no such column; a row shorter
    /// than the header gives an empty cell).
    pub fn get<'c, S: AsRef<str>>(&self, col: Column, cells: &'c [S]) -> Option<&'c str> {
        let (i, _) = self.at.get(&col)?;
        Some(cells.get(*i).map_or("", |c| c.as_ref()))
    }

    /// The column's name as the header writes it (`实际值`, `actual`).
    pub fn label(&self, col: Column) -> &str {
        self.at.get(&col).map_or(col.name(), |(_, s)| s.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_read_back() {
        let mut seen = std::collections::HashSet::new();
        for c in Column::ALL {
            assert!(seen.insert(c.name()), "{}", c.name());
            assert!(seen.insert(c.zh()), "{}", c.zh());
            assert_eq!(Column::parse(c.name()), Some(c));
            assert_eq!(Column::parse(c.zh()), Some(c));
            assert_eq!(
                Column::parse(&format!(" {} ", c.name().to_uppercase())),
                Some(c)
            );
        }
        assert_eq!(Column::parse("实际"), None);
    }

    #[test]
    fn a_header_is_read_by_name_in_any_order() {
        let h = Header::read(&["备注", "extra", "KEY", "actual"]).unwrap();
        assert!(h.has(Column::Note) && h.has(Column::Key) && !h.has(Column::Period));
        let row = ["n", "x", "#8.1"];
        assert_eq!(h.get(Column::Key, &row), Some("#8.1"));
        assert_eq!(h.get(Column::Actual, &row), Some(""), "short row");
        assert_eq!(h.get(Column::Period, &row), None);
        assert_eq!(h.label(Column::Note), "备注");
        assert_eq!(h.label(Column::Period), "period");
        let err = Header::read(&["actual", "id", "实际值"]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "column `actual` appears twice in the header (column 1 `actual` and column 3 \
             `实际值`); expected it once"
        );
    }
}
