//! The Staging tab: the stage with its reasons, direct pickers with each category's definition,
//! and findings grouped by category. Side by side when the window is wide, stacked when narrow;
//! for a site other than the pleura, only the reason there is no AJCC stage.

use egui::{RichText, Ui};
use mesocds_core::ClinicalTables;
use mesocds_core::peritoneal::PeritonealResult;
use mesocds_core::staging::{Category, Implies, StageOutcome};
use mesocds_core::vocab::{Finding, Input, Site, Vocab};
use mesocds_core::{Case, staging::StageResult};

use super::ViewCtx;
use super::edition_card::editions_ui;
use super::edition_form::EditionFormText;
use super::ninth_inputs::ninth_inputs_ui;
use super::peritoneal::{no_ajcc_ui, peritoneal_inputs_ui, peritoneal_result_ui};
use crate::app::widgets::{
    choice_width, field_target, heading_ui, tab_scroll_ui, warning_frame_ui,
};
use crate::present::{self, NOT_ENTERED_LABEL};

/// Width (points) from which the stage is a column beside the inputs; narrower, it is shown
/// above them (1024×700 at 150% zoom is 683 points wide).
const SIDE_BY_SIDE_MIN_WIDTH: f32 = 900.0;

/// The width (points) the inputs get beside the result panel when wide; the panel takes the
/// rest, and its two cards stand side by side once it is wide enough.
const INPUTS_WIDTH: f32 = 440.0;

/// The least width (points) the inputs keep when the window shrinks or the panel is dragged:
/// the panel remembers its width, and without a bound the inputs were squeezed to 180 points
/// after the window went from 1280 to 1024 points.
const INPUTS_MIN_WIDTH: f32 = 380.0;

/// The right-hand result panel of the wide layout, bounded so the inputs keep their width.
fn result_panel(ui: &Ui, default_share: Option<f32>) -> egui::Panel {
    let avail = ui.available_width();
    let default = default_share.map_or(avail - INPUTS_WIDTH, |s| avail * s);
    egui::Panel::right("stage_result")
        .resizable(true)
        .default_size(default)
        .size_range(300.0..=(avail - INPUTS_MIN_WIDTH).max(300.0))
}

/// The Staging tab: both editions' stages with their reasons, pickers, the 9th-edition
/// measurements and findings grouped by category; for a peritoneal site, the proposed
/// peritoneal stage and its PCI map.
pub fn staging_tab_ui(ui: &mut Ui, view: ViewCtx<'_>, case: &mut Case, form: &mut EditionFormText) {
    let s = &view.assessment.stage;
    let wide = ui.available_width() >= SIDE_BY_SIDE_MIN_WIDTH;
    if let Some(p) = &view.assessment.peritoneal {
        peritoneal_tab_ui(ui, view, case, form, p, wide);
        return;
    }
    if matches!(case.disease.site, Some(site) if site != Site::Pleural) {
        egui::CentralPanel::default().show(ui, |ui| {
            tab_scroll_ui(ui, "staging_scroll", |ui| not_staged_ui(ui, s));
        });
        return;
    }
    if wide {
        result_panel(ui, None).show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("stage_result_scroll")
                .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
                .show(ui, |ui| editions_ui(ui, view));
        });
        egui::CentralPanel::default().show(ui, |ui| {
            tab_scroll_ui(ui, "staging_scroll", |ui| {
                solitary_ui(ui, s);
                inputs_ui(ui, case, form, view.tables);
            });
        });
    } else {
        egui::CentralPanel::default().show(ui, |ui| {
            tab_scroll_ui(ui, "staging_scroll", |ui| {
                solitary_ui(ui, s);
                editions_ui(ui, view);
                inputs_ui(ui, case, form, view.tables);
            });
        });
    }
}

/// A peritoneal site: the proposed stage beside (wide) or above (narrow) its inputs.
fn peritoneal_tab_ui(
    ui: &mut Ui,
    view: ViewCtx<'_>,
    case: &mut Case,
    form: &mut EditionFormText,
    p: &PeritonealResult,
    wide: bool,
) {
    let s = &view.assessment.stage;
    if wide {
        let snapshot = case.clone();
        result_panel(ui, Some(0.45)).show(ui, |ui| {
            tab_scroll_ui(ui, "peritoneal_result_scroll", |ui| {
                peritoneal_result_ui(ui, &snapshot, p);
                ui.add_space(8.0);
                no_ajcc_ui(ui, s);
            });
        });
        egui::CentralPanel::default().show(ui, |ui| {
            tab_scroll_ui(ui, "staging_scroll", |ui| {
                peritoneal_inputs_ui(ui, case, form);
            });
        });
    } else {
        egui::CentralPanel::default().show(ui, |ui| {
            tab_scroll_ui(ui, "staging_scroll", |ui| {
                peritoneal_result_ui(ui, case, p);
                ui.add_space(8.0);
                no_ajcc_ui(ui, s);
                peritoneal_inputs_ui(ui, case, form);
            });
        });
    }
}

