//! File operations of the desktop app: open, save, save as, export the PDF, the example case,
//! the unsaved-changes flow and the crash-recovery autosave. Drawing code never calls these
//! directly: it emits a [`super::Command`], run after the frame is drawn.

use std::path::{Path, PathBuf};
use std::time::Duration;

use mesocds_core::case_file::{self, SavedWith};
use mesocds_core::{Assessment, ClinicalTables, assess};

use super::command::PendingAction;
use super::document::Document;
use super::services::Picked;
use super::ui::path_prompt::{PathPrompt, PathPurpose};
use super::{EXAMPLE_CASE, MesoApp};
use crate::meta;
use crate::report;
use crate::report::model::{CaseSource, Report};
use crate::report::pdf::{self, Paper, PdfLayout, PdfOptions};

impl MesoApp {
    /// What a case file or the recovery file records about this program.
    pub(super) fn saved_with(&self) -> SavedWith {
        meta::saved_with(self.tables.as_ref().copied())
    }

    pub(super) fn load(&mut self, path: &Path) {
        // One read: the bytes give both the case and the file's fingerprint.
        let read = case_file::read_file(path).and_then(|bytes| {
            let loaded = case_file::from_bytes(&bytes).map_err(|e| e.with_path(path))?;
            Ok((loaded, report::fingerprint(&bytes)))
        });
        match read {
            Ok((loaded, fingerprint)) => {
                let note = match (&self.tables, loaded.saved_with.content.as_str()) {
                    // The current content's long name is in Help → About (and on every PDF
                    // page); here it took four status lines at 1024x700 and 150%.
                    (Ok(t), saved) if !saved.is_empty() && saved != t.content_version() => {
                        Some(format!(
                            "This case was saved with other clinical content ({saved}); results are shown with the current content (named in Help, About MesoCDS)."
                        ))
                    }
                    _ => None,
                };
                self.doc = Document::loaded(path, loaded, Some(fingerprint));
                // Temporary copies a save cut short (kill -9) left next to the case hold
                // patient data; they go when the folder is next used.
                if let Some(dir) = path.parent() {
                    mesocds_core::atomic::clean_leftovers(dir);
                }
                self.prefs.add_recent(path);
                self.error = None;
                // The status bar shows the path beside this message.
                self.info = Some(note.unwrap_or_else(|| "Opened.".to_owned()));
            }
            Err(e) => {
                // The open case is untouched.
                self.error = Some(format!("Could not open the case. {e}"));
            }
        }
    }

