//! The case: everything the clinician entered, and nothing derived.
//!
//! `None` always means "not entered", never a clinical default: there is no field that silently
//! becomes `M0`, `false` or a normal lab value. Measurements are validated newtypes, so a `Case`
//! can never hold a WBC of 8300 in the ×10⁹/L field or an age of 300.

use std::collections::BTreeSet;

use crate::ajcc9::{Date, Fmax, NinthFinding, Psum};
pub use crate::course::{BoardEntry, Course, CourseEvent};
pub use crate::measure::{AgeYears, Hemoglobin, RangeError, Wbc};
use crate::peritoneal::{CcScore, PciEntry};
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
    /// Peritoneal inputs: the PCI and the completeness of cytoreduction (case-file format 2).
    /// Written only when something is entered, so a case without them serializes (and seals)
    /// exactly as in format 1.
    #[serde(default, skip_serializing_if = "PeritonealInputs::is_empty")]
    pub peritoneal: PeritonealInputs,
    /// The dated disease course (case-file format 2, optional; not written when empty).
    /// Where it gives a status or prior therapy, it wins ([`crate::course::effective_case`]).
    #[serde(default, skip_serializing_if = "Course::is_empty")]
    pub course: Course,
    /// Tumor-board entries (case-file format 2, optional; not written when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub board: Vec<BoardEntry>,
}

/// Peritoneal inputs (case-file format 2).
///
/// The peritoneal N and M are the case's N and M ([`StagingInput::n`], [`StagingInput::m`]),
/// read as the proposed peritoneal N0/N1 and M0/M1 when the site is peritoneal
/// (`docs/clinical/peritoneal-staging.md`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeritonealInputs {
    /// The Peritoneal Cancer Index, by region (0–12, lesion size 0–3 each) or as a total (0–39).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pci: Option<PciEntry>,
    /// Completeness of cytoreduction, recorded after surgery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cc: Option<CcScore>,
}

impl PeritonealInputs {
    /// Nothing entered.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
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
    /// Date of diagnosis (case-file format 2): decides which staging edition applies
    /// (`docs/clinical/staging-ajcc9.md` §1). Written only when entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diagnosed: Option<Date>,
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
    /// The 9th-edition inputs (case-file format 2). Written only when something is entered.
    #[serde(default, skip_serializing_if = "NinthInputs::is_empty")]
    pub ninth: NinthInputs,
}

/// The inputs only the 9th edition reads (`docs/clinical/staging-ajcc9.md` §2–3, §9).
///
/// The cT2 features "mediastinal fat" and "solitary chest-wall focus" are the 8th-edition
/// findings in [`StagingInput::findings`]; fissure involvement is Fmax > 5 mm.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NinthInputs {
    /// A 9th-edition T picked directly (e.g. cTX, cT0). Separate from the 8th-edition pick
    /// [`StagingInput::t`]: an 8th-edition cT is found from anatomy, a 9th-edition cT from CT
    /// measurements, so the 8th-edition pick is never used for a clinical 9th-edition stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub t: Option<TCategory>,
    /// Psum, from three levels or entered as a sum, mm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub psum: Option<Psum>,
    /// Fmax, mm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fmax: Option<Fmax>,
    /// The 9th-edition cT4 items that no 8th-edition finding names.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub findings: BTreeSet<NinthFinding>,
}

impl NinthInputs {
    /// Nothing entered.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
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
