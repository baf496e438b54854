//! mistake: the deadline timer is created inside the select!, so every job restarts it and it never fires while jobs flow
//! expect: failed
//! caught-by: deadline_holds_while_jobs_keep_flowing

use crossbeam_channel::{Receiver, after, select, tick};
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
    let mut processed = Vec::new();
    let mut ticks = 0;
    let stop = loop {
        select! {
            recv(jobs) -> job => match job {
                Ok(job) => processed.push(job),
                Err(_) => break Stop::Closed,
            },
            recv(heartbeat) -> _ => ticks += 1,
            recv(after(deadline)) -> _ => break Stop::Deadline,
        }
    };
    Report {
        processed,
        ticks,
        stop,
    }
}
