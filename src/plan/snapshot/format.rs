//! The plan snapshot's bytes (version 1): a magic line, the format
//! version, the program's version, the hash of the seed files it was made
//! from, the plan, and a hash of everything before it ([`Digest`]).
//! Integers and strings as `crate::binfmt` writes them, decimals
//! their 16 bytes (`rust_decimal`'s own, scale kept). The texts that
//! indicators share (task, row, unit) are one table, referred to by
//! position, so they are shared again when read back. Anything that does
//! not decode exactly is no snapshot (`None`), never an error: the seeds
//! are then parsed.

use std::io::Read;
use std::sync::Arc;

use foldhash::{HashMap, HashMapExt};
use rust_decimal::Decimal;

use crate::binfmt;
pub(super) use crate::binfmt::{Digest, Out, Sum};
use crate::plan::model::{
    Better, ByTask, Comparison, Defaults, Group, Indicator, NewIndicator, Owner, Parts, Plan, Row,
    Task,
};
use crate::plan::{Kind, PlanPeriod};

/// The file's first bytes.
pub(super) const MAGIC: &[u8; 8] = b"WDPSNAP\n";
/// Bumped whenever the layout changes: another version is rebuilt.
pub(super) const VERSION: u32 = 1;
/// The program that wrote it: a snapshot of another build is rebuilt
/// (what a plan means may change with the program, e.g. a default).
pub(super) const PROGRAM: &str = env!("CARGO_PKG_VERSION");

/// The plan snapshot's reader: hashed with [`Digest`].
pub(super) type In<R> = binfmt::In<R, Digest>;

fn put_decimal(out: &mut Out, d: Option<Decimal>) {
    match d {
        None => out.u8(0),
        Some(d) => {
            out.u8(1);
            out.buf.extend_from_slice(&d.serialize());
        }
    }
}

fn decimal(r: &mut In<impl Read>) -> Option<Option<Decimal>> {
    match r.u8()? {
        0 => Some(None),
        1 => {
            let b: [u8; 16] = r.take(16)?.try_into().ok()?;
            // `deserialize` takes any bytes; a scale past 28 is not a
            // decimal this program wrote.
            let d = Decimal::deserialize(b);
            (d.scale() <= 28 && b[0] == 0 && b[1] == 0 && b[3] & 0x7f == 0).then_some(Some(d))
        }
        _ => None,
    }
}

/// The plan's bytes after the header: period, defaults, groups, tasks,
/// rows, the shared texts, indicators.
pub(super) fn encode_plan(out: &mut Out, plan: &Plan) {
    out.int(i64::from(plan.period.start));
    out.int(i64::from(plan.period.end));
    out.u8(u8::from(plan.defaults.period));
    out.uint(plan.defaults.kinds as u64);
    out.uint(plan.groups.len() as u64);
    for g in &plan.groups {
        out.uint(u64::from(g.id));
        out.str(&g.title);
    }
    out.uint(plan.tasks.len() as u64);
    for t in &plan.tasks {
        out.str(&t.id);
        out.uint(u64::from(t.group));
        out.str(&t.title);
        out.str(&t.text);
        out.strs(&t.units);
    }
    out.uint(plan.rows.len() as u64);
    for r in &plan.rows {
        encode_row(out, r);
    }
    // The texts indicators share, each once, by first use.
    let mut shared: HashMap<&str, u64> = HashMap::new();
    let mut table: Vec<&str> = Vec::new();
    let mut refs = Vec::with_capacity(plan.indicators.len() * 3);
    for i in &plan.indicators {
        for s in [Some(&*i.task), Some(&*i.row), i.unit.as_deref()] {
            refs.push(s.map_or(0, |s| {
                1 + *shared.entry(s).or_insert_with(|| {
                    table.push(s);
                    table.len() as u64 - 1
                })
            }));
        }
    }
    out.strs(&table);
    out.uint(plan.indicators.len() as u64);
    for (i, r) in plan.indicators.iter().zip(refs.chunks_exact(3)) {
        let (texts, [name_at, source_at]) = i.joined();
        out.str(texts);
        out.uint(u64::from(name_at));
        out.uint(u64::from(source_at));
        for &k in r {
            out.uint(k);
        }
        out.u8(comparison_code(i.comparison));
        put_decimal(out, i.target);
        put_decimal(out, i.stretch);
        out.u8(u8::from(i.better == Better::Lower));
        out.int(i64::from(i.deadline));
        out.u8(kind_code(i.kind));
    }
    let (by_id, by_task) = plan.kept_indexes();
    out.uint(by_id.len() as u64);
    for &p in by_id {
        out.uint(u64::from(p));
    }
    for b in by_task {
        // Each task's count, then the items.
        out.uint(b.starts.len() as u64);
        for w in b.starts.windows(2) {
            out.uint((w[1] - w[0]) as u64);
        }
        out.uint(b.items.len() as u64);
        for &i in &b.items {
            out.uint(i as u64);
        }
    }
}

/// A task's runs of items (see [`encode_plan`]).
fn decode_by_task(r: &mut In<impl Read>) -> Option<ByTask> {
    let n = r.count()?;
    let mut starts = Vec::with_capacity(n);
    let mut at = 0usize;
    if n > 0 {
        starts.push(0);
    }
    for _ in 1..n {
        at = at.checked_add(usize::try_from(r.uint()?).ok()?)?;
        starts.push(at);
    }
    let n = r.count()?;
    let mut items = Vec::with_capacity(n);
    for _ in 0..n {
        items.push(usize::try_from(r.uint()?).ok()?);
    }
    Some(ByTask { starts, items })
}

