import BorderModel

/// The sample situation's reference data, as the TOML files `bordermon init` writes.
enum SampleReference {
  /// `situation.toml`: the title and what the sample is.
  static let situationTOML: String = #"""
    # The situation this data directory describes.
    title = "Kyrgyzstan–Tajikistan border"
    # This is the bundled sample: a real record with illustrative parts, each marked.
    sample = true
    description = "The real record of the Kyrgyzstan–Tajikistan border talks up to May 2024, when about 800 of 975 km had been agreed (Times of Central Asia, on the CSTO Secretary General's interview), then illustrative events around the day this directory was created. The 2025 treaty is not folded in; per-segment lengths are illustrative."

    """#

  /// `segments.toml`: 50 segments west to east; lengths illustrative, summing to 975 km.
  static let segmentsTOML: String = #"""
    # Segments of the Kyrgyzstan–Tajikistan line, west to east, in six sectors.
    #
    # HONESTY NOTE: public sources give only totals (975 km previously disputed, about
    # 800 km agreed by May 2024). Every segment's length, extent and end points here are
    # ILLUSTRATIVE, chosen so that the journal's agreement history adds up to the real
    # totals: 519.90 km described before 2011, 664.00 km by 2022, then the km of each
    # 2023–24 working-group round (801.50 km after March 2024). Place names and the
    # border-point ranges are real (Latin and Cyrillic as found in public reporting;
    # where a Cyrillic form was not found it is left out). Descriptive names such as
    # "Turkestan ridge, Leilek section 2", and some pairings of Kyrgyz and Tajik
    # districts, are illustrative: each record's `illustrative` line says which.
    #
    # status and level are the baseline as of December 2002, before the journal.
    # Levels: 1 stable, 2 relatively stable, 3 tense, 4 armed incident, 5 escalation.
    # Homonyms (Dostuk, Kok-Tash, Bulak-Bashy) exist in more than one district: the
    # records carry the district.


    # ===== A — Isfara valley & Vorukh: Batken district (KG) facing Isfara (TJ). Short, dense, contested.

    # Journal: described 2003–2010 (per-segment date illustrative).
    [[segment]]
    id = "A-01"
    name = "Isfara valley, western approach"
    sector = "isfara-vorukh"
    length_km = 14.20
    status = "under-negotiation"
    level = 1
    level_reason = "stable: no reported friction"
    features = []
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Golovnoy water distribution point at Kok-Tash (Batken district), feeding the Tortkul reservoir.
    # Journal: still unagreed at the end of the journal.
    [[segment]]
    id = "A-02"
    name = "Golovnoy water point"
    name_cyrillic = "Головной"
    sector = "isfara-vorukh"
    length_km = 5.90
    status = "disputed"
    level = 2
    level_reason = "relatively stable: shared intake on the Ak-Suu/Isfara river, use disputed"
    features = ["water", "road"]
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    # west: Kok-Tash / Golovnoy, 39°56′59″N 70°32′09″E (domain notes); the east end is not given
    west = [39.9497, 70.5358]
    settlements = [{ name = "Kok-Tash", cyrillic = "Кёк-Таш", side = "KG" }]
    illustrative = "length and extent illustrative; names from public reporting"

    # Journal: described at the Batken round, 3–7 Oct 2023.
    [[segment]]
    id = "A-03"
    name = "Tortkul reservoir"
    name_cyrillic = "Торткульское водохранилище"
    sector = "isfara-vorukh"
    length_km = 12.20
    status = "disputed"
    level = 2
    level_reason = "relatively stable: canal and reservoir use"
    features = ["water"]
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    illustrative = "length and extent illustrative; names from public reporting"

    # Kok-Tash is a homonym: this one is in Batken district.
    # Journal: still unagreed at the end of the journal.
    [[segment]]
    id = "A-04"
    name = "Kok-Tash – Ak-Sai road (Batken district)"
    sector = "isfara-vorukh"
    length_km = 8.30
    status = "disputed"
    level = 2
    level_reason = "relatively stable: road around Vorukh and a Kyrgyz water intake"
    features = ["road", "water"]
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    settlements = [{ name = "Kok-Tash", cyrillic = "Кёк-Таш", side = "KG" }, { name = "Ak-Sai", cyrillic = "Ак-Сай", side = "KG" }]
    illustrative = "length and extent illustrative; names from public reporting"

