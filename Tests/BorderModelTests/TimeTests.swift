import Testing

@testable import BorderModel

@Suite("Times")
struct TimeTests {
  @Test(
    "RFC 3339 times read to the right instant",
    arguments: [
      ("1970-01-01T00:00:00Z", Int64(0)),
      ("2021-04-28T06:00:00Z", Int64(1_619_589_600_000)),
      ("2021-04-28T12:00:00+06:00", Int64(1_619_589_600_000)),
      ("2021-04-28T11:00:00+05:00", Int64(1_619_589_600_000)),
      ("2021-04-28T06:00:00.250Z", Int64(1_619_589_600_250)),
      ("2024-02-29T23:59:59Z", Int64(1_709_251_199_000)),
      ("1969-12-31T23:59:59Z", Int64(-1000)),
    ])
  func parses(text: String, millis: Int64) throws {
    let time = try RFC3339.parse(text).get()
    #expect(time.epochMilliseconds == millis)
  }

  @Test("a time without a zone is refused and says so")
  func missingZone() {
    #expect(RFC3339.parse("2021-04-28T06:00:00") == .failure(.missingZone("2021-04-28T06:00:00")))
    let message = TimeParseError.missingZone("2021-04-28T06:00").description
    #expect(message.contains("has no zone"))
  }

  @Test(
    "malformed and out-of-range times are refused",
    arguments: [
      "2021-13-01T00:00:00Z", "2021-02-30T00:00:00Z", "2021-04-28T24:00:00Z", "yesterday",
      "2021-04-28X06:00:00Z", "2021-04-28T06:00:00Q",
    ])
  func refused(text: String) {
    #expect((try? RFC3339.parse(text).get()) == nil)
  }

  @Test("a date alone means the end of that day in UTC, for --at")
  func dateOnly() throws {
    let time = try RFC3339.parseDateOrTime("2011-12-31").get()
    #expect(RFC3339.format(time) == "2011-12-31T23:59:59.999Z")
    #expect((try? RFC3339.parse("2011-12-31").get()) == nil)
  }

  @Test("formatting round-trips through parsing")
  func roundTrip() throws {
    for millis in stride(from: Int64(-2_000_000_000_000), to: 4_000_000_000_000, by: 37_123_456_789) {
      let time = Timestamp(epochMilliseconds: millis)
      #expect(try RFC3339.parse(RFC3339.format(time)).get() == time)
    }
  }

  @Test("Bishkek is UTC+6 and Dushanbe UTC+5, all year")
  func capitals() {
    let winter = Timestamp(year: 2026, month: 1, day: 15, hour: 3, minute: 30)
    let summer = Timestamp(year: 2026, month: 7, day: 15, hour: 3, minute: 30)
    for time in [winter, summer] {
      #expect(DisplayZone.bishkek.clock(time) == "09:30")
      #expect(DisplayZone.dushanbe.clock(time) == "08:30")
      #expect(DisplayZone.utc.clock(time) == "03:30")
    }
    let lateEvening = Timestamp(year: 2026, month: 12, day: 31, hour: 20)
    #expect(DisplayZone.bishkek.date(lateEvening) == "2027-01-01")
    #expect(DisplayZone.dushanbe.date(lateEvening) == "2027-01-01")
    #expect(DisplayZone.bishkek.civil(Timestamp(year: 2026, month: 11, day: 29)).weekday == 6)
  }

  @Test("durations read the way an operator says them")
  func durations() {
    #expect(DurationText.compact(seconds: 42) == "42s")
    #expect(DurationText.compact(seconds: 12 * 60 + 5) == "12m")
    #expect(DurationText.compact(seconds: 3 * 3600 + 5 * 60) == "3h05m")
    #expect(DurationText.compact(seconds: 4 * 86_400 + 6 * 3600) == "4d06h")
    let now = Timestamp(epochSeconds: 1_000_000)
    #expect(DurationText.relative(from: now, to: now.adding(seconds: 90)) == "in 1m")
    #expect(DurationText.relative(from: now, to: now.adding(seconds: -7200)) == "2h00m ago")
  }
}

@Suite("Claimed figures")
struct ClaimedFigureTests {
  @Test("figures read with thousands grouped for people, plain in files")
  func grouping() {
    #expect(ClaimedFigure(136_000, 140_000).grouped == "136,000–140,000")
    #expect(ClaimedFigure(63).grouped == "63")
    #expect(ClaimedFigure(1_470).grouped == "1,470")
    #expect(ClaimedFigure(10_000, 40_000).description == "10000–40000")
    #expect(
      CasualtyClaim(killed: ClaimedFigure(36), injured: ClaimedFigure(154, 189)).summary
        == "36 killed, 154–189 injured")
  }
}
