//! Listings for the chapter "select".
