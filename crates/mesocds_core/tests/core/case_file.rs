//! The case-file format: round trips on disk, every kind of bad file, and atomic saving.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use mesocds_core::Case;
use mesocds_core::atomic::{self, TMP_MARKER};
use mesocds_core::case::{AgeYears, Hemoglobin, Wbc};
use mesocds_core::case_file::{
    self, CaseFileError, CaseFileErrorKind, FORMAT, MAX_FILE_BYTES, SEAL_WARNING, SavedWith,
    SealStatus,
};
use mesocds_core::vocab::{
    DiagnosisCertainty, DiseaseStatus, Ecog, Extent, Finding, Histology, MCategory, NCategory,
    PriorTherapy, Sex, Site, StagingBasis, TCategory,
};

// ------------------------------------------------------------------------------- helpers

/// A fresh folder under the system temp folder, removed (with its contents) on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path = std::env::temp_dir().join(format!(
            "mesocds-case-file-test-{}-{tag}-{n}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&path).expect("create temp dir");
        Self(path)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    /// File names in the folder, sorted.
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o700)).ok();
        }
        std::fs::remove_dir_all(&self.0).ok();
    }
}

fn saved_with() -> SavedWith {
    SavedWith {
        app_version: "0.1.0-test".to_owned(),
        content: "NCI PDQ Malignant Mesothelioma Treatment (HP), updated 05/12/2025; test"
            .to_owned(),
    }
}

/// A case with every field entered.
fn full_case() -> Case {
    let mut c = Case {
        label: "Case 12 \"quoted\" (((( [[[ // not a comment".to_owned(),
        notes: "Line one.\nLine two: WBC 9.1 ×10⁹/L, Hb ≥ 14.6 g/dL.\tTabbed; backslash \\ end"
            .to_owned(),
        ..Case::default()
    };
    c.patient.age_years = Some(AgeYears::new(67).unwrap());
    c.patient.sex = Some(Sex::Male);
    c.patient.ecog = Ecog::from_grade(1);
    c.disease.site = Some(Site::Pleural);
    c.disease.extent = Some(Extent::Diffuse);
    c.disease.histology = Some(Histology::Desmoplastic);
    c.disease.diagnosis = Some(DiagnosisCertainty::Probable);
    c.disease.status = Some(DiseaseStatus::LocalRecurrence);
    c.staging.basis = Some(StagingBasis::PostNeoadjuvant);
    c.staging.t = Some(TCategory::T3);
    c.staging.n = Some(NCategory::N1);
    c.staging.m = Some(MCategory::M0);
    c.staging.findings = [
        Finding::AllIpsilateralSurfaces,
        Finding::EndothoracicFascia,
        Finding::IpsilateralHilarNodes,
        Finding::NoDistantMetastasis,
    ]
    .into_iter()
    .collect();
    c.labs.wbc_10e9_per_l = Some(Wbc::new(8.3).unwrap());
    c.labs.hb_g_per_dl = Some(Hemoglobin::new(14.6).unwrap());
    c.therapy.prior_systemic = Some(
        [
            PriorTherapy::PlatinumPemetrexed,
            PriorTherapy::Immunotherapy,
        ]
        .into_iter()
        .collect(),
    );
    c.therapy.anticoagulant = Some(false);
    c.therapy.antiplatelet = Some(true);
    c.therapy.nsaid = None;
    c
}

fn full_text() -> String {
    case_file::to_ron(&full_case(), &saved_with()).expect("serialize")
}

fn load_text(dir: &TempDir, name: &str, bytes: &[u8]) -> (PathBuf, CaseFileError) {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    let err = case_file::load(&path).expect_err("the file must be refused");
    (path, err)
}

/// The error names the file when it came from disk.
fn assert_names_path(err: &CaseFileError, path: &Path) {
    assert_eq!(err.path.as_deref(), Some(path), "the error names the file");
    let shown = err.to_string();
    assert!(
        shown.starts_with(&format!("{}: ", path.display())),
        "{shown}"
    );
}

/// The 1-based line of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).expect("needle in text");
    text[..at].matches('\n').count() + 1
}

fn parse_error(err: &CaseFileError) -> (usize, usize, &str) {
    match &err.kind {
        CaseFileErrorKind::Parse {
            line,
            column,
            message,
        } => (*line, *column, message.as_str()),
        other => panic!("expected a parse error, got {other:?}"),
    }
}

// ----------------------------------------------------------------------------- round trip

#[test]
fn a_full_case_round_trips_through_save_and_load() {
    let dir = TempDir::new("roundtrip");
    let path = dir.join("case.mesocds.ron");
    case_file::save(&path, &full_case(), &saved_with()).expect("save");
    let loaded = case_file::load(&path).expect("load");
    assert_eq!(loaded.case, full_case());
    assert_eq!(loaded.saved_with, saved_with());
    assert_eq!(loaded.migrated_from, None);
    // What is on disk is exactly the documented text.
    let on_disk = std::fs::read_to_string(&path).expect("read");
    assert_eq!(on_disk, full_text());
    assert!(on_disk.starts_with("// MesoCDS case file."));
    assert!(on_disk.contains("MesoCdsCase("));
    assert!(on_disk.contains(&format!("format: {FORMAT}")));
    // Saving again over the file writes the same bytes.
    case_file::save(&path, &full_case(), &saved_with()).expect("save again");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), on_disk);
    assert_eq!(dir.names(), vec!["case.mesocds.ron".to_owned()]);
}

