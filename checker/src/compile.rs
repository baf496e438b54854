//! Building: ONE cargo invocation for every staged exercise, `--keep-going` so one broken
//! crate does not stop the others, `--message-format=json` so each error is attributed to
//! the exercise it belongs to.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::stage::Stage;

/// What the build gave one exercise.
pub enum Built {
    /// The hidden test binary, ready to run.
    Binary(PathBuf),
    /// Why there is none, in words for the learner (rustc's rendered errors included).
    Failed(String),
    /// Cargo failed without a word about this exercise: the workspace as a whole could not
    /// be built (one crate's manifest can do that to all of them).
    Unexplained(String),
}

/// Builds everything staged in `stage`; returns what each exercise (by id) got.
pub fn build(stage: &Stage) -> HashMap<&'static str, Built> {
    let mut child = match Command::new(cargo())
        .args([
            "build",
            "--tests",
            "--keep-going",
            "--message-format=json",
            "--workspace",
            "--manifest-path",
        ])
        .arg(stage.manifest())
        .arg("--target-dir")
        .arg(&stage.target_dir)
        .env("CARGO_TERM_COLOR", "never")
        .env_remove("RUSTFLAGS")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => {
            let why = format!("could not start cargo: {e}");
            return stage
                .buildable()
                .map(|s| (s.exercise.id, Built::Failed(why.clone())))
                .collect();
        }
    };

    // cargo's own stderr (progress, workspace-level errors): drained on a thread so the
    // pipe never fills up, kept in case nothing else explains a failure.
    let mut stderr = child.stderr.take().expect("piped");
    let stderr_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });

    let by_manifest: HashMap<PathBuf, &'static str> = stage
        .buildable()
        .flat_map(|s| {
            [
                (s.manifest.clone(), s.exercise.id),
                (s.crate_dir.join("Cargo.toml"), s.exercise.id),
            ]
        })
        .filter_map(|(path, id)| Some((path.canonicalize().ok()?, id)))
        .collect();
    let learner_manifests: Vec<PathBuf> = stage
        .buildable()
        .filter_map(|s| s.crate_dir.join("Cargo.toml").canonicalize().ok())
        .collect();

    let mut binaries: HashMap<&'static str, PathBuf> = HashMap::new();
    let mut learner_errors: HashMap<&'static str, Vec<String>> = HashMap::new();
    let mut api_errors: HashMap<&'static str, Vec<String>> = HashMap::new();

    for line in BufReader::new(child.stdout.take().expect("piped"))
        .lines()
        .map_while(Result::ok)
    {
        let Ok(msg) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let manifest = msg["manifest_path"]
            .as_str()
            .and_then(|p| Path::new(p).canonicalize().ok());
        let Some(id) = manifest.as_ref().and_then(|m| by_manifest.get(m)).copied() else {
            continue;
        };
        match msg["reason"].as_str() {
            Some("compiler-artifact") => {
                let is_test = msg["target"]["kind"]
                    .as_array()
                    .is_some_and(|k| k.iter().any(|k| k == "test"));
                if let (true, Some(exe)) = (is_test, msg["executable"].as_str()) {
                    binaries.insert(id, PathBuf::from(exe));
                }
            }
            Some("compiler-message") if msg["message"]["level"] == "error" => {
                let rendered = msg["message"]["rendered"]
                    .as_str()
                    .unwrap_or("")
                    .trim_end()
                    .to_string();
                let in_learner_crate = manifest
                    .as_ref()
                    .is_some_and(|m| learner_manifests.contains(m));
                let errors = if in_learner_crate {
                    &mut learner_errors
                } else {
                    &mut api_errors
                };
                errors.entry(id).or_default().push(rendered);
            }
            _ => {}
        }
    }
    let _ = child.wait();
    let cargo_stderr = stderr_reader.join().unwrap_or_default();

    stage
        .buildable()
        .map(|s| {
            let id = s.exercise.id;
            let built = if let Some(errors) = learner_errors.get(id) {
                Built::Failed(format!("your crate does not compile:\n\n{}", errors.join("\n\n")))
            } else if let Some(errors) = api_errors.get(id) {
                Built::Failed(format!(
                    "your crate compiles, but the hidden tests cannot use it: its public items differ from \
                     what the exercise asks for (a changed signature, a missing derive or trait such as \
                     Send/Sync/Clone, or a renamed item). Compare with the doc comments of the original stub \
                     (`cargo checker reset {}` restores it, keeping a backup).\n\n{}",
                    s.exercise.number(),
                    errors.join("\n\n")
                ))
            } else if let Some(binary) = binaries.get(id) {
                Built::Binary(binary.clone())
            } else {
                Built::Unexplained(format!("cargo could not build this exercise:\n\n{}", relevant_cargo_errors(&cargo_stderr)))
            };
            (id, built)
        })
        .collect()
}

/// The lines of cargo's stderr that say what went wrong (not its progress chatter).
fn relevant_cargo_errors(stderr: &str) -> String {
    let start = stderr.find("error").unwrap_or(0);
    let text = stderr[start..].trim();
    if text.is_empty() {
        "(cargo gave no reason)".to_string()
    } else {
        text.chars().take(4000).collect()
    }
}

fn cargo() -> std::ffi::OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}
