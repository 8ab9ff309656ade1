//! Wording of the disease course and the tumor-board entries on screen (issue 13), shared by
//! the Course and Case tabs: what the core's course gives, put into sentences
//! (`crates/mesocds_core/src/course/`; `docs/clinical/disease-status.md`, "Disease course").

use std::collections::BTreeSet;

use mesocds_core::ajcc9::Date;
use mesocds_core::course::{BestResponse, BoardEntry, CourseEvent, Recurrence, Remission};
use mesocds_core::vocab::{DiseaseStatus, PriorTherapy, Vocab as _};

use super::NOT_ENTERED;

/// An open-ended line of systemic therapy or radiotherapy (no end date entered).
pub const END_NOT_ENTERED: &str = "ongoing or end not entered";

/// How the core's note begins when the course's status and the directly entered status differ
/// (`crates/mesocds_core/src/course/effective.rs`, `effective_case`).
pub const COURSE_STATUS_NOTE: &str = "Disease status: the course gives";

/// How the core's note begins when the course's prior systemic therapy and the directly entered
/// one differ (`crates/mesocds_core/src/course/effective.rs`, `effective_case`).
pub const COURSE_PRIOR_NOTE: &str = "Prior systemic therapy: the course's lines give";

/// How the core's note begins when the course's diagnosis event and the directly entered date
/// of diagnosis differ (`crates/mesocds_core/src/course/effective.rs`, `effective_case`).
pub const COURSE_DIAGNOSED_NOTE: &str = "Date of diagnosis: the course's diagnosis event";

/// "From the disease course: diagnosed 2024-02-01 (this date decides the staging edition)".
pub fn course_diagnosed_line(date: Date) -> String {
    format!("From the disease course: diagnosed {date} (this date decides the staging edition)")
}

/// Said of a directly entered status or prior therapy while the course gives the value.
pub const DIRECT_NOT_IN_USE: &str =
    "The value entered directly below is not in use while the disease course gives one.";

/// "From the disease course: Recurrence: distant (since 2025-05-01)".
pub fn course_status_line(status: DiseaseStatus, since: Date) -> String {
    format!(
        "From the disease course: {} (since {since})",
        status.label()
    )
}

/// "From the disease course: Platinum plus pemetrexed, Bevacizumab" (the union of the lines'
/// agents; "no agent named" for lines without one).
pub fn course_prior_line(agents: &BTreeSet<PriorTherapy>) -> String {
    let text = if agents.is_empty() {
        "no agent named".to_owned()
    } else {
        agents_text(agents)
    };
    format!("From the disease course: {text}")
}

/// The agents of a line, by their labels, comma-separated.
pub fn agents_text(agents: &BTreeSet<PriorTherapy>) -> String {
    agents
        .iter()
        .map(|a| a.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The best response of a line as entered: "best response: partial response", or that it was
/// not entered (the app never computes a response).
pub fn response_text(response: Option<BestResponse>) -> String {
    response.map_or_else(
        || format!("best response {NOT_ENTERED}"),
        |r| format!("best response: {}", r.label()),
    )
}

/// The status words of a remission depth (the status vocabulary's label).
pub fn remission_label(depth: Remission) -> &'static str {
    match depth {
        Remission::Complete => DiseaseStatus::CompleteRemission.label(),
        Remission::Partial => DiseaseStatus::PartialRemission.label(),
    }
}

/// The status words of a recurrence extent (the status vocabulary's label).
pub fn recurrence_label(extent: Recurrence) -> &'static str {
    match extent {
        Recurrence::Local => DiseaseStatus::LocalRecurrence.label(),
        Recurrence::Distant => DiseaseStatus::DistantRecurrence.label(),
    }
}

/// The whole event in one line, for a tooltip and a screen reader.
///
/// Its dates, what happened, and for a line its best response as entered, e.g. "2024-03-01 to 2024-07-01: Systemic
/// therapy: Platinum plus pemetrexed; best response: partial response".
pub fn event_text(event: &CourseEvent) -> String {
    let dates = match (event, event.end()) {
        (_, Some(end)) => format!("{} to {end}", event.date()),
        (CourseEvent::SystemicLine { .. } | CourseEvent::Radiotherapy { .. }, None) => {
            format!("from {} ({END_NOT_ENTERED})", event.date())
        }
        (_, None) => event.date().to_string(),
    };
    match event {
        CourseEvent::SystemicLine { response, .. } => format!(
            "{dates}: {}; {}",
            event.describe(),
            response_text(*response)
        ),
        _ => format!("{dates}: {}", event.describe()),
    }
}

/// A board entry in one line, for a tooltip and a screen reader: "Tumor board 2025-05-20:
/// question …; decision …" with what was not recorded said so.
pub fn board_text(entry: &BoardEntry) -> String {
    let or_missing = |s: &str| {
        if s.trim().is_empty() {
            NOT_ENTERED.to_owned()
        } else {
            s.trim().to_owned()
        }
    };
    let next = entry
        .next_review
        .map_or_else(|| NOT_ENTERED.to_owned(), |d| d.to_string());
    format!(
        "Tumor board {}: question: {}; decision: {}; next review: {next}",
        entry.date,
        or_missing(&entry.question),
        or_missing(&entry.decision)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use mesocds_core::Case;

    /// The prefixes the Case tab sorts the course notes by are the ones the core writes.
    #[test]
    fn course_note_prefixes_are_the_cores() {
        use mesocds_core::course::{CourseEvent, effective_case};
        let d = |t: &str| t.parse::<Date>().expect("date");
        let mut case = Case::default();
        case.disease.status = Some(DiseaseStatus::New);
        case.therapy.prior_systemic = Some(BTreeSet::new());
        case.course.events = vec![
            CourseEvent::SystemicLine {
                agents: [PriorTherapy::PlatinumPemetrexed].into(),
                start: d("2024-03-01"),
                end: None,
                response: None,
            },
            CourseEvent::Recurrence {
                date: d("2025-05-01"),
                extent: Recurrence::Distant,
            },
        ];
        let notes = effective_case(&case).notes;
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].starts_with(COURSE_STATUS_NOTE), "{notes:?}");
        assert!(notes[1].starts_with(COURSE_PRIOR_NOTE), "{notes:?}");
        assert_eq!(
            event_text(&case.course.events[0]),
            "from 2024-03-01 (ongoing or end not entered): Systemic therapy: Platinum plus \
             pemetrexed; best response not entered"
        );
        assert_eq!(
            course_status_line(DiseaseStatus::DistantRecurrence, d("2025-05-01")),
            "From the disease course: Recurrence: distant (since 2025-05-01)"
        );
    }
}