#[test]
fn the_default_case_round_trips_and_nothing_is_defaulted() {
    let text = case_file::to_ron(&Case::default(), &saved_with()).expect("serialize");
    let loaded = case_file::from_ron(&text).expect("parse");
    assert_eq!(loaded.case, Case::default());
    assert_eq!(loaded.case.staging.m, None, "M is never defaulted");
    assert_eq!(loaded.case.therapy.prior_systemic, None);
    // Prior therapy "none given" (an empty set) is kept apart from "not entered".
    let mut none_given = Case::default();
    none_given.therapy.prior_systemic = Some(Default::default());
    let text = case_file::to_ron(&none_given, &saved_with()).expect("serialize");
    assert_eq!(
        case_file::from_ron(&text)
            .expect("parse")
            .case
            .therapy
            .prior_systemic,
        Some(Default::default())
    );
}

#[test]
fn a_minimal_hand_written_file_loads() {
    let text = "// written by hand\n/* a block comment */\nMesoCdsCase(\n    format: 1,\n    saved_with: (app_version: \"x\", content: \"y\"),\n    case: (\n        patient: (ecog: Some(2)),\n        staging: (t: Some(T4), findings: [Spine]),\n    ),\n)\n";
    let loaded = case_file::from_ron(text).expect("parse");
    assert_eq!(loaded.case.patient.ecog, Ecog::from_grade(2));
    assert_eq!(loaded.case.staging.t, Some(TCategory::T4));
    assert!(loaded.case.staging.findings.contains(&Finding::Spine));
    assert_eq!(loaded.case.staging.n, None);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", full_text());
    assert_eq!(case_file::from_ron(&text).expect("parse").case, full_case());
}

// ------------------------------------------------------------------------------ bad files

#[test]
fn an_empty_file_is_refused() {
    let dir = TempDir::new("empty");
    let (path, err) = load_text(&dir, "empty.ron", b"");
    assert_eq!(err.kind, CaseFileErrorKind::Empty);
    assert_names_path(&err, &path);
    assert!(err.to_string().contains("empty"));
    assert_eq!(
        case_file::from_ron("").expect_err("empty").kind,
        CaseFileErrorKind::Empty
    );
}

#[test]
fn a_whitespace_or_comment_only_file_is_refused_as_empty() {
    let dir = TempDir::new("blank");
    for (i, text) in [
        " ",
        "\n\n\t  \r\n",
        "// only a comment\n",
        "/* block */\n  ",
    ]
    .iter()
    .enumerate()
    {
        let (path, err) = load_text(&dir, &format!("blank{i}.ron"), text.as_bytes());
        assert_eq!(err.kind, CaseFileErrorKind::Empty, "{text:?}");
        assert_names_path(&err, &path);
    }
}

#[test]
fn a_file_cut_in_half_is_reported_as_truncated_with_its_position() {
    let dir = TempDir::new("truncated");
    let text = full_text();
    let mut half = text.len() / 2;
    while !text.is_char_boundary(half) {
        half -= 1;
    }
    let (path, err) = load_text(&dir, "half.ron", &text.as_bytes()[..half]);
    assert_names_path(&err, &path);
    let (line, column, message) = parse_error(&err);
    assert!(message.contains("truncated"), "{message}");
    assert!(message.contains("end of file"), "{message}");
    assert!(line > 1 && column >= 1, "{line}:{column}");
    assert_eq!(err.position(), Some((line, column)));
    // The position is where the text stops: on its last line.
    assert_eq!(line, text[..half].trim_end().lines().count());
    let shown = err.to_string();
    assert!(
        shown.contains(&format!("line {line}, column {column}")),
        "{shown}"
    );
}

#[test]
fn a_file_cut_anywhere_after_its_header_is_truncated() {
    let text = full_text();
    let start = text.find("MesoCdsCase(").expect("struct") + "MesoCdsCase(".len();
    // Every cut that leaves a bracket open (the final ")\n" closes the file).
    let end = text.trim_end().len() - 1;
    for cut in (start..end).filter(|i| text.is_char_boundary(*i)) {
        let err = case_file::from_ron(&text[..cut]).expect_err("truncated");
        let (line, _, message) = parse_error(&err);
        assert!(
            message.contains("truncated"),
            "cut at {cut} ({:?}): {message}",
            &text[cut.saturating_sub(15)..cut]
        );
        assert!(line >= 1);
    }
}

#[test]
fn foreign_files_are_refused() {
    let dir = TempDir::new("foreign");
    let json = serde_json_like_case();
    for (name, text) in [
        ("json.ron", json.as_str()),
        ("array.ron", "[1, 2, 3]"),
        (
            "table.ron",
            "StageTable(format: 1, edition: \"AJCC 8th edition\", cells: [])",
        ),
        ("text.ron", "Patient has pleural mesothelioma, T3 N1 M0.\n"),
        ("unit.ron", "()"),
    ] {
        let (path, err) = load_text(&dir, name, text.as_bytes());
        assert!(
            matches!(err.kind, CaseFileErrorKind::Foreign(_)),
            "{name}: {:?}",
            err.kind
        );
        assert_names_path(&err, &path);
        assert!(err.to_string().contains("not a MesoCDS case file"), "{err}");
    }
    let (_, err) = load_text(&dir, "json2.ron", json.as_bytes());
    assert!(err.to_string().contains("JSON"), "{err}");
}

