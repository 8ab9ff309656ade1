//! The Prognosis tab: EORTC with each factor, CALGB with its path, and their notes.

use egui::{RichText, Ui};
use mesocds_core::INTENDED_USE;
use mesocds_core::calgb;
use mesocds_core::eortc::{self, hundredths};

use super::ViewCtx;
use crate::app::widgets::{heading_ui, missing_ui, notes_ui, tab_scroll_ui};
use crate::present;

/// The Prognosis tab: EORTC with each factor, CALGB with its path, and their notes.
pub fn prognosis_tab_ui(ui: &mut Ui, view: ViewCtx<'_>) {
    let a = view.assessment;
    egui::CentralPanel::default().show(ui, |ui| {
        tab_scroll_ui(ui, "prognosis_scroll", |ui| {
            ui.label(RichText::new("Inputs are entered on the Case tab.").weak());
            heading_ui(ui, "EORTC prognostic score");
            let e = &a.eortc;
            match (e.score(), e.risk()) {
                (Some(score), Some(risk)) => {
                    ui.label(
                        RichText::new(format!(
                            "EORTC score {} — {} risk",
                            hundredths(score),
                            risk.label()
                        ))
                        .size(26.0)
                        .strong(),
                    );
                    ui.label(format!(
                        "{} ({}).",
                        present::sentence_case(&present::eortc_survival(risk)),
                        eortc::CITATION
                    ));
                    ui.label(eortc::RISK_RULE_TEXT);
                }
                _ => {
                    ui.label(
                        RichText::new("No EORTC score")
                            .size(26.0)
                            .strong()
                            .color(ui.visuals().warn_fg_color),
                    );
                }
            }
            if !e.factors.is_empty() {
                egui::Grid::new("eortc_factors")
                    .num_columns(3)
                    .striped(true)
                    .show(ui, |ui| {
                        ui.label(RichText::new("Factor").strong());
                        ui.label(RichText::new("Entered").strong());
                        ui.label(RichText::new("Points").strong());
                        ui.end_row();
                        for f in &e.factors {
                            ui.label(f.factor);
                            ui.label(&f.value);
                            ui.label(format!("+{}", hundredths(f.points)));
                            ui.end_row();
                        }
                    });
            }
            missing_ui(ui, &e.missing);
            notes_ui(ui, &e.notes);

            heading_ui(ui, "CALGB prognostic index");
            let c = &a.calgb;
            match c.group {
                Some(g) => {
                    ui.label(
                        RichText::new(format!("CALGB {}", g.label()))
                            .size(26.0)
                            .strong(),
                    );
                    let median = present::sentence_case(&present::calgb_median(g));
                    match c.median_survival_months() {
                        Some(_) => ui.label(format!("{median} ({}).", calgb::CITATION)),
                        None => ui.label(format!("{median} for these groups.")),
                    };
                }
                None => {
                    ui.label(
                        RichText::new("No CALGB group")
                            .size(26.0)
                            .strong()
                            .color(ui.visuals().warn_fg_color),
                    );
                }
            }
            if !c.path.is_empty() {
                ui.label(format!("Decision path: {}", crate::present::calgb_path(c)));
            }
            missing_ui(ui, &c.missing);
            notes_ui(ui, &c.notes);
            ui.add_space(8.0);
            ui.label(RichText::new(INTENDED_USE).weak());
        });
    });
}
