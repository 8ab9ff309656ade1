//! The side effects drawing code may ask for ([`Command`]), and the one shortcut table.
//!
//! [`SHORTCUTS`] drives both the keys and the menus; the commands run after the frame is drawn
//! (egui demo app's `Command` and `run_cmd`).

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::MesoApp;
use super::tabs::Tab;
use super::ui::path_prompt::PathPurpose;
use crate::report::pdf::PdfLayout;

/// A side effect requested while drawing; run by `MesoApp::run_commands` after drawing.
#[must_use]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// New case.
    New,
    /// Open a case (dialog).
    Open,
    /// Open this case file.
    OpenPath(PathBuf),
    /// Save.
    Save,
    /// Save as (dialog).
    SaveAs,
    /// Quit.
    Quit,
    /// Undo.
    Undo,
    /// Redo.
    Redo,
    /// Copy text to the clipboard.
    Copy(String),
    /// Copy the plain-text summary of the open case to the clipboard (from any tab).
    CopySummary,
    /// Show a tab (Ctrl+1 … Ctrl+7).
    ShowTab(Tab),
    /// Export the PDF summary (dialog).
    ExportPdf,
    /// Export the open case as landscape slides to project at the board (dialog).
    ExportSlides,
    /// Open the built-in example case.
    OpenExample,
    /// Show the About box.
    ShowAbout,
    /// Export the open case as FHIR (dialog).
    ExportFhir,
    /// Start a new, empty board.
    NewBoard,
    /// Open a board file (dialog).
    OpenBoard,
    /// Save the board file (dialog).
    SaveBoardAs,
    /// Add case files to the board (dialog, several files).
    BoardAddCases,
    /// Add every case file of a folder to the board (dialog).
    BoardAddFolder,
    /// Add these case files or folders to the board (dropped on the window).
    BoardAddPaths(Vec<PathBuf>),
    /// Move the selected case of the board up (`true`) or down.
    BoardMove(bool),
    /// Remove the selected case from the board.
    BoardRemove,
    /// Open the selected case of the board in the main window.
    BoardOpenCase,
    /// Read the board's case files again.
    BoardReload,
    /// Export the board's cases, in order, as one PDF (dialog).
    BoardExportPack,
    /// Export the board's cases as FHIR (dialog).
    BoardExportFhir,
}

impl Command {
    /// The command's menu label.
    pub fn label(&self) -> String {
        match self {
            Self::New => "New".to_owned(),
            Self::Open => "Open…".to_owned(),
            Self::OpenPath(p) => p.display().to_string(),
            Self::Save => "Save".to_owned(),
            Self::SaveAs => "Save As…".to_owned(),
            Self::Quit => "Quit".to_owned(),
            Self::Undo => "Undo".to_owned(),
            Self::Redo => "Redo".to_owned(),
            Self::Copy(_) => "Copy plain text".to_owned(),
            Self::CopySummary => "Copy plain-text summary".to_owned(),
            Self::ShowTab(tab) => tab.label().to_owned(),
            Self::ExportPdf => "Export PDF…".to_owned(),
            Self::ExportSlides => "Export slides (landscape)…".to_owned(),
            Self::OpenExample => "Open example case".to_owned(),
            Self::ShowAbout => "About MesoCDS".to_owned(),
            Self::ExportFhir => "Export FHIR…".to_owned(),
            Self::NewBoard => "New board".to_owned(),
            Self::OpenBoard => "Open board…".to_owned(),
            Self::SaveBoardAs => "Save board as…".to_owned(),
            Self::BoardAddCases => "Add cases…".to_owned(),
            Self::BoardAddFolder => "Add folder…".to_owned(),
            Self::BoardAddPaths(p) => format!("Add {} files", p.len()),
            Self::BoardMove(true) => "Move up".to_owned(),
            Self::BoardMove(false) => "Move down".to_owned(),
            Self::BoardRemove => "Remove from board".to_owned(),
            Self::BoardOpenCase => "Open case".to_owned(),
            Self::BoardReload => "Reload files".to_owned(),
            Self::BoardExportPack => "Export pack PDF…".to_owned(),
            Self::BoardExportFhir => "Export FHIR of the board…".to_owned(),
        }
    }

