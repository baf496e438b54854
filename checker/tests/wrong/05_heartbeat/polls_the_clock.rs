//! mistake: polls jobs with try_recv and checks the clock by hand in a tight loop, burning a CPU core
//! expect: failed
//! caught-by: waits_without_spinning

use crossbeam_channel::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    Closed,
    Deadline,
}

pub struct Report<T> {
    pub processed: Vec<T>,
    pub ticks: usize,
    pub stop: Stop,
}

pub fn run<T>(jobs: Receiver<T>, tick_every: Duration, deadline: Duration) -> Report<T> {
    let start = Instant::now();
    let mut next_tick = start + tick_every;
    let mut processed = Vec::new();
    let mut ticks = 0;
    let stop = loop {
        match jobs.try_recv() {
            Ok(job) => processed.push(job),
            Err(TryRecvError::Disconnected) => break Stop::Closed,
            Err(TryRecvError::Empty) => {}
        }
        let now = Instant::now();
        if now >= next_tick {
            ticks += 1;
            next_tick += tick_every;
        }
        if now - start >= deadline {
            break Stop::Deadline;
        }
    };
    Report {
        processed,
        ticks,
        stop,
    }
}
