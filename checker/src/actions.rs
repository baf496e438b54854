//! The small commands around grading: hint, reset, solution, and keeping progress.

use std::fs;
use std::path::Path;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::catalog::Exercise;
use crate::grade;
use crate::project;
use crate::verdict::{Report, Status};

/// Keeps the report as the learner's progress, when it graded the workbook's own
/// exercises (a teacher grading a student's folder must not overwrite it).
pub fn remember(dir: &Path, report: &Report) {
    if !project::is_own_exercises(dir) {
        return;
    }
    let merged = match load_progress() {
        Some(previous) => previous.merged_with(report),
        None => report.clone(),
    };
    let path = project::progress_file();
    let _ = fs::create_dir_all(path.parent().expect("has a parent"));
    let _ = fs::write(
        &path,
        serde_json::to_string_pretty(&merged).expect("serializes"),
    );
}

/// The learner's last known progress, if any.
pub fn load_progress() -> Option<Report> {
    let text = fs::read_to_string(project::progress_file()).ok()?;
    serde_json::from_str(&text).ok()
}

pub fn hint(exercise: &Exercise) -> Result<ExitCode, String> {
    // A hints file may bring its own title; otherwise give it one.
    if !exercise.hints.starts_with('#') {
        println!(
            "Hints for {} (read one, try again, then read the next):\n",
            exercise.id
        );
    }
    println!("{}", exercise.hints.trim_end());
    println!(
        "\nThe chapter: target/book/{}  (build it with `cargo checker book`)",
        exercise.anchor()
    );
    Ok(ExitCode::SUCCESS)
}

/// Restores the stub, after copying the learner's file to target/checker/backups/.
pub fn reset(exercise: &Exercise, dir: Option<&Path>) -> Result<ExitCode, String> {
    let dir = project::exercises_dir(dir)?;
    let file = dir.join(exercise.id).join("src/lib.rs");
    match fs::read_to_string(&file) {
        Ok(current) if current == exercise.stub => {
            println!(
                "{} is already the original stub; nothing to do.",
                file.display()
            );
            return Ok(ExitCode::SUCCESS);
        }
        Ok(current) => {
            let stamp = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_millis())
                .unwrap_or(0);
            let backup = project::work_dir()
                .join("backups")
                .join(exercise.id)
                .join(format!("lib-{stamp}.rs"));
            fs::create_dir_all(backup.parent().expect("has a parent"))
                .and_then(|()| fs::write(&backup, current))
                .map_err(|e| {
                    format!(
                        "could not back up {} (so it was left untouched): {e}",
                        file.display()
                    )
                })?;
            println!("Your version is saved in {}", backup.display());
        }
        Err(_) if !file.exists() => {}
        Err(e) => {
            return Err(format!(
                "cannot read {} (so it was left untouched): {e}",
                file.display()
            ));
        }
    }
    fs::create_dir_all(file.parent().expect("has a parent")).map_err(|e| e.to_string())?;
    fs::write(&file, exercise.stub)
        .map_err(|e| format!("could not write {}: {e}", file.display()))?;
    println!("{} is the original stub again.", file.display());
    Ok(ExitCode::SUCCESS)
}

/// Shows the reference solution, but only once the learner's own crate passes.
pub fn solution(exercise: &'static Exercise, dir: Option<&Path>) -> Result<ExitCode, String> {
    let dir = project::exercises_dir(dir)?;
    eprintln!(
        "Grading {} first: the solution is shown once yours passes ...",
        exercise.id
    );
    let report = grade::grade(&dir, &[exercise], &grade::Options::default())?;
    remember(&dir, &report);
    let status = report
        .exercises
        .first()
        .map(|e| e.status)
        .unwrap_or(Status::Failed);
    if status != Status::Passed {
        println!(
            "{} is {} for now, so its solution stays hidden: working it out is the point.\n\
             Try `cargo checker hint {}`, or read target/book/{}.",
            exercise.id,
            status.word(),
            exercise.number(),
            exercise.anchor()
        );
        return Ok(ExitCode::from(1));
    }
    let path = project::root()
        .join("solutions")
        .join(exercise.id)
        .join("src/lib.rs");
    let text = fs::read_to_string(&path)
        .map_err(|e| format!("cannot read the solution {}: {e}", path.display()))?;
    println!(
        "Well done. The reference solution ({}):\n\n{text}",
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}
