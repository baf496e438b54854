//! Listings for the chapter "select".

pub mod default_arm;
pub mod disconnected;
pub mod dynamic;
pub mod fairness;
pub mod shared_queue;
pub mod timers;
