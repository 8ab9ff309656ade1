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
}

impl BoardItem {
    /// Reads `path` and builds its row from the core's assessment.
    pub fn read(path: &Path, tables: &ClinicalTables) -> Self {
        let row = if path.exists() {
            case_file::read_file(path)
                .and_then(|bytes| case_file::from_bytes(&bytes).map_err(|e| e.with_path(path)))
                .map(|loaded| board_row(&loaded.case, &assess(&loaded.case, tables)))
                .map_err(|e| e.to_string())
        } else {
            Err(format!("{}: file not found", path.display()))
        };
        Self {
            path: path.to_owned(),
            row,
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

    /// Adds `path` at the end, read now; `false` (and nothing added) when it is on the board.
    pub fn add(&mut self, path: &Path, tables: &ClinicalTables) -> bool {
        if self.contains(path) {
            return false;
        }
        self.items.push(BoardItem::read(path, tables));
        true
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

    #[test]
    fn add_move_remove_and_dirty() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.ron");
        let b = dir.path().join("b.ron");
        let mut board = Board::default();
        assert!(board.add(&a, tables()));
        assert!(board.add(&b, tables()));
        assert!(!board.add(&a, tables()), "a case is on a board once");
        assert_eq!(
            board.items[0].row.as_ref().unwrap_err(),
            &format!("{}: file not found", a.display())
        );
        assert_eq!(board.move_item(1, true), 0);
        assert_eq!(board.paths(), vec![b.clone(), a.clone()]);
        assert_eq!(board.move_item(1, false), 1, "the last stays last");
        assert!(board.is_dirty());
        board.mark_saved(dir.path().join("x.mesoboard"));
        assert!(!board.is_dirty());
        assert_eq!(board.remove(0).unwrap().path, b);
        assert!(board.is_dirty());
        assert!(board.remove(5).is_none());
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
