import BorderModel

/// The reducer: selections, scrolling and overlays.
extension ConsoleState {
  // MARK: Selection

  /// The selected meeting's row in the meetings pane.
  var selectedMeetingRow: Int? {
    guard let id = selectedMeeting else { return nil }
    let meetings = displayed.meetings
    return cache.meetingOrder.firstIndex { meetings[$0].id == id }
  }

  /// The selected alert's row in the feed (newest first), without copying the alerts.
  public var selectedAlertRow: Int? {
    guard let id = selectedAlert, let position = displayed.alertPosition(id) else { return nil }
    return feedRow(ofPosition: position)
  }

  mutating func move(by delta: Int) {
    if overlay != nil {
      // Keys in a detail scroll it; the selection behind it never moves.
      scrollOverlay(by: delta)
      return
    }
    switch focus {
    case .segments:
      guard !rows.isEmpty else { return }
      let current = selectedRow ?? 0
      let target = clamp(current.addingClamped(delta), 0, rows.count - 1)
      selectedSegment = displayed.segments[rows[target]].id
      markSeen(selectedSegment?.rawValue)
    case .meetings:
      let order = cache.meetingOrder
      guard !order.isEmpty else { return }
      let row = clamp((selectedMeetingRow ?? 0).addingClamped(delta), 0, order.count - 1)
      selectedMeeting = displayed.meetings[order[row]].id
      markSeen(selectedMeeting?.rawValue)
    case .alerts:
      let count = feedCount
      guard count > 0 else { return }
      let row = clamp((selectedAlertRow ?? 0).addingClamped(delta), 0, count - 1)
      selectedAlert = feedAlert(atRow: row)?.id
      markSeen(selectedAlert?.rawValue)
      // At the top, the feed follows the newest alert again (like tail -f); elsewhere it stays.
      feedSelectionMoved(toRow: row)
    }
    keepSelectionsVisible()
  }

  /// Scrolls each pane so its selection stays in view.
  mutating func keepSelectionsVisible() {
    let layout = self.layout
    if selectedRow == nil, let first = rows.first { selectedSegment = displayed.segments[first].id }
    segmentScroll = scrolled(
      segmentScroll, selected: selectedRow ?? 0, visible: layout.segmentRows, count: rows.count)
    let order = cache.meetingOrder
    if selectedMeetingRow == nil { selectedMeeting = order.first.map { displayed.meetings[$0].id } }
    meetingScroll = scrolled(
      meetingScroll, selected: selectedMeetingRow ?? 0, visible: layout.meetingRows, count: order.count)
    let alertCount = feedCount
    if let row = selectedAlertRow {
      feed.lastRow = row
    } else {
      // The selected alert left the feed (acknowledged in the unacknowledged view, say): the
      // row where it was is selected, so the operator works down the list in place.
      selectedAlert = feedAlert(atRow: min(feed.lastRow, max(0, alertCount - 1)))?.id
    }
    alertScroll = scrolled(
      alertScroll, selected: selectedAlertRow ?? 0, visible: layout.alertRows, count: alertCount)
  }

  func scrolled(_ offset: Int, selected: Int, visible: Int, count: Int) -> Int {
    var offset = offset
    if selected < offset { offset = selected }
    if selected >= offset + visible { offset = selected - visible + 1 }
    return clamp(offset, 0, max(0, count - visible))
  }

  /// Scrolls the open detail, within its content.
  mutating func scrollOverlay(by delta: Int) {
    guard let overlay else { return }
    let limit = OverlayView.scrollLimit(overlay, state: self)
    overlayScroll = clamp(overlayScroll.addingClamped(delta), 0, limit)
  }

  /// Closes the detail or help; a feed that follows the newest alert catches up.
  mutating func closeOverlay() {
    overlay = nil
    overlayScroll = 0
    catchUpFeed()
  }

  /// Once nothing is open over it, a feed that follows the newest alert selects it again.
  mutating func catchUpFeed() {
    guard followsNewestAlert && isLive && form == nil && overlay == nil, let newest = feedAlert(atRow: 0)?.id,
      selectedAlert != newest
    else { return }
    selectedAlert = newest
    keepSelectionsVisible()
  }

  mutating func openDetail() {
    overlayScroll = 0
    switch focus {
    case .segments:
      if let id = selectedSegment { overlay = .segmentDetail(id) }
    case .meetings:
      if let id = selectedMeeting { overlay = .meetingDetail(id) }
    case .alerts:
      if let id = selectedAlert { overlay = .alertDetail(id) }
    }
    // Opening a record's detail is looking at it.
    switch overlay {
    case .segmentDetail(let id): markSeen(id.rawValue)
    case .meetingDetail(let id): markSeen(id.rawValue)
    case .alertDetail(let id): markSeen(id.rawValue)
    case .help, nil: break
    }
  }
}
