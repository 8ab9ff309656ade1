//! Attachment rules, each checked on real assessments (decisions page, "Evidence newer than the
//! PDQ"; docs/clinical/newer-evidence.md, "Attachment rules").

use super::*;

#[test]
fn stage_iiia_gets_the_first_line_entries_and_not_mars2() {
    let applied = apply(&stage_iiia());
    assert_eq!(
        ids(&applied),
        [
            "ind227_keynote483",
            "atomic_meso",
            "denim",
            "checkmate743_3y",
            "beat_meso"
        ]
    );
    let ind = get(&applied, "ind227_keynote483");
    assert_eq!(ind.reasons, [Reason::Setting(Setting::Advanced)]);
    assert!(ind.concerns_options.is_empty());
    // No histology entered: ATOMIC-Meso shows, saying so.
    let atomic = get(&applied, "atomic_meso");
    assert_eq!(
        atomic.reasons,
        [
            Reason::Setting(Setting::Advanced),
            Reason::HistologyNotEntered
        ]
    );
    assert_eq!(atomic.missing, [Input::Histology]);
    assert!(atomic.applies_because()[1].starts_with("Histology not entered"));
}

#[test]
fn option_attachments_point_at_their_pdq_cards() {
    let applied = apply(&stage_iiia());
    for (id, option_id) in [
        ("denim", "maintenance_gemcitabine"),
        ("checkmate743_3y", "nivolumab_ipilimumab"),
        ("beat_meso", "cisplatin_pemetrexed_bevacizumab"),
    ] {
        let a = get(&applied, id);
        let o = option(option_id);
        assert_eq!(a.concerns_options.len(), 1, "{id}");
        assert!(a.concerns(option_id), "{id}");
        assert_eq!(a.concerns_options[0].name, o.name, "{id}");
        assert_eq!(a.reasons, [Reason::Option(o.name.clone())], "{id}");
        assert_eq!(a.json().concerns_options, [o.name.as_str()], "{id}");
        assert!(a.pointer().contains(&a.entry.trial), "{id}");
    }
}

#[test]
fn stage_i_diffuse_gets_mars2_on_both_surgical_options() {
    let case = stage_i();
    let assessment = assess(&case, tables());
    assert_eq!(assessment.treatment.settings, [Setting::StageIDiffuse]);
    let applied = applicable_to(&case, &assessment.treatment, table());
    assert_eq!(ids(&applied), ["mars2"]);
    let mars = get(&applied, "mars2");
    let concerned: Vec<&str> = mars.concerns_options.iter().map(|o| o.id).collect();
    assert_eq!(
        concerned,
        ["extrapleural_pneumonectomy", "pleurectomy_decortication"]
    );
    assert_eq!(mars.entry.direction, Direction::Harm);
    assert!(mars.entry.direction.is_negative());
    let pointer = mars.pointer();
    assert!(pointer.starts_with("Newer evidence (not in the PDQ version used), MARS 2: "));
    assert!(
        pointer.contains("did worse than chemotherapy alone"),
        "{pointer}"
    );
    let result = mars.result_text();
    assert!(
        result.contains("favouring chemotherapy alone (harm)"),
        "{result}"
    );
    assert!(
        result.contains("HR 1.28 (95% CI 1.02–1.60), favouring chemotherapy alone (harm) [1S]")
    );
    // No other PDQ option carries a MARS 2 pointer.
    for listed in &assessment.treatment.options {
        let expect = matches!(
            listed.option.id.as_str(),
            "extrapleural_pneumonectomy" | "pleurectomy_decortication"
        );
        assert_eq!(
            mars.concerns(&listed.option.id),
            expect,
            "{}",
            listed.option.id
        );
    }
}

#[test]
fn epithelioid_does_not_get_atomic_meso_sarcomatoid_first_line_does() {
    let mut case = stage_iiia();
    case.disease.histology = Some(Histology::Epithelioid);
    assert!(!ids(&apply(&case)).contains(&"atomic_meso"));
    case.disease.histology = Some(Histology::Sarcomatoid);
    let applied = apply(&case);
    let atomic = get(&applied, "atomic_meso");
    assert_eq!(
        atomic.reasons,
        [
            Reason::Setting(Setting::Advanced),
            Reason::NotEpithelioid(Histology::Sarcomatoid)
        ]
    );
    assert!(atomic.missing.is_empty());
    assert!(atomic.applies_because()[1].starts_with("Histology: sarcomatoid (not epithelioid)"));
    // Recurrent without previous systemic therapy is first line too.
    let mut recurrent = recurrent_no_prior(Site::Pleural);
    recurrent.disease.histology = Some(Histology::Biphasic);
    let applied = apply(&recurrent);
    assert_eq!(
        get(&applied, "atomic_meso").reasons[0],
        Reason::Setting(Setting::RecurrentNoPriorSystemic)
    );
    assert_eq!(
        get(&applied, "ind227_keynote483").reasons,
        [Reason::Setting(Setting::RecurrentNoPriorSystemic)]
    );
}

