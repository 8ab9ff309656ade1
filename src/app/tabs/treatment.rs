//! The Treatment options tab: the options of each setting under its heading, each with every
//! outcome and its direction, its notes and caveats; then the options ruled out for this
//! patient with their reasons (collapsed); and the survival chart ([`super::survival_chart`]).

use egui::{Color32, RichText, Ui};
use mesocds_core::INTENDED_USE;
use mesocds_core::treatment::{CaveatKind, Direction, ExcludedOption, ListedOption, OptionStatus};

use super::{ViewCtx, survival_chart};
use crate::app::widgets::{missing_ui, notes_ui, tab_scroll_ui};
use crate::present;

fn direction_color(ui: &Ui, d: Direction) -> Color32 {
    match d {
        Direction::Favours => ui.visuals().text_color(),
        Direction::NotSignificant | Direction::NoBenefit => ui.visuals().warn_fg_color,
        Direction::Descriptive => ui.visuals().weak_text_color(),
    }
}

fn option_card_ui(ui: &mut Ui, index: usize, o: &ListedOption<'_>, levels_note: &str) {
    let opt = o.option;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.add(
            egui::Label::new(
                RichText::new(format!("{index}. {}", opt.name))
                    .strong()
                    .size(16.0),
            )
            .wrap(),
        );
        ui.horizontal_wrapped(|ui| {
            let status = RichText::new(opt.status.label());
            if opt.status == OptionStatus::ClinicalTrial {
                ui.label(status.strong().color(ui.visuals().hyperlink_color));
            } else {
                ui.label(status);
            }
            ui.label("·");
            ui.label(RichText::new(present::level_text(opt.level)).underline())
                .on_hover_text(levels_note);
            ui.label("·");
            ui.label(&opt.pdq_section);
        });
        if let Some(t) = &opt.trial {
            let id = t
                .registry
                .as_ref()
                .map_or_else(String::new, |r| format!(", {r}"));
            let n = t.n.map_or_else(String::new, |n| format!(", n = {n}"));
            ui.add(
                egui::Label::new(format!(
                    "{}{id}{n}: {} — {}",
                    t.name, t.design, t.population
                ))
                .wrap(),
            );
            for oc in &t.outcomes {
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("• {}", present::outcome_line(oc)))
                            .color(direction_color(ui, oc.direction)),
                    )
                    .wrap(),
                );
            }
        }
        for n in &opt.notes {
            ui.add(egui::Label::new(RichText::new(format!("Note: {n}")).italics()).wrap());
        }
        for c in &o.caveats {
            let text = match c.kind {
                CaveatKind::Patient => RichText::new(format!("This patient: {}", c.text))
                    .strong()
                    .color(ui.visuals().warn_fg_color),
                CaveatKind::NotChecked => RichText::new(format!("Not checked: {}", c.text))
                    .color(ui.visuals().warn_fg_color),
                CaveatKind::General => RichText::new(format!("Caveat: {}", c.text)),
            };
            ui.add(egui::Label::new(text).wrap());
        }
        for cit in &opt.citations {
            let pmid = cit.pmid.map_or_else(String::new, |p| format!(" PMID {p}"));
            ui.label(RichText::new(format!("{}{pmid}", cit.text)).small().weak());
        }
    });
}

/// The options ruled out for this patient, collapsed by default, each with its reasons.
fn excluded_ui(ui: &mut Ui, excluded: &[ExcludedOption<'_>]) {
    if excluded.is_empty() {
        return;
    }
    ui.add_space(6.0);
    egui::CollapsingHeader::new(
        RichText::new(format!(
            "{} ({})",
            present::NOT_FOR_THIS_PATIENT,
            excluded.len()
        ))
        .strong()
        .size(16.0),
    )
    .id_salt("not_for_this_patient")
    .default_open(false)
    .show(ui, |ui| {
        for x in excluded {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(&x.option.name).strong());
                for r in &x.reasons {
                    ui.add(egui::Label::new(format!("• {r}")).wrap());
                }
            });
        }
    });
}

/// The Treatment options tab: options by setting, the ruled-out options, and the survival chart.
pub fn treatment_tab_ui(ui: &mut Ui, view: ViewCtx<'_>) {
    let t = &view.assessment.treatment;
    let levels_note = &view.tables.treatments.levels_note;
    egui::CentralPanel::default().show(ui, |ui| {
        tab_scroll_ui(ui, "treatment_scroll", |ui| {
            if t.settings.is_empty() {
                ui.label(RichText::new("No options listed").size(22.0).strong());
            }
            missing_ui(ui, &t.missing);
            notes_ui(ui, &t.notes);
            survival_chart::survival_chart_ui(ui, &t.options, &t.settings);
            // Numbered through, as in the report; each setting's options under its heading
            // (the core lists them grouped in this order; any other setting follows, so no
            // option is ever hidden).
            let mut settings = t.settings.clone();
            for o in &t.options {
                if !settings.contains(&o.setting) {
                    settings.push(o.setting);
                }
            }
            let mut number = 0;
            for s in &settings {
                ui.add_space(6.0);
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("Setting: {}", s.label()))
                            .size(18.0)
                            .strong(),
                    )
                    .wrap(),
                );
                ui.separator();
                let mine: Vec<&ListedOption<'_>> =
                    t.options.iter().filter(|o| o.setting == *s).collect();
                if mine.is_empty() {
                    ui.label(
                        RichText::new("No option of this setting is listed for this patient.")
                            .weak(),
                    );
                }
                for o in mine {
                    number += 1;
                    option_card_ui(ui, number, o, levels_note);
                    super::newer_evidence::evidence_pointer_ui(ui, view, &o.option.id);
                    ui.add_space(4.0);
                }
            }
            excluded_ui(ui, &t.excluded);
            ui.add_space(6.0);
            super::newer_evidence::newer_evidence_ui(ui, view);
            ui.add_space(6.0);
            ui.label(RichText::new(INTENDED_USE).weak());
        });
    });
}
