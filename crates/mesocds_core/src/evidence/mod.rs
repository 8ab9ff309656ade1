//! Evidence newer than the PDQ version used: a separate, versioned table of trials the PDQ summary
//! does not list, and which of them apply to a patient.
//!
//! The table is clinical data, `assets/clinical/newer_evidence.ron`, embedded at compile time and
//! loaded strictly (`deny_unknown_fields`, then [`EvidenceTable::validate`], whose errors name the
//! entry). It is never mixed into the PDQ option list: [`applicable`] returns its own entries, each
//! with why it applies to this patient or which input it depends on is not entered, and the PDQ
//! options it concerns (for a one-line pointer on their cards). Its release and date are part of
//! the content version ([`EvidenceTable::content_version`]).
//!
//! What each entry says, its verification tag and where it shows are documented, with the update
//! procedure, in `docs/clinical/newer-evidence.md`.

mod apply;
mod text;
mod validate;

pub use apply::{
    AppliedEvidence, Caveat, EvidenceJson, OptionRef, Reason, applicable, applicable_to,
};
pub use validate::{EntryProblem, PubDate};

use crate::tables::ClinicalTables;
use crate::treatment::{Setting, TreatmentCatalogue};

/// The evidence table's source text.
pub const EVIDENCE_RON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/clinical/newer_evidence.ron"
));

/// The file name errors name.
pub const EVIDENCE_FILE: &str = "newer_evidence.ron";

/// The table file format this build reads.
pub const EVIDENCE_FORMAT: u32 = 1;

/// The newer-evidence table.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceTable {
    /// Format of this table file.
    pub format: u32,
    /// The release of this table: bump it whenever an entry changes.
    pub release: u32,
    /// The date of this release, YYYY-MM-DD.
    pub date: String,
    /// The panel's title.
    pub title: String,
    /// The PDQ version the entries are newer than.
    pub pdq_version: String,
    /// The trials.
    pub entries: Vec<EvidenceEntry>,
    /// Guideline changes, listed once in the panel's footer.
    pub guidelines: Vec<Guideline>,
}

/// One trial (or trial update) newer than the PDQ version used.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceEntry {
    /// Stable identifier.
    pub id: String,
    /// Trial name.
    pub trial: String,
    /// Registry identifier (NCT…), where the sources give one.
    pub registry: Option<String>,
    /// Design, e.g. "open-label phase 3".
    pub design: String,
    /// Patients enrolled, where the sources give it.
    pub n: Option<u32>,
    /// Who was enrolled, where the sources say.
    pub population: Option<String>,
    /// What was compared.
    pub comparison: String,
    /// One line: what the trial found, worded with its direction (the PDQ-card pointer).
    pub summary: String,
    /// Results, each with its direction.
    pub results: Vec<EvidenceResult>,
    /// Whether the entry's figures may be shown.
    pub figures: Figures,
    /// Figures the sources give only with a weaker tag: named, never shown.
    pub withheld: Vec<Withheld>,
    /// Which way the trial points overall.
    pub direction: Direction,
    /// Verification tag of the entry (a result may carry its own).
    pub tag: Tag,
    /// The reference.
    pub citation: Citation,
    /// Publication date: YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source gives it.
    pub published: String,
    /// Notes shown with the entry for every patient.
    pub notes: Vec<String>,
    /// Where it shows.
    pub attach: Attach,
    /// Which sites the trial enrolled, as far as the sources say.
    pub sites_studied: SitesStudied,
    /// The highest ECOG performance status the trial enrolled, where stated.
    pub enrolled_ecog_max: Option<u8>,
}

/// One result of a trial.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceResult {
    /// End point, e.g. "Overall survival".
    pub endpoint: String,
    /// The result as reported, with its CI level written out.
    pub text: String,
    /// The confidence level of the interval in `text`, in percent.
    pub ci_level_percent: Option<f64>,
    /// Which way this result points.
    pub direction: Direction,
    /// This result's tag, where it differs from the entry's.
    pub tag: Option<Tag>,
}

/// Which way a result points, so that a negative or harmful result never reads as a benefit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
pub enum Direction {
    /// Favours the intervention.
    Benefit,
    /// No benefit from the intervention.
    NoBenefit,
    /// The intervention did worse.
    Harm,
    /// The verified data do not settle it.
    Inconclusive,
    /// A figure with no comparison or test given (results only, never an entry's direction).
    Descriptive,
}

impl Direction {
    /// The label, as the JSON contract spells it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Benefit => "benefit",
            Self::NoBenefit => "no benefit",
            Self::Harm => "harm",
            Self::Inconclusive => "inconclusive",
            Self::Descriptive => "descriptive, no test given",
        }
    }
}

/// A verification tag: only these two may be shown as fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
pub enum Tag {
    /// \[2S\] two independent sources.
    TwoSources,
    /// \[1S\] one source.
    OneSource,
    /// \[2nd\] secondary or lay source only: never shown as fact.
    Secondary,
    /// \[NV\] not verified: never shown as fact.
    NotVerified,
    /// \[INF\] inference: never shown as fact.
    Inference,
}

impl Tag {
    /// The code, as the JSON contract spells it ("2S", "1S", …).
    pub fn code(self) -> &'static str {
        match self {
            Self::TwoSources => "2S",
            Self::OneSource => "1S",
            Self::Secondary => "2nd",
            Self::NotVerified => "NV",
            Self::Inference => "INF",
        }
    }

    /// What the tag means, for a legend.
    pub fn label(self) -> &'static str {
        match self {
            Self::TwoSources => "two independent sources",
            Self::OneSource => "one source",
            Self::Secondary => "secondary source only",
            Self::NotVerified => "not verified",
            Self::Inference => "inference",
        }
    }

    /// Whether something with this tag may be shown as fact.
    pub fn shown_as_fact(self) -> bool {
        matches!(self, Self::TwoSources | Self::OneSource)
    }
}

