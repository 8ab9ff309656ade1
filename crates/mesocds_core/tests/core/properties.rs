//! Properties over arbitrary cases and arbitrary case-file text (proptest).

use std::collections::BTreeSet;

use mesocds_core::Case;
use mesocds_core::ajcc9::{Date, Fmax, Millimetres, NinthFinding, Psum, PsumLevels, Stage9};
use mesocds_core::assess;
use mesocds_core::case::{AgeYears, Hemoglobin, Wbc};
use mesocds_core::case::{NinthInputs, PeritonealInputs};
use mesocds_core::case_file::{self, SavedWith};
use mesocds_core::peritoneal::{CcScore, LesionSize, Pci, PciEntry, PciRegion, RegionScores};
use mesocds_core::staging::StageStatus;
use mesocds_core::treatment::{self, Setting};
use mesocds_core::vocab::{
    DiagnosisCertainty, DiseaseStatus, Ecog, Extent, Finding, Histology, Input, MCategory,
    NCategory, PriorTherapy, Sex, Site, StageGroup, StagingBasis, TCategory, Vocab,
};
use proptest::prelude::*;
use proptest::sample::select;

use crate::fixtures::tables;

fn vocab<T: Vocab + std::fmt::Debug>() -> impl Strategy<Value = T> {
    select(T::ALL)
}

fn opt<S: Strategy>(s: S) -> impl Strategy<Value = Option<S::Value>> {
    proptest::option::of(s)
}

fn age() -> impl Strategy<Value = AgeYears> {
    prop_oneof![
        Just(48u16),
        Just(49),
        Just(75),
        Just(76),
        0u16..=AgeYears::MAX
    ]
    .prop_map(|a| AgeYears::new(a).expect("in range"))
}

fn wbc() -> impl Strategy<Value = Wbc> {
    prop_oneof![Just(8.3), Just(15.6), Just(15.5), 0.0f64..=Wbc::MAX]
        .prop_map(|v| Wbc::new(v).expect("in range"))
}

fn hb() -> impl Strategy<Value = Hemoglobin> {
    prop_oneof![Just(14.6), Just(14.5), 0.0f64..=Hemoglobin::MAX]
        .prop_map(|v| Hemoglobin::new(v).expect("in range"))
}

fn findings() -> impl Strategy<Value = BTreeSet<Finding>> {
    proptest::collection::btree_set(vocab::<Finding>(), 0..10)
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-Z0-9 ()\\[\\]{}\"'\\\\/:,.\n\t×⁹µ≥-]{0,60}",
    ]
}

/// The issue-11 inputs: date of diagnosis, 9th-edition inputs, peritoneal PCI and CC.
fn ninth_inputs() -> impl Strategy<Value = (Option<Date>, NinthInputs, PeritonealInputs)> {
    let date =
        (1990u16..=2026, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap());
    let mm = (0u16..=3000).prop_map(|t| Millimetres::from_tenths(t, "x").unwrap());
    let psum = prop_oneof![
        mm.clone().prop_map(Psum::Sum),
        (0u16..=1000, 0u16..=1000, 0u16..=1000).prop_map(|(a, b, c)| {
            let l = |t| Millimetres::from_tenths(t, "x").unwrap();
            Psum::Levels(PsumLevels::new(l(a), l(b), l(c)).unwrap())
        }),
    ];
    let pci = prop_oneof![
        (0u8..=39).prop_map(|p| PciEntry::Total(Pci::new(p).unwrap())),
        proptest::collection::vec(opt(0u8..=3), 13).prop_map(|v| {
            let mut r = RegionScores::default();
            for (region, score) in PciRegion::ALL.iter().zip(v) {
                r.set(*region, score.map(|s| LesionSize::new(s).unwrap()));
            }
            PciEntry::Regions(r)
        }),
    ];
    let cc = select(vec![CcScore::Cc0, CcScore::Cc1, CcScore::Cc2, CcScore::Cc3]);
    (
        opt(date),
        opt(psum),
        opt(mm.prop_map(Fmax)),
        opt(vocab::<TCategory>()),
        proptest::collection::btree_set(vocab::<NinthFinding>(), 0..3),
        opt(pci),
        opt(cc),
    )
        .prop_map(|(date, psum, fmax, t, findings, pci, cc)| {
            (
                date,
                NinthInputs {
                    t,
                    psum,
                    fmax,
                    findings,
                },
                PeritonealInputs { pci, cc },
            )
        })
}

