//! The open case: its file, whether it changed since it was saved, undo/redo, and the text of
//! its number fields (kept in step with the case here, and nowhere else).

use std::path::{Path, PathBuf};

use mesocds_core::Case;
use mesocds_core::case::{AgeYears, Hemoglobin, RangeError, Wbc};
use mesocds_core::case_file::LoadedCase;

/// Edits closer together than this (seconds) are one undo step, so typing a word is one step.
const COALESCE_SECONDS: f64 = 1.0;
/// Undo history kept.
const MAX_UNDO: usize = 200;

/// The open case.
#[derive(Debug, Default)]
pub struct Document {
    /// The case as edited.
    pub case: Case,
    /// The file it was loaded from or saved to.
    pub path: Option<PathBuf>,
    /// The text typed into the number fields. Every way the case is replaced (a constructor,
    /// undo, redo) sets it from the case; edits in the Case tab change both together.
    pub form: FormText,
    /// SHA-256 fingerprint of the file's bytes ([`crate::report::fingerprint`]), taken when the
    /// file was loaded or saved.
    fingerprint: Option<String>,
    /// The case as last saved or loaded: the document is dirty when `case` differs.
    saved: Case,
    undo: Vec<Case>,
    redo: Vec<Case>,
    last_edit_time: Option<f64>,
    /// The warning of a file whose seal did not match when it was opened
    /// (`case_file::SEAL_WARNING`), until the case is saved with a new seal.
    seal_warning: Option<&'static str>,
    /// The Course tab's drafts of a new event and board entry: not the case, so undo keeps
    /// them; a new or opened case starts without.
    pub course_drafts: super::tabs::course_form::CourseDrafts,
}

impl Document {
    /// A new, empty case.
    pub fn new() -> Self {
        Self::default()
    }

    /// A case loaded from `path`, whose bytes have `fingerprint`. A file whose seal does not
    /// match keeps its warning until the case is saved (`seal_warning`).
    pub fn loaded(path: &Path, loaded: LoadedCase, fingerprint: Option<String>) -> Self {
        Self {
            seal_warning: loaded.seal.warning(),
            saved: loaded.case.clone(),
            form: FormText::from_case(&loaded.case),
            case: loaded.case,
            path: Some(path.to_owned()),
            fingerprint,
            ..Self::default()
        }
    }

    /// A case recovered after a crash: unsaved, so dirty, and tied to its original file if any.
    pub fn recovered(case: Case, origin: Option<PathBuf>) -> Self {
        Self {
            form: FormText::from_case(&case),
            case,
            path: origin,
            ..Self::default()
        }
    }

    /// The example case, as a new document with no file (unchanged until edited).
    pub fn example(case: Case) -> Self {
        Self {
            saved: case.clone(),
            form: FormText::from_case(&case),
            case,
            ..Self::default()
        }
    }

    /// Whether the case differs from the saved file.
    pub fn is_dirty(&self) -> bool {
        self.case != self.saved
    }

