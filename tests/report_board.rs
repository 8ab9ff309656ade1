#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The presenter-ready PDF (issue 13), read back with poppler: a pack of five golden cases (one
//! of them the disease-course fixture with a board entry) as a handout and as slides. One shared
//! reference list whose numbers the citations use; a cover whose page numbers are the real first
//! pages; each case's headline and decision box on its first page; landscape slides with 16-point
//! text; no heading left at the bottom of a page and no entry split across pages.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use mesocds::report::export_files;
use mesocds::report::pdf::{Paper, PdfLayout, PdfOptions, PlacedKind, RenderedPdf};

use crate::report::{meta, page_text, poppler, tables, text_of};
use crate::report_editions::golden_case_file;

pub(crate) const COURSE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/course/recurrent-with-course.ron"
);

/// The five cases' labels, in pack order.
const LABELS: [&str; 5] = [
    "golden-01",
    "golden-04",
    "course-example",
    "golden-11",
    "golden-22",
];

/// The five case files: advanced pleural IIIA, peritoneal, the course fixture with a board
/// entry, findings that disagree with the picked T, and a 2025 pleural case (9th edition).
fn five_cases(dir: &Path) -> Vec<PathBuf> {
    vec![
        golden_case_file(dir, "01_new_pleural_stage_iiia_advanced.ron"),
        golden_case_file(dir, "04_new_peritoneal.ron"),
        PathBuf::from(COURSE),
        golden_case_file(dir, "11_findings_disagree_with_picked_t.ron"),
        golden_case_file(dir, "25_pleural_2025_ninth_applies_t3_n0.ron"),
    ]
}

pub(crate) fn pack(dir: &Path, layout: PdfLayout) -> (PathBuf, RenderedPdf) {
    let out = dir.join(format!("pack-{layout:?}.pdf"));
    let options = PdfOptions {
        paper: Paper::A4,
        layout,
    };
    let pdf = export_files(&five_cases(dir), &out, options, tables(), meta()).unwrap();
    (out, pdf)
}

pub(crate) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The entries of the reference list (from its heading to the end), number and text, and the
/// numbers of every "[ref …]" in the document.
fn references(
    pdf: &Path,
    first_page: usize,
    pages: usize,
) -> (Vec<(usize, String)>, BTreeSet<usize>) {
    let mut listed: Vec<(usize, String)> = Vec::new();
    for page in first_page..=pages {
        // An entry's number starts its line; its wrapped lines are indented. The footer ends
        // each page.
        let text = page_text(pdf, page);
        let body = text.split("\nPage ").next().unwrap();
        for line in body.lines() {
            match line.split_once(". ").map(|(n, t)| (n.parse::<usize>(), t)) {
                Some((Ok(n), t)) => listed.push((n, t.to_owned())),
                _ => {
                    if let Some((_, t)) = listed.last_mut() {
                        t.push(' ');
                        t.push_str(line.trim());
                    }
                }
            }
        }
    }
    let text = collapse(&text_of(pdf));
    let mut cited = BTreeSet::new();
    for part in text.split("[ref ").skip(1) {
        let list = part.split(']').next().unwrap();
        for n in list.split(',') {
            cited.insert(
                n.trim()
                    .parse::<usize>()
                    .unwrap_or_else(|_| panic!("[ref {list}]")),
            );
        }
    }
    (listed, cited)
}

