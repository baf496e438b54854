//! Every crossbeam send error holds the message that was not sent, so the caller can
//! keep it, retry it or report it instead of losing it.

use crossbeam_channel::{SendError, SendTimeoutError, Sender, TrySendError, bounded};
use std::time::Duration;

// ANCHOR: hand_back
/// Offers each order once, without waiting. Returns, in order, every order the channel
/// did not take.
pub fn offer_orders(tx: &Sender<String>, orders: Vec<String>) -> Vec<String> {
    let mut not_taken = Vec::new();
    for order in orders {
        if let Err(refused) = tx.try_send(order) {
            // TrySendError::Full(order) or ::Disconnected(order): the String is in there.
            not_taken.push(refused.into_inner());
        }
    }
    not_taken
}
// ANCHOR_END: hand_back

// ANCHOR: error_types
/// Each way a send can fail, and where the message is afterwards.
pub fn every_error_carries_the_message() {
    let (tx, rx) = bounded::<String>(1);
    tx.send("first".to_string()).unwrap();

    let full: TrySendError<String> = tx.try_send("second".to_string()).unwrap_err();
    assert!(full.is_full());
    assert_eq!(full.into_inner(), "second");

    let late = tx.send_timeout("third".to_string(), Duration::from_millis(10));
    assert_eq!(late, Err(SendTimeoutError::Timeout("third".to_string())));

    drop(rx);
    let SendError(fourth) = tx.send("fourth".to_string()).unwrap_err();
    assert_eq!(fourth, "fourth");
}
// ANCHOR_END: error_types

#[cfg(test)]
mod tests {
    use super::*;

    fn orders(n: usize) -> Vec<String> {
        (1..=n).map(|i| format!("order #{i}")).collect()
    }

    #[test]
    fn a_full_channel_hands_back_the_rest_in_order() {
        let (tx, rx) = bounded(2);
        let back = offer_orders(&tx, orders(5));
        assert_eq!(back, vec!["order #3", "order #4", "order #5"]);
        assert_eq!(
            rx.try_iter().collect::<Vec<_>>(),
            vec!["order #1", "order #2"]
        );
    }

    #[test]
    fn a_disconnected_channel_hands_back_everything() {
        let (tx, rx) = bounded(2);
        drop(rx);
        assert_eq!(offer_orders(&tx, orders(3)), orders(3));
    }

    #[test]
    fn every_error_type_carries_the_message() {
        every_error_carries_the_message();
    }
}
