//! What the app needs from the outside world: file dialogs and the crash-recovery store.
//! Both sit behind small types so tests never open a dialog or touch the user's data folder.

use std::path::{Path, PathBuf};

use mesocds_core::Case;
use mesocds_core::case_file::{self, CaseFileError, SavedWith};

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

/// File dialogs. Tests use a scripted implementation.
pub trait FileDialogs {
    /// Asks for a case file to open; `None` when cancelled or unavailable.
    fn pick_open(&mut self) -> Option<PathBuf>;
    /// Asks where to save a case; `None` when cancelled or unavailable.
    fn pick_save(&mut self, suggested_name: &str) -> Option<PathBuf>;
    /// Asks where to write the PDF summary; `None` when cancelled or unavailable.
    fn pick_export(&mut self, suggested_name: &str) -> Option<PathBuf>;
}

/// Native dialogs through rfd (the xdg desktop portal on Linux).
#[derive(Debug, Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open case")
            .add_filter("MesoCDS case", &["ron"])
            .pick_file()
    }

    fn pick_save(&mut self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Save case")
            .add_filter("MesoCDS case", &["ron"])
            .set_file_name(suggested_name)
            .save_file()
    }

    fn pick_export(&mut self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Export PDF summary")
            .add_filter("PDF", &["pdf"])
            .set_file_name(suggested_name)
            .save_file()
    }
}

/// Where unsaved work is kept so that a crash loses nothing.
///
/// The recovery file is a case file in the app's data folder, with a note of the file the case
/// came from. It is never written over the user's own file, and is removed after a save or a
/// discard.
#[derive(Clone, Debug)]
pub struct Recovery {
    dir: Option<PathBuf>,
}

const RECOVERY_FILE: &str = "recovery.ron";
const ORIGIN_FILE: &str = "recovery-origin.txt";

impl Recovery {
    /// The platform's data folder (`directories`), e.g. `~/.local/share/mesocds` on Linux.
    pub fn platform() -> Self {
        Self {
            dir: directories::ProjectDirs::from("org", "MesoCDS", "mesocds")
                .map(|d| d.data_dir().to_owned()),
        }
    }

    /// A recovery store in `dir` (for tests).
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            dir: Some(dir.to_owned()),
        }
    }

    /// No recovery store.
    pub fn disabled() -> Self {
        Self { dir: None }
    }

    fn file(&self, name: &str) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(name))
    }

    /// The recovery file's path, if there is a store.
    pub fn case_path(&self) -> Option<PathBuf> {
        self.file(RECOVERY_FILE)
    }

    /// Writes the unsaved case (atomically, owner-only).
    ///
    /// # Errors
    /// The I/O or serialization error.
    pub fn write(
        &self,
        case: &Case,
        origin: Option<&Path>,
        saved_with: &SavedWith,
    ) -> Result<(), String> {
        let (Some(dir), Some(path), Some(origin_path)) = (
            self.dir.as_ref(),
            self.file(RECOVERY_FILE),
            self.file(ORIGIN_FILE),
        ) else {
            return Ok(());
        };
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        case_file::save(&path, case, saved_with).map_err(|e| e.to_string())?;
        let origin_text = origin.map_or_else(String::new, |p| p.to_string_lossy().into_owned());
        case_file::write_atomic(&origin_path, origin_text.as_bytes())
            .map_err(|e| format!("{}: {e}", origin_path.display()))
    }

    /// The recovered case and the file it came from, if a recovery file exists.
    pub fn read(&self) -> Option<Result<(Case, Option<PathBuf>), CaseFileError>> {
        let path = self.file(RECOVERY_FILE)?;
        if !path.exists() {
            return None;
        }
        let origin = self
            .file(ORIGIN_FILE)
            .and_then(|p| std::fs::read_to_string(p).ok())
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .map(PathBuf::from);
        Some(case_file::load(&path).map(|l| (l.case, origin)))
    }

    /// Removes the recovery file.
    pub fn clear(&self) {
        for name in [RECOVERY_FILE, ORIGIN_FILE] {
            if let Some(p) = self.file(name) {
                // Already gone, or not removable: nothing more can be done about it here.
                std::fs::remove_file(p).ok();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_round_trip_and_clear() {
        let dir = tempfile::tempdir().unwrap();
        let r = Recovery::in_dir(&dir.path().join("data"));
        assert!(r.read().is_none());
        let case = Case {
            label: "MC-R".to_owned(),
            ..Case::default()
        };
        let origin = dir.path().join("mine.ron");
        r.write(&case, Some(&origin), &SavedWith::default())
            .unwrap();
        let (got, from) = r.read().unwrap().unwrap();
        assert_eq!(got, case);
        assert_eq!(from, Some(origin.clone()));
        assert!(
            !origin.exists(),
            "the user's file is never written by recovery"
        );
        r.clear();
        assert!(r.read().is_none());
        Recovery::disabled().clear();
        assert!(Recovery::disabled().read().is_none());
    }
}
