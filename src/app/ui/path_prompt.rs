//! The path field shown in the window when no file dialog can be shown (no xdg desktop portal):
//! a small modal with the path, prefilled with the case's folder and a sensible name. Enter is
//! OK, Escape is Cancel. It refuses what a dialog would not allow: a case file name that is not
//! `.ron`, a PDF name that is not `.pdf`, and writing over another file (issue 10).

use std::path::{Path, PathBuf};

use crate::app::MesoApp;
use crate::app::command::PendingAction;

/// What the path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::app) enum PathPurpose {
    /// Open a case file.
    Open,
    /// Save the case (Save or Save As).
    Save,
    /// Export the PDF summary.
    Export,
    /// Add a case file, or every case file in a folder, to the board.
    AddToBoard,
    /// Add every case file in a folder to the board ("Add folder…").
    AddFolderToBoard,
    /// Open a board file.
    OpenBoard,
    /// Save the board file.
    SaveBoard,
    /// Export the board's pack PDF.
    ExportPack,
    /// Export the open case as FHIR.
    ExportFhirCase,
    /// Export the board's cases as FHIR.
    ExportFhirBoard,
}

impl PathPurpose {
    /// The action, as a title.
    pub(in crate::app) fn title(self) -> &'static str {
        match self {
            Self::Open => "Open case",
            Self::Save => "Save case",
            Self::Export => "Export PDF summary",
            Self::AddToBoard => "Add cases to the board",
            Self::AddFolderToBoard => "Add a folder of cases to the board",
            Self::OpenBoard => "Open board",
            Self::SaveBoard => "Save board as",
            Self::ExportPack => "Export the board's pack PDF",
            Self::ExportFhirCase | Self::ExportFhirBoard => "Export FHIR",
        }
    }

    /// What to type, as a sentence.
    fn what_to_type(self) -> &'static str {
        match self {
            Self::AddToBoard => "Type the path of a case file, or of a folder of case files.",
            Self::AddFolderToBoard => "Type the folder's path.",
            _ => "Type the file's path.",
        }
    }

    /// Whether the path is an export's: writing over an existing file asks first.
    fn is_export(self) -> bool {
        matches!(
            self,
            Self::Export | Self::ExportPack | Self::ExportFhirCase | Self::ExportFhirBoard
        )
    }
}

/// The open path field.
#[derive(Clone, Debug)]
pub(in crate::app) struct PathPrompt {
    purpose: PathPurpose,
    /// The path as typed.
    pub(in crate::app) text: String,
    problem: Option<String>,
    /// What runs after a successful save (the unsaved-changes prompt's "Save").
    pub(in crate::app) then: Option<PendingAction>,
    focused: bool,
    /// The existing file the user was asked about replacing (an export's path, unchanged since).
    replace: Option<PathBuf>,
}

impl PathPrompt {
    /// A path field for `purpose`, prefilled with `start`.
    pub(in crate::app) fn new(purpose: PathPurpose, start: &Path) -> Self {
        Self {
            purpose,
            text: start.display().to_string(),
            problem: None,
            then: None,
            focused: false,
            replace: None,
        }
    }
}

/// Whether `path`'s extension is `ext`, in any case.
fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(ext))
}

/// Whether `a` and `b` name the same file (after following links, when both exist).
fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || matches!(
            (a.canonicalize(), b.canonicalize()),
            (Ok(x), Ok(y)) if x == y
        )
}

