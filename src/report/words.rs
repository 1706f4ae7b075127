//! Values and targets as people read them, in the command line's machine
//! words or a UI language ([`Wording`]): `512 亿元`, 已完成, `>= 325 亿元
//! (力争 350)`. The one place the CLI and the UI format them.

use crate::ledger::{Actual, Field};
use crate::plan::{Indicator, Period, Plan};
use crate::vocab::{Lang, Milestone, S, TaskState, Term, Wording};

/// What stands for no value: `-` in machine words, （无） / `(none)` in a
/// language.
pub fn nothing(w: Wording) -> &'static str {
    match w {
        Wording::Machine => "-",
        Wording::Lang(lang) => S::Nothing.get(lang),
    }
}

/// An actual with the indicator's unit: `512 亿元`, `80%`, `2`; a
/// milestone's done / not done in `w`'s words (`not_done`, 未完成).
pub fn actual_text(ind: &Indicator, a: &Actual, w: Wording) -> String {
    match (a, ind.unit.as_deref()) {
        (Actual::Number(d), Some("%")) => format!("{d}%"),
        (Actual::Number(d), Some(u)) => format!("{d} {u}"),
        (Actual::Number(d), None) => d.to_string(),
        (Actual::Done(d), _) => w.word(Milestone::of(*d)).to_string(),
    }
}

/// The actual alone, for a column beside the target (which carries the
/// unit): `512`, 已完成; `-` when nothing is recorded.
pub fn actual_cell(a: Option<&Actual>, w: Wording) -> String {
    match a {
        None => "-".into(),
        Some(Actual::Number(n)) => n.normalize().to_string(),
        Some(Actual::Done(d)) => w.word(Milestone::of(*d)).into(),
    }
}

/// A value of `field` of `id` as the ledger stores it (`v`), for people:
/// an actual with its unit (`512 亿元`), done / not done and task states in
/// `w`'s words (已完成, 已延误), a note as written; [`nothing`] for none.
/// Text that does not parse is shown as it is.
pub fn value_text(plan: &Plan, id: &str, field: Field, v: Option<&str>, w: Wording) -> String {
    let Some(v) = v else {
        return nothing(w).to_string();
    };
    match field {
        Field::Actual => match (plan.indicator(id), Actual::from_ledger(v)) {
            (_, Some(Actual::Done(d))) => w.word(Milestone::of(d)).to_string(),
            (Some(ind), Some(a)) => actual_text(ind, &a, w),
            _ => v.to_string(),
        },
        Field::Status => match TaskState::from_machine(v) {
            Some(t) => w.word(t).to_string(),
            None => v.to_string(),
        },
        Field::Note => v.to_string(),
    }
}

/// A period as people read it: `2024`, `2024Q2`, `2024-06` in machine
/// words and English; 2024年, 2024年二季度, 2024年6月 in Chinese. Each is
/// accepted back where a period is typed (`--period`, the UI's editor).
pub fn period_text(p: Period, w: Wording) -> String {
    match (w, p) {
        (Wording::Lang(Lang::Zh), Period::Year(y)) => format!("{y}年"),
        (Wording::Lang(Lang::Zh), Period::Quarter(y, q)) => {
            let n = ["一", "二", "三", "四"];
            format!("{y}年{}季度", n[usize::from(q.clamp(1, 4)) - 1])
        }
        (Wording::Lang(Lang::Zh), Period::Month(y, m)) => format!("{y}年{m}月"),
        _ => p.to_string(),
    }
}