    # Journal: still unagreed at the end of the journal.
    [[segment]]
    id = "A-05"
    name = "Ak-Sai"
    name_cyrillic = "Ак-Сай"
    sector = "isfara-vorukh"
    length_km = 7.60
    status = "disputed"
    level = 2
    level_reason = "relatively stable: roads and fields interleaved with Vorukh"
    features = ["road"]
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    settlements = [{ name = "Ak-Sai", cyrillic = "Ак-Сай", side = "KG" }, { name = "Vorukh", cyrillic = "Ворух", side = "TJ" }]
    illustrative = "length and extent illustrative; names from public reporting"

    # Given neutral status under the 2025 treaty (not folded into this sample).
    # Journal: still unagreed at the end of the journal.
    [[segment]]
    id = "A-06"
    name = "Tort-Kocho crossroads"
    name_cyrillic = "Төрт-Көчө"
    sector = "isfara-vorukh"
    length_km = 3.90
    status = "disputed"
    level = 2
    level_reason = "relatively stable: crossroads used by both sides"
    features = ["road"]
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    settlements = [{ name = "Ak-Sai", cyrillic = "Ак-Сай", side = "KG" }, { name = "Khojai Alo", side = "TJ" }]
    illustrative = "length and extent illustrative; names from public reporting"

    # Journal: still unagreed at the end of the journal.
    [[segment]]
    id = "A-07"
    name = "Khojai Alo"
    sector = "isfara-vorukh"
    length_km = 9.40
    status = "disputed"
    level = 2
    level_reason = "relatively stable: road between Khojai Alo and Somoniyon crosses the line"
    features = ["road"]
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    settlements = [{ name = "Khojai Alo", side = "TJ" }, { name = "Ak-Sai", cyrillic = "Ак-Сай", side = "KG" }]
    illustrative = "length and extent illustrative; names from public reporting"

    # Tajik enclave of Isfara district inside Batken district; it stays Tajik under the 2025 treaty.
    # Journal: still unagreed at the end of the journal.
    [[segment]]
    id = "A-08"
    name = "Vorukh enclave"
    name_cyrillic = "Ворух"
    sector = "isfara-vorukh"
    length_km = 26.00
    status = "disputed"
    level = 2
    level_reason = "relatively stable: enclave access roads and water"
    features = ["enclave", "road", "water"]
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    # west: approximate position of Vorukh, ~39°51′N 70°35′E (domain notes), not a surveyed line end
    west = [39.85, 70.5833]
    settlements = [{ name = "Vorukh", cyrillic = "Ворух", side = "TJ" }, { name = "Ak-Sai", cyrillic = "Ак-Сай", side = "KG" }]
    illustrative = "length and extent illustrative; names from public reporting"

    # Journal: still unagreed at the end of the journal.
    [[segment]]
    id = "A-09"
    name = "Somoniyon"
    sector = "isfara-vorukh"
    length_km = 7.50
    status = "disputed"
    level = 2
    level_reason = "relatively stable: fields and roads near Kok-Tash"
    features = ["road"]
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    settlements = [{ name = "Somoniyon", side = "TJ" }, { name = "Kok-Tash", cyrillic = "Кёк-Таш", side = "KG" }]
    illustrative = "length and extent illustrative; names from public reporting"

    # ===== B — Batken: Batken district (KG) facing Isfara (TJ).

    # Dostuk is a homonym: this one is in Batken district (transferred to Tajikistan under the 2025 treaty).
    # Journal: still unagreed at the end of the journal.
    [[segment]]
    id = "B-01"
    name = "Dostuk (Batken district)"
    sector = "batken"
    length_km = 12.40
    status = "disputed"
    level = 2
    level_reason = "relatively stable: village and border post on an undescribed stretch"
    features = ["road"]
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    settlements = [{ name = "Dostuk", side = "KG" }]
    illustrative = "length and extent illustrative; names from public reporting"

    # Bulak-Bashy is a homonym: this is the locality in Batken district where the September 2022 fighting began (TASS, 14 Sep 2022).
    # Journal: still unagreed at the end of the journal.
    [[segment]]
    id = "B-02"
    name = "Bulak-Bashy (Batken district)"
    sector = "batken"
    length_km = 14.20
    status = "disputed"
    level = 2
    level_reason = "relatively stable: undescribed stretch with border posts close together"
    features = []
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    illustrative = "length and extent illustrative; names from public reporting"

    # Kyzyl-Bel (KG) faces Guliston (TJ).
    # Journal: described at the Buston round, 11–18 Feb 2024.
    [[segment]]
    id = "B-03"
    name = "Kyzyl-Bel checkpoint"
    name_cyrillic = "Кызыл-Бель"
    sector = "batken"
    length_km = 1.11
    status = "disputed"
    level = 1
    level_reason = "stable: checkpoint operating"
    features = ["checkpoint", "road"]
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    illustrative = "length and extent illustrative; names from public reporting"