#[test]
fn histology_rule_holds_in_every_setting() {
    let listed: Vec<&TreatmentOption> = tables().treatments.options.iter().collect();
    for &h in Histology::ALL {
        let mut case = stage_iiia();
        case.disease.histology = Some(h);
        for &s in Setting::ALL {
            let applied = applicable(&case, &[s], &listed, table());
            let has = applied.iter().any(|a| a.entry.id == "atomic_meso");
            let first_line = matches!(s, Setting::Advanced | Setting::RecurrentNoPriorSystemic);
            assert_eq!(
                has,
                first_line && h != Histology::Epithelioid,
                "{h:?} {s:?}"
            );
        }
    }
}

#[test]
fn settings_attachments() {
    let expect = |s: Setting| -> Vec<&'static str> {
        match s {
            Setting::Advanced | Setting::RecurrentNoPriorSystemic => {
                vec!["ind227_keynote483", "atomic_meso"]
            }
            _ => vec![],
        }
    };
    let case = stage_iiia();
    for &s in Setting::ALL {
        assert_eq!(
            ids(&applicable(&case, &[s], &[], table())),
            expect(s),
            "{s:?}"
        );
    }
}

#[test]
fn recurrent_after_systemic_and_unassessable_cases_get_nothing() {
    let mut case = recurrent_no_prior(Site::Pleural);
    case.therapy.prior_systemic =
        Some([mesocds_core::vocab::PriorTherapy::PlatinumPemetrexed].into());
    assert!(apply(&case).is_empty());
    assert!(apply(&Case::default()).is_empty());
}

#[test]
fn peritoneal_case_marks_pleural_only_evidence() {
    let mut case = Case::default();
    case.disease.status = Some(DiseaseStatus::New);
    case.disease.site = Some(Site::Peritoneal);
    let applied = apply(&case);
    assert_eq!(ids(&applied), ["denim", "checkmate743_3y", "beat_meso"]);
    for a in &applied {
        let texts = a.applies_because();
        match a.entry.sites_studied {
            SitesStudied::PleuralOnly => {
                assert_eq!(a.caveats, [Caveat::PleuralOnly(Site::Peritoneal)]);
                assert!(
                    texts
                        .iter()
                        .any(|t| t.starts_with("Pleural-only evidence: ")
                            && t.ends_with("this patient's site is peritoneal."))
                );
            }
            SitesStudied::NotStated => {
                assert_eq!(a.caveats, [Caveat::SiteNotStated(Site::Peritoneal)]);
                assert!(texts.iter().any(|t| t.contains("do not say whether")));
            }
        }
        assert_eq!(a.json().applies_because, texts);
    }
}

#[test]
fn pleural_only_names_the_patients_own_site_or_says_it_is_not_entered() {
    let listed = [option("nivolumab_ipilimumab")];
    for site in [Site::Peritoneal, Site::Pericardial, Site::TunicaVaginalis] {
        let mut case = recurrent_no_prior(site);
        case.disease.site = Some(site);
        let applied = applicable(&case, &[], &listed, table());
        let a = get(&applied, "checkmate743_3y");
        assert_eq!(a.caveats, [Caveat::PleuralOnly(site)]);
        let want = format!("this patient's site is {}.", site.label().to_lowercase());
        assert!(
            a.applies_because().iter().any(|t| t.ends_with(&want)),
            "{site:?}"
        );
    }
    let mut pleural = recurrent_no_prior(Site::Pleural);
    let a = &applicable(&pleural, &[], &listed, table())[0];
    assert!(a.caveats.is_empty());
    pleural.disease.site = None;
    let a = &applicable(&pleural, &[], &listed, table())[0];
    assert_eq!(a.caveats, [Caveat::PleuralOnlySiteNotEntered]);
    assert_eq!(a.missing, [Input::Site]);
    assert!(a.applies_because()[1].starts_with("Site not entered: CheckMate 743"));
}

