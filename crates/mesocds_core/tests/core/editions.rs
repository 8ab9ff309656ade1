//! Issue 11 wired into `assess`: which edition applies, the 9th-edition stage of a case, the
//! treatment settings by edition, the peritoneal stage, and case-file format 2 with the
//! migration of format 1.
//!
//! Sources: `docs/clinical/option-selection.md` ("Settings by edition"),
//! `docs/clinical/staging-ajcc9.md` §1, §7, §9, `docs/clinical/peritoneal-staging.md` §5.

use std::path::Path;

use mesocds_core::ajcc9::{Edition, Fmax, NinthFinding, Psum, StageGroup9};
use mesocds_core::case_file::{self, CaseFileErrorKind, FORMAT, SavedWith, SealStatus};
use mesocds_core::peritoneal::{CcScore, Pci, PciEntry, PeritonealStage, RegionScores};
use mesocds_core::staging::StageStatus;
use mesocds_core::treatment::Setting;
use mesocds_core::vocab::{
    DiseaseStatus, Extent, Finding, MCategory, NCategory, Site, StageGroup, StagingBasis, TCategory,
};
use mesocds_core::{Assessment, Case, assess};

use crate::fixtures::tables;

fn run(case: &Case) -> Assessment<'static> {
    assess(case, tables())
}

/// A newly diagnosed diffuse pleural case, clinical basis, with the 8th-edition T, N, M picked.
fn pleural(t: TCategory, n: NCategory, m: MCategory) -> Case {
    let mut c = Case::default();
    c.disease.site = Some(Site::Pleural);
    c.disease.extent = Some(Extent::Diffuse);
    c.disease.status = Some(DiseaseStatus::New);
    c.staging.basis = Some(StagingBasis::Clinical);
    c.staging.t = Some(t);
    c.staging.n = Some(n);
    c.staging.m = Some(m);
    c
}

fn psum(mm: &str) -> Psum {
    mm.parse().unwrap()
}

fn fmax(mm: &str) -> Fmax {
    mm.parse().unwrap()
}

#[test]
fn the_date_decides_which_edition_applies() {
    let mut c = pleural(TCategory::T2, NCategory::N0, MCategory::M0);
    let a = run(&c);
    assert_eq!(a.edition.edition(), None);
    assert_eq!(a.edition.applies(Edition::Ajcc8), None);
    c.disease.diagnosed = Some("2024-12-31".parse().unwrap());
    assert_eq!(run(&c).edition.edition(), Some(Edition::Ajcc8));
    c.disease.diagnosed = Some("2025-01-01".parse().unwrap());
    let a = run(&c);
    assert_eq!(a.edition.applies(Edition::Ajcc9), Some(true));
    assert_eq!(a.edition.applies(Edition::Ajcc8), Some(false));
}

#[test]
fn the_clinical_ninth_edition_t_never_reuses_the_eighth_edition_pick() {
    // 8th cT3 picked (anatomy); no Psum: the 9th-edition clinical T is undecided, not T3.
    let c = pleural(TCategory::T3, NCategory::N0, MCategory::M0);
    let a = run(&c);
    assert_eq!(a.stage.group(), Some(StageGroup::IB));
    assert_eq!(a.stage_9th.t.picked, None);
    assert_eq!(a.stage_9th.stage.status(), StageStatus::Incomplete);
    // A pathological basis uses the 8th-edition pick (pT descriptors are the 8th's).
    let mut p = c.clone();
    p.staging.basis = Some(StagingBasis::Pathological);
    let a = run(&p);
    assert_eq!(a.stage_9th.stage.group(), Some(StageGroup9::IIIA));
    // A 9th-edition pick wins over it.
    p.staging.ninth.t = Some(TCategory::T2);
    assert_eq!(run(&p).stage_9th.t.picked, Some(TCategory::T2));
}

