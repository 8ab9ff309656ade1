//! The case: everything the clinician entered, and nothing derived.
//!
//! `None` always means "not entered", never a clinical default: there is no field that silently
//! becomes `M0`, `false` or a normal lab value. Measurements are validated newtypes, so a `Case`
//! can never hold a WBC of 8300 in the ×10⁹/L field or an age of 300.

use std::collections::BTreeSet;

pub use crate::measure::{AgeYears, Hemoglobin, RangeError, Wbc};
use crate::vocab::{
    DiagnosisCertainty, DiseaseStatus, Ecog, Extent, Finding, Histology, MCategory, NCategory,
    PriorTherapy, Sex, Site, StagingBasis, TCategory,
};

/// One case: the only thing a case file stores. Results are recomputed by [`crate::assess`].
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Pseudonymous case label (not a patient identifier).
    #[serde(default)]
    pub label: String,
    /// Age, sex and performance status.
    #[serde(default)]
    pub patient: Patient,
    /// Site, extent, histology, diagnostic certainty and disease status.
    #[serde(default)]
    pub disease: Disease,
    /// TNM categories picked directly, and the findings ticked.
    #[serde(default)]
    pub staging: StagingInput,
    /// Laboratory values with their units.
    #[serde(default)]
    pub labs: Labs,
    /// Prior systemic therapy and co-medication.
    #[serde(default)]
    pub therapy: Therapy,
    /// Free-text notes.
    #[serde(default)]
    pub notes: String,
}

/// Age, sex and performance status.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patient {
    /// Age in whole years.
    #[serde(default)]
    pub age_years: Option<AgeYears>,
    /// Sex.
    #[serde(default)]
    pub sex: Option<Sex>,
    /// ECOG performance status.
    #[serde(default)]
    pub ecog: Option<Ecog>,
}

/// The disease: where, how extensive, what histology, and its status.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disease {
    /// Primary site.
    #[serde(default)]
    pub site: Option<Site>,
    /// Diffuse or solitary (localized).
    #[serde(default)]
    pub extent: Option<Extent>,
    /// Histologic subtype.
    #[serde(default)]
    pub histology: Option<Histology>,
    /// Certainty of the histologic diagnosis.
    #[serde(default)]
    pub diagnosis: Option<DiagnosisCertainty>,
    /// Newly diagnosed, in remission, or recurrent.
    #[serde(default)]
    pub status: Option<DiseaseStatus>,
}

/// Staging input as entered: the basis, the directly picked categories and the ticked findings.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StagingInput {
    /// Clinical, pathological or post-neoadjuvant.
    #[serde(default)]
    pub basis: Option<StagingBasis>,
    /// T picked directly.
    #[serde(default)]
    pub t: Option<TCategory>,
    /// N picked directly.
    #[serde(default)]
    pub n: Option<NCategory>,
    /// M picked directly.
    #[serde(default)]
    pub m: Option<MCategory>,
    /// Anatomical findings ticked (each implies a category; see the findings table).
    #[serde(default)]
    pub findings: BTreeSet<Finding>,
}

/// Laboratory values, each in the unit its field name gives.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labs {
    /// White blood cell count, ×10⁹/L.
    #[serde(default)]
    pub wbc_10e9_per_l: Option<Wbc>,
    /// Hemoglobin, g/dL.
    #[serde(default)]
    pub hb_g_per_dl: Option<Hemoglobin>,
}

/// Prior systemic therapy and co-medication that treatment caveats check.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Therapy {
    /// Previous systemic therapies. `None`: not entered; `Some` of an empty set: none given.
    #[serde(default)]
    pub prior_systemic: Option<BTreeSet<PriorTherapy>>,
    /// Takes an anticoagulant. `None`: not entered.
    #[serde(default)]
    pub anticoagulant: Option<bool>,
    /// Takes an antiplatelet agent. `None`: not entered.
    #[serde(default)]
    pub antiplatelet: Option<bool>,
    /// Takes a nonsteroidal anti-inflammatory drug. `None`: not entered.
    #[serde(default)]
    pub nsaid: Option<bool>,
}
