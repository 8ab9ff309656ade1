//! Stage-matched treatment options: the catalogue's types and their evaluation for one case.
//!
//! The catalogue itself is clinical data (`assets/clinical/pdq_treatment_options.ron`), taken
//! from the NCI PDQ Malignant Mesothelioma Treatment summary (HP, updated 05/12/2025) as
//! structured in shared/clinical-reference.md §5. Which setting applies to a case follows
//! shared/clinical-decisions.md, "Treatment options" and "Disease status".

use std::fmt;

use crate::case::Case;
use crate::staging::{StageResult, StageStatus};
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
    /// A note on what the level-of-evidence codes mean and where they are defined.
    pub levels_note: String,
    /// The options.
    pub options: Vec<TreatmentOption>,
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
    /// Newly diagnosed peritoneal mesothelioma.
    Peritoneal,
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
            Self::Peritoneal => "Peritoneal mesothelioma",
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
}

impl OptionStatus {
    /// The label, as the JSON contract spells it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Listed => "listed",
            Self::UnderClinicalEvaluation => "under clinical evaluation",
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
    /// Caveats checked against the case.
    #[serde(default)]
    pub caveats: Vec<CaveatRule>,
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
}

/// Whether a condition holds for a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Truth {
    Yes,
    No,
    Unknown,
}

impl Condition {
    fn eval(&self, case: &Case) -> Truth {
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
            Self::PriorIncludesAny(_) | Self::PriorLacksAll(_) => &[Input::Prior],
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

/// The options for a case, or what is missing to choose them.
#[derive(Clone, Debug, PartialEq)]
pub struct TreatmentResult<'t> {
    /// The settings that apply, in order; empty when they cannot be chosen.
    pub settings: Vec<Setting>,
    /// The options, grouped by setting in `settings` order.
    pub options: Vec<ListedOption<'t>>,
    /// Inputs needed to choose the setting that are not entered.
    pub missing: Vec<Input>,
    /// Why options are or are not listed.
    pub notes: Vec<String>,
}

/// The settings a case falls into, or what is missing to tell.
///
/// Source: shared/clinical-decisions.md, "Treatment options" and "Disease status"; PDQ section
/// headings (Localized (Stage I); Advanced (Stages II, III, and IV); Malignant Peritoneal
/// Mesothelioma; Recurrent).
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
    match status {
        DiseaseStatus::CompleteRemission | DiseaseStatus::PartialRemission => {
            notes.push(format!(
                "Disease status is \"{}\": the PDQ summary lists options for newly diagnosed \
                 disease by stage and for recurrent disease, not for disease in remission. \
                 No options are listed.",
                status.label()
            ));
            (Vec::new(), missing, notes)
        }
        DiseaseStatus::LocalRecurrence | DiseaseStatus::DistantRecurrence => {
            let mut settings = Vec::new();
            match &case.therapy.prior_systemic {
                None => {
                    missing.push(Input::Prior);
                    notes.push(
                        "Prior systemic therapy not entered: recurrent options depend on it \
                         (none: the first-line list; after first-line chemotherapy or \
                         immunotherapy: the second-line list)."
                            .to_owned(),
                    );
                }
                Some(prior) if prior.is_empty() => settings.push(Setting::RecurrentNoPriorSystemic),
                Some(_) => settings.push(Setting::RecurrentAfterSystemic),
            }
            settings.push(Setting::RecurrentAny);
            if status == DiseaseStatus::LocalRecurrence {
                settings.push(Setting::LocalRecurrence);
            }
            (settings, missing, notes)
        }
        DiseaseStatus::New => {
            let Some(site) = case.disease.site else {
                missing.push(Input::Site);
                notes.push("Site not entered: options depend on the site.".to_owned());
                return (Vec::new(), missing, notes);
            };
            match site {
                Site::Peritoneal => (vec![Setting::Peritoneal], missing, notes),
                Site::Pericardial | Site::TunicaVaginalis => {
                    notes.push(format!(
                        "The PDQ summary gives no site-specific options for newly diagnosed {} \
                         mesothelioma. No options are listed.",
                        site.label().to_lowercase()
                    ));
                    (Vec::new(), missing, notes)
                }
                Site::Pleural => match case.disease.extent {
                    None => {
                        missing.push(Input::Extent);
                        notes.push(
                            "Extent (diffuse or solitary) not entered: the stage I options \
                             differ for solitary and diffuse mesothelioma."
                                .to_owned(),
                        );
                        (Vec::new(), missing, notes)
                    }
                    Some(Extent::Solitary) => {
                        notes.push(
                            "Solitary (localized) pleural mesothelioma has no AJCC stage; the PDQ \
                             lists its treatment under localized (stage I) disease."
                                .to_owned(),
                        );
                        let spread: Vec<&str> = [
                            stage
                                .n
                                .value
                                .filter(|n| matches!(n, NCategory::N1 | NCategory::N2))
                                .map(|n| n.code()),
                            stage
                                .m
                                .value
                                .filter(|m| *m == MCategory::M1)
                                .map(|m| m.code()),
                        ]
                        .into_iter()
                        .flatten()
                        .collect();
                        if !spread.is_empty() {
                            notes.push(format!(
                                "A solitary tumour was entered together with {}: the localized \
                                 (stage I) options assume localized disease. Review the extent.",
                                spread.join(" and ")
                            ));
                        }
                        (vec![Setting::StageISolitary], missing, notes)
                    }
                    Some(Extent::Diffuse) => match (stage.status, stage.group) {
                        (StageStatus::Assigned, Some(StageGroup::IA | StageGroup::IB)) => {
                            (vec![Setting::StageIDiffuse], missing, notes)
                        }
                        (StageStatus::Assigned, Some(_)) => {
                            (vec![Setting::Advanced], missing, notes)
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
                                "No stage group assigned: options are matched to the stage \
                                 (stage I versus stages II to IV)."
                                    .to_owned(),
                            );
                            (Vec::new(), missing, notes)
                        }
                    },
                },
            }
        }
    }
}

