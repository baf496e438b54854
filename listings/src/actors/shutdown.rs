//! Shutting an actor down. Closing the inbox (dropping every handle) loses nothing; a stop
//! message loses whatever was queued behind it, although every one of those sends said Ok.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// The actor is not running any more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped;

// ANCHOR: recorder
enum Message {
    Record(String),
    Stop(Sender<Vec<String>>),
}

/// An actor that writes entries somewhere slow; `write_time` stands for that work.
fn run(inbox: Receiver<Message>, write_time: Duration) -> Vec<String> {
    let mut written = Vec::new();
    for message in inbox {
        match message {
            Message::Record(entry) => {
                thread::sleep(write_time);
                written.push(entry);
            }
            Message::Stop(reply) => {
                let _ = reply.send(written.clone());
                break; // whatever is still in the inbox is dropped with it
            }
        }
    }
    written
}

#[derive(Clone)]
pub struct Recorder {
    inbox: Sender<Message>,
}

impl Recorder {
    pub fn spawn(write_time: Duration) -> (Recorder, JoinHandle<Vec<String>>) {
        let (tx, rx) = mpsc::channel();
        let actor = thread::spawn(move || run(rx, write_time));
        (Recorder { inbox: tx }, actor)
    }

    /// Ok means the entry is in the inbox: not that it will be written.
    pub fn record(&self, entry: &str) -> Result<(), Stopped> {
        let message = Message::Record(entry.to_string());
        self.inbox.send(message).map_err(|_| Stopped)
    }

    /// Queues a Stop; the returned Receiver gets what the actor had written by then.
    pub fn request_stop(&self) -> Result<Receiver<Vec<String>>, Stopped> {
        let (reply, written) = mpsc::channel();
        self.inbox.send(Message::Stop(reply)).map_err(|_| Stopped)?;
        Ok(written)
    }

    /// Stops the actor and returns what it had written.
    pub fn stop(&self) -> Result<Vec<String>, Stopped> {
        self.request_stop()?.recv().map_err(|_| Stopped)
    }
}
// ANCHOR_END: recorder

// ANCHOR: close_inbox
/// Lossless: every handle is dropped, so no new entry can be sent, and the actor's loop
/// takes every entry still queued before `recv` reports the disconnection.
pub fn record_then_close(entries: &[&str], write_time: Duration) -> Vec<String> {
    let (recorder, actor) = Recorder::spawn(write_time);
    for entry in entries {
        recorder.record(entry).unwrap();
    }
    drop(recorder);
    actor.join().unwrap()
}
// ANCHOR_END: close_inbox

// ANCHOR: stop_loses
/// Lossy: one part of the program stops the actor while another is still recording.
pub fn stop_while_recording() -> (Result<(), Stopped>, Vec<String>) {
    let (recorder, _actor) = Recorder::spawn(Duration::from_millis(200));
    let elsewhere = recorder.clone();
    recorder.record("first").unwrap(); // the actor is busy with this for 200 ms
    let written = recorder.request_stop().unwrap(); // Stop is queued behind "first"
    let late = elsewhere.record("late"); // queued behind Stop, while the actor lives: Ok
    (late, written.recv().unwrap())
}
// ANCHOR_END: stop_loses

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_the_inbox_writes_every_queued_entry() {
        let written = record_then_close(&["a", "b", "c", "d"], Duration::from_millis(10));
        assert_eq!(written, ["a", "b", "c", "d"]);
    }

    #[test]
    fn a_stop_message_drops_an_entry_whose_send_said_ok() {
        let (late, written) = stop_while_recording();
        assert_eq!(
            late,
            Ok(()),
            "the late entry was queued while the actor was alive"
        );
        assert_eq!(
            written,
            ["first"],
            "and it is not among the entries written"
        );
    }

    #[test]
    fn after_the_actor_is_gone_record_and_stop_fail() {
        let (recorder, actor) = Recorder::spawn(Duration::ZERO);
        recorder.record("x").unwrap();
        assert_eq!(recorder.stop(), Ok(vec!["x".to_string()]));
        actor.join().unwrap();
        assert_eq!(recorder.record("y"), Err(Stopped));
        assert_eq!(recorder.stop(), Err(Stopped));
    }
}
