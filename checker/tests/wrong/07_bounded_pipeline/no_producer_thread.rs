//! mistake: no producer thread at all: the calling thread pulls each item and hands it straight to the sink
//! expect: failed
//! caught-by: source_is_pulled_on_the_producer_thread

pub fn pipeline<I, F>(source: I, capacity: usize, mut sink: F) -> usize
where
    I: IntoIterator,
    I::IntoIter: Send + 'static,
    I::Item: Send + 'static,
    F: FnMut(I::Item),
{
    let mut count = 0;
    for item in source {
        sink(item);
        count += 1;
    }
    count
}
