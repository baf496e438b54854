// Does not compile: the first iteration moves `tx` into its thread, so the
// second iteration has no `tx` left to move.
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel();
    for id in 0..3 {
        thread::spawn(move || {
            tx.send(id).unwrap();
        });
    }
    for id in rx {
        println!("hello from thread {id}");
    }
}
