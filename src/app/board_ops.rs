//! The Board tab's state and file operations (issue 13).
//!
//! Add cases (dialog, drop, folder), open and save the board file, open one case, reorder and
//! remove. Run after drawing, like `file_ops.rs`; the list and its rows are [`crate::board`];
//! the pack PDF and FHIR exports are in `exports.rs`.

use std::path::{Path, PathBuf};

use mesocds_core::ClinicalTables;

use super::MesoApp;
use super::command::PendingAction;
use super::exports::BLOCKED;
use super::prefs::BoardPrefs;
use super::services::PickedMany;
use super::tabs::Tab;
use super::ui::path_prompt::{PathPrompt, PathPurpose};
use crate::board::{Board, Refused, case_files_in, file};
use crate::report::pdf::PdfLayout;

/// What the Board tab shows and edits.
#[derive(Debug, Default)]
pub struct BoardState {
    /// The board.
    pub board: Board,
    /// The selected row.
    pub selected: Option<usize>,
    /// The layout of the pack PDF.
    pub layout: PdfLayout,
}

impl BoardState {
    /// What the preferences remember of this board.
    pub fn remembered(&self) -> BoardPrefs {
        BoardPrefs {
            file: self.board.file.clone(),
            cases: self.board.paths(),
        }
    }

    /// The board remembered in the preferences, its cases read again; `None` when there was
    /// none. The list as saved in its board file, when that can be read, tells unsaved changes.
    pub fn restore(prefs: &BoardPrefs, tables: &ClinicalTables) -> Option<Self> {
        if prefs.file.is_none() && prefs.cases.is_empty() {
            return None;
        }
        let saved = prefs
            .file
            .as_deref()
            .and_then(|f| file::load(f).ok())
            .unwrap_or_default();
        Some(Self {
            board: Board::restored(prefs.file.clone(), &prefs.cases, saved, tables),
            ..Self::default()
        })
    }
}

/// What the banner about unreadable rows says after their count.
const UNREADABLE_BANNER: &str = "of this board could not be read";

/// `n` and the noun in the singular or the plural: "1 case", "3 cases".
pub(super) fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The stem of `path`'s file name, or `default` (made safe for a file name by the caller).
fn stem(path: Option<&Path>, default: &str) -> String {
    path.and_then(Path::file_stem)
        .map_or_else(|| default.to_owned(), |s| s.to_string_lossy().into_owned())
}

impl MesoApp {
    /// The board (for tests).
    pub fn board(&self) -> &BoardState {
        &self.board
    }

