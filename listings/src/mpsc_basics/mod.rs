//! Listings for the chapter "mpsc_basics".
