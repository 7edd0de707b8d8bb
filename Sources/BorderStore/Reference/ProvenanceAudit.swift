import BorderModel

/// The provenance rules `bordermon check --strict` applies, one diagnostic per record that breaks them.
///
/// - A reference record (segment, checkpoint, meeting) that is not marked illustrative claims to
///   be fact: it must name its `source`.
/// - A record or event that is both sourced and illustrative must say which fields are approximate
///   (`approximate = [...]`), so a reader knows which parts of it to trust.
/// - `approximate` without a `source` is a contradiction: approximate against what?
/// - Journal events are attributed to their author (`by`), so an operator's report needs no source;
///   but the events the bundled sample writes (author `sample`) must each be sourced or illustrative.
public enum ProvenanceAudit {
  /// The author the bundled sample writes its historical events as.
  public static let sampleAuthor = "sample"

  /// Audits the reference files and the journal of `directory`.
  public static func audit(_ directory: DataDirectory) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    let files: [(String, String)] = [
      (directory.segmentsFile, "segment"), (directory.checkpointsFile, "checkpoint"),
      (directory.meetingsFile, "meeting"),
    ]
    for (file, key) in files {
      var ignored: [Diagnostic] = []
      guard let (root, lines) = ReferenceLoader.parse(file, required: false, &ignored) else { continue }
      for (index, table) in ReferenceLoader.tables(root, key, file, lines, &ignored).enumerated() {
        var record = TOMLRecord(table: table, file: file, tableName: key, index: index, lines: lines)
        let provenance = record.provenance()
        let name = table["id"]?.string.map { "\(key) \($0)" } ?? key
        problems += rules(provenance, record: name, sourceRequired: true).map { field, message in
          Diagnostic(.error, file: file, line: record.line(field), field: field, message: message)
        }
      }
    }
    if case .success(let bytes) = FileBytes.read(directory.journalFile) {
      var lineNumber = 0
      for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
        lineNumber += 1
        guard !line.isEmpty,
          case .success(let event) = EventCodec.decode(String(decoding: line, as: UTF8.self))
        else { continue }  // an unreadable line is the plain check's business
        let record = "event \(event.seq) (\(event.payload.typeName))"
        let required = event.by == sampleAuthor
        problems += rules(event.provenance, record: record, sourceRequired: required).map {
          field, message in
          Diagnostic(.error, file: directory.journalFile, line: lineNumber, field: field, message: message)
        }
      }
    }
    return problems
  }

  /// The broken rules of one record's provenance, as (field, reason) pairs.
  public static func rules(_ provenance: Provenance, record: String, sourceRequired: Bool) -> [(
    String, String
  )] {
    var broken: [(String, String)] = []
    if provenance.isSourced {
      if provenance.isIllustrative && provenance.approximate.isEmpty {
        broken.append(
          (
            "approximate",
            "\(record) is both sourced and illustrative but does not say which fields are approximate"
          ))
      }
    } else if !provenance.approximate.isEmpty {
      broken.append(("source", "\(record) lists approximate fields but names no source"))
    } else if !provenance.isIllustrative && sourceRequired {
      broken.append(("source", "\(record) is presented as fact but names no source"))
    }
    return broken
  }
}
