//! PDF export: one case summary, a 30-case tumor board pack, and a 5-case pack as slides.
//!
//! Run with `cargo bench --bench pdf`. Targets (issue #4): one summary under 50 ms; a 30-case
//! pack under 1 s; (issue 13) a 5-case board's slides under 300 ms.

use mesocds::report::model::{CaseSource, ReportMeta};
use mesocds::report::pdf::{Paper, PdfLayout, PdfOptions, render};
use mesocds::report::{ReportInput, build_report};
use mesocds_core::ClinicalTables;
use mesocds_core::case_file;

fn main() {
    divan::main();
}

const EXAMPLE: &str = include_str!("../assets/examples/example-pleural-stage-iiia.ron");

fn meta() -> ReportMeta {
    ReportMeta {
        export_date: "2026-11-24".to_owned(),
        app_version: "bench".to_owned(),
    }
}

fn pdf_of(n: usize, layout: PdfLayout) -> usize {
    let Ok(tables) = ClinicalTables::embedded() else {
        return 0;
    };
    let Ok(loaded) = case_file::from_ron(EXAMPLE) else {
        return 0;
    };
    let assessment = mesocds_core::assess(&loaded.case, tables);
    let inputs: Vec<ReportInput<'_>> = (0..n)
        .map(|_| ReportInput {
            case: &loaded.case,
            assessment: &assessment,
            source: CaseSource {
                file: "example.ron".to_owned(),
                fingerprint: "sha256:000000000000".to_owned(),
            },
        })
        .collect();
    let report = build_report(&inputs, tables, meta());
    let options = PdfOptions {
        paper: Paper::A4,
        layout,
    };
    render(&report, options).map_or(0, |p| p.bytes.len())
}

#[divan::bench]
fn one_summary() -> usize {
    pdf_of(divan::black_box(1), PdfLayout::Handout)
}

#[divan::bench(sample_count = 10)]
fn pack_of_30() -> usize {
    pdf_of(divan::black_box(30), PdfLayout::Handout)
}

#[divan::bench(sample_count = 10)]
fn slides_of_5() -> usize {
    pdf_of(divan::black_box(5), PdfLayout::Slides)
}
