//! mistake: heartbeats come from recv_timeout(tick_every) timing out, so none is counted while jobs keep arriving
//! expect: failed
//! caught-by: ticks_keep_coming_while_jobs_keep_flowing

use crossbeam_channel::{Receiver, RecvTimeoutError};
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
    let end = Instant::now() + deadline;
    let mut processed = Vec::new();
    let mut ticks = 0;
    let stop = loop {
        let now = Instant::now();
        if now >= end {
            break Stop::Deadline;
        }
        match jobs.recv_timeout(tick_every.min(end - now)) {
            Ok(job) => processed.push(job),
            Err(RecvTimeoutError::Timeout) => {
                if Instant::now() < end {
                    ticks += 1;
                }
            }
            Err(RecvTimeoutError::Disconnected) => break Stop::Closed,
        }
    };
    Report {
        processed,
        ticks,
        stop,
    }
}
