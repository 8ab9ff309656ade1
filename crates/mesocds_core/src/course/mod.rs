//! The disease course and the tumor-board entries of a case (case-file format 2, optional).
//!
//! Rules: `docs/clinical/disease-status.md`, "Disease course". The clinician enters every event
//! and every response category; nothing here computes a response or writes a board decision.
//! When the course gives a disease status or prior systemic therapy, the course is used and a
//! disagreement with the directly entered value is reported in a note ([`effective_case`]).

use std::collections::BTreeSet;

use crate::ajcc9::Date;
use crate::case::Case;
use crate::vocab::{DiseaseStatus, PriorTherapy, Vocab as _};

mod effective;

pub use effective::{CourseView, EffectiveCase, course_view, effective_case};

/// Best response to a line of systemic therapy, as the clinician entered it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum BestResponse {
    /// Complete response.
    CompleteResponse,
    /// Partial response.
    PartialResponse,
    /// Stable disease.
    StableDisease,
    /// Progressive disease.
    ProgressiveDisease,
    /// Not evaluable.
    NotEvaluable,
    /// Not assessed.
    NotAssessed,
}

impl BestResponse {
    /// Every category, in display order.
    pub const ALL: [Self; 6] = [
        Self::CompleteResponse,
        Self::PartialResponse,
        Self::StableDisease,
        Self::ProgressiveDisease,
        Self::NotEvaluable,
        Self::NotAssessed,
    ];

    /// Stable code (JSON, command line).
    pub fn code(self) -> &'static str {
        match self {
            Self::CompleteResponse => "complete-response",
            Self::PartialResponse => "partial-response",
            Self::StableDisease => "stable-disease",
            Self::ProgressiveDisease => "progressive-disease",
            Self::NotEvaluable => "not-evaluable",
            Self::NotAssessed => "not-assessed",
        }
    }

    /// Words for the screen and the report.
    pub fn label(self) -> &'static str {
        match self {
            Self::CompleteResponse => "complete response",
            Self::PartialResponse => "partial response",
            Self::StableDisease => "stable disease",
            Self::ProgressiveDisease => "progressive disease",
            Self::NotEvaluable => "not evaluable",
            Self::NotAssessed => "not assessed",
        }
    }

    /// The category with this code (case-insensitive, trimmed).
    pub fn from_code(code: &str) -> Option<Self> {
        let code = code.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// Complete or partial remission.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Remission {
    /// Complete remission (no evidence of disease).
    Complete,
    /// Partial remission.
    Partial,
}

/// Local (same site) or distant recurrence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Recurrence {
    /// Local (same site).
    Local,
    /// Distant.
    Distant,
}

/// One dated event of the disease course.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub enum CourseEvent {
    /// The diagnosis.
    Diagnosis {
        /// Date of diagnosis.
        date: Date,
    },
    /// A line of systemic therapy.
    SystemicLine {
        /// The agents, from the prior-therapy vocabulary.
        agents: BTreeSet<PriorTherapy>,
        /// First day.
        start: Date,
        /// Last day; `None`: ongoing or not entered.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        end: Option<Date>,
        /// Best response as entered; `None`: not entered.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        response: Option<BestResponse>,
    },
    /// Surgery.
    Surgery {
        /// Date of the operation.
        date: Date,
        /// What was done, in the clinician's words.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        procedure: String,
    },
    /// Radiotherapy.
    Radiotherapy {
        /// First day.
        start: Date,
        /// Last day; `None`: ongoing or not entered.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        end: Option<Date>,
    },
    /// Remission, complete or partial.
    Remission {
        /// Date established.
        date: Date,
        /// Complete or partial.
        depth: Remission,
    },
    /// Recurrence, local or distant.
    Recurrence {
        /// Date established.
        date: Date,
        /// Local or distant.
        extent: Recurrence,
    },
}

