// std's Receiver has exactly one owner: there is no second handle to give a worker.
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<u32>();
    let rx_for_worker = rx.clone();
    thread::spawn(move || {
        for job in rx_for_worker {
            println!("worker got {job}");
        }
    });
    for job in rx {
        println!("main got {job}");
    }
    drop(tx);
}
