//! Typed conditions on a case: when a caveat applies and when an option is ruled out.

use crate::case::Case;
use crate::staging::StageResult;
use crate::vocab::{DiseaseStatus, Extent, Input, MCategory, PriorTherapy, Site};

/// A caveat and when it applies to a patient.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaveatRule {
    /// When the caveat applies.
    pub when: Condition,
    /// What is shown when it applies.
    pub text: String,
    /// What is shown when an input the condition needs is not entered.
    #[serde(default)]
    pub if_unknown: Option<String>,
}

/// What rules an option out for a patient, and where that comes from.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExclusionRule {
    /// When the option is ruled out.
    pub when: Condition,
    /// Why, naming the input and the trial population or selection sentence.
    pub reason: String,
    /// The source line, e.g. "PDQ, Treatment of Recurrent Malignant Mesothelioma: pemetrexed".
    pub source: String,
    /// Shown on the listed option when an input the rule needs is not entered.
    pub if_unknown: String,
}

/// A typed condition on the case. Never a string evaluated at run time.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
pub enum Condition {
    /// Always applies.
    Always,
    /// The site is this one.
    SiteIs(Site),
    /// The site is not this one.
    SiteIsNot(Site),
    /// ECOG performance status above this grade.
    EcogAbove(u8),
    /// Age above this many years.
    AgeAbove(u16),
    /// Any of anticoagulant, antiplatelet or NSAID use.
    AnyComedication,
    /// Prior systemic therapy includes any of these.
    PriorIncludesAny(Vec<PriorTherapy>),
    /// Prior systemic therapy is recorded, not empty, and includes none of these.
    PriorLacksAll(Vec<PriorTherapy>),
    /// Some prior systemic therapy is recorded.
    PriorRecorded,
    /// The extent is this one.
    ExtentIs(Extent),
    /// M (as staged: picked or derived from findings) is this category.
    MIs(MCategory),
    /// The disease status is one of these.
    StatusIn(Vec<DiseaseStatus>),
}

/// Whether a condition holds for a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Truth {
    Yes,
    No,
    Unknown,
}

impl Condition {
    pub(super) fn eval(&self, case: &Case, stage: &StageResult) -> Truth {
        fn known(b: Option<bool>) -> Truth {
            match b {
                Some(true) => Truth::Yes,
                Some(false) => Truth::No,
                None => Truth::Unknown,
            }
        }
        match self {
            Self::Always => Truth::Yes,
            Self::SiteIs(site) => known(case.disease.site.map(|s| s == *site)),
            Self::SiteIsNot(site) => known(case.disease.site.map(|s| s != *site)),
            Self::EcogAbove(grade) => known(case.patient.ecog.map(|e| e.grade() > *grade)),
            Self::AgeAbove(years) => known(case.patient.age_years.map(|a| a.get() > *years)),
            Self::AnyComedication => {
                let t = &case.therapy;
                let all = [t.anticoagulant, t.antiplatelet, t.nsaid];
                if all.contains(&Some(true)) {
                    Truth::Yes
                } else if all.iter().all(|v| *v == Some(false)) {
                    Truth::No
                } else {
                    Truth::Unknown
                }
            }
            Self::PriorIncludesAny(list) => known(
                case.therapy
                    .prior_systemic
                    .as_ref()
                    .map(|p| list.iter().any(|x| p.contains(x))),
            ),
            Self::PriorLacksAll(list) => known(
                case.therapy
                    .prior_systemic
                    .as_ref()
                    .map(|p| !p.is_empty() && !list.iter().any(|x| p.contains(x))),
            ),
            Self::PriorRecorded => {
                known(case.therapy.prior_systemic.as_ref().map(|p| !p.is_empty()))
            }
            Self::ExtentIs(extent) => known(case.disease.extent.map(|e| e == *extent)),
            Self::MIs(m) => known(stage.m.value.map(|v| v == *m)),
            Self::StatusIn(list) => known(case.disease.status.map(|s| list.contains(&s))),
        }
    }

    /// The inputs this condition reads.
    pub fn inputs(&self) -> &'static [Input] {
        match self {
            Self::Always => &[],
            Self::SiteIs(_) | Self::SiteIsNot(_) => &[Input::Site],
            Self::EcogAbove(_) => &[Input::Ecog],
            Self::AgeAbove(_) => &[Input::Age],
            Self::AnyComedication => &[Input::Anticoagulant, Input::Antiplatelet, Input::Nsaid],
            Self::PriorIncludesAny(_) | Self::PriorLacksAll(_) | Self::PriorRecorded => {
                &[Input::Prior]
            }
            Self::ExtentIs(_) => &[Input::Extent],
            Self::MIs(_) => &[Input::M],
            Self::StatusIn(_) => &[Input::Status],
        }
    }
}