    # Journal: described at the Batken round, 3–7 Oct 2023.
    [[segment]]
    id = "B-04"
    name = "Batken foothills, west"
    sector = "batken"
    length_km = 17.60
    status = "disputed"
    level = 1
    level_reason = "stable: pasture"
    features = []
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Journal: described 2021–2022 (per-segment date illustrative).
    [[segment]]
    id = "B-05"
    # points: real range: draft line from border point No. 43 to No. 61 agreed in 2021 (24.kg); placement on this segment illustrative
    points = "BP No. 43–61"
    name = "Batken foothills, central"
    sector = "batken"
    length_km = 18.30
    status = "under-negotiation"
    level = 1
    level_reason = "stable: pasture"
    features = []
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Journal: described at the Batken round, 3–7 Oct 2023.
    [[segment]]
    id = "B-06"
    name = "Batken plain, irrigation canals"
    sector = "batken"
    length_km = 13.52
    status = "disputed"
    level = 2
    level_reason = "relatively stable: canal water shared"
    features = ["water"]
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Journal: described at the Batken round, 10–16 Jan 2024.
    [[segment]]
    id = "B-07"
    name = "Batken plain, east"
    sector = "batken"
    length_km = 14.10
    status = "disputed"
    level = 1
    level_reason = "stable"
    features = []
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Journal: described at the Batken round, 10–16 Jan 2024.
    [[segment]]
    id = "B-08"
    name = "Batken uplands, west"
    sector = "batken"
    length_km = 11.25
    status = "disputed"
    level = 1
    level_reason = "stable"
    features = []
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Journal: described at the Batken round, 10–16 Jan 2024.
    [[segment]]
    id = "B-09"
    name = "Batken uplands, east"
    sector = "batken"
    length_km = 13.00
    status = "disputed"
    level = 1
    level_reason = "stable"
    features = []
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # ===== C — Leilek lowlands: Leilek district (KG) facing B. Gafurov, Jabbor Rasulov and Isfara (TJ).

    # Kairagach / Western Qalacha enclave (Leilek district), transferred to Kyrgyzstan under the 2025 treaty (not folded in).
    # Journal: still unagreed at the end of the journal.
    [[segment]]
    id = "C-01"
    name = "Kairagach"
    name_cyrillic = "Кайрагач"
    sector = "leilek"
    length_km = 9.80
    status = "disputed"
    level = 2
    level_reason = "relatively stable: enclave and checkpoint"
    features = ["enclave", "checkpoint", "road"]
    kg_district = { name = "Leilek", cyrillic = "Лейлекский", region = "Batken oblast" }
    tj_district = { name = "Bobojon Gafurov", cyrillic = "Бободжонгафуровский", region = "Sughd" }
    settlements = [{ name = "Kairagach", cyrillic = "Кайрагач", side = "KG" }]
    illustrative = "length and extent illustrative; names from public reporting; Tajik district pairing illustrative"

    # Journal: still unagreed at the end of the journal.
    [[segment]]
    id = "C-02"
    name = "Kulundu"
    name_cyrillic = "Кулунду"
    sector = "leilek"
    length_km = 8.70
    status = "disputed"
    level = 2
    level_reason = "relatively stable: checkpoint, canals and roads"
    features = ["checkpoint", "road", "water"]
    kg_district = { name = "Leilek", cyrillic = "Лейлекский", region = "Batken oblast" }
    tj_district = { name = "Bobojon Gafurov", cyrillic = "Бободжонгафуровский", region = "Sughd" }
    settlements = [{ name = "Kulundu", cyrillic = "Кулунду", side = "KG" }, { name = "Ovchi-Kalacha", cyrillic = "Овчи-Калача", side = "TJ" }]
    illustrative = "length and extent illustrative; names from public reporting"

    # Journal: still unagreed at the end of the journal.
    [[segment]]
    id = "C-03"
    name = "Maksat / Ovchi-Kalacha"
    sector = "leilek"
    length_km = 11.30
    status = "disputed"
    level = 2
    level_reason = "relatively stable: water and construction disputes"
    features = ["water", "road"]
    kg_district = { name = "Leilek", cyrillic = "Лейлекский", region = "Batken oblast" }
    tj_district = { name = "Bobojon Gafurov", cyrillic = "Бободжонгафуровский", region = "Sughd" }
    settlements = [{ name = "Maksat", side = "KG" }, { name = "Ovchi-Kalacha", cyrillic = "Овчи-Калача", side = "TJ" }]
    illustrative = "length and extent illustrative; names from public reporting"

