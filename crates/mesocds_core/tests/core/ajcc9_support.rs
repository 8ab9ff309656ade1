//! Helpers shared by the 9th-edition test files.

use mesocds_core::ClinicalTables;
use mesocds_core::ajcc9::{Ajcc9Input, Millimetres, Stage9Result, StageTable9, stage9};
use mesocds_core::staging::StageResult;
use mesocds_core::vocab::{Extent, MCategory, NCategory, Site, StagingBasis, TCategory};

/// The exact caveat of docs/clinical/staging-ajcc9.md.
pub const CAVEAT: &str = "9th-edition stage groups as published in NHS England's TNM 9 staging guidance (UICC TNM 9); not yet cross-checked against the AJCC Version 9 table";

pub fn table9() -> &'static StageTable9 {
    StageTable9::embedded().expect("embedded 9th-edition grid loads")
}

pub fn run(input: &Ajcc9Input) -> Stage9Result {
    let t8 = ClinicalTables::embedded().expect("8th-edition tables load");
    stage9(input, &t8.findings, &t8.stage, table9())
}

/// A diffuse pleural case with T, N and M picked directly (pathological basis: no measurement
/// rule, so the picked T is the T).
pub fn picked(t: TCategory, n: NCategory, m: MCategory) -> Ajcc9Input {
    Ajcc9Input {
        site: Some(Site::Pleural),
        extent: Some(Extent::Diffuse),
        basis: Some(StagingBasis::Pathological),
        t: Some(t),
        n: Some(n),
        m: Some(m),
        ..Ajcc9Input::default()
    }
}

pub fn mm(v: u16) -> Millimetres {
    Millimetres::from_mm(v, "test").unwrap()
}

pub fn eighth(input: &Ajcc9Input) -> StageResult {
    let t8 = ClinicalTables::embedded().unwrap();
    mesocds_core::staging::stage(&input.eighth_edition_case(), &t8.stage, &t8.findings)
}
