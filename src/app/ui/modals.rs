//! The modal windows: unsaved changes, recovery of unsaved work after a crash, About.

use mesocds_core::INTENDED_USE;

use crate::app::MesoApp;
use crate::app::command::PendingAction;
use crate::app::document::Document;
use crate::meta::APP_VERSION;

impl MesoApp {
    /// The unsaved-changes prompt, the recovery offer and the About box.
    pub(in crate::app) fn modals_ui(&mut self, ctx: &egui::Context) {
        if let Some(action) = self.prompt.clone() {
            let mut choice = None;
            egui::Modal::new(egui::Id::unique("unsaved_prompt")).show(ctx, |ui| {
                ui.heading("Unsaved changes");
                ui.label(format!(
                    "Save the changes to \"{}\" before {}?",
                    self.doc.display_name(),
                    match action {
                        PendingAction::New => "starting a new case",
                        PendingAction::Open(_) | PendingAction::OpenExample =>
                            "opening another case",
                        PendingAction::Quit => "quitting",
                    }
                ));
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        choice = Some(1);
                    }
                    if ui.button("Discard").clicked() {
                        choice = Some(2);
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(3);
                    }
                });
            });
            match choice {
                Some(1) => {
                    self.prompt = None;
                    if self.save(false) {
                        self.proceed(action, ctx);
                    }
                }
                Some(2) => {
                    self.prompt = None;
                    self.recovery.clear();
                    self.proceed(action, ctx);
                }
                Some(3) => self.prompt = None,
                _ => {}
            }
        }
        if let Some((case, origin)) = self.recovery_offer.clone() {
            let mut choice = None;
            egui::Modal::new(egui::Id::unique("recovery_offer")).show(ctx, |ui| {
                ui.heading("Recover unsaved work?");
                ui.label(format!(
                    "MesoCDS closed with unsaved changes to \"{}\"{}.",
                    if case.label.trim().is_empty() { "an untitled case" } else { case.label.trim() },
                    origin
                        .as_ref()
                        .map_or_else(String::new, |p| format!(" ({})", p.display()))
                ));
                ui.label("Recovering opens them as unsaved changes; your own file is not changed until you save.");
                ui.horizontal(|ui| {
                    if ui.button("Recover").clicked() {
                        choice = Some(true);
                    }
                    if ui.button("Discard recovered work").clicked() {
                        choice = Some(false);
                    }
                });
            });
            match choice {
                Some(true) => {
                    self.doc = Document::recovered(case, origin);
                    self.recovery_offer = None;
                    self.info = Some("Recovered unsaved work".to_owned());
                }
                Some(false) => {
                    self.recovery.clear();
                    self.recovery_offer = None;
                }
                None => {}
            }
        }
        if self.show_about {
            let content = self
                .tables
                .as_ref()
                .map_or_else(|e| e.to_string(), |t| t.content_version());
            egui::Modal::new(egui::Id::unique("about")).show(ctx, |ui| {
                ui.heading("MesoCDS");
                ui.label(format!("Version {APP_VERSION}"));
                ui.label(format!("Clinical content: {content}"));
                ui.label(format!("Intended use: {INTENDED_USE}"));
                ui.label("Offline: MesoCDS makes no network connections; case files stay where you save them.");
                ui.label("Not an NCI or PDQ product.");
                if ui.button("Close").clicked() {
                    self.show_about = false;
                }
            });
        }
    }
}
