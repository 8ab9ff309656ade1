//! The menu bar. Labels and shortcut texts come from [`Command::label`] and the one shortcut
//! table ([`crate::app::command::SHORTCUTS`]), so a menu never shows a key that does nothing.

use egui::Ui;

use crate::app::MesoApp;
use crate::app::command::Command;
use crate::app::prefs::apply_prefs;

/// A menu item for `command`, with its shortcut text; pushes the command when clicked.
fn item_ui(ui: &mut Ui, enabled: bool, command: Command, commands: &mut Vec<Command>) {
    let mut button = egui::Button::new(command.label());
    if let Some(keys) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&keys));
    }
    if ui.add_enabled(enabled, button).clicked() {
        commands.push(command);
    }
}

impl MesoApp {
    /// The menu bar: File, Edit, View, Help.
    pub(in crate::app) fn menu_bar_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                item_ui(ui, true, Command::New, commands);
                item_ui(ui, true, Command::Open, commands);
                ui.menu_button("Open Recent", |ui| {
                    if self.prefs.recent.is_empty() {
                        ui.label("No recent files");
                    }
                    for p in &self.prefs.recent {
                        item_ui(ui, true, Command::OpenPath(p.clone()), commands);
                    }
                });
                item_ui(ui, true, Command::Save, commands);
                item_ui(ui, true, Command::SaveAs, commands);
                item_ui(ui, true, Command::ExportPdf, commands);
                item_ui(ui, true, Command::ExportSlides, commands);
                item_ui(ui, true, Command::ExportFhir, commands);
                ui.separator();
                item_ui(ui, true, Command::NewBoard, commands);
                item_ui(ui, true, Command::OpenBoard, commands);
                item_ui(ui, true, Command::SaveBoardAs, commands);
                ui.separator();
                item_ui(ui, true, Command::Quit, commands);
            });
            ui.menu_button("Edit", |ui| {
                item_ui(ui, self.doc.can_undo(), Command::Undo, commands);
                item_ui(ui, self.doc.can_redo(), Command::Redo, commands);
                ui.separator();
                item_ui(ui, true, Command::CopySummary, commands);
            });
            ui.menu_button("View", |ui| {
                if ui.checkbox(&mut self.prefs.dark, "Dark theme").changed() {
                    apply_prefs(ui.ctx(), &self.prefs);
                }
                self.reduce_motion_ui(ui);
                ui.separator();
                ui.label(format!("Zoom {:.0}%", self.prefs.zoom * 100.0));
                egui::gui_zoom::zoom_menu_buttons(ui);
                ui.separator();
                ui.label("Paper of the PDF handout");
                ui.radio_value(&mut self.prefs.letter_paper, false, "A4");
                ui.radio_value(&mut self.prefs.letter_paper, true, "US Letter");
            });
            ui.menu_button("Help", |ui| {
                item_ui(ui, true, Command::OpenExample, commands);
                item_ui(ui, true, Command::ShowAbout, commands);
            });
        });
    }
}
