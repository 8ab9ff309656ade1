//! A calendar date (`YYYY-MM-DD`) and which staging edition applies on it.
//!
//! The date of diagnosis decides the edition: on or after 1 January 2025 the 9th edition (AJCC
//! Version 9 / UICC TNM 9), before it the AJCC 8th edition, no date → unknown
//! (`docs/clinical/staging-ajcc9.md`, "Which edition applies").

use std::fmt;
use std::str::FromStr;

/// A date in the proleptic Gregorian calendar, years 1900–9999.
///
/// Ordered by year, month, day (the field order). Stored in case files as the text `YYYY-MM-DD`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// A date that could not be read or is not accepted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    #[error("date \"{text}\" is not a date: enter it as YYYY-MM-DD, e.g. 2025-03-14")]
    Malformed {
        /// The text given.
        text: String,
    },
    /// Of the right form but not a calendar date, or outside 1900–9999.
    #[error("date {text} does not exist: {reason} (dates are YYYY-MM-DD, years 1900 to 9999)")]
    Invalid {
        /// The text given.
        text: String,
        /// What is wrong.
        reason: String,
    },
    /// After today.
    #[error(
        "date {date} is in the future (today is {today}): a diagnosis date cannot be later than today"
    )]
    InFuture {
        /// The date given.
        date: Date,
        /// Today's date.
        today: Date,
    },
}

impl Date {
    /// The earliest accepted year.
    pub const MIN_YEAR: u16 = 1900;
    /// The latest accepted year.
    pub const MAX_YEAR: u16 = 9999;

    /// A date, if it exists in the calendar and the year is 1900–9999.
    ///
    /// # Errors
    /// [`DateError::Invalid`] naming what is wrong (month 13, 30 February, year 1850 …).
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, DateError> {
        let text = format!("{year:04}-{month:02}-{day:02}");
        let invalid = |reason: String| DateError::Invalid {
            text: text.clone(),
            reason,
        };
        if !(Self::MIN_YEAR..=Self::MAX_YEAR).contains(&year) {
            return Err(invalid(format!("year {year} is outside 1900 to 9999")));
        }
        if !(1..=12).contains(&month) {
            return Err(invalid(format!("month {month} is outside 1 to 12")));
        }
        let last = days_in_month(year, month);
        if day == 0 || day > last {
            return Err(invalid(format!(
                "day {day} is outside 1 to {last} for that month"
            )));
        }
        Ok(Self { year, month, day })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u8 {
        self.day
    }

    /// This date, if it is not after `today` (a diagnosis cannot be dated in the future).
    ///
    /// The core does no I/O: the caller passes today's date.
    ///
    /// # Errors
    /// [`DateError::InFuture`].
    pub fn not_after(self, today: Self) -> Result<Self, DateError> {
        if self > today {
            Err(DateError::InFuture { date: self, today })
        } else {
            Ok(self)
        }
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Reads exactly `YYYY-MM-DD` (surrounding spaces ignored).
    fn from_str(text: &str) -> Result<Self, DateError> {
        let t = text.trim();
        let malformed = || DateError::Malformed {
            text: text.to_owned(),
        };
        let b = t.as_bytes();
        let shape_ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape_ok {
            return Err(malformed());
        }
        let (Ok(year), Ok(month), Ok(day)) = (
            t[0..4].parse::<u16>(),
            t[5..7].parse::<u8>(),
            t[8..10].parse::<u8>(),
        ) else {
            return Err(malformed());
        };
        Self::new(year, month, day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for Date {
    type Error = DateError;
    fn try_from(text: String) -> Result<Self, DateError> {
        text.parse()
    }
}

impl From<Date> for String {
    fn from(d: Date) -> Self {
        d.to_string()
    }
}

/// A staging edition for pleural mesothelioma.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Edition {
    /// AJCC 8th edition (2017; diagnoses 2018–2024).
    Ajcc8,
    /// AJCC Version 9 "Diffuse Pleural Mesothelioma" = UICC TNM 9th edition (diagnoses from 2025).
    Ajcc9,
}

impl Edition {
    /// The short name the JSON contract uses (`"edition"`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Ajcc8 => "AJCC 8th",
            Self::Ajcc9 => "AJCC Version 9",
        }
    }

    /// The name shown with every stage.
    pub fn label(self) -> &'static str {
        match self {
            Self::Ajcc8 => "AJCC 8th edition",
            Self::Ajcc9 => "9th edition (AJCC Version 9 / UICC TNM 9)",
        }
    }
}

impl fmt::Display for Edition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The first diagnosis date staged with the 9th edition.
///
/// Source: `docs/clinical/staging-ajcc9.md` §1 \[2S\] (SEER EOD schema "Pleural Mesothelioma [V9: 2025+]").
pub const NINTH_EDITION_FROM: Date = Date {
    year: 2025,
    month: 1,
    day: 1,
};

/// The first diagnosis year the AJCC 8th edition was made for (`docs/clinical/staging-ajcc9.md` §1 \[2S\]).
pub const EIGHTH_EDITION_FROM_YEAR: u16 = 2018;

/// The sentence shown when no diagnosis date is entered (`docs/clinical/staging-ajcc9.md` §1).
pub const EDITION_UNKNOWN: &str = "date of diagnosis not entered: which edition applies is unknown";

/// Which edition applies to a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditionChoice {
    /// The date of diagnosis decides it.
    Applies {
        /// The edition that applies.
        edition: Edition,
        /// The date of diagnosis that decided it.
        diagnosed: Date,
    },
    /// No date of diagnosis: unknown. Both editions are shown, neither marked.
    Unknown,
}

