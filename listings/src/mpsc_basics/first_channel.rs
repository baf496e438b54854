//! The smallest useful channel: one thread sends, the calling thread receives.

// ANCHOR: first
use std::sync::mpsc;
use std::thread;

/// Squares 0..n on a helper thread and hands each result back through a channel.
pub fn squares(n: u64) -> Vec<u64> {
    // `channel()` makes one queue and returns its two ends: the Sender (`tx`)
    // and the Receiver (`rx`). The element type, u64, is inferred from `send`.
    let (tx, rx) = mpsc::channel();

    let helper = thread::spawn(move || {
        // `tx` was moved into this closure: only the helper can send now.
        for i in 0..n {
            tx.send(i * i).expect("the receiving end hung up");
        }
        // The closure ends here and `tx` is dropped with it: the channel is closed.
    });

    let mut results = Vec::new();
    // `recv` blocks until a message arrives. Once the channel is closed AND
    // empty it returns Err(RecvError) instead, which ends this loop.
    while let Ok(square) = rx.recv() {
        results.push(square);
    }
    helper.join().expect("the helper thread panicked");
    results
}
// ANCHOR_END: first

// ANCHOR: send_error
use std::sync::mpsc::SendError;

/// Sends into a channel whose Receiver is already gone; returns what `send` handed back.
pub fn send_to_nobody() -> Option<String> {
    let (tx, rx) = mpsc::channel::<String>();
    drop(rx); // nobody will ever receive from this channel

    match tx.send(String::from("is anyone there?")) {
        Ok(()) => None,
        // The message is not lost: the error owns it and gives it back.
        Err(SendError(message)) => Some(message),
    }
}
// ANCHOR_END: send_error

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_square_arrives_in_the_order_sent() {
        assert_eq!(squares(6), vec![0, 1, 4, 9, 16, 25]);
        assert_eq!(squares(1000).len(), 1000);
    }

    #[test]
    fn zero_messages_still_ends_the_loop() {
        assert_eq!(squares(0), Vec::<u64>::new());
    }

    #[test]
    fn send_hands_the_message_back_when_the_receiver_is_gone() {
        assert_eq!(send_to_nobody().as_deref(), Some("is anyone there?"));
    }
}
