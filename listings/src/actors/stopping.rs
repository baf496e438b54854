//! When does an actor stop? When its receive loop sees "disconnected", which is when every
//! Sender is gone: including one the actor holds itself.

use std::collections::VecDeque;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::{self, JoinHandle};

/// A job that fails on its first attempt when `flaky` is set, and succeeds on the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Job {
    pub id: u32,
    pub flaky: bool,
}

// ANCHOR: never_stops
/// DON'T: retries a failed job by mailing it back to itself. `myself` is a Sender of
/// the actor's own inbox, so the inbox never disconnects and `recv` never fails:
/// dropping every handle leaves this thread waiting forever.
fn run_keeping_own_sender(inbox: Receiver<Job>, myself: Sender<Job>) -> Vec<u32> {
    let mut done = Vec::new();
    while let Ok(job) = inbox.recv() {
        if job.flaky {
            let _ = myself.send(Job {
                flaky: false,
                ..job
            }); // try again later
        } else {
            done.push(job.id);
        }
    }
    done // never reached
}

pub fn spawn_keeping_own_sender() -> (Sender<Job>, JoinHandle<Vec<u32>>) {
    let (tx, rx) = mpsc::channel();
    let myself = tx.clone();
    (
        tx,
        thread::spawn(move || run_keeping_own_sender(rx, myself)),
    )
}
// ANCHOR_END: never_stops

// ANCHOR: stops
/// DO: keep work for yourself in a local queue, not in your own inbox. The inbox then has
/// no Sender but the handles', and the loop ends once they are gone and the retries done.
fn run(inbox: Receiver<Job>) -> Vec<u32> {
    let mut done = Vec::new();
    let mut retries = VecDeque::new();
    loop {
        let job = match retries.pop_front() {
            Some(job) => job,
            None => match inbox.recv() {
                Ok(job) => job,
                Err(_) => break, // every handle is gone and no retry is left
            },
        };
        if job.flaky {
            retries.push_back(Job {
                flaky: false,
                ..job
            });
        } else {
            done.push(job.id);
        }
    }
    done
}

pub fn spawn() -> (Sender<Job>, JoinHandle<Vec<u32>>) {
    let (tx, rx) = mpsc::channel();
    (tx, thread::spawn(move || run(rx)))
}
// ANCHOR_END: stops

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::finishes_within;
    use std::time::Duration;

    fn jobs() -> Vec<Job> {
        (0..6)
            .map(|id| Job {
                id,
                flaky: id % 2 == 1,
            })
            .collect()
    }

    #[test]
    fn an_actor_holding_its_own_sender_never_stops() {
        let (handle, actor) = spawn_keeping_own_sender();
        jobs().into_iter().for_each(|j| handle.send(j).unwrap());
        drop(handle);
        let joined = finishes_within(Duration::from_millis(300), move || actor.join().unwrap());
        assert!(
            joined.is_none(),
            "expected the actor to outlive its handles, it returned {joined:?}"
        );
    }

    #[test]
    fn an_actor_with_a_local_retry_queue_stops_after_its_work() {
        let (handle, actor) = spawn();
        jobs().into_iter().for_each(|j| handle.send(j).unwrap());
        drop(handle);
        let mut done = finishes_within(Duration::from_secs(2), move || actor.join().unwrap())
            .expect("the actor did not stop after its last handle was dropped");
        done.sort_unstable();
        assert_eq!(done, vec![0, 1, 2, 3, 4, 5], "each job done exactly once");
    }
}
