//! The treatment-options section of the report: the options grouped by setting, each with its
//! status, level of evidence, every outcome with its direction, its notes and this patient's
//! caveats; the options ruled out for this patient; the caveats shared by every patient.

#![expect(
    clippy::let_underscore_must_use,
    reason = "writing to a String cannot fail"
)]

use std::fmt::Write as _;

use mesocds_core::evidence::AppliedEvidence;
use mesocds_core::treatment::{CaveatKind, TreatmentOption, TreatmentResult};

use super::evidence::pointer_block;
use super::model::{Block, Section, SectionKind, missing_line, notes};
use crate::present;

pub(super) fn reference_number(refs: &mut Vec<String>, text: String) -> usize {
    if let Some(i) = refs.iter().position(|r| *r == text) {
        i + 1
    } else {
        refs.push(text);
        refs.len()
    }
}

/// A setting's sub-heading, with the staging edition that leads to it when only one does.
fn setting_heading(t: &TreatmentResult<'_>, setting: mesocds_core::treatment::Setting) -> String {
    match t.setting_editions.iter().find(|(s, _)| *s == setting) {
        Some((_, e)) => format!("{} (the setting of the {})", setting.label(), e.code()),
        None => setting.label().to_owned(),
    }
}

/// The PDQ options section; `evidence` adds a one-line pointer on each option a newer trial
/// concerns (the entries themselves are in their own section, [`super::evidence`]).
pub(super) fn treatment_section(
    t: &TreatmentResult<'_>,
    evidence: &[AppliedEvidence<'_>],
    refs: &mut Vec<String>,
) -> Section {
    let mut blocks = Vec::new();
    if t.settings.is_empty() {
        blocks.push(Block::Lead("No options listed".to_owned()));
    } else {
        let s: Vec<&str> = t.settings.iter().map(|s| s.label()).collect();
        blocks.push(Block::Lead(format!("Setting: {}", s.join("; "))));
    }
    blocks.extend(missing_line(&t.missing));
    blocks.extend(notes(&t.notes));
    // Caveats shown for every patient are listed once, after the options, with the options they
    // belong to.
    let mut general: Vec<(String, Vec<usize>)> = Vec::new();
    let mut setting = None;
    for (i, o) in t.options.iter().enumerate() {
        let n = i + 1;
        let opt = o.option;
        if t.settings.len() > 1 && setting != Some(o.setting) {
            setting = Some(o.setting);
            blocks.push(Block::Subheading(setting_heading(t, o.setting)));
        }
        let numbers: Vec<String> = opt
            .citations
            .iter()
            .map(|c| {
                let text = match c.pmid {
                    Some(p) => format!("{}. PMID {p}.", c.text.trim_end_matches('.')),
                    None => c.text.clone(),
                };
                reference_number(refs, text).to_string()
            })
            .collect();
        let edition = o
            .edition
            .map_or_else(String::new, |e| format!(" ({} setting)", e.code()));
        blocks.push(Block::Subheading(format!(
            "{n}. {}{edition} [ref {}]",
            opt.name,
            numbers.join(", ")
        )));
        let level = present::level_text(opt.level);
        let mut line = format!("Status: {}; {level}", opt.status.label());
        if let Some(trial) = &opt.trial {
            let _ = write!(line, "; {}", trial.name);
            if let Some(r) = &trial.registry {
                let _ = write!(line, " ({r})");
            }
            if let Some(n) = trial.n {
                let _ = write!(line, ", n = {n}");
            }
        }
        blocks.push(Block::Text(format!("{line}.")));
        blocks.extend(outcome_blocks(opt));
        let mine: Vec<String> = o
            .caveats
            .iter()
            .filter_map(|c| match c.kind {
                CaveatKind::Patient => Some(format!("This patient: {}", c.text)),
                CaveatKind::NotChecked => Some(format!("Not checked: {}", c.text)),
                CaveatKind::General => {
                    match general.iter_mut().find(|(t, _)| *t == c.text) {
                        Some((_, list)) => list.push(n),
                        None => general.push((c.text.clone(), vec![n])),
                    }
                    None
                }
            })
            .collect();
        if !mine.is_empty() {
            blocks.push(Block::Bullets(mine));
        }
        blocks.extend(pointer_block(evidence, &opt.id));
    }
    if !general.is_empty() {
        blocks.push(Block::Subheading("Caveats for every patient".to_owned()));
        blocks.push(Block::Bullets(
            general
                .into_iter()
                .map(|(text, list)| {
                    let l: Vec<String> = list.iter().map(ToString::to_string).collect();
                    let which = if l.len() == 1 { "option" } else { "options" };
                    format!("{text} ({which} {})", l.join(", "))
                })
                .collect(),
        ));
    }
    if !t.excluded.is_empty() {
        blocks.push(Block::Subheading(present::NOT_FOR_THIS_PATIENT.to_owned()));
        blocks.push(Block::Bullets(
            t.excluded
                .iter()
                .map(|x| format!("{}: {}", x.option.name, x.reasons.join(" ")))
                .collect(),
        ));
    }
    Section {
        kind: SectionKind::Detail,
        heading: "Treatment options (NCI PDQ)".to_owned(),
        blocks,
    }
}

/// Every outcome of an option with its direction, and the option's notes: a non-significant or
/// harmful result must read as one (docs/clinical/option-selection.md#reports).
fn outcome_blocks(opt: &TreatmentOption) -> Vec<Block> {
    let mut blocks = Vec::new();
    if let Some(trial) = &opt.trial {
        let outcomes: Vec<String> = trial.outcomes.iter().map(present::outcome_line).collect();
        blocks.push(Block::Bullets(outcomes));
    }
    if !opt.notes.is_empty() {
        blocks.push(Block::Bullets(
            opt.notes.iter().map(|n| format!("Note: {n}")).collect(),
        ));
    }
    blocks
}
