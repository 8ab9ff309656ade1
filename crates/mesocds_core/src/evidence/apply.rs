//! Which newer-evidence entries apply to a patient, why, and what is not entered.
//!
//! Rules (`docs/clinical/newer-evidence.md`, "Attachment rules"): an entry applies when the case
//! falls into one of its settings or one of its PDQ options is listed for the case; an entry
//! limited to non-epithelioid histology does not apply to epithelioid disease and, when histology
//! is not entered, applies with that said; pleural-only evidence on another site says so, naming
//! the patient's site; an ECOG enrolment limit is always noted against the patient's ECOG.

use crate::case::Case;
use crate::treatment::{Setting, TreatmentOption, TreatmentResult};
use crate::vocab::{Ecog, Histology, Input, Site, Vocab as _};

use super::text::tag_mark;
use super::{Direction, EvidenceEntry, EvidenceTable, HistologyRule, SitesStudied};

/// A PDQ option an entry concerns, as listed for this case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptionRef<'t> {
    /// Its id in the PDQ catalogue.
    pub id: &'t str,
    /// Its name.
    pub name: &'t str,
}

/// Why an entry applies to this patient.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The case falls into this setting.
    Setting(Setting),
    /// This PDQ option is listed for the case (its name).
    Option(String),
    /// The entered histology is not epithelioid.
    NotEpithelioid(Histology),
    /// Histology is not entered: the entry is limited to non-epithelioid disease.
    HistologyNotEntered,
}

/// Something about this patient that qualifies an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caveat {
    /// Pleural-only evidence on this (non-pleural) site.
    PleuralOnly(Site),
    /// Pleural-only evidence; the site is not entered.
    PleuralOnlySiteNotEntered,
    /// The sources do not say whether the trial enrolled this (non-pleural) site.
    SiteNotStated(Site),
    /// The patient's ECOG is above the trial's enrolment limit.
    EcogOutside(Ecog, u8),
    /// The patient's ECOG is within the trial's enrolment limit.
    EcogWithin(Ecog, u8),
    /// ECOG not entered; the trial enrolled up to this grade.
    EcogNotEntered(u8),
}

/// One entry as it applies to this patient.
#[derive(Clone, Debug, PartialEq)]
pub struct AppliedEvidence<'t> {
    /// The table entry.
    pub entry: &'t EvidenceEntry,
    /// Why it applies (setting, option, histology), or that histology is not entered.
    pub reasons: Vec<Reason>,
    /// Site and performance-status qualifications for this patient.
    pub caveats: Vec<Caveat>,
    /// The PDQ options listed for this case that the entry concerns (for a pointer on each card).
    pub concerns_options: Vec<OptionRef<'t>>,
    /// Inputs the entry depends on that are not entered.
    pub missing: Vec<Input>,
}

/// The `newer_evidence` JSON element: exactly the fields of the JSON contract.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct EvidenceJson<'t> {
    /// Trial name.
    pub trial: &'t str,
    /// Registry ID, or null.
    pub registry: Option<&'t str>,
    /// Every result with its end point, direction and (where not \[2S\]) tag; withheld figures named.
    pub result: String,
    /// "benefit", "no benefit", "harm" or "inconclusive".
    pub direction: &'static str,
    /// The citation text (with its DOI where there is one).
    pub citation: String,
    /// PubMed ID, or null.
    pub pmid: Option<u32>,
    /// YYYY, YYYY-MM or YYYY-MM-DD.
    pub published: &'t str,
    /// "2S" or "1S".
    pub tag: &'static str,
    /// Why it applies to this patient, and its site and performance-status qualifications.
    pub applies_because: Vec<String>,
    /// The names of the listed PDQ options it concerns.
    pub concerns_options: Vec<&'t str>,
}

fn site_name(site: Site) -> String {
    site.label().to_lowercase()
}

impl Reason {
    /// The sentence shown for this reason.
    pub fn text(&self) -> String {
        match self {
            Self::Setting(s) => format!("Setting: {}.", s.label()),
            Self::Option(name) => format!("Concerns the listed PDQ option: {name}."),
            Self::NotEpithelioid(h) => format!(
                "Histology: {} (not epithelioid); the trial enrolled non-epithelioid disease only.",
                h.label().to_lowercase()
            ),
            Self::HistologyNotEntered => "Histology not entered: the trial enrolled \
                 non-epithelioid disease only; it does not apply to epithelioid disease."
                .to_owned(),
        }
    }
}

impl Caveat {
    /// The sentence shown for this caveat, naming the trial.
    pub fn text(self, trial: &str) -> String {
        match self {
            Self::PleuralOnly(site) => format!(
                "Pleural-only evidence: {trial} enrolled patients with pleural mesothelioma only; \
                 this patient's site is {}.",
                site_name(site)
            ),
            Self::PleuralOnlySiteNotEntered => format!(
                "Site not entered: {trial} enrolled patients with pleural mesothelioma only."
            ),
            Self::SiteNotStated(site) => format!(
                "The sources used here do not say whether {trial} enrolled patients with {} \
                 mesothelioma.",
                site_name(site)
            ),
            Self::EcogOutside(ecog, max) => format!(
                "{trial} enrolled performance status 0–{max}; this patient's {} is outside it.",
                ecog.label()
            ),
            Self::EcogWithin(ecog, max) => format!(
                "{trial} enrolled performance status 0–{max}; this patient's {} is within it.",
                ecog.label()
            ),
            Self::EcogNotEntered(max) => {
                format!("ECOG not entered: {trial} enrolled performance status 0–{max}.")
            }
        }
    }
}

