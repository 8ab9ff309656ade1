//! Stage-matched treatment options: the catalogue's types and their evaluation for one case.
//!
//! The catalogue itself is clinical data (`assets/clinical/pdq_treatment_options.ron`), taken
//! from the NCI PDQ Malignant Mesothelioma Treatment summary (HP, updated 05/12/2025) as
//! structured in shared/clinical-reference.md §5. Which setting applies to a case follows
//! shared/clinical-decisions.md, "Treatment options" and "Disease status".

use std::fmt;

use crate::case::Case;
use crate::staging::{StageOutcome, StageResult};
use crate::vocab::{
    DiseaseStatus, Extent, Input, MCategory, NCategory, PriorTherapy, Site, StageGroup, Vocab,
};

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
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
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
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Authors, title, journal, year.
    pub text: String,
    /// PubMed ID, where one exists.
    pub pmid: Option<u32>,
}

/// A caveat and when it applies to a patient.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
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
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
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
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
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
enum Truth {
    Yes,
    No,
    Unknown,
}

impl Condition {
    fn eval(&self, case: &Case, stage: &StageResult) -> Truth {
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
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
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
    /// Why it is ruled out: the input and the source line.
    pub reasons: Vec<String>,
}

/// The options for a case, or what is missing to choose them.
#[derive(Clone, Debug, PartialEq)]
pub struct TreatmentResult<'t> {
    /// The settings that apply, in order; empty when they cannot be chosen.
    pub settings: Vec<Setting>,
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

/// The settings a case falls into, or what is missing to tell.
///
/// Source: PDQ section headings (Localized (Stage I); Advanced (Stages II, III, and IV);
/// Malignant Peritoneal Mesothelioma; Recurrent) and docs/clinical/option-selection.md.
fn settings_for(case: &Case, stage: &StageResult) -> (Vec<Setting>, Vec<Input>, Vec<String>) {
    let mut missing = Vec::new();
    let mut notes = Vec::new();
    let Some(status) = case.disease.status else {
        missing.push(Input::Status);
        notes.push(
            "Disease status not entered: options depend on whether the disease is newly \
             diagnosed or recurrent."
                .to_owned(),
        );
        return (Vec::new(), missing, notes);
    };
    let prior = case.therapy.prior_systemic.as_ref();
    match status {
        DiseaseStatus::CompleteRemission | DiseaseStatus::PartialRemission => match prior {
            Some(p) if p.contains(&PriorTherapy::PlatinumPemetrexed) => {
                notes.push(format!(
                    "Disease status is \"{}\" after platinum plus pemetrexed: the PDQ lists \
                     maintenance gemcitabine (NVALT19) for patients without progression after \
                     at least four cycles of first-line platinum plus pemetrexed.",
                    status.label()
                ));
                (vec![Setting::MaintenanceAfterFirstLine], missing, notes)
            }
            None => {
                missing.push(Input::Prior);
                notes.push(format!(
                    "Disease status is \"{}\" and prior systemic therapy is not entered: \
                     maintenance gemcitabine (NVALT19) applies after first-line platinum plus \
                     pemetrexed. Otherwise the PDQ lists no options for disease in remission.",
                    status.label()
                ));
                (Vec::new(), missing, notes)
            }
            Some(_) => {
                notes.push(format!(
                    "Disease status is \"{}\": the PDQ summary lists options for newly diagnosed \
                     disease by stage and for recurrent disease, not for disease in remission \
                     (maintenance gemcitabine follows first-line platinum plus pemetrexed, \
                     which is not recorded). No options are listed.",
                    status.label()
                ));
                (Vec::new(), missing, notes)
            }
        },
        DiseaseStatus::LocalRecurrence | DiseaseStatus::DistantRecurrence => {
            let mut settings = Vec::new();
            match prior {
                None => {
                    missing.push(Input::Prior);
                    notes.push(
                        "Prior systemic therapy not entered: recurrent options depend on it \
                         (none: the first-line list; after first-line chemotherapy or \
                         immunotherapy: the second-line list)."
                            .to_owned(),
                    );
                }
                Some(p) if p.is_empty() => {
                    if case.disease.site == Some(Site::Peritoneal) {
                        notes.push(
                            "Recurrent peritoneal mesothelioma without previous systemic \
                             therapy: the PDQ's peritoneal options, then the first-line \
                             regimens from pleural trials."
                                .to_owned(),
                        );
                        settings.extend([Setting::Peritoneal, Setting::PeritonealPleuralTrials]);
                    } else {
                        settings.push(Setting::RecurrentNoPriorSystemic);
                    }
                }
                Some(_) => settings.push(Setting::RecurrentAfterSystemic),
            }
            settings.push(Setting::RecurrentAny);
            if status == DiseaseStatus::LocalRecurrence {
                settings.push(Setting::LocalRecurrence);
            }
            (settings, missing, notes)
        }
        DiseaseStatus::New => {
            if prior.is_some_and(|p| !p.is_empty()) {
                notes.push(
                    "Reconcile status and prior therapy: the status is \"newly diagnosed\" but \
                     prior systemic therapy is recorded. The first-line trials enrolled \
                     treatment-naive patients; if the disease has recurred, enter a recurrent \
                     status to see the second-line options."
                        .to_owned(),
                );
            }
            let (settings, more_missing, more_notes) = new_disease_settings(case, stage);
            missing.extend(more_missing);
            notes.extend(more_notes);
            (settings, missing, notes)
        }
    }
}

/// The settings of newly diagnosed disease: by site, extent and stage.
fn new_disease_settings(
    case: &Case,
    stage: &StageResult,
) -> (Vec<Setting>, Vec<Input>, Vec<String>) {
    let mut missing = Vec::new();
    let mut notes = Vec::new();
    let Some(site) = case.disease.site else {
        missing.push(Input::Site);
        notes.push("Site not entered: options depend on the site.".to_owned());
        return (Vec::new(), missing, notes);
    };
    let beyond = &stage.beyond_solitary;
    match site {
        Site::Peritoneal => (
            vec![Setting::Peritoneal, Setting::PeritonealPleuralTrials],
            missing,
            notes,
        ),
        Site::Pericardial | Site::TunicaVaginalis => {
            notes.push(format!(
                "The PDQ summary gives no site-specific options for newly diagnosed {} \
                 mesothelioma. No options are listed.",
                site.label().to_lowercase()
            ));
            (Vec::new(), missing, notes)
        }
        Site::Pleural => match case.disease.extent {
            Some(Extent::Solitary) if beyond.is_empty() => {
                notes.push(
                    "Solitary (localized) pleural mesothelioma has no AJCC stage; the PDQ \
                     lists its treatment under localized (stage I) disease."
                        .to_owned(),
                );
                let mut absent = Vec::new();
                match stage.n.value {
                    Some(NCategory::N0) => {}
                    Some(other) => notes.push(format!(
                        "N is {}: the localized (solitary) options need N0.",
                        other.code()
                    )),
                    None => absent.push(Input::N),
                }
                match stage.m.value {
                    Some(MCategory::M0) => {}
                    Some(_) => {}
                    None => absent.push(Input::M),
                }
                if !absent.is_empty() {
                    let what: Vec<&str> = absent.iter().map(|i| i.label()).collect();
                    notes.push(format!(
                        "The localized (solitary) list is incomplete: it needs N0 and M0 entered \
                         ({} not entered), so that spread beyond a solitary tumour is ruled out.",
                        what.join(" and ")
                    ));
                    missing.extend(absent);
                    return (Vec::new(), missing, notes);
                }
                if stage.n.value != Some(NCategory::N0) {
                    return (Vec::new(), missing, notes);
                }
                (vec![Setting::StageISolitary], missing, notes)
            }
            Some(Extent::Solitary) => {
                notes.push(format!(
                    "The extent \"solitary\" contradicts the findings ({}): the options follow \
                     the AJCC stage, as for diffuse disease. Review the extent.",
                    beyond.join("; ")
                ));
                by_stage(stage, missing, notes)
            }
            None if beyond.is_empty() => {
                missing.push(Input::Extent);
                notes.push(
                    "Extent (diffuse or solitary) not entered: the stage I options differ for \
                     solitary and diffuse mesothelioma."
                        .to_owned(),
                );
                (Vec::new(), missing, notes)
            }
            None | Some(Extent::Diffuse) => by_stage(stage, missing, notes),
        },
    }
}

/// Stage I → the stage I diffuse list; II–IV → the advanced list. Without an assigned group,
/// the possible groups decide when they all fall on one side.
fn by_stage(
    stage: &StageResult,
    mut missing: Vec<Input>,
    mut notes: Vec<String>,
) -> (Vec<Setting>, Vec<Input>, Vec<String>) {
    let is_stage_i = |g: &StageGroup| matches!(g, StageGroup::IA | StageGroup::IB);
    match &stage.outcome {
        StageOutcome::Assigned(g) if is_stage_i(g) => {
            (vec![Setting::StageIDiffuse], missing, notes)
        }
        StageOutcome::Assigned(_) => (vec![Setting::Advanced], missing, notes),
        StageOutcome::Incomplete { possible, .. } | StageOutcome::NotAssignable { possible }
            if !possible.is_empty() && possible.iter().all(|g| !is_stage_i(g)) =>
        {
            let list: Vec<&str> = possible.iter().map(|g| g.code()).collect();
            notes.push(format!(
                "No stage group assigned, but every possible group ({}) is advanced (stages II \
                 to IV): the advanced list applies.",
                list.join(", ")
            ));
            (vec![Setting::Advanced], missing, notes)
        }
        StageOutcome::Incomplete { possible, .. } | StageOutcome::NotAssignable { possible }
            if !possible.is_empty() && possible.iter().all(is_stage_i) =>
        {
            let list: Vec<&str> = possible.iter().map(|g| g.code()).collect();
            notes.push(format!(
                "No stage group assigned, but every possible group ({}) is stage I: the stage I \
                 list applies.",
                list.join(", ")
            ));
            (vec![Setting::StageIDiffuse], missing, notes)
        }
        _ => {
            missing.extend(
                stage
                    .missing
                    .iter()
                    .copied()
                    .filter(|i| matches!(i, Input::T | Input::N | Input::M)),
            );
            notes.push(
                "No stage group assigned: options are matched to the stage (stage I versus \
                 stages II to IV)."
                    .to_owned(),
            );
            (Vec::new(), missing, notes)
        }
    }
}

/// A caveat or exclusion text with `{site}` replaced by the patient's site, in lower case.
fn fill(text: &str, case: &Case) -> String {
    match case.disease.site {
        Some(site) if text.contains("{site}") => {
            text.replace("{site}", &site.label().to_lowercase())
        }
        _ => text.to_owned(),
    }
}

fn caveats_for(
    option: &TreatmentOption,
    common: &[CommonCaveat],
    case: &Case,
    stage: &StageResult,
) -> Vec<Caveat> {
    let mut patient = Vec::new();
    let mut unchecked = Vec::new();
    let mut general = Vec::new();
    for rule in &option.caveats {
        match rule.when.eval(case, stage) {
            Truth::Yes if rule.when == Condition::Always => general.push(Caveat {
                kind: CaveatKind::General,
                text: fill(&rule.text, case),
            }),
            Truth::Yes => patient.push(Caveat {
                kind: CaveatKind::Patient,
                text: fill(&rule.text, case),
            }),
            Truth::No => {}
            Truth::Unknown => {
                if let Some(text) = &rule.if_unknown {
                    unchecked.push(Caveat {
                        kind: CaveatKind::NotChecked,
                        text: fill(text, case),
                    });
                }
            }
        }
    }
    for rule in &option.exclusions {
        if rule.when.eval(case, stage) == Truth::Unknown {
            unchecked.insert(
                0,
                Caveat {
                    kind: CaveatKind::NotChecked,
                    text: fill(&rule.if_unknown, case),
                },
            );
        }
    }
    for id in &option.common_caveats {
        if let Some(c) = common.iter().find(|c| &c.id == id) {
            general.push(Caveat {
                kind: CaveatKind::General,
                text: c.text.clone(),
            });
        }
    }
    patient.extend(unchecked);
    patient.extend(general);
    patient
}

/// The reasons the option is ruled out for this patient; empty when it is not.
fn exclusion_reasons(option: &TreatmentOption, case: &Case, stage: &StageResult) -> Vec<String> {
    option
        .exclusions
        .iter()
        .filter(|r| r.when.eval(case, stage) == Truth::Yes)
        .map(|r| format!("{} (Source: {}.)", fill(&r.reason, case), r.source))
        .collect()
}

/// Whether an exclusion rule of `option` holds for the case: such an option is never in the
/// main list.
pub fn is_excluded(option: &TreatmentOption, case: &Case, stage: &StageResult) -> bool {
    !exclusion_reasons(option, case, stage).is_empty()
}

/// The options for a case, with the caveats that apply to this patient; options the PDQ's text
/// rules out for this patient go to `excluded` with their reasons.
pub fn evaluate<'t>(
    case: &Case,
    stage: &StageResult,
    catalogue: &'t TreatmentCatalogue,
) -> TreatmentResult<'t> {
    let (settings, mut missing, notes) = settings_for(case, stage);
    let mut options: Vec<ListedOption<'t>> = Vec::new();
    let mut excluded: Vec<ExcludedOption<'t>> = Vec::new();
    for &setting in &settings {
        for option in catalogue
            .options
            .iter()
            .filter(|o| o.settings.contains(&setting))
        {
            // An option listed under two of the case's settings is shown once, under the first.
            if options.iter().any(|l| l.option.id == option.id)
                || excluded.iter().any(|l| l.option.id == option.id)
            {
                continue;
            }
            let reasons = exclusion_reasons(option, case, stage);
            if reasons.is_empty() {
                for rule in &option.exclusions {
                    if rule.when.eval(case, stage) == Truth::Unknown {
                        missing.extend(rule.when.inputs().iter().copied());
                    }
                }
                options.push(ListedOption {
                    option,
                    setting,
                    caveats: caveats_for(option, &catalogue.common_caveats, case, stage),
                });
            } else {
                excluded.push(ExcludedOption {
                    option,
                    setting,
                    reasons,
                });
            }
        }
    }
    missing.sort();
    missing.dedup();
    TreatmentResult {
        settings,
        options,
        excluded,
        missing,
        notes,
    }
}

