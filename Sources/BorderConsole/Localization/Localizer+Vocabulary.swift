import BorderModel

/// The domain's words (statuses, levels, bodies, sectors) and its names, in the interface's language.
extension Localizer {
  /// A place name as this language reads it first: in Russian the Cyrillic form where there is one.
  public func name(_ name: PlaceName) -> String {
    guard language == .russian, let cyrillic = name.cyrillic, !cyrillic.isEmpty else { return name.latin }
    return cyrillic
  }

  /// A place name in both scripts, this language's first: `Latin (Кириллица)` or `Кириллица (Latin)`.
  public func bothScripts(_ name: PlaceName) -> String {
    guard language == .russian, let cyrillic = name.cyrillic, !cyrillic.isEmpty, cyrillic != name.latin else {
      return name.bothScripts
    }
    return "\(cyrillic) (\(name.latin))"
  }

  /// A demarcation status, in full.
  public func status(_ status: DemarcationStatus) -> String {
    switch status {
    case .disputed: return tr("disputed", context: "status")
    case .underNegotiation: return tr("under negotiation", context: "status")
    case .described: return tr("described/agreed", context: "status")
    case .delimited: return tr("delimited", context: "status")
    case .demarcationInProgress: return tr("demarcating", context: "status")
    case .demarcated: return tr("demarcated", context: "status")
    }
  }

  /// A demarcation status for narrow columns.
  public func shortStatus(_ status: DemarcationStatus) -> String {
    switch status {
    case .disputed: return tr("disputed", context: "status, short")
    case .underNegotiation: return tr("negotiating", context: "status, short")
    case .described: return tr("agreed", context: "status, short")
    case .delimited: return tr("delimited", context: "status, short")
    case .demarcationInProgress: return tr("demarcating", context: "status, short")
    case .demarcated: return tr("demarcated", context: "status, short")
    }
  }

  /// An alert level's word, in full.
  public func level(_ level: AlertLevel) -> String {
    switch level {
    case .stable: return tr("stable", context: "level")
    case .relativelyStable: return tr("relatively stable", context: "level")
    case .tense: return tr("tense", context: "level")
    case .armedIncident: return tr("armed incident", context: "level")
    case .escalation: return tr("escalation", context: "level")
    }
  }

  /// An alert level's word for narrow columns.
  public func shortLevel(_ level: AlertLevel) -> String {
    switch level {
    case .stable: return tr("stable", context: "level, short")
    case .relativelyStable: return tr("rel.stable", context: "level, short")
    case .tense: return tr("tense", context: "level, short")
    case .armedIncident: return tr("armed", context: "level, short")
    case .escalation: return tr("escalation", context: "level, short")
    }
  }

  /// A sector's name, in full.
  public func sector(_ sector: Sector) -> String {
    switch sector {
    case .isfaraVorukh: return tr("Isfara valley & Vorukh", context: "sector")
    case .batken: return tr("Batken", context: "sector")
    case .leilek: return tr("Leilek lowlands", context: "sector")
    case .turkestan: return tr("Turkestan ridge", context: "sector")
    case .chonAlai: return tr("Chon-Alai / Lakhsh", context: "sector")
    case .transAlay: return tr("Trans-Alay / Murghob", context: "sector")
    }
  }

  /// A sector's name for narrow columns and the strip map.
  public func shortSector(_ sector: Sector) -> String {
    switch sector {
    case .isfaraVorukh: return tr("Isfara", context: "sector, short")
    case .batken: return tr("Batken", context: "sector, short")
    case .leilek: return tr("Leilek", context: "sector, short")
    case .turkestan: return tr("Turkestan", context: "sector, short")
    case .chonAlai: return tr("Chon-Alai", context: "sector, short")
    case .transAlay: return tr("Trans-Alay", context: "sector, short")
    }
  }

  /// One of the two states.
  public func side(_ side: Side) -> String {
    side == .kyrgyzstan ? tr("Kyrgyzstan", context: "side") : tr("Tajikistan", context: "side")
  }

  /// What kind of incident an alert reports.
  public func alertType(_ type: AlertType) -> String {
    switch type {
    case .armedClash: return tr("armed clash", context: "alert type")
    case .shelling: return tr("shelling", context: "alert type")
    case .blockade: return tr("blockade/protest", context: "alert type")
    case .detention: return tr("detention", context: "alert type")
    case .infrastructureDamage: return tr("infrastructure damage", context: "alert type")
    case .troopMovement: return tr("troop movement", context: "alert type")
    case .other: return tr("other", context: "alert type")
    }
  }

