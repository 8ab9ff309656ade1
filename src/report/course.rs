//! The report's "Disease course" section and the tumor-board entries printed with the decision
//! box (issue 13). Only what the clinician entered: the app words no decision
//! (`docs/clinical/disease-status.md`, "Disease course", "Tumor-board entries").

use mesocds_core::Case;
use mesocds_core::course::CourseEvent;
use mesocds_core::vocab::Vocab as _;

use super::model::{Block, Section, SectionKind};
use crate::present::{END_NOT_ENTERED, NOT_ENTERED};

/// "Disease course": the dated events by date, one row each (date, event, until, best response as entered). `None` when the
/// case has no course (its status and prior therapy are the Case section's undated fields).
pub(super) fn course_section(case: &Case) -> Option<Section> {
    if case.course.is_empty() {
        return None;
    }
    let rows = case
        .course
        .sorted()
        .into_iter()
        .map(|e| {
            let until = match (e.end(), e) {
                (Some(end), _) => end.to_string(),
                (None, CourseEvent::SystemicLine { .. } | CourseEvent::Radiotherapy { .. }) => {
                    END_NOT_ENTERED.to_owned()
                }
                (None, _) => String::new(),
            };
            let response = match e {
                CourseEvent::SystemicLine { response, .. } => response
                    .map_or(NOT_ENTERED, mesocds_core::course::BestResponse::label)
                    .to_owned(),
                _ => String::new(),
            };
            vec![e.date().to_string(), e.describe(), until, response]
        })
        .collect();
    Some(Section {
        kind: SectionKind::Detail,
        heading: "Disease course".to_owned(),
        blocks: vec![Block::Table {
            header: vec![
                "Date".to_owned(),
                "Event".to_owned(),
                "Until".to_owned(),
                "Best response".to_owned(),
            ],
            rows,
            widths: vec![0.15, 0.5, 0.15, 0.2],
        }],
    })
}

/// The recorded board entries, before the empty decision box: one sub-heading and the fields
/// (question, decision in the clinician's words, attendees, next review) per entry.
pub(super) fn board_blocks(case: &Case) -> Vec<Block> {
    let or_missing = |s: &str| {
        if s.trim().is_empty() {
            NOT_ENTERED.to_owned()
        } else {
            s.trim().to_owned()
        }
    };
    let mut blocks = Vec::new();
    for entry in &case.board {
        blocks.push(Block::Subheading(format!("Board of {}", entry.date)));
        blocks.push(Block::Fields(vec![
            ("Question".to_owned(), or_missing(&entry.question)),
            ("Decision".to_owned(), or_missing(&entry.decision)),
            (
                "Attendees".to_owned(),
                or_missing(&entry.attendees.join(", ")),
            ),
            (
                "Next review".to_owned(),
                entry
                    .next_review
                    .map_or_else(|| NOT_ENTERED.to_owned(), |d| d.to_string()),
            ),
        ]));
    }
    if !blocks.is_empty() {
        blocks.push(Block::Subheading("New decision".to_owned()));
    }
    blocks
}

/// The Case section's disease status: the course's when it gives one (with the event's date),
/// else the directly entered value.
pub(super) fn status_field(case: &Case) -> String {
    match case.course.status() {
        Some((status, date)) => format!("{} (from the disease course, {date})", status.label()),
        None => case
            .disease
            .status
            .map_or_else(|| NOT_ENTERED.to_owned(), |s| s.label().to_owned()),
    }
}

/// The Case section's prior systemic therapy: the course's lines when it has any, else the
/// directly entered value.
pub(super) fn prior_field(case: &Case) -> String {
    let (prior, from_course) = match case.course.prior_systemic() {
        Some(agents) => (Some(agents), true),
        None => (case.therapy.prior_systemic.clone(), false),
    };
    let text = match prior {
        None => NOT_ENTERED.to_owned(),
        Some(s) if s.is_empty() => "none".to_owned(),
        Some(s) => s.iter().map(|x| x.label()).collect::<Vec<_>>().join(", "),
    };
    if from_course {
        format!("{text} (from the disease course)")
    } else {
        text
    }
}
