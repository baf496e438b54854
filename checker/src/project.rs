//! Where things are: the workbook's root, the exercises being graded, and the checker's
//! own corner of `target/`.

use std::path::{Path, PathBuf};

/// The workbook checkout the checker was built from.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("checker/ has a parent")
        .to_path_buf()
}

/// Everything the checker writes lives here: staged workspaces, the shared build
/// directory, backups, the last report.
pub fn work_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|t| if t.is_absolute() { t } else { root().join(t) })
        .unwrap_or_else(|| root().join("target"))
        .join("checker")
}

/// The learner's exercises: `--exercises DIR` when given, otherwise `exercises/` in the
/// current directory or, failing that, in the workbook root.
pub fn exercises_dir(given: Option<&Path>) -> Result<PathBuf, String> {
    let dir = match given {
        Some(dir) => dir.to_path_buf(),
        None => {
            let here = PathBuf::from("exercises");
            if here.is_dir() {
                here
            } else {
                root().join("exercises")
            }
        }
    };
    if !dir.is_dir() {
        return Err(format!(
            "the exercises directory `{}` does not exist (or is not a directory).\n\
             Pass the folder that holds the NN_name crates, e.g. `--exercises exercises`.",
            dir.display()
        ));
    }
    dir.canonicalize()
        .map_err(|e| format!("cannot read `{}`: {e}", dir.display()))
}

/// True when `dir` is the workbook's own `exercises/`: only then is the report kept as the
/// learner's progress.
pub fn is_own_exercises(dir: &Path) -> bool {
    root()
        .join("exercises")
        .canonicalize()
        .is_ok_and(|own| own == dir)
}

/// Where the last grade of the learner's own exercises is kept.
pub fn progress_file() -> PathBuf {
    work_dir().join("progress.json")
}