impl AppliedEvidence<'_> {
    /// Whether the entry concerns this PDQ option (by id).
    pub fn concerns(&self, option_id: &str) -> bool {
        self.concerns_options.iter().any(|o| o.id == option_id)
    }

    /// The one-line pointer shown on a PDQ card the entry concerns.
    pub fn pointer(&self) -> String {
        format!(
            "Newer evidence (not in the PDQ version used), {}{}: {}",
            self.entry.trial,
            tag_mark(self.entry.tag),
            self.entry.summary
        )
    }

    /// Why it applies, then its qualifications for this patient.
    pub fn applies_because(&self) -> Vec<String> {
        self.reasons
            .iter()
            .map(Reason::text)
            .chain(self.caveats.iter().map(|c| c.text(&self.entry.trial)))
            .collect()
    }

    /// Every result with its end point and direction, its tag where not \[2S\], and what is withheld
    /// ([`EvidenceEntry::result_lines`], joined).
    pub fn result_text(&self) -> String {
        self.entry.result_lines().join("; ")
    }

    /// The `newer_evidence` JSON element.
    pub fn json(&self) -> EvidenceJson<'_> {
        let e = self.entry;
        let citation = match &e.citation.doi {
            Some(doi) => format!("{} doi {doi}", e.citation.text),
            None => e.citation.text.clone(),
        };
        EvidenceJson {
            trial: &e.trial,
            registry: e.registry.as_deref(),
            result: self.result_text(),
            direction: e.direction.label(),
            citation,
            pmid: e.citation.pmid,
            published: &e.published,
            tag: e.tag.code(),
            applies_because: self.applies_because(),
            concerns_options: self.concerns_options.iter().map(|o| o.name).collect(),
        }
    }
}

fn caveats_for(entry: &EvidenceEntry, case: &Case) -> (Vec<Caveat>, Vec<Input>) {
    let mut caveats = Vec::new();
    let mut missing = Vec::new();
    match (entry.sites_studied, case.disease.site) {
        (_, Some(Site::Pleural)) | (SitesStudied::NotStated, None) => {}
        (SitesStudied::PleuralOnly, Some(site)) => caveats.push(Caveat::PleuralOnly(site)),
        (SitesStudied::PleuralOnly, None) => {
            caveats.push(Caveat::PleuralOnlySiteNotEntered);
            missing.push(Input::Site);
        }
        (SitesStudied::NotStated, Some(site)) => caveats.push(Caveat::SiteNotStated(site)),
    }
    if let Some(max) = entry.enrolled_ecog_max {
        caveats.push(match case.patient.ecog {
            Some(ecog) if ecog.grade() > max => Caveat::EcogOutside(ecog, max),
            Some(ecog) => Caveat::EcogWithin(ecog, max),
            None => {
                missing.push(Input::Ecog);
                Caveat::EcogNotEntered(max)
            }
        });
    }
    (caveats, missing)
}

/// The entries of `table` that apply to this case, in table order.
///
/// `settings` are the case's treatment settings and `listed` the PDQ options listed for it (as
/// [`crate::treatment::evaluate`] returns them); nothing here changes the PDQ lists.
pub fn applicable<'t>(
    case: &Case,
    settings: &[Setting],
    listed: &[&'t TreatmentOption],
    table: &'t EvidenceTable,
) -> Vec<AppliedEvidence<'t>> {
    let mut out = Vec::new();
    for entry in &table.entries {
        let mut reasons: Vec<Reason> = settings
            .iter()
            .filter(|s| entry.attach.settings.contains(s))
            .map(|s| Reason::Setting(*s))
            .collect();
        let concerns_options: Vec<OptionRef<'t>> = listed
            .iter()
            .filter(|o| entry.attach.options.contains(&o.id))
            .map(|o| OptionRef {
                id: &o.id,
                name: &o.name,
            })
            .collect();
        reasons.extend(
            concerns_options
                .iter()
                .map(|o| Reason::Option(o.name.to_owned())),
        );
        if reasons.is_empty() {
            continue;
        }
        let mut missing = Vec::new();
        if entry.attach.histology == HistologyRule::NonEpithelioidOnly {
            match case.disease.histology {
                Some(Histology::Epithelioid) => continue,
                Some(h) => reasons.push(Reason::NotEpithelioid(h)),
                None => {
                    reasons.push(Reason::HistologyNotEntered);
                    missing.push(Input::Histology);
                }
            }
        }
        let (caveats, more_missing) = caveats_for(entry, case);
        missing.extend(more_missing);
        out.push(AppliedEvidence {
            entry,
            reasons,
            caveats,
            concerns_options,
            missing,
        });
    }
    out
}

/// [`applicable`] for a treatment result: its settings and listed options.
pub fn applicable_to<'t>(
    case: &Case,
    treatment: &TreatmentResult<'t>,
    table: &'t EvidenceTable,
) -> Vec<AppliedEvidence<'t>> {
    let listed: Vec<&'t TreatmentOption> = treatment.options.iter().map(|l| l.option).collect();
    applicable(case, &treatment.settings, &listed, table)
}

impl Direction {
    /// Whether this direction must read as negative (no benefit or harm).
    pub fn is_negative(self) -> bool {
        matches!(self, Self::NoBenefit | Self::Harm)
    }
}
