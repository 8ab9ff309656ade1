//! The tabs of the main window, one file each (panels of a tab in files of their own).
//!
//! Every `*_tab_ui` draws from the core's assessment, borrowed through one [`ViewCtx`], and
//! edits only the case; none computes or words a clinical result (the wording shared with the
//! report is in [`crate::present`]).

mod board;
mod board_entries;
mod case;
mod course;
mod course_editor;
pub mod course_form;
mod course_marks;
mod course_rows;
mod course_timeline;
mod edition_card;
pub mod edition_form;
pub mod newer_evidence;
mod ninth_inputs;
mod pci_map;
mod peritoneal;
mod prognosis;
mod report;
mod stage_grid;
mod staging;
mod survival_chart;
mod treatment;

use mesocds_core::vocab::Input;
use mesocds_core::{Assessment, ClinicalTables};

use crate::report::model::Report;

pub use board::board_tab_ui;
pub use case::case_tab_ui;
pub use course::course_tab_ui;
pub use prognosis::prognosis_tab_ui;
pub use report::report_tab_ui;
pub use staging::staging_tab_ui;
pub use treatment::treatment_tab_ui;

/// What every tab may read, borrowed for one frame. Built by [`super::MesoApp`] after the
/// case has been assessed once; tabs never assess again.
#[derive(Clone, Copy)]
pub struct ViewCtx<'a> {
    /// The clinical tables in use (stage grid, findings wording, content version).
    pub tables: &'a ClinicalTables,
    /// The core's assessment of the open case, made once this frame.
    pub assessment: &'a Assessment<'a>,
    /// The report model of the open case, built from `assessment`: only while the Report tab
    /// is shown (`None` on the other tabs, which do not need it).
    pub report: Option<&'a Report>,
}

/// A tab of the main window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Tab {
    /// The case inputs.
    #[default]
    Case,
    /// The disease course (timeline and editor) and the tumor-board entries (issue 13).
    Course,
    /// TNM staging.
    Staging,
    /// EORTC and CALGB.
    Prognosis,
    /// Treatment options.
    Treatment,
    /// Report preview and plain text.
    Report,
    /// The tumor board: several cases, in order (issue 13).
    Board,
}

impl std::fmt::Display for Tab {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

impl Tab {
    /// Every tab, in order.
    pub const ALL: [Self; 7] = [
        Self::Case,
        Self::Course,
        Self::Staging,
        Self::Prognosis,
        Self::Treatment,
        Self::Report,
        Self::Board,
    ];

    /// The tab on which the field of `input` is entered (the status and prior therapy stay on
    /// the Case tab, which says when the disease course gives them).
    pub fn of_input(input: Input) -> Self {
        match input {
            Input::Basis | Input::T | Input::N | Input::M => Self::Staging,
            _ => Self::Case,
        }
    }

    /// The tab's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Case => "Case",
            Self::Course => "Course",
            Self::Staging => "Staging",
            Self::Prognosis => "Prognosis",
            Self::Treatment => "Treatment options",
            Self::Report => "Report",
            Self::Board => "Board",
        }
    }
}
