//! Reporting: the terminal table and the JSON object. Reads verdicts, never runs anything.

use std::fmt::Write as _;
use std::io::IsTerminal;

use crate::catalog;
use crate::verdict::{Report, Status};

/// The contract's JSON object, on one line.
pub fn json(report: &Report) -> String {
    serde_json::to_string(report).expect("a report always serializes")
}

struct Paint(bool);

impl Paint {
    fn detect() -> Paint {
        Paint(std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none())
    }
    fn status(&self, status: Status) -> String {
        let code = match status {
            Status::Passed => "32",
            Status::Failed => "31",
            Status::CompileError => "35",
            Status::TimedOut => "33",
        };
        self.wrap(code, status.word())
    }
    fn bold(&self, text: &str) -> String {
        self.wrap("1", text)
    }
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// The terminal report: a line per step, a line per exercise, and, for the first
/// exercise not yet passed, what went wrong and where to read.
pub fn terminal(report: &Report, folder: &str, seconds: f64) -> String {
    let paint = Paint::detect();
    let mut out = String::new();
    let tests: usize = report.exercises.iter().map(|e| e.tests.len()).sum();
    let _ = writeln!(
        out,
        "Graded {folder}: {} exercise(s), {tests} hidden test(s) in {seconds:.1} s\n",
        report.total
    );

    let _ = writeln!(out, "  {:<14} {}", paint.bold("step"), paint.bold("passed"));
    for step in &report.steps {
        let bar: String = (0..step.total)
            .map(|i| if i < step.passed { '#' } else { '.' })
            .collect();
        let _ = writeln!(
            out,
            "  {:<14} {}/{}  [{bar}]",
            step.name, step.passed, step.total
        );
    }
    out.push('\n');

    for ex in &report.exercises {
        let passed = ex
            .tests
            .iter()
            .filter(|t| t.status == Status::Passed)
            .count();
        let detail = if ex.tests.is_empty() {
            String::new()
        } else {
            format!("{passed}/{} tests", ex.tests.len())
        };
        // Pad before painting, so colour codes do not upset the columns.
        let word = format!("{:<13}", ex.status.word());
        let word = word.replacen(ex.status.word(), &paint.status(ex.status), 1);
        let _ = writeln!(out, "  {:<22} {word} {detail}", ex.id);
    }
    let _ = writeln!(
        out,
        "\n{} of {} exercise(s) passed.",
        report.passed, report.total
    );

    if let Some(ex) = report.exercises.iter().find(|e| e.status != Status::Passed) {
        let _ = writeln!(out, "\n{} {} ({})", paint.bold("Next up:"), ex.id, ex.step);
        if let Some(test) = ex.first_problem() {
            let _ = writeln!(out, "  test `{}` {}:", test.name, paint.status(test.status));
            let _ = writeln!(out, "{}", indent(&test.message, 4, 30));
            if !test.output.trim().is_empty() {
                let _ = writeln!(
                    out,
                    "  what your code printed:\n{}",
                    indent(&test.output, 4, 12)
                );
            }
        } else if !ex.message.is_empty() {
            let _ = writeln!(out, "{}", indent(&ex.message, 4, 60));
        }
        if let Some(exercise) = catalog::find(&ex.id) {
            let _ = writeln!(
                out,
                "\n  Read: target/book/{}  (build the book with `cargo checker book`)",
                exercise.anchor()
            );
            let _ = writeln!(out, "  Hint: cargo checker hint {}", exercise.number());
        }
    } else if report.total > 0 {
        let _ = writeln!(
            out,
            "Every graded exercise passed. `cargo checker solution ID` shows a reference answer to compare with."
        );
    }
    out
}

/// `text` indented by `by` spaces, cut after `max_lines` lines.
fn indent(text: &str, by: usize, max_lines: usize) -> String {
    let pad = " ".repeat(by);
    let lines: Vec<&str> = text.trim_end().lines().collect();
    let mut out: Vec<String> = lines
        .iter()
        .take(max_lines)
        .map(|l| format!("{pad}{l}"))
        .collect();
    if lines.len() > max_lines {
        out.push(format!(
            "{pad}[... {} more line(s); `--json` has them all]",
            lines.len() - max_lines
        ));
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdict::{ExerciseVerdict, TestVerdict};

    #[test]
    fn the_first_unfinished_exercise_gets_its_message_and_a_link() {
        let failing = TestVerdict {
            name: "receive_loop_ends".into(),
            status: Status::TimedOut,
            message: "did not finish: is a Sender still alive?".into(),
            output: String::new(),
            duration_ms: 5000,
        };
        let report = Report::new(vec![ExerciseVerdict::from_tests(
            "01_fan_in",
            "mpsc basics",
            vec![failing],
        )]);
        let text = terminal(&report, "exercises/", 1.0);
        assert!(text.contains("mpsc basics"), "{text}");
        assert!(text.contains("01_fan_in"), "{text}");
        assert!(text.contains("is a Sender still alive?"), "{text}");
        assert!(text.contains("mpsc-basics.html#ex-01_fan_in"), "{text}");
        assert!(text.contains("0 of 1 exercise(s) passed"), "{text}");
    }

    #[test]
    fn long_messages_are_cut() {
        let long: String = (0..100).map(|i| format!("line {i}\n")).collect();
        let cut = indent(&long, 2, 10);
        assert_eq!(cut.lines().count(), 11);
        assert!(cut.contains("90 more line(s)"));
    }
}
