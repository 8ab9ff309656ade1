//! The result side of the pleural Staging tab (issue 11): which edition applies, the
//! re-staging line, and one card per edition (the AJCC 8th and the 9th), the one that applies
//! first and marked, each with its T, N and M and what drove them, its notes and its grid with
//! the patient's cell. Side by side when wide, stacked when narrow.
//!
//! Everything shown is the core's assessment, worded by [`crate::present`]
//! (`docs/clinical/staging-ajcc9.md` §1, §7 and §9).

use egui::{RichText, Ui};
use mesocds_core::ajcc9::{Edition, EditionChoice, Stage9};
use mesocds_core::staging::StageOutcome;
use mesocds_core::vocab::Vocab as _;

use super::ViewCtx;
use super::stage_grid::{ninth_grid_ui, tn_grid_ui};
use crate::app::widgets::{missing_ui, notes_ui, warnings_ui};
use crate::present;
use crate::report::model::axis_text;

/// The mark of an edition's card: "applies", "does not apply", or, without a date of
/// diagnosis, the core's sentence saying that this is unknown.
pub fn applies_text(choice: EditionChoice, edition: Edition) -> String {
    match choice.applies(edition) {
        Some(true) => "applies".to_owned(),
        Some(false) => "does not apply".to_owned(),
        None => choice.note(),
    }
}

/// The width (points) from which the two cards stand side by side.
const CARDS_SIDE_BY_SIDE_MIN_WIDTH: f32 = 720.0;

/// Which edition applies, the re-staging line, then both cards: side by side when there is
/// room for both (a wide window, or the result panel made wide), stacked otherwise.
pub fn editions_ui(ui: &mut Ui, view: ViewCtx<'_>) {
    let wide = ui.available_width() >= CARDS_SIDE_BY_SIDE_MIN_WIDTH;
    let a = view.assessment;
    ui.heading("Stage");
    ui.add(egui::Label::new(RichText::new(a.edition.note()).strong()).wrap());
    if let Some(line) = &a.restaging {
        ui.add(egui::Label::new(format!("Re-staging: {line}")).wrap());
    }
    ui.add_space(6.0);
    let ninth_first = a.edition.edition() == Some(Edition::Ajcc9);
    let card = |ui: &mut Ui, ninth: bool| {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            if ninth {
                ninth_card_ui(ui, view);
            } else {
                eighth_card_ui(ui, view);
            }
        });
    };
    if wide {
        ui.columns(2, |cols| {
            card(&mut cols[0], ninth_first);
            card(&mut cols[1], !ninth_first);
        });
    } else {
        card(ui, ninth_first);
        ui.add_space(6.0);
        card(ui, !ninth_first);
    }
}

/// The card's title: the edition's label and its mark.
fn title_ui(ui: &mut Ui, view: ViewCtx<'_>, edition: Edition) {
    let applies = view.assessment.edition.applies(edition);
    let mut title = RichText::new(edition.label()).size(17.0).strong();
    if applies == Some(true) {
        title = title.color(ui.visuals().strong_text_color());
    }
    ui.add(egui::Label::new(title).wrap());
    let mark = applies_text(view.assessment.edition, edition);
    let mut mark_text = RichText::new(mark);
    mark_text = match applies {
        Some(true) => mark_text
            .strong()
            .background_color(ui.visuals().selection.bg_fill),
        Some(false) => mark_text.weak(),
        None => mark_text.color(ui.visuals().warn_fg_color),
    };
    ui.add(egui::Label::new(mark_text).wrap());
    ui.add_space(4.0);
}

/// A T, N or M row: the axis and its text, wrapped.
fn axes_ui(ui: &mut Ui, id: &str, rows: [(&str, String); 3]) {
    egui::Grid::new(id)
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (axis, text) in rows {
                ui.label(axis);
                ui.add(egui::Label::new(text).wrap());
                ui.end_row();
            }
        });
}

