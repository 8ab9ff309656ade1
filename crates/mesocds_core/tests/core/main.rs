//! The tests of the clinical core, as one test binary with shared fixtures (the layout of
//! ripgrep and jiff: one binary links once, and the fixtures live in one place).
//!
//! Each module's own documentation says what it checks and against which source in
//! `docs/clinical/`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::let_underscore_must_use,
    clippy::let_underscore_untyped,
    clippy::too_many_lines,
    clippy::missing_assert_message,
    reason = "tests: a failed expectation panics, and table-driven tests are long by design"
)]

// Shared fixtures: the embedded tables.
mod fixtures;

// AJCC 8th edition: every cell, every finding subset, missing input, scope, disagreements.
mod staging;
// EORTC and CALGB: every combination and boundary.
mod scores;
// Settings, options, caveats and citations of the PDQ catalogue.
mod treatment;
// The clinical audit of 2026-11 (issue 8), one test or more per finding.
mod audit;
// Disease course and tumor-board entries (issue 13).
mod course;
// Golden clinical cases in `tests/cases/`, each citing its source.
mod golden;
// Properties over arbitrary cases and case-file text (proptest).
mod properties;
// Case files: format, bad inputs, atomic saves, seals, non-regular files.
mod case_file;
// The 9th edition (UICC TNM 9): measurements, clinical T, the grid, golden cases.
mod ajcc9;
mod ajcc9_cases;
mod ajcc9_inputs;
mod ajcc9_support;
// Peritoneal PCI and the proposed PSOGI TNM.
mod peritoneal;
// Issue 11 wired in: editions in `assess`, settings by edition, peritoneal stage, format 2.
mod editions;
// The newer-evidence table and its attachment rules.
mod evidence;
