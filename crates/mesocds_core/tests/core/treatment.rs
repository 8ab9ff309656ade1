//! Treatment settings, options and patient caveats, checked against
//! docs/clinical/treatment-options.md and docs/clinical/disease-status.md, and the structured PDQ
//! options of docs/clinical/treatment-options.md#options. Expected option lists are written out by
//! hand from the PDQ
//! section headings; they are never read back from the catalogue.

use std::collections::BTreeSet;

use mesocds_core::case::AgeYears;
use mesocds_core::treatment::{
    CaveatKind, Direction, EvidenceLevel, ListedOption, OptionStatus, Setting, TreatmentOption,
    TreatmentResult,
};
use mesocds_core::vocab::{
    DiseaseStatus, Ecog, Extent, Input, MCategory, NCategory, PriorTherapy, Site, StagingBasis,
    TCategory,
};
use mesocds_core::{Assessment, Case, assess};

use crate::fixtures::tables;

fn base(status: DiseaseStatus, site: Site) -> Case {
    let mut case = Case::default();
    case.disease.status = Some(status);
    case.disease.site = Some(site);
    case.staging.basis = Some(StagingBasis::Clinical);
    case
}

fn new_pleural_diffuse(t: TCategory, n: NCategory, m: MCategory) -> Case {
    let mut case = base(DiseaseStatus::New, Site::Pleural);
    case.disease.extent = Some(Extent::Diffuse);
    case.staging.t = Some(t);
    case.staging.n = Some(n);
    case.staging.m = Some(m);
    case
}

/// A newly diagnosed stage IV pleural case: the advanced list.
fn advanced() -> Case {
    new_pleural_diffuse(TCategory::T2, NCategory::N0, MCategory::M1)
}

fn recurrent(status: DiseaseStatus, prior: &[PriorTherapy]) -> Case {
    let mut case = base(status, Site::Pleural);
    case.therapy.prior_systemic = Some(prior.iter().copied().collect());
    case
}

fn treat(case: &Case) -> TreatmentResult<'static> {
    assess(case, tables()).treatment
}

fn ids<'t>(r: &TreatmentResult<'t>) -> BTreeSet<&'t str> {
    r.options.iter().map(|o| o.option.id.as_str()).collect()
}

fn set<'a>(list: &[&'a str]) -> BTreeSet<&'a str> {
    list.iter().copied().collect()
}

fn option<'r, 't>(r: &'r TreatmentResult<'t>, id: &str) -> &'r ListedOption<'t> {
    r.options
        .iter()
        .find(|o| o.option.id == id)
        .unwrap_or_else(|| panic!("option {id} is not listed: {:?}", ids(r)))
}

fn catalogue_option(id: &str) -> &'static TreatmentOption {
    tables()
        .treatments
        .options
        .iter()
        .find(|o| o.id == id)
        .unwrap_or_else(|| panic!("no option {id} in the catalogue"))
}

/// The caveats of one listed option of kind `kind` whose text contains `needle`.
fn caveats_with(o: &ListedOption<'_>, kind: CaveatKind, needle: &str) -> usize {
    o.caveats
        .iter()
        .filter(|c| c.kind == kind && c.text.contains(needle))
        .count()
}

// Expected lists, from the PDQ sections (docs/clinical/treatment-options.md#options).
const STAGE_I_SOLITARY: &[&str] = &[
    "en_bloc_resection",
    "intracavitary_chemo_after_resection",
    "multimodality_stage_i",
    "clinical_trials_stage_i",
];
const STAGE_I_DIFFUSE: &[&str] = &[
    "extrapleural_pneumonectomy",
    "pleurectomy_decortication",
    "palliative_rt_stage_i",
    "intracavitary_chemo_after_resection",
    "multimodality_stage_i",
    "clinical_trials_stage_i",
];
const FIRST_LINE_SYSTEMIC: &[&str] = &[
    "nivolumab_ipilimumab",
    "cisplatin_pemetrexed",
    "cisplatin_pemetrexed_bevacizumab",
    "durvalumab_platinum_pemetrexed",
    "maintenance_gemcitabine",
];
const ADVANCED_OTHER: &[&str] = &[
    "multimodality_trials",
    "symptomatic_treatment",
    "palliative_resection",
    "palliative_rt_advanced",
    "intracavitary_therapy",
];
const PERITONEAL: &[&str] = &[
    "crs_hipec",
    "pemetrexed_with_or_without_cisplatin_peritoneal",
    "pemetrexed_carboplatin_peritoneal",
    "nivolumab_ipilimumab",
    "cisplatin_pemetrexed_bevacizumab",
    "durvalumab_platinum_pemetrexed",
    "maintenance_gemcitabine",
    "intracavitary_therapy",
];
const SECOND_LINE: &[&str] = &[
    "gemcitabine_ramucirumab",
    "pemetrexed_second_line",
    "nivolumab_second_line",
    "vinorelbine",
];
const TRIALS_RECURRENT: &str = "phase_i_ii_trials";
const CHEST_WALL: &str = "chest_wall_resection";

fn advanced_list() -> BTreeSet<&'static str> {
    FIRST_LINE_SYSTEMIC
        .iter()
        .chain(ADVANCED_OTHER)
        .copied()
        .collect()
}

