//! The headline of a case summary (issue 13): what the board needs first.
//!
//! One box at the top of the case's first page or slide: the stage with its edition (the one
//! that applies, both when which applies is unknown), the EORTC and CALGB results, the disease
//! status, the question for the board (cut short when long) and this patient's flags (at most
//! [`MAX_FLAGS`] bullets).
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
/// The heading of the decision section, where each board entry's full question is printed.
pub const DECISION: &str = "Tumor board decision";

/// The longest question the headline prints whole, in characters.
///
/// A longer one is cut at a word boundary and followed by [`QUESTION_CUT`]; the board entry in
/// the decision section prints it whole (`src/report/course.rs`). 200 characters wrap to 6 lines
/// of the slides' headline column at 18 pt; when the box is still too tall for the space left
/// on the first slide, the layout prints its rows at the body's size
/// (`src/report/pdf/headline.rs`). `tests/report_keep.rs` checks a 600-character question.
pub const QUESTION_LIMIT: usize = 200;
/// What follows a question cut short in the headline.
pub const QUESTION_CUT: &str = "… (full question in the Tumor board decision section)";
/// The most bullets of the headline's flags; with more, the last is "and N more, listed below"
/// (each flag is printed in its own section below).
pub const MAX_FLAGS: usize = 5;
/// The end of the flags' last bullet when some are not shown.
const MORE: &str = " more, listed below";

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
        Some(q) if !q.is_empty() => shorten(q),
        _ => NOT_ENTERED.to_owned(),
    }
}

/// `q` whole when it has at most [`QUESTION_LIMIT`] characters, else its words up to the limit
/// and [`QUESTION_CUT`] (a single word longer than the limit is cut inside).
fn shorten(q: &str) -> String {
    if q.chars().count() <= QUESTION_LIMIT {
        return q.to_owned();
    }
    // Up to the last space within the first limit + 1 characters: whole words only.
    let head: String = q.chars().take(QUESTION_LIMIT + 1).collect();
    let cut: String = match head.rfind(char::is_whitespace) {
        Some(at) => head[..at].to_owned(),
        None => q.chars().take(QUESTION_LIMIT).collect(),
    };
    let cut = cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:.".contains(c));
    format!("{cut}{QUESTION_CUT}")
}

/// At most [`MAX_FLAGS`] bullets: the first ones shown, then "and N more, listed below" for
/// the `hidden` ones and those that do not fit.
fn cap(mut shown: Vec<String>, mut hidden: usize) -> Vec<String> {
    if shown.len() + usize::from(hidden > 0) > MAX_FLAGS {
        let keep = MAX_FLAGS - 1;
        hidden += shown.len() - keep;
        shown.truncate(keep);
    }
    if hidden > 0 {
        shown.push(format!("and {hidden}{MORE}"));
    }
    shown
}

/// How many flags a capped list leaves out (0 when it shows them all).
fn hidden(items: &[String]) -> usize {
    items
        .last()
        .and_then(|l| l.strip_prefix("and ")?.strip_suffix(MORE)?.parse().ok())
        .unwrap_or(0)
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
    let flags = cap(flags(a), 0);
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
        Some(Block::Bullets(items)) => {
            let hidden = hidden(items);
            if hidden > 0 {
                items.pop();
            }
            items.insert(0, flag);
            *items = cap(std::mem::take(items), hidden);
        }
        Some(last) => *last = Block::Bullets(vec![flag]),
        None => headline.blocks.push(Block::Bullets(vec![flag])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_question_is_cut_at_a_word_and_says_where_the_whole_one_is() {
        let short = "Second-line options?";
        assert_eq!(shorten(short), short);
        let exact = "a".repeat(QUESTION_LIMIT);
        assert_eq!(shorten(&exact), exact);
        let long = format!("{}end?", "word ".repeat(120));
        let cut = shorten(&long);
        let shown = cut.strip_suffix(QUESTION_CUT).expect("the note");
        assert!(shown.chars().count() <= QUESTION_LIMIT, "{shown}");
        assert!(shown.chars().count() > QUESTION_LIMIT - 6, "{shown}");
        assert!(
            shown.split(' ').all(|w| w == "word"),
            "whole words: {shown}"
        );
        // One word longer than the limit is cut inside it.
        let word = "x".repeat(QUESTION_LIMIT * 2);
        let shown = shorten(&word);
        assert_eq!(
            shown.strip_suffix(QUESTION_CUT).map(|s| s.chars().count()),
            Some(QUESTION_LIMIT)
        );
    }

    #[test]
    fn many_flags_end_with_how_many_more_are_listed_below() {
        let flags = |n: usize| (1..=n).map(|i| format!("flag {i}")).collect::<Vec<_>>();
        assert_eq!(cap(flags(MAX_FLAGS), 0), flags(MAX_FLAGS));
        let capped = cap(flags(9), 0);
        assert_eq!(capped.len(), MAX_FLAGS);
        assert_eq!(capped[..MAX_FLAGS - 1], flags(MAX_FLAGS - 1)[..]);
        assert_eq!(capped[MAX_FLAGS - 1], "and 5 more, listed below");
        assert_eq!(hidden(&capped), 5);
        // The seal warning goes first and the count grows.
        let mut sections = vec![Section {
            kind: SectionKind::Headline,
            heading: HEADLINE.to_owned(),
            blocks: vec![Block::Bullets(capped)],
        }];
        add_flag(&mut sections, "seal".to_owned());
        let Block::Bullets(items) = &sections[0].blocks[0] else {
            panic!("bullets")
        };
        assert_eq!(items.len(), MAX_FLAGS);
        assert_eq!(items[0], "seal");
        assert_eq!(items[MAX_FLAGS - 1], "and 6 more, listed below");
    }
}
