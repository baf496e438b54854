// Catching a panic of a caller-supplied function, without AssertUnwindSafe.
use std::panic;

fn run_caught<F: Fn(u32) -> u32>(work: &F, input: u32) -> Result<u32, String> {
    panic::catch_unwind(|| work(input)).map_err(|_| "the job panicked".to_string())
}

fn main() {
    println!("{:?}", run_caught(&|n| 100 / n, 0));
}