    /// Records that the case changed from `before` at time `now` (seconds).
    pub fn record_edit(&mut self, before: Case, now: f64) {
        let coalesce = self
            .last_edit_time
            .is_some_and(|t| now - t < COALESCE_SECONDS)
            && !self.undo.is_empty();
        if !coalesce {
            self.undo.push(before);
            if self.undo.len() > MAX_UNDO {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.last_edit_time = Some(now);
    }

    /// Makes the next recorded edit an undo step of its own, even within the coalescing time
    /// (adding or deleting a course event is one step, apart from the typing before it).
    pub fn new_undo_step(&mut self) {
        self.last_edit_time = None;
    }

    /// Undoes the last edit; `false` when there is none.
    pub fn undo(&mut self) -> bool {
        match self.undo.pop() {
            Some(previous) => {
                self.redo.push(std::mem::replace(&mut self.case, previous));
                self.form = FormText::from_case(&self.case);
                self.last_edit_time = None;
                true
            }
            None => false,
        }
    }

    /// Redoes the last undone edit; `false` when there is none.
    pub fn redo(&mut self) -> bool {
        match self.redo.pop() {
            Some(next) => {
                self.undo.push(std::mem::replace(&mut self.case, next));
                self.form = FormText::from_case(&self.case);
                self.last_edit_time = None;
                true
            }
            None => false,
        }
    }

    /// The warning of a file opened with a seal that does not match, until it is saved.
    pub fn seal_warning(&self) -> Option<&'static str> {
        self.seal_warning
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Marks the case as saved to `path`, whose bytes now have `fingerprint`.
    pub fn mark_saved(&mut self, path: PathBuf, fingerprint: Option<String>) {
        self.seal_warning = None;
        self.saved = self.case.clone();
        self.path = Some(path);
        self.fingerprint = fingerprint;
    }

    /// The fingerprint of the file, while the case is unchanged since it was loaded or saved
    /// (otherwise it describes no saved state of this case).
    pub fn fingerprint(&self) -> Option<&str> {
        self.fingerprint
            .as_deref()
            .filter(|_| !self.is_dirty() && self.path.is_some())
    }

    /// Whether this is a new, empty case nobody has typed into yet.
    pub fn is_blank(&self) -> bool {
        self.path.is_none() && self.case == Case::default() && self.form == FormText::default()
    }

    /// The label to show: the case label, or the file name, or "Untitled case".
    pub fn display_name(&self) -> String {
        let label = self.case.label.trim();
        if !label.is_empty() {
            return label.to_owned();
        }
        self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || "Untitled case".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// The window title: "`<case label>` — MesoCDS", with a marker while there are unsaved changes.
    pub fn window_title(&self) -> String {
        let marker = if self.is_dirty() { "● " } else { "" };
        format!("{marker}{} — MesoCDS", self.display_name())
    }
}

/// What the form shows that the case cannot hold yet.
///
/// The text typed into the number fields, kept apart from the case so that a half-typed or
/// invalid value can be shown with its message while the case holds "not entered"; and the
/// prior-therapy choice "Recorded below" while nothing is ticked yet (the case then holds
/// "not entered", never "none").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormText {
    /// Age field text.
    pub age: String,
    /// WBC field text.
    pub wbc: String,
    /// Hemoglobin field text.
    pub hb: String,
    /// "Recorded below" is chosen for prior systemic therapy.
    pub prior_recorded: bool,
    /// The issue-11 fields (date of diagnosis, Psum, Fmax, PCI total).
    pub edition: super::tabs::edition_form::EditionFormText,
    /// The Course tab's rows (issue 13): course events and board entries as typed.
    pub course: super::tabs::course_form::CourseFormText,
}

impl FormText {
    /// The texts for the values in `case`.
    pub fn from_case(case: &Case) -> Self {
        Self {
            age: case
                .patient
                .age_years
                .map_or_else(String::new, |a| a.get().to_string()),
            wbc: case
                .labs
                .wbc_10e9_per_l
                .map_or_else(String::new, |w| w.get().to_string()),
            hb: case
                .labs
                .hb_g_per_dl
                .map_or_else(String::new, |h| h.get().to_string()),
            prior_recorded: case
                .therapy
                .prior_systemic
                .as_ref()
                .is_some_and(|p| !p.is_empty()),
            edition: super::tabs::edition_form::EditionFormText::from_case(case),
            course: super::tabs::course_form::CourseFormText::from_case(case),
        }
    }
}

/// Parses an age field: empty is not entered; otherwise a whole number 0–120
/// ([`AgeYears`]'s `FromStr`, the parser the command line uses).
///
/// # Errors
/// The message to show under the field.
pub fn parse_age(text: &str) -> Result<Option<AgeYears>, String> {
    parse_field(text)
}

/// Empty text is not entered; anything else goes through the core's one parser of the measurement.
fn parse_field<T: std::str::FromStr<Err = RangeError>>(text: &str) -> Result<Option<T>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    text.parse()
        .map(Some)
        .map_err(|e: RangeError| e.to_string())
}

/// Parses a WBC field (×10⁹/L, "9.1" or "9,1"): empty is not entered.
///
/// # Errors
/// The message to show under the field.
pub fn parse_wbc(text: &str) -> Result<Option<Wbc>, String> {
    parse_field(text)
}

/// Parses a hemoglobin field (g/dL, "13.5" or "13,5"): empty is not entered.
///
/// # Errors
/// The message to show under the field.
pub fn parse_hb(text: &str) -> Result<Option<Hemoglobin>, String> {
    parse_field(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dirty_follows_the_saved_case_through_undo() {
        let mut doc = Document::new();
        assert!(!doc.is_dirty());
        let before = doc.case.clone();
        doc.case.label = "MC-1".to_owned();
        doc.record_edit(before, 0.0);
        assert!(doc.is_dirty());
        assert!(doc.undo());
        assert!(!doc.is_dirty(), "undo back to the saved case is clean");
        assert!(doc.redo());
        assert_eq!(doc.case.label, "MC-1");
        assert!(!doc.redo());
    }

    #[test]
    fn quick_edits_coalesce_into_one_undo_step() {
        let mut doc = Document::new();
        for (i, ch) in ["M", "MC", "MC-"].iter().enumerate() {
            let before = doc.case.clone();
            doc.case.label = (*ch).to_owned();
            doc.record_edit(before, 0.1 * i as f64);
        }
        let before = doc.case.clone();
        doc.case.label = "MC-2".to_owned();
        doc.record_edit(before, 5.0);
        assert!(doc.undo());
        assert_eq!(doc.case.label, "MC-");
        assert!(doc.undo());
        assert_eq!(doc.case.label, "");
        assert!(!doc.undo());
    }

    #[test]
    fn titles() {
        let mut doc = Document::new();
        assert_eq!(doc.window_title(), "Untitled case — MesoCDS");
        doc.case.label = "MC-9".to_owned();
        assert_eq!(doc.window_title(), "● MC-9 — MesoCDS");
    }

    #[test]
    fn number_fields() {
        assert_eq!(parse_age(""), Ok(None));
        assert!(parse_age("abc").is_err());
        assert!(parse_age("300").unwrap_err().contains("0 to 120"));
        assert_eq!(parse_wbc(" 8,3 ").map(|w| w.map(Wbc::get)), Ok(Some(8.3)));
        assert!(parse_wbc("8300").unwrap_err().contains("per µL"));
        assert!(parse_wbc("lots").unwrap_err().contains("×10⁹/L"));
        assert!(parse_hb("146").unwrap_err().contains("g/L"));
        let case = Case::default();
        assert_eq!(FormText::from_case(&case), FormText::default());
    }
}