  /// How far a report is corroborated.
  public func confidence(_ confidence: Confidence) -> String {
    switch confidence {
    case .confirmed: return tr("confirmed", context: "confidence")
    case .probable: return tr("probable", context: "confidence")
    case .unverified: return tr("unverified", context: "confidence")
    }
  }

  /// The body that meets, in full.
  public func meetingKind(_ kind: MeetingKind) -> String {
    switch kind {
    case .coChairs: return tr("co-chairs of the government delegations", context: "body")
    case .topographicGroup: return tr("topographic working group", context: "body")
    case .legalGroup: return tr("legal working group", context: "body")
    case .governors: return tr("regional governors", context: "body")
    case .borderServices: return tr("border services", context: "body")
    }
  }

  /// The body that meets, for narrow columns.
  public func shortMeetingKind(_ kind: MeetingKind) -> String {
    switch kind {
    case .coChairs: return tr("co-chairs", context: "body, short")
    case .topographicGroup: return tr("topo WG", context: "body, short")
    case .legalGroup: return tr("legal WG", context: "body, short")
    case .governors: return tr("governors", context: "body, short")
    case .borderServices: return tr("border svc", context: "body, short")
    }
  }

  /// Where a meeting stands, in full.
  public func meetingStatus(_ status: MeetingStatus) -> String {
    switch status {
    case .scheduled: return tr("scheduled", context: "meeting")
    case .inSession: return tr("in session", context: "meeting")
    case .held: return tr("held", context: "meeting")
    case .postponed: return tr("postponed", context: "meeting")
    case .cancelled: return tr("cancelled", context: "meeting")
    }
  }

  /// Where a meeting stands, for narrow columns.
  public func shortMeetingStatus(_ status: MeetingStatus) -> String {
    switch status {
    case .scheduled: return tr("sched.", context: "meeting, short")
    case .inSession: return tr("in sess.", context: "meeting, short")
    case .held: return tr("held", context: "meeting, short")
    case .postponed: return tr("postp.", context: "meeting, short")
    case .cancelled: return tr("cancel.", context: "meeting, short")
    }
  }

  /// Whether a checkpoint lets people through.
  public func checkpointStatus(_ status: CheckpointStatus) -> String {
    switch status {
    case .open: return tr("open", context: "checkpoint")
    case .closed: return tr("closed", context: "checkpoint")
    case .restricted: return tr("restricted", context: "checkpoint")
    }
  }

  /// What makes a segment matter.
  public func feature(_ feature: SegmentFeature) -> String {
    switch feature {
    case .water: return tr("water infrastructure", context: "feature")
    case .enclave: return tr("enclave", context: "feature")
    case .checkpoint: return tr("checkpoint", context: "feature")
    case .road: return tr("road", context: "feature")
    }
  }

  /// A compact duration for narrow columns: `12m`, `3h05m`, `4d06h`, `120d` (`12м`, `3ч05м` in Russian).
  public func compactDuration(seconds: Int64) -> String {
    let s = abs(seconds)
    if s < 60 { return tr("%ds", context: "duration", s) }
    if s < 3600 { return tr("%dm", context: "duration", s / 60) }
    if s < 86_400 {
      return tr("%1$dh%2$@m", context: "duration", s / 3600, RFC3339.pad(Int(s % 3600 / 60), 2))
    }
    if s < 86_400 * 100 {
      return tr("%1$dd%2$@h", context: "duration", s / 86_400, RFC3339.pad(Int(s % 86_400 / 3600), 2))
    }
    return tr("%dd", context: "duration", s / 86_400)
  }

  /// A short month name (`Nov`, `ноя`).
  public func month(_ number: Int) -> String {
    switch number {
    case 1: return tr("Jan", context: "month")
    case 2: return tr("Feb", context: "month")
    case 3: return tr("Mar", context: "month")
    case 4: return tr("Apr", context: "month")
    case 5: return tr("May", context: "month")
    case 6: return tr("Jun", context: "month")
    case 7: return tr("Jul", context: "month")
    case 8: return tr("Aug", context: "month")
    case 9: return tr("Sep", context: "month")
    case 10: return tr("Oct", context: "month")
    case 11: return tr("Nov", context: "month")
    default: return tr("Dec", context: "month")
    }
  }
}
