//! Verdicts: plain data that every reporter reads. Nothing here runs or prints anything.

use serde::{Deserialize, Serialize};

use crate::catalog::STEPS;

/// The outcome of one test or one exercise, spelled as the contract spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Passed,
    Failed,
    CompileError,
    TimedOut,
}

impl Status {
    pub fn word(self) -> &'static str {
        match self {
            Status::Passed => "passed",
            Status::Failed => "failed",
            Status::CompileError => "compile_error",
            Status::TimedOut => "timed_out",
        }
    }
}

/// One hidden test, run in its own process.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TestVerdict {
    pub name: String,
    pub status: Status,
    /// Why it failed, in words for the learner; empty when it passed.
    pub message: String,
    /// What the learner's code printed (cut after a limit).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub output: String,
    pub duration_ms: u64,
}

/// One exercise: the learner's crate graded against its hidden tests.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExerciseVerdict {
    pub id: String,
    pub step: String,
    pub status: Status,
    pub tests: Vec<TestVerdict>,
    /// For a crate that did not build (or could not be graded at all): rustc's rendered
    /// errors or what else went wrong.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
}

impl ExerciseVerdict {
    /// An exercise whose crate could not be built or staged: nothing ran.
    pub fn not_built(id: &str, step: &str, message: String) -> ExerciseVerdict {
        ExerciseVerdict {
            id: id.to_string(),
            step: step.to_string(),
            status: Status::CompileError,
            tests: Vec::new(),
            message,
        }
    }

    /// An exercise whose tests ran: its status follows from theirs. Passed only when every
    /// test passed (and there was at least one); timed out when any test hit its limit.
    pub fn from_tests(id: &str, step: &str, tests: Vec<TestVerdict>) -> ExerciseVerdict {
        let status = if tests.iter().any(|t| t.status == Status::TimedOut) {
            Status::TimedOut
        } else if tests.is_empty() || tests.iter().any(|t| t.status != Status::Passed) {
            Status::Failed
        } else {
            Status::Passed
        };
        let message = if tests.is_empty() {
            "no hidden tests were found for this exercise, so it cannot count as passed".to_string()
        } else {
            String::new()
        };
        ExerciseVerdict {
            id: id.to_string(),
            step: step.to_string(),
            status,
            tests,
            message,
        }
    }

    /// The first test that did not pass.
    pub fn first_problem(&self) -> Option<&TestVerdict> {
        self.tests
            .iter()
            .find(|t| t.status == Status::TimedOut)
            .or_else(|| self.tests.iter().find(|t| t.status != Status::Passed))
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct StepSummary {
    pub name: String,
    pub passed: usize,
    pub total: usize,
}

/// A whole grading run, shaped exactly like the contract's `--json` object.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub version: u32,
    pub exercises: Vec<ExerciseVerdict>,
    pub steps: Vec<StepSummary>,
    pub passed: usize,
    pub total: usize,
}

impl Report {
    /// Builds the report, with the step table derived from the exercises (in step order,
    /// only steps that have a graded exercise).
    pub fn new(mut exercises: Vec<ExerciseVerdict>) -> Report {
        exercises.sort_by(|a, b| a.id.cmp(&b.id));
        let steps = STEPS
            .iter()
            .filter_map(|step| {
                let of_step: Vec<_> = exercises.iter().filter(|e| e.step == *step).collect();
                (!of_step.is_empty()).then(|| StepSummary {
                    name: step.to_string(),
                    passed: of_step
                        .iter()
                        .filter(|e| e.status == Status::Passed)
                        .count(),
                    total: of_step.len(),
                })
            })
            .collect();
        let passed = exercises
            .iter()
            .filter(|e| e.status == Status::Passed)
            .count();
        let total = exercises.len();
        Report {
            version: 1,
            exercises,
            steps,
            passed,
            total,
        }
    }

    pub fn all_passed(&self) -> bool {
        self.passed == self.total
    }

    /// This report with `newer`'s exercises replacing (or adding to) its own.
    pub fn merged_with(&self, newer: &Report) -> Report {
        let mut exercises: Vec<ExerciseVerdict> = self
            .exercises
            .iter()
            .filter(|e| !newer.exercises.iter().any(|n| n.id == e.id))
            .cloned()
            .collect();
        exercises.extend(newer.exercises.iter().cloned());
        Report::new(exercises)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test(status: Status) -> TestVerdict {
        TestVerdict {
            name: "t".into(),
            status,
            message: String::new(),
            output: String::new(),
            duration_ms: 1,
        }
    }

    #[test]
    fn exercise_status_follows_its_tests() {
        let ex = |ts: Vec<Status>| {
            ExerciseVerdict::from_tests(
                "01_fan_in",
                "mpsc basics",
                ts.into_iter().map(test).collect(),
            )
            .status
        };
        assert_eq!(ex(vec![Status::Passed, Status::Passed]), Status::Passed);
        assert_eq!(ex(vec![Status::Passed, Status::Failed]), Status::Failed);
        assert_eq!(ex(vec![Status::Failed, Status::TimedOut]), Status::TimedOut);
        assert_eq!(
            ex(vec![]),
            Status::Failed,
            "no tests must never count as passed"
        );
    }

    #[test]
    fn steps_are_counted_in_order() {
        let a = ExerciseVerdict::from_tests("04_merge", "select", vec![test(Status::Passed)]);
        let b = ExerciseVerdict::from_tests("01_fan_in", "mpsc basics", vec![test(Status::Failed)]);
        let r = Report::new(vec![a, b]);
        assert_eq!(r.exercises[0].id, "01_fan_in");
        assert_eq!(
            r.steps.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
            ["mpsc basics", "select"]
        );
        assert_eq!((r.passed, r.total), (1, 2));
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["exercises"][0]["status"], "failed");
        assert_eq!(json["steps"][1]["passed"], 1);
    }
}
