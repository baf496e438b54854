//! Exercise 07: a two-stage pipeline that a slow consumer can hold back.
//!
//! A producer thread pulls items out of an iterator and passes them to the thread that
//! called `pipeline`, which feeds them to a sink. When the sink is slower than the source,
//! something has to give: with an unbounded channel the producer races ahead and the items
//! pile up in memory. A bounded channel makes the producer wait instead. That waiting is
//! called backpressure, and it is what this exercise is about.

/// Moves every item of `source` to `sink` through a channel that holds at most `capacity`
/// items, and returns how many items went through.
///
/// * Turn `source` into an iterator on the calling thread, then move that iterator to a new
///   producer thread. Every item is taken out of the iterator (every `next()` call) on the
///   producer thread, never on the calling thread.
/// * The producer sends each item through a bounded channel of `capacity` slots;
///   `capacity == 0` means a rendezvous channel, where each send waits for a receive.
/// * The calling thread receives the items and calls `sink` once per item, in the order the
///   source produced them: no item lost, none twice.
/// * Backpressure: when the sink is slow, the producer must wait for it. At any moment the
///   producer may have taken at most `capacity + 2` more items from the source than the sink
///   has been handed. So do not collect the source into a `Vec` first, and do not use an
///   unbounded channel.
/// * The pipeline is done when the source has run out and the sink has had every item. Then
///   return the number of items, e.g. 0 for an empty source (with any `capacity`).
/// * If the producer thread panics (the source's `next()` panicked, say), `pipeline` must
///   panic too, with any message, rather than return the count of the items that made it.
pub fn pipeline<I, F>(source: I, capacity: usize, sink: F) -> usize
where
    I: IntoIterator,
    I::IntoIter: Send + 'static,
    I::Item: Send + 'static,
    F: FnMut(I::Item),
{
    todo!()
}
