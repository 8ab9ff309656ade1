//! Stage-matched treatment options: the catalogue's types and their evaluation for one case.
//!
//! The catalogue itself is clinical data (`assets/clinical/pdq_treatment_options.ron`), taken
//! from the NCI PDQ Malignant Mesothelioma Treatment summary (HP, updated 05/12/2025); its
//! fields and options are described in docs/clinical/treatment-options.md. Which setting
//! applies to a case, and which options are ruled out for a patient, follow
//! docs/clinical/option-selection.md.

mod condition;
mod evaluate;
mod result;
mod settings;
mod validate;

pub use condition::{CaveatRule, Condition, ExclusionRule};
pub use evaluate::{evaluate, evaluate_by_edition, is_excluded};
pub use result::{Caveat, CaveatKind, ExcludedOption, ListedOption, TreatmentResult};
pub(crate) use validate::validate;

use std::fmt;

/// The treatment catalogue: every option the PDQ lists, with its evidence.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreatmentCatalogue {
    /// Format of this table file.
    pub format: u32,
    /// The source document.
    pub source: String,
    /// Caveats shared by several options (e.g. pemetrexed premedication), written once.
    #[serde(default)]
    pub common_caveats: Vec<CommonCaveat>,
    /// A note on what the level-of-evidence codes mean and where they are defined.
    pub levels_note: String,
    /// The options.
    pub options: Vec<TreatmentOption>,
}

/// A caveat shown for every patient on each option that names it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommonCaveat {
    /// The name options refer to it by.
    pub id: String,
    /// The text.
    pub text: String,
}

/// A clinical setting in which the PDQ lists options.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Setting {
    /// Newly diagnosed localized (stage I) disease, solitary mesothelioma.
    StageISolitary,
    /// Newly diagnosed stage I diffuse (intracavitary) pleural mesothelioma.
    StageIDiffuse,
    /// Newly diagnosed advanced disease, stages II, III and IV.
    Advanced,
    /// Peritoneal mesothelioma (newly diagnosed, or recurrent without previous systemic
    /// therapy): the PDQ's peritoneal options.
    Peritoneal,
    /// Peritoneal mesothelioma: regimens whose evidence comes from pleural-mesothelioma trials,
    /// listed after the PDQ's peritoneal options.
    PeritonealPleuralTrials,
    /// In remission after first-line platinum plus pemetrexed: maintenance (NVALT19).
    MaintenanceAfterFirstLine,
    /// Recurrent disease without previous systemic therapy (the first-line list).
    RecurrentNoPriorSystemic,
    /// Recurrent disease after first-line chemotherapy or immunotherapy.
    RecurrentAfterSystemic,
    /// Any recurrent disease.
    RecurrentAny,
    /// Localized recurrence.
    LocalRecurrence,
}

impl Setting {
    /// Every setting.
    pub const ALL: &'static [Self] = &[
        Self::StageISolitary,
        Self::StageIDiffuse,
        Self::Advanced,
        Self::Peritoneal,
        Self::PeritonealPleuralTrials,
        Self::MaintenanceAfterFirstLine,
        Self::RecurrentNoPriorSystemic,
        Self::RecurrentAfterSystemic,
        Self::RecurrentAny,
        Self::LocalRecurrence,
    ];

    /// A label for the setting.
    pub fn label(self) -> &'static str {
        match self {
            Self::StageISolitary => "Localized (stage I): solitary mesothelioma",
            Self::StageIDiffuse => "Localized (stage I): diffuse (intracavitary) mesothelioma",
            Self::Advanced => "Advanced (stages II, III and IV)",
            Self::Peritoneal => "Peritoneal mesothelioma: the PDQ's peritoneal options",
            Self::PeritonealPleuralTrials => {
                "Peritoneal mesothelioma: regimens tested in pleural-mesothelioma trials (the PDQ: \
                 data in peritoneal mesothelioma are required)"
            }
            Self::MaintenanceAfterFirstLine => {
                "In remission after first-line platinum plus pemetrexed: maintenance"
            }
            Self::RecurrentNoPriorSystemic => "Recurrent, no previous systemic therapy",
            Self::RecurrentAfterSystemic => {
                "Recurrent, after first-line chemotherapy or immunotherapy"
            }
            Self::RecurrentAny => "Recurrent",
            Self::LocalRecurrence => "Localized recurrence",
        }
    }
}

/// The PDQ's own label for an option.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum OptionStatus {
    /// Listed without a label (the PDQ marks almost nothing explicitly "standard").
    Listed,
    /// Labelled "under clinical evaluation" by the PDQ.
    UnderClinicalEvaluation,
    /// Participation in a clinical trial (the PDQ lists "clinical trials" as an option).
    ClinicalTrial,
}

