//! The integration tests of the `mesocds` application, as one test binary (ripgrep's layout).

// The command line: `assess` (text and the JSON contract), `check`, `--save`/`--case`,
// rejection of bad values, and the exit codes.
mod cli;

// The desktop app driven headlessly through AccessKit (egui_kittest): tabs, staging, scores,
// inline validation, unsaved-changes prompt, undo, crash recovery, dialogs.
mod ui;

// The printable summary: report model snapshot, PDF text, fonts, pages, packs and export errors.
mod report;

// Faults with real files, pipes, devices and symlinks: export over an input, unreadable inputs,
// long notes in the PDF, oversized saves, symlinked saves and leftovers, the integrity seal,
// closed pipes, control characters and command-line messages (issue 10).
mod faults;

// Packaging metadata: .deb assets exist, one application id everywhere, real icon files.
mod packaging;
