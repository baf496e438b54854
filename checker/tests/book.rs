//! The book builds with nothing but cargo, under target/, with the learner's progress in it;
//! every listing it includes exists, and every exercise has the section the checker links to.

mod common;

use std::fs;

use common::*;
use predicates::prelude::*;

fn chapters() -> Vec<(String, String)> {
    let mut pages: Vec<_> = fs::read_dir(root().join("book"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    pages.sort();
    pages
}

#[test]
fn the_book_builds_under_target_with_a_progress_page() {
    checker()
        .arg("book")
        .assert()
        .success()
        .stdout(predicate::str::contains("target/book/index.html"));
    let out = root().join("target/book");
    for page in [
        "index.html",
        "mpsc-basics.html",
        "select.html",
        "backpressure.html",
        "actors.html",
        "worker-pool.html",
        "progress.html",
    ] {
        assert!(
            out.join(page).exists(),
            "{page} was not built into {}",
            out.display()
        );
    }
    let chapter = fs::read_to_string(out.join("mpsc-basics.html")).unwrap();
    assert!(
        chapter.contains("Your progress in this step"),
        "the step chapters carry the learner's progress"
    );
    assert!(
        !root().join("book/index.html").exists(),
        "nothing may be built into book/"
    );

    // Every link between pages lands on a page that exists, at an id that exists.
    let mut broken = Vec::new();
    for entry in fs::read_dir(&out).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".html")
            || ["print.html", "toc.html", "404.html"].contains(&name.as_str())
        {
            continue;
        }
        let page = fs::read_to_string(entry.path()).unwrap();
        for href in page
            .split("href=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
        {
            if href.contains(':') || href.starts_with("//") || href.is_empty() {
                continue;
            }
            let (file, anchor) = href.split_once('#').unwrap_or((href, ""));
            let target = if file.is_empty() {
                entry.path()
            } else {
                out.join(file)
            };
            let Ok(text) = fs::read_to_string(&target) else {
                if !target.exists() {
                    broken.push(format!("{name}: {href} (no such page)"));
                }
                continue;
            };
            if !anchor.is_empty()
                && target.extension().is_some_and(|x| x == "html")
                && !text.contains(&format!("id=\"{anchor}\""))
            {
                broken.push(format!("{name}: {href} (no such id)"));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "broken links in the book:\n{}",
        broken.join("\n")
    );
}

#[test]
fn every_include_names_an_existing_file_and_anchor() {
    let mut count = 0;
    for (page, text) in chapters() {
        for include in text.split("{{#include ").skip(1) {
            let spec = include.split("}}").next().unwrap().trim();
            let (path, anchor) = match spec.split_once(':') {
                Some((path, anchor)) => (path, Some(anchor)),
                None => (spec, None),
            };
            let file = root().join("book").join(path);
            let source = fs::read_to_string(&file)
                .unwrap_or_else(|_| panic!("{page} includes {path}, which does not exist"));
            if let Some(anchor) =
                anchor.filter(|a| !a.chars().all(|c| c.is_ascii_digit() || c == ':'))
            {
                assert!(
                    source.contains(&format!("ANCHOR: {anchor}")),
                    "{page} includes anchor `{anchor}` missing from {path}"
                );
                assert!(
                    source.contains(&format!("ANCHOR_END: {anchor}")),
                    "{page}: anchor `{anchor}` in {path} is never closed"
                );
            }
            count += 1;
        }
    }
    assert!(
        count >= 20,
        "the book should show its listings through includes; found only {count}"
    );
}

#[test]
fn every_exercise_has_its_section_and_nothing_is_left_unwritten() {
    let all: String = chapters().into_iter().map(|(_, t)| t).collect();
    for id in IDS {
        assert!(
            all.contains(&format!("{{#ex-{id}}}")),
            "no section heading with id ex-{id} in book/"
        );
    }
    for (page, text) in chapters() {
        assert!(
            !text.contains("PLACEHOLDER"),
            "{page} is still a placeholder"
        );
        // Every Rust block is an include of a compiled, tested listing, never typed-in code.
        let mut in_rust = false;
        for (n, line) in text.lines().enumerate() {
            let fence = line.trim_start();
            if fence.starts_with("```") {
                in_rust = !in_rust && fence.trim_start_matches('`').starts_with("rust");
                continue;
            }
            if in_rust && !line.trim().is_empty() {
                assert!(
                    line.trim().starts_with("{{#include")
                        || line.trim().starts_with("{{#rustdoc_include"),
                    "{page}:{}: Rust code typed into the page; include a tested listing instead:\n{line}",
                    n + 1
                );
            }
        }
    }
}
