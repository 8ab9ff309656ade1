//! The headline of a case summary (issue 13): what the board needs first, in one box at the top
//! of the case's first page or slide. The stage with its edition (the one that applies, both when
//! which applies is unknown), the EORTC and CALGB results, the disease status, the question for
//! the board and this patient's flags.
//!
//! Every value is the wording the detail sections below already print (the same functions);
//! nothing clinical is worded here. Which flags are shown, and why:
//! `docs/clinical/disease-status.md`, "The headline of a printed case".

use mesocds_core::ajcc9::Edition;
use mesocds_core::vocab::{Input, Site, Vocab as _};
use mesocds_core::{Assessment, Case, ClinicalTables};

use super::model::{Block, Section, SectionKind, calgb_lead, eortc_lead};
use crate::present::{self, NOT_ENTERED, NOT_FOR_THIS_PATIENT, ninth_lead, peritoneal_lead};

/// The heading of the headline section.
pub const HEADLINE: &str = "For the board";
/// The sub-heading of this patient's flags in the headline.
pub const FLAGS: &str = "Flags for this patient";

/// The stage rows: the edition that applies (marked), or both editions and the sentence saying
/// which applies is unknown; a non-pleural site's "no AJCC stage" and its proposed peritoneal
/// stage.
fn stage_rows(case: &Case, a: &Assessment<'_>, tables: &ClinicalTables) -> Vec<(String, String)> {
    let eighth = (
        tables.stage.edition.clone(),
        present::stage_wording(&a.stage).lead,
    );
    let ninth = (Edition::Ajcc9.code().to_owned(), ninth_lead(&a.stage_9th));
    let pleural = matches!(case.disease.site, None | Some(Site::Pleural));
    let mut rows = Vec::new();
    if pleural {
        match a.edition.edition() {
            Some(Edition::Ajcc8) => rows.push((format!("{} (applies)", eighth.0), eighth.1)),
            Some(Edition::Ajcc9) => rows.push((format!("{} (applies)", ninth.0), ninth.1)),
            None => {
                rows.extend([eighth, ninth]);
                rows.push(("Edition".to_owned(), a.edition.note()));
            }
        }
    } else {
        rows.push(("Stage".to_owned(), eighth.1));
    }
    if let Some(p) = &a.peritoneal {
        rows.push(("Peritoneal stage".to_owned(), peritoneal_lead(p)));
    }
    rows
}

/// The question of the latest board entry (by date; the last entered of the same date), or
/// "not entered".
fn question(case: &Case) -> String {
    let latest = case
        .board
        .iter()
        .enumerate()
        .max_by_key(|(i, e)| (e.date, *i))
        .map(|(_, e)| e.question.trim());
    match latest {
        Some(q) if !q.is_empty() => q.to_owned(),
        _ => NOT_ENTERED.to_owned(),
    }
}

/// This patient's flags, in the detail sections' own words: contradictory findings and
/// picked-versus-findings disagreements (and the solitary contradiction), the inputs missing
/// for the stage of the edition that applies, the scores and the options, and how many options
/// are ruled out. The seal warning is added by [`super::mark_seal`].
fn flags(a: &Assessment<'_>) -> Vec<String> {
    let notes = present::stage_notes(&a.stage);
    let mut out: Vec<String> = notes
        .solitary
        .into_iter()
        .chain(notes.warnings)
        .map(str::to_owned)
        .collect();
    let stage_missing: Vec<&str> = if a.edition.edition() == Some(Edition::Ajcc9) {
        a.stage_9th.missing.iter().map(|i| i.label()).collect()
    } else {
        a.stage.missing.iter().map(|i| i.label()).collect()
    };
    let mut missing: Vec<&str> = Vec::new();
    let others = a
        .eortc
        .missing
        .iter()
        .chain(&a.calgb.missing)
        .chain(&a.treatment.missing)
        .map(|i: &Input| i.label());
    for name in stage_missing.into_iter().chain(others) {
        if !missing.contains(&name) {
            missing.push(name);
        }
    }
    if !missing.is_empty() {
        out.push(format!("Missing: {}.", missing.join(", ")));
    }
    let excluded = a.treatment.excluded.len();
    if excluded > 0 {
        out.push(format!(
            "{NOT_FOR_THIS_PATIENT}: {excluded} option{}, listed with the treatment options.",
            if excluded == 1 { "" } else { "s" }
        ));
    }
    out
}

/// The headline section of one case.
pub(super) fn headline_section(
    case: &Case,
    a: &Assessment<'_>,
    tables: &ClinicalTables,
) -> Section {
    let mut fields = stage_rows(case, a, tables);
    fields.extend([
        ("EORTC".to_owned(), eortc_lead(&a.eortc)),
        ("CALGB".to_owned(), calgb_lead(&a.calgb)),
        (
            "Disease status".to_owned(),
            super::course::status_field(case),
        ),
        ("Question for the board".to_owned(), question(case)),
    ]);
    let flags = flags(a);
    let flag_block = if flags.is_empty() {
        Block::Text("none".to_owned())
    } else {
        Block::Bullets(flags)
    };
    Section {
        kind: SectionKind::Headline,
        heading: HEADLINE.to_owned(),
        blocks: vec![
            Block::Fields(fields),
            Block::Subheading(FLAGS.to_owned()),
            flag_block,
        ],
    }
}

/// Puts `flag` first among the headline's flags (the seal warning).
pub(super) fn add_flag(sections: &mut [Section], flag: String) {
    let Some(headline) = sections
        .iter_mut()
        .find(|s| s.kind == SectionKind::Headline)
    else {
        return;
    };
    match headline.blocks.last_mut() {
        Some(Block::Bullets(items)) => items.insert(0, flag),
        Some(last) => *last = Block::Bullets(vec![flag]),
        None => headline.blocks.push(Block::Bullets(vec![flag])),
    }
}
