//! The status bar: the current error, the file, the last message and the intended use.

use egui::RichText;
use mesocds_core::INTENDED_USE;

use crate::app::MesoApp;

impl MesoApp {
    /// The error (with Dismiss), the file, the last message and the intended use.
    pub(in crate::app) fn status_ui(&mut self, ui: &mut egui::Ui) {
        if let Some(e) = &self.error {
            let mut dismiss = false;
            egui::Frame::new()
                .fill(ui.visuals().extreme_bg_color)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        ui.colored_label(ui.visuals().error_fg_color, format!("Error: {e}"));
                        dismiss = ui.button("Dismiss").clicked();
                    });
                });
            if dismiss {
                self.error = None;
            }
        }
        if let Some(warning) = self.doc.seal_warning() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("Warning: this case file was {warning}."),
            );
        }
        ui.horizontal_wrapped(|ui| {
            // On the Board tab, the board's state; elsewhere the open case's file.
            let path = if self.prefs.tab == crate::app::tabs::Tab::Board {
                self.board.board.status()
            } else {
                self.doc
                    .path
                    .as_ref()
                    .map_or_else(|| "not saved yet".to_owned(), |p| p.display().to_string())
            };
            ui.label(RichText::new(path).weak());
            if let Some(i) = &self.info {
                ui.label(RichText::new(format!("· {i}")).weak());
            }
            ui.label(RichText::new(format!("· {INTENDED_USE}")).weak());
        });
    }
}
