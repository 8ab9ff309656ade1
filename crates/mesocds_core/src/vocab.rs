//! Closed vocabularies: every value a case or a clinical table can name.
//!
//! Each enum spells its RON token (the variant name), a stable command-line code (`code()`, the
//! value `mesocds` accepts after a flag) and a human label (`label()`). A typo in a case file or a
//! table is therefore a parse error, never a silently ignored string.
//!
//! Sources of the clinical vocabularies are given on each type.

use std::fmt;

/// A closed vocabulary with command-line codes and display labels.
pub trait Vocab: Copy + Eq + 'static {
    /// Every value, in display order.
    const ALL: &'static [Self];
    /// The name of the vocabulary, for error messages ("site", "T category", …).
    const NAME: &'static str;
    /// The stable code used on the command line and in JSON.
    fn code(self) -> &'static str;
    /// The label shown to a clinician.
    fn label(self) -> &'static str;
    /// The value whose [`Vocab::code`] is `code` (ASCII case-insensitive).
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.code().eq_ignore_ascii_case(code.trim()))
    }
    /// The accepted codes, comma-separated, for error messages.
    fn codes_list() -> String {
        Self::ALL
            .iter()
            .map(|v| v.code())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

macro_rules! vocab {
    (
        $(#[$meta:meta])*
        pub enum $name:ident : $vname:literal {
            $( $(#[$vmeta:meta])* $var:ident => ($code:literal, $label:literal) ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[doc = $label] $var ),+
        }

        impl Vocab for $name {
            const ALL: &'static [Self] = &[$(Self::$var),+];
            const NAME: &'static str = $vname;
            fn code(self) -> &'static str {
                match self { $(Self::$var => $code),+ }
            }
            fn label(self) -> &'static str {
                match self { $(Self::$var => $label),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

vocab! {
    /// Primary site of the mesothelioma.
    ///
    /// Source: the sites named in the patient page on remission and recurrence (pleura, peritoneum,
    /// pericardium, tunica vaginalis); only the pleural site has an AJCC stage
    /// (docs/clinical/staging-ajcc8.md#scope).
    pub enum Site: "site" {
        Pleural => ("pleural", "Pleural"),
        Peritoneal => ("peritoneal", "Peritoneal"),
        Pericardial => ("pericardial", "Pericardial"),
        TunicaVaginalis => ("tunica-vaginalis", "Tunica vaginalis"),
    }
}

vocab! {
    /// Diffuse versus solitary (localized) tumour.
    ///
    /// Source: PDQ, Stage Information ("diffuse malignant pleural mesotheliomas but do not include
    /// localized malignant pleural mesotheliomas") and stage I options (solitary vs intracavitary).
    pub enum Extent: "extent" {
        Diffuse => ("diffuse", "Diffuse (intracavitary)"),
        Solitary => ("solitary", "Solitary (localized)"),
    }
}

vocab! {
    /// The basis of a stage, printed as its prefix (cT3 N1 M0).
    ///
    /// Source: docs/clinical/staging-ajcc8.md#basis.
    pub enum StagingBasis: "staging basis" {
        Clinical => ("clinical", "Clinical (c)"),
        Pathological => ("pathological", "Pathological (p)"),
        PostNeoadjuvant => ("post-neoadjuvant", "Pathological after neoadjuvant therapy (yp)"),
    }
}

impl StagingBasis {
    /// The prefix printed before the TNM categories: `c`, `p` or `yp`.
    pub fn prefix(self) -> &'static str {
        match self {
            Self::Clinical => "c",
            Self::Pathological => "p",
            Self::PostNeoadjuvant => "yp",
        }
    }
}

vocab! {
    /// Primary tumour category, AJCC 8th edition, pleural mesothelioma.
    ///
    /// Deliberately not `Ord`: `TX` ("cannot be assessed") has no place in an order.
    /// Source: PDQ Tables 1–4 (AJCC 8th edition, pp 457–68).
    pub enum TCategory: "T category" {
        TX => ("TX", "TX"),
        T0 => ("T0", "T0"),
        T1 => ("T1", "T1"),
        T2 => ("T2", "T2"),
        T3 => ("T3", "T3"),
        T4 => ("T4", "T4"),
    }
}

vocab! {
    /// Regional lymph node category, AJCC 8th edition, pleural mesothelioma.
    ///
    /// Not `Ord`, for the same reason as [`TCategory`]. Source: PDQ Tables 1–4.
    pub enum NCategory: "N category" {
        NX => ("NX", "NX"),
        N0 => ("N0", "N0"),
        N1 => ("N1", "N1"),
        N2 => ("N2", "N2"),
    }
}

vocab! {
    /// Distant metastasis category. There is no MX (docs/clinical/staging-ajcc8.md#no-mx).
    ///
    /// Source: PDQ Tables 1–4.
    pub enum MCategory: "M category" {
        M0 => ("M0", "M0"),
        M1 => ("M1", "M1"),
    }
}

vocab! {
    /// AJCC 8th edition stage group, pleural mesothelioma.
    ///
    /// Source: PDQ Tables 1–4; Rusch VW et al., J Thorac Oncol 2016;11(12):2112-2119, PMID 27687962.
    #[expect(clippy::upper_case_acronyms, reason = "Roman numerals are the clinical notation")]
    pub enum StageGroup: "stage group" {
        IA => ("IA", "IA"),
        IB => ("IB", "IB"),
        II => ("II", "II"),
        IIIA => ("IIIA", "IIIA"),
        IIIB => ("IIIB", "IIIB"),
        IV => ("IV", "IV"),
    }
}

vocab! {
    /// Sex, as the EORTC score uses it (male sex is an adverse factor).
    pub enum Sex: "sex" {
        Male => ("male", "Male"),
        Female => ("female", "Female"),
    }
}

vocab! {
    /// Histologic subtype.
    ///
    /// Source: PDQ, Cellular Classification (desmoplastic is a sarcomatoid subtype).
    pub enum Histology: "histology" {
        Epithelioid => ("epithelioid", "Epithelioid"),
        Sarcomatoid => ("sarcomatoid", "Sarcomatoid"),
        Biphasic => ("biphasic", "Biphasic"),
        Desmoplastic => ("desmoplastic", "Desmoplastic (sarcomatoid subtype)"),
    }
}

vocab! {
    /// Certainty of the histologic diagnosis, as the EORTC score uses it.
    ///
    /// Source: Curran 1998 abstract, "probable/possible histologic diagnosis"
    /// (docs/clinical/prognostic-scores.md#eortc-diagnosis).
    pub enum DiagnosisCertainty: "diagnostic certainty" {
        Definite => ("definite", "Definite"),
        Probable => ("probable", "Probable"),
        Possible => ("possible", "Possible"),
    }
}

vocab! {
    /// Disease status. Vocabulary only, from the patient page on remission and recurrence
    /// (docs/clinical/disease-status.md).
    pub enum DiseaseStatus: "disease status" {
        New => ("new", "Newly diagnosed"),
        CompleteRemission => ("complete-remission", "Complete remission (no evidence of disease)"),
        PartialRemission => ("partial-remission", "Partial remission"),
        LocalRecurrence => ("local-recurrence", "Recurrence: local (same site)"),
        DistantRecurrence => ("distant-recurrence", "Recurrence: distant"),
    }
}

impl DiseaseStatus {
    /// Whether this status is a recurrence (local or distant).
    pub fn is_recurrence(self) -> bool {
        matches!(self, Self::LocalRecurrence | Self::DistantRecurrence)
    }
}

vocab! {
    /// A previous systemic therapy.
    #[derive(PartialOrd, Ord)]
    pub enum PriorTherapy: "prior therapy" {
        PlatinumPemetrexed => ("platinum-pemetrexed", "Platinum plus pemetrexed"),
        Pemetrexed => ("pemetrexed", "Pemetrexed (without platinum)"),
        Immunotherapy => ("immunotherapy", "Immune checkpoint inhibitor"),
        Bevacizumab => ("bevacizumab", "Bevacizumab"),
        OtherChemotherapy => ("other-chemotherapy", "Other chemotherapy"),
    }
}

/// The ECOG performance status, 0 to 4. Stored in case files as a plain number (`ecog: Some(1)`).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "u8", into = "u8")]
pub enum Ecog {
    /// ECOG 0
    Ecog0,
    /// ECOG 1
    Ecog1,
    /// ECOG 2
    Ecog2,
    /// ECOG 3
    Ecog3,
    /// ECOG 4
    Ecog4,
}

impl Vocab for Ecog {
    const ALL: &'static [Self] = &[
        Self::Ecog0,
        Self::Ecog1,
        Self::Ecog2,
        Self::Ecog3,
        Self::Ecog4,
    ];
    const NAME: &'static str = "ECOG performance status";
    fn code(self) -> &'static str {
        ["0", "1", "2", "3", "4"][usize::from(self.grade())]
    }
    fn label(self) -> &'static str {
        ["ECOG 0", "ECOG 1", "ECOG 2", "ECOG 3", "ECOG 4"][usize::from(self.grade())]
    }
}

impl fmt::Display for Ecog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl TryFrom<u8> for Ecog {
    type Error = String;
    fn try_from(grade: u8) -> Result<Self, Self::Error> {
        Self::from_grade(grade).ok_or_else(|| {
            format!("ECOG performance status {grade} is out of range: accepted 0 to 4")
        })
    }
}

impl From<Ecog> for u8 {
    fn from(ecog: Ecog) -> Self {
        ecog.grade()
    }
}

impl Ecog {
    /// The numeric grade, 0 to 4.
    pub fn grade(self) -> u8 {
        match self {
            Self::Ecog0 => 0,
            Self::Ecog1 => 1,
            Self::Ecog2 => 2,
            Self::Ecog3 => 3,
            Self::Ecog4 => 4,
        }
    }

    /// The status for a grade, or `None` outside 0–4.
    pub fn from_grade(grade: u8) -> Option<Self> {
        Self::ALL.get(usize::from(grade)).copied()
    }
}

vocab! {
    /// One staging axis.
    pub enum Axis: "axis" {
        T => ("t", "T"),
        N => ("n", "N"),
        M => ("m", "M"),
    }
}

vocab! {
    /// An input of the case, named by its command-line flag without dashes.
    ///
    /// Every result lists the inputs it lacks with these names.
    #[derive(PartialOrd, Ord)]
    pub enum Input: "input" {
        Site => ("site", "Site"),
        Extent => ("extent", "Extent (diffuse or solitary)"),
        Basis => ("basis", "Staging basis (c, p or yp)"),
        T => ("t", "T category"),
        N => ("n", "N category"),
        M => ("m", "M category"),
        Age => ("age", "Age"),
        Sex => ("sex", "Sex"),
        Ecog => ("ecog", "ECOG performance status"),
        Histology => ("histology", "Histology"),
        Diagnosis => ("diagnosis", "Diagnostic certainty"),
        Wbc => ("wbc", "White blood cell count"),
        Hb => ("hb", "Hemoglobin"),
        Status => ("status", "Disease status"),
        Prior => ("prior", "Prior systemic therapy"),
        Anticoagulant => ("anticoagulant", "Anticoagulant use"),
        Antiplatelet => ("antiplatelet", "Antiplatelet use"),
        Nsaid => ("nsaid", "NSAID use"),
    }
}

impl From<Axis> for Input {
    fn from(axis: Axis) -> Self {
        match axis {
            Axis::T => Self::T,
            Axis::N => Self::N,
            Axis::M => Self::M,
        }
    }
}

vocab! {
    /// An anatomical finding the PDQ lists under a T, N or M category (AJCC 8th edition).
    ///
    /// Which category each finding implies, and its PDQ wording, is clinical data:
    /// `assets/clinical/ajcc8_pleural_findings.ron`.
    #[derive(PartialOrd, Ord)]
    pub enum Finding: "finding" {
        AllIpsilateralSurfaces => ("all-ipsilateral-surfaces", "All ipsilateral pleural surfaces involved"),
        IpsilateralParietalPleura => ("ipsilateral-parietal-pleura", "Ipsilateral parietal pleura (± visceral, mediastinal, diaphragmatic)"),
        DiaphragmaticMuscle => ("diaphragmatic-muscle", "Diaphragmatic muscle"),
        PulmonaryParenchyma => ("pulmonary-parenchyma", "Underlying pulmonary parenchyma"),
        EndothoracicFascia => ("endothoracic-fascia", "Endothoracic fascia"),
        MediastinalFat => ("mediastinal-fat", "Mediastinal fat"),
        ChestWallSolitaryFocus => ("chest-wall-solitary-focus", "Solitary resectable chest-wall focus"),
        PericardiumNontransmural => ("pericardium-nontransmural", "Pericardium, nontransmural"),
        ChestWallDiffuse => ("chest-wall-diffuse", "Diffuse or multifocal chest-wall tumour"),
        TransdiaphragmaticPeritoneum => ("transdiaphragmatic-peritoneum", "Transdiaphragmatic extension to peritoneum"),
        ContralateralPleura => ("contralateral-pleura", "Contralateral pleura"),
        MediastinalOrgans => ("mediastinal-organs", "Mediastinal organs"),
        Spine => ("spine", "Spine"),
        PericardiumInternalSurface => ("pericardium-internal-surface", "Internal surface of the pericardium"),
        Myocardium => ("myocardium", "Myocardium"),
        NoRegionalNodes => ("no-regional-nodes", "No regional lymph node metastases"),
        IpsilateralBronchopulmonaryNodes => ("ipsilateral-bronchopulmonary-nodes", "Ipsilateral bronchopulmonary nodes"),
        IpsilateralHilarNodes => ("ipsilateral-hilar-nodes", "Ipsilateral hilar nodes"),
        IpsilateralMediastinalNodes => ("ipsilateral-mediastinal-nodes", "Ipsilateral mediastinal nodes"),
        InternalMammaryNodes => ("internal-mammary-nodes", "Ipsilateral internal mammary nodes"),
        PeridiaphragmaticNodes => ("peridiaphragmatic-nodes", "Ipsilateral peridiaphragmatic nodes"),
        PericardialFatPadNodes => ("pericardial-fat-pad-nodes", "Ipsilateral pericardial fat pad nodes"),
        IntercostalNodes => ("intercostal-nodes", "Ipsilateral intercostal nodes"),
        ContralateralMediastinalNodes => ("contralateral-mediastinal-nodes", "Contralateral mediastinal nodes"),
        IpsilateralSupraclavicularNodes => ("ipsilateral-supraclavicular-nodes", "Ipsilateral supraclavicular nodes"),
        ContralateralSupraclavicularNodes => ("contralateral-supraclavicular-nodes", "Contralateral supraclavicular nodes"),
        NoDistantMetastasis => ("no-distant-metastasis", "No distant metastasis"),
        DistantMetastasis => ("distant-metastasis", "Distant metastasis present"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes_unique<T: Vocab + fmt::Debug>() {
        for (i, a) in T::ALL.iter().enumerate() {
            for b in &T::ALL[i + 1..] {
                assert_ne!(a.code(), b.code(), "{} codes must be unique", T::NAME);
            }
            assert_eq!(T::from_code(a.code()), Some(*a));
        }
    }

    #[test]
    fn every_vocabulary_has_unique_codes_that_round_trip() {
        codes_unique::<Site>();
        codes_unique::<Extent>();
        codes_unique::<StagingBasis>();
        codes_unique::<TCategory>();
        codes_unique::<NCategory>();
        codes_unique::<MCategory>();
        codes_unique::<StageGroup>();
        codes_unique::<Sex>();
        codes_unique::<Histology>();
        codes_unique::<DiagnosisCertainty>();
        codes_unique::<DiseaseStatus>();
        codes_unique::<PriorTherapy>();
        codes_unique::<Ecog>();
        codes_unique::<Axis>();
        codes_unique::<Input>();
        codes_unique::<Finding>();
    }

    #[test]
    fn codes_are_case_insensitive_and_trimmed() {
        assert_eq!(TCategory::from_code("t3"), Some(TCategory::T3));
        assert_eq!(Site::from_code(" Pleural "), Some(Site::Pleural));
        assert_eq!(Site::from_code("lung"), None);
    }

    #[test]
    fn ecog_grades_round_trip() {
        for g in 0..=4 {
            assert_eq!(Ecog::from_grade(g).map(Ecog::grade), Some(g));
        }
        assert_eq!(Ecog::from_grade(5), None);
    }

    #[test]
    fn basis_prefixes() {
        assert_eq!(StagingBasis::Clinical.prefix(), "c");
        assert_eq!(StagingBasis::Pathological.prefix(), "p");
        assert_eq!(StagingBasis::PostNeoadjuvant.prefix(), "yp");
    }
}
