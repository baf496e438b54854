//! Exercise 05, reference solution: one `select!` over jobs, a ticker and a deadline.
//!
//! Both clocks are channels: `tick(period)` delivers a message every period, `after(delay)`
//! delivers one message once. Because they are channels, a single `select!` can wait on the
//! jobs and on both clocks at once, and whichever is ready first is served.

use crossbeam_channel::{Receiver, after, select, tick};
use std::time::Duration;

/// Why [`run`] returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// `jobs` was disconnected: every `Sender` dropped and every job taken.
    Closed,
    /// The `deadline` passed first.
    Deadline,
}

/// What [`run`] did before it stopped.
pub struct Report<T> {
    /// Every job received, in the order received.
    pub processed: Vec<T>,
    /// How many heartbeats were counted.
    pub ticks: usize,
    /// Why the loop ended.
    pub stop: Stop,
}

/// Takes jobs as they come and counts a heartbeat every `tick_every`, until `jobs` is closed
/// or `deadline` has passed since the call began.
pub fn run<T>(jobs: Receiver<T>, tick_every: Duration, deadline: Duration) -> Report<T> {
    // Both clocks are created once, before the loop, so they measure time from the start of
    // the call. Writing `recv(after(deadline))` inside the `select!` would build a fresh timer
    // on every pass: each job would restart the countdown, and a steady stream of jobs would
    // keep the deadline from ever arriving. The same goes for the ticker.
    let heartbeat = tick(tick_every);
    let time_up = after(deadline);

    let mut processed = Vec::new();
    let mut ticks = 0;
    let stop = loop {
        // When several arms are ready, select! picks one at random, so a busy job channel
        // cannot starve the clocks.
        select! {
            recv(jobs) -> job => match job {
                Ok(job) => processed.push(job),
                // Disconnected means every Sender is gone and the queue is drained: no job can
                // come any more, so waiting for the deadline would only waste time.
                Err(_) => break Stop::Closed,
            },
            // `tick` keeps at most one pending tick, so beats missed while we were busy are
            // dropped rather than delivered in a burst; counting what arrives is enough.
            recv(heartbeat) -> _ => ticks += 1,
            recv(time_up) -> _ => break Stop::Deadline,
        }
    };
    Report {
        processed,
        ticks,
        stop,
    }
}
