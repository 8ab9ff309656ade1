//! 9th-edition staging of whole cases: missing input, the T rule of each basis, disagreements,
//! scope, the re-staging line. Golden cases cite docs/clinical/README.md (§B, §C) or
//! docs/clinical/decisions.md; the grid itself is checked cell by cell in `ajcc9.rs`.

use crate::ajcc9_support::{eighth, mm, picked, run};
use mesocds_core::ajcc9::{MissingInput, Psum, Stage9, StageGroup9};
use mesocds_core::staging::StageStatus;
use mesocds_core::vocab::{
    Extent, Finding, MCategory, NCategory, Site, StagingBasis, TCategory, Vocab as _,
};

// ---- missing input, scope, caveat ----

#[test]
fn missing_n_or_m_is_incomplete_and_never_defaulted() {
    // docs/clinical/staging-ajcc8.md#unknown-categories: "Never default M to M0."
    let mut input = picked(TCategory::T1, NCategory::N0, MCategory::M0);
    input.m = None;
    let r = run(&input);
    assert_eq!(r.stage.missing(), &[MissingInput::M]);
    assert_eq!(r.stage.possible(), &[StageGroup9::I, StageGroup9::IV]);
    input.n = None;
    let r = run(&input);
    assert_eq!(r.stage.missing(), &[MissingInput::N, MissingInput::M]);
}

#[test]
fn clinical_basis_without_measurements_names_psum_and_fmax() {
    // Issue 11: missing inputs are named by their flag ("psum", "fmax"); never taken as 0.
    let mut input = picked(TCategory::T1, NCategory::N0, MCategory::M0);
    input.basis = Some(StagingBasis::Clinical);
    input.t = None;
    let r = run(&input);
    let codes: Vec<&str> = r.stage.missing().iter().map(|i| i.code()).collect();
    assert_eq!(codes, ["psum", "fmax"]);
    assert_eq!(
        r.stage.possible(),
        &[StageGroup9::I, StageGroup9::II, StageGroup9::IIIA]
    );
    // M1 known, T missing: every value of T gives IV, so IV is assigned (the audited 8th-edition
    // rule "any M1 is stage IV whatever else is entered"), and Psum and Fmax stay listed.
    input.m = Some(MCategory::M1);
    let r = run(&input);
    assert_eq!(r.stage.status(), StageStatus::Assigned);
    assert_eq!(r.stage.group(), Some(StageGroup9::IV));
    let codes: Vec<&str> = r.missing.iter().map(|i| i.code()).collect();
    assert_eq!(codes, ["psum", "fmax"]);
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("every value gives stage IV"))
    );
}

#[test]
fn clinical_t_from_measurements_end_to_end() {
    // §B cT3 "Psum > 30 mm"; §C T3 N0 → IIIA (8th IB -> 9th IIIA).
    let mut input = picked(TCategory::T1, NCategory::N0, MCategory::M0);
    input.basis = Some(StagingBasis::Clinical);
    input.t = None;
    input.psum = Some(Psum::Sum(mm(31)));
    let r = run(&input);
    assert_eq!(r.t.value, Some(TCategory::T3));
    assert_eq!(
        r.stage,
        Stage9::Assigned {
            group: StageGroup9::IIIA
        }
    );
    assert_eq!(r.tnm_text(), "cT3 N0 M0");
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("cT3 from: Psum 31 mm (> 30 mm)")),
        "{:?}",
        r.notes
    );
}

#[test]
fn basis_not_entered_blocks_the_t_rule() {
    let mut input = picked(TCategory::T1, NCategory::N0, MCategory::M0);
    input.basis = None;
    input.t = None;
    input.psum = Some(Psum::Sum(mm(20)));
    let r = run(&input);
    assert_eq!(r.stage.missing(), &[MissingInput::Basis]);
    // A picked T needs no rule.
    input.t = Some(TCategory::T2);
    assert_eq!(
        run(&input).stage,
        Stage9::Assigned {
            group: StageGroup9::II
        }
    );
}

#[test]
fn pathological_t_uses_the_8th_edition_findings() {
    // §B: "Pathological T (pT), 9th edition: the 8th-edition T descriptors and findings".
    let mut input = picked(TCategory::T1, NCategory::N0, MCategory::M0);
    input.t = None;
    input.findings = [Finding::AllIpsilateralSurfaces, Finding::EndothoracicFascia].into();
    input.psum = Some(Psum::Sum(mm(5)));
    let r = run(&input);
    assert_eq!(
        r.t.value,
        Some(TCategory::T3),
        "pT3 from endothoracic fascia, not the Psum"
    );
    assert_eq!(
        r.stage,
        Stage9::Assigned {
            group: StageGroup9::IIIA
        }
    );
}

