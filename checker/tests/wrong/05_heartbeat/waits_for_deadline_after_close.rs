//! mistake: a closed jobs channel is swapped for never() as in merge, so run waits for the deadline instead of returning Closed
//! expect: failed
//! caught-by: returns_closed_as_soon_as_jobs_close

use crossbeam_channel::{Receiver, after, never, select, tick};
use std::time::Duration;

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
    let heartbeat = tick(tick_every);
    let time_up = after(deadline);
    let mut jobs = jobs;
    let mut closed = false;
    let mut processed = Vec::new();
    let mut ticks = 0;
    loop {
        select! {
            recv(jobs) -> job => match job {
                Ok(job) => processed.push(job),
                Err(_) => {
                    closed = true;
                    jobs = never();
                }
            },
            recv(heartbeat) -> _ => ticks += 1,
            recv(time_up) -> _ => break,
        }
    }
    let stop = if closed { Stop::Closed } else { Stop::Deadline };
    Report {
        processed,
        ticks,
        stop,
    }
}
