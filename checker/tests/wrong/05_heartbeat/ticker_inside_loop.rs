//! mistake: the ticker is created inside the select!, so every job restarts it and no heartbeat fires while jobs flow
//! expect: failed
//! caught-by: ticks_keep_coming_while_jobs_keep_flowing

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
    let time_up = after(deadline);
    let mut processed = Vec::new();
    let mut ticks = 0;
    let stop = loop {
        select! {
            recv(jobs) -> job => match job {
                Ok(job) => processed.push(job),
                Err(_) => break Stop::Closed,
            },
            recv(tick(tick_every)) -> _ => ticks += 1,
            recv(time_up) -> _ => break Stop::Deadline,
        }
    };
    Report {
        processed,
        ticks,
        stop,
    }
}
