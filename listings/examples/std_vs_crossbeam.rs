//! Measures std::sync::mpsc against crossbeam-channel on the workloads in
//! `listings/src/beyond/workloads.rs`, and prints a Markdown table.
//!
//!     cargo run --release -p listings --example std_vs_crossbeam
//!     cargo run --release -p listings --example std_vs_crossbeam -- --samples 15
//!
//! Every workload runs `samples` times for each library, after one warm-up run
//! each. The runs alternate between std and crossbeam (and which of the two goes
//! first), so that a change in machine load hits both alike. The table shows the median and, in brackets,
//! the lowest and highest sample. Every run's tally is checked, so a fast but wrong run cannot count.

use listings::beyond::channels::{
    Channel, CrossbeamBounded, CrossbeamUnbounded, StdBounded, StdUnbounded,
};
use listings::beyond::workloads::{Tally, ping_pong, throughput};
use std::time::{Duration, Instant};

/// One workload: what it is called, how many operations one run performs, and
/// whether the table should show a rate (higher is better) or a time per operation.
struct Workload {
    name: &'static str,
    unit: Unit,
}

#[derive(Clone, Copy)]
enum Unit {
    /// Million messages per second.
    Throughput { messages: u64 },
    /// Microseconds per round trip.
    RoundTrip { rounds: u64 },
}

/// Median, minimum and maximum of some samples.
struct Spread {
    median: f64,
    min: f64,
    max: f64,
}

fn spread(mut xs: Vec<f64>) -> Spread {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    let median = if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    };
    Spread {
        median,
        min: xs[0],
        max: xs[n - 1],
    }
}

/// Turns one run's duration into the number the table shows.
fn figure(unit: Unit, took: Duration) -> f64 {
    match unit {
        Unit::Throughput { messages } => messages as f64 / took.as_secs_f64() / 1e6,
        Unit::RoundTrip { rounds } => took.as_secs_f64() * 1e6 / rounds as f64,
    }
}

/// Runs one workload on one kind of channel once, checks it, and times it.
fn run_once<C: Channel>(kind: &C, unit: Unit, producers: u64) -> Duration {
    let start = Instant::now();
    match unit {
        Unit::Throughput { messages } => {
            let per_producer = messages / producers;
            let tally = throughput(kind, producers, per_producer);
            let took = start.elapsed();
            assert_eq!(
                tally,
                Tally::expected(producers, per_producer),
                "messages lost or duplicated"
            );
            took
        }
        Unit::RoundTrip { rounds } => {
            let completed = ping_pong(kind, rounds);
            let took = start.elapsed();
            assert_eq!(completed, rounds, "a round trip went wrong");
            took
        }
    }
}

fn compare<S: Channel, X: Channel>(
    w: &Workload,
    producers: u64,
    std_kind: S,
    cb_kind: X,
    samples: usize,
) {
    run_once(&std_kind, w.unit, producers); // warm-up: threads, allocator, caches
    run_once(&cb_kind, w.unit, producers);
    let (mut std_figs, mut cb_figs) = (Vec::new(), Vec::new());
    for sample in 0..samples {
        // Take turns going first, so that neither library always runs right after the other.
        if sample % 2 == 0 {
            std_figs.push(figure(w.unit, run_once(&std_kind, w.unit, producers)));
            cb_figs.push(figure(w.unit, run_once(&cb_kind, w.unit, producers)));
        } else {
            cb_figs.push(figure(w.unit, run_once(&cb_kind, w.unit, producers)));
            std_figs.push(figure(w.unit, run_once(&std_kind, w.unit, producers)));
        }
    }
    let (s, c) = (spread(std_figs), spread(cb_figs));
    // "How much faster is crossbeam": a ratio of rates, or the inverse ratio of times.
    let ratio = match w.unit {
        Unit::Throughput { .. } => c.median / s.median,
        Unit::RoundTrip { .. } => s.median / c.median,
    };
    let unit = match w.unit {
        Unit::Throughput { .. } => "M msg/s",
        Unit::RoundTrip { .. } => "µs/round trip",
    };
    println!(
        "| {} | {:.2} ({:.2}–{:.2}) | {:.2} ({:.2}–{:.2}) | {unit} | {:.2} |",
        w.name, s.median, s.min, s.max, c.median, c.min, c.max, ratio
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let samples = match args.iter().position(|a| a == "--samples") {
        Some(i) => args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .filter(|&n| n > 0)
            .unwrap_or_else(|| {
                eprintln!("--samples needs a positive number");
                std::process::exit(2);
            }),
        None => 9,
    };
    if cfg!(debug_assertions) {
        eprintln!("warning: a debug build measures the debug build; use `cargo run --release ...`");
    }
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "{cores} cores available; load average at start: {}",
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!("{samples} samples per library and workload: median (lowest–highest value)\n");
    println!("| workload | std::sync::mpsc | crossbeam-channel | unit | crossbeam ÷ std speed |");
    println!("|---|---|---|---|---|");

    let million = Unit::Throughput {
        messages: 1_000_000,
    };
    let w = |name, unit| Workload { name, unit };
    compare(
        &w("SPSC, unbounded", million),
        1,
        StdUnbounded,
        CrossbeamUnbounded,
        samples,
    );
    compare(
        &w("SPSC, bounded(100)", million),
        1,
        StdBounded(100),
        CrossbeamBounded(100),
        samples,
    );
    compare(
        &w(
            "SPSC, rendezvous (0)",
            Unit::Throughput { messages: 100_000 },
        ),
        1,
        StdBounded(0),
        CrossbeamBounded(0),
        samples,
    );
    compare(
        &w("MPSC ×4, unbounded", million),
        4,
        StdUnbounded,
        CrossbeamUnbounded,
        samples,
    );
    compare(
        &w("MPSC ×4, bounded(100)", million),
        4,
        StdBounded(100),
        CrossbeamBounded(100),
        samples,
    );
    compare(
        &w("ping-pong, bounded(1)", Unit::RoundTrip { rounds: 20_000 }),
        1,
        StdBounded(1),
        CrossbeamBounded(1),
        samples,
    );
}