// -------------------------------------------------------------------------------- settings

#[test]
fn new_pleural_solitary_gets_the_stage_i_solitary_options() {
    let mut case = base(DiseaseStatus::New, Site::Pleural);
    case.disease.extent = Some(Extent::Solitary);
    // The localized list needs N0 and M0 entered (docs/clinical/option-selection.md#solitary).
    case.staging.n = Some(NCategory::N0);
    case.staging.m = Some(MCategory::M0);
    let r = treat(&case);
    assert_eq!(r.settings, vec![Setting::StageISolitary]);
    assert_eq!(ids(&r), set(STAGE_I_SOLITARY));
    assert!(r.missing.is_empty());
    assert!(
        r.notes.iter().any(|n| n.contains("no AJCC stage")),
        "{:?}",
        r.notes
    );
    // The solitary list is not the diffuse one: no extrapleural pneumonectomy.
    assert!(!ids(&r).contains("extrapleural_pneumonectomy"));
}

#[test]
fn solitary_with_nodes_or_metastasis_asks_to_review_the_extent() {
    let mut case = base(DiseaseStatus::New, Site::Pleural);
    case.disease.extent = Some(Extent::Solitary);
    let review = |c: &Case| {
        treat(c)
            .notes
            .iter()
            .any(|n| n.contains("Review the extent"))
    };
    assert!(!review(&case), "no N or M entered: no review note");
    case.staging.n = Some(NCategory::N0);
    case.staging.m = Some(MCategory::M0);
    assert!(!review(&case), "N0 M0: no review note");
    case.staging.m = Some(MCategory::M1);
    assert!(review(&case), "M1 with a solitary tumour");
    case.staging.m = Some(MCategory::M0);
    case.staging.n = Some(NCategory::N2);
    assert!(review(&case), "N2 with a solitary tumour");
    // Audit decisions (2026-11): the contradiction decides, the options follow the AJCC stage
    // (T not entered with N2 M0: IIIB whatever T is, so the advanced list).
    assert_eq!(treat(&case).settings, vec![Setting::Advanced]);
}

#[test]
fn new_pleural_diffuse_stage_i_gets_the_stage_i_diffuse_options() {
    for (t, n, want) in [
        (TCategory::T1, NCategory::N0, "IA"),
        (TCategory::T2, NCategory::N0, "IB"),
        (TCategory::T3, NCategory::N0, "IB"),
    ] {
        let a = assess(&new_pleural_diffuse(t, n, MCategory::M0), tables());
        assert_eq!(
            a.stage.group().map(|g| g.to_string()),
            Some(want.to_owned())
        );
        assert_eq!(
            a.treatment.settings,
            vec![Setting::StageIDiffuse],
            "{t} {n}"
        );
        assert_eq!(ids(&a.treatment), set(STAGE_I_DIFFUSE), "{t} {n}");
        assert!(!ids(&a.treatment).contains("en_bloc_resection"));
    }
}

#[test]
fn new_pleural_diffuse_stage_ii_to_iv_gets_the_advanced_options() {
    for (t, n, m, want) in [
        (TCategory::T1, NCategory::N1, MCategory::M0, "II"),
        (TCategory::T2, NCategory::N1, MCategory::M0, "II"),
        (TCategory::T3, NCategory::N1, MCategory::M0, "IIIA"),
        (TCategory::T1, NCategory::N2, MCategory::M0, "IIIB"),
        (TCategory::T4, NCategory::NX, MCategory::M0, "IIIB"),
        (TCategory::T1, NCategory::N0, MCategory::M1, "IV"),
        (TCategory::TX, NCategory::NX, MCategory::M1, "IV"),
    ] {
        let a = assess(&new_pleural_diffuse(t, n, m), tables());
        assert_eq!(
            a.stage.group().map(|g| g.to_string()),
            Some(want.to_owned())
        );
        assert_eq!(a.treatment.settings, vec![Setting::Advanced], "{t} {n} {m}");
        assert_eq!(ids(&a.treatment), advanced_list(), "{t} {n} {m}");
    }
}

#[test]
fn new_pleural_diffuse_without_a_stage_lists_nothing() {
    // Incomplete: M not entered.
    let mut case = new_pleural_diffuse(TCategory::T1, NCategory::N0, MCategory::M0);
    case.staging.m = None;
    let r = treat(&case);
    assert!(r.options.is_empty());
    assert_eq!(r.missing, vec![Input::M]);
    assert!(
        r.notes.iter().any(|n| n.contains("No stage group")),
        "{:?}",
        r.notes
    );
    // Not assignable: TX N0 M0 and T2 NX M0.
    for (t, n) in [
        (TCategory::TX, NCategory::N0),
        (TCategory::T2, NCategory::NX),
    ] {
        let r = treat(&new_pleural_diffuse(t, n, MCategory::M0));
        assert!(r.options.is_empty(), "{t} {n}");
        assert!(r.settings.is_empty());
        assert!(r.missing.is_empty());
    }
}