impl CourseEvent {
    /// The date the event is ordered by (a line's or radiotherapy's start).
    pub fn date(&self) -> Date {
        match self {
            Self::Diagnosis { date }
            | Self::Surgery { date, .. }
            | Self::Remission { date, .. }
            | Self::Recurrence { date, .. } => *date,
            Self::SystemicLine { start, .. } | Self::Radiotherapy { start, .. } => *start,
        }
    }

    /// The end date, for events with one.
    pub fn end(&self) -> Option<Date> {
        match self {
            Self::SystemicLine { end, .. } | Self::Radiotherapy { end, .. } => *end,
            _ => None,
        }
    }

    /// The disease status this event sets, if it sets one.
    pub fn status(&self) -> Option<DiseaseStatus> {
        match self {
            Self::Diagnosis { .. } => Some(DiseaseStatus::New),
            Self::Remission { depth, .. } => Some(match depth {
                Remission::Complete => DiseaseStatus::CompleteRemission,
                Remission::Partial => DiseaseStatus::PartialRemission,
            }),
            Self::Recurrence { extent, .. } => Some(match extent {
                Recurrence::Local => DiseaseStatus::LocalRecurrence,
                Recurrence::Distant => DiseaseStatus::DistantRecurrence,
            }),
            _ => None,
        }
    }

    /// One line of words: what happened (no date, no response), for the report and the screen.
    pub fn describe(&self) -> String {
        match self {
            Self::Diagnosis { .. } => "Diagnosis".to_owned(),
            Self::SystemicLine { agents, .. } => {
                let agents: Vec<&str> = agents.iter().map(|a| a.label()).collect();
                format!("Systemic therapy: {}", agents.join(", "))
            }
            Self::Surgery { procedure, .. } if procedure.is_empty() => "Surgery".to_owned(),
            Self::Surgery { procedure, .. } => format!("Surgery: {procedure}"),
            Self::Radiotherapy { .. } => "Radiotherapy".to_owned(),
            Self::Remission { .. } | Self::Recurrence { .. } => self
                .status()
                .map_or_else(String::new, |s| s.label().to_owned()),
        }
    }
}

/// The dated course: events in the order entered (views sort them by date).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Course {
    /// The events.
    pub events: Vec<CourseEvent>,
}

/// A course or board entry that is not accepted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CourseError {
    /// An end date before the start date.
    #[error("course event {index}: ends {end}, before it starts {start}")]
    EndBeforeStart {
        /// 1-based position in the course.
        index: usize,
        /// Start.
        start: Date,
        /// End.
        end: Date,
    },
    /// A date after today.
    #[error("{what}: date {date} is in the future (today is {today})")]
    InFuture {
        /// Which event or entry.
        what: Subject,
        /// The date.
        date: Date,
        /// Today.
        today: Date,
    },
    /// A line of systemic therapy without any agent.
    #[error("course event {index}: a line of systemic therapy names no agent")]
    NoAgent {
        /// 1-based position in the course.
        index: usize,
    },
    /// A board entry's next review before the board's date.
    #[error("board entry {index}: next review {next} is before the board date {date}")]
    ReviewBeforeBoard {
        /// 1-based position in the board list.
        index: usize,
        /// The board's date.
        date: Date,
        /// The next review.
        next: Date,
    },
}

/// What a [`CourseError`] is about: a course event or a board entry, by its 1-based position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// The course event at this 1-based position in [`Course::events`].
    CourseEvent(usize),
    /// The board entry at this 1-based position in [`Case::board`].
    BoardEntry(usize),
}

impl std::fmt::Display for Subject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::CourseEvent(i) => write!(f, "course event {i}"),
            Self::BoardEntry(i) => write!(f, "board entry {i}"),
        }
    }
}

impl CourseError {
    /// The event or entry the error is about, so a screen can show it next to it.
    pub fn subject(&self) -> Subject {
        match self {
            Self::EndBeforeStart { index, .. } | Self::NoAgent { index } => {
                Subject::CourseEvent(*index)
            }
            Self::InFuture { what, .. } => *what,
            Self::ReviewBeforeBoard { index, .. } => Subject::BoardEntry(*index),
        }
    }
}

