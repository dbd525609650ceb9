import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// Duration answers ("for 3 hours", "about a week").
struct DurationParserTests {
    @Test(arguments: [
        ("2 days", 172_800.0, 172_800.0),
        ("for 3 hours", 10_800, 10_800),
        ("about a week", 453_600, 756_000),
        ("half an hour", 1_800, 1_800),
        ("90 min", 5_400, 5_400),
        ("an hour and a half.", 5_400, 5_400),
        ("a few days", 172_800, 345_600),
        ("for the past 2 weeks", 1_209_600, 1_209_600),
        ("about 10 minutes", 300, 900),
        ("3 hours or so", 8_100, 13_500),
        ("2 hours 15 minutes", 8_100, 8_100),
    ])
    func durations(input: String, low: Double, high: Double) {
        #expect(TimeParser.parseDuration(input) == .success(low...high))
    }

    @Test(arguments: [
        ("", TimeRefusal.empty),
        ("banana", .unrecognised("banana")),
        ("2 days ago", .unrecognised("2 days ago")),
        ("10:30", .unrecognised("10:30")),
    ])
    func refusals(input: String, expected: TimeRefusal) {
        #expect(TimeParser.parseDuration(input) == .failure(expected))
    }
}
