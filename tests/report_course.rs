#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The disease course and the tumor-board entries in the report (issue 13): the plain text and
//! the PDF (read back with poppler's `pdftotext`) print the dated course and each board entry in
//! the decision section; a case without them prints neither.

use std::path::PathBuf;

use mesocds::report::export_files;
use mesocds::report::model::ReportMeta;
use mesocds::report::pdf::Paper;
use mesocds_core::ClinicalTables;

const COURSE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/course/recurrent-with-course.ron"
);

// A table cell may wrap in the PDF: the agents are two needles.
const NEEDLES: [&str; 16] = [
    "Disease course",
    "Best response",
    "2024-03-01",
    "Systemic therapy: Platinum plus pemetrexed,",
    "Bevacizumab",
    "partial response",
    "2024-07-01",
    "Surgery: pleurectomy/decortication",
    "Recurrence: distant (from the disease course, 2025-05-01)",
    "Board of 2025-05-20",
    "Second-line options?",
    "Discussed; decision after the restaging scan.",
    "thoracic surgery, medical oncology, radiology",
    "Next review",
    "New decision",
    // decisions.md#d68: the course's diagnosis event decides the edition.
    "2024-02-01 (from the disease course)",
];

fn export(file: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("course.pdf");
    let meta = ReportMeta {
        export_date: "2026-11-24".to_owned(),
        app_version: "9.9.9-test".to_owned(),
    };
    let tables = ClinicalTables::embedded().unwrap();
    export_files(&[PathBuf::from(file)], &out, Paper::A4, tables, meta).unwrap();
    // pdftotext -layout may break a long row: compare with whitespace collapsed.
    crate::report::text_of(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_plain_text_prints_the_course_and_the_board_entry() {
    let out = crate::cli::mesocds(&["assess", "--case", COURSE]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for needle in NEEDLES {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    // The board entry is printed in the decision section, before the empty box.
    let decision = text.find("Tumor board decision").unwrap();
    assert!(text.find("Board of 2025-05-20").unwrap() > decision);
}

#[test]
fn the_pdf_prints_the_course_and_the_board_entry() {
    let text = export(COURSE);
    for needle in NEEDLES {
        let needle = needle.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&needle), "missing {needle:?} in\n{text}");
    }
}

#[test]
fn a_case_without_course_or_board_prints_neither() {
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/examples/example-pleural-stage-iiia.ron"
    );
    let text = export(example);
    assert!(!text.contains("Disease course"), "{text}");
    assert!(!text.contains("Board of"), "{text}");
    assert!(!text.contains("New decision"), "{text}");
}

/// An open-ended radiotherapy reads as on the Course tab (one wording, `src/present/course.rs`).
#[test]
fn an_open_ended_event_reads_as_on_the_course_tab() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("open-ended.ron");
    let text = std::fs::read_to_string(COURSE).unwrap().replace(
        "Remission(date: \"2024-10-01\", depth: Partial),",
        "Remission(date: \"2024-10-01\", depth: Partial),\n            Radiotherapy(start: \"2024-09-01\"),",
    );
    assert!(text.contains("Radiotherapy"), "the fixture changed");
    std::fs::write(&file, text).unwrap();
    let out = crate::cli::mesocds(&["assess", "--case", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(mesocds::present::END_NOT_ENTERED), "{text}");
}
