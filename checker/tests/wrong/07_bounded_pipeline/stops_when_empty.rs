//! mistake: the receive loop uses try_recv and stops at the first empty moment, taking "nothing waiting" for "finished"
//! expect: failed
//! caught-by: waits_for_a_slow_source

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
    thread::spawn(move || {
        for item in items {
            if tx.send(item).is_err() {
                break;
            }
        }
    });
    let mut count = 0;
    while let Ok(item) = rx.try_recv() {
        sink(item);
        count += 1;
    }
    count
}