    /// The first shortcut of the command in [`SHORTCUTS`], if it has one.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        SHORTCUTS
            .iter()
            .find(|(_, c)| c == self)
            .map(|(keys, _)| *keys)
    }
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const ALT: Modifiers = Modifiers::ALT;

/// Every keyboard shortcut, in the order they are matched.
///
/// Shift variants come first, because `consume_shortcut` would otherwise take Ctrl+Shift+S for
/// Ctrl+S. A command's first entry is the one its menu item shows.
pub const SHORTCUTS: [(KeyboardShortcut, Command); 20] = [
    (KeyboardShortcut::new(CMD_SHIFT, Key::S), Command::SaveAs),
    (
        KeyboardShortcut::new(CMD_SHIFT, Key::C),
        Command::CopySummary,
    ),
    (KeyboardShortcut::new(CMD_SHIFT, Key::Z), Command::Redo),
    (
        KeyboardShortcut::new(CMD_SHIFT, Key::E),
        Command::ExportSlides,
    ),
    (KeyboardShortcut::new(CMD, Key::N), Command::New),
    (KeyboardShortcut::new(CMD, Key::O), Command::Open),
    (KeyboardShortcut::new(CMD, Key::S), Command::Save),
    (KeyboardShortcut::new(CMD, Key::Q), Command::Quit),
    (KeyboardShortcut::new(CMD, Key::E), Command::ExportPdf),
    (KeyboardShortcut::new(CMD, Key::Z), Command::Undo),
    (KeyboardShortcut::new(CMD, Key::Y), Command::Redo),
    (
        KeyboardShortcut::new(CMD, Key::Num1),
        Command::ShowTab(Tab::ALL[0]),
    ),
    (
        KeyboardShortcut::new(CMD, Key::Num2),
        Command::ShowTab(Tab::ALL[1]),
    ),
    (
        KeyboardShortcut::new(CMD, Key::Num3),
        Command::ShowTab(Tab::ALL[2]),
    ),
    (
        KeyboardShortcut::new(CMD, Key::Num4),
        Command::ShowTab(Tab::ALL[3]),
    ),
    (
        KeyboardShortcut::new(CMD, Key::Num5),
        Command::ShowTab(Tab::ALL[4]),
    ),
    (
        KeyboardShortcut::new(CMD, Key::Num6),
        Command::ShowTab(Tab::ALL[5]),
    ),
    (
        KeyboardShortcut::new(CMD, Key::Num7),
        Command::ShowTab(Tab::ALL[6]),
    ),
    // On the Board tab only (elsewhere they do nothing): reorder the selected case.
    (
        KeyboardShortcut::new(ALT, Key::ArrowUp),
        Command::BoardMove(true),
    ),
    (
        KeyboardShortcut::new(ALT, Key::ArrowDown),
        Command::BoardMove(false),
    ),
];

/// The commands of the shortcuts pressed this frame (consumed, so no widget also sees them).
pub fn pressed_shortcuts(ctx: &egui::Context) -> Vec<Command> {
    ctx.input_mut(|i| {
        SHORTCUTS
            .iter()
            .filter(|(keys, _)| i.consume_shortcut(keys))
            .map(|(_, c)| c.clone())
            .collect()
    })
}

/// What waits behind the unsaved-changes prompt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PendingAction {
    /// Start a new case.
    New,
    /// Open a case (dialog when `None`).
    Open(Option<PathBuf>),
    /// Open the built-in example case.
    OpenExample,
    /// Open a case of the board, then show the Case tab.
    OpenFromBoard(PathBuf),
    /// Quit.
    Quit,
}

