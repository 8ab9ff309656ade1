//! The wording of the newer-evidence panel that does not depend on the patient: design line,
//! citation line and the guideline footer. One home for the app, the PDF, the plain text and the
//! JSON, so no front end words a clinical result itself (`docs/clinical/newer-evidence.md`).

use super::{EvidenceEntry, EvidenceTable, Guideline, Tag};

/// " \[1S\]" for a tag other than \[2S\] (the decisions page shows a tag only where it is not \[2S\]).
pub(super) fn tag_mark(tag: Tag) -> String {
    if tag == Tag::TwoSources {
        String::new()
    } else {
        format!(" [{}]", tag.code())
    }
}

impl EvidenceEntry {
    /// Design, size, population and comparison; what the sources do not give is said.
    pub fn design_line(&self) -> String {
        let n = self.n.map_or_else(
            || "n not given in the sources used".to_owned(),
            |n| format!("n = {n}"),
        );
        let population = self
            .population
            .as_deref()
            .unwrap_or("population not given in the sources used");
        format!("{}, {n}; {population}; {}", self.design, self.comparison)
    }

    /// The citation with its PMID or DOI, or saying the sources give neither.
    pub fn citation_line(&self) -> String {
        let c = &self.citation;
        let ids: Vec<String> = c
            .pmid
            .map(|p| format!("PMID {p}"))
            .into_iter()
            .chain(c.doi.as_ref().map(|d| format!("doi {d}")))
            .collect();
        if ids.is_empty() {
            format!("{} No PMID or DOI in the sources used.", c.text)
        } else {
            format!("{} {}.", c.text, ids.join(", "))
        }
    }

    /// The heading line: trial, registry ID, publication date and tag where not \[2S\].
    pub fn heading(&self) -> String {
        let registry = self
            .registry
            .as_deref()
            .map_or_else(String::new, |r| format!(" ({r})"));
        format!(
            "{}{registry}, published {}{}",
            self.trial,
            self.published,
            tag_mark(self.tag)
        )
    }
}

impl Guideline {
    /// One footer line: name, what changed, reference and DOI, tag.
    pub fn text(&self) -> String {
        let rest: Vec<String> = self
            .change
            .iter()
            .chain(&self.citation)
            .cloned()
            .chain(self.doi.as_ref().map(|d| format!("doi {d}")))
            .collect();
        format!("{}: {}{}", self.name, rest.join(" "), tag_mark(self.tag))
    }
}

impl EvidenceTable {
    /// The panel footer: each guideline change, listed once.
    pub fn footer(&self) -> Vec<String> {
        self.guidelines.iter().map(Guideline::text).collect()
    }
}
