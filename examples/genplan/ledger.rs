//! The ledger half of the generator: `rows` rows of history, in time
//! order from the plan's first year to its last, each row's `old` the
//! value recorded before it for its id, field and period (so `ledger
//! check` finds no broken chain). Mixed: about 75 % actuals (years,
//! quarters, months, late corrections of the year before, milestones
//! done / not done, a few undos), 10 % task statuses, 15 % notes.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;

use super::seeds::{END, NOTES, Rng, START, STATES, USERS, Written};

/// Seconds from 2021-01-04 09:00 to 2025-12-30 18:00, local time.
const FIRST_DAY: i64 = 18_631; // 2021-01-04, days since 1970-01-01
const SPAN: i64 = (1821 * 24 + 9) * 3600;

/// The last value recorded for one (indicator, period), and the last row
/// (its `old`, row number and user) that an undo would revert.
#[derive(Default, Clone, Copy)]
struct Slot {
    value: Option<i64>,
    undoable: Option<(Option<i64>, usize, usize)>,
}

/// (year, month, day) of a day count since 1970-01-01 (H. Hinnant's
/// `civil_from_days`).
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Row `i` of `n`: its time stamp text, year and month.
fn stamp(i: usize, n: usize) -> (String, i64, i64) {
    let secs = SPAN * i as i64 / n.max(1) as i64;
    let (y, m, d) = civil(FIRST_DAY + secs / 86_400);
    // Working hours only: 09:00 plus the second of the day scaled to 9 h.
    let day = (secs % 86_400) * 9 / 24;
    let (hh, mm, ss) = (9 + day / 3600, day / 60 % 60, day % 60);
    (
        format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}+08:00"),
        y,
        m,
    )
}

/// A period begun by (year, month): the year, a quarter or month of it
/// so far, or the year before (a late correction; 2020 is the baseline).
fn period(rng: &mut Rng, y: i64, m: i64) -> (u32, String) {
    let q = (m - 1) / 3 + 1;
    match rng.below(20) {
        0..=7 => (y as u32 * 64, y.to_string()),
        8..=12 => {
            let q = 1 + rng.below(q as usize) as i64;
            (y as u32 * 64 + 12 + q as u32, format!("{y}Q{q}"))
        }
        13..=16 => {
            let m = (m - rng.below(3) as i64).max(1);
            (y as u32 * 64 + 16 + m as u32, format!("{y}-{m:02}"))
        }
        _ => ((y as u32 - 1) * 64, (y - 1).to_string()),
    }
}

/// An indicator's value text (hundredths, or 1 / 0 for done / not done).
fn shown(milestone: bool, v: Option<i64>) -> String {
    match (milestone, v) {
        (_, None) => String::new(),
        (true, Some(1)) => "done".into(),
        (true, Some(_)) => "not_done".into(),
        (false, Some(h)) => super::seeds::decimal(h),
    }
}

/// Writes the ledger (UTF-8 with BOM, CRLF, the period column) to `path`.
pub fn write_ledger(path: &Path, plan: &Written, rows: usize, seed: u64) -> io::Result<()> {
    let mut w = io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    w.write_all("\u{feff}time,user,id,field,value,old,note,period\r\n".as_bytes())?;
    let mut rng = Rng::new(seed ^ 0x1ed9e7);
    let mut slots: HashMap<u64, Slot> = HashMap::new();
    let mut states: Vec<Option<usize>> = vec![None; plan.tasks.len()];
    let mut notes: Vec<Option<usize>> = vec![None; plan.inds.len() + plan.tasks.len()];
    let users = USERS.len().min(3 + plan.tasks.len() / 100).max(3);
    for i in 0..rows {
        let (time, y, m) = stamp(i, rows);
        let user = rng.below(users);
        let u = USERS[user];
        let roll = rng.below(100);
        if roll < 75 && !plan.inds.is_empty() {
            let ix = rng.below(plan.inds.len());
            let (code, p) = period(&mut rng, y, m);
            let slot = slots
                .entry(((ix as u64) << 20) | u64::from(code))
                .or_default();
            let ind = &plan.inds[ix];
            let (value, remark) = match slot.undoable {
                Some((old, at, by)) if rng.chance(3) => {
                    let remark = format!(
                        "undo of the change at {} by {}",
                        stamp(at, rows).0,
                        USERS[by]
                    );
                    slot.undoable = None;
                    (old, remark)
                }
                _ => {
                    let v = next_value(&mut rng, ind, slot.value, y, m);
                    slot.undoable = Some((slot.value, i, user));
                    let remark = if rng.chance(8) {
                        NOTES[rng.below(NOTES.len())].to_string()
                    } else {
                        String::new()
                    };
                    (Some(v), remark)
                }
            };
            let old = shown(ind.milestone, slot.value);
            let new = shown(ind.milestone, value);
            slot.value = value;
            write!(
                w,
                "{time},{u},{},actual,{new},{old},{remark},{p}\r\n",
                ind.id
            )?;
        } else if roll < 85 {
            status_row(&mut w, &mut rng, &mut states, &plan.tasks, (&time, u))?;
        } else {
            note_row(&mut w, &mut rng, &mut notes, plan, (&time, u))?;
        }
    }
    w.flush()
}

/// A task status row: another state than the task has.
fn status_row(
    w: &mut impl Write,
    rng: &mut Rng,
    states: &mut [Option<usize>],
    tasks: &[String],
    (time, u): (&str, &str),
) -> io::Result<()> {
    let t = rng.below(states.len());
    let old = states[t];
    let mut s = 1 + rng.below(STATES.len() - 1);
    if Some(s) == old {
        s = if s == 1 { 2 } else { 1 };
    }
    states[t] = Some(s);
    let old = old.map_or("", |o| STATES[o]);
    write!(
        w,
        "{time},{u},{},status,{},{old},,\r\n",
        tasks[t], STATES[s]
    )
}

/// A note row on an indicator or a task: another note than it has.
fn note_row(
    w: &mut impl Write,
    rng: &mut Rng,
    notes: &mut [Option<usize>],
    plan: &Written,
    (time, u): (&str, &str),
) -> io::Result<()> {
    let k = rng.below(notes.len());
    let id = match plan.inds.get(k) {
        Some(ind) => ind.id.as_str(),
        None => plan.tasks[k - plan.inds.len()].as_str(),
    };
    let old = notes[k];
    let mut n = rng.below(NOTES.len());
    if Some(n) == old {
        n = (n + 1) % NOTES.len();
    }
    notes[k] = Some(n);
    let old = old.map_or("", |o| NOTES[o]);
    write!(w, "{time},{u},{id},note,{},{old},,\r\n", NOTES[n])
}

/// A plausible next value: about the target scaled by how far the plan
/// is, ±8 %; a milestone turns done more often as the years pass, and
/// never records the value it already has.
fn next_value(rng: &mut Rng, ind: &super::seeds::Ind, now: Option<i64>, y: i64, m: i64) -> i64 {
    let months = (y - i64::from(START)) * 12 + m;
    let total = i64::from(END - START + 1) * 12;
    if ind.milestone {
        let done = (rng.below(total as usize) as i64) < months;
        let v = i64::from(done);
        return if now == Some(v) { 1 - v } else { v };
    }
    // Per mille of the target: 400 → 1000 over the plan (lower-better:
    // 1400 → 1000), then noise.
    let base = if ind.lower_better {
        1400 - 400 * months / total
    } else {
        400 + 600 * months / total
    };
    let noise = rng.below(161) as i64 - 80;
    let v = ind.target * (base + noise) / 1000;
    if now == Some(v) { v + 1 } else { v }
}
