import BorderModel

#if canImport(Glibc)
  import Glibc
#endif

/// What one refresh of the journal brought.
public struct JournalUpdate: Sendable {
  /// Records touched by the events applied, in journal order.
  public var touches: [EventTouch] = []
  /// The events applied, in journal order (only when touches are collected).
  public var events: [JournalEvent] = []
  /// Events applied.
  public var applied = 0
  /// Lines skipped (malformed or rejected), each with a diagnostic.
  public var skipped = 0
  /// Set when the journal was truncated or replaced and everything was folded again.
  public var restartReason: String?
  /// Set when the journal was replaced by something other than `bordermon journal rotate`
  /// (logrotate, a rename, an edit): what is no longer there, for a lasting notice.
  public var replacedNotice: String?
  /// With `replacedNotice`: the first `seq` the file now in place holds (history before it is
  /// gone), or nil when it was read again from seq 1.
  public var replacedHistoryBefore: UInt64?
  /// Set when `bordermon journal rotate` replaced the journal and reading went on in the new one
  /// with nothing folded again (the situation is the same).
  public var continuedAcrossRotation = false
  /// Problems found in the new lines.
  public var diagnostics: [Diagnostic] = []
  /// Set when the journal could not be read at all.
  public var readError: FileError?
  /// Errors in new reference data that was therefore not taken (the situation kept its own).
  public var referenceProblems: [Diagnostic] = []
}

/// A situation kept in step with a data directory: reference data plus the journal folded over it.
public struct SituationStore: Sendable {
  public let directory: DataDirectory
  public private(set) var reference: LoadedReference
  public private(set) var situation: Situation
  /// When set, only events at or before this time are folded in.
  public let asOf: Timestamp?
  /// Problems found in the journal so far (the first `diagnosticLimit`).
  public private(set) var journalDiagnostics: [Diagnostic] = []
  /// How many journal problems were found in all.
  public private(set) var journalProblemCount = 0
  /// Why the journal could not be read at the last attempt (missing, unreadable, not a regular
  /// file); nil once it was read. Set from the very first read, so no reader mistakes an
  /// unreadable journal for an empty, calm one.
  public private(set) var journalError: FileError?
  /// The highest sequence number on any line read, applied or not.
  public private(set) var lastSeqSeen: UInt64 = 0
  /// Lines read from the journal so far.
  public var linesRead: Int { journal.linesRead }
  /// Bytes held back because their line has no newline yet.
  public var pendingBytes: Int { journal.pendingBytes }
  /// Where the journal's lines come from: the data directory's file, or another backend.
  var journal: any JournalBackend
  /// What the journal is called in messages (its file's path, or the store's journal).
  public var journalName: String { journal.name }
  /// Bytes of half lines (left by writers killed mid-write) that appends from this store cut back.
  public internal(set) var halfLinesCut = 0
  /// Whether a batch holds the writers' lock (`beginBatch` … `endBatch`): appends in it neither
  /// lock nor sync on their own.
  public internal(set) var isInBatch = false

  /// How many journal diagnostics are kept in memory.
  public static let diagnosticLimit = 10_000

  /// What refreshes made inside `append` read, kept for the next `refresh()` to report.
  private var unreported: JournalUpdate?

  /// The recent events kept for stepping back through history, when asked for at opening.
  public private(set) var historyWindow: HistoryWindow?

  /// Whether this store started from a snapshot of the journal instead of its first line.
  public private(set) var openedFromSnapshot = false
  /// Events folded from the journal file while opening (after the snapshot, if one was used).
  public private(set) var eventsFoldedAtOpen = 0
  private let usesSnapshots: Bool
  /// The clock's time when events far in the future are to be warned about.
  private let clockNow: Timestamp?
  /// Opening folds at least this many events before it is worth saving a snapshot.
  public static let snapshotThreshold = 50_000

  /// Loads the reference data and folds the whole journal.
  ///
  /// With `historyLimit`, the last events read are also kept in `historyWindow` (for a console).
  /// With `snapshots`, a saved snapshot of the folded journal is used when it still matches
  /// the files, so only what was appended since is read (not for `asOf`, nor for `check`,
  /// which must read every line).
  ///
  /// With `now`, events stamped beyond the journal's future skew of it are warned about (`check`).
  public init(
    directory: DataDirectory, asOf: Timestamp? = nil, historyLimit: Int? = nil, snapshots: Bool = false,
    now: Timestamp? = nil
  ) {
    // Stamped before reading, so a change made while loading is noticed at the next look.
    let stamp = JournalSnapshot.referenceFingerprint(directory)
    self.init(
      directory: directory, journal: FileJournal(path: directory.journalFile),
      reference: ReferenceLoader.load(directory), asOf: asOf, historyLimit: historyLimit,
      snapshots: snapshots,
      now: now)
    referenceStamp = stamp
  }

