//! The text typed into the Course tab's fields, kept apart from the case.
//!
//! Like [`crate::app::document::FormText`]: a date is typed as `YYYY-MM-DD` and read by the
//! core's `Date` parser; until it reads, the case keeps its previous value and the field shows
//! why.
//!
//! One form row per course event and per board entry ([`Rows`]), each remembering the value it
//! was last in step with, so that a change made elsewhere (undo, redo, opening a file) rebuilds
//! the row instead of being overwritten by it. The drafts of a new event or board entry
//! ([`CourseDrafts`]) reach the case only through "Add", when they are complete.

use std::collections::BTreeSet;

use mesocds_core::Case;
use mesocds_core::ajcc9::Date;
use mesocds_core::course::{BestResponse, BoardEntry, CourseEvent, Recurrence, Remission};
use mesocds_core::vocab::PriorTherapy;

pub use super::course_rows::{Row, RowForm, Rows};

/// The kinds of course event, in the order the type picker lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// Diagnosis.
    Diagnosis,
    /// A line of systemic therapy.
    SystemicLine,
    /// Surgery.
    Surgery,
    /// Radiotherapy.
    Radiotherapy,
    /// Remission.
    Remission,
    /// Recurrence.
    Recurrence,
}

impl EventKind {
    /// Every kind, in picker order.
    pub const ALL: [Self; 6] = [
        Self::Diagnosis,
        Self::SystemicLine,
        Self::Surgery,
        Self::Radiotherapy,
        Self::Remission,
        Self::Recurrence,
    ];

    /// The picker's words.
    pub fn label(self) -> &'static str {
        match self {
            Self::Diagnosis => "Diagnosis",
            Self::SystemicLine => "Line of systemic therapy",
            Self::Surgery => "Surgery",
            Self::Radiotherapy => "Radiotherapy",
            Self::Remission => "Remission",
            Self::Recurrence => "Recurrence",
        }
    }

    /// The kind of `event`.
    pub fn of(event: &CourseEvent) -> Self {
        match event {
            CourseEvent::Diagnosis { .. } => Self::Diagnosis,
            CourseEvent::SystemicLine { .. } => Self::SystemicLine,
            CourseEvent::Surgery { .. } => Self::Surgery,
            CourseEvent::Radiotherapy { .. } => Self::Radiotherapy,
            CourseEvent::Remission { .. } => Self::Remission,
            CourseEvent::Recurrence { .. } => Self::Recurrence,
        }
    }

    /// Whether the event has a start and an end (a line, radiotherapy) rather than one date.
    pub fn has_end(self) -> bool {
        matches!(self, Self::SystemicLine | Self::Radiotherapy)
    }
}

/// Reads a required date: the core's parser and message; empty is "not entered".
///
/// # Errors
/// The message to show under the field.
pub fn parse_date(text: &str) -> Result<Date, String> {
    if text.trim().is_empty() {
        return Err("not entered: type the date as YYYY-MM-DD".to_owned());
    }
    text.parse::<Date>().map_err(|e| e.to_string())
}

/// Reads an optional date: empty is not entered (`None`).
///
/// # Errors
/// The message to show under the field.
pub fn parse_optional_date(text: &str) -> Result<Option<Date>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_date(text).map(Some)
}

/// The fields of one course event as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventForm {
    /// The kind; `None` only in a draft before a type is picked.
    pub kind: Option<EventKind>,
    /// The date, or the start of a line or radiotherapy.
    pub date: String,
    /// The end of a line or radiotherapy (empty: ongoing or not entered).
    pub end: String,
    /// The agents of a line.
    pub agents: BTreeSet<PriorTherapy>,
    /// The best response of a line, as the clinician chose it.
    pub response: Option<BestResponse>,
    /// The procedure of a surgery, in the clinician's words.
    pub procedure: String,
    /// Complete or partial remission.
    pub remission: Option<Remission>,
    /// Local or distant recurrence.
    pub recurrence: Option<Recurrence>,
}

impl EventForm {
    /// The form of an existing event.
    pub fn from_event(event: &CourseEvent) -> Self {
        let mut form = Self {
            kind: Some(EventKind::of(event)),
            date: event.date().to_string(),
            end: event.end().map_or_else(String::new, |d| d.to_string()),
            ..Self::default()
        };
        match event {
            CourseEvent::SystemicLine {
                agents, response, ..
            } => {
                form.agents.clone_from(agents);
                form.response = *response;
            }
            CourseEvent::Surgery { procedure, .. } => form.procedure.clone_from(procedure),
            CourseEvent::Remission { depth, .. } => form.remission = Some(*depth),
            CourseEvent::Recurrence { extent, .. } => form.recurrence = Some(*extent),
            CourseEvent::Diagnosis { .. } | CourseEvent::Radiotherapy { .. } => {}
        }
        form
    }