fn serde_json_like_case() -> String {
    "{\n  \"format\": 1,\n  \"case\": {\"label\": \"x\"}\n}\n".to_owned()
}

#[test]
fn a_struct_with_a_similar_name_is_refused() {
    let text = full_text().replacen("MesoCdsCase(", "MesoCdsCaseV2(", 1);
    let err = case_file::from_ron(&text).expect_err("wrong struct");
    let (line, _, message) = parse_error(&err);
    assert!(message.contains("MesoCdsCaseV2"), "{message}");
    assert_eq!(line, line_of(&text, "MesoCdsCaseV2"));
}

#[test]
fn binary_files_are_refused() {
    let dir = TempDir::new("binary");
    // Not UTF-8.
    let (path, err) = load_text(
        &dir,
        "image.png",
        &[0x89, b'P', b'N', b'G', 0xff, 0xfe, 0x00, 0x01],
    );
    assert_eq!(err.kind, CaseFileErrorKind::NotText);
    assert_names_path(&err, &path);
    assert!(err.to_string().contains("UTF-8"));
    // A valid file with one invalid byte in the middle.
    let mut bytes = full_text().into_bytes();
    let mid = bytes.len() / 2;
    bytes[mid] = 0xff;
    let (_, err) = load_text(&dir, "corrupt.ron", &bytes);
    assert_eq!(err.kind, CaseFileErrorKind::NotText);
    // UTF-8 but binary-looking control bytes.
    let (_, err) = load_text(&dir, "nul.ron", &[0, 0, 0, 1, 2, 3]);
    assert!(
        matches!(err.kind, CaseFileErrorKind::Foreign(_)),
        "{:?}",
        err.kind
    );
}

#[test]
fn deeply_nested_files_are_refused_with_a_position() {
    let dir = TempDir::new("deep");
    let deep = format!("MesoCdsCase(format: 1, case: {})", "(".repeat(10_000));
    let (path, err) = load_text(&dir, "deep.ron", deep.as_bytes());
    assert!(
        matches!(err.kind, CaseFileErrorKind::TooDeep { line: 1, .. }),
        "{:?}",
        err.kind
    );
    assert_names_path(&err, &path);
    assert!(err.position().is_some());
    assert!(err.to_string().contains("nest"), "{err}");
    // Nesting inside a field value, on a later line.
    let nested = format!(
        "MesoCdsCase(\n format: 1,\n saved_with: (app_version: \"\", content: \"\"),\n case: (label: {}{}),\n)",
        "[".repeat(100),
        "]".repeat(100)
    );
    let err = case_file::from_ron(&nested).expect_err("too deep");
    assert!(
        matches!(err.kind, CaseFileErrorKind::TooDeep { line: 4, .. }),
        "{:?}",
        err.kind
    );
    // Brackets inside strings and comments do not count.
    let case = Case {
        label: "(".repeat(500),
        notes: "[{(".repeat(300),
        ..Case::default()
    };
    let text = case_file::to_ron(&case, &saved_with()).expect("serialize");
    let text = format!("// {}\n{text}", "(".repeat(100));
    assert_eq!(case_file::from_ron(&text).expect("parse").case, case);
}

#[test]
fn oversized_files_are_refused() {
    let dir = TempDir::new("large");
    let limit = usize::try_from(MAX_FILE_BYTES).expect("fits");
    assert_eq!(limit, 1024 * 1024);
    // A valid case file of exactly the limit loads; one byte more is refused.
    let base = case_file::to_ron(&Case::default(), &saved_with())
        .expect("serialize")
        .len();
    let mut case = Case {
        notes: "a".repeat(limit - base),
        ..Case::default()
    };
    let exact = case_file::to_ron(&case, &saved_with()).expect("serialize");
    assert_eq!(exact.len(), limit);
    let path = dir.join("exact.ron");
    std::fs::write(&path, &exact).expect("write");
    assert_eq!(case_file::load(&path).expect("at the limit").case, case);
    // One byte more (a trailing space) is refused; `to_ron` itself refuses to make such a file.
    let over = format!("{exact} ");
    case.notes.push('a');
    assert_eq!(
        case_file::to_ron(&case, &saved_with())
            .expect_err("too large to save")
            .kind,
        CaseFileErrorKind::TooLargeToSave {
            bytes: MAX_FILE_BYTES + 1
        }
    );
    let (path, err) = load_text(&dir, "over.ron", over.as_bytes());
    assert_eq!(
        err.kind,
        CaseFileErrorKind::TooLarge {
            bytes: MAX_FILE_BYTES + 1
        }
    );
    assert_names_path(&err, &path);
    assert_eq!(
        case_file::from_ron(&over).expect_err("too large").kind,
        CaseFileErrorKind::TooLarge {
            bytes: MAX_FILE_BYTES + 1
        }
    );
    // Large binary junk is refused for its size before it is read as text.
    let (_, err) = load_text(&dir, "junk.bin", &vec![0xffu8; limit * 3]);
    assert!(
        matches!(err.kind, CaseFileErrorKind::TooLarge { .. }),
        "{:?}",
        err.kind
    );
}

