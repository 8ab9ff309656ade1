//! The Staging tab for a peritoneal site (issue 11): why neither AJCC edition stages it, the
//! proposed PSOGI TNM and stage I–III with its 5-year survival, labelled "proposed staging
//! (Yan 2011), not AJCC", and its inputs: the PCI map or total, N and M, and the completeness of
//! cytoreduction (`docs/clinical/peritoneal-staging.md` §2, §3 and §5).

use egui::{RichText, Ui};
use mesocds_core::Case;
use mesocds_core::peritoneal::{self, CcScore, PeritonealOutcome, PeritonealResult};
use mesocds_core::staging::StageResult;
use mesocds_core::vocab::Input;

use super::edition_form::EditionFormText;
use super::pci_map::pci_entry_ui;
use crate::app::widgets::{choice_width, heading_ui, input_choice_ui, notes_ui};
use crate::present::{self, NOT_ENTERED_LABEL};

/// The heading of the proposed peritoneal stage.
pub fn heading() -> String {
    format!("Peritoneal stage: {}", peritoneal::LABEL)
}

/// The proposed stage of a peritoneal case: its lead, T, N, M, what is missing, the notes.
pub fn peritoneal_result_ui(ui: &mut Ui, case: &Case, p: &PeritonealResult) {
    ui.add(egui::Label::new(RichText::new(heading()).heading()).wrap());
    let headline = match &p.outcome {
        PeritonealOutcome::Assigned { stage } => format!("Proposed stage {}", stage.code()),
        PeritonealOutcome::Incomplete { .. } => "Incomplete".to_owned(),
        PeritonealOutcome::NotClassifiable => "Not classifiable".to_owned(),
    };
    let mut text = RichText::new(headline).size(30.0).strong();
    if p.stage().is_none() {
        text = text.color(ui.visuals().warn_fg_color);
    }
    ui.label(text);
    ui.add(egui::Label::new(present::peritoneal_lead(p)).wrap());
    let code = |c: Option<&'static str>| c.unwrap_or(present::NOT_ENTERED).to_owned();
    egui::Grid::new("peritoneal_axes")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (k, v) in [
                ("PCI", present::pci_text(case, p)),
                ("T", code(p.t.map(|t| t.code()))),
                ("N", code(p.n.map(|n| n.code()))),
                ("M", code(p.m.map(|m| m.code()))),
            ] {
                ui.label(k);
                ui.add(egui::Label::new(v).wrap());
                ui.end_row();
            }
        });
    if !p.missing().is_empty() {
        let names: Vec<&str> = p.missing().iter().map(|i| i.code()).collect();
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("Missing: {}", names.join(", ")),
        );
    }
    // The first note is the label, already in the heading.
    notes_ui(ui, &p.notes[1.min(p.notes.len())..]);
    ui.label(RichText::new(format!("Source: {}", peritoneal::YAN_2011)).weak());
}

/// Why neither AJCC edition stages this site (the 8th-edition outcome's reason). The pleural
/// wording "the T, N and M categories are not used" is not shown: N and M are the proposed
/// stage's.
pub fn no_ajcc_ui(ui: &mut Ui, s: &StageResult) {
    let wording = present::stage_wording(s);
    ui.label(RichText::new(format!("AJCC: {}", wording.headline)).strong());
    if let mesocds_core::staging::StageOutcome::NotApplicable { reason } = &s.outcome {
        ui.add(egui::Label::new(reason).wrap());
    }
}

/// The inputs of the proposed stage: PCI, N, M, and the CC score.
pub fn peritoneal_inputs_ui(ui: &mut Ui, case: &mut Case, form: &mut EditionFormText) {
    heading_ui(ui, "Peritoneal Cancer Index");
    pci_entry_ui(ui, &mut case.peritoneal.pci, form);
    heading_ui(ui, "Nodes and metastases");
    input_choice_ui(ui, ("N category", Input::N), &mut case.staging.n);
    input_choice_ui(ui, ("M category", Input::M), &mut case.staging.m);
    heading_ui(ui, "Completeness of cytoreduction");
    cc_ui(ui, &mut case.peritoneal.cc);
}

fn cc_ui(ui: &mut Ui, cc: &mut Option<CcScore>) {
    egui::ComboBox::from_label("CC score")
        .selected_text(cc.map_or(NOT_ENTERED_LABEL, CcScore::code))
        .width(choice_width(ui))
        .show_ui(ui, |ui| {
            ui.selectable_value(cc, None, NOT_ENTERED_LABEL);
            for c in [CcScore::Cc0, CcScore::Cc1, CcScore::Cc2, CcScore::Cc3] {
                ui.selectable_value(cc, Some(c), c.code())
                    .on_hover_text(c.definition());
            }
        });
    if let Some(c) = cc {
        ui.add(egui::Label::new(RichText::new(c.definition()).weak()).wrap());
    }
}
