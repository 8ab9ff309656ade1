//! The Treatment options tab: cards for this case's setting, and the survival chart
//! ([`super::survival_chart`]).

use egui::{Color32, RichText, Ui};
use mesocds_core::INTENDED_USE;
use mesocds_core::treatment::{CaveatKind, Direction, ListedOption};

use super::{ViewCtx, survival_chart};
use crate::app::widgets::{heading_ui, missing_ui, notes_ui};

fn direction_color(ui: &Ui, d: Direction) -> Color32 {
    match d {
        Direction::Favours => ui.visuals().text_color(),
        Direction::NotSignificant | Direction::NoBenefit => ui.visuals().warn_fg_color,
        Direction::Descriptive => ui.visuals().weak_text_color(),
    }
}

fn option_card_ui(ui: &mut Ui, index: usize, o: &ListedOption<'_>) {
    let opt = o.option;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!("{index}. {}", opt.name))
                    .strong()
                    .size(16.0),
            );
        });
        let level = opt.level.map_or_else(
            || "no level given".to_owned(),
            |l| format!("level of evidence {l}"),
        );
        ui.label(format!(
            "{}  ·  {}  ·  {}",
            opt.status.label(),
            level,
            opt.pdq_section
        ));
        if let Some(t) = &opt.trial {
            let id = t
                .registry
                .as_ref()
                .map_or_else(String::new, |r| format!(", {r}"));
            let n = t.n.map_or_else(String::new, |n| format!(", n = {n}"));
            ui.label(format!(
                "{}{id}{n}: {} — {}",
                t.name, t.design, t.population
            ));
            for oc in &t.outcomes {
                let p = oc.p.as_ref().map_or_else(String::new, |p| format!("; {p}"));
                let tag = match oc.direction {
                    Direction::NoBenefit => "  [NO BENEFIT]",
                    Direction::NotSignificant => "  [not significant]",
                    _ => "",
                };
                ui.colored_label(
                    direction_color(ui, oc.direction),
                    format!("• {}: {}{p}{tag}", oc.endpoint, oc.result),
                );
            }
        }
        for n in &opt.notes {
            ui.label(RichText::new(n).italics());
        }
        for c in &o.caveats {
            match c.kind {
                CaveatKind::Patient => {
                    ui.label(
                        RichText::new(format!("This patient: {}", c.text))
                            .strong()
                            .color(ui.visuals().warn_fg_color),
                    );
                }
                CaveatKind::NotChecked => {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        format!("Not checked: {}", c.text),
                    );
                }
                CaveatKind::General => {
                    ui.label(format!("Caveat: {}", c.text));
                }
            }
        }
        for cit in &opt.citations {
            let pmid = cit.pmid.map_or_else(String::new, |p| format!(" PMID {p}"));
            ui.label(RichText::new(format!("{}{pmid}", cit.text)).small().weak());
        }
    });
}

/// The Treatment options tab: cards for this case's setting, and the survival chart.
pub fn treatment_tab_ui(ui: &mut Ui, view: ViewCtx<'_>) {
    let a = view.assessment;
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            let t = &a.treatment;
            if t.settings.is_empty() {
                ui.label(RichText::new("No options listed").size(22.0).strong());
            }
            for s in &t.settings {
                ui.label(
                    RichText::new(format!("Setting: {}", s.label()))
                        .size(18.0)
                        .strong(),
                );
            }
            missing_ui(ui, &t.missing);
            notes_ui(ui, &t.notes);
            survival_chart::survival_chart_ui(ui, &t.options);
            if !t.options.is_empty() {
                heading_ui(ui, "Options (NCI PDQ)");
            }
            for (i, o) in t.options.iter().enumerate() {
                option_card_ui(ui, i + 1, o);
                ui.add_space(4.0);
            }
            ui.label(RichText::new(INTENDED_USE).weak());
        });
    });
}