#[test]
fn an_unknown_field_is_an_error_naming_it_with_its_position() {
    let dir = TempDir::new("unknown");
    let text = full_text();
    for (anchor, field, inserted) in [
        ("age_years:", "colour", "colour: 1,\n            "),
        (
            "wbc_10e9_per_l:",
            "wbc_per_ul",
            "wbc_per_ul: Some(8300),\n            ",
        ),
        (
            "label:",
            "patient_name",
            "patient_name: \"J. Doe\",\n        ",
        ),
    ] {
        let bad = text.replacen(anchor, &format!("{inserted}{anchor}"), 1);
        let (path, err) = load_text(&dir, "unknown.ron", bad.as_bytes());
        assert_names_path(&err, &path);
        let (line, column, message) = parse_error(&err);
        assert!(message.contains(field), "{message}");
        assert_eq!(line, line_of(&bad, field), "{message}");
        assert!(column > 1);
        assert!(!message.contains("truncated"), "{message}");
    }
    // At the top level too.
    let bad = text.replacen("saved_with:", "edition: \"AJCC 9th\",\n    saved_with:", 1);
    let err = case_file::from_ron(&bad).expect_err("unknown top-level field");
    let (line, _, message) = parse_error(&err);
    assert!(message.contains("edition"), "{message}");
    assert_eq!(line, line_of(&bad, "edition:"));
}

#[test]
fn an_unknown_vocabulary_value_is_an_error() {
    let text = full_text();
    for (from, to) in [
        ("Some(T3)", "Some(T5)"),
        ("Some(Pleural)", "Some(Lung)"),
        ("EndothoracicFascia", "EndothoracicFasciaX"),
        ("Some(PostNeoadjuvant)", "Some(Mx)"),
    ] {
        let bad = text.replacen(from, to, 1);
        assert_ne!(bad, text, "{from}");
        let err = case_file::from_ron(&bad).expect_err("unknown value");
        let (line, _, _) = parse_error(&err);
        assert_eq!(line, line_of(&bad, to), "{to}");
    }
}

#[test]
fn a_newer_format_is_refused_as_newer() {
    let dir = TempDir::new("newer");
    let text = full_text();
    for found in [3u32, 4, 99] {
        // A newer format may have fields this build does not know: still "newer", not "unknown
        // field", because the format is read first.
        let bad = text
            .replacen("format: 2,", &format!("format: {found},"), 1)
            .replacen(
                "label:",
                "new_field_of_format_3: (x: 1),\n        label:",
                1,
            );
        let (path, err) = load_text(&dir, "newer.ron", bad.as_bytes());
        assert_eq!(err.kind, CaseFileErrorKind::Newer { found });
        assert_names_path(&err, &path);
        let shown = err.to_string();
        assert!(shown.contains("newer"), "{shown}");
        assert!(shown.contains(&found.to_string()), "{shown}");
    }
}

#[test]
fn format_0_is_an_unknown_format() {
    let dir = TempDir::new("format0");
    let bad = full_text().replacen("format: 2,", "format: 0,", 1);
    let (path, err) = load_text(&dir, "zero.ron", bad.as_bytes());
    assert_eq!(err.kind, CaseFileErrorKind::UnknownFormat { found: 0 });
    assert_names_path(&err, &path);
    assert!(err.to_string().contains("format 0"));
    // A missing or non-numeric format is a parse error, not a guess.
    let missing = full_text().replacen("format: 2,", "", 1);
    let err = case_file::from_ron(&missing).expect_err("no format");
    let (_, _, message) = parse_error(&err);
    assert!(message.contains("format"), "{message}");
    let text = full_text().replacen("format: 2,", "format: \"1\",", 1);
    assert!(matches!(
        case_file::from_ron(&text).expect_err("string format").kind,
        CaseFileErrorKind::Parse { .. }
    ));
}

#[test]
fn out_of_range_values_are_parse_errors_with_their_position() {
    let dir = TempDir::new("range");
    let text = full_text();
    for (from, to, expect) in [
        ("age_years: Some(67)", "age_years: Some(300)", "0 to 120"),
        ("age_years: Some(67)", "age_years: Some(-1)", ""),
        (
            "wbc_10e9_per_l: Some(8.3)",
            "wbc_10e9_per_l: Some(8300.0)",
            "per µL",
        ),
        (
            "wbc_10e9_per_l: Some(8.3)",
            "wbc_10e9_per_l: Some(-0.5)",
            "0 to 200",
        ),
        ("hb_g_per_dl: Some(14.6)", "hb_g_per_dl: Some(146.0)", "g/L"),
        ("ecog: Some(1)", "ecog: Some(7)", "0 to 4"),
        ("ecog: Some(1)", "ecog: Some(5)", "0 to 4"),
    ] {
        assert!(text.contains(from), "{from}");
        let bad = text.replacen(from, to, 1);
        let (path, err) = load_text(&dir, "range.ron", bad.as_bytes());
        assert_names_path(&err, &path);
        let (line, column, message) = parse_error(&err);
        assert_eq!(line, line_of(&bad, to), "{to}: {message}");
        assert!(column > 1, "{to}");
        assert!(message.contains(expect), "{to}: {message}");
        assert!(!message.contains("truncated"), "{to}: {message}");
        let shown = err.to_string();
        assert!(shown.contains(&format!("line {line}")), "{shown}");
    }
}

