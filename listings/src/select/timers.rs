//! Timer channels: `after` delivers once, `tick` delivers periodically. A timer made
//! inside the loop starts over on every pass.

use crossbeam_channel::{Receiver, after, select, tick};
use std::thread;
use std::time::{Duration, Instant};

/// Why the loop stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    Closed,
    TimeUp,
}

// ANCHOR: timer_in_loop
/// Meant to take jobs for at most `limit`, then stop. Returns (jobs taken, why it stopped).
pub fn work_for_buggy(jobs: Receiver<u32>, limit: Duration) -> (usize, Stop) {
    let mut taken = 0;
    loop {
        select! {
            recv(jobs) -> job => match job {
                Ok(_) => taken += 1,
                Err(_) => return (taken, Stop::Closed),
            },
            // BUG: `after(limit)` runs on every pass, so each job starts a new timer.
            // As long as jobs come more often than `limit`, it never fires.
            recv(after(limit)) -> _ => return (taken, Stop::TimeUp),
        }
    }
}
// ANCHOR_END: timer_in_loop

// ANCHOR: timer_outside
/// Takes jobs for at most `limit`, then stops.
pub fn work_for(jobs: Receiver<u32>, limit: Duration) -> (usize, Stop) {
    let time_up = after(limit); // one timer, started once, before the loop
    let mut taken = 0;
    loop {
        select! {
            recv(jobs) -> job => match job {
                Ok(_) => taken += 1,
                Err(_) => return (taken, Stop::Closed),
            },
            recv(time_up) -> _ => return (taken, Stop::TimeUp),
        }
    }
}
// ANCHOR_END: timer_outside

// ANCHOR: tick_drops
/// What a ticker does while its owner is busy for six periods.
pub fn busy_ticker() {
    let start = Instant::now();
    let ticker = tick(Duration::from_millis(50));
    thread::sleep(Duration::from_millis(300)); // busy: six ticks' worth of time

    // One tick is waiting, not six. Its value is the instant it was due, not now.
    let due = ticker.try_recv().expect("a tick is waiting");
    assert!(due - start < Duration::from_millis(100));
    assert!(ticker.try_recv().is_err(), "the missed ticks were not kept");

    // The next tick comes a full period after that one was taken.
    let next = ticker.recv().unwrap();
    assert!(next - start >= Duration::from_millis(350));
}
// ANCHOR_END: tick_drops

#[cfg(test)]
mod tests {
    use super::*;
    use crossbeam_channel::unbounded;

    /// 100 jobs, one every 5 ms (about 500 ms in all), then the channel closes.
    fn steady_jobs() -> (Receiver<u32>, thread::JoinHandle<()>) {
        let (tx, rx) = unbounded();
        let producer = thread::spawn(move || {
            for job in 0..100 {
                thread::sleep(Duration::from_millis(5));
                if tx.send(job).is_err() {
                    return; // the loop under test stopped early: fine
                }
            }
        });
        (rx, producer)
    }

    #[test]
    fn a_timer_made_in_the_loop_never_fires_while_jobs_flow() {
        let (jobs, producer) = steady_jobs();
        // Jobs arrive every 5 ms, forty times faster than the 200 ms limit.
        assert_eq!(
            work_for_buggy(jobs, Duration::from_millis(200)),
            (100, Stop::Closed)
        );
        producer.join().unwrap();
    }

    #[test]
    fn a_timer_made_once_fires_on_time() {
        let (jobs, producer) = steady_jobs();
        let start = Instant::now();
        let (taken, stop) = work_for(jobs, Duration::from_millis(200));
        let took = start.elapsed();
        assert_eq!(stop, Stop::TimeUp);
        assert!(taken < 80, "took {taken} jobs in {took:?}");
        // 200 ms; the jobs would have lasted 500 ms.
        assert!(took >= Duration::from_millis(200), "stopped after {took:?}");
        assert!(took < Duration::from_millis(400), "stopped after {took:?}");
        producer.join().unwrap();
    }

    #[test]
    fn after_delivers_once_then_is_never_ready_again() {
        let timer = after(Duration::from_millis(10));
        assert!(timer.recv().is_ok());
        assert!(
            timer.recv_timeout(Duration::from_millis(50)).is_err(),
            "a second message from after()"
        );
    }

    #[test]
    fn tick_keeps_at_most_one_missed_tick() {
        busy_ticker();
    }
}