    /// The event this draft describes, or what is still missing or wrong (one message each).
    ///
    /// # Errors
    /// The messages to show beside "Add".
    pub fn to_event(&self) -> Result<CourseEvent, Vec<String>> {
        let mut problems = Vec::new();
        let Some(kind) = self.kind else {
            return Err(vec!["Pick the type of event.".to_owned()]);
        };
        let date = parse_date(&self.date).map_err(|e| problems.push(format!("Date: {e}")));
        let end = parse_optional_date(&self.end).map_err(|e| problems.push(format!("End: {e}")));
        if kind == EventKind::SystemicLine && self.agents.is_empty() {
            problems.push("Tick at least one agent.".to_owned());
        }
        const REMISSION: &str = "Choose complete or partial remission.";
        const RECURRENCE: &str = "Choose local or distant recurrence.";
        if kind == EventKind::Remission && self.remission.is_none() {
            problems.push(REMISSION.to_owned());
        }
        if kind == EventKind::Recurrence && self.recurrence.is_none() {
            problems.push(RECURRENCE.to_owned());
        }
        let (Ok(date), Ok(end), true) = (date, end, problems.is_empty()) else {
            return Err(problems);
        };
        let end = if kind.has_end() { end } else { None };
        let missing = |m: &str| vec![m.to_owned()];
        Ok(match kind {
            EventKind::Diagnosis => CourseEvent::Diagnosis { date },
            EventKind::SystemicLine => CourseEvent::SystemicLine {
                agents: self.agents.clone(),
                start: date,
                end,
                response: self.response,
            },
            EventKind::Surgery => CourseEvent::Surgery {
                date,
                procedure: self.procedure.trim().to_owned(),
            },
            EventKind::Radiotherapy => CourseEvent::Radiotherapy { start: date, end },
            EventKind::Remission => CourseEvent::Remission {
                date,
                depth: self.remission.ok_or_else(|| missing(REMISSION))?,
            },
            EventKind::Recurrence => CourseEvent::Recurrence {
                date,
                extent: self.recurrence.ok_or_else(|| missing(RECURRENCE))?,
            },
        })
    }

    /// Writes every field that reads into `event` (a date that does not read leaves the event's
    /// date as it was). The kind of an existing event does not change.
    pub fn apply_to(&self, event: &mut CourseEvent) {
        let date = parse_date(&self.date).ok();
        let end = parse_optional_date(&self.end).ok();
        match event {
            CourseEvent::Diagnosis { date: d } => set(d, date),
            CourseEvent::SystemicLine {
                agents,
                start,
                end: e,
                response,
            } => {
                set(start, date);
                set(e, end);
                agents.clone_from(&self.agents);
                *response = self.response;
            }
            CourseEvent::Surgery { date: d, procedure } => {
                set(d, date);
                procedure.clone_from(&self.procedure);
            }
            CourseEvent::Radiotherapy { start, end: e } => {
                set(start, date);
                set(e, end);
            }
            CourseEvent::Remission { date: d, depth } => {
                set(d, date);
                set(depth, self.remission);
            }
            CourseEvent::Recurrence { date: d, extent } => {
                set(d, date);
                set(extent, self.recurrence);
            }
        }
    }
}

fn set<T>(target: &mut T, value: Option<T>) {
    if let Some(v) = value {
        *target = v;
    }
}

/// The fields of one board entry as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardForm {
    /// Date of the board.
    pub date: String,
    /// The question put to the board.
    pub question: String,
    /// The decision in the clinician's own words.
    pub decision: String,
    /// Attendees, one per line or comma-separated.
    pub attendees: String,
    /// Next review date (empty: not set).
    pub next_review: String,
}