#[test]
fn loading_what_is_not_a_file_names_the_path() {
    let dir = TempDir::new("notfile");
    let missing = dir.join("does-not-exist.ron");
    let err = case_file::load(&missing).expect_err("missing");
    assert!(matches!(err.kind, CaseFileErrorKind::Io(_)));
    assert_names_path(&err, &missing);
    let err = case_file::load(dir.path()).expect_err("a folder");
    assert_eq!(err.kind, CaseFileErrorKind::NotAFile { what: "a folder" });
    assert!(
        err.to_string().contains("a folder, not a regular file"),
        "{err}"
    );
    assert_names_path(&err, dir.path());
}

#[test]
fn errors_from_text_have_no_path() {
    let err = case_file::from_ron("hello").expect_err("foreign");
    assert_eq!(err.path, None);
    assert!(err.to_string().starts_with("case file: "), "{err}");
}

// ---------------------------------------------------------------------------- atomic save

fn tmp_leftovers(dir: &TempDir) -> Vec<String> {
    dir.names()
        .into_iter()
        .filter(|n| n.contains(TMP_MARKER) || n.contains(".tmp-"))
        .collect()
}

#[cfg(unix)]
#[test]
fn a_new_file_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = TempDir::new("mode");
    let path = dir.join("new.ron");
    case_file::save(&path, &full_case(), &saved_with()).expect("save");
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{mode:o}");
    assert!(tmp_leftovers(&dir).is_empty());
}

#[cfg(unix)]
#[test]
fn an_existing_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = TempDir::new("keepmode");
    let path = dir.join("shared.ron");
    std::fs::write(&path, "old").expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    case_file::save(&path, &full_case(), &saved_with()).expect("save");
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "{mode:o}");
    assert_eq!(case_file::load(&path).expect("load").case, full_case());
}

/// Whether this process ignores file permissions (root): it can create a file in a 0o500 folder.
#[cfg(unix)]
fn permissions_are_ignored(dir: &TempDir) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    let probe_dir = dir.join("probe");
    std::fs::create_dir(&probe_dir).expect("mkdir");
    std::fs::set_permissions(&probe_dir, std::fs::Permissions::from_mode(0o500)).expect("chmod");
    let ignored = std::fs::write(probe_dir.join("x"), b"x").is_ok();
    std::fs::set_permissions(&probe_dir, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    std::fs::remove_dir_all(&probe_dir).ok();
    ignored
}

#[cfg(unix)]
#[test]
fn a_failed_save_into_a_read_only_folder_leaves_the_old_file() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = TempDir::new("readonly");
    if permissions_are_ignored(&dir) {
        eprintln!("skipped: running with privileges that ignore folder permissions (root)");
        return;
    }
    let path = dir.join("case.ron");
    case_file::save(&path, &Case::default(), &saved_with()).expect("first save");
    let before = std::fs::read(&path).expect("read");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o500)).expect("chmod");
    let err = case_file::save(&path, &full_case(), &saved_with()).expect_err("must fail");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).expect("chmod");
    assert!(matches!(err.kind, CaseFileErrorKind::Io(_)));
    assert_names_path(&err, &path);
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert!(tmp_leftovers(&dir).is_empty(), "{:?}", dir.names());
}

#[test]
fn a_failed_save_leaves_the_old_file_byte_identical() {
    // Works for every user, root included: the target name is allowed (250 bytes) but the
    // temporary file's name (".<name>.mesocds-tmp-<pid>-<n>") is longer than the 255 bytes file
    // systems accept, so the write fails before anything is renamed.
    let dir = TempDir::new("fail");
    if std::fs::write(dir.join(&"n".repeat(300)), b"probe").is_ok() {
        eprintln!("skipped: this file system accepts names longer than 255 bytes");
        return;
    }
    let name = format!("{}.ron", "c".repeat(246));
    assert_eq!(name.len(), 250);
    let path = dir.join(&name);
    let old =
        b"MesoCdsCase(format: 1, saved_with: (app_version: \"old\", content: \"\"), case: ())\n";
    std::fs::write(&path, old).expect("the long name itself is allowed");
    let err = case_file::save(&path, &full_case(), &saved_with()).expect_err("must fail");
    assert!(
        matches!(err.kind, CaseFileErrorKind::Io(_)),
        "{:?}",
        err.kind
    );
    assert_names_path(&err, &path);
    assert_eq!(std::fs::read(&path).expect("read"), old.to_vec());
    assert_eq!(dir.names(), vec![name]);
}

#[cfg(unix)]
#[test]
fn a_save_that_fails_after_writing_its_temporary_file_cleans_up() {
    // Works for every user, root included: "<folder>/case.ron/." names the file "case.ron" in
    // "<folder>", so the temporary file is written there, but the final rename onto a path that
    // goes through a regular file fails (ENOTDIR). The temporary file must be removed and the
    // old file left as it was.
    let dir = TempDir::new("renamefail");
    let file = dir.join("case.ron");
    case_file::save(&file, &Case::default(), &saved_with()).expect("first save");
    let before = std::fs::read(&file).expect("read");
    let through_file = file.join(".");
    let err = case_file::save(&through_file, &full_case(), &saved_with()).expect_err("must fail");
    assert!(
        matches!(err.kind, CaseFileErrorKind::Io(_)),
        "{:?}",
        err.kind
    );
    assert_eq!(std::fs::read(&file).expect("read"), before);
    assert!(tmp_leftovers(&dir).is_empty(), "{:?}", dir.names());
    assert_eq!(dir.names(), vec!["case.ron".to_owned()]);
}