fn check_pack(out: &Path, pdf: &RenderedPdf) {
    let text = text_of(out);
    // One reference list, at the end; its numbers unique and in order; every citation in it.
    let headings = text.lines().filter(|l| l.trim() == "References").count();
    assert_eq!(headings, 1, "one reference list");
    let first = pdf.references_page.unwrap();
    assert!(page_text(out, first).trim_start().starts_with("References"));
    let (listed, cited) = references(out, first, pdf.pages);
    let numbers: Vec<usize> = listed.iter().map(|(n, _)| *n).collect();
    let expected: Vec<usize> = (1..=listed.len()).collect();
    assert_eq!(numbers, expected, "numbered once each, 1 to N");
    assert!(!cited.is_empty());
    for n in &cited {
        assert!(
            numbers.contains(n),
            "[ref {n}] is not in the list {numbers:?}"
        );
    }
    // Deduplicated: each reference once (the cases share CheckMate 743 and others). Two
    // citations of the PDQ with the same PMID but different sections stay two entries.
    let texts: BTreeSet<String> = listed.iter().map(|(_, t)| collapse(t)).collect();
    assert_eq!(
        texts.len(),
        listed.len(),
        "a reference is listed twice: {listed:?}"
    );
    assert_eq!(collapse(&text).matches("PMID 33485464").count(), 1);

    // The cover: each case with the page its summary starts on, and that is where it starts.
    let cover = page_text(out, 1);
    let mut starts = Vec::new();
    for label in LABELS {
        let row = cover
            .lines()
            .find(|l| l.contains(label))
            .unwrap_or_else(|| panic!("{label} not on the cover:\n{cover}"));
        let page: usize = row.split_whitespace().last().unwrap().parse().unwrap();
        let t = page_text(out, page);
        let top = t.trim_start().lines().next().unwrap();
        assert!(
            top.contains(&format!("MesoCDS case summary: {label}")),
            "the cover says {label} starts on page {page}, which begins {top:?}"
        );
        for before in 2..page {
            assert!(
                !page_text(out, before).contains(&format!("summary: {label}")),
                "{label} appears on page {before}, before page {page}"
            );
        }
        // Its first page: the headline box, then the decision box.
        let t = collapse(&t);
        let headline = t.find("For the board").unwrap_or_else(|| panic!("{t}"));
        let decision = t
            .find("Tumor board decision")
            .unwrap_or_else(|| panic!("{t}"));
        assert!(headline < decision, "page {page}: {t}");
        for box_label in ["Decision:", "Attendees:", "Date:"] {
            assert!(t.contains(box_label), "page {page} lacks {box_label}: {t}");
        }
        assert!(t.contains("EORTC") && t.contains("CALGB") && t.contains("Disease status"));
        starts.push(page);
    }
    assert_eq!(starts, pdf.case_start_pages);
    assert!(starts.windows(2).all(|w| w[0] < w[1]));
}

/// Every heading and sub-heading is on the page of what follows it, and every entry (row,
/// bullet, reference, box) that fits on a page is on one page; checked against the layout's
/// record and, for the headings, against the page text.
fn check_keep_rules(out: &Path, pdf: &RenderedPdf) {
    let placed = &pdf.placed;
    assert!(placed.len() > 100, "{} pieces", placed.len());
    for (i, p) in placed.iter().enumerate() {
        if !p.taller_than_page {
            assert_eq!(p.page, p.last_page, "split across pages: {p:?}");
        }
        if matches!(p.kind, PlacedKind::Heading | PlacedKind::Subheading)
            && let Some(next) = placed.get(i + 1)
        {
            assert_eq!(
                p.page, next.page,
                "{:?} is on page {} but its content {:?} on page {}",
                p.text, p.page, next.text, next.page
            );
            // The page text has the heading and the start of what follows.
            let t = collapse(&page_text(out, p.page));
            let start: String = collapse(&next.text)
                .split(' ')
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            let heading: String = collapse(&p.text)
                .split(' ')
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                t.contains(&heading) && t.contains(&start),
                "page {}: {heading:?} then {start:?}",
                p.page
            );
        }
    }
    // Each case's headline and decision box are on its first page.
    for start in &pdf.case_start_pages {
        for kind in [PlacedKind::Headline, PlacedKind::DecisionBox] {
            let found = placed
                .iter()
                .find(|p| p.kind == kind && p.page >= *start)
                .unwrap();
            assert_eq!(
                found.page, *start,
                "{kind:?} of the case starting on {start}"
            );
        }
    }
}

