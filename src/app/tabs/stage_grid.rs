//! The compact T×N stage grid of the Staging tab, read from the stage table in use.

use egui::{RichText, Ui};
use mesocds_core::ClinicalTables;
use mesocds_core::ajcc9::{Stage9Result, StageTable9, grid::CellValue9};
use mesocds_core::staging::{CellValue, StageResult, lookup};
use mesocds_core::vocab::{MCategory, NCategory, TCategory, Vocab as _};

/// The title of the T×N grid while M is not entered.
pub const GRID_WITHOUT_M: &str = "T×N grid shown for M0 — M not entered";

/// Columns of the T×N grid, in reading order.
const GRID_N: &[NCategory] = &[NCategory::N0, NCategory::N1, NCategory::N2, NCategory::NX];
/// Rows of the T×N grid, in reading order.
const GRID_T: &[TCategory] = &[
    TCategory::T1,
    TCategory::T2,
    TCategory::T3,
    TCategory::T4,
    TCategory::TX,
    TCategory::T0,
];

/// The text of one cell: its group, "–" when the table assigns none, or "no cell" for a table
/// without it (never for the validated tables).
fn cell_text(tables: &ClinicalTables, t: TCategory, n: NCategory, m: MCategory) -> String {
    match lookup(&tables.stage, t, n, m) {
        Some(CellValue::Group(g)) => g.code().to_owned(),
        Some(CellValue::NotAssignable(_)) => "–".to_owned(),
        None => "no cell".to_owned(),
    }
}

/// The legend of "–", read from the cells shown: which rows are "–" throughout (TX, T0) and
/// which T categories have it only with some N (NX), so T4 NX, which has a group, is not
/// included.
pub fn dash_legend(tables: &ClinicalTables, m: MCategory) -> String {
    let mut whole_rows = Vec::new();
    let mut partial: Vec<(Vec<&str>, Vec<&str>)> = Vec::new();
    for &t in GRID_T {
        let ns: Vec<&str> = GRID_N
            .iter()
            .filter(|&&n| {
                matches!(
                    lookup(&tables.stage, t, n, m),
                    Some(CellValue::NotAssignable(_))
                )
            })
            .map(|n| n.code())
            .collect();
        if ns.len() == GRID_N.len() {
            whole_rows.push(t.code());
        } else if !ns.is_empty() {
            match partial.iter_mut().find(|(_, n)| *n == ns) {
                Some((ts, _)) => ts.push(t.code()),
                None => partial.push((vec![t.code()], ns)),
            }
        }
    }
    let mut parts: Vec<String> = whole_rows.iter().map(|t| (*t).to_owned()).collect();
    parts.extend(
        partial
            .iter()
            .map(|(ts, ns)| format!("{} with {}", ts.join(", "), ns.join(", "))),
    );
    if parts.is_empty() {
        return String::new();
    }
    format!("–: no stage group can be assigned ({}).", parts.join("; "))
}

/// The compact T×N grid of the table in use, for the patient's M, with the patient's cell
/// highlighted. The cells are read from the stage table, not computed.
///
/// When M is not entered the M0 grid is shown for orientation, titled as such, and no cell is
/// highlighted: M is never taken as M0.
pub fn tn_grid_ui(ui: &mut Ui, s: &StageResult, tables: &ClinicalTables) {
    let m = grid_ui(
        ui,
        "tn_grid",
        &tables.stage.edition,
        patient_cell(s.t.value, s.n.value, s.m.value),
        |t, n, m| cell_text(tables, t, n, m),
    );
    let legend = dash_legend(tables, m);
    if !legend.is_empty() {
        ui.add(egui::Label::new(RichText::new(legend).weak()).wrap());
    }
}

/// The patient's cell and M: `None` for the cell while any of T, N or M has no value (M is
/// never taken as M0, so no cell is highlighted without it).
fn patient_cell(
    t: Option<TCategory>,
    n: Option<NCategory>,
    m: Option<MCategory>,
) -> (Option<(TCategory, NCategory)>, Option<MCategory>) {
    let cell = match (t, n, m) {
        (Some(t), Some(n), Some(_)) => Some((t, n)),
        _ => None,
    };
    (cell, m)
}

/// The title and the T×N table of one edition's grid for the patient's M (M0 for orientation
/// while M is not entered, titled as such), the patient's cell highlighted; `cell` reads a cell
/// of the edition's table. Returns the M shown.
fn grid_ui(
    ui: &mut Ui,
    id: &str,
    edition: &str,
    (here, m): (Option<(TCategory, NCategory)>, Option<MCategory>),
    cell: impl Fn(TCategory, NCategory, MCategory) -> String,
) -> MCategory {
    let (m, title) = match m {
        Some(m) => (m, format!("Stage groups for {} ({edition})", m.code())),
        None => (
            MCategory::M0,
            format!("{GRID_WITHOUT_M} ({edition}); no cell is this patient's"),
        ),
    };
    ui.add(egui::Label::new(RichText::new(title).strong()).wrap());
    let highlight = ui.visuals().selection.bg_fill;
    egui::Grid::new(id).num_columns(5).show(ui, |ui| {
        ui.label("");
        for n in GRID_N {
            ui.label(RichText::new(n.code()).strong());
        }
        ui.end_row();
        for &t in GRID_T {
            ui.label(RichText::new(t.code()).strong());
            for &n in GRID_N {
                let mut rt = RichText::new(cell(t, n, m)).monospace();
                if here == Some((t, n)) {
                    rt = rt.background_color(highlight).strong();
                }
                ui.label(rt);
            }
            ui.end_row();
        }
    });
    m
}

/// The 9th-edition T×N grid for the patient's M (M0 for orientation while M is not entered,
/// titled as such), with the patient's cell highlighted and the grid's single-source caveat.
/// The cells are read from `assets/clinical/ajcc9_pleural_stage_groups.ron`, not computed.
pub fn ninth_grid_ui(ui: &mut Ui, r: &Stage9Result, table: &StageTable9) {
    // The short name: the card's title gives the full one.
    grid_ui(
        ui,
        "tn_grid9",
        "9th edition",
        patient_cell(r.t.value, r.n.value, r.m.value),
        |t, n, m| {
            match table.lookup(t, n, m) {
                Some(CellValue9::Group(g)) => g.code(),
                Some(CellValue9::NotAssignable(_)) => "–",
                None => "no cell",
            }
            .to_owned()
        },
    );
    ui.add(egui::Label::new(RichText::new("–: no stage group can be assigned.").weak()).wrap());
    ui.add(egui::Label::new(RichText::new(&table.caveat).weak().italics()).wrap());
}