    # Journal: described at the Batken round, 30 Jan–5 Feb 2024.
    [[segment]]
    id = "C-04"
    name = "Borborduk"
    sector = "leilek"
    length_km = 3.71
    status = "disputed"
    level = 2
    level_reason = "relatively stable: faces Ovchi-Kalacha"
    features = []
    kg_district = { name = "Leilek", cyrillic = "Лейлекский", region = "Batken oblast" }
    tj_district = { name = "Bobojon Gafurov", cyrillic = "Бободжонгафуровский", region = "Sughd" }
    settlements = [{ name = "Borborduk", side = "KG" }, { name = "Ovchi-Kalacha", cyrillic = "Овчи-Калача", side = "TJ" }]
    illustrative = "length and extent illustrative; names from public reporting"

    # Journal: described at the Buston round, 17–23 Dec 2023.
    [[segment]]
    id = "C-05"
    name = "Sai"
    sector = "leilek"
    length_km = 11.88
    status = "disputed"
    level = 2
    level_reason = "relatively stable: canal crossings"
    features = ["water"]
    kg_district = { name = "Leilek", cyrillic = "Лейлекский", region = "Batken oblast" }
    tj_district = { name = "Jabbor Rasulov", region = "Sughd" }
    settlements = [{ name = "Sai", side = "KG" }]
    illustrative = "length and extent illustrative; names from public reporting; Tajik district pairing illustrative"

    # Journal: described at the Buston round, 12–17 Mar 2024.
    [[segment]]
    id = "C-06"
    name = "Internatsional"
    sector = "leilek"
    length_km = 10.76
    status = "disputed"
    level = 1
    level_reason = "stable"
    features = []
    kg_district = { name = "Leilek", cyrillic = "Лейлекский", region = "Batken oblast" }
    tj_district = { name = "Jabbor Rasulov", region = "Sughd" }
    settlements = [{ name = "Internatsional", side = "KG" }]
    illustrative = "length and extent illustrative; names from public reporting; Tajik district pairing illustrative"

    # Journal: described at the Batken round, 24–29 Mar 2024.
    [[segment]]
    id = "C-07"
    name = "Arka"
    sector = "leilek"
    length_km = 14.90
    status = "disputed"
    level = 2
    level_reason = "relatively stable: houses close to the line"
    features = ["road"]
    kg_district = { name = "Leilek", cyrillic = "Лейлекский", region = "Batken oblast" }
    tj_district = { name = "Jabbor Rasulov", region = "Sughd" }
    settlements = [{ name = "Arka", side = "KG" }]
    illustrative = "length and extent illustrative; names from public reporting; Tajik district pairing illustrative"

