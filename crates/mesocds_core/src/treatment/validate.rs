//! Load-time checks of the treatment catalogue.

use super::condition::Condition;
use super::{Difference, Direction, MedianOs, Setting, TreatmentCatalogue, TreatmentOption};

/// Checks the catalogue: unique ids, at least one citation each, every setting used, CI levels
/// written out in the results they qualify, and caveats that can be shown when not checkable.
pub(crate) fn validate(catalogue: &TreatmentCatalogue) -> Result<(), String> {
    let mut seen = std::collections::HashSet::new();
    for o in &catalogue.options {
        if !seen.insert(o.id.as_str()) {
            return Err(format!("duplicate treatment option id {:?}", o.id));
        }
        validate_option(o, catalogue)?;
    }
    for &s in Setting::ALL {
        if !catalogue.options.iter().any(|o| o.settings.contains(&s)) {
            return Err(format!("no option is listed for setting {s:?}"));
        }
    }
    Ok(())
}

/// Checks one option: citations, settings, name, CI levels written out, median overall survival
/// against its outcomes, exclusions, common caveats and unknown-input texts.
fn validate_option(o: &TreatmentOption, catalogue: &TreatmentCatalogue) -> Result<(), String> {
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
        check_median_os(o, os)?;
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
    for rule in &o.caveats {
        if rule.when != Condition::Always && rule.if_unknown.is_none() {
            return Err(format!(
                "option {:?}: caveat {:?} needs an if_unknown text (no silent defaults)",
                o.id, rule.text
            ));
        }
    }
    Ok(())
}

/// Checks the median overall survival of an option: both figures written in its outcomes, and
/// the difference typed to match the direction of its overall-survival outcome.
fn check_median_os(o: &TreatmentOption, os: &MedianOs) -> Result<(), String> {
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
    Ok(())
}
