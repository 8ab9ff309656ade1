#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The printable summary: the report model (insta snapshot) and the PDFs made from it, checked
//! with poppler's `pdftotext`, `pdffonts` and `pdfinfo` (installed by `.ci/run`).

use std::path::{Path, PathBuf};
use std::process::Command;

use mesocds::report::model::{CaseSource, ReportMeta};
use mesocds::report::pdf::Paper;
use mesocds::report::{ReportInput, build_report, export_files, fingerprint};
use mesocds_core::case_file::{self, SavedWith};
use mesocds_core::{Case, ClinicalTables};

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/examples/example-pleural-stage-iiia.ron"
);

pub(crate) fn tables() -> &'static ClinicalTables {
    ClinicalTables::embedded().unwrap()
}

pub(crate) fn meta() -> ReportMeta {
    ReportMeta {
        export_date: "2026-11-24".to_owned(),
        app_version: "9.9.9-test".to_owned(),
    }
}

pub(crate) fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("{tool} is needed for these tests (apt-get install -y poppler-utils; .ci/run installs it): {e}")
    });
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub(crate) fn text_of(pdf: &Path) -> String {
    poppler("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"])
}

pub(crate) fn page_text(pdf: &Path, page: usize) -> String {
    let p = page.to_string();
    poppler(
        "pdftotext",
        &["-f", &p, "-l", &p, "-layout", pdf.to_str().unwrap(), "-"],
    )
}

/// Writes a case built with the command line's flags, and returns its path.
pub(crate) fn case_from_flags(dir: &Path, name: &str, flags: &[&str]) -> PathBuf {
    let path = dir.join(name);
    let mut args = vec!["assess", "--save", path.to_str().unwrap()];
    args.extend_from_slice(flags);
    let out = Command::new(env!("CARGO_BIN_EXE_mesocds"))
        .args(&args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    path
}

#[test]
fn the_report_model_of_the_example_case() {
    let loaded = case_file::load(Path::new(EXAMPLE)).unwrap();
    let assessment = mesocds_core::assess(&loaded.case, tables());
    let input = ReportInput {
        case: &loaded.case,
        assessment: &assessment,
        source: CaseSource {
            file: "example-pleural-stage-iiia.ron".to_owned(),
            fingerprint: "sha256:000000000000".to_owned(),
        },
    };
    let report = build_report(&[input], tables(), meta());
    insta::assert_snapshot!("example_case_report", report.to_plain_text());
}

#[test]
fn the_example_summary_pdf_has_every_part_on_one_to_five_pages() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("summary.pdf");
    let pdf = export_files(&[PathBuf::from(EXAMPLE)], &out, Paper::A4, tables(), meta()).unwrap();
    assert!((1..=5).contains(&pdf.pages), "{} pages", pdf.pages);
    assert!(pdf.replaced_characters.is_empty());
    let text = text_of(&out);
    let fp = fingerprint(&std::fs::read(EXAMPLE).unwrap());
    for needle in [
        "MesoCDS case summary: EXAMPLE-1 (fictional)",
        "Exported 2026-11-24",
        "Pleural",
        "Epithelioid",
        "Definite",
        "Stage IIIA (cT3 N1 M0)",
        "AJCC 8th edition",
        "Involvement of the endothoracic fascia",
        "Score 1.75: high risk",
        "WBC > 8.3 ×10⁹/L",
        "ECOG PS ≥ 1",
        "Groups 2-5 (intermediate)",
        "Decision path: ECOG PS 1, then WBC 9.1 ×10⁹/L < 15.6",
        "Nivolumab plus ipilimumab",
        "level of evidence A1",
        "96.6% CI",
        "PMID 33485464",
        "This patient: Antiplatelet, anticoagulant or NSAID use",
        "Folic acid".to_lowercase().as_str(),
        "References",
        "Tumor board decision",
        "Decision:",
        "Attendees:",
        "Date:",
        "Decision support for clinicians; it does not replace clinical judgement.",
        "updated 05/12/2025",
        "MesoCDS 9.9.9-test",
        "µg",
    ] {
        assert!(text.contains(needle), "the PDF lacks {needle:?}:\n{text}");
    }
    for page in 1..=pdf.pages {
        let t = page_text(&out, page);
        assert!(
            t.contains(&format!("Page {page} of {}", pdf.pages)),
            "page {page}:\n{t}"
        );
        assert!(t.contains(&fp), "page {page} lacks the fingerprint {fp}");
        assert!(
            t.contains("content release"),
            "page {page} lacks the content version"
        );
    }
    // The PDQ's implausible PrE0505 hazard ratio is never printed.
    assert!(!text.contains("0.034"));
}

