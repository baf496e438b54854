//! mistake: the producer gets a clone of the Sender and the original stays alive on the calling thread, so the receive loop never ends
//! expect: timed_out
//! caught-by: empty_source_returns_zero

use std::thread;

pub fn pipeline<I, F>(source: I, capacity: usize, mut sink: F) -> usize
where
    I: IntoIterator,
    I::IntoIter: Send + 'static,
    I::Item: Send + 'static,
    F: FnMut(I::Item),
{
    let (tx, rx) = crossbeam_channel::bounded(capacity);
    let items = source.into_iter();
    let producer_tx = tx.clone();
    let producer = thread::spawn(move || {
        for item in items {
            producer_tx.send(item).unwrap();
        }
    });
    let mut count = 0;
    for item in rx.iter() {
        sink(item);
        count += 1;
    }
    producer.join().unwrap();
    count
}
