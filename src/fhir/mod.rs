//! The FHIR export (`mesocds export CASE... --fhir OUT.json`): an HL7 FHIR R4 collection Bundle
//! shaped by mCODE, built from the core's [`mesocds_core::assess`] results only.
//!
//! Per case: a Patient holding only the pseudonymous label, the primary cancer Condition, the
//! 8th-edition TNM stage group Observation with its T, N and M Observations (method AJCC 8th
//! edition), the 9th-edition group as text when that edition applies, ECOG and disease status. Codes come only from [`codes`]
//! (docs/clinical/export-codes.md); a value without a code there is text with no coding; a stage
//! that cannot be assigned carries a data-absent reason ([`absent_reason`]).

pub mod codes;
mod export;
pub mod model;

pub use export::{FhirExportError, export_files, write_bundle};

use mesocds_core::ajcc9::{Edition, EditionChoice, Stage9};
use mesocds_core::staging::{StageOutcome, StageResult, StageStatus};
use mesocds_core::vocab::{StagingBasis, Vocab as _};
use mesocds_core::{Assessment, Case, ClinicalTables, assess};
use sha2::Digest as _;

use codes::Code;
use model::{
    Bundle, CodeableConcept, Condition, Entry, Identifier, Observation, Patient, Reference,
    Resource,
};

/// The data-absent reason (FHIR `DataAbsentReason` code, display) for a stage without a group.
///
/// Incomplete → `unknown` (inputs not entered); not assignable → `asked-unknown` (the input is
/// complete but gives no single group: TX, T0, NX or a disagreement); not applicable →
/// `not-applicable` (AJCC does not stage this tumour). `None` when a group is assigned.
pub fn absent_reason(status: StageStatus) -> Option<(&'static str, &'static str)> {
    match status {
        StageStatus::Assigned => None,
        StageStatus::Incomplete => Some(("unknown", "Unknown")),
        StageStatus::NotAssignable => Some(("asked-unknown", "Asked But Unknown")),
        StageStatus::NotApplicable => Some(("not-applicable", "Not Applicable")),
    }
}

fn absent(code: &'static str, display: &'static str, text: String) -> CodeableConcept {
    CodeableConcept::new(
        Some(Code {
            system: codes::DATA_ABSENT,
            code,
            display,
        }),
        text,
    )
}

/// Builds the Bundle for cases, each with the bytes of its file (which seed the entries' ids).
pub fn bundle(cases: &[(Case, Vec<u8>)], tables: &ClinicalTables) -> Bundle {
    let mut entry = Vec::new();
    for (case, bytes) in cases {
        entry.extend(case_entries(case, bytes, tables));
    }
    Bundle {
        r#type: "collection",
        entry,
    }
}