/// Whether an entry's figures may be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
pub enum Figures {
    /// Shown, each with its tag.
    Shown,
    /// Not shown: the sources give them only with this tag; results are worded without figures.
    Withheld(Tag),
}

/// A figure named but not shown, with the tag that keeps it out.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Withheld {
    /// What is not shown and why.
    pub what: String,
    /// Its tag.
    pub tag: Tag,
}

/// A reference.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Authors, journal, year.
    pub text: String,
    /// PubMed ID, where the sources give one.
    pub pmid: Option<u32>,
    /// DOI, where the sources give one.
    pub doi: Option<String>,
}

/// Where an entry shows. Typed: never a string evaluated at run time.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attach {
    /// Shows when the case falls into any of these settings.
    pub settings: Vec<Setting>,
    /// Shows when any of these PDQ options (ids in `pdq_treatment_options.ron`) is listed.
    pub options: Vec<String>,
    /// A histology the entry is limited to.
    pub histology: HistologyRule,
}

/// The histology an entry is limited to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
pub enum HistologyRule {
    /// Any histology.
    Any,
    /// Not epithelioid (sarcomatoid, biphasic, desmoplastic); not shown for epithelioid.
    NonEpithelioidOnly,
}

/// Which sites a trial enrolled, as far as the sources say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
pub enum SitesStudied {
    /// Pleural mesothelioma only: on any other site it is shown as pleural-only evidence.
    PleuralOnly,
    /// The sources do not say: on a non-pleural site, that is said.
    NotStated,
}

/// A guideline change, listed once in the panel's footer.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guideline {
    /// Guideline and version.
    pub name: String,
    /// What changed, where the sources say.
    pub change: Option<String>,
    /// The reference, where the sources give one.
    pub citation: Option<String>,
    /// DOI, where the sources give one.
    pub doi: Option<String>,
    /// Verification tag.
    pub tag: Tag,
}

/// The newer-evidence table failed to load.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EvidenceError {
    /// The RON did not parse.
    #[error("{EVIDENCE_FILE}: line {line}, column {column}: {message}")]
    Parse {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What was wrong.
        message: String,
    },
    /// The table's format is not the one this build reads.
    #[error("{EVIDENCE_FILE}: format {found}, this build reads format {EVIDENCE_FORMAT}")]
    Format {
        /// Format in the file.
        found: u32,
    },
    /// The release date is not a date.
    #[error("{EVIDENCE_FILE}: release date {0:?} is not a date in the form YYYY-MM-DD")]
    ReleaseDate(String),
    /// An entry is not valid.
    #[error("{EVIDENCE_FILE}: entry {entry:?}: {problem}")]
    Entry {
        /// The entry's id (or trial name when it has no id).
        entry: String,
        /// What is wrong with it.
        problem: EntryProblem,
    },
    /// A guideline in the footer is not valid.
    #[error("{EVIDENCE_FILE}: guideline {name:?}: {problem}")]
    Guideline {
        /// The guideline's name.
        name: String,
        /// What is wrong with it.
        problem: EntryProblem,
    },
    /// The PDQ tables the entries attach to did not load.
    #[error("{0}")]
    Tables(#[from] crate::tables::TableError),
}

impl EvidenceTable {
    /// Parses and validates the table; option ids are checked against `catalogue`.
    ///
    /// # Errors
    /// [`EvidenceError`]: parse errors with line and column; validation errors naming the entry.
    pub fn from_ron(text: &str, catalogue: &TreatmentCatalogue) -> Result<Self, EvidenceError> {
        let table: Self =
            ron::Options::default()
                .from_str(text)
                .map_err(|e: ron::error::SpannedError| EvidenceError::Parse {
                    line: e.span.start.line,
                    column: e.span.start.col,
                    message: e.code.to_string(),
                })?;
        if table.format != EVIDENCE_FORMAT {
            return Err(EvidenceError::Format {
                found: table.format,
            });
        }
        table.validate(catalogue)?;
        Ok(table)
    }

    /// The table embedded in this build, checked against the embedded PDQ catalogue, loaded once
    /// with the other clinical tables ([`ClinicalTables::embedded`], whose `evidence` it is).
    ///
    /// # Errors
    /// [`EvidenceError`] if an embedded table is invalid (a defect of the build, caught by tests).
    pub fn embedded() -> Result<&'static Self, EvidenceError> {
        match ClinicalTables::embedded() {
            Ok(tables) => Ok(&tables.evidence),
            Err(crate::tables::TableError::Evidence(e)) => Err(*e),
            Err(e) => Err(EvidenceError::Tables(e)),
        }
    }

    /// The content version of this table: its release and date.
    pub fn content_version(&self) -> String {
        format!("newer evidence release {} ({})", self.release, self.date)
    }

    /// The entry with this id.
    pub fn entry(&self, id: &str) -> Option<&EvidenceEntry> {
        self.entries.iter().find(|e| e.id == id)
    }
}

impl EvidenceEntry {
    /// The tag of a result: its own, or the entry's.
    pub fn result_tag(&self, result: &EvidenceResult) -> Tag {
        result.tag.unwrap_or(self.tag)
    }
}
