//! Listings for the chapter "std vs crossbeam, measured" (`book/beyond.md`).
//!
//! The measuring program is `listings/examples/std_vs_crossbeam.rs`; the loops it
//! times live here, where `cargo test -p listings` checks that they move every
//! message exactly once.

pub mod channels;
pub mod workloads;