#[test]
fn a_five_case_handout_has_one_reference_list_a_cover_with_real_pages_and_the_decision_first() {
    let dir = tempfile::tempdir().unwrap();
    let (out, pdf) = pack(dir.path(), PdfLayout::Handout);
    check_pack(&out, &pdf);
    check_keep_rules(&out, &pdf);
    let info = poppler("pdfinfo", &[out.to_str().unwrap()]);
    assert!(info.contains("595.28 x 841.89 pts (A4)"), "{info}");
    // The course case's headline: status from the course, the board's question.
    let course = collapse(&page_text(&out, pdf.case_start_pages[2]));
    for want in [
        "Recurrence: distant (from the disease course, 2025-05-01)",
        "Question for the board Second-line options?",
        "Board of 2025-05-20",
        "Discussed; decision after the restaging scan.",
    ] {
        assert!(course.contains(want), "{want:?} not in {course}");
    }
    // Without a date of diagnosis both editions are shown, and why.
    let unknown = collapse(&page_text(&out, pdf.case_start_pages[0]));
    for want in [
        "AJCC 8th edition Stage IIIA (cT3 N1 M0)",
        "AJCC Version 9 Stage incomplete (T not entered N1 M0)",
        "which edition applies is unknown",
        "EORTC Score 1.75: high risk",
    ] {
        assert!(unknown.contains(want), "{want:?} not in {unknown}");
    }
    // The disagreeing case is flagged in its headline; the 2025 case shows the 9th edition.
    let disagree = collapse(&page_text(&out, pdf.case_start_pages[3]));
    assert!(disagree.contains("Flags for this patient"), "{disagree}");
    assert!(disagree.contains("disagreement"), "{disagree}");
    let ninth = collapse(&page_text(&out, pdf.case_start_pages[4]));
    assert!(
        ninth.contains("AJCC Version 9 (applies) Stage IIIA (cT3 N0 M0)"),
        "{ninth}"
    );
}

