//! Two actors that send to each other through bounded inboxes can deadlock: each one
//! blocks on a full inbox that only the other could empty.

use crossbeam_channel::{bounded, never, select, unbounded};
use std::thread;
use std::time::Duration;

// ANCHOR: cyclic
/// What the front actor receives: new jobs from outside, and reports from the store.
enum ToFront {
    Job(u32),
    Saved(u32),
}

/// DON'T: front -> store -> front is a cycle, and both inboxes are bounded.
/// Returns the ids the store reported saved, in the order the front heard of them.
pub fn run_cyclic(jobs: u32, inbox_capacity: usize, save_time: Duration) -> Vec<u32> {
    let (front_tx, front_rx) = bounded::<ToFront>(inbox_capacity);
    let (store_tx, store_rx) = bounded::<u32>(inbox_capacity);

    // The store: saves one job at a time, then reports back to the front.
    let report = front_tx.clone();
    thread::spawn(move || {
        for id in store_rx {
            thread::sleep(save_time); // the slow part: writing to disk, say
            if report.send(ToFront::Saved(id)).is_err() {
                break;
            }
        }
    });

    // The outside world: submits jobs as fast as the front's inbox takes them.
    thread::spawn(move || {
        for id in 0..jobs {
            front_tx.send(ToFront::Job(id)).unwrap();
        }
    });

    // The front: passes jobs on to the store and collects the reports.
    let mut saved = Vec::new();
    while saved.len() < jobs as usize {
        match front_rx.recv().unwrap() {
            ToFront::Job(id) => store_tx.send(id).unwrap(), // blocks while the store's inbox is full
            ToFront::Saved(id) => saved.push(id),
        }
    }
    saved
}
// ANCHOR_END: cyclic

// ANCHOR: broken_cycle
/// DO: the reports travel on their own channel, and it is unbounded, so the store never
/// blocks on the front. The cycle has an edge that cannot fill up. The reports cannot pile
/// up without limit either: each answers a job that came through the store's bounded inbox.
pub fn run_acyclic(jobs: u32, inbox_capacity: usize, save_time: Duration) -> Vec<u32> {
    let (job_tx, mut job_rx) = bounded::<u32>(inbox_capacity);
    let (store_tx, store_rx) = bounded::<u32>(inbox_capacity);
    let (report_tx, report_rx) = unbounded::<u32>();

    thread::spawn(move || {
        for id in store_rx {
            thread::sleep(save_time);
            if report_tx.send(id).is_err() {
                break;
            }
        }
    });

    thread::spawn(move || {
        for id in 0..jobs {
            job_tx.send(id).unwrap();
        }
    });

    let mut saved = Vec::new();
    while saved.len() < jobs as usize {
        select! {
            recv(job_rx) -> job => match job {
                Ok(id) => store_tx.send(id).unwrap(),
                Err(_) => job_rx = never(), // no more jobs: stop selecting on this channel
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

    const SAVE: Duration = Duration::from_millis(25);
    const JOBS: u32 = 5;

    #[test]
    fn the_cycle_of_bounded_inboxes_deadlocks() {
        // Without a deadlock this takes JOBS * SAVE = 125 ms; 500 ms is 4x that.
        let outcome = finishes_within(Duration::from_millis(500), || run_cyclic(JOBS, 1, SAVE));
        assert!(
            outcome.is_none(),
            "expected a deadlock, but it finished: {outcome:?}"
        );
    }

    #[test]
    fn the_same_cycle_with_room_for_every_message_finishes() {
        // Proof that the deadlock comes from the full inboxes, not from a bug elsewhere.
        let room = 2 * JOBS as usize;
        let saved = finishes_within(Duration::from_millis(1000), move || {
            run_cyclic(JOBS, room, SAVE)
        })
        .expect("with inboxes that never fill, the cyclic version should finish in ~125 ms");
        assert_eq!(saved, vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn an_unbounded_report_channel_breaks_the_cycle() {
        let saved = finishes_within(Duration::from_millis(1000), || run_acyclic(JOBS, 1, SAVE))
            .expect("the acyclic version should take about 125 ms");
        assert_eq!(saved, vec![0, 1, 2, 3, 4], "one store saves in job order");
    }
}
