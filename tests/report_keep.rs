#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The keep rules of the presenter-ready PDF (issue 13) under what a new user enters: a board
//! question of 600 characters and a decision of 1500 keep the headline box and the decision box
//! on the case's first page or slide; an option's title and status line stay with its first
//! result, a lead-in ending with ":" with its first bullet, and a table that goes on over a page
//! repeats its header row. Checked against the layout's record (`RenderedPdf::placed`) and the
//! page text (poppler).

use std::path::{Path, PathBuf};

use mesocds::report::export_files;
use mesocds::report::headline::{QUESTION_CUT, QUESTION_LIMIT};
use mesocds::report::pdf::{Paper, PdfLayout, PdfOptions, Placed, PlacedKind, RenderedPdf};

use crate::report::{meta, page_text, poppler, tables};
use crate::report_board::{COURSE, collapse, pack};

/// A question of about 600 characters: whole words, a question mark at the end.
fn long_text(words: &str, len: usize, end: &str) -> String {
    let mut out = String::new();
    for w in words.split_whitespace().cycle() {
        if out.len() >= len {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.push_str(end);
    out
}

const QUESTION_WORDS: &str = "Should this patient with distant recurrence after first-line \
    platinum pemetrexed and a partial remission be offered second-line immunotherapy, a \
    rechallenge, a clinical trial or best supportive care, given the interval since the first \
    line, the comorbidities and the restaging scan still pending";

const DECISION_WORDS: &str = "The board recommends a restaging scan first, then a rechallenge \
    with platinum pemetrexed if the interval allows, otherwise the trial, after a review of the \
    pathology and the molecular results with the patient";

/// The course fixture with its board entry's question and decision made long.
fn long_entry_case(dir: &Path, question: &str, decision: &str) -> PathBuf {
    let text = std::fs::read_to_string(COURSE)
        .unwrap()
        .replace("\"Second-line options?\"", &format!("{question:?}"))
        .replace(
            "\"Discussed; decision after the restaging scan.\"",
            &format!("{decision:?}"),
        );
    let path = dir.join("long-entry.ron");
    std::fs::write(&path, text).unwrap();
    path
}

fn export(dir: &Path, file: &Path, layout: PdfLayout) -> (PathBuf, RenderedPdf) {
    let out = dir.join(format!("long-{layout:?}.pdf"));
    let options = PdfOptions {
        paper: Paper::A4,
        layout,
    };
    let pdf = export_files(&[file.to_path_buf()], &out, options, tables(), meta()).unwrap();
    (out, pdf)
}

fn first<'a>(placed: &'a [Placed], kind: PlacedKind, text: &str) -> &'a Placed {
    placed
        .iter()
        .find(|p| p.kind == kind && p.text.starts_with(text))
        .unwrap_or_else(|| panic!("no {kind:?} {text:?} in {placed:#?}"))
}

