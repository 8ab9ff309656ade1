//! The Peritoneal Cancer Index map (issue 11): the 3×3 abdomen grid (regions 0–8 where
//! `peritoneal::ABDOMEN_GRID` puts them, with the orientation note) and the small-bowel row
//! (9–12). Each region is a button showing its number, name and lesion-size score; a click, or
//! Space/Enter while it has the focus, cycles the score (not scored, 0, 1, 2, 3, not scored),
//! and the digits 0–3 set it while it has the focus. The live total, or a total typed directly
//! (`docs/clinical/peritoneal-staging.md` §1).

use egui::{Key, RichText, Ui};
use mesocds_core::peritoneal::{
    ABDOMEN_GRID, LESION_SIZE_CONVENTION, LESION_SIZE_DISAGREEMENT, LesionSize,
    MAP_ORIENTATION_NOTE, PciEntry, PciRegion, REGION_NUMBERING_NOTE, RegionScores,
    SMALL_BOWEL_ROW,
};

use super::edition_form::{EditionFormText, PciMode, parse_pci};
use crate::app::widgets::text_field_ui;

/// The accessible label of a region's button, e.g. "Region 3 left upper, score 2".
pub fn region_label(region: PciRegion, score: Option<LesionSize>) -> String {
    let score = score.map_or_else(
        || "not scored".to_owned(),
        |s| format!("score {}", s.score()),
    );
    format!(
        "Region {} {}, {score}",
        region.number(),
        region.name().to_lowercase()
    )
}

/// The score after a click: not scored, 0, 1, 2, 3, then not scored again.
fn next_score(score: Option<LesionSize>) -> Option<LesionSize> {
    match score.map(LesionSize::score) {
        None => LesionSize::new(0).ok(),
        Some(s) if s < 3 => LesionSize::new(s + 1).ok(),
        Some(_) => None,
    }
}

/// The digit 0–3 pressed this frame, if any.
fn digit_pressed(ui: &Ui) -> Option<LesionSize> {
    let keys = [Key::Num0, Key::Num1, Key::Num2, Key::Num3];
    let pressed = ui.input(|i| keys.iter().position(|k| i.key_pressed(*k)));
    pressed
        .and_then(|d| u8::try_from(d).ok())
        .and_then(|d| LesionSize::new(d).ok())
}

/// The PCI entry: the mode switch, then the map or the total field, and the help.
pub fn pci_entry_ui(ui: &mut Ui, pci: &mut Option<PciEntry>, form: &mut EditionFormText) {
    let before = form.pci_mode;
    ui.horizontal(|ui| {
        ui.label("PCI entered");
        ui.radio_value(&mut form.pci_mode, PciMode::Map, "region by region");
        ui.radio_value(&mut form.pci_mode, PciMode::Total, "as a total");
    });
    if form.pci_mode != before && form.pci_mode == PciMode::Map {
        // The typed total is not carried over: the regions start not scored.
        *pci = None;
    }
    egui::CollapsingHeader::new("Lesion-size score (LS-0 to LS-3)")
        .id_salt("lesion_size_help")
        .show(ui, |ui| {
            for text in [LESION_SIZE_CONVENTION, LESION_SIZE_DISAGREEMENT] {
                ui.add(egui::Label::new(text).wrap());
            }
        });
    match form.pci_mode {
        PciMode::Total => {
            let mut total = None;
            text_field_ui(
                ui,
                ("PCI total", "0-39"),
                &mut form.pci_total,
                &mut total,
                parse_pci,
            );
            *pci = total.map(PciEntry::Total);
        }
        PciMode::Map => map_ui(ui, pci),
    }
}

fn map_ui(ui: &mut Ui, pci: &mut Option<PciEntry>) {
    let mut scores = match pci {
        Some(PciEntry::Regions(r)) => *r,
        _ => RegionScores::default(),
    };
    let before = scores;
    ui.label(RichText::new(MAP_ORIENTATION_NOTE).weak());
    let width = ((ui.available_width() - 16.0) / 4.0).clamp(70.0, 130.0);
    egui::Grid::new("pci_abdomen")
        .spacing([4.0, 4.0])
        .show(ui, |ui| {
            for row in ABDOMEN_GRID {
                for region in row {
                    region_ui(ui, region, &mut scores, width);
                }
                ui.end_row();
            }
        });
    ui.label(RichText::new("Small bowel").strong());
    // One row of four when it fits beside the abdomen grid's width, else two rows of two (at
    // 1024 points the fourth button wrapped alone onto a line of its own).
    let per_row = if ui.available_width() >= 4.0 * (width + 36.0) {
        4
    } else {
        2
    };
    egui::Grid::new("pci_small_bowel")
        .spacing([4.0, 4.0])
        .show(ui, |ui| {
            for (i, region) in SMALL_BOWEL_ROW.into_iter().enumerate() {
                region_ui(ui, region, &mut scores, width);
                if (i + 1) % per_row == 0 {
                    ui.end_row();
                }
            }
        });
    let unscored = scores.unscored();
    let total = match scores.pci() {
        Some(p) => format!("PCI {} (all 13 regions scored)", p.get()),
        None => format!(
            "PCI not complete: {} of 13 regions scored, sum so far {}",
            13 - unscored.len(),
            scores.scored_sum()
        ),
    };
    ui.label(RichText::new(total).size(17.0).strong());
    if !unscored.is_empty() && ui.button("Set the regions not scored to 0").clicked() {
        for r in unscored {
            scores.set(r, LesionSize::new(0).ok());
        }
    }
    ui.add(egui::Label::new(RichText::new(REGION_NUMBERING_NOTE).weak()).wrap());
    if scores != before {
        *pci = Some(PciEntry::Regions(scores));
    }
}

fn region_ui(ui: &mut Ui, region: PciRegion, scores: &mut RegionScores, width: f32) {
    let score = scores.get(region);
    let shown = score.map_or_else(|| "-".to_owned(), |s| s.score().to_string());
    let text = format!("{}  {}\n{shown}", region.number(), region.name());
    let mut button = egui::Button::new(RichText::new(text)).min_size(egui::vec2(width, 44.0));
    if score.is_some_and(|s| s.score() > 0) {
        button = button.fill(ui.visuals().selection.bg_fill);
    }
    let r = ui.add(button);
    let label = region_label(region, score);
    r.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &label));
    if r.clicked() {
        scores.set(region, next_score(score));
    } else if r.has_focus()
        && let Some(d) = digit_pressed(ui)
    {
        scores.set(region, Some(d));
    }
    r.on_hover_text(label);
}