    /// The folder the board's dialogs start in: the board file's, else the first case's, else
    /// the open case's.
    pub(super) fn board_folder(&self) -> Option<PathBuf> {
        let b = &self.board.board;
        b.file
            .as_deref()
            .or_else(|| b.items.first().map(|i| i.path.as_path()))
            .and_then(Path::parent)
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_owned)
            .or_else(|| self.case_folder())
    }

    /// The file name offered for a board purpose.
    pub(super) fn board_suggested_name(&self, purpose: PathPurpose) -> String {
        let board = stem(self.board.board.file.as_deref(), "tumor-board");
        match purpose {
            PathPurpose::SaveBoard => format!("{board}.{}", file::EXTENSION),
            PathPurpose::ExportPack => match self.board.layout {
                PdfLayout::Handout => format!("{board}.pdf"),
                PdfLayout::Slides => format!("{board}-slides.pdf"),
            },
            PathPurpose::ExportFhirBoard => format!("{board}.json"),
            _ => String::new(),
        }
    }

    /// "Add cases…": the dialog (several files), or the path field when there is none.
    pub(super) fn board_add_cases(&mut self) {
        let folder = self.board_folder();
        match self.dialogs.pick_cases(folder.as_deref()) {
            PickedMany::Paths(paths) => self.board_add_paths(&paths),
            PickedMany::Cancelled => self.info = Some("Add cases: cancelled.".to_owned()),
            PickedMany::Unavailable => {
                let start = folder.unwrap_or_default();
                self.path_prompt = Some(PathPrompt::new(PathPurpose::AddToBoard, &start));
            }
        }
    }

    /// "Add folder…".
    pub(super) fn board_add_folder(&mut self) {
        if let Some(folder) = self.pick(PathPurpose::AddFolderToBoard) {
            self.board_add_paths(&[folder]);
        }
    }

    /// Adds case files (a folder: every `*.ron` in it, by name) at the end of the board and says
    /// what happened. A file that is not a readable case file is not added: the message names it
    /// and says why (with the line and column when it is malformed). A case that is the same
    /// patient as a row (same label or same content, another file) is added with a warning.
    pub(super) fn board_add_paths(&mut self, paths: &[PathBuf]) {
        let Ok(tables) = self.tables else { return };
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for p in paths {
            if p.is_dir() {
                match case_files_in(p) {
                    Ok(found) if found.is_empty() => problems.push(format!(
                        "{}: no case files (*.ron) in this folder",
                        p.display()
                    )),
                    Ok(found) => files.extend(found),
                    Err(e) => problems.push(format!("could not list {}: {e}", p.display())),
                }
            } else {
                files.push(p.clone());
            }
        }
        let (mut added, mut twice, mut refused, mut warnings) = (0, 0, Vec::new(), Vec::new());
        for f in &files {
            match self.board.board.add(f, tables) {
                Ok(()) => {
                    added += 1;
                    let last = self.board.board.items.len() - 1;
                    if let Some(w) = self.board.board.duplicate_warning(last) {
                        warnings.push(format!("row {} has the {w}", last + 1));
                    }
                }
                Err(Refused::AlreadyOn) => twice += 1,
                Err(Refused::Unreadable(e)) => refused.push(e),
            }
        }
        let mut msg = format!("Added {} to the board", counted(added, "case", "cases"));
        if twice > 0 {
            msg.push_str(&format!("; {twice} already on it"));
        }
        if !warnings.is_empty() {
            msg.push_str(&format!(
                "; check the same patient is not on it twice: {}",
                warnings.join(", ")
            ));
        }
        msg.push('.');
        self.info = Some(msg);
        if !refused.is_empty() {
            problems.push(format!(
                "{} not added (not a readable case file): {}",
                counted(refused.len(), "file", "files"),
                refused.join("; ")
            ));
        }
        self.error = (!problems.is_empty()).then(|| problems.join(". "));
        self.prefs.tab = Tab::Board;
    }

    /// The banner about the board's unreadable rows, or `None` when every row reads; replaces
    /// an earlier one (it goes when the last unreadable row is removed or reads again).
    pub(super) fn board_banner(&mut self) {
        let was = self
            .error
            .as_deref()
            .is_none_or(|e| e.contains(UNREADABLE_BANNER) || e.contains(BLOCKED));
        if !was {
            return;
        }
        let bad = self.board.board.unreadable().len();
        self.error = (bad > 0).then(|| {
            format!(
                "{} {UNREADABLE_BANNER}; see {}.",
                counted(bad, "case file", "case files"),
                if bad == 1 { "its row" } else { "their rows" }
            )
        });
    }

    /// "New board": an empty list (the case files are untouched).
    pub(super) fn new_board(&mut self) {
        let unsaved = self.board.board.is_dirty();
        self.board = BoardState::default();
        self.prefs.tab = Tab::Board;
        self.info = Some(if unsaved {
            "New board; the previous list was not saved.".to_owned()
        } else {
            "New board.".to_owned()
        });
    }

    /// Opens the board file at `path`; a missing case shows as a row saying so.
    pub(super) fn open_board(&mut self, path: &Path) {
        let Ok(tables) = self.tables else { return };
        match file::load(path) {
            Ok(paths) => {
                let board = Board::opened(path, &paths, tables);
                self.board = BoardState {
                    board,
                    ..BoardState::default()
                };
                self.prefs.add_recent(path);
                self.prefs.tab = Tab::Board;
                self.error = None;
                self.board_banner();
                self.info = Some(format!(
                    "Opened the board {} ({}).",
                    path.display(),
                    counted(paths.len(), "case", "cases")
                ));
            }
            Err(e) => self.error = Some(format!("Could not open the board. {e}")),
        }
    }

    /// Saves the board file to `path` (named `*.mesoboard`; the extension is added if missing).
    pub(super) fn save_board_to(&mut self, path: &Path) {
        let path = if file::is_board_file(path) {
            path.to_owned()
        } else {
            let mut name = path.as_os_str().to_owned();
            name.push(format!(".{}", file::EXTENSION));
            PathBuf::from(name)
        };
        match file::save(&path, &self.board.board.paths()) {
            Ok(()) => {
                self.board.board.mark_saved(path.clone());
                self.prefs.add_recent(&path);
                self.error = None;
                self.info = Some(format!("Saved the board {}.", path.display()));
            }
            Err(e) => self.error = Some(format!("Could not save the board. {e}")),
        }
    }

    /// Opens the selected case into the main document (the unsaved-changes prompt applies).
    pub(super) fn board_open_selected(&mut self, ctx: &egui::Context) {
        let Some(item) = self
            .board
            .selected
            .and_then(|i| self.board.board.items.get(i))
        else {
            return;
        };
        let path = item.path.clone();
        self.request(PendingAction::OpenFromBoard(path), ctx);
    }

    /// Moves the selected case up or down; the selection follows it.
    pub(super) fn board_move_selected(&mut self, up: bool) {
        if self.prefs.tab != Tab::Board {
            return;
        }
        if let Some(i) = self.board.selected {
            self.board.selected = Some(self.board.board.move_item(i, up));
        }
    }

    /// Removes the selected case from the board (its file is untouched).
    pub(super) fn board_remove_selected(&mut self) {
        if let Some(i) = self.board.selected
            && let Some(item) = self.board.board.remove(i)
        {
            let n = self.board.board.items.len();
            self.board.selected = (n > 0).then(|| i.min(n - 1));
            self.info = Some(format!("Removed {} from the board.", item.path.display()));
            self.board_banner();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mesocds_core::case_file;

    #[test]
    fn a_board_is_remembered_and_restored_with_its_unsaved_changes() {
        let tables = ClinicalTables::embedded().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
        for (f, label) in [(&a, "A"), (&b, "B")] {
            let case = mesocds_core::Case {
                label: label.to_owned(),
                ..mesocds_core::Case::default()
            };
            case_file::save(f, &case, &case_file::SavedWith::default()).unwrap();
        }
        let board_file = dir.path().join("x.mesoboard");
        file::save(&board_file, std::slice::from_ref(&a)).unwrap();
        let mut state = BoardState::default();
        state.board.add(&a, tables).unwrap();
        state.board.mark_saved(board_file.clone());
        state.board.add(&b, tables).unwrap();
        let remembered = state.remembered();
        assert_eq!(remembered.cases, vec![a.clone(), b.clone()]);
        let back = BoardState::restore(&remembered, tables).unwrap();
        assert_eq!(back.board.paths(), vec![a, b]);
        assert_eq!(back.board.file.as_deref(), Some(board_file.as_path()));
        assert!(back.board.is_dirty(), "b was never saved to the board file");
        assert!(BoardState::restore(&BoardPrefs::default(), tables).is_none());
    }
}
