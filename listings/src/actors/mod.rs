//! Listings for the chapter "actors".
