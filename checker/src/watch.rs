//! Watch mode: grade, then grade again each time a file of an exercise changes.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::catalog::{self, Exercise};
use crate::{actions, grade, project, report};

pub fn watch(dir: Option<PathBuf>, jobs: Option<usize>) -> Result<ExitCode, String> {
    let dir = project::exercises_dir(dir.as_deref())?;
    let options = grade::Options::with_jobs(jobs);
    let (tx, rx) = mpsc::channel();
    let mut watcher =
        notify::recommended_watcher(tx).map_err(|e| format!("cannot watch files: {e}"))?;
    watcher
        .watch(&dir, RecursiveMode::Recursive)
        .map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;

    let all: Vec<&'static Exercise> = catalog::EXERCISES.iter().collect();
    grade_and_print(&dir, &all, &options);
    loop {
        // Wait for a change, then let a burst of saves settle before grading.
        let first = rx
            .recv()
            .map_err(|_| "the file watcher stopped".to_string())?;
        let mut changed: Vec<PathBuf> = edited(first);
        let settle = Instant::now() + Duration::from_millis(300);
        while let Ok(event) = rx.recv_timeout(settle.saturating_duration_since(Instant::now())) {
            changed.extend(edited(event));
        }
        let touched = touched_exercises(&dir, &changed);
        if !touched.is_empty() {
            grade_and_print(&dir, &touched, &options);
        }
    }
}

/// The paths an event says were written, created or removed. Reads are events too on
/// Linux (and grading reads every file), so they must not count, or watch mode would
/// grade forever.
fn edited(event: notify::Result<notify::Event>) -> Vec<PathBuf> {
    use notify::EventKind::{Create, Modify, Remove};
    use notify::event::ModifyKind;
    match event {
        Ok(e) if matches!(e.kind, Create(_) | Remove(_)) => e.paths,
        Ok(e) if matches!(e.kind, Modify(kind) if !matches!(kind, ModifyKind::Metadata(_))) => {
            e.paths
        }
        _ => Vec::new(),
    }
}

/// The exercises whose sources (not build output) are among `paths`.
fn touched_exercises(dir: &Path, paths: &[PathBuf]) -> Vec<&'static Exercise> {
    catalog::EXERCISES
        .iter()
        .filter(|e| {
            paths.iter().any(|p| {
                p.strip_prefix(dir.join(e.id)).is_ok_and(|rel| {
                    !rel.starts_with("target")
                        && rel.extension().is_some_and(|x| x == "rs" || x == "toml")
                })
            })
        })
        .collect()
}

fn grade_and_print(dir: &Path, exercises: &[&'static Exercise], options: &grade::Options) {
    let start = Instant::now();
    match grade::grade(dir, exercises, options) {
        Ok(graded) => {
            actions::remember(dir, &graded);
            // Show the whole table: what was just graded plus what is known of the rest.
            let shown = actions::load_progress()
                .filter(|_| project::is_own_exercises(dir))
                .unwrap_or(graded);
            print!(
                "{}",
                report::terminal(
                    &shown,
                    &dir.display().to_string(),
                    start.elapsed().as_secs_f64()
                )
            );
        }
        Err(e) => eprintln!("error: {e}"),
    }
    println!(
        "\nWatching {} — save a file to grade it again; Ctrl-C to stop.",
        dir.display()
    );
}