/// A `urn:uuid:` derived from the case file's bytes and the entry's role: the same file gives
/// the same ids, different files different ones (an RFC 9562 version-8 UUID from SHA-256).
fn full_url(bytes: &[u8], role: &str) -> String {
    let mut h = sha2::Sha256::new();
    h.update(bytes);
    h.update(role.as_bytes());
    let d = h.finalize();
    let mut b: [u8; 16] = [0; 16];
    b.copy_from_slice(&d[..16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// The ids of one case's entries and the Observation skeletons that refer to them.
struct Ids<'a> {
    bytes: &'a [u8],
    patient: String,
    condition: String,
}

impl Ids<'_> {
    fn url(&self, role: &str) -> String {
        full_url(self.bytes, role)
    }

    fn subject(&self) -> Reference {
        Reference {
            reference: self.patient.clone(),
        }
    }

    /// An Observation of the patient with no value yet.
    fn observation(&self, code: CodeableConcept) -> Observation {
        Observation {
            status: "final",
            code,
            subject: self.subject(),
            focus: Vec::new(),
            value_codeable_concept: None,
            value_integer: None,
            data_absent_reason: None,
            method: None,
            has_member: Vec::new(),
        }
    }

    /// An Observation of the staged condition, with the edition as its method.
    fn staged(&self, code: CodeableConcept, method: Code, edition: &str) -> Observation {
        Observation {
            focus: vec![Reference {
                reference: self.condition.clone(),
            }],
            method: Some(CodeableConcept::new(Some(method), edition)),
            ..self.observation(code)
        }
    }
}

fn case_entries(case: &Case, bytes: &[u8], tables: &ClinicalTables) -> Vec<Entry> {
    let assessment = assess(case, tables);
    let ids = Ids {
        bytes,
        patient: full_url(bytes, "patient"),
        condition: full_url(bytes, "condition"),
    };
    let condition_code = match case.disease.site {
        Some(s) => CodeableConcept::new(codes::condition(s), format!("{} mesothelioma", s.label())),
        None => CodeableConcept::new(None, "Mesothelioma, site not entered"),
    };
    let mut out = vec![
        Entry {
            full_url: ids.patient.clone(),
            resource: Resource::Patient(Patient {
                identifier: vec![Identifier {
                    r#type: CodeableConcept::new(None, "Pseudonymous case label"),
                    value: case.label.clone(),
                }],
            }),
        },
        Entry {
            full_url: ids.condition.clone(),
            resource: Resource::Condition(Condition {
                category: vec![CodeableConcept::new(None, "Primary cancer")],
                code: condition_code,
                subject: ids.subject(),
            }),
        },
    ];
    out.extend(stage_entries(&assessment.stage, &ids));
    out.extend(ninth_entry(&assessment, &ids));
    let ecog = Observation {
        value_integer: case.patient.ecog.map(|e| e.grade()),
        data_absent_reason: case
            .patient
            .ecog
            .is_none()
            .then(|| absent("unknown", "Unknown", "ECOG not entered".to_owned())),
        ..ids.observation(CodeableConcept::new(
            Some(codes::ECOG),
            "ECOG performance status",
        ))
    };
    let status = Observation {
        // No disease-status value code is in docs/clinical/export-codes.md: text only.
        value_codeable_concept: case
            .disease
            .status
            .map(|s| CodeableConcept::new(None, s.label())),
        data_absent_reason: case.disease.status.is_none().then(|| {
            absent(
                "unknown",
                "Unknown",
                "Disease status not entered".to_owned(),
            )
        }),
        ..ids.observation(CodeableConcept::new(
            Some(codes::DISEASE_STATUS),
            "Disease status",
        ))
    };
    for (role, o) in [("ecog", ecog), ("disease-status", status)] {
        out.push(Entry {
            full_url: ids.url(role),
            resource: Resource::Observation(o),
        });
    }
    out
}

/// The T, N and M Observations (none when AJCC does not stage the tumour) and the stage group
/// Observation that has them as members.
fn stage_entries(stage: &StageResult, ids: &Ids<'_>) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut members = Vec::new();
    if stage.status() != StageStatus::NotApplicable {
        for (axis, obs) in tnm_observations(stage) {
            let u = ids.url(axis);
            members.push(Reference {
                reference: u.clone(),
            });
            out.push(Entry {
                full_url: u,
                resource: Resource::Observation(Observation {
                    value_codeable_concept: obs.value,
                    data_absent_reason: obs.absent,
                    ..ids.staged(obs.code, codes::AJCC_8TH, &stage.edition)
                }),
            });
        }
    }
    let group_code = group_code(stage.basis);
    let (value, reason) = match (&stage.outcome, absent_reason(stage.status())) {
        (StageOutcome::Assigned(g), _) => (
            Some(CodeableConcept::new(
                Some(codes::stage_group(*g)),
                format!("Stage {}", g.label()),
            )),
            None,
        ),
        (_, Some((code, display))) => (None, Some(absent(code, display, stage.notes.join(" ")))),
        (_, None) => (None, None),
    };
    out.push(Entry {
        full_url: ids.url("stage-group"),
        resource: Resource::Observation(Observation {
            value_codeable_concept: value,
            data_absent_reason: reason,
            has_member: members,
            ..ids.staged(group_code, codes::AJCC_8TH, &stage.edition)
        }),
    });
    out
}

/// The stage-group Observation's code by the staging basis: clinical or pathological; text only
/// for post-neoadjuvant (no verified yp code) or a basis not entered.
fn group_code(basis: Option<StagingBasis>) -> CodeableConcept {
    match basis {
        Some(StagingBasis::Clinical) => {
            CodeableConcept::new(Some(codes::CLINICAL_STAGE_GROUP), "Clinical stage group")
        }
        Some(StagingBasis::Pathological) => CodeableConcept::new(
            Some(codes::PATHOLOGICAL_STAGE_GROUP),
            "Pathological stage group",
        ),
        Some(StagingBasis::PostNeoadjuvant) => {
            CodeableConcept::new(None, "Post-neoadjuvant (yp) stage group")
        }
        None => CodeableConcept::new(None, "Stage group (staging basis not entered)"),
    }
}

/// The 9th-edition stage group, when the 9th edition applies by the date of diagnosis: text only
/// (no verified code for a 9th-edition group, docs/clinical/export-codes.md#no-code), method
/// AJCC 9th version; no group → a data-absent reason as for the 8th edition.
fn ninth_entry(assessment: &Assessment<'_>, ids: &Ids<'_>) -> Option<Entry> {
    let EditionChoice::Applies {
        edition: Edition::Ajcc9,
        ..
    } = assessment.edition
    else {
        return None;
    };
    let s9 = &assessment.stage_9th;
    let (value, reason) = match (&s9.stage, absent_reason(s9.stage.status())) {
        (Stage9::Assigned { group }, _) => (
            Some(CodeableConcept::new(
                None,
                format!("Stage {}", group.label()),
            )),
            None,
        ),
        (Stage9::NotApplicable { reason }, Some((code, display))) => {
            (None, Some(absent(code, display, reason.clone())))
        }
        (Stage9::NotAssignable { reasons, .. }, Some((code, display))) => {
            (None, Some(absent(code, display, reasons.join(" "))))
        }
        (Stage9::Incomplete { missing, .. }, Some((code, display))) => {
            let names: Vec<&str> = missing.iter().map(|m| m.label()).collect();
            let text = format!(
                "9th-edition stage incomplete; not entered: {}",
                names.join(", ")
            );
            (None, Some(absent(code, display, text)))
        }
        (_, None) => (None, None),
    };
    Some(Entry {
        full_url: ids.url("stage-group-9th"),
        resource: Resource::Observation(Observation {
            value_codeable_concept: value,
            data_absent_reason: reason,
            ..ids.staged(group_code(s9.basis), codes::AJCC_9TH, &s9.edition)
        }),
    })
}

/// The code, value and absent reason of one TNM category Observation.
struct TnmObservation {
    code: CodeableConcept,
    value: Option<CodeableConcept>,
    absent: Option<CodeableConcept>,
}

/// The T, N and M Observations, clinical or pathological codes by the staging basis; a value
/// without a code in [`codes`] (every post-neoadjuvant or unknown-basis value, pT other than pT3,
/// pN other than pN0, any pM) is text only.
fn tnm_observations(stage: &StageResult) -> Vec<(&'static str, TnmObservation)> {
    let basis = stage.basis;
    let prefix = basis.map_or("", StagingBasis::prefix);
    let code = |clinical: Code, pathological: Code, axis: &str| match basis {
        Some(StagingBasis::Clinical) => CodeableConcept::new(Some(clinical), clinical.display),
        Some(StagingBasis::Pathological) => {
            CodeableConcept::new(Some(pathological), pathological.display)
        }
        Some(StagingBasis::PostNeoadjuvant) => CodeableConcept::new(None, format!("yp{axis}")),
        None => CodeableConcept::new(None, format!("{axis} (staging basis not entered)")),
    };
    let clinical = basis == Some(StagingBasis::Clinical);
    let pathological = basis == Some(StagingBasis::Pathological);
    let value =
        |text: &str, coded: Option<Code>| CodeableConcept::new(coded, format!("{prefix}{text}"));
    let missing = |axis: &str, conflict: bool| {
        let text = if conflict {
            format!("{axis} in disagreement")
        } else {
            format!("{axis} not entered")
        };
        Some(absent("unknown", "Unknown", text))
    };
    let t = TnmObservation {
        code: code(codes::CLINICAL_T, codes::PATHOLOGICAL_T, "T"),
        value: stage.t.value.map(|t| {
            let coded = if clinical {
                Some(codes::clinical_t(t))
            } else if pathological {
                codes::pathological_t(t)
            } else {
                None
            };
            value(t.code(), coded)
        }),
        absent: stage
            .t
            .value
            .is_none()
            .then(|| missing("T", stage.t.conflict))
            .flatten(),
    };
    let n = TnmObservation {
        code: code(codes::CLINICAL_N, codes::PATHOLOGICAL_N, "N"),
        value: stage.n.value.map(|n| {
            let coded = if clinical {
                Some(codes::clinical_n(n))
            } else if pathological {
                codes::pathological_n(n)
            } else {
                None
            };
            value(n.code(), coded)
        }),
        absent: stage
            .n
            .value
            .is_none()
            .then(|| missing("N", stage.n.conflict))
            .flatten(),
    };
    let m = TnmObservation {
        code: code(codes::CLINICAL_M, codes::PATHOLOGICAL_M, "M"),
        value: stage
            .m
            .value
            .map(|m| value(m.code(), clinical.then(|| codes::clinical_m(m)))),
        absent: stage
            .m
            .value
            .is_none()
            .then(|| missing("M", stage.m.conflict))
            .flatten(),
    };
    vec![("t", t), ("n", n), ("m", m)]
}
