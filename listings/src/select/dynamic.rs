//! `Select` builds the list of operations at run time, for a number of channels known
//! only then.

use crossbeam_channel::{Receiver, Select};

// ANCHOR: gather
/// Receives from every channel in `sources` until each one has hung up. Returns
/// (position in `sources`, message) pairs in the order they were received.
pub fn gather<T>(sources: &[Receiver<T>]) -> Vec<(usize, T)> {
    let mut sel = Select::new();
    for rx in sources {
        sel.recv(rx); // the first operation added gets index 0, the next 1, and so on
    }

    let mut open = sources.len();
    let mut received = Vec::new();
    while open > 0 {
        let oper = sel.select(); // blocks until one of the operations is ready
        let i = oper.index();
        // The selected operation must be completed, with the receiver it was added for.
        match oper.recv(&sources[i]) {
            Ok(msg) => received.push((i, msg)),
            Err(_) => {
                sel.remove(i); // hung up: stop watching it
                open -= 1;
            }
        }
    }
    received
}
// ANCHOR_END: gather

#[cfg(test)]
mod tests {
    use super::*;
    use crossbeam_channel::{bounded, unbounded};
    use std::panic;
    use std::thread;
    use std::time::{Duration, Instant};

    #[test]
    fn gathers_everything_from_every_source() {
        let mut sources = Vec::new();
        let mut producers = Vec::new();
        for s in 0..4u64 {
            let (tx, rx) = bounded(0); // rendezvous: a sender waits until gather takes it
            sources.push(rx);
            producers.push(thread::spawn(move || {
                for n in 0..5 {
                    thread::sleep(Duration::from_millis(2 * s));
                    tx.send(n).unwrap();
                }
            }));
        }
        let got = gather(&sources);
        assert_eq!(got.len(), 20);
        for s in 0..4 {
            let from_s: Vec<u64> = got.iter().filter(|(i, _)| *i == s).map(|p| p.1).collect();
            assert_eq!(from_s, vec![0, 1, 2, 3, 4], "source {s}");
        }
        for p in producers {
            p.join().unwrap();
        }
    }

    #[test]
    fn no_sources_means_nothing_to_wait_for() {
        let sources: Vec<Receiver<u8>> = Vec::new();
        assert!(gather(&sources).is_empty());
    }

    #[test]
    fn select_with_no_operations_panics() {
        let result = panic::catch_unwind(|| {
            let mut sel = Select::new();
            let _ = sel.select().index();
        });
        let payload = result.expect_err("select() on an empty Select returned");
        let message = payload.downcast_ref::<&str>().copied().unwrap_or_default();
        assert_eq!(message, "no operations have been added to `Select`");
    }

    #[test]
    fn select_timeout_with_no_operations_waits_out_the_timeout() {
        let mut sel = Select::new();
        let start = Instant::now();
        assert!(sel.select_timeout(Duration::from_millis(100)).is_err());
        assert!(start.elapsed() >= Duration::from_millis(100));
    }

    #[test]
    fn an_uncompleted_operation_panics_when_dropped() {
        let (tx, rx) = unbounded();
        tx.send(1).unwrap();
        let result = panic::catch_unwind(|| {
            let mut sel = Select::new();
            sel.recv(&rx);
            let oper = sel.select();
            drop(oper); // neither recv() nor send() called on it
        });
        assert!(result.is_err());
    }
}