#[test]
fn new_pleural_without_extent_or_site_lists_nothing() {
    let mut case = new_pleural_diffuse(TCategory::T1, NCategory::N0, MCategory::M0);
    case.disease.extent = None;
    let r = treat(&case);
    assert!(r.options.is_empty());
    assert_eq!(r.missing, vec![Input::Extent]);
    case.disease.extent = Some(Extent::Diffuse);
    case.disease.site = None;
    let r = treat(&case);
    assert!(r.options.is_empty());
    assert_eq!(r.missing, vec![Input::Site]);
}

#[test]
fn new_peritoneal_gets_the_peritoneal_options_with_pleural_only_caveats() {
    let r = treat(&base(DiseaseStatus::New, Site::Peritoneal));
    assert_eq!(
        r.settings,
        vec![Setting::Peritoneal, Setting::PeritonealPleuralTrials]
    );
    assert_eq!(ids(&r), set(PERITONEAL));
    for id in [
        "nivolumab_ipilimumab",
        "cisplatin_pemetrexed_bevacizumab",
        "durvalumab_platinum_pemetrexed",
    ] {
        assert_eq!(
            caveats_with(option(&r, id), CaveatKind::Patient, "Pleural-only evidence"),
            1,
            "{id}: {:?}",
            option(&r, id).caveats
        );
    }
    // Options whose evidence is peritoneal carry no pleural-only caveat.
    for id in ["crs_hipec", "pemetrexed_carboplatin_peritoneal"] {
        assert_eq!(
            caveats_with(option(&r, id), CaveatKind::Patient, "Pleural-only"),
            0,
            "{id}"
        );
    }
    // The same pleural-only caveats do not appear for a pleural case.
    let pleural = treat(&advanced());
    for o in &pleural.options {
        assert!(
            !o.caveats.iter().any(|c| c.text.contains("Pleural-only")),
            "{}: {:?}",
            o.option.id,
            o.caveats
        );
    }
}

#[test]
fn new_pericardial_and_tunica_vaginalis_get_no_options() {
    for (site, word) in [
        (Site::Pericardial, "pericardial"),
        (Site::TunicaVaginalis, "tunica vaginalis"),
    ] {
        let r = treat(&base(DiseaseStatus::New, site));
        assert!(r.options.is_empty(), "{site:?}");
        assert!(r.settings.is_empty());
        assert!(r.missing.is_empty());
        assert!(
            r.notes
                .iter()
                .any(|n| n.contains(word) && n.contains("No options")),
            "{site:?}: {:?}",
            r.notes
        );
    }
}

#[test]
fn remission_lists_no_options() {
    for status in [
        DiseaseStatus::CompleteRemission,
        DiseaseStatus::PartialRemission,
    ] {
        let mut case = advanced();
        case.disease.status = Some(status);
        // Without platinum plus pemetrexed before (after it: maintenance gemcitabine, see
        // tests/audit.rs item 13).
        case.therapy.prior_systemic = Some([PriorTherapy::Immunotherapy].into());
        let r = treat(&case);
        assert!(r.options.is_empty(), "{status:?}");
        assert!(r.settings.is_empty());
        assert!(r.missing.is_empty());
        assert!(
            r.notes
                .iter()
                .any(|n| n.contains("remission") && n.contains("No options")),
            "{status:?}: {:?}",
            r.notes
        );
    }
}

#[test]
fn missing_status_lists_no_options() {
    let mut case = advanced();
    case.disease.status = None;
    let r = treat(&case);
    assert!(r.options.is_empty());
    assert_eq!(r.missing, vec![Input::Status]);
    assert!(!r.notes.is_empty());
}

#[test]
fn recurrence_without_prior_therapy_entered_asks_for_it() {
    for status in [
        DiseaseStatus::LocalRecurrence,
        DiseaseStatus::DistantRecurrence,
    ] {
        let mut case = base(status, Site::Pleural);
        case.therapy.prior_systemic = None;
        let r = treat(&case);
        assert_eq!(r.missing, vec![Input::Prior], "{status:?}");
        // No systemic list is chosen without knowing the prior therapy.
        for id in FIRST_LINE_SYSTEMIC.iter().chain(SECOND_LINE) {
            assert!(!ids(&r).contains(id), "{status:?}: {id}");
        }
        assert!(
            r.notes
                .iter()
                .any(|n| n.contains("Prior systemic therapy not entered"))
        );
    }
}

#[test]
fn recurrence_after_no_systemic_therapy_gets_the_first_line_list() {
    for (status, local) in [
        (DiseaseStatus::DistantRecurrence, false),
        (DiseaseStatus::LocalRecurrence, true),
    ] {
        let r = treat(&recurrent(status, &[]));
        let mut want: BTreeSet<&str> = set(FIRST_LINE_SYSTEMIC);
        want.insert(TRIALS_RECURRENT);
        if local {
            want.insert(CHEST_WALL);
        }
        assert_eq!(ids(&r), want, "{status:?}");
        assert_eq!(r.settings[0], Setting::RecurrentNoPriorSystemic);
        assert!(r.missing.is_empty());
        // Newly diagnosed non-systemic options are not part of the recurrent list.
        for id in ADVANCED_OTHER {
            assert!(!ids(&r).contains(id), "{id}");
        }
    }
}

