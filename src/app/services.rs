//! What the app needs from the outside world: file dialogs and the crash-recovery store
//! (`recovery.rs`). Both sit behind small types so tests never open a dialog or touch the
//! user's data folder.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use super::recovery::{Orphan, Recovery};

/// What the app needs from outside; tests pass scripted dialogs and a temporary recovery folder.
pub struct Services {
    /// File dialogs.
    pub dialogs: Box<dyn FileDialogs>,
    /// The crash-recovery store.
    pub recovery: Recovery,
    /// A case file to open at start.
    pub open: Option<PathBuf>,
}

impl Services {
    /// Native dialogs and the platform's data folder.
    pub fn native(open: Option<PathBuf>) -> Self {
        Self {
            dialogs: Box::new(NativeDialogs),
            recovery: Recovery::platform(),
            open,
        }
    }
}

/// What a file dialog answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// The user chose this file.
    Path(PathBuf),
    /// The user cancelled the dialog.
    Cancelled,
    /// No dialog could be shown (no file-dialog service): the app asks for a path in its window.
    Unavailable,
}

/// What a dialog that chooses several files answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickedMany {
    /// The user chose these files.
    Paths(Vec<PathBuf>),
    /// The user cancelled the dialog.
    Cancelled,
    /// No dialog could be shown: the app asks for a path in its window.
    Unavailable,
}

/// File dialogs, each starting in `folder` when given. Tests use a scripted implementation.
pub trait FileDialogs {
    /// Asks for a case file to open.
    fn pick_open(&mut self, folder: Option<&Path>) -> Picked;
    /// Asks where to save a case.
    fn pick_save(&mut self, folder: Option<&Path>, suggested_name: &str) -> Picked;
    /// Asks where to write the PDF summary.
    fn pick_export(&mut self, folder: Option<&Path>, suggested_name: &str) -> Picked;
    /// Asks for case files to add to the board (several may be chosen).
    fn pick_cases(&mut self, folder: Option<&Path>) -> PickedMany;
    /// Asks for a folder whose case files are added to the board.
    fn pick_folder(&mut self, folder: Option<&Path>) -> Picked;
    /// Asks for a board file to open (`save_as: None`) or where to save one (`Some(name)`).
    fn pick_board(&mut self, folder: Option<&Path>, save_as: Option<&str>) -> Picked;
    /// Asks where to write the FHIR export (`*.json`).
    fn pick_fhir(&mut self, folder: Option<&Path>, suggested_name: &str) -> Picked;
}

/// A dialog that came back empty sooner than this never appeared: rfd answers "nothing chosen"
/// both for a cancelled dialog and when no xdg desktop portal answers, and nobody cancels a
/// dialog in a quarter of a second.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

/// Native dialogs through rfd (the xdg desktop portal on Linux).
#[derive(Debug, Default)]
pub struct NativeDialogs;

/// Runs `dialog` (started in `folder`), telling a cancelled dialog from one that never appeared.
fn ask(
    folder: Option<&Path>,
    dialog: rfd::FileDialog,
    show: fn(rfd::FileDialog) -> Option<PathBuf>,
) -> Picked {
    match ask_any(folder, dialog, |d| show(d).map(|p| vec![p])) {
        PickedMany::Paths(mut p) => p.pop().map_or(Picked::Cancelled, Picked::Path),
        PickedMany::Cancelled => Picked::Cancelled,
        PickedMany::Unavailable => Picked::Unavailable,
    }
}

/// [`ask`] for a dialog answering one path or several.
fn ask_any(
    folder: Option<&Path>,
    dialog: rfd::FileDialog,
    show: impl FnOnce(rfd::FileDialog) -> Option<Vec<PathBuf>>,
) -> PickedMany {
    let dialog = match folder {
        Some(f) => dialog.set_directory(f),
        None => dialog,
    };
    let started = Instant::now();
    match show(dialog) {
        Some(p) => PickedMany::Paths(p),
        None if started.elapsed() < NO_DIALOG_WITHIN => PickedMany::Unavailable,
        None => PickedMany::Cancelled,
    }
}

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self, folder: Option<&Path>) -> Picked {
        let d = rfd::FileDialog::new()
            .set_title("Open case")
            .add_filter("MesoCDS case", &["ron"]);
        ask(folder, d, rfd::FileDialog::pick_file)
    }

    fn pick_save(&mut self, folder: Option<&Path>, suggested_name: &str) -> Picked {
        let d = rfd::FileDialog::new()
            .set_title("Save case")
            .add_filter("MesoCDS case", &["ron"])
            .set_file_name(suggested_name);
        ask(folder, d, rfd::FileDialog::save_file)
    }

    fn pick_export(&mut self, folder: Option<&Path>, suggested_name: &str) -> Picked {
        let d = rfd::FileDialog::new()
            .set_title("Export PDF summary")
            .add_filter("PDF", &["pdf"])
            .set_file_name(suggested_name);
        ask(folder, d, rfd::FileDialog::save_file)
    }

    fn pick_cases(&mut self, folder: Option<&Path>) -> PickedMany {
        let d = rfd::FileDialog::new()
            .set_title("Add cases to the board")
            .add_filter("MesoCDS case", &["ron"]);
        ask_any(folder, d, rfd::FileDialog::pick_files)
    }

    fn pick_folder(&mut self, folder: Option<&Path>) -> Picked {
        let d = rfd::FileDialog::new().set_title("Add every case in a folder");
        ask(folder, d, rfd::FileDialog::pick_folder)
    }

    fn pick_board(&mut self, folder: Option<&Path>, save_as: Option<&str>) -> Picked {
        let d =
            rfd::FileDialog::new().add_filter("MesoCDS board", &[crate::board::file::EXTENSION]);
        match save_as {
            None => ask(
                folder,
                d.set_title("Open board"),
                rfd::FileDialog::pick_file,
            ),
            Some(name) => ask(
                folder,
                d.set_title("Save board as").set_file_name(name),
                rfd::FileDialog::save_file,
            ),
        }
    }

    fn pick_fhir(&mut self, folder: Option<&Path>, suggested_name: &str) -> Picked {
        let d = rfd::FileDialog::new()
            .set_title("Export FHIR")
            .add_filter("FHIR JSON", &["json"])
            .set_file_name(suggested_name);
        ask(folder, d, rfd::FileDialog::save_file)
    }
}
