//! mistake: the producer spawns a thread for every send so it never waits, which both breaks the order and removes the backpressure
//! expect: failed
//! caught-by: items_reach_the_sink_in_order_once_each

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
    let producer = thread::spawn(move || {
        for item in items {
            let tx = tx.clone();
            thread::spawn(move || tx.send(item).unwrap());
        }
    });
    let mut count = 0;
    for item in rx {
        sink(item);
        count += 1;
    }
    producer.join().unwrap();
    count
}