#[test]
fn recurrence_after_systemic_therapy_gets_the_second_line_list() {
    for prior in [
        vec![PriorTherapy::PlatinumPemetrexed],
        vec![PriorTherapy::Immunotherapy],
        vec![PriorTherapy::OtherChemotherapy, PriorTherapy::Bevacizumab],
    ] {
        let distant = treat(&recurrent(DiseaseStatus::DistantRecurrence, &prior));
        let mut want = set(SECOND_LINE);
        want.insert(TRIALS_RECURRENT);
        // Second-line pemetrexed is not for patients who had pemetrexed (PDQ: "one previous
        // regimen of chemotherapy that did not include pemetrexed").
        if prior.contains(&PriorTherapy::PlatinumPemetrexed) {
            want.remove("pemetrexed_second_line");
            assert!(
                distant
                    .excluded
                    .iter()
                    .any(|x| x.option.id == "pemetrexed_second_line")
            );
        }
        assert_eq!(ids(&distant), want, "{prior:?}");
        assert_eq!(
            distant.settings,
            vec![Setting::RecurrentAfterSystemic, Setting::RecurrentAny]
        );
        // Local recurrence adds chest-wall resection; distant does not.
        let local = treat(&recurrent(DiseaseStatus::LocalRecurrence, &prior));
        want.insert(CHEST_WALL);
        assert_eq!(ids(&local), want, "{prior:?}");
        assert_eq!(
            local.settings,
            vec![
                Setting::RecurrentAfterSystemic,
                Setting::RecurrentAny,
                Setting::LocalRecurrence
            ]
        );
        assert!(!ids(&distant).contains(CHEST_WALL));
    }
}

#[test]
fn recurrence_options_do_not_depend_on_the_stage() {
    let mut case = recurrent(
        DiseaseStatus::DistantRecurrence,
        &[PriorTherapy::PlatinumPemetrexed],
    );
    let without = ids(&treat(&case))
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<_>>();
    case.disease.extent = Some(Extent::Diffuse);
    case.staging.t = Some(TCategory::T1);
    case.staging.n = Some(NCategory::N0);
    case.staging.m = Some(MCategory::M0);
    let with = ids(&treat(&case))
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<_>>();
    assert_eq!(without, with);
}

#[test]
fn an_option_is_listed_once_even_under_two_settings() {
    let r = treat(&recurrent(DiseaseStatus::LocalRecurrence, &[]));
    let all: Vec<&str> = r.options.iter().map(|o| o.option.id.as_str()).collect();
    assert_eq!(all.len(), ids(&r).len(), "{all:?}");
    for o in &r.options {
        assert!(r.settings.contains(&o.setting));
        assert!(o.option.settings.contains(&o.setting));
    }
}

// --------------------------------------------------------------------------------- caveats

fn bevacizumab(case: &Case) -> ListedOption<'static> {
    option(&treat(case), "cisplatin_pemetrexed_bevacizumab").clone()
}

const COMEDICATION_PATIENT: &str = "Antiplatelet, anticoagulant or NSAID use";
const COMEDICATION_UNCHECKED: &str = "Co-medication not fully entered";

#[test]
fn bevacizumab_comedication_caveat() {
    type Set = fn(&mut Case);
    let each: [(&str, Set); 3] = [
        ("anticoagulant", |c| c.therapy.anticoagulant = Some(true)),
        ("antiplatelet", |c| c.therapy.antiplatelet = Some(true)),
        ("NSAID", |c| c.therapy.nsaid = Some(true)),
    ];
    for (what, set_true) in each {
        // The one drug taken, the other two not entered.
        let mut case = advanced();
        set_true(&mut case);
        let o = bevacizumab(&case);
        assert_eq!(
            caveats_with(&o, CaveatKind::Patient, COMEDICATION_PATIENT),
            1,
            "{what}: {:?}",
            o.caveats
        );
        assert_eq!(
            caveats_with(&o, CaveatKind::NotChecked, COMEDICATION_UNCHECKED),
            0
        );
        // The one drug taken, the other two entered as not taken.
        case.therapy.anticoagulant.get_or_insert(false);
        case.therapy.antiplatelet.get_or_insert(false);
        case.therapy.nsaid.get_or_insert(false);
        let o = bevacizumab(&case);
        assert_eq!(
            caveats_with(&o, CaveatKind::Patient, COMEDICATION_PATIENT),
            1,
            "{what}"
        );
    }
    // All three entered as not taken: no co-medication caveat at all.
    let mut case = advanced();
    case.therapy.anticoagulant = Some(false);
    case.therapy.antiplatelet = Some(false);
    case.therapy.nsaid = Some(false);
    let o = bevacizumab(&case);
    assert!(
        !o.caveats.iter().any(|c| c.text.contains("NSAID")),
        "{:?}",
        o.caveats
    );
    // None entered: the caveat cannot be checked, and says so.
    let o = bevacizumab(&advanced());
    assert_eq!(
        caveats_with(&o, CaveatKind::NotChecked, COMEDICATION_UNCHECKED),
        1
    );
    assert_eq!(
        caveats_with(&o, CaveatKind::Patient, COMEDICATION_PATIENT),
        0
    );
    // Partly entered (two false, one not entered): still not checked.
    let mut case = advanced();
    case.therapy.anticoagulant = Some(false);
    case.therapy.antiplatelet = Some(false);
    let o = bevacizumab(&case);
    assert_eq!(
        caveats_with(&o, CaveatKind::NotChecked, COMEDICATION_UNCHECKED),
        1
    );
}

