//! Results come back in the order jobs finish. Tagging each job with its index lets the
//! collector put the outputs back in input order.

// ANCHOR: in_order
/// Puts (index, output) pairs, received in any order, back in index order. The indices
/// must be 0..n, each exactly once; the number n need not be known in advance.
pub fn in_order<R>(tagged: impl IntoIterator<Item = (usize, R)>) -> Vec<R> {
    let mut slots: Vec<Option<R>> = Vec::new();
    for (index, output) in tagged {
        if index >= slots.len() {
            slots.resize_with(index + 1, || None);
        }
        assert!(slots[index].is_none(), "index {index} came back twice");
        slots[index] = Some(output);
    }
    slots
        .into_iter()
        .enumerate()
        .map(|(index, slot)| slot.unwrap_or_else(|| panic!("index {index} never came back")))
        .collect()
}
// ANCHOR_END: in_order

#[cfg(test)]
mod tests {
    use super::*;
    use crate::worker_pool::lazy::lazy_map;
    use std::thread;
    use std::time::Duration;

    /// "work" that takes 10 ms per character: a long input finishes late.
    fn slow_len(line: String) -> usize {
        thread::sleep(Duration::from_millis(10 * line.len() as u64));
        line.len()
    }

    #[test]
    fn a_pool_returns_results_in_the_order_they_finish() {
        // Input 0 takes 80 ms, input 1 takes 10 ms: on two workers, 1 finishes first.
        let inputs = ["eightchr", "1"].map(String::from).into_iter();
        let finished = lazy_map(inputs, 2, Some(2), slow_len);
        assert_eq!(finished, [(1, 1), (0, 8)]);
        assert_eq!(in_order(finished), [8, 1]);
    }

    #[test]
    fn in_order_restores_any_permutation() {
        assert_eq!(
            in_order([(2, 'c'), (0, 'a'), (3, 'd'), (1, 'b')]),
            ['a', 'b', 'c', 'd']
        );
        assert_eq!(in_order(Vec::<(usize, u8)>::new()), Vec::<u8>::new());
    }

    #[test]
    #[should_panic(expected = "index 1 never came back")]
    fn a_missing_index_is_reported() {
        in_order([(0, 'a'), (2, 'c')]);
    }
}
