//! Which exercises exist, which step each belongs to, and the files the checker carries
//! for it (hidden tests, hints, the pristine stub). Everything here is compiled in, so the
//! checker grades the same way wherever it runs.

/// The five steps, in the order the book teaches them.
pub const STEPS: [&str; 5] = [
    "mpsc basics",
    "select",
    "backpressure",
    "actors",
    "worker pool",
];

/// One exercise of the workbook.
pub struct Exercise {
    /// The directory name, e.g. `01_fan_in`.
    pub id: &'static str,
    /// One of [`STEPS`].
    pub step: &'static str,
    /// The chapter page (under the book's HTML directory) that teaches it.
    pub chapter: &'static str,
    /// The hidden tests: the source of one `harness = false` binary.
    pub hidden: &'static str,
    /// What `checker hint` prints.
    pub hints: &'static str,
    /// The untouched stub, restored by `checker reset`.
    pub stub: &'static str,
}

impl Exercise {
    /// `01_fan_in` -> `01`
    pub fn number(&self) -> &'static str {
        &self.id[..2]
    }

    /// `01_fan_in` -> `fan_in`, which is also the crate name the hidden tests import.
    pub fn name(&self) -> &'static str {
        &self.id[3..]
    }

    /// Where in the built book this exercise is introduced.
    pub fn anchor(&self) -> String {
        format!("{}.html#ex-{}", self.chapter, self.id)
    }
}

macro_rules! exercise {
    ($id:literal, $step:literal, $chapter:literal) => {
        Exercise {
            id: $id,
            step: $step,
            chapter: $chapter,
            hidden: include_str!(concat!("../hidden/", $id, ".rs")),
            hints: include_str!(concat!("../hints/", $id, ".md")),
            stub: include_str!(concat!("../stubs/", $id, ".rs")),
        }
    };
}

pub static EXERCISES: [Exercise; 15] = [
    exercise!("01_fan_in", "mpsc basics", "mpsc-basics"),
    exercise!("02_drain_ready", "mpsc basics", "mpsc-basics"),
    exercise!("03_collect_until", "mpsc basics", "mpsc-basics"),
    exercise!("04_merge", "select", "select"),
    exercise!("05_heartbeat", "select", "select"),
    exercise!("06_first_reply", "select", "select"),
    exercise!("07_bounded_pipeline", "backpressure", "backpressure"),
    exercise!("08_latest_only", "backpressure", "backpressure"),
    exercise!("09_offer_all", "backpressure", "backpressure"),
    exercise!("10_counter_actor", "actors", "actors"),
    exercise!("11_bank_actor", "actors", "actors"),
    exercise!("12_graceful_shutdown", "actors", "actors"),
    exercise!("13_worker_pool", "worker pool", "worker-pool"),
    exercise!("14_ordered_pool", "worker pool", "worker-pool"),
    exercise!("15_resilient_pool", "worker pool", "worker-pool"),
];

/// Finds an exercise by id (`01_fan_in`), number (`1`, `01`) or name (`fan_in`).
pub fn find(query: &str) -> Option<&'static Exercise> {
    let query = query.trim().trim_end_matches('/');
    let query = query.rsplit('/').next().unwrap_or(query);
    EXERCISES.iter().find(|e| {
        e.id == query
            || e.name() == query
            || query
                .parse::<u32>()
                .ok()
                .is_some_and(|n| e.number().parse::<u32>() == Ok(n))
    })
}

/// The valid ids, for error messages.
pub fn valid_ids() -> String {
    EXERCISES
        .iter()
        .map(|e| e.id)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_by_id_number_and_name() {
        for q in ["01_fan_in", "1", "01", "fan_in", "exercises/01_fan_in/"] {
            assert_eq!(find(q).map(|e| e.id), Some("01_fan_in"), "query {q:?}");
        }
        assert_eq!(find("15").map(|e| e.id), Some("15_resilient_pool"));
        assert!(find("16").is_none());
        assert!(find("fan").is_none());
        assert!(find("").is_none());
    }

    #[test]
    fn every_step_has_three_exercises_in_order() {
        for (i, step) in STEPS.iter().enumerate() {
            let ids: Vec<_> = EXERCISES
                .iter()
                .filter(|e| e.step == *step)
                .map(|e| e.id)
                .collect();
            assert_eq!(ids.len(), 3, "step {step}");
            assert_eq!(EXERCISES[i * 3].step, *step);
        }
    }
}
