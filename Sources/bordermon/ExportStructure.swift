import BorderFormats
import BorderModel
import Foundation

extension SituationExport {
  /// The version of `export --format json`'s layout: 2 has `format_version`, structured places and coordinates.
  static let jsonFormatVersion = 2

  /// Gives the JSON export its version and, in place of display strings, structured districts,
  /// settlements and places, and the coordinates of segments and checkpoints (CSV keeps the display strings).
  func structure(_ object: inout [String: Any]) {
    object["format_version"] = Self.jsonFormatVersion
    if var segments = object["segments"] as? [[String: Any]] {
      for index in segments.indices {
        guard let id = segments[index]["id"] as? String, let segment = situation.segment(SegmentID(id)) else {
          continue
        }
        segments[index]["kg_district"] = Self.place(segment.kyrgyzDistrict)
        segments[index]["tj_district"] = Self.place(segment.tajikDistrict)
        segments[index]["settlements"] = segment.settlements.map { settlement -> [String: Any] in
          var record = Self.place(settlement.name)
          record["side"] = settlement.side.rawValue
          return record
        }
        segments[index]["west"] = Self.point(segment.westEnd)
        segments[index]["east"] = Self.point(segment.eastEnd)
      }
      object["segments"] = segments
    }
    if var checkpoints = object["checkpoints"] as? [[String: Any]] {
      for index in checkpoints.indices {
        guard let id = checkpoints[index]["id"] as? String,
          let checkpoint = situation.checkpoint(CheckpointID(id))
        else { continue }
        checkpoints[index]["district"] = Self.place(checkpoint.district)
        checkpoints[index]["counterpart"] = checkpoint.counterpart.map(Self.place) ?? NSNull()
        checkpoints[index]["location"] = Self.point(checkpoint.location)
      }
      object["checkpoints"] = checkpoints
    }
  }

  /// `{"name": …, "name_cyrillic": …}`.
  static func place(_ name: PlaceName) -> [String: Any] {
    ["name": name.latin, "name_cyrillic": name.cyrillic ?? NSNull()]
  }

  /// A district with its region: `{"name", "name_cyrillic", "region", "region_cyrillic"}`.
  static func place(_ district: District) -> [String: Any] {
    var record = place(district.name)
    record["region"] = district.region?.latin ?? NSNull()
    record["region_cyrillic"] = district.region?.cyrillic ?? NSNull()
    return record
  }

  /// `{"lat": …, "lon": …}`, or null where the position is not known.
  static func point(_ coordinate: Coordinate?) -> Any {
    guard let coordinate else { return NSNull() }
    return ["lat": coordinate.latitude, "lon": coordinate.longitude]
  }
}
