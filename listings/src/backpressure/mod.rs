//! Listings for the chapter "backpressure".
