//! The tumor-board workspace's model (issue 13).
//!
//! The ordered list of case files on a board, each read once and summarised in one table row
//! ([`row`]) from the core's assessment, and the board file that saves the list ([`mod@file`]). No
//! egui here: the Board tab (`src/app/tabs/board.rs`) draws it and `src/app/board_ops.rs` runs
//! its file operations.

pub mod file;
pub mod row;

use std::path::{Path, PathBuf};

use mesocds_core::{ClinicalTables, assess, case_file};

pub use row::{BoardRow, COLUMNS, board_row};

/// What a case file on the board gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardItem {
    /// The case file.
    pub path: PathBuf,
    /// Its row, or why it could not be read (with the file and, where it applies, the line and
    /// column).
    pub row: Result<BoardRow, String>,
    /// The fingerprint of its bytes ([`crate::report::fingerprint`]), when they could be read.
    pub fingerprint: Option<String>,
}

/// Why a case file was not added to the board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The file (or the same file by another name) is on the board already.
    AlreadyOn,
    /// The file is not a readable case file: why, with the line and column when it is malformed.
    Unreadable(String),
}

impl BoardItem {
    /// Reads `path` and builds its row from the core's assessment.
    pub fn read(path: &Path, tables: &ClinicalTables) -> Self {
        let bytes = if path.exists() {
            case_file::read_file(path).map_err(|e| e.to_string())
        } else {
            Err(format!("{}: file not found", path.display()))
        };
        let fingerprint = bytes.as_deref().ok().map(crate::report::fingerprint);
        let row = bytes.and_then(|bytes| {
            case_file::from_bytes(&bytes)
                .map_err(|e| e.with_path(path).to_string())
                .map(|loaded| board_row(&loaded.case, &assess(&loaded.case, tables)))
        });
        Self {
            path: path.to_owned(),
            row,
            fingerprint,
        }
    }
}

/// The board: its cases in the order they will be presented.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Board {
    /// The board file it was opened from or saved to.
    pub file: Option<PathBuf>,
    /// The cases, in order.
    pub items: Vec<BoardItem>,
    /// The case paths as last saved or opened (the board has unsaved changes when they differ).
    saved: Vec<PathBuf>,
}

impl Board {
    /// The board of the board file `file`, with its cases read (missing ones as rows saying so).
    pub fn opened(file: &Path, paths: &[PathBuf], tables: &ClinicalTables) -> Self {
        Self {
            file: Some(file.to_owned()),
            items: paths.iter().map(|p| BoardItem::read(p, tables)).collect(),
            saved: paths.to_vec(),
        }
    }

    /// A board remembered from the last session: its board file (if any), its cases as they
    /// were, and the list as last saved to that file (`saved`, to tell unsaved changes).
    pub fn restored(
        file: Option<PathBuf>,
        paths: &[PathBuf],
        saved: Vec<PathBuf>,
        tables: &ClinicalTables,
    ) -> Self {
        Self {
            file,
            items: paths.iter().map(|p| BoardItem::read(p, tables)).collect(),
            saved,
        }
    }

    /// The case paths, in order.
    pub fn paths(&self) -> Vec<PathBuf> {
        self.items.iter().map(|i| i.path.clone()).collect()
    }

    /// Whether the list differs from the board file (always, for a non-empty unsaved board).
    pub fn is_dirty(&self) -> bool {
        self.paths() != self.saved
    }

    /// The board's name and state, as the tab's bar and the status bar show it: "Board
    /// x.mesoboard", "Board x.mesoboard (unsaved changes)", or "Unsaved board".
    pub fn status(&self) -> String {
        match self.file.as_deref().and_then(Path::file_name) {
            None => "Unsaved board".to_owned(),
            Some(n) if self.is_dirty() => {
                format!("Board {} (unsaved changes)", n.to_string_lossy())
            }
            Some(n) => format!("Board {}", n.to_string_lossy()),
        }
    }

    /// Records that the list was saved to `file`.
    pub fn mark_saved(&mut self, file: PathBuf) {
        self.saved = self.paths();
        self.file = Some(file);
    }

    /// Whether `path` is on the board already (the same file by another name counts).
    pub fn contains(&self, path: &Path) -> bool {
        self.items
            .iter()
            .any(|i| i.path == path || crate::report::same_file(&i.path, path))
    }

    /// Adds `path` at the end, read now. Refused (nothing added) when the file is on the board
    /// already or is not a readable case file.
    ///
    /// # Errors
    /// [`Refused`], saying which.
    pub fn add(&mut self, path: &Path, tables: &ClinicalTables) -> Result<(), Refused> {
        if self.contains(path) {
            return Err(Refused::AlreadyOn);
        }
        let item = BoardItem::read(path, tables);
        if let Err(e) = &item.row {
            return Err(Refused::Unreadable(e.clone()));
        }
        self.items.push(item);
        Ok(())
    }