#[test]
fn bevacizumab_ecog_above_2_caveat() {
    for (grade, fires) in [(0, false), (1, false), (2, false), (3, true), (4, true)] {
        let mut case = advanced();
        case.patient.ecog = Ecog::from_grade(grade);
        let o = bevacizumab(&case);
        assert_eq!(
            caveats_with(&o, CaveatKind::Patient, "ECOG PS above 2"),
            usize::from(fires),
            "ECOG {grade}"
        );
        assert_eq!(
            caveats_with(&o, CaveatKind::NotChecked, "ECOG not entered"),
            0
        );
    }
    let o = bevacizumab(&advanced());
    assert_eq!(
        caveats_with(&o, CaveatKind::NotChecked, "ECOG not entered"),
        1
    );
}

#[test]
fn bevacizumab_age_above_75_caveat() {
    for (age, fires) in [
        (18, false),
        (74, false),
        (75, false),
        (76, true),
        (90, true),
    ] {
        let mut case = advanced();
        case.patient.age_years = Some(AgeYears::new(age).expect("age"));
        let o = bevacizumab(&case);
        assert_eq!(
            caveats_with(&o, CaveatKind::Patient, "Age over 75"),
            usize::from(fires),
            "age {age}"
        );
        assert_eq!(
            caveats_with(&o, CaveatKind::NotChecked, "Age not entered"),
            0
        );
    }
    let o = bevacizumab(&advanced());
    assert_eq!(
        caveats_with(&o, CaveatKind::NotChecked, "Age not entered"),
        1
    );
}

#[test]
fn caveats_are_ordered_patient_then_unchecked_then_general() {
    let mut case = advanced();
    case.patient.ecog = Ecog::from_grade(3);
    let o = bevacizumab(&case);
    let rank = |k: CaveatKind| match k {
        CaveatKind::Patient => 0,
        CaveatKind::NotChecked => 1,
        CaveatKind::General => 2,
    };
    let ranks: Vec<u8> = o.caveats.iter().map(|c| rank(c.kind)).collect();
    let mut sorted = ranks.clone();
    sorted.sort_unstable();
    assert_eq!(ranks, sorted, "{:?}", o.caveats);
    assert!(ranks.contains(&0) && ranks.contains(&1) && ranks.contains(&2));
}

fn second_line(prior: &[PriorTherapy], ecog: Option<u8>, site: Site) -> TreatmentResult<'static> {
    let mut case = recurrent(DiseaseStatus::DistantRecurrence, prior);
    case.disease.site = Some(site);
    case.patient.ecog = ecog.and_then(Ecog::from_grade);
    treat(&case)
}

#[test]
fn rames_with_prior_bevacizumab_or_immunotherapy() {
    let needle = "RAMES enrolled no patients with previous exposure to bevacizumab";
    for (prior, fires) in [
        (vec![PriorTherapy::PlatinumPemetrexed], false),
        (
            vec![PriorTherapy::PlatinumPemetrexed, PriorTherapy::Bevacizumab],
            true,
        ),
        (vec![PriorTherapy::Immunotherapy], true),
        (vec![PriorTherapy::OtherChemotherapy], false),
    ] {
        let r = second_line(&prior, Some(0), Site::Pleural);
        let o = option(&r, "gemcitabine_ramucirumab");
        assert_eq!(
            caveats_with(o, CaveatKind::Patient, needle),
            usize::from(fires),
            "{prior:?}: {:?}",
            o.caveats
        );
    }
}

#[test]
fn confirm_and_vim_enrolled_ps_0_to_1() {
    for (grade, fires) in [(0, false), (1, false), (2, true), (3, true)] {
        let r = second_line(
            &[PriorTherapy::PlatinumPemetrexed],
            Some(grade),
            Site::Pleural,
        );
        for (id, trial) in [("nivolumab_second_line", "CONFIRM"), ("vinorelbine", "VIM")] {
            let o = option(&r, id);
            let n = o
                .caveats
                .iter()
                .filter(|c| {
                    c.kind == CaveatKind::Patient
                        && c.text.contains("ECOG PS above 1")
                        && c.text.contains(trial)
                })
                .count();
            assert_eq!(n, usize::from(fires), "{id} ECOG {grade}: {:?}", o.caveats);
        }
    }
    let r = second_line(&[PriorTherapy::PlatinumPemetrexed], None, Site::Pleural);
    for id in ["nivolumab_second_line", "vinorelbine"] {
        assert_eq!(
            caveats_with(option(&r, id), CaveatKind::NotChecked, "ECOG not entered"),
            1,
            "{id}"
        );
    }
}

