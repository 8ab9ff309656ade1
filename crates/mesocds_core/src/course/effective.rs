//! The case as the assessment reads it: the date of diagnosis, status and prior systemic
//! therapy taken from the course where it gives them, with a note for each disagreement
//! (`docs/clinical/disease-status.md`, "Disease course"; `docs/clinical/decisions.md#d68`), and
//! the course as shown for any case, dated and undated.

use std::collections::BTreeSet;

use super::CourseEvent;
use crate::case::Case;
use crate::vocab::{DiseaseStatus, PriorTherapy, Vocab as _};

/// The case as the assessment reads it, and the notes that say where a value came from.
#[derive(Clone, Debug, PartialEq)]
pub struct EffectiveCase {
    /// The case with the date of diagnosis, status and prior systemic therapy taken from the
    /// course where it gives them.
    pub case: Case,
    /// One note per value the course and the direct entry disagree on.
    pub notes: Vec<String>,
}

/// The case the assessment reads: the course wins where it gives a value.
///
/// Where the course gives a date of diagnosis (its earliest diagnosis event), a status or prior
/// systemic therapy, that value is used; where the
/// directly entered value differs, a note says both and which one is used. Without a course the
/// case is unchanged and there are no notes.
pub fn effective_case(case: &Case) -> EffectiveCase {
    let mut effective = case.clone();
    let mut notes = Vec::new();
    if let Some(date) = case.course.diagnosed() {
        if let Some(entered) = case.disease.diagnosed.filter(|e| *e != date) {
            notes.push(format!(
                "Date of diagnosis: the course's diagnosis event is {date}, the date entered \
                 directly is {entered}. The course is used (it decides the staging edition); \
                 correct the course or the date."
            ));
        }
        effective.disease.diagnosed = Some(date);
    }
    if let Some((status, date)) = case.course.status() {
        if let Some(entered) = case.disease.status.filter(|e| *e != status) {
            notes.push(format!(
                "Disease status: the course gives \"{}\" (event of {date}), the status entered \
                 directly is \"{}\". The course is used; correct the course or the status.",
                status.label(),
                entered.label()
            ));
        }
        effective.disease.status = Some(status);
    }
    if let Some(agents) = case.course.prior_systemic() {
        if let Some(entered) = case
            .therapy
            .prior_systemic
            .as_ref()
            .filter(|e| **e != agents)
        {
            notes.push(format!(
                "Prior systemic therapy: the course's lines give {}, the prior therapy entered \
                 directly is {}. The course is used; correct the course or the entry.",
                list(&agents),
                list(entered)
            ));
        }
        effective.therapy.prior_systemic = Some(agents);
    }
    EffectiveCase {
        case: effective,
        notes,
    }
}

fn list(agents: &BTreeSet<PriorTherapy>) -> String {
    if agents.is_empty() {
        return "none".to_owned();
    }
    agents
        .iter()
        .map(|a| a.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The course as shown for any case, dated and undated.
///
/// Its dated events by date, and the directly entered status and prior therapy as undated items.
/// A case without a course (format 1, or format 2 without one) shows only the undated items, so
/// nothing entered is lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CourseView<'c> {
    /// Dated events, by date.
    pub dated: Vec<&'c CourseEvent>,
    /// The status entered directly (undated).
    pub undated_status: Option<DiseaseStatus>,
    /// The prior systemic therapy entered directly (undated).
    pub undated_prior: Option<&'c BTreeSet<PriorTherapy>>,
}

/// The course view of a case ([`CourseView`]).
pub fn course_view(case: &Case) -> CourseView<'_> {
    CourseView {
        dated: case.course.sorted(),
        undated_status: case.disease.status,
        undated_prior: case.therapy.prior_systemic.as_ref(),
    }
}
