// Two workers share one std Receiver through an Arc, without a Mutex.
use std::sync::Arc;
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<u32>();
    let rx = Arc::new(rx);
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let rx = Arc::clone(&rx);
            thread::spawn(move || {
                for job in rx.iter() {
                    println!("job {job}");
                }
            })
        })
        .collect();
    for job in 0..10 {
        tx.send(job).unwrap();
    }
    drop(tx);
    for w in workers {
        w.join().unwrap();
    }
}
