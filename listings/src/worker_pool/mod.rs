//! Listings for the chapter "worker_pool".

pub mod crossbeam_pool;
pub mod guard_trap;
pub mod lazy;
pub mod ordered;
pub mod panics;
pub mod scoped;
pub mod std_pool;
