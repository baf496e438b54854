// try_send takes the message by value. When it fails, the message is inside the error,
// not in the variable any more.
use crossbeam_channel::bounded;

fn main() {
    let (tx, _rx) = bounded::<String>(0);
    let order = String::from("order #1");
    if tx.try_send(order).is_err() {
        eprintln!("could not queue {order}, will retry later");
    }
}