fn caveats_for(option: &TreatmentOption, case: &Case) -> Vec<Caveat> {
    let mut patient = Vec::new();
    let mut unchecked = Vec::new();
    let mut general = Vec::new();
    for rule in &option.caveats {
        match rule.when.eval(case) {
            Truth::Yes if rule.when == Condition::Always => general.push(Caveat {
                kind: CaveatKind::General,
                text: rule.text.clone(),
            }),
            Truth::Yes => patient.push(Caveat {
                kind: CaveatKind::Patient,
                text: rule.text.clone(),
            }),
            Truth::No => {}
            Truth::Unknown => {
                if let Some(text) = &rule.if_unknown {
                    unchecked.push(Caveat {
                        kind: CaveatKind::NotChecked,
                        text: text.clone(),
                    });
                }
            }
        }
    }
    patient.extend(unchecked);
    patient.extend(general);
    patient
}

/// The options for a case, with the caveats that apply to this patient.
pub fn evaluate<'t>(
    case: &Case,
    stage: &StageResult,
    catalogue: &'t TreatmentCatalogue,
) -> TreatmentResult<'t> {
    let (settings, missing, notes) = settings_for(case, stage);
    let mut options = Vec::new();
    for &setting in &settings {
        for option in catalogue
            .options
            .iter()
            .filter(|o| o.settings.contains(&setting))
        {
            // An option listed under two of the case's settings is shown once, under the first.
            if options
                .iter()
                .any(|l: &ListedOption<'_>| l.option.id == option.id)
            {
                continue;
            }
            options.push(ListedOption {
                option,
                setting,
                caveats: caveats_for(option, case),
            });
        }
    }
    TreatmentResult {
        settings,
        options,
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