#[test]
fn picked_and_measured_t_disagree() {
    let mut input = picked(TCategory::T1, NCategory::N0, MCategory::M0);
    input.basis = Some(StagingBasis::Clinical);
    input.psum = Some(Psum::Sum(mm(20)));
    let r = run(&input);
    assert!(r.t.conflict);
    assert_eq!(r.stage.status(), StageStatus::NotAssignable);
    assert_eq!(r.stage.possible(), &[StageGroup9::I, StageGroup9::II]);
    // Audit decision "Same group from every reading": T2 vs T3 with N1 both give IIIA.
    let mut input = picked(TCategory::T2, NCategory::N1, MCategory::M0);
    input.basis = Some(StagingBasis::Clinical);
    input.psum = Some(Psum::Sum(mm(40)));
    let r = run(&input);
    assert!(r.t.conflict);
    assert_eq!(
        r.stage,
        Stage9::Assigned {
            group: StageGroup9::IIIA
        }
    );
}

#[test]
fn non_pleural_and_solitary_are_not_applicable() {
    let mut input = picked(TCategory::T1, NCategory::N0, MCategory::M0);
    input.site = Some(Site::Peritoneal);
    assert!(
        matches!(run(&input).stage, Stage9::NotApplicable { ref reason } if reason.starts_with("Peritoneal"))
    );
    input.site = Some(Site::Pleural);
    input.extent = Some(Extent::Solitary);
    assert!(matches!(run(&input).stage, Stage9::NotApplicable { .. }));
    input.extent = None;
    let r = run(&input);
    assert_eq!(r.stage.missing(), &[MissingInput::Extent]);
    assert_eq!(r.stage.possible(), &[StageGroup9::I]);
}

#[test]
fn restaging_line_says_what_changed() {
    use mesocds_core::ajcc9::restaging_line;
    // Issue 11's example: "T3 N0: 8th IB -> 9th IIIA" (§C moves [INF]).
    let input = picked(TCategory::T3, NCategory::N0, MCategory::M0);
    assert_eq!(
        restaging_line(&eighth(&input), &run(&input)),
        "pT3 N0 M0: 8th IB -> 9th IIIA"
    );
    let input = picked(TCategory::T4, NCategory::N1, MCategory::M0);
    assert_eq!(
        restaging_line(&eighth(&input), &run(&input)),
        "pT4 N1 M0: 8th IIIB -> 9th IIIB (unchanged)"
    );
    // Clinical: the 8th edition's anatomy says T2, the 9th's measurement says T3.
    let mut input = picked(TCategory::T2, NCategory::N0, MCategory::M0);
    input.basis = Some(StagingBasis::Clinical);
    let e = eighth(&input);
    input.t = None;
    input.psum = Some(Psum::Sum(mm(35)));
    assert_eq!(
        restaging_line(&e, &run(&input)),
        "8th cT2 N0 M0 IB -> 9th cT3 N0 M0 IIIA"
    );
    // A missing category in words, never "?" (the line is shown on screen and in the report).
    input.psum = None;
    assert_eq!(
        restaging_line(&e, &run(&input)),
        "8th cT2 N0 M0 IB -> 9th T not entered N0 M0 incomplete (psum, fmax missing)"
    );
}

#[test]
fn stage_one_selects_the_localized_lists() {
    // docs/clinical/staging-ajcc9.md: "9th stage I → the stage I lists, II–IV → the advanced
    // lists".
    let one: Vec<bool> = StageGroup9::ALL.iter().map(|g| g.is_stage_one()).collect();
    assert_eq!(one, [true, false, false, false, false]);
}

#[test]
fn pathological_t2_to_t4_without_the_qualifier_is_noted() {
    let mut input = picked(TCategory::T1, NCategory::N0, MCategory::M0);
    input.t = None;
    input.findings = [Finding::DiaphragmaticMuscle].into();
    let r = run(&input);
    assert_eq!(
        r.stage,
        Stage9::Assigned {
            group: StageGroup9::II
        }
    );
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("all ipsilateral pleural surfaces")),
        "{:?}",
        r.notes
    );
    input.findings.insert(Finding::AllIpsilateralSurfaces);
    assert!(
        !run(&input)
            .notes
            .iter()
            .any(|n| n.contains("all ipsilateral pleural surfaces"))
    );
}

#[test]
fn missing_inputs_serialize_as_their_flag_names() {
    // Issue 11: "Missing inputs are named by their flag without dashes (diagnosed, psum, fmax, pci)".
    for i in MissingInput::ALL {
        assert_eq!(ron::to_string(i).unwrap(), i.code());
    }
}

#[test]
fn n_disagreement_is_named() {
    let mut input = picked(TCategory::T1, NCategory::N1, MCategory::M0);
    input.findings = [Finding::ContralateralMediastinalNodes].into();
    let r = run(&input);
    assert!(r.n.conflict);
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("N disagreement: N1 was picked, but the ticked findings give N2")),
        "{:?}",
        r.notes
    );
    // T1 with N1 (II) or N2 (IIIA): two groups, so not assignable, listing both.
    assert_eq!(r.stage.possible(), &[StageGroup9::II, StageGroup9::IIIA]);
    assert_eq!(r.stage.status(), StageStatus::NotAssignable);
}
