//! mistake: joins the producer before receiving, so the producer waits on a full channel while the caller waits for the producer
//! expect: timed_out
//! caught-by: returns_how_many_items_went_through

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
            tx.send(item).unwrap();
        }
    });
    producer.join().unwrap();
    let mut count = 0;
    for item in rx {
        sink(item);
        count += 1;
    }
    count
}
