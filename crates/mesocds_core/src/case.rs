//! The case: everything the clinician entered, and nothing derived.
//!
//! `None` always means "not entered", never a clinical default: there is no field that silently
//! becomes `M0`, `false` or a normal lab value. Measurements are validated newtypes, so a `Case`
//! can never hold a WBC of 8300 in the ×10⁹/L field or an age of 300.

use std::collections::BTreeSet;
use std::fmt;

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

/// A value outside the range a measurement accepts.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct RangeError(String);

impl RangeError {
    /// The message: what was given and what is accepted.
    pub fn message(&self) -> &str {
        &self.0
    }
}

/// Age in whole years, 0 to 120.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "u16", into = "u16")]
pub struct AgeYears(u16);

impl AgeYears {
    /// The largest accepted age.
    pub const MAX: u16 = 120;

    /// An age, if within 0–120 years.
    ///
    /// # Errors
    /// [`RangeError`] naming the accepted range.
    pub fn new(years: u16) -> Result<Self, RangeError> {
        if years <= Self::MAX {
            Ok(Self(years))
        } else {
            Err(RangeError(format!(
                "age {years} years is out of range: accepted 0 to {} years",
                Self::MAX
            )))
        }
    }

    /// Whole years.
    pub fn get(self) -> u16 {
        self.0
    }
}

impl TryFrom<u16> for AgeYears {
    type Error = RangeError;
    fn try_from(v: u16) -> Result<Self, RangeError> {
        Self::new(v)
    }
}

impl From<AgeYears> for u16 {
    fn from(v: AgeYears) -> Self {
        v.0
    }
}

impl fmt::Display for AgeYears {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} years", self.0)
    }
}

/// White blood cell count in ×10⁹/L, 0 to 200.
///
/// The unit follows the PDQ (its "× 109/L" is ×10⁹/L with the superscript lost;
/// clinical-reference §6.2). 8.3 ×10⁹/L is 8,300/µL; a value such as 8300 typed into this field
/// is rejected with a hint rather than scored (clinical-reference §1.4, "Units").
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Wbc(f64);

impl Wbc {
    /// The largest accepted count, ×10⁹/L.
    pub const MAX: f64 = 200.0;

    /// A count in ×10⁹/L, if finite and within 0–200.
    ///
    /// # Errors
    /// [`RangeError`] naming the unit and range, with a unit hint for per-µL values.
    pub fn new(value: f64) -> Result<Self, RangeError> {
        if value.is_finite() && (0.0..=Self::MAX).contains(&value) {
            Ok(Self(value))
        } else if value.is_finite() && value >= 1000.0 {
            Err(RangeError(format!(
                "WBC {value} is out of range: accepted 0 to 200 ×10⁹/L. It looks like a count per µL: \
                 divide by 1000 (8300/µL = 8.3 ×10⁹/L)"
            )))
        } else {
            Err(RangeError(format!(
                "WBC {value} is out of range: accepted 0 to 200 ×10⁹/L"
            )))
        }
    }

    /// The count in ×10⁹/L.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl TryFrom<f64> for Wbc {
    type Error = RangeError;
    fn try_from(v: f64) -> Result<Self, RangeError> {
        Self::new(v)
    }
}

impl From<Wbc> for f64 {
    fn from(v: Wbc) -> Self {
        v.0
    }
}

impl fmt::Display for Wbc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ×10⁹/L", self.0)
    }
}

/// Hemoglobin in g/dL, 0 to 25.
///
/// 14.6 g/dL is 146 g/L (clinical-reference §2.4); a value above 25 is most likely g/L and is
/// rejected with a hint.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Hemoglobin(f64);

impl Hemoglobin {
    /// The largest accepted value, g/dL.
    pub const MAX: f64 = 25.0;

    /// A hemoglobin in g/dL, if finite and within 0–25.
    ///
    /// # Errors
    /// [`RangeError`] naming the unit and range, with a unit hint for g/L values.
    pub fn new(value: f64) -> Result<Self, RangeError> {
        if value.is_finite() && (0.0..=Self::MAX).contains(&value) {
            Ok(Self(value))
        } else if value.is_finite() && value > Self::MAX && value <= 250.0 {
            Err(RangeError(format!(
                "hemoglobin {value} is out of range: accepted 0 to 25 g/dL. It looks like g/L: \
                 divide by 10 (146 g/L = 14.6 g/dL)"
            )))
        } else {
            Err(RangeError(format!(
                "hemoglobin {value} is out of range: accepted 0 to 25 g/dL"
            )))
        }
    }

    /// The value in g/dL.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl TryFrom<f64> for Hemoglobin {
    type Error = RangeError;
    fn try_from(v: f64) -> Result<Self, RangeError> {
        Self::new(v)
    }
}

impl From<Hemoglobin> for f64 {
    fn from(v: Hemoglobin) -> Self {
        v.0
    }
}

impl fmt::Display for Hemoglobin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} g/dL", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_range() {
        assert!(AgeYears::new(0).is_ok());
        assert!(AgeYears::new(120).is_ok());
        let err = AgeYears::new(300).unwrap_err();
        assert!(err.message().contains("0 to 120"), "{err}");
    }

    #[test]
    fn wbc_range_and_unit_hint() {
        assert_eq!(Wbc::new(8.3).map(Wbc::get), Ok(8.3));
        assert!(Wbc::new(0.0).is_ok());
        assert!(Wbc::new(200.0).is_ok());
        assert!(Wbc::new(-1.0).is_err());
        assert!(Wbc::new(f64::NAN).is_err());
        assert!(Wbc::new(f64::INFINITY).is_err());
        let err = Wbc::new(8300.0).unwrap_err();
        assert!(err.message().contains("per µL"), "{err}");
        assert!(!Wbc::new(250.0).unwrap_err().message().contains("per µL"));
    }

    #[test]
    fn hemoglobin_range_and_unit_hint() {
        assert!(Hemoglobin::new(14.6).is_ok());
        assert!(Hemoglobin::new(25.0).is_ok());
        let err = Hemoglobin::new(146.0).unwrap_err();
        assert!(err.message().contains("g/L"), "{err}");
        assert!(Hemoglobin::new(-0.5).is_err());
        assert!(Hemoglobin::new(f64::NAN).is_err());
    }
}