prop_compose! {
    fn arb_case()(
        label in text(),
        notes in text(),
        patient in (opt(age()), opt(vocab::<Sex>()), opt(vocab::<Ecog>())),
        disease in (
            opt(vocab::<Site>()),
            opt(vocab::<Extent>()),
            opt(vocab::<Histology>()),
            opt(vocab::<DiagnosisCertainty>()),
            opt(vocab::<DiseaseStatus>()),
        ),
        staging in (
            opt(vocab::<StagingBasis>()),
            opt(vocab::<TCategory>()),
            opt(vocab::<NCategory>()),
            opt(vocab::<MCategory>()),
            findings(),
        ),
        labs in (opt(wbc()), opt(hb())),
        therapy in (
            opt(proptest::collection::btree_set(vocab::<PriorTherapy>(), 0..6)),
            opt(any::<bool>()),
            opt(any::<bool>()),
            opt(any::<bool>()),
        ),
        ninth in ninth_inputs(),
    ) -> Case {
        let mut c = Case {
            label,
            notes,
            ..Case::default()
        };
        (c.patient.age_years, c.patient.sex, c.patient.ecog) = patient;
        (
            c.disease.site,
            c.disease.extent,
            c.disease.histology,
            c.disease.diagnosis,
            c.disease.status,
        ) = disease;
        (
            c.staging.basis,
            c.staging.t,
            c.staging.n,
            c.staging.m,
            c.staging.findings,
        ) = staging;
        (c.labs.wbc_10e9_per_l, c.labs.hb_g_per_dl) = labs;
        (
            c.therapy.prior_systemic,
            c.therapy.anticoagulant,
            c.therapy.antiplatelet,
            c.therapy.nsaid,
        ) = therapy;
        (c.disease.diagnosed, c.staging.ninth, c.peritoneal) = ninth;
        c
    }
}

fn saved_with() -> impl Strategy<Value = SavedWith> {
    (text(), text()).prop_map(|(app_version, content)| SavedWith {
        app_version,
        content,
    })
}

/// The T category a finding implies, by hand from the PDQ wording
/// (docs/clinical/staging-ajcc8.md#categories).
fn t_of(f: Finding) -> Option<(u8, TCategory)> {
    use Finding::*;
    match f {
        IpsilateralParietalPleura => Some((1, TCategory::T1)),
        DiaphragmaticMuscle | PulmonaryParenchyma => Some((2, TCategory::T2)),
        EndothoracicFascia | MediastinalFat | ChestWallSolitaryFocus | PericardiumNontransmural => {
            Some((3, TCategory::T3))
        }
        ChestWallDiffuse
        | TransdiaphragmaticPeritoneum
        | ContralateralPleura
        | MediastinalOrgans
        | Spine
        | PericardiumInternalSurface
        | Myocardium => Some((4, TCategory::T4)),
        _ => None,
    }
}

/// The N category a finding implies, by hand from the PDQ wording.
fn n_of(f: Finding) -> Option<(u8, NCategory)> {
    use Finding::*;
    match f {
        NoRegionalNodes => Some((0, NCategory::N0)),
        IpsilateralBronchopulmonaryNodes
        | IpsilateralHilarNodes
        | IpsilateralMediastinalNodes
        | InternalMammaryNodes
        | PeridiaphragmaticNodes
        | PericardialFatPadNodes
        | IntercostalNodes => Some((1, NCategory::N1)),
        ContralateralMediastinalNodes
        | IpsilateralSupraclavicularNodes
        | ContralateralSupraclavicularNodes => Some((2, NCategory::N2)),
        _ => None,
    }
}

