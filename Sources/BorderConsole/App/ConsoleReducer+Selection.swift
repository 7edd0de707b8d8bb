import BorderModel

/// The reducer: selections, scrolling and overlays.
extension ConsoleState {
  // MARK: Selection

  /// The selected meeting's row in the meetings pane.
  var selectedMeetingRow: Int? { meetingSelection.row(in: MeetingPane.rows(in: self)) }

  /// The selected alert's row in the feed (newest first), without copying the alerts.
  public var selectedAlertRow: Int? { alertSelection.row(in: AlertPane.rows(in: self)) }

  /// Moves the focused pane's selection, or scrolls the open detail (the selection behind it never moves).
  mutating func move(_ step: SelectionStep) {
    if overlay != nil {
      scrollOverlay(by: step.rows(page: max(1, layout.main.height - 2)))
      return
    }
    moveSelection(focus.model, step)
    keepSelectionsVisible()
  }

  /// Moves a pane's selection by a step; the record it lands on counts as seen.
  private mutating func moveSelection<Model: PaneModel>(_ model: Model.Type, _ step: SelectionStep) {
    let rows = model.rows(in: self)
    let visible = model.visibleRows(in: layout)
    guard let row = self[keyPath: model.selection].move(step, in: rows, visible: visible) else { return }
    markSeen(self[keyPath: model.selection].selected.map { model.record($0).key })
    model.selectionMoved(toRow: row, in: &self)
  }

  /// After a new sort, selects the table's first row and scrolls to it: the worst comes first,
  /// and nothing above it is hidden (ux.md bug 7).
  mutating func showTopOfTable() {
    let rows = SegmentPane.rows(in: self)
    let visible = layout.segmentRows
    segmentSelection.showTop(in: rows, visible: visible)
    keepSelectionsVisible()
  }

  /// Scrolls each pane so its selection stays in view; a selection whose record left picks another.
  mutating func keepSelectionsVisible() {
    for pane in Pane.allCases { keepVisible(pane.model) }
  }

  private mutating func keepVisible<Model: PaneModel>(_ model: Model.Type) {
    let rows = model.rows(in: self)
    let visible = model.visibleRows(in: layout)
    self[keyPath: model.selection].keepVisible(in: rows, visible: visible, fallback: model.fallback)
  }

  /// The focused pane's selected record, if any.
  var selectedInFocus: RecordOnScreen? { selectedRecord(focus.model) }

  private func selectedRecord<Model: PaneModel>(_ model: Model.Type) -> RecordOnScreen? {
    self[keyPath: model.selection].selected.map(model.record)
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
      alertSelection.selected != newest
    else { return }
    alertSelection.selected = newest
    keepSelectionsVisible()
  }

  /// Opens the focused pane's selected record in full; opening it is looking at it.
  mutating func openDetail() {
    overlayScroll = 0
    guard let record = selectedInFocus else { return }
    overlay = record.detail
    markSeen(record.key)
  }
}
