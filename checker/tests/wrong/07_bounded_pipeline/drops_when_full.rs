//! mistake: the producer uses try_send so it never blocks, and silently drops every item that finds the channel full
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
            let _ = tx.try_send(item);
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
