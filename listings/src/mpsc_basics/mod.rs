//! Listings for the chapter "mpsc basics" (`book/mpsc-basics.md`), in the order the
//! chapter shows them. Each file tests that its listing does what the text claims.

pub mod bounded;
pub mod first_channel;
pub mod many_producers;
pub mod receive_loop;
pub mod shared_sender;
pub mod timeouts;
pub mod try_recv;