    /// The folder dialogs and the path field start in: the case's, else the last file's, else
    /// the home folder.
    pub(super) fn case_folder(&self) -> Option<PathBuf> {
        self.doc
            .path
            .as_deref()
            .or_else(|| self.prefs.recent.first().map(PathBuf::as_path))
            .and_then(Path::parent)
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_owned)
            .or_else(|| directories::UserDirs::new().map(|d| d.home_dir().to_owned()))
    }

    /// Asks the dialog for `purpose`; when no dialog can be shown, opens the path field in the
    /// window instead. `None` unless a path was chosen in the dialog.
    pub(super) fn pick(&mut self, purpose: PathPurpose) -> Option<PathBuf> {
        let board = !matches!(
            purpose,
            PathPurpose::Open
                | PathPurpose::Save
                | PathPurpose::Export
                | PathPurpose::ExportFhirCase
        );
        let folder = if board {
            self.board_folder()
        } else {
            self.case_folder()
        };
        let name = self.suggested_name(purpose);
        let f = folder.as_deref();
        let answer = match purpose {
            PathPurpose::Open => self.dialogs.pick_open(f),
            PathPurpose::Save => self.dialogs.pick_save(f, &name),
            PathPurpose::Export | PathPurpose::ExportPack => self.dialogs.pick_export(f, &name),
            PathPurpose::AddToBoard | PathPurpose::AddFolderToBoard => self.dialogs.pick_folder(f),
            PathPurpose::OpenBoard => self.dialogs.pick_board(f, None),
            PathPurpose::SaveBoard => self.dialogs.pick_board(f, Some(&name)),
            PathPurpose::ExportFhirCase | PathPurpose::ExportFhirBoard => {
                self.dialogs.pick_fhir(f, &name)
            }
        };
        match answer {
            Picked::Path(p) => Some(p),
            Picked::Cancelled => {
                self.info = Some(format!("{}: cancelled.", purpose.title()));
                None
            }
            Picked::Unavailable => {
                let start = folder.unwrap_or_default().join(name);
                self.path_prompt = Some(PathPrompt::new(purpose, &start));
                None
            }
        }
    }

    /// The file name offered for `purpose`, from the case label.
    fn suggested_name(&self, purpose: PathPurpose) -> String {
        match purpose {
            PathPurpose::Open
            | PathPurpose::AddToBoard
            | PathPurpose::AddFolderToBoard
            | PathPurpose::OpenBoard => String::new(),
            PathPurpose::Save => format!("{}.ron", sanitize(&self.doc.display_name())),
            PathPurpose::Export => match self.export_layout {
                PdfLayout::Handout => format!("{}.pdf", sanitize(&self.doc.display_name())),
                PdfLayout::Slides => format!("{}-slides.pdf", sanitize(&self.doc.display_name())),
            },
            PathPurpose::ExportFhirCase => format!("{}.json", sanitize(&self.doc.display_name())),
            PathPurpose::SaveBoard | PathPurpose::ExportPack | PathPurpose::ExportFhirBoard => {
                sanitize_stem(&self.board_suggested_name(purpose))
            }
        }
    }

    /// Saves to the document's file, or asks where. Returns whether the case was saved (`false`
    /// also while the path field is open).
    pub(super) fn save(&mut self, ask: bool) -> bool {
        let known = self.doc.path.clone().filter(|_| !ask);
        match known.or_else(|| self.pick(PathPurpose::Save)) {
            Some(path) => self.save_to(&path),
            None => false,
        }
    }

    /// Saves the case to `path`. Returns whether it was saved.
    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        let path = path.to_owned();
        match case_file::save(&path, &self.doc.case, &self.saved_with()) {
            Ok(written) => {
                let fingerprint = report::fingerprint(written.as_bytes());
                self.doc.mark_saved(path.clone(), Some(fingerprint));
                self.prefs.add_recent(&path);
                if let Ok(tables) = self.tables {
                    // The board shows the case as saved now.
                    self.board.board.refresh(&path, tables);
                }
                self.recovery.clear();
                self.autosave_due = None;
                self.error = None;
                self.info = Some("Saved.".to_owned());
                true
            }
            Err(e) => {
                // Nothing is lost: the case stays open and unsaved, the old file untouched.
                self.error = Some(format!("Could not save. {e}"));
                false
            }
        }
    }

    /// The fingerprint printed on the PDF: of the saved file when the case is unchanged since it
    /// was saved, otherwise a note that the pages match no saved file.
    pub(super) fn source(&self) -> CaseSource {
        let file = self
            .doc
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(
                || "unsaved case".to_owned(),
                |n| n.to_string_lossy().into_owned(),
            );
        CaseSource {
            file,
            fingerprint: self.doc.fingerprint().map_or_else(
                || "unsaved changes: matches no saved file".to_owned(),
                str::to_owned,
            ),
        }
    }

    /// The report model of the open case, from its assessment (made once per frame by the
    /// caller).
    pub(super) fn report(&self, tables: &ClinicalTables, assessment: &Assessment<'_>) -> Report {
        let input = report::ReportInput {
            case: &self.doc.case,
            assessment,
            source: self.source(),
        };
        let mut report = report::build_report(&[input], tables, meta::report_meta());
        if self.doc.seal_warning().is_some()
            && let Some(case) = report.cases.first_mut()
        {
            report::mark_seal(case, case_file::SealStatus::Mismatch);
        }
        report
    }

    pub(super) fn export_pdf(&mut self, layout: PdfLayout) {
        self.export_layout = layout;
        if let Some(path) = self.pick(PathPurpose::Export) {
            self.export_to(&path);
        }
    }

    /// Writes the PDF summary to `path`, in the layout of the last Export command (handout or
    /// slides).
    pub(super) fn export_to(&mut self, path: &Path) {
        let Ok(tables) = self.tables else { return };
        let paper = if self.prefs.letter_paper {
            Paper::Letter
        } else {
            Paper::A4
        };
        let assessment = assess(&self.doc.case, tables);
        let options = PdfOptions {
            paper,
            layout: self.export_layout,
        };
        let result = pdf::render(&self.report(tables, &assessment), options)
            .map_err(report::ExportError::from)
            .and_then(|pdf| report::write_pdf(path, &pdf).map(|()| pdf));
        match result {
            Ok(pdf) => {
                self.error = None;
                let unit = match self.export_layout {
                    PdfLayout::Handout => "pages",
                    PdfLayout::Slides => "slides",
                };
                let mut msg = format!("Exported {} ({} {unit})", path.display(), pdf.pages);
                if !pdf.replaced_characters.is_empty() {
                    let list: String = pdf.replaced_characters.iter().collect();
                    msg.push_str(&format!("; printed as \"?\": {list}"));
                }
                self.info = Some(msg);
            }
            Err(e) => self.error = Some(format!("Could not export the PDF. {e}")),
        }
    }

    pub(super) fn request(&mut self, action: PendingAction, ctx: &egui::Context) {
        if self.doc.is_dirty() {
            self.prompt = Some(action);
        } else {
            self.proceed(action, ctx);
        }
    }

    pub(super) fn proceed(&mut self, action: PendingAction, ctx: &egui::Context) {
        match action {
            PendingAction::New => {
                self.doc = Document::new();
                self.recovery.clear();
                self.info = Some("New case".to_owned());
            }
            PendingAction::Open(path) => {
                if let Some(p) = path.or_else(|| self.pick(PathPurpose::Open)) {
                    self.load(&p);
                    if self.error.is_none() {
                        self.recovery.clear();
                    }
                }
            }
            PendingAction::OpenFromBoard(p) => {
                self.load(&p);
                if self.error.is_none() {
                    self.recovery.clear();
                    self.prefs.tab = super::tabs::Tab::Case;
                }
            }
            PendingAction::OpenExample => match case_file::from_ron(EXAMPLE_CASE) {
                Ok(loaded) => {
                    // A copy with no file: Save asks where to put it.
                    self.doc = Document::example(loaded.case);
                    self.recovery.clear();
                    self.error = None;
                    self.info = Some(
                        "Opened the fictional example case. Look through every tab; Save stores a copy."
                            .to_owned(),
                    );
                }
                Err(e) => {
                    self.error = Some(format!("The built-in example case cannot be read. {e}"));
                }
            },
            PendingAction::Quit => {
                self.recovery.clear();
                self.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    pub(super) fn autosave(&mut self, ctx: &egui::Context, now: f64) {
        let Some(due) = self.autosave_due else { return };
        if !self.doc.is_dirty() {
            self.autosave_due = None;
            self.recovery.clear();
            return;
        }
        if now >= due {
            self.autosave_due = None;
            if let Err(e) =
                self.recovery
                    .write(&self.doc.case, self.doc.path.as_deref(), &self.saved_with())
            {
                self.error = Some(format!("Could not write the recovery file: {e}"));
            }
        } else {
            ctx.request_repaint_after(Duration::from_secs_f64(due - now));
        }
    }
}

/// A file name made of `name`'s letters, digits, `-` and `_` (others become `_`).
fn sanitize(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// `name` with its stem [`sanitize`]d and its extension kept.
fn sanitize_stem(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{}.{ext}", sanitize(stem)),
        None => sanitize(name),
    }
}