#[test]
fn ind227_notes_the_ps_0_1_enrolment_against_the_patients_ecog() {
    let mut case = stage_iiia();
    let caveat = |case: &Case| get(&apply(case), "ind227_keynote483").caveats.clone();
    assert_eq!(caveat(&case), [Caveat::EcogNotEntered(1)]);
    assert_eq!(
        get(&apply(&case), "ind227_keynote483").missing,
        [Input::Ecog]
    );
    case.patient.ecog = Some(Ecog::Ecog1);
    assert_eq!(caveat(&case), [Caveat::EcogWithin(Ecog::Ecog1, 1)]);
    case.patient.ecog = Some(Ecog::Ecog2);
    assert_eq!(caveat(&case), [Caveat::EcogOutside(Ecog::Ecog2, 1)]);
    let text = get(&apply(&case), "ind227_keynote483").applies_because()[1].clone();
    assert_eq!(
        text,
        "IND227 / KEYNOTE-483 enrolled performance status 0–1; this patient's ECOG 2 is outside it."
    );
    // Entries without a stated limit carry no ECOG note.
    assert!(get(&apply(&case), "denim").caveats.is_empty());
}

#[test]
fn json_view_has_exactly_the_contract_fields() {
    let applied = apply(&stage_iiia());
    let json = get(&applied, "denim").json();
    assert_eq!(json.trial, "DENIM");
    assert_eq!(json.registry, None);
    assert_eq!(json.direction, "no benefit");
    assert_eq!(json.pmid, Some(38_848_742));
    assert_eq!(json.published, "2024");
    assert_eq!(json.tag, "2S");
    assert!(
        json.result
            .contains("HR 1.10 (95% CI 0.77–1.57), P = .62 (no benefit)"),
        "{}",
        json.result
    );
    // Serialized and read back as a generic value: exactly the contract's fields, no others.
    let value: ron::Value = ron::from_str(&ron::to_string(&json).unwrap()).unwrap();
    let ron::Value::Map(map) = value else {
        panic!("not a map: {value:?}")
    };
    let mut fields: Vec<String> = map
        .keys()
        .map(|k| match k {
            ron::Value::String(s) => s.clone(),
            other => panic!("key {other:?}"),
        })
        .collect();
    fields.sort();
    let mut want = [
        "trial",
        "registry",
        "result",
        "direction",
        "citation",
        "pmid",
        "published",
        "tag",
        "applies_because",
        "concerns_options",
    ];
    want.sort_unstable();
    assert_eq!(fields, want);
    let beat = get(&applied, "beat_meso").json();
    assert_eq!((beat.tag, beat.pmid), ("1S", None));
    let ind = get(&applied, "ind227_keynote483").json();
    assert_eq!(ind.registry, Some("NCT02784171"));
    assert_eq!(ind.direction, "benefit");
}

#[test]
fn negative_results_read_as_negative() {
    let listed: Vec<&TreatmentOption> = tables().treatments.options.iter().collect();
    let mut case = stage_iiia();
    case.disease.histology = Some(Histology::Sarcomatoid);
    let applied = applicable(&case, Setting::ALL, &listed, table());
    assert_eq!(applied.len(), 6);
    for a in &applied {
        let json = a.json();
        let negative = matches!(a.entry.id.as_str(), "mars2" | "denim" | "beat_meso");
        assert_eq!(a.entry.direction.is_negative(), negative, "{}", a.entry.id);
        assert_eq!(
            json.direction == "benefit",
            a.entry.direction == Direction::Benefit
        );
        if negative {
            assert!(
                json.result.contains("(harm)") || json.result.contains("(no benefit)"),
                "{}",
                json.result
            );
            assert!(!json.result.contains("(benefit)"), "{}", json.result);
        }
    }
}

#[test]
fn assess_carries_the_applied_evidence_and_its_release() {
    // Wired: `assess` computes the same entries as `applicable_to` on its own treatment result,
    // and the content version names the evidence release and date.
    for case in [
        stage_i(),
        stage_iiia(),
        recurrent_no_prior(Site::Peritoneal),
    ] {
        let assessment = assess(&case, tables());
        assert_eq!(
            assessment.newer_evidence,
            applicable_to(&case, &assessment.treatment, table())
        );
    }
    assert_eq!(ids(&assess(&stage_i(), tables()).newer_evidence), ["mars2"]);
    let a = assess(&stage_iiia(), tables());
    assert!(
        a.provenance
            .content
            .ends_with(&format!("; {}", table().content_version())),
        "{}",
        a.provenance.content
    );
    // One table: the embedded evidence table is the one loaded with the clinical tables.
    assert!(std::ptr::eq(table(), &tables().evidence));
}