#[test]
fn saving_to_a_folder_fails_and_creates_nothing() {
    let dir = TempDir::new("isdir");
    let target = dir.join("folder.ron");
    std::fs::create_dir(&target).expect("mkdir");
    let err = case_file::save(&target, &full_case(), &saved_with()).expect_err("a folder");
    assert!(matches!(err.kind, CaseFileErrorKind::Io(_)));
    assert_names_path(&err, &target);
    assert!(target.is_dir());
    assert_eq!(dir.names(), vec!["folder.ron".to_owned()]);
    assert_eq!(std::fs::read_dir(&target).expect("read").count(), 0);
}

#[test]
fn saving_into_a_missing_folder_fails_and_creates_nothing() {
    let dir = TempDir::new("nofolder");
    let path = dir.join("missing").join("case.ron");
    let err = case_file::save(&path, &full_case(), &saved_with()).expect_err("no folder");
    assert!(matches!(err.kind, CaseFileErrorKind::Io(_)));
    assert_names_path(&err, &path);
    assert!(dir.names().is_empty());
}

#[test]
fn a_successful_save_leaves_no_temporary_file() {
    let dir = TempDir::new("clean");
    for i in 0..5 {
        let mut case = full_case();
        case.label = format!("save {i}");
        case_file::save(&dir.join("case.ron"), &case, &saved_with()).expect("save");
        assert_eq!(
            case_file::load(&dir.join("case.ron"))
                .expect("load")
                .case
                .label,
            format!("save {i}")
        );
    }
    assert_eq!(dir.names(), vec!["case.ron".to_owned()]);
    assert!(tmp_leftovers(&dir).is_empty());
}

#[test]
fn write_atomic_replaces_the_content_in_one_step() {
    let dir = TempDir::new("atomic");
    let path = dir.join("data.txt");
    std::fs::write(&path, b"old content that is longer than the new one").expect("write");
    case_file::write_atomic(&path, b"new").expect("write_atomic");
    assert_eq!(std::fs::read(&path).expect("read"), b"new".to_vec());
    assert_eq!(dir.names(), vec!["data.txt".to_owned()]);
}

// --------------------------------------------------- faults found in issue 10 (#6, #8, #9, #10)

