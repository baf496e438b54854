//! The four channels the benchmark compares, behind one small trait so that every
//! workload is the same code for each of them.

use crossbeam_channel as cb;
use std::sync::mpsc;

// ANCHOR: trait
/// A kind of channel: how to make one, how to send on it, how to receive from it.
/// `recv` returns None once every sender is gone and the queue is empty.
pub trait Channel {
    type Tx: Clone + Send + 'static;
    type Rx: Send + 'static;
    fn make(&self) -> (Self::Tx, Self::Rx);
    fn send(tx: &Self::Tx, value: u64);
    fn recv(rx: &Self::Rx) -> Option<u64>;
}

/// `std::sync::mpsc::channel()`
pub struct StdUnbounded;
/// `std::sync::mpsc::sync_channel(capacity)`
pub struct StdBounded(pub usize);
/// `crossbeam_channel::unbounded()`
pub struct CrossbeamUnbounded;
/// `crossbeam_channel::bounded(capacity)`
pub struct CrossbeamBounded(pub usize);

impl Channel for StdUnbounded {
    type Tx = mpsc::Sender<u64>;
    type Rx = mpsc::Receiver<u64>;
    fn make(&self) -> (Self::Tx, Self::Rx) {
        mpsc::channel()
    }
    fn send(tx: &Self::Tx, value: u64) {
        tx.send(value).expect("receiver gone");
    }
    fn recv(rx: &Self::Rx) -> Option<u64> {
        rx.recv().ok()
    }
}
// ANCHOR_END: trait

impl Channel for StdBounded {
    type Tx = mpsc::SyncSender<u64>;
    type Rx = mpsc::Receiver<u64>;
    fn make(&self) -> (Self::Tx, Self::Rx) {
        mpsc::sync_channel(self.0)
    }
    fn send(tx: &Self::Tx, value: u64) {
        tx.send(value).expect("receiver gone");
    }
    fn recv(rx: &Self::Rx) -> Option<u64> {
        rx.recv().ok()
    }
}

impl Channel for CrossbeamUnbounded {
    type Tx = cb::Sender<u64>;
    type Rx = cb::Receiver<u64>;
    fn make(&self) -> (Self::Tx, Self::Rx) {
        cb::unbounded()
    }
    fn send(tx: &Self::Tx, value: u64) {
        tx.send(value).expect("receiver gone");
    }
    fn recv(rx: &Self::Rx) -> Option<u64> {
        rx.recv().ok()
    }
}

impl Channel for CrossbeamBounded {
    type Tx = cb::Sender<u64>;
    type Rx = cb::Receiver<u64>;
    fn make(&self) -> (Self::Tx, Self::Rx) {
        cb::bounded(self.0)
    }
    fn send(tx: &Self::Tx, value: u64) {
        tx.send(value).expect("receiver gone");
    }
    fn recv(rx: &Self::Rx) -> Option<u64> {
        rx.recv().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind delivers in order and reports the end once the sender is gone.
    fn fifo_then_none<C: Channel>(kind: C) {
        let (tx, rx) = kind.make();
        let producer = std::thread::spawn(move || {
            for value in 0..100 {
                C::send(&tx, value);
            }
        });
        let got: Vec<u64> = std::iter::from_fn(|| C::recv(&rx)).collect();
        producer.join().unwrap();
        assert_eq!(got, (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn all_four_kinds_are_fifo_and_close() {
        fifo_then_none(StdUnbounded);
        fifo_then_none(StdBounded(0));
        fifo_then_none(StdBounded(4));
        fifo_then_none(CrossbeamUnbounded);
        fifo_then_none(CrossbeamBounded(0));
        fifo_then_none(CrossbeamBounded(4));
    }
}
