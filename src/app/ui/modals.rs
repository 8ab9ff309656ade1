//! The modal windows: unsaved changes, recovery of unsaved work after a crash, About, and the
//! path field (`path_prompt.rs`). Escape (or a click beside the window) is Cancel in each: the
//! unsaved-changes prompt keeps the work, the recovery offer keeps the recovered work for the
//! next start, About closes.

use mesocds_core::INTENDED_USE;

use crate::app::MesoApp;
use crate::app::command::PendingAction;
use crate::app::document::Document;
use crate::meta::APP_VERSION;

/// The answers to the recovery offer.
#[derive(Clone, Copy)]
enum Offer {
    Recover,
    Discard,
    Later,
}

impl MesoApp {
    /// The unsaved-changes prompt, the recovery offer and the About box.
    pub(in crate::app) fn modals_ui(&mut self, ctx: &egui::Context) {
        self.path_prompt_ui(ctx);
        if let Some(action) = self.prompt.clone() {
            let mut choice = None;
            let modal = egui::Modal::new(egui::Id::unique("unsaved_prompt")).show(ctx, |ui| {
                ui.heading("Unsaved changes");
                ui.label(format!(
                    "Save the changes to \"{}\" before {}?",
                    self.doc.display_name(),
                    match action {
                        PendingAction::New => "starting a new case",
                        PendingAction::Open(_)
                        | PendingAction::OpenFromBoard(_)
                        | PendingAction::OpenExample => "opening another case",
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
            if choice.is_none() && modal.should_close() {
                choice = Some(3);
            }
            match choice {
                Some(1) => {
                    self.prompt = None;
                    if self.save(false) {
                        self.proceed(action, ctx);
                    } else if let Some(p) = &mut self.path_prompt {
                        p.then = Some(action);
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
        self.recovery_offer_ui(ctx);
        if self.show_about {
            let content = self
                .tables
                .as_ref()
                .map_or_else(|e| e.to_string(), |t| t.content_version());
            let modal = egui::Modal::new(egui::Id::unique("about")).show(ctx, |ui| {
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
            if modal.should_close() {
                self.show_about = false;
            }
        }
    }

    /// The offer of work left by an instance that is gone: Recover (also Enter), Discard, or
    /// Decide later (also Escape: kept for the next start).
    fn recovery_offer_ui(&mut self, ctx: &egui::Context) {
        let Some(orphan) = self.recovery_offers.first().cloned() else {
            return;
        };
        let (case, origin) = (&orphan.case, &orphan.origin);
        let mut choice = None;
        let modal = egui::Modal::new(egui::Id::unique("recovery_offer")).show(ctx, |ui| {
            ui.heading("Recover unsaved work?");
            ui.label(format!(
                "MesoCDS closed with unsaved changes to \"{}\"{}.",
                if case.label.trim().is_empty() { "an untitled case" } else { case.label.trim() },
                origin
                    .as_ref()
                    .map_or_else(String::new, |p| format!(" ({})", p.display()))
            ));
            ui.label("Recovering opens them as unsaved changes; your own file is not changed until you save. Enter recovers; Escape decides later (the work is kept and offered at the next start).");
            ui.horizontal(|ui| {
                if ui.button("Recover").clicked() {
                    choice = Some(Offer::Recover);
                }
                if ui.button("Discard recovered work").clicked() {
                    choice = Some(Offer::Discard);
                }
                if ui.button("Decide later").clicked() {
                    choice = Some(Offer::Later);
                }
            });
        });
        if choice.is_none() {
            if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter)) {
                choice = Some(Offer::Recover);
            } else if modal.should_close() {
                choice = Some(Offer::Later);
            }
        }
        match choice {
            Some(Offer::Recover) => {
                self.recovery_offers.remove(0);
                if let Err(e) = self.recovery.adopt(&orphan, &self.saved_with()) {
                    self.error = Some(format!(
                        "The recovered work could not be copied to this window's recovery file; the old file was left in place. {e}"
                    ));
                }
                self.doc = Document::recovered(orphan.case, orphan.origin);
                self.info = Some("Recovered unsaved work".to_owned());
            }
            Some(Offer::Discard) => {
                self.recovery_offers.remove(0);
                self.recovery.discard(&orphan);
            }
            Some(Offer::Later) => {
                self.recovery_offers.remove(0);
                self.recovery.release(&orphan);
                self.info = Some(
                    "The recovered work is kept; it is offered again at the next start.".to_owned(),
                );
            }
            None => {}
        }
    }
}
