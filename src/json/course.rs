//! The `course` and `board` keys of the JSON output (issue 13): the dated events by date and the
//! tumor-board entries, exactly as entered (`docs/clinical/disease-status.md`, "Disease course").

use mesocds_core::Case;
use mesocds_core::course::{CourseEvent, Recurrence, Remission};
use mesocds_core::vocab::Vocab as _;
use serde_json::{Value, json};

/// The event's type code and its detail (`remission` depth, `recurrence` extent, surgery text).
fn kind(event: &CourseEvent) -> (&'static str, Option<String>) {
    match event {
        CourseEvent::Diagnosis { .. } => ("diagnosis", None),
        CourseEvent::SystemicLine { .. } => ("systemic-line", None),
        CourseEvent::Surgery { procedure, .. } => (
            "surgery",
            (!procedure.is_empty()).then(|| procedure.clone()),
        ),
        CourseEvent::Radiotherapy { .. } => ("radiotherapy", None),
        CourseEvent::Remission { depth, .. } => (
            "remission",
            Some(
                match depth {
                    Remission::Complete => "complete",
                    Remission::Partial => "partial",
                }
                .to_owned(),
            ),
        ),
        CourseEvent::Recurrence { extent, .. } => (
            "recurrence",
            Some(
                match extent {
                    Recurrence::Local => "local",
                    Recurrence::Distant => "distant",
                }
                .to_owned(),
            ),
        ),
    }
}

/// `course`: the dated events, by date. Empty list when the case has no course.
pub fn course_json(case: &Case) -> Value {
    let events: Vec<Value> = case
        .course
        .sorted()
        .into_iter()
        .map(|event| {
            let (kind, detail) = kind(event);
            let (agents, response) = match event {
                CourseEvent::SystemicLine {
                    agents, response, ..
                } => (
                    Some(agents.iter().map(|a| a.code()).collect::<Vec<_>>()),
                    response.map(|r| r.code()),
                ),
                _ => (None, None),
            };
            json!({
                "type": kind,
                "date": event.date().to_string(),
                "end": event.end().map(|d| d.to_string()),
                "detail": detail,
                "agents": agents,
                "response": response,
            })
        })
        .collect();
    Value::Array(events)
}

/// `board`: the tumor-board entries in the order entered.
pub fn board_json(case: &Case) -> Value {
    case.board
        .iter()
        .map(|b| {
            json!({
                "date": b.date.to_string(),
                "question": b.question,
                "decision": b.decision,
                "attendees": b.attendees,
                "next_review": b.next_review.map(|d| d.to_string()),
            })
        })
        .collect()
}