#[test]
fn pemetrexed_second_line_after_prior_pemetrexed() {
    // Audit decisions (2026-11): ruled out, not a caveat, after pemetrexed.
    for (prior, excluded) in [
        (vec![PriorTherapy::Pemetrexed], true),
        (vec![PriorTherapy::PlatinumPemetrexed], true),
        (vec![PriorTherapy::OtherChemotherapy], false),
        (vec![PriorTherapy::Immunotherapy], false),
    ] {
        let r = second_line(&prior, Some(0), Site::Pleural);
        let listed = r
            .options
            .iter()
            .any(|o| o.option.id == "pemetrexed_second_line");
        let out = r
            .excluded
            .iter()
            .find(|x| x.option.id == "pemetrexed_second_line");
        assert_eq!(listed, !excluded, "{prior:?}");
        assert_eq!(out.is_some(), excluded, "{prior:?}");
        if let Some(x) = out {
            assert!(
                x.reasons[0].contains("did not include pemetrexed"),
                "{:?}",
                x.reasons
            );
        }
    }
}

#[test]
fn rames_and_vim_are_pleural_only_on_peritoneal_recurrences() {
    let r = second_line(
        &[PriorTherapy::PlatinumPemetrexed],
        Some(0),
        Site::Peritoneal,
    );
    for id in ["gemcitabine_ramucirumab", "vinorelbine"] {
        assert_eq!(
            caveats_with(option(&r, id), CaveatKind::Patient, "Pleural-only evidence"),
            1,
            "{id}"
        );
    }
    // CONFIRM included peritoneal patients: no pleural-only caveat on nivolumab.
    assert_eq!(
        caveats_with(
            option(&r, "nivolumab_second_line"),
            CaveatKind::Patient,
            "Pleural-only"
        ),
        0
    );
}

const PEMETREXED_OPTIONS: &[&str] = &[
    "cisplatin_pemetrexed",
    "cisplatin_pemetrexed_bevacizumab",
    "durvalumab_platinum_pemetrexed",
    "maintenance_gemcitabine",
    "pemetrexed_with_or_without_cisplatin_peritoneal",
    "pemetrexed_carboplatin_peritoneal",
    "pemetrexed_second_line",
];

fn is_premedication(text: &str) -> bool {
    text.contains("folic acid") && text.contains("vitamin B12") && text.contains("dexamethasone")
}

#[test]
fn every_pemetrexed_option_carries_the_premedication_caveat() {
    // By name, in the catalogue.
    let by_name: BTreeSet<&str> = tables()
        .treatments
        .options
        .iter()
        .filter(|o| o.name.to_lowercase().contains("pemetrexed"))
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(by_name, set(PEMETREXED_OPTIONS));
    // As listed for patients, in every setting that lists them.
    let cases = [
        advanced(),
        base(DiseaseStatus::New, Site::Peritoneal),
        recurrent(DiseaseStatus::LocalRecurrence, &[]),
        recurrent(
            DiseaseStatus::LocalRecurrence,
            &[PriorTherapy::OtherChemotherapy],
        ),
    ];
    let mut seen = BTreeSet::new();
    for case in &cases {
        let r = treat(case);
        for o in &r.options {
            let premed = o
                .caveats
                .iter()
                .filter(|c| c.kind == CaveatKind::General && is_premedication(&c.text))
                .count();
            let contains_pemetrexed = PEMETREXED_OPTIONS.contains(&o.option.id.as_str());
            assert_eq!(premed, usize::from(contains_pemetrexed), "{}", o.option.id);
            if contains_pemetrexed {
                seen.insert(o.option.id.clone());
            }
        }
    }
    assert_eq!(seen.len(), PEMETREXED_OPTIONS.len(), "{seen:?}");
}

#[test]
fn carboplatin_substitution_is_stated_for_peritoneal_disease() {
    // Pleural cisplatin plus pemetrexed: the PDQ states carboplatin only for peritoneal disease.
    let r = treat(&advanced());
    let o = option(&r, "cisplatin_pemetrexed");
    assert_eq!(
        caveats_with(o, CaveatKind::Patient, "carboplatin"),
        1,
        "{:?}",
        o.caveats
    );
    assert_eq!(
        caveats_with(o, CaveatKind::Patient, "only for peritoneal"),
        1
    );
    // Peritoneal pemetrexed with or without cisplatin: "Carboplatin may be substituted".
    let r = treat(&base(DiseaseStatus::New, Site::Peritoneal));
    let o = option(&r, "pemetrexed_with_or_without_cisplatin_peritoneal");
    assert_eq!(
        caveats_with(
            o,
            CaveatKind::General,
            "Carboplatin may be substituted for cisplatin"
        ),
        1
    );
}

#[test]
fn durvalumab_rests_on_a_single_arm_trial() {
    let r = treat(&advanced());
    let o = option(&r, "durvalumab_platinum_pemetrexed");
    assert_eq!(
        caveats_with(o, CaveatKind::General, "Single-arm phase II"),
        1
    );
    assert_eq!(
        caveats_with(o, CaveatKind::General, "historical control"),
        1
    );
    assert_eq!(o.option.level, Some(EvidenceLevel::C1));
}

// -------------------------------------------------------------------------- displayed text

