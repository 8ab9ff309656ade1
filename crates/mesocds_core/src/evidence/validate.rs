//! Load-time checks of the newer-evidence table: every problem names its entry.
//!
//! The rules are those stated in the header of `assets/clinical/newer_evidence.ron` and in
//! `docs/clinical/newer-evidence.md` ("What the loader checks").

use std::collections::HashSet;
use std::fmt;

use super::{
    Direction, EvidenceEntry, EvidenceError, EvidenceTable, Figures, Guideline, Tag,
    TreatmentCatalogue,
};

/// What is wrong with one entry (or guideline) of the table.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EntryProblem {
    /// Two entries share an id.
    #[error("duplicate id")]
    DuplicateId,
    /// A required text is empty.
    #[error("{0} is empty")]
    Empty(&'static str),
    /// The citation has no text.
    #[error("missing citation")]
    MissingCitation,
    /// The PMID is zero.
    #[error("PMID 0 is not a PMID")]
    BadPmid,
    /// The DOI does not look like one.
    #[error("DOI {0:?} does not start with \"10.\" and contain \"/\"")]
    BadDoi(String),
    /// The publication date is not YYYY, YYYY-MM or YYYY-MM-DD.
    #[error("publication date {0:?} is not YYYY, YYYY-MM or YYYY-MM-DD")]
    BadDate(String),
    /// The publication date is after the table's release date.
    #[error("publication date {0:?} is after the release date")]
    DateAfterRelease(String),
    /// A tag that may not be shown as fact.
    #[error("tag [{}] may not be shown as fact (only [2S] and [1S])", .0.code())]
    TagNotShowable(Tag),
    /// A withheld figure whose tag would allow showing it.
    #[error("withheld figure {0:?} has a tag that may be shown: show it or give its real tag")]
    WithheldButShowable(String),
    /// A result of an entry whose figures are withheld contains a figure.
    #[error("figures are withheld but result {0:?} contains a digit")]
    FigureInWithheld(String),
    /// The entry has no results.
    #[error("no results")]
    NoResults,
    /// A result has a CI level its text does not write out.
    #[error("result {endpoint:?} has a CI level but its text does not say \"{written}\"")]
    CiLevelNotWritten {
        /// The result's end point.
        endpoint: String,
        /// The CI as it should be written, e.g. "95% CI".
        written: String,
    },
    /// A result writes a CI but has no CI level.
    #[error("result {0:?} shows a CI but has no ci_level_percent")]
    CiWithoutLevel(String),
    /// The entry's direction is Descriptive.
    #[error("an entry's direction cannot be Descriptive")]
    DescriptiveEntry,
    /// The entry's direction is not that of any of its results.
    #[error("direction {} is not the direction of any result", .0.label())]
    DirectionNotInResults(Direction),
    /// The entry attaches to nothing.
    #[error("attaches to no setting and no option")]
    NoAttachment,
    /// The entry attaches to an option the PDQ catalogue does not have.
    #[error("attaches to unknown PDQ option id {0:?}")]
    UnknownOption(String),
    /// An ECOG grade outside 0–4.
    #[error("enrolled_ecog_max {0} is not an ECOG grade (0-4)")]
    BadEcog(u8),
}

/// A publication date as precise as its source: year, month, day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct PubDate {
    /// Year.
    pub year: u16,
    /// Month 1–12, when given.
    pub month: Option<u8>,
    /// Day of the month, when given.
    pub day: Option<u8>,
}

impl PubDate {
    /// Parses YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date; years 1900–2999).
    pub fn parse(s: &str) -> Option<Self> {
        fn number<T: std::str::FromStr>(part: &str, len: usize) -> Option<T> {
            (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        }
        let mut parts = s.split('-');
        let year: u16 = number(parts.next()?, 4)?;
        let month: Option<u8> = parts
            .next()
            .map(|p| number(p, 2))
            .map_or(Some(None), |m| m.map(Some))?;
        let day: Option<u8> = parts
            .next()
            .map(|p| number(p, 2))
            .map_or(Some(None), |d| d.map(Some))?;
        if parts.next().is_some() || !(1900..=2999).contains(&year) {
            return None;
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return None;
            }
            if let Some(d) = day {
                let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100))
                    || year.is_multiple_of(400);
                let days = match m {
                    2 if leap => 29,
                    2 => 28,
                    4 | 6 | 9 | 11 => 30,
                    _ => 31,
                };
                if !(1..=days).contains(&d) {
                    return None;
                }
            }
        }
        Some(Self { year, month, day })
    }

    /// Whether this date is after `release`, compared at this date's own precision (a
    /// publication "2026" is not after a release on 2026-11-24).
    fn after(self, release: Self) -> bool {
        let key = |d: Self| (d.year, self.month.and(d.month), self.day.and(d.day));
        key(self) > key(release)
    }
}

impl fmt::Display for PubDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

fn showable(tag: Tag) -> Result<(), EntryProblem> {
    if tag.shown_as_fact() {
        Ok(())
    } else {
        Err(EntryProblem::TagNotShowable(tag))
    }
}

