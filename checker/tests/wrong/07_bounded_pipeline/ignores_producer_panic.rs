//! mistake: the producer's JoinHandle is joined but its Err is thrown away, so a panicking source looks like a short one
//! expect: failed
//! caught-by: producer_panic_makes_pipeline_panic

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
            if tx.send(item).is_err() {
                break;
            }
        }
    });
    let mut count = 0;
    for item in rx {
        sink(item);
        count += 1;
    }
    let _ = producer.join();
    count
}
