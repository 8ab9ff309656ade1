//! Every code the FHIR export writes, in one place, each with its source.
//!
//! Source: `docs/clinical/export-codes.md` (HL7 fhir-mCODE-ig STU4 `VS_Staging_TNM.fsh`,
//! `SD_Staging_TNM.fsh`; Health NZ value set). Displays are the wording of that document. No other code may be exported: a value without a
//! code here is exported as text with no coding (docs/clinical/export-codes.md#rules).

use mesocds_core::vocab::{MCategory, NCategory, Site, StageGroup, TCategory};

/// SNOMED CT.
pub const SNOMED: &str = "http://snomed.info/sct";
/// LOINC.
pub const LOINC: &str = "http://loinc.org";
/// ICD-10-CM.
pub const ICD10CM: &str = "http://hl7.org/fhir/sid/icd-10-cm";
/// The FHIR data-absent-reason code system (HL7 terminology, `DataAbsentReason`).
pub const DATA_ABSENT: &str = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
/// The FHIR observation-category code system.
pub const OBSERVATION_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";

/// A code with its system and display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code {
    /// The code system URI.
    pub system: &'static str,
    /// The code.
    pub code: &'static str,
    /// The display text.
    pub display: &'static str,
}

const fn snomed(code: &'static str, display: &'static str) -> Code {
    Code {
        system: SNOMED,
        code,
        display,
    }
}

const fn loinc(code: &'static str, display: &'static str) -> Code {
    Code {
        system: LOINC,
        code,
        display,
    }
}

/// Condition code by site (docs/clinical/export-codes.md#condition). Tunica vaginalis has none.
pub fn condition(site: Site) -> Option<Code> {
    let (code, display) = match site {
        Site::Pleural => ("C45.0", "Mesothelioma of pleura"),
        Site::Peritoneal => ("C45.1", "Mesothelioma of peritoneum"),
        Site::Pericardial => ("C45.2", "Mesothelioma of pericardium"),
        Site::TunicaVaginalis => return None,
    };
    Some(Code {
        system: ICD10CM,
        code,
        display,
    })
}

/// Observation.code, clinical stage group (docs/clinical/export-codes.md#observation-codes).
pub const CLINICAL_STAGE_GROUP: Code = snomed("399537006", "Clinical stage group");
/// Observation.code, pathological stage group.
pub const PATHOLOGICAL_STAGE_GROUP: Code = snomed("399588009", "Pathological stage group");
/// Observation.code, cT.
pub const CLINICAL_T: Code = snomed("399504009", "cT");
/// Observation.code, pT.
pub const PATHOLOGICAL_T: Code = snomed("384625004", "pT");
/// Observation.code, cN.
pub const CLINICAL_N: Code = snomed("399534004", "cN");
/// Observation.code, pN.
pub const PATHOLOGICAL_N: Code = snomed("371494008", "pN");
/// Observation.code, cM.
pub const CLINICAL_M: Code = snomed("399387003", "cM");
/// Observation.code, pM.
pub const PATHOLOGICAL_M: Code = snomed("371497001", "pM");
/// Observation.code, ECOG performance status.
pub const ECOG: Code = loinc("89247-1", "ECOG");
/// Observation.code, disease status.
pub const DISEASE_STATUS: Code = loinc("97509-4", "Disease status");

/// Observation.method, AJCC 8th edition (docs/clinical/export-codes.md#methods).
pub const AJCC_8TH: Code = snomed("897275008", "AJCC 8th edition");
/// Observation.method, AJCC 9th version.
pub const AJCC_9TH: Code = snomed("1269566009", "AJCC 9th version");

/// 8th-edition pleural stage-group value (docs/clinical/export-codes.md#stage-values) \[1S\].
pub fn stage_group(group: StageGroup) -> Code {
    match group {
        StageGroup::IA => snomed("1222724007", "IA"),
        StageGroup::IB => snomed("1222728005", "IB"),
        StageGroup::II => snomed("1222765007", "II"),
        StageGroup::IIIA => snomed("1222802001", "IIIA"),
        StageGroup::IIIB => snomed("1222805004", "IIIB"),
        StageGroup::IV => snomed("1222837003", "IV"),
    }
}

/// Clinical T value (cT3 \[2S\], others \[1S\]).
pub fn clinical_t(t: TCategory) -> Code {
    match t {
        TCategory::TX => snomed("1222604002", "cTX"),
        TCategory::T0 => snomed("1228882005", "cT0"),
        TCategory::T1 => snomed("1228889001", "cT1"),
        TCategory::T2 => snomed("1228929004", "cT2"),
        TCategory::T3 => snomed("1228938002", "cT3"),
        TCategory::T4 => snomed("1228944003", "cT4"),
    }
}

/// Clinical N value (cN0 \[2S\], others \[1S\]).
pub fn clinical_n(n: NCategory) -> Code {
    match n {
        NCategory::NX => snomed("1229966003", "cNX"),
        NCategory::N0 => snomed("1229967007", "cN0"),
        NCategory::N1 => snomed("1229973008", "cN1"),
        NCategory::N2 => snomed("1229978004", "cN2"),
    }
}

/// Clinical M value (cM0 \[2S\], cM1 \[1S\]).
pub fn clinical_m(m: MCategory) -> Code {
    match m {
        MCategory::M0 => snomed("1229901006", "cM0"),
        MCategory::M1 => snomed("1229903009", "cM1"),
    }
}

/// Pathological T value: only pT3 has a code \[2S\].
pub fn pathological_t(t: TCategory) -> Option<Code> {
    (t == TCategory::T3).then_some(snomed("1229859000", "pT3"))
}

/// Pathological N value: only pN0 has a code \[2S\].
pub fn pathological_n(n: NCategory) -> Option<Code> {
    (n == NCategory::N0).then_some(snomed("1229947003", "pN0"))
}
