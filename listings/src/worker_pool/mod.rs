//! Listings for the chapter "worker_pool".