  /// Folds a journal from any backend over reference data already loaded (a PostgreSQL store's,
  /// for one); `directory` then only names things in diagnostics. With `snapshots`, the file journal
  /// uses its data directory's cache, a `SnapshotCachedJournal` its own (`StoreSnapshotCache`).
  public init(
    directory: DataDirectory, journal: any JournalBackend, reference: LoadedReference, asOf: Timestamp? = nil,
    historyLimit: Int? = nil, snapshots: Bool = false, now: Timestamp? = nil
  ) {
    self.directory = directory
    clockNow = now
    self.asOf = asOf
    let cacheKey = (journal as? any SnapshotCachedJournal)?.snapshotKey
    usesSnapshots = snapshots && asOf == nil && (journal is FileJournal || cacheKey != nil)
    self.reference = reference
    situation = Situation(reference: reference.data)
    self.journal = journal
    if journal is FileJournal { referenceStamp = JournalSnapshot.referenceFingerprint(directory) }
    if let historyLimit { historyWindow = HistoryWindow(base: situation, limit: historyLimit) }
    if usesSnapshots, journal is FileJournal,
      let snapshot = JournalSnapshot.read(
        JournalSnapshot.path(for: directory), journal: directory.journalFile),
      snapshotMatches(snapshot)
    {
      resume(from: snapshot, historyLimit: historyLimit)
    } else if usesSnapshots, let key = cacheKey, let cached = journal as? any SnapshotCachedJournal,
      case .success(let snapshot) = JournalSnapshot.load(
        key.path, storeIdentity: key.storeIdentity, sizeLimit: key.sizeLimit),
      snapshot.referenceFingerprint == key.referenceFingerprint,
      cached.holds(Self.point(of: snapshot))
    {
      resume(from: snapshot, historyLimit: historyLimit)
    }
    // A long journal: make room for its alerts at once (about one line in four raises one;
    // an over-estimate costs only address space).
    var info = stat()
    if !openedFromSnapshot, journal is FileJournal, stat(directory.journalFile, &info) == 0,
      info.st_size > 4 << 20
    {
      situation.reserveAlerts(Int(info.st_size) / 180 / 3)
    }
    if asOf != nil, journal is FileJournal { foldRotatedJournals() }
    eventsFoldedAtOpen = refresh(collectingTouches: false).applied
  }

  /// For a fold as of a past time: folds the journals `journal rotate` closed before the current
  /// one, oldest first, from their kept copies, so the past reads as it did before the rotations.
  /// A copy that is missing or unreadable ends the chain with a warning (history before it is unavailable).
  private mutating func foldRotatedJournals() {
    var chain: [(name: String, lastSeq: UInt64)] = []
    var first = JournalFollower.firstLine(
      directory.journalFile, limit: JournalLimits.carriedStateBytes / 3 * 4 + (1 << 20))
    var seen: Set<String> = []
    while let line = first, chain.count < 100_000,
      case .success(let event) = line.withUnsafeBufferPointer({ EventCodec.decode($0) }),
      case .journalRotated(let carried) = event.payload
    {
      let name = carried.previous.archive
      guard !name.contains("/"), !name.hasPrefix("."), seen.insert(name).inserted else { break }
      var head: [UInt8]?
      if let error = GzipFile.readLines(
        directory.path + "/" + name,
        { _, bytes in
          head = Array(bytes)
          return false
        })
      {
        journalDiagnostics.append(
          Diagnostic(
            .warning, file: directory.journalFile, line: 1, field: "previous.archive",
            message: "history up to seq \(carried.previous.lastSeq) is unavailable: \(error.description)"))
        journalProblemCount += 1
        break
      }
      chain.append((name, carried.previous.lastSeq))
      first = head
    }
    for (name, _) in chain.reversed() {
      let path = directory.path + "/" + name
      var situation = Situation.placeholder
      swap(&situation, &self.situation)
      var lastSeq = lastSeqSeen
      var update = JournalUpdate()
      var found: [Diagnostic] = []
      var window = historyWindow
      let limit = asOf
      let error = GzipFile.readLines(path) { number, bytes in
        Self.fold(
          PipelinedDecoder.decodeLine(bytes), number: number, path: path, asOf: limit, now: nil,
          collect: false,
          into: &situation, window: &window, lastSeq: &lastSeq, update: &update, diagnostics: &found)
        return true
      }
      self.situation = situation
      historyWindow = window
      lastSeqSeen = lastSeq
      record(found, into: &update)
      if let error {
        record([Diagnostic(.warning, file: path, message: error.description)], into: &update)
      }
    }
  }

