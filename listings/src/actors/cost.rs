//! What an actor call costs, next to a Mutex. Run it in release mode to get the numbers
//! the book quotes: `cargo test --release -p listings cost -- --ignored --nocapture`.

use super::tally::Tally;
use std::sync::Mutex;
use std::time::{Duration, Instant};

// ANCHOR: cost
pub struct Costs {
    pub round_trip: Duration,
    pub fire_and_forget: Duration,
    pub mutex: Duration,
}

/// Average time per operation over `n` operations, each way, on one calling thread.
pub fn measure(n: u32) -> Costs {
    let (tally, _actor) = Tally::spawn();
    let start = Instant::now();
    for _ in 0..n {
        tally.count("x"); // message there, answer back, two thread wake-ups
    }
    let round_trip = start.elapsed() / n;

    let start = Instant::now();
    for _ in 0..n {
        tally.add("x"); // message there, nobody waits
    }
    let fire_and_forget = start.elapsed() / n;

    let counter = Mutex::new(0_u64);
    let start = Instant::now();
    for _ in 0..n {
        *counter.lock().unwrap() += 1; // uncontended: nobody else wants the lock
    }
    let mutex = start.elapsed() / n;
    assert_eq!(counter.into_inner().unwrap(), u64::from(n));
    assert_eq!(tally.count("x"), n as usize);
    Costs {
        round_trip,
        fire_and_forget,
        mutex,
    }
}
// ANCHOR_END: cost

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measure_runs_every_operation() {
        // The asserts inside `measure` check that every add and every lock happened.
        let costs = measure(200);
        assert!(costs.round_trip > Duration::ZERO);
    }

    #[test]
    #[ignore = "prints the numbers the book quotes; run in release mode"]
    fn cost_prints() {
        for _ in 0..3 {
            let c = measure(100_000);
            println!(
                "round trip {:?}, fire and forget {:?}, mutex {:?}",
                c.round_trip, c.fire_and_forget, c.mutex
            );
        }
    }
}
