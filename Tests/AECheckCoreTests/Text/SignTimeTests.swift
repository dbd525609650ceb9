import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// Which time in a message belongs to which sign: the time in a sign's own clause wins over a
/// nearer one past a comma or "and"; a time that dates the treatment ("Tysabri for seven
/// months") is no rival for a sign's time; two rival times for one sign leave it unknown.
struct SignTimeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        /// Each sign with the day its onset band starts (yyyy-MM-dd in UTC), or "unknown".
        let expected: [String: String]
        var testDescription: String { text }
    }

    // InterviewTestSupport.now is Saturday 2026-11-21, 14:00 UTC.
    static let cases: [Case] = [
        Case(
            text: "rash 2 weeks ago, headache since yesterday",
            expected: ["rash": "2026-11-07", "headache": "2026-11-20"]),
        Case(
            text: "I had a rash 2 weeks ago and a headache since yesterday",
            expected: ["rash": "2026-11-07", "headache": "2026-11-20"]),
        Case(text: "headache and rash since yesterday", expected: ["rash": "2026-11-20", "headache": "2026-11-20"]),
        Case(
            text: "I have had Tysabri for seven months and since Thursday I have had a temperature",
            expected: ["fever": "2026-11-19"]),
        // A time phrase inside a sign's own words ("every hour") is no crash and no onset.
        Case(text: "I am soaking a tampon every hour", expected: ["heavy-periods": "unknown"]),
        // Two times that both could be the sign's: not known, so the interview asks.
        Case(text: "a headache yesterday or maybe 3 days ago", expected: ["headache": "unknown"]),
    ]

    @Test(arguments: cases)
    func times(_ test: Case) {
        let found = InterviewTestSupport.interview.understand(
            test.text, now: InterviewTestSupport.now, timeZone: TimeZone(identifier: "UTC")!)
        var read: [String: String] = [:]
        for (match, onset) in found where match.status == .present {
            read[match.findingID] =
                onset.map { String(ISO8601DateFormatter().string(from: $0.earliest).prefix(10)) }
                ?? "unknown"
        }
        #expect(read == test.expected)
    }
}