#[test]
fn a_long_board_question_and_decision_keep_the_headline_and_the_decision_box_on_the_first_page() {
    let dir = tempfile::tempdir().unwrap();
    let question = long_text(QUESTION_WORDS, 599, "?");
    let decision = long_text(DECISION_WORDS, 1499, ".");
    assert!(question.len() >= 600 && decision.len() >= 1500);
    let file = long_entry_case(dir.path(), &question, &decision);
    for layout in [PdfLayout::Handout, PdfLayout::Slides] {
        let (out, pdf) = export(dir.path(), &file, layout);
        let start = pdf.case_start_pages[0];
        let placed = &pdf.placed;
        // The headline box whole on the first page, in its frame (not taller than a page).
        let headline = first(placed, PlacedKind::Headline, "For the board");
        assert_eq!(
            (headline.page, headline.last_page),
            (start, start),
            "{layout:?}: {headline:?}"
        );
        assert!(!headline.taller_than_page, "{layout:?}");
        // The decision heading and the empty box on the first page too.
        let heading = first(placed, PlacedKind::Heading, "Tumor board decision");
        assert_eq!(heading.page, start, "{layout:?}: {heading:?}");
        let boxed = first(placed, PlacedKind::DecisionBox, "Decision:");
        assert_eq!(
            (boxed.page, boxed.last_page),
            (start, start),
            "{layout:?}: {boxed:?}"
        );
        // The headline's question is cut at a word and says where the whole one is; the board
        // entry prints it whole, and the decision whole.
        let page = column_text(&out, layout, (start, start), Some(false));
        let cut = collapse(QUESTION_CUT);
        assert!(page.contains(&cut), "{layout:?}: {page}");
        let before = page.split(&cut).next().unwrap();
        let shown = &before[before.find(&question[..20]).unwrap()..];
        assert!(
            shown.chars().count() <= QUESTION_LIMIT && shown.len() > QUESTION_LIMIT / 2,
            "{layout:?}: {shown:?}"
        );
        assert!(question.starts_with(shown), "{layout:?}: {shown:?}");
        // On the slides the section does not fit beside the headline: the recorded entries
        // follow the box under a heading of their own, since they start on the next slide (on
        // the handout the whole section fits on the first page, entries before the box).
        let recorded = placed.iter().find(|p| {
            p.kind == PlacedKind::Heading && p.text == "Tumor board decision (recorded entries)"
        });
        match layout {
            PdfLayout::Slides => {
                let recorded = recorded.expect("the entries' own heading on the slides");
                assert!(recorded.page > start, "{recorded:?}");
            }
            PdfLayout::Handout => assert!(recorded.is_none(), "{recorded:?}"),
        }
        // The board entry: beside the headline, or on the next pages across the whole width.
        let all = format!(
            "{} {}",
            column_text(&out, layout, (start, start), Some(true)),
            column_text(&out, layout, (start + 1, pdf.pages), None)
        );
        for whole in [&question, &decision] {
            assert!(in_order(&all, whole), "{layout:?}: {whole} not in {all}");
        }
    }
}

/// The body text (above the footer) of pages `first..=last`, collapsed: on slides only the
/// headline's column (`column` `Some(false)`) or the decision's (`Some(true)`), which are side
/// by side on a case's first slide; the whole width with `None`.
fn column_text(
    pdf: &Path,
    layout: PdfLayout,
    pages: (usize, usize),
    column: Option<bool>,
) -> String {
    let (x, w, h) = match (layout, column) {
        (PdfLayout::Handout, _) => ("0", "596", "770"),
        (PdfLayout::Slides, None) => ("0", "960", "476"),
        (PdfLayout::Slides, Some(false)) => ("0", "590", "476"),
        (PdfLayout::Slides, Some(true)) => ("590", "370", "476"),
    };
    let (f, l) = (pages.0.to_string(), pages.1.to_string());
    let args = ["-x", x, "-y", "0", "-W", w, "-H", h, "-f", &f, "-l", &l];
    let pdf = pdf.to_str().unwrap();
    collapse(&poppler("pdftotext", &[&args[..], &[pdf, "-"]].concat()))
}

/// Whether every word of `words` is in `text` in order (a key column's word may come between
/// the lines of a wrapped value in the text poppler reads).
fn in_order(text: &str, words: &str) -> bool {
    let mut rest = text.split_whitespace();
    words
        .split_whitespace()
        .all(|w| rest.by_ref().any(|t| t == w))
}

/// The last thing placed on each page.
fn last_on_each_page(placed: &[Placed]) -> Vec<&Placed> {
    placed
        .iter()
        .enumerate()
        .filter(|(i, p)| placed.get(i + 1).is_none_or(|n| n.page != p.last_page))
        .map(|(_, p)| p)
        .collect()
}

/// The rows of the "Disease course" table (after its heading, before the next heading).
fn course_rows(placed: &[Placed]) -> &[Placed] {
    let at = placed
        .iter()
        .position(|p| p.kind == PlacedKind::Heading && p.text == "Disease course")
        .unwrap();
    let rest = &placed[at + 1..];
    let end = rest
        .iter()
        .position(|p| p.kind != PlacedKind::Entry)
        .unwrap_or(rest.len());
    &rest[..end]
}