/// Runs `f` on another thread and fails the test if it has not returned within 5 s: a read of a
/// named pipe with no writer blocks forever, and `/dev/zero` never ends.
fn within_5s<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        tx.send(f()).ok();
    });
    rx.recv_timeout(std::time::Duration::from_secs(5))
        .unwrap_or_else(|_| panic!("{what}: no answer within 5 s"))
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_being_opened() {
    let dir = TempDir::new("fifo");
    let fifo = dir.join("pipe.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("run mkfifo");
    assert!(made.success());
    let path = fifo.clone();
    let err = within_5s("loading a FIFO", move || case_file::load(&path)).expect_err("a FIFO");
    assert_eq!(
        err.kind,
        CaseFileErrorKind::NotAFile {
            what: "a named pipe (FIFO)"
        }
    );
    assert_names_path(&err, &fifo);
    // A symlink to the pipe is refused the same way.
    let link = dir.join("link.ron");
    std::os::unix::fs::symlink(&fifo, &link).expect("symlink");
    let err = within_5s("loading a link to a FIFO", move || case_file::load(&link))
        .expect_err("a link to a FIFO");
    assert!(matches!(err.kind, CaseFileErrorKind::NotAFile { .. }));
}

#[cfg(unix)]
#[test]
fn a_device_is_refused_without_being_read() {
    let err = within_5s("loading /dev/zero", || {
        case_file::read_file(Path::new("/dev/zero"))
    })
    .expect_err("a device");
    assert_eq!(err.kind, CaseFileErrorKind::NotAFile { what: "a device" });
    assert!(err.to_string().contains("/dev/zero"), "{err}");
}

#[test]
fn old_mac_line_endings_are_named_not_called_empty() {
    let dir = TempDir::new("cr");
    let text = full_text().replace('\n', "\r");
    let (path, err) = load_text(&dir, "mac.ron", text.as_bytes());
    assert_eq!(err.kind, CaseFileErrorKind::CarriageReturnsOnly);
    assert!(err.to_string().contains("carriage return"), "{err}");
    assert!(!err.to_string().contains("empty"), "{err}");
    assert_names_path(&err, &path);
    // Windows line endings load as before.
    let crlf = full_text().replace('\n', "\r\n");
    assert_eq!(case_file::from_ron(&crlf).expect("CRLF").case, full_case());
}

#[test]
fn a_case_too_large_to_open_again_is_not_saved() {
    let dir = TempDir::new("toolarge");
    let path = dir.join("case.ron");
    let case = Case {
        notes: "n".repeat(usize::try_from(MAX_FILE_BYTES).expect("fits")),
        ..full_case()
    };
    // A new file: nothing is created.
    let err = case_file::save(&path, &case, &saved_with()).expect_err("too large");
    assert!(
        matches!(err.kind, CaseFileErrorKind::TooLargeToSave { bytes } if bytes > MAX_FILE_BYTES),
        "{:?}",
        err.kind
    );
    let shown = err.to_string();
    assert!(shown.contains("not saved"), "{shown}");
    assert!(shown.contains(&MAX_FILE_BYTES.to_string()), "{shown}");
    assert_names_path(&err, &path);
    assert!(dir.names().is_empty(), "{:?}", dir.names());
    // An existing file is left byte-identical.
    case_file::save(&path, &full_case(), &saved_with()).expect("first save");
    let before = std::fs::read(&path).expect("read");
    case_file::save(&path, &case, &saved_with()).expect_err("too large");
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert_eq!(dir.names(), vec!["case.ron".to_owned()]);
}

#[cfg(unix)]
#[test]
fn saving_through_a_symlink_writes_its_target_and_keeps_the_link() {
    let dir = TempDir::new("symlink");
    let real_dir = dir.join("cases");
    std::fs::create_dir(&real_dir).expect("mkdir");
    let target = real_dir.join("real.ron");
    case_file::save(&target, &Case::default(), &saved_with()).expect("first save");
    let link = dir.join("link.ron");
    // A relative link, resolved against the link's folder.
    std::os::unix::fs::symlink("cases/real.ron", &link).expect("symlink");
    case_file::save(&link, &full_case(), &saved_with()).expect("save through the link");
    let meta = std::fs::symlink_metadata(&link).expect("meta");
    assert!(meta.file_type().is_symlink(), "the link is still a link");
    assert_eq!(case_file::load(&target).expect("load").case, full_case());
    assert_eq!(case_file::load(&link).expect("load").case, full_case());
    assert!(tmp_leftovers(&dir).is_empty(), "{:?}", dir.names());
    let in_real: Vec<String> = std::fs::read_dir(&real_dir)
        .expect("read")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(in_real, vec!["real.ron".to_owned()]);
    // A dangling link creates its target.
    let dangling = dir.join("new-link.ron");
    std::os::unix::fs::symlink("cases/new.ron", &dangling).expect("symlink");
    case_file::save(&dangling, &full_case(), &saved_with()).expect("save");
    assert!(
        std::fs::symlink_metadata(&dangling)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        case_file::load(&real_dir.join("new.ron"))
            .expect("load")
            .case,
        full_case()
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_an_error_and_writes_nothing() {
    let dir = TempDir::new("loop");
    let a = dir.join("a.ron");
    std::os::unix::fs::symlink("b.ron", &a).expect("symlink");
    std::os::unix::fs::symlink("a.ron", dir.join("b.ron")).expect("symlink");
    let err = case_file::save(&a, &full_case(), &saved_with()).expect_err("a loop");
    assert!(
        matches!(err.kind, CaseFileErrorKind::Io(_)),
        "{:?}",
        err.kind
    );
    assert_eq!(dir.names(), vec!["a.ron".to_owned(), "b.ron".to_owned()]);
}

/// A process id that no running process has (Linux).
fn dead_pid() -> u32 {
    (4_000_000..4_194_304)
        .find(|p| !Path::new(&format!("/proc/{p}")).exists())
        .expect("a free pid")
}

#[cfg(target_os = "linux")]
#[test]
fn leftovers_of_an_interrupted_save_are_removed_by_the_next_save() {
    let dir = TempDir::new("leftover");
    let dead = dead_pid();
    // What a kill -9 during a save leaves: a hidden copy of the case, by a process now gone.
    let orphan = format!(".case.ron{TMP_MARKER}{dead}-0");
    std::fs::write(dir.join(&orphan), full_text()).expect("plant");
    // An old one of a pid in use again (ours: the age decides).
    let old = format!(".other.ron{TMP_MARKER}1-7");
    std::fs::write(dir.join(&old), "old").expect("plant");
    let ten_minutes_ago = std::time::SystemTime::now() - atomic::LEFTOVER_AGE;
    std::fs::File::options()
        .write(true)
        .open(dir.join(&old))
        .expect("open")
        .set_modified(ten_minutes_ago)
        .expect("set mtime");
    // Kept: a fresh one of a live process (pid 1 is always running), files of other programs,
    // our own pattern on a folder, and a name that only looks similar.
    let live = format!(".x.ron{TMP_MARKER}1-3");
    std::fs::write(dir.join(&live), "live").expect("plant");
    let keep = [
        live.as_str(),
        "notes.txt",
        ".case.ron.tmp-12-34",
        ".case.ron.mesocds-tmp-12",
        "case.ron.mesocds-tmp-99999999-1",
    ];
    for k in &keep[1..] {
        std::fs::write(dir.join(k), "not ours").expect("plant");
    }
    let folder = format!(".dir{TMP_MARKER}{dead}-1");
    std::fs::create_dir(dir.join(&folder)).expect("mkdir");

    case_file::save(&dir.join("case.ron"), &full_case(), &saved_with()).expect("save");

    let names = dir.names();
    assert!(!names.contains(&orphan), "{names:?}");
    assert!(!names.contains(&old), "{names:?}");
    for k in keep.iter().copied().chain([folder.as_str(), "case.ron"]) {
        assert!(names.iter().any(|n| n == k), "{k} was removed: {names:?}");
    }
    assert_eq!(names.len(), keep.len() + 2, "{names:?}");
}

#[cfg(unix)]
#[test]
fn owner_only_permissions_apply_to_an_existing_file() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = TempDir::new("owneronly");
    let path = dir.join("recovery.ron");
    std::fs::write(&path, "old").expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    atomic::write_with(&path, b"new", atomic::Permissions::OwnerOnly).expect("write");
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{mode:o}");
    assert_eq!(std::fs::read(&path).expect("read"), b"new".to_vec());
}

#[cfg(unix)]
#[test]
fn atomic_write_refuses_a_named_pipe() {
    let dir = TempDir::new("fifo-write");
    let fifo = dir.join("out.pdf");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let path = fifo.clone();
    let err =
        within_5s("writing to a FIFO", move || atomic::write(&path, b"x")).expect_err("a FIFO");
    assert!(err.to_string().contains("not a regular file"), "{err}");
    use std::os::unix::fs::FileTypeExt as _;
    assert!(
        std::fs::symlink_metadata(&fifo)
            .expect("meta")
            .file_type()
            .is_fifo()
    );
}

// ------------------------------------------------------------------------------------ seal

#[test]
fn a_saved_file_is_sealed_and_loads_as_valid() {
    let dir = TempDir::new("seal");
    let path = dir.join("case.ron");
    case_file::save(&path, &full_case(), &saved_with()).expect("save");
    let text = std::fs::read_to_string(&path).expect("read");
    let seal_line = text
        .lines()
        .find(|l| l.trim_start().starts_with("seal: \"sha256:"))
        .expect("a seal line");
    assert_eq!(
        seal_line.trim(),
        format!(
            "seal: \"{}\",",
            case_file::seal_of(&full_case()).expect("seal")
        )
    );
    let loaded = case_file::load(&path).expect("load");
    assert_eq!(loaded.seal, SealStatus::Valid);
    assert_eq!(loaded.seal.warning(), None);
    // Layout and comments are not content: re-indenting and a comment keep the seal valid.
    let relaid = format!("// reviewed\n{}", text.replace("    ", "  "));
    assert_eq!(
        case_file::from_ron(&relaid).expect("parse").seal,
        SealStatus::Valid
    );
}

#[test]
fn deleting_one_finding_line_breaks_the_seal() {
    let dir = TempDir::new("seal-broken");
    let path = dir.join("case.ron");
    let mut case = full_case();
    case.staging.findings = [Finding::Spine, Finding::ContralateralPleura]
        .into_iter()
        .collect();
    case_file::save(&path, &case, &saved_with()).expect("save");
    let text = std::fs::read_to_string(&path).expect("read");
    let edited: String = text
        .lines()
        .filter(|l| l.trim() != "Spine,")
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(
        edited.lines().count() + 1,
        text.lines().count(),
        "one line deleted"
    );
    std::fs::write(&path, &edited).expect("write");
    let loaded = case_file::load(&path).expect("still a valid file");
    assert!(!loaded.case.staging.findings.contains(&Finding::Spine));
    assert_eq!(loaded.seal, SealStatus::Mismatch);
    assert_eq!(loaded.seal.warning(), Some(SEAL_WARNING));
    assert_eq!(
        SEAL_WARNING,
        "changed outside MesoCDS or damaged: check every input"
    );
    // Saving again through MesoCDS seals the case as it now is.
    case_file::save(&path, &loaded.case, &saved_with()).expect("save");
    assert_eq!(
        case_file::load(&path).expect("load").seal,
        SealStatus::Valid
    );
}

#[test]
fn a_damaged_seal_is_a_mismatch_and_no_seal_is_missing() {
    let text = full_text();
    let seal = case_file::seal_of(&full_case()).expect("seal");
    let damaged = text.replace(&seal, &seal.replace("sha256:", "sha256:0"));
    assert_eq!(
        case_file::from_ron(&damaged).expect("parse").seal,
        SealStatus::Mismatch
    );
    let hand_written = "MesoCdsCase(format: 1, saved_with: (app_version: \"x\", content: \"y\"), \
                        case: (staging: (findings: [Spine])))";
    let loaded = case_file::from_ron(hand_written).expect("parse");
    assert_eq!(loaded.seal, SealStatus::Missing);
    assert_eq!(loaded.seal.warning(), None);
}

#[test]
fn the_canonical_form_of_the_seal_is_pinned() {
    // If this changes (a new `ron` version writing the compact form differently, or a change to
    // `Case`), every saved file would warn as "changed outside MesoCDS": version the seal
    // (e.g. "sha256v2:") and keep reading the old form instead of updating this value.
    let mut case = Case {
        label: "MC-1".to_owned(),
        ..Case::default()
    };
    case.labs.wbc_10e9_per_l = Some(Wbc::new(9.1).unwrap());
    case.staging.findings = std::iter::once(Finding::Spine).collect();
    assert_eq!(
        case_file::seal_of(&case).unwrap(),
        "sha256:561d182563da98d0a0185347b4f8984ea1ceea27f49b7bef1fadcd5a92184b16"
    );
}