/// Checks the catalogue: unique ids, at least one citation each, every setting used, CI levels
/// written out in the results they qualify, and caveats that can be shown when not checkable.
pub(crate) fn validate(catalogue: &TreatmentCatalogue) -> Result<(), String> {
    let mut seen = std::collections::HashSet::new();
    for o in &catalogue.options {
        if !seen.insert(o.id.as_str()) {
            return Err(format!("duplicate treatment option id {:?}", o.id));
        }
        if o.citations.is_empty() {
            return Err(format!("option {:?} has no citation", o.id));
        }
        if o.settings.is_empty() {
            return Err(format!("option {:?} is listed in no setting", o.id));
        }
        if o.name.trim().is_empty() {
            return Err(format!("option {:?} has no name", o.id));
        }
        if let Some(trial) = &o.trial {
            for outcome in &trial.outcomes {
                if let Some(level) = outcome.ci_level_percent {
                    let written = format!("{level}% CI");
                    if !outcome.result.contains(&written) {
                        return Err(format!(
                            "option {:?}: outcome {:?} has a {level}% CI level but its result does \
                             not say \"{written}\"",
                            o.id, outcome.endpoint
                        ));
                    }
                } else if outcome.result.contains("% CI") {
                    return Err(format!(
                        "option {:?}: outcome {:?} shows a CI but has no ci_level_percent",
                        o.id, outcome.endpoint
                    ));
                }
            }
        }
        if let Some(os) = &o.median_os {
            let results: Vec<&str> = o
                .trial
                .iter()
                .flat_map(|t| t.outcomes.iter())
                .map(|oc| oc.result.as_str())
                .collect();
            for months in [os.option_months, os.comparator_months] {
                let written = format!("{months:.1}");
                if !results.iter().any(|r| r.contains(&written)) {
                    return Err(format!(
                        "option {:?}: median_os {written} months is not in any outcome result",
                        o.id
                    ));
                }
            }
        }
        for id in &o.common_caveats {
            if !catalogue.common_caveats.iter().any(|c| &c.id == id) {
                return Err(format!("option {:?}: unknown common caveat {id:?}", o.id));
            }
        }
        for rule in &o.exclusions {
            if rule.when == Condition::Always {
                return Err(format!(
                    "option {:?}: an exclusion that always holds would hide the option",
                    o.id
                ));
            }
            if rule.reason.trim().is_empty() || rule.source.trim().is_empty() {
                return Err(format!(
                    "option {:?}: an exclusion needs a reason and a source",
                    o.id
                ));
            }
        }
        if let Some(os) = &o.median_os {
            let os_directions: Vec<Direction> = o
                .trial
                .iter()
                .flat_map(|t| t.outcomes.iter())
                .filter(|oc| oc.endpoint.starts_with("Overall survival"))
                .map(|oc| oc.direction)
                .collect();
            let expected = match os.difference {
                Difference::Significant => Direction::Favours,
                Difference::NotSignificant => Direction::NotSignificant,
                Difference::HistoricalControl => Direction::Favours,
            };
            if !os_directions.contains(&expected) {
                return Err(format!(
                    "option {:?}: median_os difference {:?} does not match the direction of its \
                     overall-survival outcome",
                    o.id, os.difference
                ));
            }
            if (os.difference == Difference::HistoricalControl)
                != os.comparator.contains("historical control")
            {
                return Err(format!(
                    "option {:?}: a historical-control comparator must be marked \
                     HistoricalControl (and only it)",
                    o.id
                ));
            }
        }
        for rule in &o.caveats {
            if rule.when != Condition::Always && rule.if_unknown.is_none() {
                return Err(format!(
                    "option {:?}: caveat {:?} needs an if_unknown text (no silent defaults)",
                    o.id, rule.text
                ));
            }
        }
    }
    for &s in Setting::ALL {
        if !catalogue.options.iter().any(|o| o.settings.contains(&s)) {
            return Err(format!("no option is listed for setting {s:?}"));
        }
    }
    Ok(())
}
