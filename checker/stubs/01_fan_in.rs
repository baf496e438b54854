//! Exercise 01: fan-in.
//!
//! Many threads, one channel. Each producer thread owns a clone of the same
//! `std::sync::mpsc::Sender` and sends its numbered messages; the calling thread is the single
//! consumer that collects them all. The receiving side cannot know how many messages are coming;
//! it learns that the stream is over when the channel says so, which happens only once every
//! `Sender` has been dropped.

/// Starts `producers` threads. Producer `p` sends `(p, 0)`, `(p, 1)`, …, `(p, per_producer - 1)`
/// over clones of one `std::sync::mpsc::Sender`. Returns every message in the order received.
///
/// * The `Vec` holds `producers * per_producer` messages, each of them exactly once.
/// * The messages of one producer keep the order that producer sent them in. How the producers
///   interleave with each other depends on timing; any interleaving is fine.
/// * Receive on the calling thread while the producers are running, and return once every
///   producer has finished and every message has been received.
/// * `fan_in(0, n)` and `fan_in(n, 0)` have nothing to send: they return an empty `Vec` at once,
///   without hanging and without panicking.
pub fn fan_in(producers: usize, per_producer: usize) -> Vec<(usize, usize)> {
    todo!()
}