#[test]
fn editions_leading_to_different_settings_list_both_labelled() {
    // Decisions page: "T2-T3 N0: 8th IB → localized; 9th II or IIIA → advanced".
    let mut c = pleural(TCategory::T3, NCategory::N0, MCategory::M0);
    c.staging.ninth.psum = Some(psum("31"));
    let a = run(&c);
    assert_eq!(a.stage.group(), Some(StageGroup::IB));
    assert_eq!(a.stage_9th.stage.group(), Some(StageGroup9::IIIA));
    let t = &a.treatment;
    // Date not entered: the 8th edition's setting first.
    assert_eq!(t.settings, vec![Setting::StageIDiffuse, Setting::Advanced]);
    assert_eq!(
        t.setting_editions,
        vec![
            (Setting::StageIDiffuse, Edition::Ajcc8),
            (Setting::Advanced, Edition::Ajcc9)
        ]
    );
    assert!(
        t.notes
            .iter()
            .any(|n| n.contains("The editions lead to different settings")
                && n.contains("which edition applies is unknown")),
        "{:?}",
        t.notes
    );
    // Every option carries the edition that leads to it.
    for o in &t.options {
        let in8 = o.option.settings.contains(&Setting::StageIDiffuse);
        let in9 = o.option.settings.contains(&Setting::Advanced);
        let want = match (in8, in9) {
            (true, false) => Some(Edition::Ajcc8),
            (false, true) => Some(Edition::Ajcc9),
            _ => None,
        };
        assert_eq!(o.edition, want, "{}", o.option.id);
    }
    assert!(t.options.iter().any(|o| o.edition == Some(Edition::Ajcc8)));
    assert!(t.options.iter().any(|o| o.edition == Some(Edition::Ajcc9)));
    for x in &t.excluded {
        assert!(
            x.edition.is_some() || x.option.settings.len() > 1,
            "{}",
            x.option.id
        );
    }
    // Diagnosed in 2025: the 9th edition's setting first.
    c.disease.diagnosed = Some("2025-03-14".parse().unwrap());
    let a = run(&c);
    assert_eq!(
        a.treatment.settings,
        vec![Setting::Advanced, Setting::StageIDiffuse]
    );
    // The same options either way: only the order changes.
    let ids = |a: &Assessment<'_>| {
        let mut v: Vec<String> = a
            .treatment
            .options
            .iter()
            .map(|o| o.option.id.clone())
            .collect();
        v.sort();
        v
    };
    c.disease.diagnosed = Some("2019-06-01".parse().unwrap());
    let b = run(&c);
    assert_eq!(ids(&a), ids(&b));
    assert_eq!(
        b.treatment.settings,
        vec![Setting::StageIDiffuse, Setting::Advanced]
    );
}

#[test]
fn editions_agreeing_label_nothing() {
    // 8th T1 N0 IA; 9th Psum 10, Fmax 3 → cT1, I: both stage I.
    let mut c = pleural(TCategory::T1, NCategory::N0, MCategory::M0);
    c.staging.ninth.psum = Some(psum("10"));
    c.staging.ninth.fmax = Some(fmax("3"));
    let a = run(&c);
    assert_eq!(a.stage_9th.stage.group(), Some(StageGroup9::I));
    assert_eq!(a.treatment.settings, vec![Setting::StageIDiffuse]);
    assert!(a.treatment.setting_editions.is_empty());
    assert!(a.treatment.options.iter().all(|o| o.edition.is_none()));
}

#[test]
fn only_the_ninth_edition_known_decides_with_a_note() {
    // 8th T not entered (no 8th T pick, no T finding): incomplete. 9th cT1 N0 M0 → I.
    let mut c = pleural(TCategory::T1, NCategory::N0, MCategory::M0);
    c.staging.t = None;
    c.staging.ninth.psum = Some(psum("12"));
    c.staging.ninth.fmax = Some(fmax("5"));
    let a = run(&c);
    assert_eq!(a.stage.status(), StageStatus::Incomplete);
    assert_eq!(a.stage_9th.stage.group(), Some(StageGroup9::I));
    assert_eq!(a.treatment.settings, vec![Setting::StageIDiffuse]);
    assert_eq!(
        a.treatment.setting_editions,
        vec![(Setting::StageIDiffuse, Edition::Ajcc9)]
    );
    assert!(
        a.treatment
            .notes
            .iter()
            .any(|n| n.contains("gives no stage group here; the 9th edition")),
        "{:?}",
        a.treatment.notes
    );
    assert!(
        !a.treatment
            .notes
            .iter()
            .any(|n| n.contains("No stage group assigned")),
        "the 8th edition's 'nothing listed' note is gone"
    );
    // 9th II-IV → the advanced list.
    c.staging.ninth.psum = Some(psum("12.1"));
    let a = run(&c);
    assert_eq!(a.stage_9th.stage.group(), Some(StageGroup9::II));
    assert_eq!(a.treatment.settings, vec![Setting::Advanced]);
}