/// A site other than the pleura or the peritoneum: the headline and why, nothing pleural.
fn not_staged_ui(ui: &mut Ui, s: &StageResult) {
    ui.heading("Stage");
    let wording = present::stage_wording(s);
    ui.label(RichText::new(wording.headline).size(34.0).strong());
    if let StageOutcome::NotApplicable { reason } = &s.outcome {
        ui.label(RichText::new(reason).strong());
    }
    ui.label(RichText::new(present::NO_PLEURAL_STAGING).weak());
}

/// The extent "solitary" contradicted by the findings, at the top of the tab.
fn solitary_ui(ui: &mut Ui, s: &StageResult) {
    if let Some(note) = present::stage_notes(s).solitary {
        warning_frame_ui(ui, |ui| {
            ui.label(
                RichText::new(format!("Warning: {note}"))
                    .size(16.0)
                    .strong()
                    .color(ui.visuals().warn_fg_color),
            );
        });
        ui.add_space(4.0);
    }
}

fn inputs_ui(ui: &mut Ui, case: &mut Case, form: &mut EditionFormText, tables: &ClinicalTables) {
    heading_ui(ui, "Categories (AJCC 8th edition; N and M for both)");
    picker_ui(
        ui,
        ("Staging basis", Input::Basis),
        &mut case.staging.basis,
        |_| None,
        tables,
    );
    picker_ui(
        ui,
        ("T category", Input::T),
        &mut case.staging.t,
        |c| Some(Category::T(c)),
        tables,
    );
    picker_ui(
        ui,
        ("N category", Input::N),
        &mut case.staging.n,
        |c| Some(Category::N(c)),
        tables,
    );
    picker_ui(
        ui,
        ("M category", Input::M),
        &mut case.staging.m,
        |c| Some(Category::M(c)),
        tables,
    );
    ui.label(
        RichText::new(
            "Pick categories directly, or tick findings below (or both: a disagreement is shown, never resolved silently).",
        )
        .weak(),
    );
    heading_ui(ui, "Findings (AJCC 8th edition, as the PDQ words them)");
    findings_ui(ui, case, tables);
    ninth_inputs_ui(ui, case, form);
}

/// A combo box for a T, N or M category (or the basis) whose options carry the category's PDQ
/// definition as hover text, with the definition of the chosen one written under it.
fn picker_ui<T: Vocab>(
    ui: &mut Ui,
    (label, input): (&str, Input),
    value: &mut Option<T>,
    category: impl Fn(T) -> Option<Category>,
    tables: &ClinicalTables,
) {
    let define = |v: T| category(v).and_then(|c| tables.findings.category_text(c));
    let selected = value.map_or(NOT_ENTERED_LABEL, Vocab::label);
    let r = egui::ComboBox::from_label(label)
        .selected_text(selected)
        .width(choice_width(ui))
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, NOT_ENTERED_LABEL);
            for v in T::ALL {
                let item = ui.selectable_value(value, Some(*v), v.label());
                if let Some(d) = define(*v) {
                    item.on_hover_text(d);
                }
            }
        })
        .response;
    field_target(ui, input, &r);
    if let Some(d) = value.and_then(define) {
        ui.indent(input.code(), |ui| {
            ui.add(egui::Label::new(RichText::new(d).weak()).wrap());
        });
    }
}

fn findings_ui(ui: &mut Ui, case: &mut Case, tables: &ClinicalTables) {
    let mut groups: Vec<(String, Option<Category>, Vec<Finding>)> = Vec::new();
    for e in &tables.findings.findings {
        let (title, cat) = match e.implies {
            Implies::Qualifier => ("T2–T4 qualifier".to_owned(), None),
            Implies::T(c) => (c.code().to_owned(), Some(Category::T(c))),
            Implies::N(c) => (c.code().to_owned(), Some(Category::N(c))),
            Implies::M(c) => (c.code().to_owned(), Some(Category::M(c))),
        };
        match groups.iter_mut().find(|(t, _, _)| *t == title) {
            Some((_, _, list)) => list.push(e.finding),
            None => groups.push((title, cat, vec![e.finding])),
        }
    }
    for (title, cat, findings) in groups {
        let definition = cat.and_then(|c| tables.findings.category_text(c));
        ui.add_space(4.0);
        let header = ui.label(RichText::new(format!("{title} findings")).strong());
        if let Some(def) = definition {
            header.on_hover_text(def);
        }
        ui.indent(format!("findings_{title}"), |ui| {
            for f in findings {
                let text = tables
                    .findings
                    .finding(f)
                    .map_or_else(|| f.label().to_owned(), |e| e.text.clone());
                let mut on = case.staging.findings.contains(&f);
                if ui.checkbox(&mut on, &text).changed() {
                    if on {
                        case.staging.findings.insert(f);
                    } else {
                        case.staging.findings.remove(&f);
                    }
                }
            }
        });
    }
}