#[test]
fn option_titles_lead_ins_and_tables_are_not_left_at_the_bottom_of_a_page() {
    let dir = tempfile::tempdir().unwrap();
    for layout in [PdfLayout::Handout, PdfLayout::Slides] {
        let (out, pdf) = pack(dir.path(), layout);
        check_page_ends(&out, &pdf, layout);
        // The new-user trial's pack: the example case, three of the GUI tests' cases and the
        // course fixture, in that order.
        let files: Vec<PathBuf> = [
            "assets/examples/example-pleural-stage-iiia.ron",
            "tests/gui/cases/peritoneal-pci-15.ron",
            "tests/gui/cases/pleural-2019-eighth-applies.ron",
            "tests/gui/cases/pleural-2025-ninth-applies.ron",
            "tests/fixtures/course/recurrent-with-course.ron",
        ]
        .iter()
        .map(|f| Path::new(env!("CARGO_MANIFEST_DIR")).join(f))
        .collect();
        let out = dir.path().join(format!("trial-{layout:?}.pdf"));
        let options = PdfOptions {
            paper: Paper::A4,
            layout,
        };
        let pdf = export_files(&files, &out, options, tables(), meta()).unwrap();
        check_page_ends(&out, &pdf, layout);
    }
}

/// No option title or lead-in ends a page; an option's status line, a lead-in and a
/// newer-evidence entry's opening lines are on the page of their first result; the course
/// table starts with at least three rows and repeats its header on each page it goes on to.
fn check_page_ends(out: &Path, pdf: &RenderedPdf, layout: PdfLayout) {
    for p in last_on_each_page(&pdf.placed) {
        let title = p.kind == PlacedKind::Subheading;
        let lead_in = p.kind == PlacedKind::Entry && p.text.trim_end().ends_with(':');
        assert!(
            !(title || lead_in),
            "{layout:?}: page {} ends with {p:?}",
            p.last_page
        );
    }
    // An option's status line is on the page of its first result (the outcome or note
    // bullet after it, when it has one), and a lead-in on the page of its first bullet.
    for (i, p) in pdf.placed.iter().enumerate() {
        let lead = p.text.starts_with("Status:") || p.text.ends_with(':');
        if lead
            && p.kind == PlacedKind::Entry
            && let Some(next) = pdf.placed.get(i + 1)
            && next.kind == PlacedKind::Entry
        {
            assert_eq!(p.last_page, next.page, "{layout:?}: {p:?} then {next:?}");
        }
    }
    // A newer-evidence entry's title, design line and direction ("Overall: …") are on the
    // page of its first result.
    for (i, p) in pdf.placed.iter().enumerate() {
        if p.kind == PlacedKind::Entry
            && p.text.starts_with("Overall:")
            && let Some(result) = pdf.placed.get(i + 1)
        {
            let title = pdf.placed[..i]
                .iter()
                .rfind(|t| t.kind == PlacedKind::Subheading)
                .unwrap();
            assert_eq!(
                (title.page, p.page),
                (result.page, result.page),
                "{layout:?}: {title:?}, {p:?}, then {result:?}"
            );
        }
    }
    // The course table: on every page it goes on to, its header row first.
    let rows = course_rows(&pdf.placed);
    let first_page = rows[0].page;
    // Its first page holds at least three rows (or all), never the header and one row.
    let on_first = rows.iter().filter(|r| r.page == first_page).count();
    assert!(
        on_first >= rows.len().min(3),
        "{layout:?}: {on_first} of {} course rows on page {first_page}",
        rows.len()
    );
    let pages: std::collections::BTreeSet<usize> = rows.iter().map(|r| r.page).collect();
    for page in pages.into_iter().filter(|p| *p != first_page) {
        let t = collapse(&page_text(out, page));
        assert!(
            t.starts_with("Date Event Until Best response"),
            "{layout:?}: page {page} goes on with the table without its header: {t}"
        );
    }
}
