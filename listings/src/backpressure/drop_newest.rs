//! Dropping the newest: when the channel is full, `try_send` refuses the message and
//! hands it straight back.

use crossbeam_channel::{TrySendError, bounded};
use std::thread;
use std::time::Duration;

/// Which readings reached the consumer and which were refused.
#[derive(Debug)]
pub struct Readings {
    pub delivered: Vec<u32>,
    pub refused: Vec<u32>,
}

// ANCHOR: drop_newest
/// Takes `count` readings, one per millisecond, and offers each to a channel holding at
/// most `capacity`. The consumer needs 5 ms per reading. The producer never waits.
pub fn sample(count: u32, capacity: usize) -> Readings {
    let (tx, rx) = bounded(capacity);
    let consumer = thread::spawn(move || {
        let mut delivered = Vec::new();
        for reading in rx {
            thread::sleep(Duration::from_millis(5));
            delivered.push(reading);
        }
        delivered
    });

    let mut refused = Vec::new();
    for reading in 0..count {
        thread::sleep(Duration::from_millis(1));
        match tx.try_send(reading) {
            Ok(()) => {}
            Err(TrySendError::Full(back)) => refused.push(back), // the newest loses
            Err(TrySendError::Disconnected(_)) => break,
        }
    }
    drop(tx);
    Readings {
        delivered: consumer.join().unwrap(),
        refused,
    }
}
// ANCHOR_END: drop_newest

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reading_is_delivered_or_refused_never_both() {
        let r = sample(60, 4);
        let mut all: Vec<u32> = r.delivered.iter().chain(&r.refused).copied().collect();
        all.sort_unstable();
        assert_eq!(all, (0..60).collect::<Vec<_>>(), "{r:?}");
        assert!(r.delivered.is_sorted() && r.refused.is_sorted(), "{r:?}");
    }

    #[test]
    fn the_oldest_readings_get_through_and_later_ones_are_refused() {
        let r = sample(60, 4);
        println!("{r:?}");
        assert_eq!(
            &r.delivered[..4],
            &[0, 1, 2, 3],
            "the first four always fit"
        );
        // 60 ms of readings against 5 ms each: about 16 fit (12 taken + 4 queued);
        // even at half that pace for the producer, well over 10 are refused.
        assert!(r.refused.len() > 10, "{r:?}");
    }
}
