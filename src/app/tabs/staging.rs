//! The Staging tab: findings grouped by category, direct pickers, and the stage with its reasons.

use egui::{RichText, Ui};
use mesocds_core::Case;
use mesocds_core::ClinicalTables;
use mesocds_core::staging::{CellValue, Implies, StageResult, lookup};
use mesocds_core::vocab::{Finding, MCategory, NCategory, TCategory, Vocab as _};

use super::ViewCtx;
use crate::app::widgets::{choice_ui, heading_ui, missing_ui, notes_ui};
use crate::present;
use crate::report::model::axis_text;

/// The Staging tab: findings grouped by category, direct pickers, and the stage with its reasons.
pub fn staging_tab_ui(ui: &mut Ui, view: ViewCtx<'_>, case: &mut Case) {
    egui::Panel::right("stage_result")
        .resizable(true)
        .default_size(420.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("stage_result_scroll")
                .show(ui, |ui| stage_result_ui(ui, view));
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            heading_ui(ui, "Categories");
            choice_ui(ui, "Staging basis", &mut case.staging.basis);
            ui.horizontal_wrapped(|ui| {
                choice_ui(ui, "T category", &mut case.staging.t);
                choice_ui(ui, "N category", &mut case.staging.n);
                choice_ui(ui, "M category", &mut case.staging.m);
            });
            ui.label(
                RichText::new(
                    "Pick categories directly, or tick findings below (or both: a disagreement is shown, never resolved silently).",
                )
                .weak(),
            );
            heading_ui(ui, "Findings (AJCC 8th edition, as the PDQ words them)");
            findings_ui(ui, case, view.tables);
        });
    });
}

fn findings_ui(ui: &mut Ui, case: &mut Case, tables: &ClinicalTables) {
    use mesocds_core::staging::Category;
    let groups: Vec<(String, Option<Category>, Vec<Finding>)> = {
        let mut g: Vec<(String, Option<Category>, Vec<Finding>)> = Vec::new();
        for e in &tables.findings.findings {
            let (title, cat) = match e.implies {
                Implies::Qualifier => ("T2–T4 qualifier".to_owned(), None),
                Implies::T(c) => (c.code().to_owned(), Some(Category::T(c))),
                Implies::N(c) => (c.code().to_owned(), Some(Category::N(c))),
                Implies::M(c) => (c.code().to_owned(), Some(Category::M(c))),
            };
            match g.iter_mut().find(|(t, _, _)| *t == title) {
                Some((_, _, list)) => list.push(e.finding),
                None => g.push((title, cat, vec![e.finding])),
            }
        }
        g
    };
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

fn stage_result_ui(ui: &mut Ui, view: ViewCtx<'_>) {
    let (s, tables) = (&view.assessment.stage, view.tables);
    ui.heading("Stage");
    let wording = present::stage_wording(s);
    let mut text = RichText::new(wording.headline).size(34.0).strong();
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
    egui::Grid::new("axes")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            ui.label("T");
            ui.label(axis_text(&s.t, tables));
            ui.end_row();
            ui.label("N");
            ui.label(axis_text(&s.n, tables));
            ui.end_row();
            ui.label("M");
            ui.label(axis_text(&s.m, tables));
            ui.end_row();
        });
    missing_ui(ui, &s.missing);
    notes_ui(ui, &s.notes);
    ui.add_space(8.0);
    tn_grid_ui(ui, s, tables);
}

/// The title of the T×N grid while M is not entered.
pub const GRID_WITHOUT_M: &str = "T×N grid shown for M0 — M not entered";

/// Columns of the T×N grid, in reading order.
const GRID_N: &[NCategory] = &[NCategory::N0, NCategory::N1, NCategory::N2, NCategory::NX];

/// The compact T×N grid of the table in use, for the patient's M, with the patient's cell
/// highlighted. The cells are read from the stage table, not computed.
///
/// When M is not entered the M0 grid is shown for orientation, titled as such, and no cell is
/// highlighted: M is never taken as M0.
fn tn_grid_ui(ui: &mut Ui, s: &StageResult, tables: &ClinicalTables) {
    let edition = &tables.stage.edition;
    let (m, title) = match s.m.value {
        Some(m) => (m, format!("Stage groups for {} ({edition})", m.code())),
        None => (
            MCategory::M0,
            format!("{GRID_WITHOUT_M} ({edition}); no cell is this patient's"),
        ),
    };
    ui.label(RichText::new(title).strong());
    let highlight = ui.visuals().selection.bg_fill;
    egui::Grid::new("tn_grid").num_columns(5).show(ui, |ui| {
        ui.label("");
        for n in GRID_N {
            ui.label(RichText::new(n.code()).strong());
        }
        ui.end_row();
        for t in [
            TCategory::T1,
            TCategory::T2,
            TCategory::T3,
            TCategory::T4,
            TCategory::TX,
            TCategory::T0,
        ] {
            ui.label(RichText::new(t.code()).strong());
            for n in GRID_N {
                let text = match lookup(&tables.stage, t, *n, m) {
                    Some(CellValue::Group(g)) => g.code().to_owned(),
                    Some(CellValue::NotAssignable(_)) => "–".to_owned(),
                    None => "?".to_owned(),
                };
                let here = s.t.value == Some(t) && s.n.value == Some(*n) && s.m.value.is_some();
                let mut rt = RichText::new(text).monospace();
                if here {
                    rt = rt.background_color(highlight).strong();
                }
                ui.label(rt);
            }
            ui.end_row();
        }
    });
    ui.label(RichText::new("–: no stage group can be assigned (TX, T0 or NX).").weak());
}