/// The target as people read it: `>= 500 亿元`, `~ 80%`, `<= 2`; with
/// `stretch`, its stretch target too: `>= 325 亿元 (力争 350)`. A
/// milestone's is `done` (machine words) or 完成 / `done`. The command line
/// writes the plan's own word for the stretch target, 力争.
pub fn target_text(ind: &Indicator, stretch: bool, w: Wording) -> String {
    let (done, stretch_word) = match w {
        Wording::Machine => (Milestone::Done.machine(), S::Stretch.get(Lang::Zh)),
        Wording::Lang(lang) => (S::TargetDone.get(lang), S::Stretch.get(lang)),
    };
    let Some(mut s) = ind.target_text() else {
        return done.to_string();
    };
    if let Some(st) = ind.stretch.filter(|_| stretch) {
        s.push_str(&format!(" ({stretch_word} {})", st.normalize()));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn plan() -> Plan {
        crate::plan::load_embedded().unwrap()
    }

    const ZH: Wording = Wording::Lang(Lang::Zh);
    const EN: Wording = Wording::Lang(Lang::En);
    const MACHINE: Wording = Wording::Machine;

    #[test]
    fn actuals_with_their_unit() {
        let p = plan();
        let ind = |id: &str| p.indicator(id).unwrap();
        let a = Actual::Number(Decimal::from(512));
        assert_eq!(ind("8.1").unit.as_deref(), Some("亿元"));
        assert_eq!(actual_text(ind("8.1"), &a, MACHINE), "512 亿元");
        assert_eq!(ind("8.4").unit.as_deref(), Some("%"));
        assert_eq!(actual_text(ind("8.4"), &a, ZH), "512%");
        let m = p.indicators.iter().find(|i| i.is_milestone()).unwrap();
        assert_eq!(actual_text(m, &Actual::Done(false), MACHINE), "not_done");
        assert_eq!(actual_text(m, &Actual::Done(false), ZH), "未完成");
        assert_eq!(actual_text(m, &Actual::Done(true), EN), "done");
    }

    #[test]
    fn periods_in_chinese_parse_back() {
        let cases = [
            (Period::Year(2024), "2024年"),
            (Period::Quarter(2024, 2), "2024年二季度"),
            (Period::Quarter(2025, 4), "2025年四季度"),
            (Period::Month(2024, 6), "2024年6月"),
            (Period::Month(2024, 12), "2024年12月"),
        ];
        for (p, zh) in cases {
            assert_eq!(period_text(p, ZH), zh);
            assert_eq!(Period::parse(zh), Ok(p), "{zh}");
            assert_eq!(period_text(p, EN), p.to_string());
            assert_eq!(period_text(p, MACHINE), p.to_string());
        }
    }

    #[test]
    fn actual_cells_have_no_unit() {
        let n = Actual::Number(Decimal::new(51250, 2));
        assert_eq!(actual_cell(Some(&n), ZH), "512.5");
        assert_eq!(actual_cell(Some(&Actual::Done(true)), ZH), "已完成");
        assert_eq!(actual_cell(None, EN), "-");
    }

    #[test]
    fn stored_values_in_each_wording() {
        let p = plan();
        let m = &p.indicators.iter().find(|i| i.is_milestone()).unwrap().id();
        let v = |id: &str, f, s, w| value_text(&p, id, f, s, w);
        assert_eq!(v("8.1", Field::Actual, Some("512"), MACHINE), "512 亿元");
        assert_eq!(v("8.1", Field::Actual, Some("512"), ZH), "512 亿元");
        assert_eq!(v(m, Field::Actual, Some("done"), MACHINE), "done");
        assert_eq!(v(m, Field::Actual, Some("done"), ZH), "已完成");
        assert_eq!(v("99.9", Field::Actual, Some("not_done"), EN), "not done");
        assert_eq!(v("99.9", Field::Actual, Some("512"), ZH), "512");
        assert_eq!(v("8", Field::Status, Some("delayed"), MACHINE), "delayed");
        assert_eq!(v("8", Field::Status, Some("delayed"), ZH), "已延误");
        assert_eq!(v("8", Field::Status, Some("odd"), ZH), "odd");
        assert_eq!(v("8", Field::Note, Some("done"), ZH), "done");
        assert_eq!(v("8", Field::Note, None, MACHINE), "-");
        assert_eq!(v("8", Field::Note, None, ZH), "（无）");
        assert_eq!(v("8", Field::Note, None, EN), "(none)");
    }

    #[test]
    fn targets_in_each_wording() {
        let p = plan();
        let ind = |id: &str| p.indicator(id).unwrap();
        // 0.1: 地区生产总值 325 亿元, 力争 350.
        assert_eq!(
            target_text(ind("0.1"), true, MACHINE),
            ">= 325 亿元 (力争 350)"
        );
        assert_eq!(
            target_text(ind("0.1"), true, EN),
            ">= 325 亿元 (stretch 350)"
        );
        assert_eq!(target_text(ind("0.1"), false, ZH), ">= 325 亿元");
        assert_eq!(target_text(ind("8.4"), true, ZH), ">= 22%");
        let m = p.indicators.iter().find(|i| i.is_milestone()).unwrap();
        assert_eq!(target_text(m, true, MACHINE), "done");
        assert_eq!(target_text(m, true, ZH), "完成");
    }
}
