//! Errors are replies: an actor that panics on a bad request is gone for every caller; an
//! actor that answers with an error keeps serving.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

// ANCHOR: types
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookingError {
    NoSuchSeat(usize),
    Taken(usize),
    /// The actor is not running any more.
    Closed,
}

enum Request {
    Book {
        seat: usize,
        reply: Sender<Result<(), BookingError>>,
    },
    FreeSeats {
        reply: Sender<usize>,
    },
}
// ANCHOR_END: types

// ANCHOR: fragile
/// DON'T: trusts every request. A seat number out of range panics at `taken[seat]`, a
/// taken seat panics at the assert, and either panic ends the thread for good.
fn run_fragile(inbox: Receiver<Request>, mut taken: Vec<bool>) {
    for request in inbox {
        match request {
            Request::Book { seat, reply } => {
                assert!(!taken[seat], "seat {seat} is already taken");
                taken[seat] = true;
                let _ = reply.send(Ok(()));
            }
            Request::FreeSeats { reply } => {
                let _ = reply.send(taken.iter().filter(|t| !**t).count());
            }
        }
    }
}
// ANCHOR_END: fragile

// ANCHOR: sturdy
/// DO: checks the request and answers with an error. The state is untouched by a bad
/// request, and the loop goes on to the next one.
fn run(inbox: Receiver<Request>, mut taken: Vec<bool>) {
    for request in inbox {
        match request {
            Request::Book { seat, reply } => {
                let result = match taken.get_mut(seat) {
                    None => Err(BookingError::NoSuchSeat(seat)),
                    Some(slot) if *slot => Err(BookingError::Taken(seat)),
                    Some(slot) => {
                        *slot = true;
                        Ok(())
                    }
                };
                let _ = reply.send(result);
            }
            Request::FreeSeats { reply } => {
                let _ = reply.send(taken.iter().filter(|t| !**t).count());
            }
        }
    }
}
// ANCHOR_END: sturdy

// ANCHOR: handle
#[derive(Clone)]
pub struct Seats {
    inbox: Sender<Request>,
}

impl Seats {
    pub fn spawn(seats: usize) -> Seats {
        Seats::start(seats, run)
    }

    pub fn spawn_fragile(seats: usize) -> Seats {
        Seats::start(seats, run_fragile)
    }

    fn start(seats: usize, body: fn(Receiver<Request>, Vec<bool>)) -> Seats {
        let (sender, inbox) = mpsc::channel();
        thread::spawn(move || body(inbox, vec![false; seats]));
        Seats { inbox: sender }
    }

    pub fn book(&self, seat: usize) -> Result<(), BookingError> {
        let (reply, answer) = mpsc::channel();
        let request = Request::Book { seat, reply };
        self.inbox.send(request).map_err(|_| BookingError::Closed)?;
        // The outer Err (no answer ever) becomes Closed; the inner Result is the answer.
        answer.recv().unwrap_or(Err(BookingError::Closed))
    }

    pub fn free_seats(&self) -> Result<usize, BookingError> {
        let (reply, answer) = mpsc::channel();
        let request = Request::FreeSeats { reply };
        self.inbox.send(request).map_err(|_| BookingError::Closed)?;
        answer.recv().map_err(|_| BookingError::Closed)
    }
}
// ANCHOR_END: handle

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bad_request_kills_the_fragile_actor_for_everyone() {
        let seats = Seats::spawn_fragile(10);
        let other_caller = seats.clone();
        assert_eq!(seats.book(3), Ok(()));
        assert_eq!(
            seats.book(42),
            Err(BookingError::Closed),
            "the panic drops the reply Sender"
        );
        // A different caller with a perfectly good request:
        assert_eq!(other_caller.book(4), Err(BookingError::Closed));
        assert_eq!(other_caller.free_seats(), Err(BookingError::Closed));
    }

    #[test]
    fn a_taken_seat_kills_the_fragile_actor_too() {
        let seats = Seats::spawn_fragile(10);
        assert_eq!(seats.book(3), Ok(()));
        assert_eq!(seats.book(3), Err(BookingError::Closed));
        assert_eq!(seats.book(5), Err(BookingError::Closed));
    }

    #[test]
    fn the_sturdy_actor_answers_errors_and_keeps_serving() {
        let seats = Seats::spawn(10);
        assert_eq!(seats.book(3), Ok(()));
        assert_eq!(seats.book(42), Err(BookingError::NoSuchSeat(42)));
        assert_eq!(seats.book(3), Err(BookingError::Taken(3)));
        assert_eq!(seats.book(4), Ok(()));
        assert_eq!(seats.free_seats(), Ok(8), "bad requests changed nothing");
    }

    #[test]
    fn concurrent_callers_never_book_a_seat_twice() {
        let seats = Seats::spawn(20);
        let callers: Vec<_> = (0..4)
            .map(|_| {
                let seats = seats.clone();
                thread::spawn(move || (0..20).filter(|&s| seats.book(s).is_ok()).count())
            })
            .collect();
        let booked: usize = callers.into_iter().map(|c| c.join().unwrap()).sum();
        assert_eq!(booked, 20, "each seat booked by exactly one caller");
        assert_eq!(seats.free_seats(), Ok(0));
    }
}
