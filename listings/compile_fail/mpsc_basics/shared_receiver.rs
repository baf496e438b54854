// Does not compile: two threads share one `&Receiver`, and `Receiver` is not `Sync`.
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<u32>();
    thread::scope(|s| {
        for worker in 0..2 {
            let rx = &rx;
            s.spawn(move || {
                while let Ok(job) = rx.recv() {
                    println!("worker {worker} took job {job}");
                }
            });
        }
        for job in 0..10 {
            tx.send(job).unwrap();
        }
        drop(tx);
    });
}