#[test]
fn every_font_is_embedded() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fonts.pdf");
    export_files(&[PathBuf::from(EXAMPLE)], &out, Paper::A4, tables(), meta()).unwrap();
    let fonts = poppler("pdffonts", &[out.to_str().unwrap()]);
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(rows.len() >= 2, "regular and bold:\n{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name, type (two words), encoding, emb, sub, uni, object, id
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "not embedded: {row}");
    }
}

#[test]
fn missing_inputs_are_printed_as_missing() {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("empty.ron");
    case_file::save(&case, &Case::default(), &SavedWith::default()).unwrap();
    let out = dir.path().join("empty.pdf");
    let pdf = export_files(&[case], &out, Paper::A4, tables(), meta()).unwrap();
    assert!((1..=4).contains(&pdf.pages));
    let text = text_of(&out);
    assert!(text.contains("(no case label)"));
    assert!(text.contains("not entered"));
    assert!(text.contains("Stage incomplete"));
    assert!(text.contains("No score"));
    assert!(text.contains("No group"));
    assert!(
        text.contains("Missing: Sex, ECOG performance status"),
        "{text}"
    );
    assert!(text.contains("White blood cell count"));
    assert!(text.contains("No options listed"));
}

#[test]
fn every_setting_fits_one_to_six_pages() {
    // Five since issue 12: the newer-evidence section follows the options (an advanced case with
    // five applicable entries and its references moves the decision box to page 5). Six since
    // issue 13: the headline box and the decision box open page 1, so the longest case (T4 N2 M1
    // on Letter) ends with its last references on page 6.
    let dir = tempfile::tempdir().unwrap();
    let common = [
        "--age",
        "77",
        "--sex",
        "male",
        "--ecog",
        "2",
        "--histology",
        "sarcomatoid",
        "--diagnosis",
        "probable",
        "--wbc",
        "16.2",
        "--hb",
        "11",
    ];
    let settings: [&[&str]; 6] = [
        &[
            "--site", "pleural", "--extent", "solitary", "--status", "new",
        ],
        &[
            "--site", "pleural", "--extent", "diffuse", "--t", "T1", "--n", "N0", "--m", "M0",
            "--status", "new",
        ],
        &[
            "--site", "pleural", "--extent", "diffuse", "--t", "T4", "--n", "N2", "--m", "M1",
            "--status", "new",
        ],
        &["--site", "peritoneal", "--status", "new"],
        &[
            "--site",
            "pleural",
            "--status",
            "local-recurrence",
            "--prior",
            "none",
        ],
        &[
            "--site",
            "peritoneal",
            "--status",
            "local-recurrence",
            "--prior",
            "platinum-pemetrexed,bevacizumab,immunotherapy",
        ],
    ];
    for (i, flags) in settings.iter().enumerate() {
        let mut all = flags.to_vec();
        all.extend_from_slice(&common);
        let case = case_from_flags(dir.path(), &format!("s{i}.ron"), &all);
        let out = dir.path().join(format!("s{i}.pdf"));
        let pdf = export_files(&[case], &out, Paper::A4, tables(), meta()).unwrap();
        assert!(
            (1..=6).contains(&pdf.pages),
            "{flags:?}: {} pages",
            pdf.pages
        );
        let letter = dir.path().join(format!("s{i}-letter.pdf"));
        let pdf = export_files(
            &[dir.path().join(format!("s{i}.ron"))],
            &letter,
            Paper::Letter,
            tables(),
            meta(),
        )
        .unwrap();
        assert!(
            (1..=6).contains(&pdf.pages),
            "{flags:?} on Letter: {} pages",
            pdf.pages
        );
    }
}

#[test]
fn a_pack_has_a_cover_and_each_case_starts_on_a_new_page() {
    let dir = tempfile::tempdir().unwrap();
    let a = case_from_flags(
        dir.path(),
        "a.ron",
        &[
            "--label", "PACK-A", "--site", "pleural", "--extent", "diffuse", "--t", "T3", "--n",
            "N1", "--m", "M0",
        ],
    );
    let b = case_from_flags(
        dir.path(),
        "b.ron",
        &[
            "--label",
            "PACK-B",
            "--site",
            "peritoneal",
            "--status",
            "new",
        ],
    );
    let c = case_from_flags(dir.path(), "c.ron", &["--label", "PACK-C"]);
    let out = dir.path().join("pack.pdf");
    let pdf = export_files(&[a, b, c], &out, Paper::Letter, tables(), meta()).unwrap();
    assert_eq!(pdf.pages_per_case.len(), 3);
    // The cover, the cases, then the shared references on pages of their own.
    let references = pdf.references_page.unwrap();
    assert_eq!(references, 1 + pdf.pages_per_case.iter().sum::<usize>() + 1);
    assert!(
        page_text(&out, references)
            .trim_start()
            .starts_with("References")
    );
    let cover = page_text(&out, 1);
    assert!(
        cover.contains("MesoCDS tumor board pack: 3 cases"),
        "{cover}"
    );
    for (label, site, stage) in [
        ("PACK-A", "Pleural", "IIIA (T3 N1 M0)"),
        ("PACK-B", "Peritoneal", "no AJCC stage"),
        ("PACK-C", "not entered", "incomplete"),
    ] {
        assert!(
            cover.contains(label) && cover.contains(site) && cover.contains(stage),
            "{label}:\n{cover}"
        );
    }
    let mut first = 2;
    for (label, pages) in ["PACK-A", "PACK-B", "PACK-C"]
        .iter()
        .zip(&pdf.pages_per_case)
    {
        let t = page_text(&out, first);
        let top = t.trim_start().lines().next().unwrap_or_default().to_owned();
        assert!(
            top.contains(&format!("MesoCDS case summary: {label}")),
            "page {first}: {top}"
        );
        first += pages;
    }
    let info = poppler("pdfinfo", &[out.to_str().unwrap()]);
    assert!(info.contains("612 x 792 pts"), "{info}");
}

