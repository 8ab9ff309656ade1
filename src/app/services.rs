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

/// File dialogs, each starting in `folder` when given. Tests use a scripted implementation.
pub trait FileDialogs {
    /// Asks for a case file to open.
    fn pick_open(&mut self, folder: Option<&Path>) -> Picked;
    /// Asks where to save a case.
    fn pick_save(&mut self, folder: Option<&Path>, suggested_name: &str) -> Picked;
    /// Asks where to write the PDF summary.
    fn pick_export(&mut self, folder: Option<&Path>, suggested_name: &str) -> Picked;
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
    let dialog = match folder {
        Some(f) => dialog.set_directory(f),
        None => dialog,
    };
    let started = Instant::now();
    match show(dialog) {
        Some(p) => Picked::Path(p),
        None if started.elapsed() < NO_DIALOG_WITHIN => Picked::Unavailable,
        None => Picked::Cancelled,
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
}
