import ArgumentParser
import BorderConsole
import BorderFormats
import BorderModel
import BorderStore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension ExportCommand {
  /// Writes the situation in one of the standard formats: CAP, iCalendar or GeoJSON.
  func exportStandard(situation: Situation, now: Timestamp, _ l10n: Localizer) throws {
    switch format {
    case .cap:
      let exporter = CAPExport(situation: situation, sender: sender)
      if let alert, situation.alert(AlertID(alert)) == nil {
        printError("bordermon export: " + l10n.tr("alert: no alert %@", alert))
        throw ExitCode(1)
      }
      let messages = exporter.messages(only: alert.map(AlertID.init))
      if let dir {
        try writeFiles(messages, into: dir, l10n)
      } else {
        printData(messages.map(CAPExport.xml).joined(), terminator: "")
      }
    case .ics:
      printData(
        ICalendarExport(situation: situation, now: now, product: BordermonVersion.line).calendar(),
        terminator: "")
    case .geojson:
      printData(TerminalOutput.terminalSafeJSON(try GeoJSONExport(situation: situation, asOf: now).json()))
    case .csv, .json:
      break
    }
  }

  /// Writes one `IDENTIFIER.xml` per message into `dir` (created if missing); never follows a symbolic link.
  private func writeFiles(_ messages: [CAPMessage], into dir: String, _ l10n: Localizer) throws {
    if mkdir(dir, 0o755) != 0 && errno != EEXIST {
      let error = FileError(path: dir, operation: "create directory", code: errno)
      printError("bordermon export: " + l10n.fileErrorWithPath(error))
      throw ExitCode(1)
    }
    for message in messages {
      // The identifier holds only letters, digits and -_.: (CAPExport escapes the rest), so it is a plain name.
      let path = dir + "/" + message.identifier + ".xml"
      let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
      guard fd >= 0 else {
        printError(
          "bordermon export: "
            + l10n.fileErrorWithPath(FileError(path: path, operation: "write", code: errno)))
        throw ExitCode(1)
      }
      defer { close(fd) }
      let bytes = Array(CAPExport.xml(message).utf8)
      var offset = 0
      while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else {
          printError(
            "bordermon export: "
              + l10n.fileErrorWithPath(FileError(path: path, operation: "write", code: errno)))
          throw ExitCode(1)
        }
        offset += written
      }
    }
    printText(
      l10n.plural(
        "%1$d CAP message(s) written to %2$@", "%1$d CAP message(s) written to %2$@", count: messages.count,
        messages.count, dir))
  }
}
