//! The smallest useful actor: a thread that owns a word count, and a handle that talks to it.

use std::collections::HashMap;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::{self, JoinHandle};

// ANCHOR: messages
/// Everything the tally actor can be asked to do.
enum Message {
    /// Count one more occurrence of a word. Nobody waits for an answer.
    Add(String),
    /// How often has this word been added? The answer goes back over the Sender.
    Count(String, Sender<usize>),
}
// ANCHOR_END: messages

// ANCHOR: actor
/// The actor's body. `counts` is a local variable of this one thread: no other thread can
/// reach it, so it needs no lock. Messages are handled one at a time, in the order they
/// arrive, and the loop ends when every Sender for `inbox` has been dropped.
fn run(inbox: Receiver<Message>) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for message in inbox {
        match message {
            Message::Add(word) => *counts.entry(word).or_insert(0) += 1,
            Message::Count(word, reply) => {
                let n = counts.get(&word).copied().unwrap_or(0);
                // The caller may have given up waiting; that is no reason to stop.
                let _ = reply.send(n);
            }
        }
    }
    counts // the final state, handed to whoever joins the thread
}
// ANCHOR_END: actor

// ANCHOR: handle
/// The handle: all a caller ever holds. Cloning it clones a Sender, nothing more.
#[derive(Clone)]
pub struct Tally {
    inbox: Sender<Message>,
}

impl Tally {
    /// Starts the actor. Joining the JoinHandle gives the final counts, once every
    /// clone of the returned Tally has been dropped.
    pub fn spawn() -> (Tally, JoinHandle<HashMap<String, usize>>) {
        let (tx, rx) = mpsc::channel();
        let actor = thread::spawn(move || run(rx));
        (Tally { inbox: tx }, actor)
    }

    /// Fire and forget: returns as soon as the message is queued.
    pub fn add(&self, word: &str) {
        self.inbox
            .send(Message::Add(word.to_string()))
            .expect("the tally actor has stopped");
    }

    /// Request and reply: sends a fresh reply channel along with the question.
    pub fn count(&self, word: &str) -> usize {
        let (reply_tx, reply_rx) = mpsc::channel();
        self.inbox
            .send(Message::Count(word.to_string(), reply_tx))
            .expect("the tally actor has stopped");
        reply_rx
            .recv()
            .expect("the tally actor dropped the question")
    }
}
// ANCHOR_END: handle

// ANCHOR: demo
/// Four threads add words through their own clones of one handle.
pub fn demo() -> (usize, HashMap<String, usize>) {
    let (tally, actor) = Tally::spawn();
    let writers: Vec<_> = (0..4)
        .map(|_| {
            let tally = tally.clone();
            thread::spawn(move || {
                for word in ["ping", "pong", "ping"] {
                    tally.add(word);
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    let pings = tally.count("ping"); // 8: all four writers have finished
    drop(tally); // the last handle: the actor's loop ends...
    let final_counts = actor.join().unwrap(); // ...and we get its state back
    (pings, final_counts)
}
// ANCHOR_END: demo

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn handle_is_send_sync_and_clone() {
        fn check<T: Send + Sync + Clone + 'static>() {}
        // Holds since Rust 1.72, when std's Sender became Sync.
        check::<Tally>();
    }

    #[test]
    fn demo_counts_every_word_and_returns_the_final_state() {
        let (pings, counts) = demo();
        assert_eq!(pings, 8);
        assert_eq!(counts.get("ping"), Some(&8));
        assert_eq!(counts.get("pong"), Some(&4));
        assert_eq!(counts.len(), 2);
    }

    #[test]
    fn no_update_is_lost_under_contention() {
        let (tally, actor) = Tally::spawn();
        let writers: Vec<_> = (0..8)
            .map(|_| {
                let tally = tally.clone();
                thread::spawn(move || (0..500).for_each(|_| tally.add("x")))
            })
            .collect();
        writers.into_iter().for_each(|w| w.join().unwrap());
        assert_eq!(tally.count("x"), 4000);
        drop(tally);
        assert_eq!(actor.join().unwrap()["x"], 4000);
    }

    #[test]
    fn a_handle_sees_its_own_earlier_adds() {
        // One thread's messages reach the actor in the order it sent them, so a Count
        // sent after an Add is answered after that Add was counted.
        let (tally, _actor) = Tally::spawn();
        for expected in 1..=200 {
            tally.add("me");
            assert_eq!(tally.count("me"), expected);
        }
    }

    #[test]
    fn the_actor_stops_when_the_last_handle_drops() {
        let (tally, actor) = Tally::spawn();
        let clones: Vec<_> = (0..3).map(|_| tally.clone()).collect();
        tally.add("a");
        drop(tally);
        clones[0].add("b");
        // Clones still alive: the actor must still be running.
        thread::sleep(Duration::from_millis(50));
        assert!(
            !actor.is_finished(),
            "the actor stopped while handles remained"
        );
        drop(clones);
        let counts =
            crate::actors::finishes_within(Duration::from_secs(2), move || actor.join().unwrap())
                .expect("the actor kept running after every handle was dropped");
        assert_eq!(counts.len(), 2);
    }
}
