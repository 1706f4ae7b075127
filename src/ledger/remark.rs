//! The remark an undo row carries, `undo of the change at TIME by USER`:
//! made in one place ([`undo_of`]) and read back in one place
//! ([`read_undo`]), so the UI can word it in its own language. The stored
//! form stays English, as ledgers written so far have it and the command
//! line's `history` prints it.

use super::entry::Stamp;

const PREFIX: &str = "undo of the change at ";
const BY: &str = " by ";

/// The remark of an undo of the change `who` made at `time`.
pub fn undo_of(time: Stamp, who: &str) -> String {
    format!("{PREFIX}{time}{BY}{who}")
}

/// When and by whom the change an undo's remark names was made; `None`
/// for any other remark.
pub fn read_undo(remark: &str) -> Option<(Stamp, &str)> {
    let rest = remark.strip_prefix(PREFIX)?;
    let (time, who) = rest.split_once(BY)?;
    Some((Stamp::parse(time)?, who))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_undo_remark_reads_back() {
        let t = Stamp::parse("2025-07-02T00:00:00+08:00").unwrap();
        let r = undo_of(t, "wang by fang");
        assert_eq!(
            r,
            "undo of the change at 2025-07-02T00:00:00+08:00 by wang by fang"
        );
        assert_eq!(read_undo(&r), Some((t, "wang by fang")));
        assert_eq!(read_undo("二季度统计快报"), None);
        assert_eq!(read_undo("undo of the change at yesterday by bob"), None);
    }
}