fn encode_row(out: &mut Out, r: &Row) {
    out.str(&r.id);
    out.str(&r.task);
    out.str(&r.title);
    out.str(&r.target);
    out.strs(&r.leaders);
    out.uint(r.owners.len() as u64);
    for o in &r.owners {
        out.str(&o.unit);
        out.str(&o.person);
    }
}

/// The plan read back (see [`encode_plan`]), with the indexes it kept.
pub(super) fn decode_plan(r: &mut In<impl Read>) -> Option<Plan> {
    let period = PlanPeriod::new(r.small()?, r.small()?)?;
    let defaults = Defaults {
        period: bool_of(r.u8()?)?,
        kinds: usize::try_from(r.uint()?).ok()?,
    };
    let n = r.count()?;
    let mut groups = Vec::with_capacity(n);
    for _ in 0..n {
        groups.push(Group {
            id: r.u32()?,
            title: r.str()?,
        });
    }
    let n = r.count()?;
    let mut tasks = Vec::with_capacity(n);
    for _ in 0..n {
        tasks.push(Task {
            id: r.str()?,
            group: r.u32()?,
            title: r.str()?,
            text: r.str()?,
            units: r.strs()?,
        });
    }
    let n = r.count()?;
    let mut rows = Vec::with_capacity(n);
    for _ in 0..n {
        rows.push(decode_row(r)?);
    }
    let table: Vec<Arc<str>> = (0..r.count()?)
        .map(|_| r.text().map(Arc::from))
        .collect::<Option<_>>()?;
    let n = r.count()?;
    let mut indicators = Vec::with_capacity(n);
    for _ in 0..n {
        indicators.push(decode_indicator(r, &table)?);
    }
    let n = r.count()?;
    let mut by_id = Vec::with_capacity(n);
    for _ in 0..n {
        by_id.push(r.u32()?);
    }
    let by_task = [decode_by_task(r)?, decode_by_task(r)?];
    let parts = Parts {
        groups,
        tasks,
        rows,
        indicators,
    };
    let mut plan = Plan::from_kept(parts, by_id, by_task)?;
    plan.period = period;
    plan.defaults = defaults;
    Some(plan)
}

fn decode_row(r: &mut In<impl Read>) -> Option<Row> {
    let (id, task, title, target) = (r.str()?, r.str()?, r.str()?, r.str()?);
    let leaders = r.strs()?;
    let n = r.count()?;
    let mut owners = Vec::with_capacity(n);
    for _ in 0..n {
        owners.push(Owner {
            unit: r.str()?,
            person: r.str()?,
        });
    }
    Some(Row {
        id,
        task,
        title,
        target,
        leaders,
        owners,
    })
}

fn decode_indicator(r: &mut In<impl Read>, table: &[Arc<str>]) -> Option<Indicator> {
    let texts: Box<str> = r.text()?.into();
    let at = [r.u32()?, r.u32()?];
    let shared = |r: &mut In<_>| -> Option<Option<Arc<str>>> {
        match usize::try_from(r.uint()?).ok()? {
            0 => Some(None),
            k => table.get(k - 1).cloned().map(Some),
        }
    };
    let task = shared(r)??;
    let row = shared(r)??;
    let unit = shared(r)?;
    let fields = NewIndicator {
        id: "",
        task,
        row,
        unit,
        name: "",
        comparison: comparison_of(r.u8()?)?,
        target: decimal(r)?,
        stretch: decimal(r)?,
        better: if bool_of(r.u8()?)? {
            Better::Lower
        } else {
            Better::Higher
        },
        deadline: r.small()?,
        source: "",
        kind: *Kind::ALL.get(usize::from(r.u8()?))?,
    };
    Indicator::from_joined(texts, at, fields)
}

fn bool_of(b: u8) -> Option<bool> {
    match b {
        0 => Some(false),
        1 => Some(true),
        _ => None,
    }
}

const COMPARISONS: [Comparison; 4] = [
    Comparison::AtLeast,
    Comparison::AtMost,
    Comparison::About,
    Comparison::Done,
];

fn comparison_code(c: Comparison) -> u8 {
    COMPARISONS.iter().position(|&x| x == c).unwrap_or(0) as u8
}

fn comparison_of(b: u8) -> Option<Comparison> {
    COMPARISONS.get(usize::from(b)).copied()
}

fn kind_code(k: Kind) -> u8 {
    Kind::ALL.iter().position(|&x| x == k).unwrap_or(0) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_read_back_with_their_scale_and_garbage_does_not() {
        let mut out = Out::default();
        let ds = [None, Some(Decimal::new(1550, 2)), Some(Decimal::new(-3, 0))];
        for d in ds {
            put_decimal(&mut out, d);
        }
        out.u8(1);
        out.buf.extend_from_slice(&[0xff; 16]);
        let mut r = In::new(&out.buf[..], out.buf.len() as u64);
        for d in ds {
            let got = decimal(&mut r).unwrap();
            assert_eq!(got, d);
            assert_eq!(got.map(|d| d.to_string()), d.map(|d| d.to_string()));
        }
        assert_eq!(decimal(&mut r), None);
    }
}