proptest! {
    #[test]
    fn settings_by_edition_keep_the_eighth_edition_list_and_label_the_rest(case in arb_case()) {
        // Issue 11: the 9th edition only adds (docs/clinical/option-selection.md, "Settings by
        // edition"); what the 8th edition lists is always listed, and excluded stays excluded.
        let a = assess(&case, tables());
        let eighth = treatment::evaluate(&case, &a.stage, &tables().treatments);
        for o in &eighth.options {
            prop_assert!(a.treatment.options.iter().any(|x| x.option.id == o.option.id), "{}", o.option.id);
        }
        for o in &eighth.excluded {
            prop_assert!(a.treatment.excluded.iter().any(|x| x.option.id == o.option.id), "{}", o.option.id);
        }
        for o in &a.treatment.options {
            if let Some(e) = o.edition {
                prop_assert!(a.treatment.setting_editions.iter().any(|(s, x)| *x == e && o.option.settings.contains(s)));
            }
        }
        if a.treatment.setting_editions.len() == 2 {
            prop_assert_eq!(a.treatment.settings.len(), 2);
            prop_assert!(a.treatment.notes.iter().any(|n| n.contains("The editions lead to different settings")));
        }
        // Any M1 is 9th-edition stage IV for a pleural tumour, whatever else is entered.
        if case.disease.site == Some(Site::Pleural) && a.stage_9th.m.value == Some(MCategory::M1)
            && case.disease.extent.is_some()
        {
            prop_assert_eq!(&a.stage_9th.stage, &Stage9::Assigned { group: mesocds_core::ajcc9::StageGroup9::IV });
        }
        // The peritoneal stage exactly for peritoneal sites.
        prop_assert_eq!(a.peritoneal.is_some(), case.disease.site == Some(Site::Peritoneal));
    }

    #[test]
    fn assess_never_panics_and_results_are_consistent(case in arb_case()) {
        let a = assess(&case, tables());
        // Stage: a group only when assigned; an assigned stage lacks at most its basis.
        match a.stage.status() {
            StageStatus::Assigned => {
                prop_assert!(a.stage.group().is_some());
                prop_assert!(a.stage.possible().is_empty());
                // Only inputs that cannot change the group may be missing: never M or the site.
                prop_assert!(!a.stage.missing.contains(&Input::M));
                prop_assert!(!a.stage.missing.contains(&Input::Site));
                prop_assert_eq!(case.disease.site, Some(Site::Pleural));
                // A solitary (or unknown) extent is staged only when the findings contradict it.
                if case.disease.extent != Some(Extent::Diffuse) {
                    prop_assert!(!a.stage.beyond_solitary.is_empty());
                }
            }
            StageStatus::NotApplicable => {
                prop_assert!(a.stage.group().is_none());
                prop_assert!(
                    case.disease.site.is_some_and(|s| s != Site::Pleural)
                        || case.disease.extent == Some(Extent::Solitary)
                );
            }
            StageStatus::Incomplete | StageStatus::NotAssignable => {
                prop_assert!(a.stage.group().is_none());
            }
        }
        if case.disease.site.is_none_or(|s| s == Site::Pleural) {
            prop_assert_eq!(a.stage.basis.is_none(), a.stage.missing.contains(&Input::Basis));
        } else {
            // No AJCC stage for other sites: no pleural input is asked for.
            prop_assert!(a.stage.missing.is_empty());
        }
        // Issue 10: words, never "?" placeholders, in either edition's categories; the
        // re-staging line only when both editions give a group.
        prop_assert!(!a.stage.tnm_text().contains('?'), "{}", a.stage.tnm_text());
        prop_assert!(!a.stage_9th.tnm_text().contains('?'), "{}", a.stage_9th.tnm_text());
        if a.restaging.is_some() {
            prop_assert!(a.stage.group().is_some() && a.stage_9th.stage.group().is_some());
        }
        // Issue 8: any M1 is stage IV, whatever else is entered, for a pleural tumour.
        if case.disease.site == Some(Site::Pleural) && a.stage.m.value == Some(MCategory::M1) {
            prop_assert_eq!(a.stage.group(), Some(StageGroup::IV), "{:?}", a.stage.notes);
        }
        // Issue 8: no option in the main list has an exclusion rule that holds for the case,
        // and every excluded option says why.
        for o in &a.treatment.options {
            prop_assert!(!treatment::is_excluded(o.option, &case, &a.stage), "{}", o.option.id);
        }
        for x in &a.treatment.excluded {
            prop_assert!(treatment::is_excluded(x.option, &case, &a.stage));
            prop_assert!(!x.reasons.is_empty());
            prop_assert!(!a.treatment.options.iter().any(|o| o.option.id == x.option.id));
        }
        // Issue 8: the localized (solitary) list only with N0 and M0 entered and no T4.
        if a.treatment.settings.contains(&Setting::StageISolitary) {
            prop_assert_eq!(case.disease.extent, Some(Extent::Solitary));
            prop_assert_eq!(a.stage.n.value, Some(NCategory::N0));
            prop_assert_eq!(a.stage.m.value, Some(MCategory::M0));
            prop_assert!(a.stage.t.value != Some(TCategory::T4));
            prop_assert!(!case.staging.findings.iter().any(|f| t_of(*f).is_some_and(|(r, _)| r == 4)));
            prop_assert!(case.staging.t != Some(TCategory::T4));
        }
        // EORTC: a score exactly when nothing is missing, within 0..=2.94.
        prop_assert_eq!(a.eortc.score().is_some(), a.eortc.missing.is_empty());
        prop_assert_eq!(a.eortc.score().is_some(), a.eortc.risk().is_some());
        if let Some(s) = a.eortc.score() {
            prop_assert!(s <= 294);
        }
        // CALGB: a group never comes with missing input.
        if a.calgb.group.is_some() {
            prop_assert!(a.calgb.missing.is_empty());
        }
        // Treatment: options only with a status; each option under a chosen setting, once.
        if !a.treatment.options.is_empty() {
            prop_assert!(case.disease.status.is_some());
        }
        let mut ids = BTreeSet::new();
        for o in &a.treatment.options {
            prop_assert!(a.treatment.settings.contains(&o.setting));
            prop_assert!(ids.insert(o.option.id.as_str()));
        }
        // Never "HR 0.034" in anything shown.
        for note in a.stage.notes.iter().chain(&a.eortc.notes).chain(&a.calgb.notes).chain(&a.treatment.notes) {
            prop_assert!(!note.contains("0.034"));
        }
        for o in &a.treatment.options {
            for c in &o.caveats {
                prop_assert!(!c.text.contains("0.034"));
            }
        }
    }

    #[test]
    fn any_m1_pleural_diffuse_case_with_t_and_n_entered_is_stage_iv(
        case in arb_case(),
        t_pick in vocab::<TCategory>(),
        n_pick in vocab::<NCategory>(),
        use_pick_t in any::<bool>(),
        use_pick_n in any::<bool>(),
        add_m1_finding in any::<bool>(),
    ) {
        let mut case = case;
        case.disease.site = Some(Site::Pleural);
        case.disease.extent = Some(Extent::Diffuse);
        case.staging.m = Some(MCategory::M1);
        // No finding may contradict the picked M1.
        if case.staging.findings.contains(&Finding::NoDistantMetastasis) {
            if add_m1_finding {
                case.staging.findings.insert(Finding::DistantMetastasis);
            } else {
                case.staging.findings.remove(&Finding::NoDistantMetastasis);
            }
        }
        // T and N are entered, by pick or by findings, and never contradict each other.
        let derived_t = case.staging.findings.iter().filter_map(|f| t_of(*f)).max_by_key(|(rank, _)| *rank);
        case.staging.t = match derived_t {
            None => Some(t_pick),
            Some((_, t)) => use_pick_t.then_some(t),
        };
        let derived_n = case.staging.findings.iter().filter_map(|f| n_of(*f)).max_by_key(|(rank, _)| *rank);
        case.staging.n = match derived_n {
            None => Some(n_pick),
            Some((_, n)) => use_pick_n.then_some(n),
        };
        let a = assess(&case, tables());
        prop_assert_eq!(a.stage.status(), StageStatus::Assigned, "{:?}", a.stage.notes);
        prop_assert_eq!(a.stage.group(), Some(StageGroup::IV));
    }

    #[test]
    fn a_solitary_case_gets_the_localized_list_only_with_n0_m0_and_no_t4(case in arb_case()) {
        let mut case = case;
        case.disease.site = Some(Site::Pleural);
        case.disease.extent = Some(Extent::Solitary);
        case.disease.status = Some(DiseaseStatus::New);
        let a = assess(&case, tables());
        let solitary_list = a.treatment.settings.contains(&Setting::StageISolitary);
        let t4 = case.staging.t == Some(TCategory::T4)
            || case.staging.findings.iter().any(|f| t_of(*f).is_some_and(|(r, _)| r == 4));
        let eligible = a.stage.n.value == Some(NCategory::N0)
            && a.stage.m.value == Some(MCategory::M0)
            && !t4;
        prop_assert_eq!(solitary_list, eligible, "{:?}", a.treatment.notes);
        // Spread beyond a solitary tumour: staged by the grid, and any M1 is stage IV.
        if case.staging.m == Some(MCategory::M1) && a.stage.m.value == Some(MCategory::M1) {
            prop_assert_eq!(a.stage.group(), Some(StageGroup::IV));
        }
    }

    #[test]
    fn save_then_load_is_the_identity(case in arb_case(), saved in saved_with()) {
        let text = case_file::to_ron(&case, &saved).expect("serialize");
        let loaded = case_file::from_ron(&text).expect("a saved case loads");
        prop_assert_eq!(&loaded.case, &case);
        prop_assert_eq!(&loaded.saved_with, &saved);
        prop_assert_eq!(loaded.migrated_from, None);
        // And the text is stable: saving the loaded case gives the same text.
        prop_assert_eq!(case_file::to_ron(&loaded.case, &loaded.saved_with).expect("serialize"), text);
    }

    #[test]
    fn from_ron_never_panics_on_arbitrary_text(s in any::<String>()) {
        let _ = case_file::from_ron(&s);
    }

    #[test]
    fn from_ron_never_panics_on_ron_like_text(
        body in "[A-Za-z0-9_ (),:\\[\\]{}\"'\\\\/*.\n#-]{0,300}",
    ) {
        let _ = case_file::from_ron(&body);
        let _ = case_file::from_ron(&format!("MesoCdsCase({body}"));
        let _ = case_file::from_ron(&format!("MesoCdsCase(format: 1, {body}"));
        let _ = case_file::from_ron(&format!("MesoCdsCase(format: 1, saved_with: (app_version: \"\", content: \"\"), case: ({body}"));
    }

    #[test]
    fn from_ron_never_panics_on_mutated_case_files(
        case in arb_case(),
        cut in any::<proptest::sample::Index>(),
        flips in proptest::collection::vec((any::<proptest::sample::Index>(), any::<u8>()), 0..8),
        truncate in any::<bool>(),
    ) {
        let text = case_file::to_ron(&case, &SavedWith::default()).expect("serialize");
        let mut bytes = text.into_bytes();
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        if truncate {
            let n = cut.index(bytes.len());
            bytes.truncate(n);
        }
        let mutated = String::from_utf8_lossy(&bytes);
        if let Ok(loaded) = case_file::from_ron(&mutated) {
            // Whatever loads is a valid case: it serializes and loads back to itself.
            let again = case_file::to_ron(&loaded.case, &loaded.saved_with).expect("serialize");
            prop_assert_eq!(case_file::from_ron(&again).expect("reload").case, loaded.case);
        }
    }
}