impl Course {
    /// No event entered.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The events sorted by date (stable: same-day events keep the order entered).
    pub fn sorted(&self) -> Vec<&CourseEvent> {
        let mut events: Vec<&CourseEvent> = self.events.iter().collect();
        events.sort_by_key(|e| e.date());
        events
    }

    /// The date of diagnosis the course gives: its earliest diagnosis event. `None` when it has
    /// none (`docs/clinical/decisions.md#d68`).
    pub fn diagnosed(&self) -> Option<Date> {
        self.events
            .iter()
            .filter(|e| matches!(e, CourseEvent::Diagnosis { .. }))
            .map(CourseEvent::date)
            .min()
    }

    /// The status the course gives: the latest diagnosis, remission or recurrence event decides
    /// (same day: the one entered last). `None` when the course has none of these.
    pub fn status(&self) -> Option<(DiseaseStatus, Date)> {
        self.sorted()
            .into_iter()
            .filter_map(|e| e.status().map(|s| (s, e.date())))
            .next_back()
    }

    /// The prior systemic therapy the course gives: the union of the agents of its lines.
    /// `None` when the course has no line of systemic therapy (the directly entered value stands).
    pub fn prior_systemic(&self) -> Option<BTreeSet<PriorTherapy>> {
        let mut any = false;
        let mut agents = BTreeSet::new();
        for event in &self.events {
            if let CourseEvent::SystemicLine { agents: a, .. } = event {
                any = true;
                agents.extend(a.iter().copied());
            }
        }
        any.then_some(agents)
    }

    /// Every problem: end before start, a date after `today` (the caller passes today: the core
    /// does no I/O), a line without an agent. Empty when the course is acceptable.
    pub fn validate(&self, today: Date) -> Vec<CourseError> {
        let mut errors = Vec::new();
        for (i, event) in self.events.iter().enumerate() {
            let index = i + 1;
            let dates = [Some(event.date()), event.end()];
            for date in dates.into_iter().flatten() {
                if date > today {
                    errors.push(CourseError::InFuture {
                        what: Subject::CourseEvent(index),
                        date,
                        today,
                    });
                }
            }
            if let Some(end) = event.end().filter(|end| *end < event.date()) {
                errors.push(CourseError::EndBeforeStart {
                    index,
                    start: event.date(),
                    end,
                });
            }
            if matches!(event, CourseEvent::SystemicLine { agents, .. } if agents.is_empty()) {
                errors.push(CourseError::NoAgent { index });
            }
        }
        errors
    }
}

/// One tumor-board discussion of the case. The decision is the clinician's own words: the app
/// never writes or suggests one (`docs/clinical/disease-status.md`, "Tumor-board entries").
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardEntry {
    /// Date of the board.
    pub date: Date,
    /// The question put to the board.
    #[serde(default)]
    pub question: String,
    /// The board's decision, as the clinician wrote it. Empty: not recorded yet.
    #[serde(default)]
    pub decision: String,
    /// Who attended (free text, e.g. names or specialties).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<String>,
    /// Date of the next review, if set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_review: Option<Date>,
}

/// Problems in the board entries: a board date after `today`, a next review before its board.
pub fn validate_board(board: &[BoardEntry], today: Date) -> Vec<CourseError> {
    let mut errors = Vec::new();
    for (i, entry) in board.iter().enumerate() {
        let index = i + 1;
        if entry.date > today {
            errors.push(CourseError::InFuture {
                what: Subject::BoardEntry(index),
                date: entry.date,
                today,
            });
        }
        if let Some(next) = entry.next_review.filter(|n| *n < entry.date) {
            errors.push(CourseError::ReviewBeforeBoard {
                index,
                date: entry.date,
                next,
            });
        }
    }
    errors
}

/// Every problem in the case's course and board entries.
pub fn validate_case(case: &Case, today: Date) -> Vec<CourseError> {
    let mut errors = case.course.validate(today);
    errors.extend(validate_board(&case.board, today));
    errors
}
