//! The workbook's checker: grades the learner's exercise crates against hidden tests.
//!
//! The pipeline, one module per stage, data flowing one way:
//! `catalog` (which exercises) -> `stage` (a grading workspace under target/) -> `compile`
//! (one cargo invocation) -> `run` (each test its own time-limited process) -> `verdict`
//! (plain data) -> `report` (terminal | JSON) and `book` (the progress page).

mod actions;
mod book;
mod catalog;
mod compile;
mod grade;
mod project;
mod report;
mod run;
mod stage;
mod verdict;
mod watch;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

use crate::catalog::Exercise;

/// Grades your exercises against hidden tests, one time-limited process per test.
///
/// With no command it grades: every exercise, or the ones named (by id `01_fan_in`,
/// number `1`, or name `fan_in`).
#[derive(Parser)]
#[command(name = "checker", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// The folder holding the exercise crates (NN_name/). Default: exercises/
    #[arg(long, value_name = "DIR")]
    exercises: Option<PathBuf>,

    /// Print one JSON object on stdout and nothing else there.
    #[arg(long)]
    json: bool,

    /// How many test processes run at once (default: twice the CPU cores).
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,

    /// Exercises to grade (default: all).
    #[arg(value_name = "ID")]
    ids: Vec<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Grade again whenever you save a file; Ctrl-C to stop.
    Watch {
        /// The folder holding the exercise crates (NN_name/). Default: exercises/
        #[arg(long, value_name = "DIR")]
        exercises: Option<PathBuf>,
        /// How many test processes run at once.
        #[arg(long, value_name = "N")]
        jobs: Option<usize>,
    },
    /// Nudges for an exercise, without giving the answer away.
    Hint { id: String },
    /// Put an exercise back to its original stub (your file is backed up first).
    Reset {
        id: String,
        /// The folder holding the exercise crates (NN_name/). Default: exercises/
        #[arg(long, value_name = "DIR")]
        exercises: Option<PathBuf>,
    },
    /// Show the reference solution of an exercise you have passed.
    Solution {
        id: String,
        /// The folder holding the exercise crates (NN_name/). Default: exercises/
        #[arg(long, value_name = "DIR")]
        exercises: Option<PathBuf>,
    },
    /// Build the book (with your progress) into target/book and print where to open it.
    Book {
        /// Open it in a browser too.
        #[arg(long)]
        open: bool,
    },
}

fn main() -> ExitCode {
    // `cargo checker hint 3 | head` should stop quietly, as other command-line tools do,
    // rather than panic on the closed pipe.
    // SAFETY: restoring the default disposition of one signal, before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let outcome = match cli.command {
        None => grade_command(cli.exercises, cli.json, cli.jobs, &cli.ids),
        Some(Command::Watch { exercises, jobs }) => watch::watch(exercises, jobs),
        Some(Command::Hint { id }) => exercise(&id).and_then(actions::hint),
        Some(Command::Reset { id, exercises }) => {
            exercise(&id).and_then(|e| actions::reset(e, exercises.as_deref()))
        }
        Some(Command::Solution { id, exercises }) => {
            exercise(&id).and_then(|e| actions::solution(e, exercises.as_deref()))
        }
        Some(Command::Book { open }) => book::build_and_report(open),
    };
    match outcome {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// Resolves one id, or says which ids exist.
fn exercise(id: &str) -> Result<&'static Exercise, String> {
    catalog::find(id).ok_or_else(|| {
        format!(
            "there is no exercise `{id}`. Valid ids: {}",
            catalog::valid_ids()
        )
    })
}

/// The exercises named by `ids` (all of them when none), without repeats, in order.
fn selection(ids: &[String]) -> Result<Vec<&'static Exercise>, String> {
    if ids.is_empty() {
        return Ok(catalog::EXERCISES.iter().collect());
    }
    let mut chosen: Vec<&'static Exercise> = Vec::new();
    for id in ids {
        let e = exercise(id)?;
        if !chosen.iter().any(|c| c.id == e.id) {
            chosen.push(e);
        }
    }
    chosen.sort_by_key(|e| e.id);
    Ok(chosen)
}

fn grade_command(
    dir: Option<PathBuf>,
    json: bool,
    jobs: Option<usize>,
    ids: &[String],
) -> Result<ExitCode, String> {
    let exercises = selection(ids)?;
    let dir = project::exercises_dir(dir.as_deref())?;
    let options = grade::Options::with_jobs(jobs);
    if !json {
        eprintln!(
            "Building and grading {} exercise(s) in {} ...",
            exercises.len(),
            dir.display()
        );
    }
    let start = Instant::now();
    let report = grade::grade(&dir, &exercises, &options)?;
    actions::remember(&dir, &report);
    if json {
        println!("{}", report::json(&report));
    } else {
        print!(
            "{}",
            report::terminal(
                &report,
                &dir.display().to_string(),
                start.elapsed().as_secs_f64()
            )
        );
    }
    Ok(if report.all_passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