  /// Whether a snapshot was made from this very journal, up to a place still there, and these reference files.
  private func snapshotMatches(_ snapshot: JournalSnapshot) -> Bool {
    var info = stat()
    guard stat(directory.journalFile, &info) == 0, UInt64(info.st_dev) == snapshot.position.device,
      UInt64(info.st_ino) == snapshot.position.inode, Int64(info.st_size) >= snapshot.position.offset,
      snapshot.referenceFingerprint == JournalSnapshot.referenceFingerprint(directory),
      JournalFollower.tailFingerprint(directory.journalFile, offset: snapshot.position.offset)
        == snapshot.tailFingerprint
    else { return false }
    return true
  }

  /// Starts from a snapshot: its situation and recent events, and the journal position it reached.
  private mutating func resume(from snapshot: JournalSnapshot, historyLimit: Int?) {
    var live = snapshot.base
    var window = historyLimit.map { HistoryWindow(base: snapshot.base, limit: $0) }
    for event in snapshot.events {
      live.apply(event)
      window?.append(event)
    }
    situation = live
    historyWindow = window
    let position = snapshot.position
    if var file = journal as? FileJournal {
      file.follower.resume(
        offset: position.offset, lineCount: position.lineCount, device: position.device,
        inode: position.inode,
        fingerprint: snapshot.tailFingerprint)
      journal = file
    } else if var cached = journal as? any SnapshotCachedJournal {
      cached.resume(at: Self.point(of: snapshot))
      journal = cached
    }
    lastSeqSeen = position.lastSeqSeen
    journalProblemCount = position.problemCount
    journalDiagnostics = snapshot.diagnostics
    openedFromSnapshot = true
  }

  /// Where in a store's journal a snapshot stands (a store's position: the seq as its offset, rows as its lines).
  private static func point(of snapshot: JournalSnapshot) -> SnapshotPoint {
    SnapshotPoint(
      seq: UInt64(max(0, snapshot.position.offset)), rows: snapshot.position.lineCount,
      lineHash: snapshot.tailFingerprint)
  }

  /// Saves a snapshot when opening had to fold many events, so the next opening is quick.
  ///
  /// Call it once the first screen or answer is out: it takes a moment for a long journal.
  /// `window`, when given, is the history a console kept (it took the store's own).
  public func saveSnapshotIfDue(window: HistoryWindow? = nil) {
    guard eventsFoldedAtOpen >= Self.snapshotThreshold else { return }
    saveSnapshot(window: window)
  }

  /// Whether this store may write the snapshot cache; a `--read-only` console sets it false,
  /// so a viewer never writes anything in the data directory.
  public var savesSnapshots = true

  /// Saves a snapshot of what was folded so far (when snapshots are in use and allowed).
  func saveSnapshot(window: HistoryWindow? = nil) {
    guard usesSnapshots, savesSnapshots, asOf == nil, pendingBytes == 0, journalError == nil else { return }
    if let cached = journal as? any SnapshotCachedJournal {
      saveStoreSnapshot(cached, window: window)
      return
    }
    guard let follower = (journal as? FileJournal)?.follower, let identity = follower.fileIdentity,
      let tail = JournalFollower.tailFingerprint(directory.journalFile, offset: follower.offset),
      tail == follower.currentFingerprint
    else { return }
    let position = JournalPosition(
      offset: follower.offset, lineCount: follower.lineCount, device: identity.device, inode: identity.inode,
      lastSeqSeen: lastSeqSeen, problemCount: journalProblemCount)
    let snapshot = JournalSnapshot(
      position: position, tailFingerprint: tail,
      referenceFingerprint: JournalSnapshot.referenceFingerprint(directory), diagnostics: journalDiagnostics,
      base: (window ?? historyWindow)?.base ?? situation, events: (window ?? historyWindow)?.events ?? [])
    snapshot.write(to: directory)
  }

