//! The options listed for one case, the ones ruled out for this patient, and why.

use super::{Setting, TreatmentOption};
use crate::ajcc9::Edition;
use crate::vocab::Input;

/// How a caveat relates to this patient.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CaveatKind {
    /// Shown for every patient.
    General,
    /// Applies because of something entered for this patient.
    Patient,
    /// Cannot be checked because an input is not entered.
    NotChecked,
}

/// A caveat as it applies to this patient.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Caveat {
    /// General, patient-specific, or not checked.
    pub kind: CaveatKind,
    /// The text.
    pub text: String,
}

/// One option as listed for this case.
#[derive(Clone, Debug, PartialEq)]
pub struct ListedOption<'t> {
    /// The catalogue entry.
    pub option: &'t TreatmentOption,
    /// The setting it is listed for here.
    pub setting: Setting,
    /// The staging edition that leads to this option, when only one does: the editions lead to
    /// different settings, or only the 9th edition decides the setting. `None` when the
    /// setting does not depend on the edition, or both editions lead to the option.
    pub edition: Option<Edition>,
    /// The caveats for this patient: patient-specific first, then unchecked, then general.
    pub caveats: Vec<Caveat>,
}

/// An option of the case's settings that the PDQ's own text rules out for this patient.
#[derive(Clone, Debug, PartialEq)]
pub struct ExcludedOption<'t> {
    /// The catalogue entry.
    pub option: &'t TreatmentOption,
    /// The setting it would have been listed under.
    pub setting: Setting,
    /// The staging edition that leads to this option, as [`ListedOption::edition`].
    pub edition: Option<Edition>,
    /// Why it is ruled out: the input and the source line.
    pub reasons: Vec<String>,
}

/// The options for a case, or what is missing to choose them.
#[derive(Clone, Debug, PartialEq)]
pub struct TreatmentResult<'t> {
    /// The settings that apply, in order; empty when they cannot be chosen.
    pub settings: Vec<Setting>,
    /// The settings chosen by one staging edition only, with that edition (empty when the
    /// setting does not depend on the edition or both editions agree). The reason is in
    /// `notes`.
    pub setting_editions: Vec<(Setting, Edition)>,
    /// The options, grouped by setting in `settings` order. Never holds an option whose
    /// exclusion rule holds for the case.
    pub options: Vec<ListedOption<'t>>,
    /// Options of the case's settings ruled out for this patient ("Not for this patient").
    pub excluded: Vec<ExcludedOption<'t>>,
    /// Inputs needed to choose the setting that are not entered.
    pub missing: Vec<Input>,
    /// Why options are or are not listed.
    pub notes: Vec<String>,
}
