//! When does a receiving loop end? When every Sender is gone, including the original.

use std::sync::mpsc;
use std::thread;

// ANCHOR: hangs
/// Counts the words of all documents. NEVER RETURNS (see the chapter).
pub fn total_words_hangs(docs: Vec<String>) -> usize {
    let (tx, rx) = mpsc::channel();
    for text in docs {
        let tx = tx.clone();
        thread::spawn(move || tx.send(text.split_whitespace().count()).unwrap());
    }
    // Every thread sends its count and drops its clone, but `tx` itself is
    // still alive in this function, so the channel never closes: after the
    // last count, `iter()` waits forever for a message nobody will send.
    rx.iter().sum()
}
// ANCHOR_END: hangs

// ANCHOR: fixed
pub fn total_words(docs: Vec<String>) -> usize {
    let (tx, rx) = mpsc::channel();
    for text in docs {
        let tx = tx.clone();
        thread::spawn(move || tx.send(text.split_whitespace().count()).unwrap());
    }
    drop(tx); // now only the threads' clones keep the channel open
    rx.iter().sum()
}
// ANCHOR_END: fixed

// ANCHOR: iterators
/// Receives 1, 2, 3: the first two through a borrowing loop, the rest through
/// a loop that consumes the Receiver.
pub fn borrow_then_consume() -> Vec<u32> {
    let (tx, rx) = mpsc::channel();
    // A producer sends three numbers and hangs up.
    thread::spawn(move || {
        for n in 1..=3 {
            tx.send(n).unwrap();
        }
    });

    let mut seen = Vec::new();
    for n in rx.iter() {
        // `rx.iter()`, like `for n in &rx`, only borrows `rx`
        seen.push(n);
        if n == 2 {
            break; // leaving early is fine; `rx` is still ours
        }
    }
    for n in rx {
        // `for n in rx` calls `rx.into_iter()` and moves `rx` into the loop
        seen.push(n);
    }
    seen
}
// ANCHOR_END: iterators

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn docs() -> Vec<String> {
        vec!["one two three".into(), "four five".into(), String::new()]
    }

    #[test]
    fn keeping_the_original_sender_hangs_the_loop() {
        let (done_tx, done_rx) = mpsc::channel();
        thread::spawn(move || {
            let _ = done_tx.send(total_words_hangs(docs()));
        });
        // The fixed version needs a few milliseconds for this input; the
        // hanging one never finishes (its thread is left behind when the tests end).
        assert_eq!(
            done_rx.recv_timeout(Duration::from_millis(300)),
            Err(mpsc::RecvTimeoutError::Timeout)
        );
    }

    #[test]
    fn dropping_the_original_sender_lets_the_loop_end() {
        assert_eq!(total_words(docs()), 5);
        assert_eq!(total_words(Vec::new()), 0);
    }

    #[test]
    fn iter_borrows_and_into_iter_consumes() {
        assert_eq!(borrow_then_consume(), vec![1, 2, 3]);
    }
}
