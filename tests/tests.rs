//! The integration tests of the `mesocds` application, as one test binary (ripgrep's layout).
// Each test's name says what it checks, and a failing assert prints both sides.
#![expect(
    clippy::missing_assert_message,
    reason = "the test names say what each assertion checks"
)]

// The command line: `assess` (text and the JSON contract), `check`, `--save`/`--case`,
// rejection of bad values, and the exit codes.
mod cli;

// Issue 11: the 9th-edition, date and peritoneal flags, their JSON, and format-1 files.
mod cli_ninth;

// Issue 8 (the clinical audit of 2026-11): each reproducer command, run as the user runs it.
mod audit_cli;

// The desktop app driven headlessly through AccessKit (egui_kittest): tabs, staging, scores,
// inline validation, unsaved-changes prompt, undo, crash recovery, dialogs.
mod ui;

// Issue 11: format-2 cases (2025, 2019, peritoneal) open and every tab draws.
mod ui_editions;

// Issue 11 on the Case and Staging tabs: the date of diagnosis, both editions side by side or
// stacked, the 9th-edition inputs, the PCI map, the proposed peritoneal stage and the CC score.
mod ui_staging9;

// The printable summary: report model snapshot, PDF text, fonts, pages, packs and export errors.
mod report;

// Issue 11 on paper: both editions, re-staging and the peritoneal stage in the PDF.
mod report_editions;
// Disease course and tumor-board entries in the report (issue 13).
mod report_course;
// The presenter-ready PDF (issue 13): shared references, the cover's page numbers, the headline
// and decision first, the keep rules, and the landscape slides.
mod report_board;
// The presenter-ready PDF's keep rules under long entries: a long board question and decision,
// option titles, lead-ins, continued tables, the gap above the footer.
mod report_keep;

// Faults with real files, pipes, devices and symlinks: export over an input, unreadable inputs,
// long notes in the PDF, oversized saves, symlinked saves and leftovers, the integrity seal,
// closed pipes, control characters and command-line messages (issue 10).
mod faults;

// Issue 13: the FHIR export (`export --fhir`), parsed by a FHIR library; codes, data-absent
// reasons, text-only values and the label as the only identifier.
mod fhir;

// The JSON contract of `assess --json` for the example case, as an insta snapshot.
mod json;

// Evidence newer than the PDQ (issue 12), end to end: `assess --json`, the PDF and plain text.
mod evidence;

// The newer-evidence panel and its pointers on the PDQ cards, through egui_kittest.
mod ui_evidence;

// Packaging metadata: .deb assets exist, one application id everywhere, real icon files.
mod packaging;

// The tabs (issues 8 and 10, app side): treatment groups and exclusions, survival chart, staging
// scope and warnings, "still missing" navigation, keyboard scrolling, frames per tab switch.
mod ui_layout;
mod ui_tabs;

// Issue 13: the Board tab (add, drop, folder, reorder, open, remove), the board file, the pack
// PDF and the FHIR export from the app.
mod ui_board;
// Issue 13 in the app: the Course tab (timeline, events, board entries), undo, the save path,
// format-1 files, and the Case tab's values from the course.
mod ui_course;

// Every docs/clinical citation resolves to a page and an explicit anchor.
mod doc_links;

// Every character the app can show has a glyph in its fonts.
mod ui_glyphs;