/// Every piece of text the catalogue can display (names, notes, outcomes, caveats, citations).
fn catalogue_text() -> Vec<String> {
    let c = &tables().treatments;
    let mut out = vec![c.source.clone(), c.levels_note.clone()];
    for o in &c.options {
        out.push(o.id.clone());
        out.push(o.name.clone());
        out.push(o.pdq_section.clone());
        out.extend(o.notes.iter().cloned());
        for cav in &o.caveats {
            out.push(cav.text.clone());
            out.extend(cav.if_unknown.iter().cloned());
        }
        for cit in &o.citations {
            out.push(cit.text.clone());
        }
        if let Some(t) = &o.trial {
            out.push(t.name.clone());
            out.extend(t.registry.iter().cloned());
            out.push(t.design.clone());
            out.push(t.population.clone());
            for oc in &t.outcomes {
                out.push(oc.endpoint.clone());
                out.push(oc.result.clone());
                out.extend(oc.p.iter().cloned());
            }
        }
    }
    out
}

/// Text of every assessment a clinician can reach, across all settings.
fn assessment_text(a: &Assessment<'_>) -> Vec<String> {
    let mut out = Vec::new();
    out.extend(a.stage.notes.iter().cloned());
    out.push(a.stage.tnm_text());
    out.extend(a.eortc.notes.iter().cloned());
    out.extend(a.eortc.factors.iter().map(|f| f.describe()));
    out.extend(a.calgb.notes.iter().cloned());
    out.extend(a.calgb.path.iter().map(ToString::to_string));
    out.extend(a.treatment.notes.iter().cloned());
    for o in &a.treatment.options {
        out.extend(o.caveats.iter().map(|c| c.text.clone()));
    }
    out.push(a.provenance.content.clone());
    out
}

fn reachable_cases() -> Vec<Case> {
    let mut cases = vec![
        advanced(),
        new_pleural_diffuse(TCategory::T1, NCategory::N0, MCategory::M0),
        base(DiseaseStatus::New, Site::Peritoneal),
        base(DiseaseStatus::New, Site::Pericardial),
        recurrent(DiseaseStatus::LocalRecurrence, &[]),
        recurrent(DiseaseStatus::LocalRecurrence, &[PriorTherapy::Bevacizumab]),
        Case::default(),
    ];
    let mut solitary = base(DiseaseStatus::New, Site::Pleural);
    solitary.disease.extent = Some(Extent::Solitary);
    cases.push(solitary);
    cases
}

#[test]
fn the_pre0505_hazard_ratio_is_never_displayed() {
    let mut all = catalogue_text();
    for case in reachable_cases() {
        all.extend(assessment_text(&assess(&case, tables())));
    }
    for text in &all {
        assert!(!text.contains("0.034"), "{text}");
        assert!(!text.contains(".034"), "{text}");
    }
    // The option itself is still listed, with its verified one-sided P.
    let durva = catalogue_option("durvalumab_platinum_pemetrexed");
    let os = &durva.trial.as_ref().expect("trial").outcomes[0];
    assert_eq!(os.p.as_deref(), Some("one-sided P = .0014"));
    assert!(os.result.contains("20.4") && os.result.contains("12.1"));
}

#[test]
fn displayed_text_has_the_typos_fixed() {
    let mut all = catalogue_text();
    for case in reachable_cases() {
        all.extend(assessment_text(&assess(&case, tables())));
    }
    let joined = all.join("\n");
    assert!(!joined.contains("extrapulmonary pneumonectomy"));
    assert!(joined.contains("xtrapleural pneumonectomy"));
    assert!(
        !joined.contains("109/L"),
        "the lost superscript must not be shown"
    );
    assert!(!joined.contains("NCI product"));
}

#[test]
fn confirm_pfs_ci_is_shown_as_printed_with_a_note() {
    let o = catalogue_option("nivolumab_second_line");
    let pfs = o
        .trial
        .as_ref()
        .expect("trial")
        .outcomes
        .iter()
        .find(|x| x.endpoint.starts_with("Progression-free"))
        .expect("PFS outcome");
    assert!(pfs.result.contains("0.55-0.85"), "{}", pfs.result);
    assert!(pfs.result.contains("as printed in the PDQ"));
    assert!(o.notes.iter().any(|n| n.contains("0.53")), "{:?}", o.notes);
}

// ------------------------------------------------------------------------ evidence as data

#[test]
fn the_jassem_pemetrexed_os_result_is_no_benefit() {
    let o = catalogue_option("pemetrexed_second_line");
    let t = o.trial.as_ref().expect("trial");
    assert_eq!(t.name, "Jassem 2008");
    let os = t
        .outcomes
        .iter()
        .find(|x| x.endpoint.starts_with("Overall survival"))
        .expect("OS outcome");
    assert_eq!(os.direction, Direction::NoBenefit);
    assert_ne!(os.direction, Direction::Favours);
    assert_eq!(Direction::NoBenefit.label(), "no benefit");
    assert_eq!(o.level, Some(EvidenceLevel::A1));
}

