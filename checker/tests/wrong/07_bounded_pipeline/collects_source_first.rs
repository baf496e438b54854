//! mistake: the producer collects the whole source into a Vec before sending anything, so it takes every item long before the sink is ready
//! expect: failed
//! caught-by: producer_stays_at_most_capacity_plus_2_ahead

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
        let all: Vec<_> = items.collect();
        for item in all {
            tx.send(item).unwrap();
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