  /// Saves a store's snapshot in this host's cache (`StoreSnapshotCache`), private to this user.
  private func saveStoreSnapshot(_ cached: any SnapshotCachedJournal, window: HistoryWindow?) {
    guard let key = cached.snapshotKey, let point = cached.snapshotPoint,
      let slash = key.path.lastIndex(of: "/"), StoreSnapshotCache.prepareFolder(String(key.path[..<slash]))
    else { return }
    let position = JournalPosition(
      offset: Int64(clamping: point.seq), lineCount: point.rows, device: 0, inode: 0,
      lastSeqSeen: lastSeqSeen,
      problemCount: journalProblemCount)
    let snapshot = JournalSnapshot(
      position: position, tailFingerprint: point.lineHash, referenceFingerprint: key.referenceFingerprint,
      diagnostics: journalDiagnostics, base: (window ?? historyWindow)?.base ?? situation,
      events: (window ?? historyWindow)?.events ?? [], storeIdentity: key.storeIdentity)
    snapshot.write(
      folder: String(key.path[..<slash]), name: String(key.path[key.path.index(after: slash)...]), mode: 0o600
    )
  }

  /// The data directory's reference files as they were when loaded (size and modification time
  /// of each), to notice them replaced under a running console; empty for another backend's.
  public private(set) var referenceStamp: [Int64] = []

  /// Whether the data directory's reference files changed since they were loaded (or last looked at).
  public var referenceFilesChanged: Bool {
    journal is FileJournal && JournalSnapshot.referenceFingerprint(directory) != referenceStamp
  }

  /// Reads the data directory's reference files again if they changed: nil when they did not;
  /// else the update of folding the journal again over them (`restartReason` says so), or, when
  /// they now hold errors, an update that says so and keeps the reference data as it was.
  public mutating func reloadChangedReferenceFiles() -> JournalUpdate? {
    guard referenceFilesChanged else { return nil }
    referenceStamp = JournalSnapshot.referenceFingerprint(directory)
    let loaded = ReferenceLoader.load(directory)
    return replaceReference(
      loaded, journal: FileJournal(path: directory.journalFile), reason: "reference files changed")
  }

  /// Takes new reference data and folds the journal again from its start over it, read through
  /// `journal` (a fresh reader at its first line). Reference data with an error is not taken:
  /// the update then carries its diagnostics and the situation stays as it was.
  public mutating func replaceReference(
    _ loaded: LoadedReference, journal fresh: any JournalBackend, reason: String
  )
    -> JournalUpdate
  {
    let errors = loaded.diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty else {
      var update = JournalUpdate()
      update.referenceProblems = errors
      return update
    }
    reference = loaded
    journal = fresh
    situation = Situation(reference: loaded.data)
    if let limit = historyWindow?.limit { historyWindow = HistoryWindow(base: situation, limit: limit) }
    lastSeqSeen = 0
    journalDiagnostics = []
    journalProblemCount = 0
    unreported = nil
    var update = readNew(collectingTouches: true)
    update.restartReason = update.restartReason ?? reason
    return update
  }

  /// The situation of the reference data alone, before any event.
  public var baseline: Situation { Situation(reference: reference.data) }

  /// Hands over the history window and stops keeping it here.
  public mutating func takeHistoryWindow() -> HistoryWindow? {
    defer { historyWindow = nil }
    return historyWindow
  }

  /// Every problem known: reference files first, then the journal's.
  public var diagnostics: [Diagnostic] { reference.diagnostics + journalDiagnostics }

  /// Reads and folds what was appended to the journal since the last refresh.
  ///
  /// With `collectingTouches` false the update leaves `touches` empty, which saves time on a
  /// first read of a long journal.
  @discardableResult
  public mutating func refresh(collectingTouches: Bool = true) -> JournalUpdate {
    var update = readNew(collectingTouches: collectingTouches)
    if let earlier = unreported {
      unreported = nil
      update = earlier.merged(with: update)
    }
    return update
  }

  /// Whether what `append` reads (its own events and others') is reported by the next `refresh()`;
  /// a console wants that, a one-shot command does not.
  public var reportsAppendedEvents = false

  /// Reads what appending itself found, to be reported by the next `refresh()` if wanted.
  mutating func refreshWhileAppending() {
    let update = readNew(collectingTouches: reportsAppendedEvents)
    guard reportsAppendedEvents else { return }
    unreported = unreported.map { $0.merged(with: update) } ?? update
  }

