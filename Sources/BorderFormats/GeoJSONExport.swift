import BorderModel
import Foundation

/// Segments and checkpoints as an RFC 7946 GeoJSON FeatureCollection, positions `[longitude, latitude]`.
public struct GeoJSONExport: Sendable {
  public let situation: Situation
  public let asOf: Timestamp

  public init(situation: Situation, asOf: Timestamp) {
    self.situation = situation
    self.asOf = asOf
  }

  /// A position `[lon, lat]`, rounded to six decimals (about 10 cm).
  static func position(_ c: Coordinate) -> [Double] {
    [(c.longitude * 1e6).rounded() / 1e6, (c.latitude * 1e6).rounded() / 1e6]
  }

  /// A segment's geometry: a LineString west to east, a Point when one end is known, nil without coordinates.
  static func geometry(_ segment: Segment) -> [String: Any]? {
    switch (segment.westEnd, segment.eastEnd) {
    case (nil, nil): return nil
    case (let end?, nil), (nil, let end?): return ["type": "Point", "coordinates": position(end)]
    case (let west?, let east?):
      return ["type": "LineString", "coordinates": [position(west), position(east)]]
    }
  }

  static func district(_ district: District) -> [String: Any] {
    [
      "name": district.name.latin, "name_cyrillic": district.name.cyrillic ?? NSNull(),
      "region": district.region?.latin ?? NSNull(), "region_cyrillic": district.region?.cyrillic ?? NSNull(),
    ]
  }

  /// The collection as a JSON object.
  public func object() -> [String: Any] {
    var features: [[String: Any]] = []
    var without: [String] = []
    for segment in situation.segments {
      guard let geometry = Self.geometry(segment) else {
        without.append(segment.id.rawValue)
        continue
      }
      let properties: [String: Any] = [
        "kind": "segment", "id": segment.id.rawValue, "name": segment.name.latin,
        "name_cyrillic": segment.name.cyrillic ?? NSNull(), "sector": segment.sector.rawValue,
        "status": segment.status.rawValue, "status_label": segment.status.label,
        "level": situation.effectiveLevel(of: segment).rawValue,
        "baseline_level": segment.alertLevel.rawValue,
        "level_label": situation.effectiveLevel(of: segment).label, "length_km": segment.lengthKm,
        "points": segment.borderPoints ?? NSNull(), "kg_district": Self.district(segment.kyrgyzDistrict),
        "tj_district": Self.district(segment.tajikDistrict),
        "settlements": segment.settlements.map { settlement -> [String: Any] in
          [
            "name": settlement.name.latin, "name_cyrillic": settlement.name.cyrillic ?? NSNull(),
            "side": settlement.side.rawValue,
          ]
        },
        "open_alerts": situation.alerts.filter { $0.isOpen && $0.segment == segment.id }.count,
        "provenance": segment.provenance.label, "provenance_detail": segment.provenance.summary,
        "geometry_ends": segment.westEnd != nil && segment.eastEnd != nil ? "both" : "one",
      ]
      features.append([
        "type": "Feature", "id": segment.id.rawValue, "geometry": geometry, "properties": properties,
      ])
    }
    var checkpointsWithout: [String] = []
    for checkpoint in situation.checkpoints {
      guard let location = checkpoint.location else {
        checkpointsWithout.append(checkpoint.id.rawValue)
        continue
      }
      let properties: [String: Any] = [
        "kind": "checkpoint", "id": checkpoint.id.rawValue, "name": checkpoint.name.latin,
        "name_cyrillic": checkpoint.name.cyrillic ?? NSNull(),
        "counterpart": checkpoint.counterpart?.latin ?? NSNull(),
        "counterpart_cyrillic": checkpoint.counterpart?.cyrillic ?? NSNull(),
        "district": checkpoint.district.latin, "district_cyrillic": checkpoint.district.cyrillic ?? NSNull(),
        "category": checkpoint.category ?? NSNull(), "status": checkpoint.status.rawValue,
        "since": checkpoint.since.map(RFC3339.format) ?? NSNull(), "provenance": checkpoint.provenance.label,
        "provenance_detail": checkpoint.provenance.summary,
      ]
      features.append([
        "type": "Feature", "id": checkpoint.id.rawValue,
        "geometry": ["type": "Point", "coordinates": Self.position(location)], "properties": properties,
      ])
    }
    return [
      "type": "FeatureCollection",
      "features": features,
      "properties": [
        "title": situation.title, "sample": situation.isIllustrativeSample, "as_of": RFC3339.format(asOf),
        "segments_without_coordinates": without,
        "checkpoints_without_coordinates": checkpointsWithout,
      ],
    ]
  }

  /// The collection as JSON text, keys sorted.
  public func json() throws -> String {
    let data = try JSONSerialization.data(
      withJSONObject: object(), options: [.sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self)
  }
}
