//! The book's listings. Each file is one listing (or a few related ones), marked with
//! `// ANCHOR: name` / `// ANCHOR_END: name` so the book can `{{#include}}` exactly the
//! part it discusses, and each carries its own tests, so `cargo test -p listings` proves
//! every listing compiles and does what the text says.
//!
//! Listings that must NOT compile live in `compile_fail/<chapter>/`, next to the
//! `.stderr` file holding the error the book shows; `tests/compile_fail.rs` checks both.

pub mod actors;
pub mod backpressure;
pub mod beyond;
pub mod mpsc_basics;
pub mod select;
pub mod worker_pool;