  private mutating func readNew(collectingTouches: Bool) -> JournalUpdate {
    var update = JournalUpdate()
    let collect = collectingTouches
    var attempts = 0
    // The last seq read before a restart: if the file read again ends before it, history was lost.
    var seqBeforeRestart: UInt64?
    while attempts < 3 {
      attempts += 1
      let path = journal.name
      // Take the situation out of `self` (leaving a small placeholder), so folding into it
      // changes it in place instead of copying every array on the first change.
      var situation = Situation.placeholder
      swap(&situation, &self.situation)
      var lastSeq = lastSeqSeen
      let limit = asOf
      var newDiagnostics: [Diagnostic] = []
      var window = historyWindow
      historyWindow = nil
      defer { historyWindow = window }
      let now = clockNow
      let result = journal.readNewChunks { chunk in
        PipelinedDecoder.run(chunk.lines) { first, decoded in
          for offset in decoded.indices {
            Self.fold(
              decoded[offset], number: chunk.firstLineNumber + first + offset, path: path, asOf: limit,
              now: now,
              collect: collect, into: &situation, window: &window, lastSeq: &lastSeq, update: &update,
              diagnostics: &newDiagnostics)
          }
        }
      }
      self.situation = situation
      lastSeqSeen = lastSeq
      record(newDiagnostics, into: &update)
      switch result {
      case .failure(let error):
        journalError = error
        update.readError = error
        return update
      case .success(.read):
        journalError = nil
        if let before = seqBeforeRestart, lastSeqSeen < before, let reason = update.restartReason,
          update.replacedNotice != nil
        {
          // Rotated by an outside tool (copytruncate, or rename and a fresh file): say what is gone.
          update.restartReason =
            "\(reason); history up to seq \(before) is unavailable (no longer in the file)"
        }
        return update
      case .success(.restarted(let reason)):
        switch rotationFollowed() {
        case .continues:
          // `journal rotate` replaced the file after everything here was read: read on in the new
          // one, whose first line carries this very situation.
          update.continuedAcrossRotation = true
          continue
        case .carriedOver(let archive):
          // Rotated after lines this reader had not read yet: fold the new journal, which carries them.
          update.restartReason = "the journal was rotated (the closed one is kept as \(archive))"
        case .unrelated:
          update.restartReason = reason
          (update.replacedNotice, update.replacedHistoryBefore) = replacedNotice()
        }
        seqBeforeRestart = max(seqBeforeRestart ?? 0, lastSeqSeen)
        situation = Situation(reference: reference.data)
        self.situation = Situation(reference: reference.data)
        if let limit = window?.limit { window = HistoryWindow(base: situation, limit: limit) }
        lastSeqSeen = 0
        journalDiagnostics = []
        journalProblemCount = 0
        update.touches = []
        update.events = []
      }
    }
    return update
  }

  /// How a restarted follower's new file relates to the one it had read.
  private enum RotationLink {
    /// Its first line is a `journal.rotated` event continuing exactly what was read here.
    case continues
    /// It continues the file read here, from further on than this reader had read.
    case carriedOver(archive: String)
    /// Anything else: an outside replacement, a truncation, an edit.
    case unrelated
  }

  /// What a journal replaced by something other than `journal rotate` lost, for a lasting notice:
  /// the history before the first `seq` of the file now in place.
  private func replacedNotice() -> (String, UInt64?) {
    let first = JournalFollower.firstLine(journal.name, limit: 1 << 20)
    let firstSeq: UInt64? = first.flatMap { line in
      switch line.withUnsafeBufferPointer({ EventCodec.decode($0) }) {
      case .success(let event): return event.seq
      case .failure(let error): return error.seq
      }
    }
    switch firstSeq {
    case .some(let seq) where seq > 1: return ("journal replaced: history before seq \(seq) unavailable", seq)
    case .some: return ("journal replaced: read again from its start", nil)
    case .none:
      return ("journal replaced: history before seq \(lastSeqSeen + 1) unavailable", lastSeqSeen + 1)
    }
  }

  /// Whether the journal file now in place begins with a rotation of the file read before the restart.
  private func rotationFollowed() -> RotationLink {
    guard let place = (journal as? FileJournal)?.follower.readBeforeRestart,
      let first = JournalFollower.firstLine(
        journal.name, limit: JournalLimits.carriedStateBytes / 3 * 4 + (1 << 20)),
      case .success(let event) = first.withUnsafeBufferPointer({ EventCodec.decode($0) }),
      case .journalRotated(let carried) = event.payload,
      carried.previous.device == place.device, carried.previous.inode == place.inode,
      carried.previous.bytes >= place.offset, carried.previous.lastSeq >= lastSeqSeen
    else { return .unrelated }
    if carried.previous.bytes == place.offset {
      guard place.offset == 0 || carried.previous.tail == place.fingerprint else { return .unrelated }
      if carried.previous.lastSeq == lastSeqSeen { return .continues }
    }
    return .carriedOver(archive: carried.previous.archive)
  }

