//! Listings for the chapter "beyond".
