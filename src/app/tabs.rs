//! The five tabs. Each `*_tab_ui` draws from the core's assessment and edits only the case; none
//! computes a clinical result.

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Legend, Plot};
use mesocds_core::eortc::hundredths;
use mesocds_core::staging::{CellValue, Implies, StageStatus, lookup};
use mesocds_core::treatment::{CaveatKind, Direction, ListedOption};
use mesocds_core::vocab::{Finding, Input, MCategory, NCategory, PriorTherapy, TCategory, Vocab};
use mesocds_core::{Assessment, Case, ClinicalTables, INTENDED_USE};

use crate::report::model::{Block, Report, axis_text};

use super::document::{FormText, parse_age, parse_hb, parse_wbc};
use super::widgets::{
    NOT_ENTERED, choice_ui, heading_ui, missing_ui, notes_ui, number_field_ui, tri_state_ui,
};

/// A tab of the main window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Tab {
    /// The case inputs.
    #[default]
    Case,
    /// TNM staging.
    Staging,
    /// EORTC and CALGB.
    Prognosis,
    /// Treatment options.
    Treatment,
    /// Report preview and plain text.
    Report,
}

impl std::fmt::Display for Tab {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

impl Tab {
    /// Every tab, in order.
    pub const ALL: [Self; 5] = [
        Self::Case,
        Self::Staging,
        Self::Prognosis,
        Self::Treatment,
        Self::Report,
    ];

    /// The tab's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Case => "Case",
            Self::Staging => "Staging",
            Self::Prognosis => "Prognosis",
            Self::Treatment => "Treatment options",
            Self::Report => "Report",
        }
    }
}

// ------------------------------------------------------------------------------------- Case

/// The Case tab: every input, with units and inline checks, and what the other tabs still miss.
pub fn case_tab_ui(ui: &mut Ui, case: &mut Case, form: &mut FormText, a: &Assessment<'_>) {
    egui::Panel::right("missing_panel")
        .resizable(false)
        .default_size(300.0)
        .show(ui, |ui| missing_panel_ui(ui, a));
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            heading_ui(ui, "Patient");
            ui.horizontal(|ui| {
                let l = ui.label("Case label");
                ui.add(
                    egui::TextEdit::singleline(&mut case.label)
                        .hint_text("pseudonymous ID, not a name")
                        .desired_width(220.0),
                )
                .labelled_by(l.id);
            });
            number_field_ui(
                ui,
                "Age",
                "years",
                &mut form.age,
                &mut case.patient.age_years,
                parse_age,
            );
            choice_ui(ui, "Sex", &mut case.patient.sex);
            choice_ui(ui, "ECOG performance status", &mut case.patient.ecog);

            heading_ui(ui, "Disease");
            choice_ui(ui, "Site", &mut case.disease.site);
            choice_ui(ui, "Extent", &mut case.disease.extent);
            choice_ui(ui, "Histology", &mut case.disease.histology);
            choice_ui(ui, "Diagnostic certainty", &mut case.disease.diagnosis);
            choice_ui(ui, "Disease status", &mut case.disease.status);

            heading_ui(ui, "Laboratory");
            number_field_ui(
                ui,
                "WBC",
                "×10⁹/L",
                &mut form.wbc,
                &mut case.labs.wbc_10e9_per_l,
                parse_wbc,
            );
            number_field_ui(
                ui,
                "Hemoglobin",
                "g/dL",
                &mut form.hb,
                &mut case.labs.hb_g_per_dl,
                parse_hb,
            );

            heading_ui(ui, "Prior systemic therapy and co-medication");
            prior_ui(ui, &mut case.therapy.prior_systemic);
            tri_state_ui(ui, "Anticoagulant", &mut case.therapy.anticoagulant);
            tri_state_ui(ui, "Antiplatelet agent", &mut case.therapy.antiplatelet);
            tri_state_ui(ui, "NSAID", &mut case.therapy.nsaid);

            heading_ui(ui, "Notes");
            let l = ui.label("Free-text notes");
            ui.add(
                egui::TextEdit::multiline(&mut case.notes)
                    .desired_rows(4)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
        });
    });
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum PriorMode {
    NotEntered,
    None,
    Recorded,
}

fn prior_ui(ui: &mut Ui, prior: &mut Option<std::collections::BTreeSet<PriorTherapy>>) {
    let mut mode = match prior {
        None => PriorMode::NotEntered,
        Some(p) if p.is_empty() => PriorMode::None,
        Some(_) => PriorMode::Recorded,
    };
    let before = mode;
    egui::ComboBox::from_label("Prior systemic therapy")
        .selected_text(match mode {
            PriorMode::NotEntered => NOT_ENTERED,
            PriorMode::None => "None",
            PriorMode::Recorded => "Recorded below",
        })
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut mode, PriorMode::NotEntered, NOT_ENTERED);
            ui.selectable_value(&mut mode, PriorMode::None, "None");
            ui.selectable_value(&mut mode, PriorMode::Recorded, "Recorded below");
        });
    if mode != before {
        *prior = match mode {
            PriorMode::NotEntered => None,
            PriorMode::None | PriorMode::Recorded => Some(Default::default()),
        };
    }
    if mode == PriorMode::Recorded
        && let Some(set) = prior
    {
        ui.indent("prior_list", |ui| {
            for t in PriorTherapy::ALL {
                let mut on = set.contains(t);
                if ui.checkbox(&mut on, t.label()).changed() {
                    if on {
                        set.insert(*t);
                    } else {
                        set.remove(t);
                    }
                }
            }
        });
    }
}

