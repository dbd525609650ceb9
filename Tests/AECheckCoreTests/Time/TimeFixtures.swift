import Foundation

@testable import AECheckCore
@testable import AECheckLanguage

/// Shared dates and contexts for the time tests.
enum TimeFixtures {
    static let london = TimeZone(identifier: "Europe/London")!
    static let newYork = TimeZone(identifier: "America/New_York")!

    /// Saturday 2026-11-21, 14:00 in London (GMT, so local time equals UTC).
    static let now = date("2026-11-21T14:00:00Z")

    /// The infusion started at 11:00 on the same day.
    static let infusionStart = TimeBand(instant: date("2026-11-21T11:00:00Z"))

    static let anchorPhrases = [
        "the drip started": "infusion-start",
        "the infusion started": "infusion-start",
        "it started": "infusion-start",
    ]

    /// An ISO 8601 date-time with an offset or Z, e.g. "2026-11-21T14:00:00Z".
    static func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        guard let date = formatter.date(from: text) else { fatalError("bad fixture date \(text)") }
        return date
    }

    static func context(now: Date = now, zone: TimeZone = london, withAnchors: Bool = true) -> TimeContext {
        TimeContext(
            now: now, timeZone: zone, anchors: withAnchors ? ["infusion-start": infusionStart] : [:],
            anchorPhrases: anchorPhrases)
    }

    /// The band `text` parses to, or nil when it is refused.
    static func band(_ text: String, in context: TimeContext = context()) -> TimeBand? {
        try? TimeParser.parse(text, in: context).get().band
    }
}
