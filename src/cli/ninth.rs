//! The command-line inputs of issue 11: the date of diagnosis, the 9th-edition measurements and
//! items, and the peritoneal PCI and CC score. The names of `--diagnosed`, `--psum`,
//! `--psum-levels`, `--fmax`, `--pci`, `--pci-region` and `--cc` are fixed by the issue, so
//! scripts can rely on them. Every value is read by the core's one parser for it; a bad value
//! exits 2 with the core's message, which says what is accepted.

use clap::Args;
use mesocds_core::Case;
use mesocds_core::ajcc9::{Date, Fmax, NinthFinding, Psum};
use mesocds_core::peritoneal::{CcScore, LesionSize, Pci, PciEntry, PciRegion, RegionScores};
use mesocds_core::vocab::{NCategory, Site, TCategory, Vocab as _};

use super::vocab_parser;

/// Today's date (UTC) from the system clock ([`crate::report::today`]), or `None` if it is not
/// a date the core accepts (then a future date cannot be checked, and is not refused).
pub fn today_utc() -> Option<Date> {
    crate::report::today().parse().ok()
}

/// `--diagnosed`: a calendar date `YYYY-MM-DD`, not after today.
fn diagnosed(text: &str) -> Result<Date, String> {
    let date: Date = text
        .parse()
        .map_err(|e: mesocds_core::ajcc9::DateError| e.to_string())?;
    match today_utc() {
        Some(today) => date.not_after(today).map_err(|e| e.to_string()),
        None => Ok(date),
    }
}

fn psum(text: &str) -> Result<Psum, String> {
    text.parse()
        .map_err(|e: mesocds_core::ajcc9::MeasurementError| e.to_string())
}

fn psum_levels(text: &str) -> Result<Psum, String> {
    Psum::parse_levels(text).map_err(|e| e.to_string())
}

fn fmax(text: &str) -> Result<Fmax, String> {
    text.parse()
        .map_err(|e: mesocds_core::ajcc9::MeasurementError| e.to_string())
}

fn pci(text: &str) -> Result<Pci, String> {
    text.parse()
        .map_err(|e: mesocds_core::peritoneal::PeritonealError| e.to_string())
}

fn pci_region(text: &str) -> Result<(PciRegion, LesionSize), String> {
    RegionScores::parse_assignment(text).map_err(|e| e.to_string())
}

fn cc(text: &str) -> Result<CcScore, String> {
    text.parse()
        .map_err(|e: mesocds_core::peritoneal::PeritonealError| e.to_string())
}

/// The inputs of the 9th edition and of peritoneal staging.
#[derive(Debug, Args, Default)]
pub struct NinthInputs {
    /// Date of diagnosis, YYYY-MM-DD (not in the future): decides which staging edition applies
    /// (from 2025-01-01 the 9th, before it the AJCC 8th).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = diagnosed)]
    pub diagnosed: Option<Date>,
    /// Psum in mm (0 to 300), entered as a sum: the maximal pleural thickness at three levels,
    /// added (9th-edition clinical T).
    #[arg(long, value_name = "MM", value_parser = psum, conflicts_with = "psum_levels", allow_hyphen_values = true)]
    pub psum: Option<Psum>,
    /// Psum from its three levels in mm, upper,middle,lower (e.g. 4,3.5,5; a decimal comma needs
    /// `;`: "4,5; 3; 2").
    #[arg(long, value_name = "U,M,L", value_parser = psum_levels, allow_hyphen_values = true)]
    pub psum_levels: Option<Psum>,
    /// Fmax in mm (0 to 300): the maximal thickness of tumour along the fissures.
    #[arg(long, value_name = "MM", value_parser = fmax, allow_hyphen_values = true)]
    pub fmax: Option<Fmax>,
    /// A 9th-edition T picked directly (e.g. TX, T0); never taken from `--t`, the 8th-edition
    /// pick, on a clinical basis.
    #[arg(long, value_name = "T", value_parser = vocab_parser::<TCategory>(), ignore_case = true)]
    pub t9: Option<TCategory>,
    /// A 9th-edition cT4 item that no 8th-edition finding names (repeatable).
    #[arg(long = "ninth-finding", value_name = "NAME", value_parser = vocab_parser::<NinthFinding>())]
    pub ninth_findings: Vec<NinthFinding>,
    /// Peritoneal Cancer Index, total (0 to 39).
    #[arg(long, value_name = "N", value_parser = pci, conflicts_with = "pci_regions", allow_hyphen_values = true)]
    pub pci: Option<Pci>,
    /// The lesion-size score of one PCI region, REGION=SCORE (region 0 to 12, score 0 to 3);
    /// repeatable. A region not given is not scored (never taken as 0).
    #[arg(long = "pci-region", value_name = "R=S", value_parser = pci_region)]
    pub pci_regions: Vec<(PciRegion, LesionSize)>,
    /// Completeness of cytoreduction after surgery: CC-0, CC-1, CC-2 or CC-3.
    #[arg(long, value_name = "CC", value_parser = cc)]
    pub cc: Option<CcScore>,
}

impl NinthInputs {
    /// Applies the given flags over `case`.
    ///
    /// # Errors
    /// A message, saying what is accepted, for a region given twice, or for an N of NX or N2
    /// given to a peritoneal case (the proposed peritoneal N is N0 or N1).
    pub fn apply(&self, case: &mut Case, n_flag: Option<NCategory>) -> Result<(), String> {
        if let Some(d) = self.diagnosed {
            case.disease.diagnosed = Some(d);
        }
        let ninth = &mut case.staging.ninth;
        if let Some(p) = self.psum.or(self.psum_levels) {
            ninth.psum = Some(p);
        }
        ninth.fmax = self.fmax.or(ninth.fmax);
        ninth.t = self.t9.or(ninth.t);
        ninth.findings.extend(self.ninth_findings.iter().copied());
        let per = &mut case.peritoneal;
        if let Some(p) = self.pci {
            per.pci = Some(PciEntry::Total(p));
        }
        if !self.pci_regions.is_empty() {
            let mut scores = match per.pci {
                Some(PciEntry::Regions(r)) => r,
                _ => RegionScores::default(),
            };
            let mut given = Vec::new();
            for &(region, score) in &self.pci_regions {
                if given.contains(&region) {
                    return Err(format!(
                        "--pci-region: region {} is given twice; give each region (0 to 12) once",
                        region.number()
                    ));
                }
                given.push(region);
                scores.set(region, Some(score));
            }
            per.pci = Some(PciEntry::Regions(scores));
        }
        per.cc = self.cc.or(per.cc);
        if case.disease.site == Some(Site::Peritoneal)
            && let Some(n @ (NCategory::NX | NCategory::N2)) = n_flag
        {
            return Err(format!(
                "--n {}: for a peritoneal case --n gives the proposed peritoneal N, which is N0 or \
                 N1 (N1: positive lymph nodes)",
                n.code()
            ));
        }
        Ok(())
    }
}