impl MesoApp {
    /// Runs the commands collected while drawing, in order.
    pub(super) fn run_commands(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        for c in commands {
            match c {
                Command::New => self.request(PendingAction::New, ctx),
                Command::Open => self.request(PendingAction::Open(None), ctx),
                Command::OpenPath(p) if crate::board::file::is_board_file(&p) => {
                    self.open_board(&p);
                }
                Command::OpenPath(p) => self.request(PendingAction::Open(Some(p)), ctx),
                Command::Save => {
                    self.save(false);
                }
                Command::SaveAs => {
                    self.save(true);
                }
                Command::Quit => self.request(PendingAction::Quit, ctx),
                Command::Undo => {
                    self.doc.undo();
                }
                Command::Redo => {
                    self.doc.redo();
                }
                Command::ShowTab(tab) => self.prefs.tab = tab,
                Command::ExportPdf => self.export_pdf(PdfLayout::Handout),
                Command::ExportSlides => self.export_pdf(PdfLayout::Slides),
                Command::OpenExample => self.request(PendingAction::OpenExample, ctx),
                Command::Copy(text) => {
                    ctx.copy_text(text);
                    self.info = Some("Copied the plain-text summary".to_owned());
                }
                Command::CopySummary => {
                    if let Ok(tables) = self.tables {
                        let assessment = mesocds_core::assess(&self.doc.case, tables);
                        ctx.copy_text(self.report(tables, &assessment).to_plain_text());
                        self.info = Some("Copied the plain-text summary".to_owned());
                    }
                }
                Command::ShowAbout => self.show_about = true,
                Command::ExportFhir => {
                    if let Some(p) = self.pick(PathPurpose::ExportFhirCase) {
                        self.export_fhir_case_to(&p);
                    }
                }
                Command::NewBoard => self.new_board(),
                Command::OpenBoard => {
                    if let Some(p) = self.pick(PathPurpose::OpenBoard) {
                        self.open_board(&p);
                    }
                }
                Command::SaveBoardAs => {
                    if let Some(p) = self.pick(PathPurpose::SaveBoard) {
                        self.save_board_to(&p);
                    }
                }
                Command::BoardAddCases => self.board_add_cases(),
                Command::BoardAddFolder => self.board_add_folder(),
                Command::BoardAddPaths(paths) => self.board_add_paths(&paths),
                Command::BoardMove(up) => self.board_move_selected(up),
                Command::BoardRemove => self.board_remove_selected(),
                Command::BoardOpenCase => self.board_open_selected(ctx),
                Command::BoardReload => {
                    if let Ok(tables) = self.tables {
                        self.board.board.reload(tables);
                        self.board_banner();
                        self.info = Some("Read the board's case files again.".to_owned());
                    }
                }
                Command::BoardExportPack => self.board_export_pack(),
                Command::BoardExportFhir => self.board_export_fhir(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_keys() {
        for (i, (a, _)) in SHORTCUTS.iter().enumerate() {
            for (b, _) in &SHORTCUTS[i + 1..] {
                assert_ne!(a, b, "one key combination, two commands");
            }
        }
    }

    #[test]
    fn shift_variants_are_matched_before_their_plain_key() {
        // consume_shortcut matches Ctrl+S for Ctrl+Shift+S, so order matters.
        for (i, (plain, _)) in SHORTCUTS.iter().enumerate() {
            if plain.modifiers.shift {
                continue;
            }
            let later_shift = SHORTCUTS[i..]
                .iter()
                .any(|(k, _)| k.modifiers.shift && k.logical_key == plain.logical_key);
            assert!(
                !later_shift,
                "{plain:?} is matched before its Shift variant"
            );
        }
    }

    #[test]
    fn every_tab_has_a_shortcut_and_menus_show_the_first_one() {
        for tab in Tab::ALL {
            assert!(
                Command::ShowTab(tab).shortcut().is_some(),
                "{tab} has no key"
            );
        }
        let ctx = egui::Context::default();
        ctx.set_os(egui::os::OperatingSystem::Nix);
        let text = |c: Command| c.shortcut().map(|k| ctx.format_shortcut(&k));
        assert_eq!(text(Command::Save).as_deref(), Some("Ctrl+S"));
        assert_eq!(text(Command::SaveAs).as_deref(), Some("Ctrl+Shift+S"));
        assert_eq!(text(Command::Redo).as_deref(), Some("Ctrl+Shift+Z"));
        assert_eq!(text(Command::CopySummary).as_deref(), Some("Ctrl+Shift+C"));
        assert_eq!(text(Command::OpenExample), None);
    }
}