    # Journal: described at the Batken round, 24–29 Mar 2024.
    [[segment]]
    id = "C-08"
    name = "Leilek lowlands, east"
    sector = "leilek"
    length_km = 13.47
    status = "disputed"
    level = 1
    level_reason = "stable"
    features = []
    kg_district = { name = "Leilek", cyrillic = "Лейлекский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Journal: described 2021–2022 (per-segment date illustrative).
    [[segment]]
    id = "C-09"
    name = "Leilek foothills"
    sector = "leilek"
    length_km = 21.90
    status = "under-negotiation"
    level = 1
    level_reason = "stable"
    features = []
    kg_district = { name = "Leilek", cyrillic = "Лейлекский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # ===== D — Turkestan ridge: Leilek and Batken districts (KG) facing Kuhistoni Mastchoh and Isfara (TJ). Long and calm.

    # Journal: described 2003–2010 (per-segment date illustrative).
    [[segment]]
    id = "D-01"
    name = "Turkestan ridge, Leilek section 1"
    sector = "turkestan"
    length_km = 31.50
    status = "under-negotiation"
    level = 1
    level_reason = "stable: high mountain, seasonal pasture"
    features = []
    kg_district = { name = "Leilek", cyrillic = "Лейлекский", region = "Batken oblast" }
    tj_district = { name = "Kuhistoni Mastchoh", region = "Sughd" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Journal: described 2003–2010 (per-segment date illustrative).
    [[segment]]
    id = "D-02"
    name = "Turkestan ridge, Leilek section 2"
    sector = "turkestan"
    length_km = 28.40
    status = "under-negotiation"
    level = 1
    level_reason = "stable: high mountain, seasonal pasture"
    features = []
    kg_district = { name = "Leilek", cyrillic = "Лейлекский", region = "Batken oblast" }
    tj_district = { name = "Kuhistoni Mastchoh", region = "Sughd" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Journal: described 2003–2010 (per-segment date illustrative).
    [[segment]]
    id = "D-03"
    name = "Turkestan ridge, Leilek section 3"
    sector = "turkestan"
    length_km = 33.20
    status = "under-negotiation"
    level = 1
    level_reason = "stable: high mountain, seasonal pasture"
    features = []
    kg_district = { name = "Leilek", cyrillic = "Лейлекский", region = "Batken oblast" }
    tj_district = { name = "Kuhistoni Mastchoh", region = "Sughd" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Journal: described 2003–2010 (per-segment date illustrative).
    [[segment]]
    id = "D-04"
    name = "Turkestan ridge, Leilek section 4"
    sector = "turkestan"
    length_km = 27.60
    status = "under-negotiation"
    level = 1
    level_reason = "stable: high mountain, seasonal pasture"
    features = []
    kg_district = { name = "Leilek", cyrillic = "Лейлекский", region = "Batken oblast" }
    tj_district = { name = "Kuhistoni Mastchoh", region = "Sughd" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Journal: described 2003–2010 (per-segment date illustrative).
    [[segment]]
    id = "D-05"
    name = "Turkestan ridge, Batken section 1"
    sector = "turkestan"
    length_km = 30.80
    status = "under-negotiation"
    level = 1
    level_reason = "stable: high mountain, seasonal pasture"
    features = []
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Kuhistoni Mastchoh", region = "Sughd" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Journal: described 2003–2010 (per-segment date illustrative).
    [[segment]]
    id = "D-06"
    name = "Turkestan ridge, Batken section 2"
    sector = "turkestan"
    length_km = 26.90
    status = "under-negotiation"
    level = 1
    level_reason = "stable: high mountain, seasonal pasture"
    features = []
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Kuhistoni Mastchoh", region = "Sughd" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Journal: described 2003–2010 (per-segment date illustrative).
    [[segment]]
    id = "D-07"
    name = "Turkestan ridge, Batken section 3"
    sector = "turkestan"
    length_km = 29.70
    status = "under-negotiation"
    level = 1
    level_reason = "stable: high mountain, seasonal pasture"
    features = []
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Kuhistoni Mastchoh", region = "Sughd" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Journal: described 2003–2010 (per-segment date illustrative).
    [[segment]]
    id = "D-08"
    name = "Turkestan ridge, Batken section 4"
    sector = "turkestan"
    length_km = 24.30
    status = "under-negotiation"
    level = 1
    level_reason = "stable: high mountain, seasonal pasture"
    features = []
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Journal: described 2003–2010 (per-segment date illustrative).
    [[segment]]
    id = "D-09"
    name = "Turkestan ridge, Batken section 5"
    sector = "turkestan"
    length_km = 28.10
    status = "under-negotiation"
    level = 1
    level_reason = "stable: high mountain, seasonal pasture"
    features = []
    kg_district = { name = "Batken", cyrillic = "Баткенский", region = "Batken oblast" }
    tj_district = { name = "Isfara", cyrillic = "Исфара", region = "Sughd" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # ===== E — Chon-Alai / Lakhsh: Chon-Alai district, Osh oblast (KG) facing Lakhsh (TJ).

    # Journal: described 2003–2010 (per-segment date illustrative).
    [[segment]]
    id = "E-01"
    name = "Chon-Alai / Lakhsh, west section"
    sector = "chon-alai"
    length_km = 24.30
    status = "under-negotiation"
    level = 1
    level_reason = "stable: high valley pasture"
    features = []
    kg_district = { name = "Chon-Alai", cyrillic = "Чоң-Алай", region = "Osh oblast" }
    tj_district = { name = "Lakhsh", cyrillic = "Лахшский", region = "Districts of Republican Subordination" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Journal: still unagreed at the end of the journal.
    [[segment]]
    id = "E-02"
    name = "Unzhu-Bulak"
    sector = "chon-alai"
    length_km = 17.50
    status = "disputed"
    level = 2
    level_reason = "relatively stable: pasture use disputed"
    features = []
    kg_district = { name = "Chon-Alai", cyrillic = "Чоң-Алай", region = "Osh oblast" }
    tj_district = { name = "Lakhsh", cyrillic = "Лахшский", region = "Districts of Republican Subordination" }
    illustrative = "length and extent illustrative; names from public reporting"

    # Journal: described 2021–2022 (per-segment date illustrative).
    [[segment]]
    id = "E-03"
    name = "Chon-Alai / Lakhsh, section 3"
    sector = "chon-alai"
    length_km = 34.60
    status = "under-negotiation"
    level = 1
    level_reason = "stable"
    features = []
    kg_district = { name = "Chon-Alai", cyrillic = "Чоң-Алай", region = "Osh oblast" }
    tj_district = { name = "Lakhsh", cyrillic = "Лахшский", region = "Districts of Republican Subordination" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Karamyk checkpoint; the Tajik crossing opposite is given as Tojvaron by one source only.
    # Journal: still unagreed at the end of the journal.
    [[segment]]
    id = "E-04"
    # points: real range: "PT No. 12/2 – 12/9, section Karamyk" (domain notes)
    points = "PT 12/2–12/9"
    name = "Karamyk"
    name_cyrillic = "Карамык"
    sector = "chon-alai"
    length_km = 31.00
    status = "disputed"
    level = 1
    level_reason = "stable: checkpoint and road"
    features = ["checkpoint", "road"]
    kg_district = { name = "Chon-Alai", cyrillic = "Чоң-Алай", region = "Osh oblast" }
    tj_district = { name = "Lakhsh", cyrillic = "Лахшский", region = "Districts of Republican Subordination" }
    settlements = [{ name = "Karamyk", cyrillic = "Карамык", side = "KG" }]
    illustrative = "length and extent illustrative; names from public reporting"

    # Journal: described 2021–2022 (per-segment date illustrative).
    [[segment]]
    id = "E-05"
    # points: real range: draft line from border point No. 135 to No. 141 agreed in 2021 (24.kg); placement on this segment illustrative
    points = "BP No. 135–141"
    name = "Chon-Alai / Lakhsh, section 5"
    sector = "chon-alai"
    length_km = 36.10
    status = "under-negotiation"
    level = 1
    level_reason = "stable"
    features = []
    kg_district = { name = "Chon-Alai", cyrillic = "Чоң-Алай", region = "Osh oblast" }
    tj_district = { name = "Lakhsh", cyrillic = "Лахшский", region = "Districts of Republican Subordination" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Journal: described 2021–2022 (per-segment date illustrative).
    [[segment]]
    id = "E-06"
    name = "Chon-Alai / Lakhsh, section 6"
    sector = "chon-alai"
    length_km = 33.20
    status = "under-negotiation"
    level = 1
    level_reason = "stable"
    features = []
    kg_district = { name = "Chon-Alai", cyrillic = "Чоң-Алай", region = "Osh oblast" }
    tj_district = { name = "Lakhsh", cyrillic = "Лахшский", region = "Districts of Republican Subordination" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Journal: described 2003–2010 (per-segment date illustrative).
    [[segment]]
    id = "E-07"
    name = "Chon-Alai / Lakhsh, section 7"
    sector = "chon-alai"
    length_km = 21.60
    status = "under-negotiation"
    level = 1
    level_reason = "stable"
    features = []
    kg_district = { name = "Chon-Alai", cyrillic = "Чоң-Алай", region = "Osh oblast" }
    tj_district = { name = "Lakhsh", cyrillic = "Лахшский", region = "Districts of Republican Subordination" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Journal: described 2003–2010 (per-segment date illustrative).
    [[segment]]
    id = "E-08"
    name = "Chon-Alai / Lakhsh, east section"
    sector = "chon-alai"
    length_km = 19.80
    status = "under-negotiation"
    level = 1
    level_reason = "stable"
    features = []
    kg_district = { name = "Chon-Alai", cyrillic = "Чоң-Алай", region = "Osh oblast" }
    tj_district = { name = "Lakhsh", cyrillic = "Лахшский", region = "Districts of Republican Subordination" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # ===== F — Trans-Alay / Murghob: Chon-Alai district (KG) facing Murghob, Gorno-Badakhshan (TJ). Long and calm.

    # Journal: described 2003–2010 (per-segment date illustrative).
    [[segment]]
    id = "F-01"
    name = "Trans-Alay ridge, section 1"
    sector = "trans-alay"
    length_km = 34.60
    status = "under-negotiation"
    level = 1
    level_reason = "stable: high mountain"
    features = []
    kg_district = { name = "Chon-Alai", cyrillic = "Чоң-Алай", region = "Osh oblast" }
    tj_district = { name = "Murghob", cyrillic = "Мурғоб", region = "Gorno-Badakhshan" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Journal: described 2003–2010 (per-segment date illustrative).
    [[segment]]
    id = "F-02"
    name = "Trans-Alay ridge, section 2"
    sector = "trans-alay"
    length_km = 29.80
    status = "under-negotiation"
    level = 1
    level_reason = "stable: high mountain"
    features = []
    kg_district = { name = "Chon-Alai", cyrillic = "Чоң-Алай", region = "Osh oblast" }
    tj_district = { name = "Murghob", cyrillic = "Мурғоб", region = "Gorno-Badakhshan" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Bor-Dobo checkpoint (KG) below the Kyzyl-Art pass (TJ side), 4,280 m.
    # Journal: described 2003–2010 (per-segment date illustrative).
    [[segment]]
    id = "F-03"
    name = "Kyzyl-Art pass (Bor-Dobo)"
    sector = "trans-alay"
    length_km = 31.40
    status = "under-negotiation"
    level = 1
    level_reason = "stable: checkpoint on the pass road, 4,280 m"
    features = ["checkpoint", "road"]
    kg_district = { name = "Chon-Alai", cyrillic = "Чоң-Алай", region = "Osh oblast" }
    tj_district = { name = "Murghob", cyrillic = "Мурғоб", region = "Gorno-Badakhshan" }
    settlements = [{ name = "Bor-Dobo", cyrillic = "Бор-Добо", side = "KG" }]
    illustrative = "length and extent illustrative; names from public reporting"

    # Journal: described 2003–2010 (per-segment date illustrative).
    [[segment]]
    id = "F-04"
    name = "Trans-Alay ridge, section 4"
    sector = "trans-alay"
    length_km = 27.20
    status = "under-negotiation"
    level = 1
    level_reason = "stable: high mountain"
    features = []
    kg_district = { name = "Chon-Alai", cyrillic = "Чоң-Алай", region = "Osh oblast" }
    tj_district = { name = "Murghob", cyrillic = "Мурғоб", region = "Gorno-Badakhshan" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Journal: described 2003–2010 (per-segment date illustrative).
    [[segment]]
    id = "F-05"
    name = "Trans-Alay ridge, section 5"
    sector = "trans-alay"
    length_km = 30.50
    status = "under-negotiation"
    level = 1
    level_reason = "stable: high mountain"
    features = []
    kg_district = { name = "Chon-Alai", cyrillic = "Чоң-Алай", region = "Osh oblast" }
    tj_district = { name = "Murghob", cyrillic = "Мурғоб", region = "Gorno-Badakhshan" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    # Journal: described 2003–2010 (per-segment date illustrative).
    [[segment]]
    id = "F-06"
    name = "Trans-Alay ridge, section 6"
    sector = "trans-alay"
    length_km = 26.00
    status = "under-negotiation"
    level = 1
    level_reason = "stable: high mountain"
    features = []
    kg_district = { name = "Chon-Alai", cyrillic = "Чоң-Алай", region = "Osh oblast" }
    tj_district = { name = "Murghob", cyrillic = "Мурғоб", region = "Gorno-Badakhshan" }
    illustrative = "descriptive name; length, extent and district pairing illustrative"

    """#

  /// `checkpoints.toml`: the five road checkpoints, open before the journal closes them.
  static let checkpointsTOML: String = #"""
    # The five road checkpoints on the Kyrgyz–Tajik border: Kyrgyz name and district,
    # with the Tajik crossing opposite where public reporting names it.
    #
    # status is the baseline before the journal: all open. The journal closes all five
    # on 21 May 2021. Their reopening (Kyzyl-Bel and Kairagach on 13 Mar 2025, Karamyk
    # and Bor-Dobo on 8 Jul 2025; Kulundu not found) lies after this sample's record and
    # is not folded in. No `since` is given: no source for the opening dates was found.

    [[checkpoint]]
    id = "kyzyl-bel"
    name = "Kyzyl-Bel"
    cyrillic = "Кызыл-Бель"
    category = "international"
    district = { name = "Batken", cyrillic = "Баткенский" }
    counterpart = { name = "Guliston", cyrillic = "Гулистон" }
    status = "open"
    source = "24.kg, 28 May 2021 (the five road checkpoints); district, category and counterpart: public reporting, as compiled in the project's domain notes"

    [[checkpoint]]
    id = "kairagach"
    name = "Kairagach"
    cyrillic = "Кайрагач"
    category = "bilateral"
    district = { name = "Leilek", cyrillic = "Лейлекский" }
    # counterpart: not found in public reporting
    status = "open"
    note = "Orda.kz (Mar 2025) lists it under Batken district; the domain notes give Leilek district."
    source = "24.kg, 28 May 2021 (the five road checkpoints); district and category: public reporting, as compiled in the project's domain notes"

    [[checkpoint]]
    id = "kulundu"
    name = "Kulundu"
    cyrillic = "Кулунду"
    district = { name = "Leilek", cyrillic = "Лейлекский" }
    counterpart = { name = "Ovchi-Kalacha", cyrillic = "Овчи-Калача" }
    status = "open"
    source = "24.kg, 28 May 2021 (the five road checkpoints); district and counterpart: public reporting, as compiled in the project's domain notes"

    [[checkpoint]]
    id = "karamyk"
    name = "Karamyk"
    cyrillic = "Карамык"
    district = { name = "Chon-Alai", cyrillic = "Чоң-Алай" }
    counterpart = { name = "Tojvaron" }
    status = "open"
    note = "The Tajik counterpart Tojvaron is named by one source only."
    source = "24.kg, 28 May 2021 (the five road checkpoints); district and counterpart: public reporting, as compiled in the project's domain notes"

    [[checkpoint]]
    id = "bor-dobo"
    name = "Bor-Dobo"
    cyrillic = "Бор-Добо"
    district = { name = "Chon-Alai", cyrillic = "Чоң-Алай" }
    counterpart = { name = "Kyzyl-Art pass" }
    status = "open"
    note = "On the road over the Kyzyl-Art pass, 4,280 m."
    source = "24.kg, 28 May 2021 (the five road checkpoints); district and counterpart: public reporting, as compiled in the project's domain notes"

    """#

  /// `meetings.toml`: upcoming illustrative meetings, placed in whole UTC hours after `now`.
  static func meetingsTOML(now: Timestamp) -> String {
    let seconds = now.epochSeconds
    let today = Timestamp(epochSeconds: seconds - ((seconds % 86_400) + 86_400) % 86_400)
    /// The time `days` after today's UTC midnight, at `hour`:00Z, as a TOML offset datetime.
    func at(_ days: Int64, _ hour: Int64) -> String {
      RFC3339.format(today.adding(seconds: days * 86_400 + hour * 3_600))
    }
    let placed = "placed relative to the day the data directory was created"
    return #"""
      # Upcoming meetings. ALL ILLUSTRATIVE: placed relative to the day this data
      # directory was created (times in UTC; 04:00Z is 10:00 in Bishkek and Batken,
      # 09:00 in Dushanbe and Isfara). The agendas list segments still unagreed at the
      # end of the journal. Past and current rounds are in the journal.

      [[meeting]]
      id = "M-GOVERNORS-NEXT"
      kind = "governors"
      venue = "Kyzyl-Bel / Guliston checkpoint"
      venue_cyrillic = "Кызыл-Бель / Гулистон"
      host = "KG"
      start = \#(at(3, 4))
      end = \#(at(3, 10))
      agenda = ["A-02", "A-05", "A-06", "B-01"]
      status = "scheduled"
      note = "Batken and Sughd governors: water at Golovnoy, the Tort-Kocho road, local grazing."
      illustrative = "\#(placed)"

      [[meeting]]
      id = "M-BORDER-SVC-NEXT"
      kind = "border-services"
      venue = "Batken"
      venue_cyrillic = "Баткен"
      host = "KG"
      start = \#(at(6, 5))
      end = \#(at(6, 11))
      agenda = ["A-05", "C-02", "E-04"]
      status = "scheduled"
      note = "Heads of the two border services' regional departments: recent incidents at Ak-Sai, Kulundu and Karamyk."
      illustrative = "\#(placed)"

      [[meeting]]
      id = "M-LEGAL-NEXT"
      kind = "legal-wg"
      venue = "Isfara"
      venue_cyrillic = "Исфара"
      host = "TJ"
      start = \#(at(9, 4))
      end = \#(at(13, 12))
      agenda = ["A-02", "A-04", "A-05", "A-06", "A-07", "A-08", "A-09", "B-01", "B-02", "C-01", "C-02", "C-03", "E-02", "E-04"]
      status = "scheduled"
      note = "Legal working group: wording for the remaining sections, access roads and water use."
      illustrative = "\#(placed)"

      [[meeting]]
      id = "M-TOPO-FOLLOWUP"
      kind = "topographic-wg"
      venue = "Buston"
      venue_cyrillic = "Бустон"
      host = "TJ"
      start = \#(at(16, 4))
      end = \#(at(21, 12))
      agenda = ["A-02", "A-06", "A-08", "C-01", "C-03", "E-02", "E-04"]
      status = "scheduled"
      note = "Next topographic round, hosted by the other side after the Batken round now in session."
      illustrative = "\#(placed)"

      [[meeting]]
      id = "M-COCHAIRS-NEXT"
      kind = "co-chairs"
      venue = "Bishkek"
      venue_cyrillic = "Бишкек"
      host = "KG"
      start = \#(at(24, 4))
      end = \#(at(25, 12))
      agenda = ["A-02", "A-04", "A-05", "A-06", "A-07", "A-08", "A-09", "B-01", "B-02", "C-01", "C-02", "C-03", "E-02", "E-04"]
      status = "scheduled"
      note = "Co-chairs of the government delegations (heads of the security services); roles, not names."
      illustrative = "\#(placed)"

      """#
  }
}
