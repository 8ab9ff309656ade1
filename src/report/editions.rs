//! The staging sections of the report (issue 11): the AJCC 8th and the 9th edition, the one that
//! applies first and marked, each with its edition (the 9th with its single-source caveat, which
//! is the first of its notes); the re-staging line; and the proposed peritoneal stage, labelled
//! "proposed staging (Yan 2011), not AJCC", with the PCI and the CC score.
//!
//! Built only from the core's assessment and the case as entered
//! (`docs/clinical/staging-ajcc9.md`, `docs/clinical/peritoneal-staging.md`).

use mesocds_core::ajcc9::{Edition, EditionChoice};
use mesocds_core::peritoneal::{self, PeritonealResult};
use mesocds_core::staging::StageStatus;
use mesocds_core::vocab::{Site, Vocab as _};
use mesocds_core::{Assessment, Case, ClinicalTables};

use super::model::{Block, Section, SectionKind, axis_text, notes};
use crate::present::{NOT_ENTERED, ninth_lead, ninth_t_text, pci_text, peritoneal_lead};

/// " - applies" for the edition that applies, nothing otherwise.
fn mark(a: &Assessment<'_>, e: Edition) -> &'static str {
    if a.edition.applies(e) == Some(true) {
        " - applies"
    } else {
        ""
    }
}

fn measurement_fields(case: &Case) -> Vec<(String, String)> {
    let n = &case.staging.ninth;
    let items: Vec<&str> = n.findings.iter().map(|f| f.label()).collect();
    vec![
        (
            "Psum".to_owned(),
            n.psum.map_or_else(
                || NOT_ENTERED.to_owned(),
                |p| p.to_string().trim_start_matches("Psum ").to_owned(),
            ),
        ),
        (
            "Fmax".to_owned(),
            n.fmax.map_or_else(
                || NOT_ENTERED.to_owned(),
                |f| f.to_string().trim_start_matches("Fmax ").to_owned(),
            ),
        ),
        (
            "9th-edition cT4 items".to_owned(),
            if items.is_empty() {
                "none ticked".to_owned()
            } else {
                items.join("; ")
            },
        ),
    ]
}

fn ninth_section(case: &Case, a: &Assessment<'_>, tables: &ClinicalTables) -> Section {
    let r = &a.stage_9th;
    let mut fields = vec![("T".to_owned(), ninth_t_text(r))];
    fields.extend(measurement_fields(case));
    fields.push(("N".to_owned(), axis_text(&r.n, tables)));
    fields.push(("M".to_owned(), axis_text(&r.m, tables)));
    let mut blocks = vec![Block::Lead(ninth_lead(r)), Block::Fields(fields)];
    if !r.stage.possible().is_empty() {
        let p: Vec<&str> = r.stage.possible().iter().map(|g| g.code()).collect();
        blocks.push(Block::Text(format!(
            "Possible stage groups: {}.",
            p.join(", ")
        )));
    }
    if !r.missing.is_empty() {
        let names: Vec<&str> = r.missing.iter().map(|i| i.label()).collect();
        blocks.push(Block::Text(format!("Missing: {}.", names.join(", "))));
    }
    blocks.extend(notes(&r.notes));
    Section {
        kind: SectionKind::Detail,
        heading: format!(
            "Stage (AJCC Version 9 / UICC TNM 9, pleural){}",
            mark(a, Edition::Ajcc9)
        ),
        blocks,
    }
}

/// The heading of the 8th-edition stage section, marked when it applies.
pub(super) fn eighth_heading(a: &Assessment<'_>, tables: &ClinicalTables) -> String {
    format!(
        "Stage ({}, pleural){}",
        tables.stage.edition,
        mark(a, Edition::Ajcc8)
    )
}

/// The section that says which edition applies and what changed between them.
fn editions_section(case: &Case, a: &Assessment<'_>) -> Section {
    // The date the assessment used: the course's diagnosis event wins (docs/clinical/decisions.md#d68).
    let date = match a.edition {
        EditionChoice::Applies { diagnosed, .. } if case.disease.diagnosed != Some(diagnosed) => {
            format!("{diagnosed} (from the disease course)")
        }
        EditionChoice::Applies { diagnosed, .. } => diagnosed.to_string(),
        EditionChoice::Unknown => NOT_ENTERED.to_owned(),
    };
    let edition = match case.disease.site {
        Some(site) if site != Site::Pleural => format!(
            "{} mesothelioma: neither AJCC edition (8th, Version 9) stages it; they stage \
             diffuse pleural mesothelioma only.",
            site.label()
        ),
        _ => a.edition.note(),
    };
    let mut fields = vec![
        ("Date of diagnosis".to_owned(), date),
        ("Edition".to_owned(), edition),
    ];
    if let Some(line) = &a.restaging {
        fields.push(("Re-staging".to_owned(), line.clone()));
    }
    Section {
        kind: SectionKind::Detail,
        heading: "Staging editions".to_owned(),
        blocks: vec![Block::Fields(fields)],
    }
}

/// Whether the 9th-edition section is shown: always for pleural or unknown sites; not for the
/// other sites, which the 8th-edition section already says have no AJCC stage.
fn shows_ninth(case: &Case, a: &Assessment<'_>) -> bool {
    a.stage_9th.stage.status() != StageStatus::NotApplicable
        || matches!(case.disease.site, None | Some(Site::Pleural))
}

/// The staging sections in order: which edition applies, the two editions (the applying one
/// first), then the peritoneal stage when the site is peritoneal. `eighth` is the 8th-edition
/// section as the model builds it.
pub(super) fn staging_sections(
    case: &Case,
    a: &Assessment<'_>,
    tables: &ClinicalTables,
    eighth: Section,
) -> Vec<Section> {
    let mut out = vec![editions_section(case, a)];
    if shows_ninth(case, a) {
        let ninth = ninth_section(case, a, tables);
        if a.edition.edition() == Some(Edition::Ajcc9) {
            out.extend([ninth, eighth]);
        } else {
            out.extend([eighth, ninth]);
        }
    } else {
        out.push(eighth);
    }
    if let Some(p) = &a.peritoneal {
        out.push(peritoneal_section(case, p));
    }
    out
}

fn peritoneal_section(case: &Case, p: &PeritonealResult) -> Section {
    let lead = peritoneal_lead(p);
    let code = |c: Option<&'static str>| c.map_or_else(|| NOT_ENTERED.to_owned(), str::to_owned);
    let cc = case.peritoneal.cc.map_or_else(
        || NOT_ENTERED.to_owned(),
        |c| format!("{} ({})", c.code(), c.definition()),
    );
    let mut blocks = vec![
        Block::Lead(lead),
        Block::Fields(vec![
            ("PCI".to_owned(), pci_text(case, p)),
            ("T".to_owned(), code(p.t.map(|t| t.code()))),
            ("N".to_owned(), code(p.n.map(|n| n.code()))),
            ("M".to_owned(), code(p.m.map(|m| m.code()))),
            ("Completeness of cytoreduction".to_owned(), cc),
        ]),
    ];
    if !p.missing().is_empty() {
        let names: Vec<&str> = p.missing().iter().map(|i| i.code()).collect();
        blocks.push(Block::Text(format!("Missing: {}.", names.join(", "))));
    }
    // The first note is the label, already in the heading.
    // The CC note repeats the CC field above.
    let rest: Vec<String> = p
        .notes
        .iter()
        .skip(1)
        .filter(|n| !n.starts_with("Completeness of cytoreduction"))
        .cloned()
        .collect();
    blocks.extend(notes(&rest));
    blocks.push(Block::Text(format!("Source: {}", peritoneal::YAN_2011)));
    Section {
        kind: SectionKind::Detail,
        heading: format!("Peritoneal stage: {}", peritoneal::LABEL),
        blocks,
    }
}

/// The stage text of a case on a pack's cover page: both editions when the 9th stages the
/// tumour (the applying one first, marked), the proposed peritoneal stage for a peritoneal site.
pub(super) fn cover_stage(a: &Assessment<'_>) -> String {
    let eighth = super::model::stage_short(&a.stage);
    let mut parts = Vec::new();
    if a.stage_9th.stage.status() == StageStatus::NotApplicable {
        parts.push(eighth);
    } else {
        let ninth = match a.stage_9th.stage.group() {
            Some(g) => format!("9th {} ({})", g.code(), a.stage_9th.tnm_text()),
            None => format!(
                "9th {}",
                match a.stage_9th.stage.status() {
                    StageStatus::Incomplete => "incomplete",
                    _ => "cannot be assigned",
                }
            ),
        };
        let eighth = format!("8th {eighth}");
        let mark = |text: String, e: Edition| {
            if a.edition.applies(e) == Some(true) {
                format!("{text}, applies")
            } else {
                text
            }
        };
        if a.edition.edition() == Some(Edition::Ajcc9) {
            parts.extend([mark(ninth, Edition::Ajcc9), eighth]);
        } else {
            parts.extend([mark(eighth, Edition::Ajcc8), ninth]);
        }
    }
    if let Some(p) = &a.peritoneal {
        parts.push(match p.stage() {
            Some(s) => format!("proposed {} (Yan 2011, not AJCC)", s.code()),
            None => format!("proposed: {}", p.outcome.status_code().replace('_', " ")),
        });
    }
    parts.join("; ")
}
