//! Work on every core, in order: the catalog's endpoints built and linted, and the
//! operations of two document sets compared. Each item's work depends on that item alone,
//! so it is a map with no shared state; on the 2-core machines that develop and check this
//! repository, a catalog of 1,000 endpoints is built in a little over half the time one
//! thread takes (docs/performance.md).
//!
//! Scoped threads over a shared counter rather than rayon: the pipeline and the diff engine
//! need one ordered map per step, with no nesting, and this is all of it, without a
//! dependency. Output is in the items' order whatever the number of threads, because each
//! result is put back at its item's index.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `work` applied to each of `items`, in their order, on as many threads as the machine has
/// cores (no more than there are items). Each thread takes the next item as it finishes one,
/// so an endpoint slower than the rest does not hold back a whole share of them. A panic in
/// `work` is raised again here, as a loop would raise it.
pub fn map<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from).min(items.len());
    if threads <= 1 {
        return items.iter().map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(index) else { break done };
                        done.push((index, work(item)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    done.sort_unstable_by_key(|&(index, _)| index);
    done.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    use super::map;

    #[test]
    fn keeps_the_order_of_the_items() {
        // Each item takes a moment, so that every thread takes some of them, in turns.
        let square = |n: &usize| {
            std::thread::sleep(std::time::Duration::from_micros(100));
            n * n
        };
        for count in [0, 1, 2, 3, 200] {
            let items: Vec<usize> = (0..count).collect();
            let squares: Vec<usize> = items.iter().map(|n| n * n).collect();
            assert_eq!(map(&items, square), squares, "{count} items");
        }
    }
}
