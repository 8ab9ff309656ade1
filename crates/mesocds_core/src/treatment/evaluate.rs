//! The options of a case's settings, their patient caveats, and the exclusions that move an
//! option to "Not for this patient".

use super::condition::{Condition, Truth};
use super::result::{Caveat, CaveatKind, ExcludedOption, ListedOption, TreatmentResult};
use super::settings::settings_for;
use super::{CommonCaveat, TreatmentCatalogue, TreatmentOption};
use crate::ajcc9::{EditionChoice, Stage9Result};
use crate::case::Case;
use crate::staging::StageResult;
use crate::vocab::Vocab as _;

/// A caveat or exclusion text with `{site}` replaced by the patient's site, in lower case.
#[expect(
    clippy::literal_string_with_formatting_args,
    reason = "{site} is the catalogue's placeholder, replaced here"
)]
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

/// The options for a case, with the caveats that apply to this patient.
///
/// Options the PDQ's text rules out for this patient go to `excluded` with their reasons. The
/// setting follows the AJCC 8th edition only; [`evaluate_by_edition`] also reads the 9th.
pub fn evaluate<'t>(
    case: &Case,
    stage: &StageResult,
    catalogue: &'t TreatmentCatalogue,
) -> TreatmentResult<'t> {
    evaluate_by_edition(case, stage, None, EditionChoice::Unknown, catalogue)
}

/// As [`evaluate`], with the settings by edition.
///
/// See docs/clinical/option-selection.md, "Settings by edition": when the 8th edition gives no setting, the 9th-edition stage `ninth` decides;
/// when both decide and differ, both settings' options are listed, each option labelled with
/// the edition that leads to it ([`crate::treatment::ListedOption::edition`]).
pub fn evaluate_by_edition<'t>(
    case: &Case,
    stage: &StageResult,
    ninth: Option<&Stage9Result>,
    choice: EditionChoice,
    catalogue: &'t TreatmentCatalogue,
) -> TreatmentResult<'t> {
    let mut setting_editions = Vec::new();
    let (settings, mut missing, notes) =
        settings_for(case, stage, ninth, choice, &mut setting_editions);
    // The edition that leads to an option: the one edition whose settings hold it, if only one.
    let edition_of = |option: &TreatmentOption| {
        let mut leading = setting_editions
            .iter()
            .filter(|(s, _)| option.settings.contains(s))
            .map(|(_, e)| *e);
        let first = leading.next();
        if leading.any(|e| Some(e) != first) {
            None
        } else {
            first
        }
    };
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
                    edition: edition_of(option),
                    caveats: caveats_for(option, &catalogue.common_caveats, case, stage),
                });
            } else {
                excluded.push(ExcludedOption {
                    option,
                    setting,
                    edition: edition_of(option),
                    reasons,
                });
            }
        }
    }
    missing.sort();
    missing.dedup();
    TreatmentResult {
        settings,
        setting_editions,
        options,
        excluded,
        missing,
        notes,
    }
}
