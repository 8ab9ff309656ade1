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
        let page = column_text(&out, layout, Some(start), false);
        let cut = collapse(QUESTION_CUT);
        assert!(page.contains(&cut), "{layout:?}: {page}");
        let before = page.split(&cut).next().unwrap();
        let shown = &before[before.find(&question[..20]).unwrap()..];
        assert!(
            shown.chars().count() <= QUESTION_LIMIT && shown.len() > QUESTION_LIMIT / 2,
            "{layout:?}: {shown:?}"
        );
        assert!(question.starts_with(shown), "{layout:?}: {shown:?}");
        let all = column_text(&out, layout, None, true);
        for whole in [&question, &decision] {
            assert!(in_order(&all, whole), "{layout:?}: {whole} not in {all}");
        }
    }
}

/// The body text of page `page` (all pages when `None`), collapsed: on slides only the headline's
/// column (`decision` false) or the decision's (true), which are side by side.
fn column_text(pdf: &Path, layout: PdfLayout, page: Option<usize>, decision: bool) -> String {
    // Above the footer.
    let (x, w, h) = match (layout, decision) {
        (PdfLayout::Handout, _) => ("0", "596", "770"),
        (PdfLayout::Slides, false) => ("0", "590", "476"),
        (PdfLayout::Slides, true) => ("590", "370", "476"),
    };
    let n = page.map(|p| p.to_string());
    let mut args = vec!["-x", x, "-y", "0", "-W", w, "-H", h];
    if let Some(n) = &n {
        args.extend(["-f", n, "-l", n]);
    }
    args.extend([pdf.to_str().unwrap(), "-"]);
    collapse(&poppler("pdftotext", &args))
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
        // The course table: on every page it goes on to, its header row first.
        let rows = course_rows(&pdf.placed);
        let first_page = rows[0].page;
        let pages: std::collections::BTreeSet<usize> = rows.iter().map(|r| r.page).collect();
        for page in pages.into_iter().filter(|p| *p != first_page) {
            let t = collapse(&page_text(&out, page));
            assert!(
                t.starts_with("Date Event Until Best response"),
                "{layout:?}: page {page} goes on with the table without its header: {t}"
            );
        }
    }
}
