//! Exports of the board and of the open case for other systems (issue 13): the board's pack
//! PDF (handout or slides) and the FHIR Bundles of the board and of the open case. Run after
//! drawing, like `file_ops.rs`; refused before any dialog while a board row cannot be read.

use std::path::{Path, PathBuf};

use mesocds_core::case_file;

use super::MesoApp;
use super::board_ops::counted;
use super::ui::path_prompt::PathPurpose;
use crate::report::pdf::{Paper, PdfLayout, PdfOptions};
use crate::{fhir, meta, report};

/// What the refusal to export says after the count of unreadable rows.
pub(super) const BLOCKED: &str = "cannot be read; fix or remove";

impl MesoApp {
    /// Why the board cannot be exported as it is: the rows that cannot be read, named with
    /// their number and error, to fix or remove first. The pack is refused as a whole rather
    /// than written without them: a board pack that silently lacks a patient is worse than none.
    /// The cases are read again first, so a file gone since it was added counts.
    fn board_export_blocked(&mut self, what: &str) -> bool {
        if let Ok(tables) = self.tables {
            self.board.board.reload(tables);
        }
        let bad = self.board.board.unreadable();
        if bad.is_empty() {
            return false;
        }
        let rows: Vec<String> = bad
            .iter()
            .map(|(n, _, e)| format!("row {n}: {e}"))
            .collect();
        self.error = Some(format!(
            "{what} was not written: {} {BLOCKED} {} first. {}",
            counted(bad.len(), "row", "rows"),
            if bad.len() == 1 { "it" } else { "them" },
            rows.join("; ")
        ));
        true
    }

    /// "Export pack PDF…": refused while a row cannot be read, else the dialog (or the path field).
    pub(super) fn board_export_pack(&mut self) {
        if !self.board_export_blocked("The pack PDF")
            && let Some(p) = self.pick(PathPurpose::ExportPack)
        {
            self.export_pack_to(&p);
        }
    }

    /// "Export FHIR…" of the board: refused while a row cannot be read, like the pack.
    pub(super) fn board_export_fhir(&mut self) {
        if !self.board_export_blocked("The FHIR export")
            && let Some(p) = self.pick(PathPurpose::ExportFhirBoard)
        {
            self.export_fhir_board_to(&p);
        }
    }

    /// Writes the board's cases, in order, to one PDF at `path` (refused, nothing written, while
    /// a row cannot be read).
    pub(super) fn export_pack_to(&mut self, path: &Path) {
        let Ok(tables) = self.tables else { return };
        if self.board_export_blocked("The pack PDF") {
            return;
        }
        let paper = if self.prefs.letter_paper {
            Paper::Letter
        } else {
            Paper::A4
        };
        let options = PdfOptions {
            paper,
            layout: self.board.layout,
        };
        let files = self.board.board.paths();
        match report::export_files(&files, path, options, tables, meta::report_meta()) {
            Ok(pdf) => {
                self.error = None;
                let unit = match self.board.layout {
                    PdfLayout::Handout => "pages",
                    PdfLayout::Slides => "slides",
                };
                self.info = Some(format!(
                    "Exported the pack of {} to {} ({} {unit}).",
                    counted(files.len(), "case", "cases"),
                    path.display(),
                    pdf.pages
                ));
            }
            Err(e) => self.error = Some(format!("Could not export the pack. {e}")),
        }
    }

    /// Writes the FHIR Bundle of the board's cases to `path`.
    pub(super) fn export_fhir_board_to(&mut self, path: &Path) {
        let Ok(tables) = self.tables else { return };
        if self.board_export_blocked("The FHIR export") {
            return;
        }
        let files = self.board.board.paths();
        match fhir::export_files(&files, path, tables) {
            Ok(_) => {
                self.error = None;
                self.info = Some(format!(
                    "Exported FHIR of the board's {} cases to {}.",
                    files.len(),
                    path.display()
                ));
            }
            Err(e) => self.error = Some(format!("Could not export FHIR. {e}")),
        }
    }

    /// Writes the FHIR Bundle of the open case, as it is on screen, to `path`.
    pub(super) fn export_fhir_case_to(&mut self, path: &Path) {
        let Ok(tables) = self.tables else { return };
        let (bytes, what) = match (&self.doc.path, self.doc.is_dirty()) {
            (Some(p), false) => match case_file::read_file(p) {
                Ok(b) => (b, "the saved file"),
                Err(e) => {
                    self.error = Some(format!("Could not export FHIR. {e}"));
                    return;
                }
            },
            _ => match case_file::to_ron(&self.doc.case, &self.saved_with()) {
                Ok(t) => (t.into_bytes(), "the case on screen, with its unsaved edits"),
                Err(e) => {
                    self.error = Some(format!("Could not export FHIR. {e}"));
                    return;
                }
            },
        };
        let inputs: Vec<PathBuf> = self.doc.path.iter().cloned().collect();
        match fhir::write_bundle(&[(self.doc.case.clone(), bytes)], &inputs, path, tables) {
            Ok(_) => {
                self.error = None;
                self.info = Some(format!("Exported FHIR of {what} to {}.", path.display()));
            }
            Err(e) => self.error = Some(format!("Could not export FHIR. {e}")),
        }
    }
}