    /// The rows that cannot be read: their number (from 1), file and error.
    pub fn unreadable(&self) -> Vec<(usize, &BoardItem, &str)> {
        self.items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| item.row.as_ref().err().map(|e| (i + 1, item, e.as_str())))
            .collect()
    }

    /// Whether the case at `index` is the same patient as another row, by another file: "same
    /// content as row N" (the same bytes) or "same label as row N", N counted from 1.
    pub fn duplicate_warning(&self, index: usize) -> Option<String> {
        let item = self.items.get(index)?;
        let others = || {
            self.items
                .iter()
                .enumerate()
                .filter(move |(j, _)| *j != index)
        };
        if let Some(fp) = &item.fingerprint
            && let Some((j, _)) = others().find(|(_, o)| o.fingerprint.as_ref() == Some(fp))
        {
            return Some(format!("same content as row {}", j + 1));
        }
        let label = item.row.as_ref().ok()?.label();
        others()
            .find(|(_, o)| o.row.as_ref().is_ok_and(|r| r.label() == label))
            .map(|(j, _)| format!("same label as row {}", j + 1))
    }

    /// Reads the case at `path` again, if it is on the board (after it was saved in the app).
    pub fn refresh(&mut self, path: &Path, tables: &ClinicalTables) {
        for item in &mut self.items {
            if item.path == path || crate::report::same_file(&item.path, path) {
                *item = BoardItem::read(&item.path.clone(), tables);
            }
        }
    }

    /// Reads every case again.
    pub fn reload(&mut self, tables: &ClinicalTables) {
        for item in &mut self.items {
            *item = BoardItem::read(&item.path.clone(), tables);
        }
    }

    /// Moves the case at `index` one place up (`up`) or down; the index it ends at.
    pub fn move_item(&mut self, index: usize, up: bool) -> usize {
        let to = if up {
            index.saturating_sub(1)
        } else {
            (index + 1).min(self.items.len().saturating_sub(1))
        };
        if index < self.items.len() && to != index {
            self.items.swap(index, to);
        }
        to
    }

    /// Removes the case at `index` from the board (the file is untouched).
    pub fn remove(&mut self, index: usize) -> Option<BoardItem> {
        (index < self.items.len()).then(|| self.items.remove(index))
    }
}

/// The case files in `folder`: every regular file named `*.ron`, sorted by name.
///
/// # Errors
/// When the folder cannot be listed.
pub fn case_files_in(folder: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")))
        .collect();
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables() -> &'static ClinicalTables {
        ClinicalTables::embedded().unwrap()
    }

    /// A readable case file `name` in `dir` labelled `label`.
    fn case(dir: &Path, name: &str, label: &str) -> PathBuf {
        let path = dir.join(name);
        let case = mesocds_core::Case {
            label: label.to_owned(),
            ..mesocds_core::Case::default()
        };
        case_file::save(&path, &case, &case_file::SavedWith::default()).unwrap();
        path
    }

    #[test]
    fn add_move_remove_and_dirty() {
        let dir = tempfile::tempdir().unwrap();
        let a = case(dir.path(), "a.ron", "A");
        let b = case(dir.path(), "b.ron", "B");
        let mut board = Board::default();
        assert_eq!(board.add(&a, tables()), Ok(()));
        assert_eq!(board.add(&b, tables()), Ok(()));
        assert_eq!(
            board.add(&a, tables()),
            Err(Refused::AlreadyOn),
            "a case is on a board once"
        );
        assert_eq!(board.move_item(1, true), 0);
        assert_eq!(board.paths(), vec![b.clone(), a.clone()]);
        assert_eq!(board.move_item(1, false), 1, "the last stays last");
        assert!(board.is_dirty());
        assert_eq!(board.status(), "Unsaved board");
        board.mark_saved(dir.path().join("x.mesoboard"));
        assert!(!board.is_dirty());
        assert_eq!(board.status(), "Board x.mesoboard");
        assert_eq!(board.remove(0).unwrap().path, b);
        assert!(board.is_dirty());
        assert_eq!(board.status(), "Board x.mesoboard (unsaved changes)");
        assert!(board.remove(5).is_none());
    }

    #[test]
    fn missing_or_malformed_files_are_refused_with_why() {
        let dir = tempfile::tempdir().unwrap();
        let mut board = Board::default();
        let missing = dir.path().join("gone.ron");
        assert_eq!(
            board.add(&missing, tables()),
            Err(Refused::Unreadable(format!(
                "{}: file not found",
                missing.display()
            )))
        );
        let pdf = dir.path().join("x.pdf");
        std::fs::write(&pdf, b"%PDF-1.7\n\xff\xfe binary").unwrap();
        let Err(Refused::Unreadable(why)) = board.add(&pdf, tables()) else {
            panic!("a PDF is not a case file");
        };
        assert!(why.contains("x.pdf"), "{why}");
        let broken = dir.path().join("broken.ron");
        std::fs::write(&broken, "MesoCdsCase(format: 2,\n case: (label: 3))\n").unwrap();
        let Err(Refused::Unreadable(why)) = board.add(&broken, tables()) else {
            panic!("malformed");
        };
        assert!(why.contains("line 2"), "{why}");
        assert!(board.items.is_empty());
    }

    #[test]
    fn the_same_patient_twice_is_added_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let a = case(dir.path(), "a.ron", "A");
        let copy = dir.path().join("copy.ron");
        std::fs::copy(&a, &copy).unwrap();
        let same_label = case(dir.path(), "c.ron", "A");
        // The same label, other bytes (saved by another version).
        let loaded = case_file::load(&same_label).unwrap();
        let other_version = case_file::SavedWith {
            app_version: "other".to_owned(),
            content: String::new(),
        };
        case_file::save(&same_label, &loaded.case, &other_version).unwrap();
        let other = case(dir.path(), "d.ron", "D");
        let mut board = Board::default();
        for f in [&a, &copy, &same_label, &other] {
            board.add(f, tables()).unwrap();
        }
        assert_eq!(board.duplicate_warning(0).unwrap(), "same content as row 2");
        assert_eq!(board.duplicate_warning(1).unwrap(), "same content as row 1");
        assert_eq!(board.duplicate_warning(2).unwrap(), "same label as row 1");
        assert_eq!(board.duplicate_warning(3), None);
        assert_eq!(board.duplicate_warning(9), None);
    }

    #[test]
    fn folder_lists_ron_files_by_name() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.ron", "a.RON", "c.txt", "x.mesoboard"] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        std::fs::create_dir(dir.path().join("d.ron")).unwrap();
        let names: Vec<String> = case_files_in(dir.path())
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.RON", "b.ron"]);
    }
}
