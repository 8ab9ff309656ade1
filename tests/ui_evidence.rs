#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The newer-evidence panel and its one-line pointers on the PDQ cards (issue 12), drawn through
//! `egui_kittest::Harness::new_ui` from a real assessment and read back through AccessKit; the
//! warning colour of negative results is read from the painted text.

use egui::Color32;
use egui::epaint::Shape;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use mesocds::app::tabs::ViewCtx;
use mesocds::app::tabs::newer_evidence::{evidence_pointer_ui, newer_evidence_ui};
use mesocds_core::vocab::{
    DiseaseStatus, Ecog, Extent, Histology, MCategory, NCategory, PriorTherapy, Site, StagingBasis,
    TCategory,
};
use mesocds_core::{Assessment, Case, ClinicalTables, assess};

const PANEL: &str = "Newer evidence (not in the PDQ version used)";
const MARS2_POINTER: &str = "Newer evidence (not in the PDQ version used), MARS 2: (Extended) \
     pleurectomy/decortication with chemotherapy did worse than chemotherapy alone.";

fn pleural(t: TCategory, n: NCategory) -> Case {
    let mut case = Case::default();
    case.disease.status = Some(DiseaseStatus::New);
    case.disease.site = Some(Site::Pleural);
    case.disease.extent = Some(Extent::Diffuse);
    case.staging.basis = Some(StagingBasis::Clinical);
    case.staging.t = Some(t);
    case.staging.n = Some(n);
    case.staging.m = Some(MCategory::M0);
    case
}

fn tables() -> &'static ClinicalTables {
    ClinicalTables::embedded().unwrap()
}

/// The panel, then the pointers of `options`, drawn once for `assessment`.
fn harness<'a>(assessment: &'a Assessment<'a>, options: &'a [&'a str]) -> Harness<'a> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(900.0, 2400.0))
        .build_ui(move |ui| {
            let view = ViewCtx {
                tables: tables(),
                assessment,
                report: None,
            };
            for id in options {
                evidence_pointer_ui(ui, view, id);
            }
            newer_evidence_ui(ui, view);
        });
    h.run();
    h
}

/// The colour each painted text starting with `start` was drawn in.
fn colors_of(h: &Harness<'_>, start: &str) -> Vec<Color32> {
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        if let Shape::Text(t) = &clipped.shape
            && t.galley.text().starts_with(start)
        {
            out.push(
                t.override_text_color
                    .or_else(|| t.galley.job.sections.first().map(|s| s.format.color))
                    .unwrap_or(t.fallback_color),
            );
        }
    }
    out
}

fn warn(h: &Harness<'_>) -> Color32 {
    h.ctx.global_style().visuals.warn_fg_color
}

#[test]
fn stage_i_panel_shows_mars2_as_harm_with_pointers_on_the_surgical_cards() {
    let case = pleural(TCategory::T1, NCategory::N0);
    let a = assess(&case, tables());
    let options = [
        "extrapleural_pneumonectomy",
        "pleurectomy_decortication",
        "vinorelbine",
    ];
    let h = harness(&a, &options);
    h.get_by_label(PANEL);
    h.get_by_label("1. MARS 2 (NCT02040272), published 2024");
    // One pointer per surgical card, none on an option MARS 2 does not concern.
    assert_eq!(h.get_all_by_label(MARS2_POINTER).count(), 2);
    let overall = "Overall: harm. (Extended) pleurectomy/decortication with chemotherapy did \
                   worse than chemotherapy alone.";
    h.get_by_label(overall);
    h.get_by_label_contains("Reference: Lim E et al., Lancet Respir Med 2024");
    h.get_by_label_contains("Guideline changes");
    // Harm is drawn in the warning colour: the overall line, every result and both pointers.
    let warn = warn(&h);
    assert_eq!(colors_of(&h, overall), [warn]);
    assert_eq!(colors_of(&h, MARS2_POINTER), [warn, warn]);
    let results = colors_of(&h, "• Overall survival");
    assert_eq!(results.len(), 2);
    assert!(results.iter().all(|c| *c == warn));
}

#[test]
fn stage_iiia_panel_lists_first_line_entries_and_colours_only_negative_ones() {
    let mut case = pleural(TCategory::T3, NCategory::N1);
    case.disease.histology = Some(Histology::Epithelioid);
    case.patient.ecog = Some(Ecog::Ecog1);
    let a = assess(&case, tables());
    let h = harness(&a, &[]);
    h.get_by_label(PANEL);
    h.get_by_label("1. IND227 / KEYNOTE-483 (NCT02784171), published 2023");
    assert!(h.query_by_label_contains("ATOMIC-Meso").is_none());
    assert!(h.query_by_label_contains("MARS 2").is_none());
    h.get_by_label_contains("BEAT-meso, published 2024 [1S]");
    h.get_by_label(
        "• IND227 / KEYNOTE-483 enrolled performance status 0–1; this patient's ECOG 1 is within \
         it.",
    );
    let warn = warn(&h);
    // Within the trial's performance-status limit: said, not drawn as a warning.
    let within = colors_of(&h, "• IND227 / KEYNOTE-483 enrolled performance status 0–1");
    assert_eq!(within.len(), 1);
    assert_ne!(within[0], warn);
    let benefit = colors_of(&h, "Overall: benefit.");
    assert_eq!(benefit.len(), 2, "IND227 and the CheckMate 743 update");
    assert!(benefit.iter().all(|c| *c != warn));
    let no_benefit = colors_of(&h, "Overall: no benefit.");
    assert_eq!(no_benefit.len(), 2, "DENIM and BEAT-meso");
    assert!(no_benefit.iter().all(|c| *c == warn));
}

#[test]
fn a_case_with_no_entry_says_so_and_keeps_the_footer() {
    // Recurrent after systemic therapy: no entry attaches.
    let mut case = Case::default();
    case.disease.status = Some(DiseaseStatus::DistantRecurrence);
    case.disease.site = Some(Site::Pleural);
    case.therapy.prior_systemic = Some([PriorTherapy::PlatinumPemetrexed].into());
    let a = assess(&case, tables());
    assert!(a.newer_evidence.is_empty());
    let h = harness(&a, &["vinorelbine"]);
    h.get_by_label(PANEL);
    h.get_by_label("No entry of this table concerns this case's setting or its listed options.");
    h.get_by_label_contains("NCCN v1.2025");
    assert!(
        h.query_by_label_contains("Newer evidence (not in the PDQ version used), ")
            .is_none()
    );
}
