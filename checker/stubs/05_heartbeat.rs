//! Exercise 05: a worker loop with a heartbeat and a deadline.
//!
//! A long-running worker has three things to watch at once: the jobs it is given, a clock that
//! says "report that you are alive" at a steady pace, and a clock that says "time is up". Each
//! of the three can become ready at any moment, and the two clocks must keep their own time
//! however busy the jobs keep the worker.

use crossbeam_channel::Receiver;
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

/// Takes jobs from `jobs` as they come and counts a heartbeat every `tick_every`, until `jobs`
/// is closed (`Stop::Closed`) or `deadline` has passed since the call began (`Stop::Deadline`).
///
/// * Every job received goes into `processed`, in the order received; none may be lost. Jobs
///   still queued when the deadline passes may stay in the channel.
/// * `jobs` is closed when every `Sender` is gone and the queue is empty: then return at once
///   with `Stop::Closed`, without waiting for the deadline.
/// * The deadline is measured from the start of the call, once: a steady stream of jobs must
///   not push it back. Never return before it (unless `jobs` closes); return promptly after.
///   A `deadline` of zero returns at once (with `Stop::Deadline` unless `jobs` is already
///   closed, where either answer is fine).
/// * Heartbeats come every `tick_every` from the start of the call, whether or not jobs are
///   arriving. `tick_every` is never zero. A heartbeat missed while busy need not be made up,
///   so `ticks` is right when it lies between a third of elapsed/`tick_every` and one more than
///   elapsed/`tick_every` (the tests use periods of 50 ms or more).
/// * While nothing is ready, wait (block); do not spin in a loop that burns a CPU core.
pub fn run<T>(jobs: Receiver<T>, tick_every: Duration, deadline: Duration) -> Report<T> {
    todo!()
}
