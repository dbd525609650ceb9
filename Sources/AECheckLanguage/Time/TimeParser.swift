import Foundation

/// Reads onset times people type: clock times, "2 hours ago", "yesterday evening", ISO 8601,
/// and times relative to known anchors such as the infusion start.
///
/// Readings are past-biased and deterministic: `now` and the time zone come from the context.
///
///     let result = TimeParser.parse("about 2 hours ago", in: context)
public enum TimeParser: Sendable {
    /// Parses a whole answer ("10:30", "2 hours ago", ...).
    ///
    /// Case-insensitive; surrounding whitespace and a final period are ignored. Leading words such as
    /// "since" or "started" are allowed. Anything left over makes the answer `.unrecognised`.
    ///
    ///     TimeParser.parse("yesterday 3pm", in: context)  // .success, instant yesterday 15:00
    public static func parse(_ text: String, in context: TimeContext) -> Result<ParsedTime, TimeRefusal> {
        let trimmed = trim(text)
        guard !trimmed.isEmpty else { return .failure(.empty) }
        let parser = PhraseParser(text: trimmed, context: context, mode: .whole)
        guard let match = parser.phrase(at: 0) else { return .failure(.unrecognised(trimmed.lowercased())) }
        if case .success = match.outcome, match.end != parser.tokens.count {
            return .failure(.unrecognised(trimmed.lowercased()))
        }
        return match.outcome
    }

    /// Finds time phrases inside a longer sentence and returns each with its range in `text` and its reading.
    ///
    /// Phrases that do not parse (or are refused) are skipped. Lead words like "since" are not part of
    /// the range; approximators like "about" are. Runs in time linear in the length of `text`.
    ///
    ///     TimeParser.find(in: "a glow since yesterday", context: context)  // one hit: "yesterday"
    public static func find(
        in text: String, context: TimeContext
    ) -> [(range: Range<String.Index>, time: ParsedTime)] {
        let parser = PhraseParser(text: text, context: context, mode: .sentence)
        let tokens = parser.tokens
        var found: [(range: Range<String.Index>, time: ParsedTime)] = []
        var index = 0
        while index < tokens.count {
            if let match = parser.phrase(at: index), case .success(let time) = match.outcome,
                match.start < match.end
            {
                found.append(
                    (tokens[match.start].range.lowerBound..<tokens[match.end - 1].range.upperBound, time))
                index = match.end
            } else {
                index += 1
            }
        }
        return found
    }

    /// Parses a duration answer into a range of seconds.
    ///
    /// "2 days", "for 3 hours", "half an hour", "90 min" give a single value; "about a week" and
    /// "a few days" give a band (min...max). Days count 24 hours and months 30 days.
    ///
    ///     TimeParser.parseDuration("for 3 hours")  // .success(10800...10800)
    public static func parseDuration(_ text: String) -> Result<ClosedRange<TimeInterval>, TimeRefusal> {
        DurationParser.parse(text)
    }

    /// `text` without surrounding whitespace and final periods.
    public static func trim(_ text: String) -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines, ascii: isSpace)
        while trimmed.hasSuffix(".") {
            trimmed.removeLast()
            trimmed = trimmed.trimmingCharacters(in: .whitespacesAndNewlines, ascii: isSpace)
        }
        return trimmed
    }
}
