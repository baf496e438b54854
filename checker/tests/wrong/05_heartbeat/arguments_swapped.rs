//! mistake: tick_every and deadline are swapped when the two timers are made, so run stops after one tick period
//! expect: failed
//! caught-by: counts_ticks_while_idle_and_stops_at_the_deadline

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
    let heartbeat = tick(deadline);
    let time_up = after(tick_every);
    let mut processed = Vec::new();
    let mut ticks = 0;
    let stop = loop {
        select! {
            recv(jobs) -> job => match job {
                Ok(job) => processed.push(job),
                Err(_) => break Stop::Closed,
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