#[test]
fn ci_levels_are_carried_as_data() {
    let ci = |id: &str, endpoint_prefix: &str| {
        catalogue_option(id)
            .trial
            .as_ref()
            .expect("trial")
            .outcomes
            .iter()
            .find(|x| x.endpoint.starts_with(endpoint_prefix))
            .unwrap_or_else(|| panic!("{id}: no outcome {endpoint_prefix}"))
            .clone()
    };
    let checkmate = ci("nivolumab_ipilimumab", "Overall survival");
    assert_eq!(checkmate.ci_level_percent, Some(96.6));
    assert!(checkmate.result.contains("96.6% CI 0.60-0.91"));
    assert_eq!(checkmate.p.as_deref(), Some("P = .002"));
    for endpoint in ["Overall survival", "Progression-free", "Disease control"] {
        let rames = ci("gemcitabine_ramucirumab", endpoint);
        assert_eq!(rames.ci_level_percent, Some(70.0), "RAMES {endpoint}");
        assert!(rames.result.contains("70% CI"));
    }
    let vim = ci("vinorelbine", "Progression-free");
    assert_eq!(vim.ci_level_percent, Some(80.0));
    assert!(vim.result.contains("80% CI upper limit 0.70"));
    assert!(vim.p.as_deref().unwrap_or_default().contains("one-sided"));
    let maps = ci("cisplatin_pemetrexed_bevacizumab", "Overall survival");
    assert_eq!(maps.ci_level_percent, Some(95.0));
    let confirm = ci("nivolumab_second_line", "Overall survival");
    assert_eq!(confirm.ci_level_percent, Some(95.0));
    assert!(confirm.result.contains("95% CI 0.52-0.91"));
}

/// Option id, trial name, registry id, n, level of evidence, PMID.
type KeyTrial = (
    &'static str,
    &'static str,
    Option<&'static str>,
    u32,
    EvidenceLevel,
    u32,
);

#[test]
fn key_trials_match_the_reference() {
    // (id, trial, registry, n, level, PMID) from docs/clinical/treatment-options.md#options.
    let expected: [KeyTrial; 10] = [
        (
            "nivolumab_ipilimumab",
            "CheckMate 743",
            Some("NCT02899299"),
            605,
            EvidenceLevel::A1,
            33485464,
        ),
        (
            "cisplatin_pemetrexed",
            "Vogelzang 2003",
            None,
            456,
            EvidenceLevel::A1,
            12860938,
        ),
        (
            "cisplatin_pemetrexed_bevacizumab",
            "MAPS",
            Some("NCT00651456"),
            448,
            EvidenceLevel::A1,
            26719230,
        ),
        (
            "durvalumab_platinum_pemetrexed",
            "PrE0505",
            Some("NCT02899195"),
            55,
            EvidenceLevel::C1,
            34750557,
        ),
        (
            "maintenance_gemcitabine",
            "NVALT19",
            Some("NTR4132/NL3847"),
            130,
            EvidenceLevel::B1,
            33515500,
        ),
        (
            "gemcitabine_ramucirumab",
            "RAMES",
            Some("NCT03560973"),
            161,
            EvidenceLevel::A1,
            34499874,
        ),
        (
            "pemetrexed_second_line",
            "Jassem 2008",
            None,
            243,
            EvidenceLevel::A1,
            18375898,
        ),
        (
            "nivolumab_second_line",
            "CONFIRM",
            Some("NCT03063450"),
            332,
            EvidenceLevel::A1,
            34656227,
        ),
        (
            "vinorelbine",
            "VIM",
            Some("NCT02139904"),
            154,
            EvidenceLevel::B1,
            35706488,
        ),
        (
            "chest_wall_resection",
            "Burt 2013",
            None,
            47,
            EvidenceLevel::C1,
            24113019,
        ),
    ];
    for (id, trial, registry, n, level, pmid) in expected {
        let o = catalogue_option(id);
        let t = o.trial.as_ref().unwrap_or_else(|| panic!("{id}: no trial"));
        assert!(t.name.starts_with(trial), "{id}: {}", t.name);
        assert_eq!(t.registry.as_deref(), registry, "{id}");
        assert_eq!(t.n, Some(n), "{id}");
        assert_eq!(o.level, Some(level), "{id}");
        assert_eq!(o.primary_pmid(), Some(pmid), "{id}");
        assert_eq!(o.status, OptionStatus::Listed, "{id}");
    }
}

#[test]
fn options_the_pdq_labels_under_clinical_evaluation() {
    for id in [
        "intracavitary_chemo_after_resection",
        "multimodality_stage_i",
    ] {
        assert_eq!(
            catalogue_option(id).status,
            OptionStatus::UnderClinicalEvaluation,
            "{id}"
        );
    }
    assert_eq!(
        OptionStatus::UnderClinicalEvaluation.label(),
        "under clinical evaluation"
    );
}

#[test]
fn every_option_cites_its_source() {
    for o in &tables().treatments.options {
        assert!(!o.citations.is_empty(), "{}", o.id);
        assert!(!o.name.trim().is_empty(), "{}", o.id);
        assert!(!o.settings.is_empty(), "{}", o.id);
        assert!(!o.pdq_section.trim().is_empty(), "{}", o.id);
    }
    assert_eq!(
        tables().treatments.source,
        "NCI PDQ Malignant Mesothelioma Treatment (HP), updated 05/12/2025"
    );
}

#[test]
fn the_intended_use_line_is_the_decisions_page_wording() {
    // docs/clinical/decisions.md#d25: "decision support for clinicians; it does
    // not replace clinical judgement."
    assert_eq!(
        mesocds_core::INTENDED_USE,
        "Decision support for clinicians; it does not replace clinical judgement."
    );
}
