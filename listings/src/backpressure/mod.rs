//! Listings for the chapter "backpressure".

pub mod deadline;
pub mod drop_newest;
pub mod drop_oldest;
pub mod growth;
pub mod hand_back;
pub mod kinds;
pub mod producer_panic;
