//! Work spread over a few threads, one per core, the results in order
//! (the city's plans loaded and joined: `city::merge`, `plan::model`'s
//! join). Imports no layer.

/// `f` of each item, in the items' order, each run of items on a scoped
/// thread of its own (as many as cores, at most one per item). An item
/// whose thread panicked gives `None`.
pub(crate) fn map<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<Option<R>> {
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, items.len().max(1));
    let per = items.len().div_ceil(threads).max(1);
    let mut runs: Vec<Vec<T>> = Vec::new();
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        runs.push(items.by_ref().take(per).collect());
    }
    let f = &f;
    std::thread::scope(|s| {
        let jobs: Vec<_> = runs
            .into_iter()
            .map(|run| {
                let n = run.len();
                (
                    n,
                    s.spawn(move || run.into_iter().map(f).collect::<Vec<_>>()),
                )
            })
            .collect();
        jobs.into_iter()
            .flat_map(|(n, j)| match j.join() {
                Ok(done) => done.into_iter().map(Some).collect::<Vec<_>>(),
                Err(_) => (0..n).map(|_| None).collect(),
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_come_in_the_items_order() {
        let v: Vec<u32> = (0..37).collect();
        let got = super::map(v, |x| x * 2);
        assert_eq!(got, (0..37).map(|x| Some(x * 2)).collect::<Vec<_>>());
        assert!(super::map(Vec::<u32>::new(), |x| x).is_empty());
    }
}
