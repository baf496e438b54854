//! Two actors that send to each other through bounded inboxes can deadlock: each one
//! blocks on a full inbox that only the other could empty.

use crossbeam_channel::{bounded, never, select, unbounded};
use std::thread;

// ANCHOR: cyclic
/// What the front actor receives: work from outside, and reports from the store.
enum ToFront {
    Batch(Vec<u32>),
    Saved(u32),
}

/// DON'T: front -> store -> front is a cycle, and both inboxes are bounded.
/// Returns the ids the store reported saved, in the order the front heard of them.
/// (`inbox_capacity` must be at least 1: the batch is queued before the front starts.)
pub fn run_cyclic(batch: u32, inbox_capacity: usize) -> Vec<u32> {
    let (front_tx, front_rx) = bounded::<ToFront>(inbox_capacity);
    let (store_tx, store_rx) = bounded::<u32>(inbox_capacity);

    // The store: saves each id it is sent, then reports back to the front.
    let report = front_tx.clone();
    thread::spawn(move || {
        for id in store_rx {
            if report.send(ToFront::Saved(id)).is_err() {
                break;
            }
        }
    });

    // The outside world sends one batch of work.
    front_tx.send(ToFront::Batch((0..batch).collect())).unwrap();
    drop(front_tx);

    // The front: hands each id of a batch to the store, and collects the reports.
    let mut saved = Vec::new();
    while saved.len() < batch as usize {
        match front_rx.recv().unwrap() {
            ToFront::Batch(ids) => {
                for id in ids {
                    store_tx.send(id).unwrap(); // blocks while the store's inbox is full
                }
            }
            ToFront::Saved(id) => saved.push(id),
        }
    }
    saved
}
// ANCHOR_END: cyclic

// ANCHOR: broken_cycle
/// DO: the reports travel on their own channel, and it is unbounded, so the store never
/// blocks on the front: the cycle has an edge that cannot fill up. The reports cannot pile
/// up without limit either: each answers an id that came through the store's bounded inbox.
pub fn run_acyclic(batch: u32, inbox_capacity: usize) -> Vec<u32> {
    let (work_tx, mut work_rx) = bounded::<Vec<u32>>(inbox_capacity);
    let (store_tx, store_rx) = bounded::<u32>(inbox_capacity);
    let (report_tx, report_rx) = unbounded::<u32>();

    thread::spawn(move || {
        for id in store_rx {
            if report_tx.send(id).is_err() {
                break;
            }
        }
    });

    work_tx.send((0..batch).collect()).unwrap();
    drop(work_tx);

    let mut saved = Vec::new();
    while saved.len() < batch as usize {
        select! {
            recv(work_rx) -> ids => match ids {
                Ok(ids) => ids.into_iter().for_each(|id| store_tx.send(id).unwrap()),
                Err(_) => work_rx = never(), // no more work: stop selecting on this channel
            },
            recv(report_rx) -> id => saved.push(id.unwrap()),
        }
    }
    saved
}
// ANCHOR_END: broken_cycle

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::finishes_within;
    use std::time::Duration;

    // Without a deadlock, every call below takes well under a millisecond. The deadlock
    // does not depend on timing (see the next test), so a short wait is a verdict, not a race.
    const STUCK_AFTER: Duration = Duration::from_millis(200);
    const FINISHES_WITHIN: Duration = Duration::from_secs(2);

    #[test]
    fn the_cycle_of_bounded_inboxes_deadlocks() {
        let outcome = finishes_within(STUCK_AFTER, || run_cyclic(10, 1));
        assert!(
            outcome.is_none(),
            "expected a deadlock, but it finished: {outcome:?}"
        );
    }

    #[test]
    fn the_deadlock_starts_at_two_capacities_plus_two() {
        // With capacity c, the front can hand the store at most 2c + 1 ids without reading
        // its own inbox: c reports waiting there, 1 id in the store's hands, c in its inbox.
        for c in 1..=2 {
            let fits = 2 * c as u32 + 1;
            let saved = finishes_within(FINISHES_WITHIN, move || run_cyclic(fits, c))
                .unwrap_or_else(|| panic!("a batch of {fits} with capacity {c} should finish"));
            assert_eq!(saved, (0..fits).collect::<Vec<_>>());
            let stuck = finishes_within(STUCK_AFTER, move || run_cyclic(fits + 1, c));
            assert!(
                stuck.is_none(),
                "a batch of {} with capacity {c} should deadlock",
                fits + 1
            );
        }
    }

    #[test]
    fn an_unbounded_report_channel_breaks_the_cycle() {
        let saved = finishes_within(FINISHES_WITHIN, || run_acyclic(50, 1))
            .expect("the version with an unbounded report channel should not deadlock");
        assert_eq!(
            saved,
            (0..50).collect::<Vec<_>>(),
            "one store saves in order"
        );
    }
}
