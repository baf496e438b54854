//! A `recv` arm whose channel has hung up is ready at once, every time `select!` looks at
//! it. Left in place it turns the loop into a busy spin; `never()` switches it off.

use crossbeam_channel::{Receiver, never, select};

/// What the summing loop saw.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// The sum of every number received on `data`.
    pub total: u64,
    /// How many "report" requests arrived on `control`.
    pub reports: u32,
    /// How many times the `control` arm fired with an error (its sender gone).
    pub control_errors: u64,
}

// ANCHOR: spinning
/// Sums `data` until it closes, answering "report" requests from `control` on the way.
pub fn sum_spinning(data: Receiver<u64>, control: Receiver<()>) -> Summary {
    let mut seen = Summary::default();
    loop {
        select! {
            recv(data) -> msg => match msg {
                Ok(n) => seen.total += n,
                Err(_) => return seen, // data hung up: we are done
            },
            recv(control) -> msg => match msg {
                Ok(()) => seen.reports += 1,
                // BUG: control hung up, so this arm is ready again on the next pass,
                // and the one after that: the loop never sleeps again.
                Err(_) => seen.control_errors += 1,
            },
        }
    }
}
// ANCHOR_END: spinning

// ANCHOR: never
/// The same loop, with the `control` arm switched off once its sender is gone.
pub fn sum(data: Receiver<u64>, control: Receiver<()>) -> Summary {
    let mut seen = Summary::default();
    let mut control = control;
    loop {
        select! {
            recv(data) -> msg => match msg {
                Ok(n) => seen.total += n,
                Err(_) => return seen,
            },
            recv(control) -> msg => match msg {
                Ok(()) => seen.reports += 1,
                Err(_) => {
                    seen.control_errors += 1;
                    // A receiver that is never ready and never disconnected:
                    // select! keeps the arm but can no longer choose it.
                    control = never();
                }
            },
        }
    }
}
// ANCHOR_END: never

#[cfg(test)]
mod tests {
    use super::*;
    use crossbeam_channel::unbounded;
    use std::thread;
    use std::time::Duration;

    /// Two report requests, then control hangs up; data sends 1..=5, 10 ms apart.
    fn run(f: fn(Receiver<u64>, Receiver<()>) -> Summary) -> Summary {
        let (data_tx, data) = unbounded();
        let (control_tx, control) = unbounded();
        control_tx.send(()).unwrap();
        control_tx.send(()).unwrap();
        drop(control_tx);
        let producer = thread::spawn(move || {
            for n in 1..=5 {
                thread::sleep(Duration::from_millis(10));
                data_tx.send(n).unwrap();
            }
        });
        let seen = f(data, control);
        producer.join().unwrap();
        seen
    }

    #[test]
    fn a_hung_up_arm_fires_over_and_over() {
        let seen = run(sum_spinning);
        assert_eq!((seen.total, seen.reports), (15, 2));
        // In ~50 ms of waiting for data, the dead arm fires constantly (typically
        // hundreds of thousands of times); a loop that slept would see it once.
        assert!(
            seen.control_errors > 100,
            "expected a busy spin, saw {} errors",
            seen.control_errors
        );
    }

    #[test]
    fn never_switches_the_arm_off() {
        let seen = run(sum);
        assert_eq!(
            seen,
            Summary {
                total: 15,
                reports: 2,
                control_errors: 1
            }
        );
    }
}
