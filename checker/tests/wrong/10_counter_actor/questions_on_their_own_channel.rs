//! mistake: `get` goes through a second channel, so a question can overtake the updates before it
//! expect: failed
//! caught-by: get_sees_this_handles_earlier_updates

use crossbeam_channel::{Sender, bounded, select, unbounded};
use std::thread::{self, JoinHandle};

#[derive(Clone)]
pub struct Counter {
    updates: Sender<i64>,
    questions: Sender<Sender<i64>>,
}

impl Counter {
    pub fn spawn() -> (Counter, JoinHandle<i64>) {
        let (updates, update_rx) = unbounded::<i64>();
        let (questions, question_rx) = unbounded::<Sender<i64>>();
        let actor = thread::spawn(move || {
            let mut count = 0;
            loop {
                // Whichever channel has something ready; both close together.
                select! {
                    recv(update_rx) -> msg => match msg {
                        Ok(delta) => count += delta,
                        Err(_) => break,
                    },
                    recv(question_rx) -> msg => match msg {
                        Ok(reply) => {
                            let _ = reply.send(count);
                        }
                        Err(_) => break,
                    },
                }
            }
            count
        });
        (Counter { updates, questions }, actor)
    }

    pub fn increment(&self) {
        self.updates.send(1).unwrap();
    }

    pub fn decrement(&self) {
        self.updates.send(-1).unwrap();
    }

    pub fn get(&self) -> i64 {
        let (reply_tx, reply_rx) = bounded(1);
        self.questions.send(reply_tx).unwrap();
        reply_rx.recv().unwrap()
    }
}
