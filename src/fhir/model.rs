//! The FHIR R4 resources the export writes, as serde structs (only the elements it uses).
//!
//! Hand-written rather than a FHIR model crate: see README "Export for other systems" for the
//! measured build cost of `fhir-sdk`. Element names and cardinalities follow FHIR R4
//! (Bundle, Patient, Condition, Observation); empty optional elements are left out, as FHIR
//! JSON requires.

use serde::Serialize;

use super::codes::Code;

/// A `Coding`.
#[derive(Clone, Debug, Serialize)]
pub struct Coding {
    /// The code system.
    pub system: &'static str,
    /// The code.
    pub code: &'static str,
    /// The display.
    pub display: &'static str,
}

impl From<Code> for Coding {
    fn from(c: Code) -> Self {
        Self {
            system: c.system,
            code: c.code,
            display: c.display,
        }
    }
}

/// A `CodeableConcept`: codings (possibly none) and text.
#[derive(Clone, Debug, Serialize)]
pub struct CodeableConcept {
    /// Codings; empty (left out) when the value has no verified code.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub coding: Vec<Coding>,
    /// The text.
    pub text: String,
}

impl CodeableConcept {
    /// A concept with one coding, or text only when `code` is `None`.
    pub fn new(code: Option<Code>, text: impl Into<String>) -> Self {
        Self {
            coding: code.into_iter().map(Coding::from).collect(),
            text: text.into(),
        }
    }
}

/// A `Reference` to another entry of the Bundle.
#[derive(Clone, Debug, Serialize)]
pub struct Reference {
    /// The `fullUrl` of the entry.
    pub reference: String,
}

/// An `Identifier` (the pseudonymous label).
#[derive(Clone, Debug, Serialize)]
pub struct Identifier {
    /// What the identifier is.
    pub r#type: CodeableConcept,
    /// The label.
    pub value: String,
}

/// A `Patient`: the pseudonymous label only, never a name.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Patient {
    /// The label as an identifier.
    pub identifier: Vec<Identifier>,
}

/// A `Condition`: the primary cancer.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Condition {
    /// Primary cancer (mCODE "primary-cancer-condition") by the category text.
    pub category: Vec<CodeableConcept>,
    /// The ICD-10-CM code by site, or text only.
    pub code: CodeableConcept,
    /// The patient.
    pub subject: Reference,
}

/// An `Observation`.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Observation {
    /// Always `final`: the values are the case as saved.
    pub status: &'static str,
    /// What was observed.
    pub code: CodeableConcept,
    /// The patient.
    pub subject: Reference,
    /// The condition staged, for the TNM observations.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub focus: Vec<Reference>,
    /// A coded or text value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_codeable_concept: Option<CodeableConcept>,
    /// An integer value (ECOG grade).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_integer: Option<u8>,
    /// Why there is no value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_absent_reason: Option<CodeableConcept>,
    /// The staging edition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<CodeableConcept>,
    /// Components: the T, N and M observations of a stage group (`hasMember`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub has_member: Vec<Reference>,
}

/// One resource of the Bundle.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "resourceType")]
pub enum Resource {
    /// A patient.
    Patient(Patient),
    /// A condition.
    Condition(Condition),
    /// An observation.
    Observation(Observation),
}

/// One entry of the Bundle.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// `urn:uuid:…`.
    pub full_url: String,
    /// The resource.
    pub resource: Resource,
}

/// A `Bundle` of type `collection`.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase", tag = "resourceType", rename = "Bundle")]
pub struct Bundle {
    /// Always `collection`.
    pub r#type: &'static str,
    /// The entries.
    pub entry: Vec<Entry>,
}
