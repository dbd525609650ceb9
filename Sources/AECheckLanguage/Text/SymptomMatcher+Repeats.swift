import Foundation

extension SymptomMatcher {
    /// Indices of the spans to report: the strongest mention of each finding, in text order.
    ///
    /// Rank: a mention of now before one of the past or a "what if", then present, unknown,
    /// absent; among equals, the first span wins. The patient's and someone else's mentions
    /// are ranked apart, one of each at most.
    /// Example: "no glow ... actually a glow" keeps the second, present mention.
    public static func strongestPerFinding(spans: [PhraseSpan], readings: [ClauseReading], lexicon: Lexicon) -> [Int] {
        // The patient's strongest mention and someone else's are both kept: the echo names
        // both ("about someone else: a fit"), and only the patient's counts as evidence.
        var best: [String: Int] = [:]
        for index in spans.indices {
            let finding =
                lexicon.phrases[spans[index].phraseID].findingID
                + (readings[index].otherPersonCue == nil ? "" : "@other")
            if let current = best[finding], rank(readings[current]) <= rank(readings[index]) { continue }
            best[finding] = index
        }
        return best.values.sorted()
    }

    private static func rank(_ reading: ClauseReading) -> Int {
        let status: Int
        switch reading.status {
        case .present: status = 0
        case .unknown: status = 1
        case .absent: status = 2
        }
        // A mention of now beats one of the past or a "what if".
        return (reading.otherPersonCue == nil ? 0 : 6) + (reading.temporality == .current ? 0 : 3) + status
    }
}
