import BorderModel
import Foundation

/// Distances on the Earth's surface and the segment nearest a point.
public enum Geography {
  /// The mean Earth radius in kilometres.
  public static let earthRadiusKm = 6371.0088

  /// The great-circle distance between two points, in kilometres (haversine).
  public static func distanceKm(_ a: Coordinate, _ b: Coordinate) -> Double {
    let radians = Double.pi / 180
    let dLat = (b.latitude - a.latitude) * radians
    let dLon = (b.longitude - a.longitude) * radians
    let h =
      pow(sin(dLat / 2), 2) + cos(a.latitude * radians) * cos(b.latitude * radians) * pow(sin(dLon / 2), 2)
    return 2 * earthRadiusKm * asin(min(1, sqrt(h)))
  }

  /// The distance from a point to a segment's line (its west–east chord, or the one end it has), or nil without coordinates.
  public static func distanceKm(from point: Coordinate, to segment: Segment) -> Double? {
    switch (segment.westEnd, segment.eastEnd) {
    case (nil, nil): return nil
    case (let end?, nil), (nil, let end?): return distanceKm(point, end)
    case (let west?, let east?): return distanceToChord(point, west, east)
    }
  }

  /// The segment with coordinates nearest `point` and its distance, if one lies within `limitKm`.
  public static func nearestSegment(to point: Coordinate, in segments: [Segment], withinKm limitKm: Double)
    -> (segment: Segment, distanceKm: Double)?
  {
    var best: (segment: Segment, distanceKm: Double)?
    for segment in segments {
      guard let distance = distanceKm(from: point, to: segment), distance <= limitKm else { continue }
      if best.map({ distance < $0.distanceKm }) ?? true { best = (segment, distance) }
    }
    return best
  }

  /// Distance to the chord between two nearby points, on a local flat projection (good to a few metres over tens of km).
  static func distanceToChord(_ p: Coordinate, _ a: Coordinate, _ b: Coordinate) -> Double {
    let radians = Double.pi / 180
    let scale = cos((a.latitude + b.latitude) / 2 * radians)
    func project(_ c: Coordinate) -> (x: Double, y: Double) {
      ((c.longitude - a.longitude) * scale, c.latitude - a.latitude)
    }
    let pb = project(b)
    let pp = project(p)
    let length2 = pb.x * pb.x + pb.y * pb.y
    var t = length2 == 0 ? 0 : (pp.x * pb.x + pp.y * pb.y) / length2
    t = max(0, min(1, t))
    let nearest = Coordinate(
      latitude: a.latitude + t * (b.latitude - a.latitude),
      longitude: a.longitude + t * (b.longitude - a.longitude))
    return distanceKm(p, nearest)
  }

  /// The midpoint of a segment's known ends, or its one known end.
  public static func centre(of segment: Segment) -> Coordinate? {
    switch (segment.westEnd, segment.eastEnd) {
    case (nil, nil): return nil
    case (let end?, nil), (nil, let end?): return end
    case (let west?, let east?):
      return Coordinate(
        latitude: (west.latitude + east.latitude) / 2, longitude: (west.longitude + east.longitude) / 2)
    }
  }

  /// Whether a latitude/longitude pair is on the globe.
  public static func isValid(latitude: Double, longitude: Double) -> Bool {
    latitude.isFinite && longitude.isFinite && abs(latitude) <= 90 && abs(longitude) <= 180
  }
}
