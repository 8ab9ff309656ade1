//! Load-time checks of the treatment catalogue.

use super::condition::Condition;
use super::{Difference, Direction, MedianOs, Setting, TreatmentCatalogue, TreatmentOption};
use crate::table_problem::TableProblem;

/// Checks the catalogue: unique ids, at least one citation each, every setting used, CI levels
/// written out in the results they qualify, and caveats that can be shown when not checkable.
pub(crate) fn validate(catalogue: &TreatmentCatalogue) -> Result<(), TableProblem> {
    let mut seen = std::collections::HashSet::new();
    for o in &catalogue.options {
        if !seen.insert(o.id.as_str()) {
            return Err(TableProblem::DuplicateOption { id: o.id.clone() });
        }
        validate_option(o, catalogue)?;
    }
    for &s in Setting::ALL {
        if !catalogue.options.iter().any(|o| o.settings.contains(&s)) {
            return Err(TableProblem::SettingWithoutOption { setting: s });
        }
    }
    Ok(())
}

/// Checks one option: citations, settings, name, CI levels written out, median overall survival
/// against its outcomes, exclusions, common caveats and unknown-input texts.
fn validate_option(
    o: &TreatmentOption,
    catalogue: &TreatmentCatalogue,
) -> Result<(), TableProblem> {
    if o.citations.is_empty() {
        return Err(TableProblem::NoCitation { id: o.id.clone() });
    }
    if o.settings.is_empty() {
        return Err(TableProblem::NoSetting { id: o.id.clone() });
    }
    if o.name.trim().is_empty() {
        return Err(TableProblem::NoName { id: o.id.clone() });
    }
    if let Some(trial) = &o.trial {
        for outcome in &trial.outcomes {
            if let Some(level) = outcome.ci_level_percent {
                let written = format!("{level}% CI");
                if !outcome.result.contains(&written) {
                    return Err(TableProblem::CiLevelNotWritten {
                        id: o.id.clone(),
                        endpoint: outcome.endpoint.clone(),
                        level: format!("{level}"),
                    });
                }
            } else if outcome.result.contains("% CI") {
                return Err(TableProblem::CiWithoutLevel {
                    id: o.id.clone(),
                    endpoint: outcome.endpoint.clone(),
                });
            }
        }
    }
    if let Some(os) = &o.median_os {
        check_median_os(o, os)?;
    }
    for id in &o.common_caveats {
        if !catalogue.common_caveats.iter().any(|c| &c.id == id) {
            return Err(TableProblem::UnknownCommonCaveat {
                id: o.id.clone(),
                caveat: id.clone(),
            });
        }
    }
    for rule in &o.exclusions {
        if rule.when == Condition::Always {
            return Err(TableProblem::ExclusionAlways { id: o.id.clone() });
        }
        if rule.reason.trim().is_empty() || rule.source.trim().is_empty() {
            return Err(TableProblem::ExclusionWithoutSource { id: o.id.clone() });
        }
    }
    for rule in &o.caveats {
        if rule.when != Condition::Always && rule.if_unknown.is_none() {
            return Err(TableProblem::CaveatWithoutIfUnknown {
                id: o.id.clone(),
                caveat: rule.text.clone(),
            });
        }
    }
    Ok(())
}

/// Checks the median overall survival of an option: both figures written in its outcomes, and
/// the difference typed to match the direction of its overall-survival outcome.
fn check_median_os(o: &TreatmentOption, os: &MedianOs) -> Result<(), TableProblem> {
    let results: Vec<&str> = o
        .trial
        .iter()
        .flat_map(|t| t.outcomes.iter())
        .map(|oc| oc.result.as_str())
        .collect();
    for months in [os.option_months, os.comparator_months] {
        let written = format!("{months:.1}");
        if !results.iter().any(|r| r.contains(&written)) {
            return Err(TableProblem::MedianNotInOutcomes {
                id: o.id.clone(),
                months: written,
            });
        }
    }
    let os_directions: Vec<Direction> = o
        .trial
        .iter()
        .flat_map(|t| t.outcomes.iter())
        .filter(|oc| oc.endpoint.starts_with("Overall survival"))
        .map(|oc| oc.direction)
        .collect();
    let expected = match os.difference {
        Difference::Significant | Difference::HistoricalControl => Direction::Favours,
        Difference::NotSignificant => Direction::NotSignificant,
    };
    if !os_directions.contains(&expected) {
        return Err(TableProblem::DifferenceMismatch {
            id: o.id.clone(),
            difference: os.difference,
        });
    }
    if (os.difference == Difference::HistoricalControl)
        != os.comparator.contains("historical control")
    {
        return Err(TableProblem::HistoricalControlMismatch { id: o.id.clone() });
    }
    Ok(())
}