fn missing_panel_ui(ui: &mut Ui, a: &Assessment<'_>) {
    ui.heading("Still missing");
    ui.label(RichText::new("Inputs the other tabs need.").weak());
    ui.separator();
    let sections: [(&str, &[Input]); 4] = [
        ("Staging", &a.stage.missing),
        ("EORTC score", &a.eortc.missing),
        ("CALGB group", &a.calgb.missing),
        ("Treatment options", &a.treatment.missing),
    ];
    let mut any = false;
    for (name, missing) in sections {
        if missing.is_empty() {
            continue;
        }
        any = true;
        ui.label(RichText::new(name).strong());
        for i in missing {
            ui.label(format!("  • {}", i.label()));
        }
    }
    if !any {
        ui.label("Nothing: every result has its inputs.");
    }
}

// ---------------------------------------------------------------------------------- Staging

/// The Staging tab: findings grouped by category, direct pickers, and the stage with its reasons.
pub fn staging_tab_ui(ui: &mut Ui, case: &mut Case, a: &Assessment<'_>, tables: &ClinicalTables) {
    egui::Panel::right("stage_result")
        .resizable(true)
        .default_size(420.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("stage_result_scroll")
                .show(ui, |ui| stage_result_ui(ui, a, tables));
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
            findings_ui(ui, case, tables);
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

fn stage_result_ui(ui: &mut Ui, a: &Assessment<'_>, tables: &ClinicalTables) {
    let s = &a.stage;
    ui.heading("Stage");
    let (big, color) = match (s.status(), s.group()) {
        (StageStatus::Assigned, Some(g)) => (format!("Stage {}", g.code()), None),
        (StageStatus::Incomplete, _) => ("Incomplete".to_owned(), Some(ui.visuals().warn_fg_color)),
        (StageStatus::NotAssignable, _) => (
            "Cannot be assigned".to_owned(),
            Some(ui.visuals().warn_fg_color),
        ),
        (StageStatus::NotApplicable, _) => ("No AJCC stage".to_owned(), None),
        (StageStatus::Assigned, None) => ("Assigned".to_owned(), None),
    };
    let mut text = RichText::new(big).size(34.0).strong();
    if let Some(c) = color {
        text = text.color(c);
    }
    ui.label(text);
    ui.label(format!("{}  ·  {} (pleural)", s.tnm_text(), s.edition));
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
    tn_grid_ui(ui, a, tables);
}

/// Columns of the T×N grid, in reading order.
const GRID_N: &[NCategory] = &[NCategory::N0, NCategory::N1, NCategory::N2, NCategory::NX];

/// The compact T×N grid of the table in use, for the patient's M, with the patient's cell
/// highlighted. The cells are read from the stage table, not computed.
fn tn_grid_ui(ui: &mut Ui, a: &Assessment<'_>, tables: &ClinicalTables) {
    let s = &a.stage;
    let m = s.m.value.unwrap_or(MCategory::M0);
    ui.label(RichText::new(format!("Stage groups for {} ({})", m.code(), s.edition)).strong());
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

// -------------------------------------------------------------------------------- Prognosis

/// The Prognosis tab: EORTC with each factor, CALGB with its path, and their notes.
pub fn prognosis_tab_ui(ui: &mut Ui, a: &Assessment<'_>) {
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.label(RichText::new("Inputs are entered on the Case tab.").weak());
            heading_ui(ui, "EORTC prognostic score");
            let e = &a.eortc;
            match (e.score, e.risk) {
                (Some(score), Some(risk)) => {
                    ui.label(
                        RichText::new(format!("EORTC score {} — {} risk", hundredths(score), risk.label()))
                            .size(26.0)
                            .strong(),
                    );
                    ui.label(format!(
                        "1-year survival {}% ({}) in the derivation cohort (Curran 1998, PMID 9440736).",
                        risk.one_year_survival_percent(),
                        risk.one_year_survival_ci()
                    ));
                    ui.label("Low risk: score 1.27 or lower; high risk: above 1.27.");
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
                egui::Grid::new("eortc_factors").num_columns(3).striped(true).show(ui, |ui| {
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
                    ui.label(RichText::new(format!("CALGB {}", g.label())).size(26.0).strong());
                    match c.median_survival_months() {
                        Some(m) => ui.label(format!("Median survival {m} months (Herndon 1998, PMID 9515850)."))
                        ,
                        None => ui.label("Median survival: not given in the PDQ for these groups."),
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
                ui.label(format!("Decision path: {}", c.path.join(", then ")));
            }
            missing_ui(ui, &c.missing);
            notes_ui(ui, &c.notes);
            ui.add_space(8.0);
            ui.label(RichText::new(INTENDED_USE).weak());
        });
    });
}

// -------------------------------------------------------------------------------- Treatment

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

fn survival_chart_ui(ui: &mut Ui, options: &[ListedOption<'_>]) {
    let with_os: Vec<&ListedOption<'_>> = options
        .iter()
        .filter(|o| o.option.median_os.is_some())
        .collect();
    if with_os.is_empty() {
        return;
    }
    heading_ui(
        ui,
        "Median overall survival (months), as the PDQ reports it",
    );
    let mut option_bars = Vec::new();
    let mut comparator_bars = Vec::new();
    for (i, o) in with_os.iter().enumerate() {
        let Some(os) = &o.option.median_os else {
            continue;
        };
        let y = (with_os.len() - i) as f64 * 3.0;
        option_bars.push(
            Bar::new(y + 0.5, os.option_months)
                .width(0.9)
                .name(format!("{}: {} months", o.option.name, os.option_months)),
        );
        comparator_bars.push(
            Bar::new(y - 0.5, os.comparator_months)
                .width(0.9)
                .name(format!(
                    "{}: {} months",
                    os.comparator, os.comparator_months
                )),
        );
    }
    Plot::new("median_os")
        .height(40.0 + 36.0 * with_os.len() as f32)
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .show_x(false)
        .show_axes([true, false])
        .x_axis_label("months")
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new("Option", option_bars).horizontal());
            plot.bar_chart(BarChart::new("Comparator", comparator_bars).horizontal());
        });
    // Top to bottom in the same order as the bars; wrapped, so nothing is cut off at any zoom.
    for o in &with_os {
        if let Some(os) = &o.option.median_os {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&o.option.name).strong());
                ui.label(format!(
                    "{} months vs {} {} months",
                    os.option_months, os.comparator, os.comparator_months
                ));
            });
        }
    }
    ui.label(
        RichText::new("Trials differ in populations, designs and CI levels; see each card. PrE0505's comparator is a historical control.")
            .weak(),
    );
}

