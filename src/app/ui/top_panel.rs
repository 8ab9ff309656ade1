//! The top panel under the menu bar: the tab bar, and on first run a line offering the
//! example case.

use egui::{RichText, Ui};

use crate::app::MesoApp;
use crate::app::command::Command;
use crate::app::tabs::Tab;

impl MesoApp {
    /// One selectable label per tab.
    pub(in crate::app) fn tab_bar_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            for tab in Tab::ALL {
                ui.selectable_value(
                    &mut self.prefs.tab,
                    tab,
                    RichText::new(tab.label()).size(16.0),
                );
            }
        });
    }

    /// The welcome line, while the case is new and empty.
    pub(in crate::app) fn first_run_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        if !self.doc.is_blank() {
            return;
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(
                "New to MesoCDS? Enter a case on the Case tab, or look at a filled-in one first:",
            );
            if ui.button("Open example case").clicked() {
                commands.push(Command::OpenExample);
            }
        });
    }
}