fn check_doi(doi: Option<&String>) -> Result<(), EntryProblem> {
    match doi {
        Some(d) if !(d.starts_with("10.") && d.contains('/')) => {
            Err(EntryProblem::BadDoi(d.clone()))
        }
        _ => Ok(()),
    }
}

fn check_entry(
    e: &EvidenceEntry,
    release: PubDate,
    catalogue: &TreatmentCatalogue,
) -> Result<(), EntryProblem> {
    for (what, text) in [
        ("trial", &e.trial),
        ("design", &e.design),
        ("comparison", &e.comparison),
        ("summary", &e.summary),
    ] {
        if text.trim().is_empty() {
            return Err(EntryProblem::Empty(what));
        }
    }
    if e.citation.text.trim().is_empty() {
        return Err(EntryProblem::MissingCitation);
    }
    if e.citation.pmid == Some(0) {
        return Err(EntryProblem::BadPmid);
    }
    check_doi(e.citation.doi.as_ref())?;
    let published =
        PubDate::parse(&e.published).ok_or_else(|| EntryProblem::BadDate(e.published.clone()))?;
    if published.after(release) {
        return Err(EntryProblem::DateAfterRelease(e.published.clone()));
    }
    showable(e.tag)?;
    if e.results.is_empty() {
        return Err(EntryProblem::NoResults);
    }
    for r in &e.results {
        if r.endpoint.trim().is_empty() || r.text.trim().is_empty() {
            return Err(EntryProblem::Empty("result"));
        }
        showable(e.result_tag(r))?;
        if let Some(level) = r.ci_level_percent {
            let written = format!("{level}% CI");
            if !r.text.contains(&written) {
                return Err(EntryProblem::CiLevelNotWritten {
                    endpoint: r.endpoint.clone(),
                    written,
                });
            }
        } else if r.text.contains("% CI") {
            return Err(EntryProblem::CiWithoutLevel(r.endpoint.clone()));
        }
        if let Figures::Withheld(_) = e.figures
            && r.text.bytes().any(|b| b.is_ascii_digit())
        {
            return Err(EntryProblem::FigureInWithheld(r.endpoint.clone()));
        }
    }
    if let Figures::Withheld(tag) = e.figures
        && tag.shown_as_fact()
    {
        return Err(EntryProblem::WithheldButShowable("figures".to_owned()));
    }
    if let Some(w) = e.withheld.iter().find(|w| w.tag.shown_as_fact()) {
        return Err(EntryProblem::WithheldButShowable(w.what.clone()));
    }
    match e.direction {
        Direction::Descriptive => return Err(EntryProblem::DescriptiveEntry),
        Direction::Inconclusive
            if e.results
                .iter()
                .all(|r| r.direction == Direction::Descriptive) => {}
        d if !e.results.iter().any(|r| r.direction == d) => {
            return Err(EntryProblem::DirectionNotInResults(d));
        }
        _ => {}
    }
    if e.attach.settings.is_empty() && e.attach.options.is_empty() {
        return Err(EntryProblem::NoAttachment);
    }
    if let Some(id) = e
        .attach
        .options
        .iter()
        .find(|id| !catalogue.options.iter().any(|o| &o.id == *id))
    {
        return Err(EntryProblem::UnknownOption(id.clone()));
    }
    if let Some(max) = e.enrolled_ecog_max.filter(|m| *m > 4) {
        return Err(EntryProblem::BadEcog(max));
    }
    Ok(())
}

fn check_guideline(g: &Guideline) -> Result<(), EntryProblem> {
    if g.name.trim().is_empty() {
        return Err(EntryProblem::Empty("name"));
    }
    if g.change.is_none() && g.citation.is_none() {
        return Err(EntryProblem::MissingCitation);
    }
    check_doi(g.doi.as_ref())?;
    showable(g.tag)
}

impl EvidenceTable {
    /// Checks the table: the release date, then each entry and guideline (see [`EntryProblem`]).
    ///
    /// # Errors
    /// [`EvidenceError::Entry`] or [`EvidenceError::Guideline`] naming the entry, or
    /// [`EvidenceError::ReleaseDate`].
    pub fn validate(&self, catalogue: &TreatmentCatalogue) -> Result<(), EvidenceError> {
        let release = PubDate::parse(&self.date)
            .filter(|d| d.day.is_some())
            .ok_or_else(|| EvidenceError::ReleaseDate(self.date.clone()))?;
        let mut seen = HashSet::new();
        for e in &self.entries {
            let entry = if e.id.trim().is_empty() {
                e.trial.clone()
            } else {
                e.id.clone()
            };
            let fail = |problem| EvidenceError::Entry {
                entry: entry.clone(),
                problem,
            };
            if e.id.trim().is_empty() {
                return Err(fail(EntryProblem::Empty("id")));
            }
            if !seen.insert(e.id.as_str()) {
                return Err(fail(EntryProblem::DuplicateId));
            }
            check_entry(e, release, catalogue).map_err(fail)?;
        }
        for g in &self.guidelines {
            check_guideline(g).map_err(|problem| EvidenceError::Guideline {
                name: g.name.clone(),
                problem,
            })?;
        }
        Ok(())
    }
}
