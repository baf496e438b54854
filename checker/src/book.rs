//! The book, built through the mdBook library (nothing to install but Rust), with the
//! learner's progress in it: a "Your progress" page, and a line at the top of each step's
//! chapter saying which of its exercises pass. Progress comes from the last grade of the
//! workbook's own exercises (target/checker/progress.json); building never grades.

use std::path::PathBuf;
use std::process::ExitCode;

use mdbook_driver::MDBook;
use mdbook_driver::book::{Book, BookItem, Chapter};
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};

use crate::actions;
use crate::catalog::{self, STEPS};
use crate::verdict::{Report, Status};

/// Builds the book into target/book and says where to open it.
pub fn build_and_report(open: bool) -> Result<ExitCode, String> {
    let index = build()?;
    println!("The book is built: {}", index.display());
    if open {
        let opened = ["xdg-open", "open"].iter().any(|cmd| {
            std::process::Command::new(cmd)
                .arg(&index)
                .status()
                .is_ok_and(|s| s.success())
        });
        if !opened {
            println!("(no browser could be started from here; open the file above yourself)");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Builds the HTML book; returns the path of its index page.
pub fn build() -> Result<PathBuf, String> {
    let root = crate::project::root();
    let mut book = MDBook::load(&root)
        .map_err(|e| format!("could not load the book in {}: {e:#}", root.display()))?;
    book.with_preprocessor(Progress {
        report: actions::load_progress(),
    });
    book.build()
        .map_err(|e| format!("could not build the book: {e:#}"))?;
    Ok(book.build_dir_for("html").join("index.html"))
}

struct Progress {
    report: Option<Report>,
}

impl Preprocessor for Progress {
    fn name(&self) -> &str {
        "workbook-progress"
    }

    fn run(
        &self,
        _ctx: &PreprocessorContext,
        mut book: Book,
    ) -> mdbook_driver::errors::Result<Book> {
        book.for_each_chapter_mut(|chapter| {
            let Some(path) = chapter.path.as_ref().and_then(|p| p.to_str()) else {
                return;
            };
            if let Some(step) = catalog::EXERCISES
                .iter()
                .find(|e| format!("{}.md", e.chapter) == path)
                .map(|e| e.step)
            {
                chapter.content =
                    with_banner(&chapter.content, &step_banner(self.report.as_ref(), step));
            }
        });
        book.push_item(BookItem::Separator);
        book.push_item(BookItem::Chapter(Chapter::new(
            "Your progress",
            progress_page(self.report.as_ref()),
            "progress.md",
            Vec::new(),
        )));
        Ok(book)
    }
}

fn mark(report: Option<&Report>, id: &str) -> (&'static str, &'static str) {
    match report
        .and_then(|r| r.exercises.iter().find(|e| e.id == id))
        .map(|e| e.status)
    {
        Some(Status::Passed) => ("✓", "passed"),
        Some(Status::Failed) => ("✗", "failed"),
        Some(Status::TimedOut) => ("✗", "timed out"),
        Some(Status::CompileError) => ("✗", "does not compile"),
        None => ("○", "not graded yet"),
    }
}

fn step_banner(report: Option<&Report>, step: &str) -> String {
    let items: Vec<String> = catalog::EXERCISES
        .iter()
        .filter(|e| e.step == step)
        .map(|e| {
            let (icon, word) = mark(report, e.id);
            format!("[{icon} {}](#ex-{}) ({word})", e.id, e.id)
        })
        .collect();
    format!(
        "> **Your progress in this step:** {} — [all steps](progress.md)\n",
        items.join(" · ")
    )
}

/// Puts the banner right under the chapter's first heading.
fn with_banner(content: &str, banner: &str) -> String {
    match content.find('\n') {
        Some(end) if content.starts_with('#') => {
            format!("{}\n\n{banner}{}", &content[..end], &content[end..])
        }
        _ => format!("{banner}\n{content}"),
    }
}

fn progress_page(report: Option<&Report>) -> String {
    let mut page = String::from("# Your progress\n\n");
    if report.is_none() {
        page.push_str("You have not graded your exercises yet. Run `cargo checker`, then `cargo checker book` again.\n\n");
    } else {
        page.push_str(
            "As of your last `cargo checker` run. Grade again and rebuild the book (`cargo checker book`) to update it.\n\n",
        );
    }
    page.push_str("| step | exercise | status |\n|---|---|---|\n");
    for step in STEPS {
        for e in catalog::EXERCISES.iter().filter(|e| e.step == step) {
            let (icon, word) = mark(report, e.id);
            page.push_str(&format!(
                "| {step} | [{}]({}) | {icon} {word} |\n",
                e.id,
                e.anchor()
            ));
        }
    }
    if let Some(r) = report {
        page.push_str(&format!(
            "\n**{} of {} exercises passed.**\n",
            r.passed,
            catalog::EXERCISES.len()
        ));
    }
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banner_goes_under_the_title() {
        let out = with_banner("# mpsc basics\nText.\n", "> banner\n");
        assert!(out.starts_with("# mpsc basics\n\n> banner\n"), "{out}");
        assert!(out.ends_with("Text.\n"));
    }

    #[test]
    fn progress_page_lists_every_exercise() {
        let page = progress_page(None);
        for e in &catalog::EXERCISES {
            assert!(page.contains(e.id), "{} missing", e.id);
        }
        assert!(page.contains("not graded yet"));
    }
}
