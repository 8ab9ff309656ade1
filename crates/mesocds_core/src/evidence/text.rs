//! The wording of the newer-evidence panel that does not depend on the patient: design line,
//! citation line and the guideline footer. One home for the app, the PDF, the plain text and the
//! JSON, so no front end words a clinical result itself (`docs/clinical/newer-evidence.md`).

use super::{EvidenceEntry, EvidenceResult, EvidenceTable, Figures, Guideline, Tag};

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

    /// One result: end point, text, direction, and its tag where not \[2S\].
    pub fn result_line(&self, r: &EvidenceResult) -> String {
        format!(
            "{}: {} ({}){}",
            r.endpoint,
            r.text,
            r.direction.label(),
            tag_mark(self.result_tag(r))
        )
    }

    /// What is not shown: figures withheld as a whole, and each withheld figure, with its tag.
    pub fn withheld_lines(&self) -> Vec<String> {
        let whole = match self.figures {
            Figures::Withheld(tag) => Some(format!(
                "figures not shown [{}: {}]",
                tag.code(),
                tag.label()
            )),
            Figures::Shown => None,
        };
        whole
            .into_iter()
            .chain(
                self.withheld
                    .iter()
                    .map(|w| format!("{} [{}]", w.what, w.tag.code())),
            )
            .collect()
    }

    /// Every result ([`Self::result_line`]), then what is withheld ([`Self::withheld_lines`]).
    pub fn result_lines(&self) -> Vec<String> {
        self.results
            .iter()
            .map(|r| self.result_line(r))
            .chain(self.withheld_lines())
            .collect()
    }

    /// The entry's overall direction in words, then its one-line summary (worded with that
    /// direction), e.g. "Overall: harm. (Extended) pleurectomy/decortication with chemotherapy did
    /// worse than chemotherapy alone."
    pub fn direction_line(&self) -> String {
        format!("Overall: {}. {}", self.direction.label(), self.summary)
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
    /// What the panel shows when no entry applies to the case.
    pub const NONE_APPLIES: &'static str =
        "No entry of this table concerns this case's setting or its listed options.";

    /// The panel's first line: what it is apart from, and the table's release and date.
    pub fn scope_line(&self) -> String {
        format!(
            "Evidence not in the {}, kept apart from the PDQ options above; {}.",
            self.pdq_version,
            self.content_version()
        )
    }

    /// The panel footer: each guideline change, listed once.
    pub fn footer(&self) -> Vec<String> {
        self.guidelines.iter().map(Guideline::text).collect()
    }
}
