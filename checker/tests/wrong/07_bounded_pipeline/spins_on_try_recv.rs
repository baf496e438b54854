//! mistake: the receive loop polls with try_recv and yield_now, so the calling thread burns a CPU while it waits
//! expect: failed
//! caught-by: waits_for_items_without_spinning

use std::thread;

use crossbeam_channel::TryRecvError;

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
    loop {
        match rx.try_recv() {
            Ok(item) => {
                sink(item);
                count += 1;
            }
            Err(TryRecvError::Empty) => thread::yield_now(),
            Err(TryRecvError::Disconnected) => break,
        }
    }
    if let Err(payload) = producer.join() {
        std::panic::resume_unwind(payload);
    }
    count
}