#[test]
fn any_m1_is_stage_iv_in_the_ninth_edition_whatever_is_missing() {
    let mut c = Case::default();
    c.disease.site = Some(Site::Pleural);
    c.disease.extent = Some(Extent::Diffuse);
    c.staging.basis = Some(StagingBasis::Clinical);
    c.staging.m = Some(MCategory::M1);
    let a = run(&c);
    assert_eq!(a.stage.group(), Some(StageGroup::IV));
    assert_eq!(a.stage_9th.stage.group(), Some(StageGroup9::IV));
    let codes: Vec<&str> = a
        .stage_9th
        .missing
        .iter()
        .map(|i| mesocds_core::vocab::Vocab::code(*i))
        .collect();
    assert!(codes.contains(&"n") && codes.contains(&"psum"), "{codes:?}");
}

#[test]
fn a_solitary_tumour_with_spread_is_staged_as_diffuse_in_the_ninth_edition() {
    let mut c = pleural(TCategory::T1, NCategory::N2, MCategory::M0);
    c.disease.extent = Some(Extent::Solitary);
    c.staging.ninth.psum = Some(psum("8"));
    c.staging.ninth.fmax = Some(fmax("2"));
    let a = run(&c);
    assert_eq!(a.stage_9th.stage.group(), Some(StageGroup9::IIIA));
    assert!(
        a.stage_9th
            .notes
            .iter()
            .any(|n| n.contains("contradicts the findings"))
    );
    // Without spread: not staged.
    c.staging.n = Some(NCategory::N0);
    assert_eq!(run(&c).stage_9th.stage.status(), StageStatus::NotApplicable);
}

#[test]
fn restaging_line_only_when_both_editions_stage() {
    let mut c = pleural(TCategory::T3, NCategory::N0, MCategory::M0);
    c.staging.basis = Some(StagingBasis::Pathological);
    assert_eq!(
        run(&c).restaging.as_deref(),
        Some("pT3 N0 M0: 8th IB -> 9th IIIA")
    );
    c.disease.site = Some(Site::Peritoneal);
    assert_eq!(run(&c).restaging, None);
}

#[test]
fn peritoneal_stage_only_for_peritoneal_sites() {
    let mut c = Case::default();
    c.disease.site = Some(Site::Peritoneal);
    c.staging.n = Some(NCategory::N0);
    c.staging.m = Some(MCategory::M0);
    c.peritoneal.pci = Some(PciEntry::Total(Pci::new(12).unwrap()));
    c.peritoneal.cc = Some(CcScore::Cc1);
    let a = run(&c);
    let p = a.peritoneal.as_ref().expect("peritoneal stage");
    assert_eq!(p.stage(), Some(PeritonealStage::II));
    assert_eq!(p.five_year_survival_percent(), Some(53));
    assert!(p.notes.iter().any(|n| n.contains("CC-1")));
    assert_eq!(a.stage_9th.stage.status(), StageStatus::NotApplicable);
    // N2 has no proposed category: not used, and said.
    c.staging.n = Some(NCategory::N2);
    let p = run(&c).peritoneal.unwrap();
    assert_eq!(p.n, None);
    assert!(p.notes.iter().any(|n| n.contains("N0 and N1 only")));
    c.disease.site = Some(Site::Pleural);
    assert!(run(&c).peritoneal.is_none());
}

// ------------------------------------------------------------------ case-file format 2