#[test]
fn characters_the_font_cannot_print_become_question_marks_and_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("cjk.ron");
    let c = Case {
        label: "MC 漢字".to_owned(),
        ..Case::default()
    };
    case_file::save(&case, &c, &SavedWith::default()).unwrap();
    let out = dir.path().join("cjk.pdf");
    let pdf = export_files(
        std::slice::from_ref(&case),
        &out,
        Paper::A4,
        tables(),
        meta(),
    )
    .unwrap();
    assert_eq!(pdf.replaced_characters, vec!['字', '漢']);
    assert!(text_of(&out).contains("MC ??"));
    // The command line warns about them.
    let o = Command::new(env!("CARGO_BIN_EXE_mesocds"))
        .args([
            "export",
            case.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("漢"));
}

#[test]
fn export_errors_leave_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let good = case_from_flags(dir.path(), "good.ron", &["--label", "OK"]);
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_mesocds"))
            .args(args)
            .output()
            .unwrap()
    };
    // A missing case file: named in the error, nothing written.
    let out = dir.path().join("out.pdf");
    let o = run(&[
        "export",
        good.to_str().unwrap(),
        "nope.ron",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("nope.ron"));
    assert!(!out.exists());
    // A bad case file: line and column, and an existing output (an earlier PDF) is untouched.
    std::fs::write(&out, "%PDF-1.7 precious").unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "MesoCdsCase(format: 1, saved_with: (").unwrap();
    let o = run(&["export", bad.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(err.contains("bad.ron") && err.contains("line"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "%PDF-1.7 precious");
    // An output that cannot be written: named, and no temporary file left behind.
    let missing_dir = dir.path().join("no-such-folder").join("out.pdf");
    let o = run(&[
        "export",
        good.to_str().unwrap(),
        "-o",
        missing_dir.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no-such-folder"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("tmp-"))
        .collect();
    assert!(leftovers.is_empty());
    // Success: owner-only file, "wrote … (N pages, 1 case)".
    let o = run(&[
        "export",
        good.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--paper",
        "letter",
    ]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("pages, 1 case)"));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
}

/// Issue 8, item 6: the printed report carries every outcome with its direction and the
/// option's notes, so vinorelbine, VIM and NVALT19 do not read as purely positive, and the
/// mortality of extrapleural pneumonectomy is printed; ruled-out options are listed apart.
#[test]
fn the_pdf_prints_every_outcome_with_its_direction_and_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let recurrent = case_from_flags(
        dir.path(),
        "recurrent.ron",
        &[
            "--site",
            "pleural",
            "--extent",
            "diffuse",
            "--status",
            "distant-recurrence",
            "--prior",
            "platinum-pemetrexed",
            "--ecog",
            "1",
        ],
    );
    let stage_i = case_from_flags(
        dir.path(),
        "stage-i.ron",
        &[
            "--site", "pleural", "--extent", "diffuse", "--basis", "clinical", "--t", "T1", "--n",
            "N0", "--m", "M0", "--status", "new",
        ],
    );
    let out = dir.path().join("r.pdf");
    export_files(&[recurrent], &out, Paper::A4, tables(), meta()).unwrap();
    let text = text_of(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for want in [
        // VIM: overall survival not significantly different, and the PDQ's "limited" note.
        "median 9.3 vs 9.1 months; no significant difference (not significant)",
        "The clinical impact of vinorelbine monotherapy is limited",
        // RAMES: PFS not significant.
        "HR 0.79 (70% CI 0.66-0.94); P = .082 (not significant)",
        // Second-line pemetrexed is ruled out, with the reason.
        "Not for this patient",
        "did not include pemetrexed",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    let out = dir.path().join("s.pdf");
    export_files(&[stage_i], &out, Paper::A4, tables(), meta()).unwrap();
    let text = text_of(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Mortality from extrapleural pneumonectomy ranges from 6% to 30%"),
        "{text}"
    );
}
