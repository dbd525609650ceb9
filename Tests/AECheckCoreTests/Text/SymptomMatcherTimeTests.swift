import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

@Suite("SymptomMatcher time ranges")
struct SymptomMatcherTimeTests {
    /// Finds "yesterday" and "20 minutes after the drip started" inside the clause it is given.
    static func fakeFinder(_ text: String, _ clause: Range<String.Index>) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        for phrase in ["yesterday", "20 minutes after the drip started"] {
            var searchStart = clause.lowerBound
            while let hit = text.range(
                of: phrase, options: .caseInsensitive, range: searchStart..<clause.upperBound)
            {
                found.append(hit)
                searchStart = hit.upperBound
            }
        }
        return found
    }

    @Test(
        "a time phrase attaches to every finding of its sentence",
        arguments: [
            ("hives yesterday", ["hives": "yesterday"]),
            ("Yesterday, hives and a headache", ["hives": "Yesterday", "headache": "Yesterday"]),
            (
                "I got hives 20 minutes after the drip started",
                ["hives": "20 minutes after the drip started"]
            ),
            ("fever yesterday. Rash now", ["fever": "yesterday", "rash": ""]),
            ("no fever", ["fever": ""]),
        ])
    func attaches(text: String, expected: [String: String]) {
        let matches = Fixtures.matcher.match(text, timeFinder: Self.fakeFinder)
        #expect(matches.count == expected.count)
        for match in matches {
            let time = match.timeRange.map { String(text[$0]) } ?? ""
            #expect(time == expected[match.findingID])
        }
    }

    @Test("the nearest time phrase wins")
    func nearestWins() throws {
        let text = "yesterday a headache, and hives 20 minutes after the drip started"
        let matches = Fixtures.matcher.match(text, timeFinder: Self.fakeFinder)
        let headache = try #require(matches.first { $0.findingID == "headache" })
        let hives = try #require(matches.first { $0.findingID == "hives" })
        #expect(headache.timeRange.map { String(text[$0]) } == "yesterday")
        #expect(hives.timeRange.map { String(text[$0]) } == "20 minutes after the drip started")
    }

    @Test("the finder is called once per sentence holding a match, and foreign ranges are ignored")
    func finderCalls() {
        let text = "fever and rash. nothing here. hives"
        final class Counter: @unchecked Sendable { var calls = 0 }
        let counter = Counter()
        let outside = text.startIndex..<text.index(text.startIndex, offsetBy: 5)
        let matches = Fixtures.matcher.match(text) { _, clause in
            counter.calls += 1
            return clause.lowerBound == text.startIndex ? [] : [outside]
        }
        #expect(counter.calls == 2)
        #expect(matches.allSatisfy { $0.timeRange == nil })
    }
}