fn eighth_card_ui(ui: &mut Ui, view: ViewCtx<'_>) {
    let (s, tables) = (&view.assessment.stage, view.tables);
    title_ui(ui, view, Edition::Ajcc8);
    let wording = present::stage_wording(s);
    let mut text = RichText::new(wording.headline).size(30.0).strong();
    if wording.warn {
        text = text.color(ui.visuals().warn_fg_color);
    }
    ui.label(text);
    ui.label(format!(
        "{}  ·  {} (pleural)",
        s.tnm_text(),
        tables.stage.edition
    ));
    if !s.possible().is_empty() {
        let p: Vec<&str> = s.possible().iter().map(|g| g.code()).collect();
        ui.label(format!("Possible groups: {}", p.join(", ")));
    }
    ui.add_space(6.0);
    axes_ui(
        ui,
        "axes",
        [
            ("T", axis_text(&s.t, tables)),
            ("N", axis_text(&s.n, tables)),
            ("M", axis_text(&s.m, tables)),
        ],
    );
    missing_ui(ui, &s.missing);
    let notes = present::stage_notes(s);
    let warnings: Vec<String> = notes.warnings.iter().map(|n| (*n).to_owned()).collect();
    warnings_ui(ui, &warnings);
    let other: Vec<String> = notes.other.iter().map(|n| (*n).to_owned()).collect();
    notes_ui(ui, &other);
    ui.add_space(8.0);
    if !matches!(s.outcome, StageOutcome::NotApplicable { .. }) {
        tn_grid_ui(ui, s, tables);
    }
}

fn ninth_card_ui(ui: &mut Ui, view: ViewCtx<'_>) {
    let (r, tables) = (&view.assessment.stage_9th, view.tables);
    title_ui(ui, view, Edition::Ajcc9);
    let headline = match &r.stage {
        Stage9::Assigned { group } => format!("Stage {}", group.code()),
        Stage9::Incomplete { .. } => "Incomplete".to_owned(),
        Stage9::NotAssignable { .. } => "Cannot be assigned".to_owned(),
        Stage9::NotApplicable { .. } => "No stage".to_owned(),
    };
    let mut text = RichText::new(headline).size(30.0).strong();
    if !matches!(r.stage, Stage9::Assigned { .. }) {
        text = text.color(ui.visuals().warn_fg_color);
    }
    ui.label(text);
    ui.add(egui::Label::new(format!("{}  ·  {}, pleural", r.tnm_text(), r.edition)).wrap());
    if let Stage9::NotApplicable { reason } = &r.stage {
        ui.add(egui::Label::new(RichText::new(reason).strong()).wrap());
    }
    if !r.stage.possible().is_empty() {
        let p: Vec<&str> = r.stage.possible().iter().map(|g| g.code()).collect();
        ui.label(format!("Possible groups: {}", p.join(", ")));
    }
    ui.add_space(6.0);
    let drivers: Vec<String> =
        r.t.clinical_drivers()
            .iter()
            .map(|d| d.text(&tables.findings))
            .collect();
    let t = if drivers.is_empty() {
        present::ninth_t_text(r)
    } else {
        format!("{}; from: {}", present::ninth_t_text(r), drivers.join("; "))
    };
    axes_ui(
        ui,
        "axes9",
        [
            ("T", t),
            ("N", axis_text(&r.n, tables)),
            ("M", axis_text(&r.m, tables)),
        ],
    );
    if !r.missing.is_empty() {
        let names: Vec<&str> = r.missing.iter().map(|i| i.label()).collect();
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("Missing: {}", names.join(", ")),
        );
    }
    // The first note is the single-source caveat of the grid: shown wherever a group is.
    notes_ui(ui, &r.notes);
    ui.add_space(8.0);
    if !matches!(r.stage, Stage9::NotApplicable { .. }) {
        ninth_grid_ui(ui, r, tables.stage9);
    }
}
