//! mistake: treats select!'s recv arm as a mere "ready" signal and receives again with try_recv, dropping the job the arm took
//! expect: failed
//! caught-by: every_job_is_processed_in_order

use crossbeam_channel::{Receiver, TryRecvError, after, select, tick};
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
    let mut processed = Vec::new();
    let mut ticks = 0;
    let stop = loop {
        select! {
            recv(jobs) -> _ => match jobs.try_recv() {
                Ok(job) => processed.push(job),
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => break Stop::Closed,
            },
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
