//! The 9th edition of pleural mesothelioma staging (AJCC Version 9 "Diffuse Pleural
//! Mesothelioma" = UICC TNM 9, for diagnoses from 1 January 2025), beside the AJCC 8th edition.
//!
//! Self-contained: its own input type ([`Ajcc9Input`]) and result ([`Stage9Result`]); it reads
//! the 8th-edition tables for N, M and pathological T, which the 9th edition takes over.
//!
//! - [`date`]: the date of diagnosis and [`applicable_edition`].
//! - [`measure`]: millimetres, read and checked.
//! - [`psum`]: Psum (three levels or a sum) and Fmax.
//! - [`clinical_t`]: clinical T from the measurements and invasion findings.
//! - [`grid`]: the stage grid, `assets/clinical/ajcc9_pleural_stage_groups.ron`.
//! - [`types`]: the input and result types.
//! - [`stage`]: the stage of a case.
//! - [`restaging`]: the line that says what changed between the editions for a patient.
//!
//! Every rule, its source and tag, and each decision where the sources are silent:
//! `docs/clinical/staging-ajcc9.md`. The stage groups are single-source: every result carries
//! the caveat of the grid file.

pub mod clinical_t;
pub mod date;
pub mod grid;
pub mod measure;
pub mod psum;
pub mod restaging;
pub mod stage;
pub mod types;

pub use clinical_t::{ClinicalT, ClinicalTInput, MissingInput, NinthFinding, TDriver, clinical_t};
pub use date::{Date, DateError, Edition, EditionChoice, applicable_edition};
pub use grid::{StageGroup9, StageTable9};
pub use measure::{MeasurementError, Millimetres};
pub use psum::{Fmax, Psum, PsumLevels};
pub use restaging::restaging_line;
pub use stage::{N_NOTE, stage9};
pub use types::{Ajcc9Input, Stage9, Stage9Result, TAxis9, TRule};