  private mutating func record(_ found: [Diagnostic], into update: inout JournalUpdate) {
    guard !found.isEmpty else { return }
    journalProblemCount += found.count
    let room = max(0, Self.diagnosticLimit - journalDiagnostics.count)
    journalDiagnostics += found.prefix(room)
    update.diagnostics += found.prefix(Self.diagnosticLimit)
  }

  // swift-format-ignore
  private static func fold(
    _ outcome: DecodedLine, number: Int, path: String, asOf: Timestamp?, now: Timestamp?, collect: Bool,
    into situation: inout Situation, window: inout HistoryWindow?, lastSeq: inout UInt64, update: inout JournalUpdate,
    diagnostics: inout [Diagnostic]
  ) {
    let event: JournalEvent
    switch outcome {
    case .blank: return
    case .event(let decoded): event = decoded
    case .failure(let error):
      update.skipped += 1
      diagnostics.append(Diagnostic(.error, file: path, line: number, field: error.field, message: error.reason + " (line skipped)"))
      // A skipped line's seq still counts: duplicates are reported and never reused.
      if let seq = error.seq {
        if seq <= lastSeq {
          diagnostics.append(Diagnostic(.error, file: path, line: number, field: "seq", message: "\(seq) is not greater than \(lastSeq) on an earlier line"))
        }
        lastSeq = max(lastSeq, seq)
      }
      return
    }
    if event.seq <= lastSeq {
      diagnostics.append(Diagnostic(.error, file: path, line: number, field: "seq", message: "\(event.seq) is not greater than \(lastSeq) on an earlier line"))
    }
    let lastSeqBefore = lastSeq
    lastSeq = max(lastSeq, event.seq)
    if let now, let problem = event.futureProblem(now: now) {
      diagnostics.append(Diagnostic(.warning, file: path, line: number, field: problem.field, message: problem.reason.description))
    }
    if let asOf, event.at > asOf { return }
    if case .journalRotated(let carried) = event.payload, lastSeqBefore > 0 || situation.appliedEventCount > 0 {
      // The journal this one continues was folded here already: pass over what it carries.
      if carried.previous.lastSeq != lastSeqBefore {
        diagnostics.append(Diagnostic(.warning, file: path, line: number, field: "previous.last_seq", message: "continues a journal that ended at seq \(carried.previous.lastSeq), but seq \(lastSeqBefore) was the last read before it"))
      }
      situation.continueThrough(event)
      update.applied += 1
      return
    }
    switch situation.apply(event) {
    case .success(let touch):
      update.applied += 1
      window?.append(event)
      if collect {
        update.touches.append(touch)
        update.events.append(event)
      }
      if case .unknown(let type) = touch {
        diagnostics.append(Diagnostic(.warning, file: path, line: number, field: "type", message: "unknown event type '\(type)' (kept; this version ignores it)"))
      }
    case .failure(let rejection):
      update.skipped += 1
      diagnostics.append(Diagnostic(.error, file: path, line: number, field: rejection.field, message: rejection.reason.description + " (\(event.type) event skipped)"))
    }
  }
}

extension JournalUpdate {
  /// This update followed by a later one, as if read at once.
  public func merged(with later: JournalUpdate) -> JournalUpdate {
    if later.restartReason != nil {
      var later = later
      if later.replacedNotice == nil {
        (later.replacedNotice, later.replacedHistoryBefore) = (replacedNotice, replacedHistoryBefore)
      }
      return later
    }
    var merged = self
    merged.touches += later.touches
    merged.events += later.events
    merged.applied += later.applied
    merged.skipped += later.skipped
    merged.diagnostics += later.diagnostics
    merged.readError = later.readError
    if later.replacedNotice != nil {
      (merged.replacedNotice, merged.replacedHistoryBefore) = (
        later.replacedNotice, later.replacedHistoryBefore
      )
    }
    merged.continuedAcrossRotation = continuedAcrossRotation || later.continuedAcrossRotation
    merged.referenceProblems += later.referenceProblems
    return merged
  }
}