/// The Treatment options tab: cards for this case's setting, and the survival chart.
pub fn treatment_tab_ui(ui: &mut Ui, a: &Assessment<'_>) {
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
            survival_chart_ui(ui, &t.options);
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

// ----------------------------------------------------------------------------------- Report

/// The Report tab: a preview of the same report model the PDF lays out, and its plain text
/// with a Copy button. Returns the command for a clicked button.
pub fn report_tab_ui(ui: &mut Ui, report: &Report) -> Option<super::Command> {
    let mut command = None;
    egui::Panel::top("report_bar").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if ui.button("Copy plain text").clicked() {
                command = Some(super::Command::Copy(report.to_plain_text()));
            }
            if ui.button("Export PDF…").clicked() {
                command = Some(super::Command::ExportPdf);
            }
            ui.label(
                RichText::new(
                    "Plain text for pasting into an EHR note; the PDF has the same content.",
                )
                .weak(),
            );
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.set_max_width(820.0);
            ui.label(RichText::new(&report.title).size(20.0).strong());
            ui.label(format!(
                "Exported {} · MesoCDS {}",
                report.meta.export_date, report.meta.app_version
            ));
            ui.label(RichText::new(report.intended_use).strong());
            for c in &report.cases {
                ui.label(format!(
                    "Case {} · file {} · {}",
                    c.label, c.source.file, c.source.fingerprint
                ));
                for s in &c.sections {
                    heading_ui(ui, &s.heading);
                    for b in &s.blocks {
                        report_block_ui(ui, b);
                    }
                }
            }
            ui.add_space(8.0);
            ui.label(RichText::new(format!("Content: {}.", report.content)).weak());
        });
    });
    command
}

fn report_block_ui(ui: &mut Ui, b: &Block) {
    match b {
        Block::Lead(t) => {
            ui.label(RichText::new(t).size(16.0).strong());
        }
        Block::Subheading(t) => {
            ui.add_space(4.0);
            ui.label(RichText::new(t).strong());
        }
        Block::Text(t) => {
            ui.label(t);
        }
        Block::Fields(rows) => {
            egui::Grid::new(ui.next_auto_id())
                .num_columns(2)
                .show(ui, |ui| {
                    for (k, v) in rows {
                        ui.label(RichText::new(k).strong());
                        ui.label(v);
                        ui.end_row();
                    }
                });
        }
        Block::Table { header, rows, .. } => {
            egui::Grid::new(ui.next_auto_id())
                .striped(true)
                .num_columns(header.len())
                .show(ui, |ui| {
                    for h in header {
                        ui.label(RichText::new(h).strong());
                    }
                    ui.end_row();
                    for r in rows {
                        for c in r {
                            ui.label(c);
                        }
                        ui.end_row();
                    }
                });
        }
        Block::Bullets(items) => notes_ui(ui, items),
        Block::Numbered(items) => {
            for (n, i) in items.iter().enumerate() {
                ui.label(RichText::new(format!("{}. {i}", n + 1)).small());
            }
        }
        Block::DecisionBox => {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label("Decision: ________________________________");
                ui.label("Attendees: _______________________________");
                ui.label("Date: ____________");
            });
        }
    }
}