impl OptionStatus {
    /// The label, as the JSON contract spells it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Listed => "listed",
            Self::UnderClinicalEvaluation => "under clinical evaluation",
            Self::ClinicalTrial => "clinical trial",
        }
    }
}

/// PDQ level-of-evidence code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum EvidenceLevel {
    /// A1 (PDQ usage: randomized trials reporting overall survival).
    A1,
    /// B1 (PDQ usage: randomized trials with a progression-free survival end point).
    B1,
    /// C1 (PDQ usage: single-arm or observational data with survival).
    C1,
    /// C2 (PDQ usage: factors associated with survival in surgical series).
    C2,
}

impl fmt::Display for EvidenceLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// One option of the catalogue.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreatmentOption {
    /// Stable identifier.
    pub id: String,
    /// The drug or procedure names the PDQ uses.
    pub name: String,
    /// The settings in which the PDQ lists it.
    pub settings: Vec<Setting>,
    /// The PDQ's status for it.
    pub status: OptionStatus,
    /// The PDQ level of evidence, where the PDQ gives one.
    pub level: Option<EvidenceLevel>,
    /// Where in the PDQ it is listed.
    pub pdq_section: String,
    /// The key trial, where there is one.
    pub trial: Option<Trial>,
    /// Citations; the first is the primary one.
    pub citations: Vec<Citation>,
    /// Notes shown with the option for every patient.
    #[serde(default)]
    pub notes: Vec<String>,
    /// Ids of the catalogue's common caveats that apply to every patient given this option.
    #[serde(default)]
    pub common_caveats: Vec<String>,
    /// Caveats checked against the case.
    #[serde(default)]
    pub caveats: Vec<CaveatRule>,
    /// What rules the option out for a patient: the PDQ's population or selection sentence.
    #[serde(default)]
    pub exclusions: Vec<ExclusionRule>,
    /// Median overall survival of the option and its comparator, where the PDQ gives both.
    #[serde(default)]
    pub median_os: Option<MedianOs>,
}

/// Median overall survival of an option against its comparator, as the PDQ reports them.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MedianOs {
    /// Median overall survival with the option, months.
    pub option_months: f64,
    /// Median overall survival with the comparator, months.
    pub comparator_months: f64,
    /// The comparator, e.g. "cisplatin alone" or "historical control".
    pub comparator: String,
    /// What the difference between the two medians means.
    pub difference: Difference,
}

/// What a difference in median overall survival means, so a chart never draws a
/// non-significant difference or a historical comparison like a benefit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Difference {
    /// Randomized comparison; overall survival significantly favoured the option.
    Significant,
    /// Randomized comparison; no significant difference in overall survival.
    NotSignificant,
    /// Single-arm trial against a historical control: not a randomized comparison.
    HistoricalControl,
}

impl Difference {
    /// How the survival chart and its text label the comparison.
    pub fn label(self) -> &'static str {
        match self {
            Self::Significant => "significant difference (randomized)",
            Self::NotSignificant => "no significant difference",
            Self::HistoricalControl => "historical control, not randomized",
        }
    }
}

impl TreatmentOption {
    /// The PMID of the primary citation, if it has one.
    pub fn primary_pmid(&self) -> Option<u32> {
        self.citations.first().and_then(|c| c.pmid)
    }
}

/// A trial and its results, as the PDQ reports them.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trial {
    /// Trial name.
    pub name: String,
    /// Registry identifier (NCT…, NTR…), where the PDQ gives one.
    pub registry: Option<String>,
    /// Design, e.g. "randomized open-label phase III".
    pub design: String,
    /// Patients enrolled, as the PDQ gives it.
    pub n: Option<u32>,
    /// Who was enrolled.
    pub population: String,
    /// Outcomes.
    pub outcomes: Vec<Outcome>,
}

/// One outcome of a trial.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// End point, e.g. "Overall survival".
    pub endpoint: String,
    /// The result as reported, with the CI level written out.
    pub result: String,
    /// The confidence level of the interval in `result`, in percent (95, 96.6, 80, 70).
    pub ci_level_percent: Option<f64>,
    /// The P value as reported, e.g. "P = .002" or "one-sided P = .0014".
    pub p: Option<String>,
    /// Which way the result points.
    pub direction: Direction,
}

/// Which way a result points, so that "no survival benefit" never looks like a benefit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Direction {
    /// Statistically favours the option.
    Favours,
    /// No statistically significant difference.
    NotSignificant,
    /// The trial showed no benefit on this end point.
    NoBenefit,
    /// Descriptive (single arm or registry); no comparison.
    Descriptive,
}

impl Direction {
    /// A short label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Favours => "favours the option",
            Self::NotSignificant => "not significant",
            Self::NoBenefit => "no benefit",
            Self::Descriptive => "descriptive, no comparison",
        }
    }
}

/// A reference.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Authors, title, journal, year.
    pub text: String,
    /// PubMed ID, where one exists.
    pub pmid: Option<u32>,
}