impl MesoApp {
    /// The path typed for `purpose`, or why it is refused.
    fn checked_path(&self, purpose: PathPurpose, text: &str) -> Result<PathBuf, String> {
        let t = text.trim();
        if t.is_empty() {
            return Err(purpose.what_to_type().to_owned());
        }
        let mut path = PathBuf::from(t);
        if path.is_relative() {
            path = self.case_folder().unwrap_or_default().join(path);
        }
        match purpose {
            PathPurpose::AddToBoard | PathPurpose::AddFolderToBoard if !path.exists() => {
                return Err(format!("{} does not exist.", path.display()));
            }
            PathPurpose::AddFolderToBoard if !path.is_dir() => {
                return Err(format!("{} is not a folder.", path.display()));
            }
            PathPurpose::AddToBoard | PathPurpose::AddFolderToBoard => return Ok(path),
            _ => {}
        }
        if path.is_dir() {
            return Err(format!("{} is a folder; add a file name.", path.display()));
        }
        if !matches!(purpose, PathPurpose::Open | PathPurpose::OpenBoard)
            && !path
                .parent()
                .is_some_and(|p| p.as_os_str().is_empty() || p.is_dir())
        {
            return Err(format!("The folder of {} does not exist.", path.display()));
        }
        let own = self.doc.path.as_deref();
        let on_board = || self.board.board.contains(&path);
        match purpose {
            PathPurpose::Open | PathPurpose::OpenBoard if !path.is_file() => {
                Err(format!("{} is not a file.", path.display()))
            }
            PathPurpose::SaveBoard if !has_extension(&path, crate::board::file::EXTENSION) => {
                Err("A board file's name ends in .mesoboard.".to_owned())
            }
            PathPurpose::SaveBoard
                if path.exists()
                    && !self
                        .board
                        .board
                        .file
                        .as_deref()
                        .is_some_and(|o| same_file(o, &path)) =>
            {
                Err(format!(
                    "{} already exists; type another name (nothing is replaced from this field).",
                    path.display()
                ))
            }
            PathPurpose::ExportPack if !has_extension(&path, "pdf") => {
                Err("A PDF's name ends in .pdf.".to_owned())
            }
            PathPurpose::ExportFhirCase | PathPurpose::ExportFhirBoard
                if !has_extension(&path, "json") =>
            {
                Err("A FHIR export's name ends in .json.".to_owned())
            }
            PathPurpose::ExportPack | PathPurpose::ExportFhirBoard if on_board() => Err(format!(
                "{} is a case file on the board; the export is never written over it.",
                path.display()
            )),
            PathPurpose::ExportFhirCase if own.is_some_and(|o| same_file(o, &path)) => {
                Err(format!(
                    "{} is the case file; the export is written next to it, never over it.",
                    path.display()
                ))
            }
            PathPurpose::Save if !has_extension(&path, "ron") => {
                Err("A case file's name ends in .ron.".to_owned())
            }
            PathPurpose::Save if path.exists() && !own.is_some_and(|o| same_file(o, &path)) => {
                Err(format!(
                    "{} already exists; type another name (nothing is replaced from this field).",
                    path.display()
                ))
            }
            PathPurpose::Export if !has_extension(&path, "pdf") => {
                Err("A PDF summary's name ends in .pdf.".to_owned())
            }
            PathPurpose::Export if own.is_some_and(|o| same_file(o, &path)) => Err(format!(
                "{} is the case file; the PDF is written next to it, never over it.",
                path.display()
            )),
            _ => Ok(path),
        }
    }

    /// The path field, while one is open.
    pub(in crate::app) fn path_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(mut prompt) = self.path_prompt.take() else {
            return;
        };
        let mut ok = false;
        let mut cancel = false;
        let modal = egui::Modal::new(egui::Id::unique("path_prompt")).show(ctx, |ui| {
            ui.heading(prompt.purpose.title());
            ui.label(format!(
                "No file dialog is available on this desktop. {}",
                prompt.purpose.what_to_type()
            ));
            let field = ui
                .horizontal(|ui| {
                    let label = ui.label("Path");
                    ui.add(
                        egui::TextEdit::singleline(&mut prompt.text)
                            .desired_width(520.0)
                            .hint_text("/folder/name"),
                    )
                    .labelled_by(label.id)
                })
                .inner;
            if !prompt.focused {
                field.request_focus();
                prompt.focused = true;
            }
            if field.changed() {
                prompt.problem = None;
                prompt.replace = None;
            }
            ok = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if let Some(problem) = &prompt.problem {
                // The replace question is a question, not an error.
                let v = ui.visuals();
                let colour = if prompt.replace.is_some() {
                    v.warn_fg_color
                } else {
                    v.error_fg_color
                };
                ui.colored_label(colour, problem);
            }
            ui.horizontal(|ui| {
                let label = if prompt.replace.is_some() {
                    "Replace"
                } else {
                    "OK"
                };
                ok |= ui.button(label).clicked();
                cancel = ui.button("Cancel").clicked();
            });
        });
        if cancel || (!ok && modal.should_close()) {
            self.info = Some(format!("{}: cancelled.", prompt.purpose.title()));
            return;
        }
        if !ok {
            self.path_prompt = Some(prompt);
            return;
        }
        let path = match self.checked_path(prompt.purpose, &prompt.text) {
            Ok(p) => p,
            Err(problem) => {
                prompt.problem = Some(problem);
                prompt.focused = false;
                self.path_prompt = Some(prompt);
                return;
            }
        };
        // One rule for every export: an existing file is replaced only once the user says so
        // (as the native dialog asks by itself).
        if prompt.purpose.is_export() && path.is_file() && prompt.replace.as_ref() != Some(&path) {
            prompt.problem = Some(format!(
                "{} already exists. Replace the existing file? Press Replace to write over it, \
                 or change the name.",
                path.display()
            ));
            prompt.replace = Some(path);
            prompt.focused = false;
            self.path_prompt = Some(prompt);
            return;
        }
        match prompt.purpose {
            PathPurpose::Open => self.proceed(PendingAction::Open(Some(path)), ctx),
            PathPurpose::Save => {
                if self.save_to(&path)
                    && let Some(then) = prompt.then
                {
                    self.proceed(then, ctx);
                }
            }
            PathPurpose::Export => self.export_to(&path),
            PathPurpose::AddToBoard | PathPurpose::AddFolderToBoard => {
                self.board_add_paths(&[path]);
            }
            PathPurpose::OpenBoard => self.open_board(&path),
            PathPurpose::SaveBoard => self.save_board_to(&path),
            PathPurpose::ExportPack => self.export_pack_to(&path),
            PathPurpose::ExportFhirCase => self.export_fhir_case_to(&path),
            PathPurpose::ExportFhirBoard => self.export_fhir_board_to(&path),
        }
    }
}
