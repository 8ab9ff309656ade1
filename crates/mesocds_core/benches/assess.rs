//! Benchmarks: `assess` of one full case, and loading the embedded clinical tables.
//!
//! Run with `cargo bench -p mesocds_core`. Targets (issue #2): assess well under 1 ms; loading the
//! tables under 10 ms.

use std::collections::BTreeSet;

use mesocds_core::case::{AgeYears, Hemoglobin, Wbc};
use mesocds_core::tables::{FINDINGS_TABLE_RON, STAGE_TABLE_RON, TREATMENTS_RON};
use mesocds_core::vocab::{
    DiagnosisCertainty, DiseaseStatus, Ecog, Extent, Finding, Histology, Sex, Site, StagingBasis,
};
use mesocds_core::{Case, ClinicalTables, assess, case_file};

fn main() {
    divan::main();
}

fn full_case() -> Case {
    let mut c = Case {
        label: "BENCH-1".to_owned(),
        ..Case::default()
    };
    c.patient.age_years = AgeYears::new(67).ok();
    c.patient.sex = Some(Sex::Male);
    c.patient.ecog = Ecog::from_grade(1);
    c.disease.site = Some(Site::Pleural);
    c.disease.extent = Some(Extent::Diffuse);
    c.disease.histology = Some(Histology::Biphasic);
    c.disease.diagnosis = Some(DiagnosisCertainty::Definite);
    c.disease.status = Some(DiseaseStatus::LocalRecurrence);
    c.staging.basis = Some(StagingBasis::Clinical);
    c.staging.findings = BTreeSet::from([
        Finding::AllIpsilateralSurfaces,
        Finding::EndothoracicFascia,
        Finding::IpsilateralHilarNodes,
        Finding::NoDistantMetastasis,
    ]);
    c.labs.wbc_10e9_per_l = Wbc::new(9.4).ok();
    c.labs.hb_g_per_dl = Hemoglobin::new(12.9).ok();
    c.therapy.prior_systemic = Some(BTreeSet::from([
        mesocds_core::vocab::PriorTherapy::PlatinumPemetrexed,
    ]));
    c.therapy.anticoagulant = Some(false);
    c
}

#[divan::bench]
fn assess_full_case(bencher: divan::Bencher<'_, '_>) {
    let Ok(tables) = ClinicalTables::embedded() else {
        return;
    };
    let case = full_case();
    bencher.bench(|| {
        assess(divan::black_box(&case), tables)
            .treatment
            .options
            .len()
    });
}

#[divan::bench]
fn load_embedded_tables() -> bool {
    ClinicalTables::from_ron(
        divan::black_box(STAGE_TABLE_RON),
        FINDINGS_TABLE_RON,
        TREATMENTS_RON,
    )
    .is_ok()
}

#[divan::bench]
fn case_file_round_trip(bencher: divan::Bencher<'_, '_>) {
    let case = full_case();
    let saved = case_file::SavedWith::default();
    bencher.bench(|| {
        case_file::to_ron(divan::black_box(&case), &saved)
            .ok()
            .and_then(|t| case_file::from_ron(&t).ok())
            .is_some()
    });
}