/// Attendees typed one per line or comma-separated, without blanks.
pub fn parse_attendees(text: &str) -> Vec<String> {
    text.split(['\n', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

impl BoardForm {
    /// The form of an existing entry (attendees one per line).
    pub fn from_entry(entry: &BoardEntry) -> Self {
        Self {
            date: entry.date.to_string(),
            question: entry.question.clone(),
            decision: entry.decision.clone(),
            attendees: entry.attendees.join("\n"),
            next_review: entry
                .next_review
                .map_or_else(String::new, |d| d.to_string()),
        }
    }

    /// The entry this draft describes, or what is wrong with its dates.
    ///
    /// # Errors
    /// The messages to show beside "Add".
    pub fn to_entry(&self) -> Result<BoardEntry, Vec<String>> {
        let date = parse_date(&self.date).map_err(|e| format!("Board date: {e}"));
        let next = parse_optional_date(&self.next_review).map_err(|e| format!("Next review: {e}"));
        match (date, next) {
            (Ok(date), Ok(next_review)) => Ok(BoardEntry {
                date,
                question: self.question.clone(),
                decision: self.decision.clone(),
                attendees: parse_attendees(&self.attendees),
                next_review,
            }),
            (date, next) => Err([date.err(), next.err()].into_iter().flatten().collect()),
        }
    }

    /// Writes every field that reads into `entry`.
    pub fn apply_to(&self, entry: &mut BoardEntry) {
        set(&mut entry.date, parse_date(&self.date).ok());
        set(
            &mut entry.next_review,
            parse_optional_date(&self.next_review).ok(),
        );
        entry.question.clone_from(&self.question);
        entry.decision.clone_from(&self.decision);
        // Only once the text was edited: an attendee read from a file may hold a comma, which
        // must not split it just because the tab was shown.
        if self.attendees != entry.attendees.join("\n") {
            entry.attendees = parse_attendees(&self.attendees);
        }
    }
}

/// The Course tab's rows for one case (part of [`crate::app::document::FormText`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CourseFormText {
    /// One row per course event, in the case's order.
    pub events: Rows<EventForm>,
    /// One row per board entry, in the case's order.
    pub board: Rows<BoardForm>,
}

impl CourseFormText {
    /// The rows for the course and the board entries of `case`.
    pub fn from_case(case: &Case) -> Self {
        Self {
            events: Rows::of(&case.course.events),
            board: Rows::of(&case.board),
        }
    }
}

/// What is being typed for a new event or board entry; not part of the case until "Add", and
/// kept through undo (it is not an edit of the case).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CourseDrafts {
    /// The new event.
    pub event: EventForm,
    /// The new board entry.
    pub board: BoardForm,
    /// What was last deleted: the "Deleted … Undo" line is shown while the case is still the
    /// one right after the deletion.
    pub deleted: Option<Deleted>,
}

/// A deletion on the Course tab, offered for undo.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    /// "Deleted: …", with the whole event or entry.
    pub message: String,
    /// The case right after the deletion.
    pub after: Case,
    /// A board entry (shown above the board entries) or an event (above the events).
    pub board: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(t: &str) -> Date {
        t.parse().expect("date")
    }

    #[test]
    fn a_draft_needs_its_date_type_and_choices() {
        let mut f = EventForm::default();
        assert_eq!(f.to_event().unwrap_err(), ["Pick the type of event."]);
        f.kind = Some(EventKind::SystemicLine);
        f.date = "2024-13-01".to_owned();
        let problems = f.to_event().unwrap_err();
        assert!(problems[0].contains("month 13"), "{problems:?}");
        assert!(problems[1].contains("agent"), "{problems:?}");
        f.date = "2024-03-01".to_owned();
        f.agents.insert(PriorTherapy::PlatinumPemetrexed);
        f.end = "2024-07-01".to_owned();
        let e = f.to_event().expect("complete");
        assert_eq!(e.date(), d("2024-03-01"));
        assert_eq!(e.end(), Some(d("2024-07-01")));
        f.kind = Some(EventKind::Recurrence);
        assert!(f.to_event().unwrap_err()[0].contains("local or distant"));
    }

    #[test]
    fn an_unreadable_date_keeps_the_value_and_the_rest_applies() {
        let mut e = CourseEvent::SystemicLine {
            agents: [PriorTherapy::PlatinumPemetrexed].into(),
            start: d("2024-03-01"),
            end: None,
            response: None,
        };
        let mut f = EventForm::from_event(&e);
        f.date = "2024-02-30".to_owned();
        f.response = Some(BestResponse::StableDisease);
        f.apply_to(&mut e);
        assert_eq!(e.date(), d("2024-03-01"));
        assert!(matches!(
            e,
            CourseEvent::SystemicLine {
                response: Some(BestResponse::StableDisease),
                ..
            }
        ));
    }

    #[test]
    fn attendees_one_per_line_or_comma_separated() {
        assert_eq!(
            parse_attendees("thoracic surgery, radiology\n\n medical oncology "),
            ["thoracic surgery", "radiology", "medical oncology"]
        );
        let mut b = BoardForm {
            date: "2025-05-20".to_owned(),
            next_review: "soon".to_owned(),
            ..BoardForm::default()
        };
        assert!(b.to_entry().unwrap_err()[0].starts_with("Next review:"));
        b.next_review.clear();
        assert_eq!(b.to_entry().expect("entry").next_review, None);
    }

    #[test]
    fn an_attendee_with_a_comma_is_kept_until_the_text_is_edited() {
        let mut entry = BoardEntry {
            date: d("2025-05-20"),
            question: String::new(),
            decision: String::new(),
            attendees: vec!["Dr A, thoracic surgery".to_owned(), " radiology".to_owned()],
            next_review: None,
        };
        let before = entry.clone();
        let mut form = BoardForm::from_entry(&entry);
        form.apply_to(&mut entry);
        assert_eq!(entry, before);
        form.attendees.push_str("\npathology");
        form.apply_to(&mut entry);
        assert_eq!(
            entry.attendees,
            ["Dr A", "thoracic surgery", "radiology", "pathology"]
        );
    }
}
