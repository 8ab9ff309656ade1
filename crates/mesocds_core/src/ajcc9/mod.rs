//! The 9th edition of pleural mesothelioma staging (AJCC Version 9 "Diffuse Pleural
//! Mesothelioma" = UICC TNM 9, for diagnoses from 1 January 2025), beside the AJCC 8th edition.
//!
//! Self-contained: its own input type ([`Ajcc9Input`]) and result ([`Stage9Result`]); it reads
//! the 8th-edition tables for N, M and pathological T, which the 9th edition takes over.
//!
//! - [`date`]: the date of diagnosis and [`applicable_edition`].
//! - [`measure`]: millimetres, read and checked.
//! - [`psum`]: Psum (three levels or a sum) and Fmax.
//! - [`clinical_t()`]: clinical T from the measurements and invasion findings.
//! - [`grid`]: the stage grid, `assets/clinical/ajcc9_pleural_stage_groups.ron`.
//! - [`types`]: the input and result types.
//! - [`stage`]: the stage of a case.
//! - [`restaging`]: the line that says what changed between the editions for a patient.
//!
//! Every rule, its source and tag, and each decision where the sources are silent:
//! `docs/clinical/staging-ajcc9.md`. The stage groups are single-source: every result carries
//! the caveat of the grid file.
//!
//! # Example
//! ```
//! use mesocds_core::ClinicalTables;
//! use mesocds_core::ajcc9::{applicable_edition, stage9, Ajcc9Input, Edition, StageGroup9, StageTable9};
//! use mesocds_core::vocab::{Extent, MCategory, NCategory, Site, StagingBasis};
//!
//! let tables8 = ClinicalTables::embedded().unwrap();
//! let table9 = StageTable9::embedded().unwrap();
//! let input = Ajcc9Input {
//!     site: Some(Site::Pleural),
//!     extent: Some(Extent::Diffuse),
//!     basis: Some(StagingBasis::Clinical),
//!     n: Some(NCategory::N0),
//!     m: Some(MCategory::M0),
//!     psum: Some("31".parse().unwrap()),
//!     ..Ajcc9Input::default()
//! };
//! let r = stage9(&input, &tables8.findings, &tables8.stage, table9);
//! assert_eq!(r.tnm_text(), "cT3 N0 M0");
//! assert_eq!(r.stage.group(), Some(StageGroup9::IIIA));
//! assert!(r.notes[0].starts_with("9th-edition stage groups as published"));
//!
//! let diagnosed = "2025-03-14".parse().unwrap();
//! assert_eq!(applicable_edition(Some(diagnosed)).edition(), Some(Edition::Ajcc9));
//! ```

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
pub use psum::{Fmax, MEASUREMENT_HELP, Psum, PsumLevels};
pub use restaging::restaging_line;
pub use stage::{N_NOTE, stage9};
pub use types::{Ajcc9Input, Stage9, Stage9Result, TAxis9, TRule};