impl EditionChoice {
    /// Whether `edition` applies: `Some(true)`, `Some(false)`, or `None` when unknown
    /// (the JSON `"applies": true|false|null`).
    pub fn applies(self, edition: Edition) -> Option<bool> {
        match self {
            Self::Applies { edition: e, .. } => Some(e == edition),
            Self::Unknown => None,
        }
    }

    /// The edition that applies, if known.
    pub fn edition(self) -> Option<Edition> {
        match self {
            Self::Applies { edition, .. } => Some(edition),
            Self::Unknown => None,
        }
    }

    /// The sentence that explains the choice.
    pub fn note(self) -> String {
        match self {
            Self::Unknown => EDITION_UNKNOWN.to_owned(),
            Self::Applies {
                edition: Edition::Ajcc9,
                diagnosed,
            } => format!(
                "Diagnosed {diagnosed}, on or after {NINTH_EDITION_FROM}: the 9th edition \
                 (AJCC Version 9 / UICC TNM 9) applies."
            ),
            Self::Applies {
                edition: Edition::Ajcc8,
                diagnosed,
            } if diagnosed.year() < EIGHTH_EDITION_FROM_YEAR => format!(
                "Diagnosed {diagnosed}, before {NINTH_EDITION_FROM}: the AJCC 8th edition is used. \
                 It was made for diagnoses from 2018 to 2024; this diagnosis is earlier."
            ),
            Self::Applies {
                edition: Edition::Ajcc8,
                diagnosed,
            } => format!(
                "Diagnosed {diagnosed}, before {NINTH_EDITION_FROM}: the AJCC 8th edition applies."
            ),
        }
    }
}

/// Which edition applies for a date of diagnosis: on or after 2025-01-01 the 9th, before it the
/// 8th, no date → [`EditionChoice::Unknown`].
///
/// Source: `docs/clinical/staging-ajcc9.md` §1.
pub fn applicable_edition(diagnosed: Option<Date>) -> EditionChoice {
    match diagnosed {
        None => EditionChoice::Unknown,
        Some(d) if d >= NINTH_EDITION_FROM => EditionChoice::Applies {
            edition: Edition::Ajcc9,
            diagnosed: d,
        },
        Some(d) => EditionChoice::Applies {
            edition: Edition::Ajcc8,
            diagnosed: d,
        },
    }
}