fn saved() -> SavedWith {
    SavedWith {
        app_version: "test".to_owned(),
        content: "test".to_owned(),
    }
}

fn format2_case() -> Case {
    let mut c = pleural(TCategory::T3, NCategory::N0, MCategory::M0);
    c.disease.diagnosed = Some("2025-02-03".parse().unwrap());
    c.staging.ninth.psum = Some(Psum::parse_levels("4,3.5,5").unwrap());
    c.staging.ninth.fmax = Some(fmax("6"));
    c.staging.ninth.t = Some(TCategory::T2);
    c.staging.ninth.findings = [NinthFinding::ChestWallWithRib].into();
    c.staging.findings = [Finding::MediastinalFat].into();
    let mut regions = RegionScores::default();
    regions.set(
        mesocds_core::peritoneal::PciRegion::ALL[9],
        Some(mesocds_core::peritoneal::LesionSize::new(2).unwrap()),
    );
    c.peritoneal.pci = Some(PciEntry::Regions(regions));
    c.peritoneal.cc = Some(CcScore::Cc0);
    c
}

#[test]
fn format_2_round_trips_every_new_field_with_a_valid_seal() {
    assert_eq!(FORMAT, 2);
    let c = format2_case();
    let text = case_file::to_ron(&c, &saved()).unwrap();
    assert!(text.contains("format: 2,"));
    for field in [
        "diagnosed: Some(\"2025-02-03\")",
        "ninth:",
        "psum:",
        "fmax:",
        "peritoneal:",
        "cc:",
    ] {
        assert!(text.contains(field), "{field} in\n{text}");
    }
    let loaded = case_file::from_ron(&text).unwrap();
    assert_eq!(loaded.case, c);
    assert_eq!(loaded.seal, SealStatus::Valid);
    assert_eq!(loaded.migrated_from, None);
}

#[test]
fn a_case_without_the_new_fields_is_written_as_format_1_wrote_it() {
    // So the seal of a format-1 file still matches after migration.
    let text = case_file::to_ron(
        &pleural(TCategory::T2, NCategory::N1, MCategory::M0),
        &saved(),
    )
    .unwrap();
    for field in ["diagnosed", "ninth", "peritoneal"] {
        assert!(!text.contains(field), "{field} in\n{text}");
    }
}

const FORMAT1_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/format1");

#[test]
fn format_1_files_load_migrated_with_their_seal() {
    let mut seen = 0;
    for entry in std::fs::read_dir(FORMAT1_DIR).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("ron") {
            continue;
        }
        seen += 1;
        let loaded = case_file::load(&path).unwrap();
        assert_eq!(loaded.migrated_from, Some(1), "{}", path.display());
        assert_eq!(loaded.case.disease.diagnosed, None);
        assert!(loaded.case.staging.ninth.is_empty());
        assert!(loaded.case.peritoneal.is_empty());
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let want = if name.starts_with("main-") {
            SealStatus::Valid
        } else {
            SealStatus::Missing
        };
        assert_eq!(loaded.seal, want, "{name}");
        // Saving writes format 2, and it loads again as the same case.
        let again =
            case_file::from_ron(&case_file::to_ron(&loaded.case, &saved()).unwrap()).unwrap();
        assert_eq!(again.case, loaded.case);
        assert_eq!(again.migrated_from, None);
    }
    assert!(seen >= 4, "the format-1 fixtures are there");
    assert!(
        Path::new(FORMAT1_DIR)
            .join("f70d2a6-example-pleural-stage-iiia.ron")
            .exists()
    );
}

#[test]
fn a_format_1_file_holding_a_format_2_field_is_refused() {
    let text = case_file::to_ron(&format2_case(), &saved())
        .unwrap()
        .replacen("format: 2,", "format: 1,", 1);
    let err = case_file::from_ron(&text).unwrap_err();
    assert_eq!(
        err.kind,
        CaseFileErrorKind::FieldOfNewerFormat {
            field: "disease.diagnosed",
            format: 1
        }
    );
    assert!(err.to_string().contains("format 2"), "{err}");
}