/// The size of the words of a page's body (above the footer), from `pdftotext -bbox`: the
/// height of each word's box, in points.
fn body_word_heights(pdf: &Path, page_height: f32, footer: f32) -> Vec<f32> {
    let html = poppler("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let attr = |tag: &str, name: &str| -> f32 {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    html.split("<word ")
        .skip(1)
        .filter_map(|tag| {
            let (y0, y1) = (attr(tag, "yMin"), attr(tag, "yMax"));
            (y1 < page_height - footer).then_some(y1 - y0)
        })
        .collect()
}

#[test]
fn slides_are_landscape_with_sixteen_point_text_and_the_same_pack_rules() {
    let dir = tempfile::tempdir().unwrap();
    let (out, pdf) = pack(dir.path(), PdfLayout::Slides);
    check_pack(&out, &pdf);
    check_keep_rules(&out, &pdf);
    let info = poppler("pdfinfo", &[out.to_str().unwrap()]);
    let size = info.lines().find(|l| l.starts_with("Page size:")).unwrap();
    let dims: Vec<f32> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert!(dims[0] > dims[1], "landscape: {size}");
    assert_eq!(dims, [960.0, 540.0], "16:9");
    assert!(info.contains(&format!("Pages:           {}", pdf.pages)));
    assert_eq!(pdf.options.body_size_pt(), 16.0);
    // Every word of the body is printed at 16 pt or more: a DejaVu word box is about 1.16 em
    // high, so 16-point text gives boxes of 18.5 pt (the handout's 9 pt: 10.5 pt).
    let heights = body_word_heights(&out, 540.0, 64.0);
    assert!(heights.len() > 1000, "{} words", heights.len());
    let small: Vec<&f32> = heights.iter().filter(|h| **h < 16.0 * 1.1).collect();
    assert!(
        small.is_empty(),
        "{} words under 16 pt: {small:?}",
        small.len()
    );
    // Each case's first slide holds only the title, the headline and the decision.
    for start in &pdf.case_start_pages {
        let t = collapse(&page_text(&out, *start));
        assert!(!t.contains("Staging editions"), "slide {start}: {t}");
    }
    // The handout's body is smaller: the same measure finds 9-point words there.
    let (handout, _) = pack(dir.path(), PdfLayout::Handout);
    let heights = body_word_heights(&handout, 841.89, 72.0);
    assert!(heights.iter().any(|h| *h < 12.0));
}

#[test]
fn the_command_line_writes_slides_with_layout_slides() {
    let dir = tempfile::tempdir().unwrap();
    let files = five_cases(dir.path());
    let out = dir.path().join("slides.pdf");
    let mut args: Vec<&str> = vec!["export"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    args.extend(["-o", out.to_str().unwrap(), "--layout", "slides"]);
    let o = Command::new(env!("CARGO_BIN_EXE_mesocds"))
        .args(&args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(stdout.contains("slides, 5 cases)"), "{stdout}");
    let info = poppler("pdfinfo", &[out.to_str().unwrap()]);
    assert!(info.contains("960 x 540 pts"), "{info}");
    // The default is the handout; a bad layout is refused by name.
    let help = Command::new(env!("CARGO_BIN_EXE_mesocds"))
        .args(["export", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("--layout") && help.contains("slides"),
        "{help}"
    );
    let bad = Command::new(env!("CARGO_BIN_EXE_mesocds"))
        .args([
            "export",
            COURSE,
            "-o",
            out.to_str().unwrap(),
            "--layout",
            "poster",
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_single_case_has_its_references_at_the_end_after_the_decision() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("one.pdf");
    let pdf = export_files(&[PathBuf::from(COURSE)], &out, Paper::A4, tables(), meta()).unwrap();
    let text = collapse(&text_of(&out));
    let decision = text.find("Tumor board decision").unwrap();
    let case = text.find("Case Site").unwrap();
    let refs = text.find("References 1.").unwrap();
    assert!(decision < case && case < refs, "{text}");
    assert_eq!(text.matches("References").count(), 1);
    assert_eq!(pdf.case_start_pages, [1]);
    assert_eq!(pdf.pages_per_case, [pdf.pages]);
}

#[test]
fn a_changed_case_file_is_the_first_flag_of_its_headline() {
    let dir = tempfile::tempdir().unwrap();
    let file = golden_case_file(dir.path(), "01_new_pleural_stage_iiia_advanced.ron");
    // Edit the sealed file by hand: the age changes, the seal no longer matches.
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("Some(70)"));
    std::fs::write(&file, text.replace("Some(70)", "Some(71)")).unwrap();
    let out = dir.path().join("changed.pdf");
    export_files(&[file], &out, Paper::A4, tables(), meta()).unwrap();
    let first = collapse(&page_text(&out, 1));
    let flags = first.find("Flags for this patient").unwrap();
    let warning = first
        .find("This case file was changed outside MesoCDS or damaged")
        .unwrap_or_else(|| panic!("{first}"));
    let decision = first.find("Tumor board decision").unwrap();
    assert!(flags < warning && warning < decision, "{first}");
    // The warning section follows the decision, before the detail.
    let section = first.find("Warning: case file integrity").unwrap();
    let case = first.find("Case Site").unwrap();
    assert!(decision < section && section < case, "{first}");
}

/// `mesocds export BOARD.mesoboard`: the board file saved from the app gives the cases in the
/// board's order (the cover lists them so); a missing board file and an empty board are named.
#[test]
fn the_command_line_exports_a_board_file_in_its_order() {
    let dir = tempfile::tempdir().unwrap();
    let files = five_cases(dir.path());
    // The board's order: the course case first, then golden 25 and golden 01.
    let order = [&files[2], &files[4], &files[0]];
    let board = dir.path().join("tuesday.mesoboard");
    let cases: Vec<PathBuf> = order.iter().map(|f| (*f).clone()).collect();
    mesocds::board::file::save(&board, &cases).unwrap();
    let out = dir.path().join("pack.pdf");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_mesocds"))
            .args(args)
            .output()
            .unwrap()
    };
    let o = run(&[
        "export",
        board.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("3 cases)"));
    let cover = page_text(&out, 1);
    let at = |label: &str| {
        cover
            .find(label)
            .unwrap_or_else(|| panic!("{label}: {cover}"))
    };
    assert!(at("course-example") < at("golden-22"));
    assert!(at("golden-22") < at("golden-01"));

    let missing = dir.path().join("gone.mesoboard");
    let o = run(&[
        "export",
        missing.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("gone.mesoboard"));
    let empty = dir.path().join("empty.mesoboard");
    mesocds::board::file::save(&empty, &[]).unwrap();
    let o = run(&[
        "export",
        empty.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("the board lists no case"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
