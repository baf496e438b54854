//! Every listing the book says does not compile must fail with the error the book shows.
//! One test per chapter, so a chapter's author can run just theirs:
//! `cargo test -p listings --test compile_fail mpsc_basics`.
//! After changing a listing on purpose: `TRYBUILD=overwrite cargo test -p listings --test compile_fail`.

fn chapter(dir: &str) {
    let pattern = format!("compile_fail/{dir}/*.rs");
    let has_files = std::fs::read_dir(format!("{}/compile_fail/{dir}", env!("CARGO_MANIFEST_DIR")))
        .map(|d| {
            d.flatten()
                .any(|e| e.path().extension().is_some_and(|x| x == "rs"))
        })
        .unwrap_or(false);
    if has_files {
        trybuild::TestCases::new().compile_fail(pattern);
    }
}

#[test]
fn mpsc_basics() {
    chapter("mpsc_basics");
}

#[test]
fn select() {
    chapter("select");
}

#[test]
fn backpressure() {
    chapter("backpressure");
}

#[test]
fn actors() {
    chapter("actors");
}

#[test]
fn worker_pool() {
    chapter("worker_pool");
}
